# cnmlab — `make run` starts cnmlab, `make test` runs every test. Both install what is missing first.
# `make install [PREFIX=~/.local]` installs one self-contained binary, shell completions and a man page.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
VERSION := $(shell sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/cnmlab/CNMLab.swift)
# The release binary carries the Swift runtime (static) and the labs and course (built in): it runs on a
# machine without a Swift toolchain, from any folder, needing only libc, libstdc++, libsqlite3 and libedit.
RELEASE_FLAGS := -c release --static-swift-stdlib
STAGE := .build/stage
APT_PACKAGES := libedit-dev libsqlite3-dev pkg-config tmux

.PHONY: setup course build run test golden bench release stage install uninstall dist clean

## Installs the system libraries cnmlab builds against, only when one is missing (Debian/Ubuntu).
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 toolchain not found on PATH"; exit 1; }
	@# docker-py 7.1.0 is the Engine API's second test client (docs/engine-api.md); its test is skipped without it.
	@python3 -c 'import docker' 2>/dev/null || python3 -m pip install -q docker==7.1.0 || echo "docker-py not installed: its test will be skipped"

## The labs and the course are built into the binary (EmbedCourse plugin, scripts/embed-course.sh). The build
## notices a file added, removed or saved by renaming; touching the folders makes it notice one edited in place.
course:
	@touch Labs Curriculum/ko Curriculum/en

build: setup course
	$(SWIFT) build

## Starts cnmlab: the interactive shell on a simulated Docker host.
run: build
	$(SWIFT) run cnmlab

## Installs into a temporary prefix (InstalledBinaryTests runs that binary from another folder), runs every
## test, then validates every lab (with mutants) as CI does.
INSTALL_CHECK := $(CURDIR)/.build/install-check
test: setup course
	rm -rf $(INSTALL_CHECK)
	$(MAKE) --no-print-directory install PREFIX=$(INSTALL_CHECK)
	CNMLAB_INSTALLED=$(INSTALL_CHECK) $(SWIFT) test
	$(SWIFT) run cnmlab validate --mutants Labs/

## Rewrites Tests/CNMCommandsTests/Golden/*.golden from the simulator (seed 0), then lists what changed: review
## `git diff` before committing. A scenario without a .golden gets one; a JSON Lines .golden (the first layout) is
## converted, after printing which of its commands now answer differently; a NAME.txt script becomes NAME.script.
GOLDEN_DIR := Tests/CNMCommandsTests/Golden
golden: setup course
	CNMLAB_UPDATE_GOLDEN=1 $(SWIFT) test --filter 'CNMCommandsTests.GoldenTests/testEveryScriptMatchesItsGolden|CNMCommandsTests.ProxyGoldenTests'
	@git status --short -- $(GOLDEN_DIR) Tests/CNMCommandsTests/ProxyGolden

## Release build, then the benchmark scenarios (prints timings and peak memory, each target beside its figure).
## Built as `make install` builds (Swift runtime linked statically), so `cnmlab --version` and `cnmlab sim`
## are timed as the installed binary runs; a dynamic build spends most of `--version` in the loader.
bench: setup course
	$(SWIFT) build $(RELEASE_FLAGS) --product cnmlab
	$(SWIFT) build $(RELEASE_FLAGS) --product CNMBench
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/CNMBench

## The release binary, with the Swift runtime linked in.
release: setup course
	$(SWIFT) build $(RELEASE_FLAGS) --product cnmlab

## Lays out bin/, share/man/man1/ and the completions under $(STAGE)/, as they are installed.
stage: release
	@bin="$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/cnmlab"; \
	rm -rf $(STAGE) && mkdir -p $(STAGE)/bin $(STAGE)/share/man/man1 $(STAGE)/share/bash-completion/completions \
		$(STAGE)/share/zsh/site-functions $(STAGE)/share/fish/vendor_completions.d && \
	install -s -m 755 "$$bin" $(STAGE)/bin/cnmlab && \
	$(STAGE)/bin/cnmlab --generate-completion-script bash > $(STAGE)/share/bash-completion/completions/cnmlab && \
	$(STAGE)/bin/cnmlab --generate-completion-script zsh > $(STAGE)/share/zsh/site-functions/_cnmlab && \
	$(STAGE)/bin/cnmlab --generate-completion-script fish > $(STAGE)/share/fish/vendor_completions.d/cnmlab.fish && \
	$(SWIFT) build $(RELEASE_FLAGS) --product generate-manual >/dev/null && \
	"$$(dirname "$$bin")/generate-manual" $(STAGE)/bin/cnmlab --date 2026-01-01 \
		--output-directory $(STAGE)/share/man/man1 >/dev/null && \
	test -s $(STAGE)/share/man/man1/cnmlab.1
	@echo "staged cnmlab $(VERSION) in $(STAGE)"

## Installs cnmlab under $(PREFIX) (default /usr/local; PREFIX=~/.local needs no root). DESTDIR is honoured.
install: stage
	@for f in bin/cnmlab share/man/man1/cnmlab.1 share/bash-completion/completions/cnmlab \
		share/zsh/site-functions/_cnmlab share/fish/vendor_completions.d/cnmlab.fish; do \
		mode=644; [ "$$f" = bin/cnmlab ] && mode=755; \
		install -D -m $$mode $(STAGE)/$$f "$(DESTDIR)$(PREFIX)/$$f" || exit 1; \
	done
	@echo "installed $(DESTDIR)$(PREFIX)/bin/cnmlab (run: cnmlab; manual: man cnmlab)"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/cnmlab" "$(DESTDIR)$(PREFIX)/share/man/man1/cnmlab.1" \
		"$(DESTDIR)$(PREFIX)/share/bash-completion/completions/cnmlab" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_cnmlab" \
		"$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/cnmlab.fish"

## A tarball of the same files: cnmlab-VERSION-linux-ARCH.tar.gz, to unpack into a prefix (tar -C ~/.local -xzf …).
dist: stage
	@name=cnmlab-$(VERSION)-$$(uname -s | tr A-Z a-z)-$$(uname -m); \
	tar -C $(STAGE) --owner=0 --group=0 --sort=name -czf $$name.tar.gz bin share && echo "wrote $$name.tar.gz"

clean:
	rm -rf .build
