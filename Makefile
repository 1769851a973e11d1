# crmsim - build, play, test.
#   make          build ./crmsim (needs the -dev packages: see scripts/install-deps)
#   make play     install missing Debian packages, build, play the default scenario
#   make test     install missing Debian packages, build, run the whole test suite
#   make check    build and run the test suite (no package install)
#   make check-asan   the test suite under AddressSanitizer + UBSan

PKGS     := lua5.4 sqlite3 readline libutf8proc opencc jansson nettle
CC       ?= cc
WERROR   ?= -Werror
CFLAGS   ?= -O2 -g
SAN      ?=
ALL_CFLAGS = $(CFLAGS) $(SAN) -std=c11 -Wall -Wextra $(WERROR) -D_GNU_SOURCE -Isim -Igrading \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS     := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
SCENARIO ?= bank-card

LIB_SRC  := $(filter-out sim/main.c,$(wildcard sim/*.c)) $(wildcard grading/*.c)
LIB_OBJ  := $(LIB_SRC:.c=.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:.c=)

.PHONY: all play test check check-asan deps clean
all: crmsim

crmsim: sim/main.o $(LIB_OBJ)
	@echo "  CCLD    $@"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

%.o: %.c
	@echo "  CC      $@"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

tests/unit/test_%: tests/unit/test_%.c $(LIB_OBJ)
	@echo "  CCLD    $@"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) -lcmocka

deps:
	@scripts/install-deps

play: deps
	@$(MAKE) --no-print-directory crmsim
	./crmsim play $(SCENARIO)

test: deps
	@$(MAKE) --no-print-directory check

check: crmsim $(UNIT_BIN)
	@tests/run

# Rebuilds everything with sanitizers, runs the suite, and cleans again so
# the next plain `make` does not link against sanitized objects.
check-asan:
	$(MAKE) clean
	$(MAKE) check CFLAGS="-O1 -g" SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  || { $(MAKE) clean; exit 1; }
	$(MAKE) clean

clean:
	rm -f crmsim sim/*.o grading/*.o sim/*.d grading/*.d $(UNIT_BIN)
	rm -rf tests/out

-include $(wildcard sim/*.d grading/*.d)
