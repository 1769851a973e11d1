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

# --- PostgreSQL (tests/run starts a server and exports CRMSIM_TEST_PG, the
# superuser URL of a database on it) -------------------------------------
#   need_pg              fail unless CRMSIM_TEST_PG is set
#   pg_newdb             a fresh database with a unique name on that server,
#                        dropped on exit (WITH (FORCE)); sets PGDB (its name),
#                        PGURL (the superuser's URL of it), PGSUPER (the
#                        superuser's name) and PGHOSTPART (host:port) so that
#                        a test builds postgresql://ROLE@$PGHOSTPART/$PGDB.
#                        Roles are cluster-global: name them (and roster ids
#                        that become roles) with the prefix $PGROLES (the
#                        test's number, e.g. t041); every role starting with
#                        it is dropped on exit, after the database.
#   psql_as ROLE SQL     runs SQL with psql (-X -q -v ON_ERROR_STOP=1 -At)
#                        as ROLE on $PGDB: stdout in $OUT, stderr in $ERR,
#                        exit status in $RC; killed after 10 s
#   pg_url ROLE          postgresql://ROLE@$PGHOSTPART/$PGDB
PGROLES=${TEST_NAME%%-*}

need_pg() {
    [ -n "${CRMSIM_TEST_PG:-}" ] ||
        fail "needs PostgreSQL: CRMSIM_TEST_PG is not set (tests/run starts a server)"
    command -v psql >/dev/null || fail "needs PostgreSQL: no psql"
    # Nothing from the environment may pick another server, role or password.
    unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGPASSFILE PGSERVICE \
        PGSERVICEFILE PGOPTIONS PGSSLMODE PGAPPNAME
    export PGPASSFILE=$TMP/no-such-pgpass PGCONNECT_TIMEOUT=10
    local re='^postgres(ql)?://([^@/]*)@([^/?]*)(/[^?]*)?'
    [[ $CRMSIM_TEST_PG =~ $re ]] ||
        fail "needs PostgreSQL: cannot read CRMSIM_TEST_PG='$CRMSIM_TEST_PG' (postgresql://USER@HOST:PORT/DB)"
    PGSUPER=${BASH_REMATCH[2]%%:*}
    PGHOSTPART=${BASH_REMATCH[3]}
}

pg_url() { echo "postgresql://$1@$PGHOSTPART/$PGDB"; }

# Drops the test's database, then the roles named with its prefix.
_pg_drop() {
    local admin="postgresql://$PGSUPER@$PGHOSTPART/postgres" roles r
    timeout 30 psql -X -q -At "$admin" -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)"
    roles=$(timeout 10 psql -X -q -At "$admin" -c \
        "SELECT quote_ident(rolname) FROM pg_roles WHERE rolname LIKE '${PGROLES}%'")
    for r in $roles; do
        timeout 10 psql -X -q -At "$admin" -c "DROP ROLE IF EXISTS $r"
    done
}

pg_newdb() {
    need_pg
    PGDB=crmsim_${PGROLES}_$$_$RANDOM
    local admin="postgresql://$PGSUPER@$PGHOSTPART/postgres"
    timeout 30 psql -X -q -v ON_ERROR_STOP=1 "$admin" -c "CREATE DATABASE \"$PGDB\"" \
        >"$TMP/pg_newdb.err" 2>&1 ||
        fail "needs PostgreSQL: cannot create a database on $PGHOSTPART: $(head -c 300 "$TMP/pg_newdb.err")"
    on_exit _pg_drop "$PGDB"
    PGURL=$(pg_url "$PGSUPER")
}

psql_as() {
    timeout -k 2 10 psql -X -q -v ON_ERROR_STOP=1 -At "$(pg_url "$1")" -c "$2" \
        </dev/null >"$OUT" 2>"$ERR"
    RC=$?
}
