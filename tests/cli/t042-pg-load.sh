#!/usr/bin/env bash
# t042-pg-load: 200 `crmsim play` processes at once against one PostgreSQL
# database (different students, seeds and scripts, replies piped in,
# --json), the schema made first by one command: every process exits 0
# with nothing on stderr (no "busy", "lost connection" or other message),
# and the database holds exactly the turns the processes reported (the sum
# of their --json `turns`, per student and in total), one session per
# student, each with its opening line, none left open. Prints the
# counts and the wall time (measured, not asserted).
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
pg_newdb

N=${T042_N:-200}
SCRIPTS=(tests/play/bank-card-good.txt tests/play/bank-card-mixed.txt tests/play/bank-card-bad.txt
         tests/play/hotel-vip-good.txt tests/play/hotel-vip-mixed.txt tests/play/hotel-vip-bad.txt
         tests/play/aircon-repeat-good.txt tests/play/aircon-repeat-mixed.txt tests/play/aircon-repeat-bad.txt)
SCN=(bank-card bank-card bank-card hotel-vip hotel-vip hotel-vip aircon-repeat aircon-repeat aircon-repeat)
# Create the schema first with one command so the processes race on
# turns, not on the schema.
run "$CRMSIM" --db "$PGURL" history
[ "$RC" -eq 0 ] || fail "setup: history exited $RC: $(first "$ERR")"

t0=$(date +%s%N)
pids=()
for ((i = 0; i < N; i++)); do
    k=$((i % ${#SCRIPTS[@]}))
    timeout -k 5 100 "$CRMSIM" --db "$PGURL" play "${SCN[k]}" --seed $((i + 1)) --student "L$i" --json \
        <"${SCRIPTS[k]}" >"$TMP/out.$i" 2>"$TMP/err.$i" &
    pids+=($!)
done
for ((i = 0; i < N; i++)); do
    wait "${pids[i]}"
    echo $? >"$TMP/rc.$i"
done
t1=$(date +%s%N)

# What the processes reported: "student turns" per line.
for ((i = 0; i < N; i++)); do
    rc=$(cat "$TMP/rc.$i")
    [ "$rc" -eq 0 ] || fail "process $i exited $rc: $(head -c 300 "$TMP/err.$i")"
    [ ! -s "$TMP/err.$i" ] || fail "process $i said (busy, lost or else): $(head -c 300 "$TMP/err.$i")"
done
python3 - "$TMP" "$N" >"$TMP/reported" 2>"$TMP/py.err" <<'PY' || fail "$(cat "$TMP/py.err")"
import json, sys
tmp, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    try:
        d = json.load(open("%s/out.%d" % (tmp, i)))
    except ValueError:
        sys.exit("process %d: no JSON result: %s" % (i, open("%s/out.%d" % (tmp, i)).read()[:300]))
    if d.get("student") != "L%d" % i or not d["turns"]:
        sys.exit("process %d played no turn or as the wrong student" % i)
    print("L%d %d" % (i, len(d["turns"])))
PY
expected=$(awk '{ s += $2 } END { print s }' "$TMP/reported")

# What the database holds, per student (turns after the opening line).
psql_as "$PGSUPER" "SELECT s.student || ' ' || count(t.n) FILTER (WHERE t.n > 0) FROM sessions s
                    LEFT JOIN turns t ON t.session = s.id GROUP BY s.id, s.student"
[ "$RC" -eq 0 ] || fail "reading the turns: $(first "$ERR")"
sort "$OUT" >"$TMP/stored"
sort "$TMP/reported" | diff - "$TMP/stored" >"$TMP/diff" ||
    fail "stored turns differ from the reported ones (- reported, + stored): $(head -n 10 "$TMP/diff")"
psql_as "$PGSUPER" "SELECT count(*), count(DISTINCT student), count(*) FILTER (WHERE ended IS NULL),
                           (SELECT count(*) FROM turns WHERE n > 0), (SELECT count(*) FROM turns WHERE n = 0)
                    FROM sessions"
IFS='|' read -r sessions students open total openings <"$OUT"
[ "$sessions" = "$N" ] || fail "expected $N sessions, the database holds $sessions"
[ "$students" = "$N" ] || fail "expected $N students with one session each, got $students"
[ "$open" = 0 ] || fail "$open sessions were left open"
[ "$total" = "$expected" ] || fail "the database holds $total turns, the processes reported $expected"
[ "$openings" = "$N" ] || fail "expected $N opening lines, got $openings"
echo "t042: $N sessions at once on PostgreSQL, $total turns counted, all stored, none lost, $(((t1 - t0) / 1000000)) ms"
exit 0
