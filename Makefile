# Chainrule: `make site` and `make test` do all the set-up on a fresh machine.
# Each target installs what is missing first (see `deps`).

SWIFT       ?= swift
RELEASE_BIN := .build/release/chainrule
DEBUG_BIN   := .build/debug/chainrule
# Release builds. The interpreter's loops read and write slots of class-held arrays on every
# step; checking each access for exclusivity at run time costs about a tenth of a scalar
# loop's time. The flag is given here, not in Package.swift, where it would stop other
# packages from depending on this one.
RELEASE     := $(SWIFT) build -c release -Xswiftc -enforce-exclusivity=unchecked
APT_FLAGS   := -y -o DPkg::Lock::Timeout=120
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Installs Debian packages $(1), quietly, after refreshing the package lists (empty on a
# fresh machine).
APT_INSTALL  = $(SUDO) apt-get update -o DPkg::Lock::Timeout=120 -qq && \
               $(SUDO) apt-get install $(APT_FLAGS) -qq $(1) >/dev/null

.PHONY: all deps test-deps site test wasm install uninstall bench bench-site bench-instructions fuzz clean

all: site

# cmark (C library) through pkg-config. Installs it with apt when it is missing and apt is
# there; otherwise says exactly what to install.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing libcmark-dev and pkg-config with apt"; \
	    $(call APT_INSTALL,libcmark-dev pkg-config); \
	  else \
	    echo "chainrule needs the cmark C library and pkg-config:"; \
	    echo "  macOS:         brew install cmark pkg-config"; \
	    echo "  Debian/Ubuntu: sudo apt-get install libcmark-dev pkg-config"; \
	    echo "  Fedora:        sudo dnf install cmark-devel pkgconf"; \
	    exit 1; \
	  fi; \
	fi

# What only the tests need: node and Debian's KaTeX, which the math tests compare every
# formula of their corpus with (they are skipped, and say so, without them); qemu-user,
# which runs the binary as older x86-64 CPUs (Tests/Portable/run.sh); and axe-core for the
# browser test's accessibility audit: the axe.min.js that PyPI's axe-playwright-python
# carries, pinned (a new axe adds rules: that should be a change of this line, not a
# surprise in CI), in a folder of its own under .build (the test runs axe in its own
# Chromium, without Playwright). The browser test installs Chromium itself.
AXE_PACKAGE := axe-playwright-python==0.1.8
AXE_DIR     := .build/test-deps
test-deps: deps
	@if [ "$$(uname -m)" = x86_64 ] && ! command -v qemu-x86_64 >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing qemu-user with apt (the binary run as older CPUs)"; \
	    $(call APT_INSTALL,qemu-user); \
	  else \
	    echo "make: without qemu-user the portable test is skipped"; \
	  fi; \
	fi
	@if [ ! -f $(AXE_DIR)/axe_playwright_python/axe.min.js ]; then \
	  if ! python3 -m pip --version >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing python3-pip with apt (to fetch axe-core)"; \
	    $(call APT_INSTALL,python3-pip); \
	  fi; \
	  echo "make: installing $(AXE_PACKAGE) into $(AXE_DIR) with pip (axe-core, for the browser test)"; \
	  PIP_ROOT_USER_ACTION=ignore python3 -m pip install -q --no-deps --disable-pip-version-check --target $(AXE_DIR) $(AXE_PACKAGE); \
	fi
	@if ! command -v node >/dev/null 2>&1 || [ ! -f /usr/share/javascript/katex/katex.js ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing nodejs and libjs-katex with apt (the KaTeX comparison of the math tests)"; \
	    $(call APT_INSTALL,nodejs libjs-katex); \
	  else \
	    echo "make: without node and KaTeX the math tests skip their KaTeX comparison"; \
	  fi; \
	fi

# Release build, the live module beside the binary (where `chainrule build` finds it and puts
# it into the site's assets: docs/live.md), then the site from notebooks/ into site/ (see
# docs/site.md). Without a Swift toolchain that builds WebAssembly, the pages are static.
LIVE_MODULE := .build/wasm/chainrule-live.wasm
site: deps
	$(RELEASE) --product chainrule
	@status=0; wasm/build.sh || status=$$?; \
	  if [ $$status = 0 ]; then cp $(LIVE_MODULE) $(dir $(RELEASE_BIN)); \
	  elif [ $$status = 77 ]; then echo "make: no live module (see above); the pages will be static"; \
	  else exit $$status; fi
	$(RELEASE_BIN) build

# Every test, the shipped notebooks against their recorded outputs, the binary as older CPUs,
# a package that uses the engine as a library, the engine in WebAssembly against the native
# one, bit for bit, the GitHub Action's script, then the site in a real browser (the browser
# test installs Debian's chromium with apt when it is missing).
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(DEBUG_BIN) check notebooks
	Tests/Portable/run.sh $(DEBUG_BIN)
	$(SWIFT) run --package-path examples/engine-client
	Tests/Wasm/run.sh
	Tests/Action/run.sh $(DEBUG_BIN)
	CHAINRULE_LIVE_MODULE=$(LIVE_MODULE) python3 Tests/Browser/run.py --chainrule $(DEBUG_BIN)

# The portable core as Embedded Swift in two WebAssembly modules: the probe that Tests/Wasm
# compares with the native engine (.build/wasm/engine-probe.wasm) and the live module pages
# load (.build/wasm/chainrule-live.wasm); see docs/wasm.md. Installs wasi-libc and
# compiler-rt's wasm32 builtins with apt when they are missing.
wasm:
	wasm/build.sh

# `make install [PREFIX=/usr/local]`: a release binary with the Swift standard library
# linked in (it needs only libcmark and the C library at run time), and completions for
# bash, zsh and fish. `make uninstall` removes exactly what it installed.
PREFIX      ?= /usr/local
BINDIR      := $(DESTDIR)$(PREFIX)/bin
BASHDIR     := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR      := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR     := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
SHAREDIR    := $(DESTDIR)$(PREFIX)/share/chainrule
STATIC_FLAG := $(shell [ "$$(uname)" = Linux ] && echo --static-swift-stdlib)
install: deps
	$(RELEASE) --product chainrule $(STATIC_FLAG)
	install -d $(BINDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(RELEASE_BIN) $(BINDIR)/chainrule
	@status=0; wasm/build.sh >/dev/null || status=$$?; \
	  if [ $$status = 0 ]; then install -d $(SHAREDIR) && install -m 644 $(LIVE_MODULE) $(SHAREDIR)/chainrule-live.wasm; \
	  elif [ $$status = 77 ]; then echo "make: no live module (see above); sites built with it will be static"; \
	  else exit $$status; fi
	$(RELEASE_BIN) --generate-completion-script bash > $(BASHDIR)/chainrule
	$(RELEASE_BIN) --generate-completion-script zsh > $(ZSHDIR)/_chainrule
	$(RELEASE_BIN) --generate-completion-script fish > $(FISHDIR)/chainrule.fish
	@echo "installed $(BINDIR)/chainrule"

uninstall:
	rm -f $(BINDIR)/chainrule $(BASHDIR)/chainrule $(ZSHDIR)/_chainrule $(FISHDIR)/chainrule.fish $(SHAREDIR)/chainrule-live.wasm
	-rmdir $(SHAREDIR) 2>/dev/null

# Release builds; every figure is a ratio against a baseline measured in the same run.
bench: deps
	@python3 -c "import numpy" 2>/dev/null || pip install -q numpy
	@python3 -c "import micrograd" 2>/dev/null || pip install -q micrograd
	$(RELEASE) --product chainrule-bench
	$(RELEASE) --product chainrule
	python3 bench/run.py

# Site build times and memory: cold, no-change and one-edit rebuilds (bench/site_builds.py).
bench-site: deps
	$(RELEASE) --product chainrule
	python3 bench/site_builds.py

# Instructions per step of the two scalar workloads, counted exactly by valgrind's callgrind
# and grouped by interpreter, engine, reference counting and graph lookup
# (bench/instructions.py), on the release builds: valgrind's CPU has no AVX-512, so the
# kernels run their AVX2 path there.
bench-instructions: deps
	@if ! command -v valgrind >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing valgrind with apt"; \
	    $(call APT_INSTALL,valgrind); \
	  else \
	    echo "bench-instructions needs valgrind (Linux only; Debian/Ubuntu: sudo apt-get install valgrind)"; \
	    exit 1; \
	  fi; \
	fi
	$(RELEASE) --product chainrule
	$(RELEASE) --product chainrule-bench
	python3 bench/instructions.py $(RELEASE_BIN) .build/release/chainrule-bench

# libFuzzer on the notebook parser, the language, TeX math and links: each target FUZZ_SECONDS
# (default 60), then a table of inputs run and crashes. The targets are a package of their
# own (fuzz/), built with the sanitizers into a scratch folder `swift build` never reads.
FUZZ_SECONDS ?= 60
FUZZ_SCRATCH := .build-fuzz
fuzz: deps
	$(SWIFT) build --package-path fuzz --sanitize=fuzzer --sanitize=address --scratch-path $(FUZZ_SCRATCH)
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh $(FUZZ_SCRATCH)/debug

clean:
	rm -rf .build .build-* site .chainrule examples/*/.build wasm/EngineProbe/.build Tests/Browser/out
