#include "analytics/plan/suggestion.h"

#include <gtest/gtest.h>

namespace sl::analytics {
namespace {

using O = std::optional<double>;

TEST(SuggestionBlend, WeightsInverseToMape) {
  // 1/0.1 = 10, 1/0.2 = 5, 1/0.4 = 2.5: weights 10/17.5, 5/17.5, 2.5/17.5.
  const Blend b = blend({O(100), O(200), O(400)}, {O(0.1), O(0.2), O(0.4)});
  ASSERT_TRUE(b.value);
  EXPECT_NEAR(b.weights[0], 4.0 / 7, 1e-12);
  EXPECT_NEAR(b.weights[1], 2.0 / 7, 1e-12);
  EXPECT_NEAR(b.weights[2], 1.0 / 7, 1e-12);
  EXPECT_NEAR(*b.value, (400.0 + 400 + 400) / 7, 1e-9);  // 100·4/7 + 200·2/7 + 400/7
  EXPECT_NEAR(*b.error, 3 * 0.1 * 4 / 7 * 1.0, 1e-12);    // Σ w·MAPE = 3 / Σ(1/MAPE) = 3 / 17.5
}

TEST(SuggestionBlend, ErrorIsTheWeightedWapeElseMape) {
  // Weights 4/7, 2/7, 1/7 as above; WAPEs 0.3 and — (MAPE 0.2 stands in) and 0.7.
  const Blend b = blend({O(100), O(200), O(400)}, {O(0.1), O(0.2), O(0.4)}, {O(0.3), std::nullopt, O(0.7)});
  EXPECT_NEAR(*b.error, (4 * 0.3 + 2 * 0.2 + 0.7) / 7, 1e-12);
}

TEST(SuggestionBlend, ZeroMapeTakesEverything) {
  const Blend b = blend({O(100), O(200), O(400)}, {O(0.1), O(0.0), O(0.4)});
  EXPECT_EQ(b.weights, (std::vector<double>{0, 1, 0}));
  EXPECT_DOUBLE_EQ(*b.value, 200);
  EXPECT_DOUBLE_EQ(*b.error, 0);
  const Blend two = blend({O(100), O(200), O(400)}, {O(0.0), O(0.0), O(0.4)});
  EXPECT_EQ(two.weights, (std::vector<double>{0.5, 0.5, 0}));
  EXPECT_DOUBLE_EQ(*two.value, 150);
}

TEST(SuggestionBlend, UndefinedMapeOrValueIsShownNotBlended) {
  const Blend b = blend({O(100), std::nullopt, O(400)}, {O(0.2), O(0.1), std::nullopt});
  EXPECT_EQ(b.weights, (std::vector<double>{1, 0, 0}));
  EXPECT_DOUBLE_EQ(*b.value, 100);
  EXPECT_DOUBLE_EQ(*b.error, 0.2);
  const Blend none = blend({O(100), O(200)}, {std::nullopt, std::nullopt});
  EXPECT_FALSE(none.value);
  EXPECT_EQ(none.weights, (std::vector<double>{0, 0}));
}

TEST(SuggestionSplit, ProportionalRemainderOnLastMonth) {
  // 1000 over 1 : 2 : 3 → 166.67 → 167, 333.33 → 333, the rest 500.
  EXPECT_EQ(split_by(1000, {1, 2, 3}), (std::vector<Money>{167, 333, 500}));
  EXPECT_EQ(split_by(10, {0, 0, 0}), (std::vector<Money>{3, 3, 4}));   // no shape: equal
  EXPECT_EQ(split_by(10, {5, -1, 6}), (std::vector<Money>{3, 3, 4}));  // a negative month: equal
  EXPECT_EQ(split_by(7, {2}), (std::vector<Money>{7}));
}

}  // namespace
}  // namespace sl::analytics
