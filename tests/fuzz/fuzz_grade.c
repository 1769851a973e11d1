/*
 * fuzz_grade.c - libFuzzer target for the matcher and the scope rules:
 * any valid reply is graded against the real course lexicons; every
 * finding's span must lie inside the reply and quote it exactly.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "lexicon.h"
#include "u8.h"

static lexicon *lx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char *err = NULL;
    const char *dir = getenv("CRMSIM_LEXICONS");
    if (lex_load_dir(dir ? dir : "grading/lexicons", &lx, &err) < 0) {
        fprintf(stderr, "fuzz_grade: %s (run from the repository root)\n", err);
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    char *err = NULL;
    if (u8_check_reply(s, size, &err) < 0) {
        free(err);
        return 0;
    }
    grade_result g;
    if (grade_text(lx, s, size, &g, &err) == 0) {
        for (size_t i = 0; i < g.nf; i++) {
            const finding *f = &g.f[i];
            if (f->byte_from >= f->byte_to || f->byte_to > size ||
                memcmp(f->match, s + f->byte_from, f->byte_to - f->byte_from) != 0)
                abort();
        }
        grade_result_release(&g);
    }
    free(err);
    return 0;
}
