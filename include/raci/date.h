/*
 * date.h - calendar dates written YYYY-MM-DD, as waivers carry them.
 */
#ifndef RACI_DATE_H
#define RACI_DATE_H

/* Bytes of a date with its terminator. */
#define RACI_DATE_SIZE 11

/* Is s a real calendar date written YYYY-MM-DD (years 0001-9999)? */
int raci_date_valid(const char *s);

/* Today's local date into out; 0, or -1 (out is "") when the clock or the
 * time zone cannot say. */
int raci_date_today(char out[RACI_DATE_SIZE]);

#endif
