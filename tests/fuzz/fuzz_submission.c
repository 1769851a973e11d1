/*
 * fuzz_submission.c - libFuzzer target for the submission parser and
 * verifier: the input is a submission file graded against the course in
 * the current directory, with a roster of one student (s001) and the exam
 * key the seed file was made with. Anything may be rejected; nothing may
 * crash, leak or be stored from a rejected file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "course.h"
#include "store.h"
#include "submission.h"

static char file[96];
static store *db;
static course crs;
static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[64], dbpath[96];
    snprintf(dir, sizeof dir, "/tmp/crmsim-fuzz-sub.XXXXXX");
    if (!mkdtemp(dir))
        abort();
    snprintf(file, sizeof file, "%s/sub.json", dir);
    snprintf(dbpath, sizeof dbpath, "%s/class.db", dir);
    setenv("CRMSIM_EXAM_KEY", "k-2026", 1);
    char *err = NULL;
    store_student s = { "s001", "张三", "营销2301" };
    int added, updated;
    if (course_load(".", &crs, &err) < 0 || store_open(dbpath, &db, &err) < 0 ||
        store_roster_import(db, &s, 1, &added, &updated, &err) < 0) {
        fprintf(stderr, "fuzz_submission: %s (run from the repository root)\n", err);
        exit(1);
    }
    sink = fopen("/dev/null", "w");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(file, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    char *files[] = { file };
    submission_result res;
    submission_grade(".", &crs, db, files, 1, sink, &res);
    return 0;
}
