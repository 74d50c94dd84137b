#include "store/sqlite/migrations.h"

namespace sl::store::sqlite {

namespace {

// Version 1: the whole data model of shared/METRICS.md plus users, sessions and audit.
// Conventions: money INTEGER fen, dates TEXT 'YYYY-MM-DD', months TEXT 'YYYY-MM', optional
// references NULL (the model's 0). Child rows without an id of their own (stage events,
// contract lines, plan items) carry a seq so they load back in the order they were written.
const char* kV1 = R"sql(
CREATE TABLE data_version(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO data_version VALUES (1, 0);

CREATE TABLE regions(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL,
  parent INTEGER REFERENCES regions(id),
  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 2));
CREATE INDEX regions_parent ON regions(parent);

CREATE TABLE reps(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL,
  region INTEGER NOT NULL REFERENCES regions(id),
  manager INTEGER REFERENCES reps(id),
  hire_date TEXT NOT NULL, leave_date TEXT);
CREATE INDEX reps_region ON reps(region);
CREATE INDEX reps_manager ON reps(manager);

CREATE TABLE customers(
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, industry TEXT NOT NULL,
  size TEXT NOT NULL CHECK (size IN ('large','medium','small')),
  region INTEGER NOT NULL REFERENCES regions(id),
  owner_rep INTEGER REFERENCES reps(id),
  created TEXT NOT NULL, lost_reason TEXT NOT NULL DEFAULT '');
CREATE INDEX customers_region ON customers(region);
CREATE INDEX customers_owner ON customers(owner_rep);

CREATE TABLE products(
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL,
  launch_date TEXT NOT NULL,
  list_price INTEGER NOT NULL CHECK (list_price >= 0),
  unit_cost INTEGER NOT NULL CHECK (unit_cost >= 0));

CREATE TABLE competitors(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE competitor_products(
  id INTEGER PRIMARY KEY,
  competitor INTEGER NOT NULL REFERENCES competitors(id),
  category TEXT NOT NULL, name TEXT NOT NULL);
CREATE INDEX competitor_products_competitor ON competitor_products(competitor);

CREATE TABLE market_stats(
  month TEXT NOT NULL, industry TEXT NOT NULL,
  region INTEGER NOT NULL REFERENCES regions(id),
  category TEXT NOT NULL,
  market_size INTEGER NOT NULL CHECK (market_size >= 0));
CREATE INDEX market_stats_month ON market_stats(month);
CREATE INDEX market_stats_region ON market_stats(region);

CREATE TABLE competitor_sales(
  month TEXT NOT NULL,
  competitor_product INTEGER NOT NULL REFERENCES competitor_products(id),
  region INTEGER NOT NULL REFERENCES regions(id),
  amount INTEGER NOT NULL CHECK (amount >= 0));
CREATE INDEX competitor_sales_month ON competitor_sales(month);
CREATE INDEX competitor_sales_product ON competitor_sales(competitor_product);
CREATE INDEX competitor_sales_region ON competitor_sales(region);

CREATE TABLE opportunities(
  id INTEGER PRIMARY KEY,
  customer INTEGER NOT NULL REFERENCES customers(id),
  rep INTEGER NOT NULL REFERENCES reps(id),
  category TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  created TEXT NOT NULL, expected_close TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('lead','qualified','proposal','bidding','negotiation','won','lost')),
  closed TEXT, lost_reason TEXT NOT NULL DEFAULT '');
CREATE INDEX opportunities_customer ON opportunities(customer);
CREATE INDEX opportunities_rep ON opportunities(rep);
CREATE INDEX opportunities_created ON opportunities(created);
CREATE INDEX opportunities_expected_close ON opportunities(expected_close);

CREATE TABLE opportunity_stage_events(
  opportunity INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('lead','qualified','proposal','bidding','negotiation','won','lost')),
  date TEXT NOT NULL,
  PRIMARY KEY (opportunity, seq));

CREATE TABLE bids(
  id INTEGER PRIMARY KEY,
  opportunity INTEGER NOT NULL REFERENCES opportunities(id),
  bid_date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  result TEXT NOT NULL CHECK (result IN ('pending','won','lost')),
  result_date TEXT);
CREATE INDEX bids_opportunity ON bids(opportunity);
CREATE INDEX bids_date ON bids(bid_date);

CREATE TABLE contracts(
  id INTEGER PRIMARY KEY, code TEXT NOT NULL,
  customer INTEGER NOT NULL REFERENCES customers(id),
  rep INTEGER NOT NULL REFERENCES reps(id),
  opportunity INTEGER REFERENCES opportunities(id),
  signed_date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0));
