// The SHA-256 of an import file, for its audit row (issue 12), read in 64 KB pieces.
#pragma once
#include <string>

namespace sl::ingest {

// Lower-case hex; std::runtime_error when the file cannot be read.
std::string file_sha256(const std::string& path);

}  // namespace sl::ingest
