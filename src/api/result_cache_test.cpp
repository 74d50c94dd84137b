#include "api/result_cache.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace sl::api {
namespace {

engine::Scope all_scope() {
  engine::Scope s;
  s.everything = true;
  return s;
}
engine::Scope region_scope(int32_t root) {
  engine::Scope s;
  s.root_region = root;
  return s;
}

TEST(ResultCache, ComputesOncePerVersionScopeAndParams) {
  ResultCache cache;
  int calls = 0;
  auto compute = [&] { return ++calls; };
  EXPECT_EQ(*cache.get<int>(7, all_scope(), "x", "p=1", compute), 1);
  EXPECT_EQ(*cache.get<int>(7, all_scope(), "x", "p=1", compute), 1);      // hit
  EXPECT_EQ(*cache.get<int>(7, all_scope(), "x", "p=2", compute), 2);      // other params
  EXPECT_EQ(*cache.get<int>(7, region_scope(3), "x", "p=1", compute), 3);  // other scope
  EXPECT_EQ(*cache.get<int>(7, region_scope(4), "x", "p=1", compute), 4);
  EXPECT_EQ(*cache.get<int>(7, all_scope(), "y", "p=1", compute), 5);  // other kind
  EXPECT_EQ(calls, 5);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 5u);
}

TEST(ResultCache, NewerSnapshotDropsEverythingOlder) {
  ResultCache cache;
  int calls = 0;
  auto compute = [&] { return ++calls; };
  cache.get<int>(1, all_scope(), "x", "", compute);
  cache.get<int>(1, all_scope(), "y", "", compute);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(*cache.get<int>(2, all_scope(), "x", "", compute), 3);  // recomputed for version 2
  EXPECT_EQ(cache.size(), 1u);
  // A request still reading version 1 computes for itself and stores nothing.
  EXPECT_EQ(*cache.get<int>(1, all_scope(), "x", "", compute), 4);
  EXPECT_EQ(*cache.get<int>(2, all_scope(), "x", "", compute), 3);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(ResultCache, EvictsLeastRecentlyUsed) {
  ResultCache cache(2);
  int calls = 0;
  auto compute = [&] { return ++calls; };
  cache.get<int>(1, all_scope(), "x", "a", compute);  // 1
  cache.get<int>(1, all_scope(), "x", "b", compute);  // 2
  cache.get<int>(1, all_scope(), "x", "a", compute);  // hit: a is now the most recent
  cache.get<int>(1, all_scope(), "x", "c", compute);  // 3, evicts b
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(*cache.get<int>(1, all_scope(), "x", "a", compute), 1);
  EXPECT_EQ(*cache.get<int>(1, all_scope(), "x", "b", compute), 4);
}

TEST(ResultCache, ErrorsAreNotCached) {
  ResultCache cache;
  int calls = 0;
  auto failing = [&]() -> int {
    ++calls;
    throw std::runtime_error("403");
  };
  EXPECT_THROW(cache.get<int>(1, all_scope(), "x", "", failing), std::runtime_error);
  EXPECT_THROW(cache.get<int>(1, all_scope(), "x", "", failing), std::runtime_error);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace sl::api
