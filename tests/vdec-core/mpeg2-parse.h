/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-side MPEG-2 video elementary stream parser: what a stateless
 * decoder's user (GStreamer) does before it calls the decoder. Walks the
 * stream, keeps the sequence state (header, extension, quantiser
 * matrices) and hands each picture's parameters and slices to a callback.
 * Header-only: unit tests link with the core only.
 */
#ifndef _MPEG2_PARSE_H
#define _MPEG2_PARSE_H

#include "vdec-core.h"

/* Table 7-? default intra matrix, zigzag (bitstream) order */
static const u8 mpeg2_default_intra_zz[64] = {
	8, 16, 16, 19, 16, 19, 22, 22, 22, 22, 22, 22, 26, 24, 26, 27,
	27, 27, 26, 26, 26, 26, 27, 27, 27, 29, 29, 29, 34, 34, 34, 29,
	29, 29, 27, 27, 29, 29, 32, 32, 34, 34, 37, 38, 37, 35, 35, 34,
	35, 38, 38, 40, 40, 40, 48, 48, 46, 46, 56, 56, 58, 69, 69, 83,
};

/**
 * struct mpeg2_pic_info - one coded picture found by mpeg2_parse()
 * @p: the decode parameters
 * @width: horizontal_size
 * @height: vertical_size
 * @slices: the picture's slices (first slice start code on)
 * @len: bytes at @slices
 * @temporal_reference: picture header's temporal_reference
 */
struct mpeg2_pic_info {
	struct vdec_mpeg2_params p;
	u32 width;
	u32 height;
	const u8 *slices;
	u32 len;
	u32 temporal_reference;
};

struct mpeg2_rd {
	const u8 *p;
	u32 len;
	u32 pos;	/* bit position */
};

static inline u32 mpeg2_rd_get(struct mpeg2_rd *r, int n)
{
	u32 v = 0;

	while (n--) {
		u32 byte = r->pos / 8 < r->len ? r->p[r->pos / 8] : 0;

		v = (v << 1) | ((byte >> (7 - r->pos % 8)) & 1);
		r->pos++;
	}
	return v;
}

static inline void mpeg2_rd_matrix(struct mpeg2_rd *r, u8 *m)
{
	int i;

	for (i = 0; i < 64; i++)
		m[i] = mpeg2_rd_get(r, 8);
}

/* Next start code at or after @i, or @len. */
static inline u32 mpeg2_next_sc(const u8 *b, u32 len, u32 i)
{
	for (; i + 3 < len; i++)
		if (!b[i] && !b[i + 1] && b[i + 2] == 1)
			return i;
	return len;
}

/**
 * mpeg2_parse() - walk an elementary stream, calling @cb per picture
 * @b: the stream
 * @len: bytes at @b
 * @cb: called with each picture, in decode order; nonzero stops the walk
 * @priv: passed to @cb
 *
 * Return: the number of pictures, or -1 when @cb stopped the walk.
 */
static inline int mpeg2_parse(const u8 *b, u32 len,
			      int (*cb)(void *priv,
					const struct mpeg2_pic_info *pi),
			      void *priv)
{
	struct mpeg2_pic_info pi;
	struct mpeg2_rd r;
	u32 i = mpeg2_next_sc(b, len, 0);
	int n = 0, k;
	bool have_pic = false;

	memset(&pi, 0, sizeof(pi));
	pi.p.chroma_format = 1;
	pi.p.picture_structure = 3;
	while (i < len) {
		u32 code = b[i + 3], next = mpeg2_next_sc(b, len, i + 4);

		r.p = b + i + 4;
		r.len = next - i - 4;
		r.pos = 0;
		if (code == 0xb3) {
			pi.width = mpeg2_rd_get(&r, 12);
			pi.height = mpeg2_rd_get(&r, 12);
			mpeg2_rd_get(&r, 4 + 4 + 18 + 1 + 10 + 1);
			if (mpeg2_rd_get(&r, 1))
				mpeg2_rd_matrix(&r, pi.p.qm[0]);
			else
				memcpy(pi.p.qm[0], mpeg2_default_intra_zz, 64);
			if (mpeg2_rd_get(&r, 1))
				mpeg2_rd_matrix(&r, pi.p.qm[1]);
			else
				memset(pi.p.qm[1], 16, 64);
			memcpy(pi.p.qm[2], pi.p.qm[0], 64);
			memcpy(pi.p.qm[3], pi.p.qm[1], 64);
		} else if (code == 0xb5) {
			int id = mpeg2_rd_get(&r, 4);

			if (id == 1) {
				mpeg2_rd_get(&r, 8);
				pi.p.progressive_sequence = mpeg2_rd_get(&r, 1);
				pi.p.chroma_format = mpeg2_rd_get(&r, 2);
				pi.width |= mpeg2_rd_get(&r, 2) << 12;
				pi.height |= mpeg2_rd_get(&r, 2) << 12;
			} else if (id == 3) {
				for (k = 0; k < 4; k++)
					if (mpeg2_rd_get(&r, 1))
						mpeg2_rd_matrix(&r, pi.p.qm[k]);
			} else if (id == 8) {
				pi.p.f_code[0][0] = mpeg2_rd_get(&r, 4);
				pi.p.f_code[0][1] = mpeg2_rd_get(&r, 4);
				pi.p.f_code[1][0] = mpeg2_rd_get(&r, 4);
				pi.p.f_code[1][1] = mpeg2_rd_get(&r, 4);
				pi.p.intra_dc_precision = mpeg2_rd_get(&r, 2);
				pi.p.picture_structure = mpeg2_rd_get(&r, 2);
				pi.p.top_field_first = mpeg2_rd_get(&r, 1);
				pi.p.frame_pred_frame_dct = mpeg2_rd_get(&r, 1);
				pi.p.concealment_motion_vectors =
					mpeg2_rd_get(&r, 1);
				pi.p.q_scale_type = mpeg2_rd_get(&r, 1);
				pi.p.intra_vlc_format = mpeg2_rd_get(&r, 1);
				pi.p.alternate_scan = mpeg2_rd_get(&r, 1);
			}
		} else if (code == 0x00) {
			pi.temporal_reference = mpeg2_rd_get(&r, 10);
			pi.p.picture_coding_type = mpeg2_rd_get(&r, 3);
			have_pic = true;
			pi.slices = NULL;
		} else if (code >= 0x01 && code <= 0xaf && have_pic) {
			u32 end = next;

			/* the slices run up to the next non-slice start code */
			while (end < len && b[end + 3] >= 0x01 &&
			       b[end + 3] <= 0xaf)
				end = mpeg2_next_sc(b, len, end + 4);
			pi.slices = b + i;
			pi.len = end - i;
			n++;
			if (cb(priv, &pi))
				return -1;
			have_pic = false;
			next = end;
		}
		i = next;
	}
	return n;
}

#endif /* _MPEG2_PARSE_H */
