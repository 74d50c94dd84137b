// Alerts (issue 14, task alerts): threshold and anomaly rules of a user on their own scope,
// checked off the request thread (serve.cpp: on a schedule and after each new data version),
// one open alert per breach (jobs/alerts/dedupe.h), delivered in-app and through the outbox.
//   alerts_rules_api.cpp — /api/v1/alerts/rules…
//   alerts_api.cpp       — /api/v1/alerts… (the caller's list, read, ack, snooze, agenda)
//   alerts_check.cpp     — the check
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "api/context.h"
#include "jobs/alerts/catalogue.h"

namespace sl::api {

// A rule's scope code resolved for its owner: nullopt when it names no region or rep, or one
// outside the owner's own scope (a rep: only "rep:<their id>").
struct ResolvedScope {
  jobs::alerts::RuleScope where;
  engine::Scope scope;
};
std::optional<ResolvedScope> resolve_rule_scope(const engine::Snapshot& snap, const model::User& owner,
                                                const std::string& code);

struct AlertCheckRun {
  int rules = 0, opened = 0, closed = 0;
  std::vector<std::string> errors;  // rules that could not be checked
};
// Checks every enabled rule (or only `rule`) on the published Snapshot as of ctx.today().
AlertCheckRun check_alerts(Context& ctx, int64_t now, Id rule = 0);

// Bumped by every rule write: the check runs soon after a rule is made or changed (serve.cpp).
int64_t alert_rules_generation();
// Called after every rule write (serve.cpp wakes the alert check with it). Set before serving.
void on_alert_rules_changed(std::function<void()> listener);

// Minutes between scheduled checks: push setting "alert_check_minutes" (default 60).
int alert_check_minutes(store::Store& store);

}  // namespace sl::api
