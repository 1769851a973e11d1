#!/bin/bash
# t046-lua-cache: the bytecode cache of Lua chunks ($XDG_CACHE_HOME/crmsim/
# lua) changes nothing a user sees: a play with the cache cold and one with
# it warm give the same JSON; its files are private (0600 in a 0700
# directory); truncated, bit-flipped or garbage files are ignored and
# written anew, byte for byte as before. A file is used only when it is
# trusted: one with a valid checksum but other bytecode (crmsim's own, of
# an edited copy of the scenario) is loaded from a private
# directory (which proves the cache is read), and ignored when the
# directory or the file may be written by others.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

H=$TMP/home-data
mkdir -p "$H"
cp -r "$DATA_HOME/scenarios" "$DATA_HOME/course" "$DATA_HOME/grading" "$H/"
[ -d "$DATA_HOME/locale" ] && cp -r "$DATA_HOME/locale" "$H/"
export CRMSIM_HOME=$H XDG_CACHE_HOME=$TMP/cache
LC=$TMP/cache/crmsim/lua
SCN=$H/scenarios/bank-card.lua

play() { # play DB OUT: bank-card, seed 3, the good transcript, as JSON
    "$CRMSIM" --db "$1" play bank-card --seed 3 --json <tests/play/bank-card-good.txt >"$2" 2>"$2.err"
}

play "$TMP/db1" "$TMP/cold.json" || fail "cold play failed: $(head -c 300 "$TMP/cold.json.err")"
n=$(find "$LC" -name '*.luac' 2>/dev/null | wc -l)
[ "$n" -ge 3 ] || fail "expected cached chunks (course, crm.lua, the scenario) in $LC, found $n"
[ "$(stat -c %a "$LC")" = 700 ] || fail "the cache directory is mode $(stat -c %a "$LC"), expected 700"
for f in "$LC"/*.luac; do
    [ "$(stat -c %a "$f")" = 600 ] || fail "$f is mode $(stat -c %a "$f"), expected 600"
done
play "$TMP/db2" "$TMP/warm.json" || fail "warm play failed: $(head -c 300 "$TMP/warm.json.err")"
cmp -s "$TMP/cold.json" "$TMP/warm.json" || fail "play --json differs with the cache warm"

# Damaged files: ignored, rewritten as they were.
mkdir "$TMP/orig" && cp "$LC"/*.luac "$TMP/orig/"
i=0
for f in "$LC"/*.luac; do
    case $((i++ % 3)) in
    0) truncate -s $(($(stat -c %s "$f") / 2)) "$f" ;;
    1) printf '\x55' | dd of="$f" bs=1 seek=40 conv=notrunc status=none ;;
    2) head -c "$(stat -c %s "$f")" /dev/urandom >"$f" ;;
    esac
done
play "$TMP/db3" "$TMP/damaged.json" || fail "play with damaged cache files failed: $(head -c 300 "$TMP/damaged.json.err")"
cmp -s "$TMP/cold.json" "$TMP/damaged.json" || fail "play --json differs with damaged cache files"
for f in "$TMP/orig"/*.luac; do
    cmp -s "$f" "$LC/$(basename "$f")" || fail "$(basename "$f") was not written anew as it was"
done

# A trusted file is loaded: replace the scenario's bytecode with that of an
# edited text (the customer's name), with a valid checksum.
forge() { # writes $TMP/edited.code into $target as the cache would
    python3 - "$target" "$TMP/edited.code" <<'EOF' || fail "cannot write the forged cache file"
import hashlib, os, sys
target, code = sys.argv[1], open(sys.argv[2], "rb").read()
key = os.path.basename(target)[:-len(".luac")].encode()
open(target, "wb").write(b"crmsim-luac 1\n" + code + hashlib.sha256(key + code).digest())
EOF
}
target=$(grep -l -F -- "$SCN" "$LC"/*.luac | head -1)
[ -n "$target" ] || fail "no cache file names $SCN"
# crmsim itself compiles the edited text, at the same path (so the same
# chunk name): its cache file holds the bytecode to forge with.
cp "$SCN" "$TMP/original.lua"
sed 's/王先生/李先生/g' "$TMP/original.lua" >"$SCN"
before=$(ls "$LC")
"$CRMSIM" --db "$TMP/db-edit" play bank-card --seed 3 </dev/null >/dev/null 2>&1
cp "$TMP/original.lua" "$SCN"
edited=$(comm -13 <(echo "$before") <(ls "$LC") | sed "s|^|$LC/|" | xargs -r grep -l -F -- "$SCN" | head -1)
[ -n "$edited" ] || fail "playing the edited scenario wrote no cache file naming it"
python3 - "$edited" "$TMP/edited.code" <<'EOF' || fail "cannot read the edited scenario's bytecode"
import sys
b = open(sys.argv[1], "rb").read()
assert b.startswith(b"crmsim-luac 1\n")
open(sys.argv[2], "wb").write(b[len(b"crmsim-luac 1\n"):-32])
EOF
forge
chmod 600 "$target"
"$CRMSIM" --db "$TMP/db4" play bank-card --seed 3 </dev/null >"$TMP/forged.txt" 2>&1
grep -q '李先生' "$TMP/forged.txt" || fail "a trusted cache file was not used (the edited opening is missing)"

chmod 777 "$LC"
"$CRMSIM" --db "$TMP/db5" play bank-card --seed 3 </dev/null >"$TMP/open-dir.txt" 2>&1
grep -q '李先生' "$TMP/open-dir.txt" && fail "a cache file in a directory others may write was used"
grep -q '王先生' "$TMP/open-dir.txt" || fail "play failed with an open cache directory: $(head -c 300 "$TMP/open-dir.txt")"
chmod 700 "$LC"

# (the run above wrote the genuine bytecode back: forge it again)
forge
chmod 666 "$target"
"$CRMSIM" --db "$TMP/db6" play bank-card --seed 3 </dev/null >"$TMP/open-file.txt" 2>&1
grep -q '李先生' "$TMP/open-file.txt" && fail "a cache file others may write was used"
grep -q '王先生' "$TMP/open-file.txt" || fail "play failed with an open cache file: $(head -c 300 "$TMP/open-file.txt")"
exit 0
