# dialdiff - comparative dialogue diff tool
#
#   make            build build/dialdiff
#   make run        install missing packages, build, print the bundled report
#   make test       install missing test packages, build, run every test
#   make install    PREFIX=/usr/local DESTDIR=
#   make bench      dialdiff against its peers (several minutes; RUNS=5)
#   make bench-scaling   how the cost of log and diff grows with size

VERSION   := 0.1.0
CC        ?= cc
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
PKGS      := libgit2 libcjson libpcre2-8

CFLAGS    ?= -O2 -g
WARNINGS  := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wno-missing-field-initializers
ifdef WERROR
WARNINGS  += -Werror
endif
ifdef SANITIZE
CFLAGS    += -fsanitize=$(SANITIZE) -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS   += -fsanitize=$(SANITIZE)
endif
ifdef COVERAGE
CFLAGS    := -O0 -g --coverage
LDFLAGS   += --coverage
endif

# Evaluated when a recipe needs them, so that `make run` can install the
# packages before pkg-config is asked about them.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DDD_VERSION='"$(VERSION)"' \
               -Iinclude $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(WARNINGS) $(CFLAGS)

B := build
JSONTESTSUITE ?= $(CURDIR)/../shared/testdata/JSONTestSuite/test_parsing

LIB_SRC := $(wildcard src/util/*.c) $(wildcard src/*.c) $(wildcard src/render/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all run test test-unit test-e2e deps deps-test deps-bench install uninstall clean
.PHONY: bench bench-scaling

all: $(B)/dialdiff

$(B)/obj/%.o: %.c $(wildcard include/dialdiff/*.h src/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/libdialdiff.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	$(AR) rcs $@ $^

$(B)/dialdiff: $(CLI_OBJ) $(B)/libdialdiff.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libdialdiff.a $(PKG_LIBS) $(LDLIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/unit.h $(B)/libdialdiff.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< \
		$(B)/libdialdiff.a $(PKG_LIBS) $(shell $(PKG_CONFIG) --libs cmocka) $(LDLIBS)

deps:
	@sh scripts/deps.sh build

deps-test:
	@sh scripts/deps.sh test

run: deps
	@$(MAKE) --no-print-directory all
	@./$(B)/dialdiff --dialogues dialogues report

test: deps-test
	@$(MAKE) --no-print-directory all $(UNIT_BIN)
	@$(MAKE) --no-print-directory test-unit test-e2e

test-unit: $(UNIT_BIN)
	DD_JSONTESTSUITE=$(JSONTESTSUITE) CMOCKA_MESSAGE_OUTPUT=TAP prove --exec '' $(UNIT_BIN)

test-e2e: $(B)/dialdiff
	DIALDIFF=$(CURDIR)/$(B)/dialdiff prove --exec 'sh' tests/e2e/t*.sh

# Benchmarks: data is generated under $(B)/bench/ (see scripts/bench/run.py).
RUNS ?= 5
BENCH_RUN = python3 scripts/bench/run.py --build $(B) --runs $(RUNS)

deps-bench:
	@sh scripts/deps.sh bench

$(B)/bench/parse_floor: scripts/bench/peers/parse_floor.c
	@mkdir -p $(dir $@)
	$(CC) $(WARNINGS) $(CFLAGS) $(shell $(PKG_CONFIG) --cflags libcjson) -o $@ $< \
		$(LDFLAGS) $(shell $(PKG_CONFIG) --libs libcjson)

bench: deps-bench
	@$(MAKE) --no-print-directory all $(B)/bench/parse_floor
	$(BENCH_RUN)

bench-scaling: deps-bench
	@$(MAKE) --no-print-directory all $(B)/bench/parse_floor
	$(BENCH_RUN) --scaling

install: $(B)/dialdiff
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(B)/dialdiff $(DESTDIR)$(BINDIR)/dialdiff
	install -m 644 docs/dialdiff.1 $(DESTDIR)$(MANDIR)/man1/dialdiff.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dialdiff $(DESTDIR)$(MANDIR)/man1/dialdiff.1

clean:
	rm -rf $(B)
