#!/bin/bash
# t003-ctrl-c-empty-enter: in a real terminal (tmux), a half-typed line
# cleared with Ctrl-C followed by Enter on the now empty line sends nothing:
# no turn is stored, the turn count (/status 轮次 and the database) does not
# increase, and the session goes on.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
. tests/console/lib-tmux.sh

DB=$TMP/db
PROMPT_RE='^\[(暴怒|生气|不满|平静|满意) [0-9]+\] 您>'
turns() { sql "$DB" "select count(*) from turns where n > 0"; }

tmux_start "$CRMSIM" --db "$DB" play bank-card --seed 7 --student tty3
wait_for '^王先生：.' "the customer's opening line never appeared"
wait_input "$PROMPT_RE"'$' "no prompt after the opening"

send_text '您好，请问有什么可以帮您？'
keys Enter
wait_sql "$DB" "select count(*) from turns where n = 1" 1 "the first reply was not stored"
wait_input "$PROMPT_RE"'$' "no prompt after the first reply"

send_text '这句话不要发送'
wait_input '您> 这句话不要发送$' "typed text not echoed"
keys C-c
wait_input "$PROMPT_RE"'$' "Ctrl-C did not clear the input line"
keys Enter
# /status as a marker: once its output is on screen, crmsim has dealt with
# the empty line sent before it.
send_text /status
keys Enter
wait_for '^情绪：' "no /status output after Ctrl-C and Enter"
n=$(turns)
[ "$n" = 1 ] || fail "Enter on the empty line left by Ctrl-C was played as turn $n (stored reply $(sql "$DB" "select quote(reply) from turns where n = $n"), customer answered '$(sql "$DB" "select customer from turns where n = $n")'); expected nothing sent"
status=$(screen_text | grep '^情绪：' | tail -n 1)
echo "$status" | grep -q '轮次：1/' || fail "after Ctrl-C and an empty Enter /status says: $status"
wait_input "$PROMPT_RE"'$' "no prompt after /status"

# The session goes on normally.
send_text '非常抱歉给您添麻烦了。'
keys Enter
wait_sql "$DB" "select count(*) from turns where n > 0" 2 "the next reply was not stored as turn 2"
[ "$(sql "$DB" "select reply from turns where n = 2")" = '非常抱歉给您添麻烦了。' ] ||
    fail "turn 2 stored as '$(sql "$DB" "select reply from turns where n = 2")'"
wait_input "$PROMPT_RE"'$' "no prompt after turn 2"
keys C-d
wait_exit
[ "$PANE_RC" = 0 ] || fail "crmsim exited with status $PANE_RC after Ctrl-D, expected 0"

exit 0
