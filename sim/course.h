/*
 * course.h - the course definition (course/course.lua): title, default
 * scenario and rubric weights. Deliberately not here: chapters and exam
 * settings (later work).
 */
#ifndef CRM_COURSE_H
#define CRM_COURSE_H

#include "score.h"

typedef struct course {
    char *title;            /* course title */
    char *default_scenario; /* what `make play` starts */
    score_weights weights;  /* rubric */
} course;

/* Loads home/course/course.lua; a missing file gives the defaults. */
int course_load(const char *home, course *c, char **err);
void course_release(course *c);

#endif
