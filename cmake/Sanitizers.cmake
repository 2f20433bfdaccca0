# AddressSanitizer and UndefinedBehaviorSanitizer for ddat's own targets (DDAT_SANITIZE=ON).
option(DDAT_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
add_library(ddat_sanitizers INTERFACE)
if(DDAT_SANITIZE)
  target_compile_options(ddat_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                   -fno-sanitize-recover=all)
  target_link_options(ddat_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
