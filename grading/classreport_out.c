/*
 * classreport_out.c - writes a computed class report for a terminal (one
 * aligned table per part: students by scenario, scenarios by criterion,
 * the distribution of best scores, the most frequent forbidden phrases,
 * the required steps missed most), as CSV tables for spreadsheets and as
 * JSON for tools. Typed text is made printable before it reaches a
 * terminal.
 * Deliberately not here: HTML, gradebook layouts, any arithmetic beyond
 * rounding for display.
 */
#include "classreport_out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csvwrite.h"
#include "u8.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_YELLOW "\033[33m"
#define C_DIM "\033[2m"

/* ---- aligned tables ---------------------------------------------------- */

typedef struct tcell {
    char *s;           /* text, printable */
    const char *color; /* ANSI code or NULL */
} tcell;

typedef struct table {
    size_t ncol;   /* columns */
    tcell *c;      /* cells, row by row */
    size_t n;      /* cells added */
    unsigned right; /* bit per right-aligned column */
} table;

static void t_init(table *t, size_t ncol, unsigned right)
{
    t->ncol = ncol;
    t->c = NULL;
    t->n = 0;
    t->right = right;
}

/* Adds the next cell (a copy of s) with an optional colour. */
static void t_add(table *t, const char *s, const char *color)
{
    t->c = xrealloc(t->c, (t->n + 1) * sizeof *t->c);
    t->c[t->n].s = xstrdup(s ? s : "");
    t->c[t->n].color = color;
    t->n++;
}

static void pad(strbuf *out, size_t n)
{
    for (; n > 0; n--)
        sb_add(out, " ", 1);
}

/* Prints the table with two spaces between columns; the first row is the
 * header (bold). Releases the table. */
static void t_print(strbuf *out, table *t, int color)
{
    size_t *w = xcalloc(t->ncol, sizeof *w);
    for (size_t i = 0; i < t->n; i++) {
        size_t cw = u8_width(t->c[i].s);
        if (cw > w[i % t->ncol])
            w[i % t->ncol] = cw;
    }
    size_t line = out->len;
    for (size_t i = 0; i < t->n; i++) {
        size_t col = i % t->ncol, cw = u8_width(t->c[i].s);
        int right = col < 32 && ((t->right >> col) & 1);
        const char *code = i < t->ncol ? C_BOLD : t->c[i].color;
        if (col == 0)
            sb_adds(out, "  ");
        if (right)
            pad(out, w[col] - cw);
        if (color && code)
            sb_adds(out, code);
        sb_adds(out, t->c[i].s);
        if (color && code)
            sb_adds(out, C_RESET);
        if (col + 1 == t->ncol) {
            while (out->len > line && out->buf[out->len - 1] == ' ')
                out->buf[--out->len] = '\0';
            sb_add(out, "\n", 1);
            line = out->len;
        } else {
            if (!right)
                pad(out, w[col] - cw);
            sb_adds(out, "  ");
        }
        free(t->c[i].s);
    }
    free(t->c);
    free(w);
}

/* A printable copy of typed text, at most max characters. */
static char *clean(const char *s, size_t max)
{
    return u8_printable(s ? s : "", s ? strlen(s) : 0, max);
}

/* Adds a cell of stored text, made printable first. */
static void t_add_clean(table *t, const char *s, const char *color)
{
    char *c = clean(s, 60);
    t_add(t, c, color);
    free(c);
}

static void heading(strbuf *out, const char *text, int color)
{
    sb_addf(out, "\n%s%s%s\n", color ? C_BOLD : "", text, color ? C_RESET : "");
}

/* ---- terminal ------------------------------------------------------------ */

static void text_intro(strbuf *out, const crep *r, int color)
{
    int roster = 0, missing = 0;
    for (size_t i = 0; i < r->nst; i++) {
        roster += r->st[i].enrolled;
        missing += r->st[i].enrolled && r->st[i].sessions == 0;
    }
    char b[32];
    sb_addf(out, "%s%s%s\n", color ? C_BOLD : "", _("班级报告"), color ? C_RESET : "");
    sb_addf(out, "%s\n", r->practice ? _("计入：已结束且没有出错的考试和练习会话。")
                                     : _("计入：已结束且没有出错的考试会话（--practice 也计入练习）。"));
    sb_addf(out, "%s\n", _("每个学生在每个情景取最好成绩；评分项是计入会话的平均得分率（%）。"));
    if (r->only_class || r->only_scenario)
        sb_addf(out, _("筛选：班级 %s，情景 %s\n"), r->only_class ? r->only_class : _("全部"),
                r->only_scenario ? r->only_scenario : _("全部"));
    sb_addf(out, _("学生 %zu 人（名单上 %d 人，其中 %d 人没有计入的会话），会话 %d 次，最好成绩平均 %s\n"),
            r->nst, roster, missing, r->sessions, crep_fmt1(b, r->mean_best));
}

