# Issue 12, matching speed (match3): the top N (match_options::stop_after_eligible) gives exactly
# the first N eligible of the full check, and the output says how many were checked.
add_executable(match_lazy_tests unit/engine/match_lazy_test.cpp)
target_link_libraries(match_lazy_tests PRIVATE rw_engine rw_adapter_yaml rw_presentation rw_test_support GTest::gtest_main)
rw_enable_warnings(match_lazy_tests)
gtest_discover_tests(match_lazy_tests DISCOVERY_MODE PRE_TEST PROPERTIES TIMEOUT 1200)
