// Report subscriptions (issue 14): a page with its parameters, a schedule, recipients,
// channels, formats and an optional condition. A run renders the page per recipient — with
// that recipient's Scope and language — and writes the deliveries in the transaction that
// claims the run (store::PushStore::claim_run); the outbox worker sends them.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "api/context.h"
#include "http/router.h"

namespace sl::api {

struct RunOutcome {
  bool claimed = false;  // false: another process ran it first
  int queued = 0;        // deliveries written
  int skipped = 0;       // recipients whose condition did not hold
  std::vector<std::string> missing;  // "login: channel" without an address
};

// A condition {"metric","op","value"} ("" = always) on a report's metrics; false when the
// metric is undefined there. Also an alert rule's threshold test (alerts_check.cpp).
bool condition_holds(const std::string& condition, const std::map<std::string, double>& metrics);
// A user's address on a channel ("" = none): the e-mail, or the robot's user id ("group").
std::string address_of(const model::User& u, const std::string& channel);

// The users a subscription reaches: its users, everyone of its roles, the managers of its
// region subtrees; active ones only, each once.
std::vector<model::User> subscription_recipients(Context& ctx, const store::PushStore::Subscription& s);

// One run. run_key "" = an unscheduled run (send now, test): no claim on the subscription.
RunOutcome run_subscription(Context& ctx, const store::PushStore::Subscription& s,
                            const std::vector<model::User>& recipients, const std::string& run_key, int64_t now,
                            const std::string& base_url);

// The scheduler's tick: every enabled subscription whose next run time has come is run once
// (the run is claimed by its key, the wall-clock time "YYYY-MM-DD HH:MM").
int run_due_subscriptions(Context& ctx, int64_t now);

// GET /api/v1/subscriptions/schedule-preview (schedule_preview_api.cpp), added with the
// subscription routes.
void add_schedule_preview_route(http::Router& r, Context& ctx);

}  // namespace sl::api
