/*
 * test_lexicon.c - tests of the real lexicons (forbidden, empathy and steps in grading/lexicons)
 * through lex_load_dir and grade_text: every entry's `examples` produce
 * that entry and no `near` does (all failures listed in one message); the
 * scope rules (quotation, reported or refused speech, negation of
 * positive entries) on phrases of the real lexicons; Traditional and
 * full-width input grade like Simplified; then loader errors on small
 * lexicon directories made under /tmp.
 * Run from the repository root. Deliberately not here: the matcher's own
 * syntax (test_match.c) and scoring.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <opencc/opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grade.h"
#include "lexicon.h"
#include "steps.h"
#include "u8.h"
#include "util.h"

static lexicon *LX; /* the real lexicons, loaded once */

static int setup_real(void **state)
{
    (void)state;
    char *err = NULL;
    if (lex_load_dir("grading/lexicons", &LX, &err) != 0) {
        fprintf(stderr, "cannot load grading/lexicons: %s\n", err ? err : "?");
        free(err);
        return -1;
    }
    return 0;
}

static int teardown_real(void **state)
{
    (void)state;
    lex_free(LX);
    LX = NULL;
    u8_shutdown();
    return 0;
}

static const char *kind_name(lex_kind k)
{
    return k == LEX_FORBIDDEN ? "forbidden" : k == LEX_EMPATHY ? "empathy" : "steps";
}

/* Grades text with the real lexicons. */
static void grade(const char *text, grade_result *r)
{
    char *err = NULL;
    if (grade_text(LX, text, strlen(text), r, &err) != 0)
        fail_msg("grade_text failed on \"%s\": %s", text, err ? err : "?");
}

/* Does the result contain a finding of entry e? */
static int has_entry(const grade_result *r, const lex_entry *e)
{
    for (size_t i = 0; i < r->nf; i++)
        if (r->f[i].entry == e)
            return 1;
    return 0;
}

/* "kind:id «match», …" for every finding, or "nothing". Caller frees. */
static char *describe(const grade_result *r)
{
    strbuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < r->nf; i++)
        sb_addf(&sb, "%s%s:%s «%s»", i ? ", " : "", kind_name(r->f[i].entry->kind),
                r->f[i].entry->id, r->f[i].match);
    if (!r->nf)
        sb_adds(&sb, "nothing");
    return sb_detach(&sb);
}

/* Number of forbidden findings. */
static size_t nforbidden(const grade_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nf; i++)
        n += r->f[i].entry->kind == LEX_FORBIDDEN;
    return n;
}

static const lex_entry *entry(lex_kind kind, const char *id)
{
    int i = lex_find(LX, kind, id);
    if (i < 0)
        fail_msg("the real lexicon has no %s entry '%s' (test needs updating?)",
                 kind_name(kind), id);
    return &LX->e[i];
}

/* Asserts that text does (want = 1) or does not (want = 0) produce the
 * entry. */
static void expect_entry(const char *text, lex_kind kind, const char *id, int want)
{
    const lex_entry *e = entry(kind, id);
    grade_result r;
    grade(text, &r);
    if (has_entry(&r, e) != want) {
        char *d = describe(&r);
        fail_msg("\"%s\" must %sproduce %s:%s; found: %s", text, want ? "" : "not ",
                 kind_name(kind), id, d);
    }
    grade_result_release(&r);
}

static void expect_no_forbidden(const char *text)
{
    grade_result r;
    grade(text, &r);
    if (nforbidden(&r)) {
        char *d = describe(&r);
        fail_msg("\"%s\" must give no forbidden finding; found: %s", text, d);
    }
    grade_result_release(&r);
}

static void expect_step(const char *text, const char *step, int want)
{
    int si = step_index(step);
    assert_true(si >= 0);
    grade_result r;
    grade(text, &r);
    if (((r.steps >> si) & 1) != (unsigned)want) {
        char *d = describe(&r);
        fail_msg("\"%s\" must %shave step %s; found: %s", text, want ? "" : "not ", step, d);
    }
    grade_result_release(&r);
}

