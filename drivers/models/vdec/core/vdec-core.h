/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec decode core: the pixel work of the vsoc-vdec block, one
 * picture per call, on pictures in memory. The block's model
 * (drivers/models/vdec/) reads the bitstream and the references by DMA,
 * calls the core and writes the picture back by DMA; the host build
 * (tests/vdec-core/) runs the same code in unit tests, fuzzers and
 * benchmarks. Nothing here knows about registers, V4L2 or the kernel.
 *
 * Robustness contract: for any bitstream bytes and any parameters, a
 * decode call returns (no unbounded loop), reads only the @len bytes of
 * the bitstream and the pictures' planes as sized by struct vdec_pic,
 * and writes only @out's planes.
 */
#ifndef _VDEC_CORE_H
#define _VDEC_CORE_H

#include "vdec-core-shim.h"

/* Pictures: 8-bit 4:2:0, luma plane and interleaved chroma plane. */
#define VDEC_CORE_MB_SIZE	16

/**
 * struct vdec_pic - a picture in memory
 * @luma: luma plane, @stride bytes per line, ALIGN(@height, 16) lines
 * @chroma: chroma plane (Cb Cr pairs, or Cr Cb if @nv21), @stride bytes
 *	per line, ALIGN(@height, 16) / 2 lines
 * @stride: bytes per line, at least ALIGN(@width, 16)
 * @width: picture width in pixels
 * @height: picture height in pixels
 * @nv21: chroma pairs are Cr Cb
 *
 * The padding up to whole macroblocks belongs to the picture: a decoder
 * writes it, and references are read from it.
 */
struct vdec_pic {
	u8 *luma;
	u8 *chroma;
	u32 stride;
	u32 width;
	u32 height;
	bool nv21;
};

/* Outcome of a decode call; the model turns it into VSOC_VDEC_ERROR bits. */
enum vdec_status {
	VDEC_OK = 0,
	VDEC_ERR_BITSTREAM,	/* malformed or truncated stream */
	VDEC_ERR_PARAM,		/* parameters invalid or inconsistent */
	VDEC_ERR_UNSUPPORTED,	/* valid stream, feature not implemented */
	VDEC_ERR_NOMEM,
};

/**
 * struct vdec_fwht_params - one FWHT frame (Documentation/vsoc-vdec-regs.rst)
 * @version: FWHT version of the stream (the V4L2 FWHT params control)
 * @flags: the frame's header flags, V4L2_FWHT_FL_* bit layout
 *	(VSOC_VDEC_FWHT_FL_* in the register header)
 */
struct vdec_fwht_params {
	u32 version;
	u32 flags;
};

/**
 * vdec_fwht_decode() - decode one FWHT frame
 * @p: frame parameters
 * @bs: the compressed frame (what a V4L2 stateless FWHT OUTPUT buffer holds)
 * @len: bytes at @bs
 * @ref: the reference frame for a P-frame (NULL for an I-frame)
 * @out: the decoded frame; its width and height are the frame's
 * @decoded: set to the number of 8x8 blocks decoded
 *
 * Return: VDEC_OK or the reason the frame could not be decoded; @out may
 * hold a partly decoded picture then.
 */
enum vdec_status vdec_fwht_decode(const struct vdec_fwht_params *p,
				  const u8 *bs, u32 len,
				  const struct vdec_pic *ref,
				  struct vdec_pic *out, u32 *decoded);

/**
 * struct vdec_mpeg2_params - one MPEG-2 picture (ISO/IEC 13818-2)
 * @progressive_sequence: sequence_extension's progressive_sequence
 * @chroma_format: 1 (4:2:0) is the only one decoded
 * @picture_coding_type: 1 I, 2 P, 3 B
 * @f_code: f_code[s][t] of the picture coding extension
 * @intra_dc_precision: 0..3 (8..11 bits)
 * @picture_structure: 1 top field, 2 bottom field, 3 frame
 * @top_field_first: picture coding extension flags, as coded
 * @frame_pred_frame_dct: see @top_field_first
 * @concealment_motion_vectors: see @top_field_first
 * @q_scale_type: see @top_field_first
 * @intra_vlc_format: see @top_field_first
 * @alternate_scan: see @top_field_first
 * @second_field: a field picture that is the second field of its frame:
 *	@out already holds the first field
 * @qm: quantiser matrices in zigzag (bitstream) order: intra,
 *	non-intra, chroma intra, chroma non-intra
 */
