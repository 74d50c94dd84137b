// The demo users made real: added to a store, as `salesloop demo` and the fuzz harness do.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "demo/demo.h"

namespace sl::store {
class UserStore;
}

namespace sl::demo {

// Adds demo_users(d) to the store in their order, each with the password hash that
// password_hash(u) gives; returns them as the store holds them (with their new ids).
std::vector<model::User> add_demo_users(store::UserStore& store, const model::Dataset& d,
                                        const std::function<std::string(const DemoUser&)>& password_hash);

// Those users as the people assign_meeting_people places.
std::vector<MeetingPerson> meeting_people(const std::vector<model::User>& users);

}  // namespace sl::demo
