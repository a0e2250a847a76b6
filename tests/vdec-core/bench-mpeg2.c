// SPDX-License-Identifier: GPL-2.0
/*
 * MPEG-2 decode core benchmark: bench-mpeg2 FILE.m2v [N]
 *
 * Decodes the elementary stream N times (default 10) with the core and
 * prints frames per second; when ffmpeg is on the PATH, also decodes it
 * with "ffmpeg -threads 1" the same number of times and prints the ratio
 * of the times (core / ffmpeg, user CPU time).
 */
#include <time.h>
#include <sys/resource.h>
#include "vdec-test.h"
#include "mpeg2-parse.h"

struct bench {
	struct vdec_pic pics[4];
	int fwd, bwd, cur;	/* indexes into pics, -1 none */
	bool first_field_done;
	u32 frames;
	u32 errors;
};

static int free_pic(struct bench *b)
{
	int i;

	for (i = 0; i < 4; i++)
		if (i != b->fwd && i != b->bwd)
			return i;
	return 0;
}

static int on_picture(void *priv, const struct mpeg2_pic_info *pi)
{
	struct bench *b = priv;
	struct vdec_mpeg2_params p = pi->p;
	const struct vdec_pic *fwd = NULL, *bwd = NULL;
	bool field = p.picture_structure != 3;
	u32 n;
	int i;

	if (!b->pics[0].luma) {
		for (i = 0; i < 4; i++) {
			struct vdec_pic *q = &b->pics[i];

			q->width = pi->width;
			q->height = pi->height;
			q->stride = ALIGN(pi->width, 16);
			q->luma = calloc(1, q->stride * ALIGN(pi->height, 16));
			q->chroma = calloc(1, q->stride *
					   ALIGN(pi->height, 16) / 2);
		}
	}
	if (pi->width != b->pics[0].width || pi->height != b->pics[0].height)
		return 1;
	if (field && b->first_field_done)
		p.second_field = 1;
	else
		b->cur = free_pic(b);
	if (p.picture_coding_type >= 2)
		fwd = &b->pics[b->bwd >= 0 ? b->bwd : b->cur];
	if (p.picture_coding_type == 3) {
		bwd = fwd;
		if (b->fwd >= 0)
			fwd = &b->pics[b->fwd];
	}
	if (vdec_mpeg2_decode(&p, pi->slices, pi->len, fwd, bwd,
			      &b->pics[b->cur], &n))
		b->errors++;
	if (field && !p.second_field) {
		b->first_field_done = true;
		return 0;
	}
	b->first_field_done = false;
	b->frames++;
	if (p.picture_coding_type != 3) {
		b->fwd = b->bwd;
		b->bwd = b->cur;
	}
	return 0;
}

static double cpu_seconds(int who)
{
	struct rusage ru;

	getrusage(who, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	       ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	struct bench b = { .fwd = -1, .bwd = -1 };
	int n = argc > 2 ? atoi(argv[2]) : 10, i;
	double t0, t, tf;
	char cmd[1024];
	u8 *es;
	u32 len;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE.m2v [N]\n", argv[0]);
		return 2;
	}
	es = vdec_test_load(argv[1], &len);
	if (!es)
		return 2;

	t0 = cpu_seconds(RUSAGE_SELF);
	for (i = 0; i < n; i++) {
		b.fwd = -1;
		b.bwd = -1;
		mpeg2_parse(es, len, on_picture, &b);
	}
	t = cpu_seconds(RUSAGE_SELF) - t0;
	printf("vdec-core: %u frames in %.3f s: %.1f frames/s (%u errors)\n",
	       b.frames, t, b.frames / t, b.errors);
	if (system("command -v ffmpeg >/dev/null 2>&1"))
		return b.errors ? 1 : 0;
	snprintf(cmd, sizeof(cmd),
		 "ffmpeg -nostdin -loglevel error -threads 1 -stream_loop %d -i '%s' -f null - 2>/dev/null",
		 n - 1, argv[1]);
	t0 = cpu_seconds(RUSAGE_CHILDREN);
	if (system(cmd))
		return 1;
	tf = cpu_seconds(RUSAGE_CHILDREN) - t0;
	printf("ffmpeg -threads 1: %.3f s: %.1f frames/s; ratio vdec-core/ffmpeg %.2f\n",
	       tf, b.frames / tf, t / tf);
	return b.errors ? 1 : 0;
}
