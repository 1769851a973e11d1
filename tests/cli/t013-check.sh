#!/usr/bin/env bash
# t013-check: `crmsim check` reports each kind of authoring mistake as
# FILE:LINE: message, exits 1, and passes a clean scenario (exit 0).
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
# The messages below are matched in English (t016 covers the languages).
export CRMSIM_LANG=en

F=tests/fixtures/check-mistakes.lua
run "$CRMSIM" check "$F"
no_crash "check of the mistakes fixture"
out=$(cat "$OUT") err=$(cat "$ERR")
[ "$RC" -eq 1 ] || fail "expected exit 1, got $RC"

expect() { # LINE TEXT: "F:LINE: ...TEXT..." must be in the output
    grep -qF "$F:$1: " <<<"$(grep -F -- "$2" <<<"$out")" ||
        fail "missing '$F:$1: …$2…' in: $out"
}
expect 5 "missing required field 'title'"           # misspelled field, reported at the table
expect 8 "field 'chapter' must be an integer from 1 to 9"
expect 9 "unknown kind 'angy'"
expect 15 "unknown step 'apologise'"
expect 17 "outcome 'escalated' is declared but no code returns it"
expect 22 "example \"滚吧\" does not match"        # the scenario's own lexicon entry
expect 22 "near-miss \"我走开一下马上回来\" must not match"
expect 30 "pairs() visits keys in a different order"
expect 31 "unknown category '推卸'"
expect 33 "'not-in-chrage' is neither a step id nor the id of a lexicon entry"
expect 38 "expects outcome 'vanished', which is not declared"
expect 38 "no test reaches outcome 'churned'"
n=$(grep -c "^$F:[0-9]*: " <<<"$out")
[ "$n" -eq 13 ] || fail "expected 13 problems, got $n: $out"
grep -q "13 problems in 1 file" <<<"$err" || fail "no summary on stderr: $err"

# A syntax error names the file and line; a missing file is a problem too.
printf 'return {\n  id = "x",\n' >"$TMP/broken.lua"
run "$CRMSIM" check "$TMP/broken.lua" "$TMP/nope.lua"
[ "$RC" -eq 1 ] || fail "broken file: expected exit 1, got $RC"
grep -q "^$TMP/broken.lua:3: " "$OUT" || fail "no FILE:LINE for the syntax error: $(cat "$OUT")"
grep -q "nope.lua.*not found" "$OUT" || fail "missing file not reported: $(cat "$OUT")"

# A clean scenario passes: the fixture with every mistake repaired.
sed -e 's/titel = /title = /; s/chapter = 12/chapter = 5/; s/"angy"/"angry"/' \
    -e 's/, "apologise"//; s/"滚吧"/"你给我走开"/; s/"我走开一下马上回来"/"我先离开一下"/' \
    -e 's/for k, v in pairs(state.memo) do end//; s/"推卸"/"推诿"/; s/not-in-chrage/not-in-charge/' \
    -e 's/if crm.done(state, "own") then return "好", "resolved" end/if crm.done(state, "own") then return "好", "resolved" end\n    if reply.empty then return "你说话啊", "escalated" end/' \
    -e 's/outcome = "vanished" }/outcome = "churned" },\n    { name = "silent", seed = 1, replies = { "……" }, outcome = "escalated" }/' \
    "$F" >"$TMP/clean.lua"
run "$CRMSIM" check "$TMP/clean.lua"
[ "$RC" -eq 0 ] || fail "clean scenario: expected exit 0, got $RC: $(cat "$OUT" "$ERR")"
exit 0
