#!/usr/bin/env bash
# t019-coursework: a class takes exams on its own machines, submits files,
# and the instructor grades them: every tampering a student could try on a
# submission file is rejected with the right reason, scores in files are
# never trusted, and accepted sessions land in the class database.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
export CRMSIM_LANG=en   # the rejection reasons below are matched in English

export CRMSIM_EXAM_KEY=test-exam-key-2026
printf '学号,姓名,班级\ns001,张三,营销2301\ns002,李四,营销2301\ns003,王五,营销2302\n' >"$TMP/class.csv"
GOOD=tests/play/bank-card-good.txt

# --- the students, each on their own machine (database) -----------------
for s in s001 s002 s003; do
    run "$CRMSIM" --db "$TMP/$s.db" roster import "$TMP/class.csv"
    [ "$RC" -eq 0 ] || fail "roster import on $s's machine: $(cat "$ERR")"
done
run_in "$GOOD" "$CRMSIM" --db "$TMP/s001.db" play --exam --student s001 bank-card
[ "$RC" -eq 0 ] || fail "s001 exam: $(cat "$ERR")"
printf '查不到，你去柜台问\n/quit\ny\n' >"$TMP/bad"
run_in "$TMP/bad" "$CRMSIM" --db "$TMP/s002.db" play --exam --student s002 bank-card
run_in "$GOOD" "$CRMSIM" --db "$TMP/s002.db" play --exam --student s002 bank-card   # second attempt
run_in "$GOOD" "$CRMSIM" --db "$TMP/s002.db" play --exam --student s002 bank-card   # a third is refused
[ "$RC" -eq 1 ] && grep -q "s002" "$ERR" || fail "third attempt not refused: $RC $(cat "$ERR")"
run_in "$GOOD" "$CRMSIM" --db "$TMP/s003.db" play --exam --student s003 hotel-vip
run_in "$GOOD" "$CRMSIM" --db "$TMP/s003.db" play --exam --student s999 bank-card
[ "$RC" -eq 1 ] || fail "a student not on the roster could take the exam"
run_in "$GOOD" "$CRMSIM" --db "$TMP/s003.db" play --exam --student s003 --seed 5 bank-card
[ "$RC" -eq 2 ] || fail "--exam with --seed accepted"
# Classmates get different variants (seeds) of the same scenario.
s1=$(sql "$TMP/s001.db" "select seed from sessions"); s2=$(sql "$TMP/s002.db" "select seed from sessions limit 1")
[ "$s1" != "$s2" ] || fail "s001 and s002 got the same exam seed"

# s003's first bank-card attempt was killed and never ended (an open row);
# the finished second attempt must still verify.
h=$(sha256sum scenarios/bank-card.lua | cut -d' ' -f1)
sql "$TMP/s003.db" "insert or ignore into scenarios(id, hash, title, first_seen) values('bank-card', '$h', 't', 'x');
  insert into sessions(student, scenario, scenario_hash, lexicon_hash, seed, mode, started)
  values('s003', 'bank-card', '$h', 'x', 1, 'exam', '2026-01-01T00:00:00Z')" >/dev/null
run_in "$GOOD" "$CRMSIM" --db "$TMP/s003.db" play --exam --student s003 bank-card
grep -q "第 2 次作答" "$OUT" || grep -q "attempt 2" "$OUT" || fail "s003's bank-card exam is not attempt 2: $(head -5 "$OUT")"

for s in s001 s002 s003; do
    run "$CRMSIM" --db "$TMP/$s.db" submit --student $s --out "$TMP/$s.json"
    [ "$RC" -eq 0 ] || fail "submit $s: $(cat "$ERR")"
done
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['format']=='crmsim-submission' and len(d['sessions'])==2" "$TMP/s002.json" ||
    fail "s002's file is not a readable submission with two sessions"

# --- the instructor ---------------------------------------------------
DB=$TMP/class.db
run "$CRMSIM" --db "$DB" roster import "$TMP/class.csv"

# Tampered copies of s001's file, made with python3 (what a student could do).
mut() { # NAME PYTHON-EXPRESSION-ON-d
    python3 - "$TMP/s001.json" "$TMP/t-$1.json" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["sessions"][0]; t = s["turns"]
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
}
mut reply      't[1]["reply"] = "这不归我管，你去柜台问"'
mut sameword   't[1]["reply"] = t[1]["reply"] + "。"'
mut customer   't[2]["customer"] = "你真是太棒了，我非常满意。"'
mut chain      't[3]["chain"] = "0" * 64'
mut hints      's["end"]["hints"] = 0; t[0]["chain"] = t[0]["chain"]; s["end"]["hints"] = 3'
mut outcome    's["end"]["outcome"] = "churned"'
mut truncate   'del t[-1]'
mut extra      't.append({"n": len(t), "reply": "还有别的吗？", "customer": "没了。", "findings": {}, "chain": "0"*64})'
mut scenhash   's["scenario_hash"] = "f" * 64'
mut student    'd["student"] = "s999"'
mut otherstud  'd["student"] = "s002"'
mut mode       's["mode"] = "practice"'
mut attempts   'd["sessions"] = [s, s, s]'
mut format     'd["format"] = "something-else"'
printf '{"format": "crmsim-submission", "version": 1, ' >"$TMP/t-broken.json"   # not JSON at all

