# Matching (issue 12) through the CLI: import a small agency, rank the candidates for a vacancy
# (text and JSON), the other direction (--worker), --top, English, and the errors.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(run out_var)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
    endif()
    set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
function(expect text pattern)
    string(REGEX MATCH "${pattern}" found "${text}")
    if(NOT found)
        message(FATAL_ERROR "expected /${pattern}/ in:\n${text}")
    endif()
endfunction()
run(ignored ${CLI} import --db ${WORK}/m.db ${SRC}/casebase/matching/flexwerk-match.yaml)

# V1: W1 (76) before W2 (32); W3 (17, night shifts), W4 (permit ends 2027-02-14: week 2027-W07),
# W5 (VCA-basis expires before the last day) blocked, each with the rule and the day.
run(t ${CLI} match --db ${WORK}/m.db --vacancy V1 --at 2026-12-02)
expect("${t}" "5 kandidaten \\(actieve sollicitatie\\): 2 plaatsbaar, 3 geblokkeerd")
expect("${t}" "  1\\. W1 Agnieszka Nowak  76 punten  \\(contract uitzendovereenkomst met uitzendbeding\\)\n      VCA-basis geldig tot wo 1 mrt 2028 \\+20; voorkeursfunctie orderpicker \\+15; 8,4 km ≤ 25 km \\+10\n")
expect("${t}" "  2\\. W2 Jan de Vries  32 punten")
expect("${t}" "  W3 Sem Jansen  \\(contract uitzendovereenkomst met uitzendbeding\\)\n      Nachtwerk jongeren \\(16 en 17 jaar\\), ma 4 jan 2027: ")
expect("${t}" "  W4 Arjun Patel  \\(contract uitzendovereenkomst met uitzendbeding\\)\n      Tewerkstellingsvergunning, ma 15 feb 2027: ")
expect("${t}" "  W5 Gerda Smit  \\(contract uitzendovereenkomst met uitzendbeding\\)\n      Eis ontbreekt, ma 4 jan 2027: certificaat VCA-basis verloopt op ma 15 feb 2027")
# A strike that begins mid-assignment is a warning beside the candidate, not a block.
expect("${t}" "ernaast: ma 4 jan 2027 Staking bij de inlener \\(waarschuwing\\)")
# Text for people (issue 12): no ISO date and no bare rule id in the text (JSON keeps both).
if(t MATCHES "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]" OR t MATCHES "\n      [a-z]+\\.[a-z_.]+[ ,]" OR t MATCHES "ernaast: [^\n]* [a-z]+\\.[a-z_.]+ \\(")
    message(FATAL_ERROR "match text shows an ISO date or a rule id:\n${t}")
endif()
expect("${t}" "een intercedent beslist \\(AVG art\\. 22\\)")

run(top ${CLI} match --db ${WORK}/m.db --vacancy V1 --at 2026-12-02 --top 1)
# --top 1 stops the legal check at the first eligible in ranking order, and says so.
expect("${top}" "5 kandidaten \\(actieve sollicitatie\\): 1 plaatsbaar, 0 geblokkeerd")
expect("${top}" "Gecontroleerd: 1 van de 5 kandidaten")
expect("${top}" "  1\\. W1 [^\n]*\n")
if(top MATCHES "W2 Jan")
    message(FATAL_ERROR "--top 1 shows a second candidate:\n${top}")
endif()

# JSON: the same ranking, the blocks with their day, the discriminatory text of V2 flagged and unused.
run(j ${CLI} match --db ${WORK}/m.db --vacancy V1 --at 2026-12-02 --format json)
string(JSON fmt GET "${j}" format)
string(JSON first GET "${j}" eligible 0 worker)
string(JSON nblocked LENGTH "${j}" blocked)
string(JSON rule GET "${j}" blocked 1 blocks 0 rule)
string(JSON on GET "${j}" blocked 1 blocks 0 on)
if(NOT fmt STREQUAL "regelwerk/match-1" OR NOT first STREQUAL "W1" OR NOT nblocked EQUAL 3 OR NOT rule STREQUAL "wav.vergunning"
   OR NOT on STREQUAL "2027-02-15")
    message(FATAL_ERROR "match JSON: ${fmt} ${first} ${nblocked} ${rule} ${on}\n${j}")
