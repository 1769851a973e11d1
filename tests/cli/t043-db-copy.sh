#!/usr/bin/env bash
# t043-db-copy: `crmsim db copy FROM TO` moves a class between an SQLite
# file and PostgreSQL, both ways. A class database with a roster (Chinese
# names, one with a comma), practice and exam sessions, an open session
# (killed after two turns), a graded submission and Chinese text (with a
# character outside the BMP) goes SQLite → PostgreSQL → a new SQLite file:
#   - each copy prints the counts of the source (checked against the
#     database itself) and checksums that say 一致 (consistent), and notes
#     the open session
#   - a second copy copies 0 new sessions (idempotent), and the target's
#     counts stay as they were; also for a session without a chain head
#     (stored before schema 2); a session that went on in the target after
#     the copy is kept and noted as different
#   - every stored row of the round trip is the original, history, replay,
#     report and export agree on all three databases (normalised: the
#     database's location), the open session can still be resumed on
#     PostgreSQL, and the graded submission is a duplicate there
#   - bad inputs: FROM a missing file, FROM == TO (same path, another path
#     to the same file, same URL), a student's role as FROM or TO, a bad
#     URL, a server not listening, a database that does not exist, a TO
#     written by a newer crmsim (SQLite and PostgreSQL): a clear error,
#     exit 1 (2 for FROM == TO), and nothing written anywhere
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
pg_newdb

export CRMSIM_EXAM_KEY=t043-copy-key
P=$PGROLES
A=$TMP/a.db B=$TMP/b.db
cat >"$TMP/class.csv" <<EOF
学号,姓名,班级
${P}s1,张三,营销1班
${P}s2,"欧阳, 娜娜",营销1班
${P}s3,王五,营销2班
EOF

# --- the class, on SQLite ---------------------------------------------
run "$CRMSIM" --db "$A" roster import "$TMP/class.csv"
[ "$RC" -eq 0 ] || fail "setup: roster: $(first "$ERR")"
play() { # INPUT ARGS…
    run_in "$1" "$CRMSIM" --db "$A" play "${@:2}"
    no_crash "setup: play ${*:2}"
    [ "$RC" -eq 0 ] || fail "setup: play ${*:2}: exit $RC: $(first "$ERR")"
}
printf '您好，我是客服小𠮷，非常抱歉让您着急了。\n我马上帮您查一下，由我来跟进。\n/quit\ny\n' >"$TMP/cjk"
play tests/play/bank-card-good.txt bank-card --seed 42 --student "${P}s1"
play "$TMP/cjk" bank-card --seed 7 --student "${P}s2"
play tests/play/hotel-vip-mixed.txt hotel-vip --seed 3 --student "${P}s9"
play tests/play/bank-card-bad.txt --exam --student "${P}s1" bank-card
play tests/play/bank-card-good.txt --exam --student "${P}s1" bank-card
play tests/play/hotel-vip-good.txt --exam --student "${P}s2" hotel-vip
# s3 takes the exam at home and submits; the instructor grades it.
run "$CRMSIM" --db "$TMP/s3.db" roster import "$TMP/class.csv"
run_in tests/play/hotel-vip-good.txt "$CRMSIM" --db "$TMP/s3.db" play --exam --student "${P}s3" hotel-vip
[ "$RC" -eq 0 ] || fail "setup: s3's exam: $(first "$ERR")"
run "$CRMSIM" --db "$TMP/s3.db" submit --student "${P}s3" --out "$TMP/s3.json"
[ "$RC" -eq 0 ] || fail "setup: s3's submission: $(first "$ERR")"
run "$CRMSIM" --db "$A" grade "$TMP/s3.json"
[ "$RC" -eq 0 ] || fail "setup: grade: $(cat "$OUT") $(first "$ERR")"
# An open session: killed after two confirmed turns.
printf '%s\n' '您好，请问有什么可以帮您？' '非常抱歉给您添麻烦了。' '我马上帮您查一下这张卡的情况。' '请问您的卡号后四位是多少？' >"$TMP/all"
tail -n 2 "$TMP/all" >"$TMP/rest"
mkfifo "$TMP/fifo"
"$CRMSIM" --db "$A" play bank-card --seed 5 --student "${P}s3" <"$TMP/fifo" >"$TMP/k.out" 2>&1 &
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
[ "$(sql "$A" "select count(*) from sessions where ended is null")" = 1 ] || fail "setup: no open session"
[ "$(sql "$A" "select count(*) from sessions where submission is not null")" = 1 ] || fail "setup: no graded submission"
grep -q '𠮷' <(sql "$A" "select reply from turns") || fail "setup: the CJK reply was not stored"

