/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec decode core: MPEG-2 video tables (ISO/IEC 13818-2 Annex B and
 * clause 7): variable length codes as listed in the standard, scans,
 * default quantiser matrices.
 */
#ifndef _VDEC_MPEG2_TABLES_H
#define _VDEC_MPEG2_TABLES_H

#include "vdec-core-shim.h"

/* A code of the standard: @len bits, value @code, meaning @sym. */
struct mpeg2_code {
	u16 code;
	u8 len;
	s8 sym;
};

/* A DCT coefficient code without its sign bit; run 64 EOB, 65 escape. */
struct mpeg2_dct_code {
	u16 code;
	u8 len;
	u8 run;
	u8 level;
};

#define MPEG2_RUN_EOB	64
#define MPEG2_RUN_ESC	65

/* macroblock_type bits */
#define MB_QUANT	0x01
#define MB_MF		0x02
#define MB_MB		0x04
#define MB_PATTERN	0x08
#define MB_INTRA	0x10

/* Table B-1, macroblock_address_increment; 34 escape, 35 stuffing. */
static const struct mpeg2_code mpeg2_mba_codes[] = {
	{ 0x1, 1, 1 }, { 0x3, 3, 2 }, { 0x2, 3, 3 }, { 0x3, 4, 4 },
	{ 0x2, 4, 5 }, { 0x3, 5, 6 }, { 0x2, 5, 7 }, { 0x7, 7, 8 },
	{ 0x6, 7, 9 }, { 0xb, 8, 10 }, { 0xa, 8, 11 }, { 0x9, 8, 12 },
	{ 0x8, 8, 13 }, { 0x7, 8, 14 }, { 0x6, 8, 15 }, { 0x17, 10, 16 },
	{ 0x16, 10, 17 }, { 0x15, 10, 18 }, { 0x14, 10, 19 },
	{ 0x13, 10, 20 }, { 0x12, 10, 21 }, { 0x23, 11, 22 },
	{ 0x22, 11, 23 }, { 0x21, 11, 24 }, { 0x20, 11, 25 },
	{ 0x1f, 11, 26 }, { 0x1e, 11, 27 }, { 0x1d, 11, 28 },
	{ 0x1c, 11, 29 }, { 0x1b, 11, 30 }, { 0x1a, 11, 31 },
	{ 0x19, 11, 32 }, { 0x18, 11, 33 }, { 0x08, 11, 34 },
	{ 0x0f, 11, 35 },
};

/* Table B-2, macroblock_type in I pictures */
static const struct mpeg2_code mpeg2_mbtype_i[] = {
	{ 0x1, 1, MB_INTRA }, { 0x1, 2, MB_INTRA | MB_QUANT },
};

/* Table B-3, macroblock_type in P pictures */
static const struct mpeg2_code mpeg2_mbtype_p[] = {
	{ 0x1, 1, MB_MF | MB_PATTERN },
	{ 0x1, 2, MB_PATTERN },
	{ 0x1, 3, MB_MF },
	{ 0x3, 5, MB_INTRA },
	{ 0x2, 5, MB_MF | MB_PATTERN | MB_QUANT },
	{ 0x1, 5, MB_PATTERN | MB_QUANT },
	{ 0x1, 6, MB_INTRA | MB_QUANT },
};

/* Table B-4, macroblock_type in B pictures */
static const struct mpeg2_code mpeg2_mbtype_b[] = {
	{ 0x2, 2, MB_MF | MB_MB },
	{ 0x3, 2, MB_MF | MB_MB | MB_PATTERN },
	{ 0x2, 3, MB_MB },
	{ 0x3, 3, MB_MB | MB_PATTERN },
	{ 0x2, 4, MB_MF },
	{ 0x3, 4, MB_MF | MB_PATTERN },
	{ 0x3, 5, MB_INTRA },
	{ 0x2, 5, MB_MF | MB_MB | MB_PATTERN | MB_QUANT },
	{ 0x3, 6, MB_MF | MB_PATTERN | MB_QUANT },
	{ 0x2, 6, MB_MB | MB_PATTERN | MB_QUANT },
	{ 0x1, 6, MB_INTRA | MB_QUANT },
};

