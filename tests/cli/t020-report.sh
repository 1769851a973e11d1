#!/usr/bin/env bash
# t020-report: `crmsim report` on a class (tests/cli/classdb.sh): by
# default the ended exam sessions count and each student's best score per
# scenario; --practice adds practice sessions; --scenario and --class
# filter; roster students without a session are listed with empty cells.
# The CSV tables parse with python's csv module and agree with the
# database (best scores, attempts, the count of a forbidden phrase, the
# share of sessions missing each required step); --json parses and says
# the same; the HTML page escapes a reply holding <script> and loads
# nothing from outside; usage errors exit 2.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
. tests/cli/classdb.sh

# --- terminal --------------------------------------------------------------
run "$CRMSIM" --db "$DB" report
no_crash "report"
[ "$RC" -eq 0 ] || fail "report exited $RC: $(first "$ERR")"
grep -q $'\033' "$OUT" && fail "report wrote escape codes to a pipe"
for id in s001 s002 007 s004 s005; do
    grep -q "^  $id " "$OUT" || fail "report does not list roster student $id: $(cat "$OUT")"
done
grep -q "s099" "$OUT" && fail "a practice-only student is listed without --practice"
grep -E -q '^  s004 .*没有记录' "$OUT" || fail "s004 (no session) is not marked as missing"
grep -q "取最好成绩" "$OUT" || fail "the report does not say the best score counts"
grep -q "not-in-charge" "$OUT" || fail "no forbidden phrase table"
grep -q "承诺时限" "$OUT" || fail "no item analysis of required steps"
NO_COLOR=1 run "$CRMSIM" --db "$DB" report
grep -q $'\033' "$OUT" && fail "NO_COLOR report has escape codes"

# --- CSV: scores ---------------------------------------------------------
run "$CRMSIM" --db "$DB" report --csv
[ "$RC" -eq 0 ] || fail "report --csv exited $RC: $(first "$ERR")"
cp "$OUT" "$TMP/scores.csv"
python3 - "$TMP/scores.csv" "$DB" <<'PY' || fail "report --csv scores do not match the database"
import csv, sqlite3, sys
raw = open(sys.argv[1], newline="", encoding="utf-8").read()
assert raw.endswith("\r\n"), "records must end in CRLF"
rows = list(csv.DictReader(raw.splitlines(True)))
db = sqlite3.connect(sys.argv[2])
assert list(rows[0].keys()) == ["student", "name", "class", "enrolled", "scenario", "attempts",
                                "best", "best_session", "language", "empathy", "steps",
                                "outcome"], list(rows[0].keys())
# Five roster students times the two exam scenarios; s099 has no exam.
assert len(rows) == 10, len(rows)
assert sorted({r["student"] for r in rows}) == ["007", "s001", "s002", "s004", "s005"]
assert {r["scenario"] for r in rows} == {"bank-card", "hotel-vip"}
names = {r["student"]: r["name"] for r in rows}
assert names["007"] == "Able, Anne" and names["s005"] == 'O\'Brien "Pat"', names
for r in rows:
    best, n = db.execute("select max(score), count(*) from sessions where mode = 'exam' and "
                         "ended is not null and student = ? and scenario = ?",
                         (r["student"], r["scenario"])).fetchone()
    assert int(r["attempts"]) == n, (r, n)
    assert (r["best"] == "" and best is None) or int(r["best"]) == best, (r, best)
    if best is not None:
        sid = int(r["best_session"])
        assert db.execute("select score from sessions where id = ?", (sid,)).fetchone()[0] == best
        # The criteria are the average share over the student's sessions.
        for crit in ["language", "empathy", "steps", "outcome"]:
            pct = db.execute("select avg(100.0 * points / max) from scores c join sessions s on "
                             "s.id = c.session where s.mode = 'exam' and s.student = ? and "
                             "s.scenario = ? and c.criterion = ?",
                             (r["student"], r["scenario"], crit)).fetchone()[0]
            assert abs(float(r[crit]) - pct) < 0.051, (r, crit, pct)
assert [r["attempts"] for r in rows if r["student"] == "s001" and r["scenario"] == "bank-card"] == ["2"]
PY

run "$CRMSIM" --db "$DB" report --csv --practice
python3 - "$OUT" <<'PY' || fail "--practice does not count the practice sessions"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
by = {(r["student"], r["scenario"]): r for r in rows}
assert by[("s001", "bank-card")]["attempts"] == "3", by[("s001", "bank-card")]
assert by[("s099", "bank-card")]["attempts"] == "1" and by[("s099", "bank-card")]["enrolled"] == "0"
PY

