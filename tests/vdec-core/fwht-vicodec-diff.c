// SPDX-License-Identifier: GPL-2.0
/*
 * Differential test of the FWHT decode core against vicodec itself:
 * "make vicodec-diff" compiles vicodec's codec-fwht.c from a kernel source
 * tree (KSRC) next to this file and checks, on random sizes and contents:
 *
 * - frames of vicodec's encoder (I and P) decode to the same pixels with
 *   vicodec's decoder and with the core (NV12, coded area);
 * - the test encoder (fwht-enc.h) writes the same bytes and flags as
 *   vicodec's encoder (until a plane goes uncompressed: vicodec's encoder
 *   then keeps a reconstruction its decoder does not make);
 * - mutated and random payloads get the same verdict from both decoders,
 *   and the same pixels when decoded.
 *
 * vicodec copies an uncompressed chroma plane into NV12 as if it were
 * planar (garbling it); such frames are counted, not compared, and the
 * references resynchronised.
 *
 *   fwht-vicodec-diff [sequences [mutations-per-frame]]
 */
#include "vdec-core.h"
#include "fwht-enc.h"
#include "codec-fwht.h"

#define FL_RAW_CHROMA	0x60
#define FL_RAW_ANY	0x70
#define FL_I		0x400

static u32 rs = 7;

static u32 rnd(void)
{
	rs = rs * 1103515245 + 12345;
	return rs >> 8;
}

/* An NV12 buffer, stride = coded width, as vicodec's frames see it. */
static void nv12_frame(struct fwht_raw_frame *rf, u8 *buf, u32 size)
{
	memset(rf, 0, sizeof(*rf));
	rf->width_div = 2;
	rf->height_div = 2;
	rf->luma_alpha_step = 1;
	rf->chroma_step = 2;
	rf->components_num = 3;
	if (!buf)
		return;
	rf->luma = buf;
	rf->cb = buf + size;
	rf->cr = rf->cb + 1;
}

/* vicodec's v4l2_fwht_encode(), minus the header */
static u32 vic_encode(struct fwht_raw_frame *ref, u8 *nv12, u32 w, u32 h,
		      bool intra, u8 *out, u32 *flags)
{
	u32 stride = ALIGN(w, 16), enc;
	struct fwht_raw_frame rf;
	struct fwht_cframe cf;

	nv12_frame(&rf, nv12, stride * ALIGN(h, 16));
	cf.i_frame_qp = 20;
	cf.p_frame_qp = 20;
	cf.rlc_data = (__be16 *)out;
	enc = fwht_encode_frame(&rf, ref, &cf, intra, false, w, h, stride,
				stride);
	*flags = FWHT_ENC_FL_YUV420;
	if (enc & FWHT_LUMA_UNENCODED)
		*flags |= 0x10;
	if (enc & FWHT_CB_UNENCODED)
		*flags |= 0x20;
	if (enc & FWHT_CR_UNENCODED)
		*flags |= 0x40;
	if (!(enc & FWHT_FRAME_PCODED))
		*flags |= FL_I;
	return cf.size;
}

/* vicodec's stateless decode: no reference for I-frames */
static bool vic_decode(u32 w, u32 h, u32 flags, u8 *bs, u32 len, u8 *ref,
		       u8 *dst)
{
	u32 stride = ALIGN(w, 16), size = stride * ALIGN(h, 16);
	struct fwht_raw_frame r, d;
	struct fwht_cframe cf;

	nv12_frame(&r, (flags & FL_I) ? NULL : ref, size);
	nv12_frame(&d, dst, size);
	cf.rlc_data = (__be16 *)bs;
	cf.size = len;
	return fwht_decode_frame(&cf, flags, 3, w, h, &r, stride, stride, &d,
				 stride, stride);
}

static bool same(const u8 *a, const u8 *b, u32 w, u32 h, bool chroma)
{
	u32 stride = ALIGN(w, 16), lines = ALIGN(h, 16), y;
	u32 cw = ALIGN(w / 2, 8), ch = ALIGN(h / 2, 8);

	for (y = 0; y < ALIGN(h, 8); y++)
		if (memcmp(a + y * stride, b + y * stride, ALIGN(w, 8)))
			return false;
	a += stride * lines;
	b += stride * lines;
	for (y = 0; chroma && y < ch; y++)
		if (memcmp(a + y * stride, b + y * stride, 2 * cw))
			return false;
	return true;
}

static struct {
	u32 frames, pframes, raw_chroma, enc_same, enc_diff, enc_skipped;
	u32 mutated, mutated_decoded, bad;
} st;

static void fail(const char *what, int seq, int f, u32 w, u32 h, u32 flags)
{
	if (st.bad++ < 10)
		printf("FAIL vicodec-diff: %s (sequence %d frame %d, %ux%u, flags %#x)\n",
		       what, seq, f, w, h, flags);
}

static void fill(u8 *src, size_t sz, u32 stride, int pat, int f)
{
	size_t i;

	for (i = 0; i < sz; i++) {
		u32 x = i % stride, y = i / stride;

		switch (pat) {
		case 0:
			src[i] = rnd();
			break;
		case 1:
			src[i] = x * 3 + y + f * 5;
			break;
		case 2:
			src[i] = (((x + 3 * f) / 8 + y / 8) & 1) * 200 + 20;
			break;
		default:
			src[i] = 100 + (x + f) % 50 + (rnd() & 7);
			break;
		}
	}
}

