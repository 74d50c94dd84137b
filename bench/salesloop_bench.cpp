// salesloop's side of the benchmark: opens a database, builds the Snapshot (cold start),
// runs the dashboard workload and the single-pass floor, and prints one JSON document
// with each query's rows and run times, the load times and the memory breakdown.
// bench/run.mjs runs the same workload on SQLite, DuckDB and PostgreSQL and compares.
//   salesloop_bench --db FILE --as-of YYYY-MM-DD --region ID [--runs N] [--cold-only 1] [--only TEXT] [--rows 1]
// --cold-only 1 stops after the cold start and the memory breakdown; --only TEXT times only
// the queries whose name starts with TEXT (e.g. --only c1_ to time one page while working on it);
// --rows 1 also prints the requests' rows (for the C pages a digest of every figure, to compare
// a change's answers with the commit before it).
#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <iostream>
#include <sstream>
#include <string>

#include <boost/json.hpp>

#include "bench/memory.h"
#include "bench/requests.h"
#include "bench/workload.h"
#include "core/huge_pages.h"
#include "store/store.h"

using namespace sl;
namespace json = boost::json;

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time of the whole process (every thread), in ms.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

json::array rows_json(const bench::Rows& rows) {
  json::array a;
  for (const auto& r : rows) {
    json::array x;
    for (int64_t v : r) x.emplace_back(std::to_string(v));  // strings: JSON numbers lose int64 in JS
    a.emplace_back(std::move(x));
  }
  return a;
}

json::array time_all(const std::vector<bench::Query>& qs, int runs, bool with_rows, const std::string& only) {
  json::array out;
  for (const auto& q : qs) {
    if (q.name.rfind(only, 0) != 0) continue;
    json::object o;
    o["name"] = q.name;
    json::array times, cpu;
    bench::Rows rows;
    for (int i = 0; i < runs; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      const double c0 = cpu_ms();
      rows = q.run();
      times.emplace_back(ms_since(t0));
      cpu.emplace_back(cpu_ms() - c0);
    }
    o["ms"] = times;
    o["cpu_ms"] = cpu;  // all threads' CPU time: steadier than the wall time on a shared machine
    if (with_rows) o["rows"] = rows_json(q.rows ? q.rows() : rows);
    out.emplace_back(std::move(o));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  reexec_with_huge_pages(argv);  // as the server does (core/huge_pages.h)
  std::string db, as_of_s, only;
  Id region = 0;
  int runs = 5;
  bool cold_only = false, request_rows = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--db")
      db = argv[i + 1];
    else if (k == "--as-of")
      as_of_s = argv[i + 1];
    else if (k == "--region")
      region = std::stoll(argv[i + 1]);
    else if (k == "--runs")
      runs = std::max(1, std::stoi(argv[i + 1]));
    else if (k == "--rows")
      request_rows = std::string(argv[i + 1]) == "1";
    else if (k == "--only")
      only = argv[i + 1];
    else if (k == "--cold-only")
      cold_only = std::string(argv[i + 1]) == "1";
    else {
      std::cerr << "unknown option " << k << "\n";
      return 2;
    }
  }
  auto as_of = parse_date(as_of_s);
  if (db.empty() || !as_of || region == 0) {
    std::cerr << "usage: salesloop_bench --db FILE --as-of YYYY-MM-DD --region ID [--runs N] [--only TEXT]\n";
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  store::prefetch(db);  // as the server does at start
  auto store = store::open_store(db);
  model::Dataset data = store->load_dataset();
  double load_ms = ms_since(t0);
  auto t1 = std::chrono::steady_clock::now();
  auto snap = engine::build_snapshot(data, store->data_version());
  double build_ms = ms_since(t1);
  size_t lines = snap->facts->sales_lines.size();
  // Incremental Snapshot after one new contract (dated as_of, four lines, a plan), as the
  // server publishes it after POST /api/v1/contracts: the first append, then 20 more.
  json::array incremental;
  if (!data.contracts.empty()) {
    model::Contract c = data.contracts.back();
    Id next_id = 0;
    for (const auto& x : data.contracts) next_id = std::max(next_id, x.id);
    c.signed_date = std::max(*as_of, c.signed_date);
    c.plan = {{c.signed_date, c.amount}};
    auto cur = snap;
    for (int i = 0; i < 21; ++i) {
      c.id = ++next_id;
      c.code = "BENCH-" + std::to_string(c.id);
      auto t = std::chrono::steady_clock::now();
      auto next = engine::with_contracts(*cur, {c}, cur->version + 1);
      incremental.emplace_back(ms_since(t));
      if (!next) break;
      cur = next;
    }
  }
  data = model::Dataset{};  // the server keeps only the Snapshot

  json::object out;
  out["contract_lines"] = lines;
  out["contracts"] = snap->facts->sales.size();
  out["customers"] = snap->facts->customer_id.size();
  out["load_ms"] = load_ms;
  out["build_ms"] = build_ms;
  out["incremental_ms"] = incremental;
  json::array mem;
  size_t total = 0;
  for (const auto& [part, bytes] : bench::snapshot_bytes(*snap)) {
    mem.emplace_back(json::object{{"part", part}, {"bytes", bytes}});
    total += bytes;
  }
  out["memory"] = mem;
  out["memory_total"] = total;
  if (cold_only) {
    std::cout << json::serialize(out) << "\n";
    return 0;
  }
  out["engine"] = time_all(bench::engine_workload(*snap, *as_of, region), runs, true, only);
  out["floor"] = time_all(bench::floor_workload(*snap, *as_of, region), runs, false, only);
  out["requests"] = time_all(bench::request_workload(*snap, *as_of, region), runs, request_rows, only);
  std::cout << json::serialize(out) << "\n";
  return 0;
}
