#include <array>
#include <string_view>

#include "model/entities.h"

namespace sl::model {

namespace {
template <class E, size_t N>
std::optional<E> find_code(const std::array<const char*, N>& codes, std::string_view s) {
  for (size_t i = 0; i < N; ++i)
    if (s == codes[i]) return static_cast<E>(i);
  return std::nullopt;
}
constexpr std::array<const char*, 7> kStages = {"lead",        "qualified", "proposal", "bidding",
                                                "negotiation", "won",       "lost"};
constexpr std::array<const char*, 4> kMetrics = {"sales", "collection", "bids_won", "new_customers"};
constexpr std::array<const char*, 3> kSizes = {"large", "medium", "small"};
constexpr std::array<const char*, 3> kOwners = {"company", "region", "rep"};
constexpr std::array<const char*, 4> kRoles = {"admin", "executive", "manager", "rep"};
constexpr std::array<const char*, 3> kMeetingStatuses = {"planned", "open", "closed"};
constexpr std::array<const char*, 4> kResolutionStatuses = {"open", "doing", "done", "cancelled"};
constexpr std::array<const char*, 4> kActionStatuses = {"todo", "doing", "done", "blocked"};
}  // namespace

const char* customer_size_code(CustomerSize s) { return kSizes[static_cast<size_t>(s)]; }
std::optional<CustomerSize> parse_customer_size(std::string_view s) { return find_code<CustomerSize>(kSizes, s); }
std::span<const char* const> customer_size_codes() { return kSizes; }
const char* stage_code(Stage s) { return kStages[static_cast<size_t>(s)]; }
const char* metric_code(TargetMetric m) { return kMetrics[static_cast<size_t>(m)]; }
const char* owner_code(OwnerKind k) { return kOwners[static_cast<size_t>(k)]; }
const char* role_code(Role r) { return kRoles[static_cast<size_t>(r)]; }
std::optional<TargetMetric> parse_metric(std::string_view s) { return find_code<TargetMetric>(kMetrics, s); }
std::optional<OwnerKind> parse_owner(std::string_view s) { return find_code<OwnerKind>(kOwners, s); }
std::optional<Role> parse_role(std::string_view s) { return find_code<Role>(kRoles, s); }

const char* meeting_status_code(MeetingStatus s) { return kMeetingStatuses[static_cast<size_t>(s)]; }
const char* resolution_status_code(ResolutionStatus s) { return kResolutionStatuses[static_cast<size_t>(s)]; }
const char* action_status_code(ActionStatus s) { return kActionStatuses[static_cast<size_t>(s)]; }
std::optional<MeetingStatus> parse_meeting_status(std::string_view s) {
  return find_code<MeetingStatus>(kMeetingStatuses, s);
}
std::optional<ResolutionStatus> parse_resolution_status(std::string_view s) {
  return find_code<ResolutionStatus>(kResolutionStatuses, s);
}
std::optional<ActionStatus> parse_action_status(std::string_view s) {
  return find_code<ActionStatus>(kActionStatuses, s);
}
std::span<const char* const> meeting_status_codes() { return kMeetingStatuses; }
std::span<const char* const> resolution_status_codes() { return kResolutionStatuses; }
std::span<const char* const> action_status_codes() { return kActionStatuses; }

bool resolution_closed(ResolutionStatus s) { return s == ResolutionStatus::done || s == ResolutionStatus::cancelled; }
bool action_closed(ActionStatus s) { return s == ActionStatus::done; }

}  // namespace sl::model
