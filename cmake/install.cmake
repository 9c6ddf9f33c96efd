# What `cmake --install` puts where, and the .deb packages CPack makes of it.
# Included from the top-level CMakeLists.txt after every program folder, so that
# each install() below can ask whether its target exists (folders appear as their
# issues are worked on, and a half-written one may define nothing).
#
# Layout under the prefix (/usr for the packages):
#   bin/dawr-{server,kiosk,display,print,shape}
#   share/dawr/{fonts,sounds,config}       the assets ($DAWR_ASSETS in the units)
#   share/dawr/web                         the staff console the server serves
#   share/doc/dawr/                        deploy.md, the fonts' licence, example dawr.ini
#   etc/dawr/dawr.ini                      only with `cmake --install` (component config)
#   lib/systemd/system/dawr-*.service      the three units
#   lib/sysusers.d/dawr.conf               the system users they run as
#   lib/udev/rules.d/60-dawr-printer.rules USB printers for the kiosk
#
# One component per package: server, kiosk, display, print, tools, common.
# The component "config" (etc/dawr/dawr.ini) is left out of the packages: under
# the /usr prefix it would land in /usr/etc, so dawr-common's postinst copies the
# example to /etc/dawr/dawr.ini instead, once, when there is none.
include(GNUInstallDirs)

set(DAWR_INSTALL_SHARE ${CMAKE_INSTALL_DATADIR}/dawr)
set(DAWR_INSTALL_DOC ${CMAKE_INSTALL_DATADIR}/doc/dawr)
set(DAWR_PACKAGING ${CMAKE_SOURCE_DIR}/packaging)

# install(CODE) that copies a template with the install prefix filled in.
function(dawr_install_configured src dest component)
  install(CODE "set(SRC \"${src}\")\nset(DEST \"${dest}\")\n${ARGN}\ninclude(\"${DAWR_PACKAGING}/install-file.cmake\")\nunset(WEB_ROOT_LINE)"
          COMPONENT ${component})
endfunction()

# Programs ------------------------------------------------------------------------
foreach(pair dawr-server:server dawr-kiosk:kiosk dawr-display:display
             dawr-print:print dawr-shape:tools)
  string(REPLACE ":" ";" pair ${pair})
  list(GET pair 0 target)
  list(GET pair 1 component)
  if(TARGET ${target})
    install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
            COMPONENT ${component})
    list(APPEND DAWR_INSTALLED_COMPONENTS ${component})
  endif()
endforeach()

# Assets shared by every program -----------------------------------------------------
install(DIRECTORY ${DAWR_ASSETS_DIR}/fonts DESTINATION ${DAWR_INSTALL_SHARE}
        COMPONENT common FILES_MATCHING PATTERN "*.ttf" PATTERN "*.otf" PATTERN "*.txt")
install(FILES ${DAWR_ASSETS_DIR}/fonts/OFL.txt DESTINATION ${DAWR_INSTALL_DOC}
        RENAME fonts-OFL.txt COMPONENT common)
install(DIRECTORY ${DAWR_ASSETS_DIR}/sounds DESTINATION ${DAWR_INSTALL_SHARE}
        COMPONENT common FILES_MATCHING PATTERN "*.wav")
install(DIRECTORY ${DAWR_ASSETS_DIR}/config DESTINATION ${DAWR_INSTALL_SHARE}
        COMPONENT common FILES_MATCHING PATTERN "*.ini")
dawr_install_configured(${DAWR_ASSETS_DIR}/config/dawr.ini
                        ${CMAKE_INSTALL_DATADIR}/doc/dawr/dawr.ini.example common
                        "set(WEB_ROOT_LINE 1)")
if(EXISTS ${CMAKE_SOURCE_DIR}/docs/deploy.md)
  install(FILES ${CMAKE_SOURCE_DIR}/docs/deploy.md DESTINATION ${DAWR_INSTALL_DOC}
          COMPONENT common)
endif()
install(FILES ${DAWR_PACKAGING}/sysusers/dawr.conf
        DESTINATION lib/sysusers.d COMPONENT common)
