// The import page's job rows (store: import_jobs) written on a thread of their own, so that an
// upload, a dry run's start or a progress change never waits for the database: an import's
// commit holds SQLite's write lock for as long as it writes (seconds for a large file), and a
// job row written on the request's thread would wait for it (issue 12: an upload stalled ~3 s
// behind a commit). Each job's newest record waits here until it is written; ids are given by
// ImportJobs from blocks it reserves in the store (Store::reserve_import_job_ids). What is not written yet is still listed (pending()).
#pragma once
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "store/store.h"

namespace sl::api {

class ImportJobKeeper {
 public:
  using Record = store::Store::ImportJobRecord;
  explicit ImportJobKeeper(store::Store& store);
  // Writes what is pending first, waiting at most kFlushSeconds for the database.
  ~ImportJobKeeper();
  ImportJobKeeper(const ImportJobKeeper&) = delete;
  ImportJobKeeper& operator=(const ImportJobKeeper&) = delete;

  // Returns at once; of several records of one id the newest is written.
  void keep(Record r);
  // The records not written yet, one per id.
  std::vector<Record> pending() const;
  // Blocks until nothing is pending (tests, and the destructor).
  void flush();

  static constexpr int kFlushSeconds = 10;

 private:
  struct Entry {
    uint64_t seq = 0;
    Record record;
  };
  void loop();

  store::Store& store_;
  mutable std::mutex mu_;
  std::condition_variable wake_, idle_;
  std::map<Id, Entry> pending_;
  uint64_t seq_ = 0;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace sl::api
