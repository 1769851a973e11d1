#!/usr/bin/env bash
# t018-hint-isolation: /hint never changes the session: the same replies
# with hints asked in between give the same customer lines and persona
# state as without (sessions do not record when hints were used, so replay
# and regrade rely on this). Only the hint count and the score differ.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

for id in tests/fixtures/hint-mutates.lua hotel-vip bank-card; do
    db=$(basename "$id" .lua)
    printf '您好，请问有什么可以帮您？\n非常抱歉，我理解您的心情\n我马上帮您处理，今天下午五点前给您回电话\n/quit\ny\n' >"$TMP/plain"
    printf '/hint\n您好，请问有什么可以帮您？\n/hint\n/hint\n非常抱歉，我理解您的心情\n/hint\n我马上帮您处理，今天下午五点前给您回电话\n/quit\ny\n' >"$TMP/hinted"
    run_in "$TMP/plain" "$CRMSIM" --db "$TMP/$db-a.db" play "$id" --seed 5
    [ "$RC" -eq 0 ] || fail "$id plain: exit $RC $(cat "$ERR")"
    run_in "$TMP/hinted" "$CRMSIM" --db "$TMP/$db-b.db" play "$id" --seed 5
    [ "$RC" -eq 0 ] || fail "$id hinted: exit $RC $(cat "$ERR")"
    q="select n, customer, state from turns order by n"
    [ "$(sql "$TMP/$db-a.db" "$q")" = "$(sql "$TMP/$db-b.db" "$q")" ] ||
        fail "$id: /hint changed the session"
    [ "$(sql "$TMP/$db-b.db" "select hints from sessions")" = 4 ] || fail "$id: hints not counted"
done
exit 0