/* Table B-9, coded_block_pattern */
static const struct mpeg2_code mpeg2_cbp_codes[] = {
	{ 0x7, 3, 60 }, { 0xd, 4, 4 }, { 0xc, 4, 8 }, { 0xb, 4, 16 },
	{ 0xa, 4, 32 }, { 0x13, 5, 12 }, { 0x12, 5, 48 }, { 0x11, 5, 20 },
	{ 0x10, 5, 40 }, { 0xf, 5, 28 }, { 0xe, 5, 44 }, { 0xd, 5, 52 },
	{ 0xc, 5, 56 }, { 0xb, 5, 1 }, { 0xa, 5, 61 }, { 0x9, 5, 2 },
	{ 0x8, 5, 62 }, { 0xf, 6, 24 }, { 0xe, 6, 36 }, { 0xd, 6, 3 },
	{ 0xc, 6, 63 }, { 0x17, 7, 5 }, { 0x16, 7, 9 }, { 0x15, 7, 17 },
	{ 0x14, 7, 33 }, { 0x13, 7, 6 }, { 0x12, 7, 10 }, { 0x11, 7, 18 },
	{ 0x10, 7, 34 }, { 0x1f, 8, 7 }, { 0x1e, 8, 11 }, { 0x1d, 8, 19 },
	{ 0x1c, 8, 35 }, { 0x1b, 8, 13 }, { 0x1a, 8, 49 }, { 0x19, 8, 21 },
	{ 0x18, 8, 41 }, { 0x17, 8, 14 }, { 0x16, 8, 50 }, { 0x15, 8, 22 },
	{ 0x14, 8, 42 }, { 0x13, 8, 15 }, { 0x12, 8, 51 }, { 0x11, 8, 23 },
	{ 0x10, 8, 43 }, { 0xf, 8, 25 }, { 0xe, 8, 37 }, { 0xd, 8, 26 },
	{ 0xc, 8, 38 }, { 0xb, 8, 29 }, { 0xa, 8, 45 }, { 0x9, 8, 53 },
	{ 0x8, 8, 57 }, { 0x7, 8, 30 }, { 0x6, 8, 46 }, { 0x5, 8, 54 },
	{ 0x4, 8, 58 }, { 0x7, 9, 31 }, { 0x6, 9, 47 }, { 0x5, 9, 55 },
	{ 0x4, 9, 59 }, { 0x3, 9, 27 }, { 0x2, 9, 39 }, { 0x1, 9, 0 },
};

/* Table B-10, motion_code magnitude (a sign bit follows nonzero codes) */
static const struct mpeg2_code mpeg2_mv_codes[] = {
	{ 0x1, 1, 0 }, { 0x1, 2, 1 }, { 0x1, 3, 2 }, { 0x1, 4, 3 },
	{ 0x3, 6, 4 }, { 0x5, 7, 5 }, { 0x4, 7, 6 }, { 0x3, 7, 7 },
	{ 0xb, 9, 8 }, { 0xa, 9, 9 }, { 0x9, 9, 10 }, { 0x11, 10, 11 },
	{ 0x10, 10, 12 }, { 0xf, 10, 13 }, { 0xe, 10, 14 }, { 0xd, 10, 15 },
	{ 0xc, 10, 16 },
};

/* Table B-11, dmvector */
static const struct mpeg2_code mpeg2_dmv_codes[] = {
	{ 0x0, 1, 0 }, { 0x2, 2, 1 }, { 0x3, 2, -1 },
};

/* Table B-12, dct_dc_size_luminance */
static const struct mpeg2_code mpeg2_dcl_codes[] = {
	{ 0x4, 3, 0 }, { 0x0, 2, 1 }, { 0x1, 2, 2 }, { 0x5, 3, 3 },
	{ 0x6, 3, 4 }, { 0xe, 4, 5 }, { 0x1e, 5, 6 }, { 0x3e, 6, 7 },
	{ 0x7e, 7, 8 }, { 0xfe, 8, 9 }, { 0x1fe, 9, 10 }, { 0x1ff, 9, 11 },
};

/* Table B-13, dct_dc_size_chrominance */
static const struct mpeg2_code mpeg2_dcc_codes[] = {
	{ 0x0, 2, 0 }, { 0x1, 2, 1 }, { 0x2, 2, 2 }, { 0x6, 3, 3 },
	{ 0xe, 4, 4 }, { 0x1e, 5, 5 }, { 0x3e, 6, 6 }, { 0x7e, 7, 7 },
	{ 0xfe, 8, 8 }, { 0x1fe, 9, 9 }, { 0x3fe, 10, 10 },
	{ 0x3ff, 10, 11 },
};

