// The SQLite store (see store.hpp): opening and migrating, transactional writes, indexed loads
// and the ordered, merged streaming pass the audit uses.
#include "rw/adapters/sqlite/store.hpp"

#include "schema.hpp"
#include "statement.hpp"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

namespace rw::adapters::sqlite {

using namespace rw::engine;
using detail::exec;
using detail::statement;

// ---------------------------------------------------------------------------------------------
// Opening

store::store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
store::store(store&& o) noexcept : db_(o.db_), path_(std::move(o.path_)), notice_(std::move(o.notice_)) { o.db_ = nullptr; }
store& store::operator=(store&& o) noexcept {
    if (this != &o) {
        sqlite3_close_v2(db_);
        db_ = o.db_;
        path_ = std::move(o.path_);
        notice_ = std::move(o.notice_);
        o.db_ = nullptr;
    }
    return *this;
}
store::~store() { sqlite3_close_v2(db_); }

static int pragma_int(sqlite3* db, char const* pragma) {
    statement st(db, std::string("PRAGMA ") + pragma);
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

store store::open(std::string const& path, open_mode mode) {
    namespace fs = std::filesystem;
    std::error_code ec;
    auto status = fs::status(path, ec);  // never throws: a 300-character or looping path is an error like any other
    bool exists = !ec && fs::exists(status);
    if (ec && ec != std::errc::no_such_file_or_directory)
        throw store_error("cannot open store '" + path + "': " + ec.message());
    if (exists && fs::is_directory(status)) throw store_error("'" + path + "' is a folder, not a store");
    if (mode != open_mode::create && !exists)
        throw store_error("no store at '" + path + "' (create one with: regelwerk import --db " + path + " FILE.yaml)");
    if (!exists) {
        // A new store holds personal data: readable by its owner only (SQLite gives its -wal and
        // -shm files the same mode).
        int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) throw store_error("cannot create store '" + path + "': " + std::strerror(errno));
        ::close(fd);
    }
    int flags = SQLITE_OPEN_NOMUTEX;
    flags |= mode == open_mode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == open_mode::create) flags |= SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    store s(raw, path);
    if (rc != SQLITE_OK) detail::fail(raw, "cannot open store '" + path + "'", "");
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 10000);
    int app_id = 0, version = 0, objects = 0;
    auto read_header = [&] {
        app_id = pragma_int(raw, "application_id");
        version = pragma_int(raw, "user_version");
        statement st(raw, "SELECT count(*) FROM sqlite_schema");
        objects = st.step() ? static_cast<int>(st.integer(0)) : 0;
    };
    try {
        try {
            read_header();
        } catch (store_error const&) {
            // A WAL store on read-only media (a CD, a read-only mount): SQLite cannot create the
            // -shm file and says "unable to open database file", which read as "corrupt". Read it
            // as it is on disk instead (immutable), and say so; refuse when a -wal file holds
            // changes that reading it that way would miss.
            if (mode != open_mode::read_only || (sqlite3_errcode(raw) & 0xFF) != SQLITE_CANTOPEN) throw;
            std::error_code wal_ec;
            auto wal = fs::file_size(path + "-wal", wal_ec);
            if (!wal_ec && wal > 0)
                throw store_error("'" + path + "' cannot be opened: its write-ahead log ('" + path +
                                  "-wal') holds changes, and the folder is read-only so SQLite cannot use it; copy the "
                                  "store with its -wal file to writable media");
            std::string uri = "file:";
            for (unsigned char c : fs::absolute(path).string()) {
                if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_') uri += static_cast<char>(c);
                else {
                    char hex[4];
                    std::snprintf(hex, sizeof hex, "%%%02X", c);
                    uri += hex;
                }
            }
            uri += "?immutable=1";
            raw = nullptr;
            rc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, nullptr);
            s = store(raw, path);
            if (rc != SQLITE_OK) detail::fail(raw, "cannot open store '" + path + "'", "");
            sqlite3_extended_result_codes(raw, 1);
            s.notice_ = "'" + path + "' is on read-only media, so its write-ahead log cannot be used: read as it is on disk";
            read_header();
        }
    } catch (store_error const& e) {
        throw store_error("'" + path + "' is not a regelwerk store, or it is corrupt (" + e.what() + ")");
    }
    bool empty = objects == 0 && version == 0 && app_id == 0;
    if (!empty && app_id == 0 && version == 0)
        throw store_error("'" + path + "' is a SQLite database with " + std::to_string(objects) +
                          " table(s) or index(es) but no regelwerk schema version (user_version 0, no application_id): "
                          "made by another program or by hand, not a regelwerk store; left unchanged");
    if (!empty && app_id != detail::application_id)
        throw store_error("'" + path + "' is a SQLite file but not a regelwerk store (application_id " +
                          std::to_string(app_id) + ")");
    if (version > detail::latest_schema_version())
        throw store_error("'" + path + "' was written by a newer regelwerk (schema " + std::to_string(version) +
                          ", this build knows " + std::to_string(detail::latest_schema_version()) + ")");
    if (mode == open_mode::read_only) {
        if (empty) throw store_error("'" + path + "' is an empty file, not a regelwerk store");
        if (version < detail::latest_schema_version())
            throw store_error("'" + path + "' has schema " + std::to_string(version) +
                              "; open it once for writing (regelwerk import) to migrate it");
        exec(raw, "PRAGMA query_only = ON");
    } else {
        if (empty && mode != open_mode::create)
            throw store_error("'" + path + "' is an empty file, not a regelwerk store");
        // WAL: a reader sees the last committed state while an import runs, never half of it.
        exec(raw, "PRAGMA journal_mode = WAL");
        exec(raw, "PRAGMA synchronous = NORMAL");
        detail::migrate(raw, version);
    }
    exec(raw, "PRAGMA foreign_keys = ON");
    return s;
}

int store::user_version() const { return pragma_int(db_, "user_version"); }

// ---------------------------------------------------------------------------------------------
// Writing

static std::optional<std::string> date_text(opt_day const& d) {
    if (!d) return std::nullopt;
    return format_date(*d);
}
template <typename E>
static std::optional<std::string> enum_text(std::optional<E> const& e) {
    if (!e) return std::nullopt;
    return std::string(to_string(*e));
}
// v1.1: a shift list as "dag,avond"; NULL = not given, '' = none.
static std::optional<std::string> shifts_text(std::optional<std::vector<shift_kind>> const& v) {
    if (!v) return std::nullopt;
    std::string out;
    for (auto k : *v) out += (out.empty() ? "" : ",") + std::string(to_string(k));
    return out;
}
static std::optional<std::int64_t> coordinate_value(std::optional<coordinate> const& c) {
    if (!c) return std::nullopt;
    return c->e7;
}

