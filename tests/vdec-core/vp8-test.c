// SPDX-License-Identifier: GPL-2.0
/*
 * VP8 decode core unit test: parameter checks, and the streams of
 * tests/vdec/vp8-streams.sh decoded the way a stateless decoder's user
 * drives the core (vp8-parse.h), compared frame by frame with ffmpeg's
 * decode: every shown frame must be md5-identical (byte-identical).
 *
 * Streams: $VDEC_VP8_STREAMS or /tmp/vsoc-vp8-streams, generated there
 * when missing (needs ffmpeg). With VDEC_VP8_STREAMS set, missing
 * streams are a failure.
 */
#include <dirent.h>
#include "vdec-test.h"
#include "vdec-core-check.h"
#include "vp8-parse.h"

#define NPICS	4

static void pic_alloc(struct vdec_pic *p, u32 w, u32 h)
{
	p->nv21 = false;
	p->width = w;
	p->height = h;
	p->stride = ALIGN(w, 16);
	p->luma = calloc(1, p->stride * ALIGN(h, 16));
	p->chroma = calloc(1, p->stride * ALIGN(h, 16) / 2);
}

static void pic_free(struct vdec_pic *p)
{
	free(p->luma);
	free(p->chroma);
	memset(p, 0, sizeof(*p));
}

/* ffmpeg's NV12 frame size: chroma planes rounded up */
static u32 nv12_size(u32 w, u32 h)
{
	return w * h + (w + 1) / 2 * 2 * ((h + 1) / 2);
}

/* Frame @n of @ref equal to @p? Reports the first difference. */
static bool same_frame(const struct vdec_pic *p, const u8 *ref, u32 w, u32 h,
		       char *why, size_t len)
{
	u32 x, y, cw = (w + 1) / 2 * 2;
	const u8 *rc = ref + w * h;

	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++)
			if (p->luma[y * p->stride + x] != ref[y * w + x]) {
				snprintf(why, len, "luma %u,%u: %u, ffmpeg %u",
					 x, y, p->luma[y * p->stride + x],
					 ref[y * w + x]);
				return false;
			}
	for (y = 0; y < (h + 1) / 2; y++)
		for (x = 0; x < cw; x++)
			if (p->chroma[y * p->stride + x] != rc[y * cw + x]) {
				snprintf(why, len, "chroma %u,%u: %u, ffmpeg %u",
					 x, y, p->chroma[y * p->stride + x],
					 rc[y * cw + x]);
				return false;
			}
	return true;
}

struct run {
	struct vp8_parser ps;
	struct vdec_pic pics[NPICS];
	int last, golden, alt;
	u32 frames, shown, identical, errors;
	u32 seg, segmap, hidden, goldref, parts, simple, lfdelta;
	char why[256];
};

/* Which coding features the stream used */
static void census(struct run *r)
{
	const struct vdec_vp8_params *p = &r->ps.p;

	r->seg += !!(p->seg.flags & VDEC_VP8_SEG_ENABLED);
	r->segmap += !!(p->seg.flags & VDEC_VP8_SEG_UPDATE_MAP);
	r->hidden += !r->ps.show;
	r->goldref += !(p->flags & VDEC_VP8_FL_KEY_FRAME) &&
		      (!r->ps.refresh_golden || !r->ps.refresh_alt) &&
		      (r->ps.refresh_golden || r->ps.refresh_alt ||
		       r->ps.copy_golden || r->ps.copy_alt);
	r->parts += p->num_dct_parts > 1;
	r->simple += !!(p->lf.flags & VDEC_VP8_LF_SIMPLE);
	r->lfdelta += !!(p->lf.flags & VDEC_VP8_LF_ADJ_ENABLE);
}

static int free_pic(const struct run *r)
{
	int i;

	for (i = 0; i < NPICS; i++)
		if (i != r->last && i != r->golden && i != r->alt)
			return i;
	return 0;
}

