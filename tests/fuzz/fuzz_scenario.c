/*
 * fuzz_scenario.c - libFuzzer target for the scenario loader and the
 * session engine: the input is a scenario file; if it loads, a session is
 * played with a few fixed replies. Anything may fail, nothing may crash,
 * leak or escape the sandbox's limits.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "course.h"
#include "lexicon.h"
#include "session.h"

static char path[96];
static lexicon *lx;
static course crs;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/crmsim-fuzz-scn.XXXXXX");
    if (!mkdtemp(dir))
        abort();
    snprintf(path, sizeof path, "%s/fuzz.lua", dir);
    char *err = NULL;
    if (lex_load_dir("grading/lexicons", &lx, &err) < 0 || course_load(".", &crs, &err) < 0) {
        fprintf(stderr, "fuzz_scenario: %s (run from the repository root)\n", err);
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    static const char *const replies[] = {
        "您好，非常抱歉让您久等了", "这不归我管", "……", "我马上帮您查，明天上午十点前给您回电话",
    };
    sess_config cfg = { ".", path, "fuzz", 7, "practice", lx, &crs, NULL, NULL, NULL, 0, NULL };
    session *s = NULL;
    char *err = NULL;
    if (sess_open(&cfg, &s, &err) == 0) {
        for (size_t i = 0; i < 4 && !s->ended; i++) {
            free(err);
            err = NULL;
            if (sess_reply(s, replies[i], strlen(replies[i]), &err) < 0)
                break;
        }
        sess_free(s);
    }
    free(err);
    return 0;
}
