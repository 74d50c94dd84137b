// The status codes are what the database's CHECK constraints and the API's JSON hold:
// the expected texts below are written out from the schema (store/sqlite/migrations.cpp), not
// read back from the tables in codes.cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/entities.h"

namespace sl::model {
namespace {

std::vector<std::string> list(std::span<const char* const> codes) { return {codes.begin(), codes.end()}; }

TEST(Codes, MeetingStatuses) {
  EXPECT_EQ(list(meeting_status_codes()), (std::vector<std::string>{"planned", "open", "closed"}));
  EXPECT_STREQ(meeting_status_code(MeetingStatus::planned), "planned");
  EXPECT_STREQ(meeting_status_code(MeetingStatus::closed), "closed");
  EXPECT_EQ(parse_meeting_status("open"), MeetingStatus::open);
  EXPECT_FALSE(parse_meeting_status("Open"));
  EXPECT_FALSE(parse_meeting_status(""));
}

TEST(Codes, ResolutionStatuses) {
  EXPECT_EQ(list(resolution_status_codes()), (std::vector<std::string>{"open", "doing", "done", "cancelled"}));
  for (const char* c : resolution_status_codes()) {
    auto s = parse_resolution_status(c);
    ASSERT_TRUE(s) << c;
    EXPECT_STREQ(resolution_status_code(*s), c);
  }
  EXPECT_FALSE(parse_resolution_status("todo"));  // an action item's status, not a resolution's
  EXPECT_FALSE(parse_resolution_status("closed"));
}

TEST(Codes, ActionStatuses) {
  EXPECT_EQ(list(action_status_codes()), (std::vector<std::string>{"todo", "doing", "done", "blocked"}));
  for (const char* c : action_status_codes()) {
    auto s = parse_action_status(c);
    ASSERT_TRUE(s) << c;
    EXPECT_STREQ(action_status_code(*s), c);
  }
  EXPECT_FALSE(parse_action_status("cancelled"));
}

// Done or cancelled closes a resolution; open and doing leave it open. Only done closes an
// action item: a blocked one is still expected to move.
TEST(Codes, WhatIsClosed) {
  EXPECT_FALSE(resolution_closed(ResolutionStatus::open));
  EXPECT_FALSE(resolution_closed(ResolutionStatus::doing));
  EXPECT_TRUE(resolution_closed(ResolutionStatus::done));
  EXPECT_TRUE(resolution_closed(ResolutionStatus::cancelled));
  EXPECT_FALSE(action_closed(ActionStatus::todo));
  EXPECT_FALSE(action_closed(ActionStatus::doing));
  EXPECT_TRUE(action_closed(ActionStatus::done));
  EXPECT_FALSE(action_closed(ActionStatus::blocked));
}

}  // namespace
}  // namespace sl::model

namespace sl::model {
namespace {
// The customer sizes as the schema's CHECK writes them (store/sqlite/migrations.cpp) and the
// filter bar's size parameter takes them.
TEST(Codes, CustomerSizes) {
  EXPECT_STREQ(customer_size_code(CustomerSize::large), "large");
  EXPECT_STREQ(customer_size_code(CustomerSize::small), "small");
  EXPECT_EQ(parse_customer_size("medium"), CustomerSize::medium);
  EXPECT_EQ(parse_customer_size("huge"), std::nullopt);
  ASSERT_EQ(customer_size_codes().size(), 3u);
  EXPECT_STREQ(customer_size_codes()[1], "medium");
}
}  // namespace
}  // namespace sl::model
