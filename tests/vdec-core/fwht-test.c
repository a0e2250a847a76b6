// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the FWHT decode core (drivers/models/vdec/core/fwht.c):
 * hand-made frames with known output, round trips through the test
 * encoder (fwht-enc.h) whose reconstruction the decoder must match bit
 * for bit, P-frame chains, uncompressed planes, NV21, truncated streams
 * and parameter checks. Prints PASS/FAIL per test; exits 1 on a failure.
 */
#include <math.h>

#include "vdec-core.h"
#include "fwht-enc.h"

#define FL_YUV3		FWHT_ENC_FL_YUV420
#define FL_I		FWHT_ENC_FL_I_FRAME

static int failures;

static void result(const char *name, const char *why)
{
	if (why) {
		printf("FAIL %s: %s\n", name, why);
		failures++;
	} else {
		printf("PASS %s\n", name);
	}
}

/* Pictures with planes allocated to their exact size (for ASan). */
static struct vdec_pic *pic_new(u32 w, u32 h, u32 extra, bool nv21, u8 fill)
{
	struct vdec_pic *p = calloc(1, sizeof(*p));
	size_t lines = ALIGN(h, 16);

	p->width = w;
	p->height = h;
	p->stride = ALIGN(w, 16) + extra;
	p->nv21 = nv21;
	p->luma = malloc(p->stride * lines);
	p->chroma = malloc(p->stride * lines / 2);
	memset(p->luma, fill, p->stride * lines);
	memset(p->chroma, fill, p->stride * lines / 2);
	return p;
}

static void pic_free(struct vdec_pic *p)
{
	if (!p)
		return;
	free(p->luma);
	free(p->chroma);
	free(p);
}

static u32 rnd_state = 1;

static u32 rnd(void)
{
	rnd_state = rnd_state * 1103515245 + 12345;
	return rnd_state >> 16;
}

enum pattern { GRADIENT, NOISE, MOVING, SMOOTH_NOISE };

/* Fill the whole picture area (padding included: the encoder reads it). */
static void pic_fill(struct vdec_pic *p, enum pattern pat, int t)
{
	u32 pw = ALIGN(p->width, 16), ph = ALIGN(p->height, 16), x, y;

	for (y = 0; y < ph; y++) {
		for (x = 0; x < pw; x++) {
			u32 v;

			switch (pat) {
			case GRADIENT:
				v = 16 + (x * 200 / pw + y * 20 / ph);
				break;
			case NOISE:
				v = rnd() & 0xff;
				break;
			case SMOOTH_NOISE:
				v = 100 + (x + y) / 4 + (rnd() & 3);
				break;
			default: {
				/* a bright square moving over a gradient */
				u32 sx = (x + 64 * 1024 - 3 * t) % 48;
				u32 sy = (y + 2 * t) % 40;

				v = 40 + x / 4 + y / 8;
				if (sx < 20 && sy < 16)
					v = 220;
				break;
			}
			}
			p->luma[y * p->stride + x] = min(v, 235u);
		}
	}
	for (y = 0; y < ph / 2; y++) {
		for (x = 0; x < pw / 2; x++) {
			u32 cb, cr;

			switch (pat) {
			case NOISE:
				cb = rnd() & 0xff;
				cr = rnd() & 0xff;
				break;
			case SMOOTH_NOISE:
				cb = 90 + x / 4 + (rnd() & 3);
				cr = 150 - y / 4 + (rnd() & 3);
				break;
			default:
				cb = 64 + (x * 2 + t) % 128;
				cr = 200 - (y * 2 + t) % 128;
				break;
			}
			p->chroma[y * p->stride + 2 * x + p->nv21] = cb;
			p->chroma[y * p->stride + 2 * x + !p->nv21] = cr;
		}
	}
}

static double psnr(const struct vdec_pic *a, const struct vdec_pic *b)
{
	double se = 0;
	u64 n = 0;
	u32 x, y;

	for (y = 0; y < a->height; y++)
		for (x = 0; x < a->width; x++, n++) {
			int d = a->luma[y * a->stride + x] -
				b->luma[y * b->stride + x];
			se += d * d;
		}
	for (y = 0; y < a->height / 2; y++)
		for (x = 0; x < a->width / 2 * 2; x++, n++) {
			int d = a->chroma[y * a->stride + (x ^ a->nv21)] -
				b->chroma[y * b->stride + (x ^ b->nv21)];
			se += d * d;
		}
	if (!se)
		return 99;
	return 10 * log10(255.0 * 255.0 * n / se);
}

