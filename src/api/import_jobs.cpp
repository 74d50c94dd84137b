#include "api/import_jobs.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "ingest/import_sqlite.h"

namespace sl::api {

namespace fs = std::filesystem;

namespace {

constexpr size_t kKeptUploads = 10;

AppError busy() {
  return AppError(409, "import_running", "", "另一个导入正在进行：请等它完成或取消后再试",
                  "Another import is running: wait for it to finish or cancel it, then try again");
}

}  // namespace

ImportJobs::ImportJobs(std::string db, std::string dir, std::function<Date()> today, std::function<void()> committed)
    : db_(std::move(db)), dir_(std::move(dir)), today_(std::move(today)), committed_(std::move(committed)) {}

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
  job.id = std::to_string(next_++);
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
const ImportJob& ImportJobs::find(const std::string& id) const {
  auto it = jobs_.find(id);
  if (it == jobs_.end()) throw not_found();
  return it->second;
}

ImportJob ImportJobs::get(const std::string& id) const {
  std::lock_guard lk(mu_);
  return find(id);
}

void ImportJobs::with(const std::string& id, const std::function<void(const ImportJob&)>& fn) const {
  std::lock_guard lk(mu_);
  fn(find(id));
}

void ImportJobs::dry_run(const std::string& id, const std::string& entity, const ingest::ReadOptions& read,
                         std::optional<ColumnMap> map) {
  std::lock_guard lk(mu_);
  ImportJob& j = find(id);
  j.entity = entity;
  j.sheet = read.sheet;
  j.encoding = read.encoding;
  j.delimiter = read.delimiter;
  j.map = std::move(map);
  start(j, true);
}

void ImportJobs::commit(const std::string& id) {
  std::lock_guard lk(mu_);
  ImportJob& j = find(id);
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
  ImportJob& j = find(id);
  if (j.state == "committed" || (j.state == "committing" && j.progress.phase == "writing"))
    throw AppError(409, "too_late", "", "已开始写入数据库，无法取消", "The import is writing already: it cannot be cancelled");
  if (j.running()) {
    j.cancel->store(true);  // the run notices between rows and says so
    return;
  }
  j.state = "cancelled";
  j.failure = AppError(409, "cancelled", "", "导入已取消：未写入任何数据", "The import was cancelled: nothing was written");
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
  j.cancel = std::make_shared<std::atomic<bool>>(false);
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
  if (failure) {
    j.state = failure->code == "cancelled" ? "cancelled" : "failed";
    j.failure = failure;
    return;
  }
  j.result = std::move(result);
  // A commit without errors is done even when every row was unchanged (nothing to write).
  const bool done = !req.dry_run && j.result->errors.empty();
  j.state = done ? "committed" : "checked";
  if (done) j.progress.phase = "committed";
}

}  // namespace sl::api
