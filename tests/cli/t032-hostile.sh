#!/bin/bash
# t032-hostile: every attack in tests/hostile/*.lua (one per file; see each
# file's first line) is stopped: `crmsim play FILE` exits 1, stderr names
# the file ("crmsim: FILE:" or "FILE:LINE:"), the process was not killed
# by a signal and nothing crashed, no ESC (or C1 CSI) byte reaches stdout
# or stderr, the attack's session (if it got one) ended with outcome
# "error", no file was created by os.execute, and a session stored earlier
# in the same database is byte-for-byte unchanged. Also a scenario file
# that is a binary chunk. customer-*.lua are not stopped: their customer
# line (12 MB / full of escape sequences) is shown and stored sanitised:
# at most 2000 characters, no ESC. Prints the attacks tried and the time
# the endless loop took (measured, not asserted).
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

DB=$TMP/h.db
printf '您好，请问有什么可以帮您？\n非常抱歉给您添麻烦了。\n' >"$TMP/in"
run_in "$TMP/in" "$CRMSIM" --db "$DB" play bank-card --seed 7 --student keep --json
[ "$RC" -eq 0 ] || fail "setup: play exited $RC: $(first "$ERR")"
snapshot() { sql "$DB" "select * from sessions where student = 'keep';
                        select * from turns where session in (select id from sessions where student = 'keep') order by n;
                        select * from scores where session in (select id from sessions where student = 'keep')" | sha256sum; }
before=$(snapshot)
rm -f /tmp/crmsim-hostile-pwned

# ESC, or CSI as a C1 control (U+009B); a raw 0x9B byte is also a UTF-8
# continuation byte, so it is looked for only as the character.
has_esc() { LC_ALL=C grep -q $'\x1b' "$1" || LC_ALL=C grep -q $'\xc2\x9b' "$1"; }
names_file() { # stderr file
    local base
    base=$(basename "$2")
    grep -qF -- "crmsim: $2:" "$1" || grep -Eq -- "\.\.\.[^ ]*${base//./\\.}:" "$1"
}

# A scenario file that is a precompiled (binary) chunk.
printf '\033LuaT\000\031\223\r\n\032\n\004\010\010xV\000\000\000\000\000\000\000\000\000\000\000(w@\001' >"$TMP/binary-chunk.lua"

attacks=0
for f in tests/hostile/*.lua "$TMP/binary-chunk.lua"; do
    name=$(basename "$f" .lua)
    case "$name" in customer-*) continue ;; esac
    st=h-$name
    t0=$(date +%s%N)
    run_in "$TMP/in" "$CRMSIM" --db "$DB" play "$f" --seed 1 --student "$st"
    t1=$(date +%s%N)
    no_crash "$name"
    [ "$RC" -eq 1 ] || fail "$name: exit $RC, expected 1: $(first "$ERR")"
    names_file "$ERR" "$f" || fail "$name: stderr does not name $f: $(first "$ERR")"
    has_esc "$OUT" && fail "$name: ESC byte on stdout"
    has_esc "$ERR" && fail "$name: ESC byte on stderr"
    outcome=$(sql "$DB" "select coalesce(outcome, 'OPEN') from sessions where student = '$st'")
    [ -z "$outcome" ] || [ "$outcome" = error ] || fail "$name: the session ended as '$outcome', not 'error'"
    [ "$(snapshot)" = "$before" ] || fail "$name: the session stored earlier changed"
    [ -e /tmp/crmsim-hostile-pwned ] && fail "$name: os.execute ran"
    case "$name" in loop-endless) echo "t032: endless loop stopped after $(((t1 - t0) / 1000000)) ms (whole process)" ;; esac
    attacks=$((attacks + 1))
done
[ "$(sql "$DB" "pragma integrity_check")" = ok ] || fail "integrity_check failed"

# Customer lines of megabytes and of escape sequences: shown and stored sanitised.
for name in customer-huge customer-escapes; do
    f=tests/hostile/$name.lua
    run_in "$TMP/in" "$CRMSIM" --db "$DB" play "$f" --seed 1 --student "h-$name"
    no_crash "$name"
    [ "$RC" -eq 0 ] || fail "$name: exit $RC: $(first "$ERR")"
    has_esc "$OUT" && fail "$name: ESC byte on stdout"
    has_esc "$ERR" && fail "$name: ESC byte on stderr"
    grep -q '^测试先生：' "$OUT" || fail "$name: the customer line was not shown"
    longest=$(grep '^测试先生：' "$OUT" | python3 -c 'import sys; print(max(len(l.rstrip("\n")) - 5 for l in sys.stdin))')
    [ "$longest" -le 2001 ] || fail "$name: a customer line of $longest characters was shown (limit 2000)"
    sql "$DB" "select customer from turns where session = (select id from sessions where student = 'h-$name')" >"$TMP/stored"
    has_esc "$TMP/stored" && fail "$name: ESC byte stored"
    [ "$(sql "$DB" "select max(length(customer)) from turns where session = (select id from sessions where student = 'h-$name')")" -le 2001 ] ||
        fail "$name: stored customer line longer than the limit"
    run "$CRMSIM" --db "$DB" history --student "h-$name"
    has_esc "$OUT" && fail "$name: ESC byte in history"
    attacks=$((attacks + 1))
done
grep -q '完' "$TMP/stored" || fail "customer-escapes: the text after the escapes was lost"
[ "$(snapshot)" = "$before" ] || fail "the session stored earlier changed"
echo "t032: $attacks hostile scenario files tried, all stopped or sanitised; earlier session unchanged"
exit 0
