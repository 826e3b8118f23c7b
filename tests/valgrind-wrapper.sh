#!/bin/sh
# Stands in for the dialdiff binary in `make check-valgrind`: the e2e tests
# run "$DIALDIFF", which points here, and this runs the real binary under
# valgrind memcheck.  Valgrind's report goes to a log file per process in
# DD_VALGRIND_LOGS (empty when clean, thanks to --quiet), so that the
# program's own stderr is what the tests see; the Makefile checks the logs.
#   DD_VALGRIND       valgrind and its options
#   DD_VALGRIND_BIN   the dialdiff binary
#   DD_VALGRIND_LOGS  the folder for the logs
: "${DD_VALGRIND:?}" "${DD_VALGRIND_BIN:?}" "${DD_VALGRIND_LOGS:?}"
# shellcheck disable=SC2086
exec $DD_VALGRIND --log-file="$DD_VALGRIND_LOGS/%p.log" "$DD_VALGRIND_BIN" "$@"
