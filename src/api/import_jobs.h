// The imports of the 数据导入 page (issue 12): each uploaded file, its dry run (预检) and its
// commit, run one at a time on a thread of their own by the same importer as `salesloop import`
// (ingest/import.h). The page polls a job's phase and counts for its progress bar; a job can be
// cancelled until its commit's transaction begins. A commit needs a dry run of the same
// mapping without errors first; the Snapshot is reloaded once after it. Each job's state is
// kept in the store (import_jobs) at every change of state — written by the keeper's thread
// (import_job_keeper.h), never on a request's — so the page lists past imports
// after a restart; a run a stopped server left checking or committing shows as interrupted
// (nothing of it was written: a commit is one transaction) — unless the commit's audit row,
// written in that one transaction, names the job: then it shows as committed (task import4). A restored job's file is gone:
// it is listed, not run again; its errors are in the report file kept beside the database.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "api/import_job_keeper.h"
#include "core/ids.h"
#include "ingest/import.h"
#include "store/store.h"

namespace sl::api {

using ColumnMap = std::vector<std::pair<std::string, std::string>>;  // field → column header

struct ImportJob {
  std::string id, name, file, format;  // file: its path in the upload folder
  int64_t size = 0;
  std::string sha256;
  Id user = 0;
  std::string login;
  int64_t uploaded_at = 0;
  // The last run asked for.
  std::string entity, sheet;
  std::string encoding;  // CSV: as chosen ("" = detected), checked by ingest::set_csv_choices
  char delimiter = 0;    // CSV: 0 = detected
  std::optional<ColumnMap> map;  // nullopt: guessed
  // uploaded | checking | checked | committing | committed | cancelled | failed | interrupted
  std::string state = "uploaded";
  std::string run;  // "dry_run" or "commit": what the state is about
  ingest::ImportProgress progress;
  std::optional<ingest::ImportResult> result;  // of the last finished run
  std::optional<AppError> failure;             // why the last run stopped (state failed or cancelled)
  std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
  int64_t started_at = 0, finished_at = 0;  // of the last run (unix seconds, 0 = not yet)
  std::string report;                       // the last run's error report file, kept beside the database
  // Read back from the store after a restart: the file and the error rows are gone, the
  // result's errors are a count only.
  bool restored = false;
  int64_t restored_errors = 0;
  bool running() const { return state == "checking" || state == "committing"; }
  int64_t error_count() const {
    return restored ? restored_errors : result ? static_cast<int64_t>(result->errors.size()) : 0;
  }
};

class ImportJobs {
 public:
  // db: the database's path (each run opens its own connection); store: where the jobs' states
  // are kept (the jobs a stopped server left running are marked interrupted here); dir: where
  // uploads are kept (created; emptied at exit); reports: where error reports are kept (beside
  // the database, they outlive the server); committed: called once after each committed import.
  ImportJobs(std::string db, store::Store& store, std::string dir, std::string reports, std::function<Date()> today,
             std::function<void()> committed);
  ~ImportJobs();  // cancels a running job, waits for it, removes the uploads
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  const std::string& dir() const { return dir_; }
  // Takes the uploaded file (moved into dir()); the oldest uploads beyond a few are dropped.
  std::string add(ImportJob job);
  // A copy of the job, this server's or one read back from the store (404 when there is none).
  ImportJob get(const std::string& id) const;
  // The newest `limit` jobs, newest first: this server's as they are now, the older ones as stored.
  std::vector<ImportJob> list(int64_t limit) const;
  // Runs fn on the job under the lock (for reading its errors without a copy).
  void with(const std::string& id, const std::function<void(const ImportJob&)>& fn) const;

  // 409 while another job runs; commit: 409 unless the last dry run of the same entity, sheet
  // and map passed without errors.
  // read: the sheet and the CSV choices (its limits are not looked at).
  void dry_run(const std::string& id, const std::string& entity, const ingest::ReadOptions& read,
               std::optional<ColumnMap> map);
  void commit(const std::string& id);
  // A running job stops before it writes; a checked one is dropped (no commit). 409 when its
  // commit is writing already or it is committed.
  void cancel(const std::string& id);

 private:
  void start(ImportJob& job, bool dry_run);
  void run(std::string id, ingest::ImportRequest req);
  void keep(const ImportJob& j);  // the job's state to the keeper (written to the store by its thread)
  // The newest `limit` job records, by id: those the keeper has not written yet over the store's.
  std::map<Id, store::Store::ImportJobRecord> records(int64_t limit) const;
  std::optional<store::Store::ImportJobRecord> stored(const std::string& id) const;
  std::string write_report(const ImportJob& j);  // the errors as an XLSX file in reports_; "" when none
  ImportJob& find(const std::string& id);
  ImportJob& find_kept(const std::string& id);
  const ImportJob& find(const std::string& id) const;

  const std::string db_;
  store::Store& store_;
  const std::string dir_, reports_;
  std::function<Date()> today_;
  std::function<void()> committed_;
  ImportJobKeeper keeper_;  // destroyed after the worker is joined: the last states get written
  // Job ids: a block of kIdBlock taken from the store (Store::reserve_import_job_ids, unique
  // across servers on one database) and given out here, so that an upload writes nothing itself
  // but once a block: [next_id_, end_id_) are this server's.
  static constexpr int64_t kIdBlock = 32;
  Id next_id_ = 0, end_id_ = 0;
  mutable std::mutex mu_;
  std::map<std::string, ImportJob> jobs_;
  std::vector<std::string> order_;  // ids, oldest first
  std::thread worker_;
};

}  // namespace sl::api
