#!/usr/bin/env bash
# t040-pg-parity: everything that works on SQLite works the same on
# PostgreSQL. One coursework workflow runs once against an SQLite file and
# once against a fresh PostgreSQL database (--db postgresql://… for most
# steps, CRMSIM_DB for some): roster import; practice plays with fixed seeds
# and scripted replies (terminal and --json); exam plays with an attempt
# refused and a student not on the roster refused; a session killed with
# SIGKILL after two turns, then `play --resume`; db info, history, replay;
# submit from the class database and from a student's own machine, then
# grade the submissions into the class database (a resubmission refused as
# a duplicate); regrade --all, with the same and with changed lexicons
# (--dry-run first); report in the terminal, as CSV (three tables), JSON and
# with --practice/--class; export --format moodle, canvas and csv.
# Every command's exit status, stdout and stderr must be identical on both
# backends after normalising only what must differ: timestamps and the
# database's location. The diff is shown on failure.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
pg_newdb

export CRMSIM_EXAM_KEY=t040-parity-key
cat >"$TMP/class.csv" <<'EOF'
学号,姓名,班级
s001,张三,营销1班
s002,"Able, Anne",营销1班
s003,王五,营销2班
s004,赵六,营销2班
s005,钱七,营销2班
EOF
printf '查不到，你去柜台问\n/quit\ny\n' >"$TMP/bad"
printf '%s\n' '您好，请问有什么可以帮您？' '非常抱歉给您添麻烦了。' '我马上帮您查一下这张卡的情况。' '请问您的卡号后四位是多少？' >"$TMP/all"
tail -n 2 "$TMP/all" >"$TMP/rest"

# Lexicons with the bare-查不到 pattern removed (as t014), for regrade.
H=$TMP/home2
mkdir -p "$H/grading"
ln -s "$ROOT/scenarios" "$ROOT/course" "$H/"
[ -e "$ROOT/locale" ] && ln -s "$ROOT/locale" "$H/"
cp -r "$ROOT/grading/lexicons" "$H/grading/"
sed -i -e '/"\^ 查不到|查不出|查不着|找不到 啊|呀|的|呢|哦|耶? \$",/d' \
       -e '/"查不到。肯定是没注册上",/d' -e '/"查不到啊，你在哪办的？",/d' "$H/grading/lexicons/forbidden.lua"
cmp -s "$H/grading/lexicons/forbidden.lua" "$ROOT/grading/lexicons/forbidden.lua" &&
    fail "setup: the changed lexicon is the same as the original"

# s005 takes the exam on a machine of its own (SQLite) and submits.
run "$CRMSIM" --db "$TMP/s005.db" roster import "$TMP/class.csv"
[ "$RC" -eq 0 ] || fail "setup: roster on s005's machine: $(first "$ERR")"
run_in tests/play/hotel-vip-good.txt "$CRMSIM" --db "$TMP/s005.db" play --exam --student s005 hotel-vip
[ "$RC" -eq 0 ] || fail "setup: s005's exam: $(first "$ERR")"
run "$CRMSIM" --db "$TMP/s005.db" submit --student s005 --out "$TMP/s005.json"
[ "$RC" -eq 0 ] || fail "setup: s005's submit: $(first "$ERR")"

# Replaces what must differ between the two runs by fixed words: the
# database's location and kind (db info also names the PostgreSQL role,
# an SQLite file has none) and the times.
normalise() { # FILE DB
    sed -E -e "s|$2|<DB>|g" \
        -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?Z?/<TIME>/g' \
        -e 's/^(数据库：<DB>)（(SQLite|PostgreSQL)）$/\1（<BACKEND>）/' \
        -e '/^角色：crmsim_admin（/d' "$1"
}

# step NAME INPUT CMD… : runs CMD (stdin from INPUT) and appends its exit
# status and normalised stdout and stderr to the run's transcript.
step() {
    local name=$1 in=$2
    shift 2
    run_in "$in" "$@"
    no_crash "$WHICH: $name"
    {
        echo "== $name: exit $RC"
        normalise "$OUT" "$DBN"
        echo "-- stderr"
        normalise "$ERR" "$DBN"
    } >>"$T"
}

# file NAME FILE : appends a file the previous step wrote, normalised.
file() {
    { echo "== file $1"; normalise "$2" "$DBN"; } >>"$T"
}

# Plays the first two replies of $TMP/all, waits (bounded) until both
# answers are shown, then kills crmsim with SIGKILL.
interrupted() { # STUDENT
    local fifo=$TMP/fifo.$WHICH pid i
    mkfifo "$fifo"
    "$CRMSIM" --db "$DBN" play bank-card --seed 5 --student "$1" <"$fifo" >"$TMP/k.out" 2>&1 &
    pid=$!
    exec 8>"$fifo"
    head -n 2 "$TMP/all" >&8
    for i in $(seq 200); do
        [ "$(grep -c '^王先生：' "$TMP/k.out")" -ge 3 ] && break
        sleep 0.05
    done
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null
    exec 8>&-
    rm -f "$fifo"
    [ "$(grep -c '^王先生：' "$TMP/k.out")" -ge 3 ] ||
        fail "$WHICH: setup: the two turns were not shown: $(head -c 300 "$TMP/k.out")"
}

