# Runs one end-to-end case of the ddat binary and compares its stdout, stderr and exit code with
# the expected files of the case (an approval test).
#
#   cmake -DDDAT=<path of the ddat binary> -DCASE=<case folder> -DSOURCE_DIR=<repository root>
#         [-DWORK_DIR=<scratch folder>] [-DUPDATE=ON] -P run_case.cmake
#
# A case folder holds:
#   args       the arguments, one per line, taken literally (no shell, no quoting; empty lines are
#              ignored; an argument cannot contain ';', which CMake reserves for lists)
#   stdin      optional: fed to standard input (otherwise standard input is empty)
#   env        optional: KEY=VALUE lines added to the environment
#   stdout, stderr, exit_code
#              what ddat must print and return
#
# ddat runs in SOURCE_DIR, so paths such as examples/me.yaml or tests/e2e/data/... are relative
# to the repository root, with NO_COLOR=1 COLUMNS=80 LC_ALL=C.UTF-8, DDAT_FRAMEWORK unset,
# DDAT_RELEASE=2020-01 (an env file may set another release), and a
# timeout of 10 seconds. On a mismatch the script prints a diff and fails. With -DUPDATE=ON it
# writes what ddat printed as the expected files instead (see scripts/update-expected.sh).
cmake_minimum_required(VERSION 3.22)

foreach(required DDAT CASE SOURCE_DIR)
  if(NOT DEFINED ${required} OR "${${required}}" STREQUAL "")
    message(FATAL_ERROR "run_case.cmake: -D${required}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${DDAT}")
  message(FATAL_ERROR "run_case.cmake: the ddat binary '${DDAT}' does not exist: build it first")
endif()
if(NOT IS_DIRECTORY "${CASE}")
  message(FATAL_ERROR "run_case.cmake: the case folder '${CASE}' does not exist")
endif()
if(NOT EXISTS "${CASE}/args")
  message(FATAL_ERROR "run_case.cmake: ${CASE}/args is missing (one argument per line)")
endif()
get_filename_component(case_name "${CASE}" NAME)
if(NOT DEFINED WORK_DIR OR "${WORK_DIR}" STREQUAL "")
  set(WORK_DIR "${CMAKE_CURRENT_BINARY_DIR}/e2e-actual")
endif()

# Reads a file of lines into a list; empty lines and a trailing newline are dropped.
function(read_lines path out_var)
  file(READ "${path}" content)
  string(REPLACE "\r\n" "\n" content "${content}")
  if(content MATCHES ";")
    message(FATAL_ERROR "run_case.cmake: ${path} contains ';', which this runner cannot pass on")
  endif()
  string(REPLACE "\n" ";" lines "${content}")
  set(result "")
  foreach(line IN LISTS lines)
    if(NOT line STREQUAL "")
      list(APPEND result "${line}")
    endif()
  endforeach()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

read_lines("${CASE}/args" case_args)

set(case_env "")
if(EXISTS "${CASE}/env")
  read_lines("${CASE}/env" env_lines)
  foreach(line IN LISTS env_lines)
    if(NOT line MATCHES "^[A-Za-z_][A-Za-z0-9_]*=")
      message(FATAL_ERROR "run_case.cmake: ${CASE}/env: '${line}' is not a KEY=VALUE line")
    endif()
    list(APPEND case_env "${line}")
  endforeach()
endif()

set(input_file /dev/null)
if(EXISTS "${CASE}/stdin")
  set(input_file "${CASE}/stdin")
endif()

