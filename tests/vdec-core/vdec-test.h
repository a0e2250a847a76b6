/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers of the decode cores' host tests, fuzzers and benchmarks: whole
 * files in memory and pictures on the heap.
 */
#ifndef _VDEC_TEST_H
#define _VDEC_TEST_H

#include <stdbool.h>
#include <stdio.h>

#include "vdec-core.h"

/**
 * vdec_test_load() - read a whole file
 * @path: the file
 * @len: its length, out
 *
 * Return: a malloc()ed copy (one byte at least; free() it), NULL if the
 * file cannot be read.
 */
static inline u8 *vdec_test_load(const char *path, u32 *len)
{
	FILE *f = fopen(path, "rb");
	u8 *b;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b = n >= 0 ? malloc(n ? n : 1) : NULL;
	if (b && fread(b, 1, n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(f);
	*len = b ? n : 0;
	return b;
}

/**
 * vdec_test_pic_alloc() - a picture with its planes on the heap
 * @p: the picture
 * @w: width
 * @h: height
 * @extra: bytes of each line beyond the width rounded up to 16
 * @nv21: chroma order
 *
 * Lines are allocated for the height rounded up to 16; luma is filled
 * with 0x50 and chroma with 0x90, so that what a decoder leaves alone
 * shows.
 */
static inline void vdec_test_pic_alloc(struct vdec_pic *p, u32 w, u32 h,
				       u32 extra, bool nv21)
{
	u32 lines = ALIGN(h, 16);

	p->width = w;
	p->height = h;
	p->stride = ALIGN(w, 16) + extra;
	p->nv21 = nv21;
	p->luma = malloc(p->stride * lines);
	p->chroma = malloc(p->stride * lines / 2);
	memset(p->luma, 0x50, p->stride * lines);
	memset(p->chroma, 0x90, p->stride * lines / 2);
}

/* Free what vdec_test_pic_alloc() allocated. */
static inline void vdec_test_pic_free(struct vdec_pic *p)
{
	free(p->luma);
	free(p->chroma);
}

/**
 * vdec_test_make_streams() - run a stream script of tests/vdec/
 * @script: its name (e.g. "h264-streams.sh")
 * @dir: the directory it fills (it keeps the streams already there)
 *
 * Return: 1 when the script ran, 0 when there is no ffmpeg to run it
 * with, -1 when it failed.
 */
static inline int vdec_test_make_streams(const char *script, const char *dir)
{
	char src[512], cmd[1200], *slash;

	if (system("command -v ffmpeg >/dev/null 2>&1"))
		return 0;
	/* This header's directory, tests/vdec-core. */
	snprintf(src, sizeof(src), "%s", __FILE__);
	slash = strrchr(src, '/');
	if (slash)
		*slash = 0;
	else
		snprintf(src, sizeof(src), ".");
	snprintf(cmd, sizeof(cmd), "sh %s/../vdec/%s %s", src, script, dir);
	return system(cmd) ? -1 : 1;
}

/* Results that failed so far (vdec_test_result()). */
static int vdec_test_failures;

/**
 * vdec_test_result() - print one result, PASS or FAIL, and count failures
 * @ok: passed
 * @name: the result's name
 * @why: a note (PASS) or the reason (FAIL); may be NULL
 */
static inline void vdec_test_result(bool ok, const char *name, const char *why)
{
	if (ok) {
		printf("PASS %s%s%s\n", name, why ? ": " : "", why ? why : "");
	} else {
		printf("FAIL %s: %s\n", name, why ? why : "failed");
		vdec_test_failures++;
	}
}

/* A self-check of vdec-core-check.h. */
struct vdec_test_check {
	const char *name;
	int (*fn)(char *msg, size_t len);
};

/**
 * vdec_test_run_checks() - run self-checks, one result each
 * @checks: the checks
 * @n: how many
 */
static inline void vdec_test_run_checks(const struct vdec_test_check *checks,
					size_t n)
{
	char msg[300];
	size_t i;

	for (i = 0; i < n; i++) {
		msg[0] = 0;
		vdec_test_result(!checks[i].fn(msg, sizeof(msg)),
				 checks[i].name, msg);
	}
}

#endif /* _VDEC_TEST_H */