/*
 * Codes of 12 bits and more, the same in Tables B-14 and B-15 (B-14's
 * other 12- and 13-bit codes are its own)
 */
static const struct mpeg2_dct_code mpeg2_dct_common[] = {
	{ 0x1c, 12, 3, 3 }, { 0x12, 12, 4, 3 }, { 0x1e, 12, 6, 2 },
	{ 0x15, 12, 7, 2 }, { 0x11, 12, 8, 2 }, { 0x1f, 12, 17, 1 },
	{ 0x1a, 12, 18, 1 }, { 0x19, 12, 19, 1 }, { 0x17, 12, 20, 1 },
	{ 0x16, 12, 21, 1 }, { 0x16, 13, 1, 6 }, { 0x15, 13, 1, 7 },
	{ 0x14, 13, 2, 5 }, { 0x13, 13, 3, 4 }, { 0x12, 13, 5, 3 },
	{ 0x11, 13, 9, 2 }, { 0x10, 13, 10, 2 }, { 0x1f, 13, 22, 1 },
	{ 0x1e, 13, 23, 1 }, { 0x1d, 13, 24, 1 }, { 0x1c, 13, 25, 1 },
	{ 0x1b, 13, 26, 1 }, { 0x1f, 14, 0, 16 }, { 0x1e, 14, 0, 17 },
	{ 0x1d, 14, 0, 18 }, { 0x1c, 14, 0, 19 }, { 0x1b, 14, 0, 20 },
	{ 0x1a, 14, 0, 21 }, { 0x19, 14, 0, 22 }, { 0x18, 14, 0, 23 },
	{ 0x17, 14, 0, 24 }, { 0x16, 14, 0, 25 }, { 0x15, 14, 0, 26 },
	{ 0x14, 14, 0, 27 }, { 0x13, 14, 0, 28 }, { 0x12, 14, 0, 29 },
	{ 0x11, 14, 0, 30 }, { 0x10, 14, 0, 31 }, { 0x18, 15, 0, 32 },
	{ 0x17, 15, 0, 33 }, { 0x16, 15, 0, 34 }, { 0x15, 15, 0, 35 },
	{ 0x14, 15, 0, 36 }, { 0x13, 15, 0, 37 }, { 0x12, 15, 0, 38 },
	{ 0x11, 15, 0, 39 }, { 0x10, 15, 0, 40 }, { 0x1f, 15, 1, 8 },
	{ 0x1e, 15, 1, 9 }, { 0x1d, 15, 1, 10 }, { 0x1c, 15, 1, 11 },
	{ 0x1b, 15, 1, 12 }, { 0x1a, 15, 1, 13 }, { 0x19, 15, 1, 14 },
	{ 0x13, 16, 1, 15 }, { 0x12, 16, 1, 16 }, { 0x11, 16, 1, 17 },
	{ 0x10, 16, 1, 18 }, { 0x14, 16, 6, 3 }, { 0x1a, 16, 11, 2 },
	{ 0x19, 16, 12, 2 }, { 0x18, 16, 13, 2 }, { 0x17, 16, 14, 2 },
	{ 0x16, 16, 15, 2 }, { 0x15, 16, 16, 2 }, { 0x1f, 16, 27, 1 },
	{ 0x1e, 16, 28, 1 }, { 0x1d, 16, 29, 1 }, { 0x1c, 16, 30, 1 },
	{ 0x1b, 16, 31, 1 },
};

