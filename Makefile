# The two entry points of Dawr: `make demo` and `make test`.
# Everything else is CMake; this file only chains the steps.

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CTEST_ARGS ?=

.PHONY: all deps build build-asan test demo clean

all: build

deps:
	scripts/install-deps
	scripts/install-npm

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

build-asan:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DDAWR_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)

# Unit tests once under ASan+UBSan, then the whole suite; ends with ctest's summary.
test: deps build build-asan
	cd $(ASAN_BUILD) && ctest -L unit -j $(JOBS) --output-on-failure $(CTEST_ARGS)
	cd $(BUILD) && ctest -j $(JOBS) --output-on-failure $(CTEST_ARGS)

demo: deps build
	scripts/demo $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
