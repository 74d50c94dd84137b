#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <set>

#include "demo/demo.h"
#include "demo/users.h"
#include "store/store.h"

using namespace sl;
using namespace sl::model;
using sl::demo::DemoOptions;

namespace {

const Date kAsOf = from_ymd(2026, 6, 15);

uint64_t fnv1a(const std::string& s) {  // independent of std::hash, stable across runs
  uint64_t h = 1469598103934665603ull;
  for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
  return h;
}

const Dataset& small() {
  static const Dataset d = demo::generate({1, "small", kAsOf});
  return d;
}

template <class T>
std::set<Id> ids(const std::vector<T>& v) {
  std::set<Id> s;
  for (auto& x : v) s.insert(x.id);
  return s;
}

}  // namespace

TEST(Demo, SmallIsFastAndDeterministic) {
  auto t0 = std::chrono::steady_clock::now();
  auto a = demo::generate({7, "small", kAsOf});
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("small generate: %.3f s\n", secs);
  EXPECT_LT(secs, 2.0);
  auto b = demo::generate({7, "small", kAsOf});
  auto c = demo::generate({8, "small", kAsOf});
  EXPECT_EQ(fnv1a(demo::canonical_dump(a)), fnv1a(demo::canonical_dump(b)));
  EXPECT_NE(fnv1a(demo::canonical_dump(a)), fnv1a(demo::canonical_dump(c)));
  EXPECT_THROW(demo::generate({1, "huge", kAsOf}), std::invalid_argument);
}

TEST(Demo, ShapeOfTheCompany) {
  const auto& d = small();
  int company = 0, daqu = 0, prov = 0;
  for (auto& r : d.regions) (r.level == 0 ? company : r.level == 1 ? daqu : prov)++;
  EXPECT_EQ(company, 1);
  EXPECT_EQ(daqu, 7);
  EXPECT_GE(prov, 14);
  EXPECT_EQ(d.products.size(), 20u);
  std::set<std::string> cats;
  for (auto& p : d.products) cats.insert(p.category);
  EXPECT_EQ(cats.size(), 8u);
  EXPECT_EQ(d.customers.size(), 600u);
  EXPECT_GE(d.reps.size(), 16u);
  EXPECT_EQ(d.competitors.size(), 5u);
  EXPECT_FALSE(d.opportunities.empty());
  EXPECT_FALSE(d.bids.empty());
  EXPECT_FALSE(d.contracts.empty());
  EXPECT_FALSE(d.forecasts.empty());
  EXPECT_FALSE(d.finance_months.empty());
  EXPECT_FALSE(d.activities.empty());
  EXPECT_FALSE(d.meetings.empty());
  EXPECT_FALSE(d.resolutions.empty());
  EXPECT_FALSE(d.action_items.empty());
  int lost = 0;
  for (auto& c : d.customers) lost += !c.lost_reason.empty();
  EXPECT_GT(lost, 0);
  int left = 0;
  for (auto& r : d.reps) left += r.leave_date.has_value();
  EXPECT_GT(left, 0);
}

TEST(Demo, MoneyInvariants) {
  const auto& d = small();
  std::map<Id, Money> amount, paid;
  for (auto& c : d.contracts) {
    Money lines = 0, plan = 0;
    ASSERT_GE(c.lines.size(), 1u);
    ASSERT_LE(c.lines.size(), 4u);
    ASSERT_GE(c.plan.size(), 1u);
    ASSERT_LE(c.plan.size(), 3u);
    for (auto& l : c.lines) {
      lines += l.amount;
      EXPECT_LT(l.cost, l.amount + 1) << c.code;
      EXPECT_GE(l.qty, 1);
    }
    for (auto& p : c.plan) plan += p.amount;
    EXPECT_EQ(lines, c.amount) << c.code;
    EXPECT_EQ(plan, c.amount) << c.code;
    amount[c.id] = c.amount;
  }
  for (auto& p : d.payments) {
    ASSERT_TRUE(amount.count(p.contract));
    EXPECT_GT(p.amount, 0);
    EXPECT_LE(p.amount, amount[p.contract]);
    paid[p.contract] += p.amount;
  }
  for (auto& [id, v] : paid) EXPECT_LE(v, amount[id]);
}

