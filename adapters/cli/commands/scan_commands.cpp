// actions and audit: every dossier of the store, streamed (one ordered pass per table), evaluated on
// every core by the batch runner, results in worker-id order. Memory does not grow with the
// number of workers: detail rows are spooled to a temporary file so that the summary can come first.
// The views and their text, CSV, JSON and HTML forms are the presentation layer's.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/app/services.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/batch.hpp"
#include "safe_output.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <system_error>

namespace rw::cli {

namespace sq = rw::adapters::sqlite;
namespace pr = rw::adapters::presentation;
namespace app = rw::adapters::app;
using engine::finding;
using engine::finding_kind;

namespace {

/// A line on stderr while scanning, only when stderr is a terminal.
class progress_line {
public:
    explicit progress_line(std::int64_t total) : total_(total), on_(isatty(2) != 0), start_(clock::now()) {}
    void tick(std::int64_t done) {
        if (!on_) return;
        auto now = clock::now();
        if (now - last_ < std::chrono::milliseconds(250) && done != total_) return;
        last_ = now;
        double secs = std::chrono::duration<double>(now - start_).count();
        double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
        double left = rate > 0 ? static_cast<double>(total_ - done) / rate : 0;
        std::fprintf(stderr, "\r  %lld / %lld workers  ·  %.0f/s  ·  %.0f s left   ", static_cast<long long>(done),
                     static_cast<long long>(total_), rate, left);
        std::fflush(stderr);
    }
    void done() {
        if (on_) std::fprintf(stderr, "\r%80s\r", "");
    }

private:
    using clock = std::chrono::steady_clock;
    std::int64_t total_;
    bool on_;
    clock::time_point start_, last_;
};

struct scan_inputs {
    std::shared_ptr<engine::program const> prog;
    std::optional<sq::store> store;
    app::reference_data ref;
};

int open_inputs(std::string const& db, std::string const& rules, scan_inputs& in) {
    if (auto e = std_streams_are_store(db)) {
        std::cerr << "regelwerk: " << *e << "\n";
        return bad_input;
    }
    try {
        in.store.emplace(sq::store::open(db, sq::open_mode::read_only));
        if (!in.store->notice().empty()) std::cerr << "regelwerk: note: " << in.store->notice() << "\n";
        auto ref = app::load_reference_data(*in.store);
        if (!ref) {
            std::cerr << "regelwerk: '" << db << "' has no agency (import a dossier first)\n";
            return bad_input;
        }
        in.ref = std::move(*ref);
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    in.prog = load_rules(rules);
    return in.prog ? ok : bad_input;
}

/// A store that opened but fails while being read (a dropped table, a corrupt page), or a machine
/// that cannot start the threads: exit 2 with a message, not an abort.
template <typename F>
int guarded(std::string const& db, F&& run) {
    try {
        return run();
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: cannot read the store '" << db << "' (damaged, or changed by another program): " << e.what()
                  << "\n";
    } catch (std::system_error const& e) {
        std::cerr << "regelwerk: " << e.what() << " (try fewer --threads)\n";
    }
    return bad_input;
}

// ---- actions -------------------------------------------------------------------------------------

int run_actions(std::string const& db, std::string const& at, std::optional<int> within, std::string const& worker_id,
                std::string const& format, std::string const& lang, std::string const& rules, std::string const& sep,
                unsigned threads) {
    scan_inputs in;
    if (int rc = open_inputs(db, rules, in); rc != ok) return rc;
    if (!worker_id.empty() && !in.store->load_worker(worker_id)) {
        std::cerr << "regelwerk: no worker '" << terminal_safe(worker_id) << "' in " << db << "\n";
        return bad_input;
    }
    progress_line progress(worker_id.empty() ? in.store->worker_count() : 1);
    std::int64_t done = 0;
    auto view = app::action_list(*in.store, in.prog, in.ref, parse_at(at), language_of(lang), within, worker_id, threads,
                                 [&] { progress.tick(++done); });
    progress.done();
    if (format == "csv") pr::render_actions_csv(std::cout, view, sep.empty() ? ',' : sep[0]);
    else if (format == "json") pr::render_actions_json(std::cout, view);
    else pr::render_actions_text(std::cout, view);
    return ok;
}

// ---- audit ---------------------------------------------------------------------------------------

constexpr std::size_t html_rows_per_rule = 250;

int audit_exit(pr::audit_report const& report, std::string const& fail_on) {
    if (fail_on == "violation" && report.by_kind[0] > 0) return findings;
    if (fail_on == "action" && (report.by_kind[0] + report.by_kind[1]) > 0) return findings;
    if (fail_on == "any" && report.findings > 0) return findings;
    return ok;
}

int run_audit(std::string const& db, std::string const& at, std::string const& format, std::string const& out_path,
              std::string const& lang, std::string const& rules, std::string const& sep, unsigned threads,
              std::string const& fail_on, bool explain) {
    scan_inputs in;
    if (int rc = open_inputs(db, rules, in); rc != ok) return rc;
    engine::evaluation_options opts;
    opts.reference = parse_at(at);
    opts.facts = false;
    opts.lang = lang;
    opts.explain = explain;
    char s = sep.empty() ? ',' : sep[0];
    auto const l = language_of(lang);
    pr::audit_format const fmt = format == "html" ? pr::audit_format::html
                                 : format == "csv" ? pr::audit_format::csv
                                 : format == "json" ? pr::audit_format::json
                                                    : pr::audit_format::text;
    // Detail rows go to spool files while scanning, so that the summary can precede them. The
    // text report lists them by seriousness (one spool per level, read back in order); CSV and
    // JSON lines keep the scan's order.
    std::array<std::FILE*, 7> spools{};
    struct closer {
        std::array<std::FILE*, 7>& files;
        ~closer() {
            for (auto* f : files)
                if (f) std::fclose(f);
        }
    } close_spools{spools};
    for (std::size_t i = 0; i < (fmt == pr::audit_format::text ? spools.size() : 1); ++i)
        if (!(spools[i] = std::tmpfile())) {
            std::cerr << "regelwerk: cannot create a temporary file\n";
            return bad_input;
        }
    bool const xlsx = format == "xlsx";
    std::vector<pr::finding_view> xlsx_rows;  // a workbook is written at once: the rows are kept
    auto spool_row = [&](finding const& f, std::string const& name) {
        if (xlsx) {
            xlsx_rows.push_back(pr::make_finding_view(f, l, name, in.prog.get(), opts.reference));
            return;
        }
        if (fmt == pr::audit_format::html) return;
        auto view = pr::make_finding_view(f, l, name, in.prog.get(), opts.reference);
        std::string line = pr::render_audit_row(fmt, view, l, s, explain, in.prog.get());
        std::FILE* spool = spools[fmt == pr::audit_format::text ? static_cast<std::size_t>(view.seriousness) : 0];
        std::fwrite(line.data(), 1, line.size(), spool);
    };
    progress_line progress(in.store->worker_count());
    std::int64_t done = 0;
    auto report = app::audit(*in.store, in.prog, in.ref, opts, l, threads, fmt == pr::audit_format::html ? html_rows_per_rule : 0,
                             RW_VERSION, db, spool_row, [&] { progress.tick(++done); });
    progress.done();

    // The spools must hold every row: a full temporary folder would otherwise cut the report short.
    for (auto* spool : spools)
        if (spool && (std::fflush(spool) != 0 || std::ferror(spool))) {
            std::cerr << "regelwerk: cannot write the temporary file for the report: " << std::strerror(errno) << "\n";
            return bad_input;
        }
    std::string error;
    if (xlsx) {
        auto bytes = pr::render_audit_xlsx(report, xlsx_rows, error);
        if (!bytes || !write_file_safely(out_path, *bytes, db, error)) {
            std::cerr << "regelwerk: " << error << "\n";
            return bad_input;
        }
        pr::render_audit_summary_text(std::cout, report);
        std::cout << "\n" << pr::text(pr::msg::report_written_to, report.lang) << out_path << "\n";
        return fail_on.empty() ? ok : audit_exit(report, fail_on);
    }
    auto target = safe_output::open(out_path, db, error);
    if (!target) {
        std::cerr << "regelwerk: " << error << "\n";
        return bad_input;
    }
    std::ostream& out = target->stream();
    if (fmt == pr::audit_format::html) {
        pr::render_audit_html(out, report);
    } else {
        if (fmt == pr::audit_format::csv) out << pr::audit_csv_header(s);
        else if (fmt == pr::audit_format::text) {
            pr::render_audit_summary_text(out, report);
            pr::render_audit_detail_heading(out, report);
        }
        for (auto* spool : spools) {
            if (!spool) continue;
            std::rewind(spool);
            char buf[1 << 16];
            std::size_t n;
            while ((n = std::fread(buf, 1, sizeof buf, spool)) > 0) out.write(buf, static_cast<std::streamsize>(n));
        }
        if (fmt == pr::audit_format::text) pr::render_audit_footer_text(out, report);
    }
    bool spool_ok = std::none_of(spools.begin(), spools.end(), [](std::FILE* f) { return f && std::ferror(f); });
    if (!spool_ok) {
        std::cerr << "regelwerk: cannot read back the temporary file for the report\n";
        return bad_input;
    }
    if (!target->commit(error)) {
        std::cerr << "regelwerk: " << error << "\n";
        return bad_input;
    }
    if (!out_path.empty()) {
        pr::render_audit_summary_text(std::cout, report);
        std::cout << "\n" << pr::text(pr::msg::report_written_to, report.lang) << out_path << "\n";
    }
    return audit_exit(report, fail_on);
}

}  // namespace

void register_scan_commands(CLI::App& app, int& result) {
    struct action_opts {
        std::string db, at, worker, format = "text", lang = "nl", rules = default_rules_dir(), sep = ",";
        int within = 0;
        unsigned threads = 0;
    };
    auto ao = std::make_shared<action_opts>();
    auto* a = app.add_subcommand("actions", "What must be done by when, across all workers: overdue first, then by due date");
    a->add_option("--db", ao->db, "SQLite store")->required();
    a->add_option("--at", ao->at, "Reference date (YYYY-MM-DD); default today")->check(non_empty_date);
    auto* within = a->add_option("--within", ao->within, "List actions due within this many weeks (default: each rule's window, 8 weeks)")
                       ->check(CLI::Range(0, 520));
    a->add_option("--worker", ao->worker, "Only this worker");
    a->add_option("--format", ao->format, "text | csv | json")->check(CLI::IsMember({"text", "csv", "json"}))->capture_default_str();
    a->add_option("--separator", ao->sep, "CSV separator (';' for Dutch Excel)")->check(CLI::IsMember({",", ";"}));
    a->add_option("--lang", ao->lang, "nl | en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    a->add_option("--threads", ao->threads, "Evaluation threads (0 = every core, at most 256)")->check(CLI::Range(0, 256));
    add_rules_options(a, ao->rules);
    a->callback([&result, ao, within] {
        result = guarded(ao->db, [&] {
            return run_actions(ao->db, ao->at, within->count() ? std::optional<int>(ao->within) : std::nullopt, ao->worker,
                               ao->format, ao->lang, ao->rules, ao->sep, ao->threads);
        });
    });

    struct audit_opts {
        std::string db, at, format = "text", out, lang = "nl", rules = default_rules_dir(), sep = ",", fail_on;
        unsigned threads = 0;
        bool explain = false;
    };
    auto uo = std::make_shared<audit_opts>();
    auto* u = app.add_subcommand("audit", "Check every dossier as of a date and write the report (never writes to the store)");
    u->add_option("--db", uo->db, "SQLite store")->required();
    u->add_option("--at", uo->at, "Reference date (YYYY-MM-DD); default today")->check(non_empty_date);
    u->add_option("--format", uo->format, "text | csv | json (JSON lines) | html | xlsx (Excel; needs --out)")
        ->check(CLI::IsMember({"text", "csv", "json", "html", "xlsx"}))
        ->capture_default_str();
    u->add_option("--out", uo->out, "Write the report to this file (the summary still goes to stdout)");
    u->add_option("--separator", uo->sep, "CSV separator (';' for Dutch Excel)")->check(CLI::IsMember({",", ";"}));
    u->add_option("--lang", uo->lang, "nl | en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    u->add_option("--threads", uo->threads, "Evaluation threads (0 = every core, at most 256)")->check(CLI::Range(0, 256));
    u->add_option("--fail-on", uo->fail_on, "Exit 1 when there are findings of this kind: violation | action | any")
        ->check(CLI::IsMember({"violation", "action", "any"}));
    u->add_flag("--explain", uo->explain, "With --format json: add each finding's explanation, with typed references");
    add_rules_options(u, uo->rules);
    u->callback([&result, uo] {
        result = guarded(uo->db, [&] {
            if (uo->format == "xlsx" && uo->out.empty()) {
                std::cerr << "regelwerk: --format xlsx needs --out FILE.xlsx (a workbook is not text for a terminal)\n";
                return static_cast<int>(bad_input);
            }
            if (uo->explain && uo->format != "json") {
                std::cerr << "regelwerk: --explain needs --format json\n";
                return static_cast<int>(bad_input);
            }
            return run_audit(uo->db, uo->at, uo->format, uo->out, uo->lang, uo->rules, uo->sep, uo->threads, uo->fail_on,
                             uo->explain);
        });
    });
}

}  // namespace rw::cli
