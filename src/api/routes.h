// Every /api/v1 route, registered area by area.
#pragma once
#include "api/context.h"
#include "http/router.h"

namespace sl::api {

void register_routes(http::Router& r, Context& ctx);

// One registration function per area file.
void add_session_routes(http::Router& r, Context& ctx);
void add_meta_routes(http::Router& r, Context& ctx);
// GET /api/v1/health (health_api.cpp), no login.
void add_health_routes(http::Router& r, Context& ctx);
void add_progress_routes(http::Router& r, Context& ctx);
void add_target_routes(http::Router& r, Context& ctx);
// D1 cockpit, D2 process + anomaly acknowledgements, D4 leaderboard + per-capita.
void add_do_routes(http::Router& r, Context& ctx);
// A1 meetings, resolutions, action items, to-dos and figures (meetings_api.cpp, act_*.cpp).
void add_act_routes(http::Router& r, Context& ctx);
void add_do_cockpit_routes(http::Router& r, Context& ctx);
void add_do_process_routes(http::Router& r, Context& ctx);
void add_do_leaderboard_routes(http::Router& r, Context& ctx);
// C1 sales review (check_review_api.cpp) and the customer profile (customer_profile_api.cpp).
void add_check_review_routes(http::Router& r, Context& ctx);
void add_customer_routes(http::Router& r, Context& ctx);
// C2 RFM (check_rfm_api.cpp) and C3 churn (check_churn_api.cpp).
void add_check_rfm_routes(http::Router& r, Context& ctx);
void add_check_churn_routes(http::Router& r, Context& ctx);
// C4 产品市场预警: GET /api/v1/check/products, POST …/warnings/ack (check_products_api.cpp).
void add_check_products_routes(http::Router& r, Context& ctx);
// P3 商机数量变化趋势分析: GET /api/v1/plan/funnel (plan_funnel_api.cpp).
void add_plan_funnel_routes(http::Router& r, Context& ctx);
// P1 市场规模及占有率分析 GET /api/v1/plan/market (plan_market_api.cpp) and P2 同行业同类型竞品分析
// GET /api/v1/plan/competitors (plan_competitors_api.cpp).
void add_plan_market_routes(http::Router& r, Context& ctx);
void add_plan_competitors_routes(http::Router& r, Context& ctx);
// P4 营业收入各项指标分析: GET /api/v1/plan/finance (plan_finance_api.cpp).
void add_plan_finance_routes(http::Router& r, Context& ctx);
// 合同录入: POST /api/v1/contracts (contracts_api.cpp).
void add_contract_routes(http::Router& r, Context& ctx);
// P5 月度销售目标预测: GET/PUT /api/v1/plan/forecasts, GET …/forecast-accuracy (plan_forecasts_api.cpp).
void add_plan_forecasts_routes(http::Router& r, Context& ctx);
// P6 目标建议: GET /api/v1/plan/suggestion (plan_suggestion_api.cpp).
void add_plan_suggestion_routes(http::Router& r, Context& ctx);

// 数据导入: /api/v1/imports…, /api/v1/import-entities…, /api/v1/import-templates… (imports_api.cpp).
void add_import_routes(http::Router& r, Context& ctx);
// 回款登记: POST /api/v1/payments (payments_api.cpp).
void add_payment_routes(http::Router& r, Context& ctx);
// 商机维护: POST /api/v1/opportunities, POST …/{id}/stage (opportunities_api.cpp).
void add_opportunity_routes(http::Router& r, Context& ctx);
// 用户管理 (issue 14): /api/v1/users…, PATCH /api/v1/me (users_api.cpp).
void add_user_routes(http::Router& r, Context& ctx);
// opps: 商机维护's list and drawer GET /api/v1/opportunities, …/{id} (opportunities_list.cpp);
// the forms' pickers GET /api/v1/pickers/customers, …/products (pickers_api.cpp).
void add_opportunity_list_routes(http::Router& r, Context& ctx);
void add_picker_routes(http::Router& r, Context& ctx);
// Push (issue 14): /api/v1/subscriptions… (subscriptions_api.cpp), /api/v1/deliveries… and
// /api/v1/notices (deliveries_api.cpp), /api/v1/settings/channels… and /settings/push (channels_api.cpp).
void add_subscription_routes(http::Router& r, Context& ctx);
void add_delivery_routes(http::Router& r, Context& ctx);
void add_channel_routes(http::Router& r, Context& ctx);
// Alerts (issue 14): /api/v1/alerts/rules… (alerts_rules_api.cpp), /api/v1/alerts… (alerts_api.cpp).
void add_alert_rule_routes(http::Router& r, Context& ctx);
void add_alert_routes(http::Router& r, Context& ctx);

// The user as the API shows it (also used by /me and the session answer).
boost::json::object user_json(const model::User& u);

}  // namespace sl::api
