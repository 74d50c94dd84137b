// A test hook: sleeps for the milliseconds the environment variable names (nothing when it is
// unset). tests/api/imports_killed.test.mjs sets SALESLOOP_TEST_COMMIT_SLEEP_MS (inside an
// import's transaction, its writes made, before COMMIT) and SALESLOOP_TEST_COMMITTED_SLEEP_MS
// (after COMMIT, before the import page's job hears it) to kill a server at either point.
#pragma once

namespace sl::ingest {

void test_pause(const char* env_var);

}  // namespace sl::ingest
