# dialdiff - comparative dialogue diff tool
#
#   make            build build/dialdiff
#   make run        install missing packages, build, print the bundled report
#   make test       install missing test packages, build, run every test
#   make install    PREFIX=/usr/local DESTDIR= (the binary, the man page,
#                   the bash, zsh and fish completions)
#   make deb        the Debian package (debian/), test suite included, in
#                   build/deb/; checked with lintian (DEB_DIR=...)
#   make bench      dialdiff against its peers (several minutes; RUNS=5)
#   make bench-scaling   how the cost of log and diff grows with size
#
# Hardening (docs/testing.md):
#   make check-sanitize     the whole suite under ASan+UBSan (build-sanitize/)
#   make check-valgrind     unit tests, corpus replays and e2e under memcheck
#   make coverage           the suite with --coverage; lcov summary of src/
#                           and an HTML report in build-coverage/html
#   make fuzz FUZZ_SECONDS=N  every libFuzzer target for N seconds (clang)
#
# Each flavour builds into its own folder (B), and a flags stamp in it
# forces a rebuild when the compiler or the flags change, so objects of
# different flavours never mix.

VERSION   := 0.1.0
CC        ?= cc
FUZZ_CC   ?= clang-14
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
# where each shell looks for the completions of a command
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
PKG_CONFIG ?= pkg-config
PKGS      := libgit2 libcjson libpcre2-8 zlib

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
ifdef FUZZ
# libFuzzer build (clang): the library and the targets are instrumented,
# only the fuzzer binaries link libFuzzer's main().
CC        := $(FUZZ_CC)
CFLAGS    := -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all \
             -fsanitize=fuzzer-no-link,address,undefined
LDFLAGS   += -fsanitize=address,undefined
endif

# Evaluated when a recipe needs them, so that `make run` can install the
# packages before pkg-config is asked about them.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm -pthread
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DDD_VERSION='"$(VERSION)"' \
               -Iinclude $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(WARNINGS) -pthread $(CFLAGS)

# The build folder of each flavour; B=... on the command line overrides.
ifneq ($(origin B),command line)
ifdef FUZZ
B := build-fuzz
else ifdef COVERAGE
B := build-coverage
else ifdef SANITIZE
B := build-sanitize
else
B := build
endif
endif
JSONTESTSUITE ?= $(CURDIR)/../shared/testdata/JSONTestSuite/test_parsing

