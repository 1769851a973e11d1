/*
 * report.h - what a student or a tool reads: findings as JSON (the
 * `grade --lines` contract), the session result object (`play --json`) and
 * the score card printed at the end of a session.
 * Deliberately not here: computing scores (score.c) or playing (session.c).
 */
#ifndef CRM_REPORT_H
#define CRM_REPORT_H

#include <jansson.h>
#include <stdio.h>

#include "grade.h"

struct session;

/* Adds "forbidden", "empathy" and "steps" (contract of DESIGN.md) to obj. */
void report_findings(json_t *obj, const grade_result *g);

struct strbuf;
/* Appends the same object as report_findings, dumped by jansson with
 * JSON_COMPACT | JSON_SORT_KEYS (what a stored turn holds), byte for byte:
 * {"empathy":[…],"forbidden":[…],"steps":[…]}. A finding without match
 * text (grade_scan) quotes text[byte_from..byte_to). */
void report_findings_text(struct strbuf *sb, const grade_result *g, const char *text);

/* The result object of `play --json`; caller json_decref's it. */
json_t *report_session_json(const struct session *s);

/* Prints the score card; color = use ANSI colours. */
void report_card(FILE *out, const struct session *s, int color);

/* One short line of live feedback for a turn (practice mode). */
void report_turn_feedback(FILE *out, const grade_result *g, int color);

#endif
