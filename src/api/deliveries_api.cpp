// The delivery log (issue 14): GET /api/v1/deliveries (admins every row, others their own;
// paged, ?state=), the stored files of a delivery, and the caller's in-app notices.
#include <boost/json.hpp>
#include <charconv>
#include <map>

#include "api/json_fields.h"
#include "api/paging.h"
#include "api/routes.h"

namespace sl::api {

namespace {

namespace json = boost::json;
using Delivery = store::PushStore::Delivery;

const std::vector<std::string> kStates{"queued", "sending", "sent", "failed"};

// page: the subscription's ("" for a notice's mail or a deleted subscription); recipient_name: their display name.
json::object delivery_json(const Delivery& d, const std::vector<store::PushStore::DeliveryFile>& files,
                           const std::string& page, const std::string& recipient_name) {
  json::array names;
  for (size_t i = 0; i < files.size(); ++i)
    names.push_back(json::object{{"index", i}, {"name", files[i].name}, {"mime", files[i].mime}, {"bytes", files[i].data.size()}});
  return json::object{{"id", d.id},
                      {"subscription", d.subscription},
                      {"page", page},
                      {"recipient", d.recipient},
                      {"recipient_name", recipient_name},
                      {"channel", d.channel},
                      {"address", d.address},
                      {"subject", d.subject},
                      {"message_id", d.message_id},
                      {"state", d.state},
                      {"attempts", d.attempts},
                      {"last_error", d.last_error},
                      {"created_at", iso_time(d.created_at)},
                      {"sent_at", d.sent_at ? json::value(iso_time(d.sent_at)) : json::value(nullptr)},
                      {"next_attempt_at", d.state == "queued" ? json::value(iso_time(d.next_attempt_at)) : json::value(nullptr)},
                      {"files", std::move(names)}};
}

Delivery visible(Context& ctx, const Caller& c, const http::Request& req) {
  auto d = ctx.store.find_delivery(query_id(req.params.at("id"), "id"));
  if (!d || (c.user.role != model::Role::admin && d->recipient != c.user.id)) throw not_found();
  return *d;
}

}  // namespace

void add_delivery_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/deliveries", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    store::PushStore::DeliveryQuery q;
    q.recipient = c.user.role == model::Role::admin ? 0 : c.user.id;
    q.state = req.query_value("state");
    if (!q.state.empty() && std::find(kStates.begin(), kStates.end(), q.state) == kStates.end())
      throw invalid_field("state", "状态应为 queued、sending、sent 或 failed", "state must be queued, sending, sent or failed");
    const Paging paging = read_paging(req);
    q.limit = static_cast<int>(paging.size);
    q.offset = static_cast<int>((paging.page - 1) * paging.size);
    const auto page = ctx.store.deliveries(q);
    json::array rows;
    std::map<int64_t, std::string> pages, names;
    for (const auto& d : page.rows) {
      if (d.subscription && !pages.count(d.subscription)) {
        const auto s = ctx.store.find_subscription(d.subscription);
        pages[d.subscription] = s ? s->page : "";
      }
      if (!names.count(d.recipient)) {
        const auto u = ctx.store.find_user(d.recipient);
        names[d.recipient] = u ? u->user.display_name : "";
      }
      rows.push_back(delivery_json(d, ctx.store.delivery_files(d.id), d.subscription ? pages[d.subscription] : "",
                                   names[d.recipient]));
    }
    json::object answer{{"deliveries", std::move(rows)}};
    add_paging(answer, static_cast<size_t>(page.total), paging);
    return http::json_response(200, answer);
  });
  r.add("GET", "/api/v1/deliveries/{id}/files/{n}", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    const Delivery d = visible(ctx, c, req);
    const auto files = ctx.store.delivery_files(d.id);
    const std::string& text = req.params.at("n");
    int64_t n = -1;
    std::from_chars(text.data(), text.data() + text.size(), n);
    if (n < 0 || n >= static_cast<int64_t>(files.size())) throw not_found();
    const auto& f = files[static_cast<size_t>(n)];
    http::Response res;
    res.content_type = f.mime.rfind("text/", 0) == 0 ? f.mime + "; charset=utf-8" : f.mime;
    res.body = f.data;
    const std::string base = f.name.substr(f.name.rfind('/') + 1);
    res.headers.push_back({"Content-Disposition", "inline; filename=\"" + base + "\""});
    res.headers.push_back({"Content-Security-Policy", "sandbox"});  // stored HTML is shown, never run
    return res;
  });
  r.add("GET", "/api/v1/notices", [&ctx](http::Request& req) {
    Caller c = require_caller(ctx, req);
    json::array list;
    for (const auto& n : ctx.store.notices(c.user.id))
      list.push_back(json::object{{"id", n.id}, {"at", iso_time(n.at)}, {"text", req.lang() == Lang::en ? n.text_en : n.text_zh}, {"link", n.link}});
    return http::json_response(200, json::object{{"notices", std::move(list)}});
  });
}

}  // namespace sl::api