/* Table B-14, DCT coefficients table zero ("1 s" first code aside) */
static const struct mpeg2_dct_code mpeg2_dct_b14[] = {
	{ 0x2, 2, MPEG2_RUN_EOB, 0 }, { 0x3, 2, 0, 1 }, { 0x3, 3, 1, 1 },
	{ 0x4, 4, 0, 2 }, { 0x5, 4, 2, 1 }, { 0x5, 5, 0, 3 },
	{ 0x7, 5, 3, 1 }, { 0x6, 5, 4, 1 }, { 0x6, 6, 1, 2 },
	{ 0x7, 6, 5, 1 }, { 0x5, 6, 6, 1 }, { 0x4, 6, 7, 1 },
	{ 0x6, 7, 0, 4 }, { 0x4, 7, 2, 2 }, { 0x7, 7, 8, 1 },
	{ 0x5, 7, 9, 1 }, { 0x1, 6, MPEG2_RUN_ESC, 0 },
	{ 0x26, 8, 0, 5 }, { 0x21, 8, 0, 6 }, { 0x25, 8, 1, 3 },
	{ 0x24, 8, 3, 2 }, { 0x27, 8, 10, 1 }, { 0x23, 8, 11, 1 },
	{ 0x22, 8, 12, 1 }, { 0x20, 8, 13, 1 }, { 0xa, 10, 0, 7 },
	{ 0xc, 10, 1, 4 }, { 0xb, 10, 2, 3 }, { 0xf, 10, 4, 2 },
	{ 0x9, 10, 5, 2 }, { 0xe, 10, 14, 1 }, { 0xd, 10, 15, 1 },
	{ 0x8, 10, 16, 1 }, { 0x1d, 12, 0, 8 }, { 0x18, 12, 0, 9 },
	{ 0x13, 12, 0, 10 }, { 0x10, 12, 0, 11 }, { 0x1b, 12, 1, 5 },
	{ 0x14, 12, 2, 4 }, { 0x1a, 13, 0, 12 }, { 0x19, 13, 0, 13 },
	{ 0x18, 13, 0, 14 }, { 0x17, 13, 0, 15 },
};

/* Table B-15, DCT coefficients table one */
static const struct mpeg2_dct_code mpeg2_dct_b15[] = {
	{ 0x6, 4, MPEG2_RUN_EOB, 0 }, { 0x2, 2, 0, 1 }, { 0x2, 3, 1, 1 },
	{ 0x6, 3, 0, 2 }, { 0x5, 5, 2, 1 }, { 0x7, 4, 0, 3 },
	{ 0x7, 5, 3, 1 }, { 0x6, 6, 4, 1 }, { 0x6, 5, 1, 2 },
	{ 0x7, 6, 5, 1 }, { 0x6, 7, 6, 1 }, { 0x4, 7, 7, 1 },
	{ 0x1c, 5, 0, 4 }, { 0x7, 7, 2, 2 }, { 0x5, 7, 8, 1 },
	{ 0x78, 7, 9, 1 }, { 0x1, 6, MPEG2_RUN_ESC, 0 },
	{ 0x1d, 5, 0, 5 }, { 0x5, 6, 0, 6 }, { 0x79, 7, 1, 3 },
	{ 0x26, 8, 3, 2 }, { 0x7a, 7, 10, 1 }, { 0x21, 8, 11, 1 },
	{ 0x25, 8, 12, 1 }, { 0x24, 8, 13, 1 }, { 0x4, 6, 0, 7 },
	{ 0x27, 8, 1, 4 }, { 0xfc, 8, 2, 3 }, { 0xfd, 8, 4, 2 },
	{ 0x4, 9, 5, 2 }, { 0x5, 9, 14, 1 }, { 0x7, 9, 15, 1 },
	{ 0xd, 10, 16, 1 }, { 0x7b, 7, 0, 8 }, { 0x7c, 7, 0, 9 },
	{ 0x23, 8, 0, 10 }, { 0x22, 8, 0, 11 }, { 0x20, 8, 1, 5 },
	{ 0xc, 10, 2, 4 }, { 0xfa, 8, 0, 12 }, { 0xfb, 8, 0, 13 },
	{ 0xfe, 8, 0, 14 }, { 0xff, 8, 0, 15 },
};

/* Figure 7-2 and 7-3: scan[alternate_scan][n] = raster position */
static const u8 mpeg2_scan[2][64] = {
	{
		0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
		12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
		35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
		58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
	}, {
		0, 8, 16, 24, 1, 9, 2, 10, 17, 25, 32, 40, 48, 56, 57, 49,
		41, 33, 26, 18, 3, 11, 4, 12, 19, 27, 34, 42, 50, 58, 35, 43,
		51, 59, 20, 28, 5, 13, 6, 14, 21, 29, 36, 44, 52, 60, 37, 45,
		53, 61, 22, 30, 7, 15, 23, 31, 38, 46, 54, 62, 39, 47, 55, 63,
	},
};

/* Table 7-6, quantiser_scale for q_scale_type 1 */
static const u8 mpeg2_qscale_nonlinear[32] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 18, 20, 22,
	24, 28, 32, 36, 40, 44, 48, 52, 56, 64, 72, 80, 88, 96, 104, 112,
};

#endif /* _VDEC_MPEG2_TABLES_H */
