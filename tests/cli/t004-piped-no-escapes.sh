#!/bin/bash
# t004-piped-no-escapes: with replies piped on stdin, `crmsim play` prints no
# escape codes (no ESC byte at all) and no prompt, even with a colour TERM;
# the replies are still played (customer answers, /status, score card).
# NO_COLOR: with stdout on a terminal but stdin piped, colour is used
# unless NO_COLOR is set; with NO_COLOR=1 not a single ESC byte is written.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

printf '您好，请问有什么可以帮您？\n/status\n/help\n我理解您的心情\n/quit\ny\n' >"$TMP/in"

has_esc() { LC_ALL=C grep -q $'\x1b' "$1"; }

for term in xterm-256color dumb; do
    TERM=$term run_in "$TMP/in" "$CRMSIM" --db "$TMP/db-$term" play bank-card --seed 7
    no_crash "piped play (TERM=$term)"
    [ "$RC" -eq 0 ] || fail "piped play (TERM=$term) exited $RC: $(first "$ERR")"
    has_esc "$OUT" && fail "piped play (TERM=$term): ESC byte on stdout"
    has_esc "$ERR" && fail "piped play (TERM=$term): ESC byte on stderr"
    grep -q '您>' "$OUT" && fail "piped play (TERM=$term): a reply prompt '您>' was printed"
    grep -Eq '\[(暴怒|生气|不满|平静|满意) [0-9]+\]' "$OUT" &&
        fail "piped play (TERM=$term): the mood prompt was printed"
    grep -q '情绪：' "$OUT" || fail "piped play (TERM=$term): /status printed nothing"
    grep -q '/hint' "$OUT" || fail "piped play (TERM=$term): /help printed nothing"
    grep -q '成绩单' "$OUT" || fail "piped play (TERM=$term): no score card"
    n=$(sql "$TMP/db-$term" "select count(*) from turns where n > 0")
    [ "$n" = 2 ] || fail "piped play (TERM=$term): $n turns stored, expected 2"
done

# --json on a pipe: one line of JSON and nothing else.
TERM=xterm-256color run_in "$TMP/in" "$CRMSIM" --db "$TMP/db-json" play bank-card --seed 7 --json
[ "$RC" -eq 0 ] || fail "piped play --json exited $RC: $(first "$ERR")"
has_esc "$OUT" && fail "piped play --json: ESC byte on stdout"
[ "$(wc -l <"$OUT")" -eq 1 ] || fail "piped play --json printed $(wc -l <"$OUT") lines, expected 1"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$OUT" 2>/dev/null ||
    fail "piped play --json: stdout is not JSON: $(first "$OUT")"

# stdout on a pseudo-terminal, stdin still a file (so no readline, no prompt):
# colour is allowed there, and NO_COLOR must switch it off completely.
on_pty() {
    timeout -k 2 15 python3 - "$@" <<'EOF'
import os, pty, subprocess, sys
out, inp, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
master, slave = pty.openpty()
with open(inp, "rb") as fin:
    p = subprocess.Popen(cmd, stdin=fin, stdout=slave, stderr=subprocess.DEVNULL)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
rc = p.wait(timeout=10)
open(out, "wb").write(data)
sys.exit(rc)
EOF
}

TERM=xterm-256color on_pty "$TMP/pty-color" "$TMP/in" "$CRMSIM" --db "$TMP/db-pty1" play bank-card --seed 7
RC=$?
[ "$RC" -eq 0 ] || fail "play with stdout on a pty exited $RC"
grep -q '成绩单' "$TMP/pty-color" || fail "play with stdout on a pty: no score card"
# Sanity check of this test: without NO_COLOR the score card is coloured.
has_esc "$TMP/pty-color" || fail "play with stdout on a pty and no NO_COLOR used no colour at all (test setup broken?)"

NO_COLOR=1 TERM=xterm-256color on_pty "$TMP/pty-nocolor" "$TMP/in" "$CRMSIM" --db "$TMP/db-pty2" play bank-card --seed 7
RC=$?
[ "$RC" -eq 0 ] || fail "NO_COLOR=1 play with stdout on a pty exited $RC"
grep -q '成绩单' "$TMP/pty-nocolor" || fail "NO_COLOR=1 play with stdout on a pty: no score card"
has_esc "$TMP/pty-nocolor" &&
    fail "NO_COLOR=1: escape codes written to the terminal: $(LC_ALL=C grep -a -o -m1 $'\x1b[^a-zA-Z]*[a-zA-Z]' "$TMP/pty-nocolor" | head -n 1 | od -c | head -n 1)"
grep -q '您>' "$TMP/pty-nocolor" && fail "stdin piped, stdout a pty: a reply prompt '您>' was printed"

exit 0
