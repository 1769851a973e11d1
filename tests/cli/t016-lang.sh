#!/usr/bin/env bash
# t016-lang: the interface language. Simplified Chinese by default (also for
# C, POSIX and languages crmsim has no catalog for); Traditional Chinese for
# zh_TW/zh_HK locales or --lang zh_TW; English for en_* locales or --lang en;
# --lang beats CRMSIM_LANG, which beats LANGUAGE/LC_ALL/LC_MESSAGES/LANG.
# Help, a piped score card and an error message are checked in each, with
# only the C.UTF-8 locale needed (en_US.UTF-8 and zh_TW.UTF-8 need not be
# generated). Grading does not depend on the interface language or on the
# script of the reply; play --json is the same in every language. Every
# string in the sources is translated in every catalog (po/*.po).
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

DB=$TMP/db
printf '查不到啊，你在哪办的？\n非常抱歉，我理解您的心情\n/quit\ny\n' >"$TMP/replies"

# check_lang NAME WANT [VAR=VALUE...] [-- CRMSIM-OPTION...]: help, a score
# card and an unknown-scenario error are in WANT (zh_CN, zh_TW or en).
check_lang() {
    local name=$1 want=$2 h c t e
    shift 2
    local vars=() opts=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
    [ "${1:-}" = -- ] && shift
    opts=("$@")
    case $want in
    zh_CN) h='全局选项:' c='══ 成绩单 · ' t='总分：' e="未知情景 'bank-crad'" ;;
    zh_TW) h='全域選項:' c='══ 成績單 · ' t='總分：' e="未知情境 'bank-crad'" ;;
    en) h='Global options:' c='══ Score card · ' t='Total score: ' e="unknown scenario 'bank-crad'" ;;
    esac
    run env "${vars[@]}" "$CRMSIM" --db "$DB" "${opts[@]}" help
    no_crash "$name: help"
    [ "$RC" -eq 0 ] || fail "$name: help exited $RC: $(first "$ERR")"
    grep -qF -- "$h" "$OUT" || fail "$name: help is not in $want (no '$h'): $(first "$OUT")"
    grep -q -- '--lang LANG' "$OUT" || fail "$name: help does not document --lang"

    run_in "$TMP/replies" env "${vars[@]}" "$CRMSIM" --db "$DB" "${opts[@]}" play bank-card --seed 7
    no_crash "$name: play"
    [ "$RC" -eq 0 ] || fail "$name: play exited $RC: $(first "$ERR")"
    grep -qF -- "$c" "$OUT" || fail "$name: the score card is not in $want (no '$c'): $(tail -n 12 "$OUT")"
    grep -qF -- "$t" "$OUT" || fail "$name: the score card has no '$t': $(tail -n 12 "$OUT")"

    # The option may also follow the command name, like --db.
    run env "${vars[@]}" "$CRMSIM" --db "$DB" play bank-crad --seed 7 "${opts[@]}"
    no_crash "$name: unknown scenario"
    [ "$RC" -eq 1 ] || fail "$name: unknown scenario exited $RC, expected 1: $(first "$ERR")"
    grep -qF -- "crmsim: $e" "$ERR" || fail "$name: the error is not in $want (no 'crmsim: $e'): $(first "$ERR")"
    [ -s "$OUT" ] && fail "$name: unknown scenario wrote to stdout: $(first "$OUT")"
    return 0
}

check_lang "default (LANG=C.UTF-8)" zh_CN
check_lang "--lang en" en -- --lang en
check_lang "--lang=en" en -- --lang=en
check_lang "LANG=en_US.UTF-8" en LANG=en_US.UTF-8
check_lang "LANG=zh_TW.UTF-8" zh_TW LANG=zh_TW.UTF-8
check_lang "--lang zh_TW" zh_TW -- --lang zh_TW
check_lang "--lang zh_CN over LANG=en_US.UTF-8" zh_CN LANG=en_US.UTF-8 -- --lang zh_CN
check_lang "LANG=zh_HK.UTF-8" zh_TW LANG=zh_HK.UTF-8
check_lang "LANG=zh_SG.UTF-8" zh_CN LANG=zh_SG.UTF-8
check_lang "LANG=C" zh_CN LANG=C
check_lang "LANG=fr_FR.UTF-8" zh_CN LANG=fr_FR.UTF-8
check_lang "LC_ALL=C LANGUAGE=en" en LC_ALL=C LANGUAGE=en
check_lang "LANGUAGE=zh_TW:en LANG=en_US.UTF-8" zh_TW LANGUAGE=zh_TW:en LANG=en_US.UTF-8
check_lang "LC_MESSAGES=en_GB.UTF-8 LANG=zh_TW.UTF-8" en LC_MESSAGES=en_GB.UTF-8 LANG=zh_TW.UTF-8
check_lang "CRMSIM_LANG=zh_TW LANG=en_US.UTF-8" zh_TW CRMSIM_LANG=zh_TW LANG=en_US.UTF-8
check_lang "--lang en over CRMSIM_LANG=zh_TW" en CRMSIM_LANG=zh_TW -- --lang en