static void text_students(strbuf *out, const crep *r, int color)
{
    heading(out, _("学生成绩（最好成绩；×N = 计入 N 次；-- = 没有记录）"), color);
    size_t ncol = 3 + r->nsc + 1 + CRIT_COUNT;
    unsigned right = 0;
    for (size_t c = 3; c < ncol && c < 32; c++)
        right |= 1u << c;
    table t;
    t_init(&t, ncol, right);
    t_add(&t, _("学号"), NULL);
    t_add(&t, _("姓名"), NULL);
    t_add(&t, _("班级"), NULL);
    for (size_t j = 0; j < r->nsc; j++)
        t_add_clean(&t, r->sc[j].id, NULL);
    t_add(&t, _("总评"), NULL);
    for (int c = 0; c < CRIT_COUNT; c++)
        t_add(&t, crit_label(c), NULL);
    char b[64];
    int roster = 0;
    for (size_t i = 0; i < r->nst; i++)
        roster |= r->st[i].enrolled;
    for (size_t i = 0; i < r->nst; i++) {
        const crep_student *s = &r->st[i];
        char *id = clean(s->id, 40), *name = clean(s->name, 20), *kl = clean(s->klass, 20);
        t_add(&t, id, NULL);
        if (roster && !s->enrolled) {
            char *tagged = xasprintf("%s%s", name, _("（不在名单上）"));
            t_add(&t, tagged, C_DIM);
            free(tagged);
        } else {
            t_add(&t, name, NULL);
        }
        t_add(&t, kl, NULL);
        free(id), free(name), free(kl);
        for (size_t j = 0; j < r->nsc; j++) {
            const crep_cell *c = crep_cell_at(r, i, j);
            if (c->best < 0) {
                t_add(&t, "--", C_DIM);
                continue;
            }
            if (c->attempts > 1)
                snprintf(b, sizeof b, "%d ×%d", c->best, c->attempts);
            else
                snprintf(b, sizeof b, "%d", c->best);
            t_add(&t, b, c->best < 60 ? C_RED : NULL);
        }
        if (s->sessions == 0)
            t_add(&t, _("没有记录"), C_YELLOW);
        else
            t_add(&t, crep_fmt1(b, s->total), NULL);
        for (int c = 0; c < CRIT_COUNT; c++)
            t_add(&t, crep_fmt1(b, s->crit[c]), s->crit[c] < 0 ? C_DIM : NULL);
    }
    t_print(out, &t, color);
    sb_addf(out, "  %s\n", _("总评 = 各情景最好成绩的平均，没有记录的情景按 0 分；评分项为百分比。"));
}

/* A title cut to 12 characters (24 columns in Chinese). */
static char *short_title(const char *title)
{
    return clean(title, 12);
}

static void text_scenarios(strbuf *out, const crep *r, int color)
{
    heading(out, _("各情景（评分项：计入会话的平均得分率 %）"), color);
    table t;
    t_init(&t, 5 + CRIT_COUNT, 0x1fcu);
    t_add(&t, _("情景"), NULL);
    t_add(&t, _("标题"), NULL);
    t_add(&t, _("会话"), NULL);
    t_add(&t, _("学生"), NULL);
    t_add(&t, _("最好成绩平均"), NULL);
    for (int c = 0; c < CRIT_COUNT; c++)
        t_add(&t, crit_label(c), NULL);
    char b[32];
    for (size_t j = 0; j < r->nsc; j++) {
        const crep_scenario *s = &r->sc[j];
        char *title = short_title(s->title ? s->title : _("（找不到情景文件）"));
        t_add_clean(&t, s->id, NULL);
        t_add(&t, title, s->title ? NULL : C_YELLOW);
        free(title);
        snprintf(b, sizeof b, "%d", s->sessions);
        t_add(&t, b, NULL);
        snprintf(b, sizeof b, "%d", s->students);
        t_add(&t, b, NULL);
        t_add(&t, crep_fmt1(b, s->mean_best), NULL);
        for (int c = 0; c < CRIT_COUNT; c++)
            t_add(&t, crep_fmt1(b, s->crit[c]), NULL);
    }
    t_print(out, &t, color);
}

