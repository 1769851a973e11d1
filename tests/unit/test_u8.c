/*
 * test_u8.c - unit tests of sim/u8.c: strict validation, reply checks,
 * folding (T->S, widths, case, dropped punctuation) and normalisation
 * (source spans, clauses, quotation), with a 1 MB input; the fast paths
 * (normalising into a reused u8_norm, JSON strings).
 * Deliberately not here: lexicons and the matcher.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "u8.h"
#include "util.h"

/* ---- validation ---------------------------------------------------- */

static void test_validate_valid(void **state)
{
    (void)state;
    static const char s[] = "Hello 你好，世界 😀 café ＡＢＣ１２３ 這不歸我管";
    size_t bad = 99;
    assert_int_equal(u8_validate(s, sizeof s - 1, &bad), 0);
    assert_int_equal(bad, 99); /* untouched on success */
    assert_int_equal(u8_validate("", 0, &bad), 0);
    assert_int_equal(u8_validate(NULL, 0, &bad), 0);
    /* NUL is valid UTF-8 (u8_check_reply rejects it, not u8_validate). */
    assert_int_equal(u8_validate("a\0b", 3, &bad), 0);
    /* Boundaries that must be accepted. */
    static const char *ok[] = {
        "\xC2\x80",         /* U+0080 */
        "\xDF\xBF",         /* U+07FF */
        "\xE0\xA0\x80",     /* U+0800 */
        "\xED\x9F\xBF",     /* U+D7FF, just below the surrogates */
        "\xEE\x80\x80",     /* U+E000, just above */
        "\xEF\xBF\xBF",     /* U+FFFF */
        "\xF0\x90\x80\x80", /* U+10000 */
        "\xF4\x8F\xBF\xBF", /* U+10FFFF */
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        assert_int_equal(u8_validate(ok[i], strlen(ok[i]), &bad), 0);
}

static void test_validate_invalid(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t at;
    } cases[] = {
        {"\xC0\x80", 0},            /* overlong NUL */
        {"ab\xC0\x80", 2},
        {"\xC1\xBF", 0},            /* overlong '\x7f' */
        {"\xE0\x80\x80", 0},        /* overlong 3-byte */
        {"\xE0\x9F\xBF", 0},
        {"\xF0\x80\x80\x80", 0},    /* overlong 4-byte */
        {"\xF0\x8F\xBF\xBF", 0},
        {"\xED\xA0\x80", 0},        /* surrogate U+D800 */
        {"中\xED\xBF\xBF", 3},      /* surrogate U+DFFF */
        {"x\xF4\x90\x80\x80", 1},   /* U+110000 */
        {"\xF5\x80\x80\x80", 0},
        {"\xFF", 0},
        {"\xFE", 0},
        {"中\xE4\xB8", 3},          /* truncated at the end */
        {"\xE4\xB8" "a", 0},        /* truncated before ASCII */
        {"\xF0\x9F\x98", 0},        /* truncated emoji */
        {"\x80", 0},                /* lone continuation byte */
        {"中文\x80", 6},
        {"ok 中\xBF 文", 6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t bad = 12345;
        assert_int_equal(u8_validate(cases[i].s, strlen(cases[i].s), &bad), -1);
        assert_int_equal(bad, cases[i].at);
    }
    /* Length is honoured: a valid prefix is valid, a cut sequence is not. */
    size_t bad;
    assert_int_equal(u8_validate("中文", 3, &bad), 0);
    assert_int_equal(u8_validate("中文", 4, &bad), -1);
    assert_int_equal(bad, 3);
    assert_int_equal(u8_validate("\xC0\x80", 2, NULL), -1);
}

static void test_length_encode(void **state)
{
    (void)state;
    assert_int_equal(u8_length("", 0), 0);
    assert_int_equal(u8_length("abc", 3), 3);
    assert_int_equal(u8_length("中文😀a", strlen("中文😀a")), 4);
    assert_int_equal(u8_length("a\0b", 3), 3);

    char buf[4];
    assert_int_equal(u8_encode('A', buf), 1);
    assert_memory_equal(buf, "A", 1);
    assert_int_equal(u8_encode(0x4E2D, buf), 3);
    assert_memory_equal(buf, "中", 3);
    assert_int_equal(u8_encode(0x1F600, buf), 4);
    assert_memory_equal(buf, "😀", 4);
    assert_int_equal(u8_encode(0x10FFFF, buf), 4);
    assert_memory_equal(buf, "\xF4\x8F\xBF\xBF", 4);
    assert_int_equal(u8_encode(0xD800, buf), 0);
    assert_int_equal(u8_encode(0x110000, buf), 0);
}

/* ---- reply checks --------------------------------------------------- */

static char *repeat(const char *unit, size_t times, size_t *len)
{
    size_t u = strlen(unit);
    char *s = xmalloc(u * times + 1);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * u, unit, u);
    s[u * times] = '\0';
    *len = u * times;
    return s;
}