/* Compare the coded areas of two pictures (chroma as Cb, Cr pairs). */
static bool same_coded(const struct vdec_pic *a, const struct vdec_pic *b)
{
	u32 lw = ALIGN(a->width, 8), lh = ALIGN(a->height, 8);
	u32 cw = ALIGN(a->width / 2, 8), ch = ALIGN(a->height / 2, 8);
	u32 x, y;

	for (y = 0; y < lh; y++)
		if (memcmp(a->luma + y * a->stride, b->luma + y * b->stride, lw))
			return false;
	for (y = 0; y < ch; y++)
		for (x = 0; x < 2 * cw; x++)
			if (a->chroma[y * a->stride + (x ^ a->nv21)] !=
			    b->chroma[y * b->stride + (x ^ b->nv21)])
				return false;
	return true;
}

static enum vdec_status dec(u32 version, u32 flags, const u8 *bs, u32 len,
			    const struct vdec_pic *ref, struct vdec_pic *out,
			    u32 *blocks)
{
	struct vdec_fwht_params p = { .version = version, .flags = flags };
	u32 dummy;

	return vdec_fwht_decode(&p, bs, len, ref, out, blocks ? blocks : &dummy);
}

static u32 put_words(u8 *b, const u16 *w, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++) {
		b[2 * i] = w[i] >> 8;
		b[2 * i + 1] = w[i] & 0xff;
	}
	return 2 * n;
}

static bool plane_is(const struct vdec_pic *p, u8 y, u8 cb, u8 cr)
{
	u32 x, l;

	for (l = 0; l < ALIGN(p->height, 16); l++)
		for (x = 0; x < ALIGN(p->width, 16); x++)
			if (p->luma[l * p->stride + x] != y)
				return false;
	for (l = 0; l < ALIGN(p->height, 16) / 2; l++)
		for (x = 0; x < ALIGN(p->width, 16); x += 2)
			if (p->chroma[l * p->stride + x + p->nv21] != cb ||
			    p->chroma[l * p->stride + x + !p->nv21] != cr)
				return false;
	return true;
}

/*
 * 16x16, flat: luma 200 (DC 64 * 72 >> 2 = 1152, one block repeated 3
 * times), Cb 100 (DC -448), Cr 150 (DC 352).
 */
static const u16 flat_i[] = {
	0x0006, 1152 << 4, 0x000f,
	0x0000, (u16)(-448 * 16), 0x000f,
	0x0000, 352 << 4, 0x000f,
};

/* P on it: luma +10 (DC 640 >> 3 = 80), Cb +0, Cr -10. */
static const u16 flat_p[] = {
	0x8006, 80 << 4, 0x000f,
	0x8000, 0x000f,
	0x8000, (u16)(-80 * 16), 0x000f,
};

