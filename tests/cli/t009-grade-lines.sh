#!/bin/bash
# t009-grade-lines: `crmsim grade --lines` writes one JSON object per input
# line, in order, with the DESIGN.md contract keys: line (number),
# forbidden [{id, category, match}], empathy [{id, match}], steps [step ids].
# An empty line is graded (all lists empty); an invalid line (bad UTF-8)
# gets an "error" key and empty lists; "这不归我管" is a 推诿 finding matching
# 不归我管; the quoted "我不会说'这不归我管'" gives none; Traditional
# "這不歸我管" gives the same finding as Simplified.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

{
    printf '这不归我管\n'              # 1: 推诿
    printf '\n'                        # 2: empty
    printf '\xff\xfe\n'                # 3: invalid UTF-8 -> "error"
    printf "我不会说'这不归我管'\n"    # 4: reported speech, no finding
    printf '這不歸我管\n'              # 5: Traditional, same as 1
    printf '非常抱歉，我马上帮您查。\n' # 6: ordinary reply
} >"$TMP/in"

run_in "$TMP/in" "$CRMSIM" --db "$TMP/db" grade --lines
no_crash "grade --lines"
[ "$RC" -eq 0 ] || [ "$RC" -eq 1 ] || fail "grade --lines exited $RC: $(first "$ERR")"

python3 - "$OUT" <<'EOF' || exit 1
import json, sys

def fail(msg):
    print("FAIL t009-grade-lines: " + msg)
    sys.exit(1)

STEPS = {"apologize", "acknowledge", "ask", "explain", "own", "contact",
         "deadline", "compensate", "follow_up", "thank"}
raw = open(sys.argv[1], "rb").read().decode("utf-8")
lines = raw.split("\n")
if lines[-1] != "":
    fail("output does not end with a newline")
lines = lines[:-1]
if len(lines) != 6:
    fail("%d output lines for 6 input lines" % len(lines))
objs = []
for i, l in enumerate(lines, 1):
    try:
        o = json.loads(l)
    except ValueError:
        fail("output line %d is not JSON: %r" % (i, l[:200]))
    if not isinstance(o, dict):
        fail("output line %d is not an object" % i)
    for k in ("line", "forbidden", "empathy", "steps"):
        if k not in o:
            fail("output line %d lacks the key %r: %s" % (i, k, l[:200]))
    if o["line"] != i or type(o["line"]) is not int:
        fail("output line %d has \"line\": %r (order or numbering wrong)" % (i, o["line"]))
    for f in o["forbidden"]:
        if not all(isinstance(f.get(k), str) for k in ("id", "category", "match")):
            fail("line %d: forbidden finding without string id/category/match: %r" % (i, f))
    for f in o["empathy"]:
        if not all(isinstance(f.get(k), str) for k in ("id", "match")):
            fail("line %d: empathy finding without string id/match: %r" % (i, f))
    if not isinstance(o["steps"], list) or not set(o["steps"]) <= STEPS:
        fail("line %d: steps not a list of step ids: %r" % (i, o["steps"]))
    if "error" in o and i != 3:
        fail("line %d (valid text) has an error: %r" % (i, o["error"]))
    objs.append(o)

def forb(o):
    return [(f["id"], f["category"]) for f in o["forbidden"]]

l1, l2, l3, l4, l5, l6 = objs
hits = [f for f in l1["forbidden"] if f["category"] == "推诿"]
if not hits:
    fail("'这不归我管' has no 推诿 finding: %r" % l1["forbidden"])
if not any("不归我管" in f["match"] for f in hits):
    fail("'这不归我管': 推诿 finding does not match 不归我管: %r" % hits)
if l2["forbidden"] or l2["empathy"] or l2["steps"] or "error" in l2:
    fail("empty line: expected no findings and no error: %r" % l2)
if not isinstance(l3.get("error"), str) or not l3["error"]:
    fail("invalid UTF-8 line: no \"error\" message: %r" % l3)
if l3["forbidden"] or l3["empathy"] or l3["steps"]:
    fail("invalid UTF-8 line: findings reported: %r" % l3)
if l4["forbidden"]:
    fail("quoted \"我不会说'这不归我管'\" gives forbidden findings: %r" % l4["forbidden"])
if forb(l5) != forb(l1):
    fail("Traditional '這不歸我管' gives %r, Simplified gives %r" % (forb(l5), forb(l1)))
if not any("不歸我管" in f["match"] or "不归我管" in f["match"]
           for f in l5["forbidden"] if f["category"] == "推诿"):
    fail("Traditional '這不歸我管': unexpected match %r" % l5["forbidden"])
if l6["forbidden"]:
    fail("'非常抱歉，我马上帮您查。' gives forbidden findings: %r" % l6["forbidden"])
EOF

# Valid input only: exit 0, nothing on stderr.
LC_ALL=C grep -av $'\xff' "$TMP/in" >"$TMP/valid"
run_in "$TMP/valid" "$CRMSIM" --db "$TMP/db" grade --lines
no_crash "grade --lines (valid input)"
[ "$RC" -eq 0 ] || fail "grade --lines on valid input exited $RC: $(first "$ERR")"
[ "$(wc -l <"$OUT")" -eq 5 ] || fail "grade --lines on 5 valid lines printed $(wc -l <"$OUT") lines"

exit 0