static void reply_ok(const char *s, size_t len)
{
    char *err = NULL;
    assert_int_equal(u8_check_reply(s, len, &err), 0);
    assert_null(err);
}

/* The reply is refused and the message contains want. */
static void reply_bad(const char *s, size_t len, const char *want)
{
    char *err = NULL;
    assert_int_equal(u8_check_reply(s, len, &err), -1);
    assert_non_null(err);
    if (!strstr(err, want))
        fail_msg("message \"%s\" lacks \"%s\"", err, want);
    free(err);
}

static void test_check_reply(void **state)
{
    (void)state;
    reply_ok("", 0);
    reply_ok("您好，请问有什么可以帮您？", strlen("您好，请问有什么可以帮您？"));
    reply_ok("姓名\t张三", strlen("姓名\t张三")); /* TAB is allowed */
    reply_ok("I'm sorry 😀", strlen("I'm sorry 😀"));

    reply_bad("\x1b[31m红色\x1b[0m", strlen("\x1b[31m红色\x1b[0m"), "控制字符（U+001B）");
    reply_bad("ab\0cd", 5, "U+0000");
    reply_bad("删除\x7f", strlen("删除\x7f"), "U+007F");
    reply_bad("C1 \xC2\x85", strlen("C1 \xC2\x85"), "U+0085");
    reply_bad("\xC2\x9B" "2J", 4, "U+009B"); /* 8-bit CSI */
    reply_bad("第一行\n第二行", strlen("第一行\n第二行"), "U+000A");
    reply_bad("好的\r", strlen("好的\r"), "U+000D");
    reply_bad("\x07", 1, "U+0007");
    reply_bad("ok\xFF", 3, "第 3 字节起");
    reply_bad("好\xE4\xB8", 5, "不是有效的 UTF-8");
    reply_bad("\xC0\x80", 2, "第 1 字节起");

    /* Limits: 1000 characters, 4000 bytes. */
    size_t len;
    char *s = repeat("a", 1000, &len);
    reply_ok(s, len);
    free(s);
    s = repeat("a", 1001, &len);
    reply_bad(s, len, "回复太长（1001 字），最多 1000 字");
    free(s);
    s = repeat("中", 1000, &len);
    reply_ok(s, len);
    free(s);
    s = repeat("中", 1001, &len);
    reply_bad(s, len, "1001 字");
    free(s);
    s = repeat("😀", 1000, &len); /* exactly 4000 bytes */
    assert_int_equal(len, U8_MAX_REPLY_BYTES);
    reply_ok(s, len);
    free(s);
    s = repeat("😀", 1001, &len); /* 4004 bytes */
    reply_bad(s, len, "回复太长");
    free(s);

    /* err may be NULL; an old *err is replaced, not leaked. */
    assert_int_equal(u8_check_reply("\x1b", 1, NULL), -1);
    char *err = xstrdup("old");
    assert_int_equal(u8_check_reply("\x1b", 1, &err), -1);
    assert_non_null(strstr(err, "U+001B"));
    free(err);
}

/* ---- folding -------------------------------------------------------- */