TEST(Demo, NothingHappensAfterAsOf) {
  const auto& d = small();
  auto ok = [](Date x) { return x <= kAsOf; };
  for (auto& r : d.reps) {
    EXPECT_TRUE(ok(r.hire_date));
    if (r.leave_date) {
      EXPECT_TRUE(ok(*r.leave_date));
    }
  }
  for (auto& c : d.customers) EXPECT_TRUE(ok(c.created));
  for (auto& o : d.opportunities) {
    EXPECT_TRUE(ok(o.created));
    if (o.closed) {
      EXPECT_TRUE(ok(*o.closed));
    }
    ASSERT_FALSE(o.history.empty());
    EXPECT_EQ(o.history.front().date, o.created);
    EXPECT_EQ(o.history.back().stage, o.stage);
    for (size_t i = 0; i < o.history.size(); ++i) {
      EXPECT_TRUE(ok(o.history[i].date));
      if (i) {
        EXPECT_LT(o.history[i - 1].date, o.history[i].date);  // strictly increasing dates
        EXPECT_LT(static_cast<int>(o.history[i - 1].stage), static_cast<int>(o.history[i].stage));
      }
    }
  }
  for (auto& b : d.bids) {
    EXPECT_TRUE(ok(b.bid_date));
    if (b.result_date) {
      EXPECT_TRUE(ok(*b.result_date));
    }
    EXPECT_EQ(b.result_date.has_value(), b.result != BidResult::pending);
  }
  for (auto& c : d.contracts) EXPECT_TRUE(ok(c.signed_date));
  for (auto& p : d.payments) EXPECT_TRUE(ok(p.date));
  for (auto& f : d.forecasts) EXPECT_LE(f.submitted_at, (kAsOf.days + 1) * int64_t{86400});
  for (auto& f : d.finance_months) EXPECT_LT(f.month, Month::of(kAsOf));
  for (auto& m : d.market_stats) EXPECT_LE(m.month, Month::of(kAsOf));
  for (auto& a : d.activities) EXPECT_TRUE(ok(a.date));
  // Meetings that took place are not after as_of; the next meeting of a series is planned after it.
  for (auto& m : d.meetings) EXPECT_TRUE(m.status == MeetingStatus::planned ? m.date > kAsOf : ok(m.date));
  for (auto& r : d.resolutions)
    if (r.closed_date) {
      EXPECT_TRUE(ok(*r.closed_date));
    }
  for (auto& a : d.action_items)
    if (a.done_date) {
      EXPECT_TRUE(ok(*a.done_date));
    }
  // Targets run to the end of as_of's year and no further.
  Month last{0};
  for (auto& t : d.targets) last = std::max(last, t.month);
  EXPECT_EQ(last, Month::of(2026, 12));
}

TEST(Demo, ForecastsBeforeLock) {
  for (auto& f : small().forecasts) {
    Date lock{f.month.first_day().days + 2};  // day 3
    EXPECT_LT(f.submitted_at, int64_t{lock.days} * 86400) << format_month(f.month);
  }
}

