// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: FWHT, the codec of the kernel's vicodec test
 * driver (V4L2_PIX_FMT_FWHT_STATELESS). Written from the format as
 * vicodec (drivers/media/test-drivers/vicodec/codec-fwht.c) encodes and
 * decodes it, and bit-exact with vicodec's stateless decoder.
 *
 * What the decoder gets
 * ---------------------
 * A stateful FWHT stream (V4L2_PIX_FMT_FWHT) is a sequence of frames,
 * each a 44-byte struct fwht_cframe_hdr (magic, version, width, height,
 * flags, colorimetry, payload size; big endian) followed by the payload.
 * A stateless FWHT OUTPUT buffer holds the payload only, no header:
 * vicodec's stateless decoder hands the buffer's first byte to the plane
 * decoder and takes the payload size from the buffer's bytesused. The
 * header fields travel in the V4L2_CID_STATELESS_FWHT_PARAMS control
 * (struct v4l2_ctrl_fwht_params). v4l2-ctl --stream-from-hdr on the
 * stateless decoder reads each header from the file into that control
 * and queues the header's size bytes that follow as the OUTPUT buffer
 * (adding V4L2_FWHT_FL_I_FRAME to the first frame's flags); --stream-to-hdr
 * on vicodec's encoder writes header and payload together as one plane.
 * So the driver programs: VERSION = params.version, FLAGS = params.flags
 * (bit for bit), the frame size = params.width x params.height, REF 0 =
 * the buffer whose timestamp is params.backward_ref_ts (P-frames only,
 * that is when V4L2_FWHT_FL_I_FRAME is clear), and the bitstream = the
 * OUTPUT buffer, bytesused bytes.
 *
 * The payload
 * -----------
 * The planes follow each other: Y, then Cb and Cr (4:2:0: half width,
 * half height, each dimension taken from the frame's and halved, rounding
 * down). Each plane is coded at its size rounded up to a multiple of 8,
 * in 8x8 blocks in raster order. A plane whose *_IS_UNCOMPRESSED flag is
 * set is stored as raw bytes, its rounded width per line, its rounded
 * height lines. Otherwise every block is coded as big-endian 16-bit words:
 *
 *   header: bit 15 set: a P-block (the residual of the co-located block
 *	of the reference); bits 12..1: the number of following blocks that
 *	repeat this block's coefficients (and its P bit); bit 14 must be
 *	clear (vicodec rejects the frame otherwise); bits 13 and 0 unused.
 *   coefficients in zigzag order: bits 3..0 a run of zeros (0..14), bits
 *	15..4 a signed coefficient that follows the run; a run of 15 ends
 *	the block, the rest of its coefficients being zero. A block also
 *	ends when 64 coefficients are there; coefficients beyond the 64th
 *	are dropped.
 *
 * Coefficients are dequantised by a left shift (one table for I-blocks,
 * one for P-blocks), and go through an 8x8 sequency-ordered Walsh-
 * Hadamard transform, rows then columns, in 16-bit intermediates,
 * divided by 64 (arithmetic shift). I-blocks get 128 added, P-blocks
 * get the reference's co-located pixels added; the result is clamped to
 * 0..255. The arithmetic, its 16-bit wrap-arounds included, is vicodec's,
 * so any payload decodes as vicodec decodes it.
 *
 * In an I-frame (V4L2_FWHT_FL_I_FRAME) the P bit is ignored and no
 * reference is read, as vicodec does. The interlace flags describe the
 * picture only: the picture (a frame, or one field for IS_ALTERNATE) is
 * coded as a whole @width x @height picture either way, and vicodec
 * decodes it so; they are accepted and decoded likewise.
 *
 * The output
 * ----------
 * NV12 or NV21. The coded area (luma rounded up to 8x8, chroma as
 * above) is decoded; the rest of the picture (up to ALIGN(16) in both
 * dimensions, never beyond ALIGN(width, 16) bytes per line) is set to 0,
 * which is what vicodec leaves in a freshly allocated (zeroed) CAPTURE
 * buffer, so whole buffers compare equal too. An uncompressed chroma
 * plane is interleaved into the chroma plane properly; vicodec copies it
 * contiguously (memcpy ignoring the 2-byte chroma step of NV12/NV21), so
 * there it differs from vicodec, whose output is garbled for such frames.
 */
#include "vdec-core.h"

/* V4L2_FWHT_FL_* (include/uapi/linux/v4l2-controls.h) */
#define FWHT_FL_LUMA_IS_UNCOMPRESSED	0x00000010
#define FWHT_FL_CB_IS_UNCOMPRESSED	0x00000020
#define FWHT_FL_CR_IS_UNCOMPRESSED	0x00000040
#define FWHT_FL_CHROMA_FULL_HEIGHT	0x00000080
#define FWHT_FL_CHROMA_FULL_WIDTH	0x00000100
#define FWHT_FL_I_FRAME			0x00000400
#define FWHT_FL_COMPONENTS_NUM_MSK	0x00070000
#define FWHT_FL_COMPONENTS_NUM_OFFSET	16
#define FWHT_FL_PIXENC_MSK		0x00180000
#define FWHT_FL_PIXENC_OFFSET		19
#define FWHT_PIXENC_YUV			1

#define FWHT_VERSION_MAX		3	/* V4L2_FWHT_VERSION */
#define FWHT_MAX_DIM			16384

/* Block header bits */
#define FWHT_PBLOCK			0x8000
#define FWHT_BAD_BLOCK			0x4000
#define FWHT_DUPS_MASK			0x1ffe
#define FWHT_RUN_END			15

/* Zigzag scan: coefficient index (row * 8 + column) of scan position n. */
static const u8 fwht_zigzag[64] = {
	0,  1,  8,  2,  9, 16,  3, 10, 17, 24,  4, 11, 18, 25, 32,  5,
	12, 19, 26, 33, 40,  6, 13, 20, 27, 34, 41, 48,  7, 14, 21, 28,
	35, 42, 49, 56, 15, 22, 29, 36, 43, 50, 57, 23, 30, 37, 44, 51,
	58, 31, 38, 45, 52, 59, 39, 46, 53, 60, 47, 54, 61, 55, 62, 63,
};

/* Dequantisation shifts, I-blocks and P-blocks, raster order. */
static const u8 fwht_qshift_i[64] = {
	2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 3,
	2, 2, 2, 2, 2, 2, 3, 6,
	2, 2, 2, 2, 2, 3, 6, 6,
	2, 2, 2, 2, 3, 6, 6, 6,
	2, 2, 2, 3, 6, 6, 6, 6,
	2, 2, 3, 6, 6, 6, 6, 8,
};

static const u8 fwht_qshift_p[64] = {
	3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 6,
	3, 3, 3, 3, 3, 3, 6, 6,
	3, 3, 3, 3, 3, 6, 6, 9,
	3, 3, 3, 3, 6, 6, 9, 9,
	3, 3, 3, 6, 6, 9, 9, 10,
};

/* One plane: where it goes, where its reference is, its coded size. */
struct fwht_plane {
	u8 *dst;
	const u8 *ref;		/* NULL: no reference (intra only) */
	u32 dst_stride;
	u32 ref_stride;
	u32 step;		/* bytes between samples: 1 luma, 2 chroma */
	u32 width;		/* coded, multiple of 8 */
	u32 height;		/* coded, multiple of 8 */
};

/* Decoder state, allocated per call (kept off the stack). */
struct fwht_dec {
	const u8 *bs;
	u32 nwords;		/* whole 16-bit words in the bitstream */
	u32 pos;		/* next word */
	u32 blocks;		/* 8x8 blocks decoded */
	u32 rows;		/* rows of coef holding non-zero values */
	bool ac;		/* coef has a non-zero AC coefficient */
	s16 coef[64];
	s16 res[64];		/* inverse transform of the current block */
	s16 copy[64];		/* the block being repeated */
};

/* The 16-bit two's complement wrap vicodec's s16 stores do. */
static inline s16 fwht_s16(s32 v)
{
	return (s16)(u16)(u32)v;
}

static inline u8 fwht_clamp(s32 v)
{
	return v < 0 ? 0 : v > 255 ? 255 : v;
}

static inline u16 fwht_word(struct fwht_dec *d)
{
	const u8 *p = d->bs + 2 * (size_t)d->pos++;

	return (u16)(p[0] << 8 | p[1]);
}

/*
 * Read one block's header and coefficients (raster order, not yet
 * dequantised) into d->coef. Returns false if the bitstream ends first
 * or the header is one vicodec rejects.
 */
static bool fwht_read_block(struct fwht_dec *d, u16 *stat)
{
	u32 n = 0;

	if (d->pos >= d->nwords)
		return false;
	*stat = fwht_word(d);
	if (*stat & FWHT_BAD_BLOCK)
		return false;

	memset(d->coef, 0, sizeof(d->coef));
	d->rows = 0;
	d->ac = false;
	while (n < 64) {
		u16 w;
		u32 run, pos;

		if (d->pos >= d->nwords)
			return false;
		w = fwht_word(d);
		run = w & 0xf;
		if (run == FWHT_RUN_END)
			break;
		n += run;
		if (n < 64 && (w >> 4)) {
			pos = fwht_zigzag[n];
			d->coef[pos] = (s16)((s32)(w >> 4) -
					     ((w & 0x8000) ? 4096 : 0));
			d->rows |= 1 << (pos >> 3);
			d->ac |= pos != 0;
		}
		n++;
	}
	return true;
}

/* One 8-point sequency-ordered Walsh-Hadamard butterfly, in place. */
static inline void fwht_1d(s32 *v)
{
	s32 a0 = v[0] + v[1], a1 = v[0] - v[1];
	s32 a2 = v[2] + v[3], a3 = v[2] - v[3];
	s32 a4 = v[4] + v[5], a5 = v[4] - v[5];
	s32 a6 = v[6] + v[7], a7 = v[6] - v[7];
	s32 b0 = a0 + a2, b1 = a0 - a2, b2 = a1 - a3, b3 = a1 + a3;
	s32 b4 = a4 + a6, b5 = a4 - a6, b6 = a5 - a7, b7 = a5 + a7;

	v[0] = b0 + b4;
	v[1] = b0 - b4;
	v[2] = b1 - b5;
	v[3] = b1 + b5;
	v[4] = b2 + b6;
	v[5] = b2 - b6;
	v[6] = b3 - b7;
	v[7] = b3 + b7;
}

/*
 * Dequantise d->coef and inverse transform it into d->res: rows, then
 * columns, each result stored as s16, then / 64 (+ 128 for I-blocks).
 */
static void fwht_inverse(struct fwht_dec *d, bool inter)
{
	const u8 *qs = inter ? fwht_qshift_p : fwht_qshift_i;
	s16 *res = d->res;
	s32 v[8];
	int i, j;

	if (!d->ac) {
		/* DC only: both passes spread the DC unchanged */
		s32 r = fwht_s16(d->coef[0] * (1 << qs[0])) >> 6;
		s16 flat = inter ? r : fwht_s16(r + 128);

		for (i = 0; i < 64; i++)
			res[i] = flat;
		return;
	}
	for (i = 0; i < 8; i++) {
		if (!(d->rows & (1 << i))) {
			memset(&res[i * 8], 0, 8 * sizeof(*res));
			continue;
		}
		for (j = 0; j < 8; j++)
			v[j] = fwht_s16(d->coef[i * 8 + j] * (1 << qs[i * 8 + j]));
		fwht_1d(v);
		for (j = 0; j < 8; j++)
			res[i * 8 + j] = fwht_s16(v[j]);
	}
	for (j = 0; j < 8; j++) {
		for (i = 0; i < 8; i++)
			v[i] = res[i * 8 + j];
		fwht_1d(v);
		for (i = 0; i < 8; i++) {
			s32 r = fwht_s16(v[i]) >> 6;

			res[i * 8 + j] = inter ? r : fwht_s16(r + 128);
		}
	}
}

/* Write a decoded block at @x, @y of the plane, adding the reference. */
static inline void fwht_put(const struct fwht_plane *pl, const s16 *blk,
			    u32 x, u32 y, bool inter, const u32 step)
{
	u8 *dst = pl->dst + (size_t)y * pl->dst_stride + (size_t)x * step;
	int i, j;

	if (inter) {
		const u8 *ref = pl->ref + (size_t)y * pl->ref_stride +
				(size_t)x * step;

		for (i = 0; i < 8; i++, blk += 8) {
			for (j = 0; j < 8; j++)
				dst[j * step] = fwht_clamp(blk[j] + ref[j * step]);
			dst += pl->dst_stride;
			ref += pl->ref_stride;
		}
		return;
	}
	for (i = 0; i < 8; i++, blk += 8) {
		for (j = 0; j < 8; j++)
			dst[j * step] = fwht_clamp(blk[j]);
		dst += pl->dst_stride;
	}
}

static void fwht_put_block(const struct fwht_plane *pl, const s16 *blk,
			   u32 x, u32 y, bool inter)
{
	if (pl->step == 1)
		fwht_put(pl, blk, x, y, inter, 1);
	else
		fwht_put(pl, blk, x, y, inter, 2);
}

static enum vdec_status fwht_raw_plane(struct fwht_dec *d,
				       const struct fwht_plane *pl)
{
	u32 words = pl->width / 2 * pl->height;
	const u8 *src;
	u8 *dst = pl->dst;
	u32 x, y;

	if (words > d->nwords - d->pos)
		return VDEC_ERR_BITSTREAM;
	src = d->bs + 2 * (size_t)d->pos;
	for (y = 0; y < pl->height; y++) {
		if (pl->step == 1) {
			memcpy(dst, src, pl->width);
		} else {
			for (x = 0; x < pl->width; x++)
				dst[x * pl->step] = src[x];
		}
		src += pl->width;
		dst += pl->dst_stride;
	}
	d->pos += words;
	d->blocks += pl->width / 8 * (pl->height / 8);
	return VDEC_OK;
}

static enum vdec_status fwht_plane(struct fwht_dec *d,
				   const struct fwht_plane *pl, bool raw)
{
	u32 copies = 0;
	u16 stat = 0;
	u32 x, y;

	if (raw)
		return fwht_raw_plane(d, pl);

	for (y = 0; y < pl->height; y += 8) {
		for (x = 0; x < pl->width; x += 8) {
			bool inter;

			if (copies) {
				copies--;
				inter = (stat & FWHT_PBLOCK) && pl->ref;
				fwht_put_block(pl, d->copy, x, y, inter);
				d->blocks++;
				continue;
			}
			if (!fwht_read_block(d, &stat))
				return VDEC_ERR_BITSTREAM;
			inter = (stat & FWHT_PBLOCK) && pl->ref;
			fwht_inverse(d, inter);
			copies = (stat & FWHT_DUPS_MASK) >> 1;
			if (copies)
				memcpy(d->copy, d->res, sizeof(d->copy));
			fwht_put_block(pl, d->res, x, y, inter);
			d->blocks++;
		}
	}
	return VDEC_OK;
}

/* Zero the part of a plane's picture area that is not coded. */
static void fwht_clear_pad(u8 *plane, u32 stride, u32 coded_bytes,
			   u32 coded_lines, u32 bytes, u32 lines)
{
	u32 y;

	for (y = 0; y < lines; y++, plane += stride) {
		if (y < coded_lines)
			memset(plane + coded_bytes, 0, bytes - coded_bytes);
		else
			memset(plane, 0, bytes);
	}
}

static bool fwht_pic_ok(const struct vdec_pic *pic)
{
	return pic->luma && pic->chroma && pic->width && pic->height &&
	       pic->width <= FWHT_MAX_DIM && pic->height <= FWHT_MAX_DIM &&
	       pic->stride >= ALIGN(pic->width, 16);
}

static enum vdec_status fwht_check_params(const struct vdec_fwht_params *p)
{
	u32 comps, pixenc;

	if (!p->version)
		return VDEC_ERR_PARAM;
	if (p->version > FWHT_VERSION_MAX)
		return VDEC_ERR_UNSUPPORTED;
	if (p->version >= 2) {
		/* Version 1 streams predate these fields: 3 YUV components. */
		comps = 1 + ((p->flags & FWHT_FL_COMPONENTS_NUM_MSK) >>
			     FWHT_FL_COMPONENTS_NUM_OFFSET);
		pixenc = (p->flags & FWHT_FL_PIXENC_MSK) >>
			 FWHT_FL_PIXENC_OFFSET;
		if (comps > 4 || !pixenc)
			return VDEC_ERR_PARAM;
		if (comps != 3 || pixenc != FWHT_PIXENC_YUV)
			return VDEC_ERR_UNSUPPORTED;
	}
	if (p->flags & (FWHT_FL_CHROMA_FULL_WIDTH | FWHT_FL_CHROMA_FULL_HEIGHT))
		return VDEC_ERR_UNSUPPORTED;
	return VDEC_OK;
}

enum vdec_status vdec_fwht_decode(const struct vdec_fwht_params *p,
				  const u8 *bs, u32 len,
				  const struct vdec_pic *ref,
				  struct vdec_pic *out, u32 *decoded)
{
	struct fwht_plane pl[3];
	struct fwht_dec *d;
	enum vdec_status ret;
	u32 w, h, cw, ch, pw, ph;
	bool use_ref;
	int i;

	if (decoded)
		*decoded = 0;
	if (!p || !out || !decoded || (!bs && len))
		return VDEC_ERR_PARAM;
	ret = fwht_check_params(p);
	if (ret)
		return ret;
	if (!fwht_pic_ok(out))
		return VDEC_ERR_PARAM;

	use_ref = !(p->flags & FWHT_FL_I_FRAME);
	if (use_ref && !ref && p->version < 3)
		use_ref = false;	/* no I_FRAME flag before version 3 */
	if (use_ref && (!ref || !fwht_pic_ok(ref) ||
			ref->width != out->width || ref->height != out->height))
		return VDEC_ERR_PARAM;

	w = out->width;
	h = out->height;
	pw = ALIGN(w, 16);
	ph = ALIGN(h, 16);
	cw = ALIGN(w / 2, 8);
	ch = ALIGN(h / 2, 8);

	pl[0] = (struct fwht_plane){
		.dst = out->luma, .dst_stride = out->stride, .step = 1,
		.width = ALIGN(w, 8), .height = ALIGN(h, 8),
	};
	pl[1] = (struct fwht_plane){
		.dst = out->chroma + out->nv21, .dst_stride = out->stride,
		.step = 2, .width = cw, .height = ch,
	};
	pl[2] = pl[1];
	pl[2].dst = out->chroma + !out->nv21;
	if (use_ref) {
		pl[0].ref = ref->luma;
		pl[1].ref = ref->chroma + ref->nv21;
		pl[2].ref = ref->chroma + !ref->nv21;
		for (i = 0; i < 3; i++)
			pl[i].ref_stride = ref->stride;
	}

	fwht_clear_pad(out->luma, out->stride, pl[0].width, pl[0].height,
		       pw, ph);
	fwht_clear_pad(out->chroma, out->stride, 2 * cw, ch, pw, ph / 2);

	d = vdec_zalloc(sizeof(*d));
	if (!d)
		return VDEC_ERR_NOMEM;
	d->bs = bs;
	d->nwords = len / 2;

	ret = fwht_plane(d, &pl[0], p->flags & FWHT_FL_LUMA_IS_UNCOMPRESSED);
	if (!ret)
		ret = fwht_plane(d, &pl[1],
				 p->flags & FWHT_FL_CB_IS_UNCOMPRESSED);
	if (!ret)
		ret = fwht_plane(d, &pl[2],
				 p->flags & FWHT_FL_CR_IS_UNCOMPRESSED);
	*decoded = d->blocks;
	if (ret)
		vdec_dbg("fwht: bad bitstream at word %u of %u\n",
			 d->pos, d->nwords);
	vdec_free(d);
	return ret;
}
