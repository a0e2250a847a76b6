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

#endif /* _VDEC_CORE_CHECK_H */
