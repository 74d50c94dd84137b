// The opportunity rules on hand-made cases: the history rebuilt from a row's dates, each
// refusal naming its field, and the form's stage moves.
#include "model/opportunity_rules.h"

#include <gtest/gtest.h>

#include <functional>

#include "core/error.h"

using namespace sl;
using namespace sl::model;

namespace {

Date D(const char* s) { return *parse_date(s); }
const Date kToday = D("2026-06-15");

std::string field_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.field;
  }
  return "(none)";
}

}  // namespace

TEST(OpportunityRules, CodesAndStages) {
  EXPECT_EQ(opportunity_code(42), "O000042");
  EXPECT_EQ(opportunity_code_of("  OP-1 "), "OP-1");
  EXPECT_EQ(field_of([] { opportunity_code_of("   "); }), "code");
  EXPECT_EQ(stage_of("bidding"), Stage::bidding);
  EXPECT_FALSE(stage_of("nope"));
}

TEST(OpportunityRules, HistoryFromTheRow) {
  StageDates dates{D("2026-03-10"), std::nullopt, std::nullopt, D("2026-04-01")};
  auto h = build_history(Stage::won, D("2026-03-02"), dates, D("2026-05-01"), "", kToday);
  ASSERT_EQ(h.size(), 4u);
  EXPECT_EQ(h[0].stage, Stage::lead);
  EXPECT_EQ(h[0].date, D("2026-03-02"));
  EXPECT_EQ(h[2].stage, Stage::negotiation);
  EXPECT_EQ(h[3].stage, Stage::won);
  EXPECT_EQ(h[3].date, D("2026-05-01"));
  EXPECT_EQ(stage_dates(h), dates);
  // Same days are allowed (qualified on the day it was created).
  EXPECT_EQ(build_history(Stage::qualified, D("2026-03-02"), {D("2026-03-02")}, std::nullopt, "", kToday).size(), 2u);
}

TEST(OpportunityRules, EveryRefusalNamesItsField) {
  const Date c = D("2026-03-02");
  auto h = [&](Stage s, StageDates d, std::optional<Date> closed, std::string reason = "") {
    return field_of([&] { build_history(s, c, d, closed, reason, kToday); });
  };
  EXPECT_EQ(h(Stage::proposal, {D("2026-03-05")}, std::nullopt), "proposal_date");  // current stage's day missing
  EXPECT_EQ(h(Stage::qualified, {D("2026-03-05"), D("2026-03-06")}, std::nullopt), "proposal_date");  // later stage
  EXPECT_EQ(h(Stage::qualified, {D("2026-03-01")}, std::nullopt), "qualified_date");  // before created
  EXPECT_EQ(h(Stage::qualified, {D("2026-07-01")}, std::nullopt), "qualified_date");  // after today
  EXPECT_EQ(h(Stage::won, {}, std::nullopt), "closed");
  EXPECT_EQ(h(Stage::lead, {}, D("2026-04-01")), "closed");
  EXPECT_EQ(h(Stage::lost, {D("2026-03-05")}, D("2026-03-04")), "closed");  // before the last stage
  EXPECT_EQ(h(Stage::lead, {}, std::nullopt, "价格"), "lost_reason");
  EXPECT_EQ(h(Stage::lost, {D("2026-03-05"), D("2026-03-06")}, D("2026-03-07"), "价格"), "(none)");
  EXPECT_EQ(field_of([&] { check_opportunity(-1, c, c, kToday); }), "amount");
  EXPECT_EQ(field_of([&] { check_opportunity(1, D("2026-07-01"), D("2026-07-02"), kToday); }), "created");
  EXPECT_EQ(field_of([&] { check_opportunity(1, c, D("2026-03-01"), kToday); }), "expected_close");
}

TEST(OpportunityRules, StageMoves) {
  const Date last = D("2026-05-01");
  auto m = [&](Stage from, Stage to, const char* on, std::string reason = "") {
    return field_of([&] { check_move(from, last, to, D(on), kToday, reason); });
  };
  EXPECT_EQ(m(Stage::qualified, Stage::bidding, "2026-05-01"), "(none)");  // skipping is fine
  EXPECT_EQ(m(Stage::proposal, Stage::qualified, "2026-05-02"), "stage");   // never back
  EXPECT_EQ(m(Stage::proposal, Stage::proposal, "2026-05-02"), "stage");
  EXPECT_EQ(m(Stage::won, Stage::lost, "2026-05-02", "x"), "stage");  // closed
  EXPECT_EQ(m(Stage::lead, Stage::qualified, "2026-04-30"), "date");
  EXPECT_EQ(m(Stage::lead, Stage::qualified, "2026-06-16"), "date");
  EXPECT_EQ(m(Stage::lead, Stage::lost, "2026-05-02"), "lost_reason");
  EXPECT_EQ(m(Stage::lead, Stage::won, "2026-05-02", "x"), "lost_reason");
  EXPECT_EQ(m(Stage::negotiation, Stage::lost, "2026-05-02", "预算取消"), "(none)");
}
