# Guidance (issue 13): `taak gedaan` refuses an unknown task, worker or placement, a task closed by a
# dossier field, an empty --by and a day after today, and then leaves the store as it was (the
# export is byte for byte the same); a recorded task is in the export and on the timeline, done
# late visibly. Inputs: CLI, SRC, WORK.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(failure "")
set(DB ${WORK}/demo.db)
execute_process(COMMAND ${CLI} import --db ${DB} ${SRC}/casebase/demo/flexwerk-zuid.yaml OUTPUT_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "import failed")
endif()
execute_process(COMMAND ${CLI} export --db ${DB} --out ${WORK}/before.yaml RESULT_VARIABLE rc)
function(refused what pattern)
    execute_process(COMMAND ${CLI} taak gedaan --db ${DB} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 2 OR NOT err MATCHES "${pattern}")
        set(failure "${failure}${what}: exit ${rc}: ${out}${err}\n" PARENT_SCOPE)
    endif()
endfunction()
refused("unknown task" "unknown task 'begeleiding.evalutie_1'.*did you mean 'begeleiding.evaluatie_1'"
        --worker W1024 --task begeleiding.evalutie_1 --placement W1024-P3 --on 2026-04-10 --by "I. Janssen" --how telefoon)
refused("unknown worker" "no worker 'W9999'"
        --worker W9999 --task begeleiding.evaluatie_1 --on 2026-04-10 --by "I. Janssen" --how telefoon)
refused("unknown placement" "worker 'W1024' has no placement 'W1025-P1'"
        --worker W1024 --task begeleiding.evaluatie_1 --placement W1025-P1 --on 2026-04-10 --by "I. Janssen" --how telefoon)
refused("dossier field" "'bw.aanzegplicht' is closed by a field of the dossier"
        --worker W1024 --task bw.aanzegplicht --on 2026-04-10 --by "I. Janssen" --how brief)
refused("empty by" "--by is empty"
        --worker W1024 --task begeleiding.evaluatie_1 --on 2026-04-10 --by " " --how telefoon)
refused("future" "lies after today"
        --worker W1024 --task begeleiding.evaluatie_1 --on 2999-01-01 --by "I. Janssen" --how telefoon)
refused("bad date" "is not a date"
        --worker W1024 --task begeleiding.evaluatie_1 --on 2026-02-30 --by "I. Janssen" --how telefoon)
execute_process(COMMAND ${CLI} export --db ${DB} --out ${WORK}/after-refusals.yaml RESULT_VARIABLE rc)
file(READ ${WORK}/before.yaml before)
file(READ ${WORK}/after-refusals.yaml after)
if(NOT before STREQUAL after)
    string(APPEND failure "a refused command changed the store\n")
endif()
# W1024 kept no guidance: recording makes it kept; placement W1024-P3 began 2026-03-30, so the
# first evaluation was due 2026-04-06 and this one is 4 days late.
execute_process(COMMAND ${CLI} taak gedaan --db ${DB} --worker W1024 --task begeleiding.evaluatie_1 --placement W1024-P3
                        --on 2026-04-10 --by "I. Janssen" --how telefoon --note "Gaat goed"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Vastgelegd: Eerste evaluatie \\(begeleiding.evaluatie_1\\).*W1024-P3.*vr 10 apr 2026.*Begeleiding wordt vanaf nu bijgehouden voor W1024")
    string(APPEND failure "taak gedaan: exit ${rc}: ${out}${err}\n")
endif()
execute_process(COMMAND ${CLI} export --db ${DB} --out ${WORK}/after.yaml)
file(READ ${WORK}/after.yaml after)
if(NOT after MATCHES "task: begeleiding.evaluatie_1, placement: W1024-P3, on: 2026-04-10, by: \"I. Janssen\", how: telefoon, note: \"Gaat goed\"")
    string(APPEND failure "the record is not in the export\n")
endif()
execute_process(COMMAND ${CLI} tijdlijn --db ${DB} --worker W1024 --at 2026-11-25 RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "ma 6 apr 2026  Eerste evaluatie \\[beleid\\] · W1024-P3\n      gedaan vr 10 apr 2026, 4 dagen te laat · door I. Janssen · hoe: telefoon · \"Gaat goed\"")
    string(APPEND failure "tijdlijn (done late): exit ${rc}: ${out}${err}\n")
endif()
if(NOT out MATCHES "Komt nog\n.*Gesprek voor de overgang naar fase B \\[beleid\\]")
    string(APPEND failure "tijdlijn (coming): ${out}\n")
endif()
execute_process(COMMAND ${CLI} tijdlijn --db ${DB} --worker W1024 --at 2026-11-25 --format json RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"task\": \"begeleiding.evaluatie_1\",\n *\"variant\": \"\",\n *\"tag\": \"beleid\"" OR NOT out MATCHES "\"days_late\": 4")
    string(APPEND failure "tijdlijn json: exit ${rc}: ${out}\n")
endif()
# A dossier without tasks_done: the timeline says guidance is not kept and lists no guidance task.
execute_process(COMMAND ${CLI} tijdlijn --db ${DB} --worker W1001 --at 2026-11-25 RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "houdt geen begeleiding bij" OR out MATCHES "begeleiding\\.|\\[beleid\\]")
    string(APPEND failure "tijdlijn untracked: ${out}\n")
endif()
if(failure)
    message(FATAL_ERROR "${failure}")
endif()
