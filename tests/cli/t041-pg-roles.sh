#!/usr/bin/env bash
# t041-pg-roles: the security of a shared PostgreSQL server, as set up by
# `crmsim db init-roles`:
#   - init-roles creates the group roles, an instructor login role and one
#     login role per roster student; --passwords FILE is mode 0600 with a
#     header and one line per new student whose password is the one the
#     server stores (checked against its SCRAM verifier); a second run is
#     idempotent (no new student, passwords kept); a student added to the
#     roster later gets a role on the next run; a non-owner, non-superuser
#     role (and a student's) running it gets a clear message; --passwords
#     without --students and an SQLite file are refused
#   - a student's role CAN play (as itself), take an exam, be killed and
#     `play --resume`, see its own history and replay its own sessions
#   - through crmsim a student's role cannot: play --student <other>,
#     resume or replay another's session, see another's history, grade,
#     regrade, report, export, import a roster, copy the database (exit 1,
#     the role named, the instructor named)
#   - through direct SQL (psql as the student's role) it cannot read
#     another's sessions, turns, scores or student row (nothing returned),
#     insert a session for another student, an ended or scored or submitted
#     session, or an enrolled student row, add a turn to another's session
#     or to its own ended one, add a score to its own ended session, update
#     or delete turns, scores, sessions, students, scenarios (an UPDATE of
#     its own ended session affects 0 rows), truncate, or turn off
#     row-level security; after all of it the stored data is byte for byte
#     unchanged
#   - the instructor's role grades, regrades, reports and exports, and sees
#     every student
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
pg_newdb

export CRMSIM_EXAM_KEY=t041-roles-key
P=$PGROLES                    # every role this test creates starts with it
S1=${P}s001 S2=${P}s002 S3=${P}s003 S4=${P}s004 TEACH=${P}teach OTHER=${P}other
U1=$(pg_url "$S1") U2=$(pg_url "$S2") U3=$(pg_url "$S3") UT=$(pg_url "$TEACH")
cat >"$TMP/class.csv" <<EOF
学号,姓名,班级
$S1,张三,营销1班
$S2,"Able, Anne",营销1班
$S3,王五,营销2班
EOF
cp "$TMP/class.csv" "$TMP/class4.csv"
echo "$S4,赵六,营销2班" >>"$TMP/class4.csv"

# As the superuser: NAME VALUE (one line of output expected)
super_is() { # WHAT SQL WANT
    psql_as "$PGSUPER" "$2"
    [ "$RC" -eq 0 ] || fail "$1: psql as $PGSUPER failed: $(first "$ERR")"
    [ "$(cat "$OUT")" = "$3" ] || fail "$1: expected '$3', got '$(head -c 300 "$OUT")'"
}
# Everything stored, one line per row, for before/after comparisons.
snapshot() {
    psql_as "$PGSUPER" "SELECT t, r FROM (
        SELECT 'students' t, s::text r FROM students s UNION ALL
        SELECT 'scenarios', s::text FROM scenarios s UNION ALL
        SELECT 'sessions', s::text FROM sessions s UNION ALL
        SELECT 'turns', s::text FROM turns s UNION ALL
        SELECT 'scores', s::text FROM scores s UNION ALL
        SELECT 'schema', s::text FROM crmsim_schema s) x ORDER BY t, r"
    [ "$RC" -eq 0 ] || fail "snapshot: $(first "$ERR")"
    cat "$OUT"
}
# Refused through crmsim: exit 1, the role and the instructor named.
refused_instructor() { # WHAT
    no_crash "$1"
    [ "$RC" -eq 1 ] || fail "$1 as a student: exit $RC, expected 1: $(first "$OUT") $(first "$ERR")"
    grep -qF "$S1" "$ERR" || fail "$1 as a student: the role '$S1' is not named: $(first "$ERR")"
    grep -Eq 'instructor|教师' "$ERR" || fail "$1 as a student: the instructor is not named: $(first "$ERR")"
}

