#!/bin/bash
# t003-unknown-scenario: `crmsim play bank-crad` (a typo) exits 1 with a
# "crmsim: ..." message on stderr that names bank-card as the close match,
# and stores no session.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

DB=$TMP/db
printf '您好\n' >"$TMP/in"
run_in "$TMP/in" "$CRMSIM" --db "$DB" play bank-crad --seed 7
no_crash "crmsim play bank-crad"
[ "$RC" -eq 1 ] || fail "'crmsim play bank-crad' exited $RC, expected 1: $(first "$ERR")"
grep -q '^crmsim: ' "$ERR" || fail "no 'crmsim: ...' message on stderr: $(first "$ERR")"
grep -q 'bank-crad' "$ERR" || fail "the message does not quote the unknown name: $(first "$ERR")"
grep -q 'bank-card' "$ERR" || fail "the message does not suggest 'bank-card': $(first "$ERR")"
grep -q 'hotel-vip' "$ERR" && fail "the message suggests 'hotel-vip', which is not close: $(first "$ERR")"
grep -q '王先生' "$OUT" && fail "a session was started anyway: $(first "$OUT")"
if [ -e "$DB" ]; then
    n=$(sql "$DB" "select count(*) from sessions" 2>/dev/null || echo 0)
    [ "$n" = 0 ] || fail "$n session(s) stored for an unknown scenario"
fi

exit 0
