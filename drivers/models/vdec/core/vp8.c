// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: VP8 (RFC 6386) frame decoding: parameter and
 * partition checks, the macroblock loop over the first partition (from
 * where the frame header ends) and the token partitions, macroblock
 * reconstruction, then the loop filter.
 */
#include "vp8.h"

void vp8_bool_init(struct vp8_bool *d, const u8 *buf, u32 len)
{
	d->p = buf;
	d->end = buf + len;
	d->value = 0;
	d->bits = 0;
	d->range = 255;
	d->zeros = 0;
	vp8_bool_fill(d);
}

/*
 * Resume a bool decoder whose 8-bit value window @value starts at bit
 * @bitpos of @buf: the bits after the window follow from @bitpos + 8.
 */
void vp8_bool_resume(struct vp8_bool *d, const u8 *buf, u32 len, u32 bitpos,
		     u8 value, u8 range)
{
	u32 pos = bitpos + 8, byte = pos / 8, sh = pos % 8;

	d->end = buf + len;
	d->p = byte < len ? buf + byte : d->end;
	d->range = range;
	d->value = (u64)value << 56;
	d->bits = 8;
	d->zeros = 0;
	if (sh && d->p < d->end) {
		d->value |= (u64)(*d->p++ & (0xff >> sh)) << (56 - (8 - sh));
		d->bits += 8 - sh;
	}
	vp8_bool_fill(d);
}

/* True when more than @slack bits past the end were used */
bool vp8_bool_overrun(const struct vp8_bool *d, u32 slack)
{
	return (int)(d->zeros * 8) + 8 - d->bits > (int)slack;
}

static int qclamp(int q)
{
	return clamp(q, 0, 127);
}

static void setup_dq(struct vp8_ctx *c)
{
	const struct vdec_vp8_params *p = c->p;
	const struct vdec_vp8_quant *q = &p->quant;
	int s;

	for (s = 0; s < 4; s++) {
		struct vp8_dq *dq = &c->dq[s];
		int base = q->y_ac_qi;

		if (p->seg.flags & VDEC_VP8_SEG_ENABLED)
			base = p->seg.flags & VDEC_VP8_SEG_DELTA_MODE ?
			       base + p->seg.quant[s] : p->seg.quant[s];
		base = qclamp(base);
		dq->y[0] = vp8_dc_q[qclamp(base + q->y_dc_delta)];
		dq->y[1] = vp8_ac_q[base];
		dq->y2[0] = vp8_dc_q[qclamp(base + q->y2_dc_delta)] * 2;
		dq->y2[1] = vp8_ac_q[qclamp(base + q->y2_ac_delta)] * 155 / 100;
		if (dq->y2[1] < 8)
			dq->y2[1] = 8;
		dq->uv[0] = vp8_dc_q[qclamp(base + q->uv_dc_delta)];
		if (dq->uv[0] > 132)
			dq->uv[0] = 132;
		dq->uv[1] = vp8_ac_q[qclamp(base + q->uv_ac_delta)];
	}
}

static int lfclamp(int v)
{
	return clamp(v, 0, 63);
}

/*
 * Filter levels [segment][ref][class] (class: see mb_lf_class()) and the
 * interior limit and high edge variance threshold of each level
 * (RFC 6386 9.3, 9.6, 15.4).
 */
void vp8_setup_lf(struct vp8_ctx *c)
{
	const struct vdec_vp8_params *p = c->p;
	const struct vdec_vp8_loop_filter *lf = &p->lf;
	int s, r, m, l;

	for (s = 0; s < 4; s++) {
		int base = lf->level;

		if (p->seg.flags & VDEC_VP8_SEG_ENABLED)
			base = p->seg.flags & VDEC_VP8_SEG_DELTA_MODE ?
			       base + p->seg.lf[s] : p->seg.lf[s];
		base = lfclamp(base);
		for (r = 0; r < 4; r++)
			for (m = 0; m < 4; m++) {
				l = base;
				if (lf->flags & VDEC_VP8_LF_ADJ_ENABLE) {
					l += lf->ref_delta[r];
					if (r || !m)
						l += lf->mode_delta[m];
				}
				c->lf_level[s][r][m] = lfclamp(l);
			}
	}
	for (l = 0; l < 64; l++) {
		int i = l, t = 0;

		if (lf->sharpness) {
			i >>= lf->sharpness > 4 ? 2 : 1;
			if (i > 9 - lf->sharpness)
				i = 9 - lf->sharpness;
		}
		c->interior[l] = i ? i : 1;
		if (l >= 40)
			t = c->key ? 2 : 3;
		else if (l >= 20)
			t = c->key ? 1 : 2;
		else if (l >= 15)
			t = 1;
		c->hev_thresh[l] = t;
	}
}

