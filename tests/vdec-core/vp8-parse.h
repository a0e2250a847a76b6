/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What userspace does before calling a stateless VP8 decoder: an IVF
 * reader and a VP8 frame header parser (RFC 6386 9, 19.2) filling
 * struct vdec_vp8_params the way GStreamer's VP8 parser fills the V4L2
 * VP8_FRAME control, with the state kept from frame to frame
 * (probabilities, segmentation, loop filter deltas, segment map), and
 * the reference bookkeeping (last, golden, altref: refresh and copy
 * flags).
 */
#ifndef _VP8_PARSE_H
#define _VP8_PARSE_H

#include "vdec-core.h"
#include "vp8-probs.h"

/* IVF: 32-byte file header, then 12-byte frame headers */
struct ivf {
	const u8 *buf;
	u32 len;
	u32 pos;
	u32 width;
	u32 height;
};

static inline u32 ivf_rd32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static inline bool ivf_open(struct ivf *f, const u8 *buf, u32 len)
{
	if (len < 32 || memcmp(buf, "DKIF", 4) || memcmp(buf + 8, "VP80", 4))
		return false;
	f->buf = buf;
	f->len = len;
	f->pos = buf[6] | buf[7] << 8;
	f->width = buf[12] | buf[13] << 8;
	f->height = buf[14] | buf[15] << 8;
	return f->pos <= len;
}

/* The next frame, or NULL at the end */
static inline const u8 *ivf_next(struct ivf *f, u32 *size)
{
	u32 n;

	if (f->len - f->pos < 12)
		return NULL;
	n = ivf_rd32(f->buf + f->pos);
	if (n > f->len - f->pos - 12)
		return NULL;
	f->pos += 12 + n;
	*size = n;
	return f->buf + f->pos - n;
}

/* The RFC 6386 7.3 bool decoder, counting the bits it shifts */
struct vp8p_bool {
	const u8 *buf;
	u32 len;
	u32 pos;
	u32 value;
	u32 range;
	int bit_count;
	u32 shifts;
};

static inline u32 vp8p_byte(struct vp8p_bool *d)
{
	return d->pos < d->len ? d->buf[d->pos++] : (d->pos++, 0);
}

static inline void vp8p_init(struct vp8p_bool *d, const u8 *buf, u32 len)
{
	d->buf = buf;
	d->len = len;
	d->pos = 0;
	d->value = vp8p_byte(d) << 8;
	d->value |= vp8p_byte(d);
	d->range = 255;
	d->bit_count = 0;
	d->shifts = 0;
}

static inline int vp8p_read(struct vp8p_bool *d, int prob)
{
	u32 split = 1 + (((d->range - 1) * prob) >> 8);
	int bit = 0;

	if (d->value >= split << 8) {
		bit = 1;
		d->range -= split;
		d->value -= split << 8;
	} else {
		d->range = split;
	}
	while (d->range < 128) {
		d->value <<= 1;
		d->range <<= 1;
		d->shifts++;
		if (++d->bit_count == 8) {
			d->bit_count = 0;
			d->value |= vp8p_byte(d);
		}
	}
	return bit;
}

static inline u32 vp8p_lit(struct vp8p_bool *d, int n)
{
	u32 v = 0;

	while (n--)
		v = v << 1 | vp8p_read(d, 128);
	return v;
}

static inline int vp8p_signed(struct vp8p_bool *d, int n)
{
	int v = vp8p_lit(d, n);

	return vp8p_read(d, 128) ? -v : v;
}

static const u8 vp8p_mv_update_probs[2][19] = {
	{ 237, 246, 253, 253, 254, 254, 254, 254, 254, 254, 254, 254, 254,
	  254, 250, 250, 252, 254, 254 },
	{ 231, 243, 245, 253, 254, 254, 254, 254, 254, 254, 254, 254, 254,
	  254, 251, 251, 254, 254, 254 },
};

static const u8 vp8p_default_mv_probs[2][19] = {
	{ 162, 128, 225, 146, 172, 147, 214, 39, 156, 128, 129, 132, 75, 145,
	  178, 206, 239, 254, 254 },
	{ 164, 128, 204, 170, 119, 235, 140, 230, 228, 128, 130, 130, 74, 148,
	  180, 203, 236, 254, 254 },
};

/* Reference copy sources (copy_buffer_to_golden / _alternate) */
enum { VP8P_COPY_NONE, VP8P_COPY_LAST, VP8P_COPY_OTHER };

