/*
 * csvwrite.h - writing CSV as RFC 4180 has it: fields separated by commas,
 * quoted when they hold a comma, a quote, CR or LF (quotes doubled),
 * records ended by CRLF; UTF-8 as given.
 * Deliberately not here: reading CSV (the roster reader uses libcsv).
 */
#ifndef CRM_CSVWRITE_H
#define CRM_CSVWRITE_H

#include "util.h"

/* Appends field s (NULL = empty), preceded by a comma unless it is the
 * first of its record. */
void csvw_field(strbuf *sb, const char *s, int first);
/* The same for free text that people typed (replies): a leading = + - @
 * TAB or CR gets a ' in front, so a spreadsheet shows it rather than
 * running it as a formula. */
void csvw_text(strbuf *sb, const char *s, int first);
/* Ends the record. */
void csvw_end(strbuf *sb);

#endif
