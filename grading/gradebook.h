/*
 * gradebook.h - gradebook files from a class report, in the layouts that
 * Moodle ("Import grades from CSV") and Canvas (Gradebook import) read,
 * or a plain CSV: one row per student, one column per scenario (best
 * score), per criterion (average %) and the total. UTF-8, RFC 4180.
 * Deliberately not here: choosing the sessions or computing scores.
 */
#ifndef CRM_GRADEBOOK_H
#define CRM_GRADEBOOK_H

#include "classreport.h"
#include "util.h"

typedef enum gb_format { GB_CSV, GB_MOODLE, GB_CANVAS } gb_format;

/* "csv", "moodle" or "canvas"; -1 for anything else. */
int gb_format_parse(const char *name, gb_format *out);

/* Appends the file: with bom, a UTF-8 byte order mark first (for Excel).
 * Students with enrolled = 0 are left out when only_enrolled is set.
 * Returns the number of student rows written. */
size_t gb_write(strbuf *out, const crep *r, gb_format f, int bom, int only_enrolled);

#endif
