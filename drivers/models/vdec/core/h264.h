/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec decode core: H.264 internals shared by the h264*.c files.
 *
 * A picture is decoded slice by slice, macroblock by macroblock: the
 * entropy layer (h264-cavlc.c, h264-cabac.c) parses one macroblock into
 * struct h264_mbd and the coefficient arrays of struct h264_ctx; the
 * reconstruction (h264-recon.c) derives the motion vectors (h264-mvpred.c)
 * and intra modes, predicts (h264-pred.c, h264-mc.c) and adds the
 * residual (h264-idct.c). The deblocking filter (h264-deblock.c) runs over
 * the whole picture once all slices are decoded.
 *
 * Block positions inside a macroblock are in 4x4 block units, raster
 * order (blk = y * 4 + x), not in the standard's zig-zag luma4x4BlkIdx.
 */
#ifndef _VDEC_H264_H
#define _VDEC_H264_H

#include "vdec-core.h"
#include "bits.h"

#define H264_MAX_MB_W		256	/* 4096 pixels */
#define H264_MAX_MB_H		256
#define H264_MAX_MBS		139264	/* MaxFS of level 6.2 */

/* slice_type % 5 */
#define H264_SLICE_P		0
#define H264_SLICE_B		1
#define H264_SLICE_I		2
#define H264_SLICE_SP		3
#define H264_SLICE_SI		4

/* struct h264_mb.flags */
#define MB_INTRA		0x01
#define MB_I16			0x02	/* Intra_16x16 */
#define MB_PCM			0x04
#define MB_SKIP			0x08
#define MB_T8X8			0x10	/* transform_size_8x8_flag */
#define MB_DIRECT		0x20	/* B_Skip, B_Direct_16x16 */
#define MB_INXN			0x40	/* I_NxN */

/**
 * struct h264_mb - what later macroblocks, the deblocking filter and
 *	direct prediction need of a decoded macroblock
 * @slice: number of its slice plus 1; 0 while not decoded
 * @flags: MB_*
 * @qp: QP_Y
 * @cbp: coded_block_pattern (bits 0-3 luma 8x8, 4-5 chroma)
 * @chroma_pred: intra_chroma_pred_mode (CABAC context)
 * @cbf: CABAC coded_block_flag of the DC blocks: bit 0 luma, 1 Cb, 2 Cr
 * @direct8: 8x8 blocks predicted in direct mode (CABAC contexts)
 * @nz: luma 4x4 blocks with nonzero coefficients (deblocking), bit = blk
 * @nnz: total_coeff of the 4x4 blocks: luma 0-15 (raster), Cb 16-19,
 *	Cr 20-23
 * @ipred: Intra4x4PredMode / Intra8x8PredMode per 4x4 block
 * @ref: refIdxL0/L1 per 8x8 block, -1 not used
 * @refpic: the DPB index of that reference, -1 not used
 * @mv: mvL0/L1 per 4x4 block
 * @mvd: absolute mvd components per 4x4 block (CABAC contexts), 0..255
 */
struct h264_mb {
	u16 slice;
	u8 flags;
	u8 qp;
	u8 cbp;
	u8 chroma_pred;
	u8 cbf;
	u8 direct8;
	u16 nz;
	u8 nnz[24];
	s8 ipred[16];
	s8 ref[2][4];
	s8 refpic[2][4];
	s16 mv[2][16][2];
	u8 mvd[2][16][2];
};

/**
 * struct h264_colmb - a macroblock's motion as direct prediction of a
 *	later picture reads it (the caller's out_mv / refs[].mv buffers)
 * @mv: mvL0/L1 per 4x4 block
 * @ref: refIdxL0/L1 per 8x8 block, -1 none (both -1: intra)
 * @poc: PicOrderCnt of the reference per 8x8 block
 */
struct h264_colmb {
	s16 mv[2][16][2];
	s8 ref[2][4];
	s32 poc[2][4];
};

/* A prediction unit of an inter macroblock, in decoding order */
struct h264_part {
	u8 x, y, w, h;		/* 4x4 block units */
	u8 pred;		/* bit 0 list 0, bit 1 list 1, bit 2 direct */
	s8 ref[2];
	s16 mvd[2][2];
};

/**
 * struct h264_mbd - the syntax of the macroblock being decoded
 * @flags: MB_* of the macroblock
 * @i16_mode: Intra16x16PredMode
 * @chroma_mode: intra_chroma_pred_mode
 * @ipm: per luma 4x4 (8x8) block in decoding order: -1 when
 *	prev_intra_pred_mode_flag, else rem_intra_pred_mode
 * @nparts: entries in @parts
 * @parts: the prediction units of an inter macroblock
 * @cbp: coded_block_pattern
 * @qp_delta: mb_qp_delta
 */
