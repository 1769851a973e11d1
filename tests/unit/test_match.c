/*
 * test_match.c - unit tests of grading/match.c, the pattern compiler and
 * scanner: literals and their spans in the original text,
 * alternatives, synonym classes, optional tokens, bounded gaps, clause and
 * conjunction boundaries, folding (Traditional, full width, case), shared
 * prefixes and suffixes (failure and output links), pattern syntax errors,
 * first occurrence per tag per clause, empty and 100k-character texts;
 * reused workspaces, fused tokens and declared conjunctions; chaining
 * only patterns whose every token's set was seen, gap windows that end
 * at their segment.
 * Deliberately not here: lexicon files and scope rules (test_lexicon.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "u8.h"
#include "util.h"

/* ---- helpers --------------------------------------------------------- */

/* Synonym classes for the tests: SELF, and NEG (a Traditional member, to
 * show class members are folded like everything else). */
static const char *const *classes(const char *name, void *ctx)
{
    static const char *const self[] = { "我", "我们", "本人", NULL };
    static const char *const neg[] = { "不歸", "不属于", NULL };
    int *calls = ctx;
    if (calls)
        (*calls)++;
    if (strcmp(name, "SELF") == 0)
        return self;
    if (strcmp(name, "NEG") == 0)
        return neg;
    return NULL;
}

/* A compiled set of the given patterns, pattern i under tag i. Fails the
 * test when a pattern does not parse. */
static match_set *set_of(const char *const *pats, size_t n)
{
    match_set *m = match_new();
    for (size_t i = 0; i < n; i++) {
        char *err = NULL;
        int rc = match_add(m, pats[i], (int)i, classes, NULL, &err);
        if (rc != 0)
            fail_msg("pattern '%s' rejected: %s", pats[i], err ? err : "(no message)");
        assert_null(err);
    }
    match_compile(m);
    return m;
}

static match_set *set1(const char *pat)
{
    return set_of(&pat, 1);
}

/* The result of scanning one text: hits plus the normalised text. */
typedef struct scan {
    const char *text; /* original */
    u8_norm t;        /* normalised */
    match_hit *h;     /* hits */
    size_t nh;        /* count */
    uint32_t *seg;    /* segment per normalised char */
} scan;

static void scan_run(scan *s, const match_set *m, const char *text, int conj)
{
    memset(s, 0, sizeof *s);
    s->text = text;
    assert_int_equal(u8_normalize(text, strlen(text), &s->t, NULL), 0);
    s->nh = match_scan(m, &s->t, conj, &s->h, &s->seg);
}

static void scan_release(scan *s)
{
    free(s->h);
    free(s->seg);
    u8_norm_release(&s->t);
}

/* The original bytes of hit i, as a fresh string. */
static char *hit_text(const scan *s, size_t i)
{
    const match_hit *h = &s->h[i];
    size_t from = s->t.start[h->from], to = s->t.end[h->to - 1];
    return xstrndup(s->text + from, to - from);
}

/* Index of the first hit with tag, or -1. */
static int hit_of(const scan *s, int tag)
{
    for (size_t i = 0; i < s->nh; i++)
        if (s->h[i].tag == tag)
            return (int)i;
    return -1;
}

/* Number of hits with tag. */
static size_t count_of(const scan *s, int tag)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nh; i++)
        n += s->h[i].tag == tag;
    return n;
}

/* Asserts that pattern-set m finds tag in text with exactly the original
 * words `want` (or finds nothing for tag when want is NULL). */
static void expect_tag(const match_set *m, int tag, const char *text, int conj,
                       const char *want)
{
    scan s;
    scan_run(&s, m, text, conj);
    int i = hit_of(&s, tag);
    if (!want) {
        if (i >= 0) {
            char *got = hit_text(&s, (size_t)i);
            fail_msg("tag %d must not match \"%s\", but matched \"%s\"", tag, text, got);
        }
    } else {
        if (i < 0)
            fail_msg("tag %d must match \"%s\" as \"%s\", found nothing", tag, text, want);
        char *got = hit_text(&s, (size_t)i);
        if (strcmp(got, want) != 0)
            fail_msg("tag %d on \"%s\": span \"%s\", want \"%s\"", tag, text, got, want);
        free(got);
    }
    scan_release(&s);
}

static void expect_match(const char *pat, const char *text, const char *want)
{
    match_set *m = set1(pat);
    expect_tag(m, 0, text, -1, want);
    match_free(m);
}

static void expect_no_match(const char *pat, const char *text)
{
    match_set *m = set1(pat);
    expect_tag(m, 0, text, -1, NULL);
    match_free(m);
}

/* Asserts that pattern is rejected with a message naming the pattern,
 * leaves the set unchanged, and the set still works afterwards. */
static void expect_syntax_error(const char *pat, const char *word)
{
    match_set *m = match_new();
    char *err = NULL;
    int rc = match_add(m, pat, 7, classes, NULL, &err);
    if (rc != -1)
        fail_msg("pattern '%s' must be rejected", pat);
    if (!err || !*err)
        fail_msg("pattern '%s' rejected without a message", pat);
    if (!strstr(err, pat))
        fail_msg("message for '%s' does not quote the pattern: %s", pat, err);
    if (word && !strstr(err, word))
        fail_msg("message for '%s' does not say '%s': %s", pat, word, err);
    free(err);
    assert_int_equal(match_count(m), 0);
    /* A rejected pattern leaves nothing behind; the set stays usable. */
    err = NULL;
    assert_int_equal(match_add(m, "查不到", 1, classes, NULL, &err), 0);
    match_compile(m);
    scan s;
    scan_run(&s, m, "我查不到", -1);
    assert_int_equal(s.nh, 1);
    assert_int_equal(s.h[0].tag, 1);
    scan_release(&s);
    match_free(m);
}

