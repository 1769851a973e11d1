/*
 * test_classreport.c - the class report's arithmetic (grading/classreport.c)
 * on rows made up here: best score per student and scenario (the first of
 * equal ones), criteria as percentages averaged over sessions, the total
 * with missing scenarios as 0, bins of ten, forbidden phrases counted per
 * finding, session and student, item analysis from the last state; then
 * the writers' quoting: CSV fields (RFC 4180 and the formula guard), HTML
 * escaping, gradebook headers and Moodle's name columns.
 * Deliberately not here: the store queries and the command (tests/cli).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "classreport.h"
#include "csvwrite.h"
#include "gradebook.h"
#include "report_html.h"
#include "util.h"

static const char *F_NIC = "{\"forbidden\":[{\"id\":\"not-in-charge\",\"category\":\"推诿\","
                           "\"match\":\"不归我管\",\"severity\":2}],\"empathy\":[],\"steps\":[]}";
static const char *F_NONE = "{\"forbidden\":[],\"empathy\":[],\"steps\":[]}";

/* Two scenarios, three students (one without sessions). */
static void make(crep *r)
{
    crep_init(r);
    crep_add_student(r, "s1", "张三", "A", 1);
    crep_add_student(r, "s2", "Anne Able", "A", 1);
    crep_add_student(r, "s3", NULL, "B", 1);
    crep_add_session(r, 10, "s1", "sc-b", 40);
    crep_add_session(r, 11, "s1", "sc-b", 80);
    crep_add_session(r, 12, "s1", "sc-b", 80);
    crep_add_session(r, 13, "s2", "sc-a", 95);
    crep_add_session(r, 14, "s2", "sc-b", 5);
    crep_add_criterion(r, 10, "language", 15, 30);  /* 50 % */
    crep_add_criterion(r, 11, "language", 30, 30);  /* 100 % */
    crep_add_criterion(r, 12, "language", 0, 30);   /* 0 % */
    crep_add_criterion(r, 13, "steps", 10, 40);     /* 25 % */
    crep_add_criterion(r, 13, "bogus", 1, 1);       /* ignored */
    crep_add_turn(r, 10, 0, NULL, "{}", "{\"steps\":{}}");
    crep_add_turn(r, 10, 1, "这不归我管", F_NIC, "{\"steps\":{\"ask\":1}}");
    crep_add_turn(r, 10, 2, "还是不归我管", F_NIC, "{\"steps\":{\"ask\":1,\"own\":2}}");
    crep_add_turn(r, 11, 1, "好的", F_NONE, "{\"steps\":{\"own\":1,\"ask\":false}}");
    crep_add_turn(r, 14, 1, "<b>不归我管</b>", F_NIC, "not json");
    crep_add_turn(r, 99, 1, "no such session", F_NIC, "{}");
    crep_set_scenario(r, "sc-b", "B 情景", 5, (1u << step_index("ask")) | (1u << step_index("own")));
    crep_set_scenario(r, "sc-a", "A 情景", 7, 0);
    crep_finish(r);
}

static void test_best_and_totals(void **state)
{
    (void)state;
    crep r;
    make(&r);
    assert_int_equal(r.nst, 3);
    assert_int_equal(r.nsc, 2);
    /* Sorted by chapter: sc-b (5) before sc-a (7). */
    assert_string_equal(r.sc[0].id, "sc-b");
    assert_string_equal(r.sc[1].id, "sc-a");
    const crep_cell *c = crep_cell_at(&r, 0, 0);
    assert_int_equal(c->best, 80);
    assert_int_equal(c->attempts, 3);
    assert_int_equal(c->session, 11); /* the first of the two 80s */
    assert_true(c->crit[CRIT_LANGUAGE] > 49.9 && c->crit[CRIT_LANGUAGE] < 50.1);
    assert_true(c->crit[CRIT_EMPATHY] < 0);
    assert_int_equal(crep_cell_at(&r, 0, 1)->best, -1);
    assert_int_equal(crep_cell_at(&r, 2, 0)->best, -1);
    /* Totals: s1 (80 + 0) / 2, s2 (5 + 95) / 2, s3 none. */
    assert_true(r.st[0].total > 39.9 && r.st[0].total < 40.1);
    assert_true(r.st[1].total > 49.9 && r.st[1].total < 50.1);
    assert_true(r.st[2].total < 0);
    assert_int_equal(r.st[2].sessions, 0);
    assert_int_equal(r.sessions, 5);
    /* Bins: 80 → 8, 5 → 0, 95 → 9. */
    assert_int_equal(r.dist[8], 1);
    assert_int_equal(r.dist[0], 1);
    assert_int_equal(r.dist[9], 1);
    assert_int_equal(r.sc[0].students, 2);
    assert_true(r.sc[0].mean_best > 42.4 && r.sc[0].mean_best < 42.6);
    crep_release(&r);
}