static void fold_is(const char *in, const char *want)
{
    char *got = u8_fold(in);
    assert_non_null(got);
    if (strcmp(got, want) != 0)
        fail_msg("u8_fold(\"%s\") = \"%s\", want \"%s\"", in, got, want);
    free(got);
}

static void test_fold(void **state)
{
    (void)state;
    fold_is("這不歸我管", "这不归我管");
    fold_is("這不歸我管！", "这不归我管");
    fold_is("这不归我管", "这不归我管");
    fold_is("我們查不到", "我们查不到");
    fold_is("ＡＢＣ", "abc");
    fold_is("１２３", "123");
    fold_is("Not My JOB!", "notmyjob");
    fold_is("这 不 归，我 管", "这不归我管");
    fold_is("这\u3000不归我管。", "这不归我管"); /* ideographic space */
    fold_is("簡體和繁體都可以，简体也行", "简体和繁体都可以简体也行");
    fold_is("「您的問題，我們會處理」", "您的问题我们会处理");
    fold_is("这是你的錯😡😡", "这是你的错");
    fold_is("Café CAFE\xCC\x81", "cafecafe"); /* precomposed and combining */
    fold_is("Straße", "strase");              /* expansions keep the first */
    fold_is("⽤户的⾦额", "用户的金额");         /* Kangxi radicals from PDFs */
    fold_is("5℃，100㎏™", "5100");
    fold_is("ｶﾞｲﾄﾞ", "カイト");               /* half-width kana, marks dropped */
    fold_is("", "");
    assert_null(u8_fold("bad\xFF"));
    assert_null(u8_fold(NULL));
}

static void test_fold_cp(void **state)
{
    (void)state;
    for (uint32_t c = 0; c < 0x80; c++) {
        uint32_t want = 0;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            want = c;
        else if (c >= 'A' && c <= 'Z')
            want = c + 32;
        assert_int_equal(u8_fold_cp(c), want);
    }
    assert_int_equal(u8_fold_cp(0x4E2D), 0x4E2D);  /* 中 */
    assert_int_equal(u8_fold_cp(0x9019), 0x8FD9);  /* 這 -> 这 */
    assert_int_equal(u8_fold_cp(0x9019), 0x8FD9);  /* again, from the cache */
    assert_int_equal(u8_fold_cp(0xFF21), 'a');     /* Ａ */
    assert_int_equal(u8_fold_cp(0xFF11), '1');     /* １ */
    assert_int_equal(u8_fold_cp(0x03A9), 0x03C9);  /* Ω -> ω */
    assert_int_equal(u8_fold_cp(0x00E9), 'e');     /* é */
    assert_int_equal(u8_fold_cp(0x2474), '1');     /* ⑴ -> (1) -> 1 */
    assert_int_equal(u8_fold_cp(0xF900), 0x5C82);  /* compatibility 豈 -> 豈 -> 岂 */
    assert_int_equal(u8_fold_cp(0x2F64), 0x7528);  /* Kangxi radical ⽤ -> 用 */
    assert_int_equal(u8_fold_cp(0x24B6), 'a');     /* Ⓐ */
    assert_int_equal(u8_fold_cp(0x2122), 0);       /* ™ (tm) */
    assert_int_equal(u8_fold_cp(0x338F), 0);       /* ㎏ (kg) */
    assert_int_equal(u8_fold_cp(0x2103), 0);       /* ℃ */
    assert_int_equal(u8_fold_cp(0x0301), 0);       /* combining acute */
    assert_int_equal(u8_fold_cp(0x3000), 0);       /* ideographic space */
    assert_int_equal(u8_fold_cp(0x00A0), 0);       /* no-break space */
    assert_int_equal(u8_fold_cp(0x200B), 0);       /* zero width space */
    assert_int_equal(u8_fold_cp(0x1F600), 0);      /* 😀 */
    assert_int_equal(u8_fold_cp(0x00A5), 0);       /* ¥ */
    assert_int_equal(u8_fold_cp(0x2014), 0);       /* — */
    assert_int_equal(u8_fold_cp(0xE000), 0);       /* private use */
    assert_int_equal(u8_fold_cp(0xD800), 0);       /* surrogate */
    assert_int_equal(u8_fold_cp(0x110000), 0);
    assert_int_equal(u8_fold_cp(0xFFFFFFFF), 0);

    /* Everything the normaliser treats as clause punctuation or a quotation
     * mark must be dropped by the fold (it relies on that). */
    static const uint32_t marks[] = {
        '\t', '\n', '\r', ',', '.', '!', '?', ';', ':', '"', '\'', 0x85, 0x2026, 0x2018,
        0x2019, 0x201C, 0x201D, 0x22EF, 0x3001, 0x3002, 0x300C, 0x300D, 0x300E, 0x300F,
        0x301D, 0x301E, 0xFE10, 0xFE19, 0xFE41, 0xFE50, 0xFE57, 0xFF01, 0xFF02, 0xFF07,
        0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF61, 0xFF62, 0xFF63, 0xFF64,
    };
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        assert_int_equal(u8_fold_cp(marks[i]), 0);
}

