#include "ingest/entities.h"

#include <algorithm>
#include <cctype>

#include "model/entities.h"

namespace sl::ingest {

namespace {

using T = FieldType;
using Names = std::vector<std::string>;

Field field(std::string name, T type, bool required, Names aliases, std::string example, std::string note = "") {
  Field f;
  f.name = std::move(name);
  f.type = type;
  f.required = required;
  f.aliases = std::move(aliases);
  f.example = std::move(example);
  f.note = std::move(note);
  return f;
}

Field ref(std::string name, std::string entity, bool required, Names aliases, std::string example,
          std::string note = "") {
  Field f = field(std::move(name), T::ref, required, std::move(aliases), std::move(example), std::move(note));
  f.ref = std::move(entity);
  return f;
}

Field choice(std::string name, std::vector<EnumValue> values, bool required, Names aliases, std::string example,
             std::string note = "") {
  Field f = field(std::move(name), T::enumeration, required, std::move(aliases), std::move(example), std::move(note));
  f.values = std::move(values);
  return f;
}

// The references every entity spells the same way.
Field region_ref(std::string name = "region", bool required = true) {
  return ref(std::move(name), "regions", required, {"区域", "所属区域", "大区", "省份", "Region", "Region name"},
             "上海", "the region's name");
}
Field rep_ref(std::string name = "rep", Names aliases = {"销售工号", "销售代表工号", "业务员工号", "工号",
                                                         "Rep employee no", "Rep", "Sales rep", "Employee no"}) {
  return ref(std::move(name), "reps", true, std::move(aliases), "E01023", "the rep's employee number (工号)");
}
Field customer_ref(bool required = true) {
  return ref("customer", "customers", required,
             {"客户编码", "客户编号", "客户代码", "Customer code", "Customer no", "Customer"}, "C000123",
             "the customer's code");
}
Field contract_ref() {
  return ref("contract", "contracts", true,
             {"合同编号", "合同编码", "合同号", "Contract code", "Contract no", "Contract"}, "HT-2026-0001",
             "the contract's code");
}
Field month_field(Names aliases = {"月份", "月", "年月", "Month"}) {
  return field("month", T::month, true, std::move(aliases), "2026-06",
               "2026-06, 2026/6, 2026年6月 or a day of the month");
}
Field money_field(std::string name, bool required, Names aliases, std::string example) {
  return field(std::move(name), T::money, required, std::move(aliases), std::move(example));
}

// The enumerations' codes come from the model where it has them.
std::vector<EnumValue> sizes() {
  const Names zh = {"大", "中", "小"}, en = {"Large", "Medium", "Small"};
  std::vector<EnumValue> out;
  auto codes = model::customer_size_codes();
  for (size_t i = 0; i < codes.size(); ++i) out.push_back({codes[i], {zh[i], zh[i] + "型", zh[i] + "客户", en[i]}});
  return out;
}
std::vector<EnumValue> stages() {
  const Names zh = {"线索", "验证", "方案", "投标", "谈判", "赢单", "输单"};
  std::vector<EnumValue> out;
  for (int i = 0; i < model::kStageCount; ++i)
    out.push_back({model::stage_code(static_cast<model::Stage>(i)), {zh[i]}});
  return out;
}
std::vector<EnumValue> metrics() {
  const std::vector<Names> words = {{"签单额", "销售额", "Sales"},
                                    {"回款额", "回款", "Collection", "Collections"},
                                    {"中标数", "中标", "Bids won"},
                                    {"新客户数", "新客户", "New customers"}};
  std::vector<EnumValue> out;
  for (size_t i = 0; i < words.size(); ++i)
    out.push_back({model::metric_code(static_cast<model::TargetMetric>(i)), words[i]});
  return out;
}
std::vector<EnumValue> owner_kinds() {
  const std::vector<Names> words = {{"公司", "Company"}, {"区域", "Region"}, {"销售", "销售代表", "个人", "Rep"}};
  std::vector<EnumValue> out;
  for (size_t i = 0; i < words.size(); ++i)
    out.push_back({model::owner_code(static_cast<model::OwnerKind>(i)), words[i]});
  return out;
}
// The schema's CHECKs (migrations.cpp): the model has no code table for these two.
std::vector<EnumValue> bid_results() {
  return {{"pending", {"待定", "未开标", "Pending"}}, {"won", {"中标", "Won"}}, {"lost", {"未中标", "落标", "Lost"}}};
}
std::vector<EnumValue> activity_types() {
  return {{"visit", {"拜访", "Visit"}},
          {"call", {"电话", "Call"}},
          {"demo", {"演示", "Demo"}},
          {"proposal", {"方案", "Proposal"}}};
}

// A contract line's fields, in the contract_lines file and on the rows of a contracts file
// that carries its lines (one row per line, the contract's columns repeated).
std::vector<Field> line_fields(bool own_file) {
  Names amount = {"行金额", "明细金额", "产品金额", "Line amount"};
  if (own_file) amount.insert(amount.end(), {"金额", "Amount"});
  return {
      field("line_no", T::integer, false, {"行号", "序号", "Line no", "Line"}, "1",
            "the line's number within its contract; when absent, lines are numbered in file order"),
      ref("product", "products", own_file, {"产品编码", "产品编号", "物料编码", "Product code", "SKU", "Product"},
          "P0101", own_file ? "the product's code" : "the product's code; required on a row that carries a line"),
      field("qty", T::integer, own_file, {"数量", "Qty", "Quantity"}, "10"),
      money_field("line_amount", own_file, std::move(amount), "120,000.00"),
      money_field("cost", false, {"成本", "行成本", "Cost", "Line cost"}, "80,000.00"),
  };
}

std::vector<Entity> build() {
  std::vector<Entity> v;
  v.push_back({"regions",
               "区域",
               "Regions",
               {field("name", T::key, true, {"区域名称", "区域", "名称", "Region name", "Region", "Name"}, "上海"),
                ref("parent", "regions", false, {"上级区域", "所属大区", "上级", "Parent region", "Parent"}, "华东大区",
                    "empty for the company itself (one region without a parent: the company)")},
               {"name"},
               "Regions form a tree: the company (no parent) → 大区 → 省; the level follows from the parent. "
               "List a parent before its children."});
  v.push_back({"reps",
               "销售代表",
               "Sales reps",
               {field("employee_no", T::key, true,
                      {"工号", "员工编号", "员工号", "Employee no", "Employee ID", "Employee number"}, "E01023"),
                field("name", T::text, true, {"姓名", "销售代表", "业务员", "Name", "Rep name"}, "曹艳"), region_ref(),
                ref("manager", "reps", false, {"上级工号", "经理工号", "上级", "Manager employee no", "Manager"},
                    "E00007", "the manager's employee number"),
                field("hire_date", T::date, true, {"入职日期", "Hire date", "Hired"}, "2021-03-01"),
                field("leave_date", T::date, false, {"离职日期", "Leave date", "Left"}, "", "empty while employed")},
               {"employee_no"},
               "A rep counts in a month only while employed (hire_date ≤ day ≤ leave_date)."});
  v.push_back(
      {"customers",
       "客户",
       "Customers",
       {field("code", T::key, true, {"客户编码", "客户编号", "客户代码", "Customer code", "Customer no", "Customer ID"},
              "C000123"),
        field("name", T::text, true, {"客户名称", "客户", "Customer name", "Customer"}, "上海华兴机械有限公司"),
        field("industry", T::text, true, {"行业", "所属行业", "Industry"}, "制造"),
        choice("size", sizes(), true, {"客户规模", "规模", "Customer size", "Size"}, "大"), region_ref(),
        ref("owner_rep", "reps", false, {"负责人工号", "客户经理工号", "负责人", "Owner employee no", "Owner"},
            "E01023", "the owning rep's employee number"),
        field("created", T::date, true, {"建档日期", "创建日期", "Created", "Created date"}, "2019-05-20"),
        field("lost_reason", T::text, false, {"流失原因", "Lost reason"}, "", "empty unless the customer is lost")},
       {"code"},
       ""});
  v.push_back(
      {"products",
       "产品",
       "Products",
       {field("code", T::key, true, {"产品编码", "产品编号", "物料编码", "Product code", "SKU", "Product ID"}, "P0101"),
        field("name", T::text, true, {"产品名称", "名称", "Product name", "Name"}, "智能控制柜 A1"),
        field("category", T::text, true, {"产品类别", "品类", "类别", "Category", "Product category"}, "控制系统"),
        field("launch_date", T::date, true, {"上市日期", "发布日期", "Launch date"}, "2020-01-01"),
        money_field("list_price", true, {"标准价", "目录价", "单价", "List price", "Price"}, "12,000.00"),
        money_field("unit_cost", true, {"单位成本", "成本价", "Unit cost", "Cost"}, "8,000.00")},
       {"code"},
       ""});
  v.push_back({"competitors",
               "竞争对手",
               "Competitors",
               {field("name", T::key, true, {"竞争对手", "竞品厂商", "厂商", "Competitor", "Competitor name", "Name"},
                      "远航科技")},
               {"name"},
               ""});
  v.push_back({"competitor_products",
               "竞品",
               "Competitor products",
               {ref("competitor", "competitors", true, {"竞争对手", "竞品厂商", "厂商", "Competitor"}, "远航科技",
                    "the competitor's name"),
                field("name", T::text, true,
                      {"竞品名称", "竞品", "产品名称", "Competitor product", "Product name", "Name"}, "远航 X5"),
                field("category", T::text, true, {"产品类别", "品类", "类别", "Category"}, "控制系统")},
               {"competitor", "name"},
               ""});
  v.push_back({"market_stats",
               "市场规模",
               "Market statistics",
               {month_field(), field("industry", T::text, true, {"行业", "所属行业", "Industry"}, "制造"), region_ref(),
                field("category", T::text, true, {"产品类别", "品类", "类别", "Category"}, "控制系统"),
                money_field("market_size", true, {"市场规模", "市场容量", "Market size"}, "35,000,000.00")},
               {"month", "industry", "region", "category"},
               ""});
  v.push_back({"competitor_sales",
               "竞品销售",
               "Competitor sales",
               {month_field(),
                ref("competitor", "competitors", true, {"竞争对手", "竞品厂商", "厂商", "Competitor"}, "远航科技",
                    "the competitor's name"),
                ref("competitor_product", "competitor_products", true, {"竞品名称", "竞品", "Competitor product"},
                    "远航 X5", "the product's name, of that competitor"),
                region_ref(), money_field("amount", true, {"销售额", "金额", "Amount", "Sales"}, "1,200,000.00")},
               {"month", "competitor", "competitor_product", "region"},
               ""});
  v.push_back(
      {"opportunities",
       "商机",
       "Opportunities",
       {field("code", T::key, true,
              {"商机编号", "商机编码", "商机号", "Opportunity code", "Opportunity no", "Opportunity ID"},
              "OP-2026-0042"),
        customer_ref(), rep_ref(),
        field("category", T::text, true, {"产品类别", "品类", "类别", "Category"}, "控制系统"),
        money_field("amount", true, {"预计金额", "商机金额", "金额", "Amount", "Expected amount"}, "500,000.00"),
        field("created", T::date, true, {"创建日期", "立项日期", "Created", "Created date"}, "2026-03-02"),
        field("expected_close", T::date, true,
              {"预计成交日期", "预计签约日期", "Expected close", "Expected close date"}, "2026-07-31"),
        choice("stage", stages(), true, {"阶段", "商机阶段", "当前阶段", "Stage"}, "方案"),
        field("closed", T::date, false, {"关闭日期", "成交日期", "Closed", "Closed date", "Close date"}, "",
              "required once won or lost, empty while open"),
        field("lost_reason", T::text, false, {"输单原因", "丢单原因", "Lost reason"}, ""),
        field("qualified_date", T::date, false, {"验证日期", "Qualified date"}, "2026-03-20",
              "the stage history: the day the opportunity reached each stage it went through"),
        field("proposal_date", T::date, false, {"方案日期", "Proposal date"}, "2026-04-10"),
        field("bidding_date", T::date, false, {"投标日期", "Bidding date"}, ""),
        field("negotiation_date", T::date, false, {"谈判日期", "Negotiation date"}, "")},
       {"code"},
       "One row per opportunity. Its stage history (商机阶段记录) is rebuilt from the row: lead on the created "
       "day, each stage date given (the current stage's is required while open; none after it unless lost), "
       "then won or lost on the closed day; days never go back and none is after today. It replaces the "
       "stored history when it differs. A lost reason only on a lost opportunity."});
  v.push_back({"bids",
               "投标",
               "Bids",
               {ref("opportunity", "opportunities", true, {"商机编号", "商机编码", "Opportunity code", "Opportunity"},
                    "OP-2026-0042", "the opportunity's code"),
                field("bid_date", T::date, true, {"投标日期", "Bid date"}, "2026-05-08"),
                money_field("amount", true, {"投标金额", "报价金额", "金额", "Bid amount", "Amount"}, "480,000.00"),
                choice("result", bid_results(), true, {"投标结果", "结果", "中标情况", "Result"}, "中标"),
                field("result_date", T::date, false, {"结果日期", "开标日期", "Result date"}, "2026-05-20",
                      "required unless pending")},
               {"opportunity", "bid_date"},
               ""});
  {
    Entity contracts{
        "contracts",
        "合同",
        "Contracts",
        {field("code", T::key, true, {"合同编号", "合同编码", "合同号", "Contract code", "Contract no"},
               "HT-2026-0001"),
         customer_ref(), rep_ref(),
         ref("opportunity", "opportunities", false, {"商机编号", "商机编码", "Opportunity code", "Opportunity"},
             "OP-2026-0042", "the opportunity's code; empty when none"),
         field("signed_date", T::date, true, {"签约日期", "签单日期", "签订日期", "Signed date", "Sign date"},
               "2026-06-15"),
         money_field("amount", false, {"合同金额", "签约金额", "签单金额", "Contract amount", "Amount"},
                     "1,200,000.00")},
        {"code"},
        "The amount is the sum of the contract's lines (when given, it must equal it). The lines come "
        "in the contract_lines file or on the contracts rows themselves: one row per line, the "
        "contract's columns repeated."};
    for (auto& f : line_fields(false)) contracts.fields.push_back(std::move(f));
    v.push_back(std::move(contracts));
  }
  {
    Entity lines{"contract_lines",        "合同明细",
                 "Contract lines",        {contract_ref()},
                 {"contract", "line_no"}, "A line's cost defaults to the product's unit cost × qty."};
    for (auto& f : line_fields(true)) lines.fields.push_back(std::move(f));
    v.push_back(std::move(lines));
  }
  v.push_back(
      {"payment_plans",
       "回款计划",
       "Payment plans",
       {contract_ref(),
        field("due_date", T::date, true, {"计划回款日期", "到期日", "应收日期", "Due date"}, "2026-09-30"),
        money_field("amount", true, {"计划回款金额", "应收金额", "金额", "Amount", "Planned amount"}, "600,000.00")},
       {"contract", "due_date"},
       "A contract's instalments sum to its amount."});
  v.push_back(
      {"payments",
       "回款",
       "Payments",
       {contract_ref(),
        field("date", T::date, true, {"回款日期", "收款日期", "到账日期", "Payment date", "Date"}, "2026-07-02"),
        money_field("amount", true, {"回款金额", "收款金额", "金额", "Amount", "Payment amount"}, "300,000.00")},
       {"contract", "date", "amount"},
       "Payments have no number of their own: two payments of one contract on one day with the same amount "
       "are one row (add them up)."});
  v.push_back(
      {"targets",
       "目标",
       "Targets",
       {month_field(), choice("metric", metrics(), true, {"指标", "目标类型", "Metric"}, "签单额"),
        choice("owner_kind", owner_kinds(), true, {"目标对象类型", "对象类型", "Owner kind", "Owner type"}, "销售"),
        field("owner", T::text, false, {"目标对象", "对象", "Owner"}, "E01023",
              "a region's name or a rep's employee number, as owner_kind says; empty for the company"),
        field("value", T::decimal, true, {"目标值", "目标", "Target", "Value"}, "1,500,000.00",
              "元 for sales and collection (万元 allowed), a count for bids_won and new_customers")},
       {"month", "metric", "owner_kind", "owner"},
       ""});
  v.push_back({"forecasts",
               "预测",
               "Forecasts",
               {month_field({"预测月份", "月份", "Month"}), rep_ref(),
                money_field("value", true, {"预测金额", "预测值", "Forecast", "Value"}, "900,000.00"),
                field("submitted_at", T::datetime, true, {"提交时间", "提交日期", "Submitted at", "Submitted"},
                      "2026-06-02 10:15", "the forecast that counts is the last one before the month's lock date")},
               {"month", "rep", "submitted_at"},
               ""});
  v.push_back(
      {"finance_months",
       "财务月报",
       "Finance months",
       {month_field(), money_field("revenue", true, {"营业收入", "收入", "Revenue"}, "35,000,000.00"),
        money_field("cost_of_sales", true, {"营业成本", "销售成本", "Cost of sales"}, "21,000,000.00"),
        money_field("selling_expense", true, {"销售费用", "Selling expense"}, "3,000,000.00"),
        money_field("admin_expense", true, {"管理费用", "Admin expense", "Administrative expense"}, "2,000,000.00"),
        money_field("finance_expense", true, {"财务费用", "Finance expense"}, "300,000.00"),
        money_field("other_income", true, {"其他收益", "其他收入", "Other income"}, "100,000.00")},
       {"month"},
       "Money may be negative here (a loss, a refund)."});
  v.push_back({"activities",
               "销售活动",
               "Activities",
               {rep_ref(), customer_ref(false),
                field("date", T::date, true, {"活动日期", "日期", "Date", "Activity date"}, "2026-06-10"),
                choice("type", activity_types(), true, {"活动类型", "类型", "Type", "Activity type"}, "拜访")},
               {"rep", "customer", "date", "type"},
               ""});
  return v;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

const std::vector<Entity>& entities() {
  static const std::vector<Entity> kAll = build();
  return kAll;
}

const Entity* find_entity(std::string_view name) {
  for (const auto& e : entities())
    if (e.name == name) return &e;
  return nullptr;
}

std::optional<size_t> field_index(const Entity& e, std::string_view name) {
  for (size_t i = 0; i < e.fields.size(); ++i)
    if (e.fields[i].name == name) return i;
  return std::nullopt;
}

const Field* find_field(const Entity& e, std::string_view name) {
  auto i = field_index(e, name);
  return i ? &e.fields[*i] : nullptr;
}

const char* type_code(FieldType t) {
  switch (t) {
    case T::text: return "text";
    case T::key: return "key";
    case T::ref: return "ref";
    case T::date: return "date";
    case T::month: return "month";
    case T::datetime: return "datetime";
    case T::money: return "money";
    case T::integer: return "int";
    case T::decimal: return "decimal";
    case T::percent: return "percent";
    case T::enumeration: return "enum";
    case T::boolean: return "bool";
  }
  return "";
}

std::string type_label(const Field& f) {
  std::string s = type_code(f.type);
  if (f.type == T::ref) return s + "(" + f.ref + ")";
  if (f.type == T::enumeration) {
    s += "(";
    for (size_t i = 0; i < f.values.size(); ++i) s += (i ? "|" : "") + f.values[i].code;
    s += ")";
  }
  return s;
}

std::optional<std::string> enum_code(const Field& f, std::string_view value) {
  const std::string v = lower_ascii(trim(value));
  for (const auto& e : f.values) {
    if (lower_ascii(e.code) == v) return e.code;
    for (const auto& a : e.aliases)
      if (lower_ascii(a) == v) return e.code;
  }
  return std::nullopt;
}

}  // namespace sl::ingest
