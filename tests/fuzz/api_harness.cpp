#include "api_harness.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "analytics/act/carry_over.h"
#include "auth/auth.h"
#include "auth/password.h"
#include "demo/demo.h"
#include "demo/users.h"
#include "publish/snapshot_holder.h"

namespace sl::fuzz {

namespace {

// Fixed dates: the same input meets the same data and the same "today" on every run.
Date as_of() { return *parse_date("2026-06-15"); }

// The requests come from another address than the logins, so a fuzzed POST /session that
// trips the login throttle never locks out the harness's own callers.
constexpr const char* kLoginFrom = "192.0.2.1:4000";
constexpr const char* kFuzzPeer = "198.51.100.7";

struct Built {
  model::Dataset data;  // with meeting people assigned (user ids as the store gives them)
  std::vector<std::pair<std::string, model::User>> users;  // role name, user with its id
};

// The demo data set, made once: the generator is deterministic, so a rewrite of the same
// rows into a fresh store gives the same ids again. Only the last three weeks of meetings
// are kept: every meeting request reads the whole meeting book (api/act_common.h, View), and
// four years of it made each input take a fifth of a second.
const model::Dataset& demo_data() {
  static const model::Dataset d = [] {
    demo::DemoOptions o;
    o.seed = 7;
    o.scale = "small";
    o.as_of = as_of();
    model::Dataset d = demo::generate(o);
    const Date since{as_of().days - 21};
    std::set<Id> meetings, resolutions;
    std::erase_if(d.meetings, [&](const model::Meeting& m) { return m.date < since; });
    for (const auto& m : d.meetings) meetings.insert(m.id);
    std::erase_if(d.resolutions, [&](const model::Resolution& r) { return !meetings.count(r.meeting); });
    for (const auto& r : d.resolutions) resolutions.insert(r.id);
    std::erase_if(d.action_items, [&](const model::ActionItem& a) { return !resolutions.count(a.resolution); });
    return d;
  }();
  return d;
}

Date D(const char* s) { return *parse_date(s); }

model::Contract contract(Id id, Id customer, Id rep, const char* date, Money amount) {
  model::Contract c;
  c.id = id, c.code = "HT-" + std::to_string(id), c.customer = customer, c.rep = rep, c.signed_date = D(date);
  c.amount = amount;
  c.lines = {{1, 2, amount / 2, amount / 4}, {2, 1, amount - amount / 2, 0}};
  c.plan = {{D(date), amount}};
  return c;
}

// A hand-made data set of a few rows per entity, in the shape of the demo's (a company, two
// 大区 with a province each, three reps), so a rewrite costs milliseconds and every request
// reads little. May 2025 against May 2026 gives rep 8 a year-on-year drop to acknowledge.
// Meetings of 华东's weekly series: 70 closed with a resolution still being worked on
// (carried over), 71 open with a resolution and an action item, 72 planned.
const model::Dataset& tiny_data() {
  static const model::Dataset d = [] {
    using namespace model;
    Dataset d;
    d.regions = {{1, "总部", 0, 0}, {2, "华东大区", 1, 1}, {3, "上海", 2, 2}, {4, "华南大区", 1, 1}, {5, "广东", 4, 2}};
    d.reps = {{8, "黄明", 3, 9, D("2020-01-01"), std::nullopt},
              {9, "李娜", 3, 0, D("2019-03-01"), std::nullopt},
              {10, "陈伟", 5, 0, D("2020-01-01"), std::nullopt}};
    d.customers = {{11, "C11", "上海机电", "制造", CustomerSize::large, 3, 8, D("2020-02-01"), ""},
                   {12, "C12", "浦东医院", "医疗", CustomerSize::medium, 3, 9, D("2021-05-01"), ""},
                   {13, "C13", "广州物流", "物流", CustomerSize::small, 5, 10, D("2020-06-01"), ""}};
    d.products = {{1, "P1", "服务器A", "服务器", D("2019-01-01"), 100000, 60000},
                  {2, "P2", "存储B", "存储", D("2019-01-01"), 50000, 20000}};
    d.contracts = {contract(1, 11, 8, "2025-05-10", 9000000),  contract(2, 11, 8, "2026-05-12", 1000000),
                   contract(3, 12, 9, "2025-05-20", 2000000),  contract(4, 12, 9, "2026-05-21", 2600000),
                   contract(5, 13, 10, "2025-06-02", 3000000), contract(6, 13, 10, "2026-06-03", 500000)};
    d.payments = {{1, 1, D("2025-06-10"), 9000000}, {2, 3, D("2025-07-01"), 1000000}};
    for (int m = 1; m <= 12; ++m) {
      d.targets.push_back({Month::of(2026, m), TargetMetric::sales, OwnerKind::rep, 8, 3000000});
      d.targets.push_back({Month::of(2026, m), TargetMetric::sales, OwnerKind::region, 2, 8000000});
      d.targets.push_back({Month::of(2026, m), TargetMetric::collection, OwnerKind::region, 4, 2000000});
    }
    d.meeting_series = {{1, "公司月度经营会", "monthly", "company", 1}, {3, "华东大区销售周会", "weekly", "region", 2}};
    d.meetings = {{70, 3, D("2026-06-08"), 0, {}, "1. 回款", "", MeetingStatus::closed},
                  {71, 3, D("2026-06-15"), 0, {}, "1. 回款\n2. 签单", "", MeetingStatus::open},
                  {72, 3, D("2026-06-22"), 0, {}, "", "", MeetingStatus::planned},
                  {73, 1, D("2026-06-05"), 0, {}, "", "", MeetingStatus::closed}};
    Resolution r;
    r.id = 154, r.meeting = 70, r.title = "大客户回款", r.due_date = D("2026-06-30");
    r.status = ResolutionStatus::doing;
    d.resolutions.push_back(r);
    r.id = 155, r.meeting = 71, r.title = "新客户开拓", r.goal_metric = "sales", r.goal_scope = "region:2";
    r.goal_comparator = ">=", r.goal_value = 1000000;
    d.resolutions.push_back(r);
    d.action_items = {{287, 155, "拜访财务负责人", 0, D("2026-06-20"), ActionStatus::doing, std::nullopt},
                      {288, 154, "梳理名单", 0, D("2026-06-12"), ActionStatus::todo, std::nullopt}};
    return d;
  }();
  return d;
}

// The people of the tiny set's meetings, once the users have their ids (the demo's order:
// admin 1, ceo 2, mgr.east 3, mgr.south 4, rep.east1 5, rep.east2 6, rep.south1 7).
void place_tiny_people(model::Dataset& d) {
  for (auto& m : d.meetings) {
    m.chair = m.series == 1 ? 2 : 3;
    m.attendees = m.series == 1 ? std::vector<Id>{3, 4} : std::vector<Id>{5, 6};
  }
  for (auto& r : d.resolutions) r.owner = 5;
  for (auto& a : d.action_items) a.owner = a.id == 287 ? 5 : 6;
}

// One Argon2 hash for every user: hashing is the slow part of setting up.
const std::string& password_hash() {
  static const std::string h = auth::hash_password("fuzz-harness-password-1");
  return h;
}

}  // namespace

struct ApiHarness::State {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<publish::SnapshotHolder> snapshots;
  std::unique_ptr<auth::Auth> auth;
  std::unique_ptr<api::Context> ctx;
  http::Router router;
  std::map<std::string, model::User> users;  // by role name
  model::Dataset data;
};

void ApiHarness::build() {
  auto s = std::make_unique<State>();
  s->store = store::open_store(":memory:");
  s->data = data_ == Data::tiny ? tiny_data() : demo_data();
  s->store->write_dataset(s->data);
  // As `salesloop demo` does (app/demo_cmd.cpp): users, then the meetings' people, then
  // the open meetings' carry-over rows.
  auto users = demo::add_demo_users(*s->store, s->data, [](const demo::DemoUser&) { return password_hash(); });
  for (const auto& user : users) {
    std::string role = model::role_code(user.role);
    if (!s->users.count(role)) s->users[role] = user;  // the first of each role
  }
  if (data_ == Data::tiny)
    place_tiny_people(s->data);
  else
    demo::assign_meeting_people(s->data, demo::meeting_people(users));
  s->store->set_meeting_people(s->data);
  for (const auto& m : s->data.meetings)
    if (m.status == model::MeetingStatus::open)
      s->store->open_meeting(m.id, analytics::carry_over_for(m, s->data.meetings, s->data.resolutions), m.chair, 0);
  s->snapshots = std::make_unique<publish::SnapshotHolder>(*s->store);
  s->snapshots->reload();
  // A small address budget: after three wrong passwords from the fuzzer's address every
  // POST /session is a quick 429 instead of an Argon2 verification (tens of milliseconds).
  auth::ThrottlePolicy throttle;
  throttle.address_budget = 3;
  s->auth = std::make_unique<auth::Auth>(*s->store, auth::system_clock_seconds, throttle);
  s->ctx.reset(new api::Context{*s->store, *s->auth, *s->snapshots, [] { return as_of(); }});
  api::register_routes(s->router, *s->ctx);
  s_ = std::move(s);
}

ApiHarness::ApiHarness(Data data) : data_(data) {
  // Handlers log at info (writes, rebuilds); only errors matter here, and they come with the
  // 500 that aborts.
  spdlog::set_level(spdlog::level::err);
  build();
  for (const char* role : {"executive", "manager", "rep"}) {
    const model::User& u = s_->users.at(role);
    auto r = s_->auth->login(u.login, "fuzz-harness-password-1", kLoginFrom);
    callers_.push_back({role, std::string(auth::kSessionCookie) + "=" + r.token, r.csrf});
    auto rec = s_->store->find_session(auth::token_hash(r.token));
    if (!rec) {
      std::fprintf(stderr, "fuzz harness: the session of %s is not in the store\n", role);
      std::abort();
    }
    sessions_.push_back(*rec);
  }
}

ApiHarness::~ApiHarness() = default;

void ApiHarness::reset() {
  build();
  for (const auto& rec : sessions_) s_->store->create_session(rec);
}

std::vector<Route> ApiHarness::routes(const std::string& method) const {
  // Rows the routes' {captures} name: a meeting of the manager's 大区 (open if there is one,
  // so every meeting write gets past the status check), one of its resolutions, an action
  // item under it, a resolution it carries over and a contract.
  const model::Dataset& d = s_->data;
  const model::User& mgr = s_->users.at("manager");
  std::map<Id, Id> series_region;
  for (const auto& s : d.meeting_series) series_region[s.id] = s.region;
  Id meeting = 0, resolution = 0, action = 0, carried = 0;
  for (const auto& m : d.meetings) {
    if (series_region[m.series] != mgr.region) continue;
    if (!meeting || m.status == model::MeetingStatus::open) meeting = m.id;
    if (m.status == model::MeetingStatus::open) break;
  }
  for (const auto& r : d.resolutions)
    if (r.meeting == meeting && !resolution) resolution = r.id;
  for (const auto& a : d.action_items)
    if (a.resolution == resolution && !action) action = a.id;
  for (const auto& m : d.meetings)
    if (m.id == meeting) {
      auto c = analytics::carry_over_for(m, d.meetings, d.resolutions);
      if (!c.empty()) carried = c.front();
    }
  Id contract = d.contracts.empty() ? 1 : d.contracts.front().id;
  if (!resolution) resolution = d.resolutions.empty() ? 1 : d.resolutions.front().id;
  if (!action) action = d.action_items.empty() ? 1 : d.action_items.front().id;
  if (!carried) carried = resolution;
  if (!meeting) meeting = 1;

  std::vector<Route> out;
  for (const auto& line : s_->router.routes()) {
    auto sp = line.find(' ');
    std::string m = line.substr(0, sp), pattern = line.substr(sp + 1);
    bool wanted = method == "write" ? (m == "POST" || m == "PUT" || m == "PATCH") : m == method;
    if (!wanted) continue;
    std::string path;
    std::string prev;
    for (const auto& seg : http::split_path(pattern)) {
      std::string v = seg;
      if (seg == "{resolution}")
        v = std::to_string(carried);
      else if (seg == "{id}") {
        Id id = prev == "meetings"      ? meeting
                : prev == "resolutions" ? resolution
                : prev == "actions"     ? action
                : prev == "contracts"   ? contract
                                        : 1;
        v = std::to_string(id);
      }
      path += "/" + v;
      prev = seg;
    }
    out.push_back({m, path});
  }
  return out;
}

int ApiHarness::dispatch(const Caller& who, const std::string& method, const std::string& target,
                         const std::string& body) {
  http::Request req;
  req.method = method;
  req.target = target;
  req.body = body;
  req.remote = std::string(kFuzzPeer) + ":40000";
  req.client = kFuzzPeer;
  req.headers = {{"cookie", who.cookie},
                 {"x-csrf-token", who.csrf},
                 {"content-type", "application/json"},
                 {"accept-language", "en"}};
  // As http::Server::handle: a target that is not origin-form is a 400 before any route.
  if (!http::parse_target(req.target, req.path, req.query)) return 400;
  http::Response res = s_->router.dispatch(req);
  static const bool trace = std::getenv("FUZZ_TRACE") != nullptr;
  if (trace)
    std::fprintf(stderr, "%s %s as %s: %d %s\n", method.c_str(), http::log_safe(target).c_str(), who.name.c_str(),
                 res.status, http::log_safe(res.body.substr(0, 160)).c_str());
  // 503 is an answer (a locked database); any other 5xx is an exception nobody expected.
  if (res.status >= 500 && res.status != 503) {
    std::fprintf(stderr, "\nFINDING: %s %s as %s answered %d: %s\nbody (%zu bytes): %s\n", method.c_str(),
                 http::log_safe(target).c_str(), who.name.c_str(), res.status, res.body.c_str(), body.size(),
                 http::log_safe(body.substr(0, 2000)).c_str());
    std::abort();
  }
  return res.status;
}

void ApiHarness::show() const {
  for (const char* m : {"GET", "write"})
    for (const auto& r : routes(m)) std::fprintf(stderr, "route %s %s\n", r.method.c_str(), r.path.c_str());
  for (const auto& [role, u] : s_->users)
    std::fprintf(stderr, "user %s id %lld login %s region %lld rep %lld\n", role.c_str(), (long long)u.id,
                 u.login.c_str(), (long long)u.region, (long long)u.rep);
}

ApiHarness& harness(Data data) {
  static ApiHarness h(data);
  static const bool shown = std::getenv("FUZZ_SHOW") && (h.show(), true);
  (void)shown;
  return h;
}

}  // namespace sl::fuzz