/* A bar of n out of max in at most cols columns, padded to cols. */
static void bar(strbuf *out, int n, int max, int cols)
{
    int len = max > 0 ? (n * cols + max - 1) / max : 0;
    for (int i = 0; i < len; i++)
        sb_adds(out, "█");
    pad(out, (size_t)(cols - len));
}

static void text_distribution(strbuf *out, const crep *r, int color)
{
    heading(out, _("分数分布（每个学生每个情景的最好成绩）"), color);
    int max = 0;
    for (int b = 0; b < CREP_BINS; b++)
        if (r->dist[b] > max)
            max = r->dist[b];
    for (int b = 0; b < CREP_BINS; b++) {
        sb_addf(out, "  %3d-%-3d ", b * 10, b == CREP_BINS - 1 ? 100 : b * 10 + 9);
        bar(out, r->dist[b], max, 30);
        sb_addf(out, " %d\n", r->dist[b]);
    }
}

static void text_phrases(strbuf *out, const crep *r, int color)
{
    heading(out, _("最常见的禁忌语"), color);
    if (r->nph == 0) {
        sb_addf(out, "  %s\n", _("（计入的会话里没有禁忌语）"));
        return;
    }
    table t;
    t_init(&t, 6, 0x7u);
    t_add(&t, _("次数"), NULL);
    t_add(&t, _("会话"), NULL);
    t_add(&t, _("学生"), NULL);
    t_add(&t, _("类别"), NULL);
    t_add(&t, _("词条"), NULL);
    t_add(&t, _("例子"), NULL);
    char b[32];
    for (size_t i = 0; i < r->nph && i < CREP_TOP_PHRASES; i++) {
        const crep_phrase *p = &r->ph[i];
        snprintf(b, sizeof b, "%d", p->count);
        t_add(&t, b, NULL);
        snprintf(b, sizeof b, "%d", p->sessions);
        t_add(&t, b, NULL);
        snprintf(b, sizeof b, "%d", p->students);
        t_add(&t, b, NULL);
        t_add_clean(&t, p->category, NULL);
        t_add_clean(&t, p->id, NULL);
        char *ex = clean(p->example, 30);
        char *q = xasprintf(_("「%s」"), ex);
        t_add(&t, q, C_RED);
        free(q);
        free(ex);
    }
    t_print(out, &t, color);
    if (r->nph > CREP_TOP_PHRASES)
        sb_addf(out, _("  …另有 %zu 个（--csv --table phrases 或 --json 列出全部）\n"),
                r->nph - CREP_TOP_PHRASES);
}

static void text_steps(strbuf *out, const crep *r, int color)
{
    heading(out, _("必做步骤的遗漏（题目分析：没做到这一步的会话占比）"), color);
    int any = 0;
    char b[64];
    for (size_t j = 0; j < r->nsc; j++) {
        const crep_scenario *s = &r->sc[j];
        if (!s->nmiss || !s->analysed)
            continue;
        any = 1;
        char *id = clean(s->id, 40);
        sb_addf(out, _("  %s（%d 次会话）\n"), id, s->analysed);
        free(id);
        table t;
        t_init(&t, 4, 0x6u);
        t_add(&t, _("步骤"), NULL);
        t_add(&t, _("遗漏"), NULL);
        t_add(&t, _("占比"), NULL);
        t_add(&t, "", NULL);
        for (size_t k = 0; k < s->nmiss; k++) {
            const crep_step_miss *m = &s->miss[k];
            t_add(&t, step_label(m->step), NULL);
            snprintf(b, sizeof b, "%d/%d", m->missed, s->analysed);
            t_add(&t, b, NULL);
            char pct[32];
            snprintf(b, sizeof b, "%s%%", crep_fmt1(pct, 100 * m->share));
            t_add(&t, b, m->share >= 0.5 ? C_RED : NULL);
            strbuf sb;
            sb_init(&sb);
            bar(&sb, (int)lround(m->share * 100), 100, 20);
            t_add(&t, sb.buf, NULL);
            sb_release(&sb);
        }
        t_print(out, &t, color);
    }
    if (!any)
        sb_addf(out, "  %s\n", _("（没有可以分析的必做步骤）"));
}

void crep_write_text(strbuf *out, const crep *r, int color)
{
    text_intro(out, r, color);
    if (r->nst == 0 && r->nsc == 0) {
        sb_addf(out, "\n%s\n", _("没有计入的会话，名单上也没有学生。"));
        return;
    }
    text_students(out, r, color);
    if (r->nsc == 0)
        return;
    text_scenarios(out, r, color);
    text_distribution(out, r, color);
    text_phrases(out, r, color);
    text_steps(out, r, color);
}