/* n copies of s, concatenated. */
static char *repeat(const char *s, size_t n)
{
    size_t l = strlen(s);
    char *r = xmalloc(l * n + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(r + i * l, s, l);
    r[l * n] = '\0';
    return r;
}

/* ---- literals -------------------------------------------------------- */

static void test_literal_and_span(void **state)
{
    (void)state;
    match_set *m = set1("查不到");
    scan s;
    scan_run(&s, m, "对不起，我查不到您的记录。", -1);
    assert_int_equal(s.nh, 1);
    assert_int_equal(s.h[0].tag, 0);
    assert_int_equal(s.h[0].from, 4); /* 对不起 我 -> 查 is the 5th kept char */
    assert_int_equal(s.h[0].to, 7);
    assert_int_equal(s.h[0].clause, 1);
    char *got = hit_text(&s, 0);
    assert_string_equal(got, "查不到");
    free(got);
    scan_release(&s);

    /* Stray spaces inside the words: the span is the original text. */
    expect_tag(m, 0, "您好 我 查 不 到 啊", -1, "查 不 到");
    expect_tag(m, 0, "我查到了", -1, NULL);
    expect_tag(m, 0, "查不", -1, NULL);
    match_free(m);

    /* English: spaces are dropped, so words join. */
    expect_match("notmyjob", "Sorry, that's NOT my job.", "NOT my job");
}

static void test_alternatives(void **state)
{
    (void)state;
    match_set *m = set1("不归|不属于 我 管");
    expect_tag(m, 0, "这个不归我管", -1, "不归我管");
    expect_tag(m, 0, "这个不属于我管", -1, "不属于我管");
    expect_tag(m, 0, "这个不是我管", -1, NULL);
    expect_tag(m, 0, "这个归我管", -1, NULL);
    match_free(m);
    /* Three alternatives, one of them a prefix of another. */
    m = set1("a|ab|abc x");
    expect_tag(m, 0, "abx", -1, "abx");
    expect_tag(m, 0, "abcx", -1, "abcx");
    expect_tag(m, 0, "ax", -1, "ax");
    expect_tag(m, 0, "abdx", -1, NULL);
    match_free(m);
}

/* ---- classes --------------------------------------------------------- */

static void test_classes(void **state)
{
    (void)state;
    match_set *m = set1("不归 {SELF} 管");
    expect_tag(m, 0, "这不归我管", -1, "不归我管");
    expect_tag(m, 0, "这不归我们管", -1, "不归我们管");
    expect_tag(m, 0, "这不归本人管", -1, "不归本人管");
    expect_tag(m, 0, "这不归他管", -1, NULL);
    match_free(m);

    /* Class members are folded too (不歸 -> 不归), and a class can be
     * combined with literal alternatives in one token. */
    m = set1("{NEG}|不是 {SELF} 管");
    expect_tag(m, 0, "不归我管", -1, "不归我管");
    expect_tag(m, 0, "不屬於我們管", -1, "不屬於我們管");
    expect_tag(m, 0, "不是我管", -1, "不是我管");
    match_free(m);

    /* The lookup is consulted with the caller's context. */
    int calls = 0;
    m = match_new();
    assert_int_equal(match_add(m, "{SELF} 管", 0, classes, &calls, NULL), 0);
    assert_true(calls >= 1);
    match_free(m);
}

static void test_unknown_class(void **state)
{
    (void)state;
    match_set *m = match_new();
    char *err = NULL;
    assert_int_equal(match_add(m, "不归 {NOSUCH} 管", 0, classes, NULL, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "NOSUCH"));
    free(err);
    /* No lookup at all: every class is unknown. */
    err = NULL;
    assert_int_equal(match_add(m, "{SELF} 管", 0, NULL, NULL, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "SELF"));
    free(err);
    /* Malformed class syntax. */
    expect_syntax_error("不归 {SELF 管", "SELF");
    expect_syntax_error("不归 {} 管", NULL);
    assert_int_equal(match_count(m), 0);
    match_free(m);
}

/* ---- optional tokens ------------------------------------------------- */

static void test_optional(void **state)
{
    (void)state;
    match_set *m = set1("他们 都? 错了");
    expect_tag(m, 0, "他们都错了", -1, "他们都错了");
    expect_tag(m, 0, "他们错了", -1, "他们错了");
    expect_tag(m, 0, "他们也错了", -1, NULL); /* not a gap: 也 is not 都 */
    assert_int_equal(match_count(m), 2);
    match_free(m);

    /* Optional first and last tokens, optional class. */
    m = set1("{SELF}? 查不到");
    expect_tag(m, 0, "查不到", -1, "查不到");
    expect_tag(m, 0, "我们查不到", -1, "我们查不到");
    match_free(m);
    m = set1("好 吧|呢? 的");
    expect_tag(m, 0, "好吧的", -1, "好吧的");
    expect_tag(m, 0, "好呢的", -1, "好呢的");
    expect_tag(m, 0, "好的", -1, "好的");
    expect_tag(m, 0, "好啊的", -1, NULL);
    match_free(m);

    /* Gaps on both sides of an absent optional token add up. */
    m = set1("我 .. 都? .. 错");
    expect_tag(m, 0, "我们今天都做错", -1, "我们今天都做错");
    expect_tag(m, 0, "我今天做的全错", -1, "我今天做的全错");     /* 5 <= 4 + 4 */
    expect_tag(m, 0, "我今天做的事情全部弄错", -1, NULL);         /* 9 > 8 */
    match_free(m);

    /* Two optional tokens expand to four variants; none is required. */
    m = set1("a? b c?");
    assert_int_equal(match_count(m), 4);
    expect_tag(m, 0, "b", -1, "b");
    expect_tag(m, 0, "xbx", -1, "b");
    expect_tag(m, 0, "xacx", -1, NULL);
    match_free(m);
}

/* ---- gaps ------------------------------------------------------------ */

static void test_default_gap(void **state)
{
    (void)state;
    match_set *m = set1("我 .. 没办法");
    expect_tag(m, 0, "我没办法", -1, "我没办法");           /* gap 0 */
    expect_tag(m, 0, "我真是没办法", -1, "我真是没办法");   /* gap 2 */
    expect_tag(m, 0, "我abcd没办法", -1, "我abcd没办法");   /* gap 4: the default */
    expect_tag(m, 0, "我abcde没办法", -1, NULL);            /* gap 5 */
    expect_tag(m, 0, "我实在是真的没办法", -1, NULL);       /* gap 5 in Chinese */
    /* Spaces are not characters: four letters with spaces between. */
    expect_tag(m, 0, "我 a b c d 没办法", -1, "我 a b c d 没办法");
    /* The gap must not run backwards (没办法 before 我). */
    expect_tag(m, 0, "没办法我", -1, NULL);
    match_free(m);
}

static void test_sized_gap(void **state)
{
    (void)state;
    match_set *m = set1("我 ..2 没办法");
    expect_tag(m, 0, "我ab没办法", -1, "我ab没办法");
    expect_tag(m, 0, "我abc没办法", -1, NULL);
    match_free(m);

    m = set1("我 ..1 管");
    expect_tag(m, 0, "我管", -1, "我管");
    expect_tag(m, 0, "我来管", -1, "我来管");
    expect_tag(m, 0, "我来来管", -1, NULL);
    match_free(m);

    /* The maximum, 12. */
    m = set1("a ..12 b");
    char *in = xasprintf("a%sb", "cccccccccccc");    /* 12 */
    char *out = xasprintf("a%sb", "ccccccccccccc");  /* 13 */
    expect_tag(m, 0, in, -1, in);
    expect_tag(m, 0, out, -1, NULL);
    free(in);
    free(out);
    match_free(m);

    /* Gap larger than default between several tokens, each bounded. */
    m = set1("x ..8 y .. z");
    expect_tag(m, 0, "x12345678y1234z", -1, "x12345678y1234z");
    expect_tag(m, 0, "x123456789y1z", -1, NULL);
    expect_tag(m, 0, "x1y12345z", -1, NULL);
    match_free(m);

    /* A later occurrence of the second token inside the gap is found even
     * when an earlier one is too close to be followed. */
    m = set1("a .. b c");
    expect_tag(m, 0, "abxxbc", -1, "abxxbc");
    match_free(m);
}

/* ---- clause anchors ^ and $ ----------------------------------------- */

static void test_anchors(void **state)
{
    (void)state;
    match_set *m = set1("^ 查不到");
    expect_tag(m, 0, "查不到啊，我再看看", -1, "查不到");
    expect_tag(m, 0, "好的，查不到", -1, "查不到");      /* begins the second clause */
    expect_tag(m, 0, "如果查不到，我再看看", -1, NULL);
    expect_tag(m, 0, "  查不到", -1, "查不到");           /* leading spaces are not text */
    match_free(m);

    m = set1("不知道 吧|啊? $");
    expect_tag(m, 0, "我不知道啊", -1, "不知道啊");
    expect_tag(m, 0, "我不知道！", -1, "不知道");
    expect_tag(m, 0, "我不知道吧，你再问问", -1, "不知道吧");
    expect_tag(m, 0, "我不知道啊你再问问", -1, NULL);
    expect_tag(m, 0, "我不知道怎么办", -1, NULL);
    match_free(m);

    /* Both: the whole clause. */
    m = set1("^ 嗯 $");
    expect_tag(m, 0, "嗯。", -1, "嗯");
    expect_tag(m, 0, "好，嗯！", -1, "嗯");
    expect_tag(m, 0, "嗯嗯", -1, NULL);
    match_free(m);

    /* An optional first token: ^ applies to whichever token starts. */
    m = set1("^ 我? 查不到");
    expect_tag(m, 0, "我查不到", -1, "我查不到");
    expect_tag(m, 0, "查不到", -1, "查不到");
    expect_tag(m, 0, "他查不到", -1, NULL);
    match_free(m);

    /* Misplaced anchors are syntax errors. */
    expect_syntax_error("查 ^ 不到", "^");
    expect_syntax_error("^ ^ 查", "^");
    expect_syntax_error("查 $ 不到", "$");
    expect_syntax_error("$ 查", "$");
    expect_syntax_error("查 .. $", "$");
    expect_syntax_error("查 $ $", "$");
    expect_syntax_error("^", NULL);
    expect_syntax_error("^ $", NULL);
}

/* With `$`, when the first chain of tokens does not reach the end of the
 * clause a later one that does is tried ("a .. b $" on "abxb": a-b at 0..2
 * is rejected, a-b at 0..4 matches; found missing before 49ea37c). */
static void test_anchor_end_later_chain(void **state)
{
    (void)state;
    match_set *m = set1("a .. b $");
    expect_tag(m, 0, "abxb", -1, "abxb");
    match_free(m);
    m = set1("不 .. 知道 $");
    expect_tag(m, 0, "我不知道他知道", -1, "不知道他知道");
    match_free(m);
}

/* ---- clauses and conjunctions --------------------------------------- */

static void test_clause_boundary(void **state)
{
    (void)state;
    static const char *const breaks[] = {
        "，", "。", "！", "？", "；", "：", "、", "……", ",", ".", "!", "?", ";", ":",
        "\n", "\r\n", "\t",
    };
    match_set *m = set1("查不到 .. 帮");
    expect_tag(m, 0, "我查不到会帮您", -1, "查不到会帮");
    for (size_t i = 0; i < sizeof breaks / sizeof *breaks; i++) {
        char *t = xasprintf("我查不到%s帮您", breaks[i]);
        expect_tag(m, 0, t, -1, NULL);
        free(t);
    }
    match_free(m);

    /* The letters line up after punctuation is dropped, but one literal
     * never spans the break either. */
    m = set1("不到帮");
    expect_tag(m, 0, "查不到帮您", -1, "不到帮");
    expect_tag(m, 0, "查不到，帮您", -1, NULL);
    expect_tag(m, 0, "查不到。\n帮您", -1, NULL);
    match_free(m);

    /* Hits carry their clause; a pattern matches in every clause. */
    m = set1("好");
    scan s;
    scan_run(&s, m, "好好好，好！好", -1);
    assert_int_equal(s.nh, 3);
    assert_int_equal(s.h[0].from, 0);
    assert_int_equal(s.h[1].from, 3);
    assert_int_equal(s.h[2].from, 4);
    assert_int_equal(s.h[0].clause, 0);
    assert_int_equal(s.h[1].clause, 1);
    assert_int_equal(s.h[2].clause, 2);
    scan_release(&s);
    match_free(m);
}

static void test_conjunctions(void **state)
{
    (void)state;
    static const char *const pats[] = {
        "查不到 .. 帮", "所以 .. 不行", "查不到", "但是", "可是", "不过", "所以",
    };
    match_set *m = match_new();
    for (int i = 0; i < 3; i++)
        assert_int_equal(match_add(m, pats[i], i, classes, NULL, NULL), 0);
    for (int i = 3; i < 7; i++)
        assert_int_equal(match_add(m, pats[i], 99, classes, NULL, NULL), 0);
    match_compile(m);

    /* Without conjunction splitting the gap of four (但是我会) is bridged… */
    expect_tag(m, 0, "我查不到但是我会帮您", -1, "查不到但是我会帮");
    /* …with it, 但是 starts a new segment and the pattern does not cross. */
    expect_tag(m, 0, "我查不到但是我会帮您", 99, NULL);
    expect_tag(m, 0, "我查不到可是会帮您", 99, NULL);
    expect_tag(m, 0, "我查不到不过会帮您", 99, NULL);
    expect_tag(m, 0, "我查不到所以帮您", 99, NULL);
    /* Within one segment it still matches. */
    expect_tag(m, 0, "我查不到会帮您", 99, "查不到会帮");
    expect_tag(m, 0, "但是我查不到会帮您", 99, "查不到会帮");
    /* The split is before the conjunction: both halves keep their words,
     * and a pattern that starts with the conjunction still matches. */
    expect_tag(m, 2, "我查不到但是我会帮您", 99, "查不到");
    expect_tag(m, 1, "我查不到所以这个不行", 99, "所以这个不行");

    /* A last token whose literal runs into the conjunction does not match
     * either (the match would end in the next segment). */
    match_set *m2 = match_new();
    assert_int_equal(match_add(m2, "我 ..1 不到但", 0, NULL, NULL, NULL), 0);
    assert_int_equal(match_add(m2, "不到但", 1, NULL, NULL, NULL), 0);
    assert_int_equal(match_add(m2, "但是", 9, NULL, NULL, NULL), 0);
    match_compile(m2);
    expect_tag(m2, 0, "我查不到但是会帮您", -1, "我查不到但");
    expect_tag(m2, 0, "我查不到但是会帮您", 9, NULL);
    expect_tag(m2, 1, "我查不到但是会帮您", -1, "不到但");
    expect_tag(m2, 1, "我查不到但是会帮您", 9, NULL);
    match_free(m2);

    /* Segment numbers: 但是 opens segment 1, the comma segment 2. */
    scan s;
    scan_run(&s, m, "我查不到但是我会帮您，所以不行", 99);
    assert_int_equal(s.t.n, 14);
    assert_int_equal(s.seg[0], 0);
    assert_int_equal(s.seg[3], 0);
    assert_int_equal(s.seg[4], 1); /* 但 */
    assert_int_equal(s.seg[9], 1);
    assert_int_equal(s.seg[10], 2); /* 所 */
    int i = hit_of(&s, 1);
    assert_true(i >= 0);
    assert_int_equal(s.h[i].clause, 2);
    assert_int_equal(hit_of(&s, 0), -1);
    scan_release(&s);
    match_free(m);
}

/* Words that contain a conjunction but are none (只不过) cancel the split. */
static void test_noconj_words(void **state)
{
    (void)state;
    match_set *with = match_new(), *without = match_new();
    match_set *sets[] = { with, without };
    for (int k = 0; k < 2; k++) {
        match_set *m = sets[k];
        assert_int_equal(match_add(m, "我 只是|只不过是 ..2 接线员", 0, NULL, NULL, NULL), 0);
        assert_int_equal(match_add(m, "查不到 .. 帮", 1, NULL, NULL, NULL), 0);
        assert_int_equal(match_add(m, "不过", 9, NULL, NULL, NULL), 0);
        assert_int_equal(match_add(m, "但是", 9, NULL, NULL, NULL), 0);
        assert_int_equal(match_add(m, "只不过", 8, NULL, NULL, NULL), 0);
    }
    match_set_noconj(with, 8);
    match_compile(with);
    match_compile(without);
    expect_tag(with, 0, "我只不过是个接线员", 9, "我只不过是个接线员");
    expect_tag(without, 0, "我只不过是个接线员", 9, NULL);
    /* A real 不过 still splits, and so does 但是 next to a 只不过. */
    expect_tag(with, 1, "我查不到不过会帮您", 9, NULL);
    expect_tag(with, 1, "我查不到但是帮", 9, NULL);
    expect_tag(with, 0, "我只不过是个接线员", -1, "我只不过是个接线员");
    /* The marker words are not reported as hits of their own. */
    scan s;
    scan_run(&s, with, "我只不过是个接线员", 9);
    assert_int_equal(s.nh, 1);
    assert_int_equal(s.seg[s.t.n - 1], 0);
    scan_release(&s);
    match_free(with);
    match_free(without);
}

/* match_scan_all: every occurrence, one per tag and start position. */
static void test_scan_all(void **state)
{
    (void)state;
    static const char *const p[] = { "好", "好的 吧?", "查不到" };
    match_set *m = set_of(p, 3);
    u8_norm t;
    static const char text[] = "好好，好的吧查不到查不到";
    assert_int_equal(u8_normalize(text, strlen(text), &t, NULL), 0);
    match_hit *h = NULL;
    uint32_t *seg = NULL;
    size_t n = match_scan_all(m, &t, -1, &h, &seg);
    /* 好 at 0, 1, 2 (three), 好的(吧) at 2 once (two variants, one start),
     * 查不到 at 5 and 8. */
    size_t per[3] = { 0, 0, 0 };
    for (size_t i = 0; i < n; i++) {
        per[h[i].tag]++;
        if (i)
            assert_true(h[i - 1].from <= h[i].from);
    }
    assert_int_equal(per[0], 3);
    assert_int_equal(per[1], 1);
    assert_int_equal(per[2], 2);
    assert_int_equal(n, 6);
    assert_int_equal(seg[0], 0);
    assert_int_equal(seg[2], 1);
    free(h);
    free(seg);
    /* match_scan keeps only the first per tag and clause. */
    n = match_scan(m, &t, -1, &h, NULL);
    assert_int_equal(n, 4);
    free(h);
    u8_norm_release(&t);
    match_free(m);
}

/* ---- folding --------------------------------------------------------- */

static void test_folding(void **state)
{
    (void)state;
    /* Traditional text, Simplified pattern. */
    expect_match("这 不归 我 管", "這不歸我管！", "這不歸我管");
    expect_match("不属于 我们 的 业务 范围", "這個不屬於我們的業務範圍", "不屬於我們的業務範圍");
    /* Full-width letters and digits, and case. */
    expect_match("ok", "ＯＫ，没问题", "ＯＫ");
    expect_match("ok", "OK", "OK");
    expect_match("notmyjob", "NoT My JoB", "NoT My JoB");
    expect_match("24小时", "２４小時內回覆", "２４小時");
    /* A pattern written in Traditional or upper case is folded the same. */
    expect_match("這 不歸 我 管", "这不归我管", "这不归我管");
    expect_match("OK", "ok", "ok");
    /* Folding does not invent matches. */
    expect_no_match("这 不归 我 管", "这不是我管");
}

/* ---- many patterns: shared prefixes and suffixes ---------------------- */

static void test_shared_prefix_suffix(void **state)
{
    (void)state;
    {
        static const char *const p[] = { "他们", "们经常错", "经常" };
        match_set *m = set_of(p, 3);
        scan s;
        scan_run(&s, m, "他们经常错", -1);
        assert_int_equal(s.nh, 3);
        int a = hit_of(&s, 0), b = hit_of(&s, 1), c = hit_of(&s, 2);
        assert_true(a >= 0 && b >= 0 && c >= 0);
        assert_int_equal(s.h[a].from, 0);
        assert_int_equal(s.h[a].to, 2);
        assert_int_equal(s.h[b].from, 1);
        assert_int_equal(s.h[b].to, 5);
        assert_int_equal(s.h[c].from, 2);
        assert_int_equal(s.h[c].to, 4);
        /* Ordered by position. */
        assert_int_equal(s.h[0].tag, 0);
        assert_int_equal(s.h[1].tag, 1);
        assert_int_equal(s.h[2].tag, 2);
        scan_release(&s);
        match_free(m);
    }
    {
        /* The textbook case: output links (he inside she, hers). */
        static const char *const p[] = { "he", "she", "his", "hers" };
        match_set *m = set_of(p, 4);
        scan s;
        scan_run(&s, m, "ushers", -1);
        assert_int_equal(s.nh, 3);
        int he = hit_of(&s, 0), she = hit_of(&s, 1), hers = hit_of(&s, 3);
        assert_true(he >= 0 && she >= 0 && hers >= 0);
        assert_int_equal(hit_of(&s, 2), -1);
        assert_int_equal(s.h[she].from, 1);
        assert_int_equal(s.h[he].from, 2);
        assert_int_equal(s.h[hers].from, 2);
        assert_int_equal(s.h[hers].to, 6);
        scan_release(&s);
        match_free(m);
    }
    {
        /* A failure link must resume inside a longer partial match:
         * after "abc" fails on 'e', "bce" has to be found. */
        static const char *const p[] = { "abcd", "bce", "经常错误", "常错了" };
        match_set *m = set_of(p, 4);
        expect_tag(m, 1, "abce", -1, "bce");
        expect_tag(m, 0, "abce", -1, NULL);
        expect_tag(m, 3, "他经常错了", -1, "常错了");
        expect_tag(m, 2, "他经常错了", -1, NULL);
        match_free(m);
    }
    {
        /* Prefix chains and suffix chains, all ending at one position. */
        static const char *const p[] = { "我", "我们", "我们的", "们的", "的" };
        match_set *m = set_of(p, 5);
        scan s;
        scan_run(&s, m, "是我们的", -1);
        assert_int_equal(s.nh, 5);
        for (int t = 0; t < 5; t++)
            assert_true(hit_of(&s, t) >= 0);
        scan_release(&s);
        match_free(m);
    }
    {
        /* The same literal used by several patterns and several tokens. */
        static const char *const p[] = { "经常 错", "他们 .. 经常", "经常", "错 .. 经常" };
        match_set *m = set_of(p, 4);
        expect_tag(m, 0, "他们经常错", -1, "经常错");
        expect_tag(m, 1, "他们经常错", -1, "他们经常");
        expect_tag(m, 2, "他们经常错", -1, "经常");
        expect_tag(m, 3, "他们经常错", -1, NULL);
        expect_tag(m, 3, "错了经常", -1, "错了经常");
        match_free(m);
    }
    {
        /* Many patterns at once: each of 200 numbered words found once. */
        match_set *m = match_new();
        strbuf sb;
        sb_init(&sb);
        for (int i = 0; i < 200; i++) {
            char *w = xasprintf("w%dx", i);
            assert_int_equal(match_add(m, w, i, NULL, NULL, NULL), 0);
            sb_addf(&sb, "%s，", w);
            free(w);
        }
        match_compile(m);
        scan s;
        scan_run(&s, m, sb.buf, -1);
        assert_int_equal(s.nh, 200);
        for (int i = 0; i < 200; i++)
            assert_int_equal(count_of(&s, i), 1);
        scan_release(&s);
        sb_release(&sb);
        match_free(m);
    }
}

/* ---- syntax errors --------------------------------------------------- */

static void test_syntax_errors(void **state)
{
    (void)state;
    expect_syntax_error(".. 我 管", "gap");          /* gap at the start */
    expect_syntax_error("我 管 ..", "gap");          /* gap at the end */
    expect_syntax_error("我 .. .. 管", "gap");       /* two gaps in a row */
    expect_syntax_error("我 .. ..3 管", "gap");
    expect_syntax_error("我 ..13 管", "..13");       /* beyond the maximum */
    expect_syntax_error("我 ..0 管", "..0");
    expect_syntax_error("我 ..x 管", "..x");
    expect_syntax_error("我 ..-1 管", "..-1");
    expect_syntax_error("不归||不属于 管", "empty");  /* empty alternative */
    expect_syntax_error("|不归 管", "empty");
    expect_syntax_error("不归| 管", "empty");
    expect_syntax_error("吧? 呢?", "optional");      /* all optional */
    expect_syntax_error("吧?", "optional");
    expect_syntax_error("我 ， 管", "，");            /* empty after folding */
    expect_syntax_error("，", NULL);
    expect_syntax_error("我 ?", NULL);
    expect_syntax_error("我 不归|！ 管", "！");
    expect_syntax_error("", NULL);                   /* no tokens */
    expect_syntax_error("   ", NULL);
    expect_syntax_error("a b c d e f g h i j k l m n o p q", NULL); /* 17 tokens */
    expect_syntax_error("a? b? c? d? e? f? g? h", NULL);           /* 7 optional */
    /* A NULL err is allowed. */
    match_set *m = match_new();
    assert_int_equal(match_add(m, ".. 我", 0, NULL, NULL, NULL), -1);
    match_free(m);
}

/* ---- first occurrence, empty, long ----------------------------------- */

static void test_first_occurrence(void **state)
{
    (void)state;
    static const char *const p[] = { "查不到", "没 .. 办法", "查" };
    match_set *m = set_of(p, 3);
    scan s;
    scan_run(&s, m, "查不到查不到没办法没有办法，查不到", -1);
    /* clause 0: 查不到 once (first), 没办法 once (first), 查 once. */
    assert_int_equal(count_of(&s, 0), 2);
    assert_int_equal(count_of(&s, 1), 1);
    assert_int_equal(count_of(&s, 2), 2);
    int i = hit_of(&s, 0);
    assert_int_equal(s.h[i].from, 0);
    assert_int_equal(s.h[i].clause, 0);
    i = hit_of(&s, 1);
    assert_int_equal(s.h[i].from, 6);
    assert_int_equal(s.h[i].to, 9);
    /* Ordered by position throughout. */
    for (size_t k = 1; k < s.nh; k++)
        assert_true(s.h[k - 1].from <= s.h[k].from);
    /* The second clause has its own first occurrence. */
    assert_int_equal(s.h[s.nh - 1].clause, 1);
    assert_int_equal(s.h[s.nh - 2].clause, 1);
    scan_release(&s);
    match_free(m);
}

static void test_empty_text(void **state)
{
    (void)state;
    match_set *m = set1("查不到");
    static const char *const texts[] = { "", "，。！？", "   ", "……\n\n" };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        scan s;
        scan_run(&s, m, texts[k], -1);
        assert_int_equal(s.t.n, 0);
        assert_int_equal(s.nh, 0);
        scan_release(&s);
        /* Also without a segment array. */
        u8_norm t;
        match_hit *h = NULL;
        assert_int_equal(u8_normalize(texts[k], strlen(texts[k]), &t, NULL), 0);
        assert_int_equal(match_scan(m, &t, 5, &h, NULL), 0);
        free(h);
        u8_norm_release(&t);
    }
    match_free(m);

    /* An empty set finds nothing in any text. */
    m = match_new();
    match_compile(m);
    assert_int_equal(match_count(m), 0);
    scan s;
    scan_run(&s, m, "我查不到", -1);
    assert_int_equal(s.nh, 0);
    scan_release(&s);
    match_free(m);
}

