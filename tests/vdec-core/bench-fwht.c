// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark of the FWHT decode core: a synthetic 1280x720 sequence (a
 * moving square over a gradient with some noise, an I-frame every 10
 * frames) is encoded once with the test encoder, then decoded N times
 * (argument 1, default 5). Prints frames per second.
 *
 *   bench-fwht [passes [width height]]
 */
#include <time.h>

#include "vdec-core.h"
#include "fwht-enc.h"

#define FRAMES	30
#define GOP	10

static struct vdec_pic *pic_alloc(u32 w, u32 h)
{
	struct vdec_pic *p = calloc(1, sizeof(*p));

	p->width = w;
	p->height = h;
	p->stride = ALIGN(w, 16);
	p->luma = calloc(1, (size_t)p->stride * ALIGN(h, 16) * 3 / 2);
	p->chroma = p->luma + (size_t)p->stride * ALIGN(h, 16);
	return p;
}

static void fill(struct vdec_pic *p, int t)
{
	u32 x, y, seed = 1 + t;

	for (y = 0; y < ALIGN(p->height, 16); y++)
		for (x = 0; x < p->stride; x++) {
			u32 v = 32 + x / 8 + y / 8;

			seed = seed * 1103515245 + 12345;
			if ((x - 8 * t) % 400 < 120 && (y + 4 * t) % 300 < 90)
				v = 200;
			p->luma[y * p->stride + x] = min(v + (seed >> 29), 235u);
		}
	for (y = 0; y < ALIGN(p->height, 16) / 2; y++)
		for (x = 0; x < p->stride; x += 2) {
			p->chroma[y * p->stride + x] = 96 + (x / 8 + t) % 64;
			p->chroma[y * p->stride + x + 1] = 160 - (y / 4) % 64;
		}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int passes = argc > 1 ? atoi(argv[1]) : 5;
	u32 w = argc > 3 ? atoi(argv[2]) : 1280;
	u32 h = argc > 3 ? atoi(argv[3]) : 720;
	struct vdec_pic *src = pic_alloc(w, h), *pic[2];
	static u8 *bs[FRAMES];
	static u32 len[FRAMES], flags[FRAMES];
	struct fwht_enc e;
	u64 total = 0, blocks = 0;
	double t0, t;
	int f, i;

	pic[0] = pic_alloc(w, h);
	pic[1] = pic_alloc(w, h);
	if (fwht_enc_init(&e, w, h, FWHT_ENC_RAW_VICODEC))
		return 1;
	for (f = 0; f < FRAMES; f++) {
		fill(src, f);
		bs[f] = malloc(fwht_enc_max_size(w, h));
		len[f] = fwht_enc_frame(&e, src, !(f % GOP), bs[f], &flags[f]);
		total += len[f];
	}
	fwht_enc_free(&e);

	t0 = now();
	for (i = 0; i < passes; i++) {
		for (f = 0; f < FRAMES; f++) {
			struct vdec_fwht_params p = { 3, flags[f] };
			u32 n;

			if (vdec_fwht_decode(&p, bs[f], len[f], pic[!(f & 1)],
					     pic[f & 1], &n)) {
				fprintf(stderr, "bench-fwht: frame %d failed\n", f);
				return 1;
			}
			blocks += n;
		}
	}
	t = now() - t0;
	printf("bench-fwht: %ux%u, %d frames (%.1f KiB/frame), %d passes: ",
	       w, h, FRAMES, total / 1024.0 / FRAMES, passes);
	printf("%.1f frames/s (%.1f Mblocks/s)\n", FRAMES * passes / t,
	       blocks / t / 1e6);
	return 0;
}