static void test_flat(void)
{
	struct vdec_pic *a = pic_new(16, 16, 0, false, 0x55);
	struct vdec_pic *b = pic_new(16, 16, 0, false, 0x55);
	struct vdec_pic *c = pic_new(16, 16, 0, true, 0x55);
	u8 bs[64];
	u32 len, n = 0;
	enum vdec_status s;

	len = put_words(bs, flat_i, ARRAY_SIZE(flat_i));
	s = dec(3, FL_YUV3 | FL_I, bs, len, NULL, a, &n);
	result("flat_iframe", s ? "decode failed" :
	       n != 6 ? "wrong block count" :
	       !plane_is(a, 200, 100, 150) ? "wrong pixels" : NULL);

	len = put_words(bs, flat_p, ARRAY_SIZE(flat_p));
	s = dec(3, FL_YUV3, bs, len, a, b, &n);
	result("flat_pframe", s ? "decode failed" :
	       n != 6 ? "wrong block count" :
	       !plane_is(b, 210, 100, 140) ? "wrong pixels" : NULL);

	/* NV21 output and NV21 reference: same values, Cr first */
	s = dec(3, FL_YUV3, bs, len, a, c, &n);
	result("flat_pframe_nv21", s || !plane_is(c, 210, 100, 140) ?
	       "wrong" : NULL);

	/* An I-frame ignores the P bit: DC 80 << 2 >> 6 = 5, + 128 */
	s = dec(3, FL_YUV3 | FL_I, bs, len, NULL, b, &n);
	result("iframe_ignores_pbit", s ? "decode failed" :
	       !plane_is(b, 133, 128, 123) ? "wrong pixels" : NULL);

	/* Versions 1 and 2, and interlace flags, decode the same */
	s = dec(1, FL_I, bs, len, NULL, c, &n);
	s |= dec(2, FL_YUV3 | FL_I | 0xf, bs, len, NULL, b, &n);
	result("versions_interlace", s || !plane_is(c, 133, 128, 123) ||
	       !plane_is(b, 133, 128, 123) ? "wrong" : NULL);

	/* Trailing bytes are ignored, bit 14 of a header is an error */
	len = put_words(bs, flat_i, ARRAY_SIZE(flat_i));
	bs[len] = 0x12;
	bs[len + 1] = 0x34;
	bs[len + 2] = 0x56;
	s = dec(3, FL_YUV3 | FL_I, bs, len + 3, NULL, a, &n);
	result("trailing_bytes", s || !plane_is(a, 200, 100, 150) ?
	       "wrong" : NULL);
	bs[0] |= 0x40;
	s = dec(3, FL_YUV3 | FL_I, bs, len, NULL, a, &n);
	result("bad_block_header", s != VDEC_ERR_BITSTREAM ? "accepted" : NULL);

	pic_free(a);
	pic_free(b);
	pic_free(c);
}

/* A run of coefficients past the 64th, and a coefficient-only block. */
static void test_rlc_edges(void)
{
	/* luma: 4 blocks; the first: 14 zeros + c, x4, then a run past 64 */
	u16 w[64];
	struct vdec_pic *a = pic_new(16, 16, 0, false, 0);
	u8 bs[256];
	u32 n = 0, len, i;
	enum vdec_status s;

	w[n++] = 0x0006;
	for (i = 0; i < 4; i++)
		w[n++] = 14;		/* 15 zeros each: 60 */
	w[n++] = 14 | 5 << 4;		/* 14 zeros, then past 64: dropped */
	w[n++] = 0x0000;		/* Cb: 64 explicit zero words */
	for (i = 0; i < 4; i++)
		w[n++] = 15 - 1;	/* 15 zeros each: 60 */
	w[n++] = 3;			/* 4 zeros: 64, block ends */
	w[n++] = 0x0000;		/* Cr: DC only */
	w[n++] = 0x000f;
	len = put_words(bs, w, n);
	s = dec(3, FL_YUV3 | FL_I, bs, len, NULL, a, &i);
	result("rlc_edges", s ? "decode failed" :
	       !plane_is(a, 128, 128, 128) ? "wrong pixels" : NULL);
	pic_free(a);
}

struct seq_result {
	double min_psnr;
	bool exact;		/* decoder == encoder reconstruction */
	bool ok;
	u32 pframes, raw_planes, bytes;
};

