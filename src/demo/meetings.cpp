// Meeting history (A1): a company monthly review, a quarterly review and each 大区's weekly
// meeting, with resolutions and action items in every state — done, overdue, carried over.
// People are users, which a Dataset does not hold: chair, attendees and owners stay 0 until
// assign_meeting_people (meeting_people.cpp) places the demo users once they exist.
#include "demo/gen.h"

namespace sl::demo::detail {

namespace {

using MS = model::MeetingStatus;
using RS = model::ResolutionStatus;
using AS = model::ActionStatus;

struct Meetings {
  Ctx& c;
  Rng& r;

  Date clamp(Date d, Date lo, Date hi) { return d < lo ? lo : d > hi ? hi : d; }

  void resolutions(const model::Meeting& m, const std::string& where, Id region, int count, int horizon) {
    static const char* kTopics[] = {"回款",     "签单",         "新客户开拓", "重点商机推进",
                                    "投标准备", "客户流失挽回", "预测准确率"};
    // Goal metrics from A1's fixed list (analytics/act/metric_goal.h); churn and forecast
    // accuracy are not on it, so those topics carry a goal as text only.
    static const char* kMetric[] = {"collection_rate", "completion", "new_customers", "completion", "bids_won", "", ""};
    for (int i = 0; i < count; ++i) {
      int t = static_cast<int>(r.range(0, 6));
      model::Resolution x;
      x.id = static_cast<Id>(c.d.resolutions.size() + 1);
      x.meeting = m.id;
      x.title = where + kTopics[t] + "专项";
      x.description = "会议决议：" + where + "本期" + kTopics[t] + "落后于进度，需专项跟进。";
      x.expected = std::string(kTopics[t]) + "达成率不低于90%";
      if (r.chance(0.4) && *kMetric[t]) {
        x.goal_metric = kMetric[t];
        x.goal_scope = region <= 1 ? "company" : "region:" + std::to_string(region);
        x.goal_comparator = t == 5 ? "<=" : ">=";
        x.goal_value = t == 2 ? 5 : t == 4 ? 3 : t == 5 ? 0.1 : 0.9;
      }
      x.due_date = Date{m.date.days + static_cast<int>(r.range(horizon / 2, horizon))};
      double u = r.uniform();
      if (x.due_date < c.as_of) {
        // Due before as_of: whatever is neither done nor cancelled is overdue.
        x.status = u < 0.72 ? RS::done : u < 0.77 ? RS::cancelled : u < 0.9 ? RS::doing : RS::open;
      } else {
        x.status = u < 0.1 ? RS::done : u < 0.6 ? RS::doing : RS::open;
      }
      if (model::resolution_closed(x.status))
        x.closed_date = clamp(Date{x.due_date.days + static_cast<int>(r.range(-10, 12))}, m.date, c.as_of);
      c.d.resolutions.push_back(x);
      actions(x, m.date);
    }
  }

  void actions(const model::Resolution& x, Date from) {
    static const char* kSteps[] = {"梳理名单", "客户拜访", "制定方案", "跟进催收", "周报通报", "高层拜访"};
    int n = static_cast<int>(r.range(1, 3));
    for (int i = 0; i < n; ++i) {
      model::ActionItem a;
      a.id = static_cast<Id>(c.d.action_items.size() + 1);
      a.resolution = x.id;
      a.title = kSteps[r.range(0, 5)];
      a.due_date = Date{from.days + static_cast<int>(r.range(3, std::max(4, x.due_date.days - from.days)))};
      if (x.status == RS::done) {
        a.status = AS::done;
      } else if (x.status == RS::cancelled) {
        a.status = r.chance(0.5) ? AS::done : AS::blocked;
      } else {
        double u = r.uniform();
        a.status = u < 0.35 ? AS::done : u < 0.7 ? AS::doing : u < 0.9 ? AS::todo : AS::blocked;
      }
      if (a.status == AS::done) {
        Date hi = x.closed_date ? *x.closed_date : c.as_of;
        a.done_date = clamp(Date{a.due_date.days + static_cast<int>(r.range(-7, 5))}, from, hi);
      }
      c.d.action_items.push_back(a);
    }
  }

  // Meetings on `dates` (the latest one open when it is within a week of as_of, the rest
  // closed), then the next one of the series planned on `next`, after as_of: that is where
  // an anomaly found today can be put on the agenda.
  void series(const std::string& name, const char* type, const char* level, Id region, const std::vector<Date>& dates,
              Date next, int min_res, int max_res, int horizon) {
    model::MeetingSeries s{static_cast<Id>(c.d.meeting_series.size() + 1), name, type, level, region};
    c.d.meeting_series.push_back(s);
    for (size_t i = 0; i < dates.size(); ++i) {
      model::Meeting m;
      m.id = static_cast<Id>(c.d.meetings.size() + 1);
      m.series = s.id;
      m.date = dates[i];
      m.agenda = "1. 上期决议跟进（遗留问题）\n2. 目标完成与回款\n3. 重点商机\n4. 本期决议";
      bool latest = i + 1 == dates.size();
      m.status = latest && c.as_of.days - m.date.days < 7 ? MS::open : MS::closed;
      if (m.status == MS::closed) m.minutes = name + "：已逐项检查遗留问题并形成本期决议。";
      c.d.meetings.push_back(m);
      std::string where = region <= 1 ? "公司" : c.d.regions[static_cast<size_t>(region - 1)].name;
      resolutions(m, where, region, static_cast<int>(r.range(min_res, max_res)), horizon);
    }
    model::Meeting planned;
    planned.id = static_cast<Id>(c.d.meetings.size() + 1);
    planned.series = s.id;
    planned.date = next;
    planned.agenda = "1. 上期决议跟进（遗留问题）\n2. 目标完成与回款\n3. 重点商机\n4. 本期决议";
    planned.status = MS::planned;
    c.d.meetings.push_back(planned);
  }
};

}  // namespace

void gen_meetings(Ctx& c, Rng& r) {
  Meetings g{c, r};
  std::vector<Date> monthly, quarterly;
  for (Month m = Month::of(c.start); m <= Month::of(c.as_of); m = Month{m.index + 1}) {
    Date d{m.first_day().days + 4};
    if (d > c.as_of) continue;
    monthly.push_back(d);
    if (m.month() % 3 == 1) quarterly.push_back(Date{d.days + 5 <= c.as_of.days ? d.days + 5 : d.days});
  }
  Month next_month{Month::of(c.as_of).index + 1};
  Month next_quarter{Month::of(c.as_of).index + 3 - (Month::of(c.as_of).month() - 1) % 3};
  g.series("公司月度经营分析会", "monthly", "company", 1, monthly, Date{next_month.first_day().days + 4}, 2, 3, 45);
  g.series("公司季度业绩复盘会", "quarterly", "company", 1, quarterly, Date{next_quarter.first_day().days + 9}, 2, 4,
           90);
  // Weekly regional meetings only for the recent half year (a Monday each week).
  const int weeks = c.medium ? 26 : 13;
  Date monday{c.as_of.days - ((c.as_of.days + 3) % 7)};  // 1970-01-01 was a Thursday
  for (int i = 0; i < kDaqu; ++i) {
    std::vector<Date> ds;
    for (int w = weeks - 1; w >= 0; --w) ds.push_back(Date{monday.days - 7 * w});
    g.series(std::string(kDaquNames[static_cast<size_t>(i)]) + "大区销售周会", "weekly", "region",
             c.daqu_region[static_cast<size_t>(i)], ds, Date{monday.days + 7}, 0, 2, 21);
  }
}

}  // namespace sl::demo::detail
