// A background thread that runs the periodic jobs: once at start, then every `period`,
// until destroyed. The tick reports its own outcome; an exception from it is handed to
// on_error and the next tick runs as usual, so one bad run never stops the server's jobs.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace sl::jobs {

class Scheduler {
 public:
  Scheduler(std::function<void()> tick, std::chrono::milliseconds period,
            std::function<void(const std::string&)> on_error);
  ~Scheduler();  // stops and joins: a tick in progress finishes first
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  int ticks() const;
  // Runs the next tick now instead of at the end of the period (a tick in progress finishes
  // first, then one more runs). Any thread; cheap.
  void wake();

 private:
  void loop();
  std::function<void()> tick_;
  std::chrono::milliseconds period_;
  std::function<void(const std::string&)> on_error_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool woken_ = false;
  int ticks_ = 0;
  std::thread thread_;  // last: started after every other member is ready
};

}  // namespace sl::jobs
