// Contracts with their lines (one row per line, the contract's columns repeated; or a row
// without line columns for a contract whose lines come in a contract_lines file), and the
// contract_lines file itself. Rows are grouped by contract across the file and classified
// once the file is read: a contract is one insert / update / unchanged however many lines
// it has (contract_lines counts lines instead). A contract's lines are replaced as a whole.
#include <algorithm>
#include <unordered_map>

#include "ingest/import_importer.h"
#include "ingest/values.h"
#include "model/contract_rules.h"
#include "model/field_errors.h"

namespace sl::ingest {

namespace {

const std::vector<std::string> kHead = {"customer", "rep", "opportunity", "signed_date", "amount"};

struct Line {
  int64_t row = 0;
  std::optional<int64_t> line_no, cost;
  int64_t product = 0, qty = 0, amount = 0;
};

struct Group {
  int64_t first_row = 0;
  std::string code;  // contracts: as in the file
  int64_t id = 0;    // contract_lines: the contract
  SqlRow head;       // kHead's values (contracts)
  std::vector<Line> lines;
  bool bad = false;
};

struct Stored {
  int64_t id = 0;
  SqlRow head;
};

int64_t num(const SqlValue& v) { return std::get<int64_t>(v); }
std::optional<int64_t> opt_num(const SqlValue& v) {
  return std::holds_alternative<int64_t>(v) ? std::optional<int64_t>(num(v)) : std::nullopt;
}

AppError lines_differ_from_amount() {
  return invalid_field("amount", "合同金额应等于明细金额合计", "The contract amount must equal the sum of its lines");
}

class ContractImporter : public Importer {
 public:
  ContractImporter(const Entity& e, ImportDb& db, Date today)
      : Importer(e, db),
        lines_only_(e.name == "contract_lines"),
        today_(today),
        f_line_{field_of("product"), field_of("qty"), field_of("line_amount")},
        f_line_no_(field_of("line_no")),
        f_cost_(field_of("cost")),
        f_contract_(lines_only_ ? field_of("contract") : 0) {
    if (lines_only_) {  // a contract's amount, by id (its code is looked up by read(): keys_of)
      auto rows = db_.query("SELECT id, amount FROM contracts");
      amount_of_.reserve(rows.size());
      for (const auto& r : rows) amount_of_.emplace(num(r[0]), num(r[1]));
    } else {
      auto rows = db_.query("SELECT id, code, customer, rep, opportunity, signed_date, amount FROM contracts");
      stored_.reserve(rows.size());
      for (const auto& r : rows) load_contract(r);
    }
    for (auto& r : db_.query("SELECT contract, product, qty, amount, cost FROM contract_lines ORDER BY contract, seq"))
      stored_lines_[num(r[0])].push_back(SqlRow(r.begin() + 1, r.end()));
    for (auto& r : db_.query("SELECT id, unit_cost FROM products")) unit_cost_[num(r[0])] = num(r[1]);
  }

  void row(const Row& r, ImportResult& out) override {
    if (r.error) {
      out.errors.push_back({r.number, "", "", *r.error});
      return;
    }
    if (lines_only_) return line_row(r, out);
    const size_t before = out.errors.size();
    Group g;
    g.first_row = r.number;
    auto code = read(r, "code", out);
    for (const auto& f : kHead) {
      auto v = read(r, f, out);
      g.head.push_back(v ? *v : SqlValue{});
    }
    if (!code) return;
    g.code = std::get<std::string>(*code);
    std::string fold = key_fold(g.code);
    auto line = read_line(r, out);
    auto [it, fresh] = group_of_.try_emplace(std::move(fold), groups_.size());
    if (fresh) groups_.push_back(std::move(g));
    Group& group = groups_[it->second];
    if (!fresh && out.errors.size() == before && group.head != g.head)
      add_error(out, r.number, "code", &r,
                invalid_field("code", "同一合同的合同列与第 " + std::to_string(group.first_row) + " 行不一致",
                              "The contract's columns differ from row " + std::to_string(group.first_row)));
    if (line) group.lines.push_back(*line);
    if (out.errors.size() > before) group.bad = true;
  }

  // contract_lines: a row is one line of the contract it names, grouped by the contract's id.
  void line_row(const Row& r, ImportResult& out) {
    const size_t before = out.errors.size();
    auto id = read(r, f_contract_, out);
    if (!id) return;
    auto line = read_line(r, out);
    auto [it, fresh] = group_of_id_.try_emplace(num(*id), groups_.size());
    if (fresh) {
      groups_.emplace_back();
      groups_.back().first_row = r.number;
      groups_.back().id = num(*id);
    }
    Group& group = groups_[it->second];
    if (line) group.lines.push_back(*line);
    if (out.errors.size() > before) group.bad = true;
  }