LIB_SRC := $(wildcard src/util/*.c) $(wildcard src/*.c) $(wildcard src/render/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o)
# The text the binary carries (scripts/embed.sh): the manual page, which
# `dialdiff help COMMAND` prints from, and the fixed part of each shell's
# completion script.
EMBEDDED := docs/dialdiff.1 src/cli/completion.bash src/cli/completion.zsh \
            src/cli/completion.fish
CLI_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o) $(B)/obj/gen/embedded.o
# The completion scripts, made by the binary from its command table.
COMPLETIONS := $(B)/completion/dialdiff $(B)/completion/_dialdiff \
               $(B)/completion/dialdiff.fish
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

# Fuzz targets: tests/fuzz/fuzz_NAME.c defines LLVMFuzzerTestOneInput.
# Each gets a replay driver (any compiler) that runs its corpus in `make
# test`, and with clang a libFuzzer binary for `make fuzz`.
FUZZ_SECONDS ?= 30
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_TARGETS ?= $(FUZZ_NAMES)
FUZZ_COMMON  := $(B)/obj/tests/fuzz/common.o
REPLAY_BIN   := $(FUZZ_NAMES:%=$(B)/fuzz/replay-%)
FUZZER_BIN   := $(FUZZ_NAMES:%=$(B)/fuzz/fuzz-%)
FUZZ_ENV     := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Extra seeds for the JSON target (read, never written), when present.
JSON_SEEDS    = $(wildcard $(JSONTESTSUITE))

SAN_LOGS     := $(CURDIR)/build-sanitize/logs
# tests/lsan.supp: a leak inside libgit2 (see there), matched on a stack
# that only slow unwinding takes through PCRE2: the end-to-end tests (which
# open repositories) unwind slowly, the unit tests (2.5x slower so) not.
LSAN_SUPP    := suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
SANITIZE_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:log_path=$(SAN_LOGS)/asan \
                LSAN_OPTIONS=$(LSAN_SUPP) \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(SAN_LOGS)/ubsan
VALGRIND     ?= valgrind
VALGRIND_OPTS := --quiet --error-exitcode=99 --leak-check=full \
                 --errors-for-leak-kinds=definite,indirect \
                 --show-leak-kinds=definite,indirect --track-origins=yes \
                 --suppressions=$(CURDIR)/tests/valgrind.supp
LCOV_RC      := --rc lcov_branch_coverage=1
E2E_DIALDIFF ?= $(CURDIR)/$(B)/dialdiff
# Test files run side by side, one per processor (each works in its own
# temporary folder): under valgrind most of CI's time.
TEST_JOBS    ?= $(shell nproc 2>/dev/null || echo 1)
PROVE        := prove -j$(TEST_JOBS)

.PHONY: all run test test-unit test-e2e test-fuzz deps deps-test install \
        uninstall clean check-sanitize check-valgrind coverage fuzz \
        fuzz-build FORCE deps-bench bench bench-scaling deb

all: $(B)/dialdiff $(COMPLETIONS)

# Keep the objects of the fuzz targets (make would delete them as
# intermediate files of a chain of pattern rules).
.SECONDARY:

# The flags stamp: rewritten only when the flags change, and every object
# depends on it (as git's GIT-CFLAGS).
FLAGS_ID = $(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) $(LDLIBS)
$(B)/FLAGS: FORCE
	@mkdir -p $(B)
	@printf '%s\n' '$(subst ','\'',$(FLAGS_ID))' >$@.new; \
	if cmp -s $@.new $@; then rm -f $@.new; \
	else mv $@.new $@; echo "flags of $(B)/ changed: rebuilding"; fi

$(B)/obj/%.o: %.c $(wildcard include/dialdiff/*.h src/*.h src/*/*.h) $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/obj/tests/fuzz/%.o: tests/fuzz/%.c tests/fuzz/fuzz.h $(wildcard include/dialdiff/*.h) $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itests/fuzz \
		-DDD_FUZZ_TAXONOMY='"$(CURDIR)/dialogues/taxonomy.json"' -c -o $@ $<

$(B)/gen/embedded.c: $(EMBEDDED) scripts/embed.sh
	@mkdir -p $(dir $@)
	sh scripts/embed.sh cli_manpage docs/dialdiff.1 \
		cli_completion_bash src/cli/completion.bash \
		cli_completion_zsh src/cli/completion.zsh \
		cli_completion_fish src/cli/completion.fish >$@.new
	mv $@.new $@

$(B)/obj/gen/embedded.o: $(B)/gen/embedded.c $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/completion/dialdiff: $(B)/dialdiff
	@mkdir -p $(dir $@)
	$(B)/dialdiff completion bash >$@.new && mv $@.new $@

$(B)/completion/_dialdiff: $(B)/dialdiff
	@mkdir -p $(dir $@)
	$(B)/dialdiff completion zsh >$@.new && mv $@.new $@

$(B)/completion/dialdiff.fish: $(B)/dialdiff
	@mkdir -p $(dir $@)
	$(B)/dialdiff completion fish >$@.new && mv $@.new $@

$(B)/libdialdiff.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	$(AR) rcs $@ $^

$(B)/dialdiff: $(CLI_OBJ) $(B)/libdialdiff.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libdialdiff.a $(PKG_LIBS) $(LDLIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/unit.h $(B)/libdialdiff.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) $(TEST_LDFLAGS) \
		-o $@ $< $(B)/libdialdiff.a $(PKG_LIBS) \
		$(shell $(PKG_CONFIG) --libs cmocka) $(LDLIBS)

# test_oom fails allocations on purpose: the library's calls to the
# allocator go through its __wrap_ functions.
$(B)/tests/test_oom: TEST_LDFLAGS = \
	-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup

# The replay driver: main() runs LLVMFuzzerTestOneInput over the target's
# corpus (or the files and folders named), reporting in TAP.
$(B)/fuzz/replay-%: $(B)/obj/tests/fuzz/fuzz_%.o $(B)/obj/tests/fuzz/replay_%.o \
		$(FUZZ_COMMON) $(B)/libdialdiff.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(B)/libdialdiff.a $(PKG_LIBS) $(LDLIBS)

$(B)/obj/tests/fuzz/replay_%.o: tests/fuzz/replay.c tests/fuzz/fuzz.h $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itests/fuzz \
		-DDD_FUZZ_NAME='"$*"' \
		-DDD_FUZZ_CORPUS='"$(CURDIR)/tests/fuzz/corpus/$*"' -c -o $@ $<

# The libFuzzer binary (FUZZ=1 flavour only).
$(B)/fuzz/fuzz-%: $(B)/obj/tests/fuzz/fuzz_%.o $(FUZZ_COMMON) $(B)/libdialdiff.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $(filter %.o,$^) \
		$(B)/libdialdiff.a $(PKG_LIBS) $(LDLIBS)

deps:
	@sh scripts/deps.sh build

deps-test:
	@sh scripts/deps.sh test

deps-%:
	@sh scripts/deps.sh $*

run: deps
	@$(MAKE) --no-print-directory all
	@./$(B)/dialdiff --dialogues dialogues report

test: deps-test
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(REPLAY_BIN)
	@$(MAKE) --no-print-directory test-unit
	@$(MAKE) --no-print-directory test-fuzz
	@$(MAKE) --no-print-directory test-e2e

test-unit: $(UNIT_BIN)
	DD_SRCDIR=$(CURDIR) DD_JSONTESTSUITE=$(JSONTESTSUITE) CMOCKA_MESSAGE_OUTPUT=TAP $(PROVE) --exec '$(TEST_WRAPPER)' $(UNIT_BIN)

# Replay every fuzz corpus (and the JSON test suite through the JSON target).
test-fuzz: $(REPLAY_BIN)
	DD_FUZZ_EXTRA_json='$(JSON_SEEDS)' $(PROVE) --exec '$(TEST_WRAPPER)' $(REPLAY_BIN)

test-e2e: $(B)/dialdiff
	DIALDIFF=$(E2E_DIALDIFF) $(E2E_ENV) $(PROVE) --exec 'sh' tests/e2e/t*.sh

# ---- sanitizers ------------------------------------------------------------

# The whole suite, built with ASan and UBSan into build-sanitize/: any
# report (leaks included) aborts the process that triggered it, so its test
# fails.  Reports go to build-sanitize/logs/ rather than to stderr (which
# the e2e tests compare), and any report there fails the run too, in case a
# test ignored an exit status.
check-sanitize: deps-sanitize
	@rm -rf $(SAN_LOGS) && mkdir -p $(SAN_LOGS)
	@$(SANITIZE_ENV) $(MAKE) --no-print-directory SANITIZE=address,undefined \
		E2E_ENV='DD_MEMCHECK=1 LSAN_OPTIONS=$(LSAN_SUPP):fast_unwind_on_malloc=0' test; \
	rc=$$?; if ls $(SAN_LOGS)/* >/dev/null 2>&1; then \
		echo "sanitizer reports:"; cat $(SAN_LOGS)/*; exit 1; fi; \
	[ $$rc -eq 0 ] && echo "check-sanitize: no sanitizer report"; exit $$rc

# ---- valgrind --------------------------------------------------------------

# Unit tests and corpus replays run under memcheck directly; the e2e suite
# runs the binary through tests/valgrind-wrapper.sh, which logs each run to
# $(B)/valgrind/ (stderr stays the program's).  Any error or definite or
# indirect leak makes the run exit 99, and the logs are checked afterwards
# too, in case a test ignored an exit status.
VALGRIND_CMD = $(VALGRIND) $(VALGRIND_OPTS)
check-valgrind: deps-valgrind
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(REPLAY_BIN)
	@rm -rf $(B)/valgrind && mkdir -p $(B)/valgrind
	@$(MAKE) --no-print-directory test-unit TEST_WRAPPER='$(VALGRIND_CMD)'
	@$(MAKE) --no-print-directory test-fuzz TEST_WRAPPER='$(VALGRIND_CMD)'
	@$(MAKE) --no-print-directory test-e2e \
		E2E_ENV='DD_MEMCHECK=1 DD_VALGRIND="$(VALGRIND_CMD)" DD_VALGRIND_BIN=$(CURDIR)/$(B)/dialdiff DD_VALGRIND_LOGS=$(CURDIR)/$(B)/valgrind' \
		E2E_DIALDIFF=$(CURDIR)/tests/valgrind-wrapper.sh
	@n=$$(ls $(B)/valgrind | wc -l); \
	if grep -l . $(B)/valgrind/* >/dev/null 2>&1; then \
		echo "valgrind reported errors:"; grep -H . $(B)/valgrind/* | head -60; exit 1; \
	else echo "valgrind: $$n runs of dialdiff, no error"; fi

# ---- coverage --------------------------------------------------------------

COV_B := build-coverage
coverage: deps-coverage
	@rm -f $$(find $(COV_B) -name '*.gcda' 2>/dev/null)
	@$(MAKE) --no-print-directory COVERAGE=1 test
	@# (lcov 1.16 warns about its own Perl: its chatter goes to lcov.log)
	@lcov --quiet $(LCOV_RC) --capture --directory $(COV_B) \
		--base-directory $(CURDIR) --output-file $(COV_B)/all.info \
		2>$(COV_B)/lcov.log || { cat $(COV_B)/lcov.log; exit 1; }
	@lcov --quiet $(LCOV_RC) --extract $(COV_B)/all.info '$(CURDIR)/src/*' \
		--output-file $(COV_B)/src.info 2>>$(COV_B)/lcov.log || \
		{ cat $(COV_B)/lcov.log; exit 1; }
	@genhtml --quiet $(LCOV_RC) --branch-coverage --title 'dialdiff src/' \
		--output-directory $(COV_B)/html $(COV_B)/src.info \
		2>>$(COV_B)/lcov.log || { cat $(COV_B)/lcov.log; exit 1; }
	@lcov $(LCOV_RC) --summary $(COV_B)/src.info
	@echo "HTML report: $(COV_B)/html/index.html"

# ---- fuzzing ---------------------------------------------------------------

# Build every libFuzzer target with clang into build-fuzz/, then run each in
# turn for FUZZ_SECONDS (or FUZZ_RUNS executions).  New inputs go to
# build-fuzz/corpus/NAME (tests/fuzz/corpus/NAME is only read); a crash
# leaves build-fuzz/artifacts/NAME-crash-* and fails the run.
FUZZ_LIMIT = $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS),-max_total_time=$(FUZZ_SECONDS))
FUZZ_FLAGS ?= -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
FB := build-fuzz
fuzz: deps-fuzz
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-build
	@mkdir -p $(FB)/artifacts
	@set -e; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FB)/corpus/$$t; \
		extra=""; [ $$t = json ] && extra="$(JSON_SEEDS)"; \
		echo "== fuzz-$$t: $(FUZZ_LIMIT)"; \
		$(FUZZ_ENV) $(FB)/fuzz/fuzz-$$t $(FUZZ_LIMIT) $(FUZZ_FLAGS) \
			-dict=tests/fuzz/json.dict -artifact_prefix=$(FB)/artifacts/$$t- \
			$(FB)/corpus/$$t tests/fuzz/corpus/$$t $$extra \
			2>$(FB)/fuzz-$$t.log || { tail -60 $(FB)/fuzz-$$t.log; exit 1; }; \
		grep -E '^(stat::number_of_executed_units|Done)' $(FB)/fuzz-$$t.log || true; \
	done

fuzz-build: $(FUZZER_BIN)

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

install: $(B)/dialdiff $(COMPLETIONS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(B)/dialdiff $(DESTDIR)$(BINDIR)/dialdiff
	install -m 644 docs/dialdiff.1 $(DESTDIR)$(MANDIR)/man1/dialdiff.1
	install -m 644 $(B)/completion/dialdiff $(DESTDIR)$(BASHCOMPDIR)/dialdiff
	install -m 644 $(B)/completion/_dialdiff $(DESTDIR)$(ZSHCOMPDIR)/_dialdiff
	install -m 644 $(B)/completion/dialdiff.fish \
		$(DESTDIR)$(FISHCOMPDIR)/dialdiff.fish

# The Debian package, built with dpkg-buildpackage in a copy of the tree
# (scripts/deb.sh); DEB_BUILD_OPTIONS=nocheck skips the test suite.
DEB_DIR ?= build/deb
deb: deps-deb
	@sh scripts/deb.sh $(DEB_DIR) $(VERSION)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dialdiff $(DESTDIR)$(MANDIR)/man1/dialdiff.1 \
		$(DESTDIR)$(BASHCOMPDIR)/dialdiff $(DESTDIR)$(ZSHCOMPDIR)/_dialdiff \
		$(DESTDIR)$(FISHCOMPDIR)/dialdiff.fish

clean:
	rm -rf build build-sanitize build-coverage build-fuzz
