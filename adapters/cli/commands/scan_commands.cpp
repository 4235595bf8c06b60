// actions and audit: every dossier of the store, streamed (one ordered pass per table), evaluated on
// every core by the batch runner, results in worker-id order. Memory does not grow with the
// number of workers: detail rows are spooled to a temporary file so that the summary can come first.
#include "cli_common.hpp"
#include "report_text.hpp"
#include "rules_support.hpp"
#include "rw/adapters/sqlite/store.hpp"
#include "rw/engine/batch.hpp"
#include "safe_output.hpp"

#include <unistd.h>

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

std::string csv_field(std::string const& raw, char sep) {
    // Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with one of
    // = + - @ tab CR; a leading apostrophe makes it text, and the field is quoted.
    bool formula = !raw.empty() && std::string("=+-@\t\r").find(raw.front()) != std::string::npos;
    std::string const s = formula ? "'" + raw : raw;
    if (!formula && s.find_first_of(std::string("\"\n\r") + sep) == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string html(std::string const& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

struct scan_inputs {
    std::shared_ptr<engine::program const> prog;
    std::optional<sq::store> store;
    engine::agency agency;
    std::vector<engine::client> clients;
    std::vector<engine::data_issue> reference_issues;
};

int open_inputs(std::string const& db, std::string const& rules, scan_inputs& in) {
    if (auto e = std_streams_are_store(db)) {
        std::cerr << "regelwerk: " << *e << "\n";
        return bad_input;
    }
    try {
        in.store.emplace(sq::store::open(db, sq::open_mode::read_only));
        if (!in.store->notice().empty()) std::cerr << "regelwerk: note: " << in.store->notice() << "\n";
        auto ag = in.store->load_agency(&in.reference_issues);
        if (!ag) {
            std::cerr << "regelwerk: '" << db << "' has no agency (import a dossier first)\n";
            return bad_input;
        }
        in.agency = *ag;
        in.clients = in.store->load_clients(&in.reference_issues);
    } catch (sq::store_error const& e) {
        std::cerr << "regelwerk: " << e.what() << "\n";
        return bad_input;
    }
    in.prog = load_rules(rules);
    return in.prog ? ok : bad_input;
}

/// Streams every worker through the engine; `visit` sees each worker's findings in id order.
void scan(scan_inputs& in, engine::evaluation_options opts, unsigned threads, std::string const& only_worker,
          std::function<void(engine::worker const&, std::vector<finding>&&)> const& visit, std::uint64_t* hash) {
    engine::client_index idx(in.clients);
    progress_line progress(only_worker.empty() ? in.store->worker_count() : 1);
    std::int64_t done = 0;
    engine::batch_runner runner(in.prog, in.agency, idx, opts, threads, [&](engine::evaluated_worker&& item) {
        auto fs = std::move(item.result.findings);
        for (auto const& issue : item.issues) fs.push_back(engine::data_quality_finding(issue));
        visit(item.w, std::move(fs));
        progress.tick(++done);
    });
    if (!only_worker.empty()) {
        std::vector<engine::data_issue> issues;
        if (auto w = in.store->load_worker(only_worker, &issues)) runner.push(std::move(*w), std::move(issues));
    } else {
        in.store->for_each_worker(
            [&](engine::worker&& w, std::vector<engine::data_issue>&& issues) {
                runner.push(std::move(w), std::move(issues));
                return true;
            },
            [&](engine::data_issue&& orphan) {
                engine::worker ghost;
                ghost.id = orphan.worker_id;
                visit(ghost, {engine::data_quality_finding(orphan)});
            },
            hash);
    }
    runner.finish();
    progress.done();
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
    engine::evaluation_options opts;
    opts.reference = parse_at(at);
    opts.facts = false;
    opts.lang = lang;
    if (within) opts.lead_days = 7 * *within;
    struct row {
        finding f;
        std::string name;
    };
    std::vector<row> rows;  // actions are few: the list an intercedent reads on Monday
    scan(in, opts, threads, worker_id, [&](engine::worker const& w, std::vector<finding>&& fs) {
        for (auto& f : fs)
            if (f.kind == finding_kind::action) rows.push_back({std::move(f), w.name});
    }, nullptr);
    if (worker_id.empty()) {
        engine::evaluator ev(in.prog);
        for (auto& f : ev.evaluate_agency(in.agency, opts))
            if (f.kind == finding_kind::action) rows.push_back({std::move(f), in.agency.name});
    }
    std::vector<finding> sorted;
    for (auto& r : rows) sorted.push_back(r.f);
    engine::sort_findings(sorted);
    std::map<std::string, std::string> names;
    for (auto const& r : rows) names[r.f.worker] = r.name;
    bool en = lang == "en";
    char s = sep.empty() ? ',' : sep[0];
    if (format == "csv") {
        std::cout << "status" << s << "due" << s << "worker" << s << "name" << s << "rule" << s << "contract" << s << "placement"
                  << s << "article" << s << "advice" << s << "message\n";
        for (auto const& f : sorted) {
            std::cout << (f.overdue ? "overdue" : "open") << s << (f.due ? engine::format_date(*f.due) : "") << s
                      << csv_field(f.worker, s) << s << csv_field(names[f.worker], s) << s << f.rule << s
                      << csv_field(f.contract, s) << s << csv_field(f.placement, s) << s
                      << csv_field(f.citations.empty() ? "" : f.citations.front(), s) << s
                      << csv_field(en ? f.advice_en : f.advice_nl, s) << s << csv_field(en ? f.message_en : f.message_nl, s) << "\n";
        }
        return ok;
    }
    if (format == "json") {
        auto arr = nlohmann::ordered_json::array();
        for (auto const& f : sorted) {
            auto j = finding_json(f, lang, false);
            j["name"] = names[f.worker];
            arr.push_back(j);
        }
        std::cout << arr.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return ok;
    }
    std::cout << (en ? "Actions for " : "Acties voor ") << terminal_safe(in.agency.name) << (en ? " on " : " op ")
              << engine::format_date_long(opts.reference, lang) << " (" << sorted.size() << ")\n\n";
    for (auto const& f : sorted) {
        std::string status = f.overdue ? (en ? "OVERDUE" : "TE LAAT") : "";
        std::string who = f.worker.empty() ? (en ? "(agency)" : "(bureau)") : f.worker + " " + names[f.worker];
        std::string article = f.citations.empty() ? "" : f.citations.front().substr(0, f.citations.front().find(": "));
        std::printf("%-8s %-10s  %s  %-34s  %s\n", status.c_str(), f.due ? engine::format_date(*f.due).c_str() : "",
                    column(who, 28).c_str(), f.rule.c_str(), article.c_str());
        std::string advice = en ? f.advice_en : f.advice_nl;
        auto dot = advice.find(". ");
        std::printf("%-8s %-10s  %s\n", "", "", terminal_safe(dot == std::string::npos ? advice : advice.substr(0, dot + 1)).c_str());
    }
    if (sorted.empty()) std::cout << (en ? "Nothing to do.\n" : "Niets te doen.\n");
    return ok;
}

// ---- audit ---------------------------------------------------------------------------------------

struct rule_stats {
    std::array<std::size_t, 4> by_kind{};
    std::size_t total = 0;
    std::vector<std::pair<finding, std::string>> sample;  // capped: the per-rule table of the HTML report
    std::size_t omitted = 0;
};

struct audit_summary {
    std::size_t workers = 0, findings = 0, overdue = 0, workers_with_findings = 0;
    std::array<std::size_t, 4> by_kind{};
    std::map<std::string, rule_stats> by_rule;
};

constexpr std::size_t html_rows_per_rule = 250;

void write_summary_text(std::ostream& out, audit_summary const& s, std::string const& agency, engine::day R,
                        std::string const& lang) {
    bool en = lang == "en";
    out << (en ? "Audit of " : "Controle van ") << terminal_safe(agency) << (en ? " on " : " op ") << engine::format_date_long(R, lang) << "\n";
    out << "  " << (en ? "workers checked" : "gecontroleerde dossiers") << ": " << s.workers << "\n";
    out << "  " << (en ? "workers with findings" : "dossiers met bevindingen") << ": " << s.workers_with_findings << "\n";
    out << "  " << (en ? "findings" : "bevindingen") << ": " << s.findings << " (";
    for (int k = 0; k < 4; ++k)
        out << (k ? ", " : "") << s.by_kind[static_cast<std::size_t>(k)] << ' '
            << kind_label(static_cast<finding_kind>(k), lang);
    out << ")\n";
    out << "  " << (en ? "overdue actions" : "acties te laat") << ": " << s.overdue << "\n";
    std::vector<std::pair<std::size_t, std::string>> top;
    for (auto const& [rule, st] : s.by_rule) top.emplace_back(st.total, rule);
    std::sort(top.begin(), top.end(), [](auto const& a, auto const& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    out << "\n" << (en ? "Rules with most findings" : "Regels met de meeste bevindingen") << "\n";
    for (std::size_t i = 0; i < top.size() && i < 10; ++i) {
        auto const& st = s.by_rule.at(top[i].second);
        char buf[160];
        std::snprintf(buf, sizeof buf, "  %2zu. %-34s %8zu  (%zu/%zu/%zu/%zu)\n", i + 1, top[i].second.c_str(), top[i].first,
                      st.by_kind[0], st.by_kind[1], st.by_kind[2], st.by_kind[3]);
        out << buf;
    }
    out << "\n" << (en ? "Findings by rule (violation/action/warning/info)" : "Bevindingen per regel (overtreding/actie/waarschuwing/info)") << "\n";
    for (auto const& [rule, st] : s.by_rule) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "  %-34s %8zu  %zu/%zu/%zu/%zu\n", rule.c_str(), st.total, st.by_kind[0], st.by_kind[1],
                      st.by_kind[2], st.by_kind[3]);
        out << buf;
    }
}

void write_html(std::ostream& out, audit_summary const& s, scan_inputs const& in, engine::day R, std::string const& lang,
                std::string const& store_hash, double seconds, std::string const& db) {
    bool en = lang == "en";
    char const* kind_colors[] = {"#b3261e", "#c77700", "#6b5b95", "#2e7d32"};
    out << "<!DOCTYPE html>\n<html lang=\"" << (en ? "en" : "nl") << "\"><head><meta charset=\"utf-8\">\n<title>"
        << (en ? "Compliance audit " : "Nalevingscontrole ") << html(in.agency.name) << " — " << engine::format_date(R) << "</title>\n"
        << "<style>\nbody{font-family:Georgia,'Times New Roman',serif;max-width:60rem;margin:2rem auto;color:#1b1b1b;line-height:1.35}\n"
           "h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999;page-break-after:avoid}\n"
           "table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.2rem .4rem;vertical-align:top;text-align:left}\n"
           "th{background:#eee}td.n{text-align:right}.k0{color:#b3261e}.k1{color:#c77700}.k2{color:#6b5b95}.k3{color:#2e7d32}\n"
           ".colophon{font-size:.8rem;color:#555;margin-top:3rem;border-top:1px solid #999;padding-top:.5rem}\n"
           "@media print{body{margin:1cm;max-width:none}section.rule{page-break-inside:auto}tr{page-break-inside:avoid}}\n</style></head><body>\n";
    out << "<h1>" << (en ? "Compliance audit" : "Nalevingscontrole") << ": " << html(in.agency.name) << "</h1>\n<p>"
        << (en ? "Reference date " : "Peildatum ") << engine::format_date_long(R, lang) << " · " << s.workers
        << (en ? " dossiers checked" : " dossiers gecontroleerd") << "</p>\n";
    out << "<h2>" << (en ? "Summary" : "Samenvatting") << "</h2>\n<table><tr><th>" << (en ? "dossiers checked" : "gecontroleerde dossiers")
        << "</th><td class=n>" << s.workers << "</td></tr><tr><th>" << (en ? "dossiers with findings" : "dossiers met bevindingen")
        << "</th><td class=n>" << s.workers_with_findings << "</td></tr><tr><th>" << (en ? "findings" : "bevindingen")
        << "</th><td class=n>" << s.findings << "</td></tr>";
    for (std::size_t k = 0; k < 4; ++k)
        out << "<tr><th class=k" << k << ">" << kind_label(static_cast<finding_kind>(k), lang) << "</th><td class=n>" << s.by_kind[k]
            << "</td></tr>";
    out << "<tr><th>" << (en ? "overdue actions" : "acties te laat") << "</th><td class=n>" << s.overdue << "</td></tr></table>\n";
    // Bar chart: findings per rule, stacked by kind (inline SVG, no network).
    std::size_t max = 1;
    for (auto const& [r, st] : s.by_rule) max = std::max(max, st.total);
    int const row_h = 18, label_w = 250, bar_w = 430;
    int height = static_cast<int>(s.by_rule.size()) * row_h + 30;
    out << "<h2>" << (en ? "Findings per rule" : "Bevindingen per regel") << "</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        << label_w + bar_w + 70 << "\" height=\"" << height << "\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n";
    int y = 0;
    for (auto const& [rule, st] : s.by_rule) {
        out << "<text x=\"" << label_w - 6 << "\" y=\"" << y + 13 << "\" text-anchor=\"end\">" << html(rule) << "</text>";
        double x = label_w;
        for (std::size_t k = 0; k < 4; ++k) {
            if (!st.by_kind[k]) continue;
            double w = static_cast<double>(bar_w) * static_cast<double>(st.by_kind[k]) / static_cast<double>(max);
            out << "<rect x=\"" << x << "\" y=\"" << y + 3 << "\" width=\"" << std::max(w, 1.0) << "\" height=\"" << row_h - 5
                << "\" fill=\"" << kind_colors[k] << "\"><title>" << st.by_kind[k] << ' ' << kind_label(static_cast<finding_kind>(k), lang)
                << "</title></rect>";
            x += std::max(w, 1.0);
        }
        out << "<text x=\"" << x + 4 << "\" y=\"" << y + 13 << "\">" << st.total << "</text>\n";
        y += row_h;
    }
    int lx = label_w;
    for (std::size_t k = 0; k < 4; ++k) {
        out << "<rect x=\"" << lx << "\" y=\"" << y + 8 << "\" width=\"10\" height=\"10\" fill=\"" << kind_colors[k] << "\"/><text x=\""
            << lx + 14 << "\" y=\"" << y + 17 << "\">" << kind_label(static_cast<finding_kind>(k), lang) << "</text>";
        lx += 100;
    }
    out << "</svg>\n";
    for (auto const& [rule, st] : s.by_rule) {
        out << "<section class=rule><h2>" << html(rule) << " <small>(" << st.total << ")</small></h2>\n";
        if (!st.sample.empty() && !st.sample.front().first.citations.empty())
            out << "<p><em>" << html(st.sample.front().first.citations.front()) << "</em></p>\n";
        out << "<table><tr><th>" << (en ? "worker" : "uitzendkracht") << "</th><th>" << (en ? "kind" : "soort") << "</th><th>"
            << (en ? "due/since" : "termijn/sinds") << "</th><th>contract</th><th>" << (en ? "placement" : "plaatsing") << "</th><th>"
            << (en ? "finding" : "bevinding") << "</th></tr>\n";
        for (auto const& [f, name] : st.sample)
            out << "<tr><td>" << html(f.worker) << "<br>" << html(name) << "</td><td class=k" << static_cast<int>(f.kind) << ">"
                << kind_label(f.kind, lang) << (f.overdue ? (en ? " (overdue)" : " (te laat)") : "") << "</td><td>"
                << (f.due ? engine::format_date(*f.due) : "") << "</td><td>" << html(f.contract) << "</td><td>" << html(f.placement)
                << "</td><td>" << html(en ? f.message_en : f.message_nl) << "</td></tr>\n";
        out << "</table>\n";
        if (st.omitted)
            out << "<p>" << (en ? "… and " : "… en nog ") << st.omitted
                << (en ? " more (see the CSV or JSON export for every row)." : " (zie de CSV- of JSON-export voor alle rijen).") << "</p>\n";
        out << "</section>\n";
    }
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2f", seconds);
    out << "<div class=colophon>" << (en ? "Reference date " : "Peildatum ") << engine::format_date(R) << " · regelwerk " << RW_VERSION
        << " · " << (en ? "rule set " : "regelset ") << in.prog->rules_hash << " (" << in.prog->rules.size() << (en ? " rules" : " regels")
        << ") · " << (en ? "store " : "gegevens ") << html(db) << " (" << store_hash << ") · " << (en ? "run time " : "looptijd ") << secs
        << " s</div>\n</body></html>\n";
}

int run_audit(std::string const& db, std::string const& at, std::string const& format, std::string const& out_path,
              std::string const& lang, std::string const& rules, std::string const& sep, unsigned threads,
              std::string const& fail_on) {
    auto started = std::chrono::steady_clock::now();
    scan_inputs in;
    if (int rc = open_inputs(db, rules, in); rc != ok) return rc;
    engine::evaluation_options opts;
    opts.reference = parse_at(at);
    opts.facts = false;
    opts.lang = lang;
    bool en = lang == "en";
    char s = sep.empty() ? ',' : sep[0];
    audit_summary sum;
    // Detail rows go to a spool file while scanning, so that the summary can precede them.
    std::FILE* spool = std::tmpfile();
    if (!spool) {
        std::cerr << "regelwerk: cannot create a temporary file\n";
        return bad_input;
    }
    std::string line;
    auto record = [&](finding const& f, std::string const& name) {
        auto k = static_cast<std::size_t>(f.kind);
        ++sum.findings;
        ++sum.by_kind[k];
        if (f.overdue) ++sum.overdue;
        auto& st = sum.by_rule[f.rule];
        ++st.by_kind[k];
        ++st.total;
        if (format == "html") {
            if (st.sample.size() < html_rows_per_rule) st.sample.emplace_back(f, name);
            else ++st.omitted;
            return;
        }
        std::string citation = f.citations.empty() ? "" : f.citations.front();
        std::string msg = en ? f.message_en : f.message_nl;
        if (format == "csv") {
            line = csv_field(f.worker, s) + s + csv_field(name, s) + s + f.rule + s + engine::to_string(f.kind) + s +
                   (f.due ? engine::format_date(*f.due) : "") + s + (f.overdue ? "yes" : "no") + s + csv_field(f.contract, s) + s +
                   csv_field(f.placement, s) + s + csv_field(citation, s) + s + csv_field(msg, s) + "\n";
        } else if (format == "json") {
            auto j = finding_json(f, lang, false);
            j["name"] = name;
            line = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
        } else {
            line = "  " + (f.worker.empty() ? std::string("(bureau)") : terminal_safe(f.worker)) + "  " + f.rule + "  " +
                   kind_label(f.kind, lang) + (f.due ? "  " + engine::format_date(*f.due) : "") +
                   (f.overdue ? (en ? " (overdue)" : " (te laat)") : "") +
                   (f.contract.empty() ? "" : "  contract " + terminal_safe(f.contract)) +
                   (f.placement.empty() ? "" : "  plaatsing " + terminal_safe(f.placement)) + "\n      " + terminal_safe(msg) +
                   "\n      " + citation + "\n";
        }
        std::fwrite(line.data(), 1, line.size(), spool);
    };
    std::uint64_t hash = in.store->reference_data_hash();
    for (auto const& issue : in.reference_issues) record(engine::data_quality_finding(issue), "");
    {
        engine::evaluator ev(in.prog);
        for (auto const& f : ev.evaluate_agency(in.agency, opts)) record(f, in.agency.name);
    }
    scan(in, opts, threads, "", [&](engine::worker const& w, std::vector<finding>&& fs) {
        ++sum.workers;
        if (!fs.empty()) ++sum.workers_with_findings;
        for (auto const& f : fs) record(f, w.name);
    }, &hash);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char hash_text[24];
    std::snprintf(hash_text, sizeof hash_text, "%016llx", static_cast<unsigned long long>(hash));

    // The spool must hold every row: a full temporary folder would otherwise cut the report short.
    if (std::fflush(spool) != 0 || std::ferror(spool)) {
        std::cerr << "regelwerk: cannot write the temporary file for the report: " << std::strerror(errno) << "\n";
        std::fclose(spool);
        return bad_input;
    }
    std::string error;
    auto target = safe_output::open(out_path, db, error);
    if (!target) {
        std::cerr << "regelwerk: " << error << "\n";
        std::fclose(spool);
        return bad_input;
    }
    std::ostream& out = target->stream();
    if (format == "html") {
        write_html(out, sum, in, opts.reference, lang, hash_text, seconds, db);
    } else {
        if (format == "csv")
            out << "worker" << s << "name" << s << "rule" << s << "kind" << s << "due" << s << "overdue" << s << "contract" << s
                << "placement" << s << "citation" << s << "message\n";
        else if (format == "text") {
            write_summary_text(out, sum, in.agency.name, opts.reference, lang);
            out << "\n" << (en ? "Detail" : "Details") << "\n";
        }
        std::rewind(spool);
        char buf[1 << 16];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, spool)) > 0) out.write(buf, static_cast<std::streamsize>(n));
        if (format == "text") {
            char secs[32];
            std::snprintf(secs, sizeof secs, "%.2f", seconds);
            out << "\nregelwerk " << RW_VERSION << " · " << (en ? "rule set " : "regelset ") << in.prog->rules_hash << " · "
                << (en ? "store " : "gegevens ") << hash_text << " · " << secs << " s\n";
        }
    }
    bool spool_ok = !std::ferror(spool);
    std::fclose(spool);
    if (!spool_ok) {
        std::cerr << "regelwerk: cannot read back the temporary file for the report\n";
        return bad_input;
    }
    if (!target->commit(error)) {
        std::cerr << "regelwerk: " << error << "\n";
        return bad_input;
    }
    if (!out_path.empty()) {
        write_summary_text(std::cout, sum, in.agency.name, opts.reference, lang);
        std::cout << "\n" << (en ? "Report written to " : "Rapport geschreven naar ") << out_path << "\n";
    }
    if (fail_on == "violation" && sum.by_kind[0] > 0) return findings;
    if (fail_on == "action" && (sum.by_kind[0] + sum.by_kind[1]) > 0) return findings;
    if (fail_on == "any" && sum.findings > 0) return findings;
    return ok;
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
    };
    auto uo = std::make_shared<audit_opts>();
    auto* u = app.add_subcommand("audit", "Check every dossier as of a date and write the report (never writes to the store)");
    u->add_option("--db", uo->db, "SQLite store")->required();
    u->add_option("--at", uo->at, "Reference date (YYYY-MM-DD); default today")->check(non_empty_date);
    u->add_option("--format", uo->format, "text | csv | json (JSON lines) | html")
        ->check(CLI::IsMember({"text", "csv", "json", "html"}))
        ->capture_default_str();
    u->add_option("--out", uo->out, "Write the report to this file (the summary still goes to stdout)");
    u->add_option("--separator", uo->sep, "CSV separator (';' for Dutch Excel)")->check(CLI::IsMember({",", ";"}));
    u->add_option("--lang", uo->lang, "nl | en")->check(CLI::IsMember({"nl", "en"}))->capture_default_str();
    u->add_option("--threads", uo->threads, "Evaluation threads (0 = every core, at most 256)")->check(CLI::Range(0, 256));
    u->add_option("--fail-on", uo->fail_on, "Exit 1 when there are findings of this kind: violation | action | any")
        ->check(CLI::IsMember({"violation", "action", "any"}));
    add_rules_options(u, uo->rules);
    u->callback([&result, uo] {
        result = guarded(uo->db, [&] {
            return run_audit(uo->db, uo->at, uo->format, uo->out, uo->lang, uo->rules, uo->sep, uo->threads, uo->fail_on);
        });
    });
}

}  // namespace rw::cli