static void test_long_text(void **state)
{
    (void)state;
    static const char *const p[] = { "查不到", "我 .. 没办法", "啊啊x" };
    match_set *m = set_of(p, 3);
    char *filler = repeat("啊", 100000);
    char *text = xasprintf("%s查不到我真没办法", filler);
    scan s;
    scan_run(&s, m, text, -1);
    assert_int_equal(s.t.n, 100000 + 8);
    assert_int_equal(s.nh, 2);
    int i = hit_of(&s, 0);
    assert_true(i >= 0);
    assert_int_equal(s.h[i].from, 100000);
    assert_int_equal(s.h[i].to, 100003);
    assert_int_equal(s.t.start[s.h[i].from], 300000);
    i = hit_of(&s, 1);
    assert_true(i >= 0);
    char *got = hit_text(&s, (size_t)i);
    assert_string_equal(got, "我真没办法");
    free(got);
    assert_int_equal(hit_of(&s, 2), -1);
    scan_release(&s);
    free(text);

    /* 100k clauses, the hit in the last one. */
    char *many = repeat("啊，", 100000);
    text = xasprintf("%s查不到", many);
    scan_run(&s, m, text, -1);
    assert_int_equal(s.nh, 1);
    assert_int_equal(s.h[0].tag, 0);
    assert_int_equal(s.h[0].clause, 100000);
    scan_release(&s);
    free(text);
    free(many);
    free(filler);
    match_free(m);
}

