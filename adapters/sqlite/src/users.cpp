// The web application's users and its access log (issue 16). Every write is one transaction whose
// every return code is checked; a failed write leaves the store as it was.
#include "rw/adapters/sqlite/store.hpp"

#include "statement.hpp"

namespace rw::adapters::sqlite {

using detail::exec;
using detail::statement;

namespace {

template <typename F>
auto in_transaction(sqlite3* db, F&& f) {
    exec(db, "BEGIN IMMEDIATE");
    try {
        auto r = f();
        exec(db, "COMMIT");
        return r;
    } catch (...) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

user_record read_user(statement const& st) {
    user_record u;
    u.name = std::string(st.text(0));
    u.role = std::string(st.text(1));
    u.password_hash = std::string(st.text(2));
    u.created_at = std::string(st.text(3));
    u.disabled = st.integer(4) != 0;
    return u;
}

}  // namespace

void store::add_user(user_record const& u) {
    in_transaction(db_, [&] {
        statement exists(db_, "SELECT 1 FROM app_user WHERE name = ?1");
        exists.bind(1, u.name);
        if (exists.step()) throw store_error("a user named '" + u.name + "' already exists");
        statement st(db_, "INSERT INTO app_user (name, role, password_hash, created_at, disabled) VALUES (?1, ?2, ?3, ?4, ?5)");
        st.bind(1, u.name);
        st.bind(2, u.role);
        st.bind(3, u.password_hash);
        st.bind(4, u.created_at);
        st.bind(5, u.disabled);
        st.run();
        return 0;
    });
}

std::optional<user_record> store::find_user(std::string const& name) const {
    statement st(db_, "SELECT name, role, password_hash, created_at, disabled FROM app_user WHERE name = ?1");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return read_user(st);
}

std::vector<user_record> store::list_users() const {
    statement st(db_, "SELECT name, role, password_hash, created_at, disabled FROM app_user ORDER BY name");
    std::vector<user_record> out;
    while (st.step()) out.push_back(read_user(st));
    return out;
}

bool store::set_user_disabled(std::string const& name, bool disabled) {
    return in_transaction(db_, [&] {
        statement st(db_, "UPDATE app_user SET disabled = ?2 WHERE name = ?1");
        st.bind(1, name);
        st.bind(2, disabled);
        st.run();
        return sqlite3_changes(db_) > 0;
    });
}

std::int64_t store::append_access(access_entry const& e) {
    return in_transaction(db_, [&] {
        statement st(db_, "INSERT INTO access_log (at, user_name, action, worker_id) VALUES (?1, ?2, ?3, ?4)");
        st.bind(1, e.at);
        st.bind(2, e.user);
        st.bind(3, e.action);
        st.bind(4, e.worker);
        st.run();
        return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
    });
}

std::vector<access_entry> store::access_log(std::size_t limit, std::optional<std::string> const& worker) const {
    statement st(db_,
                 "SELECT id, at, user_name, action, worker_id FROM access_log WHERE (?1 IS NULL OR worker_id = ?1) "
                 "ORDER BY id DESC LIMIT ?2");
    st.bind(1, worker);
    st.bind(2, static_cast<std::int64_t>(limit));
    std::vector<access_entry> out;
    while (st.step()) {
        access_entry e;
        e.id = st.integer(0);
        e.at = std::string(st.text(1));
        e.user = std::string(st.text(2));
        e.action = std::string(st.text(3));
        e.worker = st.opt_text(4);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace rw::adapters::sqlite