workflow() { # WHICH DB
    WHICH=$1 DBN=$2 T=$TMP/$1.transcript
    local D=(--db "$DBN") o=$TMP/out
    rm -rf "$o"
    mkdir -p "$o"
    : >"$T"
    step "roster import" /dev/null "$CRMSIM" "${D[@]}" roster import "$TMP/class.csv"
    step "roster list" /dev/null "$CRMSIM" "${D[@]}" roster list
    # Practice, fixed seeds and scripted replies.
    step "practice s001 bank-card good" tests/play/bank-card-good.txt "$CRMSIM" "${D[@]}" play bank-card --seed 42 --student s001
    step "practice s002 bank-card mixed" tests/play/bank-card-mixed.txt "$CRMSIM" "${D[@]}" play bank-card --seed 7 --student s002
    step "practice s003 hotel-vip bad --json" tests/play/hotel-vip-bad.txt "$CRMSIM" "${D[@]}" play hotel-vip --seed 3 --student s003 --json
    step "practice s099 aircon-repeat mixed --json" tests/play/aircon-repeat-mixed.txt "$CRMSIM" "${D[@]}" play aircon-repeat --seed 11 --student s099 --json
    CRMSIM_DB=$DBN step "practice s001 aircon-repeat good (CRMSIM_DB)" tests/play/aircon-repeat-good.txt "$CRMSIM" play aircon-repeat --seed 9 --student s001
    # Exams: s002 twice (a third attempt refused), an outsider refused.
    step "exam s001 bank-card" tests/play/bank-card-good.txt "$CRMSIM" "${D[@]}" play --exam --student s001 bank-card
    step "exam s002 bank-card 1" "$TMP/bad" "$CRMSIM" "${D[@]}" play --exam --student s002 bank-card
    step "exam s002 bank-card 2" tests/play/bank-card-good.txt "$CRMSIM" "${D[@]}" play --exam --student s002 bank-card
    step "exam s002 bank-card 3 (refused)" tests/play/bank-card-good.txt "$CRMSIM" "${D[@]}" play --exam --student s002 bank-card
    step "exam s003 hotel-vip" tests/play/hotel-vip-mixed.txt "$CRMSIM" "${D[@]}" play --exam --student s003 hotel-vip
    step "exam s999 (not on the roster)" tests/play/bank-card-good.txt "$CRMSIM" "${D[@]}" play --exam --student s999 bank-card
    step "exam with --seed (usage)" tests/play/bank-card-good.txt "$CRMSIM" "${D[@]}" play --exam --student s003 --seed 5 bank-card
    # Killed after two turns, then resumed.
    interrupted s004
    step "db info (one open session)" /dev/null "$CRMSIM" "${D[@]}" db info
    step "history (open session)" /dev/null "$CRMSIM" "${D[@]}" history
    step "resume s004" "$TMP/rest" "$CRMSIM" "${D[@]}" play --resume --student s004
    step "resume again (nothing open)" "$TMP/rest" "$CRMSIM" "${D[@]}" play --resume --student s004
    # History and replay.
    step "history" /dev/null "$CRMSIM" "${D[@]}" history
    step "history --student s001" /dev/null "$CRMSIM" "${D[@]}" history --student s001
    step "history --limit 2" /dev/null "$CRMSIM" "${D[@]}" history --limit 2
    step "history --student nobody" /dev/null "$CRMSIM" "${D[@]}" history --student nobody
    local n
    for n in 1 2 3 4 5 6 7 8 9 10 11 99; do
        step "replay $n" /dev/null "$CRMSIM" "${D[@]}" replay $n
    done
    step "course --student s001" /dev/null "$CRMSIM" "${D[@]}" course --student s001
    # Submissions: from the class database and from s005's machine.
    step "submit s002" /dev/null "$CRMSIM" "${D[@]}" submit --student s002 --out "$o/s002.json"
    python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1])), open(sys.argv[2], "w"), ensure_ascii=False, indent=1, sort_keys=True)' \
        "$o/s002.json" "$o/s002.pretty" || fail "$WHICH: s002's submission is not JSON"
    file "s002.json" "$o/s002.pretty"
    step "submit s004 (no exam)" /dev/null "$CRMSIM" "${D[@]}" submit --student s004 --out "$o/s004.json"
    step "grade s005" /dev/null "$CRMSIM" "${D[@]}" grade "$TMP/s005.json"
    step "grade s005 again (duplicate)" /dev/null "$CRMSIM" "${D[@]}" grade "$TMP/s005.json"
    step "history after grading" /dev/null "$CRMSIM" "${D[@]}" history --student s005
    # A session played after a refused insert gets the next number.
    step "practice s005 after grading" tests/play/bank-card-bad.txt "$CRMSIM" "${D[@]}" play bank-card --seed 8 --student s005
    # Regrade: same lexicons (nothing changes), then changed ones.
    step "regrade --all" /dev/null "$CRMSIM" "${D[@]}" regrade --all
    CRMSIM_HOME=$H step "regrade --all --dry-run (changed lexicons)" /dev/null "$CRMSIM" "${D[@]}" regrade --all --dry-run
    CRMSIM_HOME=$H step "regrade 7 (changed lexicons)" /dev/null "$CRMSIM" "${D[@]}" regrade 7
    CRMSIM_HOME=$H step "regrade --all (changed lexicons)" /dev/null "$CRMSIM" "${D[@]}" regrade --all
    step "regrade 99 (no such session)" /dev/null "$CRMSIM" "${D[@]}" regrade 99
    step "history after regrade" /dev/null "$CRMSIM" "${D[@]}" history
    step "replay 9 after regrade" /dev/null "$CRMSIM" "${D[@]}" replay 9
    # Reports and exports.
    step "report" /dev/null "$CRMSIM" "${D[@]}" report
    step "report --practice" /dev/null "$CRMSIM" "${D[@]}" report --practice
    step "report --class 营销2班" /dev/null "$CRMSIM" "${D[@]}" report --class 营销2班
    step "report --scenario bank-card --practice" /dev/null "$CRMSIM" "${D[@]}" report --scenario bank-card --practice
    step "report --csv" /dev/null "$CRMSIM" "${D[@]}" report --csv
    step "report --csv --table phrases" /dev/null "$CRMSIM" "${D[@]}" report --csv --table phrases --practice
    step "report --csv --table steps" /dev/null "$CRMSIM" "${D[@]}" report --csv --table steps
    step "report --json" /dev/null "$CRMSIM" "${D[@]}" report --json --practice
    step "export --format moodle" /dev/null "$CRMSIM" "${D[@]}" export --format moodle
    step "export --format csv --practice" /dev/null "$CRMSIM" "${D[@]}" export --format csv --practice
    step "export --format canvas --out" /dev/null "$CRMSIM" "${D[@]}" export --format canvas --bom --out "$o/canvas.csv"
    file "canvas.csv" "$o/canvas.csv"
    step "db info" /dev/null "$CRMSIM" "${D[@]}" db info
}

