// The source of truth. Callers see only model structs and this interface: no SQL and no
// backend types leave src/store/. SQLite is the embedded default; a PostgreSQL backend
// implements the same interface later.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/entities.h"

namespace sl::store {

struct UserRecord {
  model::User user;
  std::string password_hash;  // libsodium Argon2id string, empty = cannot log in
};

struct SessionRecord {
  std::string token_hash;  // hex of a hash of the cookie token; the token itself is never stored
  Id user = 0;
  std::string csrf;
  int64_t created_at = 0, expires_at = 0;  // unix seconds
};

// One cell of the target grid to set. value nullopt = delete the target.
struct TargetChange {
  model::Target key;  // month, metric, owner_kind, owner_id identify the row; value ignored
  std::optional<int64_t> value;
};

struct AuditEntry {
  Id id = 0;
  int64_t at = 0;  // unix seconds
  Id user = 0;
  std::string user_login;
  std::string entity;  // "target", ...
  std::string entity_key;  // e.g. "2026-06/sales/rep/17"
  std::string old_value, new_value;  // empty = none
};

struct AuditQuery {
  std::string entity;  // empty = any
  std::string key_prefix;  // empty = any
  int limit = 100;
};

class Store {
 public:
  virtual ~Store() = default;

  // Creates or upgrades the schema to the newest version; idempotent.
  virtual void migrate() = 0;
  virtual int schema_version() = 0;
  // Bumped by every committed write; the snapshot publisher compares it.
  virtual int64_t data_version() = 0;

  // Bulk load (demo, import): all rows of the data set in one transaction, ids kept.
  virtual void write_dataset(const model::Dataset& d) = 0;
  // Every row of every entity, for the snapshot loader and for dumps.
  virtual model::Dataset load_dataset() = 0;
  virtual std::vector<model::Target> load_targets() = 0;
  virtual std::vector<model::Region> load_regions() = 0;
  virtual std::vector<model::Rep> load_reps() = 0;

  // Users. add_user returns the new id; throws AppError 422 (field "login") if taken.
  virtual Id add_user(const model::User& u, const std::string& password_hash) = 0;
  virtual std::optional<UserRecord> find_user_by_login(const std::string& login) = 0;
  virtual std::optional<UserRecord> find_user(Id id) = 0;
  virtual std::vector<model::User> list_users() = 0;
  // false when no such login
  virtual bool set_password(const std::string& login, const std::string& password_hash) = 0;

  // Sessions.
  virtual void create_session(const SessionRecord& s) = 0;
  virtual std::optional<SessionRecord> find_session(const std::string& token_hash) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  virtual void delete_expired_sessions(int64_t now) = 0;

  // Targets: all changes and their audit rows in one transaction, or none of them.
  virtual void save_targets(const std::vector<TargetChange>& changes, Id user, int64_t at) = 0;
  virtual std::vector<AuditEntry> audit_log(const AuditQuery& q) = 0;

  // --- D2 anomaly acknowledgements ---
  // An anomaly (region|rep, metric, month, rules that fired) acknowledged with a comment;
  // the row and its audit_log row (entity "anomaly_ack") are written in one transaction.
  // Not pure so that test doubles of Store need not implement the area.
  struct AnomalyAck {
    Id id = 0;
    std::string unit;  // "region" | "rep"
    Id unit_id = 0;
    std::string metric, month, rule;  // "sales", "2026-05", "yoy+z"
    Id user = 0;
    std::string user_login;  // filled when read
    int64_t at = 0;
    std::string comment;
  };
  virtual Id add_anomaly_ack(const AnomalyAck& a) { unsupported_d2(); }
  // Acknowledgements of months [from, to] ("YYYY-MM"), oldest first.
  virtual std::vector<AnomalyAck> anomaly_acks(const std::string& from, const std::string& to) { unsupported_d2(); }
  [[noreturn]] static void unsupported_d2() { throw std::logic_error("this store does not implement anomaly acks"); }
};

// "path/to/file.db" or "sqlite:path"; opens (creating the file if needed) and migrates.
std::unique_ptr<Store> open_store(const std::string& url);

}  // namespace sl::store
