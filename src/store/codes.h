// Text codes of the enums that have none in model/ (stored as TEXT with CHECK constraints), and
// readers of the stored meeting statuses — the same on every backend (store/codes.cpp).
#pragma once
#include <string>

#include "model/entities.h"

namespace sl::store {

const char* size_code(model::CustomerSize s);
model::CustomerSize parse_size(const std::string& s);
const char* bid_result_code(model::BidResult r);
model::BidResult parse_bid_result(const std::string& s);
const char* activity_code(model::ActivityType t);
model::ActivityType parse_activity(const std::string& s);
model::Stage parse_stage(const std::string& s);
// The meeting statuses have their codes in model/; these read a stored one or throw.
model::MeetingStatus read_meeting_status(const std::string& s);
model::ResolutionStatus read_resolution_status(const std::string& s);
model::ActionStatus read_action_status(const std::string& s);

}  // namespace sl::store
