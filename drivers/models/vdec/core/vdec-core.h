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

#endif /* _VDEC_CORE_H */
