/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A test-only FWHT encoder for the vsoc-vdec decode core's host tests,
 * fuzzer seeds and benchmark. It makes the decisions vicodec's encoder
 * (drivers/media/test-drivers/vicodec/codec-fwht.c) makes: per 8x8 block
 * intra or inter by the same variance test, the same forward transform
 * and quantisation (dead zone of +-qp), the same run-length code, runs of
 * identical blocks merged, and a plane stored uncompressed once its code
 * grows past vicodec's limit. Its transforms are written as products with
 * the sequency-ordered Walsh matrix rather than as butterflies, so its
 * reconstruction is an independent check of the core's inverse transform:
 * the decoder must reproduce it bit for bit.
 *
 * Unlike vicodec's encoder, the reconstruction of a plane that ends up
 * stored uncompressed is that plane's raw data (vicodec keeps the partial
 * reconstruction of its failed attempt, and drifts from its decoder).
 */
#ifndef _FWHT_ENC_H
#define _FWHT_ENC_H

#include "vdec-core.h"

#define FWHT_ENC_FL_LUMA_RAW	0x00000010	/* V4L2_FWHT_FL_* */
#define FWHT_ENC_FL_CB_RAW	0x00000020
#define FWHT_ENC_FL_CR_RAW	0x00000040
#define FWHT_ENC_FL_I_FRAME	0x00000400
#define FWHT_ENC_FL_YUV420	(2 << 16 | 1 << 19)	/* 3 comps, YUV */

/* When to store a plane uncompressed */
enum fwht_enc_raw {
	FWHT_ENC_RAW_VICODEC,	/* vicodec's rule: code past size/2 - 256 words */
	FWHT_ENC_RAW_NEVER,
	FWHT_ENC_RAW_ALWAYS,
};

/**
 * struct fwht_enc - encoder state
 * @width: frame width
 * @height: frame height
 * @i_qp: dead zone of I-blocks (vicodec's I-frame QP control, default 20)
 * @p_qp: dead zone of P-blocks (vicodec's P-frame QP control, default 20)
 * @raw: when to store planes uncompressed
 * @recon: the reconstruction of the last frame (NV12), the reference
 * @have_ref: @recon holds a frame
 * @scratch: one plane's code, native byte order
 */
struct fwht_enc {
	u32 width;
	u32 height;
	u16 i_qp;
	u16 p_qp;
	enum fwht_enc_raw raw;
	struct vdec_pic recon;
	bool have_ref;
	u16 *scratch;
};

static const u8 fwht_enc_zigzag[64] = {
	0,  1,  8,  2,  9, 16,  3, 10, 17, 24,  4, 11, 18, 25, 32,  5,
	12, 19, 26, 33, 40,  6, 13, 20, 27, 34, 41, 48,  7, 14, 21, 28,
	35, 42, 49, 56, 15, 22, 29, 36, 43, 50, 57, 23, 30, 37, 44, 51,
	58, 31, 38, 45, 52, 59, 39, 46, 53, 60, 47, 54, 61, 55, 62, 63,
};

static const u8 fwht_enc_qi[64] = {
	2, 2, 2, 2, 2, 2, 2, 2,  2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 3,  2, 2, 2, 2, 2, 2, 3, 6,
	2, 2, 2, 2, 2, 3, 6, 6,  2, 2, 2, 2, 3, 6, 6, 6,
	2, 2, 2, 3, 6, 6, 6, 6,  2, 2, 3, 6, 6, 6, 6, 8,
};

static const u8 fwht_enc_qp[64] = {
	3, 3, 3, 3, 3, 3, 3, 3,  3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3,  3, 3, 3, 3, 3, 3, 3, 6,
	3, 3, 3, 3, 3, 3, 6, 6,  3, 3, 3, 3, 3, 6, 6, 9,
	3, 3, 3, 3, 6, 6, 9, 9,  3, 3, 3, 6, 6, 9, 9, 10,
};

/* Sequency-ordered Walsh matrix: row k changes sign k times. */
static s8 fwht_enc_w[8][8];

static void fwht_enc_init_matrix(void)
{
	int r, n, k;

	if (fwht_enc_w[0][0])
		return;
	/* Natural-order Hadamard rows, each filed under its sign changes. */
	for (r = 0; r < 8; r++) {
		s8 row[8];
		int changes = 0;

		for (n = 0; n < 8; n++)
			row[n] = __builtin_popcount(r & n) & 1 ? -1 : 1;
		for (n = 1; n < 8; n++)
			changes += row[n] != row[n - 1];
		for (k = 0; k < 8; k++)
			fwht_enc_w[changes][k] = row[k];
	}
}

static inline s16 fwht_enc_s16(s32 v)
{
	return (s16)(u16)(u32)v;
}

