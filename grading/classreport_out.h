/*
 * classreport_out.h - the class report as terminal tables, as CSV tables
 * and as one JSON object.
 * Deliberately not here: the HTML page (report_html.c), gradebook files
 * (gradebook.c), computing anything (classreport.c).
 */
#ifndef CRM_CLASSREPORT_OUT_H
#define CRM_CLASSREPORT_OUT_H

#include <jansson.h>

#include "classreport.h"
#include "util.h"

/* How many forbidden phrases the terminal and the HTML page list. */
#define CREP_TOP_PHRASES 10

/* Tables aligned for a terminal (CJK counts two columns); color = ANSI
 * colours. */
void crep_write_text(strbuf *out, const crep *r, int color);

/* One CSV table (RFC 4180): "scores" (a row per student and scenario),
 * "phrases" or "steps". Returns -1 for an unknown table name. */
int crep_write_csv(strbuf *out, const crep *r, const char *table);

/* Everything as one JSON object; caller json_decref's it. */
json_t *crep_to_json(const crep *r);

#endif
