# Copydesk — `make run` and `make test` are all a newcomer needs on Debian or
# Ubuntu: both install what is missing first (Debian packages only when
# absent, with sudo when not root; Go modules; the Nu HTML checker).

SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)
GO      ?= go
# fyneDo migration: every UI update from a goroutine goes through fyne.Do.
# no_emoji: emoji come from the system's emoji font, not the 4 MB one Fyne
# bundles, which it parses again for every text style and theme scope (18 MB
# of heap at start-up; README, Performance). cmd/deskbench builds with the same.
TAGS    := migrated_fynedo,no_emoji
# Headless test builds: Fyne's `ci` tag swaps the GLFW driver for the test driver.
TESTTAGS := $(TAGS),ci
BIN     := copydesk
CACHE   := $(CURDIR)/.cache
VNU_VERSION := 26.9.27
export VNU_JAR := $(CACHE)/npm/node_modules/vnu-jar/build/dist/vnu.jar
export LANG := C.UTF-8

# Fyne 2.8.1 on Debian 12 (Wayland is on by default in 2.8, hence its headers);
# Hunspell and its dictionaries for the spelling check (cgo); the colour emoji
# font the window draws emoji with (see TAGS).
BUILD_PKGS := gcc libc6-dev pkg-config libgl-dev libegl-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev \
	libxkbcommon-dev wayland-protocols git \
	libhunspell-dev hunspell-en-us hunspell-ru fonts-noto-color-emoji
# The shared store's tests and load test start a throwaway PostgreSQL
# server from Debian's binaries (initdb, pg_ctl; no system service needed).
PG_PKGS := postgresql
# The failover test's cluster: pg_auto_failover (pg_autoctl), a monitor
# and two nodes on loopback ports. Where it cannot be installed, make test
# goes on and the failover test skips saying so.
HA_PKGS := postgresql-15-auto-failover
# What the tests drive or validate with (xclip: the monkey; the last three: packaging-test).
TEST_PKGS := xvfb xdotool xclip imagemagick libxml2-utils pandoc wdiff chromium \
	desktop-file-utils dpkg-dev groff-base
# make install: where (the binary goes to $(PREFIX)/bin; DESTDIR for staging).
PREFIX  ?= $(HOME)/.local
# Java and npm only when the machine has none: a Node.js from NodeSource
# ships its own npm and conflicts with Debian's npm package.
NEED_CMDS := java:openjdk-17-jre-headless npm:npm

.PHONY: run build test check deps-build deps-test vnu e2e walkthrough monkey soak bench fuzz crashtest \
	torture loadtest ha-test clean install uninstall deb packaging-test

run: build
	./$(BIN)

# -buildvcs=auto: copydesk --version names the commit it was built from
# (even where GOFLAGS turns VCS stamping off); outside a git checkout it
# says "devel".
build: deps-build
	$(GO) build -buildvcs=auto -tags $(TAGS) -o $(BIN) ./cmd/copydesk

deps-build:
	@.ci/ensure-apt $(BUILD_PKGS)
	@$(GO) mod download

