// The audit as an Excel workbook for compliance officers (issue 16), with libxlsxwriter: a summary
// sheet and one row per finding. Cells are written as strings, numbers and dates, never as
// formulas, so dossier text cannot run in a spreadsheet (what csv_field guards against in CSV).
#include "rw/adapters/presentation/render.hpp"

#include "rw/engine/calendar.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rw::adapters::presentation {

namespace {

lxw_datetime as_datetime(engine::day d) {
    date::year_month_day ymd{d};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day())), 0, 0, 0.0};
}

}  // namespace

bool write_audit_xlsx(std::string const& path, audit_report const& r, std::vector<finding_view> const& rows, std::string& error) {
    auto const l = r.lang;
    bool const en = l == language::en;
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) {
        error = "cannot create the workbook '" + path + "'";
        return false;
    }
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* day_format = workbook_add_format(wb);
    format_set_num_format(day_format, "dd-mm-yyyy");
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);

    lxw_worksheet* sum = workbook_add_worksheet(wb, en ? "Summary" : "Samenvatting");
    lxw_row_t y = 0;
    worksheet_write_string(sum, y, 0, (std::string(text(msg::compliance_audit, l)) + ": " + r.agency).c_str(), bold);
    ++y;
    worksheet_write_string(sum, y, 0, en ? "Reference date" : "Peildatum", nullptr);
    auto ref = as_datetime(r.reference);
    worksheet_write_datetime(sum, y++, 1, &ref, day_format);
    auto count = [&](std::string_view label, double n) {
        worksheet_write_string(sum, y, 0, std::string(label).c_str(), nullptr);
        worksheet_write_number(sum, y++, 1, n, nullptr);
    };
    count(text(msg::dossiers_checked, l), static_cast<double>(r.workers));
    count(text(msg::dossiers_with_findings, l), static_cast<double>(r.workers_with_findings));
    count(text(msg::findings_word, l), static_cast<double>(r.findings));
    for (std::size_t k = 0; k < 4; ++k) count(kind_label(static_cast<engine::finding_kind>(k), l), static_cast<double>(r.by_kind[k]));
    count(text(msg::overdue_actions, l), static_cast<double>(r.overdue));
    ++y;
    worksheet_write_string(sum, y, 0, en ? "Rule" : "Regel", bold);
    worksheet_write_string(sum, y, 1, en ? "Findings" : "Bevindingen", bold);
    for (std::size_t k = 0; k < 4; ++k)
        worksheet_write_string(sum, y, static_cast<lxw_col_t>(2 + k), std::string(kind_label(static_cast<engine::finding_kind>(k), l)).c_str(), bold);
    ++y;
    for (auto const& [rule, st] : r.by_rule) {
        worksheet_write_string(sum, y, 0, people_name(r.prog, engine::label_kind::regel, rule, l).c_str(), nullptr);
        worksheet_write_number(sum, y, 1, static_cast<double>(st.total), nullptr);
        for (std::size_t k = 0; k < 4; ++k) worksheet_write_number(sum, y, static_cast<lxw_col_t>(2 + k), static_cast<double>(st.by_kind[k]), nullptr);
        ++y;
    }
    worksheet_set_column(sum, 0, 0, 48, nullptr);
    worksheet_set_column(sum, 1, 5, 13, nullptr);

    lxw_worksheet* det = workbook_add_worksheet(wb, en ? "Findings" : "Bevindingen");
    std::array<char const*, 12> const head_nl{"Nummer", "Naam", "Soort", "Regel-id", "Regel", "Datum", "Te laat", "Contract", "Plaatsing",
                                               "Artikel", "Bevinding", "Advies"};
    std::array<char const*, 12> const head_en{"Number", "Name", "Kind", "Rule id", "Rule", "Date", "Overdue", "Contract", "Placement",
                                               "Article", "Finding", "Advice"};
    for (std::size_t c = 0; c < head_nl.size(); ++c) worksheet_write_string(det, 0, static_cast<lxw_col_t>(c), en ? head_en[c] : head_nl[c], bold);
    lxw_row_t row = 1;
    for (auto const& f : rows) {
        auto s = [&](lxw_col_t c, std::string const& v, lxw_format* fmt = nullptr) {
            if (!v.empty()) worksheet_write_string(det, row, c, v.c_str(), fmt);
        };
        s(0, f.worker);
        s(1, f.name);
        s(2, std::string(kind_label(f.kind, l)));
        s(3, f.rule);
        s(4, f.title.empty() ? f.rule : f.title);
        if (f.due) {
            auto d = as_datetime(*f.due);
            worksheet_write_datetime(det, row, 5, &d, day_format);
        }
        s(6, f.overdue ? (en ? "yes" : "ja") : "");
        s(7, f.contract);
        s(8, f.placement);
        s(9, f.citations.empty() ? "" : f.citations.front());
        s(10, people_text(f.message, l), wrap);
        s(11, people_text(f.advice, l), wrap);
        ++row;
    }
    worksheet_freeze_panes(det, 1, 0);
    worksheet_autofilter(det, 0, 0, row > 1 ? row - 1 : 1, static_cast<lxw_col_t>(head_nl.size() - 1));
    worksheet_set_column(det, 0, 0, 10, nullptr);
    worksheet_set_column(det, 1, 1, 24, nullptr);
    worksheet_set_column(det, 2, 3, 14, nullptr);
    worksheet_set_column(det, 4, 4, 32, nullptr);
    worksheet_set_column(det, 5, 8, 12, nullptr);
    worksheet_set_column(det, 9, 9, 30, nullptr);
    worksheet_set_column(det, 10, 11, 60, nullptr);
    lxw_error rc = workbook_close(wb);
    if (rc != LXW_NO_ERROR) {
        error = std::string("cannot write the workbook '") + path + "': " + lxw_strerror(rc);
        return false;
    }
    return true;
}

std::optional<std::string> render_audit_xlsx(audit_report const& r, std::vector<finding_view> const& rows, std::string& error) {
    // libxlsxwriter 1.1.4 writes files only: a private temporary file (mkstemp: 0600, reports
    // hold personal data), read back and removed.
    auto dir = std::filesystem::temp_directory_path().string();
    std::string path = dir + "/regelwerk-audit-XXXXXX";
    int fd = mkstemp(path.data());
    if (fd < 0) {
        error = "cannot create a temporary file in " + dir;
        return std::nullopt;
    }
    close(fd);
    struct remover {
        std::string p;
        ~remover() { std::remove(p.c_str()); }
    } remove_after{path};
    if (!write_audit_xlsx(path, r, rows, error)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in.good() && !in.eof()) {
        error = "cannot read back the workbook";
        return std::nullopt;
    }
    return bytes.str();
}

}  // namespace rw::adapters::presentation
