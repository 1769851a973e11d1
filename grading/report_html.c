/*
 * report_html.c - writes the class report as one HTML page an instructor
 * can open in any browser or print: summary cards, the students' best
 * scores, and three charts drawn here as inline SVG (a histogram of best
 * scores, grouped bars of the criteria per scenario, horizontal bars of
 * the most frequent forbidden phrases with the reason each is wrong), then
 * the item analysis of required steps. Coordinates are integers so that no
 * locale can put a decimal comma into the SVG.
 * Deliberately not here: JavaScript, web fonts, images or any other
 * resource outside the file; arithmetic beyond scaling for the charts.
 */
#include "report_html.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classreport_out.h"
#include "u8.h"

/* Colours of the four criteria, in crit_ids order. */
static const char *const crit_color[CRIT_COUNT] = { "#2f6fde", "#e8833a", "#2e9d6b", "#8e5bd1" };

static const char css[] =
    ":root{--ink:#1f2933;--muted:#5f6b7a;--line:#d9e2ec;--bg:#f3f5f8;--bad:#c8372d;"
    "--warn:#b7791f;--good:#23845a}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 \"Noto Sans CJK SC\","
    "\"Source Han Sans SC\",\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\","
    "\"Noto Sans CJK TC\",\"Noto Sans\",sans-serif}\n"
    "main{max-width:1120px;margin:0 auto;padding:28px 28px 56px}\n"
    "h1{font-size:28px;margin:0 0 6px}\n"
    "h2{font-size:19px;margin:0 0 4px}\n"
    ".meta,.note{color:var(--muted);font-size:13px;margin:2px 0}\n"
    ".note{margin:8px 0 0}\n"
    ".cards{display:flex;gap:12px;flex-wrap:wrap;margin:18px 0 6px}\n"
    ".card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 18px;"
    "min-width:150px}\n"
    ".card span{color:var(--muted);font-size:13px}\n"
    ".card b{display:block;font-size:26px;line-height:1.3}\n"
    ".card.alert b{color:var(--bad)}\n"
    "section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 22px;"
    "margin:16px 0}\n"
    "svg{display:block;width:100%;height:auto;margin:10px 0 4px}\n"
    "svg text{font-family:inherit}\n"
    "table{border-collapse:collapse;width:100%;font-size:13.5px;margin-top:10px}\n"
    "th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#eef2f7;font-weight:600;word-break:break-word;vertical-align:bottom}\n"
    ".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "td.none{color:#9aa5b1;text-align:center;background:#f7f9fb}\n"
    "td.low{color:var(--bad);font-weight:600}\n"
    "small{color:var(--muted);font-weight:normal}\n"
    "td.nw{white-space:nowrap}\n"
    "th.rot{vertical-align:bottom;text-align:center;padding:6px 4px}\n"
    "th.rot span{display:inline-block;writing-mode:vertical-rl;transform:rotate(180deg);"
    "white-space:nowrap}\n"
    ".wide{overflow-x:auto}\n"
    "tr.absent td{background:#fff6e0}\n"
    "tr.absent td.flag{color:var(--warn);font-weight:600}\n"
    ".ex{color:var(--bad);font-weight:600}\n"
    ".why{color:var(--ink)}\n"
    ".better{color:var(--good)}\n"
    ".mini{display:inline-block;width:120px;height:10px;margin:0 8px 0 0;vertical-align:middle}\n"
    ".legend{display:flex;gap:16px;flex-wrap:wrap;font-size:13px;color:var(--muted)}\n"
    ".legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;"
    "vertical-align:-1px}\n"
    "footer{color:var(--muted);font-size:12px;margin-top:24px}\n"
    "@media print{@page{size:A4;margin:14mm}\n"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{background:#fff;font-size:12px}\n"
    "main{max-width:none;padding:0}\n"
    "section{border:none;border-top:2px solid var(--ink);border-radius:0;padding:10px 0 0;"
    "margin:14px 0;break-inside:avoid}\n"
    "section.long{break-inside:auto}\n"
    "table{font-size:11px}\n"
    ".wide{overflow:visible}\n"
    ".keep,svg{break-inside:avoid}\n"
    "tr{break-inside:avoid}\n"
    "thead{display:table-header-group}\n"
    ".card{padding:6px 12px;border-color:#999}\n"
    "h2{break-after:avoid}}\n";

void html_escape(strbuf *out, const char *s)
{
    if (!s)
        return;
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '&': sb_adds(out, "&amp;"); break;
        case '<': sb_adds(out, "&lt;"); break;
        case '>': sb_adds(out, "&gt;"); break;
        case '"': sb_adds(out, "&quot;"); break;
        case '\'': sb_adds(out, "&#39;"); break;
        default: sb_add(out, p, 1);
        }
    }
}

