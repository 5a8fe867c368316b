/*
 * date.c - calendar dates.
 */
#include "raci/date.h"

#include <string.h>
#include <time.h>

int raci_date_valid(const char *s)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 0, m, d;

    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
            return 0;
    for (int i = 0; i < 4; i++)
        y = y * 10 + (s[i] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return d <= 29;
    return d <= days[m - 1];
}

int raci_date_today(char out[RACI_DATE_SIZE])
{
    time_t now = time(NULL);
    struct tm tm;

    out[0] = '\0';
    if (now == (time_t)-1 || !localtime_r(&now, &tm) ||
        strftime(out, RACI_DATE_SIZE, "%Y-%m-%d", &tm) != 10) {
        out[0] = '\0';
        return -1;
    }
    return 0;
}