/*
 * Mode class of the level deltas: 0 B_PRED, 1 ZEROMV, 2 MV, 3 SPLITMV;
 * other intra modes 1 (their intra entry has no mode delta)
 */
static int mb_lf_class(const struct vp8_mb *mb)
{
	switch (mb->mode) {
	case VP8_B_PRED:
		return 0;
	case VP8_ZEROMV:
		return 1;
	case VP8_SPLITMV:
		return 3;
	case VP8_NEARESTMV:
	case VP8_NEARMV:
	case VP8_NEWMV:
		return 2;
	default:
		return 1;
	}
}

/* Residue of the luma blocks once predicted (not B_PRED) */
static void add_luma(struct vp8_ctx *c, bool y2)
{
	int i;

	if (y2 && c->nz[24])
		vp8_iwht(c->coef);
	for (i = 0; i < 16; i++) {
		u8 *dst = c->ws + (1 + (i >> 2) * 4) * VP8_WS_STRIDE + 1 +
			  (i & 3) * 4;

		if (c->nz[i] > !y2)
			vp8_idct_add(c->coef[i], dst, VP8_WS_STRIDE);
		else if (c->coef[i][0])
			vp8_idct_dc_add(c->coef[i], dst, VP8_WS_STRIDE);
	}
}

static void add_chroma(struct vp8_ctx *c)
{
	int i;

	for (i = 16; i < 24; i++) {
		u8 *w = i < 20 ? c->wu : c->wv;
		int b = i & 3;
		u8 *dst = w + (1 + (b >> 1) * 4) * VP8_WC_STRIDE + 1 +
			  (b & 1) * 4;

		if (c->nz[i] > 1)
			vp8_idct_add(c->coef[i], dst, VP8_WC_STRIDE);
		else if (c->nz[i])
			vp8_idct_dc_add(c->coef[i], dst, VP8_WC_STRIDE);
	}
}

/**
 * vp8_pred_bpred() - B_PRED prediction and residue of the luma subblocks
 * @c: decoder, with the work area's edges loaded
 * @mb: the macroblock (its subblock modes)
 */
void vp8_pred_bpred(struct vp8_ctx *c, const struct vp8_mb *mb)
{
	int i;

	/* subblocks 7, 11, 15 use the above-right pixels of subblock 3 */
	for (i = 1; i < 4; i++)
		memcpy(c->ws + i * 4 * VP8_WS_STRIDE + 17, c->ws + 17, 4);
	for (i = 0; i < 16; i++) {
		u8 *dst = c->ws + (1 + (i >> 2) * 4) * VP8_WS_STRIDE + 1 +
			  (i & 3) * 4;

		vp8_pred_sub(dst, VP8_WS_STRIDE, mb->bmode[i]);
		if (c->nz[i] > 1)
			vp8_idct_add(c->coef[i], dst, VP8_WS_STRIDE);
		else if (c->nz[i])
			vp8_idct_dc_add(c->coef[i], dst, VP8_WS_STRIDE);
	}
}

