#!/bin/bash
# t002-list: `crmsim list` prints one scenario per line, its id first, for
# every scenarios/*.lua of the data directory, including bank-card,
# aircon-repeat and hotel-vip; nothing on stderr, exit 0.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

run "$CRMSIM" --db "$TMP/db" list
no_crash "crmsim list"
[ "$RC" -eq 0 ] || fail "'crmsim list' exited $RC, expected 0: $(first "$ERR")"
[ -s "$ERR" ] && fail "'crmsim list' wrote to stderr: $(first "$ERR")"

# id first: the first field of every line is a scenario id.
bad=$(awk '$1 !~ /^[a-z0-9-]+$/ { print NR ": " $0; exit }' "$OUT")
[ -z "$bad" ] || fail "line without a scenario id first: $bad"
awk '{ print $1 }' "$OUT" >"$TMP/ids"
dup=$(sort "$TMP/ids" | uniq -d | head -n 1)
[ -z "$dup" ] || fail "scenario '$dup' listed more than once"

for id in bank-card aircon-repeat hotel-vip; do
    grep -qx -- "$id" "$TMP/ids" || fail "'$id' is not listed (ids: $(tr '\n' ' ' <"$TMP/ids"))"
done

# One line per scenario file, no more (no header, no blank lines).
nfiles=$(find "$DATA_HOME/scenarios" -maxdepth 1 -name '*.lua' ! -name '.*' | wc -l)
nlines=$(wc -l <"$OUT")
[ "$nlines" -eq "$nfiles" ] ||
    fail "$nlines lines listed for $nfiles scenario files in $DATA_HOME/scenarios"
for f in "$DATA_HOME"/scenarios/*.lua; do
    id=$(basename "$f" .lua)
    grep -qx -- "$id" "$TMP/ids" || fail "scenario file $id.lua is not listed"
done

exit 0
