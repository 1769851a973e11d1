/*
 * check.h - lints a scenario file without playing it: syntax, required
 * fields, unknown step ids, unknown lexicon references, its own lexicon
 * entries (examples and near-misses), outcomes no code returns, missing or
 * incomplete self-tests, and pairs() whose order differs on every run.
 * Deliberately not here: running the self-tests (selftest.c).
 */
#ifndef CRM_CHECK_H
#define CRM_CHECK_H

#include <stdio.h>

/* Prints every problem as "FILE:LINE: message" to out; returns the number
 * of problems (0 = clean). */
int check_file(const char *home, const char *path, FILE *out);

#endif
