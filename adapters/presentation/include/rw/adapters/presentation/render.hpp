// Renderers: a view model in, text out (a stream or a string). Text for the terminal (dossier
// text made terminal-safe), CSV (fields quoted, formulas defused), JSON (nlohmann, invalid UTF-8
// replaced) and HTML (all dossier text escaped). Labels come from the message catalogue.
#pragma once

#include "rw/adapters/presentation/views.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>

namespace rw::adapters::presentation {

// ---- explanations and findings ------------------------------------------------------------------

/// How a due date relates to the reference date, for people: "vandaag", "morgen", "over 3 dagen",
/// "1 dag te laat", "17 dagen te laat" (en: today, tomorrow, in 3 days, 1 day late, 17 days late).
std::string relative_due(engine::day due, engine::day reference, language l);

/// How long an open violation has been going on: "sinds vandaag", "sinds 1 dag", "sinds 17 dagen"
/// (en: since today, for 1 day, for 17 days).
std::string relative_since(engine::day since, engine::day reference, language l);
/// A text for people with every ISO date ("2026-11-15") written with its weekday ("zo 15 nov
/// 2026") and every ISO week ("2023-W18") as the dates it runs ("ma 1 mei 2023 – zo 7 mei 2023").
std::string people_text(std::string_view s, language l);
/// The folder every rule file of the program is in ("/home/x/rules/"), to show rule locations
/// relative to the rulebook and not as paths of this machine; empty when there is none.
std::string rulebook_root(engine::program const& prog);

/// One explanation line ("parameter x = 5 (op 2026-01-05; vanaf ..., volgens ...)"): the rules'
/// own wording, for `--explain`. `root` (rulebook_root) is cut from rule locations.
std::string explanation_text(engine::explanation_line const& l, language lang, std::string_view root = {});
/// One explanation line as data: the human fields plus the typed reference (ids, version, span).
nlohmann::ordered_json explanation_json(engine::explanation_line const& l);
/// A finding as JSON (the shape of advise, actions and audit); `explain` adds the explanation.
nlohmann::ordered_json finding_json(finding_view const& f, bool explain);
/// Dumps JSON the way every command prints it: invalid UTF-8 replaced, not an exception.
std::string dump_json(nlohmann::ordered_json const& j, int indent);

// ---- advise -------------------------------------------------------------------------------------

void render_worker_text(std::ostream& out, worker_view const& v);
void render_worker_json(std::ostream& out, worker_view const& v);

// ---- actions ------------------------------------------------------------------------------------

void render_actions_text(std::ostream& out, action_list_view const& v);
void render_actions_csv(std::ostream& out, action_list_view const& v, char sep);
void render_actions_json(std::ostream& out, action_list_view const& v);

// ---- audit --------------------------------------------------------------------------------------

enum class audit_format { text, csv, json, html };
/// The CSV header line (with its newline).
std::string audit_csv_header(char sep);
/// One detail row (text, CSV or JSON lines), newline included; not for HTML. `explain` (JSON
/// lines only) adds the finding's explanation with its typed references.
std::string render_audit_row(audit_format format, finding_view const& f, language lang, char sep, bool explain = false,
                             engine::program const* prog = nullptr);
/// The summary block of the text report (also what `audit --out` prints on stdout).
void render_audit_summary_text(std::ostream& out, audit_report const& r);
/// The heading that separates the text summary from the detail rows.
void render_audit_detail_heading(std::ostream& out, audit_report const& r);
/// The last line of the text report (version, rule set, store, run time).
void render_audit_footer_text(std::ostream& out, audit_report const& r);
/// The whole HTML report (summary, chart, a sample of rows per rule, colophon).
void render_audit_html(std::ostream& out, audit_report const& r);
/// The audit as an Excel workbook at `path` (a summary sheet; one row per finding in `rows`, with
/// filters); false with `error` when the file cannot be written.
bool write_audit_xlsx(std::string const& path, audit_report const& r, std::vector<finding_view> const& rows, std::string& error);
/// The same workbook as bytes (for a download or a safe_output), or nullopt with `error`.
std::optional<std::string> render_audit_xlsx(audit_report const& r, std::vector<finding_view> const& rows, std::string& error);

}  // namespace rw::adapters::presentation
