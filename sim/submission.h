/*
 * submission.h - coursework submissions: the open JSON file a student hands
 * in (their finished exam sessions with replies, customer lines, findings,
 * content hashes, seeds and the keyed chain), and the instructor's check of
 * such files by replaying every session against their own scenarios and
 * lexicons. A score or transcript in a file is never trusted.
 * The format is documented in course/SUBMISSIONS.md.
 */
#ifndef CRM_SUBMISSION_H
#define CRM_SUBMISSION_H

#include <stdio.h>

#include "course.h"
#include "store.h"

#define SUBMISSION_FORMAT "crmsim-submission"
#define SUBMISSION_VERSION 1

/* Writes the student's finished exam sessions to path (atomically: a
 * temporary file renamed into place). *count = sessions written. */
int submission_write(store *db, const char *student, const char *version, const char *path,
                     int *count, char **err);

typedef struct submission_result {
    int accepted;   /* files accepted */
    int rejected;   /* files rejected */
    int sessions;   /* sessions stored */
} submission_result;

/* Verifies each file, prints "FILE: ok …" or "FILE: rejected: reason" to
 * out, and stores the sessions of accepted files in db. */
void submission_grade(const char *home, const course *crs, store *db, char **files, int nfiles,
                      FILE *out, submission_result *res);

#endif