# A data directory without locale/ (CRMSIM_HOME) still finds the catalogs
# next to the executable.
H=$TMP/datahome
mkdir -p "$H"
ln -s "$ROOT/scenarios" "$ROOT/grading" "$ROOT/course" "$H/"
check_lang "CRMSIM_HOME without locale/" en CRMSIM_HOME="$H" -- --lang en

# Per-command help is translated too; usage errors name the three languages.
run "$CRMSIM" --lang en play --help
[ "$RC" -eq 0 ] && grep -q '^Usage: crmsim .*play' "$OUT" && grep -q 'random seed' "$OUT" ||
    fail "play --help in English: $(cat "$OUT" "$ERR")"
for bad in "--lang fr" "--lang" "--lang=" "help --lang zh"; do
    # shellcheck disable=SC2086 # word splitting wanted
    run "$CRMSIM" --db "$DB" $bad
    no_crash "crmsim $bad"
    [ "$RC" -eq 2 ] || fail "'crmsim $bad' exited $RC, expected 2 (usage error)"
    grep -q '^crmsim: .*zh_CN.*zh_TW.*en' "$ERR" || fail "'crmsim $bad' does not list the languages: $(first "$ERR")"
done
CRMSIM_LANG=klingon run "$CRMSIM" --db "$DB" help
[ "$RC" -eq 2 ] && grep -q 'CRMSIM_LANG.*klingon' "$ERR" ||
    fail "CRMSIM_LANG=klingon: exit $RC, expected 2 with a message naming it: $(first "$ERR")"

# Grading: Traditional and Simplified replies give the same findings, in any
# interface language.
printf '這不歸我管\n' >"$TMP/trad"
printf '这不归我管\n' >"$TMP/simp"
run_in "$TMP/trad" "$CRMSIM" --db "$DB" --lang en grade --lines
[ "$RC" -eq 0 ] || fail "grade --lines (Traditional, --lang en) exited $RC: $(first "$ERR")"
grep -q '"id":"not-in-charge"' "$OUT" || fail "Traditional reply: no not-in-charge finding: $(first "$OUT")"
ids() { grep -o '"id":"[^"]*"\|"category":"[^"]*"\|"steps":\[[^]]*\]' "$1" | tr '\n' ' '; }
trad=$(ids "$OUT")
for l in zh_CN zh_TW en; do
    run_in "$TMP/simp" "$CRMSIM" --db "$DB" --lang $l grade --lines
    [ "$(ids "$OUT")" = "$trad" ] || fail "--lang $l, Simplified reply: '$(ids "$OUT")', Traditional with --lang en: '$trad'"
done

# play --json carries ids and numbers only: the same in every language.
for l in zh_CN zh_TW en; do
    run_in "$TMP/replies" "$CRMSIM" --db "$TMP/json-$l.db" --lang $l play bank-card --seed 7 --student s1 --json
    [ "$RC" -eq 0 ] || fail "play --json --lang $l exited $RC: $(first "$ERR")"
    sed 's/"session":[0-9]*//' "$OUT" >"$TMP/json-$l"
done
cmp -s "$TMP/json-zh_CN" "$TMP/json-zh_TW" && cmp -s "$TMP/json-zh_CN" "$TMP/json-en" ||
    fail "play --json differs between languages: $(diff "$TMP/json-zh_CN" "$TMP/json-en" | head -n 3)"

# The catalogs: well-formed, formats consistent, nothing fuzzy or missing,
# and every msgid of the current sources translated.
command -v msgfmt >/dev/null && command -v xgettext >/dev/null && command -v msgcmp >/dev/null ||
    fail "the gettext tools are missing (scripts/install-deps installs them)"
xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ -o "$TMP/now.pot" \
    sim/*.c sim/*.h grading/*.c grading/*.h 2>"$TMP/xgettext.err" ||
    fail "xgettext failed: $(cat "$TMP/xgettext.err")"
for l in zh_CN zh_TW en; do
    st=$(msgfmt --check --statistics -o /dev/null "po/$l.po" 2>&1) || fail "po/$l.po: $st"
    grep -Eq 'fuzzy|untranslated' <<<"$st" && fail "po/$l.po is not complete: $st"
    msgcmp "po/$l.po" "$TMP/now.pot" >"$TMP/msgcmp.err" 2>&1 ||
        fail "po/$l.po lacks strings of the sources (run 'make po-update' and translate): $(head -n 4 "$TMP/msgcmp.err")"
    [ -s "locale/$l/LC_MESSAGES/crmsim.mo" ] || fail "locale/$l/LC_MESSAGES/crmsim.mo was not built"
done
exit 0