CREATE INDEX contracts_customer ON contracts(customer);
CREATE INDEX contracts_rep ON contracts(rep);
CREATE INDEX contracts_opportunity ON contracts(opportunity);
CREATE INDEX contracts_signed ON contracts(signed_date);

CREATE TABLE contract_lines(
  contract INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  product INTEGER NOT NULL REFERENCES products(id),
  qty INTEGER NOT NULL CHECK (qty >= 0),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  cost INTEGER NOT NULL CHECK (cost >= 0),
  PRIMARY KEY (contract, seq));
CREATE INDEX contract_lines_product ON contract_lines(product);

CREATE TABLE payment_plan(
  contract INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (contract, seq));
CREATE INDEX payment_plan_due ON payment_plan(due_date);

CREATE TABLE payments(
  id INTEGER PRIMARY KEY,
  contract INTEGER NOT NULL REFERENCES contracts(id),
  date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0));
CREATE INDEX payments_contract ON payments(contract);
CREATE INDEX payments_date ON payments(date);

-- owner_id is polymorphic (company 0 / region / rep), so it cannot be a foreign key;
-- save_targets checks it.
CREATE TABLE targets(
  month TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('sales','collection','bids_won','new_customers')),
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('company','region','rep')),
  owner_id INTEGER NOT NULL CHECK (owner_id >= 0),
  value INTEGER NOT NULL CHECK (value >= 0),
  UNIQUE (month, metric, owner_kind, owner_id));

CREATE TABLE forecasts(
  id INTEGER PRIMARY KEY, month TEXT NOT NULL,
  rep INTEGER NOT NULL REFERENCES reps(id),
  value INTEGER NOT NULL CHECK (value >= 0),
  submitted_at INTEGER NOT NULL);
CREATE INDEX forecasts_month_rep ON forecasts(month, rep);
CREATE INDEX forecasts_rep ON forecasts(rep);

CREATE TABLE finance_months(
  month TEXT PRIMARY KEY,
  revenue INTEGER NOT NULL, cost_of_sales INTEGER NOT NULL, selling_expense INTEGER NOT NULL,
  admin_expense INTEGER NOT NULL, finance_expense INTEGER NOT NULL, other_income INTEGER NOT NULL);

CREATE TABLE activities(
  id INTEGER PRIMARY KEY,
  rep INTEGER NOT NULL REFERENCES reps(id),
  customer INTEGER REFERENCES customers(id),
  date TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('visit','call','demo','proposal')));
CREATE INDEX activities_rep ON activities(rep);
CREATE INDEX activities_customer ON activities(customer);
CREATE INDEX activities_date ON activities(date);

CREATE TABLE users(
  id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin','executive','manager','rep')),
  region INTEGER REFERENCES regions(id),
  rep INTEGER REFERENCES reps(id),
  lang TEXT NOT NULL DEFAULT 'zh-CN',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  password_hash TEXT NOT NULL DEFAULT '');

CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY,
  user INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX sessions_user ON sessions(user);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE meeting_series(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('weekly','monthly','quarterly')),
  level TEXT NOT NULL CHECK (level IN ('company','region','team')),
  region INTEGER REFERENCES regions(id));

CREATE TABLE meetings(
  id INTEGER PRIMARY KEY,
  series INTEGER NOT NULL REFERENCES meeting_series(id),
  date TEXT NOT NULL,
  chair INTEGER REFERENCES users(id),
  agenda TEXT NOT NULL DEFAULT '', minutes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('planned','open','closed')));
CREATE INDEX meetings_series ON meetings(series);
CREATE INDEX meetings_date ON meetings(date);

CREATE TABLE meeting_attendees(
  meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  user INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (meeting, seq));
CREATE INDEX meeting_attendees_user ON meeting_attendees(user);

CREATE TABLE resolutions(
  id INTEGER PRIMARY KEY,
  meeting INTEGER NOT NULL REFERENCES meetings(id),
  title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
  owner INTEGER REFERENCES users(id),
  expected TEXT NOT NULL DEFAULT '',
  goal_metric TEXT NOT NULL DEFAULT '', goal_scope TEXT NOT NULL DEFAULT '',
  goal_comparator TEXT NOT NULL DEFAULT ''
    CHECK (goal_comparator IN ('', '>=', '<=', '>', '<')),
  goal_value REAL NOT NULL DEFAULT 0,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open','doing','done','cancelled')),
  closed_date TEXT);
