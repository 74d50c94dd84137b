// The channel settings (PUT /api/v1/settings/channels): SMTP and the robot webhooks, stored
// as JSON in the push settings. Secrets (SMTP password, DingTalk secret, the webhook URLs,
// whose access token is a secret) are never shown back in full: masked() keeps the first
// characters only, and a PUT that sends back a masked value (or leaves it out) keeps the stored one.
#pragma once
#include <boost/json.hpp>
#include <string>

namespace sl::jobs {

struct SmtpSettings {
  std::string host;
  int port = 25;
  std::string tls = "none";  // none | starttls | tls
  std::string user, password, from;
};

struct ChannelSettings {
  SmtpSettings smtp;
  std::string wecom_webhook, dingtalk_webhook, dingtalk_secret;
  std::string webhook_url;  // the generic JSON webhook (channel "webhook"); its token is a secret too
};

inline constexpr const char* kChannelsKey = "channels";

ChannelSettings channels_from_json(const std::string& stored);  // "" = defaults
std::string channels_to_json(const ChannelSettings& c);
boost::json::object masked(const ChannelSettings& c);
// The body of a PUT over the stored settings: validates every field (422 naming it, bilingual:
// "smtp.port", "smtp.tls", "smtp.from", "wecom_webhook", "webhook_url", …) and returns the settings to store.
ChannelSettings apply_channel_update(const boost::json::object& body, const ChannelSettings& stored);
std::string mask(const std::string& secret);

}  // namespace sl::jobs