/**
 * struct vp8_parser - what a VP8 parser keeps from frame to frame
 * @p: the parameters of the last frame parsed
 * @saved: entropy to restore after a frame with refresh_entropy_probs 0
 * @restore: @saved is to be restored before the next frame
 * @seg_map: the segment map the decoder keeps (@p.seg_map points here)
 * @width: stream size, from the last key frame
 * @height: see @width
 * @refresh_golden: the last frame's refresh_golden_frame
 * @refresh_alt: refresh_alternate_frame
 * @refresh_last: refresh_last
 * @copy_golden: copy_buffer_to_golden (VP8P_COPY_OTHER: from altref)
 * @copy_alt: copy_buffer_to_alternate (VP8P_COPY_OTHER: from golden)
 * @show: show_frame
 * @have_key: a key frame was parsed
 */
struct vp8_parser {
	struct vdec_vp8_params p;
	struct vdec_vp8_entropy saved;
	bool restore;
	u8 *seg_map;
	u32 width;
	u32 height;
	bool refresh_golden;
	bool refresh_alt;
	bool refresh_last;
	int copy_golden;
	int copy_alt;
	bool show;
	bool have_key;
};

static inline void vp8p_free(struct vp8_parser *ps)
{
	free(ps->seg_map);
	ps->seg_map = NULL;
}

static inline void vp8p_key_reset(struct vp8_parser *ps)
{
	struct vdec_vp8_params *p = &ps->p;
	static const u8 ymode[4] = { 112, 86, 140, 37 };
	static const u8 uvmode[3] = { 162, 101, 204 };

	memcpy(p->entropy.coeff_probs, vp8_default_coeff_probs,
	       sizeof(p->entropy.coeff_probs));
	memcpy(p->entropy.y_mode_probs, ymode, 4);
	memcpy(p->entropy.uv_mode_probs, uvmode, 3);
	memcpy(p->entropy.mv_probs, vp8p_default_mv_probs,
	       sizeof(p->entropy.mv_probs));
	memset(&p->seg, 0, sizeof(p->seg));
	p->seg.flags = VDEC_VP8_SEG_DELTA_MODE;
	memset(p->lf.ref_delta, 0, 4);
	memset(p->lf.mode_delta, 0, 4);
}

static inline void vp8p_segmentation(struct vp8_parser *ps,
				     struct vp8p_bool *d)
{
	struct vdec_vp8_segment *s = &ps->p.seg;
	int i;

	s->flags &= VDEC_VP8_SEG_DELTA_MODE;
	if (!vp8p_read(d, 128))
		return;
	s->flags |= VDEC_VP8_SEG_ENABLED;
	if (vp8p_read(d, 128))
		s->flags |= VDEC_VP8_SEG_UPDATE_MAP;
	if (vp8p_read(d, 128)) {
		s->flags |= VDEC_VP8_SEG_UPDATE_DATA;
		s->flags &= ~VDEC_VP8_SEG_DELTA_MODE;
		if (!vp8p_read(d, 128))
			s->flags |= VDEC_VP8_SEG_DELTA_MODE;
		for (i = 0; i < 4; i++)
			s->quant[i] = vp8p_read(d, 128) ? vp8p_signed(d, 7) : 0;
		for (i = 0; i < 4; i++)
			s->lf[i] = vp8p_read(d, 128) ? vp8p_signed(d, 6) : 0;
	}
	if (s->flags & VDEC_VP8_SEG_UPDATE_MAP)
		for (i = 0; i < 3; i++)
			s->probs[i] = vp8p_read(d, 128) ? vp8p_lit(d, 8) : 255;
}

static inline void vp8p_loop_filter(struct vp8_parser *ps,
				    struct vp8p_bool *d)
{
	struct vdec_vp8_loop_filter *lf = &ps->p.lf;
	int i;

	lf->flags = vp8p_read(d, 128) ? VDEC_VP8_LF_SIMPLE : 0;
	lf->level = vp8p_lit(d, 6);
	lf->sharpness = vp8p_lit(d, 3);
	if (!vp8p_read(d, 128))
		return;
	lf->flags |= VDEC_VP8_LF_ADJ_ENABLE;
	if (!vp8p_read(d, 128))
		return;
	lf->flags |= VDEC_VP8_LF_DELTA_UPDATE;
	for (i = 0; i < 4; i++)
		if (vp8p_read(d, 128))
			lf->ref_delta[i] = vp8p_signed(d, 6);
	for (i = 0; i < 4; i++)
		if (vp8p_read(d, 128))
			lf->mode_delta[i] = vp8p_signed(d, 6);
}

