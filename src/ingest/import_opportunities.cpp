// Opportunities with their stage history: one row per opportunity, upserted by its code
// (schema v7), the history rebuilt from the created day, the stage dates and the closed day
// (model/opportunity_rules.h) and replacing the stored one as a whole when it differs.
#include <algorithm>
#include <unordered_map>

#include "ingest/import_importer.h"
#include "ingest/values.h"
#include "model/opportunity_rules.h"

namespace sl::ingest {

namespace {

// The opportunity's own columns after its code, in the table's and the file's order.
const std::vector<std::string> kHead = {"customer", "rep",    "category", "amount",     "created",
                                        "expected_close", "stage", "closed",  "lost_reason"};
const std::vector<std::string> kStageDates = {"qualified_date", "proposal_date", "bidding_date", "negotiation_date"};

using Events = std::vector<std::pair<std::string, std::string>>;  // (stage code, day) in order

struct Stored {
  int64_t id = 0;
  SqlRow head;
  Events events;
};

std::optional<Date> day_of(const SqlValue& v) {
  const auto* s = std::get_if<std::string>(&v);
  return s ? parse_date(*s) : std::nullopt;
}

class OpportunityImporter : public Importer {
 public:
  OpportunityImporter(const Entity& e, ImportDb& db, Date today) : Importer(e, db), today_(today) {
    require_column(db, "opportunities", "code");
    std::unordered_map<int64_t, std::string> fold_of;
    for (auto& r : db_.query("SELECT id, code, customer, rep, category, amount, created, expected_close, stage, "
                             "closed, lost_reason FROM opportunities")) {
      const int64_t id = std::get<int64_t>(r[0]);
      next_id_ = std::max(next_id_, id + 1);
      const std::string fold = key_fold(std::get<std::string>(r[1]));
      fold_of[id] = fold;
      stored_[fold] = Stored{id, SqlRow(r.begin() + 2, r.end()), {}};
    }
    for (auto& r : db_.query("SELECT opportunity, stage, date FROM opportunity_stage_events ORDER BY opportunity, seq"))
      stored_[fold_of[std::get<int64_t>(r[0])]].events.emplace_back(std::get<std::string>(r[1]),
                                                                      std::get<std::string>(r[2]));
  }

  void row(const Row& r, ImportResult& out) override {
    if (r.error) {
      out.errors.push_back({r.number, "", "", *r.error});
      return;
    }
    bool bad = false;
    auto get = [&](const std::string& f) {
      auto v = read(r, f, out);
      bad = bad || !v;
      return v ? *v : SqlValue{};
    };
    const SqlValue code = get("code");
    SqlRow head;
    for (const auto& f : kHead) head.push_back(get(f));
    model::StageDates dates;
    for (size_t i = 0; i < kStageDates.size(); ++i) dates[i] = day_of(get(kStageDates[i]));
    if (bad) return;
    Events events;
    std::string typed = std::get<std::string>(code);
    try {
      typed = model::opportunity_code_of(typed);
      model::check_opportunity(std::get<int64_t>(head[3]), *day_of(head[4]), *day_of(head[5]), today_);
      const auto stage = *model::stage_of(std::get<std::string>(head[6]));
      for (const auto& e : model::build_history(stage, *day_of(head[4]), dates, day_of(head[7]),
                                                std::get<std::string>(head[8]), today_))
        events.emplace_back(model::stage_code(e.stage), format_date(e.date));
    } catch (const AppError& err) {
      add_error(out, r.number, err.field, &r, err);
      return;
    }
    const std::string fold = key_fold(typed);
    if (auto [it, fresh] = seen_.try_emplace(fold, r.number); !fresh) {
      add_error(out, r.number, "code", &r, duplicate_key("code", it->second));
      return;
    }
    classify(typed, fold, std::move(head), events, out);
  }

 private:
  void classify(const std::string& code, const std::string& fold, SqlRow head, const Events& events,
                ImportResult& out) {
    auto it = stored_.find(fold);
    if (it == stored_.end()) {
      const int64_t id = next_id_++;
      SqlRow v{id, code};
      v.insert(v.end(), head.begin(), head.end());
      writes_.push_back({"INSERT INTO opportunities(id, code, customer, rep, category, amount, created, "
                         "expected_close, stage, closed, lost_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                         std::move(v)});
      write_events(id, events, false);
      ++out.inserted;
      return;
    }
    const Stored& s = it->second;
    if (s.head == head && s.events == events) {
      ++out.unchanged;
      return;
    }
    if (s.head != head) {
      SqlRow v = std::move(head);
      v.emplace_back(s.id);
      writes_.push_back({"UPDATE opportunities SET customer = ?, rep = ?, category = ?, amount = ?, created = ?, "
                         "expected_close = ?, stage = ?, closed = ?, lost_reason = ? WHERE id = ?",
                         std::move(v)});
    }
    if (s.events != events) write_events(s.id, events, true);
    ++out.updated;
  }

  void write_events(int64_t id, const Events& events, bool replace) {
    if (replace) writes_.push_back({"DELETE FROM opportunity_stage_events WHERE opportunity = ?", {id}});
    for (size_t i = 0; i < events.size(); ++i)
      writes_.push_back({"INSERT INTO opportunity_stage_events(opportunity, seq, stage, date) VALUES (?,?,?,?)",
                         {id, static_cast<int64_t>(i), events[i].first, events[i].second}});
  }

  const Date today_;
  std::unordered_map<std::string, Stored> stored_;  // key_fold(code) → the stored opportunity
  std::unordered_map<std::string, int64_t> seen_;   // key_fold(code) → the row that had it first
  int64_t next_id_ = 1;
};

}  // namespace

std::unique_ptr<Importer> opportunity_importer(const Entity& e, ImportDb& db, Date today) {
  if (e.name != "opportunities") return nullptr;
  return std::make_unique<OpportunityImporter>(e, db, today);
}

}  // namespace sl::ingest