# --- setup as the owner (the superuser): schema and roster -------------
run "$CRMSIM" --db "$PGURL" roster import "$TMP/class.csv"
[ "$RC" -eq 0 ] || fail "roster import: $(first "$ERR")"

# --- init-roles --------------------------------------------------------
run "$CRMSIM" --db "$PGURL" db init-roles --passwords "$TMP/x.csv"
[ "$RC" -eq 2 ] || fail "--passwords without --students: exit $RC, expected 2"
[ ! -e "$TMP/x.csv" ] || fail "--passwords without --students wrote a file"
run "$CRMSIM" --db "$TMP/local.db" db init-roles --instructor "$TEACH"
[ "$RC" -eq 1 ] && grep -q 'PostgreSQL' "$ERR" || fail "init-roles on SQLite: exit $RC: $(first "$ERR")"

# A role that neither owns the tables nor is a superuser.
psql_as "$PGSUPER" "CREATE ROLE $OTHER LOGIN"
[ "$RC" -eq 0 ] || fail "setup: create $OTHER: $(first "$ERR")"
run "$CRMSIM" --db "$(pg_url "$OTHER")" db init-roles --instructor "$TEACH" --students
no_crash "init-roles as a non-owner"
[ "$RC" -eq 1 ] || fail "init-roles as a non-owner: exit $RC, expected 1: $(first "$OUT")"
grep -qF "$OTHER" "$ERR" || grep -Eq 'owner|属主' "$ERR" ||
    fail "init-roles as a non-owner: no clear message: $(first "$ERR")"
grep -Eq 'owner|属主|所有者' "$ERR" || fail "init-roles as a non-owner: the owner is not named: $(first "$ERR")"
super_is "a non-owner's init-roles created roles" \
    "SELECT count(*) FROM pg_roles WHERE rolname LIKE '${P}%'" 1

run "$CRMSIM" --db "$PGURL" db init-roles --instructor "$TEACH" --students --passwords "$TMP/pw.csv"
[ "$RC" -eq 0 ] || fail "init-roles: exit $RC: $(first "$ERR")"
grep -Eq '(学生角色新建|new student roles?:?) *3' "$OUT" || grep -q '3' "$OUT" || fail "init-roles: no count of 3 new students: $(cat "$OUT")"
[ "$(stat -c %a "$TMP/pw.csv")" = 600 ] || fail "the passwords file is mode $(stat -c %a "$TMP/pw.csv"), expected 600"
[ ! -e "$TMP/pw.csv.tmp" ] || fail "the temporary passwords file was left behind"
python3 - "$TMP/pw.csv" "$S1" "$S2" "$S3" >"$TMP/pw.lines" <<'PY' || fail "passwords file: $(cat "$TMP/pw.lines")"
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
assert len(rows) == 4, "expected a header and 3 students, got %d rows" % len(rows)
assert len(rows[0]) == 4, rows[0]
want = {sys.argv[2]: ("张三", "营销1班"), sys.argv[3]: ("Able, Anne", "营销1班"),
        sys.argv[4]: ("王五", "营销2班")}
seen = set()
for r in rows[1:]:
    assert len(r) == 4, r
    assert r[0] in want and r[0] not in seen, r
    seen.add(r[0])
    assert (r[1], r[2]) == want[r[0]], r
    assert re.fullmatch(r"[a-km-zA-HJ-NP-Z2-9]{16}", r[3]), "weak or odd password %r" % r[3]
    print(r[0], r[3])
