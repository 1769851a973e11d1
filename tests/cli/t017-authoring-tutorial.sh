#!/usr/bin/env bash
# t017-authoring-tutorial: the tutorial in course/AUTHORING.md, followed
# literally (its Lua blocks assembled as section 1 says), gives a scenario
# that `crmsim check` finds clean, whose self-tests pass, and that plays.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

# A private data directory: the course's files plus the new scenario.
H=$TMP/home
mkdir -p "$H/scenarios"
cp -r scenarios/lib "$H/scenarios/"
ln -s "$ROOT/grading" "$ROOT/course" "$H/"
# Blocks 1-4 of the tutorial: declarations, the lines table L, the hooks,
# the self-tests. L goes before `return {`; hooks and tests replace the
# placeholder on_reply.
awk '/^```lua$/ { n++; inb = 1; next } /^```$/ { inb = 0; next } inb && n <= 4 { print > (dir "/block" n) }' \
    dir="$TMP" course/AUTHORING.md
for i in 1 2 3 4; do [ -s "$TMP/block$i" ] || fail "tutorial block $i not found"; done
awk -v L="$TMP/block2" -v H="$TMP/block3" -v T="$TMP/block4" '
  /^return \{$/ && !done_l { while ((getline l < L) > 0) print l; print ""; done_l = 1 }
  /^  on_reply = function\(state, reply\)$/ && !done_h { skip = 1
      while ((getline l < H) > 0) print l
      while ((getline l < T) > 0) print l
      done_h = 1 }
  skip { if ($0 ~ /^  end,$/) skip = 0; next }
  { print }' "$TMP/block1" >"$H/scenarios/parcel-late.lua"

CRMSIM_HOME=$H run "$CRMSIM" check "$H/scenarios/parcel-late.lua"
[ "$RC" -eq 0 ] || fail "check of the tutorial scenario: $(cat "$OUT" "$ERR")"
CRMSIM_HOME=$H run "$CRMSIM" test parcel-late
[ "$RC" -eq 0 ] || fail "self-tests of the tutorial scenario: $(cat "$OUT")"
grep -q "3 passed, 0 failed" "$OUT" || fail "unexpected test summary: $(cat "$OUT")"
printf '真抱歉让您着急了，我来帮您查包裹。\n我已经联系快递公司加急，明天上午十点前送到。\n' >"$TMP/r"
CRMSIM_HOME=$H run_in "$TMP/r" "$CRMSIM" --db "$TMP/db" play parcel-late --seed 3
[ "$RC" -eq 0 ] && grep -q "客户接受处理方案（resolved）" "$OUT" || fail "tutorial scenario does not play: $(cat "$OUT" "$ERR")"
exit 0
