/*
 * classdata.h - fills a class report (grading/classreport.h) from the
 * store: the counted sessions under a filter with their criteria and
 * turns, the students the report lists, what each scenario file says
 * (title, chapter, required steps) and the lexicon's explanation of each
 * forbidden phrase; and writes their output. Shared by `crmsim report`
 * and `crmsim export`.
 * Deliberately not here: formatting the report.
 */
#ifndef CRM_CLASSDATA_H
#define CRM_CLASSDATA_H

#include "classreport.h"
#include "cmd.h"
#include "store_query.h"
#include "util.h"

/* Reads everything in one snapshot and runs crep_finish. Prints its error
 * and returns -1 on failure; r is then released. */
int classdata_load(crm_ctx *ctx, const store_filter *f, crep *r);

/* Writes what report or export made to path, or to stdout when path is
 * NULL. Prints its error and returns -1 on failure. */
int classdata_write(const char *path, const strbuf *sb);

#endif