/* ---- the real lexicons ----------------------------------------------- */

static void test_loaded(void **state)
{
    (void)state;
    size_t n[3] = { 0, 0, 0 };
    unsigned steps = 0;
    for (size_t i = 0; i < LX->n; i++) {
        const lex_entry *e = &LX->e[i];
        n[e->kind]++;
        assert_non_null(e->id);
        assert_non_null(e->file);
        if (e->kind == LEX_FORBIDDEN) {
            assert_non_null(e->category);
            assert_non_null(e->why);
            assert_non_null(e->better);
            assert_in_range(e->severity, 1, 3);
        }
        if (e->kind == LEX_STEP) {
            assert_in_range(e->step, 0, STEP_COUNT - 1);
            steps |= 1u << e->step;
        }
        /* Every entry is tested by at least one example. */
        if (e->nexamples == 0)
            fail_msg("%s entry '%s' has no examples", kind_name(e->kind), e->id);
    }
    assert_true(n[LEX_FORBIDDEN] > 0);
    assert_true(n[LEX_EMPATHY] > 0);
    assert_true(n[LEX_STEP] > 0);
    /* Every step of the vocabulary can be detected. */
    assert_int_equal(steps, (1u << STEP_COUNT) - 1);
    assert_int_equal(strlen(LX->hash), 64);
}

static void test_examples_and_near(void **state)
{
    (void)state;
    strbuf bad;
    sb_init(&bad);
    size_t nbad = 0, nchecked = 0;
    for (size_t i = 0; i < LX->n; i++) {
        const lex_entry *e = &LX->e[i];
        for (int near = 0; near < 2; near++) {
            char **list = near ? e->near : e->examples;
            size_t cnt = near ? e->nnear : e->nexamples;
            for (size_t k = 0; k < cnt; k++) {
                grade_result r;
                grade(list[k], &r);
                nchecked++;
                if (has_entry(&r, e) == near) {
                    char *d = describe(&r);
                    sb_addf(&bad, "\n  %s:%s %s \"%s\" -> found: %s", kind_name(e->kind),
                            e->id, near ? "near (must NOT match)" : "example (must match)",
                            list[k], d);
                    free(d);
                    nbad++;
                }
                grade_result_release(&r);
            }
        }
    }
    assert_true(nchecked > 0);
    if (nbad) {
        /* The whole list on stderr (cmocka truncates long messages). */
        fprintf(stderr, "%zu of %zu lexicon examples/near-misses are wrong:%s\n", nbad,
                nchecked, bad.buf);
        fail_msg("%zu of %zu lexicon examples/near-misses are wrong (list above)", nbad,
                 nchecked);
    }
    sb_release(&bad);
}

static void test_quotation(void **state)
{
    (void)state;
    expect_entry("这不归我管", LEX_FORBIDDEN, "not-in-charge", 1);
    expect_no_forbidden("我不会说'这不归我管'");
    /* The quotation marks alone are enough (no refusing verb). */
    expect_no_forbidden("'这不归我管'");
    expect_no_forbidden("“这不归我管”");
    expect_no_forbidden("「這不歸我管」");
    expect_no_forbidden("他们居然回答“这不归我管”，我很抱歉");
    expect_entry("他们居然回答这不归我管，我很抱歉", LEX_FORBIDDEN, "not-in-charge", 1);
    /* Quotation only covers what is inside. */
    expect_entry("“抱歉”这不归我管", LEX_FORBIDDEN, "not-in-charge", 1);
    /* Every occurrence is judged: a quoted one does not hide a later
     * unquoted one in the same clause. */
    expect_entry("“这不归我管”这不归我管", LEX_FORBIDDEN, "not-in-charge", 1);
    expect_entry("他说这不归我管", LEX_FORBIDDEN, "not-in-charge", 0);
    /* A quoted forbidden phrase does not hide the steps said around it. */
    expect_step("他们居然回答“这不归我管”，我很抱歉", "apologize", 1);
}

