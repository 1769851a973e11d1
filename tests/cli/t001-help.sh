#!/bin/bash
# t001-help: `crmsim help`, `crmsim --help` and `crmsim play --help` exit 0
# and describe the commands/options on stdout; an unknown command is a
# usage error (exit 2, "crmsim: unknown command"); a unique prefix picks the
# command (`crmsim hist` = `crmsim history`); `crmsim` alone is a usage error.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

DB=$TMP/db
COMMANDS="play list grade history help"

for form in "help" "--help"; do
    run "$CRMSIM" --db "$DB" $form
    no_crash "crmsim $form"
    [ "$RC" -eq 0 ] || fail "'crmsim $form' exited $RC, expected 0: $(first "$ERR")"
    [ -s "$OUT" ] || fail "'crmsim $form' printed nothing on stdout"
    for c in $COMMANDS; do
        grep -Eq "^[[:space:]]+${c}[[:space:]]" "$OUT" ||
            fail "'crmsim $form' does not list the command '$c'"
    done
    grep -q -- '--db' "$OUT" || fail "'crmsim $form' does not mention the global option --db"
done

run "$CRMSIM" --db "$DB" play --help
no_crash "crmsim play --help"
[ "$RC" -eq 0 ] || fail "'crmsim play --help' exited $RC, expected 0: $(first "$ERR")"
for o in SCENARIO --student --seed --json; do
    grep -q -- "$o" "$OUT" || fail "'crmsim play --help' does not mention $o"
done
[ -e "$DB" ] && fail "'crmsim play --help' created the database (it should only print help)"

run "$CRMSIM" --db "$DB" frobnicate
no_crash "crmsim frobnicate"
[ "$RC" -eq 2 ] || fail "'crmsim frobnicate' exited $RC, expected 2 (usage error)"
grep -Eq '^crmsim: (unknown command|未知命令)' "$ERR" ||
    fail "'crmsim frobnicate': stderr lacks 'crmsim: unknown command': $(first "$ERR")"
[ -s "$OUT" ] && fail "'crmsim frobnicate' wrote to stdout: $(first "$OUT")"

# A unique prefix is the command: same output, same status as the full name.
run "$CRMSIM" --db "$DB" history
[ "$RC" -eq 0 ] || fail "'crmsim history' on an empty database exited $RC: $(first "$ERR")"
cp "$OUT" "$TMP/history.out"
run "$CRMSIM" --db "$DB" hist
no_crash "crmsim hist"
[ "$RC" -eq 0 ] || fail "'crmsim hist' exited $RC, expected 0 like 'crmsim history': $(first "$ERR")"
cmp -s "$OUT" "$TMP/history.out" || fail "'crmsim hist' output differs from 'crmsim history'"
[ -s "$ERR" ] && fail "'crmsim hist' wrote to stderr: $(first "$ERR")"

run "$CRMSIM" --db "$DB"
no_crash "crmsim (no command)"
[ "$RC" -eq 2 ] || fail "'crmsim' with no command exited $RC, expected 2"
[ -s "$ERR" ] || fail "'crmsim' with no command printed no usage on stderr"

exit 0
