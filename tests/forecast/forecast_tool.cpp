// salesloop_forecast: runs the forecast module on a series file for the R comparison
// (compare_with_r.R). A test hook, not a product command. A series file holds one number per
// line, oldest month first; lines starting with # are comments.
//
//   salesloop_forecast hw FILE H LEVEL [ALPHA BETA GAMMA]  fitted (or fixed) parameters and SSE,
//                                                          then H lines "value low high"
//   salesloop_forecast tsn FILE H LEVEL                    H lines "value low high"
//   salesloop_forecast line FILE H                         forecast_line: method, backtests, bands
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "forecast/forecast.h"
#include "forecast/holt_winters.h"
#include "forecast/trend_seasonal_naive.h"

using namespace sl::forecast;

namespace {

std::vector<double> read_series(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path);
    std::exit(2);
  }
  std::vector<double> x;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') x.push_back(std::stod(line));
  return x;
}

void print_bands(const std::vector<Band>& bands) {
  for (const Band& b : bands) std::printf("%.17g %.17g %.17g\n", b.value, b.low, b.high);
}

void print_accuracy(const char* name, const Accuracy& a) {
  std::printf("%s %s %s %d\n", name, a.mape ? std::to_string(*a.mape).c_str() : "NA",
              a.wape ? std::to_string(*a.wape).c_str() : "NA", a.points);
}

int usage() {
  std::fprintf(stderr, "usage: salesloop_forecast hw|tsn|line FILE H [LEVEL [ALPHA BETA GAMMA]]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return usage();
  const std::string cmd = argv[1];
  const std::vector<double> x = read_series(argv[2]);
  const int h = std::atoi(argv[3]);
  const double level = argc > 4 ? std::atof(argv[4]) : 0.8;
  if (cmd == "hw") {
    if (x.size() < static_cast<size_t>(kHwMinMonths)) return usage();
    HwModel m = argc > 7 ? hw_run(x, hw_start(x), {std::atof(argv[5]), std::atof(argv[6]), std::atof(argv[7])})
                         : hw_fit(x);
    std::printf("%.17g %.17g %.17g %.17g\n", m.params.alpha, m.params.beta, m.params.gamma, m.sse);
    print_bands(hw_predict(m, h, level));
  } else if (cmd == "tsn") {
    print_bands(trend_seasonal_naive(x, h, level));
  } else if (cmd == "line") {
    LineForecast f = forecast_line(x, h, level);
    std::printf("method %s\n", method_code(f.method));
    print_accuracy("backtest", f.backtest);
    print_accuracy("holt_winters", f.holt_winters_backtest);
    print_accuracy("naive", f.naive_backtest);
    print_bands(f.forecast);
  } else {
    return usage();
  }
  return 0;
}
