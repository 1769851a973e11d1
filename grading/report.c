/*
 * report.c - output for people and tools: findings as JSON (the
 * `grade --lines` contract), the `play --json` result object, live
 * per-turn feedback and the end-of-session score card with each finding,
 * why it matters and a better phrasing.
 * Deliberately not here: computing anything that gets stored.
 */
#include "report.h"

#include <string.h>

#include "session.h"
#include "steps.h"
#include "u8.h"
#include "util.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_DIM "\033[2m"

static const char *col(int color, const char *code)
{
    return color ? code : "";
}

void report_findings(json_t *obj, const grade_result *g)
{
    json_t *forb = json_array(), *emp = json_array(), *steps = json_array();
    for (size_t i = 0; i < g->nf; i++) {
        const finding *f = &g->f[i];
        if (f->entry->kind == LEX_FORBIDDEN)
            json_array_append_new(forb, json_pack("{s:s, s:s, s:s, s:i}", "id", f->entry->id,
                                                  "category", f->entry->category, "match", f->match,
                                                  "severity", f->entry->severity));
        else if (f->entry->kind == LEX_EMPATHY)
            json_array_append_new(emp, json_pack("{s:s, s:s}", "id", f->entry->id, "match", f->match));
    }
    for (int i = 0; i < STEP_COUNT; i++)
        if (g->steps & (1u << i))
            json_array_append_new(steps, json_string(step_ids[i]));
    json_object_set_new(obj, "forbidden", forb);
    json_object_set_new(obj, "empathy", emp);
    json_object_set_new(obj, "steps", steps);
}

/* Written by hand because regrade compares it with every stored turn and
 * building a jansson object per turn would cost more than grading it. */
void report_findings_text(strbuf *sb, const grade_result *g, const char *text)
{
    for (int pass = 0; pass < 2; pass++) {
        lex_kind kind = pass == 0 ? LEX_EMPATHY : LEX_FORBIDDEN;
        sb_adds(sb, pass == 0 ? "{\"empathy\":[" : "],\"forbidden\":[");
        int first = 1;
        for (size_t i = 0; i < g->nf; i++) {
            const finding *f = &g->f[i];
            if (f->entry->kind != kind)
                continue;
            sb_adds(sb, first ? "{" : ",{");
            first = 0;
            if (kind == LEX_FORBIDDEN) {
                sb_adds(sb, "\"category\":");
                u8_json_add(sb, f->entry->category, strlen(f->entry->category));
                sb_adds(sb, ",");
            }
            sb_adds(sb, "\"id\":");
            u8_json_add(sb, f->entry->id, strlen(f->entry->id));
            sb_adds(sb, ",\"match\":");
            if (f->match)
                u8_json_add(sb, f->match, strlen(f->match));
            else
                u8_json_add(sb, text + f->byte_from, f->byte_to - f->byte_from);
            if (kind == LEX_FORBIDDEN)
                sb_addf(sb, ",\"severity\":%d", f->entry->severity);
            sb_adds(sb, "}");
        }
    }
    sb_adds(sb, "],\"steps\":[");
    int first = 1;
    for (int i = 0; i < STEP_COUNT; i++)
        if (g->steps & (1u << i)) {
            if (!first)
                sb_adds(sb, ",");
            first = 0;
            u8_json_add(sb, step_ids[i], strlen(step_ids[i]));
        }
    sb_adds(sb, "]}");
}

json_t *report_session_json(const session *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "scenario", json_string(s->scn->id));
    json_object_set_new(o, "seed", json_integer(s->cfg.seed));
    json_object_set_new(o, "outcome", json_string(s->outcome ? s->outcome : "open"));
    json_object_set_new(o, "score", json_integer(s->card.total));
    json_t *crit = json_object();
    for (int c = 0; c < CRIT_COUNT; c++)
        json_object_set_new(crit, crit_ids[c], json_pack("{s:f, s:f}", "points", s->card.points[c],
                                                         "max", s->card.max[c]));
    json_object_set_new(o, "criteria", crit);
    json_t *turns = json_array();
    for (int i = 0; i < s->nturns; i++) {
        const sess_turn *t = &s->turns[i];
        json_t *tj = json_pack("{s:i, s:s, s:s, s:i}", "n", t->n, "reply", t->reply,
                               "customer", t->customer, "mood", t->mood);
        report_findings(tj, &t->g);
        json_array_append_new(turns, tj);
    }
    json_object_set_new(o, "turns", turns);
    json_object_set_new(o, "student", json_string(s->cfg.student));
    json_object_set_new(o, "mode", json_string(s->cfg.mode));
    json_object_set_new(o, "hints", json_integer(s->hints));
    json_object_set_new(o, "opening", json_string(s->opening));
    json_t *done = json_array();
    for (int i = 0; i < STEP_COUNT; i++)
        if (s->steps_done & (1u << i))
            json_array_append_new(done, json_string(step_ids[i]));
    json_object_set_new(o, "steps_done", done);
    json_t *req = json_array();
    for (int i = 0; i < STEP_COUNT; i++)
        if (s->scn->required & (1u << i))
            json_array_append_new(req, json_string(step_ids[i]));
    json_object_set_new(o, "steps_required", req);
    if (s->id)
        json_object_set_new(o, "session", json_integer(s->id));
    return o;
}