struct h264_mbd {
	u8 flags;
	u8 i16_mode;
	u8 chroma_mode;
	s8 ipm[16];
	u8 nparts;
	struct h264_part parts[16];
	u8 cbp;
	s8 qp_delta;
};

/* Explicit or implicit weights of a slice */
struct h264_weights {
	u8 mode;		/* 0 default, 1 explicit, 2 implicit */
	u8 luma_denom;
	u8 chroma_denom;
	s16 lw[2][VDEC_H264_LIST_LEN];
	s16 lo[2][VDEC_H264_LIST_LEN];
	s16 cw[2][VDEC_H264_LIST_LEN][2];
	s16 co[2][VDEC_H264_LIST_LEN][2];
	u8 has_luma[2][VDEC_H264_LIST_LEN];
	u8 has_chroma[2][VDEC_H264_LIST_LEN];
	s16 implicit[VDEC_H264_LIST_LEN][VDEC_H264_LIST_LEN];
};

/* Deblocking parameters of a slice */
struct h264_dbk {
	u8 idc;
	s8 alpha;		/* FilterOffsetA */
	s8 beta;		/* FilterOffsetB */
	s8 chroma_qp_off[2];
};

/**
 * struct h264_slice - the slice header, as the macroblock layer needs it
 * @type: slice_type % 5
 * @first_mb: first_mb_in_slice
 * @nal_ref_idc: of the slice's NAL unit
 * @direct_spatial: direct_spatial_mv_pred_flag
 * @num_ref: num_ref_idx_lX_active_minus1 + 1
 * @list: RefPicListX as DPB indexes, -1 no reference picture
 * @cabac_init_idc: as coded
 * @qp: SliceQP_Y
 * @dbk: deblocking parameters
 * @w: prediction weights
 */
struct h264_slice {
	u8 type;
	u32 first_mb;
	u8 nal_ref_idc;
	bool direct_spatial;
	u8 num_ref[2];
	s8 list[2][VDEC_H264_LIST_LEN + 1];
	u8 cabac_init_idc;
	int qp;
	struct h264_dbk dbk;
	struct h264_weights w;
};

/* Half sample planes of a luma block (8.4.2.2.1): b, h and j */
struct h264_half_planes {
	u8 b[17 * 16];		/* b at (x + 1/2, y), rows 0..h */
	u8 v[16 * 17];		/* h at (x, y + 1/2), columns 0..w */
	u8 j[16 * 16];		/* j at (x + 1/2, y + 1/2) */
	s16 t[21 * 16];		/* horizontal taps of rows -2..h+2 */
	/*
	 * the L0 and L1 predictions of a block, luma and interleaved
	 * chroma; weighted over whole rows, so never left uninitialised
	 */
	u8 pl[2][16 * 16];
	u8 pc[2][8 * 16];
};

/**
 * struct h264_ctx - the state of one picture's decode
 * @p: parameters
 * @refs: the reference pictures, per DPB index
 * @out: the picture decoded
 * @mbw: width in macroblocks
 * @mbh: height in macroblocks
 * @mbs: per macroblock state, raster order
 * @dbk: deblocking parameters per slice number
 * @nslices: slices decoded so far
 * @nal: the current NAL unit, emulation prevention bytes removed
 * @b: bit reader over @nal
 * @sl: current slice header
 * @mbx: current macroblock column
 * @mby: current macroblock row
 * @mb: current macroblock
 * @mbd: current macroblock syntax
 * @qp: QP_Y of the current macroblock
 * @cb_off: offset of Cb in a chroma pair (0, or 1 for NV21)
 * @coef: luma coefficients, dequantised, per 4x4 block (raster within)
 * @coef8: luma 8x8 coefficients, dequantised (raster within)
 * @ccoef: chroma AC+DC coefficients [Cb/Cr][4x4 block][raster]
 * @cdc: chroma DC levels [Cb/Cr][block]
 * @ldc: Intra16x16 DC levels (raster of blocks)
 * @dq4: LevelScale4x4 << 4 per list (intra Y Cb Cr, inter Y Cb Cr), qp%6
 * @dq8: LevelScale8x8 per list (intra, inter), qp%6
 * @cabac: CABAC engine and contexts (h264-cabac.c)
 * @halves: luma interpolation scratch (h264-mc.c)
 * @direct_mb: 1 + the address of the macroblock @direct_ref and
 *	@direct_mvp belong to (0: none)
 * @direct_ref: spatial direct refIdxL0/L1 of that macroblock
 * @direct_mvp: spatial direct motion vector predictions of it
 * @err: a bitstream error was found
 * @missing_ref: a reference picture the stream uses is not there
 * @unsupported: the stream uses a feature the core does not decode
 */
