/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec: register interface of the stateless video decoder block.
 * Specification: Documentation/vsoc-vdec-regs.rst. All registers are 32
 * bits; the block's window is VSOC_VDEC_REG_SIZE bytes: control and job
 * registers, then a table SRAM for per-codec tables.
 *
 * The block decodes one picture per job. The driver programs the job
 * registers (codec, picture size, output picture, bitstream, references,
 * codec parameters and tables) while the block is idle, writes KICK, and
 * gets DONE or ERROR in IRQ_STATUS when the block is idle again.
 */
#ifndef _VSOC_VDEC_REGS_H
#define _VSOC_VDEC_REGS_H

#include <linux/bits.h>
#include <linux/sizes.h>

#define VSOC_VDEC_REG_SIZE		0x2000

/* --- identification and capabilities (read only) --- */
#define VSOC_VDEC_ID			0x000
#define   VSOC_VDEC_ID_VALUE		0x76734456	/* "vsDV" */
#define VSOC_VDEC_VERSION		0x004
#define   VSOC_VDEC_VERSION_MAJOR	GENMASK(15, 8)
#define   VSOC_VDEC_VERSION_MINOR	GENMASK(7, 0)
#define VSOC_VDEC_CAPS			0x008
/* Bit n: codec n (VSOC_VDEC_CODEC_*) is implemented. */
#define   VSOC_VDEC_CAPS_CODECS		GENMASK(15, 0)
/* Bit n: output format n (VSOC_VDEC_FMT_*) is implemented. */
#define   VSOC_VDEC_CAPS_FORMATS	GENMASK(23, 16)
#define VSOC_VDEC_MAX_SIZE		0x00c
#define VSOC_VDEC_MIN_SIZE		0x010
#define   VSOC_VDEC_SIZE_WIDTH		GENMASK(15, 0)
#define   VSOC_VDEC_SIZE_HEIGHT		GENMASK(31, 16)
/* Largest bitstream of one job, in bytes. */
#define VSOC_VDEC_MAX_BS_SIZE		0x014

/* --- control and status --- */
#define VSOC_VDEC_CTRL			0x020	/* WO */
/* Stop any job at once and return every register to its reset value. */
#define   VSOC_VDEC_CTRL_RESET		BIT(0)
#define VSOC_VDEC_STATUS		0x024	/* RO */
#define   VSOC_VDEC_STATUS_BUSY		BIT(0)
#define VSOC_VDEC_IRQ_STATUS		0x028	/* RO/W1C */
#define VSOC_VDEC_IRQ_ENABLE		0x02c	/* RW */
#define   VSOC_VDEC_IRQ_DONE		BIT(0)
#define   VSOC_VDEC_IRQ_ERROR		BIT(1)
#define   VSOC_VDEC_IRQ_ALL		GENMASK(1, 0)
/* Why the last job ended in ERROR; cleared by KICK and RESET. */
#define VSOC_VDEC_ERROR			0x030	/* RO */
#define   VSOC_VDEC_ERROR_BUS		BIT(0)	/* DMA outside memory */
#define   VSOC_VDEC_ERROR_BITSTREAM	BIT(1)	/* malformed or truncated */
#define   VSOC_VDEC_ERROR_PARAM		BIT(2)	/* job registers invalid */
#define   VSOC_VDEC_ERROR_BUSY_WRITE	BIT(3)	/* job register written while busy */
#define   VSOC_VDEC_ERROR_UNSUPPORTED	BIT(4)	/* stream feature not implemented */
/* Macroblocks (FWHT: 8x8 blocks) decoded by the last job. */
#define VSOC_VDEC_DECODED		0x034	/* RO */
#define VSOC_VDEC_KICK			0x038	/* WO */
#define   VSOC_VDEC_KICK_START		BIT(0)

/* --- job registers: written while idle, read by the block at KICK --- */
#define VSOC_VDEC_CODEC			0x080
#define   VSOC_VDEC_CODEC_FWHT		0
#define   VSOC_VDEC_CODEC_MPEG2		1
#define   VSOC_VDEC_CODEC_H264		2
#define   VSOC_VDEC_CODEC_VP8		3
#define VSOC_VDEC_PIC_SIZE		0x084	/* VSOC_VDEC_SIZE_* fields */
#define VSOC_VDEC_OUT_FMT		0x088
#define   VSOC_VDEC_FMT_NV12		0
#define   VSOC_VDEC_FMT_NV21		1
/*
 * Bytes per line of the output and reference pictures, luma and chroma
 * alike: a multiple of VSOC_VDEC_STRIDE_ALIGN, at least the width
 * rounded up to it. Planes have VSOC_VDEC_HEIGHT_ALIGN-aligned heights
 * (luma) and half that (chroma): the block writes whole macroblocks.
 */