workflow sqlite "$TMP/class.db"
workflow pg "$PGURL"

diff -u "$TMP/sqlite.transcript" "$TMP/pg.transcript" >"$TMP/diff" ||
    fail "SQLite and PostgreSQL differ (- SQLite, + PostgreSQL):
$(head -n 80 "$TMP/diff")"

# The transcripts must hold what the workflow is about, not just agree:
# exactly these steps fail, every other one succeeds.
T=$TMP/pg.transcript
cat >"$TMP/want-failed" <<'EOF'
== exam s002 bank-card 3 (refused): exit 1
== exam s999 (not on the roster): exit 1
== exam with --seed (usage): exit 2
== resume again (nothing open): exit 1
== replay 11: exit 1
== replay 99: exit 1
== grade s005 again (duplicate): exit 1
== regrade 99 (no such session): exit 1
EOF
grep -E '^== .*: exit [0-9]+$' "$T" | grep -v ': exit 0$' | diff - "$TMP/want-failed" >"$TMP/d2" ||
    fail "unexpected exit statuses (- got, + expected):
$(cat "$TMP/d2")"
ok=$(grep -c ': exit 0$' "$T")
[ "$ok" -ge 50 ] || fail "only $ok steps succeeded"
section() { # STEP: the transcript of one step
    awk -v s="== $1: " 'index($0, s) == 1 { on = 1; next } /^== / { on = 0 } on' "$T"
}
section "db info (one open session)" | grep -q '（进行中 1）' || fail "the killed session is not open"
section "resume s004" | grep -q '继续第 10 号会话（已有 2 轮）' || fail "resume did not continue session 10 with 2 turns"
section "history" | grep -Eq '^10 +<TIME> s004 +bank-card +abandoned +[0-9]+ +4$' ||
    fail "the resumed session does not have 4 turns in history"
section "regrade 7 (changed lexicons)" | grep -Eq '\(\+[0-9.]+\)' || fail "changed lexicons changed no score"
section "history after grading" | grep -Eq '^11 +<TIME> s005 +hotel-vip +resolved' || fail "the graded submission is not session 11"
section "export --format moodle" | grep -q '^First name,Last name,ID number,bank-card,hotel-vip,' || fail "no Moodle header"
section "report --csv" | grep -q '^student,name,class,enrolled,scenario,' || fail "no CSV scores header"
section "report --json" | sed '/^-- stderr$/,$d' | python3 -c 'import json,sys; json.load(sys.stdin)' ||
    fail "report --json is not JSON"
echo "t040: $(grep -c '^== ' "$T") steps ($ok succeeded), SQLite and PostgreSQL agree"
exit 0
