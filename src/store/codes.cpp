#include <stdexcept>

#include "store/codes.h"

namespace sl::store {

namespace {
template <class E, size_t N>
E find(const char* const (&codes)[N], const std::string& s, const char* what) {
  for (size_t i = 0; i < N; ++i)
    if (s == codes[i]) return static_cast<E>(i);
  throw std::runtime_error(std::string("store: unknown stored ") + what + " '" + s + "'");
}
const char* const kBid[] = {"pending", "won", "lost"};
const char* const kActivity[] = {"visit", "call", "demo", "proposal"};
const char* const kStages[] = {"lead", "qualified", "proposal", "bidding", "negotiation", "won", "lost"};
template <class E>
E known(std::optional<E> e, const std::string& s, const char* what) {
  if (!e) throw std::runtime_error(std::string("store: unknown stored ") + what + " '" + s + "'");
  return *e;
}
}  // namespace

const char* size_code(model::CustomerSize s) { return model::customer_size_code(s); }
model::CustomerSize parse_size(const std::string& s) { return known(model::parse_customer_size(s), s, "size"); }
const char* bid_result_code(model::BidResult r) { return kBid[static_cast<int>(r)]; }
model::BidResult parse_bid_result(const std::string& s) { return find<model::BidResult>(kBid, s, "bid result"); }
const char* activity_code(model::ActivityType t) { return kActivity[static_cast<int>(t)]; }
model::ActivityType parse_activity(const std::string& s) { return find<model::ActivityType>(kActivity, s, "activity"); }
model::Stage parse_stage(const std::string& s) { return find<model::Stage>(kStages, s, "stage"); }
model::MeetingStatus read_meeting_status(const std::string& s) {
  return known(model::parse_meeting_status(s), s, "meeting status");
}
model::ResolutionStatus read_resolution_status(const std::string& s) {
  return known(model::parse_resolution_status(s), s, "resolution status");
}
model::ActionStatus read_action_status(const std::string& s) {
  return known(model::parse_action_status(s), s, "action item status");
}

}  // namespace sl::store
