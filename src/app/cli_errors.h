// How the command-line subcommands report a failure on stderr: one line, English with the
// Chinese in brackets, and the exit code the caller chooses for an AppError (bad usage 2,
// a refused or failed run 1); any other exception is a failure (1).
#pragma once

#include <functional>
#include <string>

#include "core/error.h"

namespace sl::app {

void print_error(const AppError& e);

// Runs `body` and answers its exit code, or reports what it threw.
int run_reporting(
    const std::function<int()>& body,
    const std::function<int(const AppError&)>& code_of = [](const AppError&) { return 1; });

// False (with the error printed) when the database file is missing: init makes one, the
// others do not create it by accident.
bool database_exists(const std::string& db);

}  // namespace sl::app
