#pragma once

namespace sl::app {
// salesloop serve | demo | init | export | user add|passwd|list | jobs run | routes. Returns the process exit code.
int run_cli(int argc, char** argv);
}  // namespace sl::app
