#!/usr/bin/env bash
# t015-course-list: `list --chapter/--kind` filter by the scenario's own
# fields; `course` shows the nine chapters with their scenarios and the
# student's attempts and best score from the database.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

run "$CRMSIM" list --chapter 5
[ "$RC" -eq 0 ] || fail "list --chapter 5: exit $RC $(cat "$ERR")"
grep -q "^bank-card " "$OUT" || fail "chapter 5 lacks bank-card"
grep -q "^hotel-vip " "$OUT" && fail "chapter 5 lists hotel-vip (chapter 7)"
grep -v " 第5章 " "$OUT" | grep -q . && fail "chapter 5 lists other chapters: $(cat "$OUT")"
run "$CRMSIM" list --kind vip
grep -q "^hotel-vip " "$OUT" || fail "--kind vip lacks hotel-vip"
grep -q "^bank-card " "$OUT" && fail "--kind vip lists bank-card"
run "$CRMSIM" list --chapter 10
[ "$RC" -eq 2 ] || fail "--chapter 10: expected exit 2, got $RC"
run "$CRMSIM" list --kind rude
[ "$RC" -eq 2 ] || fail "--kind rude: expected exit 2, got $RC"

DB=$TMP/db
run "$CRMSIM" --db "$DB" course --student s9
[ "$RC" -eq 0 ] || fail "course: exit $RC $(cat "$ERR")"
[ "$(grep -c '^第[1-9]章 ' "$OUT")" -eq 9 ] || fail "course does not show nine chapters: $(cat "$OUT")"
grep -q "bank-card .* 未练习" "$OUT" || fail "bank-card not shown as not practised"

printf '您好，非常抱歉让您着急了\n/quit\ny\n' >"$TMP/r"
run_in "$TMP/r" "$CRMSIM" --db "$DB" play bank-card --seed 3 --student s9
score=$(sql "$DB" "select score from sessions where student='s9'")
run "$CRMSIM" --db "$DB" course --student s9
grep -q "bank-card .*练习 1 次，最好 $score 分" "$OUT" || fail "progress not shown (score $score): $(grep bank-card "$OUT")"
run "$CRMSIM" --db "$DB" course --student other
grep -q "bank-card .* 未练习" "$OUT" || fail "another student's progress leaked"
exit 0
