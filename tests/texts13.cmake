# Issue 13, texts for the worker and the client (included from tests/CMakeLists.txt): every text
# rendered with its placeholders filled, Polish values, the Dutch fallback, goldens per language.
add_executable(texts13_tests unit/texts13/texts13_test.cpp)
target_link_libraries(texts13_tests PRIVATE rw_presentation rw_adapter_yaml rw_test_support GTest::gtest_main)
rw_enable_warnings(texts13_tests)
gtest_discover_tests(texts13_tests DISCOVERY_MODE PRE_TEST TEST_PREFIX "texts13.")