static void test_phrases_and_steps(void **state)
{
    (void)state;
    crep r;
    make(&r);
    assert_int_equal(r.nph, 1);
    assert_string_equal(r.ph[0].id, "not-in-charge");
    assert_int_equal(r.ph[0].count, 3);    /* two in session 10, one in 14 */
    assert_int_equal(r.ph[0].sessions, 2);
    assert_int_equal(r.ph[0].students, 2);
    assert_string_equal(r.ph[0].example, "不归我管");
    assert_string_equal(r.ph[0].reply, "这不归我管");
    assert_string_equal(r.ph[0].scenario, "sc-b");
    /* sc-b: sessions 10 (ask, own), 11 (own) analysed; 12 and 14 have
     * no readable state. ask missed in 1 of 2, own in 0. */
    const crep_scenario *s = &r.sc[0];
    assert_int_equal(s->analysed, 2);
    assert_int_equal(s->nmiss, 2);
    assert_string_equal(step_ids[s->miss[0].step], "ask");
    assert_int_equal(s->miss[0].missed, 1);
    assert_true(s->miss[0].share > 0.49 && s->miss[0].share < 0.51);
    assert_int_equal(s->miss[1].missed, 0);
    assert_int_equal(r.sc[1].nmiss, 0); /* nothing required */
    crep_release(&r);
}

static void test_fmt1(void **state)
{
    (void)state;
    char b[32];
    assert_string_equal(crep_fmt1(b, 0), "0.0");
    assert_string_equal(crep_fmt1(b, 46.75), "46.8");
    assert_string_equal(crep_fmt1(b, 100), "100.0");
    assert_string_equal(crep_fmt1(b, -1), "-");
}

static void test_csv_quoting(void **state)
{
    (void)state;
    strbuf sb;
    sb_init(&sb);
    csvw_field(&sb, "plain", 1);
    csvw_field(&sb, "a,b", 0);
    csvw_field(&sb, "say \"hi\"", 0);
    csvw_field(&sb, "two\nlines", 0);
    csvw_field(&sb, NULL, 0);
    csvw_text(&sb, "=HYPERLINK(1)", 0);
    csvw_text(&sb, "中文", 0);
    csvw_end(&sb);
    assert_string_equal(sb.buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,'=HYPERLINK(1),中文\r\n");
    sb_release(&sb);
}

static void test_html_escape(void **state)
{
    (void)state;
    strbuf sb;
    sb_init(&sb);
    html_escape(&sb, "<script>alert('x') & \"y\"</script>");
    assert_string_equal(sb.buf, "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    sb_release(&sb);
}

static void test_gradebook(void **state)
{
    (void)state;
    crep r;
    make(&r);
    strbuf sb;
    sb_init(&sb);
    gb_format f;
    assert_int_equal(gb_format_parse("moodle", &f), 0);
    assert_int_equal(gb_format_parse("excel", &f), -1);
    assert_int_equal(gb_write(&sb, &r, GB_MOODLE, 1, 1), 3);
    const char *want =
        "\xEF\xBB\xBF"
        "First name,Last name,ID number,sc-b,sc-a,language (%),empathy (%),steps (%),outcome (%),total\r\n"
        ",张三,s1,80,,50.0,,,,40.0\r\n"
        "Anne,Able,s2,5,95,,,25.0,,50.0\r\n"
        ",,s3,,,,,,,\r\n";
    assert_string_equal(sb.buf, want);
    sb.len = 0;
    sb.buf[0] = '\0';
    gb_write(&sb, &r, GB_CANVAS, 0, 0);
    assert_true(strncmp(sb.buf,
                        "Student,ID,SIS User ID,SIS Login ID,Section,sc-b,sc-a,language (%),"
                        "empathy (%),steps (%),outcome (%),total\r\n"
                        "Points Possible,,,,,100,100,100,100,100,100,100\r\n"
                        "张三,,s1,s1,A,80,",
                        strlen("Student,ID,SIS User ID,SIS Login ID,Section,sc-b,sc-a,language (%),"
                               "empathy (%),steps (%),outcome (%),total\r\n"
                               "Points Possible,,,,,100,100,100,100,100,100,100\r\n"
                               "张三,,s1,s1,A,80,")) == 0);
    assert_non_null(strstr(sb.buf, "\r\ns3,,s3,s3,B,,,"));
    sb_release(&sb);
    crep_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_best_and_totals),
        cmocka_unit_test(test_phrases_and_steps),
        cmocka_unit_test(test_fmt1),
        cmocka_unit_test(test_csv_quoting),
        cmocka_unit_test(test_html_escape),
        cmocka_unit_test(test_gradebook),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