static void decode_stream(struct run *r, const u8 *buf, u32 len,
			  const u8 *ref, u32 nref, u32 w, u32 h)
{
	struct ivf f;
	const u8 *fr;
	u32 n, size, i;

	if (!ivf_open(&f, buf, len)) {
		snprintf(r->why, sizeof(r->why), "not an IVF VP8 file");
		return;
	}
	for (i = 0; i < NPICS; i++)
		pic_alloc(&r->pics[i], w, h);
	r->last = -1;
	r->golden = -1;
	r->alt = -1;
	while ((fr = ivf_next(&f, &size))) {
		int cur = free_pic(r);
		enum vdec_status st;
		char why[160];

		if (vp8_parse_frame(&r->ps, fr, size) || r->ps.width != w ||
		    r->ps.height != h) {
			if (!r->why[0])
				snprintf(r->why, sizeof(r->why),
					 "frame %u: cannot parse", r->frames);
			break;
		}
		st = vdec_vp8_decode(&r->ps.p, fr, size,
				     r->last >= 0 ? &r->pics[r->last] : NULL,
				     r->golden >= 0 ? &r->pics[r->golden] : NULL,
				     r->alt >= 0 ? &r->pics[r->alt] : NULL,
				     &r->pics[cur], &n);
		if (st) {
			r->errors++;
			if (!r->why[0])
				snprintf(r->why, sizeof(r->why),
					 "frame %u: status %d", r->frames, st);
		}
		census(r);
		vp8p_update_refs(&r->ps, cur, &r->last, &r->golden, &r->alt);
		r->frames++;
		if (!r->ps.show)
			continue;
		if (r->shown < nref) {
			if (same_frame(&r->pics[cur],
				       ref + (size_t)r->shown * nv12_size(w, h),
				       w, h, why, sizeof(why)))
				r->identical++;
			else if (!r->why[0])
				snprintf(r->why, sizeof(r->why),
					 "frame %u (shown %u, %s): %s",
					 r->frames - 1, r->shown,
					 r->ps.p.flags & VDEC_VP8_FL_KEY_FRAME ?
					 "key" : "inter", why);
		}
		r->shown++;
	}
	for (i = 0; i < NPICS; i++)
		pic_free(&r->pics[i]);
	vp8p_free(&r->ps);
}

static void test_stream(const char *dir, const char *name)
{
	char path[512], tname[300], msg[300];
	struct run *r = calloc(1, sizeof(*r));
	u32 len, rlen, w = 0, h = 0, n = 0, nref;
	u8 *es = NULL, *ref = NULL;
	FILE *f;

	snprintf(tname, sizeof(tname), "vp8-stream %s", name);
	snprintf(path, sizeof(path), "%s/%s.size", dir, name);
	f = fopen(path, "r");
	if (!f || fscanf(f, "%u %u %u", &w, &h, &n) != 3 || !w || !h) {
		vdec_test_result(false, tname, "no .size");
		if (f)
			fclose(f);
		goto out;
	}
	fclose(f);
	snprintf(path, sizeof(path), "%s/%s.ivf", dir, name);
	es = vdec_test_load(path, &len);
	snprintf(path, sizeof(path), "%s/%s.nv12", dir, name);
	ref = vdec_test_load(path, &rlen);
	if (!es || !ref) {
		vdec_test_result(false, tname, "cannot read stream or reference");
		goto out;
	}
	nref = rlen / nv12_size(w, h);
	decode_stream(r, es, len, ref, nref, w, h);
	if (!r->why[0] && r->shown != nref)
		snprintf(r->why, sizeof(r->why), "%u frames shown, ffmpeg %u",
			 r->shown, nref);
	if (r->why[0]) {
		snprintf(msg, sizeof(msg), "%s (%u of %u identical)", r->why,
			 r->identical, nref);
		vdec_test_result(false, tname, msg);
	} else {
		snprintf(msg, sizeof(msg),
			 "%u frames (%u shown), all md5-identical [frames with: segmentation %u, map %u, golden/altref updates %u, partitions %u, simple filter %u, lf deltas %u; version %u]",
			 r->frames, r->shown, r->seg, r->segmap, r->goldref,
			 r->parts, r->simple, r->lfdelta, r->ps.p.version);
		vdec_test_result(true, tname, msg);
	}
out:
	free(es);
	free(ref);
	free(r);
}

