// with_opportunity and with_stage_move leave the opportunity table as a rebuild of the same
// data builds it, and the earlier Snapshot as it was.
#include "engine/append_opportunity.h"

#include <gtest/gtest.h>

using namespace sl;
using namespace sl::engine;

namespace {

Date D(const char* s) { return *parse_date(s); }

model::Opportunity opp(Id id, Id customer, Id rep, const char* category, Money amount, const char* created,
                       std::vector<model::StageEvent> later = {}) {
  model::Opportunity o;
  o.id = id;
  o.customer = customer;
  o.rep = rep;
  o.category = category;
  o.amount = amount;
  o.created = D(created);
  o.expected_close = D("2026-12-31");
  o.history = {{model::Stage::lead, o.created}};
  for (const auto& e : later) o.history.push_back(e);
  o.stage = o.history.back().stage;
  if (o.stage == model::Stage::won || o.stage == model::Stage::lost) o.closed = o.history.back().date;
  return o;
}

model::Dataset base() {
  model::Dataset d;
  d.regions = {{1, "公司", 0, 0}, {2, "华北", 1, 1}};
  d.reps = {{7, "甲", 2, 0, D("2020-01-01"), std::nullopt, "E7"}, {8, "乙", 2, 0, D("2020-01-01"), std::nullopt, "E8"}};
  for (Id c = 1; c <= 2; ++c)
    d.customers.push_back(
        {c, "C" + std::to_string(c), "客户", "制造", model::CustomerSize::large, 2, 7, D("2020-01-01"), ""});
  d.products = {{100, "P100", "服务器A", "服务器", D("2020-01-01"), 1000, 600}};
  d.opportunities = {opp(1, 1, 7, "服务器", 500, "2026-01-05", {{model::Stage::qualified, D("2026-02-01")}}),
                     opp(2, 2, 8, "软件", 700, "2026-02-01"),
                     opp(3, 1, 8, "服务器", 900, "2026-03-01", {{model::Stage::lost, D("2026-04-01")}})};
  d.opportunities[1].code = "CRM-77";
  return d;
}

template <class C>
std::vector<typename C::value_type> values(const C& c) {
  return std::vector<typename C::value_type>(c.begin(), c.end());
}

void expect_same(const OpportunityTable& a, const OpportunityTable& b) {
  EXPECT_EQ(values(a.id), values(b.id));
  EXPECT_EQ(values(a.customer), values(b.customer));
  EXPECT_EQ(values(a.rep), values(b.rep));
  EXPECT_EQ(values(a.category), values(b.category));
  EXPECT_EQ(values(a.amount), values(b.amount));
  EXPECT_EQ(values(a.created), values(b.created));
  EXPECT_EQ(values(a.expected_close), values(b.expected_close));
  EXPECT_EQ(values(a.closed), values(b.closed));
  EXPECT_EQ(values(a.stage), values(b.stage));
  EXPECT_EQ(values(a.hist_begin), values(b.hist_begin));
  EXPECT_EQ(values(a.hist_stage), values(b.hist_stage));
  EXPECT_EQ(values(a.hist_day), values(b.hist_day));
  EXPECT_EQ(values(a.code_chars), values(b.code_chars));
  EXPECT_EQ(values(a.code_begin), values(b.code_begin));
}

}  // namespace

TEST(WithOpportunity, AppendsAndMovesAsARebuildBuilds) {
  model::Dataset d = base();
  auto s = build_snapshot(d, 1);
  const std::vector<int8_t> before = values(s->facts->opportunities.stage);

  // A new one, then moves of it and of an older one (whose later rows' offsets shift).
  model::Opportunity added = opp(4, 2, 7, "服务器", 1200, "2026-05-02");
  auto next = with_opportunity(s, added, 2);
  ASSERT_TRUE(next);
  next = with_stage_move(next, 1, model::Stage::proposal, D("2026-05-03"), 3);
  ASSERT_TRUE(next);
  next = with_stage_move(next, 4, model::Stage::lost, D("2026-05-04"), 4);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->version, 4);

  d.opportunities.push_back(added);
  d.opportunities[0].history.push_back({model::Stage::proposal, D("2026-05-03")});
  d.opportunities[0].stage = model::Stage::proposal;
  d.opportunities[3].history.push_back({model::Stage::lost, D("2026-05-04")});
  d.opportunities[3].stage = model::Stage::lost;
  d.opportunities[3].closed = D("2026-05-04");
  auto rebuilt = build_snapshot(d, 4);
  expect_same(next->facts->opportunities, rebuilt->facts->opportunities);
  EXPECT_EQ(next->facts->opportunities.code(1), "CRM-77");
  EXPECT_EQ(next->facts->opportunities.code(3), "O000004");
  EXPECT_EQ(next->facts->opportunities.stage_at(0, D("2026-05-02")), static_cast<int>(model::Stage::qualified));
  EXPECT_EQ(next->facts->opportunities.stage_at(0, D("2026-05-03")), static_cast<int>(model::Stage::proposal));

  // The earlier Snapshot is untouched; the contracts are shared, not copied.
  EXPECT_EQ(values(s->facts->opportunities.stage), before);
  EXPECT_EQ(s->facts->opportunities.size(), 3u);
  EXPECT_EQ(next->facts->contracts.id.data(), s->facts->contracts.id.data());
}

TEST(WithOpportunity, HeldWritesAndUnknownIds) {
  model::Dataset d = base();
  auto s = build_snapshot(d, 1);
  EXPECT_EQ(with_opportunity(s, d.opportunities[2], 2), s);              // a rebuild read it already
  EXPECT_EQ(with_stage_move(s, 3, model::Stage::lost, D("2026-04-01"), 2), s);
  EXPECT_FALSE(with_stage_move(s, 99, model::Stage::won, D("2026-05-01"), 2));
  EXPECT_FALSE(with_opportunity(s, opp(5, 9, 7, "服务器", 1, "2026-05-01"), 2));  // unknown customer
  EXPECT_FALSE(with_opportunity(s, opp(6, 1, 99, "服务器", 1, "2026-05-01"), 2));  // unknown rep
  auto later = with_opportunity(s, opp(9, 1, 7, "服务器", 1, "2026-05-01"), 2);
  ASSERT_TRUE(later);
  EXPECT_FALSE(with_opportunity(later, opp(8, 1, 7, "服务器", 1, "2026-05-01"), 3));  // below an id held
}
