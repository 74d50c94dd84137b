#include <iostream>

#include "app/commands.h"
#include "auth/password.h"
#include "core/error.h"
#include "model/keys.h"
#include "store/store.h"

namespace sl::app {

std::string read_password(const std::string& login) {
  std::string pw;
  std::getline(std::cin, pw);
  if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  auth::validate_password(pw, login);
  return pw;
}

int user_add(const UserOptions& o) {
  auto role = model::parse_role(o.role);
  if (!role) throw std::runtime_error("unknown role " + o.role);
  if (*role == model::Role::manager && o.region == 0) throw std::runtime_error("a manager needs --region");
  if (*role == model::Role::rep && o.rep == 0) throw std::runtime_error("a rep needs --rep");
  auto store = store::open_store(o.db);
  if (o.region != 0 || o.rep != 0) {
    bool region_ok = o.region == 0, rep_ok = o.rep == 0;
    for (const auto& r : store->load_regions()) region_ok |= r.id == o.region;
    for (const auto& r : store->load_reps()) rep_ok |= r.id == o.rep;
    if (!region_ok) throw std::runtime_error("no region with id " + std::to_string(o.region));
    if (!rep_ok) throw std::runtime_error("no rep with id " + std::to_string(o.rep));
  }
  model::validate_login(o.login);
  model::validate_email(o.email);
  model::User u;
  u.email = o.email;
  u.login = o.login;
  u.display_name = o.name.empty() ? o.login : o.name;
  u.role = *role;
  u.region = *role == model::Role::manager ? o.region : 0;
  u.rep = *role == model::Role::rep ? o.rep : 0;
  Id id = store->add_user(u, auth::hash_password(read_password(o.login)));
  std::cout << "added user " << id << " " << o.login << " (" << o.role << ")\n";
  return 0;
}

int user_passwd(const UserOptions& o) {
  auto store = store::open_store(o.db);
  if (!store->set_password(o.login, auth::hash_password(read_password(o.login)))) {
    std::cerr << "error: no user " << o.login << "\n";
    return 2;
  }
  std::cout << "password changed for " << o.login << "; their sessions are ended\n";
  return 0;
}

int user_list(const std::string& db) {
  auto store = store::open_store(db);
  for (const auto& u : store->list_users())
    std::cout << u.id << "\t" << u.login << "\t" << model::role_code(u.role) << "\t" << u.display_name
              << "\tregion=" << u.region << "\trep=" << u.rep << (u.email.empty() ? "" : "\t" + u.email)
              << (u.active ? "" : "\tinactive") << "\n";
  return 0;
}

}  // namespace sl::app
