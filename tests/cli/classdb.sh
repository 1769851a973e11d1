# tests/cli/classdb.sh - builds a small class in $DB for the report and
# export tests (sourced after lib.sh, never run): a roster of five imported
# with `crmsim roster import` (one id with a leading zero, names with a
# comma and with quotes), exam sessions played with `crmsim play --exam`
# from scripted replies, practice sessions that only count with
# --practice, and a student who is not on the roster. Every exam script
# says 不归我管 in its first reply except good.txt, so the forbidden entry
# not-in-charge occurs exactly three times in the exam sessions, and the
# very first session's reply carries <script>alert(1)</script>.
#   s002  bank-card (bad)  hotel-vip (good)
#   s001  bank-card (mid)  bank-card (good)      + practice bank-card (bad)
#   007   hotel-vip (bad)
#   s004, s005             no session
#   s099  not on the roster: practice bank-card (mid)
# Sets CLASS_PLAYED to the number of sessions played.

export CRMSIM_EXAM_KEY=classdb-test-key
DB=$TMP/class.db
cat >"$TMP/roster.csv" <<'EOF'
学号,姓名,班级
s001,张三,营销1班
s002,李四,营销1班
007,"Able, Anne",营销2班
s004,王五,营销2班
s005,"O'Brien ""Pat""",营销2班
EOF
printf '<script>alert(1)</script>这不归我管\n你自己没说清楚\n/quit\ny\n' >"$TMP/bad.txt"
printf '这不归我管，您问问柜台吧\n非常抱歉，我理解您的心情\n/quit\ny\n' >"$TMP/mid.txt"
printf '非常抱歉让您白跑一趟，我理解您的心情。请问您是在哪个网点办的，是哪张卡？\n我马上帮您联系网点核实，由我来跟进。您这个手机号能联系到您吗？\n我今天下午五点前给您回电话，告诉您结果。谢谢您的耐心。\n' >"$TMP/good.txt"

run "$CRMSIM" --db "$DB" roster import "$TMP/roster.csv"
[ "$RC" -eq 0 ] || fail "roster import: $(first "$ERR")"

CLASS_PLAYED=0
# play SCRIPT STUDENT SCENARIO [--exam]
class_play() {
    run_in "$TMP/$1" "$CRMSIM" --db "$DB" play "$3" --student "$2" "${@:4}"
    no_crash "play $*"
    [ "$RC" -eq 0 ] || fail "play $*: exit $RC: $(first "$ERR")"
    CLASS_PLAYED=$((CLASS_PLAYED + 1))
}
class_play bad.txt s002 bank-card --exam
class_play mid.txt s001 bank-card --exam
class_play good.txt s001 bank-card --exam
class_play good.txt s002 hotel-vip --exam
class_play bad.txt 007 hotel-vip --exam
class_play bad.txt s001 bank-card --seed 11
class_play mid.txt s099 bank-card --seed 12
[ "$(sql "$DB" "select count(*) from sessions where ended is not null")" -eq "$CLASS_PLAYED" ] ||
    fail "the class database does not hold the $CLASS_PLAYED ended sessions played"
[ "$(sql "$DB" "select count(*) from sessions where mode = 'exam'")" -eq 5 ] ||
    fail "play --exam did not store five exam sessions"
