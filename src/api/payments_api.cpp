// POST /api/v1/payments: a payment received against a contract (回款登记). The contract must
// be in the caller's scope (one outside answers as one that does not exist); the payment's
// rules are model/payment_rules.h, checked here against the Snapshot for the answer's order
// and again by the store inside its transaction (what is open there is what counts). The
// next Snapshot appends it (engine::with_payments), so receivables, overdue and aging show
// it at once.
#include <algorithm>

#include "api/json_fields.h"
#include "api/routes.h"
#include "auth/auth.h"
#include "model/contract_rules.h"
#include "model/payment_rules.h"

namespace sl::api {

namespace {

AppError no_such_contract(int64_t id) {
  return AppError(404, "not_found", "contract", "合同不存在：" + std::to_string(id),
                  "No such contract: " + std::to_string(id));
}

model::Payment read_payment(const Caller& c, const json::object& body, Date today) {
  const engine::ContractTable& k = c.snap->facts->contracts;
  model::Payment p;
  p.contract = required_int(body, "contract", "contract", 1, INT64_MAX);
  const auto it = std::lower_bound(k.id.begin(), k.id.end(), p.contract);
  if (it == k.id.end() || *it != p.contract) throw no_such_contract(p.contract);
  const size_t row = static_cast<size_t>(it - k.id.begin());
  if (!c.scope.sees_rep(k.rep[row])) throw no_such_contract(p.contract);

  p.date = required_date(body, "date", "date");
  p.amount = required_int(body, "amount", "amount", INT64_MIN, INT64_MAX);
  model::check_payment(p.date, p.amount, today);
  model::check_payment_after_signing(p.date, Date{k.signed_day[row]});
  Money paid = 0;
  for (size_t i = k.pay_begin[row]; i < k.pay_begin[row + 1]; ++i) paid += k.pay_amount[i];
  model::check_payment_open(p.amount, k.amount[row] - paid);
  return p;
}

}  // namespace

void add_payment_routes(http::Router& r, Context& ctx) {
  r.add("POST", "/api/v1/payments", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    model::Payment p = read_payment(c, as_object(parsed, "body"), ctx.today());
    auto published = ctx.snapshots.add_payment(p, c.user.id, auth::system_clock_seconds());
    return http::json_response(201, json::object{{"id", p.id},
                                                 {"contract", p.contract},
                                                 {"date", format_date(p.date)},
                                                 {"amount", p.amount},
                                                 {"snapshot", json::object{{"version", published.version},
                                                                           {"incremental", published.incremental},
                                                                           {"ms", published.ms}}}});
  });
}

}  // namespace sl::api