TEST(Demo, ForeignKeysResolve) {
  const auto& d = small();
  auto regions = ids(d.regions), reps = ids(d.reps), customers = ids(d.customers), products = ids(d.products),
       cps = ids(d.competitor_products), opps = ids(d.opportunities), contracts = ids(d.contracts),
       series = ids(d.meeting_series), meetings = ids(d.meetings), res = ids(d.resolutions),
       competitors = ids(d.competitors);
  auto has = [](const std::set<Id>& s, Id id) { return s.count(id) > 0; };
  for (auto& r : d.regions)
    if (r.parent) {
      EXPECT_TRUE(has(regions, r.parent));
    }
  for (auto& r : d.reps) {
    EXPECT_TRUE(has(regions, r.region));
    if (r.manager) {
      EXPECT_TRUE(has(reps, r.manager));
    }
  }
  for (auto& c : d.customers) {
    EXPECT_TRUE(has(regions, c.region));
    EXPECT_TRUE(has(reps, c.owner_rep));
  }
  for (auto& p : d.competitor_products) EXPECT_TRUE(has(competitors, p.competitor));
  for (auto& m : d.market_stats) EXPECT_TRUE(has(regions, m.region));
  for (auto& s : d.competitor_sales) {
    EXPECT_TRUE(has(cps, s.competitor_product));
    EXPECT_TRUE(has(regions, s.region));
  }
  for (auto& o : d.opportunities) EXPECT_TRUE(has(customers, o.customer) && has(reps, o.rep));
  for (auto& b : d.bids) EXPECT_TRUE(has(opps, b.opportunity));
  for (auto& c : d.contracts) {
    EXPECT_TRUE(has(customers, c.customer) && has(reps, c.rep));
    if (c.opportunity) {
      EXPECT_TRUE(has(opps, c.opportunity));
    }
    for (auto& l : c.lines) EXPECT_TRUE(has(products, l.product));
  }
  for (auto& p : d.payments) EXPECT_TRUE(has(contracts, p.contract));
  for (auto& t : d.targets) {
    if (t.owner_kind == OwnerKind::region) {
      EXPECT_TRUE(has(regions, t.owner_id));
    }
    if (t.owner_kind == OwnerKind::rep) {
      EXPECT_TRUE(has(reps, t.owner_id));
    }
    if (t.owner_kind == OwnerKind::company) {
      EXPECT_EQ(t.owner_id, 0);
    }
  }
  for (auto& f : d.forecasts) EXPECT_TRUE(has(reps, f.rep));
  for (auto& a : d.activities) {
    EXPECT_TRUE(has(reps, a.rep));
    if (a.customer) {
      EXPECT_TRUE(has(customers, a.customer));
    }
  }
  for (auto& m : d.meetings) EXPECT_TRUE(has(series, m.series));
  for (auto& r : d.resolutions) EXPECT_TRUE(has(meetings, r.meeting));
  for (auto& a : d.action_items) EXPECT_TRUE(has(res, a.resolution));
}

TEST(Demo, TargetsRoughlyConsistentAndAchievable) {
  const auto& d = small();
  // Σ rep sales targets vs region and company targets for one full past year.
  double rep = 0, region = 0, company = 0;
  for (auto& t : d.targets) {
    if (t.metric != TargetMetric::sales || t.month.year() != 2025) continue;
    (t.owner_kind == OwnerKind::rep      ? rep
     : t.owner_kind == OwnerKind::region ? region
                                         : company) += static_cast<double>(t.value);
  }
  EXPECT_NEAR(region / rep, 1.0, 0.06);
  EXPECT_NEAR(company / region, 1.0, 0.05);
  double sales = 0;
  for (auto& c : d.contracts)
    if (to_ymd(c.signed_date).year == 2025) sales += static_cast<double>(c.amount);
  std::printf("2025 company completion: %.1f%%\n", 100 * sales / company);
  EXPECT_GT(sales / company, 0.8);
  EXPECT_LT(sales / company, 1.15);
}

TEST(Demo, UsersPerBrief) {
  const auto& d = small();
  auto u = demo::demo_users(d);
  ASSERT_EQ(u.size(), 7u);
  std::map<Role, int> n;
  for (auto& x : u) n[x.role]++;
  EXPECT_EQ(n[Role::admin], 1);
  EXPECT_EQ(n[Role::executive], 1);
  EXPECT_EQ(n[Role::manager], 2);
  EXPECT_EQ(n[Role::rep], 3);
  EXPECT_EQ(u[0].login, "admin");
  EXPECT_EQ(u[1].login, "ceo");
  EXPECT_NE(u[2].region, u[3].region);
  auto daqu_of = [&](Id rep_id) {
    for (auto& r : d.reps)
      if (r.id == rep_id) {
        EXPECT_FALSE(r.leave_date);
        auto& reg = d.regions[static_cast<size_t>(r.region - 1)];
        return reg.level == 1 ? reg.id : reg.parent;
      }
    return Id{0};
  };
  EXPECT_EQ(daqu_of(u[4].rep), u[2].region);
  EXPECT_EQ(daqu_of(u[5].rep), u[2].region);
  EXPECT_NE(u[4].rep, u[5].rep);
  EXPECT_EQ(daqu_of(u[6].rep), u[3].region);
}

