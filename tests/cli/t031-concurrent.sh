#!/bin/bash
# t031-concurrent: 60 `crmsim play` processes at once on one database file
# (different students, seeds and scripts, replies piped in): every process
# exits 0, no "locked"/"busy" message reaches anyone, and the database
# holds exactly the turns the processes reported (--json `turns`), one
# session per student, with integrity_check ok. Prints the counts and the
# wall time (measured, not asserted).
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

N=60
DB=$TMP/many.db
SCRIPTS=(tests/play/bank-card-good.txt tests/play/bank-card-mixed.txt tests/play/bank-card-bad.txt
         tests/play/hotel-vip-good.txt tests/play/aircon-repeat-mixed.txt)
SCN=(bank-card bank-card bank-card hotel-vip aircon-repeat)
# Create the database first so the processes race on turns, not on the schema.
run "$CRMSIM" --db "$DB" history
[ "$RC" -eq 0 ] || fail "setup: history exited $RC: $(first "$ERR")"

t0=$(date +%s%N)
pids=()
for ((i = 0; i < N; i++)); do
    k=$((i % ${#SCRIPTS[@]}))
    "$CRMSIM" --db "$DB" play "${SCN[k]}" --seed $((i + 1)) --student "c$i" --json \
        <"${SCRIPTS[k]}" >"$TMP/out.$i" 2>"$TMP/err.$i" &
    pids+=($!)
done
for ((i = 0; i < N; i++)); do
    wait "${pids[i]}"
    echo $? >"$TMP/rc.$i"
done
t1=$(date +%s%N)

expected=0
for ((i = 0; i < N; i++)); do
    rc=$(cat "$TMP/rc.$i")
    [ "$rc" -eq 0 ] || fail "process $i exited $rc: $(head -c 300 "$TMP/err.$i")"
    grep -Eqi 'locked|busy|正忙' "$TMP/err.$i" && fail "process $i reported: $(head -c 300 "$TMP/err.$i")"
    n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["turns"]))' "$TMP/out.$i") ||
        fail "process $i: no JSON result: $(head -c 300 "$TMP/out.$i")"
    [ "$n" -gt 0 ] || fail "process $i played no turn"
    stored=$(sql "$DB" "select count(*) from turns t join sessions s on s.id = t.session
                        where s.student = 'c$i' and t.n > 0")
    [ "$stored" = "$n" ] || fail "process $i: reported $n turns, $stored stored"
    expected=$((expected + n))
done
[ "$(sql "$DB" "select count(*) from sessions")" = "$N" ] || fail "expected $N sessions"
[ "$(sql "$DB" "select count(*) from sessions where ended is null")" = 0 ] || fail "a session was left open"
total=$(sql "$DB" "select count(*) from turns where n > 0")
[ "$total" = "$expected" ] || fail "the database holds $total turns, the processes reported $expected"
[ "$(sql "$DB" "select count(*) from turns where n = 0")" = "$N" ] || fail "an opening line is missing"
[ "$(sql "$DB" "pragma integrity_check")" = ok ] || fail "integrity_check failed"
echo "t031: $N sessions at once, $total turns counted, all stored, none lost, $(((t1 - t0) / 1000000)) ms"
exit 0
