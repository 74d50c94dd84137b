// The import's field definitions against the fixed list of entities (issue 12) and the
// SQLite schema (src/store/sqlite/migrations.cpp), both written out by hand below.
#include "ingest/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "ingest/guess.h"

using namespace sl::ingest;

namespace {

bool has_non_ascii(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::vector<std::string> names(const Entity& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.name);
  return out;
}

}  // namespace

TEST(Entities, EveryEntityOfTheCommandLineInItsOrder) {
  const std::vector<std::string> fixed = {"regions",        "reps",
                                          "customers",      "products",
                                          "competitors",    "competitor_products",
                                          "market_stats",   "competitor_sales",
                                          "opportunities",  "bids",
                                          "contracts",      "contract_lines",
                                          "payment_plans",  "payments",
                                          "targets",        "forecasts",
                                          "finance_months", "activities"};
  std::vector<std::string> got;
  for (const auto& e : entities()) got.push_back(e.name);
  EXPECT_EQ(got, fixed);
  EXPECT_EQ(find_entity("nope"), nullptr);
  ASSERT_NE(find_entity("customers"), nullptr);
  EXPECT_EQ(find_entity("customers")->zh, "客户");
}

// The schema's columns, ids replaced by the business keys the files use instead (a rep by
// employee_no, an opportunity by its code, a target's owner by region name or employee_no)
// and the stage history as one date per stage; written from migrations.cpp by hand.
TEST(Entities, FieldsFollowTheSchema) {
  const std::map<std::string, std::vector<std::string>> schema = {
      {"regions", {"name", "parent"}},
      {"reps", {"employee_no", "name", "region", "manager", "hire_date", "leave_date"}},
      {"customers", {"code", "name", "industry", "size", "region", "owner_rep", "created", "lost_reason"}},
      {"products", {"code", "name", "category", "launch_date", "list_price", "unit_cost"}},
      {"competitors", {"name"}},
      {"competitor_products", {"competitor", "name", "category"}},
      {"market_stats", {"month", "industry", "region", "category", "market_size"}},
      {"competitor_sales", {"month", "competitor", "competitor_product", "region", "amount"}},
      {"opportunities",
       {"code", "customer", "rep", "category", "amount", "created", "expected_close", "stage", "closed", "lost_reason",
        "qualified_date", "proposal_date", "bidding_date", "negotiation_date"}},
      {"bids", {"opportunity", "bid_date", "amount", "result", "result_date"}},
      {"contracts",
       {"code", "customer", "rep", "opportunity", "signed_date", "amount", "line_no", "product", "qty", "line_amount",
        "cost"}},
      {"contract_lines", {"contract", "line_no", "product", "qty", "line_amount", "cost"}},
      {"payment_plans", {"contract", "due_date", "amount"}},
      {"payments", {"contract", "date", "amount"}},
      {"targets", {"month", "metric", "owner_kind", "owner", "value"}},
      {"forecasts", {"month", "rep", "value", "submitted_at"}},
      {"finance_months",
       {"month", "revenue", "cost_of_sales", "selling_expense", "admin_expense", "finance_expense", "other_income"}},
      {"activities", {"rep", "customer", "date", "type"}},
  };
  for (const auto& e : entities()) {
    ASSERT_TRUE(schema.count(e.name)) << e.name;
    EXPECT_EQ(names(e), schema.at(e.name)) << e.name;
  }
}

