#!/bin/bash
# t011-db-location: where the database goes.
#   - no --db, no CRMSIM_DB: $XDG_DATA_HOME/crmsim/crmsim.db (directory created)
#   - XDG_DATA_HOME unset (or empty, or relative, which the XDG spec says to
#     ignore): $HOME/.local/share/crmsim/crmsim.db
#   - CRMSIM_DB=FILE: that file, nothing under XDG_DATA_HOME or HOME
#   - --db FILE wins over CRMSIM_DB
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

printf '您好，请问有什么可以帮您？\n' >"$TMP/in"

play() { # tag [env assignments...] -- a piped session stored wherever crmsim decides
    local tag=$1
    shift
    run_in "$TMP/in" env "$@" "$CRMSIM" play bank-card --seed 7 --student "$tag" --json
    no_crash "play ($tag)"
    [ "$RC" -eq 0 ] || fail "play ($tag) exited $RC: $(first "$ERR")"
}

# sessions DB STUDENT: number of sessions of STUDENT stored in DB.
sessions() { sql "$1" "select count(*) from sessions where student = '$2'"; }

nothing_under() { # dir what
    local f
    f=$(find "$1" -name '*.db*' 2>/dev/null | head -n 1)
    [ -z "$f" ] || fail "$2: unexpected file $f"
}

# --- XDG_DATA_HOME set
H=$TMP/h1
X=$TMP/x1
mkdir -p "$H"
play xdg HOME="$H" XDG_DATA_HOME="$X"
[ -f "$X/crmsim/crmsim.db" ] || fail "XDG_DATA_HOME set: no $X/crmsim/crmsim.db ($(find "$TMP" -name '*.db' | head -n 3 | tr '\n' ' '))"
[ "$(sessions "$X/crmsim/crmsim.db" xdg)" = 1 ] || fail "XDG_DATA_HOME set: the session is not in \$XDG_DATA_HOME/crmsim/crmsim.db"
nothing_under "$H" "XDG_DATA_HOME set: something created under HOME"

# --- XDG_DATA_HOME unset / empty / relative: $HOME/.local/share/crmsim
for how in unset empty relative; do
    H=$TMP/h-$how
    mkdir -p "$H" "$TMP/cwd-$how"
    case $how in
    unset) play "home-$how" -u XDG_DATA_HOME HOME="$H" ;;
    empty) play "home-$how" HOME="$H" XDG_DATA_HOME= ;;
    relative) (cd "$TMP/cwd-$how" && play "home-$how" HOME="$H" XDG_DATA_HOME=rel) || exit 1 ;;
    esac
    DB=$H/.local/share/crmsim/crmsim.db
    [ -f "$DB" ] || fail "XDG_DATA_HOME $how: no \$HOME/.local/share/crmsim/crmsim.db ($(find "$TMP" -name '*.db' -newer "$TMP/in" | head -n 3 | tr '\n' ' '))"
    [ "$(sessions "$DB" "home-$how")" = 1 ] || fail "XDG_DATA_HOME $how: the session is not in \$HOME/.local/share/crmsim/crmsim.db"
    nothing_under "$TMP/cwd-$how" "XDG_DATA_HOME $how: database created relative to the working directory"
done

# --- CRMSIM_DB
H=$TMP/h2
X=$TMP/x2
mkdir -p "$H"
play env HOME="$H" XDG_DATA_HOME="$X" CRMSIM_DB="$TMP/env.db"
[ -f "$TMP/env.db" ] || fail "CRMSIM_DB: $TMP/env.db not created"
[ "$(sessions "$TMP/env.db" env)" = 1 ] || fail "CRMSIM_DB: the session is not in \$CRMSIM_DB"
nothing_under "$X" "CRMSIM_DB set: something created under XDG_DATA_HOME"
nothing_under "$H" "CRMSIM_DB set: something created under HOME"

# --- --db beats CRMSIM_DB
run_in "$TMP/in" env HOME="$H" XDG_DATA_HOME="$X" CRMSIM_DB="$TMP/env.db" \
    "$CRMSIM" --db "$TMP/flag.db" play bank-card --seed 7 --student flag --json
no_crash "play --db with CRMSIM_DB"
[ "$RC" -eq 0 ] || fail "play --db with CRMSIM_DB set exited $RC: $(first "$ERR")"
[ -f "$TMP/flag.db" ] || fail "--db: $TMP/flag.db not created"
[ "$(sessions "$TMP/flag.db" flag)" = 1 ] || fail "--db: the session is not in the --db file"
[ "$(sessions "$TMP/env.db" flag)" = 0 ] || fail "--db: the session went to \$CRMSIM_DB instead"
nothing_under "$X" "--db given: something created under XDG_DATA_HOME"

# --db=FILE form too.
run_in "$TMP/in" env CRMSIM_DB="$TMP/env.db" "$CRMSIM" --db="$TMP/flag2.db" play bank-card --seed 7 --student flag2 --json
[ "$RC" -eq 0 ] || fail "play --db=FILE exited $RC: $(first "$ERR")"
[ "$(sessions "$TMP/flag2.db" flag2)" = 1 ] || fail "--db=FILE: the session is not in that file"
[ "$(sessions "$TMP/env.db" flag2)" = 0 ] || fail "--db=FILE: the session went to \$CRMSIM_DB instead"

exit 0
