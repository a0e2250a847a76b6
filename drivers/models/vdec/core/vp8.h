/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec decode core: VP8 (RFC 6386) internals shared by the vp8*.c
 * files: the boolean entropy decoder, the per-macroblock records and the
 * decoder context.
 */
#ifndef _VDEC_VP8_H
#define _VDEC_VP8_H

#include "vdec-core.h"

#define VP8_MAX_DIM	16383

/* Luma 16x16 modes, then inter modes (RFC 6386 11.2, 16.2) */
enum {
	VP8_DC_PRED,
	VP8_V_PRED,
	VP8_H_PRED,
	VP8_TM_PRED,
	VP8_B_PRED,
	VP8_NEARESTMV,
	VP8_NEARMV,
	VP8_ZEROMV,
	VP8_NEWMV,
	VP8_SPLITMV,
};

/* Subblock intra modes (RFC 6386 11.2) */
enum {
	VP8_B_DC_PRED,
	VP8_B_TM_PRED,
	VP8_B_VE_PRED,
	VP8_B_HE_PRED,
	VP8_B_LD_PRED,
	VP8_B_RD_PRED,
	VP8_B_VR_PRED,
	VP8_B_VL_PRED,
	VP8_B_HD_PRED,
	VP8_B_HU_PRED,
};

/* References */
enum { VP8_INTRA, VP8_LAST, VP8_GOLDEN, VP8_ALTREF };

/**
 * struct vp8_bool - boolean entropy decoder (RFC 6386 7)
 * @p: next byte to load
 * @end: end of the partition
 * @value: the value window, MSB aligned
 * @bits: valid bits in @value
 * @range: 128..255 between reads
 * @zeros: zero bytes loaded past @end
 */
struct vp8_bool {
	const u8 *p;
	const u8 *end;
	u64 value;
	int bits;
	u32 range;
	u32 zeros;
};

extern const u8 vp8_norm[256];

static inline void vp8_bool_fill(struct vp8_bool *d)
{
	while (d->bits <= 56) {
		u64 byte = 0;

		if (d->p < d->end)
			byte = *d->p++;
		else
			d->zeros++;
		d->value |= byte << (56 - d->bits);
		d->bits += 8;
	}
}

static inline int vp8_read(struct vp8_bool *d, int prob)
{
	u32 split = 1 + (((d->range - 1) * (u32)prob) >> 8);
	u64 big = (u64)split << 56;
	int bit, shift;

	if (d->bits < 16)
		vp8_bool_fill(d);
	if (d->value >= big) {
		d->range -= split;
		d->value -= big;
		bit = 1;
	} else {
		d->range = split;
		bit = 0;
	}
	shift = vp8_norm[d->range];
	d->range <<= shift;
	d->value <<= shift;
	d->bits -= shift;
	return bit;
}

static inline u32 vp8_read_literal(struct vp8_bool *d, int n)
{
	u32 v = 0;

	while (n--)
		v = (v << 1) | vp8_read(d, 128);
	return v;
}

/* Tree decoding: @t holds pairs, leaves as -value (RFC 6386 8.1) */
static inline int vp8_read_tree(struct vp8_bool *d, const s8 *t, const u8 *p)
{
	int i = 0;

	while ((i = t[i + vp8_read(d, p[i >> 1])]) > 0)
		;
	return -i;
}

void vp8_bool_init(struct vp8_bool *d, const u8 *buf, u32 len);
void vp8_bool_resume(struct vp8_bool *d, const u8 *buf, u32 len, u32 bitpos,
		     u8 value, u8 range);
bool vp8_bool_overrun(const struct vp8_bool *d, u32 slack);

struct vp8_mv {
	s16 x;
	s16 y;
};

/**
 * struct vp8_mb - what is kept of a decoded macroblock
 * @mode: VP8_DC_PRED .. VP8_SPLITMV
 * @uv_mode: chroma mode (intra)
 * @ref: VP8_INTRA .. VP8_ALTREF
 * @segment: segment id
 * @skip: mb_skip_coeff
 * @mv: motion vector (quarter pel; of subblock 15 for SPLITMV)
 * @bmode: subblock intra modes (contexts of key frames)
 * @bmv: subblock motion vectors
 */
struct vp8_mb {
	u8 mode;
	u8 uv_mode;
	u8 ref;
	u8 segment;
	u8 skip;
	struct vp8_mv mv;
	u8 bmode[16];
	struct vp8_mv bmv[16];
};

/* Loop filter parameters of a macroblock */
struct vp8_lf_mb {
	u8 level;
	u8 inner;	/* filter the subblock edges */
};