static void test_reported_speech(void **state)
{
    (void)state;
    expect_entry("他们经常错", LEX_FORBIDDEN, "blame-other-dept", 1);
    expect_no_forbidden("有人说他们经常错");
    expect_no_forbidden("同事说他们经常错");
    expect_no_forbidden("我不会说他们经常错");
    expect_no_forbidden("我不会说这不归我管");
    expect_no_forbidden("他说这不归我管");
    expect_no_forbidden("我不能说这跟我没关系");
    expect_entry("这跟我没关系", LEX_FORBIDDEN, "not-my-business", 1);
    /* Only in the same clause: a marker in another clause does not
     * excuse what follows. */
    expect_entry("他说过了，这不归我管", LEX_FORBIDDEN, "not-in-charge", 1);
    expect_entry("我不会说谎，他们经常错", LEX_FORBIDDEN, "blame-other-dept", 1);
    /* Nor does a conjunction-split segment. */
    expect_entry("他说的对但是这不归我管", LEX_FORBIDDEN, "not-in-charge", 1);
    /* The marker must come before the phrase. */
    expect_entry("这不归我管他说", LEX_FORBIDDEN, "not-in-charge", 1);
}

static void test_negation(void **state)
{
    (void)state;
    expect_step("向您道歉", "apologize", 1);
    expect_step("我道歉", "apologize", 1);
    expect_step("我不会道歉", "apologize", 0);
    expect_step("我没有道歉的必要", "apologize", 0);
    expect_step("我不想道歉", "apologize", 0);
    expect_step("我没法向您道歉", "apologize", 0); /* within two characters */
    expect_step("您不用抱歉", "apologize", 0);
    /* Negation does not reach into the next clause. */
    expect_step("不，抱歉", "apologize", 1);
    /* An entry with its own negation (negatable = false). */
    assert_false(entry(LEX_STEP, "excuse-us")->negatable);
    expect_step("真不好意思", "apologize", 1);
    expect_step("不好意思", "apologize", 1);
    /* Empathy too. */
    expect_entry("我理解您的心情", LEX_EMPATHY, "understand-feelings", 1);
    expect_entry("我不理解您的心情", LEX_EMPATHY, "understand-feelings", 0);
    /* Negation never drops a forbidden finding. */
    expect_entry("我不是这里的负责人", LEX_FORBIDDEN, "not-in-charge", 1);
}

/* A conjunction inside a longer word does not split the clause: 只不过是
 * is not 只 | 不过是 (before 49ea37c forbidden.lua just-answering's
 * alternative 只不过是 could never match). */
static void test_conjunction_inside_word(void **state)
{
    (void)state;
    expect_entry("我只是个接线员", LEX_FORBIDDEN, "just-answering", 1);
    expect_entry("我只不过是个接线员", LEX_FORBIDDEN, "just-answering", 1);
    /* A real 不过 still ends the scope of a reported-speech marker. */
    expect_entry("他说过了不过这不归我管", LEX_FORBIDDEN, "not-in-charge", 1);
}

/* ---- scripts and widths ---------------------------------------------- */

/* Entries found in text, as a sorted-by-position list of pointers,
 * compared between two texts. */
static int same_findings(const char *a, const char *b, char **why)
{
    grade_result ra, rb;
    grade(a, &ra);
    grade(b, &rb);
    int same = ra.nf == rb.nf;
    for (size_t i = 0; same && i < ra.nf; i++)
        same = ra.f[i].entry == rb.f[i].entry;
    if (!same) {
        char *da = describe(&ra), *db = describe(&rb);
        *why = xasprintf("\"%s\" -> %s\n    \"%s\" -> %s", a, da, b, db);
        free(da);
        free(db);
    }
    grade_result_release(&ra);
    grade_result_release(&rb);
    return same;
}

