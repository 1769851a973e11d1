#!/bin/bash
# t034-resume: `crmsim play --resume [SESSION|FILE]` on a session killed
# after two confirmed turns:
#   - it says which session goes on and how many turns it has, repeats the
#     customer's last line, stores the next turns as 3, 4, … in the same
#     session row, and ends it like an uninterrupted run (same turns)
#   - a scenario file changed since (one comment added): refused with a
#     message that names the file, the stored session unchanged
#   - nothing to resume / an ended session / --seed: clear errors
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

DB=$TMP/r.db
mkdir -p "$TMP/scn"
cp scenarios/bank-card.lua "$TMP/scn/card.lua"
printf '%s\n' '您好，请问有什么可以帮您？' '非常抱歉给您添麻烦了。' '我马上帮您查一下这张卡的情况。' '请问您的卡号后四位是多少？' >"$TMP/all"

# Plays the first 2 replies, waits (bounded) until both answers are shown,
# then kills crmsim with SIGKILL.
interrupted() { # student
    local fifo=$TMP/fifo.$1 pid i
    mkfifo "$fifo"
    "$CRMSIM" --db "$DB" play "$TMP/scn/card.lua" --seed 5 --student "$1" <"$fifo" >"$TMP/k.out" 2>&1 &
    pid=$!
    exec 8>"$fifo"
    head -n 2 "$TMP/all" >&8
    for i in $(seq 100); do
        [ "$(grep -c '^王先生：' "$TMP/k.out")" -ge 3 ] && break
        sleep 0.05
    done
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null
    exec 8>&-
    [ "$(grep -c '^王先生：' "$TMP/k.out")" -ge 3 ] || fail "setup: the two turns were not shown: $(head -c 300 "$TMP/k.out")"
}

# Reference: the same four replies without interruption.
run_in "$TMP/all" "$CRMSIM" --db "$DB" play "$TMP/scn/card.lua" --seed 5 --student ref --json
[ "$RC" -eq 0 ] || fail "setup: reference run exited $RC: $(first "$ERR")"
turns_of() { sql "$DB" "select n, reply, customer, findings, state from turns where session = $1 order by n;
                        select outcome, score, ended_by from sessions where id = $1"; }
turns_of 1 >"$TMP/want"

interrupted s1
id=$(sql "$DB" "select id from sessions where student = 's1'")
[ "$(sql "$DB" "select count(*) from turns where session = $id and n > 0")" = 2 ] || fail "setup: expected 2 stored turns"
last=$(sql "$DB" "select customer from turns where session = $id and n = 2" | head -n 1)
tail -n 2 "$TMP/all" >"$TMP/rest"
run_in "$TMP/rest" "$CRMSIM" --db "$DB" play --resume "$TMP/scn/card.lua" --student s1
no_crash "resume"
[ "$RC" -eq 0 ] || fail "resume: exit $RC: $(first "$ERR")"
grep -q "继续第 $id 号会话（已有 2 轮）" "$OUT" || fail "resume: no 'continuing session $id (2 turns)' line: $(head -c 400 "$OUT")"
grep -qF "王先生：$last" "$OUT" || fail "resume: the customer's last line is not repeated"
[ "$(sql "$DB" "select count(*) from sessions")" = 2 ] || fail "resume: a new session row was made"
[ "$(sql "$DB" "select group_concat(n) from (select n from turns where session = $id order by n)")" = "0,1,2,3,4" ] ||
    fail "resume: turns are not 0..4 in session $id"
turns_of "$id" | cmp -s - "$TMP/want" || fail "resume: the session differs from an uninterrupted run: $(turns_of "$id" | diff "$TMP/want" - | head -5)"
# The chain goes on unbroken: crmsim replay checks it.
run "$CRMSIM" --db "$DB" replay "$id"
[ "$RC" -eq 0 ] || fail "replay of the resumed session: exit $RC: $(first "$ERR")"

# Ended: nothing to resume (by id), and none left for the student.
run "$CRMSIM" --db "$DB" play --resume "$id"
[ "$RC" -eq 1 ] && grep -q "$id" "$ERR" || fail "resume of an ended session: exit $RC: $(first "$ERR")"
run "$CRMSIM" --db "$DB" play --resume --student s1
[ "$RC" -eq 1 ] && grep -q "s1" "$ERR" || fail "resume with nothing open: exit $RC: $(first "$ERR")"
run "$CRMSIM" --db "$DB" play --resume --seed 3
[ "$RC" -eq 2 ] || fail "--resume --seed: exit $RC, expected a usage error"

# Changed scenario file: refused, nothing changed.
interrupted s2
id2=$(sql "$DB" "select id from sessions where student = 's2'")
echo '-- changed' >>"$TMP/scn/card.lua"
snap() { sql "$DB" "select * from sessions order by id; select * from turns order by session, n"; }
snap >"$TMP/before"
run_in "$TMP/rest" "$CRMSIM" --db "$DB" play --resume "$TMP/scn/card.lua" --student s2
no_crash "changed scenario"
[ "$RC" -eq 1 ] || fail "changed scenario: exit $RC: $(first "$ERR")"
grep -qF "$TMP/scn/card.lua" "$ERR" || fail "changed scenario: the file is not named: $(first "$ERR")"
grep -Eq 'changed|改' "$ERR" || fail "changed scenario: no 'changed' in the message: $(first "$ERR")"
snap | cmp -s - "$TMP/before" || fail "changed scenario: the store changed"
[ -z "$(sql "$DB" "select ended from sessions where id = $id2")" ] || fail "changed scenario: the session was ended"
exit 0
