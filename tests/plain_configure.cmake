# Configures the project in WORK as a user would with only the build dependencies: Catch2 is
# hidden, and the tests are not asked for. The configure must succeed and say the tests are left
# out. usage: cmake -DSOURCE=... -DWORK=... -P plain_configure.cmake
file(REMOVE_RECURSE "${WORK}")
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${WORK}" -DCMAKE_DISABLE_FIND_PACKAGE_Catch2=ON
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE "${WORK}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the plain configure failed:\n${out}\n${err}")
endif()
if(NOT out MATCHES "the tests are not built")
  message(FATAL_ERROR "the configure did not say the tests are left out:\n${out}")
endif()
message(STATUS "ok: configured without Catch2, tests left out")