struct vdec_mpeg2_params {
	u8 progressive_sequence;
	u8 chroma_format;
	u8 picture_coding_type;
	u8 f_code[2][2];
	u8 intra_dc_precision;
	u8 picture_structure;
	u8 top_field_first;
	u8 frame_pred_frame_dct;
	u8 concealment_motion_vectors;
	u8 q_scale_type;
	u8 intra_vlc_format;
	u8 alternate_scan;
	u8 second_field;
	u8 qm[4][64];
};

/**
 * vdec_mpeg2_decode() - decode the slices of one MPEG-2 picture
 * @p: picture parameters (sequence, picture coding extension, matrices)
 * @bs: the picture's slices, each from its slice start code on (what a
 *	V4L2 MPEG2_SLICE OUTPUT buffer holds)
 * @len: bytes at @bs
 * @fwd: forward reference (P and B pictures), else NULL
 * @bwd: backward reference (B pictures), else NULL
 * @out: the decoded picture; its width and height are the sequence's
 * @decoded: set to the number of macroblocks decoded
 *
 * Return: VDEC_OK or the reason the picture could not be decoded.
 */
enum vdec_status vdec_mpeg2_decode(const struct vdec_mpeg2_params *p,
				   const u8 *bs, u32 len,
				   const struct vdec_pic *fwd,
				   const struct vdec_pic *bwd,
				   struct vdec_pic *out, u32 *decoded);

/* struct vdec_vp8_params.flags: V4L2_VP8_FRAME_FLAG_* bit layout */
#define VDEC_VP8_FL_KEY_FRAME		0x01
#define VDEC_VP8_FL_EXPERIMENTAL	0x02
#define VDEC_VP8_FL_SHOW_FRAME		0x04
#define VDEC_VP8_FL_MB_NO_SKIP_COEFF	0x08	/* mb_no_skip_coeff: skip flags coded */
#define VDEC_VP8_FL_SIGN_BIAS_GOLDEN	0x10
#define VDEC_VP8_FL_SIGN_BIAS_ALT	0x20

/* struct vdec_vp8_segment.flags: V4L2_VP8_SEGMENT_FLAG_* */
#define VDEC_VP8_SEG_ENABLED		0x01
#define VDEC_VP8_SEG_UPDATE_MAP		0x02
#define VDEC_VP8_SEG_UPDATE_DATA	0x04
#define VDEC_VP8_SEG_DELTA_MODE		0x08

/* struct vdec_vp8_loop_filter.flags: V4L2_VP8_LF_* */
#define VDEC_VP8_LF_ADJ_ENABLE		0x01
#define VDEC_VP8_LF_DELTA_UPDATE	0x02
#define VDEC_VP8_LF_SIMPLE		0x04

/**
 * struct vdec_vp8_segment - segment-based adjustments (RFC 6386 9.3)
 * @quant: quantiser index (absolute or delta) of each segment
 * @lf: loop filter level (absolute or delta) of each segment
 * @probs: segment id tree probabilities (255 when not coded)
 * @flags: VDEC_VP8_SEG_*
 */
struct vdec_vp8_segment {
	s8 quant[4];
	s8 lf[4];
	u8 probs[3];
	u32 flags;
};

/**
 * struct vdec_vp8_loop_filter - loop filter (RFC 6386 9.4, 9.6)
 * @ref_delta: level deltas per reference (intra, last, golden, altref),
 *	the values in force (kept across frames by the caller)
 * @mode_delta: level deltas per mode (B_PRED, ZEROMV, other MV, SPLITMV)
 * @sharpness: sharpness_level, 0..7
 * @level: loop_filter_level, 0..63
 * @flags: VDEC_VP8_LF_*
 */
struct vdec_vp8_loop_filter {
	s8 ref_delta[4];
	s8 mode_delta[4];
	u8 sharpness;
	u8 level;
	u32 flags;
};

/**
 * struct vdec_vp8_quant - dequantisation indices (RFC 6386 9.6)
 * @y_ac_qi: base index, 0..127
 * @y_dc_delta: delta of the Y DC index
 * @y2_dc_delta: delta of the Y2 DC index
 * @y2_ac_delta: delta of the Y2 AC index
 * @uv_dc_delta: delta of the chroma DC index
 * @uv_ac_delta: delta of the chroma AC index
 */
struct vdec_vp8_quant {
	u8 y_ac_qi;
	s8 y_dc_delta;
	s8 y2_dc_delta;
	s8 y2_ac_delta;
	s8 uv_dc_delta;
	s8 uv_ac_delta;
};

