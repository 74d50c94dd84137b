// The pickers of the fill-in forms (合同录入, 商机维护): GET /api/v1/pickers/customers — the
// customers in the caller's scope (engine::sees_customer, the rule every write checks) — and
// GET /api/v1/pickers/products with each product's list price and unit cost (a line's cost is
// qty × unit cost). Both searched with ?q= (code or name) and paged (?page, ?page_size); the
// opportunity picker is GET /api/v1/opportunities?customer=&status=open.
#include "api/json_fields.h"
#include "api/list_search.h"
#include "api/paging.h"
#include "api/routes.h"

namespace sl::api {

void add_picker_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/pickers/customers", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const TextQuery q = read_text_query(req);
    const Paging paging = read_paging(req, 20);
    const engine::Facts& f = *c.snap->facts;
    const auto& cs = f.customers;
    std::vector<int32_t> hits;
    for (int32_t i = 0; i < static_cast<int32_t>(cs.size_count()); ++i)
      if (engine::sees_customer(c.scope, cs, i) && q.matches({cs.name[i], cs.code[i]})) hits.push_back(i);
    json::array rows;
    for (size_t k = paging.first(hits.size()); k < paging.last(hits.size()); ++k) {
      const int32_t i = hits[k];
      rows.push_back(json::object{{"id", f.customer_id[i]}, {"code", cs.code[i]}, {"name", cs.name[i]}});
    }
    json::object answer{{"rows", std::move(rows)}};
    add_paging(answer, hits.size(), paging);
    return http::json_response(200, answer);
  });

  r.add("GET", "/api/v1/pickers/products", [&ctx](http::Request& req) {
    require_caller(ctx, req);
    const TextQuery q = read_text_query(req);
    const Paging paging = read_paging(req, 20);
    std::vector<model::Product> hits;
    for (auto& p : ctx.store.list_products())
      if (q.matches({p.code, p.name, p.category})) hits.push_back(std::move(p));
    json::array rows;
    for (size_t k = paging.first(hits.size()); k < paging.last(hits.size()); ++k) {
      const auto& p = hits[k];
      rows.push_back(json::object{{"id", p.id},
                                  {"code", p.code},
                                  {"name", p.name},
                                  {"category", p.category},
                                  {"list_price", p.list_price},
                                  {"unit_cost", p.unit_cost}});
    }
    json::object answer{{"rows", std::move(rows)}};
    add_paging(answer, hits.size(), paging);
    return http::json_response(200, answer);
  });
}

}  // namespace sl::api