/* Escaped s cut to max characters, control characters dropped. */
static void esc_cut(strbuf *out, const char *s, size_t max)
{
    if (!s)
        return;
    char *c = u8_printable(s, strlen(s), max);
    html_escape(out, c);
    free(c);
}

/* Escaped printf: the arguments are formatted first, then escaped. */
static void esc_f(strbuf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void esc_f(strbuf *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    html_escape(out, s);
    free(s);
}

/* A table cell with a number (one decimal) or an empty mark. */
static void td_num(strbuf *out, double x)
{
    if (x < 0) {
        sb_adds(out, "<td class=\"n none\">–</td>");
    } else {
        char b[32];
        sb_addf(out, "<td class=\"n\">%s</td>", crep_fmt1(b, x));
    }
}

/* Rounded integer of a non-negative value. */
static int iround(double x)
{
    return (int)(x + 0.5);
}

/* ---- header and summary ------------------------------------------------- */

static void page_head(strbuf *out, const crep *r, const char *lang, const char *generated)
{
    sb_adds(out, "<!DOCTYPE html>\n<html lang=\"");
    html_escape(out, lang);
    sb_adds(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<title>");
    html_escape(out, _("班级报告"));
    sb_adds(out, " · crmsim</title>\n<style>\n");
    sb_adds(out, css);
    sb_adds(out, "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>");
    html_escape(out, _("班级报告"));
    sb_adds(out, "</h1>\n<p class=\"meta\">");
    html_escape(out, r->practice ? _("计入：已结束且没有出错的考试和练习会话。")
                                 : _("计入：已结束且没有出错的考试会话。"));
    sb_adds(out, "</p>\n<p class=\"meta\">");
    html_escape(out, _("每个学生在每个情景取最好成绩；评分项是计入会话的平均得分率（%）。"));
    sb_adds(out, "</p>\n<p class=\"meta\">");
    esc_f(out, _("班级：%s　情景：%s　生成于 %s"), r->only_class ? r->only_class : _("全部"),
          r->only_scenario ? r->only_scenario : _("全部"), generated);
    sb_adds(out, "</p>\n</header>\n");
}

static void card(strbuf *out, const char *label, const char *value, int alert)
{
    sb_addf(out, "<div class=\"card%s\"><span>", alert ? " alert" : "");
    html_escape(out, label);
    sb_adds(out, "</span><b>");
    html_escape(out, value);
    sb_adds(out, "</b></div>\n");
}

static void summary(strbuf *out, const crep *r)
{
    int missing = 0;
    for (size_t i = 0; i < r->nst; i++)
        missing += r->st[i].sessions == 0;
    char b[64];
    sb_adds(out, "<div class=\"cards\">\n");
    snprintf(b, sizeof b, "%zu", r->nst);
    card(out, _("学生"), b, 0);
    snprintf(b, sizeof b, "%d", missing);
    card(out, _("没有记录的学生"), b, missing > 0);
    snprintf(b, sizeof b, "%zu", r->nsc);
    card(out, _("情景数"), b, 0);
    snprintf(b, sizeof b, "%d", r->sessions);
    card(out, _("计入的会话"), b, 0);
    card(out, _("最好成绩平均"), crep_fmt1(b, r->mean_best), 0);
    sb_adds(out, "</div>\n");
}

/* ---- students ---------------------------------------------------------- */

static void students_table(strbuf *out, const crep *r)
{
    char b[32];
    int roster = 0;
    for (size_t i = 0; i < r->nst; i++)
        roster |= r->st[i].enrolled;
    sb_adds(out, "<section class=\"long\" id=\"students\">\n<h2>");
    html_escape(out, _("学生成绩"));
    sb_adds(out, "</h2>\n<p class=\"note\">");
    html_escape(out, _("格子里是最好成绩，×N 是计入的次数；“–” 表示没有记录。总评 = 各情景最好成绩的平均，没有记录的情景按 0 分；评分项为百分比。"));
    sb_adds(out, "</p>\n<div class=\"wide\">\n<table>\n<thead><tr><th>");
    html_escape(out, _("学号"));
    sb_adds(out, "</th><th>");
    html_escape(out, _("姓名"));
    sb_adds(out, "</th><th>");
    html_escape(out, _("班级"));
    sb_adds(out, "</th>");
    /* Many scenarios: their ids run upwards so the table stays narrow. */
    int rot = r->nsc > 4;
    for (size_t j = 0; j < r->nsc; j++) {
        sb_adds(out, rot ? "<th class=\"rot\" title=\"" : "<th class=\"n\" title=\"");
        html_escape(out, r->sc[j].title);
        sb_adds(out, rot ? "\"><span>" : "\">");
        html_escape(out, r->sc[j].id);
        sb_adds(out, rot ? "</span></th>" : "</th>");
    }
    sb_adds(out, "<th class=\"n\">");
    html_escape(out, _("总评"));
    sb_adds(out, "</th>");
    for (int c = 0; c < CRIT_COUNT; c++) {
        sb_adds(out, "<th class=\"n\">");
        html_escape(out, crit_label(c));
        sb_adds(out, " %</th>");
    }
    sb_adds(out, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < r->nst; i++) {
        const crep_student *s = &r->st[i];
        sb_adds(out, s->sessions ? "<tr><td class=\"nw\">" : "<tr class=\"absent\"><td class=\"nw\">");
        html_escape(out, s->id);
        sb_adds(out, "</td><td class=\"nw\">");
        esc_cut(out, s->name, 40);
        if (roster && !s->enrolled) {
            sb_adds(out, " <small>");
            html_escape(out, _("（不在名单上）"));
            sb_adds(out, "</small>");
        }
        sb_adds(out, "</td><td class=\"nw\">");
        esc_cut(out, s->klass, 40);
        sb_adds(out, "</td>");
        for (size_t j = 0; j < r->nsc; j++) {
            const crep_cell *c = crep_cell_at(r, i, j);
            if (c->best < 0) {
                sb_adds(out, "<td class=\"n none\">–</td>");
                continue;
            }
            sb_addf(out, "<td class=\"n%s\">%d", c->best < 60 ? " low" : "", c->best);
            /* ×N stays on the line (the cell is nowrap). */
            if (c->attempts > 1)
                sb_addf(out, " <small>×%d</small>", c->attempts);
            sb_adds(out, "</td>");
        }
        if (s->sessions == 0) {
            sb_adds(out, "<td class=\"n flag\">");
            html_escape(out, _("没有记录"));
            sb_adds(out, "</td>");
        } else {
            sb_addf(out, "<td class=\"n\"><b>%s</b></td>", crep_fmt1(b, s->total));
        }
        for (int c = 0; c < CRIT_COUNT; c++)
            td_num(out, s->crit[c]);
        sb_adds(out, "</tr>\n");
    }
    sb_adds(out, "</tbody>\n</table>\n</div>\n</section>\n");
}

/* ---- charts -------------------------------------------------------------- */

/* A tick step that gives at most five ticks up to max (at least 1). */
static int tick_step(int max)
{
    static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 };
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (max <= steps[i] * 5)
            return steps[i];
    return (max + 4) / 5;
}

static void svg_open(strbuf *out, int w, int h, const char *label)
{
    sb_addf(out, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", w, h);
    html_escape(out, label);
    sb_adds(out, "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>");
    html_escape(out, label);
    sb_adds(out, "</title>\n");
}

static void svg_text(strbuf *out, int x, int y, const char *anchor, int size, const char *fill,
                     const char *s)
{
    sb_addf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">", x, y,
            anchor, size, fill);
    html_escape(out, s);
    sb_adds(out, "</text>\n");
}

/* Horizontal grid lines and their labels from 0 to top, every step; plot
 * area x0..x1, y0 (top) .. y1 (bottom). */
static void y_grid(strbuf *out, int x0, int x1, int y0, int y1, int top, int step,
                   const char *suffix)
{
    char b[32];
    for (int v = 0; v <= top; v += step) {
        int y = y1 - (int)((long)(y1 - y0) * v / top);
        sb_addf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n", x0, y, x1,
                y, v == 0 ? "#9aa5b1" : "#e4e9f0");
        snprintf(b, sizeof b, "%d%s", v, suffix);
        svg_text(out, x0 - 6, y + 4, "end", 12, "#5f6b7a", b);
    }
}