/* ---- CSV ------------------------------------------------------------------- */

static void csv_int(strbuf *sb, int v)
{
    char b[32];
    snprintf(b, sizeof b, "%d", v);
    csvw_field(sb, b, 0);
}

/* One decimal, empty when x < 0. */
static void csv_num(strbuf *sb, double x)
{
    char b[32];
    csvw_field(sb, x < 0 ? "" : crep_fmt1(b, x), 0);
}

static void csv_scores(strbuf *out, const crep *r)
{
    static const char *const head[] = { "student", "name", "class", "enrolled", "scenario",
                                        "attempts", "best", "best_session" };
    for (size_t k = 0; k < sizeof head / sizeof *head; k++)
        csvw_field(out, head[k], k == 0);
    for (int c = 0; c < CRIT_COUNT; c++)
        csvw_field(out, crit_ids[c], 0);
    csvw_end(out);
    char b[32];
    for (size_t i = 0; i < r->nst; i++) {
        const crep_student *s = &r->st[i];
        for (size_t j = 0; j < r->nsc || (j == 0 && r->nsc == 0); j++) {
            csvw_field(out, s->id, 1);
            csvw_field(out, s->name, 0);
            csvw_field(out, s->klass, 0);
            csv_int(out, s->enrolled);
            if (r->nsc == 0) {
                for (int k = 0; k < 4 + CRIT_COUNT; k++)
                    csvw_field(out, "", 0);
                csvw_end(out);
                break;
            }
            const crep_cell *c = crep_cell_at(r, i, j);
            csvw_field(out, r->sc[j].id, 0);
            csv_int(out, c->attempts);
            if (c->best < 0) {
                csvw_field(out, "", 0);
                csvw_field(out, "", 0);
            } else {
                csv_int(out, c->best);
                snprintf(b, sizeof b, "%lld", (long long)c->session);
                csvw_field(out, b, 0);
            }
            for (int k = 0; k < CRIT_COUNT; k++)
                csv_num(out, c->crit[k]);
            csvw_end(out);
        }
    }
}

static void csv_phrases(strbuf *out, const crep *r)
{
    static const char *const head[] = { "id", "category", "count", "sessions", "students",
                                        "example", "reply", "scenario", "why", "better" };
    for (size_t k = 0; k < sizeof head / sizeof *head; k++)
        csvw_field(out, head[k], k == 0);
    csvw_end(out);
    for (size_t i = 0; i < r->nph; i++) {
        const crep_phrase *p = &r->ph[i];
        csvw_field(out, p->id, 1);
        csvw_field(out, p->category, 0);
        csv_int(out, p->count);
        csv_int(out, p->sessions);
        csv_int(out, p->students);
        csvw_text(out, p->example, 0);
        csvw_text(out, p->reply, 0);
        csvw_field(out, p->scenario, 0);
        csvw_field(out, p->why, 0);
        csvw_field(out, p->better, 0);
        csvw_end(out);
    }
}

static void csv_steps(strbuf *out, const crep *r)
{
    static const char *const head[] = { "scenario", "step", "label", "missed", "sessions",
                                        "missed_pct" };
    for (size_t k = 0; k < sizeof head / sizeof *head; k++)
        csvw_field(out, head[k], k == 0);
    csvw_end(out);
    for (size_t j = 0; j < r->nsc; j++)
        for (size_t k = 0; k < r->sc[j].nmiss; k++) {
            const crep_step_miss *m = &r->sc[j].miss[k];
            csvw_field(out, r->sc[j].id, 1);
            csvw_field(out, step_ids[m->step], 0);
            csvw_field(out, step_label(m->step), 0);
            csv_int(out, m->missed);
            csv_int(out, r->sc[j].analysed);
            csv_num(out, 100 * m->share);
            csvw_end(out);
        }
}

int crep_write_csv(strbuf *out, const crep *r, const char *table)
{
    if (!table || strcmp(table, "scores") == 0)
        csv_scores(out, r);
    else if (strcmp(table, "phrases") == 0)
        csv_phrases(out, r);
    else if (strcmp(table, "steps") == 0)
        csv_steps(out, r);
    else
        return -1;
    return 0;
}

/* ---- JSON ------------------------------------------------------------------ */

