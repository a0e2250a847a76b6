/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec decode core: self-checks, callable from a host unit test and
 * from a KUnit suite. Each returns its number of failures and, when @msg
 * is not NULL, writes a one-line summary (or the first failure) there.
 */
#ifndef _VDEC_CORE_CHECK_H
#define _VDEC_CORE_CHECK_H

#include "vdec-core-shim.h"

/**
 * vdec_check_idct_ieee1180() - IEEE 1180-1990 accuracy test of vdec_idct()
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * The 1180 procedure with a 64-bit fixed-point reference (forward and
 * inverse DCT, no floating point): 10000 random blocks for each of the
 * ranges [-256, 255], [-5, 5], [-300, 300], each also sign-flipped;
 * peak error, per-pixel and overall mean and mean square error limits,
 * and zero in gives zero out.
 *
 * Return: number of limits exceeded.
 */
int vdec_check_idct_ieee1180(char *msg, size_t len);

/**
 * vdec_check_bits() - bit reader check (reads, skips, end of buffer)
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * Return: number of failures.
 */
int vdec_check_bits(char *msg, size_t len);

/**
 * vdec_check_mpeg2_mc() - MPEG-2 motion compensation edge cases
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * Decodes synthetic P and B pictures whose motion vectors point far
 * outside the picture and at half-pel positions on its borders, checks
 * the result against a direct computation of the clamped prediction and
 * that nothing outside the output planes was written.
 *
 * Return: number of failures.
 */
int vdec_check_mpeg2_mc(char *msg, size_t len);

/**
 * vdec_check_vp8_bool() - VP8 boolean decoder against a boolean encoder
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * The encoder of RFC 6386 7.3 encodes runs of bools with random, 1, 128
 * and 255 probabilities and literals of 1..32 bits; the decoder must
 * return each, report no overrun at the end of the data, then read past
 * the end of its exactly sized buffer without leaving it and report the
 * overrun; an empty buffer reads zeros.
 *
 * Return: number of failures.
 */
int vdec_check_vp8_bool(char *msg, size_t len);

/**
 * vdec_check_vp8_transforms() - VP8 inverse DCT (also DC only) and WHT
 *	against the RFC 6386 14.3 / 14.4 equations
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * Return: number of blocks wrong.
 */
int vdec_check_vp8_transforms(char *msg, size_t len);

/**
 * vdec_check_vp8_pred() - VP8 intra prediction at the frame's edges
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * Every macroblock of a 3x3 frame: the 127 / 129 borders, the above-right
 * pixels beyond the frame and of the right subblock column, 16x16,
 * chroma and B_PRED (DC, TM, VE, LD) prediction against RFC 6386 12.
 *
 * Return: number of failures.
 */
int vdec_check_vp8_pred(char *msg, size_t len);

/**
 * vdec_check_vp8_loop_filter() - VP8 simple and normal loop filter
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * Random blocky frames, filter levels (0 included, per frame and per
 * macroblock), sharpness and key / inter frames (hev thresholds), against
 * a direct computation of RFC 6386 15; fails too when nothing was filtered.
 *
 * Return: number of frames wrong.
 */
int vdec_check_vp8_loop_filter(char *msg, size_t len);

/**
 * vdec_check_h264_cabac() - H.264 CABAC engine against a CABAC encoder
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * The encoder of 9.3.4.2 (EncodeDecision, EncodeBypass, EncodeTerminate,
 * RenormE, PutBit, EncodeFlush), starting from the context initialisation
 * of 9.3.1.1 (checked against the core's) with some contexts set to random
 * states 0..62 of either MPS, encodes random decision, bypass and
 * terminate bins, mostly-MPS and mostly-LPS runs, then end_of_slice_flag;
 * the core decodes every bin, ends on rbsp_stop_one_bit with the same
 * context states. Also empty slices and Table 9-45.
 *
 * Return: number of failures.
 */
int vdec_check_h264_cabac(char *msg, size_t len);

/**
 * vdec_check_h264_transforms() - H.264 4x4 (luma and interleaved chroma)
 *	and 8x8 inverse transforms, luma DC and chroma DC transforms with
 *	their scaling, against the equations of 8.5.10 - 8.5.13
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * Return: number of blocks wrong.
 */
int vdec_check_h264_transforms(char *msg, size_t len);

/**
 * vdec_check_h264_pred() - H.264 intra prediction with neighbours
 *	unavailable
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * Every macroblock of a 3x3 picture with random slices, intra / inter
 * neighbours and constrained_intra_pred: Intra_4x4 and Intra_8x8 modes
 * 0..3 (with the 8x8 reference sample filtering, top-right substitution),
 * Intra_16x16 and chroma modes, against 8.3.
 *
 * Return: number of failures.
 */
int vdec_check_h264_pred(char *msg, size_t len);

/**
 * vdec_check_h264_deblock() - H.264 luma and chroma edge filters
 * @msg: buffer for a summary line, or NULL
 * @len: size of @msg
 *
 * Random edges, bS 0..4, qPav 0..51 with filter offsets (alpha 0 when
 * indexA < 16), against 8.7.2.3 / 8.7.2.4 and Tables 8-16 / 8-17; fails
 * too when weak (clipped), strong and chroma filtering were not all seen.
 *
 * Return: number of failures.
 */
int vdec_check_h264_deblock(char *msg, size_t len);

#endif /* _VDEC_CORE_CHECK_H */
