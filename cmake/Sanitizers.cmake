# AddressSanitizer and UndefinedBehaviorSanitizer for ddat's own targets (DDAT_SANITIZE=ON).
option(DDAT_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
add_library(ddat_sanitizers INTERFACE)
if(DDAT_SANITIZE)
  target_compile_options(ddat_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                   -fno-sanitize-recover=all)
  target_link_options(ddat_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# ThreadSanitizer (DDAT_SANITIZE_THREAD=ON), for the team's reader threads; it cannot be combined
# with AddressSanitizer.
option(DDAT_SANITIZE_THREAD "Build with ThreadSanitizer" OFF)
if(DDAT_SANITIZE_THREAD)
  if(DDAT_SANITIZE)
    message(FATAL_ERROR "DDAT_SANITIZE and DDAT_SANITIZE_THREAD cannot be used together")
  endif()
  target_compile_options(ddat_sanitizers INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(ddat_sanitizers INTERFACE -fsanitize=thread)
endif()
