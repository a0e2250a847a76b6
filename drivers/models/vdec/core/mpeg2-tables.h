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
extern const struct mpeg2_code vdec_mpeg2_mba_codes[35];

/* Table B-2, macroblock_type in I pictures */
extern const struct mpeg2_code vdec_mpeg2_mbtype_i[2];

/* Table B-3, macroblock_type in P pictures */
extern const struct mpeg2_code vdec_mpeg2_mbtype_p[7];

/* Table B-4, macroblock_type in B pictures */
extern const struct mpeg2_code vdec_mpeg2_mbtype_b[11];

/* Table B-9, coded_block_pattern */
extern const struct mpeg2_code vdec_mpeg2_cbp_codes[64];

/* Table B-10, motion_code magnitude (a sign bit follows nonzero codes) */
extern const struct mpeg2_code vdec_mpeg2_mv_codes[17];

/* Table B-11, dmvector */
extern const struct mpeg2_code vdec_mpeg2_dmv_codes[3];

/* Table B-12, dct_dc_size_luminance */
extern const struct mpeg2_code vdec_mpeg2_dcl_codes[12];

/* Table B-13, dct_dc_size_chrominance */
extern const struct mpeg2_code vdec_mpeg2_dcc_codes[12];

/*
 * Codes of 12 bits and more, the same in Tables B-14 and B-15 (B-14's
 * other 12- and 13-bit codes are its own)
 */
extern const struct mpeg2_dct_code vdec_mpeg2_dct_common[70];

/* Table B-14, DCT coefficients table zero ("1 s" first code aside) */
extern const struct mpeg2_dct_code vdec_mpeg2_dct_b14[43];

/* Table B-15, DCT coefficients table one */
extern const struct mpeg2_dct_code vdec_mpeg2_dct_b15[43];

/* Figure 7-2 and 7-3: scan[alternate_scan][n] = raster position */
extern const u8 vdec_mpeg2_scan[2][64];

/* Table 7-6, quantiser_scale for q_scale_type 1 */
extern const u8 vdec_mpeg2_qscale_nonlinear[32];

#endif /* _VDEC_MPEG2_TABLES_H */