static inline void vp8p_quant(struct vp8_parser *ps, struct vp8p_bool *d)
{
	struct vdec_vp8_quant *q = &ps->p.quant;
	s8 *delta[5] = { &q->y_dc_delta, &q->y2_dc_delta, &q->y2_ac_delta,
			 &q->uv_dc_delta, &q->uv_ac_delta };
	int i;

	q->y_ac_qi = vp8p_lit(d, 7);
	for (i = 0; i < 5; i++)
		*delta[i] = vp8p_read(d, 128) ? vp8p_signed(d, 4) : 0;
}

static inline void vp8p_probs(struct vp8_parser *ps, struct vp8p_bool *d,
			      bool key)
{
	struct vdec_vp8_params *p = &ps->p;
	int i, j, k, t;

	for (i = 0; i < 4; i++)
		for (j = 0; j < 8; j++)
			for (k = 0; k < 3; k++)
				for (t = 0; t < 11; t++)
					if (vp8p_read(d, vp8_coeff_update_probs[i][j][k][t]))
						p->entropy.coeff_probs[i][j][k][t] =
							vp8p_lit(d, 8);
	p->flags &= ~(u64)VDEC_VP8_FL_MB_NO_SKIP_COEFF;
	p->prob_skip_false = 0;
	if (vp8p_read(d, 128)) {
		p->flags |= VDEC_VP8_FL_MB_NO_SKIP_COEFF;
		p->prob_skip_false = vp8p_lit(d, 8);
	}
	if (key)
		return;
	p->prob_intra = vp8p_lit(d, 8);
	p->prob_last = vp8p_lit(d, 8);
	p->prob_gf = vp8p_lit(d, 8);
	if (vp8p_read(d, 128))
		for (i = 0; i < 4; i++)
			p->entropy.y_mode_probs[i] = vp8p_lit(d, 8);
	if (vp8p_read(d, 128))
		for (i = 0; i < 3; i++)
			p->entropy.uv_mode_probs[i] = vp8p_lit(d, 8);
	for (i = 0; i < 2; i++)
		for (j = 0; j < 19; j++)
			if (vp8p_read(d, vp8p_mv_update_probs[i][j])) {
				t = vp8p_lit(d, 7);
				p->entropy.mv_probs[i][j] = t ? t << 1 : 1;
			}
}

/* Reference flags of an inter frame (RFC 6386 9.7, 9.8) */
static inline void vp8p_refs(struct vp8_parser *ps, struct vp8p_bool *d)
{
	struct vdec_vp8_params *p = &ps->p;

	ps->refresh_golden = vp8p_read(d, 128);
	ps->refresh_alt = vp8p_read(d, 128);
	ps->copy_golden = ps->refresh_golden ? 0 : vp8p_lit(d, 2);
	ps->copy_alt = ps->refresh_alt ? 0 : vp8p_lit(d, 2);
	p->flags &= ~(u64)(VDEC_VP8_FL_SIGN_BIAS_GOLDEN |
			   VDEC_VP8_FL_SIGN_BIAS_ALT);
	if (vp8p_read(d, 128))
		p->flags |= VDEC_VP8_FL_SIGN_BIAS_GOLDEN;
	if (vp8p_read(d, 128))
		p->flags |= VDEC_VP8_FL_SIGN_BIAS_ALT;
}

/* The frame tag and, for key frames, the start code and size */
static inline int vp8p_tag(struct vp8_parser *ps, const u8 *buf, u32 len,
			   bool *key)
{
	struct vdec_vp8_params *p = &ps->p;
	u32 tag;

	if (len < 3)
		return -1;
	tag = buf[0] | buf[1] << 8 | buf[2] << 16;
	*key = !(tag & 1);
	p->version = (tag >> 1) & 7;
	ps->show = (tag >> 4) & 1;
	p->first_part_size = tag >> 5;
	if (*key) {
		if (len < 10 || buf[3] != 0x9d || buf[4] != 0x01 ||
		    buf[5] != 0x2a)
			return -1;
		ps->width = (buf[6] | buf[7] << 8) & 0x3fff;
		ps->height = (buf[8] | buf[9] << 8) & 0x3fff;
		if (!ps->width || !ps->height)
			return -1;
		ps->have_key = true;
	} else if (!ps->have_key) {
		return -1;
	}
	return *key ? 10 : 3;
}

