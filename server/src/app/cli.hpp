#pragma once
namespace bo {
// Parses the command line and runs the chosen sub-command; returns the process exit code.
int run_cli(int argc, char** argv);
}
