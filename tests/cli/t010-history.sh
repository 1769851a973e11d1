#!/bin/bash
# t010-history: after two piped sessions, one for student s1 and one for
# s2, `crmsim history` lists both with their scores (as stored and as
# reported by play --json); `crmsim history --student s1` lists only s1's.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

DB=$TMP/db
printf '您好，非常抱歉给您添麻烦了。\n请问您是在哪个网点办理的？\n' >"$TMP/in1"
printf '您好，欢迎您再次入住。\n这不归我管。\n' >"$TMP/in2"

score_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["score"])' "$1"; }

run_in "$TMP/in1" "$CRMSIM" --db "$DB" play bank-card --seed 3 --student s1 --json
[ "$RC" -eq 0 ] || fail "play for s1 exited $RC: $(first "$ERR")"
score1=$(score_of "$OUT") || fail "play for s1: no score in the JSON: $(first "$OUT")"
run_in "$TMP/in2" "$CRMSIM" --db "$DB" play hotel-vip --seed 4 --student s2 --json
[ "$RC" -eq 0 ] || fail "play for s2 exited $RC: $(first "$ERR")"
score2=$(score_of "$OUT") || fail "play for s2: no score in the JSON: $(first "$OUT")"
id1=$(sql "$DB" "select id from sessions where student = 's1'")
id2=$(sql "$DB" "select id from sessions where student = 's2'")
{ [ -n "$id1" ] && [ -n "$id2" ]; } || fail "the two sessions were not stored"

# row FILE STUDENT: the history rows of STUDENT, whitespace-separated fields.
rows() { awk -v s="$2" '$3 == s' "$1"; }

run "$CRMSIM" --db "$DB" history
no_crash "history"
[ "$RC" -eq 0 ] || fail "'crmsim history' exited $RC: $(first "$ERR")"
[ -s "$ERR" ] && fail "'crmsim history' wrote to stderr: $(first "$ERR")"
cp "$OUT" "$TMP/all"
r1=$(rows "$TMP/all" s1)
r2=$(rows "$TMP/all" s2)
[ "$(printf '%s' "$r1" | grep -c .)" -eq 1 ] || fail "'crmsim history': expected one row for s1, got: $(tr '\n' '|' <"$TMP/all")"
[ "$(printf '%s' "$r2" | grep -c .)" -eq 1 ] || fail "'crmsim history': expected one row for s2, got: $(tr '\n' '|' <"$TMP/all")"
printf '%s\n' "$r1" | grep -qw bank-card || fail "'crmsim history': s1's row does not name bank-card: $r1"
printf '%s\n' "$r2" | grep -qw hotel-vip || fail "'crmsim history': s2's row does not name hotel-vip: $r2"
printf '%s\n' "$r1" | awk -v id="$id1" '$1 != id { exit 1 }' || fail "'crmsim history': s1's row does not start with session $id1: $r1"
printf '%s\n' "$r1" | grep -qw "$score1" || fail "'crmsim history': s1's row lacks the score $score1: $r1"
printf '%s\n' "$r2" | grep -qw "$score2" || fail "'crmsim history': s2's row lacks the score $score2: $r2"
printf '%s\n' "$r1" | awk -v sc="$score1" '$6 != sc { exit 1 }' || fail "'crmsim history': s1's score column is not $score1: $r1"
printf '%s\n' "$r2" | awk -v sc="$score2" '$6 != sc { exit 1 }' || fail "'crmsim history': s2's score column is not $score2: $r2"
# Newest first.
first_id=$(awk '$1 ~ /^[0-9]+$/ { print $1; exit }' "$TMP/all")
[ "$first_id" = "$id2" ] || fail "'crmsim history' does not list the newest session ($id2) first"

run "$CRMSIM" --db "$DB" history --student s1
no_crash "history --student s1"
[ "$RC" -eq 0 ] || fail "'crmsim history --student s1' exited $RC: $(first "$ERR")"
[ -n "$(rows "$OUT" s1)" ] || fail "'history --student s1' does not list s1: $(tr '\n' '|' <"$OUT")"
grep -qw s2 "$OUT" && fail "'history --student s1' lists s2: $(tr '\n' '|' <"$OUT")"
grep -qw hotel-vip "$OUT" && fail "'history --student s1' lists s2's session: $(tr '\n' '|' <"$OUT")"
n=$(awk '$1 ~ /^[0-9]+$/' "$OUT" | wc -l)
[ "$n" -eq 1 ] || fail "'history --student s1' lists $n sessions, expected 1"

exit 0
