// What the one-worker commands (advise, tijdlijn) read before they evaluate: the store (read-only),
// the worker's presence, the agency with its clients, and the rules.
#pragma once

#include "rw/adapters/app/services.hpp"
#include "rw/adapters/sqlite/store.hpp"

#include <memory>
#include <optional>
#include <string>

namespace rw::cli {

struct worker_inputs {
    std::optional<adapters::sqlite::store> store;
    adapters::app::reference_data ref;
    std::shared_ptr<engine::program const> prog;
};

/// Opens and checks everything; on any problem says what on stderr and returns nullopt.
std::optional<worker_inputs> open_worker_inputs(std::string const& db, std::string const& worker_id, std::string const& rules);

}  // namespace rw::cli
