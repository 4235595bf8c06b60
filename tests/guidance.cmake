# Guidance (issue 13; included from tests/CMakeLists.txt): tasks as rules (taak wettelijk | beleid),
# evidence (taak_gedaan, tasks_done), the timeline, `taak gedaan` and `tijdlijn`.
add_executable(guidance_tests
    ${CMAKE_CURRENT_SOURCE_DIR}/unit/guidance/guidance_test.cpp)
target_link_libraries(guidance_tests PRIVATE rw_engine rw_adapter_yaml rw_adapter_sqlite rw_test_support GTest::gtest_main)
rw_enable_warnings(guidance_tests)
gtest_discover_tests(guidance_tests DISCOVERY_MODE PRE_TEST)

# An agency's own policy (overrides/begeleiding-evaluaties.rw) moves the evaluations.
add_test(NAME rules.begeleiding_override
         COMMAND regelwerk case verify --rules ${CMAKE_SOURCE_DIR}/rules
                 --override ${CMAKE_SOURCE_DIR}/overrides/begeleiding-evaluaties.rw
                 ${CMAKE_SOURCE_DIR}/tests/data/begeleiding-override)
set_tests_properties(rules.begeleiding_override PROPERTIES PASS_REGULAR_EXPRESSION "\n4 passed, 0 failed")
# Without the override the same cases fail: the override is what moves the weeks.
add_test(NAME rules.begeleiding_override_needed
         COMMAND regelwerk case verify --rules ${CMAKE_SOURCE_DIR}/rules ${CMAKE_SOURCE_DIR}/tests/data/begeleiding-override)
set_tests_properties(rules.begeleiding_override_needed PROPERTIES PASS_REGULAR_EXPRESSION "\n0 passed, 4 failed")

# The commands: refusals leave the store as it was; a recorded task shows on the timeline.
add_test(NAME cli.guidance
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_guidance -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/guidance.cmake)

# An agency that kept guidance evidence since 2015: contracts before 1 August 2022 meet the old
# text of BW 7:655 (one month for the whole statement), from that day the new one.
add_test(NAME rules.begeleiding_655_voor_2022
         COMMAND regelwerk case verify --rules ${CMAKE_SOURCE_DIR}/rules
                 --override ${CMAKE_SOURCE_DIR}/tests/data/overrides/begeleiding-sinds-2015.rw
                 ${CMAKE_SOURCE_DIR}/tests/data/begeleiding-2015)
set_tests_properties(rules.begeleiding_655_voor_2022 PROPERTIES PASS_REGULAR_EXPRESSION "\n4 passed, 0 failed")
