// The A1 access rules on a hand-made region tree; every expectation is written out by hand
// from the rules in access.h, one row per user, one column per series.
//
//   1 公司 ─┬─ 2 华东 ─┬─ 4 上海   (rep 10)
//           │          └─ 5 江苏
//           │          (rep 12 placed in 华东 itself)
//           └─ 3 华南 ─── 6 广东   (rep 11)
// Series: company (region 1), 华东 region series, 上海 team series, 华南 region series, and a
// team series of a region the tree no longer has (99).
#include "analytics/act/access.h"

#include <gtest/gtest.h>

using namespace sl;
using namespace sl::analytics;
using model::Role;

namespace {

struct Fixture {
  std::vector<model::Region> regions = {{1, "公司", 0, 0}, {2, "华东", 1, 1}, {3, "华南", 1, 1},
                                        {4, "上海", 2, 2}, {5, "江苏", 2, 2}, {6, "广东", 3, 2}};
  std::vector<model::Rep> reps = {{10, "沪一", 4, 0, *parse_date("2024-01-01"), {}},
                                  {11, "粤一", 6, 0, *parse_date("2024-01-01"), {}},
                                  {12, "东一", 2, 0, *parse_date("2024-01-01"), {}}};
  engine::Dims d = engine::build_dims(regions, reps);

  // Columns of the tables below, in this order.
  std::vector<model::MeetingSeries> series = {{1, "公司月度会", "monthly", "company", 1},
                                              {2, "华东周会", "weekly", "region", 2},
                                              {3, "上海组会", "weekly", "team", 4},
                                              {4, "华南周会", "weekly", "region", 3},
                                              {5, "旧区域会", "weekly", "team", 99}};

  static model::User user(Id id, Role role, Id region = 0, Id rep = 0) {
    model::User u;
    u.id = id;
    u.login = "u" + std::to_string(id);
    u.display_name = u.login;
    u.role = role;
    u.region = region;
    u.rep = rep;
    return u;
  }
  model::User admin = user(1, Role::admin), exec = user(2, Role::executive);
  model::User mgr_east = user(3, Role::manager, 2), mgr_sh = user(4, Role::manager, 4),
              mgr_south = user(5, Role::manager, 3), mgr_ghost = user(6, Role::manager, 99);
  model::User rep_sh = user(7, Role::rep, 0, 10), rep_gd = user(8, Role::rep, 0, 11),
              rep_east = user(9, Role::rep, 0, 12), rep_ghost = user(10, Role::rep, 0, 999);

  template <class Rule>
  std::string row(const model::User& u, Rule rule) const {
    std::string out;
    for (const auto& s : series) out += rule(u, s) ? 'T' : '.';
    return out;
  }
};

model::Meeting meeting(Id id, Id series, Id chair, std::vector<Id> attendees) {
  model::Meeting m;
  m.id = id;
  m.series = series;
  m.chair = chair;
  m.attendees = std::move(attendees);
  return m;
}

}  // namespace

TEST(Access, ManageByRoleLevelAndSubtree) {
  Fixture f;
  auto manage = [&](const model::User& u, const model::MeetingSeries& s) { return may_manage(f.d, u, s); };
  //                                  company 华东 上海 华南 ghost
  EXPECT_EQ(f.row(f.admin, manage), "TTTTT");
  EXPECT_EQ(f.row(f.exec, manage), "TTTTT");
  EXPECT_EQ(f.row(f.mgr_east, manage), ".TT..");  // never company; its own region and below
  EXPECT_EQ(f.row(f.mgr_sh, manage), "..T..");    // not the 华东 series above it
  EXPECT_EQ(f.row(f.mgr_south, manage), "...T.");
  EXPECT_EQ(f.row(f.mgr_ghost, manage), ".....");  // a region the tree does not know
  EXPECT_EQ(f.row(f.rep_sh, manage), ".....");
  EXPECT_EQ(f.row(f.rep_east, manage), ".....");

  EXPECT_TRUE(may_manage_some(f.admin));
  EXPECT_TRUE(may_manage_some(f.exec));
  EXPECT_TRUE(may_manage_some(f.mgr_ghost));
  EXPECT_FALSE(may_manage_some(f.rep_sh));
}

TEST(Access, ChairIsAnActiveUserWhoManages) {
  Fixture f;
  auto chair = [&](const model::User& u, const model::MeetingSeries& s) { return may_chair(f.d, u, s); };
  EXPECT_EQ(f.row(f.exec, chair), "TTTTT");
  EXPECT_EQ(f.row(f.mgr_east, chair), ".TT..");
  EXPECT_EQ(f.row(f.rep_east, chair), ".....");
  f.exec.active = false;
  f.mgr_east.active = false;
  EXPECT_EQ(f.row(f.exec, chair), ".....");
  EXPECT_EQ(f.row(f.mgr_east, chair), ".....");
}