/* out = W in W^T, rows first; @wrap: store each pass as s16 */
static void fwht_enc_transform(const s32 *in, s32 *out, bool wrap)
{
	s32 t[64];
	int i, j, k;

	for (i = 0; i < 8; i++)
		for (k = 0; k < 8; k++) {
			s32 s = 0;

			for (j = 0; j < 8; j++)
				s += fwht_enc_w[k][j] * in[i * 8 + j];
			t[i * 8 + k] = wrap ? fwht_enc_s16(s) : s;
		}
	for (j = 0; j < 8; j++)
		for (k = 0; k < 8; k++) {
			s32 s = 0;

			for (i = 0; i < 8; i++)
				s += fwht_enc_w[k][i] * t[i * 8 + j];
			out[k * 8 + j] = wrap ? fwht_enc_s16(s) : s;
		}
}

/* A plane of a struct vdec_pic: sample (x, y) at base[y * stride + x * step] */
struct fwht_enc_plane {
	const u8 *src;
	u8 *rec;
	u32 src_stride, rec_stride, step;
	u32 width, height;	/* coded (multiple of 8) */
	s32 limit;		/* words before falling back to raw */
};

/* Run-length code one block; returns the number of words written. */
static u32 fwht_enc_rlc(const s32 *q, u16 *o, bool pblock)
{
	int trailing = 0, to_code, i = 0;
	u32 n = 0;

	for (i = 63; i >= 0 && !q[fwht_enc_zigzag[i]]; i--)
		trailing++;
	o[n++] = pblock ? 0x8000 : 0;
	to_code = 64 - (trailing > 14 ? trailing : 0);
	i = 0;
	while (i < to_code) {
		int run = 0;
		s32 c;

		while ((c = q[fwht_enc_zigzag[i]]) == 0 && run < 14) {
			run++;
			i++;
			if (i == to_code) {
				run--;
				break;
			}
		}
		o[n++] = (u16)(run | (u32)c << 4);
		i++;
	}
	if (trailing > 14)
		o[n++] = 15;
	return n;
}

/* Encode one plane at @o (words); returns words written, -1 if raw. */
static s32 fwht_enc_plane(struct fwht_enc *e, struct fwht_enc_plane *pl,
			  u16 *o, bool intra, bool *pcoded)
{
	u32 last = 0, n = 0, x, y;
	u16 blk[65];

	for (y = 0; y < pl->height; y += 8) {
		for (x = 0; x < pl->width; x += 8) {
			const u8 *s = pl->src + y * pl->src_stride + x * pl->step;
			u8 *r = pl->rec + y * pl->rec_stride + x * pl->step;
			s32 cur[64], ref[64], in[64], c[64], q[64], rec[64];
			bool inter = false;
			const u8 *qs;
			u16 qp;
			u32 size, i, j;

			for (i = 0; i < 8; i++)
				for (j = 0; j < 8; j++) {
					cur[i * 8 + j] = s[i * pl->src_stride + j * pl->step];
					ref[i * 8 + j] = r[i * pl->rec_stride + j * pl->step];
				}
			if (!intra) {
				s32 mean = 0, vi = 0, vd = 0;

				for (i = 0; i < 64; i++)
					mean += cur[i];
				mean /= 64;
				for (i = 0; i < 64; i++) {
					vi += abs(cur[i] - mean);
					vd += abs(ref[i] - cur[i]);
				}
				inter = vi > vd;
			}
			for (i = 0; i < 64; i++)
				in[i] = inter ? cur[i] - ref[i] : cur[i] - 128;
			fwht_enc_transform(in, c, false);
			qs = inter ? fwht_enc_qp : fwht_enc_qi;
			qp = inter ? e->p_qp : e->i_qp;
			for (i = 0; i < 64; i++) {
				q[i] = fwht_enc_s16(c[i]) >> qs[i];
				if (q[i] >= -qp && q[i] <= qp)
					q[i] = 0;
			}
			/* Reconstruct from what the decoder will read. */
			for (i = 0; i < 64; i++) {
				s32 v = (s32)((q[i] & 0xfff) ^ 0x800) - 0x800;

				c[i] = fwht_enc_s16(v * (1 << qs[i]));
			}
			fwht_enc_transform(c, rec, true);
			for (i = 0; i < 64; i++) {
				s32 v = rec[i] >> 6;

				v += inter ? ref[i] : 128;
				r[(i / 8) * pl->rec_stride + (i % 8) * pl->step] =
					v < 0 ? 0 : v > 255 ? 255 : v;
			}
			*pcoded |= inter;

			size = fwht_enc_rlc(q, blk, inter);
			if (last == size && !memcmp(blk + 1, o + n - size + 1,
						    2 * (size - 1)) &&
			    (o[n - size] & 0x8000) == blk[0] &&
			    (o[n - size] & 0x1ffe) < 0x1ffe) {
				o[n - size] += 2;
			} else {
				memcpy(o + n, blk, 2 * size);
				n += size;
			}
			last = size;
			if ((s32)n >= pl->limit)
				return -1;
		}
	}
	return n;
}

/**
 * fwht_enc_max_size() - the largest payload of a frame
 * @width: frame width
 * @height: frame height
 *
 * Return: bytes a payload of fwht_enc_frame() can take at most.
 */