# The environment is set in this script process, which ddat inherits, rather than through
# `cmake -E env`: that wrapper reports a crashed child as exit code 1 (ddat's "differences found")
# with "Segmentation fault" on stderr, while a direct child gives RESULT_VARIABLE the signal's name.
unset(ENV{DDAT_FRAMEWORK})
# Cases run against the built-in release 2020-01 (the January 2020 guidance) unless their env file
# names another: its few roles keep expected files short, and its text never changes.
set(ENV{DDAT_RELEASE} 2020-01)
# The framework cache goes to the build folder, never to the user's home or a test's HOME in the
# source tree; a case may still set XDG_CACHE_HOME itself.
set(ENV{XDG_CACHE_HOME} "${WORK_DIR}/cache")
set(ENV{NO_COLOR} 1)
set(ENV{COLUMNS} 80)
set(ENV{LC_ALL} C.UTF-8)
foreach(line IN LISTS case_env)
  string(FIND "${line}" "=" equals)
  string(SUBSTRING "${line}" 0 ${equals} key)
  math(EXPR value_start "${equals} + 1")
  string(SUBSTRING "${line}" ${value_start} -1 value)
  set(ENV{${key}} "${value}")
endforeach()

execute_process(
  COMMAND "${DDAT}" ${case_args}
  WORKING_DIRECTORY "${SOURCE_DIR}"
  INPUT_FILE "${input_file}"
  OUTPUT_VARIABLE actual_stdout
  ERROR_VARIABLE actual_stderr
  RESULT_VARIABLE actual_exit_code
  TIMEOUT 10)
# RESULT_VARIABLE is a number, or a text such as "Segmentation fault" or
# "Process terminated due to timeout"; either way it is compared as written.
set(actual_exit_code_number "${actual_exit_code}")
set(actual_exit_code "${actual_exit_code}\n")

if(UPDATE)
  foreach(stream stdout stderr exit_code)
    file(WRITE "${CASE}/${stream}" "${actual_${stream}}")
  endforeach()
  message(STATUS "e2e: ${case_name}: expected files written (exit code ${actual_exit_code_number})")
  return()
endif()

set(mismatched "")
foreach(stream stdout stderr exit_code)
  if(EXISTS "${CASE}/${stream}")
    file(READ "${CASE}/${stream}" expected_${stream})
  else()
    set(expected_${stream} "")
    message("e2e: ${case_name}: the expected file '${stream}' is missing; "
            "scripts/update-expected.sh writes it")
    list(APPEND mismatched "${stream}")
    continue()
  endif()
  if(stream STREQUAL "exit_code")
    string(STRIP "${expected_exit_code}" expected_exit_code)
    set(expected_exit_code "${expected_exit_code}\n")
  endif()
  if(NOT actual_${stream} STREQUAL expected_${stream})
    list(APPEND mismatched "${stream}")
  endif()
endforeach()

if(NOT mismatched)
  file(REMOVE_RECURSE "${WORK_DIR}/${case_name}")
  return()
endif()

# Write what ddat printed beside the build tree and show a diff of each mismatched stream.
set(actual_dir "${WORK_DIR}/${case_name}")
file(REMOVE_RECURSE "${actual_dir}")
file(MAKE_DIRECTORY "${actual_dir}")
foreach(stream stdout stderr exit_code)
  file(WRITE "${actual_dir}/${stream}" "${actual_${stream}}")
endforeach()

string(REPLACE ";" " " shown_args "${case_args}")
message("e2e: ${case_name}: ddat ${shown_args}")
message("  run in: ${SOURCE_DIR}")
message("  actual output kept in: ${actual_dir}")
find_program(DIFF_PROGRAM diff)
foreach(stream IN LISTS mismatched)
  set(expected_path "${CASE}/${stream}")
  if(NOT EXISTS "${expected_path}")
    set(expected_path /dev/null)
  endif()
  if(DIFF_PROGRAM)
    execute_process(
      COMMAND "${DIFF_PROGRAM}" -u --label "expected/${stream}" --label "actual/${stream}"
              "${expected_path}" "${actual_dir}/${stream}"
      OUTPUT_VARIABLE diff_output
      ERROR_VARIABLE diff_output)
    message("${diff_output}")
  else()
    message("--- expected/${stream}\n${expected_${stream}}\n+++ actual/${stream}\n${actual_${stream}}")
  endif()
endforeach()
string(REPLACE ";" ", " mismatched_text "${mismatched}")
message(FATAL_ERROR "e2e: ${case_name}: not as expected: ${mismatched_text}. "
                    "If the new output is right, run scripts/update-expected.sh and review the git diff.")
