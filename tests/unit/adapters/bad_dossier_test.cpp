// The bad-dossier corpus (tests/data/bad-dossiers): each file must be rejected with exactly the
// errors in its .expect file (GNU one-line format), and a failed `regelwerk import` of it must leave
// a populated store byte-for-byte as it was. RW_UPDATE_GOLDEN=1 rewrites the .expect files.
#include "rw/adapters/sqlite/store.hpp"
#include "rw/adapters/yaml/dossier_yaml.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace rw;
namespace fs = std::filesystem;

static std::vector<fs::path> corpus() {
    std::vector<fs::path> files;
    for (auto const& e : fs::directory_iterator(test::source_dir() / "tests/data/bad-dossiers"))
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

class BadDossier : public ::testing::TestWithParam<fs::path> {};

TEST_P(BadDossier, IsRejectedWithTheExpectedErrors) {
    auto path = GetParam();
    // Display paths relative to the corpus folder, so the goldens do not depend on the checkout.
    auto src = std::make_shared<dsl::source_file>(path.filename().string(), test::read_file(path));
    dsl::diagnostics diags;
    auto d = rw::adapters::yaml::read_dossier(src, diags);
    EXPECT_FALSE(d) << "accepted a bad dossier";
    std::string got;
    for (auto const& diag : diags.sorted())
        if (diag.level == dsl::severity::error) got += dsl::render_gnu(diag);
    auto expect_path = fs::path(path).replace_extension(".expect");
    if (test::update_golden()) {
        test::write_file(expect_path, got);
        return;
    }
    ASSERT_TRUE(fs::exists(expect_path)) << "missing " << expect_path;
    EXPECT_EQ(got, test::read_file(expect_path));
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadDossier, ::testing::ValuesIn(corpus()), [](auto const& param_info) {
    std::string n = param_info.param.stem().string();
    std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return n;
});

TEST(BadDossierCorpus, HasAtLeast25Files) { EXPECT_GE(corpus().size(), 25u); }

// Through the real CLI: every bad file is refused with exit code 2 and the store is unchanged.
TEST(BadDossierCorpus, FailedImportsLeaveTheStoreUnchanged) {
    test::temp_dir tmp("badimport");
    auto db = tmp.file("store.db");
    std::string cli = RW_CLI;
    auto demo = (test::source_dir() / "casebase/demo/flexwerk-zuid.yaml").string();
    ASSERT_EQ(std::system((cli + " import --db " + db + " " + demo + " > /dev/null").c_str()), 0);
    std::string before = rw::adapters::sqlite::store::open(db, rw::adapters::sqlite::open_mode::read_only).content_hash();
    for (auto const& f : corpus()) {
        // A bad file after a good one: the good one must not be written either.
        int rc = std::system((cli + " import --db " + db + " " + demo + " " + f.string() + " > /dev/null 2>&1").c_str());
        EXPECT_TRUE(WIFEXITED(rc) && WEXITSTATUS(rc) == 2) << f;
        std::string after = rw::adapters::sqlite::store::open(db, rw::adapters::sqlite::open_mode::read_only).content_hash();
        EXPECT_EQ(after, before) << f;
    }
}