/* Encode and decode @frames frames, I-frame every @gop. */
static struct seq_result run_seq(u32 w, u32 h, enum pattern pat, int frames,
				 int gop, enum fwht_enc_raw raw, bool nv21,
				 u32 extra, bool truncate_check)
{
	struct seq_result r = { .min_psnr = 99, .exact = true, .ok = true };
	struct vdec_pic *src = pic_new(w, h, 0, false, 0);
	struct vdec_pic *dst[2];
	struct fwht_enc e;
	u8 *bs = malloc(fwht_enc_max_size(w, h) + 1);
	int f;

	dst[0] = pic_new(w, h, extra, nv21, 0xaa);
	dst[1] = pic_new(w, h, extra, !nv21 ^ (extra & 1), 0xaa);
	fwht_enc_init(&e, w, h, raw);
	for (f = 0; f < frames; f++) {
		struct vdec_pic *out = dst[f & 1], *ref = dst[!(f & 1)];
		bool intra = !(f % gop);
		u32 flags, len, blocks;
		enum vdec_status s;
		double q;

		pic_fill(src, pat, f);
		len = fwht_enc_frame(&e, src, intra, bs, &flags);
		r.bytes += len;
		r.pframes += !(flags & FL_I);
		r.raw_planes += !!(flags & 0x10) + !!(flags & 0x20) +
				!!(flags & 0x40);
		s = dec(3, flags, bs, len, (flags & FL_I) ? NULL : ref, out,
			&blocks);
		if (s) {
			r.ok = false;
			break;
		}
		if (!same_coded(out, &e.recon))
			r.exact = false;
		q = psnr(src, out);
		if (q < r.min_psnr)
			r.min_psnr = q;
		if (truncate_check && len) {
			u32 l, step = len > 600 ? len / 97 + 1 : 1;

			for (l = 0; l < len; l += step)
				if (dec(3, flags, bs, l, ref, out, NULL) !=
				    VDEC_ERR_BITSTREAM)
					r.ok = false;
			if (dec(3, flags, bs, len - 1, ref, out, NULL) !=
			    VDEC_ERR_BITSTREAM)
				r.ok = false;
			/* and back to the right picture for the next P */
			if (dec(3, flags, bs, len, ref, out, NULL))
				r.ok = false;
		}
	}
	fwht_enc_free(&e);
	free(bs);
	pic_free(src);
	pic_free(dst[0]);
	pic_free(dst[1]);
	return r;
}

static void check_seq(const char *name, struct seq_result r, double min_q,
		      bool want_p, int want_raw)
{
	char why[160];

	if (!r.ok)
		snprintf(why, sizeof(why), "decode error");
	else if (!r.exact)
		snprintf(why, sizeof(why), "differs from encoder reconstruction");
	else if (r.min_psnr < min_q)
		snprintf(why, sizeof(why), "PSNR %.2f dB < %.0f", r.min_psnr,
			 min_q);
	else if (want_p && !r.pframes)
		snprintf(why, sizeof(why), "no P-frame coded");
	else if (want_raw >= 0 && (r.raw_planes > 0) != want_raw)
		snprintf(why, sizeof(why), "%u uncompressed planes", r.raw_planes);
	else
		why[0] = 0;
	if (!why[0])
		printf("PASS %s (min PSNR %.2f dB, %u P-frames, %u bytes)\n",
		       name, r.min_psnr, r.pframes, r.bytes);
	else
		result(name, why);
}

static void test_roundtrips(void)
{
	check_seq("roundtrip_gradient_64x48",
		  run_seq(64, 48, GRADIENT, 1, 1, FWHT_ENC_RAW_NEVER, false, 0,
			  true), 30, false, 0);
	check_seq("roundtrip_gradient_640x360",
		  run_seq(640, 360, GRADIENT, 1, 1, FWHT_ENC_RAW_VICODEC, false,
			  0, false), 30, false, 0);
	check_seq("roundtrip_smooth_noise_100x60",
		  run_seq(100, 60, SMOOTH_NOISE, 3, 3, FWHT_ENC_RAW_NEVER, false,
			  0, true), 30, false, 0);
	check_seq("roundtrip_moving_odd_size_73x41",
		  run_seq(73, 41, MOVING, 6, 3, FWHT_ENC_RAW_NEVER, false, 0,
			  true), 30, true, 0);
	check_seq("noise_goes_uncompressed_vicodec_rule",
		  run_seq(640, 360, NOISE, 2, 2, FWHT_ENC_RAW_VICODEC, false, 0,
			  true), 70, false, 1);
	check_seq("noise_compressed_exact_recon",
		  run_seq(48, 32, NOISE, 3, 3, FWHT_ENC_RAW_NEVER, false, 0,
			  true), 0, false, 0);
	check_seq("uncompressed_planes_forced",
		  run_seq(72, 40, MOVING, 3, 3, FWHT_ENC_RAW_ALWAYS, false, 0,
			  true), 99, false, 1);
	check_seq("pframe_chain_moving_320x240",
		  run_seq(320, 240, MOVING, 20, 10, FWHT_ENC_RAW_VICODEC, false,
			  0, true), 30, true, 0);
	check_seq("pframe_chain_nv21_stride",
		  run_seq(96, 64, MOVING, 8, 8, FWHT_ENC_RAW_NEVER, true, 5,
			  true), 30, true, 0);
	check_seq("pframe_chain_mixed_ref_layout",
		  run_seq(96, 64, MOVING, 8, 8, FWHT_ENC_RAW_NEVER, false, 4,
			  false), 30, true, 0);
}