#define VSOC_VDEC_STRIDE		0x08c
#define   VSOC_VDEC_STRIDE_ALIGN	64
#define   VSOC_VDEC_HEIGHT_ALIGN	16
#define VSOC_VDEC_OUT_LUMA_LO		0x090
#define VSOC_VDEC_OUT_LUMA_HI		0x094
#define VSOC_VDEC_OUT_CHROMA_LO		0x098
#define VSOC_VDEC_OUT_CHROMA_HI		0x09c
#define VSOC_VDEC_BS_ADDR_LO		0x0a0
#define VSOC_VDEC_BS_ADDR_HI		0x0a4
#define VSOC_VDEC_BS_SIZE		0x0a8

/*
 * Reference pictures: VSOC_VDEC_NUM_REFS slots of luma and chroma
 * addresses, in the output's format and stride. Which slots a codec
 * uses is in its parameter description.
 */
#define VSOC_VDEC_NUM_REFS		16
#define VSOC_VDEC_REF_LUMA_LO(n)	(0x100 + (n) * 0x10)
#define VSOC_VDEC_REF_LUMA_HI(n)	(0x104 + (n) * 0x10)
#define VSOC_VDEC_REF_CHROMA_LO(n)	(0x108 + (n) * 0x10)
#define VSOC_VDEC_REF_CHROMA_HI(n)	(0x10c + (n) * 0x10)

/* Codec parameters: VSOC_VDEC_NUM_PARAMS words, meaning per codec. */
#define VSOC_VDEC_NUM_PARAMS		64
#define VSOC_VDEC_PARAM(n)		(0x200 + (n) * 4)

/* Table SRAM: per-codec tables, bytes in little-endian words. */
#define VSOC_VDEC_TABLE			0x1000
#define VSOC_VDEC_TABLE_SIZE		SZ_4K

/* --- FWHT (codec 0): one reference, REF 0, for P-frames --- */
#define VSOC_VDEC_FWHT_REF		0
#define VSOC_VDEC_FWHT_VERSION		VSOC_VDEC_PARAM(0)
/* The stream's header flags, bit for bit (V4L2_FWHT_FL_*). */
#define VSOC_VDEC_FWHT_FLAGS		VSOC_VDEC_PARAM(1)
#define   VSOC_VDEC_FWHT_FL_IS_INTERLACED	BIT(0)
#define   VSOC_VDEC_FWHT_FL_IS_BOTTOM_FIRST	BIT(1)
#define   VSOC_VDEC_FWHT_FL_IS_ALTERNATE	BIT(2)
#define   VSOC_VDEC_FWHT_FL_IS_BOTTOM_FIELD	BIT(3)
#define   VSOC_VDEC_FWHT_FL_LUMA_IS_UNCOMPRESSED	BIT(4)
#define   VSOC_VDEC_FWHT_FL_CB_IS_UNCOMPRESSED	BIT(5)
#define   VSOC_VDEC_FWHT_FL_CR_IS_UNCOMPRESSED	BIT(6)
#define   VSOC_VDEC_FWHT_FL_CHROMA_FULL_HEIGHT	BIT(7)
#define   VSOC_VDEC_FWHT_FL_CHROMA_FULL_WIDTH	BIT(8)
#define   VSOC_VDEC_FWHT_FL_ALPHA_IS_UNCOMPRESSED	BIT(9)
#define   VSOC_VDEC_FWHT_FL_I_FRAME		BIT(10)
#define   VSOC_VDEC_FWHT_FL_COMPONENTS_NUM	GENMASK(18, 16)
#define   VSOC_VDEC_FWHT_FL_PIXENC		GENMASK(20, 19)
#define     VSOC_VDEC_FWHT_PIXENC_YUV		1

