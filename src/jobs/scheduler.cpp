#include "jobs/scheduler.h"

#include <exception>

namespace sl::jobs {

Scheduler::Scheduler(std::function<void()> tick, std::chrono::milliseconds period,
                     std::function<void(const std::string&)> on_error)
    : tick_(std::move(tick)), period_(period), on_error_(std::move(on_error)), thread_([this] { loop(); }) {}

Scheduler::~Scheduler() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

int Scheduler::ticks() const {
  std::lock_guard lock(mu_);
  return ticks_;
}

void Scheduler::wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void Scheduler::loop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    woken_ = false;
    lock.unlock();
    try {
      tick_();
    } catch (const std::exception& e) {
      if (on_error_) on_error_(e.what());
    } catch (...) {
      if (on_error_) on_error_("unknown error");
    }
    lock.lock();
    ++ticks_;
    cv_.wait_for(lock, period_, [this] { return stop_ || woken_; });
  }
}

}  // namespace sl::jobs
