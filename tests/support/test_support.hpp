// Helpers shared by the test suites: paths into the source tree, temporary files, golden files.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace rw::test {

inline std::filesystem::path source_dir() { return RW_SOURCE_DIR; }

/// A fresh, empty directory under the system temp dir, removed when the object goes away.
class temp_dir {
public:
    explicit temp_dir(std::string const& name) {
        path_ = std::filesystem::temp_directory_path() /
                ("rw-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::filesystem::path const& path() const { return path_; }
    std::string file(std::string const& name) const { return (path_ / name).string(); }

private:
    static int& counter() {
        static int c = 0;
        return c;
    }
    std::filesystem::path path_;
};

inline std::string read_file(std::filesystem::path const& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write_file(std::filesystem::path const& p, std::string const& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

/// RW_UPDATE_GOLDEN=1 rewrites expectation files instead of comparing (review with git diff).
inline bool update_golden() {
    char const* v = std::getenv("RW_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

}  // namespace rw::test