struct h264_ctx {
	const struct vdec_h264_params *p;
	const struct vdec_h264_ref *refs;
	struct vdec_pic *out;
	int mbw, mbh;
	struct h264_mb *mbs;
	struct h264_dbk *dbk;
	u32 nslices;
	u8 *nal;
	u32 nal_len;
	struct vdec_bits b;
	struct h264_slice sl;
	int mbx, mby;
	struct h264_mb *mb;
	struct h264_mbd mbd;
	int qp;
	int cb_off;
	s32 coef[16][16];
	s32 coef8[4][64];
	s32 ccoef[2][4][16];
	s32 cdc[2][4];
	s32 ldc[16];
	u16 dq4[6][6][16];
	u16 dq8[2][6][64];
	struct h264_cabac *cabac;
	struct h264_half_planes halves;
	int direct_mb;
	int direct_ref[2];
	s16 direct_mvp[2][2];
	bool err;
	bool missing_ref;
	bool unsupported;
};

/* h264-tables.c */
extern const u8 h264_zigzag4[16];
extern const u8 h264_zigzag8[64];
extern const u8 h264_cbp_intra[48];
extern const u8 h264_cbp_inter[48];
extern const u8 h264_chroma_qp[52];
extern const u8 h264_norm4[6][3];
extern const u8 h264_norm8[6][6];
extern const u8 h264_alpha[52];
extern const u8 h264_beta[52];
extern const u8 h264_tc0[52][3];
/* luma4x4BlkIdx -> raster block, and back */
extern const u8 h264_blk_raster[16];
extern const u8 h264_blk_zz[16];

/* Exp-Golomb codes; an invalid code sets @err */
static inline u32 h264_ue(struct vdec_bits *b, bool *err)
{
	u32 v = vdec_bits_peek(b, 32);
	int lz;

	lz = v ? __builtin_clz(v) : 32;
	if (lz > 30) {
		/* longer than any valid syntax element: keeps sums in range */
		*err = true;
		vdec_bits_skip(b, 32);
		return 0;
	}
	vdec_bits_skip(b, lz);
	return vdec_bits_get(b, lz + 1) - 1;
}

static inline s32 h264_se(struct vdec_bits *b, bool *err)
{
	u32 v = h264_ue(b, err);

	return v & 1 ? (s32)((v >> 1) + 1) : -(s32)(v >> 1);
}

static inline u8 h264_clip_pixel(int v)
{
	return v < 0 ? 0 : v > 255 ? 255 : v;
}

/*
 * Scaled coefficients of conformant streams stay far inside this range;
 * clipping keeps the transforms of any other stream free of overflow.
 */
static inline s32 h264_clip_coef(s64 v)
{
	return v < -(1 << 21) ? -(1 << 21) : v > (1 << 21) ? 1 << 21 : (s32)v;
}

static inline int h264_clip3(int lo, int hi, int v)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static inline int h264_median(int a, int b, int c)
{
	return max(min(a, b), min(max(a, b), c));
}

/* The neighbouring macroblock at (mbx + dx, mby + dy) in the same slice */
static inline struct h264_mb *h264_nb_mb(struct h264_ctx *c, int dx, int dy)
{
	int x = c->mbx + dx, y = c->mby + dy;
	struct h264_mb *m;

	if (x < 0 || y < 0 || x >= c->mbw || y >= c->mbh)
		return NULL;
	m = &c->mbs[y * c->mbw + x];
	return m->slice == c->mb->slice && m != c->mb ? m : NULL;
}

/*
 * The macroblock holding the 4x4 block (bx, by) relative to the current
 * macroblock (bx in -1..4, by in -1..3), and that block's raster index
 * in it; NULL when not available. Blocks of the current macroblock are
 * returned as is (the caller knows which are decoded).
 */
static inline struct h264_mb *h264_nb_blk(struct h264_ctx *c, int bx, int by,
					  int *blk)
{
	int dx = bx < 0 ? -1 : bx > 3 ? 1 : 0, dy = by < 0 ? -1 : 0;

	*blk = ((by - dy * 4) & 3) * 4 + ((bx - dx * 4) & 3);
	if (!dx && !dy)
		return c->mb;
	return h264_nb_mb(c, dx, dy);
}

