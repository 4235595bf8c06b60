# Matching (issue 12): criteria in the rules language, the engine's matching, the CLI, cases.
add_test(NAME cli.match
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_match -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/match.cmake)
# A criterion that reads a protected ground fails `rules check`, citing the AWGB (RW5301).
add_test(NAME rules.criterion_protected_ground
         COMMAND regelwerk rules check ${CMAKE_SOURCE_DIR}/tests/dsl/check/bad/criterion_protected.rw)
set_tests_properties(rules.criterion_protected_ground PROPERTIES WILL_FAIL TRUE)
add_test(NAME rules.criterion_protected_ground_message
         COMMAND regelwerk rules check ${CMAKE_SOURCE_DIR}/tests/dsl/check/bad/criterion_protected.rw)
set_tests_properties(rules.criterion_protected_ground_message PROPERTIES
    PASS_REGULAR_EXPRESSION "'werker\\.nationaliteit' reveals nationaliteit \\(AWGB art\\. 1 en 5[^\n]*AVG art\\. 9\\)[^\n]*\\[RW5301\\]")
# The matching cases alone (they also run in casebase.*): at least 40.
add_test(NAME casebase.matching
         COMMAND regelwerk case verify --rules ${CMAKE_SOURCE_DIR}/rules ${CMAKE_SOURCE_DIR}/casebase/matching)
set_tests_properties(casebase.matching PROPERTIES PASS_REGULAR_EXPRESSION "\n(4[0-9]|[5-9][0-9]) passed, 0 failed")