/* NV21 output is NV12 output with Cb and Cr swapped; padding is 0. */
static void test_nv21_and_padding(void)
{
	u32 w = 52, h = 27, x, y, flags, len;
	struct vdec_pic *src = pic_new(w, h, 0, false, 0);
	struct vdec_pic *a = pic_new(w, h, 3, false, 0xaa);
	struct vdec_pic *b = pic_new(w, h, 3, true, 0xbb);
	u8 *bs = malloc(fwht_enc_max_size(w, h));
	struct fwht_enc e;
	bool swapped = true, pad = true, beyond = true;
	enum vdec_status s;

	pic_fill(src, MOVING, 1);
	fwht_enc_init(&e, w, h, FWHT_ENC_RAW_NEVER);
	len = fwht_enc_frame(&e, src, true, bs, &flags);
	s = dec(3, flags, bs, len, NULL, a, NULL) |
	    dec(3, flags, bs, len, NULL, b, NULL);
	for (y = 0; y < ALIGN(h, 16); y++)
		if (memcmp(a->luma + y * a->stride, b->luma + y * b->stride,
			   ALIGN(w, 16)))
			swapped = false;
	for (y = 0; y < ALIGN(h, 16) / 2; y++)
		for (x = 0; x < ALIGN(w, 16); x++)
			if (a->chroma[y * a->stride + x] !=
			    b->chroma[y * b->stride + (x ^ 1)])
				swapped = false;
	result("nv21_is_swapped_nv12", s ? "decode failed" :
	       swapped ? NULL : "differs");

	/* luma coded 56x32, chroma 2 * 32 bytes x 16 lines, picture 64x32 */
	for (y = 0; y < 32; y++) {
		for (x = 0; x < 64 + 3; x++) {
			u8 v = a->luma[y * a->stride + x];

			if (x >= 64)
				beyond &= v == 0xaa;
			else if (x >= 56)
				pad &= v == 0;
		}
	}
	for (y = 0; y < 16; y++)
		for (x = 64; x < 64 + 3; x++)
			beyond &= a->chroma[y * a->stride + x] == 0xaa;
	result("padding_zero_stride_untouched",
	       !pad ? "padding not zero" : !beyond ? "wrote past picture" : NULL);
	fwht_enc_free(&e);
	free(bs);
	pic_free(src);
	pic_free(a);
	pic_free(b);
}

/* Decoding in place (output = reference) gives the same picture. */
static void test_in_place(void)
{
	u32 w = 64, h = 48, flags, len;
	struct vdec_pic *src = pic_new(w, h, 0, false, 0);
	struct vdec_pic *a = pic_new(w, h, 0, false, 0);
	struct vdec_pic *b = pic_new(w, h, 0, false, 0);
	u8 *bs = malloc(fwht_enc_max_size(w, h));
	struct fwht_enc e;
	enum vdec_status s;

	fwht_enc_init(&e, w, h, FWHT_ENC_RAW_NEVER);
	pic_fill(src, MOVING, 0);
	len = fwht_enc_frame(&e, src, true, bs, &flags);
	s = dec(3, flags, bs, len, NULL, a, NULL);
	memcpy(b->luma, a->luma, a->stride * 48);
	memcpy(b->chroma, a->chroma, a->stride * 24);
	pic_fill(src, MOVING, 5);
	len = fwht_enc_frame(&e, src, false, bs, &flags);
	s |= dec(3, flags, bs, len, a, a, NULL);
	result("in_place_pframe", s ? "decode failed" :
	       (flags & FL_I) ? "no P-frame" :
	       !same_coded(a, &e.recon) ? "differs" : NULL);
	fwht_enc_free(&e);
	free(bs);
	pic_free(src);
	pic_free(a);
	pic_free(b);
}

