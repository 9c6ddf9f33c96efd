# Run at install time (from cmake/install.cmake): copies SRC to DESTDIR/PREFIX/DEST,
# replacing @BINDIR@, @DATADIR@ and @PREFIX@ with the prefix being installed to.
# Done at install time, not configure time, because `cmake --install --prefix P`
# and cpack (prefix /usr) pick the prefix only then.
set(_prefix "${CMAKE_INSTALL_PREFIX}")
file(READ "${SRC}" _text)
string(REPLACE "@BINDIR@" "${_prefix}/bin" _text "${_text}")
string(REPLACE "@DATADIR@" "${_prefix}/share/dawr" _text "${_text}")
string(REPLACE "@PREFIX@" "${_prefix}" _text "${_text}")
if(DEFINED WEB_ROOT_LINE)
  # The example dawr.ini leaves web_root empty (the server then uses the path it was
  # built with); an installed copy names the installed staff console.
  string(REGEX REPLACE "\nweb_root =[^\n]*" "\nweb_root = ${_prefix}/share/dawr/web"
         _text "${_text}")
endif()
set(_out "$ENV{DESTDIR}${_prefix}/${DEST}")
get_filename_component(_dir "${_out}" DIRECTORY)
file(MAKE_DIRECTORY "${_dir}")
message(STATUS "Installing: ${_out}")
file(WRITE "${_out}" "${_text}")
list(APPEND CMAKE_INSTALL_MANIFEST_FILES "${_out}")