static const char *score_color(int bin)
{
    return bin < 6 ? "#e0614f" : bin < 8 ? "#f0b429" : "#2e9d6b";
}

static void chart_distribution(strbuf *out, const crep *r)
{
    sb_adds(out, "<section id=\"distribution\">\n<h2>");
    html_escape(out, _("分数分布"));
    sb_adds(out, "</h2>\n<p class=\"note\">");
    html_escape(out, _("每个学生在每个情景的最好成绩，每 10 分一档。红：60 分以下；黄：60–79；绿：80 分以上。"));
    sb_adds(out, "</p>\n");
    enum { W = 900, H = 300, L = 56, R = 16, T = 24, B = 44 };
    int max = 0;
    for (int b = 0; b < CREP_BINS; b++)
        if (r->dist[b] > max)
            max = r->dist[b];
    int step = tick_step(max > 0 ? max : 1);
    int top = max > 0 ? ((max + step - 1) / step) * step : step;
    svg_open(out, W, H, _("分数分布"));
    y_grid(out, L, W - R, T, H - B, top, step, "");
    int bw = (W - L - R) / CREP_BINS;
    char b[32];
    for (int i = 0; i < CREP_BINS; i++) {
        int x = L + i * bw, h = (int)((long)(H - B - T) * r->dist[i] / top);
        if (r->dist[i] > 0) {
            sb_addf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\">"
                         "<title>%d</title></rect>\n",
                    x + 8, H - B - h, bw - 16, h, score_color(i), r->dist[i]);
            snprintf(b, sizeof b, "%d", r->dist[i]);
            svg_text(out, x + bw / 2, H - B - h - 6, "middle", 14, "#1f2933", b);
        }
        snprintf(b, sizeof b, "%d–%d", i * 10, i == CREP_BINS - 1 ? 100 : i * 10 + 9);
        svg_text(out, x + bw / 2, H - B + 20, "middle", 13, "#1f2933", b);
    }
    svg_text(out, L + (W - L - R) / 2, H - 4, "middle", 12, "#5f6b7a", _("分数"));
    sb_adds(out, "</svg>\n</section>\n");
}