/* u8_fold and u8_normalize run the same pipeline. */
static void test_fold_matches_normalize(void **state)
{
    (void)state;
    static const char s[] = "您好！這筆費用，我們會在３個工作日內退回。Thank YOU";
    u8_norm n;
    assert_int_equal(u8_normalize(s, sizeof s - 1, &n, NULL), 0);
    char *f = u8_fold(s);
    strbuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n.n; i++) {
        char buf[4];
        sb_add(&sb, buf, (size_t)u8_encode(n.cp[i], buf));
    }
    assert_string_equal(sb.buf, f);
    assert_string_equal(f, "您好这笔费用我们会在3个工作日内退回thankyou");
    sb_release(&sb);
    free(f);
    u8_norm_release(&n);
}

/* ---- normalisation -------------------------------------------------- */

static char *slice(const char *s, size_t from, size_t to)
{
    return xstrndup(s + from, to - from);
}

static void test_normalize_positions(void **state)
{
    (void)state;
    static const char s[] = "您好， 這 不歸我管！ＯＫ";
    u8_norm n;
    char *err = NULL;
    assert_int_equal(u8_normalize(s, sizeof s - 1, &n, &err), 0);
    assert_null(err);
    assert_int_equal(n.n, 9);
    /* Every kept code point maps back to one source character. */
    for (size_t i = 0; i < n.n; i++) {
        assert_true(n.start[i] < n.end[i]);
        assert_true(n.end[i] <= sizeof s - 1);
        if (i)
            assert_true(n.end[i - 1] <= n.start[i]);
        char *c = slice(s, n.start[i], n.end[i]);
        char *fc = u8_fold(c);
        char buf[5] = {0};
        u8_encode(n.cp[i], buf);
        assert_string_equal(fc, buf);
        free(fc);
        free(c);
    }
    /* A match of 這…管 (indices 2..6) quotes the original, spaces and all. */
    char *q = slice(s, n.start[2], n.end[6]);
    assert_string_equal(q, "這 不歸我管");
    free(q);
    q = slice(s, n.start[7], n.end[8]);
    assert_string_equal(q, "ＯＫ");
    free(q);
    assert_int_equal(n.cp[7], 'o');
    u8_norm_release(&n);

    /* NUL and other controls inside are dropped, positions still right. */
    static const char z[] = "a\0b";
    assert_int_equal(u8_normalize(z, 3, &n, NULL), 0);
    assert_int_equal(n.n, 2);
    assert_int_equal(n.start[1], 2);
    assert_int_equal(n.end[1], 3);
    u8_norm_release(&n);
}

static void test_normalize_empty_and_invalid(void **state)
{
    (void)state;
    u8_norm n;
    assert_int_equal(u8_normalize("", 0, &n, NULL), 0);
    assert_int_equal(n.n, 0);
    assert_int_equal(n.nclauses, 0);
    u8_norm_release(&n);
    assert_int_equal(u8_normalize("，。！？ ……\n", strlen("，。！？ ……\n"), &n, NULL), 0);
    assert_int_equal(n.n, 0);
    assert_int_equal(n.nclauses, 0);
    u8_norm_release(&n);
    u8_norm_release(&n); /* twice is harmless */

    char *err = NULL;
    assert_int_equal(u8_normalize("好\xED\xA0\x80", 6, &n, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "3"));
    free(err);
    assert_int_equal(n.n, 0);
    assert_null(n.cp);
    u8_norm_release(&n);
}

