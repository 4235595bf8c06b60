# Issue 12: `regelwerk import` warns per vacancy requirement or wish whose text names a protected
# ground (file:line:col, the ground, a neutral alternative), from the matcher's word list
# (rules/matching/discriminatie.rw); the import still succeeds.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(expect text pattern)
    string(REGEX MATCH "${pattern}" found "${text}")
    if(NOT found)
        message(FATAL_ERROR "expected /${pattern}/ in:\n${text}")
    endif()
endfunction()
function(import out_var err_var file)
    execute_process(COMMAND ${CLI} import --db ${WORK}/m.db ${file}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "import failed (${rc}): ${file}\n${out}\n${err}")
    endif()
    set(${out_var} "${out}" PARENT_SCOPE)
    set(${err_var} "${err}" PARENT_SCOPE)
endfunction()

# V2's requirement text "Max 35 jaar, alleen Nederlanders" (line 40): two warnings, each at its word.
set(f ${SRC}/casebase/matching/flexwerk-match.yaml)
import(out err ${f})
expect("${out}" "imported 5 worker\\(s\\) and 1 client\\(s\\)")
expect("${err}" "flexwerk-match\\.yaml:40:53: warning: [^\n]*\n[^\n]*flexwerk-match\\.yaml:40:66: warning: ")  # in text order
expect("${err}" "flexwerk-match\\.yaml:40:53: warning: vacancy V2 of client K1, requirements\\.text: \"Max 35 jaar\" names a protected ground \\(leeftijd\\); matching never uses this requirement; neutral alternative: geen leeftijdsgrens")
expect("${err}" "flexwerk-match\\.yaml:40:66: warning: vacancy V2 of client K1, requirements\\.text: \"alleen Nederlanders\" names a protected ground \\(nationaliteit\\); [^\n]*neutral alternative: een geldige werkvergunning")
string(REGEX MATCHALL "warning: vacancy" ws "${err}")
list(LENGTH ws n)
if(NOT n EQUAL 2)
    message(FATAL_ERROR "expected 2 warnings (V1's text is neutral), got ${n}:\n${err}")
endif()
# The store has the vacancy (the import went on): match shows it flagged.
execute_process(COMMAND ${CLI} match --db ${WORK}/m.db --vacancy V2 --at 2026-12-02 --format json
                RESULT_VARIABLE rc OUTPUT_VARIABLE js ERROR_VARIABLE ignored)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "match V2 after the import failed (${rc})")
endif()
expect("${js}" "leeftijd")

# A wish names a ground too (a skill wish "moedertaal Nederlands"); a neutral text gives nothing.
file(READ ${f} y)
string(REPLACE "text: \"Max 35 jaar, alleen Nederlanders\"}" "text: \"Rijbewijs B\"}" y "${y}")
string(REPLACE "wishes: {}" "wishes: {skills: [moedertaal Nederlands]}" y "${y}")
file(WRITE ${WORK}/wish.yaml "${y}")
file(REMOVE ${WORK}/m.db)
import(out err ${WORK}/wish.yaml)
expect("${err}" "wish\\.yaml:41:27: warning: vacancy V2 of client K1, wishes\\.skills\\[0\\]: \"moedertaal\" names a protected ground \\(nationaliteit of ras \\(afkomst\\)\\); [^\n]*neutral alternative: Nederlands op het niveau")
string(REGEX MATCHALL "warning: vacancy" ws "${err}")
list(LENGTH ws n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "expected 1 warning, got ${n}:\n${err}")
endif()