static const char *const streams[] = {
	"intra-176x144", "plain-176x144", "mandel-352x288", "altref-352x288",
	"golden-320x240", "2pass-altref-352x288", "2pass-golden-320x240",
	"odd-97x61", "odd-33x17", "slices-352x288",
	"slices8-640x360", "rt-seg-320x240", "static-thresh-320x240",
	"sharp-176x144", "lowq-176x144", "hiq-176x144", "profile1-176x144",
	"profile2-176x144", "profile3-176x144", "bench-1280x720",
};

static void test_streams(void)
{
	const char *env = getenv("VDEC_VP8_STREAMS");
	const char *dir = env ? env : "/tmp/vsoc-vp8-streams";
	const char *only = getenv("VP8_ONLY");
	size_t i;
	int made;

	made = vdec_test_make_streams("vp8-streams.sh", dir);
	if (made < 0) {
		vdec_test_result(false, "vp8-streams", "generation failed");
		return;
	}
	if (!made && !env) {
		printf("SKIP vp8 streams: no ffmpeg and no VDEC_VP8_STREAMS\n");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(streams); i++)
		if (!only || strstr(streams[i], only))
			test_stream(dir, streams[i]);
}

static void test_params(void)
{
	struct vdec_vp8_params p = { .width = 64, .height = 48,
				     .num_dct_parts = 1,
				     .coder_state = { .range = 255 },
				     .flags = VDEC_VP8_FL_KEY_FRAME };
	static const u8 junk[16] = { 0x50, 0x01, 0, 0x9d, 0x01, 0x2a, 64, 0,
				     48, 0 };
	struct vdec_pic out;
	bool ok = true;
	u32 n;

	pic_alloc(&out, 64, 48);
	p.first_part_size = 2;
	/* the macroblocks run past the 2 bytes of the partition */
	ok &= vdec_vp8_decode(&p, junk, sizeof(junk), NULL, NULL, NULL, &out,
			      &n) == VDEC_ERR_BITSTREAM && n == 12;
	p.first_part_size = 100;
	ok &= vdec_vp8_decode(&p, junk, sizeof(junk), NULL, NULL, NULL, &out,
			      &n) == VDEC_ERR_BITSTREAM;
	p.first_part_size = 2;
	p.num_dct_parts = 3;
	ok &= vdec_vp8_decode(&p, junk, sizeof(junk), NULL, NULL, NULL, &out,
			      &n) == VDEC_ERR_PARAM;
	p.num_dct_parts = 1;
	p.flags = 0;
	ok &= vdec_vp8_decode(&p, junk, sizeof(junk), NULL, NULL, NULL, &out,
			      &n) == VDEC_ERR_PARAM;
	p.flags = VDEC_VP8_FL_KEY_FRAME;
	p.width = 65;
	ok &= vdec_vp8_decode(&p, junk, sizeof(junk), NULL, NULL, NULL, &out,
			      &n) == VDEC_ERR_PARAM;
	p.width = 64;
	p.coder_state.range = 100;
	ok &= vdec_vp8_decode(&p, junk, sizeof(junk), NULL, NULL, NULL, &out,
			      &n) == VDEC_ERR_PARAM;
	pic_free(&out);
	vdec_test_result(ok, "vp8-params", NULL);
}

/* The core's self-checks (also run by KUnit, suite vsoc-vdec-core) */
static void test_checks(void)
{
	static const struct vdec_test_check checks[] = {
		{ "vp8-bool", vdec_check_vp8_bool },
		{ "vp8-transforms", vdec_check_vp8_transforms },
		{ "vp8-pred", vdec_check_vp8_pred },
		{ "vp8-loop-filter", vdec_check_vp8_loop_filter },
	};

	vdec_test_run_checks(checks, ARRAY_SIZE(checks));
}

int main(void)
{
	test_checks();
	test_params();
	test_streams();
	return vdec_test_failures ? 1 : 0;
}