static size_t fwht_enc_max_size(u32 width, u32 height)
{
	size_t l = (size_t)ALIGN(width, 8) * ALIGN(height, 8);
	size_t c = (size_t)ALIGN(width / 2, 8) * ALIGN(height / 2, 8);

	return (l + 2 * c) / 64 * 65 * 2;
}

/**
 * fwht_enc_init() - set up an encoder
 * @e: the encoder
 * @width: frame width
 * @height: frame height
 * @raw: when to store planes uncompressed
 *
 * Return: 0, or -1 if out of memory.
 */
static int fwht_enc_init(struct fwht_enc *e, u32 width, u32 height,
			 enum fwht_enc_raw raw)
{
	u32 stride = ALIGN(width, 16), lines = ALIGN(height, 16);

	fwht_enc_init_matrix();
	memset(e, 0, sizeof(*e));
	e->width = width;
	e->height = height;
	e->i_qp = 20;
	e->p_qp = 20;
	e->raw = raw;
	e->recon.luma = calloc(1, (size_t)stride * lines * 3 / 2);
	if (!e->recon.luma)
		return -1;
	e->scratch = malloc(fwht_enc_max_size(width, height));
	if (!e->scratch) {
		free(e->recon.luma);
		return -1;
	}
	e->recon.chroma = e->recon.luma + (size_t)stride * lines;
	e->recon.stride = stride;
	e->recon.width = width;
	e->recon.height = height;
	return 0;
}

/**
 * fwht_enc_free() - free an encoder's memory
 * @e: the encoder
 */
static void fwht_enc_free(struct fwht_enc *e)
{
	free(e->recon.luma);
	free(e->scratch);
	e->recon.luma = NULL;
	e->scratch = NULL;
}

/**
 * fwht_enc_frame() - encode one frame
 * @e: the encoder
 * @src: the frame, NV12 (@src->nv21 honoured); the encoder reads its
 *	padding up to the coded size, as vicodec's does
 * @intra: code an I-frame (else a P-frame on the last reconstruction)
 * @out: the payload (what a stateless OUTPUT buffer holds)
 * @flags: set to the frame's V4L2_FWHT_FL_* flags (version 3)
 *
 * @out must hold fwht_enc_max_size() bytes. The reconstruction, the
 * reference of the next P-frame, is left in @e->recon.
 *
 * Return: the payload's size in bytes.
 */
static u32 fwht_enc_frame(struct fwht_enc *e, const struct vdec_pic *src,
			  bool intra, u8 *out, u32 *flags)
{
	static const u32 raw_flag[3] = {
		FWHT_ENC_FL_LUMA_RAW, FWHT_ENC_FL_CB_RAW, FWHT_ENC_FL_CR_RAW,
	};
	u32 n = 0, p, x, y;
	bool pcoded = false;

	if (!e->have_ref)
		intra = true;
	*flags = FWHT_ENC_FL_YUV420;
	for (p = 0; p < 3; p++) {
		struct fwht_enc_plane pl;
		bool pc = false;
		s32 words, i;

		if (!p) {
			pl.src = src->luma;
			pl.rec = e->recon.luma;
			pl.step = 1;
			pl.width = ALIGN(e->width, 8);
			pl.height = ALIGN(e->height, 8);
			pl.limit = (s32)(e->width * e->height / 2) - 256;
		} else {
			bool cr = p == 2;

			pl.src = src->chroma + (cr ^ src->nv21);
			pl.rec = e->recon.chroma + cr;
			pl.step = 2;
			pl.width = ALIGN(e->width / 2, 8);
			pl.height = ALIGN(e->height / 2, 8);
			pl.limit = (s32)((e->width / 2) * (e->height / 2) / 2) -
				   256;
		}
		pl.src_stride = src->stride;
		pl.rec_stride = e->recon.stride;
		if (e->raw == FWHT_ENC_RAW_NEVER)
			pl.limit = 0x7fffffff;
		words = -1;
		if (e->raw != FWHT_ENC_RAW_ALWAYS)
			words = fwht_enc_plane(e, &pl, e->scratch, intra, &pc);
		if (words >= 0) {
			for (i = 0; i < words; i++) {
				out[n++] = e->scratch[i] >> 8;
				out[n++] = e->scratch[i] & 0xff;
			}
			pcoded |= pc;
			continue;
		}
		/* Uncompressed: 0xff, the magic's byte, becomes 0xfe. */
		*flags |= raw_flag[p];
		for (y = 0; y < pl.height; y++) {
			for (x = 0; x < pl.width; x++) {
				u8 v = pl.src[y * pl.src_stride + x * pl.step];

				v = v == 0xff ? 0xfe : v;
				out[n++] = v;
				pl.rec[y * pl.rec_stride + x * pl.step] = v;
			}
		}
	}
	if (!pcoded)
		*flags |= FWHT_ENC_FL_I_FRAME;
	e->have_ref = true;
	return n;
}

#endif /* _FWHT_ENC_H */
