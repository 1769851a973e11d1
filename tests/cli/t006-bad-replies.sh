#!/bin/bash
# t006-bad-replies: replies that are not acceptable text -- invalid UTF-8, an
# ESC control sequence, a NUL inside the line, a 5000-character line -- each
# get one clear "crmsim: ..." message on stderr, do NOT use up a turn (not
# stored, not in the JSON `turns`, turn numbers stay consecutive) and the
# session goes on with the next valid reply.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

DB=$TMP/db
GOOD1='您好，请问有什么可以帮您？'
GOOD2='非常抱歉，请问您是在哪个网点办理的？'
{
    printf '%s\n' "$GOOD1"
    printf '\xff\xfe\n'                 # invalid UTF-8
    printf '\x1b[31mhi\n'               # control character (ESC sequence)
    printf 'ab\x00cd\n'                 # NUL inside the line
    printf '好%.0s' $(seq 5000); printf '\n'  # 5000 characters
    printf '%s\n' "$GOOD2"
} >"$TMP/in"

run_in "$TMP/in" "$CRMSIM" --db "$DB" play bank-card --seed 7 --json
no_crash "play with bad replies"
[ "$RC" -eq 0 ] || fail "play with bad replies exited $RC, expected 0 (the session goes on): $(first "$ERR")"

# One message per bad reply, each "crmsim: ..." and saying what is wrong.
nerr=$(grep -c . "$ERR")
[ "$nerr" -eq 4 ] || fail "expected 4 lines on stderr (one per bad reply), got $nerr: $(tr '\n' '|' <"$ERR" | head -c 400)"
bad=$(grep -vn '^crmsim: ' "$ERR" | head -n 1)
[ -z "$bad" ] || fail "stderr line not in the form 'crmsim: ...': $bad"
sed -n 1p "$ERR" | grep -qi 'utf-8' || fail "invalid UTF-8: message does not say UTF-8: $(sed -n 1p "$ERR")"
sed -n 2p "$ERR" | grep -qi '001b\|escape\|控制' || fail "ESC: message does not name the control character: $(sed -n 2p "$ERR")"
sed -n 3p "$ERR" | grep -qi '0000\|nul\|控制' || fail "NUL: message does not name the NUL character: $(sed -n 3p "$ERR")"
sed -n 4p "$ERR" | grep -qi '太长\|too long\|1000\|5000' || fail "5000 chars: message does not say the reply is too long: $(sed -n 4p "$ERR")"
LC_ALL=C grep -q $'\x1b' "$ERR" && fail "the ESC byte of the refused reply was echoed to stderr"

# The JSON result counts only the valid replies, numbered 1 and 2.
python3 - "$OUT" "$GOOD1" "$GOOD2" <<'EOF' || fail "JSON result: $(python3 -c 'import sys;print(open(sys.argv[1]).read()[:300])' "$OUT")"
import json, sys
d = json.load(open(sys.argv[1]))
t = d["turns"]
assert [x["n"] for x in t] == [1, 2], "turn numbers %r" % [x["n"] for x in t]
assert [x["reply"] for x in t] == sys.argv[2:4], "replies %r" % [x["reply"] for x in t]
assert t[1]["customer"] != "", "no customer answer to the valid reply after the bad ones"
EOF

# The store has exactly the opening and the two valid turns.
n=$(sql "$DB" "select count(*) from turns where n > 0")
[ "$n" = 2 ] || fail "$n turns stored, expected 2 (bad replies must not be stored)"
r1=$(sql "$DB" "select reply from turns where n = 1")
r2=$(sql "$DB" "select reply from turns where n = 2")
[ "$r1" = "$GOOD1" ] || fail "turn 1 stored as '$r1'"
[ "$r2" = "$GOOD2" ] || fail "turn 2 stored as '$r2' (expected the valid reply after the bad ones)"
c2=$(sql "$DB" "select customer from turns where n = 2")
[ -n "$c2" ] || fail "the customer did not answer the valid reply after the bad ones"

exit 0