static void legend(strbuf *out)
{
    sb_adds(out, "<div class=\"legend\">");
    for (int c = 0; c < CRIT_COUNT; c++) {
        sb_addf(out, "<span><i style=\"background:%s\"></i>", crit_color[c]);
        html_escape(out, crit_label(c));
        sb_adds(out, "</span>");
    }
    sb_adds(out, "</div>\n");
}

static void chart_criteria(strbuf *out, const crep *r)
{
    enum { W = 900, L = 56, R = 16, T = 16 };
    int rotate = r->nsc > 6;
    int B = rotate ? 96 : 40, H = 240 + B;
    svg_open(out, W, H, _("各情景的评分项"));
    y_grid(out, L, W - R, T, H - B, 100, 25, "%");
    int gw = (W - L - R) / (int)r->nsc;
    int bw = (gw - 16) / CRIT_COUNT;
    if (bw > 26)
        bw = 26;
    char b[64];
    for (size_t j = 0; j < r->nsc; j++) {
        const crep_scenario *s = &r->sc[j];
        int gx = L + (int)j * gw + (gw - bw * CRIT_COUNT) / 2;
        for (int c = 0; c < CRIT_COUNT; c++) {
            if (s->crit[c] < 0)
                continue;
            int h = (int)((H - B - T) * s->crit[c] / 100 + 0.5);
            if (h < 2)
                h = 2; /* 0 % is a result, not a gap */
            sb_addf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>",
                    gx + c * bw, H - B - h, bw - 2, h, crit_color[c]);
            esc_f(out, "%s · %s %s%%", s->id, crit_label(c), crep_fmt1(b, s->crit[c]));
            sb_adds(out, "</title></rect>\n");
        }
        int cx = L + (int)j * gw + gw / 2;
        if (rotate) {
            sb_addf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\" "
                         "fill=\"#1f2933\" transform=\"rotate(-35 %d %d)\">",
                    cx, H - B + 16, cx, H - B + 16);
            html_escape(out, s->id);
            sb_adds(out, "</text>\n");
        } else {
            svg_text(out, cx, H - B + 20, "middle", 13, "#1f2933", s->id);
        }
    }
    sb_adds(out, "</svg>\n");
}

