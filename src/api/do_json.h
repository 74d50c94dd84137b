// Shared pieces of the D-area pages (cockpit, process, leaderboard): the filter bar's options
// and JSON encoders of the analytics structs.
#pragma once
#include <boost/json.hpp>
#include <string>

#include "analytics/do/do_filter.h"
#include "analytics/do/progress.h"
#include "analytics/do/rep_figures.h"
#include "api/context.h"
#include "api/json_writer.h"

namespace sl::api::do_api {

namespace json = boost::json;

// ?as_of= for handlers that are not pages (page.h declares the pages' parameters).
Date as_of_param(const http::Request& req, Context& ctx);

json::object period_json(const Period& p, Date as_of);
json::object progress_json(const analytics::ProgressRow& r);
// A D3 status: its code, or null for a period that has not started (status none).
json::value status_json(analytics::ProgressStatus s);
json::object figures_json(const analytics::RepFigures& f);
// What the filter bar offers this caller: visible 大区, reps, industries, categories.
json::object filter_options(const Caller& c);

// The same as figures_json and filter_options, written straight into a body (json_writer.h).
void write_figures(JsonWriter& w, const analytics::RepFigures& f);
void write_filter_options(JsonWriter& w, const Caller& c);
void write_rep_options(JsonWriter& w, const Caller& c);  // filter_options' "reps" alone

}  // namespace sl::api::do_api