# What the source holds.
NST=$(sql "$A" "select count(*) from students")
NSC=$(sql "$A" "select count(*) from scenarios")
NSE=$(sql "$A" "select count(*) from sessions")
NTU=$(sql "$A" "select count(*) from turns")
NCR=$(sql "$A" "select count(*) from scores")
[ "$NST" = 4 ] && [ "$NSE" = 8 ] || fail "setup: expected 4 students and 8 sessions, got $NST and $NSE"

# A copy's report: exit 0, the source's counts, N new, 一致.
copied() { # WHAT NEW PRESENT
    no_crash "$1"
    [ "$RC" -eq 0 ] || fail "$1: exit $RC: $(first "$ERR")"
    grep -Fq "学生 $NST 名，情景版本 $NSC 个，会话 $NSE 个（新复制 $2，目标中已有 $3），对话记录 $NTU 条（含开场白），评分项 $NCR 条" "$OUT" ||
        fail "$1: counts: $(cat "$OUT")"
    grep -Eq '校验和.*源 ([0-9a-f]{16})….*目标 \1….*一致$' "$OUT" || fail "$1: checksums do not say 一致: $(cat "$OUT")"
    grep -q '不一致' "$OUT" && fail "$1: 不一致: $(cat "$OUT")"
    grep -q '注意：1 个会话尚未结束' "$OUT" || fail "$1: the open session is not noted: $(cat "$OUT")"
    grep -q '与源不同' "$OUT" && fail "$1: sessions differ from the source: $(cat "$OUT")"
}
pgcount() { # TABLE
    psql_as "$PGSUPER" "SELECT count(*) FROM $1"
    cat "$OUT"
}
pgcounts() { for t in students scenarios sessions turns scores; do pgcount $t; done | tr '\n' ' '; }
sqcounts() { for t in students scenarios sessions turns scores; do sql "$1" "select count(*) from $t"; done | tr '\n' ' '; }

# --- SQLite → PostgreSQL → SQLite ---------------------------------------
sum_a=$(sha256sum <"$A")
run "$CRMSIM" db copy "$A" "$PGURL"
copied "copy to PostgreSQL" "$NSE" 0
grep -Fq "$A" "$OUT" && grep -Fq "$PGURL" "$OUT" || fail "the copy does not name FROM and TO: $(first "$OUT")"
want="$NST $NSC $NSE $NTU $NCR "
[ "$(pgcounts)" = "$want" ] || fail "PostgreSQL holds $(pgcounts), expected $want"
run "$CRMSIM" db copy "$A" "$PGURL"
copied "second copy to PostgreSQL" 0 "$NSE"
[ "$(pgcounts)" = "$want" ] || fail "the second copy changed PostgreSQL: $(pgcounts)"
[ "$(sha256sum <"$A")" = "$sum_a" ] || fail "copying changed the source file"

run "$CRMSIM" db copy "$PGURL" "$B"
copied "copy to a new SQLite file" "$NSE" 0
[ "$(sqcounts "$B")" = "$want" ] || fail "the new SQLite file holds $(sqcounts "$B"), expected $want"
run "$CRMSIM" db copy "$PGURL" "$B"
copied "second copy to SQLite" 0 "$NSE"
[ "$(sqcounts "$B")" = "$want" ] || fail "the second copy changed the SQLite file: $(sqcounts "$B")"

