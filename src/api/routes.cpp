#include "api/routes.h"

namespace sl::api {

void register_routes(http::Router& r, Context& ctx) {
  add_session_routes(r, ctx);
  add_meta_routes(r, ctx);
  add_health_routes(r, ctx);  // several servers (issue 15)
  add_progress_routes(r, ctx);
  add_target_routes(r, ctx);
  add_do_routes(r, ctx);
  add_act_routes(r, ctx);
  add_contract_routes(r, ctx);
  add_check_review_routes(r, ctx);
  add_customer_routes(r, ctx);
  add_check_rfm_routes(r, ctx);
  add_check_churn_routes(r, ctx);
  add_check_products_routes(r, ctx);
  add_plan_funnel_routes(r, ctx);
  add_plan_market_routes(r, ctx);
  add_plan_competitors_routes(r, ctx);
  add_import_routes(r, ctx);
  add_plan_finance_routes(r, ctx);
  add_plan_forecasts_routes(r, ctx);
  add_payment_routes(r, ctx);
  add_opportunity_routes(r, ctx);
  add_user_routes(r, ctx);
  add_opportunity_list_routes(r, ctx);
  add_picker_routes(r, ctx);
  add_plan_suggestion_routes(r, ctx);
  add_subscription_routes(r, ctx);  // push (issue 14)
  add_delivery_routes(r, ctx);
  add_channel_routes(r, ctx);
  add_alert_rule_routes(r, ctx);  // alerts (issue 14)
  add_alert_routes(r, ctx);
}

}  // namespace sl::api
