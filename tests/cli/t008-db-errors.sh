#!/bin/bash
# t008-db-errors: database problems give a clear error, exit 1, no crash,
# and never damage what is stored:
#   - a file of random bytes: clear error, the file is left byte-identical
#   - a database write-locked by another process: crmsim waits for the busy
#     timeout (CRMSIM_BUSY_TIMEOUT_MS=300 here) and then says the database
#     is busy/locked; the sessions stored earlier are intact
#   - a database with a newer schema (user_version 99): clear "newer"
#     error, the file is left byte-identical and its sessions intact
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

export CRMSIM_BUSY_TIMEOUT_MS=300
GOOD=$TMP/good.db

# A database with one finished session (turns stored) to protect.
printf '您好，请问有什么可以帮您？\n非常抱歉给您添麻烦了。\n' >"$TMP/in"
run_in "$TMP/in" "$CRMSIM" --db "$GOOD" play bank-card --seed 7 --student s1 --json
[ "$RC" -eq 0 ] || fail "setup: play exited $RC: $(first "$ERR")"
snapshot() { sql "$1" "select id, student, scenario, seed, outcome, score from sessions order by id;
                       select session, n, reply, customer, state from turns order by session, n;"; }
snapshot "$GOOD" >"$TMP/good.before"
[ "$(sql "$GOOD" "select count(*) from sessions")" = 1 ] || fail "setup: expected 1 stored session"
[ "$(sql "$GOOD" "select count(*) from turns where n > 0")" = 2 ] || fail "setup: expected 2 stored turns"

expect_fail() { # what pattern
    no_crash "$1"
    [ "$RC" -eq 1 ] || fail "$1: exit $RC, expected 1: $(first "$ERR")"
    grep -q '^crmsim: ' "$ERR" || fail "$1: no 'crmsim: ...' message on stderr: $(first "$ERR")"
    grep -Eqi -- "$2" "$ERR" || fail "$1: message does not match /$2/: $(first "$ERR")"
    grep -q '王先生：' "$OUT" && fail "$1: a session was played anyway"
}

# --- random bytes
BAD=$TMP/random.db
python3 -c 'import random,sys; random.seed(8); sys.stdout.buffer.write(bytes(random.randrange(256) for _ in range(8192)))' >"$BAD"
sum=$(sha256sum <"$BAD")
run_in "$TMP/in" "$CRMSIM" --db "$BAD" play bank-card --seed 7
expect_fail "random-bytes database (play)" 'not a (crmsim )?database|damaged|corrupt|malformed|不是 crmsim 数据库|已损坏'
run "$CRMSIM" --db "$BAD" history
expect_fail "random-bytes database (history)" 'not a (crmsim )?database|damaged|corrupt|malformed|不是 crmsim 数据库|已损坏'
[ "$(sha256sum <"$BAD")" = "$sum" ] || fail "random-bytes database: the file was modified"

# --- locked by another process (exclusive transaction held open)
FIFO=$TMP/release
READY=$TMP/locked
mkfifo "$FIFO"
python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
c.execute("begin exclusive")
c.execute("insert into students(id) values (\"lock-holder\")")
open(sys.argv[2], "w").close()
sys.stdin.read()          # hold the lock until the test closes the fifo
c.execute("rollback")
' "$GOOD" "$READY" <"$FIFO" &
LOCKER=$!
exec 9>"$FIFO" # opens once the locker has the fifo open for reading
on_exit "exec 9>&-; kill $LOCKER; wait $LOCKER"
for _ in $(seq 50); do
    [ -e "$READY" ] && break
    kill -0 "$LOCKER" 2>/dev/null || break
    sleep 0.1
done
[ -e "$READY" ] || fail "setup: the lock holder did not get the lock"

t0=$(date +%s%N)
run_in "$TMP/in" "$CRMSIM" --db "$GOOD" play bank-card --seed 7 --student s2
t1=$(date +%s%N)
ms=$(((t1 - t0) / 1000000))
expect_fail "locked database" 'busy|locked|正忙'
[ "$ms" -ge 250 ] || fail "locked database: failed after ${ms} ms, before the 300 ms busy timeout"
[ "$ms" -lt 4000 ] || fail "locked database: took ${ms} ms; CRMSIM_BUSY_TIMEOUT_MS=300 not honoured"

exec 9>&- # release the lock
wait "$LOCKER" || fail "setup: the lock holder failed"
snapshot "$GOOD" >"$TMP/good.after-lock"
cmp -s "$TMP/good.before" "$TMP/good.after-lock" ||
    fail "locked database: stored sessions/turns changed after the failure"
[ "$(sql "$GOOD" "select count(*) from sessions")" = 1 ] ||
    fail "locked database: session count changed after the failure"

# After the lock is gone the same command works (no lasting damage).
run_in "$TMP/in" "$CRMSIM" --db "$GOOD" play bank-card --seed 7 --student s2 --json
[ "$RC" -eq 0 ] || fail "after the lock was released, play still fails: $(first "$ERR")"
[ "$(sql "$GOOD" "select count(*) from sessions")" = 2 ] ||
    fail "after the lock was released, the new session was not stored"
snapshot "$GOOD" >"$TMP/good.before"

# --- newer schema
NEWER=$TMP/newer.db
sql "$GOOD" ".backup '$NEWER'"
sql "$NEWER" "pragma journal_mode=delete; pragma user_version=99" >/dev/null
sum=$(sha256sum <"$NEWER")
run_in "$TMP/in" "$CRMSIM" --db "$NEWER" play bank-card --seed 7
expect_fail "newer schema (play)" 'newer|更新版本'
run "$CRMSIM" --db "$NEWER" history
expect_fail "newer schema (history)" 'newer|更新版本'
[ "$(sha256sum <"$NEWER")" = "$sum" ] || fail "newer schema: the file was modified"
[ "$(sql "$NEWER" "pragma user_version")" = 99 ] || fail "newer schema: user_version changed"
snapshot "$NEWER" >"$TMP/newer.after"
cmp -s "$TMP/good.before" "$TMP/newer.after" || fail "newer schema: stored sessions/turns changed"

exit 0
