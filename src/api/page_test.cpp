#include "api/page.h"

#include <gtest/gtest.h>

#include "store/store.h"

namespace sl::api {
namespace {

struct Fixture {
  std::unique_ptr<store::Store> store = store::open_store(":memory:");
  publish::SnapshotHolder snapshots{*store};
  auth::Auth auth{*store};
  Context ctx{*store, auth, snapshots, [] { return *parse_date("2026-06-15"); }};
  Caller caller;
  http::Request req;

  Params decode(const std::vector<ParamSpec>& specs, std::map<std::string, std::string> query) {
    req.query = std::move(query);
    PageCall q{ctx, req, caller, {}, {}};
    return decode_params(specs, q);
  }
};

AppError error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e;
  }
  return AppError(0, "", "", "", "");
}

TEST(Page, DefaultsAndTheKey) {
  Fixture f;
  const std::vector<ParamSpec> specs = {as_of_param(), period_param(), id_param("region"), text_param("industry")};
  Params p = f.decode(specs, {});
  EXPECT_EQ(format_date(p.date("as_of")), "2026-06-15");  // today
  EXPECT_EQ(p.period("period").label(), "2026-06");       // as_of's month
  EXPECT_FALSE(p.has("region"));
  EXPECT_EQ(p.number("region"), 0);
  EXPECT_EQ(p.text("industry"), "");
  // The same request written differently has the same key; another value another key.
  const std::string k = p.key();
  EXPECT_EQ(f.decode(specs, {{"as_of", "2026-06-15"}, {"period", "2026-06"}, {"region", ""}}).key(), k);
  EXPECT_NE(f.decode(specs, {{"period", "2026-Q2"}}).key(), k);
  EXPECT_NE(f.decode(specs, {{"region", "3"}}).key(), k);
  // A period defaults to the month of the as_of given.
  EXPECT_EQ(f.decode(specs, {{"as_of", "2025-02-03"}}).period("period").label(), "2025-02");
  EXPECT_EQ(f.decode(specs, {{"period", "2026-01-05..2026-02-01"}}).period("period").days(), 28);
}

TEST(Page, BadValuesAre422NamingTheParameter) {
  Fixture f;
  const std::vector<ParamSpec> specs = {
      as_of_param(), period_param(false), id_param("rep"),
      count_param("months", 24, 1, 120, "月数应在 1 到 120 之间", "months must be 1 to 120"),
      choice_param("metric", "sales", {"sales", "collection"}, "指标应为 sales 或 collection：",
                   "metric must be sales or collection: ")};
  for (const auto& param : std::vector<std::pair<std::string, std::string>>{{"as_of", "2026-02-30"},
                                                                            {"period", "2026-13"},
                                                                            {"period", "2026-01-05..2026-02-01"},
                                                                            {"rep", "abc"},
                                                                            {"rep", "-1"},
                                                                            {"months", "0"},
                                                                            {"months", "121"},
                                                                            {"metric", "profit"}}) {
    const auto& [name, value] = param;  // the lambda takes param: clang 14 cannot capture bindings
    AppError e = error_of([&] { f.decode(specs, {param}); });
    EXPECT_EQ(e.status, 422) << name << "=" << value;
    EXPECT_EQ(e.field, name) << name << "=" << value;
  }
  EXPECT_EQ(error_of([&] { f.decode(specs, {{"months", "121"}}); }).en, "months must be 1 to 120");
  EXPECT_EQ(error_of([&] {
              f.decode(specs, {{"metric", "profit"}});
            }).en,
            "metric must be sales or collection: profit");
  Params p = f.decode(specs, {{"months", "120"}, {"metric", "collection"}});
  EXPECT_EQ(p.number("months"), 120);
  EXPECT_EQ(p.text("metric"), "collection");
}

TEST(Page, ParametersThatShapeOnlyTheAnswerDoNotKeyTheResult) {
  Fixture f;
  ParamSpec limit = count_param("anomaly_limit", 200, 1, 10000, "x", "x");
  limit.keys_result = false;
  const std::vector<ParamSpec> specs = {as_of_param(), limit};
  EXPECT_EQ(f.decode(specs, {{"anomaly_limit", "5"}}).key(), f.decode(specs, {}).key());
  EXPECT_EQ(f.decode(specs, {{"anomaly_limit", "5"}}).number("anomaly_limit"), 5);
}

}  // namespace
}  // namespace sl::api
