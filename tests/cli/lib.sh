# tests/cli/lib.sh - shared setup for the end-to-end scripts in tests/cli/
# and tests/console/ (sourced after `cd` to the repo root, never run).
# Gives each script a private temp dir removed on exit, a HOME and
# XDG_DATA_HOME inside it (so no real history file or default database is
# touched), no inherited CRMSIM_DB/CRMSIM_STUDENT/CRMSIM_LANG/NO_COLOR or
# LANGUAGE/LC_ALL (so the interface is the default Simplified Chinese),
# and helpers:
#   fail MSG                 print "FAIL tNNN-name: MSG" and exit 1
#   run CMD...               run CMD with stdin from /dev/null, stdout in
#                            $OUT, stderr in $ERR, exit status in $RC;
#                            killed after 10 s
#   run_in FILE CMD...       same with stdin from FILE
#   no_crash WHAT            fail if $RC says killed by a signal/timeout or
#                            $ERR reports a sanitizer or segfault
#   sql DB SQL               sqlite3 query with a short busy timeout
#   on_exit CMD              add a cleanup command (run before rm -rf $TMP)
# The binary under test is $CRMSIM (./crmsim of this tree); its data
# directory is the tree itself unless the caller exported CRMSIM_HOME.

ROOT=$PWD
CRMSIM=${CRMSIM_BIN:-$ROOT/crmsim}
TEST_NAME=$(basename "$0" .sh)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/crmsim-${TEST_NAME}.XXXXXX") || {
    echo "FAIL $TEST_NAME: cannot create a temp dir"
    exit 1
}
CLEANUP=()

on_exit() { CLEANUP+=("$*"); }

_cleanup() {
    local i
    for ((i = ${#CLEANUP[@]} - 1; i >= 0; i--)); do
        eval "${CLEANUP[i]}" >/dev/null 2>&1
    done
    rm -rf "$TMP"
}
trap _cleanup EXIT
trap 'exit 130' INT TERM

fail() {
    echo "FAIL $TEST_NAME: $*"
    exit 1
}

mkdir -p "$TMP/home" "$TMP/xdg"
export HOME=$TMP/home XDG_DATA_HOME=$TMP/xdg LANG=C.UTF-8
unset LC_ALL LANGUAGE CRMSIM_DB CRMSIM_STUDENT CRMSIM_LANG NO_COLOR
unset CRMSIM_BUSY_TIMEOUT_MS

[ -x "$CRMSIM" ] || fail "no executable $CRMSIM (run 'make crmsim' first)"
# shellcheck disable=SC2034 # used by the scripts that source this file
DATA_HOME=${CRMSIM_HOME:-$ROOT}

OUT=$TMP/stdout
ERR=$TMP/stderr
RC=0

run_in() {
    local in=$1
    shift
    timeout -k 2 10 "$@" <"$in" >"$OUT" 2>"$ERR"
    RC=$?
}

run() { run_in /dev/null "$@"; }

no_crash() {
    if [ "$RC" -ge 124 ]; then
        fail "$1: killed or timed out (exit $RC): $(head -c 300 "$ERR")"
    fi
    if grep -Eqi 'segmentation|core dumped|AddressSanitizer|runtime error:|LeakSanitizer|Aborted' "$ERR"; then
        fail "$1: crashed: $(grep -Ei -m1 'segmentation|core dumped|sanitizer|runtime error:|Aborted' "$ERR")"
    fi
}

sql() {
    sqlite3 -cmd '.timeout 2000' "$1" "$2"
}

# The first line of a file, for failure messages.
first() { head -n 1 "$1" | head -c 300; }
