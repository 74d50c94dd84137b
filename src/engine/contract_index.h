// The open contracts, listed once with a Snapshot so C1's aging reads only them instead of all
// contracts: those never settled (ContractTable::settled_day is kNever) — as of a day on or
// after every settled day, the only ones with something receivable (~1 in 5 at 10M lines).
// (A list of the contracts by signing day was tried for the cohorts and dropped: with ids in
// no date order, as in the demo data, reading a period's contracts through it was 4× slower
// than the plain pass over every contract's day.)
//
// Immutable and shared by later Snapshots like the columns (a Facts copy shares the pointer).
// The list covers the contracts [0, contracts) of the Snapshot they were built with; a later
// Snapshot's appended contracts, [contracts, size), are read from the table directly (the
// ContractRows below include them). The list applies only while the Snapshot reads the very
// settled-day column it was built from (same buffer, not shorter): a Snapshot whose
// existing contracts' settled days changed has a new buffer, and aging reads every contract.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/records.h"

namespace sl::engine {

struct ContractIndex {
  size_t contracts = 0;
  const int32_t* settled_from = nullptr;  // the column the list was built from
  int32_t last_settled = INT32_MIN;  // the latest settled day of a contract not in `open`
  std::vector<uint32_t> open;        // settled_day == kNever, ascending
};

std::shared_ptr<const ContractIndex> build_contract_index(const ContractTable& t);

// Contract indexes to visit: list[0..listed) then tail_begin..tail_end (contracts appended
// after the list was built, or every contract when no list applies). Position k of the whole
// sequence is at(k), k < size(), so workers can split it like a row range.
struct ContractRows {
  const uint32_t* list = nullptr;
  size_t listed = 0, tail_begin = 0, tail_end = 0;
  size_t size() const { return listed + (tail_end - tail_begin); }
  size_t at(size_t k) const { return k < listed ? list[k] : tail_begin + (k - listed); }
};

// Every contract that may have something receivable as of the day (the rest are settled by
// then): the open list and the appended ones when the index applies, else all contracts.
ContractRows unsettled_contracts(const ContractTable& t, const ContractIndex* x, int32_t as_of);

}  // namespace sl::engine
