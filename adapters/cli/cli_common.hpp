// Shared pieces of the CLI commands: exit codes and the registration signature.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace rw::cli {

/// Exit codes: 0 ok; 1 findings or verification failed; 2 bad input or usage.
enum exit_code : int { ok = 0, findings = 1, bad_input = 2 };

/// Each command file registers its subcommands; the callback stores the exit code in `result`.
using registrar = void (*)(CLI::App& app, int& result);

void register_store_commands(CLI::App& app, int& result);
void register_rules_commands(CLI::App& app, int& result);
void register_case_commands(CLI::App& app, int& result);
void register_advise_command(CLI::App& app, int& result);
void register_scan_commands(CLI::App& app, int& result);
void register_generate_command(CLI::App& app, int& result);
void register_scenario_command(CLI::App& app, int& result);
void register_match_command(CLI::App& app, int& result);
void register_guidance_commands(CLI::App& app, int& result);
void register_examen_command(CLI::App& app, int& result);

}  // namespace rw::cli
