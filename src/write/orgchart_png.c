/*
 * orgchart_png.c - a Graphviz device that writes the cairo renderer's
 * picture as an RGB PNG with libpng at a fast setting (orgchart_png.h).
 *
 * Graphviz calls the device's format function once the page is drawn,
 * with job->imagedata pointing at cairo's ARGB32 surface: job->width by
 * job->height pixels, each a native-endian 32-bit word of premultiplied
 * alpha, red, green and blue, rows 4 * width bytes apart.
 */
#include "raci/orgchart_png.h"

#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gvplugin_device.h>

/* What the last picture's encoding came to: the device's format function
 * returns nothing, so it leaves its outcome here for the render call. */
static raci_error png_outcome;

/* One row of the ARGB32 picture, composited over white, into rgb. */
static void png_row_on_white(const unsigned char *argb, size_t width, unsigned char *rgb)
{
    for (size_t x = 0; x < width; x++) {
        uint32_t p;
        memcpy(&p, argb + 4 * x, sizeof(p));
        unsigned white = 255u - (p >> 24);
        rgb[3 * x] = (unsigned char)(((p >> 16) & 0xFF) + white);
        rgb[3 * x + 1] = (unsigned char)(((p >> 8) & 0xFF) + white);
        rgb[3 * x + 2] = (unsigned char)((p & 0xFF) + white);
    }
}

/* libpng's handlers, silent: a failure is reported by the caller, in
 * raci's words, and libpng has nothing to warn of in a picture made here. */
static void png_quiet_error(png_structp png, png_const_charp what)
{
    (void)what;
    png_longjmp(png, 1);
}

static void png_quiet_warning(png_structp png, png_const_charp what)
{
    (void)png;
    (void)what;
}

/* Write the picture with libpng to out; 0 on success. */
static int png_encode(const unsigned char *argb, size_t width, size_t height, FILE *out,
                      unsigned char *row)
{
    png_structp png =
        png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, png_quiet_error, png_quiet_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    volatile int ok = 0;

    if (!info) {
        png_destroy_write_struct(&png, NULL);
        return -1;
    }
    if (setjmp(png_jmpbuf(png)) == 0) {
        png_init_io(png, out);
        png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
        png_set_compression_level(png, 3);
        png_write_info(png, info);
        for (size_t y = 0; y < height; y++) {
            png_row_on_white(argb + 4 * width * y, width, row);
            png_write_row(png, row);
        }
        png_write_end(png, info);
        ok = 1;
    }
    png_destroy_write_struct(&png, &info);
    return ok ? 0 : -1;
}

/* The device's format function: encode the page Graphviz drew. */
static void png_device_format(GVJ_t *job)
{
    size_t width = job->width, height = job->height;
    unsigned char *row;

    if (!job->imagedata || !job->output_file || width == 0 || height == 0) {
        png_outcome = RACI_ERROR_OUTPUT;
        return;
    }
    if (!(row = malloc(3 * width))) {
        png_outcome = RACI_ERROR_NOMEM;
        return;
    }
    if (png_encode((const unsigned char *)job->imagedata, width, height, job->output_file, row))
        png_outcome = RACI_ERROR_OUTPUT;
    else
        png_outcome = RACI_OK;
    free(row);
}

static gvdevice_engine_t png_device_engine = {NULL, png_device_format, NULL};

/* As Graphviz's own png device: a binary, true-colour picture at 96 dots
 * an inch, without margin. */
static gvdevice_features_t png_device_features = {
    GVDEVICE_BINARY_FORMAT | GVDEVICE_DOES_TRUECOLOR, {0., 0.}, {0., 0.}, {96., 96.}};

/* Graphviz's plugin tables name things by char *, not const char *. */
static char png_device_type[] = "png:cairo";
static char png_device_package[] = "raci";

static gvplugin_installed_t png_device_types[] = {
    {0, png_device_type, -1, &png_device_engine, &png_device_features}, {0, NULL, 0, NULL, NULL}};

static gvplugin_api_t png_device_apis[] = {{API_device, png_device_types}, {(api_t)0, NULL}};

static gvplugin_library_t png_device_library = {png_device_package, png_device_apis};

raci_error raci_orgchart_png_render(GVC_t *gvc, Agraph_t *g, FILE *out)
{
    static GVC_t *added;

    if (added != gvc) {
        gvAddLibrary(gvc, &png_device_library);
        added = gvc;
    }
    png_outcome = RACI_ERROR_OUTPUT;
    if (gvRender(gvc, g, RACI_ORGCHART_PNG_FORMAT, out) != 0)
        return RACI_ERROR_OUTPUT;
    if (ferror(out))
        return RACI_ERROR_OUTPUT;
    return png_outcome;
}
