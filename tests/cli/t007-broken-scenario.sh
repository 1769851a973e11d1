#!/bin/bash
# t007-broken-scenario: scenario files given as a path (they may live
# anywhere; scenarios/lib/crm.lua still comes from the data directory):
#   - a Lua syntax error        -> exit 1, "FILE:LINE:" of the error on stderr
#   - a missing required field  -> exit 1, "FILE:LINE:" naming the field, where
#                                  LINE is the scenario table (`return {` or
#                                  its closing brace), not some other line
#   - a runtime error in on_reply on turn 3 -> exit 1, message names
#     FILE:LINE of the failing call, no crash, the 2 turns played before
#     are stored, the session's outcome is "error", later replies unused
#   - a missing file            -> exit 1, clear "crmsim: ..." message
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

DB=$TMP/db
SCN=$TMP/scn
mkdir -p "$SCN"

# A minimal valid scenario that uses the crm helper library; on turn 3 it
# calls a nil value.
cat >"$SCN/t007-ok.lua" <<'EOF'
-- t007-ok: minimal scenario for the crmsim end-to-end tests
return {
  id = "t007-ok",
  title = "测试客户",
  chapter = 1,
  kind = "angry",
  customer = { name = "测试先生" },
  brief = "测试用情景。",
  opening = "喂，你好。",
  mood = 40,
  patience = 3,
  requires = { "apologize" },
  max_turns = 10,
  outcomes = {
    resolved = { label = "解决", score = 100 },
    churned = { label = "流失", score = 0 },
  },
  on_reply = function(state, reply)
    crm.credit(state, reply)
    if state.turn == 3 then
      local boom = nil
      boom() -- BOOM
    end
    return crm.join("嗯，第", tostring(state.turn), "轮。")
  end,
}
EOF

line_of() { grep -n -- "$2" "$1" | head -n 1 | cut -d: -f1; }

# Message names FILE:LINE: -- the full path, or the tail Lua keeps of a long
# path ("...dir/name.lua").
names_file_line() { # stderr-file scenario-file line
    local base
    base=$(basename "$2")
    grep -qF -- "$2:$3:" "$1" || grep -Eq -- "\.\.\.[^ ]*/${base//./\\.}:$3:" "$1"
}

# --- syntax error: missing comma after title, reported at the next line
{
    printf 'return {\n'
    printf '  id = "t007-syntax",\n'
    printf '  title = "x"\n'
    printf '  chapter = 1,\n'
    printf '}\n'
} >"$SCN/t007-syntax.lua"
run "$CRMSIM" --db "$DB" play "$SCN/t007-syntax.lua" --seed 1
no_crash "syntax error"
[ "$RC" -eq 1 ] || fail "syntax error: exit $RC, expected 1: $(first "$ERR")"
grep -q '^crmsim: ' "$ERR" || fail "syntax error: no 'crmsim: ...' message: $(first "$ERR")"
names_file_line "$ERR" "$SCN/t007-syntax.lua" 4 ||
    fail "syntax error: stderr does not name t007-syntax.lua:4: $(first "$ERR")"

# --- missing required field 'title'
sed -e '/^  title = /d' -e 's/t007-ok/t007-notitle/' "$SCN/t007-ok.lua" >"$SCN/t007-notitle.lua"
run "$CRMSIM" --db "$DB" play "$SCN/t007-notitle.lua" --seed 1
no_crash "missing field"
[ "$RC" -eq 1 ] || fail "missing field: exit $RC, expected 1: $(first "$ERR")"
grep -q '^crmsim: .*title' "$ERR" || fail "missing field: message does not name 'title': $(first "$ERR")"
grep -Eq 't007-notitle\.lua:[0-9]+:' "$ERR" || fail "missing field: no FILE:LINE in: $(first "$ERR")"
got=$(grep -Eo 't007-notitle\.lua:[0-9]+:' "$ERR" | head -n 1 | cut -d: -f2)
ret=$(line_of "$SCN/t007-notitle.lua" '^return {')
close=$(wc -l <"$SCN/t007-notitle.lua")
[ "$got" = "$ret" ] || [ "$got" = "$close" ] ||
    fail "missing field: reported at line $got ('$(sed -n "${got}p" "$SCN/t007-notitle.lua" | sed 's/^ *//')'), expected the scenario table at line $ret (or $close): $(first "$ERR")"

# --- runtime error in on_reply on turn 3, after two good turns
printf '您好\n请问有什么可以帮您？\n第三句会出错\n第四句不应被使用\n' >"$TMP/in"
run_in "$TMP/in" "$CRMSIM" --db "$DB" play "$SCN/t007-ok.lua" --seed 1 --student s7
no_crash "runtime error in on_reply"
[ "$RC" -eq 1 ] || fail "runtime error: exit $RC, expected 1: $(first "$ERR")"
boom=$(line_of "$SCN/t007-ok.lua" 'BOOM')
names_file_line "$ERR" "$SCN/t007-ok.lua" "$boom" ||
    fail "runtime error: stderr does not name t007-ok.lua:$boom: $(first "$ERR")"
grep -q '测试先生：嗯，第2轮。' "$OUT" || fail "runtime error: turn 2 was not played (crm library not loaded?): $(first "$ERR")"
sid=$(sql "$DB" "select id from sessions where scenario = 't007-ok' and student = 's7'")
[ -n "$sid" ] || fail "runtime error: the session was not stored"
outcome=$(sql "$DB" "select outcome from sessions where id = $sid")
[ "$outcome" = error ] || fail "runtime error: session outcome is '$outcome', expected 'error'"
n=$(sql "$DB" "select count(*) from turns where session = $sid and n > 0")
[ "$n" = 2 ] || fail "runtime error: $n turns stored, expected the 2 played before the error"
r2=$(sql "$DB" "select reply from turns where session = $sid and n = 2")
[ "$r2" = '请问有什么可以帮您？' ] || fail "runtime error: turn 2 stored as '$r2'"
grep -q '第四句' "$OUT" && fail "runtime error: a reply after the error was still played"

# --- missing file
run "$CRMSIM" --db "$DB" play "$SCN/no-such-scenario.lua" --seed 1
no_crash "missing file"
[ "$RC" -eq 1 ] || fail "missing file: exit $RC, expected 1: $(first "$ERR")"
grep -q '^crmsim: .*no-such-scenario\.lua' "$ERR" ||
    fail "missing file: message does not name the file: $(first "$ERR")"
grep -qi 'not found\|no such\|找不到\|不存在' "$ERR" ||
    fail "missing file: message does not say it is missing: $(first "$ERR")"

# Nothing but the runtime-error session was stored by all of the above.
ns=$(sql "$DB" "select count(*) from sessions")
[ "$ns" = 1 ] || fail "$ns sessions stored, expected only the one that hit the runtime error"

exit 0