# Every row of the round trip is the original (ids included: copies are
# numbered oldest first).
rows() {
    sql "$1" "select * from students order by id; select * from scenarios order by id, hash;
              select * from sessions order by id; select * from turns order by session, n;
              select session, criterion, points, max from scores order by session, rowid"
}
rows "$A" >"$TMP/rows.a"
rows "$B" >"$TMP/rows.b"
diff "$TMP/rows.a" "$TMP/rows.b" >"$TMP/rows.diff" || fail "the round trip changed rows: $(head -n 6 "$TMP/rows.diff")"
grep -q '𠮷' "$TMP/rows.b" && grep -q '欧阳, 娜娜' "$TMP/rows.b" || fail "the round trip lost Chinese text"
# On PostgreSQL too, the text columns as stored.
pgrows() {
    psql_as "$PGSUPER" "SELECT id || '|' || student || '|' || scenario || '|' || scenario_hash || '|' ||
        lexicon_hash || '|' || seed || '|' || mode || '|' || started || '|' || coalesce(ended, '') || '|' ||
        coalesce(outcome, '') || '|' || coalesce(score::text, '') || '|' || hints || '|' ||
        coalesce(ended_by, '') || '|' || coalesce(submission, '') || '|' || coalesce(chain, '') || '|' ||
        coalesce(head, '') FROM sessions ORDER BY id"
    cat "$OUT"
    psql_as "$PGSUPER" "SELECT session || '|' || n || '|' || coalesce(reply, '') || '|' || customer || '|' ||
        findings || '|' || state || '|' || created || '|' || coalesce(chain, '') FROM turns ORDER BY session, n"
    cat "$OUT"
}
sqrows() {
    sql "$1" "select id, student, scenario, scenario_hash, lexicon_hash, seed, mode, started, ended, outcome,
                     score, hints, ended_by, submission, chain, head from sessions order by id;
              select session, n, reply, customer, findings, state, created, chain from turns order by session, n"
}
diff <(sqrows "$A") <(pgrows) >"$TMP/pg.diff" || fail "PostgreSQL rows differ from the source: $(head -n 6 "$TMP/pg.diff")"

# The three databases tell the same story.
same() { # WHAT ARGS…
    local db i=0
    for db in "$A" "$PGURL" "$B"; do
        run "$CRMSIM" --db "$db" "${@:2}"
        no_crash "$1 on $db"
        { echo "exit $RC"; sed "s|$db|<DB>|g" "$OUT" "$ERR"; } >"$TMP/same.$i"
        i=$((i + 1))
    done
    diff "$TMP/same.0" "$TMP/same.1" >"$TMP/same.diff" || fail "$1: SQLite and PostgreSQL differ: $(head -n 8 "$TMP/same.diff")"
    diff "$TMP/same.0" "$TMP/same.2" >"$TMP/same.diff" || fail "$1: the original and the round trip differ: $(head -n 8 "$TMP/same.diff")"
    head -n 1 "$TMP/same.0" | grep -q '^exit 0$' || fail "$1 failed: $(head -n 3 "$TMP/same.0")"
}
same "history" history
same "history --student" history --student "${P}s2"
for id in 1 2 4 7 8; do same "replay $id" replay $id; done
same "report" report
same "report --practice" report --practice
same "report --json" report --json --practice
same "report --csv --table phrases" report --csv --table phrases --practice
same "export moodle" export --format moodle
same "export csv" export --format csv --practice
same "roster" roster list
# The copy is a working database: the open session goes on, the graded
# submission is already there.
run_in "$TMP/rest" "$CRMSIM" --db "$PGURL" play --resume --student "${P}s3"
[ "$RC" -eq 0 ] && grep -q '（已有 2 轮）' "$OUT" || fail "resume on the PostgreSQL copy: exit $RC: $(first "$ERR") $(head -c 300 "$OUT")"
run "$CRMSIM" --db "$PGURL" grade "$TMP/s3.json"
[ "$RC" -eq 1 ] || fail "the graded submission is not a duplicate on the PostgreSQL copy: exit $RC $(cat "$OUT")"
run "$CRMSIM" --db "$B" grade "$TMP/s3.json"
[ "$RC" -eq 1 ] || fail "the graded submission is not a duplicate on the round trip: exit $RC $(cat "$OUT")"
want_pg=$(pgcounts)
# The class went on on the server (session 8 resumed and ended there):
# copying the file again keeps the server's version and says so.
run "$CRMSIM" db copy "$A" "$PGURL"
[ "$RC" -eq 0 ] || fail "copy after the class went on: exit $RC: $(first "$ERR")"
grep -q "新复制 0，目标中已有 $NSE" "$OUT" || fail "copy after the class went on copied something: $(cat "$OUT")"
grep -q '注意：目标中已有的 1 个会话与源不同' "$OUT" || fail "the differing session is not noted: $(cat "$OUT")"
[ "$(pgcounts)" = "$want_pg" ] || fail "copy after the class went on changed the server: $(pgcounts)"
psql_as "$PGSUPER" "SELECT count(*) FROM sessions WHERE ended IS NULL"
[ "$(cat "$OUT")" = 0 ] || fail "the copy re-opened the session resumed on the server"