/* ---- the fast paths: workspaces, fused tokens, declared conjunctions ---- */

/* Texts for comparing scans: gaps, classes, conjunctions, clauses. */
static const char *const mixed[] = {
    "我们不负责这个，但是我不负责这些", "本人不负责这方面的事", "这不归我们管，我不管",
    "我查不到但是我会帮您", "我查不到所以这个不行", "只不过我们不负责", "", "，。",
    "不负责不负责不负责", "我我我不不负责这这个",
};

static int same_hits(const match_hit *a, size_t na, const match_hit *b, size_t nb)
{
    if (na != nb)
        return 0;
    for (size_t i = 0; i < na; i++)
        if (a[i].tag != b[i].tag || a[i].from != b[i].from || a[i].to != b[i].to ||
            a[i].clause != b[i].clause)
            return 0;
    return 1;
}

/* One workspace serves many texts and two sets of different sizes, with
 * the results match_scan and match_scan_all give. */
static void test_workspace(void **state)
{
    (void)state;
    static const char *const small[] = { "{SELF} 不 负责 这个|这些|这方面", "查不到" };
    static const char *const big[] = {
        "{SELF} 不 负责 这个|这些|这方面", "不归 {SELF} ..4 管", "查不到 .. 帮", "所以 .. 不行",
        "{SELF} ..2 不管", "^ 本人", "不行 $", "但是", "可是", "不过", "所以", "只不过",
    };
    match_set *ms[2] = { set_of(small, 2), match_new() };
    for (int i = 0; i < 12; i++)
        assert_int_equal(match_add(ms[1], big[i], i < 7 ? i : i < 11 ? 99 : 98, classes, NULL,
                                   NULL), 0);
    match_set_noconj(ms[1], 98);
    match_compile(ms[1]);
    match_ws *w = match_ws_new();
    for (int round = 0; round < 3; round++)
        for (size_t k = 0; k < sizeof mixed / sizeof *mixed; k++)
            for (int set = 0; set < 2; set++)
                for (int all = 0; all < 2; all++) {
                    u8_norm t;
                    assert_int_equal(u8_normalize(mixed[k], strlen(mixed[k]), &t, NULL), 0);
                    match_hit *h;
                    uint32_t *seg;
                    size_t nh = all ? match_scan_all(ms[set], &t, 99, &h, &seg)
                                    : match_scan(ms[set], &t, 99, &h, &seg);
                    const match_hit *wh;
                    const uint32_t *wseg;
                    size_t nw = match_scan_ws(ms[set], &t, 99, all, w, &wh, &wseg);
                    if (!same_hits(h, nh, wh, nw))
                        fail_msg("\"%s\" (set %d, all %d): workspace scan differs", mixed[k], set,
                                 all);
                    for (size_t i = 0; i < t.n; i++)
                        assert_int_equal(seg[i], wseg[i]);
                    free(h);
                    free(seg);
                    u8_norm_release(&t);
                }
    match_ws_free(w);
    match_free(ms[0]);
    match_free(ms[1]);
}