# --- CSV: forbidden phrases and item analysis ----------------------------
run "$CRMSIM" --db "$DB" report --csv --table phrases
[ "$RC" -eq 0 ] || fail "--table phrases exited $RC: $(first "$ERR")"
want=$(sql "$DB" "select count(*) from turns t join sessions s on s.id = t.session, json_each(t.findings, '\$.forbidden') f where s.mode = 'exam' and json_extract(f.value, '\$.id') = 'not-in-charge'")
[ "$want" -eq 3 ] || fail "the class should say 不归我管 three times in exams, the database has $want"
python3 - "$OUT" <<'PY' || fail "phrases table: not-in-charge is not counted 3 times in 3 sessions by 3 students"
import csv, sys
rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))}
r = rows["not-in-charge"]
assert (r["count"], r["sessions"], r["students"], r["category"]) == ("3", "3", "3", "推诿"), r
assert r["example"] == "不归我管" and r["reply"].startswith("<script>alert(1)</script>"), r
assert r["why"] and r["better"], r
counts = [int(x["count"]) for x in rows.values()]
assert counts == sorted(counts, reverse=True), counts
PY
run "$CRMSIM" --db "$DB" report --csv --table phrases --practice
grep -q '^not-in-charge,推诿,5,5,4,' "$OUT" || fail "with --practice not-in-charge should count 5: $(grep not-in-charge "$OUT")"

run "$CRMSIM" --db "$DB" report --csv --table steps
[ "$RC" -eq 0 ] || fail "--table steps exited $RC: $(first "$ERR")"
python3 - "$OUT" "$DB" <<'PY' || fail "item analysis does not match the sessions' final states"
import csv, json, sqlite3, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
db = sqlite3.connect(sys.argv[2])
required = {"bank-card": ["apologize", "ask", "own", "contact", "deadline"],
            "hotel-vip": ["acknowledge", "ask", "apologize", "own", "thank"]}
for sc, steps in required.items():
    finals = [json.loads(st)["steps"] for (st,) in db.execute(
        "select t.state from turns t join sessions s on s.id = t.session where s.mode = 'exam' "
        "and s.scenario = ? and t.n = (select max(n) from turns where session = s.id)", (sc,))]
    got = {r["step"]: r for r in rows if r["scenario"] == sc}
    assert sorted(got) == sorted(steps), (sc, sorted(got))
    for step in steps:
        missed = sum(1 for f in finals if not f.get(step))
        r = got[step]
        assert int(r["missed"]) == missed and int(r["sessions"]) == len(finals), (sc, step, r, missed)
        assert abs(float(r["missed_pct"]) - 100.0 * missed / len(finals)) < 0.051, (r, missed)
        assert r["label"], r
# Most missed first within a scenario.
for sc in required:
    m = [int(r["missed"]) for r in rows if r["scenario"] == sc]
    assert m == sorted(m, reverse=True), m
PY

# --- JSON ------------------------------------------------------------------
run "$CRMSIM" --db "$DB" report --json
[ "$RC" -eq 0 ] || fail "--json exited $RC: $(first "$ERR")"
python3 - "$OUT" "$TMP/scores.csv" <<'PY' || fail "report --json is wrong"
import csv, json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["counted"]["modes"] == "exam" and d["sessions"] == 5, d["counted"]
assert [s["id"] for s in d["scenarios"]] == ["bank-card", "hotel-vip"]  # chapter 5, then 7
assert d["scenarios"][0]["required"] == ["apologize", "ask", "own", "contact", "deadline"]
st = {s["id"]: s for s in d["students"]}
assert set(st) == {"s001", "s002", "007", "s004", "s005"}
assert st["s004"]["sessions"] == 0 and st["s004"]["total"] is None
assert st["s004"]["scores"] == {"bank-card": None, "hotel-vip": None}
for r in csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")):
    cell = st[r["student"]]["scores"][r["scenario"]]
    assert (cell is None) == (r["best"] == ""), (cell, r)
    if cell:
        assert cell["best"] == int(r["best"]) and cell["attempts"] == int(r["attempts"])
