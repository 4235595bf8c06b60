// Replays fuzz inputs (files or folders) through the fuzz entry point, without libFuzzer: a crash
// found by fuzzing becomes a file in tests/fuzz/corpus and a permanent regression test.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        if (fs::is_directory(argv[i])) {
            for (auto const& e : fs::recursive_directory_iterator(argv[i]))
                if (e.is_regular_file()) files.push_back(e.path());
        } else {
            files.emplace_back(argv[i]);
        }
    }
    for (auto const& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::string s = ss.str();
        LLVMFuzzerTestOneInput(reinterpret_cast<std::uint8_t const*>(s.data()), s.size());
    }
    std::printf("replayed %zu input(s)\n", files.size());
    return files.empty() ? 1 : 0;
}
