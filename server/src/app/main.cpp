#include "app/cli.hpp"

int main(int argc, char** argv) { return bo::run_cli(argc, argv); }
