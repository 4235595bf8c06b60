// generate: a deterministic synthetic agency written straight into a new store (one transaction),
// for the demo, the benchmarks and load tests.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/synthetic.hpp"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;

static int run_generate(std::size_t workers, std::uint64_t seed, std::string const& db, std::string const& at,
                        std::string const& cao, int clients) {
    std::error_code ec;  // never throws: a looping or 300-character path is an answer, not an abort
    auto type = std::filesystem::symlink_status(db, ec).type();
    if (type != std::filesystem::file_type::not_found && type != std::filesystem::file_type::none) {
        std::cerr << "regelwerk: '" << db << "' exists; generate writes a new store (remove it first)\n";
        return bad_input;
    }
    engine::synthetic::settings s;
    s.seed = seed;
    s.reference = parse_at(at);
    s.cao = *engine::enum_from_string<engine::cao_kind>(cao);
    s.clients = clients;
    auto started = std::chrono::steady_clock::now();
    try {
        auto st = sq::store::open(db, sq::open_mode::create);
        auto cls = engine::synthetic::make_clients(s);
        sq::store::writer w(st);
        w.put_agency(engine::synthetic::make_agency(s));
        for (auto const& c : cls) w.put_client(c);
        bool tty = isatty(2) != 0;
        for (std::size_t i = 0; i < workers; ++i) {
            w.put_worker(engine::synthetic::make_worker(s, cls, i));
            if (tty && (i % 10000 == 0 || i + 1 == workers))
                std::fprintf(stderr, "\r  %zu / %zu workers", i + 1, workers);
        }
        if (tty) std::fprintf(stderr, "\n");
        w.commit();
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("generated %zu worker(s) and %d client(s) (seed %llu, reference date %s, cao %s) into %s in %.1f s\n", workers,
                clients, static_cast<unsigned long long>(seed), engine::format_date(s.reference).c_str(), cao.c_str(), db.c_str(),
                secs);
    return ok;
}

void register_generate_command(CLI::App& app, int& result) {
    struct opts {
        std::size_t workers = 1000;
        std::uint64_t seed = 1;
        std::string db, at, cao = "abu";
        int clients = 300;
    };
    auto o = std::make_shared<opts>();
    auto* c = app.add_subcommand("generate", "Write a deterministic synthetic agency into a new store");
    c->add_option("--workers", o->workers, "Number of workers")->required();
    c->add_option("--seed", o->seed, "Seed (the same seed gives the same store)")->capture_default_str();
    c->add_option("--db", o->db, "New SQLite store")->required();
    c->add_option("--at", o->at, "Reference date the histories run up to (default today)")->check(non_empty_date);
    c->add_option("--cao", o->cao, "abu | nbbu | none (none: the chain rule applies instead of the phases)")
        ->check(CLI::IsMember({"abu", "nbbu", "none"}))
        ->capture_default_str();
    c->add_option("--clients", o->clients, "Number of clients")->check(CLI::Range(1, 100000))->capture_default_str();
    c->callback([&result, o] { result = run_generate(o->workers, o->seed, o->db, o->at, o->cao, o->clients); });
}

}  // namespace rw::cli
