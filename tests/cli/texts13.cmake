# Issue 13: `advise --for werker` shows the texts for the worker in the dossier's language (W1004
# reads Polish), `--text-lang nl` the same in Dutch, a language the rules lack gives the Dutch text
# and says so, and `--for inlener` the client's text.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${CLI} import ${SRC}/casebase/demo/flexwerk-zuid.yaml --db ${WORK}/demo.db RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "import failed (${rc})")
endif()
function(run expect)
    execute_process(COMMAND ${CLI} advise --db ${WORK}/demo.db --worker W1004 --at 2026-02-01 --rules ${SRC}/rules ${ARGN}
                    OUTPUT_VARIABLE out RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "advise ${ARGN} failed (${rc})")
    endif()
    if(NOT out MATCHES "${expect}")
        message(FATAL_ERROR "advise ${ARGN}: expected '${expect}' in:\n${out}")
    endif()
endfunction()
run("Taal van de teksten: pl\n.*Od 2 marca 2026 będziesz w fazie B\\." --for werker)
run("Taal van de teksten: nl\n.*Vanaf ma 2 mrt 2026 zit je in fase B\\." --for werker --text-lang nl)
# --lang is the intercedent's frame; the texts stay in the worker's language unless --text-lang says otherwise.
run("Texts for the flex worker [^\n]*\nLanguage of the texts: pl\n.*Od 2 marca 2026" --for werker --lang en)
run("Language of the texts: en\n.*From Mon 2 Mar 2026 you are in phase B\\." --for werker --lang en --text-lang en)
run("Let op: deze regel heeft geen tekst in taal 'ro'; hieronder de Nederlandse tekst\\.\n  Vanaf ma 2 mrt 2026 zit je in fase B\\." --for werker --text-lang ro)
run("\"language\": \"pl\",\n *\"fallback\": false,\n *\"text\": \"Od 2 marca 2026" --for werker --format json)
run("Tomasz Wiśniewski gaat op ma 2 mrt 2026 naar fase B\\." --for inlener)
