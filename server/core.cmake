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
  ${CMAKE_CURRENT_LIST_DIR}/store-report.c
  ${CMAKE_CURRENT_LIST_DIR}/store-settings.c
  ${CMAKE_CURRENT_LIST_DIR}/json-encode.c)
target_include_directories(dawr_srvcore PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(dawr_srvcore
  PUBLIC dawr_form dawr_util
  PRIVATE PkgConfig::SQLITE PkgConfig::SODIUM PkgConfig::JANSSON PkgConfig::INIH
          Threads::Threads m)