/* Tokens with no gap between them are fused into longer literals; spans
 * are those of the tokens as written, including where alternatives of
 * different lengths overlap. */
static void test_fused_tokens(void **state)
{
    (void)state;
    static const char *const pats[] = {
        "{SELF} 不 负责", "我 们|们不 ..2 管", "不 {SELF} 管", "a|ab b|bc ..3 c", "x y z $",
    };
    match_set *m = set_of(pats, 5);
    expect_tag(m, 0, "本人不负责", -1, "本人不负责");
    expect_tag(m, 0, "我们不负责", -1, "我们不负责");
    expect_tag(m, 0, "我们 不 負責", -1, "我们 不 負責");
    expect_tag(m, 0, "我们不，负责", -1, NULL);
    expect_tag(m, 1, "我们不管", -1, "我们不管");
    expect_tag(m, 1, "我们不会不管", -1, "我们不会不管");
    expect_tag(m, 2, "不我们管", -1, "不我们管");
    expect_tag(m, 3, "abbcxc", -1, "abbc");
    expect_tag(m, 3, "abxxc", -1, "abxxc");
    expect_tag(m, 3, "abcc", -1, "abc");
    expect_tag(m, 4, "xyz", -1, "xyz");
    expect_tag(m, 4, "xyzw", -1, NULL);
    match_free(m);
}