CREATE INDEX resolutions_meeting ON resolutions(meeting);
CREATE INDEX resolutions_owner ON resolutions(owner);
CREATE INDEX resolutions_due ON resolutions(due_date);

CREATE TABLE action_items(
  id INTEGER PRIMARY KEY,
  resolution INTEGER NOT NULL REFERENCES resolutions(id),
  title TEXT NOT NULL,
  owner INTEGER REFERENCES users(id),
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('todo','doing','done','blocked')),
  done_date TEXT);
CREATE INDEX action_items_resolution ON action_items(resolution);
CREATE INDEX action_items_owner ON action_items(owner);
CREATE INDEX action_items_due ON action_items(due_date);

CREATE TABLE action_item_log(
  id INTEGER PRIMARY KEY,
  action_item INTEGER NOT NULL REFERENCES action_items(id) ON DELETE CASCADE,
  user INTEGER REFERENCES users(id),
  at INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX action_item_log_item ON action_item_log(action_item);

CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL,
  user INTEGER REFERENCES users(id),
  entity TEXT NOT NULL, entity_key TEXT NOT NULL,
  old_value TEXT NOT NULL DEFAULT '', new_value TEXT NOT NULL DEFAULT '');
CREATE INDEX audit_log_entity ON audit_log(entity, entity_key);
)sql";

// Version 2 belongs to A1 (meetings, issue 5) and version 3 to D2 (anomaly
// acknowledgements, issue 4), so the two can be written side by side; each stays a
// no-op until its owner fills it in, and neither has been released yet.
// Version 2: A1 meetings (issue 5). What the version-1 tables cannot hold: carry-over rows
// (a resolution pulled into a later meeting and the status update it got there), agenda
// items (free items and anomalies sent from D2/C4, linked to the resolution made from
// them) and the scheduler's metric-goal checks. Owners and chairs stay user ids.
const char* kV2 = R"sql(
CREATE TABLE carry_overs(
  meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  resolution INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
  status_before TEXT NOT NULL,
  update_text TEXT NOT NULL DEFAULT '',
  status_set TEXT NOT NULL DEFAULT '',
  updated_by INTEGER REFERENCES users(id),
  updated_at INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (meeting, resolution));
CREATE INDEX carry_overs_resolution ON carry_overs(resolution);

CREATE TABLE agenda_items(
  id INTEGER PRIMARY KEY,
  meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '' CHECK (source IN ('', 'd2', 'c4')),
  source_key TEXT NOT NULL DEFAULT '',
  figures TEXT NOT NULL DEFAULT '',
  resolution INTEGER REFERENCES resolutions(id) ON DELETE SET NULL,
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting);
CREATE INDEX agenda_items_resolution ON agenda_items(resolution);

CREATE TABLE goal_checks(
  resolution INTEGER PRIMARY KEY REFERENCES resolutions(id) ON DELETE CASCADE,
  as_of TEXT NOT NULL,
  evaluated_at INTEGER NOT NULL,
  measured REAL,
  met INTEGER NOT NULL CHECK (met IN (0, 1)));

CREATE INDEX meetings_chair ON meetings(chair);
CREATE INDEX action_items_status ON action_items(status);
)sql";
// Version 3: D2 anomaly acknowledgements (issue 4). The anomaly itself is not stored (it is
// recomputed from the data); an acknowledgement names it by its key parts.
const char* kV3 = R"sql(
CREATE TABLE anomaly_acks(
  id INTEGER PRIMARY KEY,
  unit TEXT NOT NULL CHECK (unit IN ('region', 'rep')),
  unit_id INTEGER NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('bids_won', 'sales', 'collection')),
  month TEXT NOT NULL,
  rule TEXT NOT NULL,
  user INTEGER REFERENCES users(id),
  at INTEGER NOT NULL,
  comment TEXT NOT NULL);
CREATE INDEX anomaly_acks_key ON anomaly_acks(month, unit, unit_id, metric);
)sql";

// Version 4: failed logins for the login throttle, shared by every server process on the
// database (issue 8). The case-insensitive unique keys of contract codes and logins are not
// here: a database may already hold duplicates, so SqliteStore::migrate adds those indexes
// only when none exist and otherwise reports them (ensure_unique_keys).
const char* kV4 = R"sql(
CREATE TABLE login_failures(key TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX login_failures_key ON login_failures(key, at);
CREATE INDEX login_failures_at ON login_failures(at);
)sql";