struct vp8_plane {
	const u8 *base;
	int stride;
	int step;	/* 1 luma, 2 interleaved chroma */
	int w;		/* padded width, pixels */
	int h;		/* padded height */
};

struct vp8_ref {
	struct vp8_plane y;
	struct vp8_plane u;
	struct vp8_plane v;
};

/* Dequantisation factors: [0] DC, [1] AC */
struct vp8_dq {
	s16 y[2];
	s16 y2[2];
	s16 uv[2];
};

/**
 * struct vp8_ctx - decoder state of one frame
 */
struct vp8_ctx {
	const struct vdec_vp8_params *p;
	struct vdec_pic *out;
	struct vp8_bool hdr;		/* first partition */
	struct vp8_bool part[8];	/* token partitions */
	int mb_w, mb_h;
	int mb_x, mb_y;
	bool key;
	int cb_off;			/* byte of Cb in out's chroma pairs */
	struct vp8_ref ref[4];		/* [VP8_LAST..VP8_ALTREF] */
	struct vp8_dq dq[4];		/* per segment */
	u8 lf_level[4][4][4];		/* [segment][ref][mode class] */
	u8 hev_thresh[64];
	u8 interior[64];
	struct vp8_mb *above;		/* mb_w + 1 records, [0] is a border */
	struct vp8_mb *cur;
	struct vp8_lf_mb *lf;		/* mb_w * mb_h */
	u8 *nz_above;			/* 9 per macroblock column */
	u8 nz_left[9];
	s16 coef[25][16];
	u8 nz[25];			/* block has coefficients */
	u8 ws[17 * 32];			/* luma work area, see vp8-recon.c */
	u8 wu[9 * 16];
	u8 wv[9 * 16];
	u8 mctmp[(16 + 5) * 32];
	u8 mcsrc[(16 + 5) * (16 + 5)];
};

#define VP8_WS_STRIDE	32
#define VP8_WC_STRIDE	16

/* vp8-tables.c */
extern const u8 vp8_kf_bmode_probs[10][10][9];
extern const s8 vp8_bmode_tree[18];
extern const s8 vp8_kf_ymode_tree[8];
extern const s8 vp8_ymode_tree[8];
extern const s8 vp8_uv_mode_tree[6];
extern const s8 vp8_mv_ref_tree[8];
extern const s8 vp8_split_tree[6];
extern const s8 vp8_sub_mv_ref_tree[6];
extern const s8 vp8_small_mv_tree[14];
extern const s8 vp8_segment_tree[6];
extern const u8 vp8_kf_ymode_probs[4];
extern const u8 vp8_kf_uv_mode_probs[3];
extern const u8 vp8_bmode_probs[9];
extern const u8 vp8_mode_contexts[6][4];
extern const u8 vp8_sub_mv_ref_probs[5][3];
extern const u8 vp8_split_probs[3];
extern const u8 vp8_split_map[3][16];
extern const u8 vp8_split_count[4];
extern const u8 vp8_dc_q[128];
extern const u16 vp8_ac_q[128];
extern const u8 vp8_zigzag[16];
extern const u8 vp8_bands[17];
extern const s16 vp8_sixtap[8][6];

/* vp8.c, not static for the self-checks (vdec-core-check-vp8.c) */
void vp8_setup_lf(struct vp8_ctx *c);
void vp8_pred_bpred(struct vp8_ctx *c, const struct vp8_mb *mb);

/* vp8-modes.c */
void vp8_read_modes(struct vp8_ctx *c, struct vp8_mb *mb);

/* vp8-tokens.c */
bool vp8_read_tokens(struct vp8_ctx *c, struct vp8_mb *mb,
		     struct vp8_bool *d);

/* vp8-idct.c */
void vp8_iwht(s16 coef[25][16]);
void vp8_idct_add(s16 *blk, u8 *dst, int stride);
void vp8_idct_dc_add(s16 *blk, u8 *dst, int stride);

/* vp8-pred.c */
void vp8_pred_edges(struct vp8_ctx *c);
void vp8_pred_intra16(struct vp8_ctx *c, int mode);
void vp8_pred_chroma(struct vp8_ctx *c, int mode);
void vp8_pred_sub(u8 *dst, int stride, int mode);

/* vp8-mc.c */
void vp8_mc_mb(struct vp8_ctx *c, const struct vp8_mb *mb);

/* vp8-lf.c */
void vp8_loop_filter(struct vp8_ctx *c);

#endif /* _VDEC_VP8_H */
