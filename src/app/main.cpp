#include "app/cli.h"
#include "core/huge_pages.h"

int main(int argc, char** argv) {
  sl::reexec_with_huge_pages(argv);
  return sl::app::run_cli(argc, argv);
}