// Version 5: C4 product warning acknowledgements (issue 11). As for D2, the warning is
// recomputed from the data; the row names it by its key, period and the scope it was seen in.
const char* kV5 = R"sql(
CREATE TABLE product_warning_acks(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  scope TEXT NOT NULL,
  period TEXT NOT NULL,
  user INTEGER REFERENCES users(id),
  at INTEGER NOT NULL,
  comment TEXT NOT NULL);
CREATE INDEX product_warning_acks_period ON product_warning_acks(period, scope);
)sql";

// Version 6: business keys (issue 9 item 15, issue 12). Reps get an employee number (工号),
// backfilled as 'E' and five digits of the id for rows written before it existed; it is
// unique with case and surrounding spaces ignored, as the other business keys are. Customer
// and product codes get the same kind of unique index, in ensure_unique_keys like contract
// codes: an older database may hold duplicates, which are reported rather than refused at start.
const char* kV6 = R"sql(
ALTER TABLE reps ADD COLUMN employee_no TEXT NOT NULL DEFAULT '';
UPDATE reps SET employee_no = 'E' || printf('%05d', id) WHERE trim(employee_no) = '';
CREATE UNIQUE INDEX reps_employee_no_key ON reps(lower(trim(employee_no)));
)sql";

// Version 7: opportunities get their business key (issue 12: import of opportunities with
// their stage history, bids and contracts naming them by code). Rows written before it are
// backfilled as 'O' and six digits of the id, what `salesloop export` wrote for them.
const char* kV7 = R"sql(
ALTER TABLE opportunities ADD COLUMN code TEXT NOT NULL DEFAULT '';
UPDATE opportunities SET code = 'O' || printf('%06d', id) WHERE trim(code) = '';
CREATE UNIQUE INDEX opportunities_code_key ON opportunities(lower(trim(code)));
)sql";

// Version 8: named mapping templates of the import page (issue 12): which file column goes
// to which field of an entity, saved once and reused for next month's file. Not data (no
// data_version bump); one name per entity, case and surrounding spaces ignored.
const char* kV8 = R"sql(
CREATE TABLE import_templates(
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  name TEXT NOT NULL,
  mapping TEXT NOT NULL,
  user INTEGER REFERENCES users(id),
  at INTEGER NOT NULL);
CREATE UNIQUE INDEX import_templates_name ON import_templates(entity, lower(trim(name)));
)sql";

// Version 9: where pushed reports reach a user (issue 14): an email address and the
// 企业微信 / 钉钉 user ids, empty = none.
const char* kV9 = R"sql(
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN wecom_id TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN dingtalk_id TEXT NOT NULL DEFAULT '';
)sql";

// Version 10: the import page's jobs (issue 12, task import2): each uploaded file and its last
// run, so that past imports are listed after a restart and a run a stopped server left behind
// shows as interrupted. Not data (no data_version bump). The login is kept beside the user's id
// so the list still names who imported when the user is gone.
const char* kV10 = R"sql(
CREATE TABLE import_jobs(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  format TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  user INTEGER REFERENCES users(id) ON DELETE SET NULL,
  login TEXT NOT NULL,
  entity TEXT NOT NULL DEFAULT '',
  sheet TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  run TEXT NOT NULL DEFAULT '',
  phase TEXT NOT NULL DEFAULT '',
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_checked INTEGER NOT NULL DEFAULT 0,
  rows_written INTEGER NOT NULL DEFAULT 0,
  rows INTEGER, inserted INTEGER, updated INTEGER, unchanged INTEGER, errors INTEGER,
  error_code TEXT NOT NULL DEFAULT '',
  error_zh TEXT NOT NULL DEFAULT '',
  error_en TEXT NOT NULL DEFAULT '',
  report TEXT NOT NULL DEFAULT '',
  uploaded_at INTEGER NOT NULL,
  started_at INTEGER NOT NULL DEFAULT 0,
  finished_at INTEGER NOT NULL DEFAULT 0);
CREATE INDEX import_jobs_state ON import_jobs(state);
)sql";

// Version 11: P6 目标建议 (issue 13): an audit row says where its change came from ('' typed
// in, 'suggestion' accepted from the target suggestion page and saved in the grid).
const char* kV11 = R"sql(
ALTER TABLE audit_log ADD COLUMN source TEXT NOT NULL DEFAULT '';
)sql";

