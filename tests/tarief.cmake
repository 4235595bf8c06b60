# Acquisition (issue 14): the tariff in the rules language, the quote, the re-quote list, cases.
add_executable(tariff_tests unit/engine/tariff_test.cpp)
target_link_libraries(tariff_tests PRIVATE rw_engine rw_test_support GTest::gtest_main)
rw_enable_warnings(tariff_tests)
gtest_discover_tests(tariff_tests DISCOVERY_MODE PRE_TEST)
# The tariff cases alone (they also run in casebase.verify): at least 25.
add_test(NAME casebase.tarief
         COMMAND regelwerk case verify --rules ${CMAKE_SOURCE_DIR}/rules ${CMAKE_SOURCE_DIR}/casebase/tarief)
set_tests_properties(casebase.tarief PROPERTIES PASS_REGULAR_EXPRESSION "\n(2[5-9]|[3-9][0-9]) passed, 0 failed")
# The command: a full quote, a refusal, the printable quote, the re-quote list of the demo agency.
add_test(NAME cli.tarief
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_tarief -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/tarief.cmake)
# The agency's own Whk rate in an override file changes the cost (and is marked onzeker: an example).
add_test(NAME rules.tarief_override_checks
         COMMAND regelwerk rules check ${CMAKE_SOURCE_DIR}/rules --override ${CMAKE_SOURCE_DIR}/overrides/tarief-bureau-voorbeeld.rw)
