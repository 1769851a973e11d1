# tests/console/lib-tmux.sh - drive crmsim in a real terminal through a private
# tmux server (sourced after tests/cli/lib.sh, never run).
#   tmux_start CMD...    run CMD in a 120x40 pane (LANG=C.UTF-8, NO_COLOR=1,
#                        the test's HOME/XDG_DATA_HOME); the pane stays
#                        after CMD exits so its last screen can be read
#   keys ARGS...         tmux send-keys to the pane (key names: Enter, C-c…)
#   send_text TEXT       send TEXT literally (send-keys -l)
#   screen_text          the pane's text, scrollback included, wrapped
#                        lines joined
#   input_line           the last non-empty line on screen (prompt + input)
#   wait_for ERE WHAT    poll the screen up to 5 s for ERE; fail "WHAT" if
#                        it never appears
#   wait_text STR WHAT   same for a fixed string
#   wait_count ERE N WHAT  poll until at least N screen lines match ERE
#   wait_input ERE WHAT  poll up to 5 s until input_line matches ERE
#   wait_exit            poll up to 5 s for CMD to exit; sets $PANE_RC to
#                        its exit status (128+N if killed by signal N)
#   wait_sql DB SQL VALUE WHAT   poll up to 5 s until the query prints VALUE

command -v tmux >/dev/null || fail "tmux is not installed"
SOCK=$TMP/tmux.sock
TRIES=50 # 50 x 0.1 s

tm() { tmux -S "$SOCK" "$@"; }

tmux_start() {
    printf 'set -g remain-on-exit on\nset -g status off\nset -g history-limit 10000\n' >"$TMP/tmux.conf"
    # tmux's own pane_dead_status is not reliable here (sometimes never set),
    # so a wrapper shell records the exit status in $TMP/pane.rc. It
    # traps SIGINT (the terminal sends Ctrl-C to it too) so that only
    # crmsim reacts to Ctrl-C; the trap is reset for crmsim by exec.
    local arg q=""
    for arg in "$TMP/pane.rc" env -u LC_ALL -u LC_CTYPE -u LC_MESSAGES LANG=C.UTF-8 NO_COLOR=1 \
        HOME="$HOME" XDG_DATA_HOME="$XDG_DATA_HOME" "$@"; do
        q="$q $(printf '%q' "$arg")"
    done
    rm -f "$TMP/pane.rc"
    on_exit "tmux -S '$SOCK' kill-server"
    tm -f "$TMP/tmux.conf" new-session -d -s crm -x 120 -y 40 \
        "exec bash -c 'trap : INT; \"\$@\"; echo \$? >\"\$0.tmp\" && mv \"\$0.tmp\" \"\$0\"'$q" ||
        fail "cannot start tmux"
}

keys() { tm send-keys -t crm "$@"; }
send_text() { tm send-keys -t crm -l -- "$1"; }
screen_text() { tm capture-pane -p -J -t crm -S - -E -; }
input_line() { tm capture-pane -p -t crm | sed -e 's/[[:space:]]*$//' | awk 'NF { l = $0 } END { print l }'; }

_last_lines() { screen_text | sed -e 's/[[:space:]]*$//' | awk 'NF' | tail -n "${1:-3}" | tr '\n' '|'; }

wait_for() {
    local i
    for ((i = 0; i < TRIES; i++)); do
        screen_text | grep -Eq -- "$1" && return 0
        sleep 0.1
    done
    fail "$2 (waited 5 s for /$1/; screen ends: $(_last_lines 4))"
}

wait_text() {
    local i
    for ((i = 0; i < TRIES; i++)); do
        screen_text | grep -Fq -- "$1" && return 0
        sleep 0.1
    done
    fail "$2 (waited 5 s for '$1'; screen ends: $(_last_lines 4))"
}

wait_count() {
    local i
    for ((i = 0; i < TRIES; i++)); do
        [ "$(screen_text | grep -Ec -- "$1")" -ge "$2" ] && return 0
        sleep 0.1
    done
    fail "$3 (waited 5 s for $2 lines /$1/; screen ends: $(_last_lines 4))"
}

wait_input() {
    local i
    for ((i = 0; i < TRIES; i++)); do
        input_line | grep -Eq -- "$1" && return 0
        sleep 0.1
    done
    fail "$2 (waited 5 s; input line is: '$(input_line)')"
}

wait_exit() {
    local i
    for ((i = 0; i < TRIES; i++)); do
        if [ -s "$TMP/pane.rc" ]; then
            # shellcheck disable=SC2034 # read by the scripts
            PANE_RC=$(cat "$TMP/pane.rc")
            return 0
        fi
        sleep 0.1
    done
    fail "crmsim did not exit (screen ends: $(_last_lines 4))"
}

wait_sql() {
    local i v
    for ((i = 0; i < TRIES; i++)); do
        v=$(sql "$1" "$2" 2>/dev/null)
        [ "$v" = "$3" ] && return 0
        sleep 0.1
    done
    fail "$4 (query '$2' gives '$v', expected '$3')"
}

# mood_label N: the label crmsim shows for mood N (sess_mood_label).
mood_label() {
    if [ "$1" -lt 20 ]; then echo 暴怒
    elif [ "$1" -lt 40 ]; then echo 生气
    elif [ "$1" -lt 60 ]; then echo 不满
    elif [ "$1" -lt 80 ]; then echo 平静
    else echo 满意
    fi
}