# Total: mean of the best scores over both scenarios, a missing one as 0.
s2 = st["s002"]["scores"]
assert abs(st["s002"]["total"] - (s2["bank-card"]["best"] + s2["hotel-vip"]["best"]) / 2) < 0.051
assert abs(st["007"]["total"] - st["007"]["scores"]["hotel-vip"]["best"] / 2) < 0.051
assert sum(b["count"] for b in d["distribution"]) == 4  # four (student, scenario) pairs
f = {p["id"]: p for p in d["forbidden"]}
assert f["not-in-charge"]["count"] == 3
PY

# --- filters ----------------------------------------------------------------
run "$CRMSIM" --db "$DB" report --csv --scenario hotel-vip
python3 - "$OUT" <<'PY' || fail "--scenario hotel-vip: wrong rows"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert {r["scenario"] for r in rows} == {"hotel-vip"} and len(rows) == 5, rows
PY
run "$CRMSIM" --db "$DB" report --csv --class 营销2班
python3 - "$OUT" <<'PY' || fail "--class 营销2班: wrong students"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert sorted({r["student"] for r in rows}) == ["007", "s004", "s005"], rows
assert {r["scenario"] for r in rows} == {"hotel-vip"}
PY
run "$CRMSIM" --db "$DB" report --scenario mobile-bill
[ "$RC" -eq 0 ] && grep -q "mobile-bill" "$OUT" || fail "a scenario filter without sessions: exit $RC $(first "$ERR")"

# Sessions that ended in an error or have not ended do not count.
cp "$DB" "$TMP/err.db"
sql "$TMP/err.db" "update sessions set outcome = 'error' where student = 's002' and scenario = 'hotel-vip'"
sql "$TMP/err.db" "update sessions set ended = null where student = '007'"
run "$CRMSIM" --db "$TMP/err.db" report --csv
python3 - "$OUT" <<'PY' || fail "a session with outcome 'error' or not ended was counted"
import csv, sys
by = {(r["student"], r["scenario"]): r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))}
# hotel-vip had those two sessions only: no column for it any more.
assert {sc for _, sc in by} == {"bank-card"}, sorted(by)
assert by[("s002", "bank-card")]["attempts"] == "1" and by[("007", "bank-card")]["attempts"] == "0"
PY

# --- HTML ---------------------------------------------------------------------
run "$CRMSIM" --db "$DB" report --html "$TMP/report.html"
[ "$RC" -eq 0 ] || fail "--html exited $RC: $(first "$ERR")"
H=$TMP/report.html
[ -s "$H" ] || fail "--html wrote no file"
grep -q '<html lang="zh-CN">' "$H" || fail "no lang attribute zh-CN"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$H" || fail "the <script> reply is not shown escaped"
grep -qi '<script' "$H" && fail "the page has a <script> element"
grep -q "O&#39;Brien &quot;Pat&quot;" "$H" || fail "a name with quotes is not escaped"
grep -Eqi 'src=|href=|@import|url\(' "$H" && fail "the page loads something from outside"
grep -Eo 'https?://[^" ]*' "$H" | grep -vqx 'http://www.w3.org/2000/svg' && fail "the page names an outside URL"
[ "$(grep -c '<svg viewBox' "$H")" -eq 3 ] || fail "the page should have three charts"
grep -q '@media print' "$H" || fail "no print stylesheet"
python3 -c 'import html.parser,sys; html.parser.HTMLParser().feed(open(sys.argv[1],encoding="utf-8").read())' "$H" ||
    fail "the page does not parse"
run "$CRMSIM" --db "$DB" --lang en report --html "$TMP/en.html"
grep -q '<html lang="en">' "$TMP/en.html" || fail "--lang en: no lang=\"en\""

# --- usage --------------------------------------------------------------------
for bad in "--csv --json" "--json --html x.html" "--table phrases" "--csv --table nope" "extra" "--bogus"; do
    # shellcheck disable=SC2086
    run "$CRMSIM" --db "$DB" report $bad
    [ "$RC" -eq 2 ] || fail "'report $bad' exited $RC, expected 2"
done
run "$CRMSIM" --db "$DB" report --html "$TMP/no/such/dir/r.html"
[ "$RC" -eq 1 ] && grep -q "^crmsim: " "$ERR" || fail "unwritable --html: exit $RC $(first "$ERR")"

# An empty database: no session, no roster.
run "$CRMSIM" --db "$TMP/empty.db" report
[ "$RC" -eq 0 ] || fail "report on an empty database exited $RC: $(first "$ERR")"
exit 0
