// The data-entry writes on PostgreSQL — P5 forecasts, 回款登记 payments, 商机维护 opportunities
// — and their reads, as the SQLite files of the same names (forecasts.cpp, payment_writes.cpp,
// opportunity_writes.cpp, opportunity_reads.cpp): each write with its audit row in one
// transaction, checked against the rows as that transaction sees them (FOR UPDATE).
#include "core/error.h"
#include "model/opportunity_rules.h"
#include "model/payment_rules.h"
#include "store/codes.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/rows.h"

namespace sl::store::pg {

Id PgStore::add_forecast(const model::Forecast& f, Id user, int64_t at) {
  if (f.value < 0) throw invalid_field("value", "预测值不能为负数", "A forecast cannot be negative");
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  if (c_->query("SELECT 1 FROM reps WHERE id = $1", Params().add(f.rep)).empty())
    throw invalid_field("rep", "销售代表不存在", "No such rep");
  const std::string month = format_month(f.month);
  Result old = c_->query(
      "SELECT value FROM forecasts WHERE month = $1 AND rep = $2 ORDER BY submitted_at DESC, id DESC LIMIT 1",
      Params().add(month).add(f.rep));
  const std::string old_value = old.empty() ? std::string() : old.row(0).text(0);
  const Id id = next_id(*c_, "forecasts");
  c_->query("INSERT INTO forecasts(id, month, rep, value, submitted_at) VALUES ($1,$2,$3,$4,$5)",
            Params().add(id).add(month).add(f.rep).add(f.value).add(f.submitted_at));
  write_audit(*c_, {at, user, "forecast", month + "/rep/" + std::to_string(f.rep), old_value, std::to_string(f.value)});
  tx.commit();
  return id;
}

Id PgStore::add_payment(const model::Payment& p, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  // The contract row locked: two payments posted at once on two servers take turns.
  Result k = c_->query("SELECT signed_date, amount FROM contracts WHERE id = $1 FOR UPDATE", Params().add(p.contract));
  if (k.empty()) throw not_found();
  const Date signed_date = k.row(0).date(0);
  const Money open =
      k.row(0).i64(1) - c_->scalar("SELECT coalesce(sum(amount), 0) FROM payments WHERE contract = $1",
                                   Params().add(p.contract));
  model::check_payment_after_signing(p.date, signed_date);
  model::check_payment_open(p.amount, open);
  const Id id = next_id(*c_, "payments");
  c_->query("INSERT INTO payments(id, contract, date, amount) VALUES ($1,$2,$3,$4)",
            Params().add(id).add(p.contract).add(p.date).add(p.amount));
  write_audit(*c_, {at, user, "payment", std::to_string(id), "",
                    "contract " + std::to_string(p.contract) + " " + format_date(p.date) + " " +
                        std::to_string(p.amount)});
  tx.commit();
  return id;
}

Id PgStore::add_opportunity(const model::Opportunity& o, Id user, int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  if (!o.code.empty() &&
      !c_->query("SELECT 1 FROM opportunities WHERE lower(trim(code)) = lower(trim($1))", Params().add(o.code)).empty())
    throw invalid_field("code", "商机编号已存在：" + o.code, "Opportunity code already exists: " + o.code);
  const Id id = next_id(*c_, "opportunities");
  const std::string code = o.code.empty() ? model::opportunity_code(id) : o.code;
  c_->query(
      "INSERT INTO opportunities(id, code, customer, rep, category, amount, created, expected_close, stage, closed,"
      " lost_reason) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,NULL,'')",
      Params()
          .add(id)
          .add(code)
          .add(o.customer)
          .add(o.rep)
          .add(o.category)
          .add(o.amount)
          .add(o.created)
          .add(o.expected_close)
          .add(model::stage_code(o.stage)));
  c_->query("INSERT INTO opportunity_stage_events(opportunity, seq, stage, date) VALUES ($1,0,$2,$3)",
            Params().add(id).add(model::stage_code(o.stage)).add(o.created));
  write_audit(*c_, {at, user, "opportunity", std::to_string(id), "",
                    code + " " + model::stage_code(o.stage) + " " + std::to_string(o.amount)});
  tx.commit();
  return id;
}

void PgStore::move_opportunity(Id id, model::Stage to, Date on, const std::string& lost_reason, Date today, Id user,
                               int64_t at) {
  std::lock_guard lock(mu_);
  DataTx tx(*c_);
  Result o = c_->query("SELECT stage, created FROM opportunities WHERE id = $1 FOR UPDATE", Params().add(id));
  if (o.empty()) throw not_found();
  Result h = c_->query(
      "SELECT max(date), coalesce(max(seq), -1) FROM opportunity_stage_events WHERE opportunity = $1", Params().add(id));
  const model::Stage from = parse_stage(o.row(0).text(0));
  const Date last = h.row(0).opt_date(0).value_or(o.row(0).date(1));
  const int64_t seq = h.row(0).i64(1) + 1;
  model::check_move(from, last, to, on, today, lost_reason);
  Params up = Params().add(model::stage_code(to));
  if (model::is_closed(to))
    up.add(on);
  else
    up.null();
  c_->query("UPDATE opportunities SET stage = $1, closed = $2, lost_reason = $3 WHERE id = $4",
            up.add(lost_reason).add(id));
  c_->query("INSERT INTO opportunity_stage_events(opportunity, seq, stage, date) VALUES ($1,$2,$3,$4)",
            Params().add(id).add(seq).add(model::stage_code(to)).add(on));
  write_audit(*c_, {at, user, "opportunity", std::to_string(id), model::stage_code(from),
                    std::string(model::stage_code(to)) + " " + format_date(on) +
                        (lost_reason.empty() ? "" : " " + lost_reason)});
  tx.commit();
}

std::optional<model::Opportunity> PgStore::find_opportunity(Id id) {
  auto rd = reader();
  Result r = rd.c.query(std::string(rows::kOpportunityCols) + "WHERE id = $1", Params().add(id));
  if (r.empty()) return std::nullopt;
  model::Opportunity o = rows::read_opportunity(r.row(0));
  Result h = rd.c.query("SELECT stage, date FROM opportunity_stage_events WHERE opportunity = $1 ORDER BY date, seq",
                        Params().add(id));
  for (int i = 0; i < h.rows(); ++i) o.history.push_back({parse_stage(h.row(i).text(0)), h.row(i).date(1)});
  return o;
}

std::vector<model::Product> PgStore::list_products() {
  auto rd = reader();
  Result r = rd.c.query("SELECT id, code, name, category, launch_date, list_price, unit_cost FROM products ORDER BY id");
  std::vector<model::Product> out;
  for (int i = 0; i < r.rows(); ++i) {
    Row p = r.row(i);
    out.push_back({p.i64(0), p.text(1), p.text(2), p.text(3), p.date(4), p.i64(5), p.i64(6)});
  }
  return out;
}

}  // namespace sl::store::pg
