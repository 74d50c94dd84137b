// One text form of a row, the same whichever database it came from, and the per-table
// checksum over it: `migrate` compares source and target by it. The form: fields joined by
// tab, a newline after each row; NULL is \N; integers in decimal; reals in the shortest form
// that reads back exactly (std::to_chars); text and dates as their bytes with \ tab newline
// and carriage return escaped (\\ \t \n \r); blobs as \x and lowercase hex.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "store/migrate/tables.h"

namespace sl::store::migrate {

// Appends the canonical form of `r` (columns of `t`) to `out`.
void render_row(const Table& t, const Row& r, std::string& out);

// MD5 of the canonical rows of one table, in the order they were added, and their count.
class Checksum {
 public:
  explicit Checksum(const Table& t);
  ~Checksum();
  Checksum(const Checksum&) = delete;
  Checksum& operator=(const Checksum&) = delete;
  void add(const Row& r);
  int64_t rows() const { return rows_; }
  std::string hex();  // ends the digest; call once

 private:
  void flush();
  const Table& t_;
  std::string buf_;
  int64_t rows_ = 0;
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
};

}  // namespace sl::store::migrate
