// Internal state shared by the generator's stages (org → deals → plans → meetings).
#pragma once
#include <array>
#include <string>
#include <vector>

#include "demo/demo.h"
#include "demo/rng.h"

namespace sl::demo::detail {

constexpr int kDaqu = 7;  // 大区
constexpr int kCategories = 8;
constexpr int kIndustries = 8;

extern const std::array<const char*, kDaqu> kDaquNames;
extern const std::array<double, kDaqu> kDaquWeight;  // share of business; 华东 biggest, 西北 smallest
extern const std::array<std::vector<const char*>, kDaqu> kProvinces;
extern const std::array<const char*, kCategories> kCategoryNames;
extern const std::array<double, kCategories> kCategoryTicket;  // typical deal size, yuan
extern const std::array<double, kCategories> kCategoryMargin;  // gross margin
extern const std::array<const char*, kIndustries> kIndustryNames;
extern const std::array<double, kIndustries> kIndustryWeight;
extern const std::vector<const char*> kLostReasons;  // customer churn reasons
extern const std::vector<const char*> kOppLostReasons;

std::string person_name(Rng& r);
std::string company_name(Rng& r, const std::string& province, const std::string& industry);

// One sales seat: a territory that a chain of reps occupy one after another.
struct Slot {
  int daqu = 0;       // 0..6
  Id region = 0;      // 大区 for the lead seat, a province otherwise
  bool lead = false;  // team lead: never leaves, takes over vacant seats' deals
  Date opened;
  std::vector<Id> reps;  // occupants in time order
};

struct CustomerMeta {
  size_t slot = 0;
  double size_mult = 1;       // deal size factor by 大/中/小
  double reliability = 0.8;   // share of instalments paid on time
  std::optional<Date> churn;  // no new business after this date
};

struct Ctx {
  DemoOptions o;
  bool medium = false;
  Date start, as_of;
  model::Dataset d;
  std::array<Id, kDaqu> daqu_region{};
  std::vector<std::vector<Id>> provinces;  // per 大区
  std::vector<Slot> slots;
  std::vector<size_t> lead_slot;   // per 大区
  std::vector<double> rep_skill;   // by rep id (index 0 unused)
  std::vector<CustomerMeta> cust;  // by customer id - 1
  std::vector<std::vector<Id>> slot_customers;
  std::array<std::vector<size_t>, kCategories> products_by_cat;  // product indexes
  std::vector<int> rep_daqu;                                     // by rep id
};

double season(int month);             // 1..12 → relative signing intensity, mean ≈ 1
double growth(const Ctx& c, Date d);  // yearly business growth factor since start
// The rep occupying a slot on a date; the 大区 lead while a seat is vacant.
Id occupant(const Ctx& c, size_t slot, Date d);
const model::Rep& rep(const Ctx& c, Id id);
int64_t unix_seconds(Date d, int hour);

void gen_org(Ctx& c, Rng& r);       // regions, reps, products, competitors, customers
void gen_market(Ctx& c, Rng& r);    // market_stats, competitor_sales (after deals: uses own sales)
void gen_deals(Ctx& c, Rng& r);     // opportunities, bids, contracts, payments
void gen_plans(Ctx& c, Rng& r);     // targets, forecasts, finance months
void gen_activity(Ctx& c, Rng& r);  // activities
void gen_meetings(Ctx& c, Rng& r);  // meeting series, meetings, resolutions, action items
// The `large` scale (benchmark): org, customers, deals, plans and activities in one go.
void gen_large(Ctx& c, Rng& root);

}  // namespace sl::demo::detail
