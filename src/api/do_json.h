// Shared pieces of the D-area handlers (cockpit, process, leaderboard): query reading,
// the filter bar's options and JSON encoders of the analytics structs.
#pragma once
#include <boost/json.hpp>
#include <string>

#include "analytics/do/do_filter.h"
#include "analytics/do/progress.h"
#include "analytics/do/rep_figures.h"
#include "api/context.h"

namespace sl::api::do_api {

namespace json = boost::json;

// "2026-06", "2026-Q2", "2026" or a custom range "2026-01-05..2026-02-01" (≤ 3 years).
Period period_param(const http::Request& req, Date as_of);
Date as_of_param(const http::Request& req, Context& ctx);
analytics::DoFilter filter_params(const http::Request& req);
// The language of a download: ?lang=en|zh-CN (a link cannot set Accept-Language), else the header.
Lang export_lang(const http::Request& req);

json::object period_json(const Period& p, Date as_of);
json::object progress_json(const analytics::ProgressRow& r);
json::object figures_json(const analytics::RepFigures& f);
// What the filter bar offers this caller: visible 大区, reps, industries, categories.
json::object filter_options(const Caller& c);

}  // namespace sl::api::do_api
