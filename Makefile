# raci - build, test and install.
#
#   make run        set up, build, and audit the sample rosters into output/
#   make test       set up, build, and run every test (packages, unit, golden
#                   CLI, workbook read-back, LibreOffice, format, cppcheck,
#                   sanitizers, valgrind, fuzz smoke runs, SARIF, JUnit, Mermaid,
#                   install)
#   make install    PREFIX=/usr/local DESTDIR=
#
# Quiet by default; V=1 shows the commands. DEVELOPER=1 (set by `make test`
# and CI) adds -Werror. SANITIZE=address,undefined builds with sanitizers.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/raci
MANDIR   ?= $(PREFIX)/share/man
VERSION  := 0.1.0

CC       ?= cc
PKGS     := xlsxwriter yaml-0.1 jansson libxml-2.0 libzip libgvc libpng
WARN     := -Wall -Wextra -Wstrict-prototypes -Wwrite-strings -Wvla -Wformat=2 -pedantic
CSTD     := -std=c11 -D_POSIX_C_SOURCE=200809L
OPT      ?= -O2 -g
CFLAGS   ?=
CPPFLAGS += -Iinclude -DRACI_VERSION='"$(VERSION)"' -DRACI_DATADIR='"$(DATADIR)"'
CPPFLAGS += $(shell pkg-config --cflags $(PKGS) 2>/dev/null || echo -I/usr/include/libxml2 -I/usr/include/graphviz)
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) $(CFLAGS)
LDLIBS   += -lcsv $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lxlsxwriter -lyaml -ljansson -lxml2 -lzip -lgvc -lcgraph -lcdt -lpng16)
BUILD    ?= build

ifeq ($(DEVELOPER),1)
  WARN += -Werror
endif
ifneq ($(SANITIZE),)
  ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
  LDFLAGS    += -fsanitize=$(SANITIZE)
endif

ifeq ($(V),1)
  Q :=
  say = @true
else
  Q := @
  say = @printf '  %-6s %s\n'
endif

