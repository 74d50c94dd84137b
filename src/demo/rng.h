// A small, fully specified PRNG (xoshiro256**, seeded by splitmix64) with the few
// distributions the generator needs. std::uniform_*_distribution is implementation-defined,
// so it would make the demo differ between standard libraries; everything here is integer
// arithmetic plus exp/log from libm (correctly rounded in practice on glibc).
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

namespace sl::demo {

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& w : s_) w = splitmix(seed);
  }
  // A generator for an independent stream, so adding draws in one part of the generator
  // does not shift every number after it.
  Rng fork(uint64_t salt) { return Rng(next() ^ (salt * 0x9E3779B97F4A7C15ull)); }

  uint64_t next() {
    const uint64_t r = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return r;
  }
  // [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double a, double b) { return a + (b - a) * uniform(); }
  // Integer in [a, b], both inclusive (the tiny modulo bias is irrelevant for demo data).
  int64_t range(int64_t a, int64_t b) { return a + static_cast<int64_t>(next() % static_cast<uint64_t>(b - a + 1)); }
  bool chance(double p) { return uniform() < p; }
  // Approximately standard normal: Irwin–Hall sum of 12 uniforms (no trig, bounded ±6).
  double normal() {
    double s = 0;
    for (int i = 0; i < 12; ++i) s += uniform();
    return s - 6.0;
  }
  double lognormal(double sigma) { return std::exp(sigma * normal() - sigma * sigma / 2); }  // mean 1
  // Poisson by inversion; fine for the small means used here.
  int poisson(double mean) {
    double l = std::exp(-mean), p = 1.0;
    int k = 0;
    do {
      ++k;
      p *= uniform();
    } while (p > l && k < 1000);
    return k - 1;
  }
  // Index drawn with probability proportional to weights.
  size_t weighted(const std::vector<double>& w) {
    double total = 0;
    for (double x : w) total += x;
    double r = uniform() * total;
    for (size_t i = 0; i < w.size(); ++i) {
      if (r < w[i]) return i;
      r -= w[i];
    }
    return w.size() - 1;
  }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(range(0, static_cast<int64_t>(v.size()) - 1))];
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t splitmix(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t s_[4];
};

}  // namespace sl::demo
