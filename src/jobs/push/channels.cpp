#include "jobs/push/channels.h"

#include "core/error.h"
#include "model/keys.h"

namespace sl::jobs {

namespace json = boost::json;

namespace {

std::string str(const json::object& o, const char* k, const std::string& dflt = "") {
  auto it = o.find(k);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : dflt;
}

bool http_url(const std::string& u) { return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0; }

// A text field of the body: absent keeps `old`; a secret sent back masked keeps it too.
std::string field(const json::object& o, const char* k, const std::string& name, const std::string& old,
                  bool secret) {
  auto it = o.find(k);
  if (it == o.end() || it->value().is_null()) return old;
  if (!it->value().is_string())
    throw invalid_field(name, "应为文本：" + name, "must be text: " + name);
  std::string v(it->value().as_string());
  if (secret && !old.empty() && v == mask(old)) return old;
  return v;
}

std::string webhook(const json::object& o, const char* k, const std::string& old) {
  std::string v = field(o, k, k, old, true);
  if (!v.empty() && !http_url(v))
    throw invalid_field(k, std::string("Webhook 地址必须以 http:// 或 https:// 开头：") + k,
                        std::string("The webhook URL must start with http:// or https://: ") + k);
  return v;
}

}  // namespace

std::string mask(const std::string& secret) {
  if (secret.empty()) return "";
  const size_t keep = secret.size() > 24 ? 12 : secret.size() > 8 ? 2 : 0;
  return secret.substr(0, keep) + "••••••";
}

ChannelSettings channels_from_json(const std::string& stored) {
  ChannelSettings c;
  if (stored.empty()) return c;
  const json::object o = json::parse(stored).as_object();
  if (auto it = o.find("smtp"); it != o.end() && it->value().is_object()) {
    const auto& s = it->value().as_object();
    c.smtp.host = str(s, "host");
    if (auto p = s.find("port"); p != s.end() && p->value().is_int64()) c.smtp.port = static_cast<int>(p->value().as_int64());
    c.smtp.tls = str(s, "tls", "none");
    c.smtp.user = str(s, "user");
    c.smtp.password = str(s, "password");
    c.smtp.from = str(s, "from");
  }
  c.wecom_webhook = str(o, "wecom_webhook");
  c.dingtalk_webhook = str(o, "dingtalk_webhook");
  c.dingtalk_secret = str(o, "dingtalk_secret");
  c.webhook_url = str(o, "webhook_url");
  return c;
}

std::string channels_to_json(const ChannelSettings& c) {
  json::object smtp{{"host", c.smtp.host}, {"port", c.smtp.port},         {"tls", c.smtp.tls},
                    {"user", c.smtp.user}, {"password", c.smtp.password}, {"from", c.smtp.from}};
  return json::serialize(json::object{{"smtp", smtp},
                                      {"wecom_webhook", c.wecom_webhook},
                                      {"dingtalk_webhook", c.dingtalk_webhook},
                                      {"dingtalk_secret", c.dingtalk_secret},
                                      {"webhook_url", c.webhook_url}});
}

json::object masked(const ChannelSettings& c) {
  json::object smtp{{"host", c.smtp.host},
                    {"port", c.smtp.port},
                    {"tls", c.smtp.tls},
                    {"user", c.smtp.user},
                    {"password", mask(c.smtp.password)},
                    {"password_set", !c.smtp.password.empty()},
                    {"from", c.smtp.from}};
  return json::object{{"smtp", smtp},
                      {"wecom_webhook", mask(c.wecom_webhook)},
                      {"dingtalk_webhook", mask(c.dingtalk_webhook)},
                      {"dingtalk_secret", mask(c.dingtalk_secret)},
                      {"dingtalk_secret_set", !c.dingtalk_secret.empty()},
                      {"webhook_url", mask(c.webhook_url)}};
}

ChannelSettings apply_channel_update(const json::object& body, const ChannelSettings& stored) {
  ChannelSettings c = stored;
  if (auto it = body.find("smtp"); it != body.end()) {
    if (!it->value().is_object()) throw invalid_field("smtp", "smtp 应为对象", "smtp must be an object");
    const auto& s = it->value().as_object();
    c.smtp.host = field(s, "host", "smtp.host", stored.smtp.host, false);
    if (auto p = s.find("port"); p != s.end()) {
      if (!p->value().is_int64() || p->value().as_int64() < 1 || p->value().as_int64() > 65535)
        throw invalid_field("smtp.port", "端口应为 1 到 65535 的整数", "The port must be a whole number from 1 to 65535");
      c.smtp.port = static_cast<int>(p->value().as_int64());
    }
    c.smtp.tls = field(s, "tls", "smtp.tls", stored.smtp.tls, false);
    if (c.smtp.tls != "none" && c.smtp.tls != "starttls" && c.smtp.tls != "tls")
      throw invalid_field("smtp.tls", "加密方式应为 none、starttls 或 tls", "tls must be none, starttls or tls");
    c.smtp.user = field(s, "user", "smtp.user", stored.smtp.user, false);
    c.smtp.password = field(s, "password", "smtp.password", stored.smtp.password, true);
    c.smtp.from = field(s, "from", "smtp.from", stored.smtp.from, false);
    if (!c.smtp.from.empty()) model::validate_email(c.smtp.from, "smtp.from");
  }
  c.wecom_webhook = webhook(body, "wecom_webhook", stored.wecom_webhook);
  c.dingtalk_webhook = webhook(body, "dingtalk_webhook", stored.dingtalk_webhook);
  c.dingtalk_secret = field(body, "dingtalk_secret", "dingtalk_secret", stored.dingtalk_secret, true);
  c.webhook_url = webhook(body, "webhook_url", stored.webhook_url);
  return c;
}

}  // namespace sl::jobs
