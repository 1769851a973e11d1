#!/bin/bash
# kill-resume: SIGKILL at random moments during scripted sessions, then
# check that nothing confirmed was lost and that the session can go on.
#   usage: tests/reliability/kill-resume.sh [TRIALS] [SEED]
# Each trial plays a bank-card script into one shared database, replies fed
# through a FIFO at a random pace, and kills crmsim after a random delay
# (both drawn from SEED, printed, so a failure can be replayed). Afterwards:
#   - PRAGMA integrity_check says ok
#   - every customer line printed to stdout before the kill (crmsim prints
#     it only after the turn's commit) is stored, with exactly that text
#   - `crmsim play --resume --student ID` with the remaining replies ends
#     the session with exactly the turns, outcome and score of an
#     uninterrupted run of the same script and seed
# Prints the trials run, kill moments, turns confirmed and turns counted.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

TRIALS=${1:-200}
SEED=${2:-$(( $(date +%s) % 100000 ))}
RANDOM=$SEED
echo "kill-resume: $TRIALS trials, seed $SEED (rerun: $0 $TRIALS $SEED)"

DB=$TMP/kill.db
REF=$TMP/ref.db
SCRIPTS=(tests/play/bank-card-good.txt tests/play/bank-card-mixed.txt tests/play/bank-card-bad.txt "$TMP/long.txt")
printf '%s\n' '喂您好' '请您别着急' '我理解' '这个我来查' '您稍等' '我们会处理' '还有别的问题吗' '好的' >"$TMP/long.txt"
NAME='王先生：'

# The turns of a session as compared between runs (the chain differs: it
# starts from the student id).
turns_of() { sql "$1" "select n, reply, customer, findings, state from turns where session = $2 order by n;
                       select outcome, score, ended_by from sessions where id = $2"; }

# Reference: each script and seed played without interruption.
declare -A REFID
seeds=(3 7 11)
for sc in "${SCRIPTS[@]}"; do
    for sd in "${seeds[@]}"; do
        run_in "$sc" "$CRMSIM" --db "$REF" play bank-card --seed "$sd" --student "ref" --json
        [ "$RC" -eq 0 ] || fail "reference run $sc seed $sd: exit $RC: $(first "$ERR")"
        REFID[$sc/$sd]=$(sql "$REF" "select max(id) from sessions")
    done
done

trials=0 confirmed=0 counted=0 before_row=0 after_end=0 resumed=0 mid_turn=0
t0=$(date +%s%N)
for ((i = 1; i <= TRIALS; i++)); do
    sc=${SCRIPTS[RANDOM % ${#SCRIPTS[@]}]}
    sd=${seeds[RANDOM % ${#seeds[@]}]}
    nrep=$(wc -l <"$sc")
    pace=$((RANDOM % 12))                        # ms between replies
    delay=$((RANDOM % (nrep * (pace + 4) + 20))) # ms until the kill
    st=k$i
    fifo=$TMP/fifo.$i
    mkfifo "$fifo"
    "$CRMSIM" --db "$DB" play bank-card --seed "$sd" --student "$st" <"$fifo" >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    {
        while IFS= read -r line; do
            printf '%s\n' "$line"
            [ "$pace" -gt 0 ] && sleep "0.$(printf '%03d' "$pace")"
        done <"$sc"
        sleep 1 # hold the pipe open so crmsim waits for input instead of ending
    } >"$fifo" 2>/dev/null &
    feeder=$!
    sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    kill "$feeder" 2>/dev/null
    wait "$feeder" 2>/dev/null
    rm -f "$fifo"
    trials=$((trials + 1))
    what="trial $i ($sc seed $sd pace ${pace}ms kill at ${delay}ms)"

    ok=$(sql "$DB" "pragma integrity_check")
    [ "$ok" = ok ] || fail "$what: integrity_check: $ok"
    id=$(sql "$DB" "select id from sessions where student = '$st'")
    grep -a "^$NAME" "$TMP/out" | sed "s/^$NAME//" >"$TMP/said"
    nsaid=$(wc -l <"$TMP/said")
    if [ -z "$id" ]; then
        [ "$nsaid" -eq 0 ] || fail "$what: the opening was printed but no session is stored"
        before_row=$((before_row + 1))
        continue
    fi
    # Printed line j (0 = the opening) is the first line of stored turn j.
    j=0
    while IFS= read -r line; do
        got=$(sql "$DB" "select customer from turns where session = $id and n = $j" | head -n 1)
        [ "$got" = "$line" ] || fail "$what: turn $j was confirmed as '$line' but stored as '$got'"
        j=$((j + 1))
    done <"$TMP/said"
    [ "$nsaid" -gt 0 ] && confirmed=$((confirmed + nsaid - 1))
    stored=$(sql "$DB" "select count(*) from turns where session = $id and n > 0")
    [ "$stored" -ge $((nsaid > 0 ? nsaid - 1 : 0)) ] || fail "$what: $stored turns stored, $((nsaid - 1)) confirmed"
    [ "$stored" -gt $((nsaid > 0 ? nsaid - 1 : 0)) ] && mid_turn=$((mid_turn + 1))
    if [ -n "$(sql "$DB" "select ended from sessions where id = $id")" ]; then
        after_end=$((after_end + 1))
    else
        tail -n +$((stored + 1)) "$sc" >"$TMP/rest"
        run_in "$TMP/rest" "$CRMSIM" --db "$DB" play --resume --student "$st" --json
        no_crash "$what: resume"
        [ "$RC" -eq 0 ] || fail "$what: resume exited $RC: $(first "$ERR")"
        resumed=$((resumed + 1))
    fi
    turns_of "$DB" "$id" >"$TMP/got"
    turns_of "$REF" "${REFID[$sc/$sd]}" >"$TMP/want"
    cmp -s "$TMP/got" "$TMP/want" || fail "$what: the finished session differs from an uninterrupted run: $(diff "$TMP/want" "$TMP/got" | head -5)"
    counted=$((counted + $(sql "$DB" "select count(*) from turns where session = $id and n > 0")))
done
t1=$(date +%s%N)
ok=$(sql "$DB" "pragma integrity_check")
[ "$ok" = ok ] || fail "final integrity_check: $ok"
echo "kill-resume: $trials trials in $(((t1 - t0) / 1000000)) ms: $before_row killed before the session row," \
     "$after_end after its end, $resumed resumed ($mid_turn with a stored turn not yet shown);" \
     "$confirmed turns confirmed before the kill, all stored; $counted turns counted after resume; nothing lost"
exit 0