  void load_contract(const SqlRow& r) {
    const int64_t id = num(r[0]);
    next_id_ = std::max(next_id_, id + 1);
    stored_[key_fold(std::get<std::string>(r[1]))] = Stored{id, SqlRow(r.begin() + 2, r.end())};
  }

  void finish(ImportResult& out) override {
    for (auto& g : groups_) {
      if (g.bad) continue;
      try {
        if (!order_lines(g, out)) continue;
        if (lines_only_)
          finish_lines(g, out);
        else
          finish_contract(g, out);
      } catch (const AppError& err) {
        add_error(out, g.first_row, err.field, nullptr, err);
      }
    }
  }

 private:
  // The line a row carries, if any (contracts: a row without product, qty and amount has none).
  std::optional<Line> read_line(const Row& r, ImportResult& out) {
    bool any = lines_only_;
    for (size_t f : f_line_) any = any || !is_blank(cell_text(r, f));
    if (!any) return std::nullopt;
    Line l;
    l.row = r.number;
    int64_t v[3] = {0, 0, 0};
    bool bad = false;
    for (size_t i = 0; i < 3; ++i) {
      auto x = read(r, f_line_[i], out);
      if (x && std::holds_alternative<std::monostate>(*x)) {
        const std::string& name = e_.fields[f_line_[i]].name;
        add_error(out, r.number, name, &r, model::missing_value(name));
        x.reset();
      }
      bad = bad || !x;
      if (x) v[i] = num(*x);
    }
    auto line_no = read(r, f_line_no_, out);
    auto cost = read(r, f_cost_, out);
    if (bad || !line_no || !cost) return std::nullopt;
    l.product = v[0], l.qty = v[1], l.amount = v[2];
    l.line_no = opt_num(*line_no), l.cost = opt_num(*cost);
    return l;
  }

  // Lines in line_no order when numbered (then every line must be, each number once), else
  // in file order; a missing cost is the product's unit cost × qty. False after an error.
  bool order_lines(Group& g, ImportResult& out) {
    const bool numbered = std::any_of(g.lines.begin(), g.lines.end(), [](const Line& l) { return l.line_no; });
    bool ok = true;
    if (numbered) {
      std::unordered_map<int64_t, int64_t> seen;
      for (const auto& l : g.lines) {
        if (!l.line_no) {
          add_error(out, l.row, "line_no", nullptr, model::missing_value("line_no"));
          ok = false;
        } else if (auto [it, fresh] = seen.try_emplace(*l.line_no, l.row); !fresh) {
          add_error(out, l.row, "line_no", nullptr, duplicate_key("line_no", it->second));
          ok = false;
        }
      }
      if (!ok) return false;
      std::stable_sort(g.lines.begin(), g.lines.end(),
                       [](const Line& a, const Line& b) { return *a.line_no < *b.line_no; });
    }
    for (auto& l : g.lines) {
      if (!l.cost) l.cost = unit_cost_[l.product] * l.qty;
      try {
        model::check_line(model::ContractLine{l.product, l.qty, l.amount, *l.cost}, "line");
      } catch (const AppError& err) {
        const std::string f = err.field == "line.qty" ? "qty" : err.field == "line.cost" ? "cost" : "line_amount";
        add_error(out, l.row, f, nullptr, err);
        ok = false;
      }
    }
    if (ok && !g.lines.empty()) model::check_line_count(g.lines.size());
    return ok;
  }

  std::vector<SqlRow> line_rows(const Group& g) const {
    std::vector<SqlRow> out;
    for (const auto& l : g.lines) out.push_back({l.product, l.qty, l.amount, *l.cost});
    return out;
  }
  static Money total(const Group& g) {
    Money t = 0;
    for (const auto& l : g.lines) t += l.amount;
    return t;
  }
  Money stored_total(int64_t id) const {
    Money t = 0;
    if (auto it = stored_lines_.find(id); it != stored_lines_.end())
      for (const auto& l : it->second) t += num(l[2]);
    return t;
  }

  void finish_contract(Group& g, ImportResult& out) {
    if (model::contract_code(g.code) != g.code)
      throw invalid_field("code", "合同编号过长或为空", "A contract code is empty or too long");
    model::check_signed_date(*parse_date(std::get<std::string>(g.head[3])), today_);
    auto stored = stored_.find(key_fold(g.code));
    SqlValue& amount = g.head[4];
    if (!g.lines.empty()) {
      const Money t = total(g);
      model::check_amount(t);
      if (opt_num(amount) && num(amount) != t) throw lines_differ_from_amount();
      amount = t;
    } else {
      if (!opt_num(amount)) throw model::missing_value("amount");
      model::check_amount(num(amount));
      if (stored != stored_.end() && stored_lines_.count(stored->second.id) &&
          stored_total(stored->second.id) != num(amount))
        throw lines_differ_from_amount();
    }
    const auto lines = line_rows(g);
    if (stored == stored_.end()) {
      const int64_t id = next_id_++;
      SqlRow v{id, g.code};
      v.insert(v.end(), g.head.begin(), g.head.end());
      writes_.push_back(
          {"INSERT INTO contracts(id, code, customer, rep, opportunity, signed_date, amount) VALUES (?,?,?,?,?,?,?)",
           v});
      write_lines(id, &g, false);
      ++out.inserted;
      return;
    }
    const int64_t id = stored->second.id;
    const bool lines_same = g.lines.empty() || stored_lines_[id] == lines;
    if (stored->second.head == g.head && lines_same) {
      ++out.unchanged;
      return;
    }
    SqlRow v = g.head;
    v.emplace_back(id);
    writes_.push_back(
        {"UPDATE contracts SET customer = ?, rep = ?, opportunity = ?, signed_date = ?, amount = ? WHERE id = ?", v});
    if (!lines_same) write_lines(id, &g, stored_lines_.count(id) > 0);
    ++out.updated;
  }

