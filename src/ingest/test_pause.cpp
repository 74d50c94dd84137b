#include "ingest/test_pause.h"

#include <chrono>
#include <cstdlib>
#include <thread>

namespace sl::ingest {

void test_pause(const char* env_var) {
  const char* ms = std::getenv(env_var);
  if (!ms || !*ms) return;
  std::this_thread::sleep_for(std::chrono::milliseconds(std::atol(ms)));
}

}  // namespace sl::ingest
