// One way for every command to write its output (a file or stdout) without losing data:
//   - never over the command's own store: a path (or stdout) that is the store, or its -wal/-shm/
//     -journal file, by device and inode (so symlinks, hard links and ./x.db all count), is refused;
//   - a file is written to a temporary file (0600: reports hold personal data) in the same folder,
//     flushed, fsync'd, closed, every step checked, and only then renamed over the target; a
//     failure removes the temporary file and leaves the target as it was;
//   - a target that is not a regular file (/dev/full, /dev/stdout, a FIFO) is written in place,
//     with every write checked;
//   - stdout is flushed and checked (finish_stdout, called once by main).
#pragma once

#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace rw::cli {

/// An error message when `path` is the store at `db` (or one of its journal files), else nullopt.
std::optional<std::string> same_file_as_store(std::string const& path, std::string const& db);
/// An error message when standard output or standard error is the store at `db`, else nullopt.
std::optional<std::string> std_streams_are_store(std::string const& db);

class safe_output {
public:
    /// `path` empty: standard output. `db` (may be empty): the store the command reads or writes,
    /// which the output must not be. Returns nullptr and sets `error` when it cannot begin.
    static std::unique_ptr<safe_output> open(std::string const& path, std::string const& db, std::string& error);
    ~safe_output();
    safe_output(safe_output const&) = delete;
    safe_output& operator=(safe_output const&) = delete;

    std::ostream& stream();
    /// Flushes, syncs, closes and renames into place; false with `error` set on any failure (the
    /// target is then unchanged and the temporary file removed).
    bool commit(std::string& error);
    std::string const& path() const { return path_; }

private:
    safe_output() = default;
    std::string path_;     // the target, as given ("" = stdout)
    std::string final_;    // where the temporary file is renamed to (the target, symlinks resolved)
    std::string temp_;     // the temporary file ("" when writing in place)
    std::ofstream file_;
    bool to_stdout_ = false;
    bool done_ = false;
};

/// Flushes stdout and std::cout; false with `error` set when anything written to it was lost.
bool finish_stdout(std::string& error);

/// Writes `text` to `path` through a safe_output; false with `error` on failure.
bool write_file_safely(std::string const& path, std::string const& text, std::string const& db, std::string& error);

}  // namespace rw::cli