# The stages of the pipeline, in the order data flows through them; each is
# a folder of src/ (the README's Developing section draws them).
STAGES   := base read model rules checks findings write cli
LIB_SRC  := $(filter-out src/cli/main.c,$(foreach s,$(STAGES),$(wildcard src/$(s)/*.c)))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
C_FILES  := $(foreach s,$(STAGES),$(wildcard src/$(s)/*.c)) $(wildcard include/raci/*.h) \
            $(wildcard tests/unit/*.c tests/unit/*.h tests/fuzz/*.c tools/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all run test deps build check-deps check-unit check-cli check-progress check-roundtrip check-xlsx check-published check-scale \
        check-spectrum \
        check-libreoffice check-format check-house \
        check-cppcheck check-sanitize check-valgrind check-fuzz check-sarif check-junit check-html check-mermaid \
        check-install install \
        uninstall clean format picture bench man fuzz print-deb-pkgs print-pkgs print-link-libs \
        print-cppflags print-cc

all: $(BUILD)/raci raci

# The tests compare what raci prints: a FORCE_COLOR set by the machine that
# runs them would colour it (raci honours FORCE_COLOR, as linters do).
unexport FORCE_COLOR

# ---------------------------------------------------------------- set-up --
# Debian packages the build and the tests need; installed with apt-get
# (through sudo when not root) only when missing.
# Every library the build links and every header it includes must come from
# one of them: tests/deps/check.sh (make check-deps) checks it. zlib1g-dev
# because libxlsxwriter's pkg-config links -lz; libc6-dev because gcc only
# recommends it.
DEB_PKGS := gcc libc6-dev make pkg-config libcsv-dev libxlsxwriter-dev zlib1g-dev libyaml-dev \
            libjansson-dev libxml2-dev libzip-dev libgraphviz-dev libpng-dev libcmocka-dev python3 python3-openpyxl python3-pil python3-yaml valgrind \
            cppcheck clang-format clang libclang-rt-dev jq libxml2-utils libreoffice-calc-nogui \
            poppler-utils fonts-crosextra-carlito chromium

# What tests/deps/check.sh checks, as this Makefile has it.
print-deb-pkgs:
	@echo $(DEB_PKGS)
print-pkgs:
	@echo $(PKGS)
print-link-libs:
	@echo $(LDLIBS) -lcmocka
print-cppflags:
	@echo $(CPPFLAGS)
print-cc:
	@echo $(CC)

deps:
	@missing=$$(for p in $(DEB_PKGS); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# ----------------------------------------------------------------- build --
$(BUILD)/%.o: src/%.c $(wildcard include/raci/*.h include/raci/*.def) | $(BUILD)/tests/.dir
	$(say) CC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/libraci.a: $(LIB_OBJ)
	$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/raci: $(BUILD)/cli/main.o $(BUILD)/libraci.a
	$(say) LD $@
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

raci: $(BUILD)/raci
	$(Q)ln -sf $(BUILD)/raci raci

$(BUILD)/tests/.dir:
	$(Q)mkdir -p $(BUILD)/tests && touch $@

# DATADIR is compiled into raci (RACI_DATADIR: where `make install` puts the
# rulesets). It is kept in $(BUILD)/datadir, rewritten only when it changes,
# so that the objects that use it are rebuilt then: `make && make install
# PREFIX=/usr` installs a binary that knows /usr/share/raci.
DATADIR_USERS := $(shell grep -l RACI_DATADIR $(LIB_SRC) src/cli/main.c $(UNIT_SRC) 2>/dev/null)

$(BUILD)/datadir: FORCE | $(BUILD)/tests/.dir
	$(Q)printf '%s\n' '$(DATADIR)' | cmp -s - $@ || printf '%s\n' '$(DATADIR)' >$@

$(patsubst src/%.c,$(BUILD)/%.o,$(filter src/%,$(DATADIR_USERS))) \
$(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(filter tests/unit/%,$(DATADIR_USERS))): $(BUILD)/datadir

build: deps
	$(Q)$(MAKE) --no-print-directory all

-include $(wildcard $(BUILD)/*/*.d)

# ------------------------------------------------------------------- run --
SAMPLES := $(wildcard samples/*.csv)

run: build
	@mkdir -p output
	@for s in $(SAMPLES); do \
	  echo "== raci $$s"; \
	  ./raci $$s; st=$$?; \
	  [ $$st -le 1 ] || exit $$st; \
	done
	@echo "== workbooks"; ls -1 output/*.xlsx

# ------------------------------------------------------------------ test --
$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libraci.a | $(BUILD)/tests/.dir
	$(say) CC $@
	$(Q)$(CC) $(CPPFLAGS) -Itests/unit $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libraci.a $(LDLIBS) -lcmocka

check-unit: $(UNIT_BIN)
	@tests/run-unit.sh $(UNIT_BIN)

check-cli: all
	@tests/cli/run.sh
	@tools/gen-bad-input.py --check

# doc/bad-input.md: the catalogue of bad input, one golden case a row
# (tests/cli/cases/*.doc); check-cli fails while it is stale.
doc/bad-input.md: FORCE
	$(say) GEN $@
	$(Q)tools/gen-bad-input.py >$@.tmp && mv $@.tmp $@

check-xlsx: all
	@tests/xlsx/run.sh

# Published RACI and DCI tables, exported to CSV as they stand, against
# findings counted by hand (tests/published/README.md). Not yet a stage of
# make test.
check-published: all
	@tests/published/check.sh

# The exports read back (tests/roundtrip/run.sh): the same findings from a
# roster, its --export-roster and its --export-matrix; an export of an
# export is the same bytes; a product sheet saved as CSV follows its edits.
check-roundtrip: all
	@tests/roundtrip/run.sh

# The line of progress on a terminal (a pty from script(1)), and never
# elsewhere.
check-progress: all
	@tests/progress/check.sh

# The hostile workbooks and a sample opened by LibreOffice (headless, one
# start for all), saved again and compared with what raci wrote.
check-libreoffice: all
	@tests/xlsx/libreoffice.sh

# A large roster's workbook (bench/gen.py, 21,000 rows) with --max-sheets 5
# and sheets split at 1,000 rows: read back with openpyxl against counts
# made from the CSV, read back by raci, opened by LibreOffice.
check-scale: all
	@tests/scale/check.sh

# The house rules on the real tree (tests/house/check.py): stage folders,
# file and function sizes, prefixes of public functions, one meaning per
# static name, who calls exit() and includes each library.
# csv-spectrum (npm) through raci and back out of the Roster sheet, field
# for field (tests/xlsx/spectrum.py).
check-spectrum: all
	@tests/xlsx/spectrum.sh

check-house: all
	@tests/house/check.py $(BUILD)

check-format:
	@tests/check-format.sh

check-deps:
	@tests/deps/check.sh

check-cppcheck:
	@echo "cppcheck"
	$(Q)cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	  --std=c11 --inline-suppr -Iinclude src tests/unit

check-sanitize:
	@echo "sanitizers: rebuilding with -fsanitize=address,undefined"
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=address,undefined DEVELOPER=1 \
	  OPT='-O1 -g' build/asan/raci $(UNIT_BIN:$(BUILD)/%=build/asan/%)
	$(Q)ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  tests/run-unit.sh $(UNIT_BIN:$(BUILD)/%=build/asan/%)
	$(Q)ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 RACI=build/asan/raci tests/cli/run.sh

check-valgrind: all
	@RACI_WRAP='valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=tests/valgrind.supp' \
	  tests/cli/run.sh

# A short run of every fuzzer (FUZZ_TIME seconds each, 20 by default), as
# make test does it; `make fuzz FUZZ_TIME=600` for a long one, and
# FUZZ_ONLY=fuzz_pipeline for one harness.
check-fuzz:
	@tests/fuzz/run.sh

fuzz:
	@FUZZ_TIME=$${FUZZ_TIME:-300} tests/fuzz/run.sh

# The SARIF of every sample against the SARIF 2.1.0 schema and Microsoft's
# SARIF multitool (both installed from npm into build/npm once).
check-sarif: all
	@tests/sarif/validate.sh

# The JUnit XML of every sample, well-formed and valid against Jenkins'
# JUnit schema (xmllint; the schema fetched from npm into build/npm-junit).
check-junit: all
	@tests/junit/validate.sh

# The HTML report of every sample in headless Chromium: a screenshot that is
# not blank, and the DOM after its script ran holding every finding of the
# JSON report, with the filters of the URL hash hiding the rows they should.
check-html: all
	@tests/html/check.sh

# The Markdown report's Mermaid chart of every sample through the real
# mermaid package's parser, compared with the org chart Graphviz draws
# (mermaid and jsdom installed from npm into build/npm-mermaid once).
check-mermaid: all
	@tests/mermaid/check.sh

# The stages of `make test`; make stops at the first that fails, so reaching
# the last line means every one passed.
TEST_STAGES := check-deps check-unit check-cli check-progress check-roundtrip check-published check-xlsx check-spectrum check-libreoffice check-scale \
               check-format check-house \
               check-cppcheck check-sanitize check-valgrind check-fuzz check-sarif check-junit check-html \
               check-mermaid check-install

test: deps
	$(Q)$(MAKE) --no-print-directory DEVELOPER=1 all
	$(Q)t0=$$(date +%s); for stage in $(TEST_STAGES); do \
	  t=$$(date +%s); \
	  $(MAKE) --no-print-directory DEVELOPER=1 $$stage || exit 1; \
	  echo "stage $$stage: $$(($$(date +%s) - t)) s"; \
	done; echo "stages: $(words $(TEST_STAGES)) passed, 0 failed, in $$(($$(date +%s) - t0)) s"

# --------------------------------------------------------------- extras --
# doc/rules.md: every rule of the registry (include/raci/rules.def) with the
# severities and parameters of rules/default.yaml, printed by
# src/rules/rules_doc.c.
# tests/unit/test_rules_doc.c fails when the committed file is not what this
# prints: run `make doc/rules.md` after changing a rule, and commit both.
$(BUILD)/gen-rules-doc: tools/gen-rules-doc.c $(BUILD)/libraci.a | $(BUILD)/tests/.dir
	$(say) CC $@
	$(Q)$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libraci.a $(LDLIBS)

doc/rules.md: $(BUILD)/gen-rules-doc rules/default.yaml
	$(say) GEN $@
	$(Q)RACI_RULES_DIR=rules $(BUILD)/gen-rules-doc rules/default.yaml >$@.tmp && mv $@.tmp $@

format:
	clang-format -i $(C_FILES)

picture: build
	tests/../doc/make-picture.sh

# raci against bare libcsv, bare libxlsxwriter and pandas + XlsxWriter at
# 10,000, 100,000 and 1,000,000 rows, side by side (bench/compare.sh; about
# ten minutes on two cores). Nothing is asserted.
bench: build
	bench/compare.sh

# The man page: doc/raci.1.in with the OPTIONS and FORMATS sections that
# `raci --help-man` prints from the tables of options and formats, which
# --help is printed from too.
man: $(BUILD)/raci.1

# Made again when DATADIR changes: the page names the installed ruleset.
$(BUILD)/raci.1: doc/raci.1.in $(BUILD)/raci $(BUILD)/datadir
	$(say) MAN $@
	$(Q)$(BUILD)/raci --help-man >$@.options
	$(Q)sed -e 's|@VERSION@|$(VERSION)|g' -e 's|@DATADIR@|$(DATADIR)|g' doc/raci.1.in | \
	  awk -v opts=$@.options '/^@OPTIONS@$$/ { while ((getline l < opts) > 0) print l; next } { print }' \
	  >$@.tmp && rm -f $@.options && mv $@.tmp $@

# Install into a scratch DESTDIR and check what a user gets: the binary finds
# its rulesets, the man page renders cleanly and names every option of
# --help and every format, the completion offers every option and format;
# then uninstall leaves nothing.
check-install: all
	@tests/install/check.sh

BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions

# The bash completion, printed by raci from the same tables of options and
# formats as --help.
$(BUILD)/raci.bash-completion: $(BUILD)/raci
	$(say) GEN $@
	$(Q)$(BUILD)/raci --help-completion >$@.tmp && mv $@.tmp $@

install: all $(BUILD)/raci.1 $(BUILD)/raci.bash-completion
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BUILD)/raci $(DESTDIR)$(BINDIR)/raci
	install -m 644 rules/*.yaml $(DESTDIR)$(DATADIR)/rules/
	install -m 644 $(BUILD)/raci.1 $(DESTDIR)$(MANDIR)/man1/raci.1
	install -m 644 $(BUILD)/raci.bash-completion $(DESTDIR)$(BASHCOMPDIR)/raci

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/raci $(DESTDIR)$(MANDIR)/man1/raci.1 $(DESTDIR)$(BASHCOMPDIR)/raci
	rm -rf $(DESTDIR)$(DATADIR)

FORCE:

clean:
	rm -rf build raci
