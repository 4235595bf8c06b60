// import, export, workers: moving dossiers between YAML files and the store.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "rw/engine/matching.hpp"
#include "rw/dsl/diagnostic.hpp"
#include "safe_output.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <iostream>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;
namespace ya = rw::adapters::yaml;


// The byte offset of `needle` in `text` at or after `from`, ignoring case; npos when absent.
static std::size_t find_nocase(std::string const& text, std::string_view needle, std::size_t from) {
    if (needle.empty()) return std::string::npos;
    auto low = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && low(text[i + k]) == low(needle[k])) ++k;
        if (k == needle.size()) return i;
    }
    return std::string::npos;
}

// Issue 12: a vacancy whose requirement or wish text names a protected ground (AWGB, WGBL) gets a
// warning per item, with the ground and a neutral alternative, from the same word list the matcher
// uses (rules/matching/discriminatie.rw). Matching never uses such a requirement; the import goes on.
// The place is found by searching the file for the item's text after the vacancy's id (a YAML
// scalar written with escapes or folding is not found: then only the file is named).
static void warn_protected_grounds(std::vector<engine::dossier> const& dossiers,
                                   std::vector<dsl::source_ptr> const& sources, std::string const& rules) {
    bool any = false;
    for (auto const& d : dossiers)
        for (auto const& k : d.clients) any = any || !k.vacancies.empty();
    if (!any) return;
    auto prog = load_rules(rules);
    if (!prog) {
        std::cerr << "regelwerk: warning: the rules did not load; vacancy texts were not checked for protected grounds\n";
        return;
    }
    for (std::size_t di = 0; di < dossiers.size(); ++di) {
        auto const& src = sources[di];
        std::string const& text = src->text();
        for (auto const& k : dossiers[di].clients)
            for (auto const& v : k.vacancies) {
                std::vector<std::pair<std::string, std::string>> items;
                auto add_list = [&items](std::string const& path, std::vector<std::string> const& xs) {
                    for (std::size_t i = 0; i < xs.size(); ++i)
                        items.emplace_back(path + "[" + std::to_string(i) + "]", xs[i]);
                };
                auto const& rq = v.requirements;
                if (rq.text) items.emplace_back("requirements.text", *rq.text);
                add_list("requirements.skills", rq.skills);
                add_list("requirements.certificates", rq.certificates);
                add_list("requirements.licences", rq.licences);
                add_list("requirements.languages", rq.languages);
                add_list("wishes.skills", v.wishes.skills);
                add_list("wishes.certificates", v.wishes.certificates);
                add_list("wishes.languages", v.wishes.languages);
                // Search from the vacancy's id (the first "id: V" after the client's id).
                std::size_t base = find_nocase(text, k.id, 0);
                std::size_t vpos = find_nocase(text, v.id, base == std::string::npos ? 0 : base);
                if (vpos == std::string::npos) vpos = 0;
                for (auto const& [path, item] : items) {
                    auto terms = engine::discriminatory_terms(*prog, item, v.start);
                    if (terms.empty()) continue;
                    std::size_t ipos = find_nocase(text, item, vpos);
                    // In the order the words stand in the text.
                    auto in_item = [&item](engine::discriminatory_term const& t) {
                        auto in = find_nocase(item, t.found, 0);
                        return in == std::string::npos ? std::size_t{0} : in;
                    };
                    std::stable_sort(terms.begin(), terms.end(),
                                     [&](auto const& a, auto const& b) { return in_item(a) < in_item(b); });
                    for (auto const& t : terms) {
                        std::string where = src->path();
                        if (ipos != std::string::npos) {
                            auto lc = src->position(static_cast<std::uint32_t>(ipos + in_item(t)));
                            where += ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
                        }
                        std::cerr << where << ": warning: vacancy " << v.id << " of client " << k.id << ", " << path
                                  << ": \"" << t.found << "\" names a protected ground (" << t.ground
                                  << "); matching never uses this requirement; neutral alternative: " << t.alternative
                                  << "\n";
                    }
                }
            }
    }
}