TEST(Access, SeriesRegionByRoleLevelAndSubtree) {
  Fixture f;
  auto in = [&](const model::User& u, const model::MeetingSeries& s) { return in_series_region(f.d, u, s); };
  //                                  company 华东 上海 华南 ghost
  EXPECT_EQ(f.row(f.admin, in), "TTTTT");
  EXPECT_EQ(f.row(f.exec, in), "TTTTT");
  EXPECT_EQ(f.row(f.mgr_east, in), "TTT..");  // 上海 lies inside 华东
  EXPECT_EQ(f.row(f.mgr_sh, in), "TTT..");    // 上海 inside the 华东 series' region
  EXPECT_EQ(f.row(f.mgr_south, in), "T..T.");
  EXPECT_EQ(f.row(f.mgr_ghost, in), "T....");  // company series take everyone
  EXPECT_EQ(f.row(f.rep_sh, in), "TTT..");
  EXPECT_EQ(f.row(f.rep_gd, in), "T..T.");
  EXPECT_EQ(f.row(f.rep_east, in), "TT...");  // placed in 华东 itself, not inside 上海
  EXPECT_EQ(f.row(f.rep_ghost, in), "T....");
}

TEST(Access, MeetingsWithItemsOfAUser) {
  std::vector<model::Resolution> res(3);
  res[0].id = 1, res[0].meeting = 100, res[0].owner = 7;
  res[1].id = 2, res[1].meeting = 101, res[1].owner = 3;
  res[2].id = 3, res[2].meeting = 102, res[2].owner = 3;
  std::vector<model::ActionItem> acts(3);
  acts[0].id = 1, acts[0].resolution = 2, acts[0].owner = 7;  // under resolution 2: meeting 101
  acts[1].id = 2, acts[1].resolution = 3, acts[1].owner = 3;
  acts[2].id = 3, acts[2].resolution = 42, acts[2].owner = 7;  // an unknown resolution: no meeting
  EXPECT_EQ(meetings_with_items_of(7, res, acts), (std::set<Id>{100, 101}));
  EXPECT_EQ(meetings_with_items_of(3, res, acts), (std::set<Id>{101, 102}));
  EXPECT_EQ(meetings_with_items_of(5, res, acts), (std::set<Id>{}));
}

TEST(Access, SeeAMeeting) {
  Fixture f;
  const auto& east = f.series[1];
  const auto& south = f.series[3];
  model::Meeting m100 = meeting(100, 2, /*chair*/ 3, {9});
  model::Meeting m101 = meeting(101, 4, /*chair*/ 3, {});
  const std::set<Id> none, owns100{100};
  EXPECT_TRUE(may_see_meeting(f.d, f.exec, east, m100, none));
  EXPECT_TRUE(may_see_meeting(f.d, f.mgr_east, east, m100, none));                         // manages (and chairs)
  EXPECT_TRUE(may_see_meeting(f.d, f.mgr_sh, f.series[2], meeting(103, 3, 2, {}), none));  // manages 上海
  EXPECT_FALSE(may_see_meeting(f.d, f.mgr_sh, east, m100, none));                          // 华东 is above 上海
  EXPECT_FALSE(may_see_meeting(f.d, f.mgr_south, east, m100, none));
  EXPECT_TRUE(may_see_meeting(f.d, f.mgr_south, east, m100, owns100));  // owns an item in it
  EXPECT_TRUE(may_see_meeting(f.d, f.rep_east, east, m100, none));      // attends
  EXPECT_FALSE(may_see_meeting(f.d, f.rep_sh, east, m100, none));
  EXPECT_TRUE(may_see_meeting(f.d, f.rep_sh, east, m100, owns100));
  EXPECT_TRUE(may_see_meeting(f.d, f.mgr_east, south, m101, none));  // chairs a 华南 meeting
  EXPECT_FALSE(may_see_meeting(f.d, f.mgr_sh, south, m101, none));
}

