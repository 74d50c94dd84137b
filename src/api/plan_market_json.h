// Pieces the P1 market and P2 competitor pages share: the scope label of an answer, a window,
// a market/own/share triple (JSON and table columns).
#pragma once
#include <boost/json.hpp>
#include <string>

#include "analytics/do/process.h"
#include "analytics/plan/market.h"
#include "engine/snapshot.h"
#include "present/table.h"

namespace sl::api::plan_json {

namespace json = boost::json;

// "company", "region:ID" or "rep:ID": whose market and book the answer reads.
std::string scope_label(const engine::Snapshot& s, const engine::Scope& scope);
json::object window_json(const analytics::Window& w);
json::object share_json(const analytics::ShareFigures& f);

// market, own, share columns (with the given key prefix, "" or "ly_") for a row type.
template <class Row, class Get>
void share_cols(present::TableSpec<Row>& spec, const std::string& prefix, const std::string& label_suffix, Get get) {
  using present::Unit;
  using present::Value;
  spec.cols.push_back({{prefix + "market", "p1.market" + label_suffix, Unit::money},
                       [get](const Row& r) { return Value{get(r).market}; }});
  spec.cols.push_back({{prefix + "own", "p1.own" + label_suffix, Unit::money},
                       [get](const Row& r) { return Value{get(r).own}; }});
  spec.cols.push_back({{prefix + "share", "p1.share" + label_suffix, Unit::percent},
                       [get](const Row& r) { return present::opt_value(get(r).share); }});
}

}  // namespace sl::api::plan_json
