# Issue 11 (points 4, 5, 7 and the goldens): the worker view, the work list, explanations and the
# audit as people read them, on the whole demo store (tests/golden/views; RW_UPDATE_GOLDEN=1
# build/bin/views_tests rewrites). EngineNames.NeverInTextOutput fails for every fact name or
# enumeration value shown in text or HTML without a label in the rulebook.
add_executable(views_tests unit/presentation/views_test.cpp)
target_link_libraries(views_tests PRIVATE rw_presentation rw_adapter_yaml rw_test_support GTest::gtest_main)
rw_enable_warnings(views_tests)
gtest_discover_tests(views_tests DISCOVERY_MODE PRE_TEST)

# `regelwerk workers`: the phase, and sickness on the reference date only.
add_test(NAME cli.workers_phase_and_current_sickness
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli_views_workers -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/views_workers.cmake)