TEST(Access, SeeASeries) {
  Fixture f;
  std::vector<model::Meeting> ms = {meeting(100, 2, 3, {9}), meeting(101, 4, 3, {}), meeting(102, 3, 4, {8})};
  const std::set<Id> none;
  auto sees = [&](const model::User& u, const model::MeetingSeries& s) { return may_see_series(f.d, u, s, ms, none); };
  //                                  company 华东 上海 华南 ghost
  EXPECT_EQ(f.row(f.exec, sees), "TTTTT");
  EXPECT_EQ(f.row(f.mgr_east, sees), ".TTT.");   // manages 华东 and 上海, chairs meeting 101 of 华南
  EXPECT_EQ(f.row(f.mgr_south, sees), "...T.");  // manages 华南; sees no meeting of another series
  EXPECT_EQ(f.row(f.rep_gd, sees), "..T..");     // attends meeting 102 of 上海
  EXPECT_EQ(f.row(f.rep_east, sees), ".T...");   // attends meeting 100 of 华东, and no other series'
  EXPECT_EQ(f.row(f.rep_ghost, sees), ".....");
  const std::set<Id> owns102{102};
  EXPECT_TRUE(may_see_series(f.d, f.rep_sh, f.series[2], ms, owns102));
  EXPECT_FALSE(may_see_series(f.d, f.rep_sh, f.series[1], ms, owns102));
}

TEST(Access, SeeAResolutionOrActionItem) {
  Fixture f;
  const auto& east = f.series[1];
  model::Meeting m100 = meeting(100, 2, 3, {9});
  model::Resolution r;
  r.id = 1, r.meeting = 100, r.owner = 8;
  model::ActionItem a;
  a.id = 1, a.resolution = 1, a.owner = 8;
  const std::set<Id> none;
  EXPECT_TRUE(may_see_resolution(f.d, f.rep_gd, east, m100, r, none));  // its owner, outside the meeting
  EXPECT_TRUE(may_see_action(f.d, f.rep_gd, east, m100, a, none));
  EXPECT_FALSE(may_see_resolution(f.d, f.rep_sh, east, m100, r, none));
  EXPECT_FALSE(may_see_action(f.d, f.rep_sh, east, m100, a, none));
  EXPECT_TRUE(may_see_resolution(f.d, f.rep_east, east, m100, r, none));  // attends the meeting
  EXPECT_TRUE(may_see_action(f.d, f.mgr_east, east, m100, a, none));      // manages the series
}

TEST(Access, UpdateResolutionsAndActionItems) {
  Fixture f;
  model::Resolution r;
  r.owner = f.mgr_south.id;
  EXPECT_TRUE(may_update_resolution(f.mgr_east, r, /*manages*/ true, /*status_only*/ false));
  EXPECT_TRUE(may_update_resolution(f.mgr_south, r, false, true));    // its owner: the status
  EXPECT_FALSE(may_update_resolution(f.mgr_south, r, false, false));  // but nothing else
  EXPECT_FALSE(may_update_resolution(f.mgr_sh, r, false, true));      // not its owner
  r.owner = f.rep_sh.id;
  EXPECT_FALSE(may_update_resolution(f.rep_sh, r, false, true));  // reps update action items only

  model::ActionItem a;
  a.owner = f.rep_sh.id;
  EXPECT_TRUE(may_update_action(f.rep_sh, a, false));
  EXPECT_TRUE(may_update_action(f.mgr_east, a, true));
  EXPECT_FALSE(may_update_action(f.rep_gd, a, false));
  EXPECT_TRUE(owner_may_change("status"));
  EXPECT_TRUE(owner_may_change("note"));
  EXPECT_FALSE(owner_may_change("title"));
  EXPECT_FALSE(owner_may_change("owner"));
  EXPECT_FALSE(owner_may_change("due_date"));
  EXPECT_FALSE(owner_may_change(""));
}

TEST(Access, PeopleToPick) {
  Fixture f;
  const engine::Scope all = engine::scope_all(f.d);
  const engine::Scope east = engine::scope_region(f.d, f.d.find_region(2));
  const engine::Scope rep = engine::scope_rep(f.d, f.d.find_rep(10));
  std::vector<const model::User*> people = {&f.admin,     &f.exec,   &f.mgr_east, &f.mgr_sh,   &f.mgr_south,
                                            &f.mgr_ghost, &f.rep_sh, &f.rep_gd,   &f.rep_east, &f.rep_ghost};
  auto row = [&](const engine::Scope& s, const model::User& caller) {
    std::string out;
    for (const auto* u : people) out += may_pick(f.d, s, caller, *u) ? 'T' : '.';
    return out;
  };
  //                                  admin exec east sh south ghost | rep sh gd east ghost
  EXPECT_EQ(row(all, f.exec), "TTTTTTTTTT");
  EXPECT_EQ(row(east, f.mgr_east), ".TTT..T.T.");  // executives, and managers and reps of 华东
  EXPECT_EQ(row(rep, f.rep_sh), "......T...");     // only oneself
}
