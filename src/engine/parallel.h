// Per-thread partial work: splits [0, n) into one contiguous chunk per worker, runs
// f(worker, begin, end) on each and returns when all are done. Callers give every worker
// its own partial result and merge after, so no worker ever writes shared state.
// Small inputs run inline: starting a thread (~30 µs) costs more than scanning 100k rows.
#pragma once
#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace sl::engine {

inline size_t worker_count(size_t n, size_t min_per_worker = 200000) {
  size_t hw = std::max(1u, std::thread::hardware_concurrency());
  return std::clamp<size_t>(n / min_per_worker, 1, std::min<size_t>(hw, 8));
}

template <class F>
void parallel_chunks(size_t n, size_t workers, F&& f) {
  if (workers <= 1) {
    f(size_t{0}, size_t{0}, n);
    return;
  }
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  for (size_t w = 1; w < workers; ++w) threads.emplace_back([&, w] { f(w, n * w / workers, n * (w + 1) / workers); });
  f(size_t{0}, size_t{0}, n / workers);
  for (auto& t : threads) t.join();
}

}  // namespace sl::engine