/* An invalid sequence right after a dropped character (a space, clause
 * punctuation, a digit separator, a quotation mark) is reported at its own
 * byte, as u8_validate finds it, by u8_normalize and u8_normalize_reply
 * (with u8_check_reply's message). */
static void test_invalid_after_dropped(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "好 \xFF", "好，\xFF好", "3.\xC0\x80", "3.\xFF", "“\xFF”", "'\xFE", "a 'b\xED\xA0\x80",
        "好\x01 \xFF", "\"\xF4\x90\x80\x80", "好 ", "3.5", "“好”",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        const char *s = texts[i];
        size_t len = strlen(s), bad = 0;
        int valid = u8_validate(s, len, &bad) == 0;
        u8_norm n = { 0 };
        char *err = NULL;
        assert_int_equal(u8_normalize_into(s, len, &n, &err), valid ? 0 : -1);
        if (!valid) {
            char *want = xasprintf("%zu", bad);
            if (!strstr(err, want))
                fail_msg("\"%s\": \"%s\" does not name byte %zu", s, err, bad);
            free(want);
            assert_int_equal(n.n, 0);
        }
        free(err);
        char *e1 = NULL, *e2 = NULL;
        int r1 = u8_normalize_reply(s, len, &n, &e1);
        int r2 = u8_check_reply(s, len, &e2);
        assert_int_equal(r1, r2);
        if (r1 < 0)
            assert_string_equal(e1, e2);
        free(e1);
        free(e2);
        u8_norm_release(&n);
    }
}

static void clauses_are(const char *s, const uint32_t *want, size_t n)
{
    u8_norm r;
    assert_int_equal(u8_normalize(s, strlen(s), &r, NULL), 0);
    assert_int_equal(r.n, n);
    for (size_t i = 0; i < n; i++)
        if (r.clause[i] != want[i])
            fail_msg("\"%s\": clause[%zu] = %u, want %u", s, i, r.clause[i], want[i]);
    assert_int_equal(r.nclauses, n ? want[n - 1] + 1 : 0);
    u8_norm_release(&r);
}

static void test_clauses(void **state)
{
    (void)state;
    static const uint32_t a[] = {0, 0, 1, 1, 1, 1, 2, 2};
    clauses_are("您好，我查不到。好的", a, 8);
    /* No empty clauses: leading, repeated and trailing breaks collapse. */
    static const uint32_t b[] = {0, 0, 1, 1};
    clauses_are("，，您好。。。\n\n好的！", b, 4);
    clauses_are("您好……好的", b, 4);
    clauses_are("您好、好的", b, 4);
    clauses_are("您好\t好的", b, 4);
    clauses_are("您好\r\n好的", b, 4);
    clauses_are("您好；好的", b, 4);
    clauses_are("您好：好的", b, 4);
    clauses_are("您好？！好的", b, 4);
    clauses_are("ok, no", (const uint32_t[]){0, 0, 1, 1}, 4);
    clauses_are("ok.no", (const uint32_t[]){0, 0, 1, 1}, 4);
    clauses_are("您好．好的", b, 4);  /* full-width forms */
    clauses_are("您好﹐好的", b, 4);  /* small form */
    clauses_are("您好｡好的", b, 4);   /* half-width */
    /* Spaces, brackets, quotes and dashes do not split. */
    static const uint32_t one[] = {0, 0, 0, 0, 0, 0};
    clauses_are("我（经理）——不管", one, 5);
    clauses_are("这 不 归“我”管", one, 5);
    clauses_are("但是我不管", one, 5); /* conjunctions are the matcher's */
    /* A point or colon between digits is a number or a time. */
    clauses_are("3.5元，10:30前", (const uint32_t[]){0, 0, 0, 1, 1, 1, 1, 1}, 8);
    clauses_are("１０：３０前", one, 5);
    clauses_are("第3. 好", (const uint32_t[]){0, 0, 1}, 3);
}

