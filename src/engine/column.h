// One column of a Snapshot table: the first n values of a buffer that later Snapshots can
// share and append to. A Snapshot copies its tables column by column in O(1) (a pointer and
// a length), and the next Snapshot after a new contract appends a row to a handful of
// columns without copying the other ten million.
//
// Appending never disturbs a reader: a reader only ever looks at its own first n values
// through a pointer fixed when its column was made, and an append writes past the end of
// every published column, into spare capacity, or — when there is none, or when another
// column already appended to the same buffer — into a new, larger copy. Appends are made by
// one writer at a time (SnapshotHolder's lock).
//
// While a table is built (before its Snapshot is published) a Column is used like a
// std::vector: push_back, resize, reserve, assign, writable operator[].
#pragma once
#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

namespace sl::engine {

template <class T>
class Column {
 public:
  using value_type = T;

  Column() = default;

  // --- reading -------------------------------------------------------------------
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const T& operator[](size_t i) const { return data_[i]; }
  const T* data() const { return data_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + n_; }
  const T& back() const { return data_[n_ - 1]; }
  size_t capacity() const { return buf_ ? buf_->capacity() : 0; }  // bytes accounting

  // --- building (the column is not shared yet) -------------------------------------
  T& operator[](size_t i) { return own()[i]; }
  T* data() { return own().data(); }  // for a building loop: one ownership check, not one a value
  void push_back(T v) {
    own().push_back(std::move(v));
    sync();
  }
  void reserve(size_t k) {
    own().reserve(k);
    sync();
  }
  void resize(size_t k) {
    own().resize(k);
    sync();
  }
  // Cut to size, keeping `spare` free slots for later appends.
  void shrink_to_fit(size_t spare = 0) {
    if (!buf_ || buf_->capacity() == n_ + spare) return;
    auto fresh = std::make_shared<std::vector<T>>();
    fresh->reserve(n_ + spare);
    fresh->assign(data_, data_ + n_);
    buf_ = std::move(fresh);
    sync();
  }

  // --- the next Snapshot ---------------------------------------------------------
  // This column with values appended. Shares the buffer when this column ends where the
  // buffer's values end and there is room; else copies into a buffer with ~1/64 to spare.
  Column appended(const T* values, size_t k) const {
    Column out = *this;
    if (k == 0) return out;
    if (!buf_ || buf_->size() != n_ || buf_->capacity() - n_ < k) {
      auto fresh = std::make_shared<std::vector<T>>();
      fresh->reserve(n_ + k + std::max<size_t>(1024, (n_ + k) / 64));
      fresh->assign(data_, data_ + n_);
      out.buf_ = std::move(fresh);
    }
    out.buf_->insert(out.buf_->end(), values, values + k);  // within capacity: no reallocation
    out.data_ = out.buf_->data();
    out.n_ = n_ + k;
    return out;
  }
  Column appended(const T& value) const { return appended(&value, 1); }
  // This column without the value at `at` (a row that moved): a new buffer, O(size).
  Column erased(size_t at) const {
    Column out;
    out.buf_ = std::make_shared<std::vector<T>>();
    out.buf_->reserve(n_ + std::max<size_t>(1024, n_ / 64));
    out.buf_->assign(data_, data_ + at);
    if (at < n_) out.buf_->insert(out.buf_->end(), data_ + at + 1, data_ + n_);
    out.data_ = out.buf_->data();
    out.n_ = out.buf_->size();
    return out;
  }
  // This column with `value` inserted before position `at` (a back-dated row): always a new
  // buffer, O(size), with room to spare for later appends. Readers of this column are not
  // touched.
  Column inserted(size_t at, const T& value) const {
    if (at >= n_) return appended(value);
    Column out;
    out.buf_ = std::make_shared<std::vector<T>>();
    out.buf_->reserve(n_ + 1 + std::max<size_t>(1024, (n_ + 1) / 64));
    out.buf_->assign(data_, data_ + at);
    out.buf_->push_back(value);
    out.buf_->insert(out.buf_->end(), data_ + at, data_ + n_);
    out.data_ = out.buf_->data();
    out.n_ = n_ + 1;
    return out;
  }

 private:
  std::vector<T>& own() {
    if (!buf_) buf_ = std::make_shared<std::vector<T>>();
    // A column being built is never shared; should one be, it gets its own copy first.
    if (buf_.use_count() > 1 || buf_->size() != n_) buf_ = std::make_shared<std::vector<T>>(data_, data_ + n_);
    return *buf_;
  }
  void sync() {
    data_ = buf_->data();
    n_ = buf_->size();
  }

  std::shared_ptr<std::vector<T>> buf_;
  const T* data_ = nullptr;
  size_t n_ = 0;
};

}  // namespace sl::engine
