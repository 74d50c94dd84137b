#pragma once
#include <cstdint>

namespace sl {
using Id = int64_t;  // database row id; 0 means "none"
}
