// Channel and push settings (issue 14, admins): GET/PUT /api/v1/settings/channels (secrets
// masked, never returned or logged in full), POST …/channels/test (sends one message with the
// stored settings, or with the body's over them without saving), GET/PUT /api/v1/settings/push.
#include <boost/json.hpp>

#include "api/json_fields.h"
#include "api/routes.h"
#include "auth/auth.h"
#include "jobs/push/channels.h"
#include "jobs/push/mime.h"
#include "jobs/push/outbox.h"
#include "jobs/push/send.h"
#include "model/keys.h"

namespace sl::api {

namespace {

namespace json = boost::json;

Caller admin_only(Context& ctx, const http::Request& req) {
  Caller c = require_caller(ctx, req);
  if (c.user.role != model::Role::admin)
    throw AppError(403, "forbidden", "", "仅系统管理员可以修改推送设置", "Only administrators can change push settings");
  return c;
}

jobs::ChannelSettings stored(Context& ctx) { return jobs::channels_from_json(ctx.store.push_setting(jobs::kChannelsKey)); }

void send_test(const jobs::ChannelSettings& ch, const std::string& channel, const std::string& to, const Caller& c) {
  const int64_t now = auth::system_clock_seconds();
  const std::string title = "salesloop 测试消息 / test message";
  if (channel == "email") {
    jobs::Mail m;
    m.from = ch.smtp.from;
    m.to = to;
    m.subject = title;
    m.message_id = jobs::make_message_id("test:" + jobs::random_hex(8), "salesloop");
    m.date = now;
    m.html = "<p>" + title + " — " + c.user.login + "</p>";
    jobs::send_smtp(ch.smtp, to, jobs::build_mime(m));
  } else if (channel == "wecom") {
    if (ch.wecom_webhook.empty()) throw std::runtime_error("企业微信 webhook is not set");
    jobs::post_json(ch.wecom_webhook, json::serialize(json::object{{"msgtype", "markdown"}, {"markdown", json::object{{"content", title}}}}));
  } else if (channel == "webhook") {
    if (ch.webhook_url.empty()) throw std::runtime_error("the generic webhook is not set");
    jobs::post_json(ch.webhook_url, json::serialize(json::object{{"event", "test"}, {"title", title}, {"by", c.user.login}}));
  } else {
    if (ch.dingtalk_webhook.empty()) throw std::runtime_error("钉钉 webhook is not set");
    const std::string url = ch.dingtalk_secret.empty()
                                ? ch.dingtalk_webhook
                                : jobs::dingtalk_signed_url(ch.dingtalk_webhook, ch.dingtalk_secret, now * 1000);
    jobs::post_json(url, json::serialize(json::object{{"msgtype", "markdown"},
                                                      {"markdown", json::object{{"title", title}, {"text", title}}}}));
  }
}

}  // namespace

void add_channel_routes(http::Router& r, Context& ctx) {
  r.add("GET", "/api/v1/settings/channels", [&ctx](http::Request& req) {
    admin_only(ctx, req);
    return http::json_response(200, jobs::masked(stored(ctx)));
  });
  r.add("PUT", "/api/v1/settings/channels", [&ctx](http::Request& req) {
    Caller c = admin_only(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    const auto next = jobs::apply_channel_update(as_object(parsed, "body"), stored(ctx));
    ctx.store.set_push_setting(jobs::kChannelsKey, jobs::channels_to_json(next), c.user.id, auth::system_clock_seconds());
    return http::json_response(200, jobs::masked(next));
  });
  r.add("POST", "/api/v1/settings/channels/test", [&ctx](http::Request& req) {
    Caller c = admin_only(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    const auto ch = jobs::apply_channel_update(body, stored(ctx));  // never saved here
    const std::string channel = body.contains("channel") ? required_string(body, "channel") : "email";
    if (channel != "email" && channel != "wecom" && channel != "dingtalk" && channel != "webhook")
      throw invalid_field("channel", "渠道应为 email、wecom、dingtalk 或 webhook", "channel must be email, wecom, dingtalk or webhook");
    std::string to = body.contains("to") ? required_string(body, "to") : c.user.email;
    if (channel == "email") {
      if (to.empty()) throw invalid_field("to", "请填写收件邮箱（您的账号没有邮箱）", "Give an address to send to (your account has no e-mail)");
      model::validate_email(to, "to");
    }
    try {
      send_test(ch, channel, to, c);
    } catch (const std::exception& e) {
      throw AppError(502, "send_failed", "channel", std::string("测试消息发送失败：") + e.what(),
                     std::string("The test message could not be sent: ") + e.what());
    }
    return http::json_response(200, json::object{{"sent", true}, {"channel", channel}});
  });
  r.add("GET", "/api/v1/settings/push", [&ctx](http::Request& req) {
    admin_only(ctx, req);
    const auto p = jobs::retry_policy(ctx.store);
    return http::json_response(200, json::object{{"max_attempts", p.max_attempts},
                                                 {"retry_base_seconds", p.base_seconds},
                                                 {"keep_days", p.keep_days},
                                                 {"stale_seconds", p.stale_seconds},
                                                 {"base_url", ctx.store.push_setting("base_url")}});
  });
  r.add("PUT", "/api/v1/settings/push", [&ctx](http::Request& req) {
    Caller c = admin_only(ctx, req);
    const json::value parsed = http::parse_json_body(req);
    const auto& body = as_object(parsed, "body");
    auto p = jobs::retry_policy(ctx.store);
    if (auto v = optional_int(body, "max_attempts", "max_attempts", 1, 20)) p.max_attempts = static_cast<int>(*v);
    if (auto v = optional_int(body, "retry_base_seconds", "retry_base_seconds", 1, 86400)) p.base_seconds = *v;
    if (auto v = optional_int(body, "keep_days", "keep_days", 1, 3650)) p.keep_days = static_cast<int>(*v);
    if (auto v = optional_int(body, "stale_seconds", "stale_seconds", 1, 86400)) p.stale_seconds = *v;
    const int64_t now = auth::system_clock_seconds();
    if (body.contains("base_url")) {
      const std::string url = required_string(body, "base_url", 300);
      if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        throw invalid_field("base_url", "地址必须以 http:// 或 https:// 开头", "The address must start with http:// or https://");
      ctx.store.set_push_setting("base_url", url, c.user.id, now);
    }
    ctx.store.set_push_setting(jobs::kRetryKey,
                               json::serialize(json::object{{"max_attempts", p.max_attempts},
                                                            {"retry_base_seconds", p.base_seconds},
                                                            {"stale_seconds", p.stale_seconds},
                                                            {"keep_days", p.keep_days}}),
                               c.user.id, now);
    return http::json_response(200, json::object{{"max_attempts", p.max_attempts},
                                                 {"retry_base_seconds", p.base_seconds},
                                                 {"keep_days", p.keep_days},
                                                 {"stale_seconds", p.stale_seconds},
                                                 {"base_url", ctx.store.push_setting("base_url")}});
  });
}

}  // namespace sl::api
