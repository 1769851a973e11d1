#!/bin/bash
# t004-opening-stored: on a terminal, play shows the customer's opening and
# the prompt before the session is committed, and commits it (row and
# opening turn) while the trainee reads: the row is there, open, without a
# reply typed. When that commit cannot be made (another program holds the
# database's write lock), play stops with a clear message and a failure
# status, stores nothing, and shows no score card. The lexicons are read
# and the chain begun only then too, so: the session's head, opening chain
# and seal are those of the same session played through a pipe; a missing
# lexicon file stops play after the opening with its name, storing nothing.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
. tests/console/lib-tmux.sh

DB=$TMP/db
PROMPT_RE='^\[(暴怒|生气|不满|平静|满意) [0-9]+\] 您>'

# 1. Stored while the prompt waits.
tmux_start "$CRMSIM" --db "$DB" play bank-card --seed 7 --student tty4
wait_for '^王先生：.' "the customer's opening line never appeared"
wait_input "$PROMPT_RE"'$' "no prompt after the opening"
wait_sql "$DB" "select count(*) from sessions where student = 'tty4' and ended is null" 1 \
    "the session row was not stored while the prompt waited"
wait_sql "$DB" "select count(*) from turns where n = 0 and length(customer) > 10" 1 \
    "the opening turn was not stored while the prompt waited"
[ "$(sql "$DB" "select title from scenarios where id = 'bank-card'")" != "" ] ||
    fail "the scenario's title was not stored with the session"
keys C-d
wait_exit
[ "$PANE_RC" = 0 ] || fail "crmsim exited with status $PANE_RC after Ctrl-D, expected 0"
[ "$(sql "$DB" "select outcome || '/' || ended_by from sessions where student = 'tty4'")" = abandoned/quit ] ||
    fail "the session did not end as abandoned/quit: $(sql "$DB" "select outcome, ended_by from sessions")"
tm kill-server

# The same session through a pipe (read all at once, nothing deferred):
# the same chain, hash for hash.
printf '' | "$CRMSIM" --db "$TMP/piped.db" play bank-card --seed 7 --student tty4 >/dev/null 2>&1 ||
    fail "the piped play of the same session failed"
q="select s.lexicon_hash, s.head, s.chain, t.chain from sessions s join turns t on t.session = s.id and t.n = 0 where s.student = 'tty4'"
[ -n "$(sql "$DB" "$q")" ] || fail "no chain stored for the terminal session"
[ "$(sql "$DB" "$q")" = "$(sql "$TMP/piped.db" "$q")" ] ||
    fail "lexicon hash / head / seal / opening chain differ between terminal and pipe: $(sql "$DB" "$q") vs $(sql "$TMP/piped.db" "$q")"

# 2. The commit after the prompt fails: the write lock is held elsewhere.
mkfifo "$TMP/hold"
sqlite3 "$DB" <"$TMP/hold" >"$TMP/hold.out" 2>&1 &
holder=$!
exec 7>"$TMP/hold"
on_exit "kill $holder 2>/dev/null"
echo "BEGIN IMMEDIATE; SELECT 'held';" >&7
for ((i = 0; i < 50; i++)); do grep -q held "$TMP/hold.out" && break; sleep 0.1; done
grep -q held "$TMP/hold.out" || fail "the test could not take the write lock: $(cat "$TMP/hold.out")"

# (7>&-: the terminal must not keep the lock holder's input open)
tmux_start env CRMSIM_BUSY_TIMEOUT_MS=300 "$CRMSIM" --db "$DB" play bank-card --seed 8 --student tty5 7>&-
wait_for '^王先生：.' "the customer's opening line never appeared with the database locked"
wait_exit
[ "$PANE_RC" = 1 ] || fail "crmsim exited with status $PANE_RC when the session could not be stored, expected 1"
wait_text "正忙" "no message saying the database is busy (screen ends: $(_last_lines 4))"
screen_text | grep -q '成绩单' && fail "a score card was shown for a session that was never stored"
echo "ROLLBACK;" >&7
exec 7>&-
wait "$holder"
[ "$(sql "$DB" "select count(*) from sessions where student = 'tty5'")" = 0 ] ||
    fail "a session was stored although its commit failed"
[ "$(sql "$DB" "select count(*) from sessions")" = 1 ] || fail "the first session was changed"

# 3. A lexicon file is missing: read after the opening is shown, so play
# stops there, names the file, fails and stores nothing.
tm kill-server
H=$TMP/home-nolex
mkdir -p "$H"
cp -r "$DATA_HOME/scenarios" "$DATA_HOME/course" "$DATA_HOME/grading" "$H/"
[ -d "$DATA_HOME/locale" ] && cp -r "$DATA_HOME/locale" "$H/"
rm "$H/grading/lexicons/steps.lua"
tmux_start env CRMSIM_HOME="$H" "$CRMSIM" --db "$TMP/nolex.db" play bank-card --seed 9 --student tty6
wait_for '^王先生：.' "the customer's opening line never appeared without steps.lua"
wait_exit
[ "$PANE_RC" = 1 ] || fail "crmsim exited with status $PANE_RC without steps.lua, expected 1"
wait_text "steps.lua" "no message naming the missing steps.lua (screen ends: $(_last_lines 4))"
screen_text | grep -q '成绩单' && fail "a score card was shown without a lexicon"
[ "$(sql "$TMP/nolex.db" "select count(*) from sessions" 2>/dev/null || echo 0)" = 0 ] ||
    fail "a session was stored although the lexicons could not be read"

exit 0