/* --- MPEG-2 (codec 1): REF 0 forward, REF 1 backward --- */
#define VSOC_VDEC_MPEG2_FWD_REF		0
#define VSOC_VDEC_MPEG2_BWD_REF		1
#define VSOC_VDEC_MPEG2_SEQ		VSOC_VDEC_PARAM(0)
#define   VSOC_VDEC_MPEG2_SEQ_PROGRESSIVE	BIT(0)
#define   VSOC_VDEC_MPEG2_SEQ_CHROMA_FORMAT	GENMASK(2, 1)	/* 1: 4:2:0 */
#define VSOC_VDEC_MPEG2_PIC		VSOC_VDEC_PARAM(1)
#define   VSOC_VDEC_MPEG2_PIC_CODING_TYPE	GENMASK(2, 0)	/* 1 I, 2 P, 3 B */
#define   VSOC_VDEC_MPEG2_PIC_DC_PRECISION	GENMASK(4, 3)
#define   VSOC_VDEC_MPEG2_PIC_STRUCTURE		GENMASK(6, 5)	/* 1 top, 2 bottom, 3 frame */
#define   VSOC_VDEC_MPEG2_PIC_TOP_FIELD_FIRST	BIT(7)
#define   VSOC_VDEC_MPEG2_PIC_FRAME_PRED_DCT	BIT(8)
#define   VSOC_VDEC_MPEG2_PIC_CONCEALMENT_MV	BIT(9)
#define   VSOC_VDEC_MPEG2_PIC_Q_SCALE_TYPE	BIT(10)
#define   VSOC_VDEC_MPEG2_PIC_INTRA_VLC		BIT(11)
#define   VSOC_VDEC_MPEG2_PIC_ALT_SCAN		BIT(12)
/*
 * A field picture that is the second field of its frame: the output
 * picture already holds the first field, which a P field predicts from.
 */
#define   VSOC_VDEC_MPEG2_PIC_SECOND_FIELD	BIT(13)
#define VSOC_VDEC_MPEG2_FCODE		VSOC_VDEC_PARAM(2)
/* f_code[s][t]: s 0 forward, 1 backward; t 0 horizontal, 1 vertical. */
#define   VSOC_VDEC_MPEG2_FCODE_SHIFT(s, t)	(((s) * 2 + (t)) * 4)
#define   VSOC_VDEC_MPEG2_FCODE_MASK		0xf
/* Quantiser matrices in the table SRAM, 64 bytes each, zigzag order. */
#define VSOC_VDEC_MPEG2_QM_INTRA		(VSOC_VDEC_TABLE + 0x000)
#define VSOC_VDEC_MPEG2_QM_NON_INTRA		(VSOC_VDEC_TABLE + 0x040)
#define VSOC_VDEC_MPEG2_QM_CHROMA_INTRA		(VSOC_VDEC_TABLE + 0x080)
#define VSOC_VDEC_MPEG2_QM_CHROMA_NON_INTRA	(VSOC_VDEC_TABLE + 0x0c0)
#define VSOC_VDEC_MPEG2_QM_SIZE			64

/*
 * --- VP8 (codec 3): REF 0 last, REF 1 golden, REF 2 altref (inter
 * frames only); a segment map the block reads and writes ---
 */
