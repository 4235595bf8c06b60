# Copies the rulebook, drops every 'advies en na termijn' text of the Poortwachter rules and expects
# 'rules check' to fail with RW5101, naming each rule and the missing text.
file(REMOVE_RECURSE ${WORK})
file(COPY ${SRC}/rules DESTINATION ${WORK})
file(READ ${WORK}/rules/ziekte/poortwachter.rw text)
string(REGEX REPLACE "    advies en na termijn [^\n]*\n" "" text "${text}")
file(WRITE ${WORK}/rules/ziekte/poortwachter.rw "${text}")
execute_process(COMMAND ${CLI} rules check ${WORK}/rules RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
    message(FATAL_ERROR "rules check passed without the after-deadline texts:\n${out}${err}")
endif()
if(NOT "${out}${err}" MATCHES "rule poortwachter.plan_van_aanpak has a 'termijn' but no 'advies en na termijn'[^\n]*RW5101")
    message(FATAL_ERROR "rules check did not name the rule and the missing text:\n${out}${err}")
endif()