struct store::writer::statements {
    sqlite3* db_;  // first: the v1.1 statements below are initialised from it
    explicit statements(sqlite3* db)
        : db_(db),
          agency(db, "INSERT INTO agency(singleton, name, cao, phase_labels, lender_registered_from, "
                     "wtta_admitted_from, ziektewet_erd, extra_json) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                     "ON CONFLICT(singleton) DO UPDATE SET name = excluded.name, cao = excluded.cao, "
                     "phase_labels = excluded.phase_labels, lender_registered_from = excluded.lender_registered_from, "
                     "wtta_admitted_from = excluded.wtta_admitted_from, ziektewet_erd = excluded.ziektewet_erd, "
                     "extra_json = excluded.extra_json"),
          client(db, "INSERT INTO client(id, name, extra_json) VALUES (?1, ?2, ?3) ON CONFLICT(id) DO UPDATE SET "
                     "name = excluded.name, extra_json = excluded.extra_json"),
          clear_strikes(db, "DELETE FROM client_strike WHERE client_id = ?1"),
          clear_wages(db, "DELETE FROM client_reference_wage WHERE client_id = ?1"),
          strike(db, "INSERT INTO client_strike(client_id, ordinal, date_from, date_to) VALUES (?1, ?2, ?3, ?4)"),
          wage(db, "INSERT INTO client_reference_wage(client_id, ordinal, function, hourly_cents, date_from) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)"),
          delete_worker(db, "DELETE FROM worker WHERE id = ?1"),
          worker(db, "INSERT INTO worker(id, name, birth_date, nationality, id_present, id_document, id_number, "
                     "id_expires, id_checked_on, id_copy_kept, permit_kind, permit_valid_from, permit_valid_until, "
                     "permit_notified_on, app_status, app_closed_on, app_retention_consent, app_education_level, "
                     "app_postcode, app_hours_milli, extra_json, id_extra_json, permit_extra_json, app_extra_json) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                     "?20, ?21, ?22, ?23, ?24)"),
          contract(db, "INSERT INTO contract(worker_id, ordinal, id, kind, start, end_date, hours_milli, "
                       "probation_months, renewal_notice_on, ended_on, ended_by, extra_json, concluded_on) VALUES (?1, ?2, "
                       "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
          placement(db, "INSERT INTO placement(worker_id, ordinal, id, contract_id, client_id, function, start, "
                        "end_date, hourly_cents, extra_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
          weeks(db, "INSERT INTO week_range(worker_id, list, ordinal, first_week, last_week) VALUES (?1, ?2, ?3, ?4, ?5)"),
          sickness(db, "INSERT INTO sickness(worker_id, ordinal, first_day, recovered_on, bedrijfsarts_melding, "
                       "probleemanalyse, plan_van_aanpak, uwv_ziekmelding, eerstejaarsevaluatie, wia_aanvraag, extra_json) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
          item(db, "INSERT INTO application_item(worker_id, list, ordinal, name, valid_until) VALUES (?1, ?2, ?3, ?4, ?5)"),
          prior(db, "INSERT INTO prior_employment(worker_id, ordinal, employer, kind, client_id, start, end_date, same_work, "
                    "extra_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") {}
    statement agency, client, clear_strikes, clear_wages, strike, wage, delete_worker, worker, contract, placement,
        weeks, sickness, item;
    statement prior;  // v1.1
    // v1.1, part 2
    statement clear_offices{db_, "DELETE FROM office"};
    statement office{db_, "INSERT INTO office(id, ordinal, name, extra_json) VALUES (?1, ?2, ?3, ?4)"};
    statement clear_vacancy_items{db_, "DELETE FROM vacancy_item WHERE client_id = ?1"};
    statement clear_vacancies{db_, "DELETE FROM vacancy WHERE client_id = ?1"};
    statement vacancy{db_, "INSERT INTO vacancy(client_id, ordinal, id, function, code, start, end_date, hours_milli, shifts, "
                           "hourly_cents, place, lat_e7, lon_e7, req_education_level, req_text, status, extra_json) VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"};
    statement vacancy_item{db_, "INSERT INTO vacancy_item(client_id, vacancy_ordinal, list, ordinal, name) VALUES (?1, ?2, ?3, "
                                "?4, ?5)"};
    statement worker_v11{db_, "UPDATE worker SET language = ?2, app_shifts = ?3, app_available_from = ?4, "
                              "app_max_travel_milli = ?5, app_place = ?6, app_lat_e7 = ?7, app_lon_e7 = ?8 WHERE id = ?1"};
    statement placement_shifts{db_, "UPDATE placement SET shifts = ?3 WHERE worker_id = ?1 AND ordinal = ?2"};
    statement tasks_recorded{db_, "UPDATE worker SET tasks_recorded = 1 WHERE id = ?1"};
    statement app_list{db_, "INSERT INTO application_list(worker_id, list, ordinal, name) VALUES (?1, ?2, ?3, ?4)"};
    statement task{db_, "INSERT INTO task_done(worker_id, ordinal, task, placement_id, on_date, by_whom, how, note, extra_json) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"};
};

store::writer::writer(store& s) : store_(s) {
    exec(s.db_, "BEGIN IMMEDIATE");
    try {
        st_ = std::make_unique<statements>(s.db_);
    } catch (...) {
        sqlite3_exec(s.db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

store::writer::~writer() {
    st_.reset();
    if (!done_) sqlite3_exec(store_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void store::writer::commit() {
    st_.reset();
    exec(store_.db_, "COMMIT");
    done_ = true;
}

void store::writer::put_agency(agency const& a) {
    auto& s = st_->agency;
    s.bind(1, a.name);
    s.bind(2, to_string(a.cao));
    s.bind(3, to_string(a.labels));
    s.bind(4, date_text(a.lender_registered_from));
    s.bind(5, date_text(a.wtta_admitted_from));
    s.bind(6, a.ziektewet_erd);
    s.bind(7, a.extra_json);
    s.run();
    // v1.1: the offices belong to the agency row and are replaced with it.
    st_->clear_offices.run();
    for (std::size_t i = 0; i < a.offices.size(); ++i) {
        auto& o = st_->office;
        o.bind(1, a.offices[i].id);
        o.bind(2, static_cast<std::int64_t>(i));
        o.bind(3, a.offices[i].name);
        o.bind(4, a.offices[i].extra_json);
        o.run();
    }
}

void store::writer::put_client(client const& c) {
    st_->client.bind(1, c.id);
    st_->client.bind(2, c.name);
    st_->client.bind(3, c.extra_json);
    st_->client.run();
    st_->clear_strikes.bind(1, c.id);
    st_->clear_strikes.run();
    st_->clear_wages.bind(1, c.id);
    st_->clear_wages.run();
    for (std::size_t i = 0; i < c.strikes.size(); ++i) {
        auto& s = st_->strike;
        s.bind(1, c.id);
        s.bind(2, static_cast<std::int64_t>(i));
        s.bind(3, format_date(c.strikes[i].from));
        s.bind(4, format_date(c.strikes[i].to));
        s.run();
    }
    for (std::size_t i = 0; i < c.reference_wages.size(); ++i) {
        auto const& w = c.reference_wages[i];
        auto& s = st_->wage;
        s.bind(1, c.id);
        s.bind(2, static_cast<std::int64_t>(i));
        s.bind(3, w.function);
        s.bind(4, w.hourly.cents);
        s.bind(5, format_date(w.from));
        s.run();
    }
    // v1.1: vacancies are replaced with their client.
    st_->clear_vacancy_items.bind(1, c.id);
    st_->clear_vacancy_items.run();
    st_->clear_vacancies.bind(1, c.id);
    st_->clear_vacancies.run();
    for (std::size_t i = 0; i < c.vacancies.size(); ++i) {
        auto const& v = c.vacancies[i];
        auto ord = static_cast<std::int64_t>(i);
        auto& s = st_->vacancy;
        s.bind(1, c.id);
        s.bind(2, ord);
        s.bind(3, v.id);
        s.bind(4, v.function);
        s.bind(5, v.code);
        s.bind(6, format_date(v.start));
        s.bind(7, date_text(v.end));
        if (v.hours_per_week) s.bind(8, v.hours_per_week->milli);
        s.bind(9, shifts_text(v.shifts));
        if (v.hourly_wage) s.bind(10, v.hourly_wage->cents);
        s.bind(11, v.place);
        s.bind(12, coordinate_value(v.lat));
        s.bind(13, coordinate_value(v.lon));
        s.bind(14, v.requirements.education_level);
        s.bind(15, v.requirements.text);
        s.bind(16, to_string(v.status));
        s.bind(17, v.extra_json);
        s.run();
        auto items = [&](char const* list, std::vector<std::string> const& names) {
            for (std::size_t j = 0; j < names.size(); ++j) {
                auto& it = st_->vacancy_item;
                it.bind(1, c.id);
                it.bind(2, ord);
                it.bind(3, list);
                it.bind(4, static_cast<std::int64_t>(j));
                it.bind(5, names[j]);
                it.run();
            }
        };
        items("req_certificate", v.requirements.certificates);
        items("req_licence", v.requirements.licences);
        items("req_language", v.requirements.languages);
        items("req_skill", v.requirements.skills);
        items("wish_skill", v.wishes.skills);
        items("wish_certificate", v.wishes.certificates);
        items("wish_language", v.wishes.languages);
    }
}

void store::writer::put_worker(worker const& w) {
    st_->delete_worker.bind(1, w.id);
    st_->delete_worker.run();
    auto& s = st_->worker;
    s.bind(1, w.id);
    s.bind(2, w.name);
    s.bind(3, date_text(w.birth_date));
    s.bind(4, w.nationality);
    s.bind(5, w.ident.has_value());
    if (w.ident) {
        s.bind(6, enum_text(w.ident->document));
        s.bind(7, w.ident->number);
        s.bind(8, date_text(w.ident->expires));
        s.bind(9, date_text(w.ident->checked_on));
        s.bind(10, w.ident->copy_kept);
        s.bind(22, w.ident->extra_json);
    }
    if (w.permit) {
        s.bind(11, to_string(w.permit->kind));
        s.bind(12, date_text(w.permit->valid_from));
        s.bind(13, date_text(w.permit->valid_until));
        s.bind(14, date_text(w.permit->notified_on));
        s.bind(23, w.permit->extra_json);
    }
    if (w.appl) {
        s.bind(15, to_string(w.appl->status));
        s.bind(16, date_text(w.appl->closed_on));
        s.bind(17, w.appl->retention_consent);
        s.bind(18, w.appl->education_level);
        s.bind(19, w.appl->postcode);
        if (w.appl->available_hours_per_week) s.bind(20, w.appl->available_hours_per_week->milli);
        s.bind(24, w.appl->extra_json);
    }
    s.bind(21, w.extra_json);
    s.run();
    for (std::size_t i = 0; i < w.contracts.size(); ++i) {
        auto const& c = w.contracts[i];
        auto& st = st_->contract;
        st.bind(1, w.id);
        st.bind(2, static_cast<std::int64_t>(i));
        st.bind(3, c.id);
        st.bind(4, to_string(c.kind));
        st.bind(5, format_date(c.start));
        st.bind(6, date_text(c.end));
        if (c.hours_per_week) st.bind(7, c.hours_per_week->milli);
        st.bind(8, c.probation_months);
        st.bind(9, date_text(c.renewal_notice_on));
        st.bind(10, date_text(c.ended_on));
        st.bind(11, enum_text(c.ended_by));
        st.bind(12, c.extra_json);
        st.bind(13, date_text(c.concluded_on));
        st.run();
    }
    for (std::size_t i = 0; i < w.placements.size(); ++i) {
        auto const& p = w.placements[i];
        auto& st = st_->placement;
        st.bind(1, w.id);
        st.bind(2, static_cast<std::int64_t>(i));
        st.bind(3, p.id);
        st.bind(4, p.contract);
        st.bind(5, p.client);
        st.bind(6, p.function);
        st.bind(7, format_date(p.start));
        st.bind(8, date_text(p.end));
        if (p.hourly_wage) st.bind(9, p.hourly_wage->cents);
        st.bind(10, p.extra_json);
        st.run();
    }
    auto put_weeks = [&](char const* list, std::vector<week_range> const& ws) {
        for (std::size_t i = 0; i < ws.size(); ++i) {
            auto& st = st_->weeks;
            st.bind(1, w.id);
            st.bind(2, list);
            st.bind(3, static_cast<std::int64_t>(i));
            st.bind(4, format_iso_week(ws[i].first));
            st.bind(5, format_iso_week(ws[i].last));
            st.run();
        }
    };
    put_weeks("worked", w.worked_weeks);
    put_weeks("paid_holiday", w.paid_holiday_weeks);
    for (std::size_t i = 0; i < w.sicknesses.size(); ++i) {
        auto const& z = w.sicknesses[i];
        auto& st = st_->sickness;
        st.bind(1, w.id);
        st.bind(2, static_cast<std::int64_t>(i));
        st.bind(3, format_date(z.first_day));
        st.bind(4, date_text(z.recovered_on));
        st.bind(5, date_text(z.steps.bedrijfsarts_melding));
        st.bind(6, date_text(z.steps.probleemanalyse));
        st.bind(7, date_text(z.steps.plan_van_aanpak));
        st.bind(8, date_text(z.steps.uwv_ziekmelding));
        st.bind(9, date_text(z.steps.eerstejaarsevaluatie));
        st.bind(10, date_text(z.steps.wia_aanvraag));
        st.bind(11, z.extra_json);
        st.run();
    }
    if (w.appl) {
        auto put_item = [&](char const* list, std::int64_t ord, std::string const& name, opt_day const& until) {
            auto& st = st_->item;
            st.bind(1, w.id);
            st.bind(2, list);
            st.bind(3, ord);
            st.bind(4, name);
            st.bind(5, date_text(until));
            st.run();
        };
        for (std::size_t i = 0; i < w.appl->skills.size(); ++i)
            put_item("skill", static_cast<std::int64_t>(i), w.appl->skills[i], std::nullopt);
        for (std::size_t i = 0; i < w.appl->certificates.size(); ++i)
            put_item("certificate", static_cast<std::int64_t>(i), w.appl->certificates[i].name,
                     w.appl->certificates[i].valid_until);
        for (std::size_t i = 0; i < w.appl->languages.size(); ++i)
            put_item("language", static_cast<std::int64_t>(i), w.appl->languages[i], std::nullopt);
    }
    for (std::size_t i = 0; i < w.prior_employments.size(); ++i) {
        auto const& e = w.prior_employments[i];
        auto& st = st_->prior;
        st.bind(1, w.id);
        st.bind(2, static_cast<std::int64_t>(i));
        st.bind(3, e.employer);
        st.bind(4, to_string(e.kind));
        st.bind(5, e.client);
        st.bind(6, format_date(e.start));
        st.bind(7, date_text(e.end));
        st.bind(8, e.same_work);
        st.bind(9, e.extra_json);
        st.run();
    }
    // v1.1, part 2: the worker row's new columns (written only when one is set), placement shifts,
    // the application's lists, tasks done.
    auto const* ap = w.appl ? &*w.appl : nullptr;
    if (w.language || (ap && (ap->shifts || ap->available_from || ap->max_travel_km || ap->place || ap->lat || ap->lon))) {
        auto& st = st_->worker_v11;
        st.bind(1, w.id);
        st.bind(2, w.language);
        if (ap) {
            st.bind(3, shifts_text(ap->shifts));
            st.bind(4, date_text(ap->available_from));
            if (ap->max_travel_km) st.bind(5, ap->max_travel_km->milli);
            st.bind(6, ap->place);
            st.bind(7, coordinate_value(ap->lat));
            st.bind(8, coordinate_value(ap->lon));
        }
        st.run();
    }
    for (std::size_t i = 0; i < w.placements.size(); ++i) {
        if (!w.placements[i].shifts) continue;
        auto& st = st_->placement_shifts;
        st.bind(1, w.id);
        st.bind(2, static_cast<std::int64_t>(i));
        st.bind(3, shifts_text(w.placements[i].shifts));
        st.run();
    }
    if (ap) {
        auto list = [&](char const* name, std::vector<std::string> const& items) {
            for (std::size_t i = 0; i < items.size(); ++i) {
                auto& st = st_->app_list;
                st.bind(1, w.id);
                st.bind(2, name);
                st.bind(3, static_cast<std::int64_t>(i));
                st.bind(4, items[i]);
                st.run();
            }
        };
        list("licence", ap->licences);
        list("preferred_function", ap->preferred_functions);
    }
    if (w.tasks_recorded) {
        st_->tasks_recorded.bind(1, w.id);
        st_->tasks_recorded.run();
    }
    for (std::size_t i = 0; i < w.tasks_done.size(); ++i) {
        auto const& t = w.tasks_done[i];
        auto& st = st_->task;
        st.bind(1, w.id);
        st.bind(2, static_cast<std::int64_t>(i));
        st.bind(3, t.task);
        st.bind(4, t.placement);
        st.bind(5, format_date(t.on));
        st.bind(6, t.by);
        st.bind(7, t.how);
        st.bind(8, t.note);
        st.bind(9, t.extra_json);
        st.run();
    }
}

void store::import(std::vector<dossier> const& dossiers) {
    writer w(*this);
    for (auto const& d : dossiers) {
        w.put_agency(d.agency_info);
        for (auto const& c : d.clients) w.put_client(c);
        for (auto const& wk : d.workers) w.put_worker(wk);
    }
    w.commit();
}

// ---------------------------------------------------------------------------------------------
// Reading: row decoders shared by the indexed loads and the streaming pass.

namespace {

constexpr char const* worker_columns =
    "id, name, birth_date, nationality, id_present, id_document, id_number, id_expires, id_checked_on, "
    "id_copy_kept, permit_kind, permit_valid_from, permit_valid_until, permit_notified_on, app_status, "
    "app_closed_on, app_retention_consent, app_education_level, app_postcode, app_hours_milli, extra_json, "
    "id_extra_json, permit_extra_json, app_extra_json, "
    "language, app_shifts, app_available_from, app_max_travel_milli, app_place, app_lat_e7, app_lon_e7, tasks_recorded";
constexpr char const* contract_columns =
    "worker_id, id, kind, start, end_date, hours_milli, probation_months, renewal_notice_on, ended_on, ended_by, "
    "extra_json, concluded_on";
constexpr char const* placement_columns =
    "worker_id, id, contract_id, client_id, function, start, end_date, hourly_cents, extra_json, shifts";
constexpr char const* week_columns = "worker_id, list, first_week, last_week";
constexpr char const* sickness_columns =
    "worker_id, first_day, recovered_on, bedrijfsarts_melding, probleemanalyse, plan_van_aanpak, "
    "uwv_ziekmelding, eerstejaarsevaluatie, wia_aanvraag, extra_json";
constexpr char const* item_columns = "worker_id, list, name, valid_until";
constexpr char const* prior_columns = "worker_id, employer, kind, client_id, start, end_date, same_work, extra_json";
constexpr char const* app_list_columns = "worker_id, list, name";
constexpr char const* task_columns = "worker_id, task, placement_id, on_date, by_whom, how, note, extra_json";

/// Decodes columns of one row, reporting values that do not fit instead of throwing.
struct decoder {
    statement const& st;
    std::vector<data_issue>& issues;
    std::string const& worker_id;
    char const* table;
    std::string record;

    void issue(std::string msg) const { issues.push_back({worker_id, table, record, std::move(msg)}); }

    opt_day date(int c, char const* field) const {
        if (st.is_null(c)) return std::nullopt;
        auto t = st.text(c);
        if (auto d = parse_date(t)) return d;
        issue(std::string(field) + ": '" + std::string(t) + "' is not a calendar date");
        return std::nullopt;
    }
    template <typename E>
    std::optional<E> enumeration(int c, char const* field) const {
        if (st.is_null(c)) return std::nullopt;
        auto t = st.text(c);
        if (auto e = enum_from_string<E>(t)) return e;
        issue(std::string(field) + ": '" + std::string(t) + "' is not a known value");
        return std::nullopt;
    }
    std::optional<bool> flag(int c) const {
        if (st.is_null(c)) return std::nullopt;
        return st.integer(c) != 0;
    }
    // v1.1
    std::optional<std::vector<shift_kind>> shifts(int c, char const* field) const {
        if (st.is_null(c)) return std::nullopt;
        std::vector<shift_kind> out;
        std::string_view t = st.text(c);
        while (!t.empty()) {
            auto comma = t.find(',');
            auto part = t.substr(0, comma);
            if (auto k = enum_from_string<shift_kind>(part)) out.push_back(*k);
            else issue(std::string(field) + ": '" + std::string(part) + "' is not a shift");
            t = comma == std::string_view::npos ? std::string_view() : t.substr(comma + 1);
        }
        return out;
    }
    std::optional<coordinate> coord(int c) const {
        if (st.is_null(c)) return std::nullopt;
        return coordinate{st.integer(c)};
    }
    /// A whole number >= 0 (hours, cents, months): text or a negative value is an issue, not 0.
    std::optional<std::int64_t> count(int c, char const* field, std::int64_t max = INT64_MAX) const {
        if (st.is_null(c)) return std::nullopt;
        if (sqlite3_column_type(st.handle(), c) != SQLITE_INTEGER) {
            issue(std::string(field) + ": '" + std::string(st.text(c)) + "' is not a whole number");
            return std::nullopt;
        }
        auto v = st.integer(c);
        if (v < 0 || v > max) {
            issue(std::string(field) + ": " + std::to_string(v) + (v < 0 ? " is negative" : " is out of range"));
            return std::nullopt;
        }
        return v;
    }
};

void decode_worker(statement const& st, worker& w, std::vector<data_issue>& issues) {
    w.id = std::string(st.text(0));
    decoder d{st, issues, w.id, "worker", w.id};
    w.name = std::string(st.text(1));
    w.birth_date = d.date(2, "birth_date");
    w.nationality = st.opt_text(3);
    if (st.integer(4)) {
        identity id;
        id.document = d.enumeration<document_kind>(5, "id_document");
        id.number = st.opt_text(6);
        id.expires = d.date(7, "id_expires");
        id.checked_on = d.date(8, "id_checked_on");
        id.copy_kept = d.flag(9);
        id.extra_json = st.opt_text(21);
        w.ident = id;
    }
    if (!st.is_null(10)) {
        if (auto k = d.enumeration<permit_kind>(10, "permit_kind")) {
            work_permit p;
            p.kind = *k;
            p.valid_from = d.date(11, "permit_valid_from");
            p.valid_until = d.date(12, "permit_valid_until");
            p.notified_on = d.date(13, "permit_notified_on");
            p.extra_json = st.opt_text(22);
            w.permit = p;
        }
    }
    if (!st.is_null(14)) {
        application a;
        a.status = d.enumeration<application_status>(14, "app_status").value_or(application_status::active);
        a.closed_on = d.date(15, "app_closed_on");
        a.retention_consent = d.flag(16);
        a.education_level = st.opt_text(17);
        a.postcode = st.opt_text(18);
        if (auto h = d.count(19, "app_hours_milli", 168000)) a.available_hours_per_week = decimal{*h};
        a.extra_json = st.opt_text(23);
        // v1.1
        a.shifts = d.shifts(25, "app_shifts");
        a.available_from = d.date(26, "app_available_from");
        if (auto km = st.opt_integer(27)) a.max_travel_km = decimal{*km};
        a.place = st.opt_text(28);
        a.lat = d.coord(29);
        a.lon = d.coord(30);
        w.appl = std::move(a);
    }
    w.extra_json = st.opt_text(20);
    w.language = st.opt_text(24);  // v1.1
    w.tasks_recorded = st.integer(31) != 0;
}

bool decode_contract(statement const& st, std::string const& wid, contract& c, std::vector<data_issue>& issues) {
    c.id = std::string(st.text(1));
    decoder d{st, issues, wid, "contract", c.id};
    auto kind = d.enumeration<contract_kind>(2, "kind");
    auto start = d.date(3, "start");
    if (!kind || !start) return false;  // unusable without them; reported above
    c.kind = *kind;
    c.start = *start;
    c.end = d.date(4, "end_date");
    if (auto h = d.count(5, "hours_milli", 168000)) c.hours_per_week = decimal{*h};
    if (auto p = d.count(6, "probation_months", INT32_MAX)) c.probation_months = static_cast<int>(*p);
    c.renewal_notice_on = d.date(7, "renewal_notice_on");
    c.ended_on = d.date(8, "ended_on");
    c.ended_by = d.enumeration<ended_by_kind>(9, "ended_by");
    c.extra_json = st.opt_text(10);
    c.concluded_on = d.date(11, "concluded_on");
    if (c.end && *c.end < c.start) d.issue("end_date " + format_date(*c.end) + " lies before start " + format_date(c.start));
    return true;
}

bool decode_placement(statement const& st, std::string const& wid, placement& p, std::vector<data_issue>& issues) {
    p.id = std::string(st.text(1));
    decoder d{st, issues, wid, "placement", p.id};
    p.contract = std::string(st.text(2));
    p.client = std::string(st.text(3));
    p.function = st.opt_text(4);
    auto start = d.date(5, "start");
    if (!start) return false;
    p.start = *start;
    p.end = d.date(6, "end_date");
    if (auto h = d.count(7, "hourly_cents", 100000000)) p.hourly_wage = money{*h};
    p.extra_json = st.opt_text(8);
    p.shifts = d.shifts(9, "shifts");  // v1.1
    return true;
}

void decode_weeks(statement const& st, worker& w, std::vector<data_issue>& issues) {
    auto list = st.text(1);
    auto a = parse_iso_week(st.text(2)), b = parse_iso_week(st.text(3));
    if (!a || !b || monday_of(*b) < monday_of(*a)) {
        issues.push_back({w.id, "week_range", std::string(list),
                          "'" + std::string(st.text(2)) + ".." + std::string(st.text(3)) + "' is not an ISO week range"});
        return;
    }
    (list == "worked" ? w.worked_weeks : w.paid_holiday_weeks).push_back({*a, *b});
}

void decode_sickness(statement const& st, worker& w, std::vector<data_issue>& issues) {
    decoder d{st, issues, w.id, "sickness", std::string(st.text(1))};
    auto first = d.date(1, "first_day");
    if (!first) return;
    sickness z;
    z.first_day = *first;
    z.recovered_on = d.date(2, "recovered_on");
    z.steps.bedrijfsarts_melding = d.date(3, "bedrijfsarts_melding");
    z.steps.probleemanalyse = d.date(4, "probleemanalyse");
    z.steps.plan_van_aanpak = d.date(5, "plan_van_aanpak");
    z.steps.uwv_ziekmelding = d.date(6, "uwv_ziekmelding");
    z.steps.eerstejaarsevaluatie = d.date(7, "eerstejaarsevaluatie");
    z.steps.wia_aanvraag = d.date(8, "wia_aanvraag");
    z.extra_json = st.opt_text(9);
    w.sicknesses.push_back(z);
}

void decode_item(statement const& st, worker& w, std::vector<data_issue>& issues) {
    if (!w.appl) w.appl = application{};  // items without an application row: keep them anyway
    auto list = st.text(1);
    std::string name(st.text(2));
    if (list == "skill") w.appl->skills.push_back(name);
    else if (list == "language") w.appl->languages.push_back(name);
    else {
        decoder d{st, issues, w.id, "application_item", name};
        w.appl->certificates.push_back({name, d.date(3, "valid_until")});
    }
}

void decode_prior(statement const& st, worker& w, std::vector<data_issue>& issues) {
    decoder d{st, issues, w.id, "prior_employment", std::string(st.text(1))};
    auto kind = d.enumeration<prior_employer_kind>(2, "kind");
    auto start = d.date(4, "start");
    if (!kind || !start) return;  // unusable without them; reported above
    prior_employment e;
    e.employer = std::string(st.text(1));
    e.kind = *kind;
    e.client = st.opt_text(3);
    e.start = *start;
    e.end = d.date(5, "end_date");
    e.same_work = d.flag(6);
    e.extra_json = st.opt_text(7);
    if (e.end && *e.end < e.start) d.issue("end_date " + format_date(*e.end) + " lies before start " + format_date(e.start));
    w.prior_employments.push_back(std::move(e));
}

void decode_app_list(statement const& st, worker& w) {
    if (!w.appl) w.appl = application{};  // items without an application row: keep them anyway
    auto list = st.text(1);
    (list == "licence" ? w.appl->licences : w.appl->preferred_functions).emplace_back(st.text(2));
}

void decode_task(statement const& st, worker& w, std::vector<data_issue>& issues) {
    decoder d{st, issues, w.id, "task_done", std::string(st.text(1))};
    auto on = d.date(3, "on_date");
    if (!on) return;
    task_done t;
    t.task = std::string(st.text(1));
    t.placement = st.opt_text(2);
    t.on = *on;
    t.by = st.opt_text(4);
    t.how = st.opt_text(5);
    t.note = st.opt_text(6);
    t.extra_json = st.opt_text(7);
    w.tasks_done.push_back(std::move(t));
}

/// Checks that each placement's contract exists; a dangling id is a data-quality issue.
void check_references(worker& w, std::vector<data_issue>& issues) {
    for (auto const& p : w.placements) {
        bool found = false;
        for (auto const& c : w.contracts) found = found || c.id == p.contract;
        if (!found) issues.push_back({w.id, "placement", p.id, "contract '" + p.contract + "' does not exist"});
    }
    for (auto const& t : w.tasks_done) {  // v1.1
        if (!t.placement) continue;
        bool found = false;
        for (auto const& p : w.placements) found = found || p.id == *t.placement;
        if (!found) issues.push_back({w.id, "task_done", t.task, "placement '" + *t.placement + "' does not exist"});
    }
}

}  // namespace

std::optional<agency> store::load_agency(std::vector<data_issue>* issues) const {
    statement st(db_, "SELECT name, cao, phase_labels, lender_registered_from, wtta_admitted_from, ziektewet_erd, extra_json FROM agency");
    if (!st.step()) return std::nullopt;
    std::vector<data_issue> local;
    std::string none;
    decoder d{st, issues ? *issues : local, none, "agency", "agency"};
    agency a;
    a.name = std::string(st.text(0));
    a.cao = d.enumeration<cao_kind>(1, "cao").value_or(cao_kind::abu);
    a.labels = d.enumeration<phase_labels>(2, "phase_labels").value_or(phase_labels::letters);
    a.lender_registered_from = d.date(3, "lender_registered_from");
    a.wtta_admitted_from = d.date(4, "wtta_admitted_from");
    a.ziektewet_erd = st.integer(5) != 0;
    a.extra_json = st.opt_text(6);
    statement os(db_, "SELECT id, name, extra_json FROM office ORDER BY ordinal");  // v1.1
    while (os.step()) a.offices.push_back({std::string(os.text(0)), std::string(os.text(1)), os.opt_text(2)});
    return a;
}

std::vector<client> store::load_clients(std::vector<data_issue>* issues) const {
    std::vector<data_issue> local;
    auto& out_issues = issues ? *issues : local;
    std::vector<client> out;
    statement cs(db_, "SELECT id, name, extra_json FROM client ORDER BY id");
    while (cs.step()) out.push_back({std::string(cs.text(0)), std::string(cs.text(1)), {}, {}, cs.opt_text(2), {}});
    auto find = [&](std::string_view id) -> client* {
        auto it = std::lower_bound(out.begin(), out.end(), id, [](client const& c, std::string_view k) { return c.id < k; });
        return it != out.end() && it->id == id ? &*it : nullptr;
    };
    statement ss(db_, "SELECT client_id, date_from, date_to FROM client_strike ORDER BY client_id, ordinal");
    std::string none;
    while (ss.step()) {
        auto* c = find(ss.text(0));
        decoder d{ss, out_issues, none, "client_strike", std::string(ss.text(0))};
        auto f = d.date(1, "date_from"), t = d.date(2, "date_to");
        if (!c) d.issue("row of a client that does not exist");
        if (c && f && t) c->strikes.push_back({*f, *t});
    }
    statement ws(db_, "SELECT client_id, function, hourly_cents, date_from FROM client_reference_wage ORDER BY client_id, ordinal");
    while (ws.step()) {
        auto* c = find(ws.text(0));
        decoder d{ws, out_issues, none, "client_reference_wage", std::string(ws.text(0))};
        auto f = d.date(3, "date_from");
        auto cents = d.count(2, "hourly_cents", 100000000);
        if (!c) d.issue("row of a client that does not exist");
        if (c && f && cents) c->reference_wages.push_back({std::string(ws.text(1)), money{*cents}, *f});
    }
    // v1.1: vacancies and their requirement/wish lists.
    statement vs(db_, "SELECT client_id, id, function, code, start, end_date, hours_milli, shifts, hourly_cents, place, lat_e7, "
                      "lon_e7, req_education_level, req_text, status, extra_json, ordinal FROM vacancy ORDER BY client_id, ordinal");
    std::map<std::pair<std::string, std::int64_t>, std::pair<client*, std::size_t>> by_ordinal;  // out no longer grows
    while (vs.step()) {
        auto* c = find(vs.text(0));
        decoder d{vs, out_issues, none, "vacancy", std::string(vs.text(1))};
        auto start = d.date(4, "start");
        auto status = d.enumeration<vacancy_status>(14, "status");
        if (!c || !start) continue;
        vacancy v;
        v.id = std::string(vs.text(1));
        v.function = std::string(vs.text(2));
        v.code = vs.opt_text(3);
        v.start = *start;
        v.end = d.date(5, "end_date");
        if (auto h = vs.opt_integer(6)) v.hours_per_week = decimal{*h};
        v.shifts = d.shifts(7, "shifts");
        if (auto m = vs.opt_integer(8)) v.hourly_wage = money{*m};
        v.place = vs.opt_text(9);
        v.lat = d.coord(10);
        v.lon = d.coord(11);
        v.requirements.education_level = vs.opt_text(12);
        v.requirements.text = vs.opt_text(13);
        v.status = status.value_or(vacancy_status::open);
        v.extra_json = vs.opt_text(15);
        c->vacancies.push_back(std::move(v));
        by_ordinal[{c->id, vs.integer(16)}] = {c, c->vacancies.size() - 1};
    }
    statement is(db_, "SELECT client_id, vacancy_ordinal, list, name FROM vacancy_item ORDER BY client_id, vacancy_ordinal, list, ordinal");
    while (is.step()) {
        auto it = by_ordinal.find({std::string(is.text(0)), is.integer(1)});
        if (it == by_ordinal.end()) continue;
        auto& v = it->second.first->vacancies[it->second.second];
        auto list = is.text(2);
        std::string name(is.text(3));
        if (list == "req_certificate") v.requirements.certificates.push_back(name);
        else if (list == "req_licence") v.requirements.licences.push_back(name);
        else if (list == "req_language") v.requirements.languages.push_back(name);
        else if (list == "req_skill") v.requirements.skills.push_back(name);
        else if (list == "wish_skill") v.wishes.skills.push_back(name);
        else if (list == "wish_certificate") v.wishes.certificates.push_back(name);
        else v.wishes.languages.push_back(name);
    }
    return out;
}

std::optional<worker> store::load_worker(std::string const& id, std::vector<data_issue>* issues) const {
    std::vector<data_issue> local;
    auto& is = issues ? *issues : local;
    statement ws(db_, std::string("SELECT ") + worker_columns + " FROM worker WHERE id = ?1");
    ws.bind(1, id);
    if (!ws.step()) return std::nullopt;
    worker w;
    decode_worker(ws, w, is);
    statement cs(db_, std::string("SELECT ") + contract_columns + " FROM contract WHERE worker_id = ?1 ORDER BY ordinal");
    cs.bind(1, id);
    while (cs.step()) {
        contract c;
        if (decode_contract(cs, w.id, c, is)) w.contracts.push_back(std::move(c));
    }
    statement ps(db_, std::string("SELECT ") + placement_columns + " FROM placement WHERE worker_id = ?1 ORDER BY ordinal");
    ps.bind(1, id);
    while (ps.step()) {
        placement p;
        if (decode_placement(ps, w.id, p, is)) w.placements.push_back(std::move(p));
    }
    statement wk(db_, std::string("SELECT ") + week_columns + " FROM week_range WHERE worker_id = ?1 ORDER BY list, ordinal");
    wk.bind(1, id);
    while (wk.step()) decode_weeks(wk, w, is);
    statement sk(db_, std::string("SELECT ") + sickness_columns + " FROM sickness WHERE worker_id = ?1 ORDER BY ordinal");
    sk.bind(1, id);
    while (sk.step()) decode_sickness(sk, w, is);
    statement it(db_, std::string("SELECT ") + item_columns + " FROM application_item WHERE worker_id = ?1 ORDER BY list, ordinal");
    it.bind(1, id);
    while (it.step()) decode_item(it, w, is);
    statement pe(db_, std::string("SELECT ") + prior_columns + " FROM prior_employment WHERE worker_id = ?1 ORDER BY ordinal");
    pe.bind(1, id);
    while (pe.step()) decode_prior(pe, w, is);
    statement al(db_, std::string("SELECT ") + app_list_columns + " FROM application_list WHERE worker_id = ?1 ORDER BY list, ordinal");
    al.bind(1, id);
    while (al.step()) decode_app_list(al, w);
    statement td(db_, std::string("SELECT ") + task_columns + " FROM task_done WHERE worker_id = ?1 ORDER BY ordinal");
    td.bind(1, id);
    while (td.step()) decode_task(td, w, is);
    check_references(w, is);
    return w;
}

namespace {
/// One ordered pass over a child table: rows come in worker-id order and are consumed while their
/// worker_id matches the worker being assembled.
struct child_cursor {
    statement st;
    bool has = false;
    child_cursor(sqlite3* db, std::string sql) : st(db, std::move(sql)) { has = st.step(); }
    std::string_view worker_id() const { return st.text(0); }
    void next() { has = st.step(); }
};

// A 64-bit hash of every column, eight bytes at a time (FNV-1a per byte cost 8% of an audit).
inline std::uint64_t mix64(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 32);
}

void hash_row(std::uint64_t* h, statement const& st) {
    if (!h) return;
    for (int c = 0, n = st.columns(); c < n; ++c) {
        auto t = st.text(c);
        std::size_t i = 0;
        for (; i + 8 <= t.size(); i += 8) {
            std::uint64_t v;
            std::memcpy(&v, t.data() + i, 8);
            *h = mix64(*h, v);
        }
        std::uint64_t tail = 0;
        if (i < t.size()) std::memcpy(&tail, t.data() + i, t.size() - i);  // an empty or NULL column has no data pointer
        *h = mix64(*h, tail ^ (static_cast<std::uint64_t>(t.size()) << 56));  // the length separates fields
    }
}
}  // namespace

void store::for_each_worker(std::function<bool(worker&&, std::vector<data_issue>&&)> const& visit,
                            std::function<void(data_issue&&)> const& orphan, std::uint64_t* hash, worker_selection which) const {
    bool const active = which == worker_selection::active_applicants;
    std::string const of_workers = active ? " WHERE app_status = 'active'" : "";
    std::string const of_children = active ? " WHERE worker_id IN (SELECT id FROM worker WHERE app_status = 'active')" : "";
    statement ws(db_, std::string("SELECT ") + worker_columns + " FROM worker" + of_workers + " ORDER BY id");
    auto child = [&](char const* columns, char const* table, char const* order) {
        return child_cursor(db_, std::string("SELECT ") + columns + " FROM " + table + of_children + " ORDER BY " + order);
    };
    child_cursor contracts = child(contract_columns, "contract", "worker_id, ordinal");
    child_cursor placements = child(placement_columns, "placement", "worker_id, ordinal");
    child_cursor weeks = child(week_columns, "week_range", "worker_id, list, ordinal");
    child_cursor sick = child(sickness_columns, "sickness", "worker_id, ordinal");
    child_cursor items = child(item_columns, "application_item", "worker_id, list, ordinal");
    child_cursor prior = child(prior_columns, "prior_employment", "worker_id, ordinal");
    child_cursor app_lists = child(app_list_columns, "application_list", "worker_id, list, ordinal");
    child_cursor tasks = child(task_columns, "task_done", "worker_id, ordinal");

    auto drain_orphans = [&](child_cursor& cur, char const* table, std::string_view upto, bool all) {
        while (cur.has && (all || cur.worker_id() < upto)) {
            if (orphan) orphan({std::string(cur.worker_id()), table, std::string(cur.st.text(1)), "row of a worker that does not exist"});
            cur.next();
        }
    };
    while (ws.step()) {
        worker w;
        std::vector<data_issue> issues;
        decode_worker(ws, w, issues);
        hash_row(hash, ws);
        // Each child table: skip rows of workers that do not exist, then decode this worker's rows.
        auto rows_of = [&](child_cursor& cur, char const* table, auto&& decode) {
            drain_orphans(cur, table, w.id, false);
            for (; cur.has && cur.worker_id() == w.id; cur.next()) {
                hash_row(hash, cur.st);
                decode(cur.st);
            }
        };
        rows_of(contracts, "contract", [&](auto& st) {
            contract c;
            if (decode_contract(st, w.id, c, issues)) w.contracts.push_back(std::move(c));
        });
        rows_of(placements, "placement", [&](auto& st) {
            placement p;
            if (decode_placement(st, w.id, p, issues)) w.placements.push_back(std::move(p));
        });
        rows_of(weeks, "week_range", [&](auto& st) { decode_weeks(st, w, issues); });
        rows_of(sick, "sickness", [&](auto& st) { decode_sickness(st, w, issues); });
        rows_of(items, "application_item", [&](auto& st) { decode_item(st, w, issues); });
        rows_of(prior, "prior_employment", [&](auto& st) { decode_prior(st, w, issues); });
        rows_of(app_lists, "application_list", [&](auto& st) { decode_app_list(st, w); });
        rows_of(tasks, "task_done", [&](auto& st) { decode_task(st, w, issues); });
        check_references(w, issues);
        if (!visit(std::move(w), std::move(issues))) return;
    }
    for (auto* c : {&contracts, &placements, &weeks, &sick, &items, &prior, &app_lists, &tasks})
        drain_orphans(*c, "child", {}, true);
}

store::scan_result store::scan_rows() const {
    scan_result r;
    for (auto const& sql : {std::string("SELECT ") + worker_columns + " FROM worker ORDER BY id",
                            std::string("SELECT ") + contract_columns + " FROM contract ORDER BY worker_id, ordinal",
                            std::string("SELECT ") + placement_columns + " FROM placement ORDER BY worker_id, ordinal",
                            std::string("SELECT ") + week_columns + " FROM week_range ORDER BY worker_id, list, ordinal",
                            std::string("SELECT ") + sickness_columns + " FROM sickness ORDER BY worker_id, ordinal",
                            std::string("SELECT ") + item_columns + " FROM application_item ORDER BY worker_id, list, ordinal",
                            std::string("SELECT ") + prior_columns + " FROM prior_employment ORDER BY worker_id, ordinal",
                            std::string("SELECT ") + app_list_columns + " FROM application_list ORDER BY worker_id, list, ordinal",
                            std::string("SELECT ") + task_columns + " FROM task_done ORDER BY worker_id, ordinal"}) {
        statement st(db_, sql);
        // Touch every column, as the audit's decoders do, so the comparison is fair.
        while (st.step()) {
            ++r.rows;
            for (int c = 0, n = st.columns(); c < n; ++c) r.bytes += static_cast<std::int64_t>(st.text(c).size());
        }
    }
    return r;
}

dossier store::load_all(std::vector<data_issue>* issues) const {
    dossier d;
    if (auto a = load_agency(issues)) d.agency_info = *a;
    d.clients = load_clients(issues);
    for_each_worker(
        [&](worker&& w, std::vector<data_issue>&& is) {
            if (issues) issues->insert(issues->end(), is.begin(), is.end());
            d.workers.push_back(std::move(w));
            return true;
        },
        [&](data_issue&& orphan) {
            if (issues) issues->push_back(std::move(orphan));
        });
    return d;
}

namespace {

std::string const worker_summary_sql =
    "SELECT w.id, w.name, "
    " (SELECT count(*) FROM contract c WHERE c.worker_id = w.id), "
    " (SELECT count(*) FROM placement p WHERE p.worker_id = w.id), "
    " (SELECT min(start) FROM contract c WHERE c.worker_id = w.id), "
    " (SELECT max(coalesce(ended_on, end_date)) FROM contract c WHERE c.worker_id = w.id), "
    " (SELECT count(*) FROM contract c WHERE c.worker_id = w.id AND coalesce(ended_on, end_date) IS NULL), "
    " (SELECT count(*) FROM sickness s WHERE s.worker_id = w.id) "
    "FROM worker w ";

worker_summary read_summary(statement const& st) {
    worker_summary s;
    s.id = std::string(st.text(0));
    s.name = std::string(st.text(1));
    s.contracts = static_cast<int>(st.integer(2));
    s.placements = static_cast<int>(st.integer(3));
    if (!st.is_null(4)) s.first_start = parse_date(st.text(4));
    if (!st.is_null(5)) s.last_end = parse_date(st.text(5));
    s.open_contract = st.integer(6) > 0;
    s.sicknesses = static_cast<int>(st.integer(7));
    return s;
}

// A worker matches when the query is part of the id or the name (ASCII letters without case).
char const* const worker_filter = "WHERE instr(lower(w.id), lower(?1)) > 0 OR instr(lower(w.name), lower(?1)) > 0 ";

}  // namespace

std::vector<worker_summary> store::list_workers() const {
    statement st(db_, worker_summary_sql + "ORDER BY w.id");
    std::vector<worker_summary> out;
    while (st.step()) out.push_back(read_summary(st));
    return out;
}

std::vector<worker_summary> store::find_workers(std::string const& query, std::size_t limit, std::int64_t* total) const {
    statement st(db_, worker_summary_sql + worker_filter + "ORDER BY w.id LIMIT ?2");
    st.bind(1, query);
    st.bind(2, static_cast<std::int64_t>(limit));
    std::vector<worker_summary> out;
    while (st.step()) out.push_back(read_summary(st));
    if (total) {
        statement count(db_, std::string("SELECT count(*) FROM worker w ") + worker_filter);
        count.bind(1, query);
        *total = count.step() ? count.integer(0) : 0;
    }
    return out;
}

std::int64_t store::worker_count() const {
    statement st(db_, "SELECT count(*) FROM worker");
    return st.step() ? st.integer(0) : 0;
}

std::uint64_t store::reference_data_hash() const {
    std::uint64_t h = 14695981039346656037ULL;
    for (auto const* sql : {"SELECT * FROM agency", "SELECT * FROM client ORDER BY id",
                            "SELECT * FROM client_strike ORDER BY client_id, ordinal",
                            "SELECT * FROM client_reference_wage ORDER BY client_id, ordinal",
                            "SELECT * FROM office ORDER BY id", "SELECT * FROM vacancy ORDER BY client_id, ordinal",
                            "SELECT * FROM vacancy_item ORDER BY client_id, vacancy_ordinal, list, ordinal"}) {
        statement st(db_, sql);
        while (st.step()) hash_row(&h, st);
    }
    return h;
}

std::int64_t store::data_version() const { return pragma_int(db_, "data_version"); }

std::string store::content_hash() const {
    std::uint64_t h = reference_data_hash();
    for_each_worker([](worker&&, std::vector<data_issue>&&) { return true; }, {}, &h);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// ---------------------------------------------------------------------------------------------
// The matching log (append-only; the schema's triggers refuse changes)

std::int64_t store::append_match_log(match_log_entry const& e) {
    exec(db_, "BEGIN IMMEDIATE");
    try {
        statement st(db_,
                     "INSERT INTO match_log (entry, at, by_whom, client_id, vacancy_id, worker_id, reference_date, "
                     "inputs_hash, decision, reason, detail_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        st.bind(1, e.entry);
        st.bind(2, e.at);
        st.bind(3, e.by);
        st.bind(4, e.client);
        st.bind(5, e.vacancy);
        st.bind(6, e.worker);
        st.bind(7, e.reference_date);
        st.bind(8, e.inputs_hash);
        st.bind(9, e.decision);
        st.bind(10, e.reason);
        st.bind(11, e.detail_json);
        st.run();
        auto id = sqlite3_last_insert_rowid(db_);
        exec(db_, "COMMIT");
        return id;
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

bool store::append_task_done(std::string const& worker_id, engine::task_done const& t) {
    exec(db_, "BEGIN IMMEDIATE");
    try {
        statement who(db_, "SELECT tasks_recorded FROM worker WHERE id = ?1");
        who.bind(1, worker_id);
        if (!who.step()) throw store_error("no worker '" + worker_id + "' in " + path_);
        bool was_recorded = who.integer(0) != 0;
        if (t.placement) {
            statement pl(db_, "SELECT 1 FROM placement WHERE worker_id = ?1 AND id = ?2");
            pl.bind(1, worker_id);
            pl.bind(2, *t.placement);
            if (!pl.step()) throw store_error("worker '" + worker_id + "' has no placement '" + *t.placement + "'");
        }
        statement next(db_, "SELECT COALESCE(MAX(ordinal) + 1, 0) FROM task_done WHERE worker_id = ?1");
        next.bind(1, worker_id);
        if (!next.step()) throw store_error("cannot read the task rows of worker '" + worker_id + "'");
        std::int64_t ordinal = next.integer(0);
        statement ins(db_, "INSERT INTO task_done(worker_id, ordinal, task, placement_id, on_date, by_whom, how, note, extra_json) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        ins.bind(1, worker_id);
        ins.bind(2, ordinal);
        ins.bind(3, t.task);
        ins.bind(4, t.placement);
        ins.bind(5, format_date(t.on));
        ins.bind(6, t.by);
        ins.bind(7, t.how);
        ins.bind(8, t.note);
        ins.bind(9, t.extra_json);
        ins.run();
        statement mark(db_, "UPDATE worker SET tasks_recorded = 1 WHERE id = ?1");
        mark.bind(1, worker_id);
        mark.run();
        if (sqlite3_changes(db_) != 1) throw store_error("could not mark the guidance of worker '" + worker_id + "' as kept");
        // A checked write: the row reads back as written.
        statement back(db_, "SELECT task, placement_id, on_date, by_whom, how, note FROM task_done WHERE worker_id = ?1 AND ordinal = ?2");
        back.bind(1, worker_id);
        back.bind(2, ordinal);
        if (!back.step() || std::string(back.text(0)) != t.task || back.opt_text(1) != t.placement ||
            std::string(back.text(2)) != format_date(t.on) || back.opt_text(3) != t.by || back.opt_text(4) != t.how ||
            back.opt_text(5) != t.note)
            throw store_error("the task row of worker '" + worker_id + "' did not read back as written");
        exec(db_, "COMMIT");
        return was_recorded;
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

std::vector<match_log_entry> store::match_log(std::optional<std::string> const& vacancy,
                                              std::optional<std::string> const& worker) const {
    statement st(db_,
                 "SELECT id, entry, at, by_whom, client_id, vacancy_id, worker_id, reference_date, inputs_hash, decision, "
                 "reason, detail_json FROM match_log WHERE (?1 IS NULL OR vacancy_id = ?1) AND (?2 IS NULL OR worker_id = ?2 "
                 "OR (entry = 'run' AND ?1 IS NULL AND instr(detail_json, '\"' || ?2 || '\"') > 0)) ORDER BY id");
    st.bind(1, vacancy);
    st.bind(2, worker);
    std::vector<match_log_entry> out;
    while (st.step()) {
        match_log_entry e;
        e.id = st.integer(0);
        e.entry = std::string(st.text(1));
        e.at = std::string(st.text(2));
        e.by = std::string(st.text(3));
        e.client = st.opt_text(4);
        e.vacancy = st.opt_text(5);
        e.worker = st.opt_text(6);
        e.reference_date = st.opt_text(7);
        e.inputs_hash = st.opt_text(8);
        e.decision = st.opt_text(9);
        e.reason = st.opt_text(10);
        e.detail_json = st.opt_text(11);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace rw::adapters::sqlite
