#include "demo/users.h"

#include "store/store.h"

namespace sl::demo {

std::vector<model::User> add_demo_users(store::UserStore& store, const model::Dataset& d,
                                        const std::function<std::string(const DemoUser&)>& password_hash) {
  std::vector<model::User> out;
  for (const auto& u : demo_users(d)) {
    model::User user;
    user.login = u.login;
    user.display_name = u.display_name;
    user.role = u.role;
    user.region = u.region;
    user.rep = u.rep;
    user.id = store.add_user(user, password_hash(u));
    out.push_back(user);
  }
  return out;
}

std::vector<MeetingPerson> meeting_people(const std::vector<model::User>& users) {
  std::vector<MeetingPerson> out;
  for (const auto& u : users) out.push_back({u.id, u.role, u.region, u.rep});
  return out;
}

}  // namespace sl::demo
