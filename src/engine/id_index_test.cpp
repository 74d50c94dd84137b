#include "engine/id_index.h"

#include <gtest/gtest.h>

namespace sl::engine {
namespace {

TEST(IdIndex, DenseIds) {
  IdIndex x({10, 12, 11, 12});
  EXPECT_EQ(x.find(10), 0);
  EXPECT_EQ(x.find(12), 1);  // the first position of a repeated id
  EXPECT_EQ(x.find(11), 2);
  EXPECT_EQ(x.find(13), -1);
  EXPECT_EQ(x.find(9), -1);
  EXPECT_EQ(x.find(0), -1);
}

TEST(IdIndex, SparseIdsFallBackToHashing) {
  IdIndex x({5, 1'000'000'000'000, 7});
  EXPECT_EQ(x.find(5), 0);
  EXPECT_EQ(x.find(1'000'000'000'000), 1);
  EXPECT_EQ(x.find(7), 2);
  EXPECT_EQ(x.find(6), -1);
  EXPECT_EQ(x.find(1'000'000'000'001), -1);
}

TEST(IdIndex, Empty) {
  IdIndex x(std::vector<Id>{});
  EXPECT_EQ(x.find(1), -1);
  EXPECT_EQ(IdIndex().find(1), -1);
}

}  // namespace
}  // namespace sl::engine
