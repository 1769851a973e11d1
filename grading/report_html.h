/*
 * report_html.h - the class report as one self-contained HTML page: inline
 * CSS (with a print stylesheet) and inline SVG charts (distribution of
 * best scores, criteria per scenario, the most frequent forbidden phrases
 * with why they are wrong) plus the tables. No external resources, no
 * JavaScript; every text from the database or a file is HTML-escaped.
 * Deliberately not here: computing the report (classreport.c), writing
 * the file (the caller does).
 */
#ifndef CRM_REPORT_HTML_H
#define CRM_REPORT_HTML_H

#include "classreport.h"
#include "util.h"

/* Appends the page to out. lang is the html lang attribute ("zh-CN"),
 * generated the time shown as when the page was made. */
void report_html(strbuf *out, const crep *r, const char *lang, const char *generated);

/* Appends s with & < > " ' escaped (NULL = nothing). */
void html_escape(strbuf *out, const char *s);

#endif
