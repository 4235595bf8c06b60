# Issue 11 (points 4, 5, 7 and the goldens): the worker view, the work list, explanations and the
# audit as people read them, on the whole demo store (tests/golden/views; RW_UPDATE_GOLDEN=1
# build/bin/views_tests rewrites). PendingLabels.* reports the engine names still shown to people
# and is skipped until the rulebook declares labels; then it fails for every name without one.
add_executable(views_tests unit/presentation/views_test.cpp)
target_link_libraries(views_tests PRIVATE rw_presentation rw_adapter_yaml rw_test_support GTest::gtest_main)
rw_enable_warnings(views_tests)
gtest_discover_tests(views_tests DISCOVERY_MODE PRE_TEST)
