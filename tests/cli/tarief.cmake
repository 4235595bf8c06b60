# The tariff (issue 14) through the CLI: a full quote (text for people, decimal comma), a refusal
# with its reason (exit 1), English, JSON, the printable HTML quote, the equal-pay floor from the
# store, the agency's own Whk rate from an override file, the re-quote list of the demo agency, errors.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(run_rc out_var rc_var)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    set(${out_var} "${out}${err}" PARENT_SCOPE)
    set(${rc_var} "${rc}" PARENT_SCOPE)
endfunction()
function(run out_var)
    run_rc(out rc ${ARGN})
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}")
    endif()
    set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
function(expect text pattern)
    string(REGEX MATCH "${pattern}" found "${text}")
    if(NOT found)
        message(FATAL_ERROR "expected /${pattern}/ in:\n${text}")
    endif()
endfunction()
function(expect_not text pattern)
    string(REGEX MATCH "${pattern}" found "${text}")
    if(found)
        message(FATAL_ERROR "did not expect /${pattern}/ in:\n${text}")
    endif()
endfunction()

# 2026, € 15,00, fase A, 30 years, 20 % margin: the worked example (casebase/tarief/tarief-2026-01-01-a-marge).
run(t ${CLI} tarief --at 2026-03-02 --wage 15,00 --age 30 --margin 20%)
expect("${t}" "Tariefberekening \\(kostprijs\\)\nDatum: ma 2 mrt 2026")
expect("${t}" "  Vakantiedagen \\(reservering of doorbetaling\\) +€ 15,00 +10,87 % +€ 1,63  \\[2\\] ONZEKER")
expect("${t}" "  Pensioenpremie werkgever \\(StiPP\\) +€ 7,94 +15,90 % +€ 1,26  \\[[0-9, ]+\\]\n")
expect("${t}" "  WW-premie \\(AWf\\) +€ 17,88 +7,74 % +€ 1,38")
expect("${t}" "  Kostprijs per gewerkt uur +€ 23,93\n")
expect("${t}" "  Tarief per uur +€ 28,72\n")
expect("${t}" "  Omrekenfactor \\(tarief / uurloon\\) +1,9147\n")
expect("${t}" "  Wettelijk minimumloon voor de leeftijd +€ 14,71  voldaan")
expect("${t}" "ONZEKER \\(niet geverifieerd\\):\n  - kosten\\.reservering\\.vakantiedagen: Afgeleid")
expect("${t}" "Bronnen:\n  \\[1\\] De offerte")
expect_not("${t}" "GEWEIGERD")

# Fase C: the contract kind follows the phase (onbepaalde tijd): AWf low, no ZW-flex.
run(c ${CLI} tarief --at 2026-03-02 --wage 16.00 --age 35 --fase C --margin 25%)
expect("${c}" "onbepaalde tijd")
expect("${c}" "  WW-premie \\(AWf\\) +€ [0-9,]+ +2,74 %")
expect_not("${c}" "  Whk: ZW-flex")

# Below the minimum wage for a 19-year-old, and a factor below cost: refused with both reasons, exit 1.
run_rc(r rc ${CLI} tarief --at 2026-03-02 --wage 8.50 --age 19 --factor 1.4)
if(NOT rc EQUAL 1)
    message(FATAL_ERROR "a refused quote exits 1, got ${rc}:\n${r}")
endif()
expect("${r}" "OFFERTE GEWEIGERD:\n  - het uurloon ligt onder de ondergrens: Wettelijk minimumloon voor de leeftijd € 8,83\n  - het tarief ligt € [0-9,]+ onder de kostprijs")
run_rc(re rc ${CLI} tarief --at 2026-03-02 --wage 8.50 --age 19 --factor 1.4 --lang en)
expect("${re}" "QUOTE REFUSED:\n  - the wage is below the floor: Statutory minimum wage for the age € 8\\.83")

# JSON keeps names and cents.
run(j ${CLI} tarief --at 2026-03-02 --wage 15.00 --age 30 --margin 20% --format json)
string(JSON cost GET "${j}" cost_cents)
string(JSON tariff GET "${j}" tariff_cents)
string(JSON first GET "${j}" lines 0 name)
if(NOT cost EQUAL 2393 OR NOT tariff EQUAL 2872 OR NOT first STREQUAL "uurloon")
    message(FATAL_ERROR "json: cost ${cost}, tariff ${tariff}, first line ${first}")
endif()

