/*
 * steps.h - the step vocabulary of DESIGN.md (stable ids, localized labels).
 */
#ifndef CRM_STEPS_H
#define CRM_STEPS_H

#define STEP_COUNT 10

/* Ids in vocabulary order: apologize acknowledge ask explain own contact
 * deadline compensate follow_up thank. */
extern const char *const step_ids[STEP_COUNT];

/* Index of id, or -1. */
int step_index(const char *id);
/* Label in the interface language (Simplified Chinese by default). */
const char *step_label(int index);

#endif
