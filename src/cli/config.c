/*
 * config.c - finding .raci.yaml from a roster's directory upwards.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "raci/config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "raci/str.h"

/* Does dir/name exist (as a regular file when file is set)? */
static int has_entry(const char *dir, const char *name, int file)
{
    char *path = raci_str_printf("%s/%s", strcmp(dir, "/") == 0 ? "" : dir, name);
    struct stat st;
    int found = path && stat(path, &st) == 0 && (!file || S_ISREG(st.st_mode));

    free(path);
    return found;
}

/* The directory the search starts in, resolved (malloc'd), or NULL. */
static char *start_dir(const char *operand)
{
    struct stat st;
    char *copy, *slash, *dir;

    if (!operand || strcmp(operand, "-") == 0)
        return realpath(".", NULL);
    if (stat(operand, &st) == 0 && S_ISDIR(st.st_mode))
        return realpath(operand, NULL);
    if (!(copy = raci_str_dup(operand)))
        return NULL;
    slash = strrchr(copy, '/');
    if (!slash)
        dir = realpath(".", NULL);
    else if (slash == copy)
        dir = realpath("/", NULL);
    else {
        *slash = '\0';
        dir = realpath(copy, NULL);
    }
    free(copy);
    return dir;
}

/* Is dir the user's home directory? */
static int is_home(const char *dir)
{
    const char *home = getenv("HOME");
    char *real;
    int same;

    if (!home || !*home || !(real = realpath(home, NULL)))
        return 0;
    same = strcmp(real, dir) == 0;
    free(real);
    return same;
}

char *raci_config_find(const char *operand)
{
    char *dir = start_dir(operand), *found = NULL;

    while (dir && !found) {
        char *slash;

        if (has_entry(dir, RACI_CONFIG_NAME, 1)) {
            found = raci_str_printf("%s/%s", strcmp(dir, "/") == 0 ? "" : dir, RACI_CONFIG_NAME);
            break;
        }
        if (strcmp(dir, "/") == 0 || has_entry(dir, ".git", 0) || is_home(dir))
            break;
        slash = strrchr(dir, '/');
        if (slash == dir)
            slash[1] = '\0';
        else if (slash)
            *slash = '\0';
        else
            break;
    }
    free(dir);
    return found;
}
