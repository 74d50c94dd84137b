// The 数据导入 page (issue 12), for admins only: upload a CSV/XLSX file, see its columns and
// the guessed mapping, run a dry run (预检) and then the commit as background jobs with
// progress, read the errors (paginated, or the whole report as XLSX), cancel; named mapping
// templates; a blank template and the export of each entity. The importer is the CLI's
// (ingest/import.h); the jobs are import_jobs.h; docs/api.md describes every route.
#include <filesystem>
#include <unistd.h>

#include "api/import_jobs.h"
#include "api/import_upload.h"
#include "api/json_fields.h"
#include "api/paging.h"
#include "api/routes.h"
#include "auth/auth.h"
#include "ingest/entities.h"

namespace sl::api {

namespace {

Caller admin(Context& ctx, const http::Request& req) {
  Caller c = require_caller(ctx, req);
  if (c.user.role != model::Role::admin)
    throw AppError(403, "forbidden", "", "仅系统管理员可以导入数据", "Only administrators can import data");
  return c;
}

json::object progress_json(const ingest::ImportProgress& p) {
  return json::object{{"phase", p.phase},
                      {"rows_read", p.rows_read},
                      {"rows_checked", p.rows_checked},
                      {"rows_written", p.rows_written},
                      {"writes", p.writes}};
}

json::object job_json(const ImportJob& j, Lang lang) {
  json::object o{{"id", j.id},
                 {"name", j.name},
                 {"size", j.size},
                 {"format", j.format},
                 {"sha256", j.sha256},
                 {"uploaded_by", j.login},
                 {"uploaded_at", iso_time(j.uploaded_at)},
                 {"entity", j.entity.empty() ? json::value(nullptr) : json::value(j.entity)},
                 {"sheet", j.sheet},
                 {"encoding", j.encoding.empty() ? std::string("auto") : j.encoding},
                 {"delimiter", j.delimiter ? json::value(std::string(1, j.delimiter)) : json::value("auto")},
                 {"state", j.state},
                 {"run", j.run.empty() ? json::value(nullptr) : json::value(j.run)},
                 {"progress", progress_json(j.progress)},
                 {"started_at", j.started_at ? json::value(iso_time(j.started_at)) : json::value(nullptr)},
                 {"finished_at", j.finished_at ? json::value(iso_time(j.finished_at)) : json::value(nullptr)},
                 {"restored", j.restored},
                 {"report", !j.report.empty()},
                 {"result", nullptr},
                 {"error", nullptr}};
  if (j.map) o["map"] = column_map_json(*j.map);
  if (j.result)
    o["result"] = json::object{{"rows", j.result->rows},
                               {"inserted", j.result->inserted},
                               {"updated", j.result->updated},
                               {"unchanged", j.result->unchanged},
                               {"errors", j.error_count()},
                               {"committed", j.result->committed}};
  if (j.failure)
    o["error"] = json::object{{"code", j.failure->code},
                              {"message", j.failure->message(lang)},
                              {"field", j.failure->field.empty() ? json::value(nullptr) : json::value(j.failure->field)}};
  return o;
}

const ingest::Entity& entity_param(const std::string& name) {
  const ingest::Entity* e = ingest::find_entity(name);
  if (!e) throw invalid_field("entity", "未知的数据类型：" + name, "Unknown entity: " + name);
  return *e;
}

json::object entity_json(const ingest::Entity& e) {
  json::array fields, key;
  for (const auto& f : e.fields) {
    json::array aliases;
    for (const auto& a : f.aliases) aliases.emplace_back(a);
    fields.push_back(json::object{{"name", f.name},
                                  {"type", ingest::type_label(f)},
                                  {"required", f.required},
                                  {"aliases", std::move(aliases)},
                                  {"example", f.example},
                                  {"note", f.note}});
  }
  for (const auto& k : e.key) key.emplace_back(k);
  return json::object{{"name", e.name}, {"zh", e.zh},         {"en", e.en},
                      {"key", std::move(key)}, {"note", e.note}, {"fields", std::move(fields)}};
}

json::object template_json(const store::Store::ImportTemplate& t) {
  boost::system::error_code ec;
  json::value mapping = json::parse(t.mapping, ec);
  return json::object{{"id", t.id},
                      {"entity", t.entity},
                      {"name", t.name},
                      {"mapping", ec ? json::value(json::array()) : mapping},
                      {"user", t.user_login},
                      {"at", iso_time(t.at)}};
}

// A saved template's mapping for a dry run (404 when the entity has no such template).
ColumnMap template_map(Context& ctx, int64_t id, const std::string& entity, const std::vector<std::string>& headers) {
  for (const auto& t : ctx.store.import_templates(entity))
    if (t.id == id) return read_column_map(json::parse(t.mapping), entity, &headers);
  throw invalid_field("template", "找不到该映射模板：" + std::to_string(id), "No such mapping template: " + std::to_string(id));
}

std::string upload_dir(const Context& ctx) {
  if (!ctx.upload_dir.empty()) return ctx.upload_dir;
  return (std::filesystem::temp_directory_path() / ("salesloop-uploads-" + std::to_string(::getpid()))).string();
}

// Error reports outlive the server (the page lists past imports): beside the database file.
std::string reports_dir(const Context& ctx) {
  // No file beside a server's database (PostgreSQL): the reports stay with the uploads.
  if (ctx.db.empty() || ctx.db == ":memory:" || store::is_postgres_url(ctx.db)) return upload_dir(ctx) + "/reports";
  return ctx.db + ".import-reports";
}

}  // namespace

void add_import_routes(http::Router& r, Context& ctx) {
  auto jobs = std::make_shared<ImportJobs>(ctx.db, ctx.store, upload_dir(ctx), reports_dir(ctx), ctx.today,
                                           [&ctx] { ctx.snapshots.reload(); });
  const std::string dir = jobs->dir();

  r.add("POST", "/api/v1/imports", [&ctx, jobs](http::Request& req) {
    Caller c = admin(ctx, req);
    const std::string entity = req.query_value("entity");
    if (!entity.empty()) entity_param(entity);
    ImportJob job = take_upload(req, jobs->dir());
    job.user = c.user.id;
    job.login = c.user.login;
    job.entity = entity;
    const std::string id = jobs->add(std::move(job));
    const ImportJob kept = jobs->get(id);
    json::object o = job_json(kept, req.lang());
    if (!entity.empty()) o["columns"] = columns_json(kept, entity, req.query_value("sheet"));
    return http::json_response(201, o);
  });

  r.add("GET", "/api/v1/imports", [&ctx, jobs](http::Request& req) {
    admin(ctx, req);
    const Lang lang = req.lang();
    json::array list;
    for (const auto& j : jobs->list(50)) list.push_back(job_json(j, lang));
    return http::json_response(200, json::object{{"imports", std::move(list)}});
  });

  r.add("GET", "/api/v1/imports/{id}", [&ctx, jobs](http::Request& req) {
    admin(ctx, req);
    return http::json_response(200, job_json(jobs->get(req.params["id"]), req.lang()));
  });

  r.add("GET", "/api/v1/imports/{id}/columns", [&ctx, jobs](http::Request& req) {
    admin(ctx, req);
    ImportJob j = jobs->get(req.params["id"]);
    const std::string entity = req.query_value("entity", j.entity);
    if (entity.empty()) throw missing_field("entity");
    // The columns as another encoding or delimiter would read them (the page's choices).
    ingest::ReadOptions read;
    ingest::set_csv_choices(read, req.query_value("encoding", j.encoding),
                            req.query_value("delimiter", j.delimiter ? std::string(1, j.delimiter) : ""));
    j.encoding = read.encoding;
    j.delimiter = read.delimiter;
    return http::json_response(200, columns_json(j, entity, req.query_value("sheet")));
  });

  r.add("POST", "/api/v1/imports/{id}/dry-run", [&ctx, jobs](http::Request& req) {
    admin(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    const json::object& body = as_object(parsed, "body");
    const std::string entity = required_string(body, "entity");
    entity_param(entity);
    const std::string id = req.params["id"];
    ImportJob j = jobs->get(id);
    ingest::ReadOptions read;
    if (const auto* s = body.if_contains("sheet"); s && s->is_string()) read.sheet = std::string(s->as_string());
    // The CSV choices of the upload, unless the dry run names others.
    auto text = [&](const char* key, std::string dflt) {
      const auto* v = body.if_contains(key);
      if (!v || v->is_null()) return dflt;
      if (!v->is_string()) throw invalid_field(key, std::string(key) + " 应为文本", std::string(key) + " must be text");
      return std::string(v->as_string());
    };
    ingest::set_csv_choices(read, text("encoding", j.encoding), text("delimiter", j.delimiter ? std::string(1, j.delimiter) : ""));
    j.encoding = read.encoding;
    j.delimiter = read.delimiter;
    const std::vector<std::string> headers = header_row(j, read.sheet);
    std::optional<ColumnMap> map;
    if (const auto* m = body.if_contains("map"); m && !m->is_null()) map = read_column_map(*m, entity, &headers);
    if (auto t = optional_int(body, "template", "template", 1, INT64_MAX)) map = template_map(ctx, *t, entity, headers);
    jobs->dry_run(id, entity, read, std::move(map));
    return http::json_response(202, job_json(jobs->get(id), req.lang()));
  });

  r.add("POST", "/api/v1/imports/{id}/commit", [&ctx, jobs](http::Request& req) {
    admin(ctx, req);
    jobs->commit(req.params["id"]);
    return http::json_response(202, job_json(jobs->get(req.params["id"]), req.lang()));
  });

  r.add("POST", "/api/v1/imports/{id}/cancel", [&ctx, jobs](http::Request& req) {
    admin(ctx, req);
    jobs->cancel(req.params["id"]);
    return http::json_response(200, job_json(jobs->get(req.params["id"]), req.lang()));
  });

  r.add("GET", "/api/v1/imports/{id}/errors", [&ctx, jobs](http::Request& req) {
    admin(ctx, req);
    const std::string format = req.query_value("format", "json");
    const Lang lang = req.lang();
    http::Response out;
    jobs->with(req.params["id"], [&](const ImportJob& j) {
      static const ingest::ImportResult none;
      const ingest::ImportResult& r = j.result ? *j.result : none;
      if (j.restored && format == "xlsx" && !j.report.empty() && std::filesystem::exists(j.report)) {
        out = file_download(j.report, "import-errors-" + j.id);  // the run's errors, kept in its report
        return;
      }
      if (format != "json") {
        out = table_download(ingest::error_table(r), format, "import-errors-" + j.id, "errors", jobs->dir());
        return;
      }
      const Paging p = read_paging(req, 20);
      json::array rows;
      for (size_t i = p.first(r.errors.size()); i < p.last(r.errors.size()); ++i) {
        const auto& e = r.errors[i];
        rows.push_back(json::object{{"row", e.row},
                                    {"column", e.column},
                                    {"value", e.value},
                                    {"field", e.error.field},
                                    {"code", e.error.code},
                                    {"message", e.error.message(lang)}});
      }
      json::object o{{"rows", std::move(rows)}};
      add_paging(o, r.errors.size(), p);
      out = http::json_response(200, o);
    });
    return out;
  });

  r.add("GET", "/api/v1/import-entities", [&ctx](http::Request& req) {
    admin(ctx, req);
    json::array list;
    for (const auto& e : ingest::entities()) list.push_back(entity_json(e));
    return http::json_response(200, json::object{{"entities", std::move(list)}});
  });

  r.add("GET", "/api/v1/import-entities/{entity}/template", [&ctx, dir](http::Request& req) {
    admin(ctx, req);
    const ingest::Entity& e = entity_param(req.params["entity"]);
    ingest::TextTable t;
    std::vector<std::string> example;
    for (const auto& f : e.fields) {
      t.headers.push_back(f.name);
      example.push_back(f.example);
    }
    t.rows.push_back(std::move(example));
    return table_download(t, req.query_value("format", "xlsx"), e.name + "-template", e.name, dir);
  });

  r.add("GET", "/api/v1/import-entities/{entity}/export", [&ctx, dir](http::Request& req) {
    admin(ctx, req);
    const ingest::Entity& e = entity_param(req.params["entity"]);
    const std::string format = req.query_value("format", "xlsx");
    if (format != "csv" && format != "xlsx") throw invalid_field("format", "格式应为 xlsx 或 csv", "format must be xlsx or csv");
    return table_download(ingest::export_entity(ctx.store.load_dataset(), e.name), format, e.name, e.name, dir);
  });

  r.add("GET", "/api/v1/import-templates", [&ctx](http::Request& req) {
    admin(ctx, req);
    const std::string entity = req.query_value("entity");
    if (!entity.empty()) entity_param(entity);
    json::array list;
    for (const auto& t : ctx.store.import_templates(entity)) list.push_back(template_json(t));
    return http::json_response(200, json::object{{"templates", std::move(list)}});
  });

  r.add("POST", "/api/v1/import-templates", [&ctx](http::Request& req) {
    Caller c = admin(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    const json::object& body = as_object(parsed, "body");
    store::Store::ImportTemplate t;
    t.entity = required_string(body, "entity");
    entity_param(t.entity);
    t.name = required_string(body, "name", 100);
    const auto* m = body.if_contains("mapping");
    if (!m) throw missing_field("mapping");
    const ColumnMap map = read_column_map(*m, t.entity, nullptr);
    if (map.empty()) throw invalid_field("mapping", "映射是空的", "The mapping is empty");
    t.mapping = json::serialize(column_map_json(map));
    t.user = c.user.id;
    t.at = auth::system_clock_seconds();
    t.id = ctx.store.save_import_template(t);
    for (const auto& saved : ctx.store.import_templates(t.entity))
      if (saved.id == t.id) return http::json_response(201, template_json(saved));
    return http::json_response(201, json::object{{"id", t.id}});
  });

  r.add("DELETE", "/api/v1/import-templates/{id}", [&ctx](http::Request& req) {
    Caller c = admin(ctx, req);
    if (!ctx.store.delete_import_template(query_id(req.params["id"], "id"), c.user.id, auth::system_clock_seconds()))
      throw not_found();
    http::Response res;
    res.status = 204;
    res.content_type.clear();
    return res;
  });
}

}  // namespace sl::api
