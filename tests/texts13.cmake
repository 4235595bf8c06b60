# Issue 13, texts for the worker and the client (included from tests/CMakeLists.txt): every text
# rendered with its placeholders filled, Polish values, the Dutch fallback, goldens per language.
add_executable(texts13_tests unit/texts13/texts13_test.cpp)
target_link_libraries(texts13_tests PRIVATE rw_presentation rw_adapter_yaml rw_test_support GTest::gtest_main)
rw_enable_warnings(texts13_tests)
# GCC 12's <regex> trips -Wmaybe-uninitialized (std::function in _StateT) under the sanitizer build:
# a false positive in the standard library, not in this code (the Release build is clean).
target_compile_options(texts13_tests PRIVATE -Wno-maybe-uninitialized)
gtest_discover_tests(texts13_tests DISCOVERY_MODE PRE_TEST TEST_PREFIX "texts13.")
add_test(NAME cli.advise_for_werker_and_inlener
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_texts13 -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/texts13.cmake)
# A rule with texts for the worker lacks its Polish text: 'rules check' names the rule and the text.
add_test(NAME rules.worker_texts_demanded
         COMMAND regelwerk rules check ${CMAKE_SOURCE_DIR}/tests/dsl/check/bad/audience_texts.rw)
set_tests_properties(rules.worker_texts_demanded PROPERTIES
    PASS_REGULAR_EXPRESSION "rule x\\.talen has texts for the worker but no 'tekst werker en'[^\n]*\\[RW5604\\]")
