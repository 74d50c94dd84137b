#include "app/cli.h"

int main(int argc, char** argv) { return sl::app::run_cli(argc, argv); }
