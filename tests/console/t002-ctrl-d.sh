#!/bin/bash
# t002-ctrl-d: in a real terminal (tmux), Ctrl-D at an empty prompt ends the
# session: the score card (成绩单, 总分) is shown, crmsim exits 0, and the
# session is stored as "abandoned" with the one turn played before.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
. tests/console/lib-tmux.sh

DB=$TMP/db
PROMPT_RE='^\[(暴怒|生气|不满|平静|满意) [0-9]+\] 您>'

tmux_start "$CRMSIM" --db "$DB" play bank-card --seed 7 --student tty2
wait_for '^王先生：.' "the customer's opening line never appeared"
wait_input "$PROMPT_RE"'$' "no prompt after the opening"

send_text '您好，请问有什么可以帮您？'
keys Enter
wait_sql "$DB" "select count(*) from turns where n = 1" 1 "the first reply was not stored"
wait_input "$PROMPT_RE"'$' "no prompt after the first reply"

keys C-d
wait_for '══ 成绩单' "Ctrl-D at the prompt did not end with a score card (成绩单)"
wait_for '^总分：[0-9]+ / 100' "the score card has no 总分"
wait_exit
[ "$PANE_RC" = 0 ] || fail "crmsim exited with status $PANE_RC after Ctrl-D, expected 0"

outcome=$(sql "$DB" "select outcome from sessions")
[ "$outcome" = abandoned ] || fail "session outcome after Ctrl-D is '$outcome', expected 'abandoned'"
n=$(sql "$DB" "select count(*) from turns where n > 0")
[ "$n" = 1 ] || fail "$n turns stored, expected 1"
score=$(sql "$DB" "select score from sessions")
shown=$(screen_text | sed -n 's/^总分：\([0-9]*\) \/ 100.*/\1/p' | tail -n 1)
[ "$shown" = "$score" ] || fail "score card shows '$shown', database has '$score'"

exit 0