endif()
run(j2 ${CLI} match --db ${WORK}/m.db --vacancy V2 --at 2026-12-02 --format json --lang en)
string(JSON nflags LENGTH "${j2}" discriminatory_requirements)
string(JSON ground GET "${j2}" discriminatory_requirements 1 ground)
string(JSON used GET "${j2}" discriminatory_requirements 1 used)
if(NOT nflags EQUAL 2 OR NOT ground STREQUAL "leeftijd" OR NOT used STREQUAL "OFF")
    message(FATAL_ERROR "match JSON flags: ${nflags} ${ground} ${used}\n${j2}")
endif()
run(t2 ${CLI} match --db ${WORK}/m.db --vacancy V2 --at 2026-12-02 --lang en)
expect("${t2}" "Discriminatory requirement: \"Max 35 jaar\" \\(leeftijd\\); this requirement is not used \\(AWGB art\\. 5\\)\n  neutral alternative: ")

# A decimal in a reason line: a decimal comma in Dutch (above: "8,4 km"), a point in English.
run(t3 ${CLI} match --db ${WORK}/m.db --vacancy V1 --at 2026-12-02 --lang en)
expect("${t3}" "preferred function orderpicker \\+15; 8\\.4 km ≤ 25 km \\+10\n")

# The other direction: the open vacancies for W1, eligible for both.
run(w ${CLI} match --db ${WORK}/m.db --worker W1 --at 2026-12-02)
expect("${w}" "Matching: open vacatures voor W1 Agnieszka Nowak\n\nV1 orderpicker[^\n]*\n  W1 Agnieszka Nowak  76 punten")
expect("${w}" "\nV2 heftruckchauffeur")

# Errors: an unknown vacancy, neither or both of --vacancy and --worker.
foreach(args "--vacancy;V9" "--worker;W9" "" "--vacancy;V1;--worker;W1")
    execute_process(COMMAND ${CLI} match --db ${WORK}/m.db ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 2)
        message(FATAL_ERROR "match ${args}: expected exit 2, got ${rc}\n${out}${err}")
    endif()
endforeach()

# A person decides (AVG art. 22): every run above was logged; a decision is appended; the log for
# the vacancy lists runs and the decision, oldest first; a decision about an unknown vacancy fails.
set(ENV{RW_NOW} "2026-12-02T10:00:00Z")
run(dec ${CLI} match decide --db ${WORK}/m.db --vacancy V1 --worker W1 --decision voorstellen --reason "VCA geldig, dichtbij" --by "M. Jansen" --at 2026-12-02)
expect("${dec}" "logged decision [0-9]+: voorstellen W1 for V1 by M\\. Jansen")
run(log ${CLI} match log --db ${WORK}/m.db --vacancy V1)
expect("${log}" "^1  [^\n]*  run  [^\n]*vacature V1  werker -  peildatum wo 2 dec 2026  invoer [0-9a-f]+\n    plaatsbaar: 1\\. W1 \\(76\\), 2\\. W2 \\(32\\); geblokkeerd: W3 \\(Nachtwerk jongeren \\(16 en 17 jaar\\), ma 4 jan 2027\\)")
expect("${log}" "\n[0-9]+  wo 2 dec 2026 10:00 UTC  decision  M\\. Jansen  vacature V1  werker W1  peildatum wo 2 dec 2026  voorstellen: VCA geldig, dichtbij\n$")
run(logj ${CLI} match log --db ${WORK}/m.db --vacancy V1 --format json)
string(JSON n LENGTH "${logj}")
math(EXPR last "${n} - 1")
string(JSON kind GET "${logj}" ${last} entry)
string(JSON blocked_rule GET "${logj}" 0 detail blocked 0 blocks 0)
if(NOT kind STREQUAL "decision" OR NOT blocked_rule STREQUAL "atw.jongeren_nacht@2027-01-04")
    message(FATAL_ERROR "match log JSON: ${kind} ${blocked_rule}\n${logj}")
endif()
execute_process(COMMAND ${CLI} match decide --db ${WORK}/m.db --vacancy V9 --worker W1 --decision afwijzen --reason x
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2)
    message(FATAL_ERROR "match decide for an unknown vacancy: expected exit 2, got ${rc}\n${out}${err}")
endif()

# The same ranking and text whatever the number of threads.
run(t1 ${CLI} match --db ${WORK}/m.db --vacancy V1 --at 2026-12-02 --no-log --threads 1)
run(t2 ${CLI} match --db ${WORK}/m.db --vacancy V1 --at 2026-12-02 --no-log --threads 3)
if(NOT t1 STREQUAL t2)
    message(FATAL_ERROR "match output differs between 1 and 3 threads")
endif()
