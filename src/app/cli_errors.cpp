#include "app/cli_errors.h"

#include <exception>
#include <filesystem>
#include <iostream>

#include "store/store.h"

namespace sl::app {

void print_error(const AppError& e) { std::cerr << "error: " << e.en << " (" << e.zh << ")\n"; }

int run_reporting(const std::function<int()>& body, const std::function<int(const AppError&)>& code_of) {
  try {
    return body();
  } catch (const AppError& e) {
    print_error(e);
    return code_of(e);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}

bool database_exists(const std::string& db) {
  if (store::is_postgres_url(db) || std::filesystem::exists(db)) return true;  // a server's: connecting tells
  std::cerr << "error: no database " << db << " (数据库不存在)\n";
  return false;
}

}  // namespace sl::app
