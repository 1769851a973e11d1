#!/usr/bin/env bash
# t021-export: `crmsim export` writes the class (tests/cli/classdb.sh) as
# gradebook files: plain CSV, Moodle's "Import grades from CSV" and
# Canvas's Gradebook import, with the exact header rows, one row per
# roster student with the id exactly as the roster has it (007 stays 007),
# the best score per scenario, the criteria as percentages and the total;
# UTF-8 with CRLF records, a BOM only with --bom; --out writes a file;
# students not on the roster are named on stderr and left out.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
. tests/cli/classdb.sh

GRADES='bank-card,hotel-vip,language (%),empathy (%),steps (%),outcome (%),total'

# header FILE: the first record without a BOM and CR.
header() { head -n 1 "$1" | sed $'s/^\xef\xbb\xbf//; s/\r$//'; }

for fmt in csv moodle canvas; do
    run "$CRMSIM" --db "$DB" export --format "$fmt"
    no_crash "export --format $fmt"
    [ "$RC" -eq 0 ] || fail "export --format $fmt exited $RC: $(first "$ERR")"
    [ -s "$ERR" ] && fail "export --format $fmt wrote to stderr: $(first "$ERR")"
    cp "$OUT" "$TMP/$fmt.csv"
    [ "$(head -c 3 "$OUT" | od -An -tx1 | tr -d ' ')" = efbbbf ] && fail "$fmt: a BOM without --bom"
done
[ "$(header "$TMP/csv.csv")" = "id,name,class,$GRADES" ] || fail "csv header: $(header "$TMP/csv.csv")"
[ "$(header "$TMP/moodle.csv")" = "First name,Last name,ID number,$GRADES" ] ||
    fail "moodle header: $(header "$TMP/moodle.csv")"
[ "$(header "$TMP/canvas.csv")" = "Student,ID,SIS User ID,SIS Login ID,Section,$GRADES" ] ||
    fail "canvas header: $(header "$TMP/canvas.csv")"
[ "$(sed -n 2p "$TMP/canvas.csv" | tr -d '\r')" = "Points Possible,,,,,100,100,100,100,100,100,100" ] ||
    fail "canvas: no Points Possible row: $(sed -n 2p "$TMP/canvas.csv")"

python3 - "$TMP" "$DB" <<'PY' || fail "the gradebook files do not match the database"
import csv, sqlite3, sys
tmp, db = sys.argv[1], sqlite3.connect(sys.argv[2])
def load(fmt):
    raw = open(f"{tmp}/{fmt}.csv", "rb").read()
    assert raw.count(b"\r\n") == raw.count(b"\n"), f"{fmt}: records must end in CRLF"
    return list(csv.DictReader(raw.decode("utf-8").splitlines(True)))
roster = ["s001", "s002", "007", "s004", "s005"]
best = lambda s, sc: db.execute("select max(score) from sessions where mode = 'exam' and "
                                "ended is not null and student = ? and scenario = ?",
                                (s, sc)).fetchone()[0]
files = {"csv": ("id", load("csv")), "moodle": ("ID number", load("moodle")),
         "canvas": ("SIS User ID", load("canvas")[1:])}  # skip Points Possible
for fmt, (idcol, rows) in files.items():
    assert sorted(r[idcol] for r in rows) == sorted(roster), (fmt, [r[idcol] for r in rows])
    for r in rows:
        s = r[idcol]
        for sc in ["bank-card", "hotel-vip"]:
            b = best(s, sc)
            assert (r[sc] == "" and b is None) or int(r[sc]) == b, (fmt, s, sc, r[sc], b)
        n = db.execute("select count(*) from sessions where mode = 'exam' and student = ?",
                       (s,)).fetchone()[0]
        if n == 0:
            assert all(r[k] == "" for k in ["language (%)", "steps (%)", "total"]), (fmt, r)
            continue
        total = sum(best(s, sc) or 0 for sc in ["bank-card", "hotel-vip"]) / 2
        assert abs(float(r["total"]) - total) < 0.051, (fmt, s, r["total"], total)
        for crit in ["language", "empathy", "steps", "outcome"]:
            pct = db.execute("select avg(100.0 * points / max) from scores c join sessions x on "
                             "x.id = c.session where x.mode = 'exam' and x.student = ? and "
                             "c.criterion = ?", (s, crit)).fetchone()[0]
            assert abs(float(r[f"{crit} (%)"]) - pct) < 0.051, (fmt, s, crit, r, pct)
csvrows = {r["id"]: r for r in files["csv"][1]}
assert csvrows["007"]["name"] == "Able, Anne" and csvrows["007"]["class"] == "营销2班"
assert csvrows["s005"]["name"] == 'O\'Brien "Pat"'
m = {r["ID number"]: r for r in files["moodle"][1]}
assert (m["007"]["First name"], m["007"]["Last name"]) == ("Anne", "Able"), m["007"]
assert (m["s001"]["First name"], m["s001"]["Last name"]) == ("", "张三"), m["s001"]
c = {r["SIS User ID"]: r for r in files["canvas"][1]}
assert c["s001"]["Student"] == "张三" and c["s001"]["SIS Login ID"] == "s001"
assert c["s001"]["Section"] == "营销1班" and c["s001"]["ID"] == ""
PY

# --bom, --out
run "$CRMSIM" --db "$DB" export --format moodle --bom --out "$TMP/bom.csv"
[ "$RC" -eq 0 ] || fail "export --bom --out exited $RC: $(first "$ERR")"
[ "$(head -c 3 "$TMP/bom.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "--bom: no BOM"
[ "$(tail -c +4 "$TMP/bom.csv")" = "$(cat "$TMP/moodle.csv")" ] || fail "--bom changed more than the BOM"
grep -q "bom.csv" "$OUT" || fail "--out does not say where it wrote: $(first "$OUT")"
python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],encoding="utf-8-sig"))); assert r[0][0]=="First name"' \
    "$TMP/bom.csv" || fail "the BOM file does not read as utf-8-sig"

# --practice: s099 (not on the roster) has a session but is not exported.
run "$CRMSIM" --db "$DB" export --format canvas --practice
[ "$RC" -eq 0 ] || fail "export --practice exited $RC"
grep -q "s099" "$OUT" && fail "a student not on the roster was exported"
grep -q "'s099'" "$ERR" || fail "the unlisted student is not named on stderr: $(first "$ERR")"
# --scenario and --class as in report.
run "$CRMSIM" --db "$DB" export --scenario hotel-vip --class 营销2班
[ "$(header "$OUT")" = "id,name,class,hotel-vip,language (%),empathy (%),steps (%),outcome (%),total" ] ||
    fail "--scenario hotel-vip header: $(header "$OUT")"
[ "$(tail -n +2 "$OUT" | cut -d, -f1 | tr '\n' ' ')" = "007 s004 s005 " ] || fail "--class 营销2班 rows: $(cat "$OUT")"

# Without a roster every student with a counted session is exported.
run_in "$TMP/mid.txt" "$CRMSIM" --db "$TMP/noroster.db" play bank-card --student x1 --seed 1
sql "$TMP/noroster.db" "update sessions set mode = 'exam'"
run "$CRMSIM" --db "$TMP/noroster.db" export
[ "$(tail -n +2 "$OUT" | cut -d, -f1)" = "x1" ] || fail "no roster: $(cat "$OUT" "$ERR")"

for bad in "--format excel" "--format" "--out" "x" "--bogus"; do
    # shellcheck disable=SC2086
    run "$CRMSIM" --db "$DB" export $bad
    [ "$RC" -eq 2 ] || fail "'export $bad' exited $RC, expected 2"
done
exit 0
