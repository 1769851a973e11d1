/*
 * selftest.h - a scenario's self-tests (its `tests` field): scripted reply
 * lists with the expected outcome, score range and findings, and seeded
 * random play-throughs that must end without error within the turn limit.
 * Nothing is stored. Deliberately not here: linting (check.c).
 */
#ifndef CRM_SELFTEST_H
#define CRM_SELFTEST_H

#include <stdio.h>

#include "course.h"

typedef struct selftest_counts {
    int passed;  /* tests that held */
    int failed;  /* tests that did not, or could not run */
} selftest_counts;

/* Runs every self-test of the scenario at path, printing one line per test
 * (and a readable diff for failures) to out. Adds to *c. Returns 0 when the
 * scenario could be loaded (whatever the results), -1 with *err otherwise. */
int selftest_run(const char *home, const char *path, const course *crs, FILE *out,
                 int color, selftest_counts *c, char **err);

#endif
