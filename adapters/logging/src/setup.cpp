// spdlog setup: one colour stderr sink shared by the named loggers.
#include "rw/adapters/logging/setup.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace rw::adapters::logging {

bool setup(std::string const& level) {
    auto lvl = spdlog::level::from_str(level);
    if (lvl == spdlog::level::off && level != "off") return false;
    auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    for (char const* name : {"cli", "store", "engine"}) {
        auto existing = spdlog::get(name);
        if (!existing) {
            existing = std::make_shared<spdlog::logger>(name, sink);
            spdlog::register_logger(existing);
        }
        existing->set_level(lvl);
        existing->set_pattern("[%H:%M:%S.%e] [%n] [%^%l%$] %v");
    }
    spdlog::set_default_logger(spdlog::get("cli"));
    return true;
}

}  // namespace rw::adapters::logging