static void scenarios_section(strbuf *out, const crep *r)
{
    sb_adds(out, "<section class=\"long\" id=\"criteria\">\n<div class=\"keep\">\n<h2>");
    html_escape(out, _("各情景的评分项"));
    sb_adds(out, "</h2>\n<p class=\"note\">");
    html_escape(out, _("每个评分项的平均得分率（得分 ÷ 满分），按计入的全部会话计算。"));
    sb_adds(out, "</p>\n");
    legend(out);
    if (r->nsc)
        chart_criteria(out, r);
    sb_adds(out, "</div>\n<table>\n<thead><tr><th>");
    html_escape(out, _("情景"));
    sb_adds(out, "</th><th class=\"n\">");
    html_escape(out, _("会话"));
    sb_adds(out, "</th><th class=\"n\">");
    html_escape(out, _("学生"));
    sb_adds(out, "</th><th class=\"n\">");
    html_escape(out, _("最好成绩平均"));
    sb_adds(out, "</th>");
    for (int c = 0; c < CRIT_COUNT; c++) {
        sb_adds(out, "<th class=\"n\">");
        html_escape(out, crit_label(c));
        sb_adds(out, " %</th>");
    }
    sb_adds(out, "</tr></thead>\n<tbody>\n");
    for (size_t j = 0; j < r->nsc; j++) {
        const crep_scenario *s = &r->sc[j];
        sb_adds(out, "<tr><td><b>");
        html_escape(out, s->id);
        sb_adds(out, "</b><br><small>");
        esc_cut(out, s->title ? s->title : _("（找不到情景文件）"), 60);
        sb_addf(out, "</small></td><td class=\"n\">%d</td><td class=\"n\">%d</td>", s->sessions,
                s->students);
        td_num(out, s->mean_best);
        for (int c = 0; c < CRIT_COUNT; c++)
            td_num(out, s->crit[c]);
        sb_adds(out, "</tr>\n");
    }
    sb_adds(out, "</tbody>\n</table>\n</section>\n");
}

