#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "analytics/act/carry_over.h"
#include "app/commands.h"
#include "auth/password.h"
#include "demo/demo.h"
#include "demo/users.h"
#include "store/store.h"

namespace sl::app {

namespace {
// A1: the users exist only now; give the demo meetings their chairs, attendees and owners,
// and the meetings still open their carry-over rows, as if they had been opened in the app.
void seed_meeting_people(store::Store& store, model::Dataset& data, const std::vector<demo::MeetingPerson>& people) {
  demo::assign_meeting_people(data, people);
  store.set_meeting_people(data);
  for (const auto& m : data.meetings)
    if (m.status == model::MeetingStatus::open)
      store.open_meeting(m.id, analytics::carry_over_for(m, data.meetings, data.resolutions), m.chair, 0);
}

// 12 characters from an alphabet without look-alikes (no 0/O, 1/l/I).
std::string demo_password() {
  static const char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string token = auth::random_token();  // hex of random bytes
  std::string pw;
  for (size_t i = 0; i + 1 < token.size() && pw.size() < 12; i += 2)
    pw += kAlphabet[std::stoi(token.substr(i, 2), nullptr, 16) % (sizeof kAlphabet - 1)];
  return pw;
}
}  // namespace

int demo(const DemoOptions& o) {
  if (std::filesystem::exists(o.db)) {
    std::cerr << "error: " << o.db << " already exists; remove it first (demo data goes into a new database)\n";
    return 2;
  }
  Date as_of = o.as_of.empty() ? local_today() : [&] {
    auto d = parse_date(o.as_of);
    if (!d) throw std::runtime_error("--as-of must be a date as YYYY-MM-DD");
    return *d;
  }();

  auto t0 = std::chrono::steady_clock::now();
  demo::DemoOptions gen;
  gen.seed = o.seed;
  gen.scale = o.scale;
  gen.as_of = as_of;
  model::Dataset data = demo::generate(gen);
  auto t1 = std::chrono::steady_clock::now();
  try {
    auto store = store::open_store(o.db);
    store->write_dataset(data);
    std::vector<std::string> passwords;
    auto users = demo::add_demo_users(*store, data, [&](const demo::DemoUser&) {
      passwords.push_back(demo_password());
      return auth::hash_password(passwords.back());
    });
    for (size_t i = 0; i < users.size(); ++i)
      std::cout << model::role_code(users[i].role) << " " << users[i].login << " " << passwords[i] << "\n";
    seed_meeting_people(*store, data, demo::meeting_people(users));
  } catch (...) {
    std::filesystem::remove(o.db);  // nothing half-written: no database rather than part of one
    std::filesystem::remove(o.db + "-wal");
    std::filesystem::remove(o.db + "-shm");
    throw;
  }
  auto t2 = std::chrono::steady_clock::now();
  using ms = std::chrono::milliseconds;
  // Rows written, for the rows/s figure of big data sets (contract lines dominate at scale large).
  size_t lines = 0, plan = 0, events = 0;
  for (const auto& k : data.contracts) lines += k.lines.size(), plan += k.plan.size();
  for (const auto& op : data.opportunities) events += op.history.size();
  size_t rows = data.contracts.size() + lines + plan + data.payments.size() + data.opportunities.size() + events +
                data.bids.size() + data.customers.size() + data.targets.size() + data.forecasts.size() +
                data.activities.size();
  auto write_ms = std::chrono::duration_cast<ms>(t2 - t1).count();
  spdlog::info(
      "demo {} seed {} as of {}: {} contracts, {} contract lines, {} customers, {} rows; generated in {} ms, "
      "written in {} ms ({} rows/s)",
      o.scale, o.seed, format_date(as_of), data.contracts.size(), lines, data.customers.size(), rows,
      std::chrono::duration_cast<ms>(t1 - t0).count(), write_ms,
      write_ms > 0 ? static_cast<int64_t>(rows * 1000 / static_cast<size_t>(write_ms)) : 0);
  return 0;
}

}  // namespace sl::app