static void test_traditional_by_hand(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        { "这不归我们部门管！", "這不歸我們部門管！" },
        { "一定是支行做错了，他们经常错", "一定是支行做錯了，他們經常錯" },
        { "对不起，我马上为您处理，今天下午五点前给您回电话", "對不起，我馬上為您處理，今天下午五點前給您回電話" },
        { "我理解您的心情，请您留一个联系电话", "我理解您的心情，請您留一個聯繫電話" },
        { "您先别生气，谢谢您的耐心", "您先別生氣，謝謝您的耐心" },
        { "你一定记错了，你知道吧", "你一定記錯了，你知道吧" },
        { "我查不到，这是他们的问题", "我查不到，這是他們的問題" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        grade_result r;
        grade(pairs[i][0], &r);
        assert_true(r.nf > 0); /* the pair is worth comparing */
        grade_result_release(&r);
        char *why = NULL;
        if (!same_findings(pairs[i][0], pairs[i][1], &why))
            fail_msg("Traditional grades differently:\n    %s", why);
    }
}

/* Full-width form of s: ASCII 0x21..0x7E -> U+FF01..U+FF5E, space ->
 * U+3000. Caller frees. */
static char *fullwidth(const char *s)
{
    strbuf sb;
    sb_init(&sb);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char b[4];
        if (*p == ' ')
            sb_add(&sb, b, (size_t)u8_encode(0x3000, b));
        else if (*p >= 0x21 && *p <= 0x7E)
            sb_add(&sb, b, (size_t)u8_encode(0xFF01 + (*p - 0x21), b));
        else
            sb_add(&sb, (const char *)p, 1);
    }
    return sb_detach(&sb);
}

static void test_fullwidth_by_hand(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "I am so sorry, we will call you back within 24 hours.",
        "That is not my job.",
        "You need to go to the counter.",
        "我们24小时内给您回电话,请留下您的手机号码.",
        "Calm down!",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        char *fw = fullwidth(texts[i]);
        grade_result r;
        grade(texts[i], &r);
        assert_true(r.nf > 0);
        grade_result_release(&r);
        char *why = NULL;
        if (!same_findings(texts[i], fw, &why))
            fail_msg("full width grades differently:\n    %s", why);
        free(fw);
    }
    /* Upper case too. */
    char *why = NULL;
    if (!same_findings("I'm so sorry, we will call you back", "I'M SO SORRY, WE WILL CALL YOU BACK", &why))
        fail_msg("upper case grades differently:\n    %s", why);
}

/* The full-width apostrophe ＇ (U+FF07) between full-width letters is an
 * apostrophe, not a quotation mark (before 0af50bb it opened a quotation
 * running to the end of the reply and hid every forbidden phrase after
 * "Ｔｈａｔ＇ｓ"). */
static void test_fullwidth_apostrophe(void **state)
{
    (void)state;
    expect_entry("That's not my job.", LEX_FORBIDDEN, "en-not-my-job", 1);
    expect_entry("Ｔｈａｔ＇ｓ　ｎｏｔ　ｍｙ　ｊｏｂ．", LEX_FORBIDDEN, "en-not-my-job", 1);
    expect_entry("ｓｔｕｄｅｎｔｓ＇ 代表说了，这不归我管", LEX_FORBIDDEN, "not-in-charge", 1);
}

/* Every example and near-miss of the real lexicons, converted to
 * Traditional by OpenCC (s2t) and to full width, grades like the
 * original. All differences are listed in one message. */