assert len({r[3] for r in rows[1:]}) == 3, "passwords repeat"
PY
# The server stores a SCRAM verifier; the password in the file must be the
# one it accepts (the test server trusts loopback, so check the verifier).
scram_ok() { # ROLE PASSWORD
    psql_as "$PGSUPER" "SELECT rolpassword FROM pg_authid WHERE rolname = '$1'"
    python3 - "$(cat "$OUT")" "$2" <<'PY'
import base64, hashlib, hmac, sys
v, pw = sys.argv[1], sys.argv[2]
mech, rest = v.split("$", 1)
assert mech == "SCRAM-SHA-256", mech
it_salt, keys = rest.split("$")
it, salt = it_salt.split(":")
stored, server = keys.split(":")
salted = hashlib.pbkdf2_hmac("sha256", pw.encode(), base64.b64decode(salt), int(it))
client_key = hmac.new(salted, b"Client Key", "sha256").digest()
ok = hashlib.sha256(client_key).digest() == base64.b64decode(stored) and \
     hmac.new(salted, b"Server Key", "sha256").digest() == base64.b64decode(server)
sys.exit(0 if ok else 1)
PY
}
while read -r role pw; do
    scram_ok "$role" "$pw" || fail "the password in the file for $role is not the one the server stores"
    scram_ok "$role" "${pw}x" && fail "the SCRAM check accepts a wrong password for $role"
done <"$TMP/pw.lines"
verifiers() { psql_as "$PGSUPER" "SELECT rolname || ' ' || rolpassword FROM pg_authid WHERE rolname LIKE '${P}%' ORDER BY 1"; cat "$OUT"; }
verifiers >"$TMP/verifiers.1"
super_is "student login roles" \
    "SELECT string_agg(r.rolname, ',' ORDER BY r.rolname) FROM pg_roles r WHERE r.rolname LIKE '${P}s%' AND r.rolcanlogin AND pg_has_role(r.oid, 'crmsim_student', 'MEMBER') AND NOT r.rolsuper" \
    "$S1,$S2,$S3"
super_is "instructor role" \
    "SELECT rolcanlogin AND pg_has_role('$TEACH', 'crmsim_instructor', 'MEMBER') AND NOT pg_has_role('$TEACH', 'crmsim_student', 'MEMBER') FROM pg_roles WHERE rolname = '$TEACH'" t
super_is "row-level security on every table" \
    "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relrowsecurity AND relname IN ('students','scenarios','sessions','turns','scores')" \
    "scenarios,scores,sessions,students,turns"

# Again: idempotent, no new student, passwords kept.
run "$CRMSIM" --db "$PGURL" db init-roles --instructor "$TEACH" --students --passwords "$TMP/pw2.csv"
[ "$RC" -eq 0 ] || fail "second init-roles: exit $RC: $(first "$ERR")"
[ "$(wc -l <"$TMP/pw2.csv")" = 1 ] || fail "second init-roles wrote passwords: $(cat "$TMP/pw2.csv")"
verifiers | cmp -s - "$TMP/verifiers.1" || fail "second init-roles changed roles or passwords"
# A student added to the roster later gets a role on the next run.
run "$CRMSIM" --db "$PGURL" roster import "$TMP/class4.csv"
run "$CRMSIM" --db "$PGURL" db init-roles --students
[ "$RC" -eq 0 ] || fail "third init-roles: exit $RC: $(first "$ERR")"
super_is "the late student's role" \
    "SELECT count(*) FROM pg_roles WHERE rolname LIKE '${P}s%'" 4
# Neither can the instructor's role (not the owner) nor a student's.
for who in "$TEACH" "$S1"; do
    run "$CRMSIM" --db "$(pg_url "$who")" db init-roles --students --instructor "${P}teach2"
    no_crash "init-roles as $who"
    [ "$RC" -eq 1 ] || fail "init-roles as $who: exit $RC, expected 1"
    grep -Eq 'owner|属主|所有者' "$ERR" || fail "init-roles as $who: the owner is not named: $(first "$ERR")"
done
super_is "a refused init-roles created a role" "SELECT count(*) FROM pg_roles WHERE rolname = '${P}teach2'" 0

