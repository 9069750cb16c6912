# cnmlab — `make run` starts cnmlab, `make test` runs every test. Both install what is missing first.
SWIFT ?= swift
APT_PACKAGES := libedit-dev libsqlite3-dev pkg-config tmux

.PHONY: setup build run test bench clean

## Installs the system libraries cnmlab builds against, only when one is missing (Debian/Ubuntu).
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 toolchain not found on PATH"; exit 1; }

build: setup
	$(SWIFT) build

## Starts cnmlab: the interactive shell on a simulated Docker host.
run: build
	$(SWIFT) run cnmlab

## Runs every test, then validates every lab (with mutants) as CI does.
test: setup
	$(SWIFT) test
	$(SWIFT) run cnmlab validate --mutants Labs/

## Release build, then the benchmark scenarios (prints timings and peak memory, each target beside its figure).
bench: setup
	$(SWIFT) build -c release --product cnmlab
	$(SWIFT) build -c release --product CNMBench
	$$($(SWIFT) build -c release --show-bin-path)/CNMBench

clean:
	rm -rf .build
