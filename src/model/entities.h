// The data model of shared/METRICS.md as plain structs. Money in fen, dates as sl::Date,
// ids as sl::Id (0 = none). No behaviour here beyond the enums' text codes and which
// statuses count as closed (codes.cpp); the field rules of each entity are its validator
// beside it (contract_rules.h, target_rules.h), shared by the API, the forms and the import.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/money.h"

namespace sl::model {

// company (level 0, parent 0) → 大区 (level 1) → 省 (level 2)
struct Region {
  Id id = 0;
  std::string name;
  Id parent = 0;
  int level = 0;
};

struct Rep {
  Id id = 0;
  std::string name;
  Id region = 0;   // a province or 大区 region
  Id manager = 0;  // another Rep, or 0
  Date hire_date;
  std::optional<Date> leave_date;
  std::string employee_no;  // 工号, the business key: unique, case and surrounding spaces ignored
};

enum class CustomerSize { large, medium, small };  // 大 / 中 / 小
const char* customer_size_code(CustomerSize s);    // "large" | "medium" | "small"
std::optional<CustomerSize> parse_customer_size(std::string_view s);
std::span<const char* const> customer_size_codes();

struct Customer {
  Id id = 0;
  std::string code, name, industry;
  CustomerSize size = CustomerSize::medium;
  Id region = 0;
  Id owner_rep = 0;
  Date created;
  std::string lost_reason;  // empty when not lost
};

struct Product {
  Id id = 0;
  std::string code, name, category;
  Date launch_date;
  Money list_price = 0, unit_cost = 0;
};

struct Competitor {
  Id id = 0;
  std::string name;
};

struct CompetitorProduct {
  Id id = 0;
  Id competitor = 0;
  std::string category, name;
};

struct MarketStat {
  Month month;
  std::string industry;
  Id region = 0;
  std::string category;
  Money market_size = 0;
};

struct CompetitorSale {
  Month month;
  Id competitor_product = 0;
  Id region = 0;
  Money amount = 0;
};

enum class Stage { lead, qualified, proposal, bidding, negotiation, won, lost };
constexpr int kStageCount = 7;
const char* stage_code(Stage s);  // "lead", "qualified", ...

struct StageEvent {
  Stage stage = Stage::lead;
  Date date;
};

struct Opportunity {
  Id id = 0;
  Id customer = 0, rep = 0;
  std::string category;
  Money amount = 0;
  Date created, expected_close;
  Stage stage = Stage::lead;
  std::optional<Date> closed;
  std::string lost_reason;
  std::vector<StageEvent> history;  // in date order, first is the creation stage
  std::string code;                  // the business key (schema v7); empty = "O" and six digits of the id
};

enum class BidResult { pending, won, lost };

struct Bid {
  Id id = 0;
  Id opportunity = 0;
  Date bid_date;
  Money amount = 0;
  BidResult result = BidResult::pending;
  std::optional<Date> result_date;
};

struct ContractLine {
  Id product = 0;
  int64_t qty = 0;
  Money amount = 0, cost = 0;
};

struct PlanItem {
  Date due_date;
  Money amount = 0;
};

struct Contract {
  Id id = 0;
  std::string code;
  Id customer = 0, rep = 0;
  Id opportunity = 0;  // 0 when none
  Date signed_date;
  Money amount = 0;  // = Σ lines.amount
  std::vector<ContractLine> lines;
  std::vector<PlanItem> plan;  // Σ plan.amount = amount
};

struct Payment {
  Id id = 0;
  Id contract = 0;
  Date date;
  Money amount = 0;
};

enum class TargetMetric { sales, collection, bids_won, new_customers };
enum class OwnerKind { company, region, rep };
const char* metric_code(TargetMetric m);
const char* owner_code(OwnerKind k);
std::optional<TargetMetric> parse_metric(std::string_view s);
std::optional<OwnerKind> parse_owner(std::string_view s);

struct Target {
  Month month;
  TargetMetric metric = TargetMetric::sales;
  OwnerKind owner_kind = OwnerKind::rep;
  Id owner_id = 0;    // 0 for company
  int64_t value = 0;  // fen for sales/collection, a count otherwise
};

struct Forecast {
  Id id = 0;
  Month month;
  Id rep = 0;
  Money value = 0;
  int64_t submitted_at = 0;  // unix seconds
};

struct FinanceMonth {
  Month month;
  Money revenue = 0, cost_of_sales = 0, selling_expense = 0, admin_expense = 0, finance_expense = 0, other_income = 0;
};

enum class ActivityType { visit, call, demo, proposal };

struct Activity {
  Id id = 0;
  Id rep = 0, customer = 0;
  Date date;
  ActivityType type = ActivityType::visit;
};

// --- A1: meetings -------------------------------------------------------------
struct MeetingSeries {
  Id id = 0;
  std::string name;
  std::string type;   // weekly | monthly | quarterly
  std::string level;  // company | region | team
  Id region = 0;
};

// Stored and answered as their text codes ("planned", "open", ...); the codes are listed in
// enum order by *_status_codes(), for the messages that name the valid values.
enum class MeetingStatus { planned, open, closed };
enum class ResolutionStatus { open, doing, done, cancelled };
enum class ActionStatus { todo, doing, done, blocked };
const char* meeting_status_code(MeetingStatus s);
const char* resolution_status_code(ResolutionStatus s);
const char* action_status_code(ActionStatus s);
std::optional<MeetingStatus> parse_meeting_status(std::string_view s);
std::optional<ResolutionStatus> parse_resolution_status(std::string_view s);
std::optional<ActionStatus> parse_action_status(std::string_view s);
std::span<const char* const> meeting_status_codes();
std::span<const char* const> resolution_status_codes();
std::span<const char* const> action_status_codes();
// The one rule of what is settled: a resolution is closed when done or cancelled (it gets
// a closed_date, is no longer carried over, cannot be overdue); an action item when done.
bool resolution_closed(ResolutionStatus s);
bool action_closed(ActionStatus s);

struct Meeting {
  Id id = 0;
  Id series = 0;
  Date date;
  Id chair = 0;               // user id
  std::vector<Id> attendees;  // user ids
  std::string agenda, minutes;
  MeetingStatus status = MeetingStatus::planned;
  int64_t version = 0;  // the stored row's, bumped by every write; on an update 0 = not checked
};

struct Resolution {
  Id id = 0;
  Id meeting = 0;
  std::string title, description;
  Id owner = 0;          // user id
  std::string expected;  // expected target as text
  // optional metric goal
  std::string goal_metric;      // empty when none
  std::string goal_scope;       // company | region:ID | rep:ID
  std::string goal_comparator;  // >= | <= | > | <
  double goal_value = 0;
  Date due_date;
  ResolutionStatus status = ResolutionStatus::open;
  std::optional<Date> closed_date;  // set while the resolution is closed
  int64_t version = 0;              // as Meeting::version
};

struct ActionItem {
  Id id = 0;
  Id resolution = 0;
  std::string title;
  Id owner = 0;  // user id
  Date due_date;
  ActionStatus status = ActionStatus::todo;
  std::optional<Date> done_date;
  int64_t version = 0;  // as Meeting::version
};

// --- users -------------------------------------------------------------------
enum class Role { admin, executive, manager, rep };
const char* role_code(Role r);
std::optional<Role> parse_role(std::string_view s);

struct User {
  Id id = 0;
  std::string login, display_name;
  Role role = Role::rep;
  Id region = 0;  // managers: the region whose subtree they see
  Id rep = 0;     // reps: their Rep row
  std::string lang = "zh-CN";
  bool active = true;
  // Where pushed reports and alerts reach them (issue 14); empty = no such channel.
  std::string email{};        // checked by model::validate_email
  std::string wecom_id{};     // 企业微信 userid
  std::string dingtalk_id{};  // 钉钉 userid
};

// A whole data set, as the demo generator or a bulk import produces it and as the
// snapshot loader reads it. Ids are assigned by the producer and kept by the store.
struct Dataset {
  int64_t data_version = 0;  // the store's data version this set was read at (0: not from a store)
  std::vector<Region> regions;
  std::vector<Rep> reps;
  std::vector<Customer> customers;
  std::vector<Product> products;
  std::vector<Competitor> competitors;
  std::vector<CompetitorProduct> competitor_products;
  std::vector<MarketStat> market_stats;
  std::vector<CompetitorSale> competitor_sales;
  std::vector<Opportunity> opportunities;
  std::vector<Bid> bids;
  std::vector<Contract> contracts;
  std::vector<Payment> payments;
  std::vector<Target> targets;
  std::vector<Forecast> forecasts;
  std::vector<FinanceMonth> finance_months;
  std::vector<Activity> activities;
  std::vector<MeetingSeries> meeting_series;
  std::vector<Meeting> meetings;
  std::vector<Resolution> resolutions;
  std::vector<ActionItem> action_items;
};

}  // namespace sl::model
