# The web application (issue 16): HTTP tests on loopback with a temporary store.
add_executable(web_tests unit/web/http_test.cpp)
target_link_libraries(web_tests PRIVATE rw_web rw_adapter_yaml rw_adapter_sqlite rw_engine rw_test_support PkgConfig::HTTPLIB
                                        GTest::gtest_main Threads::Threads)
rw_enable_warnings(web_tests)
# GCC 12's <regex> trips -Wmaybe-uninitialized (std::function in _StateT) under the sanitizer build:
# a false positive in the standard library, not in this code (the Release build is clean).
target_compile_options(web_tests PRIVATE -Wno-maybe-uninitialized)
gtest_discover_tests(web_tests DISCOVERY_MODE PRE_TEST PROPERTIES TIMEOUT 120)

# `user add`: the password from stdin, a short one refused, a second user of the same name refused.
add_test(NAME cli.user_add
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_user_add -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/user_add.cmake)

# Browser tests (issue 16): Debian's chromium, headless, driven by puppeteer-core; axe-core on every
# main page; screenshots in the build folder. `.ci/install-deps --tests` installs chromium and the
# npm packages (tests/browser/package-lock.json).
find_program(NODE_EXECUTABLE node)
if(NODE_EXECUTABLE)
    add_test(NAME browser.main_pages COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/browser/browser.test.mjs)
    set_tests_properties(browser.main_pages PROPERTIES TIMEOUT 300
        ENVIRONMENT "RW_CLI=$<TARGET_FILE:regelwerk>;RW_SRC=${CMAKE_SOURCE_DIR};RW_OUT=${CMAKE_BINARY_DIR}/screenshots")
else()
    add_test(NAME browser.main_pages COMMAND ${CMAKE_COMMAND} -E echo "node not found: run .ci/install-deps --tests")
    set_tests_properties(browser.main_pages PROPERTIES WILL_FAIL TRUE)
endif()
