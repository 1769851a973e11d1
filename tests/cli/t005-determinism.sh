#!/bin/bash
# t005-determinism: a session is a function of (scenario, lexicons, seed,
# replies). For each scenario, the same seed and reply script played in
# separate processes (each with its own Lua string-hash seed, so any
# dependence on `pairs` order shows up) gives byte-identical --json output
# and identical stored turns, findings, persona state, session row and
# scores. A different seed changes at least one customer line for at least
# one scenario (the seed is really used).
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

SCENARIOS="bank-card aircon-repeat hotel-vip"
SEED=7
OTHER_SEED=8

# Replies that exercise everything the persona reacts to: greeting,
# forbidden phrases, an empty reply, empathy, steps, a repeated reply.
cat >"$TMP/replies" <<'EOF'
您好，请问有什么可以帮您？
这不归我管，你去找柜台吧。

非常抱歉给您添麻烦了，我理解您的心情。
请问您方便留一个手机号码吗？
我现在就帮您联系相关部门核实，今天下午五点前给您回电话。
您好，请问有什么可以帮您？
你一定是记错了，我们系统不会出错的。
好的，谢谢您的耐心，我们会跟进处理并给您回复。
EOF

# dump DB: everything stored about the single session except wall-clock times.
dump() {
    sql "$1" "select n, reply, customer, findings, state from turns order by session, n;
              select student, scenario, scenario_hash, lexicon_hash, seed, mode, outcome, score, hints
                from sessions order by id;
              select criterion, points, max from scores order by session, criterion;"
}

play() { # scenario seed tag
    run_in "$TMP/replies" "$CRMSIM" --db "$TMP/$3.db" play "$1" --seed "$2" --student s1 --json
    no_crash "play $1 --seed $2 ($3)"
    [ "$RC" -eq 0 ] || fail "play $1 --seed $2 ($3) exited $RC: $(first "$ERR")"
    [ -s "$ERR" ] && fail "play $1 --seed $2 ($3) wrote to stderr: $(first "$ERR")"
    cp "$OUT" "$TMP/$3.json"
    dump "$TMP/$3.db" >"$TMP/$3.dump" || fail "cannot read the database of $3"
    [ -s "$TMP/$3.dump" ] || fail "nothing stored for $3"
}

changed=""
for scn in $SCENARIOS; do
    for i in 1 2 3; do
        play "$scn" "$SEED" "$scn-$i"
    done
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["turns"]) >= 2' "$TMP/$scn-1.json" 2>/dev/null ||
        fail "$scn: --json output is not a result with at least 2 turns: $(first "$TMP/$scn-1.json")"
    for i in 2 3; do
        cmp -s "$TMP/$scn-1.json" "$TMP/$scn-$i.json" ||
            fail "$scn seed $SEED: --json output differs between two processes: $(diff <(tr ',' '\n' <"$TMP/$scn-1.json") <(tr ',' '\n' <"$TMP/$scn-$i.json") | grep '^[<>]' | head -n 2 | tr '\n' ' ')"
        cmp -s "$TMP/$scn-1.dump" "$TMP/$scn-$i.dump" ||
            fail "$scn seed $SEED: stored turns/state differ between two processes: $(diff "$TMP/$scn-1.dump" "$TMP/$scn-$i.dump" | grep '^[<>]' | head -n 2 | cut -c1-200 | tr '\n' ' ')"
    done

    play "$scn" "$OTHER_SEED" "$scn-other"
    sql "$TMP/$scn-1.db" "select n, customer from turns order by n" >"$TMP/$scn-1.cust"
    sql "$TMP/$scn-other.db" "select n, customer from turns order by n" >"$TMP/$scn-other.cust"
    cmp -s "$TMP/$scn-1.cust" "$TMP/$scn-other.cust" || changed="$changed $scn"
done

[ -n "$changed" ] ||
    fail "seeds $SEED and $OTHER_SEED give the same customer lines in every scenario (is the seed used?)"

exit 0
