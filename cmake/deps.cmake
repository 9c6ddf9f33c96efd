# Every library Dawr links, found once through pkg-config (DESIGN.md §11).
# The Debian packages that provide them are listed in scripts/install-deps.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

pkg_check_modules(SDL2       REQUIRED IMPORTED_TARGET sdl2)
pkg_check_modules(FREETYPE   REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(HARFBUZZ   REQUIRED IMPORTED_TARGET harfbuzz)
pkg_check_modules(FRIBIDI    REQUIRED IMPORTED_TARGET fribidi)
pkg_check_modules(ICU        REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(LIBUSB     REQUIRED IMPORTED_TARGET libusb-1.0)
pkg_check_modules(SQLITE     REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(MHD        REQUIRED IMPORTED_TARGET libmicrohttpd)
pkg_check_modules(CURL       REQUIRED IMPORTED_TARGET libcurl)
pkg_check_modules(JANSSON    REQUIRED IMPORTED_TARGET jansson)
pkg_check_modules(SODIUM     REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(QRENCODE   REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(INIH       REQUIRED IMPORTED_TARGET inih)
pkg_check_modules(PNG        REQUIRED IMPORTED_TARGET libpng)
pkg_check_modules(CMOCKA     REQUIRED IMPORTED_TARGET cmocka)
# Benchmark-only: Pango is the reference txt-bench measures against.
pkg_check_modules(PANGO      IMPORTED_TARGET pangocairo pangoft2)
