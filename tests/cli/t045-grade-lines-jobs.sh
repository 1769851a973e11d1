#!/bin/bash
# t045-grade-lines-jobs: `grade --lines` on several threads writes byte for
# byte what one thread writes, in input order, over many blocks (a 3 MB
# input: forbidden, empathy, Traditional, quoted, invalid UTF-8, control
# characters, CRLF, empty lines, a line longer than a block, no final
# newline); a program that sends one line and waits for its answer gets
# it before sending the next; --jobs takes 1..64 only; a read or write
# error is reported and fails the run.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

python3 - "$TMP/in" <<'EOF' || fail "cannot generate the input"
import random, sys
r = random.Random(45)
pool = ["这不归我管".encode(), "非常抱歉，我马上帮您查。".encode(), "這不歸我管，你去找別人".encode(),
        "我不会说'这不归我管'".encode(), "我理解您的心情，今天下午五点前给您回电话".encode(),
        b"\xff\xfe broken", b"ctrl\x01char", "你 骂 我 干 什 么".encode(), b"", b"plain ascii words",
        "您别急，我们 先核对 一下订单号".encode()]
out = []
size = 0
while size < 3_000_000:
    line = r.choice(pool)
    if r.random() < 0.0002:
        line = "你".encode() * 200_000  # longer than a read block
    end = b"\r\n" if r.random() < 0.1 else b"\n"
    out.append(line + end)
    size += len(line) + len(end)
out.append("最后一行没有换行".encode())
open(sys.argv[1], "wb").write(b"".join(out))
EOF
nlines=$(($(wc -l <"$TMP/in") + 1))

for j in 1 3 default; do
    opt=(--jobs "$j")
    [ "$j" = default ] && opt=()
    "$CRMSIM" --db "$TMP/db" grade --lines "${opt[@]}" <"$TMP/in" >"$TMP/out.$j" 2>"$TMP/err.$j"
    rc=$?
    [ "$rc" -eq 1 ] || fail "--jobs $j: exit status $rc (some lines are invalid: expected 1): $(head -c 300 "$TMP/err.$j")"
    [ -s "$TMP/err.$j" ] && fail "--jobs $j wrote to stderr: $(head -c 300 "$TMP/err.$j")"
done
cmp -s "$TMP/out.1" "$TMP/out.3" || fail "--jobs 3 output differs from --jobs 1: $(cmp "$TMP/out.1" "$TMP/out.3")"
cmp -s "$TMP/out.1" "$TMP/out.default" || fail "default --jobs output differs from --jobs 1"

python3 - "$TMP/out.1" "$nlines" <<'EOF' || exit 1
import json, sys
lines = open(sys.argv[1], "rb").read().decode("utf-8").split("\n")
assert lines[-1] == ""
objs = [json.loads(l) for l in lines[:-1]]
want = int(sys.argv[2])
def fail(m):
    print("FAIL t045-grade-lines-jobs: " + m); sys.exit(1)
if len(objs) != want:
    fail("%d results for %d input lines" % (len(objs), want))
for i, o in enumerate(objs, 1):
    if o["line"] != i:
        fail("result %d is numbered %r" % (i, o["line"]))
errs = [o for o in objs if "error" in o]
if not errs:
    fail("no line got an error (invalid UTF-8 and control characters are in the input)")
if not any(f["category"] == "推诿" for o in objs for f in o["forbidden"]):
    fail("no 推诿 finding in the whole input")
if objs[-1].get("error") or objs[-1]["line"] != want:
    fail("the unterminated last line was not graded: %r" % objs[-1])
EOF

# One line at a time: the answer comes before the next line is sent (read
# with a timeout so that a hang fails instead of blocking the suite).
coproc G { exec "$CRMSIM" --db "$TMP/db" grade --lines --jobs 2 2>"$TMP/err.co"; }
on_exit "kill $G_PID"
printf '这不归我管\n' >&"${G[1]}"
IFS= read -r -t 10 a1 <&"${G[0]}" || fail "no answer to the first line while the program waits for the second"
printf '非常抱歉，我马上帮您查。\n' >&"${G[1]}"
IFS= read -r -t 10 a2 <&"${G[0]}" || fail "no answer to the second line"
exec {G[1]}>&-
wait "$G_PID"
rc=$?
[ "$rc" -eq 0 ] || fail "line by line: exit status $rc: $(head -c 300 "$TMP/err.co")"
case $a1 in *'"line":1,'*'不归我管'*) ;; *) fail "first answer: $a1" ;; esac
case $a2 in *'"line":2,"forbidden":[]'*) ;; *) fail "second answer: $a2" ;; esac

for bad in 0 -1 65 x 2x ""; do
    run "$CRMSIM" --db "$TMP/db" grade --lines --jobs "$bad"
    no_crash "--jobs '$bad'"
    [ "$RC" -eq 2 ] || fail "--jobs '$bad': exit status $RC, expected 2 (usage)"
    grep -q -- "--jobs" "$ERR" || fail "--jobs '$bad': the error does not name --jobs: $(head -c 300 "$ERR")"
done

# stdin a directory: read() fails.
run_in "$TMP" "$CRMSIM" --db "$TMP/db" grade --lines
no_crash "grade --lines <directory"
[ "$RC" -eq 1 ] || fail "stdin a directory: exit status $RC, expected 1"
grep -q "标准输入" "$ERR" || fail "stdin a directory: no error about standard input: $(head -c 300 "$ERR")"

# stdout full: write() fails.
if [ -w /dev/full ]; then
    "$CRMSIM" --db "$TMP/db" grade --lines <"$TMP/in" >/dev/full 2>"$TMP/err.full"
    rc=$?
    [ "$rc" -eq 1 ] || fail "stdout /dev/full: exit status $rc, expected 1"
    grep -q "结果" "$TMP/err.full" || fail "stdout /dev/full: no error about the results: $(head -c 300 "$TMP/err.full")"
fi
exit 0
