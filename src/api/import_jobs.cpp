#include "api/import_jobs.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "auth/auth.h"
#include "ingest/import_sqlite.h"
#include "ingest/table_file.h"
#include "ingest/test_pause.h"

namespace sl::api {

namespace fs = std::filesystem;

namespace {

constexpr size_t kKeptUploads = 10;
constexpr int64_t kListed = 200;  // jobs the store is asked for (the list, and a restored job by id)

const char* const kInterruptedZh = "服务器在导入过程中停止：未写入任何数据，请重新上传后再导入";
const char* const kInterruptedEn = "The server stopped during this import: nothing was written; upload the file again";

store::Store::ImportJobRecord record_of(const ImportJob& j) {
  store::Store::ImportJobRecord r;
  r.id = std::stoll(j.id);
  r.name = j.name;
  r.format = j.format;
  r.sha256 = j.sha256;
  r.size = j.size;
  r.user = j.user;
  r.login = j.login;
  r.entity = j.entity;
  r.sheet = j.sheet;
  r.state = j.state;
  r.run = j.run;
  r.phase = j.progress.phase;
  r.rows_read = j.progress.rows_read;
  r.rows_checked = j.progress.rows_checked;
  r.rows_written = j.progress.rows_written;
  if (j.result) {
    r.rows = j.result->rows;
    r.inserted = j.result->inserted;
    r.updated = j.result->updated;
    r.unchanged = j.result->unchanged;
    r.errors = j.error_count();
  }
  if (j.failure) {
    r.error_code = j.failure->code;
    r.error_zh = j.failure->zh;
    r.error_en = j.failure->en;
  }
  r.report = j.report;
  r.uploaded_at = j.uploaded_at;
  r.started_at = j.started_at;
  r.finished_at = j.finished_at;
  return r;
}

ImportJob job_of(const store::Store::ImportJobRecord& r) {
  ImportJob j;
  j.id = std::to_string(r.id);
  j.name = r.name;
  j.format = r.format;
  j.sha256 = r.sha256;
  j.size = r.size;
  j.user = r.user;
  j.login = r.login;
  j.entity = r.entity;
  j.sheet = r.sheet;
  j.state = r.state;
  j.run = r.run;
  j.progress.phase = r.phase;
  j.progress.rows_read = r.rows_read;
  j.progress.rows_checked = r.rows_checked;
  j.progress.rows_written = r.rows_written;
  if (r.rows) {
    ingest::ImportResult res;
    res.rows = *r.rows;
    res.inserted = r.inserted.value_or(0);
    res.updated = r.updated.value_or(0);
    res.unchanged = r.unchanged.value_or(0);
    res.committed = r.state == "committed" && (res.inserted > 0 || res.updated > 0);
    j.result = res;
  }
  if (!r.error_code.empty()) j.failure = AppError(409, r.error_code, "", r.error_zh, r.error_en);
  j.report = r.report;
  j.uploaded_at = r.uploaded_at;
  j.started_at = r.started_at;
  j.finished_at = r.finished_at;
  j.restored = true;
  j.restored_errors = r.errors.value_or(0);
  return j;
}

AppError busy() {
  return AppError(409, "import_running", "", "另一个导入正在进行：请等它完成或取消后再试",
                  "Another import is running: wait for it to finish or cancel it, then try again");
}

}  // namespace

ImportJobs::ImportJobs(std::string db, store::Store& store, std::string dir, std::string reports,
                       std::function<Date()> today, std::function<void()> committed)
    : db_(std::move(db)),
      store_(store),
      dir_(std::move(dir)),
      reports_(std::move(reports)),
      today_(std::move(today)),
      committed_(std::move(committed)),
      keeper_(store) {
  // A job left committing whose import's audit row (written in the data's own transaction)
  // names it did commit; the rest wrote nothing.
  const int64_t now = auth::system_clock_seconds();
  if (int64_t n = store_.settle_committed_import_jobs(now))
    spdlog::warn("{} import job(s) had committed when the server stopped: marked committed", n);
  if (int64_t n = store_.interrupt_import_jobs(now, kInterruptedZh, kInterruptedEn))
    spdlog::warn("{} import job(s) were running when the server stopped: marked interrupted (nothing written)", n);
  next_id_ = store_.reserve_import_job_ids(kIdBlock);  // the first block now: an upload then writes nothing
  end_id_ = next_id_ + kIdBlock;
}

ImportJobs::~ImportJobs() {
  {
    std::lock_guard lk(mu_);
    for (auto& [id, j] : jobs_) j.cancel->store(true);
  }
  if (worker_.joinable()) worker_.join();
  std::error_code ec;
  for (auto& [id, j] : jobs_) fs::remove(j.file, ec);
  fs::remove(dir_, ec);  // when empty
}

std::string ImportJobs::add(ImportJob job) {
  std::lock_guard lk(mu_);
  if (next_id_ == end_id_) {  // a block used up: the one upload of kIdBlock that writes
    next_id_ = store_.reserve_import_job_ids(kIdBlock);
    end_id_ = next_id_ + kIdBlock;
  }
  job.id = std::to_string(next_id_++);
  keep(job);
  fs::create_directories(dir_);
  const std::string kept = (fs::path(dir_) / ("import-" + job.id + (job.format == "xlsx" ? ".xlsx" : ".csv"))).string();
  fs::rename(job.file, kept);
  job.file = kept;
  const std::string id = job.id;
  jobs_.emplace(id, std::move(job));
  order_.push_back(id);
  // Drop the oldest uploads that are not running.
  for (size_t i = 0; order_.size() > kKeptUploads && i < order_.size();) {
    auto it = jobs_.find(order_[i]);
    if (it->second.running()) {
      ++i;
      continue;
    }
    std::error_code ec;
    fs::remove(it->second.file, ec);
    jobs_.erase(it);
    order_.erase(order_.begin() + static_cast<long>(i));
  }
  return id;
}

ImportJob& ImportJobs::find(const std::string& id) {
  auto it = jobs_.find(id);
  if (it == jobs_.end()) throw not_found();
  return it->second;
}
// A job this server holds the file of: 409 for one read back from the store after a restart.
ImportJob& ImportJobs::find_kept(const std::string& id) {
  if (jobs_.count(id)) return find(id);
  if (!stored(id)) throw not_found();
  throw AppError(409, "file_gone", "", "该导入的文件已不在服务器上（服务器重启过）：请重新上传",
                 "This import's file is no longer on the server (it was restarted): upload the file again");
}

const ImportJob& ImportJobs::find(const std::string& id) const {
  auto it = jobs_.find(id);
  if (it == jobs_.end()) throw not_found();
  return it->second;
}

// The newest `limit` records: the keeper's not yet written ones over the store's.
std::map<Id, store::Store::ImportJobRecord> ImportJobs::records(int64_t limit) const {
  std::map<Id, store::Store::ImportJobRecord> out;
  for (auto& r : store_.import_jobs(limit)) out[r.id] = std::move(r);
  for (auto& r : keeper_.pending()) out[r.id] = std::move(r);
  while (static_cast<int64_t>(out.size()) > limit) out.erase(out.begin());
  return out;
}

std::optional<store::Store::ImportJobRecord> ImportJobs::stored(const std::string& id) const {
  for (auto& [k, r] : records(kListed))
    if (std::to_string(k) == id) return r;
  return std::nullopt;
}

ImportJob ImportJobs::get(const std::string& id) const {
  std::lock_guard lk(mu_);
  if (jobs_.count(id)) return find(id);
  if (auto r = stored(id)) return job_of(*r);
  throw not_found();
}

std::vector<ImportJob> ImportJobs::list(int64_t limit) const {
  std::lock_guard lk(mu_);
  std::vector<ImportJob> out;
  const auto rs = records(limit);
  for (auto r = rs.rbegin(); r != rs.rend(); ++r) {  // newest first
    auto it = jobs_.find(std::to_string(r->first));
    out.push_back(it != jobs_.end() ? it->second : job_of(r->second));
  }
  return out;
}

void ImportJobs::with(const std::string& id, const std::function<void(const ImportJob&)>& fn) const {
  {
    std::lock_guard lk(mu_);
    if (jobs_.count(id)) return fn(find(id));
  }
  fn(get(id));
}

void ImportJobs::keep(const ImportJob& j) { keeper_.keep(record_of(j)); }

std::string ImportJobs::write_report(const ImportJob& j) {
  if (!j.result || j.result->errors.empty() || reports_.empty()) return "";
  try {
    fs::create_directories(reports_);
    const std::string path = (fs::path(reports_) / ("import-" + j.id + "-errors.xlsx")).string();
    ingest::write_table_file(ingest::error_table(*j.result), path, "errors");
    return path;
  } catch (const std::exception& e) {
    spdlog::warn("import {}: its error report could not be kept: {}", j.id, e.what());
    return "";
  }
}

void ImportJobs::dry_run(const std::string& id, const std::string& entity, const ingest::ReadOptions& read,
                         std::optional<ColumnMap> map) {
  std::lock_guard lk(mu_);
  ImportJob& j = find_kept(id);
  j.entity = entity;
  j.sheet = read.sheet;
  j.encoding = read.encoding;
  j.delimiter = read.delimiter;
  j.map = std::move(map);
  start(j, true);
}

void ImportJobs::commit(const std::string& id) {
  std::lock_guard lk(mu_);
  ImportJob& j = find_kept(id);
  for (const auto& [k, other] : jobs_)
    if (other.running()) throw busy();
  if (j.state == "committed")
    throw AppError(409, "already_committed", "", "该文件已导入", "This file has been imported already");
  if (j.state != "checked" || j.run != "dry_run" || !j.result || !j.result->errors.empty())
    throw AppError(409, "dry_run_first", "", "请先预检且没有错误后再导入", "Run a dry run without errors before importing");
  start(j, false);
}

void ImportJobs::cancel(const std::string& id) {
  std::lock_guard lk(mu_);
  ImportJob& j = find_kept(id);
  if (j.state == "committed" || (j.state == "committing" && j.progress.phase == "writing"))
    throw AppError(409, "too_late", "", "已开始写入数据库，无法取消", "The import is writing already: it cannot be cancelled");
  if (j.running()) {
    j.cancel->store(true);  // the run notices between rows and says so
    return;
  }
  j.state = "cancelled";
  j.failure = AppError(409, "cancelled", "", "导入已取消：未写入任何数据", "The import was cancelled: nothing was written");
  keep(j);
}

// Caller holds mu_.
void ImportJobs::start(ImportJob& j, bool dry_run) {
  for (const auto& [k, other] : jobs_)
    if (other.running()) throw busy();
  if (worker_.joinable()) worker_.join();  // the previous run is done (it is not running)
  j.state = dry_run ? "checking" : "committing";
  j.run = dry_run ? "dry_run" : "commit";
  j.progress = {};
  j.progress.phase = "reading";
  j.failure.reset();
  j.started_at = auth::system_clock_seconds();
  j.finished_at = 0;
  j.report.clear();
  j.cancel = std::make_shared<std::atomic<bool>>(false);
  keep(j);
  ingest::ImportRequest req;
  req.entity = j.entity;
  req.file = j.file;
  req.file_name = j.name;
  req.read.sheet = j.sheet;
  req.read.encoding = j.encoding;
  req.read.delimiter = j.delimiter;
  req.map = j.map;
  req.dry_run = dry_run;
  req.today = today_();
  req.sha256 = j.sha256;
  req.user = j.login;
  req.job = std::stoll(j.id);
  worker_ = std::thread([this, id = j.id, req = std::move(req), cancel = j.cancel]() mutable {
    req.cancel = cancel.get();
    run(id, std::move(req));
  });
}

void ImportJobs::run(std::string id, ingest::ImportRequest req) {
  req.on_progress = [&](const ingest::ImportProgress& p) {
    std::lock_guard lk(mu_);
    find(id).progress = p;
  };
  std::optional<ingest::ImportResult> result;
  std::optional<AppError> failure;
  try {
    auto db = ingest::open_import_db(db_);
    result = ingest::run_import(req, *db);
    if (result->committed) ingest::test_pause("SALESLOOP_TEST_COMMITTED_SLEEP_MS");
    if (result->committed) committed_();  // the Snapshot, once, before the page hears "committed"
  } catch (const AppError& e) {
    failure = e;
  } catch (const std::exception& e) {
    spdlog::error("import {} failed: {}", id, e.what());
    failure = AppError(500, "internal", "", "导入失败（服务器内部错误）：未写入任何数据",
                       "The import failed (internal error): nothing was written");
  }
  std::lock_guard lk(mu_);
  ImportJob& j = find(id);
  j.finished_at = auth::system_clock_seconds();
  if (failure) {
    j.state = failure->code == "cancelled" ? "cancelled" : "failed";
    j.failure = failure;
    keep(j);
    return;
  }
  j.result = std::move(result);
  // A commit without errors is done even when every row was unchanged (nothing to write).
  const bool done = !req.dry_run && j.result->errors.empty();
  j.state = done ? "committed" : "checked";
  if (done) j.progress.phase = "committed";
  j.report = write_report(j);
  keep(j);
}

}  // namespace sl::api
