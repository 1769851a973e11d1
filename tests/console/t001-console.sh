#!/bin/bash
# t001-console: `crmsim play bank-card --seed 7` in a real terminal (tmux):
#   - the opening customer line, then the prompt "[MOOD N] 您> " showing the
#     mood stored for the opening (NO_COLOR=1: no colour attributes at all)
#   - Chinese typed and edited: two Backspaces remove two whole CJK
#     characters ("我理解您的心情啊啊" -> stored reply "我理解您的心情")
#   - the customer answers; the prompt follows the new mood
#   - /status shows 情绪 (mood), 耐心 (patience), 轮次 and 步骤 lines that
#     agree with the stored state
#   - Ctrl-C clears a half-typed line: nothing is sent, the next reply is
#     stored alone and the cleared text never reaches a turn
#   - /quit asks y/N: Enter (default no) keeps playing; "y" ends it
#   - the score card (成绩单, 总分) is shown, crmsim exits 0, and the database
#     has the session as "abandoned" with exactly the 2 turns played and
#     the score shown on the card
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
. tests/console/lib-tmux.sh

DB=$TMP/db
PROMPT_RE='^\[(暴怒|生气|不满|平静|满意) [0-9]+\] 您>'

# expected_prompt N: the prompt for the mood stored with turn N.
expected_prompt() {
    local m
    m=$(sql "$DB" "select json_extract(state, '\$.mood') from turns where n = $1")
    [ -n "$m" ] || fail "no stored state for turn $1"
    echo "[$(mood_label "$m") $m] 您>"
}
turns() { sql "$DB" "select count(*) from turns where n > 0"; }

tmux_start "$CRMSIM" --db "$DB" play bank-card --seed 7 --student tty1

# --- opening line and prompt
wait_for '^王先生：.' "the customer's opening line never appeared"
wait_input "$PROMPT_RE" "no '[MOOD N] 您>' prompt after the opening"
opening=$(sql "$DB" "select customer from turns where n = 0")
screen_text | grep -qF -- "王先生：${opening%%$'\n'*}" || fail "the opening shown is not the stored opening '$opening'"
want=$(expected_prompt 0)
[ "$(input_line)" = "$want" ] || fail "prompt is '$(input_line)', expected '$want'"
if tm capture-pane -p -e -t crm | LC_ALL=C grep -q $'\x1b'; then
    fail "NO_COLOR=1 but the terminal shows colour/attributes: $(tm capture-pane -p -e -t crm | LC_ALL=C grep -a -m1 $'\x1b' | od -c | head -n 2 | tr '\n' ' ')"
fi

# --- type Chinese, erase two characters, send
send_text '我理解您的心情啊啊'
wait_input '您> 我理解您的心情啊啊$' "typed Chinese text not echoed"
keys BSpace BSpace
wait_input '您> 我理解您的心情$' "two Backspaces did not remove exactly two CJK characters"
keys Enter
wait_sql "$DB" "select count(*) from turns where n = 1" 1 "the first reply was not stored"
reply=$(sql "$DB" "select reply from turns where n = 1")
[ "$reply" = '我理解您的心情' ] ||
    fail "stored reply is '$reply' ($(printf '%s' "$reply" | od -An -tx1 | tr -s ' ' | head -c 120)), expected '我理解您的心情'"
cust=$(sql "$DB" "select customer from turns where n = 1")
[ -n "$cust" ] || fail "the customer said nothing to the first reply"
wait_text "王先生：${cust%%$'\n'*}" "the customer's answer was not shown"
want=$(expected_prompt 1)
wait_input "^$(printf '%s' "$want" | sed 's/[][]/\\&/g')\$" "prompt after turn 1 is not '$want'"

# --- /status
send_text /status
keys Enter
wait_for '^情绪：' "/status printed no 情绪 line"
wait_for '^步骤：' "/status printed no 步骤 line"
m=$(sql "$DB" "select json_extract(state, '\$.mood') from turns where n = 1")
p=$(sql "$DB" "select json_extract(state, '\$.patience') from turns where n = 1")
mx=$(sql "$DB" "select json_extract(state, '\$.max_turns') from turns where n = 1")
line=$(screen_text | grep '^情绪：' | tail -n 1 | sed 's/[[:space:]]*$//')
[ "$line" = "情绪：$(mood_label "$m")（$m/100）  耐心：$p  轮次：1/$mx" ] ||
    fail "/status shows '$line', expected mood $m, patience $p, turn 1/$mx"
echo "$line" | grep -q '耐心：' || fail "/status shows no 耐心"
screen_text | grep '^步骤：' | tail -n 1 | grep -q '道歉' || fail "/status 步骤 line does not list the required step 道歉"
wait_input "$PROMPT_RE"'$' "no prompt after /status"

# --- Ctrl-C clears the half-typed line: the next reply is sent alone
# (Enter on the empty line left by Ctrl-C: see t003-ctrl-c-empty-enter.sh)
send_text '这句话不要发送'
wait_input '您> 这句话不要发送$' "typed text not echoed"
keys C-c
wait_input "$PROMPT_RE"'$' "Ctrl-C did not clear the input line"
[ "$(turns)" = 1 ] || fail "Ctrl-C sent the half-typed line as a turn"
send_text '好的，我马上帮您查。'
wait_input '您> 好的，我马上帮您查。$' "text typed after Ctrl-C not echoed alone (input line: '$(input_line)')"
keys Enter
wait_sql "$DB" "select count(*) from turns where n = 2" 1 "the reply after Ctrl-C was not stored"
reply=$(sql "$DB" "select reply from turns where n = 2")
[ "$reply" = '好的，我马上帮您查。' ] || fail "reply after Ctrl-C stored as '$reply' (the cleared text was kept?)"
[ "$(sql "$DB" "select count(*) from turns where reply like '%这句话不要发送%'")" = 0 ] ||
    fail "the text cleared with Ctrl-C reached a stored turn"
wait_input "$PROMPT_RE"'$' "no prompt after turn 2"

# --- /quit: default no, then yes
send_text /quit
keys Enter
wait_for '确定结束.*\(y/N\)' "/quit did not ask for confirmation (y/N)"
keys Enter
wait_input "$PROMPT_RE"'$' "answering /quit with Enter (default no) did not go back to the prompt"
screen_text | grep -q '成绩单' && fail "/quit answered with Enter (default no) ended the session"
[ "$(sql "$DB" "select outcome is null from sessions")" = 1 ] || fail "/quit answered no ended the session in the database"
send_text /quit
keys Enter
wait_count '确定结束.*\(y/N\)' 2 "second /quit did not ask for confirmation"
send_text y
keys Enter
wait_for '══ 成绩单' "no score card (成绩单) after /quit y"
wait_for '^总分：[0-9]+ / 100' "the score card has no 总分"
wait_exit
[ "$PANE_RC" = 0 ] || fail "crmsim exited with status $PANE_RC after /quit y, expected 0"

# --- what was stored
[ "$(sql "$DB" "select count(*) from sessions")" = 1 ] || fail "expected 1 stored session"
outcome=$(sql "$DB" "select outcome from sessions")
[ "$outcome" = abandoned ] || fail "session outcome is '$outcome', expected 'abandoned'"
n=$(turns)
[ "$n" = 2 ] || fail "$n turns stored, expected 2"
shown=$(screen_text | sed -n 's/^总分：\([0-9]*\) \/ 100.*/\1/p' | tail -n 1)
stored=$(sql "$DB" "select score from sessions")
[ "$shown" = "$stored" ] || fail "score card shows $shown, database has $stored"

exit 0
