/*
 * gradebook.c - writes the gradebook files of `crmsim export`. The grade
 * columns are the same in every format: each scenario id (the best score,
 * 0-100), "language (%)", "empathy (%)", "steps (%)", "outcome (%)" (the
 * student's average share of each criterion over the counted sessions)
 * and "total" (the mean of the best scores over the exported scenarios,
 * a scenario without a session counting 0). A student without any counted
 * session has empty grade cells, which both systems import as "no grade".
 *   csv:    id, name, class, then the grade columns.
 *   moodle: "First name", "Last name", "ID number", then the grade
 *           columns; map "ID number" to the user's ID number when
 *           importing. "Able, Anne" and "Anne Able" give First name Anne
 *           and Last name Able; a name without comma or space (张三)
 *           goes whole into "Last name".
 *   canvas: "Student", "ID", "SIS User ID", "SIS Login ID", "Section",
 *           then the grade columns (new assignments, or existing ones of
 *           the same name), and a second row "Points Possible" with 100
 *           for each. ID (Canvas' own number) stays empty; both SIS
 *           columns carry the roster id, Section the class.
 * Deliberately not here: reading files back, other LMS layouts.
 */
#include "gradebook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvwrite.h"

int gb_format_parse(const char *name, gb_format *out)
{
    if (strcmp(name, "csv") == 0)
        *out = GB_CSV;
    else if (strcmp(name, "moodle") == 0)
        *out = GB_MOODLE;
    else if (strcmp(name, "canvas") == 0)
        *out = GB_CANVAS;
    else
        return -1;
    return 0;
}

static const char *const crit_cols[CRIT_COUNT] = {
    "language (%)", "empathy (%)", "steps (%)", "outcome (%)",
};

static void header(strbuf *out, const crep *r, gb_format f)
{
    static const char *const csv[] = { "id", "name", "class", NULL };
    static const char *const moodle[] = { "First name", "Last name", "ID number", NULL };
    static const char *const canvas[] = { "Student", "ID", "SIS User ID", "SIS Login ID",
                                          "Section", NULL };
    const char *const *h = f == GB_MOODLE ? moodle : f == GB_CANVAS ? canvas : csv;
    for (size_t k = 0; h[k]; k++)
        csvw_field(out, h[k], k == 0);
    for (size_t j = 0; j < r->nsc; j++)
        csvw_field(out, r->sc[j].id, 0);
    for (int c = 0; c < CRIT_COUNT; c++)
        csvw_field(out, crit_cols[c], 0);
    csvw_field(out, "total", 0);
    csvw_end(out);
    if (f == GB_CANVAS) {
        csvw_field(out, "Points Possible", 1);
        for (int k = 0; k < 4; k++)
            csvw_field(out, "", 0);
        for (size_t j = 0; j < r->nsc + CRIT_COUNT + 1; j++)
            csvw_field(out, "100", 0);
        csvw_end(out);
    }
}

/* Moodle's two name columns from one name: "Able, Anne" is last name
 * first, "Anne Able" is split at its last space, a name without either
 * (张三) goes whole into "Last name". */
static void moodle_names(strbuf *out, const char *name)
{
    const char *comma = name ? strchr(name, ',') : NULL;
    const char *sp = name ? strrchr(name, ' ') : NULL;
    if (comma) {
        char *last = xstrndup(name, (size_t)(comma - name));
        const char *first = comma + 1;
        while (*first == ' ')
            first++;
        csvw_field(out, first, 1);
        csvw_field(out, last, 0);
        free(last);
    } else if (sp) {
        char *first = xstrndup(name, (size_t)(sp - name));
        csvw_field(out, first, 1);
        csvw_field(out, sp + 1, 0);
        free(first);
    } else {
        csvw_field(out, "", 1);
        csvw_field(out, name, 0);
    }
}

static void student_cols(strbuf *out, const crep_student *s, gb_format f)
{
    switch (f) {
    case GB_CSV:
        csvw_field(out, s->id, 1);
        csvw_field(out, s->name, 0);
        csvw_field(out, s->klass, 0);
        break;
    case GB_MOODLE:
        moodle_names(out, s->name);
        csvw_field(out, s->id, 0);
        break;
    case GB_CANVAS:
        csvw_field(out, s->name && *s->name ? s->name : s->id, 1);
        csvw_field(out, "", 0);
        csvw_field(out, s->id, 0);
        csvw_field(out, s->id, 0);
        csvw_field(out, s->klass, 0);
        break;
    }
}

size_t gb_write(strbuf *out, const crep *r, gb_format f, int bom, int only_enrolled)
{
    if (bom)
        sb_adds(out, "\xEF\xBB\xBF");
    header(out, r, f);
    size_t rows = 0;
    char b[32];
    for (size_t i = 0; i < r->nst; i++) {
        const crep_student *s = &r->st[i];
        if (only_enrolled && !s->enrolled)
            continue;
        student_cols(out, s, f);
        for (size_t j = 0; j < r->nsc; j++) {
            const crep_cell *c = crep_cell_at(r, i, j);
            if (c->best >= 0)
                snprintf(b, sizeof b, "%d", c->best);
            csvw_field(out, c->best >= 0 ? b : "", 0);
        }
        for (int c = 0; c < CRIT_COUNT; c++)
            csvw_field(out, s->crit[c] >= 0 ? crep_fmt1(b, s->crit[c]) : "", 0);
        csvw_field(out, s->total >= 0 ? crep_fmt1(b, s->total) : "", 0);
        csvw_end(out);
        rows++;
    }
    return rows;
}