/* Declaring the conjunction tag (match_set_conj) changes nothing but speed;
 * scanning with another tag still works. */
static void test_declared_conj(void **state)
{
    (void)state;
    static const char *const pats[] = { "查不到 .. 帮", "但是", "所以" };
    match_set *a = match_new(), *b = match_new();
    for (int i = 0; i < 3; i++) {
        assert_int_equal(match_add(a, pats[i], i ? 99 : 0, classes, NULL, NULL), 0);
        assert_int_equal(match_add(b, pats[i], i ? 99 : 0, classes, NULL, NULL), 0);
    }
    match_set_conj(a, 99);
    match_compile(a);
    match_compile(b);
    for (size_t k = 0; k < sizeof mixed / sizeof *mixed; k++)
        for (int conj = -1; conj <= 99; conj += 100) {
            scan x, y;
            scan_run(&x, a, mixed[k], conj);
            scan_run(&y, b, mixed[k], conj);
            if (!same_hits(x.h, x.nh, y.h, y.nh))
                fail_msg("\"%s\" (conj %d): declared and undeclared differ", mixed[k], conj);
            scan_release(&x);
            scan_release(&y);
        }
    expect_tag(a, 0, "我查不到但是我会帮您", 99, NULL);
    expect_tag(a, 0, "我查不到但是我会帮您", -1, "查不到但是我会帮");
    match_free(a);
    match_free(b);
}

