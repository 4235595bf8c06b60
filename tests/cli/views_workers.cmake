# Issue 11, point 7: `regelwerk workers` shows each worker's phase and whether the worker is sick
# on the reference date. W1005 (Sanne van den Broek) was sick once and has recovered: not sick;
# W1022 (Rami Haddad) is sick since 21 September 2026 and in fase B.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${CLI} import ${SRC}/casebase/demo/flexwerk-zuid.yaml --db ${WORK}/demo.db RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "import failed (${rc})")
endif()
execute_process(COMMAND ${CLI} workers --db ${WORK}/demo.db --at 2026-12-02 --rules ${SRC}/rules
                OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "workers failed (${rc})")
endif()
if(NOT out MATCHES "\nW1022 +Rami Haddad +2 +3 2025-04-07 +2027-04-04 +B +yes")
    message(FATAL_ERROR "W1022 is in fase B and sick on 2026-12-02:\n${out}")
endif()
if(NOT out MATCHES "\nW1005 +Sanne van den Broek +3 +5 2024-05-27 +2027-05-23 +B +no")
    message(FATAL_ERROR "W1005 has recovered: not sick on 2026-12-02:\n${out}")
endif()
if(NOT out MATCHES "\nW1024 [^\n]* A +no")
    message(FATAL_ERROR "W1024 is in fase A:\n${out}")
endif()