/**
 * struct vdec_vp8_entropy - probabilities after this frame header's updates
 * @coeff_probs: token probabilities [block type][band][context][node]
 * @y_mode_probs: inter frame luma mode probabilities
 * @uv_mode_probs: inter frame chroma mode probabilities
 * @mv_probs: motion vector probabilities [row, column][19]
 */
struct vdec_vp8_entropy {
	u8 coeff_probs[4][8][3][11];
	u8 y_mode_probs[4];
	u8 uv_mode_probs[3];
	u8 mv_probs[2][19];
};

/**
 * struct vdec_vp8_coder_state - first partition bool decoder after the header
 * @range: its range, 128..255
 * @value: the 8 bits of its value window (less than @range); the
 *	bits that follow it are the partition's bits from
 *	first_part_header_bits + 8 on
 * @bit_count: bits of the value window's last byte already shifted
 *	((first_part_header_bits % 8); informative)
 */
struct vdec_vp8_coder_state {
	u8 range;
	u8 value;
	u8 bit_count;
};

/**
 * struct vdec_vp8_params - one VP8 frame (RFC 6386), as the V4L2
 *	V4L2_CID_STATELESS_VP8_FRAME control gives it
 * @seg: segmentation
 * @lf: loop filter
 * @quant: quantisation indices
 * @entropy: probabilities
 * @coder_state: first partition bool decoder state where the header ends
 * @width: frame width (must match @out)
 * @height: frame height (must match @out)
 * @version: frame tag version, 0..3 (0: six-tap; 1, 2: bilinear;
 *	3: bilinear with full-pel chroma)
 * @prob_skip_false: probability of mb_skip_coeff 0
 * @prob_intra: probability of an intra macroblock (inter frames)
 * @prob_last: probability of the last frame reference
 * @prob_gf: probability of golden rather than altref
 * @num_dct_parts: token partitions, 1, 2, 4 or 8
 * @first_part_size: bytes of the first partition
 * @first_part_header_bits: bits of the first partition that the frame
 *	header took (where @coder_state's value window starts)
 * @dct_part_sizes: bytes of each token partition
 * @flags: VDEC_VP8_FL_*
 * @seg_map: the stream's segment map, one byte per macroblock in raster
 *	order, kept by the caller from frame to frame (VP8 keeps it when a
 *	frame does not update it); NULL: segment 0 where not coded
 * @seg_map_size: bytes at @seg_map
 */
struct vdec_vp8_params {
	struct vdec_vp8_segment seg;
	struct vdec_vp8_loop_filter lf;
	struct vdec_vp8_quant quant;
	struct vdec_vp8_entropy entropy;
	struct vdec_vp8_coder_state coder_state;
	u16 width;
	u16 height;
	u8 version;
	u8 prob_skip_false;
	u8 prob_intra;
	u8 prob_last;
	u8 prob_gf;
	u8 num_dct_parts;
	u32 first_part_size;
	u32 first_part_header_bits;
	u32 dct_part_sizes[8];
	u64 flags;
	u8 *seg_map;
	u32 seg_map_size;
};

/**
 * vdec_vp8_decode() - decode one VP8 frame
 * @p: frame parameters
 * @bs: the whole frame, from its frame tag on (what a V4L2 VP8_FRAME
 *	OUTPUT buffer holds)
 * @len: bytes at @bs
 * @last: last frame reference (inter frames), else NULL
 * @golden: golden frame reference (inter frames), else NULL
 * @alt: altref frame reference (inter frames), else NULL
 * @out: the decoded frame, padded to whole macroblocks
 * @decoded: set to the number of macroblocks decoded
 *
 * References are read as if their macroblock-padded planes extended
 * without end by repeating their edge pixels.
 *
 * Return: VDEC_OK or the reason the frame could not be decoded.
 */
enum vdec_status vdec_vp8_decode(const struct vdec_vp8_params *p,
				 const u8 *bs, u32 len,
				 const struct vdec_pic *last,
				 const struct vdec_pic *golden,
				 const struct vdec_pic *alt,
				 struct vdec_pic *out, u32 *decoded);

/* H.264 (ITU-T H.264): High profile, 8-bit 4:2:0, progressive frames. */
#define VDEC_H264_DPB_SIZE	16
#define VDEC_H264_LIST_LEN	32