/* A pattern is chained only when a literal of each token's set was seen,
 * in any order; a literal may stand in several sets (我 alone, in {SELF},
 * fused into 我不); token 0 need not be the anchor. */
static void test_sets_seen(void **state)
{
    (void)state;
    static const char *const pats[] = {
        "我 .. 退款", "{SELF} ..3 帮您", "我不 .. 管", "我", "您 ..2 {SELF}",
    };
    match_set *m = set_of(pats, 5);
    expect_tag(m, 0, "退款", -1, NULL);
    expect_tag(m, 0, "退款了我", -1, NULL);
    expect_tag(m, 0, "我要退款", -1, "我要退款");
    expect_tag(m, 0, "我，要退款", -1, NULL);
    expect_tag(m, 1, "帮您", -1, NULL);
    expect_tag(m, 1, "本人来帮您", -1, "本人来帮您");
    expect_tag(m, 1, "我们马上帮您", -1, "我们马上帮您");
    expect_tag(m, 1, "我们马上就来帮您", -1, NULL);
    expect_tag(m, 2, "我不想管", -1, "我不想管");
    expect_tag(m, 2, "我想不管", -1, NULL);
    expect_tag(m, 3, "我不想管", -1, "我");
    expect_tag(m, 4, "您和我们", -1, "您和我");
    expect_tag(m, 4, "我们和您", -1, NULL);
    scan s;
    scan_run(&s, m, "我要退款，本人帮您，我不管", -1);
    assert_int_equal(count_of(&s, 0), 1);
    assert_int_equal(count_of(&s, 1), 1);
    assert_int_equal(count_of(&s, 2), 1);
    assert_int_equal(count_of(&s, 3), 2);
    scan_release(&s);
    match_free(m);
}

