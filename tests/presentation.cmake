# Issue 10: the presentation layer (view models, renderers, message catalogue, rulebook catalogue)
# and golden files of the rendered output (tests/golden/presentation; RW_UPDATE_GOLDEN=1 rewrites).
add_executable(presentation_tests unit/presentation/presentation_test.cpp)
target_link_libraries(presentation_tests PRIVATE rw_presentation rw_adapter_yaml rw_test_support nlohmann_json::nlohmann_json
                                                 GTest::gtest_main)
rw_enable_warnings(presentation_tests)
gtest_discover_tests(presentation_tests DISCOVERY_MODE PRE_TEST)

# The catalogue command through the CLI: JSON that names every rule and flags onzeker parameters.
add_test(NAME cli.rules_catalogue
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_catalogue -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/catalogue.cmake)
add_test(NAME cli.explain_json
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_explain_json -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/explain_json.cmake)
# Issue 10: `regelwerk scenario` (the scenario API through the CLI, on the demo store).
add_test(NAME cli.scenario
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_scenario -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/scenario.cmake)
# Issue 11: the work list keeps what is overdue.
add_test(NAME cli.actions_keeps_overdue
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_worklist -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/worklist.cmake)
add_test(NAME cli.explain_quotes_whole_clauses
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_explain_clauses -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/explain_clauses.cmake)