# --- what a student's role can do --------------------------------------
run_in tests/play/bank-card-good.txt "$CRMSIM" --db "$U1" play bank-card --seed 42
no_crash "student plays"
[ "$RC" -eq 0 ] || fail "student $S1 cannot play: $(first "$ERR")"
run_in tests/play/bank-card-bad.txt "$CRMSIM" --db "$U2" play bank-card --seed 7 --student "$S2"
[ "$RC" -eq 0 ] || fail "student $S2 cannot play with --student itself: $(first "$ERR")"
CRMSIM_DB=$U2 run_in tests/play/hotel-vip-mixed.txt "$CRMSIM" play hotel-vip --seed 3
[ "$RC" -eq 0 ] || fail "student $S2 cannot play through CRMSIM_DB: $(first "$ERR")"
run_in tests/play/hotel-vip-good.txt "$CRMSIM" --db "$U3" play --exam --student "$S3" hotel-vip
[ "$RC" -eq 0 ] || fail "student $S3 cannot take an exam: $(first "$ERR")"
super_is "sessions are their players'" \
    "SELECT string_agg(id || ':' || student || ':' || mode, ',' ORDER BY id) FROM sessions WHERE ended IS NOT NULL" \
    "1:$S1:practice,2:$S2:practice,3:$S2:practice,4:$S3:exam"
# Killed after two turns, resumed by the student's role.
printf '%s\n' '您好，请问有什么可以帮您？' '非常抱歉给您添麻烦了。' '我马上帮您查一下这张卡的情况。' '请问您的卡号后四位是多少？' >"$TMP/all"
tail -n 2 "$TMP/all" >"$TMP/rest"
mkfifo "$TMP/fifo"
"$CRMSIM" --db "$U1" play bank-card --seed 5 <"$TMP/fifo" >"$TMP/k.out" 2>&1 &
pid=$!
exec 8>"$TMP/fifo"
head -n 2 "$TMP/all" >&8
for i in $(seq 200); do
    [ "$(grep -c '^王先生：' "$TMP/k.out")" -ge 3 ] && break
    sleep 0.05
done
kill -KILL "$pid"
wait "$pid" 2>/dev/null
exec 8>&-
super_is "the killed session" \
    "SELECT student || ' ' || (ended IS NULL)::int || ' ' || (SELECT count(*) FROM turns WHERE session = 5 AND n > 0) FROM sessions WHERE id = 5" \
    "$S1 1 2"
# Another student cannot resume it, by id or by name.
run_in "$TMP/rest" "$CRMSIM" --db "$U2" play --resume 5
no_crash "resume another's session"
[ "$RC" -eq 1 ] || fail "$S2 resumed $S1's session 5: exit $RC"
run_in "$TMP/rest" "$CRMSIM" --db "$U2" play --resume --student "$S1"
[ "$RC" -eq 1 ] || fail "$S2 resumed $S1's open session by name: exit $RC"
run_in "$TMP/rest" "$CRMSIM" --db "$U1" play --resume
no_crash "student resumes"
[ "$RC" -eq 0 ] || fail "$S1 cannot resume its session: $(first "$ERR")"
grep -q '5' "$OUT" || fail "resume does not name session 5: $(head -c 300 "$OUT")"
super_is "the resumed session" \
    "SELECT (ended IS NOT NULL)::int || ' ' || (SELECT count(*) FROM turns WHERE session = 5 AND n > 0) FROM sessions WHERE id = 5" \
    "1 4"
