/*
 * progress.h - a line of progress on a terminal, for long runs.
 *
 * A run that is still going a second after it began shows, on the stream it
 * was begun with (standard error, only when that is a terminal and the run
 * is not quiet: the command decides), how far it is: rows read, checks run,
 * sheets written. The line is drawn over itself with '\r', at most ten times
 * a second, and cleared before anything else is written. While progress is
 * off, which is the default, every call does nothing and costs a test.
 */
#ifndef RACI_PROGRESS_H
#define RACI_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

/* What is counted. */
enum raci_progress_kind { RACI_PROGRESS_ROWS, RACI_PROGRESS_CHECKS, RACI_PROGRESS_SHEETS };

/* Turn progress on, drawing on stream from after_ms milliseconds on (1000
 * for a run; the tests give 0, and are then drawn every count that reads the
 * clock), with every count at zero; NULL turns it off. */
void raci_progress_begin(FILE *stream, long after_ms);

/* Count n more of kind, and draw the line when it is due. */
void raci_progress_add(enum raci_progress_kind kind, size_t n);

/* Clear the line if one is drawn (before writing anything else to the
 * terminal); later counts draw it again. */
void raci_progress_clear(void);

/* Clear the line and turn progress off. */
void raci_progress_end(void);

#endif
