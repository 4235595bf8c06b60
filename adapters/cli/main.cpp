// regelwerk: the command-line front door. Parses the command line (CLI11), sets up the operator
// log, and dispatches to the command files under commands/.
#include "cli_common.hpp"
#include "rw/adapters/logging/setup.hpp"
#include "safe_output.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"regelwerk: CAO and labour-law compliance for Dutch temporary agency work"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("regelwerk ") + RW_VERSION);
    std::string log_level = "warn";
    app.add_option("--log-level", log_level, "Operator log level on stderr: trace|debug|info|warn|error|off")
        ->capture_default_str();
    app.parse_complete_callback([&] {
        if (!rw::adapters::logging::setup(log_level))
            throw CLI::ValidationError("--log-level", "unknown level '" + log_level + "'");
    });

    int result = rw::cli::ok;
    rw::cli::register_store_commands(app, result);
    rw::cli::register_rules_commands(app, result);
    rw::cli::register_advise_command(app, result);
    rw::cli::register_case_commands(app, result);
    rw::cli::register_scan_commands(app, result);
    rw::cli::register_generate_command(app, result);
    rw::cli::register_scenario_command(app, result);
    rw::cli::register_match_command(app, result);
    rw::cli::register_guidance_commands(app, result);
    rw::cli::register_examen_command(app, result);

    try {
        app.parse(argc, argv);
    } catch (CLI::CallForHelp const& e) {
        return app.exit(e);
    } catch (CLI::CallForAllHelp const& e) {
        return app.exit(e);
    } catch (CLI::CallForVersion const& e) {
        return app.exit(e);
    } catch (CLI::ParseError const& e) {
        app.exit(e);
        return rw::cli::bad_input;
    } catch (std::exception const& e) {
        // The last resort: each command handles the failures it can foresee, with a better message.
        std::cerr << "regelwerk: " << e.what() << "\n";
        result = rw::cli::bad_input;
    }
    // Whatever went to stdout must have arrived: a full disk or a closed pipe is not success.
    std::string error;
    if (!rw::cli::finish_stdout(error)) {
        std::cerr << "regelwerk: " << error << "\n";
        return rw::cli::bad_input;
    }
    return result;
}
