// D1 pieces by hand: the week, overdue receivables (oldest first), pipeline, cockpit scope.
#include "analytics/do/cockpit.h"

#include <gtest/gtest.h>

#include "analytics/do/do_fixture_test_util.h"
#include "core/error.h"

using namespace sl;
using namespace sl::analytics;
using namespace sl::analytics::testing;

TEST(D1, WeekStartsOnMonday) {
  EXPECT_EQ(format_date(week_monday(D("2026-06-15"))), "2026-06-15");  // a Monday
  EXPECT_EQ(format_date(week_monday(D("2026-06-21"))), "2026-06-15");  // Sunday
  EXPECT_EQ(format_date(week_monday(D("2024-05-10"))), "2024-05-06");  // Friday
}

namespace {
model::Dataset with_contract() {
  auto d = base_company();
  auto c = contract(9, "2024-03-01", 10, 450);
  c.plan = {{D("2024-05-01"), 150}, {D("2024-04-01"), 300}};
  d.contracts = {c};
  d.payments = {{2, 9, D("2024-04-20"), 100}, {1, 9, D("2024-04-02"), 200}};
  return d;
}
}  // namespace

TEST(D1, OverdueReceivablesOldestFirst) {
  auto s = engine::build_snapshot(with_contract(), 1);
  int32_t rep = s->dims->find_rep(10);
  // 15 April: 200 paid goes to the 300 due 1 April → 100 overdue for 14 days; May not due.
  auto a = overdue_contracts(s->facts->contracts, rep, D("2024-04-15"));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].overdue, 100);
  EXPECT_EQ(a[0].days_overdue, 14);
  // 10 May: 300 paid clears April; the 150 due 1 May is unpaid → 150 overdue for 9 days.
  auto b = overdue_contracts(s->facts->contracts, rep, D("2024-05-10"));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].overdue, 150);
  EXPECT_EQ(format_date(b[0].oldest_due), "2024-05-01");
  EXPECT_EQ(b[0].days_overdue, 9);
  // Due on as_of itself is not yet overdue.
  EXPECT_TRUE(overdue_contracts(s->facts->contracts, rep, D("2024-04-01")).empty());
}

TEST(D1, ContractStatusForTheDetailPage) {
  model::Contract c;
  c.amount = 600;
  c.plan = {{D("2024-04-01"), 300}, {D("2024-05-01"), 150}, {D("2024-06-01"), 150}};
  // 320 paid by 10 May (a payment after as_of does not count): the April 300 is paid, 20 of
  // May's 150 → 130 overdue; June not due yet.
  std::vector<model::Payment> pays = {
      {1, 0, D("2024-04-20"), 200}, {2, 0, D("2024-05-03"), 120}, {3, 0, D("2024-05-11"), 999}};
  auto s = contract_status(c, pays, D("2024-05-10"));
  EXPECT_EQ(s.paid, 320);
  EXPECT_EQ(s.receivable, 280);
  EXPECT_EQ(s.overdue, 130);
  ASSERT_EQ(s.plan.size(), 3u);
  EXPECT_EQ(s.plan[0].paid, 300);
  EXPECT_FALSE(s.plan[0].overdue);
  EXPECT_EQ(s.plan[1].paid, 20);
  EXPECT_EQ(s.plan[1].unpaid, 130);
  EXPECT_TRUE(s.plan[1].overdue);
  EXPECT_EQ(s.plan[2].unpaid, 150);
  EXPECT_FALSE(s.plan[2].overdue);
}

TEST(D1, CockpitPipelineWeekAndScope) {
  auto d = with_contract();
  model::Opportunity o;
  o.id = 1, o.customer = 1, o.rep = 10, o.amount = 500, o.stage = model::Stage::won;
  o.created = D("2024-05-02"), o.expected_close = D("2024-05-12"), o.closed = D("2024-05-20");
  o.history = {{model::Stage::lead, D("2024-05-02")},
               {model::Stage::proposal, D("2024-05-08")},
               {model::Stage::won, D("2024-05-20")}};
  d.opportunities = {o};
  d.activities = {{1, 10, 1, D("2024-05-06"), model::ActivityType::visit},
                  {2, 10, 1, D("2024-05-10"), model::ActivityType::visit},
                  {3, 10, 1, D("2024-05-05"), model::ActivityType::call},   // Sunday before: not this week
                  {4, 11, 1, D("2024-05-07"), model::ActivityType::demo}};  // another rep
  auto s = engine::build_snapshot(d, 1);
  auto r = rep_cockpit(*s, engine::scope_all(*s->dims), 10, D("2024-05-10"));
  // On 10 May the opportunity is open in 方案 (proposal), expected 12 May: this week (6–12 May).
  EXPECT_EQ(r.pipeline[(int)model::Stage::proposal].count, 1);
  EXPECT_EQ(r.pipeline[(int)model::Stage::proposal].amount, 500);
  EXPECT_EQ(r.closing_this_week.size(), 1u);
  EXPECT_EQ(r.created_this_month, 1);
  EXPECT_EQ(r.activities[(int)model::ActivityType::visit], 2);
  EXPECT_EQ(r.activities[(int)model::ActivityType::call], 0);
  EXPECT_EQ(r.activities[(int)model::ActivityType::demo], 0);
  EXPECT_EQ(r.overdue_total, 150);
  EXPECT_EQ(r.owned_customers, 1);
  EXPECT_EQ(format_date(r.cards[1].period.first), "2024-04-01");
  EXPECT_EQ(r.cards[2].sales.actual, 450);  // the year through 10 May
  // Scope: a rep's own cockpit only; a manager of 华南 cannot open a 华东 rep.
  EXPECT_NO_THROW(rep_cockpit(*s, engine::scope_rep(*s->dims, s->dims->find_rep(10)), 10, D("2024-05-10")));
  EXPECT_THROW(rep_cockpit(*s, engine::scope_rep(*s->dims, s->dims->find_rep(11)), 10, D("2024-05-10")), AppError);
  EXPECT_THROW(rep_cockpit(*s, engine::scope_region(*s->dims, s->dims->find_region(3)), 10, D("2024-05-10")), AppError);
  EXPECT_THROW(rep_cockpit(*s, engine::scope_all(*s->dims), 999, D("2024-05-10")), AppError);
}