/* x rounded to one decimal, or null when x < 0. */
static json_t *jnum(double x)
{
    return x < 0 ? json_null() : json_real(round(x * 10) / 10);
}

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *jcrit(const double crit[CRIT_COUNT])
{
    json_t *o = json_object();
    for (int c = 0; c < CRIT_COUNT; c++)
        json_object_set_new(o, crit_ids[c], jnum(crit[c]));
    return o;
}

static json_t *json_scenario(const crep_scenario *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(s->id));
    json_object_set_new(o, "title", jstr(s->title));
    json_object_set_new(o, "chapter", s->chapter > 0 ? json_integer(s->chapter) : json_null());
    json_object_set_new(o, "sessions", json_integer(s->sessions));
    json_object_set_new(o, "students", json_integer(s->students));
    json_object_set_new(o, "mean_best", jnum(s->mean_best));
    json_object_set_new(o, "criteria", jcrit(s->crit));
    json_t *req = json_array(), *miss = json_array();
    for (int i = 0; i < STEP_COUNT; i++)
        if (s->required & (1u << i))
            json_array_append_new(req, json_string(step_ids[i]));
    for (size_t k = 0; k < s->nmiss; k++)
        json_array_append_new(miss, json_pack("{s:s, s:i, s:o}", "step", step_ids[s->miss[k].step],
                                              "missed", s->miss[k].missed, "share",
                                              json_real(round(s->miss[k].share * 1000) / 1000)));
    if (!s->known) {
        json_decref(req);
        req = json_null();
    }
    json_object_set_new(o, "required", req);
    json_object_set_new(o, "analysed", json_integer(s->analysed));
    json_object_set_new(o, "missed", miss);
    return o;
}

static json_t *json_student(const crep *r, size_t i)
{
    const crep_student *s = &r->st[i];
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(s->id));
    json_object_set_new(o, "name", jstr(s->name));
    json_object_set_new(o, "class", jstr(s->klass));
    json_object_set_new(o, "enrolled", json_boolean(s->enrolled));
    json_object_set_new(o, "sessions", json_integer(s->sessions));
    json_object_set_new(o, "total", jnum(s->total));
    json_object_set_new(o, "criteria", jcrit(s->crit));
    json_t *sc = json_object();
    for (size_t j = 0; j < r->nsc; j++) {
        const crep_cell *c = crep_cell_at(r, i, j);
        json_object_set_new(sc, r->sc[j].id,
                            c->best < 0 ? json_null()
                                        : json_pack("{s:i, s:i, s:I, s:o}", "best", c->best,
                                                    "attempts", c->attempts, "session",
                                                    (json_int_t)c->session, "criteria",
                                                    jcrit(c->crit)));
    }
    json_object_set_new(o, "scores", sc);
    return o;
}

json_t *crep_to_json(const crep *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "counted",
                        json_pack("{s:s, s:o, s:o, s:s}", "modes",
                                  r->practice ? "exam+practice" : "exam", "scenario",
                                  jstr(r->only_scenario), "class", jstr(r->only_class), "rule",
                                  "best score per student and scenario; criteria averaged "
                                  "over counted sessions in percent"));
    json_object_set_new(o, "sessions", json_integer(r->sessions));
    json_object_set_new(o, "mean_best", jnum(r->mean_best));
    json_t *a = json_array();
    for (size_t j = 0; j < r->nsc; j++)
        json_array_append_new(a, json_scenario(&r->sc[j]));
    json_object_set_new(o, "scenarios", a);
    a = json_array();
    for (size_t i = 0; i < r->nst; i++)
        json_array_append_new(a, json_student(r, i));
    json_object_set_new(o, "students", a);
    a = json_array();
    for (int b = 0; b < CREP_BINS; b++)
        json_array_append_new(a, json_pack("{s:i, s:i, s:i}", "from", b * 10, "to",
                                           b == CREP_BINS - 1 ? 100 : b * 10 + 9, "count",
                                           r->dist[b]));
    json_object_set_new(o, "distribution", a);
    a = json_array();
    for (size_t i = 0; i < r->nph; i++) {
        const crep_phrase *p = &r->ph[i];
        json_array_append_new(
            a, json_pack("{s:s, s:s, s:i, s:i, s:i, s:s, s:s, s:s, s:o, s:o}", "id", p->id,
                         "category", p->category, "count", p->count, "sessions", p->sessions,
                         "students", p->students, "example", p->example, "reply", p->reply,
                         "scenario", p->scenario, "why", jstr(p->why), "better", jstr(p->better)));
    }
    json_object_set_new(o, "forbidden", a);
    return o;
}
