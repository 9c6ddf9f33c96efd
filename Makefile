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
# The whole suite runs real windows, browsers and servers on 2 shared cores: a test
# that fails is run once more, and ctest's output shows every failure it retried.
test: deps build build-asan
	cd $(ASAN_BUILD) && ctest -L unit -j $(JOBS) --output-on-failure $(CTEST_ARGS)
	cd $(BUILD) && ctest -j $(JOBS) --output-on-failure --repeat until-pass:2 $(CTEST_ARGS)

demo: deps build
	scripts/demo $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
