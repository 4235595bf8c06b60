# generate, audit and actions through the CLI, as an operator runs them:
# - every rule id of the catalogue occurs in a generated agency (bw.ketenregeling needs cao none);
# - the audit is deterministic: one thread and every core give the same bytes;
# - the audit never writes to the store; a broken row becomes a data-quality finding;
# - a file that is not a store (or is corrupt) is a clear error with exit code 2.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(run out)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${o}\n${e}")
    endif()
    set(${out} "${o}" PARENT_SCOPE)
endfunction()

run(o ${CLI} generate --workers 6000 --seed 7 --db ${WORK}/abu.db --at 2026-11-25)
run(o ${CLI} generate --workers 3000 --seed 7 --db ${WORK}/none.db --at 2026-11-25 --cao none)
run(abu ${CLI} audit --db ${WORK}/abu.db --at 2026-11-25 --format csv --threads 2)
run(none ${CLI} audit --db ${WORK}/none.db --at 2026-11-25 --format csv)
set(all_rules
    cao.fase_a.overgang cao.uitzendbeding_na_fase_a cao.fase_b.overgang cao.fase_c.vast_contract cao.vervolgcontract_4_weken
    bw.aanzegplicht bw.proeftijd wml.minimumloon waadi.gelijke_beloning waadi.registratie waadi.staking wtta.toelating
    id.controle id.document id.kopie id.verloopt wav.vergunning wav.vergunning_verloopt wav.student_uren
    poortwachter.probleemanalyse poortwachter.plan_van_aanpak poortwachter.uwv_ziekmelding poortwachter.eerstejaarsevaluatie
    poortwachter.wia_aanvraag ziektewet.ziek_uit_dienst wab.oproep_vaste_uren avg.sollicitant avg.id_kopie
    atw.jongeren_nacht)
foreach(rule ${all_rules})
    string(FIND "${abu}" ",${rule}," at)
    if(at EQUAL -1)
        message(FATAL_ERROR "rule ${rule} does not occur in the generated agency")
    endif()
endforeach()
string(FIND "${none}" ",bw.ketenregeling," at)
if(at EQUAL -1)
    message(FATAL_ERROR "bw.ketenregeling does not occur in the generated agency without a cao")
endif()

# Deterministic output whatever the number of threads.
run(one ${CLI} audit --db ${WORK}/abu.db --at 2026-11-25 --format json --threads 1)
run(two ${CLI} audit --db ${WORK}/abu.db --at 2026-11-25 --format json --threads 2)
if(NOT one STREQUAL two)
    message(FATAL_ERROR "the audit differs between 1 and 2 threads")
endif()

# The audit never writes to the store.
file(SHA256 ${WORK}/abu.db before)
run(o ${CLI} audit --db ${WORK}/abu.db --at 2026-11-25 --format html --out ${WORK}/audit.html)
file(SHA256 ${WORK}/abu.db after)
if(NOT before STREQUAL after)
    message(FATAL_ERROR "the audit changed the store")
endif()
file(READ ${WORK}/audit.html html)
foreach(needle "<svg" "Peildatum" "regelset" "wtta.toelating")
    string(FIND "${html}" "${needle}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the HTML report lacks '${needle}'")
    endif()
endforeach()

# A broken row is audited anyway, as a data-quality finding.
execute_process(COMMAND sqlite3 ${WORK}/abu.db "UPDATE contract SET start = '2026-02-30' WHERE worker_id = 'W0000001' AND ordinal = 0"
                RESULT_VARIABLE rc)
run(broken ${CLI} audit --db ${WORK}/abu.db --at 2026-11-25 --format csv)
string(REGEX MATCH "W0000001,[^,]*,data.kwaliteit,warning" dq "${broken}")
if(NOT dq)
    message(FATAL_ERROR "no data-quality finding for the broken row")
endif()

# Not a store, and a corrupt one: clear errors, exit code 2.
file(WRITE ${WORK}/junk.db "this is not a database at all, not even close to one ....................")
execute_process(COMMAND ${CLI} audit --db ${WORK}/junk.db RESULT_VARIABLE rc ERROR_VARIABLE e OUTPUT_QUIET)
if(NOT rc EQUAL 2 OR NOT e MATCHES "not a regelwerk store, or it is corrupt")
    message(FATAL_ERROR "junk file: rc ${rc}: ${e}")
endif()
execute_process(COMMAND sqlite3 ${WORK}/other.db "CREATE TABLE t(x)")
execute_process(COMMAND ${CLI} audit --db ${WORK}/other.db RESULT_VARIABLE rc ERROR_VARIABLE e OUTPUT_QUIET)
if(NOT rc EQUAL 2 OR NOT e MATCHES "not a regelwerk store")
    message(FATAL_ERROR "other SQLite file: rc ${rc}: ${e}")
endif()

# actions: the Monday list, overdue first; CSV with the Dutch separator.
run(acts ${CLI} actions --db ${WORK}/abu.db --at 2026-11-25 --format csv --separator "\;")
string(REGEX MATCH "^status;due;worker;name;rule" head "${acts}")
if(NOT head)
    message(FATAL_ERROR "actions CSV header: ${acts}")
endif()