TEST(Entities, TypesAndReferencesByBusinessKey) {
  const Entity& c = *find_entity("contracts");
  EXPECT_EQ(type_label(*find_field(c, "code")), "key");
  EXPECT_EQ(type_label(*find_field(c, "customer")), "ref(customers)");
  EXPECT_EQ(type_label(*find_field(c, "rep")), "ref(reps)");
  EXPECT_EQ(type_label(*find_field(c, "signed_date")), "date");
  EXPECT_EQ(type_label(*find_field(c, "amount")), "money");
  EXPECT_EQ(type_label(*find_field(c, "qty")), "int");
  EXPECT_EQ(type_label(*find_field(*find_entity("customers"), "size")), "enum(large|medium|small)");
  EXPECT_EQ(type_label(*find_field(*find_entity("opportunities"), "stage")),
            "enum(lead|qualified|proposal|bidding|negotiation|won|lost)");
  EXPECT_EQ(type_label(*find_field(*find_entity("targets"), "metric")),
            "enum(sales|collection|bids_won|new_customers)");
  EXPECT_EQ(type_label(*find_field(*find_entity("bids"), "result")), "enum(pending|won|lost)");
  EXPECT_EQ(type_label(*find_field(*find_entity("activities"), "type")), "enum(visit|call|demo|proposal)");
  EXPECT_EQ(type_label(*find_field(*find_entity("market_stats"), "month")), "month");
  for (const auto& e : entities()) {
    ASSERT_FALSE(e.key.empty()) << e.name;
    for (const auto& k : e.key) {
      const Field* f = find_field(e, k);
      ASSERT_NE(f, nullptr) << e.name << "." << k;
      // A key part may be empty only where empty means something (a target of the company, an
      // activity without a customer, a line numbered by its place in the file).
      if (!(e.name == "targets" && k == "owner") && !(e.name == "activities" && k == "customer") && k != "line_no") {
        EXPECT_TRUE(f->required) << e.name << "." << k;
      }
    }
    for (const auto& f : e.fields) {
      EXPECT_EQ(f.type == FieldType::ref, !f.ref.empty()) << e.name << "." << f.name;
      if (f.type != FieldType::ref) continue;
      const Entity* to = find_entity(f.ref);
      ASSERT_NE(to, nullptr) << e.name << "." << f.name;
      EXPECT_FALSE(to->key.empty());
    }
  }
  // Never an internal id: every reference is to a code, an employee number or a name.
  EXPECT_EQ(find_entity("reps")->key, std::vector<std::string>{"employee_no"});
  EXPECT_EQ(find_entity("customers")->key, std::vector<std::string>{"code"});
  EXPECT_EQ(find_entity("products")->key, std::vector<std::string>{"code"});
  EXPECT_EQ(find_entity("contracts")->key, std::vector<std::string>{"code"});
  EXPECT_EQ(find_entity("regions")->key, std::vector<std::string>{"name"});
}

TEST(Entities, EveryFieldHasAliasesInBothLanguagesAndAnExample) {
  for (const auto& e : entities())
    for (const auto& f : e.fields) {
      const bool zh = std::any_of(f.aliases.begin(), f.aliases.end(), has_non_ascii);
      const bool en = std::any_of(f.aliases.begin(), f.aliases.end(), [](const auto& a) { return !has_non_ascii(a); });
      EXPECT_TRUE(zh && en) << e.name << "." << f.name;
      if (f.required) {
        EXPECT_FALSE(f.example.empty()) << e.name << "." << f.name;
      }
      if (f.type == FieldType::enumeration) {
        ASSERT_FALSE(f.values.empty());
        EXPECT_TRUE(enum_code(f, f.example).has_value()) << e.name << "." << f.name << " example " << f.example;
      }
    }
}

// Within one entity no header name may point at two fields, or the guesser could not decide.
TEST(Entities, NoAliasNamesTwoFieldsOfOneEntity) {
  for (const auto& e : entities()) {
    std::map<std::string, std::string> owner;
    for (const auto& f : e.fields) {
      std::set<std::string> mine{normalize_header(f.name)};
      for (const auto& a : f.aliases) mine.insert(normalize_header(a));
      for (const auto& n : mine) {
        auto [it, fresh] = owner.emplace(n, f.name);
        EXPECT_TRUE(fresh) << e.name << ": \"" << n << "\" names both " << it->second << " and " << f.name;
      }
    }
  }
}

TEST(Entities, EnumValuesByCodeOrWord) {
  const Field& size = *find_field(*find_entity("customers"), "size");
  EXPECT_EQ(enum_code(size, "大"), "large");
  EXPECT_EQ(enum_code(size, "中型"), "medium");
  EXPECT_EQ(enum_code(size, " SMALL "), "small");
  EXPECT_EQ(enum_code(size, "Large"), "large");
  EXPECT_EQ(enum_code(size, "巨"), std::nullopt);
  const Field& stage = *find_field(*find_entity("opportunities"), "stage");
  EXPECT_EQ(enum_code(stage, "赢单"), "won");
  EXPECT_EQ(enum_code(stage, "输单"), "lost");
  EXPECT_EQ(enum_code(stage, "Negotiation"), "negotiation");
  const Field& result = *find_field(*find_entity("bids"), "result");
  EXPECT_EQ(enum_code(result, "未中标"), "lost");
  EXPECT_EQ(enum_code(result, "中标"), "won");
  const Field& owner = *find_field(*find_entity("targets"), "owner_kind");
  EXPECT_EQ(enum_code(owner, "销售"), "rep");
  EXPECT_EQ(enum_code(owner, "公司"), "company");
}