static int run_import(std::string const& db, std::vector<std::string> const& files, std::string const& rules) {
    if (auto e = std_streams_are_store(db)) {
        std::cerr << "regelwerk: " << *e << "\n";
        return bad_input;
    }
    // Read and check every file first: a bad file means nothing is written.
    std::vector<engine::dossier> dossiers;
    std::vector<dsl::source_ptr> sources;
    dsl::diagnostics diags;
    for (auto const& f : files) {
        dsl::source_ptr src;
        try {
            src = dsl::load_source(f);
        } catch (std::exception const& e) {
            std::cerr << "regelwerk: " << e.what() << "\n";
            return bad_input;
        }
        if (auto d = ya::read_dossier(src, diags)) {
            dossiers.push_back(std::move(*d));
            sources.push_back(src);
        }
    }
    std::cerr << dsl::render_all(diags);
    if (diags.has_errors()) {
        std::cerr << "regelwerk: import refused: " << diags.error_count() << " error(s); the store was not changed\n";
        return bad_input;
    }
    warn_protected_grounds(dossiers, sources, rules);
    try {
        auto s = sq::store::open(db, sq::open_mode::create);
        s.import(dossiers);
        std::size_t workers = 0, clients = 0;
        for (auto const& d : dossiers) {
            workers += d.workers.size();
            clients += d.clients.size();
        }
        spdlog::get("store")->info("imported {} file(s) into {}", files.size(), db);
        std::cout << "imported " << workers << " worker(s) and " << clients << " client(s) from " << files.size()
                  << " file(s) into " << db << "\n";
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    return ok;
}

/// "worker W1 contract C1: hours_milli: 'x' is not a whole number"
static std::string describe_issue(engine::data_issue const& i) {
    std::string where = i.worker_id.empty() ? "" : "worker " + i.worker_id + " ";
    where += i.table + (i.record.empty() || i.record == i.worker_id ? "" : " " + i.record);
    return where + ": " + i.message;
}

static int run_export(std::string const& db, std::string const& worker_id, std::string const& out_path, bool skip_bad) {
    try {
        auto s = sq::store::open(db, sq::open_mode::read_only);
        if (!s.notice().empty()) std::cerr << "regelwerk: note: " << s.notice() << "\n";
        engine::dossier d;
        std::vector<engine::data_issue> issues;
        if (worker_id.empty()) {
            d = s.load_all(&issues);
        } else {
            auto w = s.load_worker(worker_id, &issues);
            if (!w) {
                std::cerr << "regelwerk: no worker '" << worker_id << "' in " << db << "\n";
                return bad_input;
            }
            if (auto a = s.load_agency(&issues)) d.agency_info = *a;
            // Only the clients this worker's placements refer to, so the export stands alone.
            for (auto& c : s.load_clients(&issues))
                for (auto const& p : w->placements)
                    if (p.client == c.id) {
                        d.clients.push_back(c);
                        break;
                    }
            d.workers.push_back(std::move(*w));
        }
        // An export is a backup: a row it cannot read is never silently dropped or changed.
        for (auto const& i : issues)
            std::cerr << "regelwerk: " << (skip_bad ? "skipped: " : "cannot read: ") << describe_issue(i) << "\n";
        if (!issues.empty() && !skip_bad) {
            std::cerr << "regelwerk: export refused: " << issues.size()
                      << " row(s) or value(s) cannot be read; nothing was written (--skip-bad-rows exports the rest)\n";
            return bad_input;
        }
        if (!issues.empty()) {
            // A placement whose contract was skipped is skipped too (listed above): the export must import.
            for (auto& w : d.workers)
                std::erase_if(w.placements, [&](engine::placement const& p) {
                    return std::none_of(w.contracts.begin(), w.contracts.end(),
                                        [&](engine::contract const& c) { return c.id == p.contract; });
                });
            std::cerr << "regelwerk: exported without " << issues.size() << " unreadable row(s) or value(s) listed above\n";
        }
        std::string text = ya::write_dossier(d);
        std::string error;
        auto out = safe_output::open(out_path, db, error);
        if (!out) {
            std::cerr << "regelwerk: " << error << "\n";
            return bad_input;
        }
        out->stream() << text;
        if (!out->commit(error)) {
            std::cerr << "regelwerk: " << error << "\n";
            return bad_input;
        }
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    return ok;
}

/// The workers of a store with their phase and whether they are sick on the reference date (a
/// sickness that has ended is history, not a count people act on).
static int run_workers(std::string const& db, std::string const& at, std::string const& rules) {
    if (auto e = std_streams_are_store(db)) {
        std::cerr << "regelwerk: " << *e << "\n";
        return bad_input;
    }
    engine::day R = parse_at(at);
    auto prog = load_rules(rules);
    if (!prog) return bad_input;
    try {
        auto s = sq::store::open(db, sq::open_mode::read_only);
        if (!s.notice().empty()) std::cerr << "regelwerk: note: " << s.notice() << "\n";
        auto list = s.list_workers();
        auto ag = s.load_agency();
        auto clients = s.load_clients();
        engine::client_index idx(clients);
        engine::evaluator ev(prog);
        engine::evaluation_options opts{R, false};
        std::printf("%-10s %-28s %9s %10s %-11s %-11s %-5s %-4s\n", "worker", "name", "contracts", "placements", "first start",
                    "last end", "phase", "sick");
        for (auto const& w : list) {
            std::string first = w.first_start ? engine::format_date(*w.first_start) : "-";
            std::string last = w.open_contract ? "open" : (w.last_end ? engine::format_date(*w.last_end) : "-");
            std::string phase = "-", sick = "-";
            if (auto full = s.load_worker(w.id)) {
                bool now = std::any_of(full->sicknesses.begin(), full->sicknesses.end(), [&](engine::sickness const& z) {
                    return z.first_day <= R && (!z.recovered_on || R < *z.recovered_on);
                });
                sick = now ? "yes" : "no";
                if (ag)
                    for (auto const& f : ev.evaluate_worker(*ag, idx, *full, opts).facts)
                        if (f.name == "fase" && !f.v.empty()) phase = f.display;
            }
            std::printf("%-10s %s %9d %10d %-11s %-11s %-5s %-4s\n", terminal_safe(w.id).c_str(), column(w.name, 28).c_str(), w.contracts,
                        w.placements, first.c_str(), last.c_str(), terminal_safe(phase).c_str(), sick.c_str());
        }
        std::printf("%zu worker(s) on %s\n", list.size(), engine::format_date(R).c_str());
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    return ok;
}

void register_store_commands(CLI::App& app, int& result) {
    // Option storage lives in shared_ptrs captured by the callbacks, which the App owns.
    struct import_opts {
        std::string db;
        std::vector<std::string> files;
        std::string rules = default_rules_dir();
    };
    auto io = std::make_shared<import_opts>();
    auto* imp = app.add_subcommand("import", "Import regelwerk/dossier-1 YAML files into a store (all or nothing)");
    imp->add_option("--db", io->db, "SQLite store (created if missing)")->required();
    imp->add_option("files", io->files, "YAML dossier files")->required()->check(CLI::ExistingFile);
    add_rules_options(imp, io->rules);
    imp->callback([&result, io] { result = run_import(io->db, io->files, io->rules); });

    struct export_opts {
        std::string db, worker, out;
        bool skip_bad = false;
    };
    auto eo = std::make_shared<export_opts>();
    auto* exp = app.add_subcommand("export", "Write the store (or one worker) as a regelwerk/dossier-1 YAML document");
    exp->add_option("--db", eo->db, "SQLite store")->required();
    exp->add_option("--worker", eo->worker, "Only this worker (with the agency and the clients it refers to)");
    exp->add_option("--out", eo->out, "Write to this file instead of stdout");
    exp->add_flag("--skip-bad-rows", eo->skip_bad,
                  "Export what can be read and list on stderr each row or value left out (default: refuse)");
    exp->callback([&result, eo] { result = run_export(eo->db, eo->worker, eo->out, eo->skip_bad); });

    struct workers_opts {
        std::string db, at, rules = default_rules_dir();
    };
    auto wo = std::make_shared<workers_opts>();
    auto* wk = app.add_subcommand("workers", "List the workers in a store, with their phase and whether they are sick on the reference date");
    wk->add_option("--db", wo->db, "SQLite store")->required();
    wk->add_option("--at", wo->at, "Reference date (YYYY-MM-DD); default today")->check(non_empty_date);
    add_rules_options(wk, wo->rules);
    wk->callback([&result, wo] { result = run_workers(wo->db, wo->at, wo->rules); });
}

}  // namespace rw::cli