static void test_all_examples_traditional_fullwidth(void **state)
{
    (void)state;
    opencc_t cc = opencc_open("s2t.json");
    if (cc == (opencc_t)-1)
        skip();
    strbuf bad;
    sb_init(&bad);
    size_t nbad = 0, n = 0;
    for (size_t i = 0; i < LX->n; i++) {
        const lex_entry *e = &LX->e[i];
        for (int near = 0; near < 2; near++) {
            char **list = near ? e->near : e->examples;
            size_t cnt = near ? e->nnear : e->nexamples;
            for (size_t k = 0; k < cnt; k++) {
                char *t = opencc_convert_utf8(cc, list[k], strlen(list[k]));
                assert_non_null(t);
                char *fw = fullwidth(list[k]);
                char *why = NULL;
                n++;
                if (!same_findings(list[k], t, &why)) {
                    sb_addf(&bad, "\n  [Traditional, %s:%s]\n    %s", kind_name(e->kind), e->id, why);
                    free(why);
                    nbad++;
                }
                why = NULL;
                if (!same_findings(list[k], fw, &why)) {
                    sb_addf(&bad, "\n  [full width, %s:%s]\n    %s", kind_name(e->kind), e->id, why);
                    free(why);
                    nbad++;
                }
                opencc_convert_utf8_free(t);
                free(fw);
            }
        }
    }
    opencc_close(cc);
    if (nbad) {
        fprintf(stderr, "%zu of %zu conversions grade differently:%s\n", nbad, 2 * n, bad.buf);
        fail_msg("%zu of %zu conversions grade differently (list above)", nbad, 2 * n);
    }
    sb_release(&bad);
}

/* grade_scan (nothing copied, for grade --lines) finds what grade_text
 * finds, with the words as byte spans of the reply. */
static void test_scan_view(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "这不归我管，非常抱歉，我马上帮您查。", "", "我不会说'这不归我管'", "這不歸我們管！我理解您的心情",
        "查不到啊，你在哪办的？", "我不会道歉", "我今天下午五点前给您回电话",
    };
    for (int round = 0; round < 2; round++)
        for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
            const char *t = texts[k];
            grade_result r;
            grade(t, &r);
            const grade_result *v = grade_scan(LX, t, strlen(t), NULL);
            assert_non_null(v);
            assert_int_equal(v->nf, r.nf);
            assert_int_equal(v->steps, r.steps);
            assert_int_equal(v->empty, r.empty);
            assert_null(v->norm);
            for (size_t i = 0; i < r.nf; i++) {
                assert_ptr_equal(v->f[i].entry, r.f[i].entry);
                assert_null(v->f[i].match);
                assert_int_equal(v->f[i].byte_to - v->f[i].byte_from, strlen(r.f[i].match));
                assert_memory_equal(t + v->f[i].byte_from, r.f[i].match, strlen(r.f[i].match));
            }
            grade_result_release(&r);
        }
    char *err = NULL;
    assert_null(grade_scan(LX, "\xff", 1, &err));
    assert_non_null(err);
    free(err);
}

/* ---- loader errors --------------------------------------------------- */

static char dir[64];

static const char *const min_forbidden =
    "-- minimal forbidden lexicon\n"
    "return {\n"
    "  kind = 'forbidden',\n"
    "  classes = { SELF = { '我', '我们' } },\n"
    "  entries = {\n"
    "    { id = 'not-mine', category = '推诿', severity = 2,\n"
    "      patterns = { '不归 {SELF} 管' },\n"
    "      why = '推开客户',\n"
    "      better = '我来处理',\n"
    "      examples = { '这不归我管' }, near = { '这归我管' } },\n"
    "  },\n"
    "}\n";
static const char *const min_empathy =
    "return { kind = 'empathy', entries = {\n"
    "  { id = 'feel', patterns = { '理解 .. 心情' } },\n"
    "} }\n";
static const char *const min_steps =
    "return { kind = 'steps', entries = {\n"
    "  { id = 'sorry', step = 'apologize', patterns = { '抱歉|道歉' } },\n"
    "  { id = 'regret', step = 'apologize', negatable = false, patterns = { '致歉' } },\n"
    "} }\n";

