# Issue 15, exam questions for trainers (included from tests/CMakeLists.txt): a fixed seed's
# 20-question set is generated twice (same files byte for byte), every question's case passes
# `case verify`, a redraw changes that question alone, and each misconception file binds over the
# rulebook.
add_test(NAME examen.fixed_seed_verifies
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:regelwerk> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/examen -P ${CMAKE_CURRENT_SOURCE_DIR}/examen_run.cmake)
set_tests_properties(examen.fixed_seed_verifies PROPERTIES TIMEOUT 600)
file(GLOB RW_EXAMEN_MISCONCEPTIONS ${CMAKE_SOURCE_DIR}/overrides/examen/*.rw)
foreach(f ${RW_EXAMEN_MISCONCEPTIONS})
    get_filename_component(name ${f} NAME_WE)
    add_test(NAME examen.misvatting.${name} COMMAND regelwerk rules check ${CMAKE_SOURCE_DIR}/rules --override ${f})
endforeach()
add_test(NAME examen.misvattingen_fmt COMMAND regelwerk rules fmt --check ${RW_EXAMEN_MISCONCEPTIONS})

# The engine side: every key holds, every distractor fails its case, same seed same exam.
add_executable(examen_tests ${CMAKE_CURRENT_SOURCE_DIR}/unit/engine/examen_test.cpp)
target_link_libraries(examen_tests PRIVATE rw_engine rw_test_support GTest::gtest_main)
rw_enable_warnings(examen_tests)
gtest_discover_tests(examen_tests DISCOVERY_MODE PRE_TEST)
