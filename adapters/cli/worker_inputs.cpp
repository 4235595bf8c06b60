// See worker_inputs.hpp.
#include "worker_inputs.hpp"

#include "report_text.hpp"
#include "rules_support.hpp"
#include "safe_output.hpp"

#include <iostream>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;

std::optional<worker_inputs> open_worker_inputs(std::string const& db, std::string const& worker_id, std::string const& rules) {
    if (auto e = std_streams_are_store(db)) {
        std::cerr << "regelwerk: " << *e << "\n";
        return std::nullopt;
    }
    worker_inputs in;
    try {
        in.store.emplace(sq::store::open(db, sq::open_mode::read_only));
        if (!in.store->notice().empty()) std::cerr << "regelwerk: note: " << in.store->notice() << "\n";
        if (!in.store->load_worker(worker_id)) {
            std::cerr << "regelwerk: no worker '" << terminal_safe(worker_id) << "' in " << db << "\n";
            return std::nullopt;
        }
        auto ref = adapters::app::load_reference_data(*in.store);
        if (!ref) {
            std::cerr << "regelwerk: the store has no agency\n";
            return std::nullopt;
        }
        in.ref = std::move(*ref);
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return std::nullopt;
    }
    in.prog = load_rules(rules);
    if (!in.prog) return std::nullopt;
    return in;
}

}  // namespace rw::cli
