// See auth.hpp.
#include "rw/adapters/web/auth.hpp"

#include <sodium.h>

#include <ctime>
#include <stdexcept>

namespace rw::adapters::web {

namespace {

void init_sodium() {
    static bool const ok = sodium_init() >= 0;
    if (!ok) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

std::optional<role> parse_role(std::string_view s) {
    if (s == "intercedent") return role::intercedent;
    if (s == "compliance") return role::compliance;
    if (s == "trainer") return role::trainer;
    if (s == "admin") return role::admin;
    return std::nullopt;
}

std::string_view role_name(role r) {
    switch (r) {
        case role::intercedent: return "intercedent";
        case role::compliance: return "compliance";
        case role::trainer: return "trainer";
        case role::admin: return "admin";
    }
    return "intercedent";
}

// Argon2id with libsodium's "interactive" limits (2 passes, 64 MiB): the library's advice for
// online logins, about 0.1 s here.
std::string hash_password(std::string_view password) {
    init_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("cannot hash the password (out of memory)");
    return out;
}

bool verify_password(std::string const& hash, std::string_view password) {
    init_sodium();
    if (hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verify_dummy(std::string_view password) {
    static std::string const dummy = hash_password(random_token());
    (void)verify_password(dummy, password);
}

std::string random_token(std::size_t bytes) {
    init_sodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<unsigned char const*>(raw.data()), raw.size());
    hex.pop_back();
    return hex;
}

bool same_token(std::string_view a, std::string_view b) {
    if (a.size() != b.size() || a.empty()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

session session_table::create(std::string const& user, role who, std::string lang) {
    session s;
    s.id = random_token();
    s.user = user;
    s.who = who;
    s.csrf = random_token();
    s.lang = std::move(lang);
    s.expires = clock::now() + ttl_;
    std::lock_guard lock(m_);
    // Forget expired sessions now and then, so that the table does not grow.
    for (auto it = sessions_.begin(); it != sessions_.end();)
        it = it->second.expires < clock::now() ? sessions_.erase(it) : std::next(it);
    sessions_[s.id] = s;
    return s;
}

std::optional<session> session_table::find(std::string const& id) {
    std::lock_guard lock(m_);
    auto it = sessions_.find(id);
    if (it == sessions_.end()) return std::nullopt;
    if (it->second.expires < clock::now()) {
        sessions_.erase(it);
        return std::nullopt;
    }
    it->second.expires = clock::now() + ttl_;
    return it->second;
}

void session_table::remove(std::string const& id) {
    std::lock_guard lock(m_);
    sessions_.erase(id);
}

void session_table::remove_user(std::string const& user) {
    std::lock_guard lock(m_);
    std::erase_if(sessions_, [&](auto const& kv) { return kv.second.user == user; });
}

void session_table::set_lang(std::string const& id, std::string lang) {
    std::lock_guard lock(m_);
    if (auto it = sessions_.find(id); it != sessions_.end()) it->second.lang = std::move(lang);
}

std::string session_table::handle_for(std::string const& id, std::string const& worker) {
    std::lock_guard lock(m_);
    auto it = sessions_.find(id);
    if (it == sessions_.end()) return {};
    auto& s = it->second;
    if (auto h = s.worker_to_handle.find(worker); h != s.worker_to_handle.end()) return h->second;
    auto h = random_token(12);
    s.worker_to_handle[worker] = h;
    s.handle_to_worker[h] = worker;
    return h;
}

bool login_limiter::allowed(std::string const& key) {
    std::lock_guard lock(m_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return true;
    if (clock::now() - it->second.first > window_) {
        entries_.erase(it);
        return true;
    }
    return it->second.failures < max_;
}

void login_limiter::failed(std::string const& key) {
    std::lock_guard lock(m_);
    auto& e = entries_[key];
    if (e.failures == 0 || clock::now() - e.first > window_) {
        e.failures = 0;
        e.first = clock::now();
    }
    ++e.failures;
}

void login_limiter::succeeded(std::string const& key) {
    std::lock_guard lock(m_);
    entries_.erase(key);
}

}  // namespace rw::adapters::web