static void chart_phrases(strbuf *out, const crep *r, size_t n)
{
    enum { W = 1000, ROW = 58, LABEL = 330, T = 8 };
    int H = T + (int)n * ROW + 4;
    svg_open(out, W, H, _("最常见的禁忌语"));
    int max = r->ph[0].count > 0 ? r->ph[0].count : 1;
    char b[64];
    for (size_t i = 0; i < n; i++) {
        const crep_phrase *p = &r->ph[i];
        int y = T + (int)i * ROW;
        int w = (int)((long)(W - LABEL - 120) * p->count / max);
        sb_addf(out, "<text x=\"0\" y=\"%d\" font-size=\"15\" fill=\"#1f2933\">"
                     "<tspan fill=\"#c8372d\" font-weight=\"600\">",
                y + 17);
        strbuf q;
        sb_init(&q);
        char *ex = u8_printable(p->example, strlen(p->example), 12);
        sb_addf(&q, _("「%s」"), ex);
        free(ex);
        html_escape(out, q.buf);
        sb_release(&q);
        sb_adds(out, "</tspan><tspan fill=\"#5f6b7a\" font-size=\"13\"> ");
        esc_cut(out, p->category, 8);
        sb_adds(out, "</tspan><title>");
        html_escape(out, p->id);
        sb_adds(out, "</title></text>\n");
        sb_addf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" rx=\"3\" "
                     "fill=\"#e0614f\"/>\n",
                LABEL, y + 3, w > 2 ? w : 2);
        snprintf(b, sizeof b, _("%d 次 · %d 人"), p->count, p->students);
        svg_text(out, LABEL + (w > 2 ? w : 2) + 8, y + 18, "start", 13, "#1f2933", b);
        if (p->why) {
            sb_addf(out, "<text x=\"0\" y=\"%d\" font-size=\"12.5\" fill=\"#5f6b7a\">", y + 42);
            esc_cut(out, p->why, 76);
            sb_adds(out, "</text>\n");
        }
    }
    sb_adds(out, "</svg>\n");
}

static void phrases_section(strbuf *out, const crep *r)
{
    sb_adds(out, "<section class=\"long\" id=\"phrases\">\n<div class=\"keep\">\n<h2>");
    html_escape(out, _("最常见的禁忌语"));
    sb_adds(out, "</h2>\n");
    if (r->nph == 0) {
        sb_adds(out, "<p class=\"note\">");
        html_escape(out, _("（计入的会话里没有禁忌语）"));
        sb_adds(out, "</p>\n</div>\n</section>\n");
        return;
    }
    sb_adds(out, "<p class=\"note\">");
    html_escape(out, _("按出现次数排序；灰字是课程材料对它的解释。"));
    sb_adds(out, "</p>\n");
    size_t n = r->nph;
    if (n > CREP_TOP_PHRASES)
        n = CREP_TOP_PHRASES;
    chart_phrases(out, r, n);
    sb_adds(out, "</div>\n<table>\n<thead><tr><th class=\"n\">");
    html_escape(out, _("次数"));
    sb_adds(out, "</th><th class=\"n\">");
    html_escape(out, _("学生"));
    sb_adds(out, "</th><th>");
    html_escape(out, _("类别"));
    sb_adds(out, "</th><th>");
    html_escape(out, _("例句"));
    sb_adds(out, "</th><th>");
    html_escape(out, _("为什么不行 / 更好的说法"));
    sb_adds(out, "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        const crep_phrase *p = &r->ph[i];
        sb_addf(out, "<tr><td class=\"n\">%d</td><td class=\"n\">%d</td><td>", p->count,
                p->students);
        html_escape(out, p->category);
        sb_adds(out, "<br><small>");
        html_escape(out, p->id);
        sb_adds(out, "</small></td><td><span class=\"ex\">");
        esc_cut(out, p->example, 40);
        sb_adds(out, "</span><br><small>");
        esc_cut(out, p->reply, 120);
        sb_adds(out, "</small></td><td><span class=\"why\">");
        esc_cut(out, p->why, 400);
        sb_adds(out, "</span>");
        if (p->better) {
            sb_adds(out, "<br><span class=\"better\">");
            html_escape(out, _("更好的说法："));
            esc_cut(out, p->better, 400);
            sb_adds(out, "</span>");
        }
        sb_adds(out, "</td></tr>\n");
    }
    sb_adds(out, "</tbody>\n</table>\n");
    if (r->nph > n) {
        sb_adds(out, "<p class=\"note\">");
        esc_f(out, _("另有 %zu 个禁忌语（crmsim report --csv --table phrases 列出全部）。"), r->nph - n);
        sb_adds(out, "</p>\n");
    }
    sb_adds(out, "</section>\n");
}

