// Row lists per customer and per rep, built once with a Snapshot so a request about one rep
// (D1) or a few thousand customers (C3's class A, the lost ones) reads only their rows instead
// of passing over every contract: CSR offsets and 4-byte row ids.
//
// Immutable and shared by later Snapshots like the columns (a Facts copy shares the pointer).
// Each list covers the rows [0, rows) its table had when built; rows appended since (a later
// Snapshot's new contracts) are the tail, read from the table and filtered by key. A list
// applies only while the table reads the very key column it was built from (the same buffer,
// appended to at most): a column copied or rebuilt since has another address, and the list
// answers "every row" (the caller filters them all, as before the lists). The publish step
// rebuilds the index when a list no longer applies or its tail grew long (with_fresh_row_index).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/column.h"
#include "engine/records.h"

namespace sl::engine {

struct Snapshot;

// Rows grouped by key (CSR): key k's rows are rows[begin[k] .. begin[k + 1]).
struct RowLists {
  std::vector<uint32_t> begin;  // keys + 1 offsets
  std::vector<uint32_t> rows;
  size_t bytes() const { return (begin.capacity() + rows.capacity()) * sizeof(uint32_t); }
};

// The rows of `order` (row ids, in the order wanted within a key) grouped by key[row]; rows
// whose key is kNone or not below `keys` are left out.
RowLists group_rows(const int32_t* key, const uint32_t* order, size_t n, size_t keys);

// One key's rows: the listed ones, then the rows [tail_begin, tail_end) of the table, which
// for_each filters by the key (rows added after the lists, or every row when they do not apply).
struct KeyRows {
  const uint32_t* list = nullptr;
  size_t listed = 0, tail_begin = 0, tail_end = 0;
  bool has_tail() const { return tail_end > tail_begin; }
  template <class F>
  void for_each(const Column<int32_t>& key, int32_t k, F&& f) const {
    for (size_t i = 0; i < listed; ++i) f(static_cast<size_t>(list[i]));
    const int32_t* x = key.data();
    for (size_t i = tail_begin; i < tail_end; ++i)
      if (x[i] == k) f(i);
  }
};

struct KeyIndex;
// x->of(key, k), or every row of the table when there is no index (a Snapshot built without one).
KeyRows key_rows(const KeyIndex* x, const Column<int32_t>& key, int32_t k);

// Lists over one key column of a table.
struct KeyIndex {
  Column<int32_t> held;  // a share of the key column built from: its buffer cannot be reused
  size_t rows = 0;
  RowLists lists;
  bool applies(const Column<int32_t>& key) const {
    return !lists.begin.empty() && key.data() == held.data() && key.size() >= rows;
  }
  // key: the table's current key column; k a key (any int: out of range gives no listed rows).
  KeyRows of(const Column<int32_t>& key, int32_t k) const;
  size_t bytes() const { return lists.bytes(); }
};

// The signing day, rep and amount of contracts_by_customer's listed rows, copied in list order
// (rows[j] has day[j], rep[j], amount[j]): a reader of many customers' contracts (C3's class A,
// the lost ones) reads them contiguously instead of at random rows of the table. They apply
// while the table reads the very columns they were copied from (appended to at most).
//
// Beside them, per customer, over its listed contracts that have a rep (C3's key accounts read
// these when the scope sees every rep and the customer has no contract after as_of): their
// count, the last one's day, and twice the median gap between consecutive ones in days (the
// middle gap, or the two middle ones summed for an even count; −1 with fewer than two).
// 12 bytes a customer.
struct ContractCopies {
  Column<int32_t> day_from, rep_from;  // shares of the columns copied from
  Column<Money> amount_from;
  size_t rows = 0;
  std::vector<int32_t> day, rep;
  std::vector<Money> amount;
  std::vector<int32_t> with_rep, last_day, median2;  // by customer index
  bool applies(const ContractTable& t) const {
    return t.signed_day.data() == day_from.data() && t.rep.data() == rep_from.data() &&
           t.amount.data() == amount_from.data() && t.size() >= rows;
  }
  size_t bytes() const {
    return day.capacity() * 4 + rep.capacity() * 4 + amount.capacity() * sizeof(Money) +
           (with_rep.capacity() + last_day.capacity() + median2.capacity()) * 4;
  }
};

// Twice the median of the gaps between consecutive days of days[0, n) (ascending), −1 when n < 2;
// gaps: room for n − 1 values.
int32_t twice_median_gap(const int32_t* days, size_t n, int32_t* gaps);

struct RowIndex {
  KeyIndex contracts_by_customer;  // ContractTable rows of each customer, by (signed day, row)
  ContractCopies contract_copies;  // of contracts_by_customer's rows
  KeyIndex contracts_by_rep;       // ContractTable rows of each signing rep, by (signed day, row)
  KeyIndex customers_by_owner;     // CustomerTable rows of each owner rep
  KeyIndex opportunities_by_rep;   // OpportunityTable rows of each rep
  size_t bytes() const {
    return contracts_by_customer.bytes() + contract_copies.bytes() + contracts_by_rep.bytes() +
           customers_by_owner.bytes() + opportunities_by_rep.bytes();
  }
};

std::shared_ptr<const RowIndex> build_row_index(const ContractTable& contracts, const CustomerTable& customers,
                                                const OpportunityTable& opportunities, size_t customer_count,
                                                size_t rep_count);

// The contracts-by-customer list of the index when it applies, else one built now (a Snapshot
// appended to without with_fresh_row_index): a caller reading many customers' rows uses it, so
// that case costs one grouping pass, not one pass over the table per customer.
std::shared_ptr<const KeyIndex> contracts_by_customer(const ContractTable& contracts,
                                                      const std::shared_ptr<const RowIndex>& x, size_t customer_count);

// Each customer's contracts (signing day, rep, amount) through the contracts-by-customer list,
// from the copies when they apply: the listed ones in signing-day order, then the rows
// appended after the list (any day: has_tail()).
class CustomerContracts {
 public:
  CustomerContracts(const ContractTable& t, const std::shared_ptr<const RowIndex>& x, size_t customer_count);
  template <class F>  // f(day, rep, amount)
  bool for_each(int32_t c, F&& f) const {
    const KeyRows r = lists_->of(t_.customer, c);
    if (copies_ && r.listed) {
      const size_t j0 = static_cast<size_t>(r.list - lists_->lists.rows.data());
      for (size_t j = j0; j < j0 + r.listed; ++j) f(copies_->day[j], copies_->rep[j], copies_->amount[j]);
    } else {
      for (size_t i = 0; i < r.listed; ++i) f(t_.signed_day[r.list[i]], t_.rep[r.list[i]], t_.amount[r.list[i]]);
    }
    for (size_t i = r.tail_begin; i < r.tail_end; ++i)
      if (t_.customer[i] == c) f(t_.signed_day[i], t_.rep[i], t_.amount[i]);
    return r.has_tail();
  }

  // One customer's listed contracts from the copies with their summary (ContractCopies), when
  // the copies apply and no contract was appended since the index was built; else n = 0 and
  // copies null (read for_each).
  struct Whole {
    const ContractCopies* copies = nullptr;
    size_t first = 0, n = 0;  // entries [first, first + n) of the copies
  };
  Whole whole(int32_t c) const {
    if (!copies_ || t_.size() != copies_->rows || t_.size() != lists_->rows) return {};
    const auto k = static_cast<size_t>(c);
    return {copies_, lists_->lists.begin[k], lists_->lists.begin[k + 1] - lists_->lists.begin[k]};
  }

 private:
  const ContractTable& t_;
  std::shared_ptr<const KeyIndex> lists_;
  const ContractCopies* copies_ = nullptr;
  std::shared_ptr<const RowIndex> index_;  // keeps copies_ alive
};

// s itself when its index applies to every table with short tails (≤ 1/64 of the rows, at least
// 4,096); else the same Snapshot with a rebuilt index (every column shared).
std::shared_ptr<const Snapshot> with_fresh_row_index(const std::shared_ptr<const Snapshot>& s);

}  // namespace sl::engine