static void put(const char *name, const char *text)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    free(path);
}

static int setup_dir(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/crmsim-lexXXXXXX");
    if (!mkdtemp(dir))
        return -1;
    put("forbidden.lua", min_forbidden);
    put("empathy.lua", min_empathy);
    put("steps.lua", min_steps);
    return 0;
}

static int teardown_dir(void **state)
{
    (void)state;
    static const char *const names[] = { "forbidden.lua", "empathy.lua", "steps.lua" };
    for (size_t i = 0; i < 3; i++) {
        char *path = xasprintf("%s/%s", dir, names[i]);
        unlink(path);
        free(path);
    }
    return rmdir(dir);
}

/* lex_load_dir must fail, leave *out NULL and say each of the words. */
static void load_fails(const char *first, ...)
{
    lexicon *lx = (lexicon *)1;
    char *err = NULL;
    int rc = lex_load_dir(dir, &lx, &err);
    if (rc != -1) {
        if (rc == 0)
            lex_free(lx);
        fail_msg("lex_load_dir must fail (expected a message with '%s')", first);
    }
    assert_null(lx);
    if (!err || !*err)
        fail_msg("lex_load_dir failed without a message");
    va_list ap;
    va_start(ap, first);
    for (const char *w = first; w; w = va_arg(ap, const char *))
        if (!strstr(err, w))
            fail_msg("message does not mention '%s': %s", w, err);
    va_end(ap);
    free(err);
}

static void test_minimal_dir(void **state)
{
    (void)state;
    lexicon *lx = NULL;
    char *err = NULL;
    if (lex_load_dir(dir, &lx, &err) != 0)
        fail_msg("minimal lexicon rejected: %s", err);
    assert_int_equal(lx->n, 4);
    int f = lex_find(lx, LEX_FORBIDDEN, "not-mine");
    assert_true(f >= 0);
    assert_int_equal(lx->e[f].severity, 2);
    assert_string_equal(lx->e[f].category, "推诿");
    assert_int_equal(lex_find(lx, LEX_EMPATHY, "not-mine"), -1);
    assert_true(lex_find(lx, LEX_STEP, "sorry") >= 0);
    grade_result r;
    assert_int_equal(grade_text(lx, "這不歸我們管，抱歉", strlen("這不歸我們管，抱歉"), &r, NULL), 0);
    assert_int_equal(r.nf, 2);
    assert_ptr_equal(r.f[0].entry, &lx->e[f]);
    assert_string_equal(r.f[0].match, "不歸我們管");
    assert_int_equal(r.steps, 1u << step_index("apologize"));
    grade_result_release(&r);
    /* A negator drops a negatable match, not one with negatable = false. */
    int sorry = lex_find(lx, LEX_STEP, "sorry"), regret = lex_find(lx, LEX_STEP, "regret");
    assert_true(lx->e[sorry].negatable);
    assert_false(lx->e[regret].negatable);
    assert_int_equal(grade_text(lx, "我不会抱歉", strlen("我不会抱歉"), &r, NULL), 0);
    assert_int_equal(r.nf, 0);
    grade_result_release(&r);
    assert_int_equal(grade_text(lx, "我不会致歉", strlen("我不会致歉"), &r, NULL), 0);
    assert_int_equal(r.nf, 1);
    assert_ptr_equal(r.f[0].entry, &lx->e[regret]);
    grade_result_release(&r);
    char hash[65];
    memcpy(hash, lx->hash, sizeof hash);
    lex_free(lx);
    /* The hash follows the bytes of the files. */
    put("empathy.lua", "-- changed\n" "return { kind = 'empathy', entries = {\n"
                       "  { id = 'feel', patterns = { '理解 .. 心情' } },\n} }\n");
    assert_int_equal(lex_load_dir(dir, &lx, &err), 0);
    assert_string_not_equal(hash, lx->hash);
    lex_free(lx);
}

