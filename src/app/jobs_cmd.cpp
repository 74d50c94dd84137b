// `salesloop jobs run`: the scheduler's periodic jobs, once, against a database file — for
// cron set-ups without a running server and for checking what the server would record.
#include <ctime>
#include <iostream>

#include "app/commands.h"
#include "jobs/goal_checker.h"
#include "publish/snapshot_holder.h"
#include "store/store.h"

namespace sl::app {

int jobs_run(const JobsOptions& o) {
  Date today = local_today();
  if (!o.today.empty()) {
    auto d = parse_date(o.today);
    if (!d) throw std::runtime_error("--today must be a date as YYYY-MM-DD");
    today = *d;
  }
  auto store = store::open_store(o.db);
  publish::SnapshotHolder snapshots(*store);  // the same loader as the server's
  snapshots.reload();
  auto run = jobs::check_due_goals(*store, *snapshots.current(), today, std::time(nullptr));
  std::cout << "goal checks: " << run.checked << " recorded as of " << format_date(today) << "\n";
  for (const auto& e : run.errors) std::cout << "  not measurable: " << e << "\n";
  return 0;
}

}  // namespace sl::app