# --- bad inputs: exit 1 (2 for FROM == TO), a clear error, nothing written
nothing_written() { # WHAT
    [ "$(pgcounts)" = "$want_pg" ] || fail "$1: PostgreSQL changed: $(pgcounts)"
    [ "$(sha256sum <"$A")" = "$sum_a" ] || fail "$1: the source file changed"
    [ "$(sqcounts "$B")" = "$want" ] || fail "$1: $B changed"
    [ ! -e "$TMP/new.db" ] || fail "$1: $TMP/new.db was created"
}
bad() { # WHAT WANT-EXIT PATTERN FROM TO
    run "$CRMSIM" db copy "$4" "$5"
    no_crash "$1"
    [ "$RC" -eq "$2" ] || fail "$1: exit $RC, expected $2: $(first "$ERR")"
    grep -Eq "$3" "$ERR" || fail "$1: unclear message (no '$3'): $(first "$ERR")"
    [ ! -s "$OUT" ] || fail "$1: printed a copy report: $(first "$OUT")"
    nothing_written "$1"
}
bad "FROM a missing file" 1 "$TMP/missing.db" "$TMP/missing.db" "$TMP/new.db"
bad "FROM a missing file to PostgreSQL" 1 "$TMP/missing.db" "$TMP/missing.db" "$PGURL"
bad "FROM == TO" 2 'FROM|TO|同一' "$A" "$A"
ln -s "$A" "$TMP/link.db"
bad "FROM == TO through a link" 2 'FROM|TO|同一' "$TMP/link.db" "$A"
bad "FROM == TO (URL)" 2 'FROM|TO|同一' "$PGURL" "$PGURL"
# A student's role, either side.
run "$CRMSIM" --db "$PGURL" db init-roles --students
[ "$RC" -eq 0 ] || fail "setup: init-roles: $(first "$ERR")"
US=$(pg_url "${P}s1")
bad "a student's role as FROM" 1 "${P}s1.*(instructor|教师)" "$US" "$TMP/new.db"
bad "a student's role as TO" 1 "${P}s1.*(instructor|教师)" "$A" "$US"
# Unreachable servers and bad URLs.
port=${PGHOSTPART##*:}
host=${PGHOSTPART%:*}
# A port nothing listens on: the server's own, plus one, unless taken.
free=$((port + 1))
while (exec 3<>"/dev/tcp/$host/$free") 2>/dev/null; do free=$((free + 1)); done
bad "a server not listening (FROM)" 1 "127.0.0.1:$free|connect|连接" "postgresql://$PGSUPER@$host:$free/crmsim" "$TMP/new.db"
bad "a server not listening (TO)" 1 "127.0.0.1:$free|connect|连接" "$A" "postgresql://$PGSUPER@$host:$free/crmsim"
bad "a bad URL" 1 'postgresql://|URL|地址' "$A" "postgresql://$PGSUPER@$host:notaport/crmsim"
bad "a database that does not exist" 1 "${PGDB}_nope" "$A" "postgresql://$PGSUPER@$PGHOSTPART/${PGDB}_nope"
# A TO written by a newer crmsim.
cp "$B" "$TMP/newer.db"
sql "$TMP/newer.db" "pragma user_version = 99"
sum_n=$(sha256sum <"$TMP/newer.db")
bad "TO a newer SQLite database" 1 'newer|更新|99' "$A" "$TMP/newer.db"
[ "$(sha256sum <"$TMP/newer.db")" = "$sum_n" ] || fail "the newer SQLite database was changed"
psql_as "$PGSUPER" "CREATE DATABASE ${PGDB}_newer"
[ "$RC" -eq 0 ] || fail "setup: create ${PGDB}_newer: $(first "$ERR")"
on_exit "psql -X -q postgresql://$PGSUPER@$PGHOSTPART/postgres -c 'DROP DATABASE IF EXISTS ${PGDB}_newer WITH (FORCE)'"
NEWER=postgresql://$PGSUPER@$PGHOSTPART/${PGDB}_newer
timeout 10 psql -X -q -v ON_ERROR_STOP=1 "$NEWER" -c "CREATE TABLE crmsim_schema(version INTEGER NOT NULL); INSERT INTO crmsim_schema VALUES (99)" >/dev/null ||
    fail "setup: the newer PostgreSQL database"
bad "TO a newer PostgreSQL database" 1 'newer|更新|99' "$A" "$NEWER"
[ "$(timeout 10 psql -X -q -At "$NEWER" -c "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")" = crmsim_schema ] ||
    fail "the newer PostgreSQL database was written"
run "$CRMSIM" db copy "$A"
[ "$RC" -eq 2 ] || fail "db copy with one argument: exit $RC, expected 2"

# A session without a chain head (one stored before schema 2, in a
# database migrated since) is not copied twice either, both ways.
h=$(sql "$A" "select hash from scenarios where id = 'bank-card' limit 1")
run "$CRMSIM" --db "$TMP/old.db" history
sql "$TMP/old.db" "insert into students(id, created) values('${P}s1', '2025-03-01T08:00:00Z');
    insert into scenarios(id, hash, title, first_seen) values('bank-card', '$h', 't', '2025-03-01T08:00:00Z');
    insert into sessions(student, scenario, scenario_hash, lexicon_hash, seed, mode, started, ended, outcome, score)
    values('${P}s1', 'bank-card', '$h', 'x', 1, 'practice', '2025-03-01T08:00:00Z', '2025-03-01T08:10:00Z', 'resolved', 50)"
for to in "$TMP/old2.db" "$PGURL"; do
    for k in 1 2; do
        run "$CRMSIM" db copy "$TMP/old.db" "$to"
        [ "$RC" -eq 0 ] || fail "copy $k of a head-less session to $to: exit $RC: $(first "$ERR")"
        grep -q "新复制 $((2 - k))，目标中已有 $((k - 1))" "$OUT" ||
            fail "copy $k of a head-less session to $to: expected $((2 - k)) new: $(sed -n 2p "$OUT")"
    done
done
[ "$(sql "$TMP/old2.db" "select count(*) from sessions")" = 1 ] || fail "a head-less session was copied twice to SQLite"
[ "$(pgcount sessions)" = $((NSE + 1)) ] || fail "a head-less session was copied twice to PostgreSQL"
echo "t043: $NSE sessions, $NTU turns, $NCR scores: SQLite → PostgreSQL → SQLite, checksums 一致, second copies idempotent"
exit 0
