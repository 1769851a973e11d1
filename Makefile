# crmsim - build, play, test.
#   make          build ./crmsim (needs the -dev packages: see scripts/install-deps)
#   make play     install missing Debian packages, build, play the default scenario
#   make test     install missing Debian packages, build, run the whole test suite
#   make check    build and run the test suite (no package install)
#   make check-asan   the test suite under AddressSanitizer + UBSan
#   make fuzz     libFuzzer targets for text, grading, lexicon and scenario loading
#   make stress   200 kill-and-resume trials
#   make bench    benchmarks against reference tools (not part of make test)
#   make stress   long reliability runs: SIGKILL + resume trials (STRESS_TRIALS)
#   make pot      regenerate po/crmsim.pot from the sources (xgettext)
#   make po-update    merge po/crmsim.pot into po/*.po (msgmerge); then
#                 translate what is new or fuzzy and run make

PKGS     := lua5.4 sqlite3 libpq readline libutf8proc opencc jansson nettle
# libpq and OpenCC are loaded at their first use (sim/dynlib.h), by the
# SONAME of the installed development library.
LAZY     := libpq opencc
soname    = $(shell objdump -p "$$(pkg-config --variable=libdir $(1) 2>/dev/null)/lib$(2).so" 2>/dev/null | sed -n 's/^ *SONAME *//p')
SO_PQ    := $(call soname,libpq,pq)
SO_CC    := $(call soname,opencc,opencc)
SONAMES  := $(if $(SO_PQ),-DCRM_LIBPQ='"$(SO_PQ)"') $(if $(SO_CC),-DCRM_LIBOPENCC='"$(SO_CC)"')
CC       ?= cc
WERROR   ?= -Werror
CFLAGS   ?= -O2 -g
SAN      ?=
ALL_CFLAGS = $(CFLAGS) $(SAN) -std=c11 -pthread -Wall -Wextra $(WERROR) -D_GNU_SOURCE -iquote sim -iquote grading \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(SONAMES)
LIBS     := $(shell pkg-config --libs $(filter-out $(LAZY),$(PKGS)) 2>/dev/null) -lcsv -lm
# The unit tests call libpq and OpenCC themselves (test databases, s2t).
TEST_LIBS = $(LIBS) $(shell pkg-config --libs $(LAZY) 2>/dev/null)
SCENARIO ?= bank-card

LIB_SRC  := $(filter-out sim/main.c,$(wildcard sim/*.c)) $(wildcard grading/*.c)
LIB_OBJ  := $(LIB_SRC:.c=.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:.c=)

# Interface languages: po/LANG.po -> locale/LANG/LC_MESSAGES/crmsim.mo,
# found at run time in the data directory (see sim/main.c).
LANGS    := zh_CN zh_TW en
MO       := $(LANGS:%=locale/%/LC_MESSAGES/crmsim.mo)
POT_SRC  := $(sort $(wildcard sim/*.c sim/*.h grading/*.c grading/*.h))

.PHONY: all play test check check-asan deps test-deps clean pot po-update fuzz stress
all: crmsim $(MO)

crmsim: sim/main.o $(LIB_OBJ)
	@echo "  CCLD    $@"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

%.o: %.c
	@echo "  CC      $@"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

locale/%/LC_MESSAGES/crmsim.mo: po/%.po
	@echo "  MSGFMT  $@"
	@mkdir -p $(@D)
	@msgfmt --check -o $@ $<

pot:
	@echo "  XGETTEXT po/crmsim.pot"
	@xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
	  --add-comments=TRANSLATORS: --add-location=file --package-name=crmsim \
	  --package-version=$$(sed -n 's/^#define CRMSIM_VERSION "\(.*\)"/\1/p' sim/main.c) \
	  -o po/crmsim.pot $(POT_SRC)

po-update: pot
	@for l in $(LANGS); do \
	  echo "  MSGMERGE po/$$l.po"; \
	  msgmerge --quiet --update --backup=none --add-location=file po/$$l.po po/crmsim.pot || exit 1; \
	done

tests/unit/test_%: tests/unit/test_%.c $(LIB_OBJ)
	@echo "  CCLD    $@"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(TEST_LIBS) -lcmocka

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test

play: deps
	@$(MAKE) --no-print-directory crmsim
	./crmsim play $(SCENARIO)

test: test-deps
	@$(MAKE) --no-print-directory check

check: crmsim $(MO) $(UNIT_BIN)
	@tests/run

# SIGKILL at random moments, then integrity, confirmed turns and --resume
# (tests/reliability/); the seed is printed so a failure can be replayed.
STRESS_TRIALS ?= 200
stress: crmsim $(MO)
	@tests/reliability/kill-resume.sh $(STRESS_TRIALS) $(STRESS_SEED)

# Rebuilds everything with sanitizers, runs the suite, and cleans again so
# the next plain `make` does not link against sanitized objects.
check-asan:
	$(MAKE) clean
	$(MAKE) check CFLAGS="-O1 -g" SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  || { $(MAKE) clean; exit 1; }
	$(MAKE) clean

# libFuzzer targets (clang): each runs FUZZ_RUNS executions from its seed
# corpus in tests/fuzz/corpus/NAME (new inputs go to build/fuzz/corpus).
FUZZ_RUNS ?= 20000
FUZZ_TARGETS := normalize grade lexicon scenario submission
FUZZ_CFLAGS = -g -O1 -std=c11 -D_GNU_SOURCE -iquote sim -iquote grading \
              -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
              $(shell pkg-config --cflags $(PKGS) 2>/dev/null)

build/fuzz/%: tests/fuzz/fuzz_%.c $(LIB_SRC)
	@mkdir -p build/fuzz
	@echo "  FUZZ    $@"
	@clang $(FUZZ_CFLAGS) -o $@ $^ $(LIBS)

fuzz: $(FUZZ_TARGETS:%=build/fuzz/%)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus/$$t; \
	  echo "== fuzz $$t ($(FUZZ_RUNS) runs)"; \
	  build/fuzz/$$t -runs=$(FUZZ_RUNS) -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
	    build/fuzz/corpus/$$t tests/fuzz/corpus/$$t >build/fuzz/$$t.log 2>&1; rc=$$?; \
	  tail -2 build/fuzz/$$t.log; \
	  [ $$rc -eq 0 ] || { echo "fuzz $$t failed: see build/fuzz/$$t.log"; exit 1; }; \
	done

clean:
	rm -f crmsim sim/*.o grading/*.o sim/*.d grading/*.d $(UNIT_BIN)
	rm -rf tests/out locale build/fuzz

-include $(wildcard sim/*.d grading/*.d)

# Benchmarks against the limits, side by side with reference programs in
# one run (tests/bench/run, results in tests/bench/RESULTS.md); not part of
# `make test`. Needs lua5.4, opencc, hyperfine, time and sqlite3.
.PHONY: bench
build/bench/harness: tests/bench/harness.c $(LIB_OBJ)
	@mkdir -p build/bench
	@echo "  CCLD    $@"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

build/bench/prompt: tests/bench/prompt.c
	@mkdir -p build/bench
	@echo "  CCLD    $@"
	@$(CC) $(CFLAGS) $(SAN) -std=c11 -Wall -Wextra $(WERROR) -D_GNU_SOURCE $(LDFLAGS) -o $@ $< -lutil

bench: crmsim $(MO) build/bench/harness build/bench/prompt
	@tests/bench/run