static void test_missing_file(void **state)
{
    (void)state;
    char *path = xasprintf("%s/steps.lua", dir);
    unlink(path);
    load_fails("steps.lua", (const char *)NULL);
    free(path);
}

static void test_syntax_error(void **state)
{
    (void)state;
    put("empathy.lua", "return { kind = 'empathy',\n  entries = {\n    { id = 'x' patterns = {} },\n} }\n");
    load_fails("empathy.lua:3:", (const char *)NULL);
}

static void test_runs_in_sandbox(void **state)
{
    (void)state;
    put("steps.lua", "os.execute('touch /tmp/crmsim-lex-pwned')\nreturn {}\n");
    load_fails("steps.lua:1:", "'os'", (const char *)NULL);
    assert_int_equal(access("/tmp/crmsim-lex-pwned", F_OK), -1);
    put("steps.lua", "return 42\n");
    load_fails("steps.lua", "table", (const char *)NULL);
}

static void test_kind_mismatch(void **state)
{
    (void)state;
    put("empathy.lua", "return { kind = 'steps', entries = {} }\n");
    load_fails("empathy.lua", "kind", "empathy", (const char *)NULL);
    put("empathy.lua", "return { entries = {} }\n");
    load_fails("empathy.lua", "kind", (const char *)NULL);
}

static void test_duplicate_id(void **state)
{
    (void)state;
    put("steps.lua", "return { kind = 'steps', entries = {\n"
                     "  { id = 'sorry', step = 'apologize', patterns = { '抱歉' } },\n"
                     "  { id = 'sorry', step = 'thank', patterns = { '谢谢' } },\n"
                     "} }\n");
    load_fails("steps.lua", "'sorry'", "duplicate", (const char *)NULL);
}

static void test_forbidden_needs_fields(void **state)
{
    (void)state;
    static const struct {
        const char *from, *to, *word;
    } cuts[] = {
        { "why = '推开客户',", "", "why" },
        { "better = '我来处理',", "", "better" },
        { "category = '推诿', ", "", "category" },
        { "severity = 2,", "", "severity" },
        { "severity = 2,", "severity = 4,", "severity" },
        { "severity = 2,", "severity = 0,", "severity" },
        { "severity = 2,", "severity = 'high',", "severity" },
        { "why = '推开客户',", "why = 12,", "why" },
    };
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        const char *at = strstr(min_forbidden, cuts[i].from);
        assert_non_null(at);
        char *text = xasprintf("%.*s%s%s", (int)(at - min_forbidden), min_forbidden, cuts[i].to,
                               at + strlen(cuts[i].from));
        put("forbidden.lua", text);
        free(text);
        load_fails("forbidden.lua", "'not-mine'", cuts[i].word, (const char *)NULL);
    }
}

static void test_unknown_step(void **state)
{
    (void)state;
    put("steps.lua", "return { kind = 'steps', entries = {\n"
                     "  { id = 'sorry', step = 'apologise', patterns = { '抱歉' } },\n"
                     "} }\n");
    load_fails("steps.lua", "'sorry'", "apologise", (const char *)NULL);
    put("steps.lua", "return { kind = 'steps', entries = {\n"
                     "  { id = 'sorry', patterns = { '抱歉' } },\n"
                     "} }\n");
    load_fails("steps.lua", "'sorry'", "step", (const char *)NULL);
}