# Its own history and replays; nobody else's.
run "$CRMSIM" --db "$U1" history
[ "$RC" -eq 0 ] || fail "$S1's history: exit $RC: $(first "$ERR")"
[ "$(grep -Ec "^[0-9]+ .* $S1 " "$OUT")" = 2 ] || fail "$S1's history does not list its 2 sessions: $(cat "$OUT")"
grep -Eq "$S2|$S3" "$OUT" && fail "$S1's history shows other students: $(cat "$OUT")"
run "$CRMSIM" --db "$U1" history --student "$S2"
[ "$RC" -eq 0 ] || fail "history --student other: exit $RC"
grep -Eq '^[0-9]+ ' "$OUT" && fail "$S1 sees $S2's sessions: $(cat "$OUT")"
run "$CRMSIM" --db "$U1" replay 1
[ "$RC" -eq 0 ] && grep -q "$S1" "$OUT" || fail "$S1 cannot replay its session 1: exit $RC $(first "$ERR")"
run "$CRMSIM" --db "$U1" replay 5
[ "$RC" -eq 0 ] || fail "$S1 cannot replay its resumed session 5: exit $RC $(first "$ERR")"
for id in 2 3 4; do
    run "$CRMSIM" --db "$U1" replay $id
    no_crash "replay another's session"
    [ "$RC" -eq 1 ] || fail "$S1 replayed session $id of another student: exit $RC"
    grep -Eq "$S2|$S3" "$OUT" && fail "$S1's replay $id shows another student"
done
run "$CRMSIM" --db "$U1" db info
[ "$RC" -eq 0 ] && grep -qF "$S1" "$OUT" || fail "db info as a student: $(first "$ERR")"
grep -Eq '会话 2 个|2 sessions' "$OUT" || fail "db info as a student does not count only its 2 sessions: $(cat "$OUT")"

# --- refused through crmsim -------------------------------------------
before=$(snapshot)
run_in tests/play/bank-card-good.txt "$CRMSIM" --db "$U1" play bank-card --seed 1 --student "$S2"
no_crash "play --student other"
[ "$RC" -eq 1 ] && grep -qF "$S1" "$ERR" || fail "play --student $S2 as $S1: exit $RC: $(first "$ERR")"
CRMSIM_STUDENT=$S2 run_in tests/play/bank-card-good.txt "$CRMSIM" --db "$U1" play bank-card --seed 1
[ "$RC" -eq 1 ] || fail "CRMSIM_STUDENT=$S2 as $S1: exit $RC"
run_in tests/play/bank-card-good.txt "$CRMSIM" --db "$U1" play --exam --student "$S2" bank-card
[ "$RC" -eq 1 ] || fail "an exam as another student: exit $RC"
# A real submission (s003's exam on a machine of its own) for grade.
run "$CRMSIM" --db "$TMP/s3.db" roster import "$TMP/class.csv"
run_in tests/play/bank-card-good.txt "$CRMSIM" --db "$TMP/s3.db" play --exam --student "$S3" bank-card
[ "$RC" -eq 0 ] || fail "setup: $S3's exam at home: $(first "$ERR")"
run "$CRMSIM" --db "$TMP/s3.db" submit --student "$S3" --out "$TMP/s3.json"
[ "$RC" -eq 0 ] || fail "setup: $S3's submission: $(first "$ERR")"
run "$CRMSIM" --db "$U1" grade "$TMP/s3.json";            refused_instructor "grade"
run "$CRMSIM" --db "$U1" regrade --all;                   refused_instructor "regrade --all"
run "$CRMSIM" --db "$U1" regrade 1;                       refused_instructor "regrade of its own session"
run "$CRMSIM" --db "$U1" report;                          refused_instructor "report"
run "$CRMSIM" --db "$U1" report --json --practice;        refused_instructor "report --json"
run "$CRMSIM" --db "$U1" export --format moodle;          refused_instructor "export"
run "$CRMSIM" --db "$U1" export --out "$TMP/e.csv";       refused_instructor "export --out"
[ ! -e "$TMP/e.csv" ] || fail "a refused export wrote a file"
run "$CRMSIM" --db "$U1" roster import "$TMP/class4.csv"; refused_instructor "roster import"
run "$CRMSIM" db copy "$U1" "$TMP/copy.db";               refused_instructor "db copy from a student's role"
run "$CRMSIM" db copy "$TMP/s3.db" "$U1";                 refused_instructor "db copy to a student's role"
[ "$(snapshot)" = "$before" ] || fail "a refused crmsim command changed the database"

