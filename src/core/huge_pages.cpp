#include "core/huge_pages.h"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace sl {

void reexec_with_huge_pages(char** argv) {
  const char* opt_out = std::getenv("SALESLOOP_HUGEPAGES");
  if (opt_out && std::string(opt_out) == "0") return;
  std::string tunables = std::getenv("GLIBC_TUNABLES") ? std::getenv("GLIBC_TUNABLES") : "";
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return;  // set already (or by us)
  tunables += (tunables.empty() ? "" : ":") + std::string("glibc.malloc.hugetlb=1");
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // execv returns only on failure: carry on with normal pages, and do not try again.
}

}  // namespace sl
