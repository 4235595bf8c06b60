// Safe output (see safe_output.hpp).
#include "safe_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

namespace rw::cli {

namespace fs = std::filesystem;

namespace {

std::string why() { return std::strerror(errno); }

bool same_inode(struct stat const& a, struct stat const& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

/// The store and the files SQLite keeps next to it.
template <typename F>
std::optional<std::string> check_against_store(std::string const& db, F&& is_it, std::string const& what) {
    if (db.empty()) return std::nullopt;
    for (char const* suffix : {"", "-wal", "-shm", "-journal"}) {
        struct stat st{};
        if (::stat((db + suffix).c_str(), &st) != 0) continue;
        if (is_it(st))
            return what + " is the store '" + db + suffix + "'; refusing to write over it (choose another file)";
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> same_file_as_store(std::string const& path, std::string const& db) {
    struct stat out{};
    if (path.empty() || ::stat(path.c_str(), &out) != 0) return std::nullopt;  // a new file is no store
    return check_against_store(db, [&](struct stat const& st) { return same_inode(st, out); }, "'" + path + "'");
}

std::optional<std::string> std_streams_are_store(std::string const& db) {
    for (int fd : {1, 2}) {
        struct stat out{};
        if (::fstat(fd, &out) != 0) continue;
        auto e = check_against_store(db, [&](struct stat const& st) { return same_inode(st, out); },
                                     fd == 1 ? "standard output" : "standard error");
        if (e) return e;
    }
    return std::nullopt;
}

std::unique_ptr<safe_output> safe_output::open(std::string const& path, std::string const& db, std::string& error) {
    std::unique_ptr<safe_output> o(new safe_output());
    o->path_ = path;
    if (auto e = std_streams_are_store(db)) {
        error = *e;
        return nullptr;
    }
    if (path.empty()) {
        o->to_stdout_ = true;
        return o;
    }
    if (auto e = same_file_as_store(path, db)) {
        error = *e;
        return nullptr;
    }
    struct stat st{};
    bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        error = "cannot write '" + path + "': it is a folder";
        return nullptr;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        // A device or a FIFO: written in place (renaming over /dev/full would replace the device).
        o->file_.open(path, std::ios::binary | std::ios::out);
        if (!o->file_) {
            error = "cannot write '" + path + "': " + why();
            return nullptr;
        }
        return o;
    }
    std::error_code ec;
    fs::path target = fs::weakly_canonical(fs::path(path), ec);  // through symlinks: replace the file, not the link
    if (ec) target = fs::path(path);
    o->final_ = target.string();
    fs::path dir = target.parent_path();
    std::string tmpl = (dir.empty() ? fs::path(".") : dir).string() + "/." + target.filename().string() + ".XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    int fd = ::mkstemp(buf.data());  // created 0600
    if (fd < 0) {
        error = "cannot write '" + path + "': cannot create a file in '" + (dir.empty() ? "." : dir.string()) + "': " + why();
        return nullptr;
    }
    ::close(fd);
    o->temp_ = buf.data();
    o->file_.open(o->temp_, std::ios::binary | std::ios::out | std::ios::trunc);
    if (!o->file_) {
        error = "cannot write '" + path + "': " + why();
        return nullptr;  // the destructor removes the temporary file
    }
    return o;
}

safe_output::~safe_output() {
    if (!done_ && !temp_.empty()) ::unlink(temp_.c_str());
}

std::ostream& safe_output::stream() { return to_stdout_ ? std::cout : static_cast<std::ostream&>(file_); }

bool safe_output::commit(std::string& error) {
    done_ = true;
    if (to_stdout_) return finish_stdout(error);
    std::string shown = "'" + path_ + "'";
    file_.flush();
    bool ok = static_cast<bool>(file_);
    int saved = errno;
    file_.close();
    if (ok && file_.fail()) {
        ok = false;
        saved = errno;
    }
    if (!temp_.empty()) {
        if (ok) {
            int fd = ::open(temp_.c_str(), O_RDONLY);
            if (fd < 0 || ::fsync(fd) != 0) {
                ok = false;
                saved = errno;
            }
            if (fd >= 0 && ::close(fd) != 0 && ok) {
                ok = false;
                saved = errno;
            }
        }
        if (ok && ::rename(temp_.c_str(), final_.c_str()) != 0) {
            ok = false;
            saved = errno;
        }
        if (!ok) ::unlink(temp_.c_str());
    }
    if (!ok) {
        error = "cannot write " + shown + ": " + std::strerror(saved ? saved : EIO) +
                (temp_.empty() ? "" : " (nothing was written; the file is as it was)");
        return false;
    }
    return true;
}

bool finish_stdout(std::string& error) {
    std::cout.flush();
    bool ok = static_cast<bool>(std::cout);
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) ok = false;
    if (!ok) {
        int saved = errno;
        error = std::string("cannot write to standard output: ") +
                (saved ? std::strerror(saved) : "a write failed (disk full, or the reader went away)") +
                "; the output is incomplete";
        std::clearerr(stdout);
        std::cout.clear();
        return false;
    }
    return true;
}

bool write_file_safely(std::string const& path, std::string const& text, std::string const& db, std::string& error) {
    auto o = safe_output::open(path, db, error);
    if (!o) return false;
    o->stream() << text;
    return o->commit(error);
}

}  // namespace rw::cli