deps-test: deps-build
	@.ci/ensure-apt $(TEST_PKGS)
	@.ci/ensure-postgres $(PG_PKGS)
	@.ci/ensure-postgres $(HA_PKGS) || echo "make: $(HA_PKGS) cannot be installed: the failover test (cmd/deskload TestFailover) will be skipped" >&2
	@for pair in $(NEED_CMDS); do \
	  command -v $${pair%%:*} >/dev/null || .ci/ensure-apt $${pair#*:} || exit 1; \
	done

vnu: deps-test
	@test -f $(VNU_JAR) || npm install --silent --no-audit --no-fund --prefix $(CACHE)/npm vnu-jar@$(VNU_VERSION)

# check: formatting, vet, staticcheck and the layering rules (editor/ and
# storage/ never import Fyne; editor/, tests included, never imports
# storage/; app/session, tests included, never imports Fyne), no function
# in editor/ or storage/ over cyclomatic complexity 20 (gocyclo, a go
# tool of go.mod), without tests.
check: deps-build
	@unformatted=$$(gofmt -l cmd app editor storage assets); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet -tags $(TESTTAGS) ./...
	$(GO) tool staticcheck -tags $(TESTTAGS) ./...
	@if $(GO) list -deps ./editor/... ./storage/... | grep '^fyne.io/'; then \
	  echo "editor/ or storage/ depends on Fyne (listed above): the core must stay Fyne-free"; exit 1; fi
	@if $(GO) list -deps -test -tags $(TESTTAGS) ./editor/... | grep '^copydesk/storage'; then \
	  echo "editor/ depends on storage/ (listed above): the core must not import the stores built on it"; exit 1; fi
	@if $(GO) list -deps -test ./app/session/... | grep '^fyne.io/'; then \
	  echo "app/session depends on Fyne (listed above): the editing session's rules stay testable without the window"; exit 1; fi
	@if ! $(GO) tool gocyclo -over 20 -ignore '_test\.go$$' editor storage; then \
	  echo "the functions above are over cyclomatic complexity 20: split them where a reader would"; exit 1; fi

# COPYDESK_REQUIRE_POSTGRES=1: a PostgreSQL server that cannot be started
# fails the shared store's tests instead of skipping them.
test: deps-test vnu check build
	COPYDESK_REQUIRE_POSTGRES=1 $(GO) test -race -tags $(TESTTAGS) -timeout 20m ./...
	$(MAKE) --no-print-directory e2e
	$(MAKE) --no-print-directory packaging-test

# e2e: the real binary in a throwaway X server, driven with xdotool: the
# scripted runs, the walkthrough at three sizes, and the monkey (1,020
# events: 340 at each size, one printed seed).
e2e: build
	app/testdata/e2e.sh ./$(BIN)
	app/testdata/walkthrough.sh ./$(BIN) $(WALK_SIZES)
	@seed=$(if $(SEED),$(SEED),$$(( $$(date +%s%N) % 1000000000 ))); \
	  for size in $(WALK_SIZES); do \
	    $(GO) run ./cmd/deskmonkey -bin ./$(BIN) -seed $$seed -events $(E2E_MONKEY_EVENTS) -size $$size || exit 1; \
	  done

# Monkey events per size in e2e (three sizes: 1,020 in all).
E2E_MONKEY_EVENTS ?= 340

# walkthrough: every menu item, shortcut, dialog and body key in the real
# window at each of WALK_SIZES, checked after every step (app/testdata/walkthrough.sh).
WALK_SIZES ?= 1024x600 1280x800 1920x1080
walkthrough: build
	@.ci/ensure-apt xvfb xdotool imagemagick
	app/testdata/walkthrough.sh ./$(BIN) $(WALK_SIZES)

# monkey: EVENTS random events from SEED (default: a random seed, printed)
# in the real window at MONKEY_SIZE; the same SEED and EVENTS replay a run.
EVENTS ?= 1000
MONKEY_SIZE ?= 1280x800
monkey: build
	@.ci/ensure-apt xvfb xdotool xclip imagemagick
	$(GO) run ./cmd/deskmonkey -bin ./$(BIN) $(if $(SEED),-seed $(SEED)) -events $(EVENTS) -size $(MONKEY_SIZE)

# soak: "a day at the desk" in the real window: 50,000 keystrokes, 500 story
# switches, 200 History views, 100 exports (SOAK_SCALE=0.2: a fifth of it);
# prints RSS and goroutines at the start, after the first minute and at the end.
SOAK_SCALE ?= 1
soak: build
	@.ci/ensure-apt xvfb xdotool xclip imagemagick
	$(GO) run ./cmd/deskmonkey -bin ./$(BIN) -soak -soak-scale $(SOAK_SCALE)

# crashtest: 200 SIGKILLs of a writing child; the store must open, verify
# and keep every acknowledged write (make test runs 20).
crashtest: deps-build
	COPYDESK_CRASH_KILLS=200 $(GO) test -race -tags $(TESTTAGS) -run '^TestCrash$$' -count=1 -timeout 40m -v ./storage/crashtest

# torture: every damaged-file case (each kind of desk file flipped,
# truncated and deleted, plain and encrypted), a full disk on an 8 MB
# tmpfs (as root), huge stories, a SIGKILLed restore and the tampered
# backups, through the real binary; prints the table of cases, panics,
# silent losses, clear refusals and tampering detected. Strict: any panic
# or silent loss fails it. make test runs a smaller set (-short).
torture: build
	COPYDESK_BIN=$(CURDIR)/$(BIN) COPYDESK_TORTURE_FULL=1 \
	  $(GO) test -tags $(TESTTAGS) -count=1 -timeout 40m -v ./storage/torture 2>&1 | grep -v '^=== RUN'; exit $${PIPESTATUS[0]}

# loadtest: 20 simulated desks, each with its own connection, save 1,000
# revisions in all to a throwaway PostgreSQL server (fsync on) and the store
# is checked: exit 1 on any lost revision, broken chain or silent overwrite.
# LOADTEST_ARGS="--desks 50 --revisions 5000" or "--store postgres://…" to
# load another server. make test runs a short one (cmd/deskload's test).
loadtest: deps-build
	@.ci/ensure-postgres $(PG_PKGS)
	$(GO) run ./cmd/deskload $(LOADTEST_ARGS)

# ha-test: the shared store through three failovers. A pg_auto_failover
# monitor and two nodes on loopback (synchronous replication, the
# monitor's default timeouts), 20 desks and one more that only listens;
# mid-run the primary's postgres and its pg_autoctl get SIGKILL, the
# standby is promoted, the old primary is started again and rejoins as the
# standby; three times. Prints each failover's times, the calls retried,
# and exits 1 on any acknowledged write lost, broken, silently overwritten
# or not heard by the listening desk. make test runs a short one (one
# failover, 4 desks, the monitor's timeouts shortened: ≈ 1 min).
HA_ARGS ?= --failovers 3
ha-test: deps-build
	@.ci/ensure-postgres $(PG_PKGS) $(HA_PKGS)
	$(GO) run ./cmd/deskload $(HA_ARGS)

# install: the binary, a desktop entry, the icon in the hicolor sizes, a man
# page and bash completion (the last two from the binary's own help) under
# PREFIX, listed in $(PREFIX)/lib/copydesk/installed-files; uninstall
# removes exactly the files listed there (never the desk's database).
install: build
	@packaging/stage.sh ./$(BIN) "$(PREFIX)/bin/copydesk" "$(CACHE)/stage"
	@packaging/install.sh install "$(CACHE)/stage" "$(DESTDIR)$(PREFIX)"

uninstall:
	@packaging/install.sh uninstall "$(DESTDIR)$(PREFIX)"

# deb: dist/copydesk_VERSION_ARCH.deb (dpkg-deb), Depends from the binary's
# libraries.
deb: build
	@.ci/ensure-apt dpkg-dev
	@packaging/deb.sh ./$(BIN) $(CURDIR)/dist

# packaging-test: install and uninstall in a throwaway PREFIX, the .deb
# unpacked into a throwaway root runs (make test runs it).
packaging-test: build
	@.ci/ensure-apt desktop-file-utils dpkg-dev groff-base
	@packaging/test.sh ./$(BIN)

bench: deps-build
	$(GO) test -tags $(TESTTAGS) -run XXX -bench . -benchmem -count 5 ./...

# fuzz: every Fuzz target of every package, FUZZTIME each (60s): found with
# go test -list, so a new target needs no entry here. Among them the body
# editor's FuzzEditorModel (app/blockedit: key sequences through Fyne's test
# driver against a plain-text model).
fuzz: deps-build
	@$(GO) list -tags $(TESTTAGS) ./... | while read -r pkg; do \
	  for f in $$($(GO) test -tags $(TESTTAGS) -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; $(GO) test -tags $(TESTTAGS) -run XXX -fuzz "^$$f$$" -fuzztime $${FUZZTIME:-60s} $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -f $(BIN)
	rm -rf dist $(CACHE)/stage
