/*
 * orgchart_png.h - the org chart's PNG encoder: a Graphviz device of our
 * own, "png:cairo:raci", fed the picture Graphviz's cairo renderer draws
 * (the same pixels as its own "png" device, 96 dots an inch) and writing
 * it with libpng, cheaply.
 *
 * Graphviz's own png device writes a 32-bit RGBA picture through cairo at
 * zlib's default level with adaptive filters: for a 50-person chart of
 * 8,743 by 315 pixels that costs more than everything else the workbook
 * does. The chart's background is opaque white, so this device writes the
 * picture as it shows on white (each pixel composited over white, which
 * changes nothing where it is opaque and makes the part-covered last
 * column and row the white they already look), 24-bit RGB, its rows not
 * filtered and compressed at zlib's level 3 (the last of its fast levels:
 * for a chart's long white runs no filter compresses about as well as
 * libpng's adaptive ones, at a fifth of their time, and level 3 costs no
 * more than level 1). The file is deterministic: no time or other varying
 * chunk is written.
 */
#ifndef RACI_ORGCHART_PNG_H
#define RACI_ORGCHART_PNG_H

#include <stdio.h>

#include <gvc.h>

#include "raci/error.h"

/* Graphviz's name of the device, for gvRender's format. */
#define RACI_ORGCHART_PNG_FORMAT "png:cairo:raci"

/* Render g, laid out in gvc already, to out as PNG through the device
 * (added to gvc on first use; gvc must be the same context every call).
 * RACI_ERROR_NOMEM when memory ran out, RACI_ERROR_OUTPUT when Graphviz
 * or libpng failed or out could not be written. */
raci_error raci_orgchart_png_render(GVC_t *gvc, Agraph_t *g, FILE *out);

#endif