static void test_bad_pattern(void **state)
{
    (void)state;
    static const char *const bad[] = { ".. 心情", "理解 ..", "理解 ..13 心情", "理解||明白",
                                       "吧?", "，" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *text = xasprintf("return { kind = 'empathy', entries = {\n"
                               "  { id = 'feel', patterns = { '理解 心情' } },\n"
                               "  { id = 'bad-one', patterns = { '懂', '%s' } },\n"
                               "} }\n",
                               bad[i]);
        put("empathy.lua", text);
        free(text);
        load_fails("empathy.lua", "'bad-one'", bad[i], (const char *)NULL);
    }
    put("empathy.lua", "return { kind = 'empathy', entries = {\n"
                       "  { id = 'no-patterns', patterns = {} },\n} }\n");
    load_fails("empathy.lua", "'no-patterns'", "pattern", (const char *)NULL);
    put("empathy.lua", "return { kind = 'empathy', entries = {\n"
                       "  { id = 'Bad Id', patterns = { '懂' } },\n} }\n");
    load_fails("empathy.lua", "Bad Id", (const char *)NULL);
}

static void test_unknown_class(void **state)
{
    (void)state;
    put("empathy.lua", "return { kind = 'empathy', entries = {\n"
                       "  { id = 'feel', patterns = { '理解 {YOU} 的 心情' } },\n"
                       "} }\n");
    load_fails("empathy.lua", "'feel'", "YOU", (const char *)NULL);
    /* Classes belong to their file: forbidden.lua's SELF is unknown here. */
    put("empathy.lua", "return { kind = 'empathy', entries = {\n"
                       "  { id = 'feel', patterns = { '{SELF} 理解' } },\n"
                       "} }\n");
    load_fails("empathy.lua", "'feel'", "SELF", (const char *)NULL);
    put("empathy.lua", "return { kind = 'empathy', classes = { YOU = {} }, entries = {\n"
                       "  { id = 'feel', patterns = { '理解 {YOU}' } },\n"
                       "} }\n");
    load_fails("empathy.lua", "YOU", (const char *)NULL);
}

static void test_bad_shapes(void **state)
{
    (void)state;
    put("steps.lua", "return { kind = 'steps', entries = 'none' }\n");
    load_fails("steps.lua", "entries", (const char *)NULL);
    put("steps.lua", "return { kind = 'steps', entries = { 'sorry' } }\n");
    load_fails("steps.lua", "table", (const char *)NULL);
    put("steps.lua", "return { kind = 'steps', entries = {\n"
                     "  { id = 'sorry', step = 'apologize', patterns = { '抱歉', 7 } },\n} }\n");
    load_fails("steps.lua", "'sorry'", "patterns", (const char *)NULL);
    put("steps.lua", "return { kind = 'steps', entries = {\n"
                     "  { id = 'sorry', step = 'apologize', patterns = { '抱歉' }, examples = '抱歉' },\n} }\n");
    load_fails("steps.lua", "'sorry'", "examples", (const char *)NULL);
    put("steps.lua", "return { kind = 'steps', classes = 5, entries = {} }\n");
    load_fails("steps.lua", "classes", (const char *)NULL);
}

int main(void)
{
    /* One group (tests/run reads one summary line per binary); the loader
     * tests use their own directories, not the real lexicons. */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loaded),
        cmocka_unit_test(test_examples_and_near),
        cmocka_unit_test(test_quotation),
        cmocka_unit_test(test_reported_speech),
        cmocka_unit_test(test_negation),
        cmocka_unit_test(test_conjunction_inside_word),
        cmocka_unit_test(test_traditional_by_hand),
        cmocka_unit_test(test_fullwidth_by_hand),
        cmocka_unit_test(test_fullwidth_apostrophe),
        cmocka_unit_test(test_all_examples_traditional_fullwidth),
        cmocka_unit_test(test_scan_view),
        cmocka_unit_test_setup_teardown(test_minimal_dir, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_missing_file, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_syntax_error, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_runs_in_sandbox, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_kind_mismatch, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_duplicate_id, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_forbidden_needs_fields, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_unknown_step, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_bad_pattern, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_unknown_class, setup_dir, teardown_dir),
        cmocka_unit_test_setup_teardown(test_bad_shapes, setup_dir, teardown_dir),
    };
    return cmocka_run_group_tests_name("lexicon", tests, setup_real, teardown_real);
}