/* sps.flags: the V4L2_H264_SPS_FLAG_* bit layout */
#define VDEC_H264_SPS_SEPARATE_COLOUR_PLANE	0x01
#define VDEC_H264_SPS_QPPRIME_Y_ZERO_BYPASS	0x02
#define VDEC_H264_SPS_DELTA_POC_ALWAYS_ZERO	0x04
#define VDEC_H264_SPS_GAPS_IN_FRAME_NUM		0x08
#define VDEC_H264_SPS_FRAME_MBS_ONLY		0x10
#define VDEC_H264_SPS_MB_ADAPTIVE_FRAME_FIELD	0x20
#define VDEC_H264_SPS_DIRECT_8X8_INFERENCE	0x40

/* pps.flags: the V4L2_H264_PPS_FLAG_* bit layout */
#define VDEC_H264_PPS_ENTROPY_CODING_MODE	0x0001
#define VDEC_H264_PPS_BOTTOM_FIELD_POC_PRESENT	0x0002
#define VDEC_H264_PPS_WEIGHTED_PRED		0x0004
#define VDEC_H264_PPS_DEBLOCKING_CONTROL	0x0008
#define VDEC_H264_PPS_CONSTRAINED_INTRA_PRED	0x0010
#define VDEC_H264_PPS_REDUNDANT_PIC_CNT_PRESENT	0x0020
#define VDEC_H264_PPS_TRANSFORM_8X8_MODE	0x0040
#define VDEC_H264_PPS_SCALING_MATRIX_PRESENT	0x0080

/* dpb[].flags: the V4L2_H264_DPB_ENTRY_FLAG_* bit layout */
#define VDEC_H264_DPB_VALID			0x01
#define VDEC_H264_DPB_ACTIVE			0x02
#define VDEC_H264_DPB_LONG_TERM			0x04
#define VDEC_H264_DPB_FIELD			0x08

/* flags: the V4L2_H264_DECODE_PARAM_FLAG_* bit layout */
#define VDEC_H264_DEC_IDR_PIC			0x01
#define VDEC_H264_DEC_FIELD_PIC			0x02
#define VDEC_H264_DEC_BOTTOM_FIELD		0x04

/**
 * struct vdec_h264_sps - the sequence parameter set fields the core uses
 *	(V4L2_CID_STATELESS_H264_SPS)
 * @profile_idc: as coded
 * @chroma_format_idc: 1 (4:2:0) is the only one decoded
 * @bit_depth_luma_minus8: 0 is the only one decoded
 * @bit_depth_chroma_minus8: 0 is the only one decoded
 * @log2_max_frame_num_minus4: as coded (0..12)
 * @pic_order_cnt_type: as coded (0..2)
 * @log2_max_pic_order_cnt_lsb_minus4: as coded (0..12)
 * @max_num_ref_frames: as coded
 * @pic_width_in_mbs_minus1: as coded
 * @pic_height_in_map_units_minus1: as coded
 * @flags: VDEC_H264_SPS_*
 */
struct vdec_h264_sps {
	u8 profile_idc;
	u8 chroma_format_idc;
	u8 bit_depth_luma_minus8;
	u8 bit_depth_chroma_minus8;
	u8 log2_max_frame_num_minus4;
	u8 pic_order_cnt_type;
	u8 log2_max_pic_order_cnt_lsb_minus4;
	u8 max_num_ref_frames;
	u16 pic_width_in_mbs_minus1;
	u16 pic_height_in_map_units_minus1;
	u32 flags;
};

/**
 * struct vdec_h264_pps - the picture parameter set
 *	(V4L2_CID_STATELESS_H264_PPS)
 * @pic_parameter_set_id: as coded
 * @num_slice_groups_minus1: 0 is the only one decoded
 * @num_ref_idx_l0_default_active_minus1: as coded (0..31)
 * @num_ref_idx_l1_default_active_minus1: as coded (0..31)
 * @weighted_bipred_idc: as coded (0..2)
 * @pic_init_qp_minus26: as coded
 * @pic_init_qs_minus26: as coded
 * @chroma_qp_index_offset: as coded
 * @second_chroma_qp_index_offset: as coded (chroma_qp_index_offset when
 *	the PPS has none)
 * @flags: VDEC_H264_PPS_*
 */
struct vdec_h264_pps {
	u8 pic_parameter_set_id;
	u8 num_slice_groups_minus1;
	u8 num_ref_idx_l0_default_active_minus1;
	u8 num_ref_idx_l1_default_active_minus1;
	u8 weighted_bipred_idc;
	s8 pic_init_qp_minus26;
	s8 pic_init_qs_minus26;
	s8 chroma_qp_index_offset;
	s8 second_chroma_qp_index_offset;
	u16 flags;
};

