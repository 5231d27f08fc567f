# actbench: the front door.  The build itself is CMake's.
#   make bench    install what is missing, build, run the speed, accuracy,
#                 saturation and zerocenter suites, render the report
#   make test     build and run the tests (make test SANITIZE=1: with ASan+UBSan)
#   make report   re-render the report from the last results
#   make accuracy / make speed / make saturation / make zerocenter   one suite
#   make install  actbench, the plugin contract, a CMake package and a pkg-config
#                 file under PREFIX (/usr/local; DESTDIR is respected)
#   make fuzz     the fuzz targets of fuzz/ for FUZZ_SECONDS each (60), in build-fuzz
#   make clean
# PLUGINS=./libmine.so[:./libother.so] passes --plugin to every actbench command.
SANITIZE ?= 0
ifeq ($(SANITIZE),1)
BUILD ?= build-sanitize
CMAKE_FLAGS += -DACTBENCH_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
else
BUILD ?= build
endif
RESULTS ?= results
REPORT ?= report
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX ?= /usr/local
# plugins, colon- or space-separated: --plugin before every command
PLUGINS ?=
ACTBENCH = $(strip $(BUILD)/actbench $(foreach p,$(subst :, ,$(PLUGINS)),--plugin $(p)))
# defaults that finish in a few minutes on 2 cores
SPEED_ARGS ?= --threads all
ACCURACY_ARGS ?=
SATURATION_ARGS ?=
ZEROCENTER_ARGS ?=

FUZZ_SECONDS ?= 60

.PHONY: all build deps bench speed accuracy saturation zerocenter report test install fuzz clean

all: build

deps:
	@scripts/deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

speed: build
	$(ACTBENCH) speed --out $(RESULTS) $(SPEED_ARGS)

accuracy: build
	$(ACTBENCH) accuracy --out $(RESULTS) $(ACCURACY_ARGS)

saturation: build
	$(ACTBENCH) saturation --out $(RESULTS) $(SATURATION_ARGS)

zerocenter: build
	$(ACTBENCH) zerocenter --out $(RESULTS) $(ZEROCENTER_ARGS)

report: build
	$(ACTBENCH) report --results $(RESULTS) --out $(REPORT)

bench: deps
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory speed accuracy saturation zerocenter
	$(MAKE) --no-print-directory report
	@echo "bench: results in $(RESULTS)/, report at $(REPORT)/index.html and $(REPORT)/summary.md"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

fuzz:
	scripts/fuzz.sh all $(FUZZ_SECONDS)

clean:
	rm -rf build build-sanitize build-nopeers build-fuzz
