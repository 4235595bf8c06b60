// RAII wrappers over sqlite3_stmt: prepare once, bind, step; every failure throws store_error
// carrying sqlite3_errmsg and the SQL text.
#pragma once

#include "rw/adapters/sqlite/store.hpp"

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>

namespace rw::adapters::sqlite::detail {

[[noreturn]] inline void fail(sqlite3* db, std::string_view what, std::string_view sql) {
    std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    if (!sql.empty()) msg += " [SQL: " + std::string(sql) + "]";
    throw store_error(msg);
}

/// Runs one or more statements without results (schema, pragmas, BEGIN/COMMIT).
inline void exec(sqlite3* db, std::string const& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string m = err ? err : sqlite3_errmsg(db);
        sqlite3_free(err);
        throw store_error(m + " [SQL: " + sql + "]");
    }
}

class statement {
public:
    statement(sqlite3* db, std::string sql) : db_(db), sql_(std::move(sql)) {
        if (sqlite3_prepare_v2(db_, sql_.c_str(), static_cast<int>(sql_.size()), &stmt_, nullptr) != SQLITE_OK)
            fail(db_, "cannot prepare statement", sql_);
    }
    statement(statement const&) = delete;
    statement& operator=(statement const&) = delete;
    ~statement() { sqlite3_finalize(stmt_); }

    void bind(int i, std::string_view v) { check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT)); }
    void bind(int i, char const* v) { bind(i, std::string_view(v)); }
    void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_, i, v)); }
    void bind(int i, int v) { check(sqlite3_bind_int64(stmt_, i, v)); }
    void bind(int i, bool v) { check(sqlite3_bind_int64(stmt_, i, v ? 1 : 0)); }
    void bind_null(int i) { check(sqlite3_bind_null(stmt_, i)); }
    template <typename T>
    void bind(int i, std::optional<T> const& v) {
        if (v) bind(i, *v);
        else bind_null(i);
    }

    /// true: a row is available; false: done. Throws on any error.
    bool step() {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(db_, "statement failed", sql_);
    }
    void run() {
        step();
        reset();
    }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    bool is_null(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
    std::string_view text(int c) const {
        auto p = reinterpret_cast<char const*>(sqlite3_column_text(stmt_, c));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c))) : std::string_view();
    }
    std::int64_t integer(int c) const { return sqlite3_column_int64(stmt_, c); }
    std::optional<std::string> opt_text(int c) const {
        if (is_null(c)) return std::nullopt;
        return std::string(text(c));
    }
    std::optional<std::int64_t> opt_integer(int c) const {
        if (is_null(c)) return std::nullopt;
        return integer(c);
    }
    int columns() const { return sqlite3_column_count(stmt_); }
    sqlite3_stmt* handle() const { return stmt_; }
    std::string const& sql() const { return sql_; }

private:
    void check(int rc) {
        if (rc != SQLITE_OK) fail(db_, "cannot bind parameter", sql_);
    }
    sqlite3* db_;
    std::string sql_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace rw::adapters::sqlite::detail