TEST(Demo, SmallRoundTripsThroughSqlite) {
  const auto& d = small();
  auto s = store::open_store(":memory:");
  auto t0 = std::chrono::steady_clock::now();
  s->write_dataset(d);
  auto t1 = std::chrono::steady_clock::now();
  auto back = s->load_dataset();
  auto t2 = std::chrono::steady_clock::now();
  std::printf("small write %.3f s, load %.3f s\n", std::chrono::duration<double>(t1 - t0).count(),
              std::chrono::duration<double>(t2 - t1).count());
  EXPECT_EQ(demo::canonical_dump(back), demo::canonical_dump(d));
}

// Timing of the medium scale; set SALESLOOP_DEMO_MEDIUM=1 to run (takes a few seconds).
TEST(Demo, MediumTiming) {
  if (!std::getenv("SALESLOOP_DEMO_MEDIUM")) GTEST_SKIP() << "set SALESLOOP_DEMO_MEDIUM=1";
  auto t0 = std::chrono::steady_clock::now();
  auto d = demo::generate({1, "medium", kAsOf});
  auto t1 = std::chrono::steady_clock::now();
  auto s = store::open_store(":memory:");
  s->write_dataset(d);
  auto t2 = std::chrono::steady_clock::now();
  size_t rows = d.regions.size() + d.reps.size() + d.customers.size() + d.products.size() + d.competitors.size() +
                d.competitor_products.size() + d.market_stats.size() + d.competitor_sales.size() +
                d.opportunities.size() + d.bids.size() + d.contracts.size() + d.payments.size() + d.targets.size() +
                d.forecasts.size() + d.finance_months.size() + d.activities.size() + d.meetings.size() +
                d.resolutions.size() + d.action_items.size();
  for (auto& o : d.opportunities) rows += o.history.size();
  for (auto& c : d.contracts) rows += c.lines.size() + c.plan.size();
  std::printf("medium: %zu rows, generate %.3f s, write %.3f s\n", rows, std::chrono::duration<double>(t1 - t0).count(),
              std::chrono::duration<double>(t2 - t1).count());
  EXPECT_EQ(demo::canonical_dump(s->load_dataset()), demo::canonical_dump(d));
}

TEST(Demo, AddDemoUsersGivesEachItsHashAndId) {
  const auto& d = small();
  auto store = store::open_store(":memory:");
  store->write_dataset(d);
  std::vector<std::string> asked;
  auto users = demo::add_demo_users(*store, d, [&](const demo::DemoUser& u) {
    asked.push_back(u.login);
    return "hash-of-" + u.login;
  });
  auto want = demo::demo_users(d);
  ASSERT_EQ(users.size(), want.size());
  ASSERT_EQ(asked.size(), want.size());
  std::set<Id> ids;
  for (size_t i = 0; i < users.size(); ++i) {
    EXPECT_EQ(users[i].login, want[i].login);
    EXPECT_EQ(asked[i], want[i].login);
    EXPECT_EQ(users[i].role, want[i].role);
    EXPECT_EQ(users[i].region, want[i].region);
    EXPECT_EQ(users[i].rep, want[i].rep);
    auto rec = store->find_user_by_login(want[i].login);
    ASSERT_TRUE(rec);
    EXPECT_EQ(rec->user.id, users[i].id);
    EXPECT_EQ(rec->password_hash, "hash-of-" + want[i].login);
    ids.insert(users[i].id);
  }
  EXPECT_EQ(ids.size(), users.size());
  auto people = demo::meeting_people(users);
  ASSERT_EQ(people.size(), users.size());
  EXPECT_EQ(people[3].user, users[3].id);
  EXPECT_EQ(people[3].role, users[3].role);
  EXPECT_EQ(people[3].region, users[3].region);
  EXPECT_EQ(people[6].rep, users[6].rep);
}
