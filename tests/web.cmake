# The web application (issue 16): HTTP tests on loopback with a temporary store.
add_executable(web_tests unit/web/http_test.cpp)
target_link_libraries(web_tests PRIVATE rw_web rw_adapter_yaml rw_adapter_sqlite rw_engine rw_test_support PkgConfig::HTTPLIB
                                        GTest::gtest_main Threads::Threads)
rw_enable_warnings(web_tests)
gtest_discover_tests(web_tests DISCOVERY_MODE PRE_TEST PROPERTIES TIMEOUT 120)

# `user add`: the password from stdin, a short one refused, a second user of the same name refused.
add_test(NAME cli.user_add
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_user_add -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/user_add.cmake)
