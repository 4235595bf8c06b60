# Issue 12, the rest (match2): the fast legal check of matching gives exactly what the exhaustive
# one gives (the casebase and a generated agency), and the CLI's text for people.
add_executable(match_fast_tests unit/engine/match_fast_test.cpp)
target_link_libraries(match_fast_tests PRIVATE rw_engine rw_adapter_yaml rw_test_support GTest::gtest_main)
rw_enable_warnings(match_fast_tests)
gtest_discover_tests(match_fast_tests DISCOVERY_MODE PRE_TEST PROPERTIES TIMEOUT 1200)
