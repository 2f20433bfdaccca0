# Fails when a committed generated file differs from what ddat prints now: the completion
# scripts ('ddat completions SHELL') and the manual page ('ddat __manual'). Regenerate them with
# scripts/update-generated.sh.
foreach(pair "completions;bash;completions/ddat.bash" "completions;zsh;completions/_ddat"
             "completions;fish;completions/ddat.fish" "__manual;-;docs/ddat.1")
  list(GET pair 0 command)
  list(GET pair 1 argument)
  list(GET pair 2 file)
  if(argument STREQUAL "-")
    set(argument "")
  endif()
  execute_process(COMMAND "${DDAT}" ${command} ${argument} OUTPUT_VARIABLE generated RESULT_VARIABLE code)
  file(READ "${SOURCE_DIR}/${file}" committed)
  if(NOT code EQUAL 0 OR NOT generated STREQUAL committed)
    message(FATAL_ERROR "${file} is not what 'ddat ${command} ${argument}' prints: run scripts/update-generated.sh")
  endif()
endforeach()
message(STATUS "completions/ and docs/ddat.1 match ddat")