/* h264-slice.c */
int h264_slice_header(struct h264_ctx *c, u8 nal_type, u8 nal_ref_idc);

/* h264-cavlc.c */
int h264_cavlc_mb(struct h264_ctx *c);
int h264_cavlc_skip_run(struct h264_ctx *c, u32 *run);

/* h264-cavlc.c, shared with CABAC */
void h264_dequant4(struct h264_ctx *c, s32 *dst, const s32 *lvl, int start,
		   int list, int qp);
void h264_dequant8(struct h264_ctx *c, s32 *dst, const s32 *lvl, int list,
		   int qp);
int h264_chroma_qp_of(struct h264_ctx *c, int comp);
void h264_clear_coefs(struct h264_ctx *c);
int h264_pcm(struct h264_ctx *c);
bool h264_intra_mb_type(struct h264_mbd *d, int t);
void h264_add_parts(struct h264_mbd *d, int x, int y, int shape, int pred);
void h264_inter_parts(struct h264_mbd *d, int parts, int shape_8x16,
		      const u8 *pred);
extern const u8 h264_b_sub_pred[13];
extern const u8 h264_b_sub_shape[13];
extern const u8 h264_b_pred[22][2];

/* h264-cabac.c, h264-cabac-res.c, h264-cabac-tables.c */
#define H264_CABAC_CTXS		460

/**
 * struct h264_cabac - CABAC decoding engine (9.3.1.2) and contexts
 * @range: codIRange
 * @offset: codIOffset
 * @state: per ctxIdx, pStateIdx << 1 | valMPS
 * @last_dqp: the previous macroblock of the slice had mb_qp_delta != 0
 */
struct h264_cabac {
	u32 range;
	u32 offset;
	u8 state[H264_CABAC_CTXS];
	bool last_dqp;
};

extern const s8 h264_cabac_mn[H264_CABAC_CTXS][4][2];
extern const u8 h264_cabac_lps[64][4];
extern const u8 h264_cabac_next_lps[64];
int h264_cabac_slice_start(struct h264_ctx *c);
int h264_cabac_mb(struct h264_ctx *c, bool *end_of_slice);
int h264_cabac_init_engine(struct h264_ctx *c);
int h264_cabac_decision(struct h264_ctx *c, int ctx);
int h264_cabac_bypass(struct h264_ctx *c);
int h264_cabac_terminate(struct h264_ctx *c);
int h264_cabac_residual(struct h264_ctx *c);

/* h264-recon.c */
void h264_recon_mb(struct h264_ctx *c);
void h264_dequant_init(struct h264_ctx *c);
int h264_mb_qp_update(struct h264_ctx *c, int delta);

/* h264-pred.c */
void h264_pred4x4(u8 *dst, int stride, int mode, const u8 *top, int left_ok,
		  int top_ok, int topleft_ok);
void h264_pred_intra4x4(struct h264_ctx *c, int blk, int mode);
void h264_pred_intra8x8(struct h264_ctx *c, int blk8, int mode);
void h264_pred_intra16x16(struct h264_ctx *c, int mode);
void h264_pred_chroma(struct h264_ctx *c, int mode);

/* h264-idct.c */
void h264_idct4_add(u8 *dst, int stride, int step, s32 *blk);
void h264_idct8_add(u8 *dst, int stride, s32 *blk);
void h264_luma_dc(struct h264_ctx *c);
void h264_chroma_dc(struct h264_ctx *c);

/* h264-mvpred.c */
void h264_mv_pred(struct h264_ctx *c, int list, int x, int y, int w, int h,
		  int ref, s16 *mvp);
void h264_mv_skip(struct h264_ctx *c, s16 *mv);
void h264_set_motion(struct h264_ctx *c, int list, int x, int y, int w,
		     int h, int ref, const s16 *mv);
int h264_direct(struct h264_ctx *c, int blk8);

/* h264-mc.c */
void h264_mc_part(struct h264_ctx *c, int x, int y, int w, int h);
void h264_mc_direct(struct h264_ctx *c, int blk8);

/* h264-deblock.c */
void h264_deblock(struct h264_ctx *c);
void h264_deblock_edge(u8 *pix, int s, int along, int n, const u8 *bs,
		       int qp, const struct h264_dbk *d, bool chroma);

#endif /* _VDEC_H264_H */