static void store_mb(struct vp8_ctx *c)
{
	const struct vdec_pic *o = c->out;
	u8 *y = o->luma + c->mb_y * 16 * o->stride + c->mb_x * 16;
	u8 *uv = o->chroma + c->mb_y * 8 * o->stride + c->mb_x * 16;
	int r, k, cb = c->cb_off;

	for (r = 0; r < 16; r++)
		memcpy(y + r * o->stride, c->ws + (r + 1) * VP8_WS_STRIDE + 1,
		       16);
	for (r = 0; r < 8; r++) {
		const u8 *u = c->wu + (r + 1) * VP8_WC_STRIDE + 1;
		const u8 *v = c->wv + (r + 1) * VP8_WC_STRIDE + 1;
		u8 *d = uv + r * o->stride;

		for (k = 0; k < 8; k++) {
			d[2 * k + cb] = u[k];
			d[2 * k + 1 - cb] = v[k];
		}
	}
}

static void decode_mb(struct vp8_ctx *c, struct vp8_bool *tok)
{
	struct vp8_mb *mb = &c->cur[c->mb_x + 1];
	struct vp8_lf_mb *lf = &c->lf[c->mb_y * c->mb_w + c->mb_x];
	bool y2, coded;

	vp8_read_modes(c, mb);
	y2 = mb->mode != VP8_B_PRED && mb->mode != VP8_SPLITMV;
	coded = vp8_read_tokens(c, mb, tok);
	if (mb->ref == VP8_INTRA) {
		vp8_pred_edges(c);
		if (mb->mode == VP8_B_PRED)
			vp8_pred_bpred(c, mb);
		else
			vp8_pred_intra16(c, mb->mode);
		vp8_pred_chroma(c, mb->uv_mode);
	} else {
		vp8_mc_mb(c, mb);
	}
	if (coded) {
		if (mb->mode != VP8_B_PRED)
			add_luma(c, y2);
		add_chroma(c);
	}
	store_mb(c);
	lf->level = c->lf_level[mb->segment][mb->ref][mb_lf_class(mb)];
	lf->inner = !y2 || coded;
}

static void set_plane(struct vp8_plane *pl, const u8 *base, int stride,
		      int step, int w, int h)
{
	pl->base = base;
	pl->stride = stride;
	pl->step = step;
	pl->w = w;
	pl->h = h;
}

static void set_ref(struct vp8_ctx *c, int i, const struct vdec_pic *pic)
{
	struct vp8_ref *r = &c->ref[i];
	int cb = pic->nv21;

	set_plane(&r->y, pic->luma, pic->stride, 1, c->mb_w * 16, c->mb_h * 16);
	set_plane(&r->u, pic->chroma + cb, pic->stride, 2, c->mb_w * 8,
		  c->mb_h * 8);
	set_plane(&r->v, pic->chroma + 1 - cb, pic->stride, 2, c->mb_w * 8,
		  c->mb_h * 8);
}

static bool pic_ok(const struct vdec_pic *pic, const struct vdec_vp8_params *p)
{
	return pic && pic->luma && pic->chroma && pic->width == p->width &&
	       pic->height == p->height && pic->stride >= ALIGN(p->width, 16);
}

static enum vdec_status check_params(const struct vdec_vp8_params *p,
				     const struct vdec_pic *last,
				     const struct vdec_pic *golden,
				     const struct vdec_pic *alt,
				     const struct vdec_pic *out)
{
	if (!p->width || !p->height || p->width > VP8_MAX_DIM ||
	    p->height > VP8_MAX_DIM || !pic_ok(out, p))
		return VDEC_ERR_PARAM;
	if (p->version > 3 || p->coder_state.range < 128 ||
	    p->coder_state.value >= p->coder_state.range)
		return VDEC_ERR_PARAM;
	if (p->num_dct_parts != 1 && p->num_dct_parts != 2 &&
	    p->num_dct_parts != 4 && p->num_dct_parts != 8)
		return VDEC_ERR_PARAM;
	if (!(p->flags & VDEC_VP8_FL_KEY_FRAME) &&
	    (!pic_ok(last, p) || !pic_ok(golden, p) || !pic_ok(alt, p)))
		return VDEC_ERR_PARAM;
	return VDEC_OK;
}

/* The partitions in @bs, as the parameters give their sizes */
static enum vdec_status setup_parts(struct vp8_ctx *c, const u8 *bs, u32 len)
{
	const struct vdec_vp8_params *p = c->p;
	u32 off = c->key ? 10 : 3, i, n = p->num_dct_parts;