# --- refused through direct SQL as the student's role -----------------
sql_empty() { # WHAT SQL: succeeds and returns nothing (or a 0 count)
    psql_as "$S1" "$2"
    [ "$RC" -eq 0 ] || fail "$1: psql as $S1 failed: $(first "$ERR")"
    [ ! -s "$OUT" ] || [ "$(cat "$OUT")" = 0 ] || fail "$1: returned $(head -c 300 "$OUT")"
}
sql_refused() { # WHAT SQL: an error
    psql_as "$S1" "$2"
    [ "$RC" -ne 0 ] || fail "$1: accepted as $S1 ($(head -c 200 "$OUT"))"
    [ "$RC" -lt 124 ] || fail "$1: psql timed out"
    grep -Eqi 'permission denied|row-level security|must be owner|权限|行级安全|属主' "$ERR" ||
        fail "$1: not refused by the server's security: $(first "$ERR")"
}
psql_as "$PGSUPER" "SELECT score || ' ' || outcome || ' ' || (ended IS NOT NULL)::int FROM sessions WHERE id = 1"
score1=$(cat "$OUT")
sql_empty "read others' sessions" "SELECT id FROM sessions WHERE student <> current_user"
sql_empty "read session 2 by id" "SELECT id, score FROM sessions WHERE id IN (2, 3, 4)"
sql_empty "read others' turns" "SELECT count(*) FROM turns WHERE session IN (2, 3, 4)"
sql_empty "read others' scores" "SELECT count(*) FROM scores WHERE session IN (2, 3, 4)"
sql_empty "read others' student rows" "SELECT id, name FROM students WHERE id <> current_user"
psql_as "$S1" "SELECT count(*) FROM sessions"
[ "$(cat "$OUT")" = 2 ] || fail "$S1 sees $(cat "$OUT") sessions, expected its 2"
psql_as "$S1" "SELECT id, name, class, enrolled FROM students"
[ "$(cat "$OUT")" = "$S1|张三|营销1班|1" ] || fail "$S1's own student row: $(cat "$OUT")"
NEWSES="INSERT INTO sessions(student, scenario, scenario_hash, lexicon_hash, seed, mode, started"
FROM1="FROM sessions WHERE id = 1"
sql_refused "insert a session for another student" \
    "$NEWSES) SELECT '$S2', scenario, scenario_hash, 'x', 1, 'practice', 't' $FROM1"
sql_refused "insert an exam session for another student" \
    "$NEWSES) SELECT '$S2', scenario, scenario_hash, 'x', 1, 'exam', 't' $FROM1"
sql_refused "insert an ended session" \
    "$NEWSES, ended, outcome) SELECT student, scenario, scenario_hash, 'x', 1, 'practice', 't', 't', 'resolved' $FROM1"
sql_refused "insert a session with a score" \
    "$NEWSES, score) SELECT student, scenario, scenario_hash, 'x', 1, 'practice', 't', 100 $FROM1"
sql_refused "insert a graded submission" \
    "$NEWSES, submission) SELECT student, scenario, scenario_hash, 'x', 1, 'exam', 't', 'forged' $FROM1"
sql_refused "insert an enrolled student row" \
    "INSERT INTO students(id, enrolled) VALUES (current_user || 'x', 1)"
sql_refused "insert another student's row" \
    "INSERT INTO students(id) VALUES ('${P}s099')"
TURN="INSERT INTO turns(session, n, reply, customer, findings, state, created)"
sql_refused "add a turn to another's session" "$TURN VALUES (2, 99, 'r', 'c', '{}', '{}', 't')"
sql_refused "add a turn to another's exam session" "$TURN VALUES (4, 99, 'r', 'c', '{}', '{}', 't')"
sql_refused "add a turn to its own ended session" "$TURN VALUES (1, 99, 'r', 'c', '{}', '{}', 't')"
sql_refused "add a score to its own ended session" \
    "INSERT INTO scores(session, criterion, points, max) VALUES (1, 'bonus', 100, 100)"
sql_refused "add a score to another's session" \
    "INSERT INTO scores(session, criterion, points, max) VALUES (2, 'bonus', 100, 100)"