/**
 * struct vdec_h264_dpb_entry - a picture of the DPB
 *	(struct v4l2_h264_dpb_entry)
 * @frame_num: frame_num, or LongTermFrameIdx for a long-term reference
 * @top_field_order_cnt: the picture's TopFieldOrderCnt
 * @bottom_field_order_cnt: the picture's BottomFieldOrderCnt
 * @flags: VDEC_H264_DPB_*; only VDEC_H264_DPB_ACTIVE entries are references
 */
struct vdec_h264_dpb_entry {
	u16 frame_num;
	s32 top_field_order_cnt;
	s32 bottom_field_order_cnt;
	u32 flags;
};

/**
 * struct vdec_h264_params - one H.264 picture (frame-based decoding)
 * @sps: the active sequence parameter set
 * @pps: the active picture parameter set
 * @scaling_4x4: scaling lists in raster order: intra Y, Cb, Cr, inter Y,
 *	Cb, Cr (V4L2_CID_STATELESS_H264_SCALING_MATRIX); used when
 *	@pps.flags has VDEC_H264_PPS_SCALING_MATRIX_PRESENT, else flat
 * @scaling_8x8: 8x8 lists in raster order: intra Y, inter Y, (Cb, Cr
 *	for 4:4:4, not used)
 * @dpb: the decoded picture buffer (V4L2_CID_STATELESS_H264_DECODE_PARAMS)
 * @nal_ref_idc: of the picture's slices
 * @frame_num: of the picture
 * @top_field_order_cnt: the picture's TopFieldOrderCnt
 * @bottom_field_order_cnt: the picture's BottomFieldOrderCnt
 * @flags: VDEC_H264_DEC_*
 * @num_refs: entries in each of the initial reference lists
 * @ref_list_p: initial RefPicList0 of P slices, as @dpb indexes (what
 *	v4l2_h264_build_p_ref_list() builds)
 * @ref_list_b0: initial RefPicList0 of B slices (v4l2_h264_build_b_ref_lists())
 * @ref_list_b1: initial RefPicList1 of B slices
 * @annexb: the bitstream holds NAL units with Annex B start codes
 *	(V4L2_STATELESS_H264_START_CODE_ANNEX_B); else it is one NAL unit
 *	without a start code
 */
struct vdec_h264_params {
	struct vdec_h264_sps sps;
	struct vdec_h264_pps pps;
	u8 scaling_4x4[6][16];
	u8 scaling_8x8[6][64];
	struct vdec_h264_dpb_entry dpb[VDEC_H264_DPB_SIZE];
	u16 nal_ref_idc;
	u16 frame_num;
	s32 top_field_order_cnt;
	s32 bottom_field_order_cnt;
	u32 flags;
	u8 num_refs;
	u8 ref_list_p[VDEC_H264_LIST_LEN];
	u8 ref_list_b0[VDEC_H264_LIST_LEN];
	u8 ref_list_b1[VDEC_H264_LIST_LEN];
	bool annexb;
};

/**
 * struct vdec_h264_ref - a reference picture: what the DPB entry of the
 *	same index holds
 * @pic: its pixels (NULL: not available)
 * @mv: its motion data as vdec_h264_decode() wrote it through @out_mv
 *	(vdec_h264_mv_size() bytes; NULL: not available, direct prediction
 *	from it then fails)
 */
struct vdec_h264_ref {
	const struct vdec_pic *pic;
	const void *mv;
};

/**
 * vdec_h264_mv_size() - bytes of motion data a picture of that size needs
 * @width: picture width in pixels
 * @height: picture height in pixels
 */
u32 vdec_h264_mv_size(u32 width, u32 height);

/**
 * vdec_h264_decode() - decode all slices of one H.264 frame
 * @p: picture parameters
 * @bs: the picture's slice NAL units (Annex B, or one NAL unit, see
 *	&vdec_h264_params.annexb)
 * @len: bytes at @bs
 * @refs: VDEC_H264_DPB_SIZE entries, one per @p->dpb entry
 * @out: the decoded picture; DIV_ROUND_UP of its width and height by 16
 *	must be the SPS's size in macroblocks (cropping is the caller's)
 * @out_mv: the picture's motion data for later direct prediction,
 *	vdec_h264_mv_size() bytes (NULL: not kept)
 * @decoded: set to the number of macroblocks decoded
 *
 * Return: VDEC_OK or the reason the picture could not be decoded.
 */
enum vdec_status vdec_h264_decode(const struct vdec_h264_params *p,
				  const u8 *bs, u32 len,
				  const struct vdec_h264_ref *refs,
				  struct vdec_pic *out, void *out_mv,
				  u32 *decoded);

#endif /* _VDEC_CORE_H */
