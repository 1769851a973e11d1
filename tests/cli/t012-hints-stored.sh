#!/bin/bash
# t012-hints-stored: every /hint is stored with the session, so the stored
# session explains its score (a replay or regrade from the database gives
# the same penalty): after one /hint -- also when it comes after the last
# reply -- sessions.hints is 1, and the score card shows the penalty and the
# same total as the database.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

check() { # tag input-file expected-hints
    run_in "$2" "$CRMSIM" --db "$TMP/$1.db" play bank-card --seed 7 --student "$1"
    no_crash "$1"
    [ "$RC" -eq 0 ] || fail "$1: play exited $RC: $(first "$ERR")"
    grep -q '^提示（扣' "$OUT" || fail "$1: /hint printed no hint"
    grep -q '提示扣分' "$OUT" || fail "$1: the score card shows no hint penalty"
    local shown stored hints
    shown=$(sed -n 's/^总分：\([0-9]*\) \/ 100.*/\1/p' "$OUT")
    stored=$(sql "$TMP/$1.db" "select score from sessions")
    hints=$(sql "$TMP/$1.db" "select hints from sessions")
    [ "$shown" = "$stored" ] || fail "$1: score card total $shown, database score $stored"
    [ "$hints" = "$3" ] || fail "$1: $3 /hint used, database says hints = $hints (score $stored already includes the penalty)"
}

printf '您好，请问有什么可以帮您？\n/hint\n非常抱歉给您添麻烦了。\n/quit\ny\n' >"$TMP/in-mid"
check hint-before-reply "$TMP/in-mid" 1

printf '您好，请问有什么可以帮您？\n/hint\n/quit\ny\n' >"$TMP/in-last"
check hint-after-last-reply "$TMP/in-last" 1

exit 0