sql_refused "update own turns" "UPDATE turns SET reply = 'edited' WHERE session = 1"
sql_refused "update others' turns" "UPDATE turns SET reply = 'edited' WHERE session = 2"
sql_refused "delete own turns" "DELETE FROM turns WHERE session = 1"
sql_refused "delete all turns" "DELETE FROM turns"
sql_refused "update own scores" "UPDATE scores SET points = max WHERE session = 1"
sql_refused "delete own scores" "DELETE FROM scores WHERE session = 1"
sql_refused "delete own session" "DELETE FROM sessions WHERE id = 1"
sql_refused "delete sessions" "DELETE FROM sessions"
sql_refused "move own session to another student" "UPDATE sessions SET student = '$S2' WHERE id = 1"
sql_refused "change own session's seed" "UPDATE sessions SET seed = 1 WHERE id = 1"
sql_refused "change own session's mode" "UPDATE sessions SET mode = 'exam' WHERE id = 1"
sql_refused "update students.enrolled" "UPDATE students SET enrolled = 0"
sql_refused "update own name" "UPDATE students SET name = 'x' WHERE id = current_user"
sql_refused "delete students" "DELETE FROM students"
sql_refused "change a scenario version" "UPDATE scenarios SET hash = 'x'"
sql_refused "delete scenarios" "DELETE FROM scenarios"
sql_refused "change the schema version" "UPDATE crmsim_schema SET version = 99"
sql_refused "truncate turns" "TRUNCATE turns"
sql_refused "truncate sessions" "TRUNCATE sessions CASCADE"
sql_refused "turn off row-level security" "ALTER TABLE sessions DISABLE ROW LEVEL SECURITY"
sql_refused "drop a policy" "DROP POLICY student_read ON sessions"
# Own ended session: the columns it may fill while open are frozen now
# (0 rows); another's session likewise.
sql_empty "re-score its own ended session" "UPDATE sessions SET score = 100 WHERE id = 1 RETURNING id"
sql_empty "re-open its own ended session" "UPDATE sessions SET ended = NULL, outcome = NULL WHERE id = 1 RETURNING id"
sql_empty "add hints to its own ended session" "UPDATE sessions SET hints = 9 WHERE id = 5 RETURNING id"
sql_empty "re-score another's session" "UPDATE sessions SET score = 100 WHERE id IN (2, 3, 4) RETURNING id"
sql_empty "end another's session" "UPDATE sessions SET ended = 'x' WHERE student <> current_user RETURNING id"
sql_empty "retitle a titled scenario" "UPDATE scenarios SET title = 'x' WHERE title IS NOT NULL RETURNING id"
# With row security off the server refuses the query instead of ignoring it.
psql_as "$S1" "SET row_security = off; SELECT count(*) FROM sessions"
[ "$RC" -ne 0 ] || [ "$(cat "$OUT")" = 2 ] || fail "row_security=off showed $S1 $(cat "$OUT") sessions"
[ "$(snapshot)" = "$before" ] || fail "the student's SQL changed the stored data: $(diff <(echo "$before") <(snapshot) | head -5)"
super_is "session 1 unchanged" "SELECT score || ' ' || outcome || ' ' || (ended IS NOT NULL)::int FROM sessions WHERE id = 1" "$score1"

# An exam score is the instructor's: a student's role cannot store one, not
# even in its own open exam session (its crmsim ends an exam without a
# score; the instructor's regrade computes it from the stored turns), and
# report/export count only scored sessions.
psql_as "$S1" "INSERT INTO sessions(student, scenario, scenario_hash, lexicon_hash, seed, mode, started)
    SELECT current_user, scenario, scenario_hash, lexicon_hash, 1, 'exam', started FROM sessions WHERE id = 1
    RETURNING id"
