/*
 * grade.h - grading one reply: normalise, one scan over all lexicons,
 * then the scope rules (quotation, reported speech, negation) decide which
 * occurrences are findings. Pure: text and lexicon in, struct out, no I/O.
 */
#ifndef CRM_GRADE_H
#define CRM_GRADE_H

#include <stddef.h>

#include "lexicon.h"

typedef struct finding {
    const lex_entry *entry; /* the lexicon entry */
    char *match;            /* the words as the trainee wrote them */
    size_t byte_from;       /* byte span in the reply */
    size_t byte_to;         /* one past */
} finding;

typedef struct grade_result {
    finding *f;     /* findings in reply order: forbidden, empathy and steps */
    size_t nf;      /* count */
    unsigned steps; /* bit i set = step_ids[i] detected */
    int empty;      /* 1 when nothing matchable was said */
    char *norm;     /* folded reply (UTF-8) */
} grade_result;

/* Grades valid UTF-8 text (check it first). Returns 0; -1 with *err only for
 * invalid UTF-8. */
int grade_text(const lexicon *lx, const char *text, size_t len,
               grade_result *out, char **err);
void grade_result_release(grade_result *r);

/* Grades like grade_text without copying anything out: the result lives in
 * the lexicon's scratch space until the next grading with lx; its findings
 * have match == NULL (the words are text[byte_from..byte_to)) and norm is
 * NULL. Do not release it. NULL with *err only for invalid UTF-8. */
const grade_result *grade_scan(const lexicon *lx, const char *text, size_t len, char **err);

/* u8_check_reply and grade_scan in one pass over the text: NULL with *err
 * set as u8_check_reply sets it when the reply is not acceptable. */
const grade_result *grade_scan_reply(const lexicon *lx, const char *text, size_t len, char **err);

/* Scratch space of grading: the lexicon keeps one (lexicon.ws, freed by
 * lex_free) for the calls above, so they grade one reply at a time per
 * lexicon. A thread grading alongside others makes its own and passes it
 * to grade_scan_reply_ws, whose result lives in w until w's next use. */
grade_ws *grade_ws_new(void);
const grade_result *grade_scan_reply_ws(const lexicon *lx, grade_ws *w, const char *text,
                                        size_t len, char **err);
void grade_ws_free(grade_ws *w);

#endif
