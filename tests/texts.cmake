# Issue 11, texts that know the day (included from tests/CMakeLists.txt): the wording after the
# deadline, conditional wording, and deadlines on weekends and holidays.
add_executable(texts_tests
    ${CMAKE_CURRENT_SOURCE_DIR}/unit/engine/texts_test.cpp)
target_link_libraries(texts_tests PRIVATE rw_engine rw_test_support GTest::gtest_main)
rw_enable_warnings(texts_tests)
gtest_discover_tests(texts_tests DISCOVERY_MODE PRE_TEST)

# Every rule with a 'termijn' in the rulebook says its wording after the deadline: remove one such
# text and 'rules check' names the rule and the missing text.
add_test(NAME rules.after_due_text_demanded
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/texts_after_due -P ${CMAKE_CURRENT_SOURCE_DIR}/texts_after_due.cmake)
