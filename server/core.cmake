# server/core.cmake — dawr_srvcore: the server's domain and storage (queue rules,
# application rules, the SQLite store), without HTTP. Included by
# server/CMakeLists.txt; linked by dawr-server, the store tests and the bench.
add_library(dawr_srvcore STATIC
  ${CMAKE_CURRENT_LIST_DIR}/queue.c
  ${CMAKE_CURRENT_LIST_DIR}/app.c
  ${CMAKE_CURRENT_LIST_DIR}/seed.c
  ${CMAKE_CURRENT_LIST_DIR}/migrate.c
  ${CMAKE_CURRENT_LIST_DIR}/store.c
  ${CMAKE_CURRENT_LIST_DIR}/store-admin.c
  ${CMAKE_CURRENT_LIST_DIR}/store-ticket.c
  ${CMAKE_CURRENT_LIST_DIR}/store-app.c
  ${CMAKE_CURRENT_LIST_DIR}/store-report.c)
target_include_directories(dawr_srvcore PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(dawr_srvcore
  PUBLIC dawr_form dawr_util
  PRIVATE PkgConfig::SQLITE PkgConfig::SODIUM PkgConfig::JANSSON PkgConfig::INIH
          Threads::Threads m)

# The store benchmark: tickets/s, one transaction per ticket vs group commit.
# Built here unless tests/bench/ has its own CMakeLists.txt that adds it.
if(NOT EXISTS ${CMAKE_SOURCE_DIR}/tests/bench/CMakeLists.txt
   AND EXISTS ${CMAKE_SOURCE_DIR}/tests/bench/store-bench.c)
  add_executable(store-bench ${CMAKE_SOURCE_DIR}/tests/bench/store-bench.c)
  target_link_libraries(store-bench PRIVATE dawr_srvcore)
endif()
