/*
 * score.h - the 0-100 score of a session and its per-criterion breakdown:
 * professional language (forbidden findings), empathy, required resolution
 * steps, outcome; hints cost points. Pure arithmetic, no I/O.
 */
#ifndef CRM_SCORE_H
#define CRM_SCORE_H

enum { CRIT_LANGUAGE, CRIT_EMPATHY, CRIT_STEPS, CRIT_OUTCOME, CRIT_COUNT };

extern const char *const crit_ids[CRIT_COUNT];
/* Label in the interface language (Simplified Chinese by default). */
const char *crit_label(int c);

typedef struct score_weights {
    double w[CRIT_COUNT];   /* points per criterion; they add up to 100 */
    double hint_cost;       /* points off the total per /hint */
    double per_severity;    /* % of the language criterion lost per severity point */
    int empathy_needed;     /* turns with empathy for full empathy points */
    int language_turns;     /* turns needed before clean language earns full points */
} score_weights;

/* Defaults used when course/course.lua is missing. */
void score_weights_default(score_weights *w);

typedef struct score_input {
    int turns;              /* trainee turns played */
    int severity_sum;       /* sum of severities of all forbidden findings */
    int empathic_turns;     /* turns with at least one empathy finding or apology */
    unsigned required;      /* step bits the scenario requires */
    unsigned done;          /* step bits done (from the persona state) */
    double outcome_points;  /* 0..100, from the scenario's outcome table */
    int hints;              /* /hint uses */
} score_input;

typedef struct score_card {
    double points[CRIT_COUNT]; /* earned, 0..max */
    double max[CRIT_COUNT];    /* the weights */
    double hint_penalty;       /* points taken off for hints */
    int total;                 /* 0..100, rounded */
} score_card;

void score_compute(const score_weights *w, const score_input *in, score_card *out);

#endif
