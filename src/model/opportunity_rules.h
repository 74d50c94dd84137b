// The field rules of an opportunity (商机) and its stage history, shared by the import and
// the 商机维护 form's API: each check throws AppError 422 naming the field, in both
// languages. What needs the data (customer and rep exist, in the caller's scope) is checked
// by the caller.
//
// The history is the stages an opportunity went through, each with the day it reached it:
// lead on its created day, then later stages in order (METRICS.md: lead → qualified →
// proposal → bidding → negotiation → won, with lost an end reachable from any open stage),
// days never going back. Stages may be skipped (no bidding without a tender); an end
// (won or lost) is the last event and its day is the closed date.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/entities.h"

namespace sl::model {

constexpr size_t kMaxLostReasonLength = 200;

// The code of an opportunity that has none of its own: "O" and six digits of its id
// ("O000042"), what schema v7 backfills and the demo writes.
std::string opportunity_code(Id id);
// The code as stored: at most 40 characters as typed, trimmed, not empty. Field "code".
std::string opportunity_code_of(std::string_view typed);

bool is_closed(Stage s);  // won or lost
// The stage of its code ("proposal"), nullopt for none.
std::optional<Stage> stage_of(std::string_view code);

// Amount 0..kMaxMoney (field "amount"); expected close not before created (field
// "expected_close"); created not after today (field "created").
void check_opportunity(Money amount, Date created, Date expected_close, Date today);

// The days each open stage after lead was reached (qualified, proposal, bidding,
// negotiation), as the import file's stage date columns hold them.
using StageDates = std::array<std::optional<Date>, 4>;
// The stage-date field of an open stage after lead: "qualified_date", …
const char* stage_date_field(Stage s);

// The history of an opportunity from its created day, current stage, stage dates and
// closed day, checked: the current stage's day is given (an open stage after lead), no day
// for a stage after the current one (unless it is lost), days in stage order and not after
// today, closed given exactly when won or lost and not before the last stage day, a lost
// reason only when lost. Fields as named in stage_date_field, "closed", "lost_reason".
std::vector<StageEvent> build_history(Stage stage, Date created, const StageDates& dates,
                                      const std::optional<Date>& closed, const std::string& lost_reason, Date today);
// The stage dates of a history (the first day it reached each), the inverse of build_history.
StageDates stage_dates(const std::vector<StageEvent>& history);

// A stage move of an open opportunity (the form): `to` later than `from` (or lost), on a day
// not before the last event's and not after today. Fields "stage", "date"; a lost reason
// only and always for lost (field "lost_reason", at most kMaxLostReasonLength characters).
void check_move(Stage from, Date last_event, Stage to, Date on, Date today, const std::string& lost_reason);

}  // namespace sl::model
