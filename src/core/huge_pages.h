// Building a Snapshot touches gigabytes of fresh memory page by page. On the virtual
// machines we run on, each 4 KiB page fault is expensive: at 10M contract lines the cold
// start took 33 s with normal pages and 16 s with 2 MiB transparent huge pages. glibc reads
// its malloc tunables only when a process starts, so a program calls this first thing in
// main(): unless glibc.malloc.hugetlb is already set, it sets it and re-executes itself
// once (same arguments, same environment otherwise). SALESLOOP_HUGEPAGES=0 opts out.
// Without THP support (kernel setting "never") the tunable is harmless.
#pragma once

namespace sl {

void reexec_with_huge_pages(char** argv);

}  // namespace sl