list(APPEND DAWR_INSTALLED_COMPONENTS common)

# Settings: etc/dawr/dawr.ini under the prefix, for `cmake --install` only.
dawr_install_configured(${DAWR_ASSETS_DIR}/config/dawr.ini
                        ${CMAKE_INSTALL_SYSCONFDIR}/dawr/dawr.ini config
                        "set(WEB_ROOT_LINE 1)")

# Per program: units, the staff console, the udev rule ------------------------------
if(TARGET dawr-server)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/server/web/ DESTINATION ${DAWR_INSTALL_SHARE}/web
          COMPONENT server PATTERN "node_modules" EXCLUDE PATTERN "*.md" EXCLUDE)
  dawr_install_configured(${DAWR_PACKAGING}/systemd/dawr-server.service.in
                          lib/systemd/system/dawr-server.service server)
endif()
if(TARGET dawr-kiosk)
  dawr_install_configured(${DAWR_PACKAGING}/systemd/dawr-kiosk.service.in
                          lib/systemd/system/dawr-kiosk.service kiosk)
endif()
if(TARGET dawr-kiosk OR TARGET dawr-print)
  # Both print on USB printers; the rule goes with each (the packages share it
  # through dawr-common, so it is installed once).
  install(FILES ${DAWR_PACKAGING}/udev/60-dawr-printer.rules
          DESTINATION lib/udev/rules.d COMPONENT common)
endif()
if(TARGET dawr-display)
  dawr_install_configured(${DAWR_PACKAGING}/systemd/dawr-display.service.in
                          lib/systemd/system/dawr-display.service display)
endif()

# Packages (cpack -G DEB) ------------------------------------------------------------
list(REMOVE_DUPLICATES DAWR_INSTALLED_COMPONENTS)
set(CPACK_PACKAGE_NAME dawr)
set(CPACK_PACKAGE_VENDOR "Dawr contributors")
set(CPACK_PACKAGE_CONTACT "Dawr maintainers <dawr@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Queue tickets and walk-in intake for charitable associations")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_COMPONENTS_ALL ${DAWR_INSTALLED_COMPONENTS})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.invalid/dawr")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_STRIP_FILES ON)

set(_descr_server "Dawr queue and intake server\n HTTP/JSON API, staff console, live event stream; SQLite storage.")
set(_descr_kiosk "Dawr kiosk\n Touchscreen ticket and support-request kiosk with a USB ticket printer.")
set(_descr_display "Dawr waiting-room display\n Full-screen board of called tickets fed by dawr-server.")
set(_descr_print "Dawr ticket printing tool\n Prints Dawr tickets on ESC/POS printers (USB, TCP, file) or as PNG.")
set(_descr_tools "Dawr debugging tools\n dawr-shape prints the text engine's layout of a string.")
set(_descr_common "Dawr shared files\n Fonts, sounds, example settings, system users and the printer udev rule.")
foreach(c server kiosk display print tools common)
  string(TOUPPER ${c} C)
  set(CPACK_DEBIAN_${C}_PACKAGE_NAME dawr-${c})
  set(CPACK_DEBIAN_${C}_FILE_NAME DEB-DEFAULT)
  set(CPACK_COMPONENT_${C}_DESCRIPTION "${_descr_${c}}")
  if(NOT c STREQUAL "common")
    set(CPACK_COMPONENT_${C}_DEPENDS common)
  endif()
endforeach()
set(CPACK_DEBIAN_COMMON_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_COMMON_PACKAGE_DEPENDS "systemd")
set(CPACK_DEBIAN_COMMON_PACKAGE_CONTROL_EXTRA ${DAWR_PACKAGING}/deb/common/postinst)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA ${DAWR_PACKAGING}/deb/server/postinst)
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "sqlite3")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA ${DAWR_PACKAGING}/deb/units/postinst)
set(CPACK_DEBIAN_DISPLAY_PACKAGE_CONTROL_EXTRA ${DAWR_PACKAGING}/deb/units/postinst)
include(CPack)