void report_turn_feedback(FILE *out, const grade_result *g, int color)
{
    for (size_t i = 0; i < g->nf; i++) {
        const finding *f = &g->f[i];
        if (f->entry->kind == LEX_FORBIDDEN)
            fprintf(out, _("  %s✗ 禁忌语「%s」（%s）%s：%s\n"), col(color, C_RED), f->match,
                    f->entry->category, col(color, C_RESET), f->entry->why);
    }
    int emp = 0;
    for (size_t i = 0; i < g->nf; i++)
        emp |= g->f[i].entry->kind == LEX_EMPATHY;
    strbuf sb;
    sb_init(&sb);
    if (emp)
        sb_adds(&sb, _("共情"));
    for (int i = 0; i < STEP_COUNT; i++)
        if (g->steps & (1u << i))
            /* TRANSLATORS: separator between the items of a list. */
            sb_addf(&sb, "%s%s", sb.len ? _("、") : "", step_label(i));
    if (sb.len)
        fprintf(out, _("  %s✓ %s%s\n"), col(color, C_GREEN), sb.buf, col(color, C_RESET));
    sb_release(&sb);
}

static void bar(FILE *out, double pts, double max, int color)
{
    int width = 20;
    int fill = max > 0 ? (int)(pts / max * width + 0.5) : 0;
    double frac = max > 0 ? pts / max : 0;
    fputs(col(color, frac >= 0.75 ? C_GREEN : frac >= 0.4 ? C_YELLOW : C_RED), out);
    for (int i = 0; i < width; i++)
        fputs(i < fill ? "█" : "░", out);
    fputs(col(color, C_RESET), out);
}

void report_card(FILE *out, const session *s, int color)
{
    const scn_outcome *o = s->outcome ? scn_outcome_find(s->scn, s->outcome) : NULL;
    const char *olabel = o ? o->label
                         : s->outcome && strcmp(s->outcome, "abandoned") == 0 ? _("中途放弃")
                         : s->outcome && strcmp(s->outcome, "error") == 0 ? _("情景出错，会话中止")
                         : s->outcome;
    fprintf(out, _("\n%s══ 成绩单 · %s ══%s\n"), col(color, C_BOLD), s->scn->title, col(color, C_RESET));
    fprintf(out, _("结果：%s（%s）  轮数：%d  种子：%lld\n"), olabel ? olabel : "-",
            s->outcome ? s->outcome : "-", s->nturns, (long long)s->cfg.seed);
    for (int c = 0; c < CRIT_COUNT; c++) {
        /* Pad the label to 10 terminal columns (CJK is two wide). */
        const char *label = crit_label(c);
        int cols = (int)u8_width(label);
        fprintf(out, "  %s%*s", label, cols < 10 ? 10 - cols : 1, "");
        bar(out, s->card.points[c], s->card.max[c], color);
        fprintf(out, " %5.1f / %.0f\n", s->card.points[c], s->card.max[c]);
    }
    if (s->card.hint_penalty > 0)
        fprintf(out, _("  提示扣分  -%.0f（用了 %d 次 /hint）\n"), s->card.hint_penalty, s->hints);
    fprintf(out, _("%s总分：%d / 100%s\n"), col(color, C_BOLD), s->card.total, col(color, C_RESET));

    unsigned missing = s->scn->required & ~s->steps_done;
    strbuf sb;
    sb_init(&sb);
    for (int i = 0; i < STEP_COUNT; i++)
        if (s->scn->required & (1u << i))
            sb_addf(&sb, "%s%s%s", sb.len ? "  " : "", (missing & (1u << i)) ? "✗" : "✓", step_label(i));
    if (sb.len)
        fprintf(out, _("要求的步骤：%s\n"), sb.buf);
    sb_release(&sb);

    int any = 0;
    for (int i = 0; i < s->nturns; i++) {
        const sess_turn *t = &s->turns[i];
        for (size_t j = 0; j < t->g.nf; j++) {
            const finding *f = &t->g.f[j];
            if (f->entry->kind != LEX_FORBIDDEN)
                continue;
            if (!any)
                fprintf(out, _("\n逐轮点评：\n"));
            any = 1;
            fprintf(out, _("%s第 %d 轮%s 「%s」 — %s%s%s（%s）\n"), col(color, C_BOLD), t->n,
                    col(color, C_RESET), f->match, col(color, C_RED), f->entry->category,
                    col(color, C_RESET), f->entry->id);
            fprintf(out, _("    为什么：%s\n"), f->entry->why);
            fprintf(out, _("    更好的说法：%s\n"), f->entry->better);
        }
    }
    if (!any && s->nturns > 0)
        fprintf(out, _("\n没有使用服务禁忌语。\n"));
    int emp_turns = 0;
    for (int i = 0; i < s->nturns; i++)
        for (size_t j = 0; j < s->turns[i].g.nf; j++)
            if (s->turns[i].g.f[j].entry->kind == LEX_EMPATHY) {
                emp_turns++;
                break;
            }
    if (s->nturns > 0 && emp_turns == 0)
        fprintf(out, _("共情：整通对话没有一句体谅客户感受的话，试试“我理解您的心情”“给您添麻烦了”。\n"));
    if (missing) {
        fprintf(out, _("还可以做到："));
        int first = 1;
        for (int i = 0; i < STEP_COUNT; i++)
            if (missing & (1u << i)) {
                fprintf(out, "%s%s", first ? "" : _("、"), step_label(i));
                first = 0;
            }
        fputc('\n', out);
    }
}