// Push (issue 14): channel settings, report subscriptions, the delivery outbox with the
// rendered files of each delivery (a blob table: written in the claim's transaction, so a
// kill -9 never leaves a row without its files or files without a row), and in-app notices.
const char* kV12 = R"sql(
CREATE TABLE push_settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);
CREATE TABLE subscriptions(
  id INTEGER PRIMARY KEY,
  owner INTEGER REFERENCES users(id),
  page TEXT NOT NULL,
  params TEXT NOT NULL,
  schedule TEXT NOT NULL,
  recipients TEXT NOT NULL,
  channels TEXT NOT NULL,
  formats TEXT NOT NULL,
  condition TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1,
  last_run_key TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL);
CREATE TABLE deliveries(
  id INTEGER PRIMARY KEY,
  subscription INTEGER,
  recipient INTEGER REFERENCES users(id),
  channel TEXT NOT NULL,
  address TEXT NOT NULL,
  idem_key TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  message_id TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'queued',
  last_error TEXT NOT NULL DEFAULT '',
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT NOT NULL DEFAULT '',
  claimed_at INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  sent_at INTEGER NOT NULL DEFAULT 0);
CREATE INDEX deliveries_due ON deliveries(state, next_attempt_at);
CREATE INDEX deliveries_recipient ON deliveries(recipient, id);
CREATE TABLE delivery_files(
  delivery INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  data BLOB NOT NULL);
CREATE INDEX delivery_files_delivery ON delivery_files(delivery);
CREATE TABLE notices(
  id INTEGER PRIMARY KEY,
  user INTEGER REFERENCES users(id),
  at INTEGER NOT NULL,
  text_zh TEXT NOT NULL,
  text_en TEXT NOT NULL,
  link TEXT NOT NULL DEFAULT '');
)sql";

// alerts (issue 14): rules and the alerts they open. At most one open alert per (rule, key):
// the partial unique index is the dedupe, so two checks racing cannot open it twice.
const char* kAlerts = R"sql(
CREATE TABLE alert_rules(
  id INTEGER PRIMARY KEY,
  owner INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('threshold', 'anomaly')),
  metric TEXT NOT NULL,
  scope TEXT NOT NULL,
  filters TEXT NOT NULL DEFAULT '',
  op TEXT NOT NULL DEFAULT '',
  value REAL NOT NULL DEFAULT 0,
  severity TEXT NOT NULL DEFAULT '',
  channels TEXT NOT NULL DEFAULT '[]',
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE INDEX alert_rules_owner ON alert_rules(owner);
CREATE TABLE alerts(
  id INTEGER PRIMARY KEY,
  rule INTEGER NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
  owner INTEGER NOT NULL REFERENCES users(id),
  key TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  measured REAL,
  threshold REAL NOT NULL DEFAULT 0,
  link TEXT NOT NULL DEFAULT '',
  figures TEXT NOT NULL DEFAULT '{}',
  opened_at INTEGER NOT NULL,
  closed_at INTEGER NOT NULL DEFAULT 0,
  read_at INTEGER NOT NULL DEFAULT 0,
  acked_at INTEGER NOT NULL DEFAULT 0,
  snoozed_until TEXT NOT NULL DEFAULT '',
  agenda_item INTEGER NOT NULL DEFAULT 0,
  meeting INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX alerts_open_once ON alerts(rule, key) WHERE state = 'open';
CREATE INDEX alerts_owner ON alerts(owner, id);
)sql";

// Import job ids (issue 12, task import4): the next id of the import page's jobs, taken from
// here in blocks (Store::reserve_import_job_ids) so that two servers on one database never
// give one id twice. One row; it starts above every job stored.
const char* kImportJobIds = R"sql(
CREATE TABLE import_job_ids(next_id INTEGER NOT NULL);
INSERT INTO import_job_ids(next_id) SELECT coalesce(max(id), 0) + 1 FROM import_jobs;
)sql";

// Issue 15 (pgtests): optimistic concurrency. Every write of a target cell, meeting,
// resolution or action item bumps its version; an edit that says which version it read is
// refused (409 version_conflict) when the row has moved on.
const char* kVersions = R"sql(
ALTER TABLE targets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE resolutions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE action_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
)sql";

}  // namespace

const std::vector<std::string>& migrations() {
  static const std::vector<std::string> kAll = {kV1,  kV2,  kV3,  kV4,     kV5,           kV6,      kV7, kV8,
                                                kV9,  kV10, kV11, kV12, kAlerts, kImportJobIds, kVersions};
  return kAll;
}

}  // namespace sl::store::sqlite
