#include "jobs/push/outbox.h"

#include <unistd.h>

#include <boost/json.hpp>
#include <algorithm>
#include <chrono>

#include "jobs/push/channels.h"
#include "jobs/push/mime.h"
#include "jobs/push/send.h"

namespace sl::jobs {

namespace json = boost::json;
using Delivery = store::PushStore::Delivery;

RetryPolicy retry_policy(store::PushStore& s) {
  RetryPolicy p;
  const std::string text = s.push_setting(kRetryKey);
  if (text.empty()) return p;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object()) return p;
  const auto& o = v.as_object();
  auto num = [&](const char* k, int64_t dflt) {
    auto* x = o.if_contains(k);
    return x && x->is_int64() ? x->as_int64() : dflt;
  };
  p.max_attempts = static_cast<int>(num("max_attempts", p.max_attempts));
  p.base_seconds = num("retry_base_seconds", p.base_seconds);
  p.stale_seconds = num("stale_seconds", p.stale_seconds);
  p.keep_days = static_cast<int>(num("keep_days", p.keep_days));
  return p;
}

Outbox::Outbox(store::Store& store) : store_(store) {
  id_ = std::to_string(::getpid()) + "-" + random_hex(6);
}

int Outbox::run_once(int64_t now) {
  const RetryPolicy policy = retry_policy(store_);
  int sent = 0;
  for (;;) {
    auto batch = store_.claim_deliveries(id_, now, now - policy.stale_seconds, 20);
    if (batch.empty()) break;
    for (const auto& d : batch) {
      try {
        send_one(d);
        store_.finish_delivery(d.id, id_, "sent", "", 0, now);
        ++sent;
      } catch (const std::exception& e) {
        if (d.attempts >= policy.max_attempts) {
          if (store_.finish_delivery(d.id, id_, "failed", e.what(), 0, now)) notify_admins(d, e.what(), now);
        } else {
          const int64_t wait = policy.base_seconds << std::min(d.attempts - 1, 20);
          store_.finish_delivery(d.id, id_, "queued", e.what(), now + wait, now);
        }
      }
    }
  }
  return sent;
}

void Outbox::send_one(const Delivery& d) {
  const ChannelSettings ch = channels_from_json(store_.push_setting(kChannelsKey));
  const auto files = store_.delivery_files(d.id);
  auto file = [&](const std::string& name) -> const store::PushStore::DeliveryFile* {
    for (const auto& f : files)
      if (f.name == name) return &f;
    return nullptr;
  };
  if (d.channel == "email") {
    Mail m;
    m.from = ch.smtp.from;
    m.to = d.address;
    m.subject = d.subject;
    m.message_id = d.message_id;
    m.date = d.created_at;
    if (auto* body = file("body.html")) m.html = body->data;
    for (const auto& f : files) {
      if (f.name == "body.html" || f.name.ends_with(".md") || f.name.ends_with(".json")) continue;
      if (f.name.rfind("inline/", 0) == 0)
        m.inline_images.push_back({f.name.substr(7), f.mime, f.data});
      else
        m.attachments.push_back({f.name, f.mime, f.data});
    }
    send_smtp(ch.smtp, d.address, build_mime(m));
  } else if (d.channel == "wecom" || d.channel == "dingtalk") {
    const auto* md = file("message.md");
    const std::string text = md ? md->data : d.subject;
    if (d.channel == "wecom") {
      if (ch.wecom_webhook.empty()) throw std::runtime_error("企业微信 webhook is not set up");
      post_json(ch.wecom_webhook,
                json::serialize(json::object{{"msgtype", "markdown"}, {"markdown", json::object{{"content", text}}}}));
      if (const auto* png = file("image.png")) post_json(ch.wecom_webhook, wecom_image_json(png->data));
    } else {
      if (ch.dingtalk_webhook.empty()) throw std::runtime_error("钉钉 webhook is not set up");
      const int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
      const std::string url =
          ch.dingtalk_secret.empty() ? ch.dingtalk_webhook : dingtalk_signed_url(ch.dingtalk_webhook, ch.dingtalk_secret, ms);
      post_json(url, json::serialize(json::object{
                         {"msgtype", "markdown"}, {"markdown", json::object{{"title", d.subject}, {"text", text}}}}));
    }
  } else if (d.channel == "webhook") {
    if (ch.webhook_url.empty()) throw std::runtime_error("the generic webhook is not set up (settings: webhook_url)");
    const auto* body = file("payload.json");
    post_json(ch.webhook_url, body ? body->data : "{}");
  } else {
    throw std::runtime_error("unknown channel " + d.channel);
  }
}

void Outbox::notify_admins(const Delivery& d, const std::string& error, int64_t now) {
  if (d.idem_key.rfind("failed:", 0) == 0) return;  // a notice about a notice: stop here
  const std::string what = d.channel + " → " + d.address + " (#" + std::to_string(d.id) + ")";
  std::vector<Delivery> mails;
  for (const auto& u : store_.list_users()) {
    if (u.role != model::Role::admin || !u.active) continue;
    store_.add_notice({0, u.id, now, "推送失败：" + what, "Delivery failed: " + what, "/admin/deliveries"});
    if (u.email.empty()) continue;
    Delivery m;
    m.recipient = u.id;
    m.channel = "email";
    m.address = u.email;
    m.idem_key = "failed:" + std::to_string(d.id) + ":" + std::to_string(u.id);
    m.subject = u.lang == "en" ? "salesloop: a delivery failed" : "salesloop：推送失败";
    m.message_id = make_message_id(m.idem_key, "salesloop");
    m.created_at = now;
    m.next_attempt_at = now;
    m.files.push_back({"body.html", "text/html",
                       "<p>" + std::string(u.lang == "en" ? "Delivery failed: " : "推送失败：") + what + "</p><p>" +
                           error + "</p>"});
    mails.push_back(std::move(m));
  }
  if (!mails.empty()) store_.claim_run(0, "", mails);
}

}  // namespace sl::jobs