static void quoted_are(const char *s, const char *want)
{
    u8_norm r;
    assert_int_equal(u8_normalize(s, strlen(s), &r, NULL), 0);
    assert_int_equal(r.n, strlen(want));
    for (size_t i = 0; i < r.n; i++)
        if (r.quoted[i] != (want[i] == 'q'))
            fail_msg("\"%s\": quoted[%zu] = %u, want %c", s, i, r.quoted[i], want[i]);
    u8_norm_release(&r);
}

static void test_quotes(void **state)
{
    (void)state;
    quoted_are("我不会说“这不归我管”，请放心", "....qqqqq...");
    quoted_are("他说「不归我管」", "..qqqq");
    quoted_are("他说『不归我管』了", "..qqqq.");
    quoted_are("我不会说'这不归我管'", "....qqqqq");
    quoted_are("我不会说\"这不归我管\"的", "....qqqqq.");
    quoted_are("我不会说＂这不归我管＂的", "....qqqqq.");
    quoted_are("我不会说＇这不归我管＇的", "....qqqqq.");
    quoted_are("我不会说‘这不归我管’的", "....qqqqq.");
    /* Apostrophes in English are not quotation marks. */
    quoted_are("don't worry, it's fine", "................");
    quoted_are("don’t worry", ".........");
    quoted_are("the students' books", "................");
    quoted_are("I won't say 'not my job' ok", "........qqqqqqqq..");
    quoted_are("他说'I don't know'好", "..qqqqqqqqq.");
    quoted_are("他说‘I don’t know’好", "..qqqqqqqqq.");
    /* Nesting, unbalanced opening, stray closing. */
    quoted_are("“他说‘不归我管’然后”我", "qqqqqqqq.");
    quoted_are("他说“不归我管", "..qqqq");
    quoted_are("不归”我管", "....");
    quoted_are("「a“b」c", "qq.");
    /* Quotation spans clauses; clause breaks inside still split. */
    u8_norm r;
    const char *s = "他说“不归我管，找别人”好";
    assert_int_equal(u8_normalize(s, strlen(s), &r, NULL), 0);
    assert_int_equal(r.nclauses, 2);
    assert_int_equal(r.quoted[6], 1);
    assert_int_equal(r.quoted[9], 0);
    u8_norm_release(&r);
}

/* ---- large inputs --------------------------------------------------- */

static void test_huge(void **state)
{
    (void)state;
    size_t len;
    char *s = repeat("中", (1u << 20) / 3, &len); /* ~1 MB */
    u8_norm n;
    assert_int_equal(u8_normalize(s, len, &n, NULL), 0);
    assert_int_equal(n.n, len / 3);
    assert_int_equal(n.nclauses, 1);
    assert_int_equal(n.end[n.n - 1], len);
    assert_int_equal(n.start[n.n - 1], len - 3);
    u8_norm_release(&n);
    char *f = u8_fold(s);
    assert_int_equal(strlen(f), len);
    free(f);
    free(s);

    /* 1 MB of short clauses and quotes: clause numbers stay consecutive. */
    s = repeat("您好，「這」是'我們'的。", 30000, &len);
    assert_int_equal(u8_normalize(s, len, &n, NULL), 0);
    assert_int_equal(n.n, 30000 * 7);
    assert_int_equal(n.nclauses, 60000);
    for (size_t i = 1; i < n.n; i++)
        assert_true(n.clause[i] == n.clause[i - 1] || n.clause[i] == n.clause[i - 1] + 1);
    assert_int_equal(n.quoted[2], 1);
    assert_int_equal(n.quoted[4], 1);
    assert_int_equal(n.quoted[6], 0);
    u8_norm_release(&n);
    free(s);

    /* 100000 unclosed quotation marks: nesting grows, nothing breaks. */
    s = repeat("“a", 100000, &len);
    assert_int_equal(u8_normalize(s, len, &n, NULL), 0);
    assert_int_equal(n.n, 100000);
    assert_int_equal(n.quoted[n.n - 1], 1);
    u8_norm_release(&n);
    free(s);
}

