# Issue 10, point 6 "tests that can fail" (included from tests/CMakeLists.txt).

# `exactly: true` (case-format.md): a finding the case does not list fails it; with `exactly: false`
# the same dossier passes.
add_test(NAME cli.case_verify_exactly
         COMMAND regelwerk case verify --rules ${CMAKE_SOURCE_DIR}/rules ${CMAKE_SOURCE_DIR}/tests/data/cases/exactly-extra-finding.yaml)
set_tests_properties(cli.case_verify_exactly PROPERTIES PASS_REGULAR_EXPRESSION
    "FAIL exactly-met-extra-bevinding\n    unexpected finding \\(exactly: true\\): W1 id.kopie violation open\n0 passed, 1 failed")
add_test(NAME cli.case_verify_exactly_false
         COMMAND regelwerk case verify --rules ${CMAKE_SOURCE_DIR}/rules ${CMAKE_SOURCE_DIR}/tests/data/cases/exactly-false-allows-extra.yaml)

# A mutant that adds a finding (a copy of bw.proeftijd as a warning) is killed by the casebase.
add_test(NAME casebase.exactly_kills_an_added_finding
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/extra_finding -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/extra_finding.cmake)