expect_reject() { # FILE REASON
    run "$CRMSIM" --db "$DB" grade "$TMP/t-$1.json"
    [ "$RC" -eq 1 ] || fail "$1: expected exit 1, got $RC: $(cat "$OUT")"
    grep -q "t-$1.json: rejected: .*$2" "$OUT" || fail "$1: expected '$2', got: $(cat "$OUT")"
}
expect_reject reply     "edited reply (bank-card, turn 1)"
expect_reject sameword  "broken chain (bank-card, turn 1)"
expect_reject customer  "edited customer line (bank-card, turn 2)"
expect_reject chain     "broken chain (bank-card, turn 3)"
expect_reject hints     "broken chain (bank-card, end"
expect_reject outcome   "edited outcome"
expect_reject truncate  "edited transcript (bank-card): the session does not end"
expect_reject extra     "edited transcript (bank-card): turns after the end"
expect_reject scenhash  "wrong scenario version"
expect_reject student   "unknown student 's999'"
expect_reject otherstud "wrong exam seed"
expect_reject mode      "not an exam session"
expect_reject attempts  "duplicate"
expect_reject format    "not a crmsim submission file"
expect_reject broken    "not readable JSON"
[ "$(sql "$DB" "select count(*) from sessions")" = 0 ] || fail "a rejected file stored something"

# The instructor's scenario changed since the exam: wrong version.
H=$TMP/home2
mkdir -p "$H/scenarios"
cp -r scenarios/lib "$H/scenarios/"
sed 's/patience = 3,/patience = 4,/' scenarios/bank-card.lua >"$H/scenarios/bank-card.lua"
ln -s "$ROOT/grading" "$ROOT/course" "$ROOT/locale" "$H/" 2>/dev/null
CRMSIM_HOME=$H run "$CRMSIM" --db "$DB" grade "$TMP/s001.json"
grep -q "rejected: wrong scenario version" "$OUT" || fail "changed scenario not detected: $(cat "$OUT")"
# A different exam key on the grading side: nothing verifies.
CRMSIM_EXAM_KEY=another-key run "$CRMSIM" --db "$DB" grade "$TMP/s001.json"
grep -q "rejected: wrong exam seed" "$OUT" || fail "wrong key not detected: $(cat "$OUT")"

# A score in the file is never trusted.
mut score 's["score"] = 100'
# The honest files, the score-edited copy, and s001's file twice.
run "$CRMSIM" --db "$DB" grade "$TMP/s001.json" "$TMP/s002.json" "$TMP/s003.json" "$TMP/t-score.json"
[ "$RC" -eq 1 ] || fail "expected exit 1 (one duplicate), got $RC"
grep -q "s001.json: ok" "$OUT" && grep -q "s002.json: ok" "$OUT" && grep -q "s003.json: ok" "$OUT" ||
    fail "honest submissions not accepted: $(cat "$OUT")"
grep -q "t-score.json: rejected: duplicate" "$OUT" || fail "resubmission not a duplicate: $(cat "$OUT")"
[ "$(sql "$DB" "select count(*) from sessions")" = 5 ] || fail "expected 5 stored sessions"
orig=$(sql "$TMP/s001.db" "select score from sessions")
[ "$(sql "$DB" "select started from sessions where student='s001'")" = "$(sql "$TMP/s001.db" "select started from sessions")" ] ||
    fail "the graded session does not keep the exam's start time"
[ "$(sql "$DB" "select score from sessions where student='s001'")" = "$orig" ] || fail "s001's score differs from the exam's"
[ "$(sql "$DB" "select count(*) from sessions where student='s002' and mode='exam'")" = 2 ] || fail "s002's two attempts not stored"
run "$CRMSIM" --db "$DB" grade "$TMP/s003.json"
grep -q "rejected: duplicate: .*already graded" "$OUT" || fail "regrading an accepted file not refused: $(cat "$OUT")"

# The gradebook: one row per roster student, the verified best scores.
run "$CRMSIM" --db "$DB" export --format moodle --out "$TMP/grades.csv"
[ "$RC" -eq 0 ] || fail "export: $(cat "$ERR")"
python3 - "$TMP/grades.csv" "$orig" "$(sql "$DB" "select max(score) from sessions where student='s002'")" \
    "$(sql "$DB" "select score from sessions where student='s003' and scenario='hotel-vip'")" <<'PY' || fail "gradebook does not match the graded sessions"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
by = {r["ID number"]: r for r in rows}
assert set(by) == {"s001", "s002", "s003"}, by.keys()
assert by["s001"]["bank-card"] == sys.argv[2], by["s001"]
assert by["s002"]["bank-card"] == sys.argv[3], by["s002"]
assert by["s003"]["hotel-vip"] == sys.argv[4], by["s003"]
PY
exit 0