/* DCT partition sizes (RFC 6386 9.5) */
static inline int vp8p_parts(struct vp8_parser *ps, const u8 *buf, u32 len,
			     u32 off)
{
	struct vdec_vp8_params *p = &ps->p;
	u32 n = p->num_dct_parts, i, sizes;

	if (p->first_part_size > len - off)
		return -1;
	off += p->first_part_size;
	sizes = 3 * (n - 1);
	if (len - off < sizes)
		return -1;
	for (i = 0; i + 1 < n; i++) {
		const u8 *s = buf + off + 3 * i;

		p->dct_part_sizes[i] = s[0] | s[1] << 8 | s[2] << 16;
	}
	off += sizes;
	for (i = 0; i + 1 < n; i++) {
		if (p->dct_part_sizes[i] > len - off)
			return -1;
		off += p->dct_part_sizes[i];
	}
	p->dct_part_sizes[n - 1] = len - off;
	return 0;
}

/**
 * vp8_parse_frame() - parse a frame's header into ps->p
 * @ps: parser state (zeroed before the first frame)
 * @buf: the frame
 * @len: its bytes
 *
 * Return: 0, or -1 when the frame cannot be parsed.
 */
static inline int vp8_parse_frame(struct vp8_parser *ps, const u8 *buf,
				  u32 len)
{
	struct vdec_vp8_params *p = &ps->p;
	struct vp8p_bool d;
	bool key;
	int off;

	if (ps->restore)
		p->entropy = ps->saved;
	ps->restore = false;
	off = vp8p_tag(ps, buf, len, &key);
	if (off < 0 || p->first_part_size > len - off)
		return -1;
	p->flags = key ? VDEC_VP8_FL_KEY_FRAME : 0;
	if (ps->show)
		p->flags |= VDEC_VP8_FL_SHOW_FRAME;
	if (key) {
		u32 mbs = DIV_ROUND_UP(ps->width, 16) *
			  DIV_ROUND_UP(ps->height, 16);

		vp8p_key_reset(ps);
		free(ps->seg_map);
		ps->seg_map = calloc(1, mbs);
		p->seg_map_size = mbs;
	}
	p->seg_map = ps->seg_map;
	p->width = ps->width;
	p->height = ps->height;
	vp8p_init(&d, buf + off, p->first_part_size);
	if (key)
		vp8p_lit(&d, 2);	/* color_space, clamping_type */
	vp8p_segmentation(ps, &d);
	vp8p_loop_filter(ps, &d);
	p->num_dct_parts = 1 << vp8p_lit(&d, 2);
	vp8p_quant(ps, &d);
	ps->refresh_golden = true;
	ps->refresh_alt = true;
	ps->refresh_last = true;
	ps->copy_golden = VP8P_COPY_NONE;
	ps->copy_alt = VP8P_COPY_NONE;
	if (!key)
		vp8p_refs(ps, &d);
	if (!vp8p_read(&d, 128)) {	/* refresh_entropy_probs */
		ps->saved = p->entropy;
		ps->restore = true;
	}
	if (!key)
		ps->refresh_last = vp8p_read(&d, 128);
	vp8p_probs(ps, &d, key);
	p->first_part_header_bits = d.shifts;
	p->coder_state.range = d.range;
	p->coder_state.value = d.value >> 8;
	p->coder_state.bit_count = d.shifts % 8;
	if (d.pos > p->first_part_size + 2)
		return -1;
	return vp8p_parts(ps, buf, len, off);
}

/*
 * Reference bookkeeping after a decoded frame: which of the previous
 * last, golden and altref (indexes into the caller's frames, -1 none)
 * and the new frame @cur become the references.
 */
static inline void vp8p_update_refs(const struct vp8_parser *ps, int cur,
				    int *last, int *golden, int *alt)
{
	int ol = *last, og = *golden, oa = *alt;

	if (ps->p.flags & VDEC_VP8_FL_KEY_FRAME) {
		*last = cur;
		*golden = cur;
		*alt = cur;
		return;
	}
	if (ps->copy_golden == VP8P_COPY_LAST)
		*golden = ol;
	else if (ps->copy_golden == VP8P_COPY_OTHER)
		*golden = oa;
	if (ps->copy_alt == VP8P_COPY_LAST)
		*alt = ol;
	else if (ps->copy_alt == VP8P_COPY_OTHER)
		*alt = og;
	if (ps->refresh_golden)
		*golden = cur;
	if (ps->refresh_alt)
		*alt = cur;
	if (ps->refresh_last)
		*last = cur;
}

#endif /* _VP8_PARSE_H */