#define VSOC_VDEC_VP8_LAST_REF		0
#define VSOC_VDEC_VP8_GOLDEN_REF	1
#define VSOC_VDEC_VP8_ALT_REF		2
/* The frame's flags, bit for bit as V4L2_VP8_FRAME_FLAG_*, and sizes. */
#define VSOC_VDEC_VP8_FRAME		VSOC_VDEC_PARAM(0)
#define   VSOC_VDEC_VP8_FL_KEY_FRAME		BIT(0)
#define   VSOC_VDEC_VP8_FL_EXPERIMENTAL		BIT(1)
#define   VSOC_VDEC_VP8_FL_SHOW_FRAME		BIT(2)
#define   VSOC_VDEC_VP8_FL_MB_NO_SKIP_COEFF	BIT(3)
#define   VSOC_VDEC_VP8_FL_SIGN_BIAS_GOLDEN	BIT(4)
#define   VSOC_VDEC_VP8_FL_SIGN_BIAS_ALT	BIT(5)
#define   VSOC_VDEC_VP8_FRAME_FLAGS		GENMASK(7, 0)
#define   VSOC_VDEC_VP8_FRAME_VERSION		GENMASK(9, 8)
/* Token partitions: 1, 2, 4 or 8. */
#define   VSOC_VDEC_VP8_FRAME_DCT_PARTS		GENMASK(15, 12)
#define VSOC_VDEC_VP8_PROBS		VSOC_VDEC_PARAM(1)
#define   VSOC_VDEC_VP8_PROB_SKIP_FALSE		GENMASK(7, 0)
#define   VSOC_VDEC_VP8_PROB_INTRA		GENMASK(15, 8)
#define   VSOC_VDEC_VP8_PROB_LAST		GENMASK(23, 16)
#define   VSOC_VDEC_VP8_PROB_GF			GENMASK(31, 24)
/* Bytes of the first (control) partition. */
#define VSOC_VDEC_VP8_FIRST_PART_SIZE	VSOC_VDEC_PARAM(2)
/* Bits of the first partition the frame header took. */
#define VSOC_VDEC_VP8_HEADER_BITS	VSOC_VDEC_PARAM(3)
/* The first partition's boolean decoder where the header ends. */
#define VSOC_VDEC_VP8_CODER		VSOC_VDEC_PARAM(4)
#define   VSOC_VDEC_VP8_CODER_RANGE		GENMASK(7, 0)
#define   VSOC_VDEC_VP8_CODER_VALUE		GENMASK(15, 8)
#define   VSOC_VDEC_VP8_CODER_BIT_COUNT		GENMASK(23, 16)
/* Quantiser indices: y_ac_qi, then the five signed deltas. */
#define VSOC_VDEC_VP8_QUANT		VSOC_VDEC_PARAM(5)
#define   VSOC_VDEC_VP8_Q_Y_AC_QI		GENMASK(7, 0)
#define   VSOC_VDEC_VP8_Q_Y_DC_DELTA		GENMASK(15, 8)
#define   VSOC_VDEC_VP8_Q_Y2_DC_DELTA		GENMASK(23, 16)
#define   VSOC_VDEC_VP8_Q_Y2_AC_DELTA		GENMASK(31, 24)
#define VSOC_VDEC_VP8_QUANT_UV		VSOC_VDEC_PARAM(6)
#define   VSOC_VDEC_VP8_Q_UV_DC_DELTA		GENMASK(7, 0)
#define   VSOC_VDEC_VP8_Q_UV_AC_DELTA		GENMASK(15, 8)
/* Segmentation: V4L2_VP8_SEGMENT_FLAG_* bits and the tree probabilities. */
#define VSOC_VDEC_VP8_SEG		VSOC_VDEC_PARAM(7)
#define   VSOC_VDEC_VP8_SEG_ENABLED		BIT(0)
#define   VSOC_VDEC_VP8_SEG_UPDATE_MAP		BIT(1)
#define   VSOC_VDEC_VP8_SEG_UPDATE_DATA		BIT(2)
#define   VSOC_VDEC_VP8_SEG_DELTA_MODE		BIT(3)
#define   VSOC_VDEC_VP8_SEG_FLAGS		GENMASK(7, 0)
/* Tree probability n (n = 0..2), a byte at this shift. */
#define   VSOC_VDEC_VP8_SEG_PROB_SHIFT(n)	(8 + 8 * (n))
/*
 * Per segment n (n = 0..3), a signed byte at VSOC_VDEC_VP8_BYTE_SHIFT(n):
 * quantiser index and filter level (absolute or delta).
 */
#define   VSOC_VDEC_VP8_BYTE_SHIFT(n)		(8 * (n))
#define VSOC_VDEC_VP8_SEG_QUANT		VSOC_VDEC_PARAM(8)
#define VSOC_VDEC_VP8_SEG_LF		VSOC_VDEC_PARAM(9)
/* Loop filter: level, sharpness, V4L2_VP8_LF_* flags. */
#define VSOC_VDEC_VP8_LF		VSOC_VDEC_PARAM(10)
#define   VSOC_VDEC_VP8_LF_LEVEL		GENMASK(5, 0)
#define   VSOC_VDEC_VP8_LF_SHARPNESS		GENMASK(10, 8)
/* V4L2_VP8_LF_* bits, in the same order */
#define   VSOC_VDEC_VP8_LF_FLAGS		GENMASK(18, 16)
#define   VSOC_VDEC_VP8_LF_ADJ_ENABLE		BIT(16)
#define   VSOC_VDEC_VP8_LF_DELTA_UPDATE		BIT(17)
#define   VSOC_VDEC_VP8_LF_SIMPLE		BIT(18)
/* Level deltas per reference and per mode, signed bytes as above. */
#define VSOC_VDEC_VP8_LF_REF_DELTA	VSOC_VDEC_PARAM(11)
#define VSOC_VDEC_VP8_LF_MODE_DELTA	VSOC_VDEC_PARAM(12)
/* Bytes of token partition n (n = 0..7). */
#define VSOC_VDEC_VP8_DCT_PART_SIZE(n)	VSOC_VDEC_PARAM(13 + (n))
/*
 * The segment map: one byte per macroblock in raster order, read by
 * inter frames, written by every frame; software keeps it per stream.
 */