  void finish_lines(Group& g, ImportResult& out) {
    if (total(g) != amount_of_[g.id])
      throw invalid_field("contract", "明细金额合计应等于合同金额", "The lines must add up to the contract's amount");
    auto stored = stored_lines_.find(g.id);
    if (stored == stored_lines_.end()) {  // none stored: every line is new
      out.inserted += static_cast<int64_t>(g.lines.size());
      write_lines(g.id, &g, false);
      return;
    }
    const auto lines = line_rows(g);
    const auto& before = stored->second;
    for (size_t i = 0; i < std::max(lines.size(), before.size()); ++i) {
      if (i >= before.size())
        ++out.inserted;
      else if (i >= lines.size() || lines[i] != before[i])
        ++out.updated;  // a removed line counts as updated
      else
        ++out.unchanged;
    }
    if (lines != before) write_lines(g.id, &g, true);
  }

  // A contract's lines replace its stored ones (replace: it has some; the DELETE is skipped for
  // one without, as the data version proves nothing was written since they were read). Kept
  // as a step and made into writes by each_write, one line at a time.
  void write_lines(int64_t contract, const Group* g, bool replace) {
    steps_.push_back(Step{writes_.size(), contract, g, replace});
    write_count_ += (replace ? 1 : 0) + static_cast<int64_t>(g->lines.size());
  }

 public:
  int64_t write_count() const override { return static_cast<int64_t>(writes_.size()) + write_count_; }
  void each_write(const std::function<void(const SqlWrite&)>& fn) const override {
    size_t next = 0;  // writes_ up to a step come before it (a contract's row before its lines)
    SqlWrite w;
    for (const Step& s : steps_) {
      for (; next < s.after; ++next) fn(writes_[next]);
      if (s.replace) {
        w.sql = "DELETE FROM contract_lines WHERE contract = ?";
        w.values.assign(1, s.contract);
        fn(w);
      }
      w.sql = "INSERT INTO contract_lines(contract, seq, product, qty, amount, cost) VALUES (?,?,?,?,?,?)";
      w.values.resize(6);
      for (size_t i = 0; i < s.group->lines.size(); ++i) {
        const Line& l = s.group->lines[i];
        w.values[0] = s.contract, w.values[1] = static_cast<int64_t>(i), w.values[2] = l.product;
        w.values[3] = l.qty, w.values[4] = l.amount, w.values[5] = *l.cost;
        fn(w);
      }
    }
    for (; next < writes_.size(); ++next) fn(writes_[next]);
  }

  const char* bulk_table() const override { return steps_.empty() ? nullptr : "contract_lines"; }

 private:
  struct Step {
    size_t after;  // how many of writes_ come before it
    int64_t contract;
    const Group* group;
    bool replace;
  };

  const bool lines_only_;
  const Date today_;
  std::vector<Group> groups_;
  std::unordered_map<std::string, size_t> group_of_;  // contracts: key_fold(code) → groups_
  std::unordered_map<int64_t, size_t> group_of_id_;   // contract_lines: the contract's id → groups_
  std::unordered_map<int64_t, Money> amount_of_;      // contract_lines: a contract's amount, by id
  std::unordered_map<std::string, Stored> stored_;
  std::unordered_map<int64_t, std::vector<SqlRow>> stored_lines_;  // contract → (product, qty, amount, cost)
  std::unordered_map<int64_t, int64_t> unit_cost_;
  int64_t next_id_ = 1;
  const size_t f_line_[3], f_line_no_, f_cost_;  // product, qty, line_amount; line_no; cost
  const size_t f_contract_;                      // contract_lines: contract
  std::vector<Step> steps_;
  int64_t write_count_ = 0;  // the steps' writes
};

}  // namespace

std::unique_ptr<Importer> contract_importer(const Entity& e, ImportDb& db, Date today) {
  if (e.name != "contracts" && e.name != "contract_lines") return nullptr;
  return std::make_unique<ContractImporter>(e, db, today);
}

}  // namespace sl::ingest
