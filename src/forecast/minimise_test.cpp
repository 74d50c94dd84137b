#include "forecast/minimise.h"

#include <gtest/gtest.h>

using namespace sl::forecast;

TEST(MinimiseInBox, FindsAnInteriorMinimum) {
  auto f = [](const std::vector<double>& v) {
    return (v[0] - 0.3) * (v[0] - 0.3) + 2 * (v[1] - 0.7) * (v[1] - 0.7) + (v[0] - 0.3) * (v[1] - 0.7);
  };
  Minimum m = minimise_in_box(f, {0.9, 0.1}, {0, 0}, {1, 1});
  EXPECT_NEAR(m.x[0], 0.3, 1e-5);
  EXPECT_NEAR(m.x[1], 0.7, 1e-5);
}

TEST(MinimiseInBox, EndsOnTheBoundWhenTheMinimumIsOutside) {
  auto f = [](const std::vector<double>& v) { return (v[0] - 2) * (v[0] - 2) + (v[1] + 1) * (v[1] + 1); };
  Minimum m = minimise_in_box(f, {0.5, 0.5}, {0, 0}, {1, 1});
  EXPECT_NEAR(m.x[0], 1, 1e-6);
  EXPECT_NEAR(m.x[1], 0, 1e-6);
  EXPECT_NEAR(m.value, 2, 1e-6);
}