#define VSOC_VDEC_VP8_SEGMAP_LO		VSOC_VDEC_PARAM(21)
#define VSOC_VDEC_VP8_SEGMAP_HI		VSOC_VDEC_PARAM(22)
/*
 * Probabilities in the table SRAM, in the byte layout of struct
 * v4l2_vp8_entropy: token probabilities [4][8][3][11], luma mode [4],
 * chroma mode [3], motion vectors [2][19].
 */
#define VSOC_VDEC_VP8_COEFF_PROBS	(VSOC_VDEC_TABLE + 0x000)
#define VSOC_VDEC_VP8_Y_MODE_PROBS	(VSOC_VDEC_TABLE + 0x420)
#define VSOC_VDEC_VP8_UV_MODE_PROBS	(VSOC_VDEC_TABLE + 0x424)
#define VSOC_VDEC_VP8_MV_PROBS		(VSOC_VDEC_TABLE + 0x427)
#define VSOC_VDEC_VP8_PROBS_SIZE	0x450

/*
 * --- H.264 (codec 2): frame-based, REF n holds DPB entry n; every
 * picture, output and references, has a buffer of co-located motion
 * data (direct prediction of B slices) ---
 */
#define VSOC_VDEC_H264_SPS		VSOC_VDEC_PARAM(0)
#define   VSOC_VDEC_H264_SPS_PROFILE_IDC	GENMASK(7, 0)
#define   VSOC_VDEC_H264_SPS_CHROMA_FORMAT	GENMASK(9, 8)
#define   VSOC_VDEC_H264_SPS_LOG2_MAX_FRAME_NUM	GENMASK(13, 10)	/* minus 4 */
#define   VSOC_VDEC_H264_SPS_POC_TYPE		GENMASK(15, 14)
#define   VSOC_VDEC_H264_SPS_LOG2_MAX_POC_LSB	GENMASK(19, 16)	/* minus 4 */
#define   VSOC_VDEC_H264_SPS_MAX_REF_FRAMES	GENMASK(24, 20)
/* V4L2_H264_SPS_FLAG_* bit for bit */
#define   VSOC_VDEC_H264_SPS_FLAGS		GENMASK(31, 25)
#define VSOC_VDEC_H264_SPS_SIZE		VSOC_VDEC_PARAM(1)
#define   VSOC_VDEC_H264_SPS_WIDTH_MBS		GENMASK(15, 0)	/* minus 1 */
#define   VSOC_VDEC_H264_SPS_HEIGHT_MAP_UNITS	GENMASK(31, 16)	/* minus 1 */
#define VSOC_VDEC_H264_SPS_DEPTH	VSOC_VDEC_PARAM(2)
#define   VSOC_VDEC_H264_SPS_DEPTH_LUMA		GENMASK(3, 0)	/* minus 8 */
#define   VSOC_VDEC_H264_SPS_DEPTH_CHROMA	GENMASK(7, 4)	/* minus 8 */
#define VSOC_VDEC_H264_PPS		VSOC_VDEC_PARAM(3)
#define   VSOC_VDEC_H264_PPS_ID			GENMASK(7, 0)
#define   VSOC_VDEC_H264_PPS_SLICE_GROUPS	GENMASK(15, 8)	/* minus 1 */
#define   VSOC_VDEC_H264_PPS_NUM_REF_IDX_L0	GENMASK(20, 16)	/* minus 1 */
#define   VSOC_VDEC_H264_PPS_NUM_REF_IDX_L1	GENMASK(25, 21)	/* minus 1 */
#define   VSOC_VDEC_H264_PPS_WEIGHTED_BIPRED	GENMASK(27, 26)
/* Signed bytes: pic_init_qp, pic_init_qs (minus 26), the chroma offsets. */
#define VSOC_VDEC_H264_PPS_QP		VSOC_VDEC_PARAM(4)
#define   VSOC_VDEC_H264_PPS_INIT_QP		GENMASK(7, 0)
#define   VSOC_VDEC_H264_PPS_INIT_QS		GENMASK(15, 8)
#define   VSOC_VDEC_H264_PPS_CHROMA_QP_OFFSET	GENMASK(23, 16)
#define   VSOC_VDEC_H264_PPS_CHROMA_QP_OFFSET2	GENMASK(31, 24)
/* V4L2_H264_PPS_FLAG_* bit for bit */
#define VSOC_VDEC_H264_PPS_FLAGS	VSOC_VDEC_PARAM(5)
#define VSOC_VDEC_H264_DEC		VSOC_VDEC_PARAM(6)
#define   VSOC_VDEC_H264_DEC_FRAME_NUM		GENMASK(15, 0)
#define   VSOC_VDEC_H264_DEC_NAL_REF_IDC	GENMASK(17, 16)
/* V4L2_H264_DECODE_PARAM_FLAG_* (IDR, field, bottom field) */
#define   VSOC_VDEC_H264_DEC_FLAGS		GENMASK(20, 18)
#define   VSOC_VDEC_H264_DEC_IDR		BIT(18)
#define   VSOC_VDEC_H264_DEC_FIELD_PIC		BIT(19)
/* NAL units with Annex B start codes; else one NAL unit without. */
#define   VSOC_VDEC_H264_DEC_ANNEX_B		BIT(24)
#define VSOC_VDEC_H264_TOP_POC		VSOC_VDEC_PARAM(7)	/* signed */
#define VSOC_VDEC_H264_BOTTOM_POC	VSOC_VDEC_PARAM(8)	/* signed */
/* Entries of each initial reference list (0..32). */
#define VSOC_VDEC_H264_NUM_REFS		VSOC_VDEC_PARAM(9)
/* Tables: scaling lists in raster order (used with SCALING_MATRIX_PRESENT). */
#define VSOC_VDEC_H264_SCALING_4X4	(VSOC_VDEC_TABLE + 0x000)	/* [6][16] */
#define VSOC_VDEC_H264_SCALING_8X8	(VSOC_VDEC_TABLE + 0x060)	/* [6][64] */
/*
 * The DPB, VSOC_VDEC_H264_DPB_SIZE entries of 16 bytes: word 0 frame_num
 * (15:0) and V4L2_H264_DPB_ENTRY_FLAG_* (23:16), word 1 the top, word 2
 * the bottom field order count (signed), word 3 zero.
 */
