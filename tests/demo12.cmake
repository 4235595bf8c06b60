# Issue 12 (demo12): the import warns about vacancy texts that name a protected ground.
add_test(NAME cli.import_protected_ground_warning
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/demo12_import_warning
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/demo12_import_warning.cmake)
# The demo agency's vacancies and candidates, as .ci/demo shows them.
add_test(NAME cli.demo_match
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/demo12_demo_match
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/demo12_demo_match.cmake)
