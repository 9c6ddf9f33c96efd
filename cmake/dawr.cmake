# Helpers every folder uses to declare libraries, programs and tests the same way.
#
# Test labels decide where a test runs:
#   unit        pure code; also run once under ASan+UBSan by `make test`
#   golden      compared with hb-shape / committed images
#   integration real server on loopback, temp SQLite file
#   ui          real windows under Xvfb
#   usb         libusb against umockdev
#   web         Chromium + Playwright
#   system      the whole office

# dawr_add_unit_test(NAME SOURCES a.c b.c LIBS x y)
# A cmocka test binary, labelled "unit".
function(dawr_add_unit_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE PkgConfig::CMOCKA ${T_LIBS})
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS "unit;${T_LABELS}"
    ENVIRONMENT "DAWR_ASSETS=${DAWR_ASSETS_DIR};DAWR_SEEDS=${DAWR_SEEDS_DIR}"
    SKIP_RETURN_CODE 77)
endfunction()

# dawr_add_script_test(NAME COMMAND ... LABELS l [TIMEOUT s])
# A test that is a script driving real binaries. Exit 77 means "skipped".
function(dawr_add_script_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "COMMAND;LABELS" ${ARGN})
  add_test(NAME ${name} COMMAND ${T_COMMAND})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}"
    TIMEOUT ${T_TIMEOUT} SKIP_RETURN_CODE 77
    ENVIRONMENT "DAWR_BUILD=${CMAKE_BINARY_DIR};DAWR_SRC=${CMAKE_SOURCE_DIR};DAWR_ASSETS=${DAWR_ASSETS_DIR};DAWR_SEEDS=${DAWR_SEEDS_DIR}")
endfunction()

# Adds every immediate subfolder of the current folder that has a CMakeLists.txt,
# so a new module or test folder is picked up without editing its parent.
function(dawr_add_subfolders)
  file(GLOB children LIST_DIRECTORIES true RELATIVE ${CMAKE_CURRENT_SOURCE_DIR}
       ${CMAKE_CURRENT_SOURCE_DIR}/*)
  list(SORT children)
  foreach(child ${children})
    if(IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/${child}
       AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${child}/CMakeLists.txt)
      add_subdirectory(${child})
    endif()
  endforeach()
endfunction()