#define VSOC_VDEC_H264_DPB		(VSOC_VDEC_TABLE + 0x200)
#define   VSOC_VDEC_H264_DPB_SIZE		16
#define   VSOC_VDEC_H264_DPB_ENTRY		16
#define   VSOC_VDEC_H264_DPB_FRAME_NUM		GENMASK(15, 0)
#define   VSOC_VDEC_H264_DPB_FLAGS		GENMASK(23, 16)
#define   VSOC_VDEC_H264_DPB_ACTIVE		BIT(17)
/* Initial reference lists, a DPB index a byte: P, B list 0, B list 1. */
#define VSOC_VDEC_H264_LIST_P		(VSOC_VDEC_TABLE + 0x300)
#define VSOC_VDEC_H264_LIST_B0		(VSOC_VDEC_TABLE + 0x320)
#define VSOC_VDEC_H264_LIST_B1		(VSOC_VDEC_TABLE + 0x340)
#define   VSOC_VDEC_H264_LIST_LEN		32
/*
 * Co-located data of the output picture and of each reference slot: a
 * buffer of this many bytes a macroblock, kept by software with the
 * picture.
 */
#define VSOC_VDEC_H264_COLOC_MB_SIZE	256
#define VSOC_VDEC_H264_OUT_COLOC_LO	VSOC_VDEC_PARAM(10)
#define VSOC_VDEC_H264_OUT_COLOC_HI	VSOC_VDEC_PARAM(11)
#define VSOC_VDEC_H264_REF_COLOC_LO(n)	VSOC_VDEC_PARAM(16 + 2 * (n))
#define VSOC_VDEC_H264_REF_COLOC_HI(n)	VSOC_VDEC_PARAM(17 + 2 * (n))

#endif /* _VSOC_VDEC_REGS_H */
