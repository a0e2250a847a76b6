/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec decode core: 8x8 inverse DCT (integer, separable, IEEE
 * 1180-1990 accurate) and its output stages.
 */
#ifndef _VDEC_IDCT_H
#define _VDEC_IDCT_H

#include "vdec-core-shim.h"

/**
 * vdec_idct() - in-place 8x8 inverse DCT
 * @blk: 64 coefficients in raster order, each in [-2048, 2047]; replaced
 *	by the 64 spatial samples (not clipped)
 *
 * Meets the IEEE 1180-1990 accuracy limits; vdec_check_idct_ieee1180()
 * verifies it.
 */
void vdec_idct(s16 *blk);

/**
 * vdec_idct_put() - inverse DCT a block and store it as pixels
 * @blk: 64 coefficients in raster order (clobbered)
 * @dst: top left pixel
 * @stride: bytes from one line to the next
 * @step: bytes from one pixel to the next (1 luma, 2 interleaved chroma)
 */
void vdec_idct_put(s16 *blk, u8 *dst, int stride, int step);

/**
 * vdec_idct_add() - inverse DCT a block and add it to pixels, clipping
 * @blk: 64 coefficients in raster order (clobbered)
 * @dst: top left pixel
 * @stride: bytes from one line to the next
 * @step: bytes from one pixel to the next (1 luma, 2 interleaved chroma)
 */
void vdec_idct_add(s16 *blk, u8 *dst, int stride, int step);

#endif /* _VDEC_IDCT_H */