static void test_params(void)
{
	static const struct {
		const char *name;
		u32 version, flags;
		enum vdec_status want;
	} t[] = {
		{ "version_0", 0, FL_YUV3 | FL_I, VDEC_ERR_PARAM },
		{ "version_4", 4, FL_YUV3 | FL_I, VDEC_ERR_UNSUPPORTED },
		{ "chroma_full_width", 3, FL_YUV3 | FL_I | 0x100,
		  VDEC_ERR_UNSUPPORTED },
		{ "chroma_full_height", 3, FL_YUV3 | FL_I | 0x80,
		  VDEC_ERR_UNSUPPORTED },
		{ "one_component", 3, (1 << 19) | FL_I, VDEC_ERR_UNSUPPORTED },
		{ "four_components", 3, (3 << 16) | (1 << 19) | FL_I,
		  VDEC_ERR_UNSUPPORTED },
		{ "rgb", 3, (2 << 16) | (2 << 19) | FL_I, VDEC_ERR_UNSUPPORTED },
		{ "hsv", 3, (2 << 16) | (3 << 19) | FL_I, VDEC_ERR_UNSUPPORTED },
		{ "no_pixenc", 3, (2 << 16) | FL_I, VDEC_ERR_PARAM },
		{ "five_components", 3, (4 << 16) | (1 << 19) | FL_I,
		  VDEC_ERR_PARAM },
		{ "pframe_no_ref", 3, FL_YUV3, VDEC_ERR_PARAM },
	};
	struct vdec_pic *a = pic_new(16, 16, 0, false, 0);
	struct vdec_pic *r = pic_new(32, 16, 0, false, 0);
	struct vdec_pic bad;
	u8 bs[64];
	u32 len = put_words(bs, flat_i, ARRAY_SIZE(flat_i)), i, n;
	char name[64];
	struct vdec_fwht_params p = { 3, FL_YUV3 };

	for (i = 0; i < ARRAY_SIZE(t); i++) {
		snprintf(name, sizeof(name), "param_%s", t[i].name);
		result(name, dec(t[i].version, t[i].flags, bs, len, NULL, a,
				 NULL) != t[i].want ? "wrong status" : NULL);
	}
	result("param_ref_size_mismatch",
	       dec(3, FL_YUV3, bs, len, r, a, NULL) != VDEC_ERR_PARAM ?
	       "wrong status" : NULL);
	result("param_iframe_ignores_bad_ref",
	       dec(3, FL_YUV3 | FL_I, bs, len, r, a, NULL) ? "failed" : NULL);
	bad = *a;
	bad.stride = 15;
	result("param_stride_too_small",
	       dec(3, FL_YUV3 | FL_I, bs, len, NULL, &bad, NULL) !=
	       VDEC_ERR_PARAM ? "wrong status" : NULL);
	bad = *a;
	bad.width = 0;
	result("param_zero_width",
	       dec(3, FL_YUV3 | FL_I, bs, len, NULL, &bad, NULL) !=
	       VDEC_ERR_PARAM ? "wrong status" : NULL);
	result("param_null_bitstream",
	       vdec_fwht_decode(&p, NULL, 4, NULL, a, &n) != VDEC_ERR_PARAM ?
	       "wrong status" : NULL);
	result("empty_bitstream",
	       dec(3, FL_YUV3 | FL_I, NULL, 0, NULL, a, NULL) !=
	       VDEC_ERR_BITSTREAM ? "wrong status" : NULL);
	/* an uncompressed luma plane needs 256 bytes */
	result("truncated_raw_plane",
	       dec(3, FL_YUV3 | FL_I | 0x10, bs, len, NULL, a, NULL) !=
	       VDEC_ERR_BITSTREAM ? "wrong status" : NULL);
	pic_free(a);
	pic_free(r);
}

int main(void)
{
	test_flat();
	test_rlc_edges();
	test_roundtrips();
	test_nv21_and_padding();
	test_in_place();
	test_params();
	if (failures)
		printf("fwht-test: %d FAILED\n", failures);
	else
		printf("fwht-test: all passed\n");
	return failures ? 1 : 0;
}
