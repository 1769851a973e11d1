/*
 * fuzz_lexicon.c - libFuzzer target for the lexicon loader: the input is
 * used as forbidden.lua (a Lua data file, run in the sandbox) next to tiny
 * empathy and steps files; loading must fail cleanly or produce a lexicon
 * that grades its own examples without crashing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grade.h"
#include "lexicon.h"

static char dir[64];

static void put(const char *name, const void *data, size_t size)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "/tmp/crmsim-fuzz-lex.XXXXXX");
    if (!mkdtemp(dir))
        abort();
    static const char emp[] = "return { kind = \"empathy\", entries = {} }";
    static const char steps[] = "return { kind = \"steps\", entries = {} }";
    put("empathy.lua", emp, sizeof emp - 1);
    put("steps.lua", steps, sizeof steps - 1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    put("forbidden.lua", data, size);
    lexicon *lx = NULL;
    char *err = NULL;
    if (lex_load_dir(dir, &lx, &err) == 0) {
        for (size_t i = 0; i < lx->n; i++)
            for (size_t j = 0; j < lx->e[i].nexamples; j++) {
                grade_result g;
                const char *ex = lx->e[i].examples[j];
                char *e2 = NULL;
                if (grade_text(lx, ex, strlen(ex), &g, &e2) == 0)
                    grade_result_release(&g);
                free(e2);
            }
        lex_free(lx);
    }
    free(err);
    return 0;
}
