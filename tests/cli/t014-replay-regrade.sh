#!/usr/bin/env bash
# t014-replay-regrade: `replay` shows a stored session turn by turn with its
# findings explained; `regrade` replays the stored replies with changed
# lexicons, shows the change per criterion, stores the new score (not with
# --dry-run), and leaves the stored transcript as it was.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

DB=$TMP/db
printf '查不到啊，你在哪办的？\n非常抱歉，我理解您的心情\n/quit\ny\n' >"$TMP/replies"
run_in "$TMP/replies" "$CRMSIM" --db "$DB" play bank-card --seed 42 --student s1
[ "$RC" -eq 0 ] || fail "play failed: $(cat "$ERR")"

run "$CRMSIM" --db "$DB" replay 1
[ "$RC" -eq 0 ] || fail "replay exit $RC: $(cat "$ERR")"
grep -q "第 1 轮  学员：查不到啊，你在哪办的？" "$OUT" || fail "replay lacks turn 1: $(cat "$OUT")"
grep -q "禁忌语「查不到啊」（敷衍，cannot-find）" "$OUT" || fail "replay lacks the finding"
grep -q "为什么：" "$OUT" && grep -q "更好的说法：" "$OUT" || fail "finding not explained"
run "$CRMSIM" --db "$DB" replay 99
[ "$RC" -eq 1 ] && grep -Eq "no session 99|找不到第 99 号会话" "$ERR" || fail "unknown session: exit $RC $(cat "$ERR")"

# The same data with the bare-查不到 pattern removed from the lexicon.
H=$TMP/home2
mkdir -p "$H/grading"
ln -s "$ROOT/scenarios" "$ROOT/course" "$H/"
cp -r "$ROOT/grading/lexicons" "$H/grading/"
sed -i -e '/"\^ 查不到|查不出|查不着|找不到 啊|呀|的|呢|哦|耶? \$",/d' \
       -e '/"查不到。肯定是没注册上",/d' -e '/"查不到啊，你在哪办的？",/d' "$H/grading/lexicons/forbidden.lua"
before=$(sql "$DB" "select score from sessions where id=1")
turns_before=$(sql "$DB" "select group_concat(reply||customer||findings, '|') from turns where session=1")

CRMSIM_HOME=$H run "$CRMSIM" --db "$DB" regrade 1 --dry-run
[ "$RC" -eq 0 ] || fail "dry run exit $RC: $(cat "$ERR")"
grep -q "专业用语  14.0 →  20.0  (+6.0)" "$OUT" || fail "no language change shown: $(cat "$OUT")"
[ "$(sql "$DB" "select score from sessions where id=1")" = "$before" ] || fail "--dry-run wrote the score"

CRMSIM_HOME=$H run "$CRMSIM" --db "$DB" regrade --all
[ "$RC" -eq 0 ] || fail "regrade exit $RC: $(cat "$ERR")"
after=$(sql "$DB" "select score from sessions where id=1")
[ "$after" -eq $((before + 6)) ] || fail "stored score $before -> $after, expected +6"
[ "$(sql "$DB" "select points from scores where session=1 and criterion='language'")" = "20.0" ] ||
    fail "language criterion not updated"
[ "$(sql "$DB" "select group_concat(reply||customer||findings, '|') from turns where session=1")" = "$turns_before" ] ||
    fail "regrade changed the stored transcript"

run "$CRMSIM" --db "$DB" regrade
[ "$RC" -eq 2 ] || fail "regrade without sessions or --all: expected exit 2, got $RC"
exit 0
