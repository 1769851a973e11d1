/*
 * course.h - the course definition (course/course.lua): chapters of the
 * syllabus and their scenarios, the rubric (default weights and
 * per-scenario overrides), practice and exam settings.
 */
#ifndef CRM_COURSE_H
#define CRM_COURSE_H

#include <stddef.h>

#include "score.h"

typedef struct course_chapter {
    int n;             /* chapter number 1..9 */
    char *title;       /* chapter title */
    int hours;         /* classroom hours */
    int practice;      /* practical-training hours */
    char **scenarios;  /* scenario ids in suggested order */
    size_t nscenarios; /* count */
} course_chapter;

typedef struct course_override {
    char *scenario;          /* scenario id */
    double w[CRIT_COUNT];    /* its weights (add up to 100) */
} course_override;

typedef struct course_mode {
    int hints;     /* /hint allowed */
    int feedback;  /* live feedback after each turn */
    int attempts;  /* attempts per scenario, 0 = unlimited */
    int minutes;   /* time limit per attempt, 0 = none */
} course_mode;

typedef struct course {
    char *title;              /* course title */
    char *default_scenario;   /* what `make play` starts */
    score_weights weights;    /* default rubric */
    course_chapter *chapters; /* syllabus */
    size_t nchapters;         /* count */
    course_override *over;    /* per-scenario weights */
    size_t nover;             /* count */
    course_mode practice;     /* practice settings */
    course_mode exam;         /* exam settings */
    char *exam_key;           /* exam.key, or NULL */
} course;

/* Loads home/course/course.lua; a missing file gives the defaults. */
int course_load(const char *home, course *c, char **err);
void course_release(course *c);

/* The rubric for one scenario: the defaults with its override applied. */
void course_weights_for(const course *c, const char *scenario, score_weights *out);

/* The exam key: $CRMSIM_EXAM_KEY, else exam.key of the course, else NULL.
 * It keys the chain of every session and derives exam seeds. */
const char *course_exam_key(const course *c);

/* The chapter a scenario is listed in, or NULL. */
const course_chapter *course_chapter_of(const course *c, const char *scenario);

#endif
