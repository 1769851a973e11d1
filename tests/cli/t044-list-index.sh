#!/bin/bash
# t044-list-index: `crmsim list` keeps what it shows about each scenario in
# a cache ($XDG_CACHE_HOME/crmsim/scenarios.idx) keyed by the file's bytes.
# The output with the cache equals the output without it; a corrupt,
# truncated, forged or garbage cache file is ignored (same output, nothing
# on stderr) and replaced; an edited scenario shows its new title and a
# broken one is reported again although it was listed before.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

export XDG_CACHE_HOME=$TMP/cache
IDX=$XDG_CACHE_HOME/crmsim/scenarios.idx
# A private data directory, so that its scenarios can be edited.
H=$TMP/data
mkdir -p "$H"
cp -r "$DATA_HOME/scenarios" "$DATA_HOME/course" "$H/"
[ -d "$DATA_HOME/locale" ] && cp -r "$DATA_HOME/locale" "$H/"
export CRMSIM_HOME=$H

list_ok() { # WHAT: list must print exactly $TMP/want, nothing on stderr, exit 0
    run "$CRMSIM" --db "$TMP/db" list
    no_crash "$1"
    [ "$RC" -eq 0 ] || fail "$1: exit $RC: $(first "$ERR")"
    [ -s "$ERR" ] && fail "$1: stderr: $(first "$ERR")"
    cmp -s "$OUT" "$TMP/want" || fail "$1: output differs from the list without a cache"
}

run "$CRMSIM" --db "$TMP/db" list
[ "$RC" -eq 0 ] || fail "first list exited $RC: $(first "$ERR")"
cp "$OUT" "$TMP/want"
[ -s "$IDX" ] || fail "no cache file written at $IDX"
list_ok "list from the cache"
cp "$IDX" "$TMP/good.idx"

corrupt() { # NAME then a command that damages $IDX
    local name=$1
    shift
    cp "$TMP/good.idx" "$IDX"
    "$@"
    list_ok "cache $name"
    cmp -s "$IDX" "$TMP/good.idx" || fail "cache $name: not rewritten as it should be"
}
flip() { printf 'X' | dd of="$IDX" bs=1 seek=200 conv=notrunc 2>/dev/null; }
truncate_half() { truncate -s $(($(stat -c %s "$IDX") / 2)) "$IDX"; }
garbage() { head -c 3000 /dev/urandom >"$IDX"; }
empty() { : >"$IDX"; }
# Well-formed with a correct checksum, but lengths that point past the end.
forged() {
    local body
    body="$(head -n 2 "$TMP/good.idx")"$'\n'"$(printf '%064d' 0) 1 999 999 999 x"$'\n'
    printf '%s' "$body" >"$IDX"
    printf 'end %s\n' "$(printf '%s' "$body" | sha256sum | cut -c1-64)" >>"$IDX"
}
# A correct file for another executable or helper library (another key).
other_key() {
    { sed -n 1p "$TMP/good.idx"; printf '%064d\n' 0; sed '1,2d;$d' "$TMP/good.idx"; } >"$IDX.body"
    { cat "$IDX.body"; printf 'end %s\n' "$(sha256sum <"$IDX.body" | cut -c1-64)"; } >"$IDX"
    rm -f "$IDX.body"
}
corrupt "with a flipped byte" flip
corrupt "cut in half" truncate_half
corrupt "of random bytes" garbage
corrupt "empty" empty
corrupt "with forged lengths" forged
corrupt "with another key" other_key

# An edited title is shown (the entry is keyed by the file's bytes).
sed -i '0,/title = "/s/title = "/title = "改过的标题·/' "$H/scenarios/bank-card.lua"
run "$CRMSIM" --db "$TMP/db" list
[ "$RC" -eq 0 ] || fail "list after an edit exited $RC: $(first "$ERR")"
grep -q '^bank-card .*改过的标题·' "$OUT" || fail "the edited title is not shown: $(grep '^bank-card' "$OUT")"

# A broken scenario is reported although it was listed before.
echo 'this is not lua (' >>"$H/scenarios/hotel-vip.lua"
run "$CRMSIM" --db "$TMP/db" list
[ "$RC" -eq 1 ] || fail "list with a broken scenario exited $RC, expected 1"
grep -q 'hotel-vip.lua' "$ERR" || fail "the broken scenario is not reported: $(first "$ERR")"
grep -q '^hotel-vip ' "$OUT" && fail "the broken scenario is still listed"
exit 0
