// Who may do what in the web application: roles, password hashes (Argon2id, libsodium), sessions
// with a CSRF token, and a limit on failed logins. No I/O here besides libsodium's random bytes.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace rw::adapters::web {

/// The four roles (issue 16): intercedent (workers, actions, matching, tariff, guidance; records
/// decisions and tasks), compliance (everything read-only, and the audit), trainer (the exam
/// generator only: never personal data), admin (users and the access log).
enum class role { intercedent, compliance, trainer, admin };
std::optional<role> parse_role(std::string_view s);
std::string_view role_name(role r);

/// The shortest password `user add` accepts.
inline constexpr std::size_t min_password_length = 12;

/// An Argon2id hash in crypto_pwhash_str form; throws std::runtime_error when libsodium fails.
std::string hash_password(std::string_view password);
/// Whether `password` matches `hash`; false for a malformed hash.
bool verify_password(std::string const& hash, std::string_view password);
/// Spends the time of one verification without a user (so that a wrong name takes as long as a
/// wrong password, and names cannot be probed by timing).
void verify_dummy(std::string_view password);
/// 32 random bytes as 64 hex digits (session ids, CSRF tokens); 16 bytes as 32 for handles.
std::string random_token(std::size_t bytes = 32);
/// Constant-time comparison of two tokens.
bool same_token(std::string_view a, std::string_view b);
/// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_now();

using clock = std::chrono::steady_clock;

struct session {
    std::string id;       // the cookie's value
    std::string user;
    role who = role::intercedent;
    std::string csrf;     // must come back with every POST
    std::string lang = "nl";
    clock::time_point expires;
    /// Opaque handles for worker ids, so that no personal data (not even a worker's number)
    /// appears in a URL: /werker/<handle>. Valid for this session only.
    std::map<std::string, std::string> handle_to_worker, worker_to_handle;
};

/// The sessions of a running server, in memory (a restart logs everyone out). Sliding expiry:
/// each request extends a session by `ttl`. Thread-safe.
class session_table {
public:
    explicit session_table(std::chrono::seconds ttl) : ttl_(ttl) {}
    session create(std::string const& user, role who, std::string lang);
    /// A copy of the live session with this id (extended), or nullopt (unknown or expired).
    std::optional<session> find(std::string const& id);
    void remove(std::string const& id);
    /// Ends every session of `user` (a disabled user is logged out at once).
    void remove_user(std::string const& user);
    void set_lang(std::string const& id, std::string lang);
    /// The handle for a worker id in this session (made on first use).
    std::string handle_for(std::string const& id, std::string const& worker);
    std::chrono::seconds ttl() const { return ttl_; }

private:
    std::chrono::seconds ttl_;
    std::mutex m_;
    std::map<std::string, session> sessions_;
};

/// Failed logins per key (a user name, an address): after `max_failures` within `window`, the
/// key is refused until the window has passed since the first of them. Thread-safe.
class login_limiter {
public:
    login_limiter(int max_failures, std::chrono::seconds window) : max_(max_failures), window_(window) {}
    bool allowed(std::string const& key);
    void failed(std::string const& key);
    void succeeded(std::string const& key);

private:
    struct entry {
        int failures = 0;
        clock::time_point first;
    };
    int max_;
    std::chrono::seconds window_;
    std::mutex m_;
    std::map<std::string, entry> entries_;
};

}  // namespace rw::adapters::web
