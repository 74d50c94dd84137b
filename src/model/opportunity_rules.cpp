#include "model/opportunity_rules.h"

#include <cstdio>

#include "model/contract_rules.h"
#include "model/field_errors.h"

namespace sl::model {

namespace {

constexpr std::array<Stage, 4> kMiddle = {Stage::qualified, Stage::proposal, Stage::bidding, Stage::negotiation};

int rank(Stage s) { return static_cast<int>(s); }

void check_lost_reason(Stage stage, const std::string& reason) {
  if (reason.size() > kMaxLostReasonLength) throw too_long("lost_reason");
  if (stage != Stage::lost && !reason.empty())
    throw invalid_field("lost_reason", "只有输单的商机才有输单原因", "Only a lost opportunity has a lost reason");
}

AppError day_out_of_order(const std::string& field) {
  return invalid_field(field, "阶段日期应按阶段顺序且不早于创建日期",
                       "Stage days follow the stages' order and are not before the created day");
}

}  // namespace

std::string opportunity_code(Id id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "O%06lld", static_cast<long long>(id));
  return buf;
}

std::string opportunity_code_of(std::string_view typed) { return contract_code(typed); }

bool is_closed(Stage s) { return s == Stage::won || s == Stage::lost; }

std::optional<Stage> stage_of(std::string_view code) {
  for (int i = 0; i < kStageCount; ++i)
    if (code == stage_code(static_cast<Stage>(i))) return static_cast<Stage>(i);
  return std::nullopt;
}

void check_opportunity(Money amount, Date created, Date expected_close, Date today) {
  if (amount < 0 || amount > kMaxMoney)
    throw invalid_field("amount", "商机金额应在 0 到上限之间", "An opportunity amount must be 0 or more, within the limit");
  if (created > today) throw invalid_field("created", "创建日期不能晚于今天", "The created day cannot be after today");
  if (expected_close < created)
    throw invalid_field("expected_close", "预计成交日期不能早于创建日期",
                        "The expected close cannot be before the created day");
}

const char* stage_date_field(Stage s) {
  switch (s) {
    case Stage::qualified: return "qualified_date";
    case Stage::proposal: return "proposal_date";
    case Stage::bidding: return "bidding_date";
    case Stage::negotiation: return "negotiation_date";
    default: return "stage";
  }
}

std::vector<StageEvent> build_history(Stage stage, Date created, const StageDates& dates,
                                      const std::optional<Date>& closed, const std::string& lost_reason, Date today) {
  std::vector<StageEvent> h{{Stage::lead, created}};
  for (size_t i = 0; i < kMiddle.size(); ++i) {
    const Stage s = kMiddle[i];
    const std::string field = stage_date_field(s);
    if (!dates[i]) {
      if (s == stage) throw invalid_field(field, "缺少当前阶段的日期", "The day the current stage was reached is missing");
      continue;
    }
    if (stage != Stage::lost && rank(s) > rank(stage))
      throw invalid_field(field, "商机尚未到达该阶段", "The opportunity has not reached this stage");
    if (*dates[i] < h.back().date) throw day_out_of_order(field);
    if (*dates[i] > today) throw invalid_field(field, "阶段日期不能晚于今天", "A stage day cannot be after today");
    h.push_back({s, *dates[i]});
  }
  if (is_closed(stage)) {
    if (!closed) throw missing_value("closed");
    if (*closed < h.back().date) throw day_out_of_order("closed");
    if (*closed > today) throw invalid_field("closed", "关闭日期不能晚于今天", "The closed day cannot be after today");
    h.push_back({stage, *closed});
  } else if (closed) {
    throw invalid_field("closed", "未赢单或输单的商机没有关闭日期", "Only a won or lost opportunity has a closed day");
  }
  check_lost_reason(stage, lost_reason);
  return h;
}

StageDates stage_dates(const std::vector<StageEvent>& history) {
  StageDates out;
  for (const auto& e : history)
    for (size_t i = 0; i < kMiddle.size(); ++i)
      if (e.stage == kMiddle[i] && !out[i]) out[i] = e.date;
  return out;
}

void check_move(Stage from, Date last_event, Stage to, Date on, Date today, const std::string& lost_reason) {
  if (is_closed(from))
    throw invalid_field("stage", "商机已关闭，不能再变更阶段", "The opportunity is closed: its stage cannot change");
  if (to != Stage::lost && rank(to) <= rank(from))
    throw invalid_field("stage", "只能推进到更后的阶段（或输单）", "A stage moves only to a later stage (or lost)");
  if (on < last_event)
    throw invalid_field("date", "日期不能早于上一次阶段变更", "The day cannot be before the last stage change");
  if (on > today) throw invalid_field("date", "日期不能晚于今天", "The day cannot be after today");
  if (to == Stage::lost && lost_reason.empty()) throw missing_value("lost_reason");
  check_lost_reason(to, lost_reason);
}

}  // namespace sl::model