# The printable quote.
run(h ${CLI} tarief --at 2026-03-02 --wage 15.00 --age 30 --margin 20% --format html)
expect("${h}" "<!DOCTYPE html>")
expect("${h}" "<tr class=\"total\"><td colspan=\"3\">Tarief per uur</td><td class=\"n\">€ 28,72</td>")

# Equal pay from the store: the client's reference wage for the function is a floor.
run(ignored ${CLI} import --db ${WORK}/demo.db ${SRC}/casebase/demo/flexwerk-zuid.yaml)
run_rc(eq rc ${CLI} tarief --db ${WORK}/demo.db --at 2026-12-02 --wage 14.99 --age 30 --margin 20% --client K1 --function reachtruckchauffeur)
expect("${eq}" "Loon van de inlener voor deze functie \\(gelijke beloning\\) +€ [0-9,]+  NIET voldaan")

# A placement of the demo agency: its wage, contract, phase, age, hours, client and function.
run(pl ${CLI} tarief --db ${WORK}/demo.db --placement W1001-P1 --at 2026-12-02 --margin 22%)
expect("${pl}" "  Plaatsing +W1001-P1 \\(W1001 Daan Verhoeven\\)\n  Bruto uurloon +€ 16,75\n  Contractsoort +uitzendovereenkomst met uitzendbeding\n  Fase +A\n  Leeftijd +28\n  Uren per week +38\n  Inlener en functie +Distributiecentrum Tilburg-Noord BV / reachtruckchauffeur")
expect("${pl}" "  Kostprijs per gewerkt uur +€ 26,92\n")
expect("${pl}" "  Loon van de inlener voor deze functie \\(gelijke beloning\\) +€ 16,55  voldaan")

# The agency's own Whk rate in an override file changes the cost.
run(o ${CLI} tarief --at 2026-03-02 --wage 15.00 --age 30 --margin 20% --override ${SRC}/overrides/tarief-bureau-voorbeeld.rw)
expect("${o}" "  Whk: WGA +€ 17,88 +2,08 % +€ 0,37")
expect("${o}" "  Whk: ZW-flex +€ 17,88 +5,94 % +€ 1,06")

# The re-quote list of the demo agency: 1 January 2027 (reservations) and W1006's phase C.
run(q ${CLI} tarief herzien --db ${WORK}/demo.db --at 2026-12-02 --weeks 8)
expect("${q}" "Herziening tarieven: plaatsingen waarvan de kostprijs verandert\nDatum: wo 2 dec 2026 binnen 8 weken")
expect("${q}" "  vanaf vr 1 jan 2027  W1001 Daan Verhoeven, W1001-P1 \\(reachtruckchauffeur\\)\n    oud € [0-9,]+ -> nieuw € [0-9,]+ \\(-€ [0-9,]+\\) \\[ONZEKER\\]\n    oorzaak: kosten\\.reservering\\.vakantiedagen 10,87 % -> 10,82 %; kosten\\.reservering\\.feestdagen 2,61 % -> 2,16 %")
expect("${q}" "  vanaf vr 18 dec 2026  W1006 [^\n]*\n    oud € 25,65 -> nieuw € 24,59 \\(-€ 1,06\\) \\[ONZEKER\\]\n    oorzaak: fase B -> C")
run(q2 ${CLI} tarief herzien --db ${WORK}/demo.db --at 2026-12-02 --weeks 20)
expect("${q2}" "oorzaak: wordt 20 jaar; uurloon omhoog naar Wettelijk minimumloon voor de leeftijd")
run(qj ${CLI} tarief herzien --db ${WORK}/demo.db --at 2026-12-02 --format json)
string(JSON kind GET "${qj}" changes 0 causes 0 kind)
if(NOT kind STREQUAL "parameter" AND NOT kind STREQUAL "phase")
    message(FATAL_ERROR "json re-quote: first cause ${kind}")
endif()

# Errors: a misspelt input, no wage, both margin and factor.
run_rc(e1 rc ${CLI} tarief --at 2026-03-02 --wage 15 --set lon=3)
expect("${e1}" "tariff kostprijs has no input 'lon'")
if(NOT rc EQUAL 2)
    message(FATAL_ERROR "bad input exits 2, got ${rc}")
endif()
run_rc(e2 rc ${CLI} tarief --at 2026-03-02)
expect("${e2}" "--wage is required")
run_rc(e3 rc ${CLI} tarief --at 2026-03-02 --wage 15 --margin 10% --factor 1.8)
expect("${e3}" "give --margin or --factor, not both")