/* A gap's window ends at its segment: a later segment's occurrences never
 * extend a chain, also when a literal crosses a conjunction. */
static void test_window_segment(void **state)
{
    (void)state;
    static const char *const pats[] = { "不 .. 过来", "查 ..6 到", "但是" };
    match_set *m = set_of(pats, 3);
    expect_tag(m, 0, "不要过来", 2, "不要过来");
    expect_tag(m, 0, "不过来", 2, "不过来");
    expect_tag(m, 1, "查一下但是到了", 2, NULL);
    expect_tag(m, 1, "查一下但是到了", -1, "查一下但是到");
    expect_tag(m, 1, "查，到", 2, NULL);
    match_free(m);
}

static int teardown(void **state)
{
    (void)state;
    u8_shutdown();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literal_and_span),
        cmocka_unit_test(test_alternatives),
        cmocka_unit_test(test_classes),
        cmocka_unit_test(test_unknown_class),
        cmocka_unit_test(test_optional),
        cmocka_unit_test(test_default_gap),
        cmocka_unit_test(test_sized_gap),
        cmocka_unit_test(test_anchors),
        cmocka_unit_test(test_anchor_end_later_chain),
        cmocka_unit_test(test_clause_boundary),
        cmocka_unit_test(test_conjunctions),
        cmocka_unit_test(test_noconj_words),
        cmocka_unit_test(test_scan_all),
        cmocka_unit_test(test_folding),
        cmocka_unit_test(test_shared_prefix_suffix),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_first_occurrence),
        cmocka_unit_test(test_empty_text),
        cmocka_unit_test(test_long_text),
        cmocka_unit_test(test_workspace),
        cmocka_unit_test(test_fused_tokens),
        cmocka_unit_test(test_declared_conj),
        cmocka_unit_test(test_sets_seen),
        cmocka_unit_test(test_window_segment),
    };
    return cmocka_run_group_tests_name("match", tests, NULL, teardown);
}
