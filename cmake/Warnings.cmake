# Compiler warnings for ddat's own targets only. DDAT_WARNINGS_AS_ERRORS is on in development
# presets and CI, off by default so that a newer compiler never breaks a user's build.
option(DDAT_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
add_library(ddat_warnings INTERFACE)
target_compile_options(ddat_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
                                               $<$<BOOL:${DDAT_WARNINGS_AS_ERRORS}>:-Werror>)
# g++ 12 reports impossible overlaps and uninitialised members in std::string copies when
# optimising (GCC bugs 105329 and 107138): false alarms in Release builds only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(ddat_warnings INTERFACE -Wno-restrict -Wno-maybe-uninitialized)
endif()
