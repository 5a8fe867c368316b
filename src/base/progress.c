/*
 * progress.c - the line of progress on a terminal (progress.h).
 */
#include "raci/progress.h"

#include <string.h>
#include <time.h>

/* How often the clock is read: every this many counts. */
#define CHECK_EVERY 1024u

/* Least time between two drawings (but see redraw_ms). */
#define REDRAW_MS 100

static struct {
    FILE *out; /* NULL: off */
    long after_ms;
    long redraw_ms; /* REDRAW_MS, or after_ms when shorter (the tests' 0) */
    struct timespec start;
    long drawn_ms;    /* when last drawn, -1: never */
    size_t drawn_len; /* the length of the line on the terminal, 0: none */
    size_t count[3];  /* by kind */
    unsigned since;   /* counts since the clock was last read */
} progress;

static long elapsed_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(now.tv_sec - progress.start.tv_sec) * 1000 +
           (now.tv_nsec - progress.start.tv_nsec) / 1000000;
}

void raci_progress_begin(FILE *stream, long after_ms)
{
    memset(&progress, 0, sizeof progress);
    progress.out = stream;
    progress.after_ms = after_ms;
    progress.redraw_ms = after_ms < REDRAW_MS ? after_ms : REDRAW_MS;
    progress.drawn_ms = -1;
    clock_gettime(CLOCK_MONOTONIC, &progress.start);
}

static void draw(void)
{
    char line[160];
    int n = snprintf(line, sizeof line, "raci: %zu rows read, %zu checks run, %zu sheets written",
                     progress.count[RACI_PROGRESS_ROWS], progress.count[RACI_PROGRESS_CHECKS],
                     progress.count[RACI_PROGRESS_SHEETS]);
    size_t len = n < 0 ? 0 : (size_t)n >= sizeof line ? sizeof line - 1 : (size_t)n;

    /* Spaces over what a longer line before left. */
    fprintf(progress.out, "\r%s%*s", line,
            progress.drawn_len > len ? (int)(progress.drawn_len - len) : 0, "");
    fflush(progress.out);
    progress.drawn_len = len > progress.drawn_len ? len : progress.drawn_len;
}

void raci_progress_add(enum raci_progress_kind kind, size_t n)
{
    long now;

    if (!progress.out)
        return;
    progress.count[kind] += n;
    /* Rows come by the million: the clock is read on every CHECK_EVERY-th
     * count, and on every count of the rarer kinds. */
    if (kind == RACI_PROGRESS_ROWS && ++progress.since < CHECK_EVERY)
        return;
    progress.since = 0;
    now = elapsed_ms();
    if (now < progress.after_ms ||
        (progress.drawn_ms >= 0 && now - progress.drawn_ms < progress.redraw_ms))
        return;
    progress.drawn_ms = now;
    draw();
}

void raci_progress_clear(void)
{
    if (!progress.out || !progress.drawn_len)
        return;
    fprintf(progress.out, "\r%*s\r", (int)progress.drawn_len, "");
    fflush(progress.out);
    progress.drawn_len = 0;
    progress.drawn_ms = -1;
}

void raci_progress_end(void)
{
    raci_progress_clear();
    progress.out = NULL;
}
