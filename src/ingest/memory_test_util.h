// The resident memory of the test process, for the readers' streaming checks: the current
// size from /proc/self/statm (getrusage's ru_maxrss is a high-water mark of the whole process,
// which an earlier test may already have raised past what the read needs).
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdio>

#include "ingest/row_source.h"

namespace sl::ingest {

inline double resident_mb() {
  long pages_total = 0, pages_resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024 * 1024);
}

// The largest growth of resident memory over a start value, sampled as often as it is called.
struct PeakGrowth {
  double start = resident_mb(), peak = 0;
  void sample() {
    const double now = resident_mb() - start;
    if (now > peak) peak = now;
  }
};

// Reads every row of `r`, sampling `memory` every 10,000 rows and once at the end; keeps the
// last row in `last` and answers how many rows were read.
inline int64_t drain_rows(RowSource& r, PeakGrowth& memory, Row& last) {
  Row row;
  int64_t count = 0;
  while (r.next(row)) {
    if (++count % 10'000 == 0) memory.sample();
    last.cells.swap(row.cells);
  }
  memory.sample();
  return count;
}

}  // namespace sl::ingest
