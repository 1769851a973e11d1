#!/bin/bash
# t033-disk: a read-only database and a full disk give a clear error and
# exit 1, and nothing stored earlier is lost:
#   - read-only: the database lives on a tmpfs remounted read-only (so it
#     works as root too, where chmod does not stop writes): `play` exits 1
#     naming the read-only database; after remounting read-write the
#     earlier session is intact and play works again
#   - full disk: the database lives on a 400 KiB tmpfs that is then filled;
#     `play` exits 1 saying the disk is full; after freeing space the
#     earlier sessions are intact, integrity_check is ok, play works again
# Needs permission to mount (root, as in CI); otherwise it says so and
# checks the non-root read-only case with chmod.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

printf '您好，请问有什么可以帮您？\n非常抱歉给您添麻烦了。\n' >"$TMP/in"
snapshot() { sql "$1" "select id, student, scenario, seed, outcome, score, chain from sessions order by id;
                       select session, n, reply, customer, state, chain from turns order by session, n;
                       select * from scores order by session, rowid"; }
expect_fail() { # what pattern
    no_crash "$1"
    [ "$RC" -eq 1 ] || fail "$1: exit $RC, expected 1: $(first "$ERR")"
    grep -q '^crmsim: ' "$ERR" || fail "$1: no 'crmsim: ...' message: $(first "$ERR")"
    grep -Eqi -- "$2" "$ERR" || fail "$1: message does not match /$2/: $(first "$ERR")"
}
seed_db() { # db student
    run_in "$TMP/in" "$CRMSIM" --db "$1" play bank-card --seed 7 --student "$2" --json
    [ "$RC" -eq 0 ] || fail "setup: play into $1 exited $RC: $(first "$ERR")"
}

MNT=$TMP/mnt
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=400k tmpfs "$MNT" 2>/dev/null; then
    echo "t033: mounting a tmpfs is not permitted here; only the chmod read-only case is checked"
    if [ "$(id -u)" -ne 0 ]; then
        mkdir "$TMP/ro" && seed_db "$TMP/ro/db" s1
        snapshot "$TMP/ro/db" >"$TMP/before"
        chmod 444 "$TMP/ro"/* && chmod 555 "$TMP/ro"
        on_exit "chmod -R u+w '$TMP/ro'"
        run_in "$TMP/in" "$CRMSIM" --db "$TMP/ro/db" play bank-card --seed 8 --student s2
        expect_fail "read-only database (chmod)" 'read-only|readonly|只读|cannot open|无法打开'
        chmod 755 "$TMP/ro" && chmod 644 "$TMP/ro"/*
        snapshot "$TMP/ro/db" | cmp -s - "$TMP/before" || fail "read-only (chmod): stored data changed"
    fi
    exit 0
fi
on_exit "umount -l '$MNT'"

# --- read-only
DB=$MNT/ro.db
seed_db "$DB" s1
snapshot "$DB" >"$TMP/before"
mount -o remount,ro "$MNT" || fail "setup: cannot remount read-only"
run_in "$TMP/in" "$CRMSIM" --db "$DB" play bank-card --seed 8 --student s2
expect_fail "read-only database" 'read-only|readonly|只读|writable|可写'
grep -q '王先生：' "$OUT" && fail "read-only database: a session was played anyway"
mount -o remount,rw "$MNT" || fail "setup: cannot remount read-write"
snapshot "$DB" | cmp -s - "$TMP/before" || fail "read-only database: stored data changed"
seed_db "$DB" s2
[ "$(sql "$DB" "select count(*) from sessions")" = 2 ] || fail "read-only database: play does not work again afterwards"
rm -f "$MNT"/*

# --- full disk
DB=$MNT/full.db
seed_db "$DB" s1
seed_db "$DB" s2
snapshot "$DB" >"$TMP/before"
dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null # until the tmpfs is full
printf '您好\n抱歉\n我来查\n请稍等\n' >"$TMP/in4"
fails=0
for i in 1 2 3; do # one byte of space can be left somewhere: try a few times
    run_in "$TMP/in4" "$CRMSIM" --db "$DB" play bank-card --seed $((10 + i)) --student "f$i"
    no_crash "full disk"
    if [ "$RC" -eq 1 ]; then
        expect_fail "full disk" 'disk full|磁盘已满|磁盘满'
        fails=$((fails + 1))
    fi
done
[ "$fails" -gt 0 ] || fail "full disk: play never failed on a full disk"
rm -f "$MNT/filler"
[ "$(sql "$DB" "pragma integrity_check")" = ok ] || fail "full disk: integrity_check failed"
sql "$DB" "select id, student, scenario, seed, outcome, score, chain from sessions where student in ('s1','s2') order by id;
           select session, n, reply, customer, state, chain from turns where session in (select id from sessions where student in ('s1','s2')) order by session, n;
           select * from scores where session in (select id from sessions where student in ('s1','s2')) order by session, rowid" |
    cmp -s - "$TMP/before" || fail "full disk: the sessions stored before changed"
seed_db "$DB" s3
echo "t033: read-only database and full disk refused with a clear error ($fails full-disk failures); nothing stored was lost"
exit 0