static void mutate_and_compare(int seq, int f, u32 w, u32 h, const u8 *bs,
			       u32 len, u8 *vref, u8 *vdst,
			       const struct vdec_pic *ref, struct vdec_pic *out)
{
	u32 glen = rnd() % (len + 64), k, n;
	u32 gflags = FWHT_ENC_FL_YUV420 | (rnd() & 0x470);
	struct vdec_fwht_params p = { 3, gflags };
	u8 *g = malloc(glen + 1);
	enum vdec_status s;
	bool ok;

	for (k = 0; k < glen; k++)
		g[k] = k < len && rnd() % 16 ? bs[k] : rnd();
	if (rnd() & 1)
		for (k = 0; k + 1 < glen; k += 2)
			if (!(rnd() % 4))
				g[k + 1] = (g[k + 1] & 0xf0) | rnd() % 16;
	ok = vic_decode(w, h, gflags, g, glen, vref, vdst);
	s = vdec_fwht_decode(&p, g, glen, ref, out, &n);
	st.mutated++;
	if (ok != !s)
		fail("verdicts differ on a mutated payload", seq, f, w, h, gflags);
	else if (ok && !same(vdst, out->luma, w, h, !(gflags & FL_RAW_CHROMA)))
		fail("pixels differ on a mutated payload", seq, f, w, h, gflags);
	st.mutated_decoded += ok;
	free(g);
}

static void sequence(int seq, int mutations)
{
	u32 w = 8 + rnd() % 200, h = 8 + rnd() % 120;
	u32 stride = ALIGN(w, 16), lines = ALIGN(h, 16);
	size_t sz = (size_t)stride * lines * 3 / 2;
	u8 *src = malloc(sz), *bs = malloc(sz * 4 + 65536);
	u8 *mbs = malloc(fwht_enc_max_size(w, h)), *v[2], *m[2];
	struct fwht_raw_frame vref;
	struct fwht_enc me;
	int pat = rnd() % 4, frames = 1 + rnd() % 6, f, i;
	bool drift = false;

	nv12_frame(&vref, NULL, 0);
	vref.luma = calloc(1, sz + 4096);
	vref.cb = vref.luma + stride * lines;
	vref.cr = vref.cb + stride * lines / 4;
	fwht_enc_init(&me, w, h, FWHT_ENC_RAW_VICODEC);
	for (i = 0; i < 2; i++) {
		v[i] = calloc(1, sz);
		m[i] = calloc(1, sz);
	}
	for (f = 0; f < frames; f++) {
		struct vdec_pic out = {
			m[f & 1], m[f & 1] + stride * lines, stride, w, h, false
		};
		struct vdec_pic ref = {
			m[!(f & 1)], m[!(f & 1)] + stride * lines, stride, w, h,
			false
		};
		struct vdec_pic sp = {
			src, src + stride * lines, stride, w, h, false
		};
		u32 flags, len, mflags, mlen, n;
		struct vdec_fwht_params p;
		enum vdec_status s;
		bool ok;

		fill(src, sz, stride, pat, f);
		len = vic_encode(&vref, src, w, h, !f, bs, &flags);
		mlen = fwht_enc_frame(&me, &sp, !f, mbs, &mflags);
		if (drift)
			st.enc_skipped++;
		else if (mlen == len && mflags == flags && !memcmp(mbs, bs, len))
			st.enc_same++;
		else
			st.enc_diff++;
		drift |= !!(flags & FL_RAW_ANY);

		p.version = 3;
		p.flags = flags;
		ok = vic_decode(w, h, flags, bs, len, v[!(f & 1)], v[f & 1]);
		s = vdec_fwht_decode(&p, bs, len, &ref, &out, &n);
		st.frames++;
		st.pframes += !(flags & FL_I);
		if (!ok || s) {
			fail("a frame does not decode", seq, f, w, h, flags);
			break;
		}
		if (!same(v[f & 1], m[f & 1], w, h, !(flags & FL_RAW_CHROMA)))
			fail("pixels differ", seq, f, w, h, flags);
		if (flags & FL_RAW_CHROMA)
			st.raw_chroma++;

		for (i = 0; i < mutations; i++)
			mutate_and_compare(seq, f, w, h, bs, len, v[!(f & 1)],
					   v[f & 1], &ref, &out);
		/* this frame again, in the core's pixels for both */
		vdec_fwht_decode(&p, bs, len, &ref, &out, &n);
		memcpy(v[f & 1], m[f & 1], sz);
	}
	fwht_enc_free(&me);
	free(vref.luma);
	for (i = 0; i < 2; i++) {
		free(v[i]);
		free(m[i]);
	}
	free(src);
	free(bs);
	free(mbs);
}

int main(int argc, char **argv)
{
	int seqs = argc > 1 ? atoi(argv[1]) : 300;
	int mutations = argc > 2 ? atoi(argv[2]) : 20;
	int i;

	for (i = 0; i < seqs && st.bad < 10; i++)
		sequence(i, mutations);
	printf("vicodec-diff: %u frames (%u P, %u with uncompressed chroma, not compared)\n",
	       st.frames, st.pframes, st.raw_chroma);
	printf("vicodec-diff: test encoder = vicodec encoder on %u frames, ",
	       st.enc_same);
	printf("differs on %u (%u after uncompressed planes not compared)\n",
	       st.enc_diff, st.enc_skipped);
	printf("vicodec-diff: %u mutated payloads, %u decoded, same verdicts and pixels\n",
	       st.mutated, st.mutated_decoded);
	if (st.enc_diff)
		fail("the test encoder differs from vicodec's", -1, -1, 0, 0, 0);
	printf("%s vicodec-diff\n", st.bad ? "FAIL" : "PASS");
	return st.bad ? 1 : 0;
}
