#pragma once

namespace sl::app {
// salesloop serve | demo | user add|passwd|list. Returns the process exit code.
int run_cli(int argc, char** argv);
}  // namespace sl::app