forged=$(cat "$OUT")
[ "$RC" -eq 0 ] && [ -n "$forged" ] || fail "setup: $S1 cannot add an open session: $(first "$ERR")"
sql_refused "score its own exam" "UPDATE sessions SET ended = started, outcome = 'resolved', score = 100,
    ended_by = 'done' WHERE id = $forged"
sql_refused "add criteria to its own exam" "INSERT INTO scores(session, criterion, points, max)
    VALUES ($forged, 'language', 30, 30)"
psql_as "$S1" "UPDATE sessions SET ended = started, outcome = 'resolved', ended_by = 'done'
    WHERE id = $forged RETURNING id"
[ "$(cat "$OUT")" = "$forged" ] || fail "setup: $S1 cannot end its open exam without a score: $(first "$ERR")"
sql_empty "re-score the ended forged session" "UPDATE sessions SET score = 99 WHERE id = $forged RETURNING id"
super_is "the forged exam has no score" "SELECT coalesce(score::text, 'none') FROM sessions WHERE id = $forged" none
run "$CRMSIM" --db "$UT" report --format csv
grep -q "$S1" "$OUT" && grep "$S1" "$OUT" | grep -q ',100' &&
    fail "the report counts the exam score $S1 could not store: $(grep "$S1" "$OUT")"

# --- the instructor's role can do all of it -----------------------------
run "$CRMSIM" --db "$UT" history
[ "$RC" -eq 0 ] || fail "instructor history: $(first "$ERR")"
for s in "$S1" "$S2" "$S3"; do grep -qF " $s " "$OUT" || fail "the instructor's history lacks $s"; done
run "$CRMSIM" --db "$UT" replay 2
[ "$RC" -eq 0 ] || fail "instructor replay of $S2's session: $(first "$ERR")"
run "$CRMSIM" --db "$UT" grade "$TMP/s3.json"
[ "$RC" -eq 0 ] || fail "instructor grade: exit $RC: $(cat "$OUT") $(first "$ERR")"
super_is "the graded session" "SELECT count(*) FROM sessions WHERE student = '$S3' AND submission IS NOT NULL" 1
run "$CRMSIM" --db "$UT" regrade --all
[ "$RC" -eq 0 ] || fail "instructor regrade --all: exit $RC: $(first "$ERR")"
psql_as "$PGSUPER" "SELECT coalesce(score::text, 'none') FROM sessions WHERE id = $forged"
case "$(cat "$OUT")" in none|100|'') fail "the instructor's regrade did not score the exam $S1 ended: $(cat "$OUT")" ;; esac
run "$CRMSIM" --db "$UT" report --practice
[ "$RC" -eq 0 ] || fail "instructor report: exit $RC: $(first "$ERR")"
for s in "$S1" "$S2" "$S3" "$S4"; do grep -qF "$s" "$OUT" || fail "the instructor's report lacks $s"; done
run "$CRMSIM" --db "$UT" export --format moodle --practice
[ "$RC" -eq 0 ] || fail "instructor export: exit $RC: $(first "$ERR")"
for s in "$S1" "$S2" "$S3" "$S4"; do grep -qF ",$s," "$OUT" || fail "the instructor's export lacks $s: $(cat "$OUT")"; done
run "$CRMSIM" --db "$UT" roster import "$TMP/class4.csv"
[ "$RC" -eq 0 ] || fail "instructor roster import: exit $RC: $(first "$ERR")"
run "$CRMSIM" db copy "$UT" "$TMP/copy.db"
[ "$RC" -eq 0 ] || fail "instructor db copy: exit $RC: $(first "$ERR")"
[ "$(sql "$TMP/copy.db" "select count(distinct student) from sessions")" = 3 ] || fail "the instructor's copy lacks students"
psql_as "$TEACH" "SELECT count(*) FROM sessions"
[ "$(cat "$OUT")" = "$(sql "$TMP/copy.db" "select count(*) from sessions")" ] || fail "the instructor does not see every session"
echo "t041: roles, $(grep -c '^sql_\(empty\|refused\) ' "$0") direct SQL refusals and the crmsim refusals hold"
exit 0
