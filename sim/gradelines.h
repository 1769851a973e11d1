/*
 * gradelines.h - the engine of `crmsim grade --lines`: reads replies one
 * per line from a file descriptor, grades them on several threads and
 * writes one JSON object per line, in input order, to another (the
 * contract of DESIGN.md). Deliberately not here: option parsing and
 * loading the lexicon (cmd-grade.c).
 */
#ifndef CRM_GRADELINES_H
#define CRM_GRADELINES_H

#include "lexicon.h"

/* Most threads gradelines_run uses, and the number it picks when asked for
 * 0: the processors this process may run on, at most GL_MAX_JOBS. */
#define GL_MAX_JOBS 64
int gradelines_default_jobs(void);

/* Grades every line of in_fd with lx on `jobs` threads (0 = default; 1 =
 * in the calling thread) and writes the results to out_fd. A line is
 * answered as soon as it is complete, so a program feeding one line at a
 * time and waiting for its answer is served. Returns 0; 1 when some line
 * was not acceptable text (its object has an "error" key); -1 with *err
 * set (caller frees) when reading or writing failed; what was graded
 * before stays written. */
int gradelines_run(const lexicon *lx, int in_fd, int out_fd, int jobs, char **err);

#endif