	if (len < off || p->first_part_size > len - off ||
	    p->first_part_header_bits > p->first_part_size * 8ULL)
		return VDEC_ERR_BITSTREAM;
	vp8_bool_resume(&c->hdr, bs + off, p->first_part_size,
			p->first_part_header_bits, p->coder_state.value,
			p->coder_state.range);
	off += p->first_part_size;
	if (len - off < 3 * (n - 1))
		return VDEC_ERR_BITSTREAM;
	off += 3 * (n - 1);
	for (i = 0; i < n; i++) {
		if (p->dct_part_sizes[i] > len - off)
			return VDEC_ERR_BITSTREAM;
		vp8_bool_init(&c->part[i], bs + off, p->dct_part_sizes[i]);
		off += p->dct_part_sizes[i];
	}
	return VDEC_OK;
}

static enum vdec_status ctx_alloc(struct vp8_ctx *c)
{
	c->above = vdec_zalloc((c->mb_w + 1) * sizeof(*c->above));
	c->cur = vdec_zalloc((c->mb_w + 1) * sizeof(*c->cur));
	c->lf = vdec_zalloc(c->mb_w * c->mb_h * sizeof(*c->lf));
	c->nz_above = vdec_zalloc(c->mb_w * 9);
	if (!c->above || !c->cur || !c->lf || !c->nz_above)
		return VDEC_ERR_NOMEM;
	return VDEC_OK;
}

static void ctx_free(struct vp8_ctx *c)
{
	vdec_free(c->above);
	vdec_free(c->cur);
	vdec_free(c->lf);
	vdec_free(c->nz_above);
	vdec_free(c);
}

static enum vdec_status decode_frame(struct vp8_ctx *c, u32 *decoded)
{
	int n = c->p->num_dct_parts, i;

	for (c->mb_y = 0; c->mb_y < c->mb_h; c->mb_y++) {
		struct vp8_bool *tok = &c->part[c->mb_y & (n - 1)];
		struct vp8_mb *t;

		memset(c->nz_left, 0, sizeof(c->nz_left));
		for (c->mb_x = 0; c->mb_x < c->mb_w; c->mb_x++) {
			decode_mb(c, tok);
			(*decoded)++;
		}
		t = c->above;
		c->above = c->cur;
		c->cur = t;
	}
	vp8_loop_filter(c);
	if (vp8_bool_overrun(&c->hdr, 16))
		return VDEC_ERR_BITSTREAM;
	for (i = 0; i < n; i++)
		if (vp8_bool_overrun(&c->part[i], 16))
			return VDEC_ERR_BITSTREAM;
	return VDEC_OK;
}

enum vdec_status vdec_vp8_decode(const struct vdec_vp8_params *p,
				 const u8 *bs, u32 len,
				 const struct vdec_pic *last,
				 const struct vdec_pic *golden,
				 const struct vdec_pic *alt,
				 struct vdec_pic *out, u32 *decoded)
{
	struct vp8_ctx *c;
	enum vdec_status st;
	u32 dummy;

	if (!decoded)
		decoded = &dummy;
	*decoded = 0;
	if (!p || !bs || !out)
		return VDEC_ERR_PARAM;
	st = check_params(p, last, golden, alt, out);
	if (st)
		return st;
	c = vdec_zalloc(sizeof(*c));
	if (!c)
		return VDEC_ERR_NOMEM;
	c->p = p;
	c->out = out;
	c->key = p->flags & VDEC_VP8_FL_KEY_FRAME;
	c->mb_w = DIV_ROUND_UP(p->width, 16);
	c->mb_h = DIV_ROUND_UP(p->height, 16);
	c->cb_off = out->nv21;
	st = ctx_alloc(c);
	if (!st)
		st = setup_parts(c, bs, len);
	if (!st) {
		if (!c->key) {
			set_ref(c, VP8_LAST, last);
			set_ref(c, VP8_GOLDEN, golden);
			set_ref(c, VP8_ALTREF, alt);
		}
		setup_dq(c);
		vp8_setup_lf(c);
		st = decode_frame(c, decoded);
	}
	ctx_free(c);
	return st;
}