static void test_shutdown_and_reuse(void **state)
{
    (void)state;
    fold_is("這不歸我管", "这不归我管");
    u8_shutdown();
    u8_shutdown(); /* twice is harmless */
    fold_is("這不歸我管", "这不归我管"); /* reopens lazily */
}

/* ---- reuse, JSON, warm cache (the fast paths of grade --lines) -------- */

/* u8_normalize_into on one u8_norm, text after text, gives what
 * u8_normalize gives for each alone. */
static void test_normalize_into_reuse(void **state)
{
    (void)state;
    size_t hlen;
    char *huge = repeat("這不歸我管，", 2000, &hlen);
    const char *texts[] = { "這不歸我管！", "", "“我不会说”这不归我管，但是", "ａｂｃ 3.5元 10:30",
                            huge, "好", "，。！", "students' 90's don't" };
    u8_norm r = { 0 };
    for (size_t k = 0; k < 2 * sizeof texts / sizeof *texts; k++) {
        const char *s = texts[k % (sizeof texts / sizeof *texts)];
        size_t len = s == huge ? hlen : strlen(s);
        u8_norm want;
        assert_int_equal(u8_normalize(s, len, &want, NULL), 0);
        assert_int_equal(u8_normalize_into(s, len, &r, NULL), 0);
        assert_int_equal(r.n, want.n);
        assert_int_equal(r.nclauses, want.nclauses);
        for (size_t i = 0; i < r.n; i++) {
            assert_int_equal(r.cp[i], want.cp[i]);
            assert_int_equal(r.start[i], want.start[i]);
            assert_int_equal(r.end[i], want.end[i]);
            assert_int_equal(r.clause[i], want.clause[i]);
            assert_int_equal(r.quoted[i], want.quoted[i]);
        }
        u8_norm_release(&want);
    }
    char *err = NULL;
    assert_int_equal(u8_normalize_into("好\xED\xA0\x80", 6, &r, &err), -1);
    assert_non_null(strstr(err, "3"));
    free(err);
    assert_int_equal(r.n, 0);
    u8_norm_release(&r);
    free(huge);
}

static void json_is(const char *s, size_t len, const char *want)
{
    strbuf sb;
    sb_init(&sb);
    u8_json_add(&sb, s, len);
    if (strcmp(sb.buf, want) != 0)
        fail_msg("u8_json_add: got %s, want %s", sb.buf, want);
    sb_release(&sb);
}

/* The escapes jansson's json_dumps writes. */
static void test_json_add(void **state)
{
    (void)state;
    json_is("", 0, "\"\"");
    json_is("不归我管", strlen("不归我管"), "\"不归我管\"");
    json_is("a\"b\\c/d", 7, "\"a\\\"b\\\\c/d\"");
    json_is("\b\f\n\r\t", 5, "\"\\b\\f\\n\\r\\t\"");
    json_is("\x01\x1f\x7f", 3, "\"\\u0001\\u001F\x7f\"");
    json_is("x\0y", 3, "\"x\\u0000y\"");
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
        cmocka_unit_test(test_validate_valid),
        cmocka_unit_test(test_validate_invalid),
        cmocka_unit_test(test_length_encode),
        cmocka_unit_test(test_check_reply),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_fold_cp),
        cmocka_unit_test(test_fold_matches_normalize),
        cmocka_unit_test(test_normalize_positions),
        cmocka_unit_test(test_normalize_empty_and_invalid),
        cmocka_unit_test(test_invalid_after_dropped),
        cmocka_unit_test(test_clauses),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_huge),
        cmocka_unit_test(test_shutdown_and_reuse),
        cmocka_unit_test(test_normalize_into_reuse),
        cmocka_unit_test(test_json_add),
    };
    return cmocka_run_group_tests_name("u8", tests, NULL, teardown);
}