/* A small bar of share 0..1 as inline SVG. */
static void mini_bar(strbuf *out, double share)
{
    int w = iround(share * 100);
    sb_addf(out, "<svg class=\"mini\" viewBox=\"0 0 100 10\" aria-hidden=\"true\">"
                 "<rect width=\"100\" height=\"10\" rx=\"2\" fill=\"#e4e9f0\"/>"
                 "<rect width=\"%d\" height=\"10\" rx=\"2\" fill=\"%s\"/></svg>",
            w, share >= 0.5 ? "#e0614f" : "#f0b429");
}

static void steps_section(strbuf *out, const crep *r)
{
    sb_adds(out, "<section class=\"long\" id=\"steps\">\n<h2>");
    html_escape(out, _("必做步骤的遗漏（题目分析）"));
    sb_adds(out, "</h2>\n<p class=\"note\">");
    html_escape(out, _("每个情景要求的处理步骤，在多少次计入的会话里直到结束都没有做到。占比高的步骤值得在课堂上再讲一遍。"));
    sb_adds(out, "</p>\n");
    int any = 0;
    for (size_t j = 0; j < r->nsc; j++)
        any |= r->sc[j].nmiss > 0 && r->sc[j].analysed > 0;
    if (!any) {
        sb_adds(out, "<p class=\"note\">");
        html_escape(out, _("（没有可以分析的必做步骤）"));
        sb_adds(out, "</p>\n</section>\n");
        return;
    }
    sb_adds(out, "<table>\n<thead><tr><th>");
    html_escape(out, _("情景"));
    sb_adds(out, "</th><th>");
    html_escape(out, _("必做步骤"));
    sb_adds(out, "</th><th class=\"n\">");
    html_escape(out, _("没做到"));
    sb_adds(out, "</th><th>");
    html_escape(out, _("占比"));
    sb_adds(out, "</th></tr></thead>\n<tbody>\n");
    char b[32];
    for (size_t j = 0; j < r->nsc; j++) {
        const crep_scenario *s = &r->sc[j];
        if (!s->nmiss || !s->analysed)
            continue;
        for (size_t k = 0; k < s->nmiss; k++) {
            const crep_step_miss *m = &s->miss[k];
            sb_adds(out, "<tr>");
            if (k == 0) {
                sb_addf(out, "<td rowspan=\"%zu\"><b>", s->nmiss);
                html_escape(out, s->id);
                sb_adds(out, "</b><br><small>");
                esc_f(out, _("%d 次会话"), s->analysed);
                sb_adds(out, "</small></td>");
            }
            sb_adds(out, "<td>");
            html_escape(out, step_label(m->step));
            sb_adds(out, " <small>");
            html_escape(out, step_ids[m->step]);
            sb_addf(out, "</small></td><td class=\"n\">%d / %d</td><td class=\"n\" "
                         "style=\"text-align:left\">",
                    m->missed, s->analysed);
            mini_bar(out, m->share);
            sb_addf(out, "%s%%</td></tr>\n", crep_fmt1(b, 100 * m->share));
        }
    }
    sb_adds(out, "</tbody>\n</table>\n</section>\n");
}

void report_html(strbuf *out, const crep *r, const char *lang, const char *generated)
{
    page_head(out, r, lang, generated);
    summary(out, r);
    students_table(out, r);
    if (r->nsc > 0) {
        chart_distribution(out, r);
        scenarios_section(out, r);
        phrases_section(out, r);
        steps_section(out, r);
    }
    sb_adds(out, "<footer>");
    esc_f(out, _("crmsim 班级报告 · 生成于 %s"), generated);
    sb_adds(out, "</footer>\n</main>\n</body>\n</html>\n");
}
