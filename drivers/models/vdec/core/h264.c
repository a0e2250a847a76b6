// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 (ITU-T H.264) High profile, 8-bit 4:2:0
 * progressive frames, one picture per call: NAL units, the slice data
 * loop over macroblocks (7.3.4), skipped macroblocks, the deblocking of
 * the picture and its motion data for later direct prediction.
 */
#include "h264.h"

u32 vdec_h264_mv_size(u32 width, u32 height)
{
	return DIV_ROUND_UP(width, 16) * DIV_ROUND_UP(height, 16) *
		(u32)sizeof(struct h264_colmb);
}

/* Position of the last bit of the RBSP before rbsp_stop_one_bit */
static u64 rbsp_end(const u8 *b, u32 len)
{
	while (len && !b[len - 1])
		len--;
	if (!len)
		return 0;
	return (u64)len * 8 - 1 - __builtin_ctz(b[len - 1]);
}

static bool more_rbsp_data(struct h264_ctx *c, u64 end)
{
	return vdec_bits_pos(&c->b) < end;
}

/* Copy a NAL unit's payload without emulation prevention bytes */
static u32 unescape(u8 *dst, const u8 *src, u32 len)
{
	u32 i, n = 0, zeros = 0;

	for (i = 0; i < len; i++) {
		if (zeros >= 2 && src[i] == 3) {
			zeros = 0;
			continue;
		}
		zeros = src[i] ? 0 : zeros + 1;
		dst[n++] = src[i];
	}
	return n;
}

static void mb_start(struct h264_ctx *c, u32 addr)
{
	struct h264_mb *m = &c->mbs[addr];

	c->mbx = addr % c->mbw;
	c->mby = addr / c->mbw;
	c->mb = m;
	memset(m, 0, sizeof(*m));
	memset(m->ref, -1, sizeof(m->ref));
	memset(m->refpic, -1, sizeof(m->refpic));
	m->slice = c->nslices;
}

static void mb_skip(struct h264_ctx *c)
{
	struct h264_mb *m = c->mb;
	s16 mv[2];

	m->flags = MB_SKIP;
	m->qp = c->qp;
	memset(m->ipred, 2, sizeof(m->ipred));
	memset(&c->mbd, 0, sizeof(c->mbd));
	if (c->sl.type == H264_SLICE_B) {
		int i;

		m->flags |= MB_DIRECT;
		m->direct8 = 15;
		for (i = 0; i < 4; i++)
			if (h264_direct(c, i) < 0)
				c->missing_ref = true;
		h264_mc_direct(c, -1);
		return;
	}
	h264_mv_skip(c, mv);
	h264_set_motion(c, 0, 0, 0, 4, 4, 0, mv);
	h264_mc_part(c, 0, 0, 4, 4);
}

/* slice_data() with CAVLC (7.3.4); returns -1 on a bitstream error */
static int slice_data_cavlc(struct h264_ctx *c, u64 end)
{
	u32 addr = c->sl.first_mb, n = c->mbw * c->mbh, run, i;
	bool more = true;

	while (more) {
		if (c->sl.type != H264_SLICE_I) {
			if (h264_cavlc_skip_run(c, &run) || run > n - addr)
				return -1;
			for (i = 0; i < run; i++, addr++) {
				mb_start(c, addr);
				mb_skip(c);
			}
			if (run)
				more = more_rbsp_data(c, end);
		}
		if (more) {
			if (addr >= n)
				return -1;
			mb_start(c, addr);
			if (h264_cavlc_mb(c))
				return -1;
			vdec_dbg("mb %u flags %x cbp %x qp %d i16 %d cm %d pos %llu\n",
				 addr, c->mb->flags, c->mb->cbp, c->qp,
				 c->mbd.i16_mode, c->mbd.chroma_mode,
				 (unsigned long long)vdec_bits_pos(&c->b));
			h264_recon_mb(c);
			if (vdec_bits_overrun(&c->b))
				return -1;
			more = more_rbsp_data(c, end);
			addr++;
		}
	}
	return 0;
}

/* slice_data() with CABAC (7.3.4); returns -1 on a bitstream error */
static int slice_data_cabac(struct h264_ctx *c)
{
	u32 addr = c->sl.first_mb, n = c->mbw * c->mbh;
	bool end = false;

	if (h264_cabac_slice_start(c))
		return -1;
	while (!end) {
		if (addr >= n)
			return -1;
		mb_start(c, addr);
		if (h264_cabac_mb(c, &end))
			return -1;
		if (c->mb->flags & MB_SKIP)
			mb_skip(c);
		else
			h264_recon_mb(c);
		addr++;
	}
	return 0;
}

/* One slice NAL unit, payload after the NAL header at c->nal */
static enum vdec_status slice(struct h264_ctx *c, u8 type, u8 ref_idc)
{
	u64 end = rbsp_end(c->nal, c->nal_len);
	int r;

	vdec_bits_init(&c->b, c->nal, c->nal_len);
	c->err = false;
	if (c->nslices >= (u32)(c->mbw * c->mbh))
		return VDEC_ERR_BITSTREAM;
	c->nslices++;
	r = h264_slice_header(c, type, ref_idc);
	if (r == -2)
		return VDEC_ERR_UNSUPPORTED;
	if (r || c->err || vdec_bits_overrun(&c->b))
		return VDEC_ERR_BITSTREAM;
	c->dbk[c->nslices] = c->sl.dbk;
	c->qp = c->sl.qp;
	c->direct_mb = 0;	/* the cached direct predictions are the slice's */
	if (c->p->pps.flags & VDEC_H264_PPS_ENTROPY_CODING_MODE)
		r = slice_data_cabac(c);
	else
		r = slice_data_cavlc(c, end);
	if (c->unsupported)
		return VDEC_ERR_UNSUPPORTED;
	return r || c->err ? VDEC_ERR_BITSTREAM : VDEC_OK;
}

/* The next NAL unit at or after *pos: its start and length */
static bool next_nal(const u8 *bs, u32 len, u32 *pos, u32 *start, u32 *n)
{
	u32 i = *pos, j;

	for (; i + 3 <= len; i++)
		if (!bs[i] && !bs[i + 1] && bs[i + 2] == 1)
			break;
	if (i + 3 > len)
		return false;
	i += 3;
	for (j = i; j + 3 <= len; j++)
		if (!bs[j] && !bs[j + 1] && bs[j + 2] <= 1)
			break;
	if (j + 3 > len)
		j = len;
	*start = i;
	*n = j - i;
	*pos = j;
	return true;
}

static enum vdec_status check_params(const struct vdec_h264_params *p,
				     const struct vdec_pic *out)
{
	const struct vdec_h264_sps *sps = &p->sps;
	u32 mbw = sps->pic_width_in_mbs_minus1 + 1;
	u32 mbh = sps->pic_height_in_map_units_minus1 + 1;

	if (!(sps->flags & VDEC_H264_SPS_FRAME_MBS_ONLY))
		mbh *= 2;
	if (sps->chroma_format_idc != 1 || sps->bit_depth_luma_minus8 ||
	    sps->bit_depth_chroma_minus8 ||
	    (sps->flags & (VDEC_H264_SPS_SEPARATE_COLOUR_PLANE |
			   VDEC_H264_SPS_QPPRIME_Y_ZERO_BYPASS)) ||
	    (p->flags & VDEC_H264_DEC_FIELD_PIC) ||
	    p->pps.num_slice_groups_minus1)
		return VDEC_ERR_UNSUPPORTED;
	if (sps->log2_max_frame_num_minus4 > 12 ||
	    sps->log2_max_pic_order_cnt_lsb_minus4 > 12 ||
	    sps->pic_order_cnt_type > 2 || p->pps.weighted_bipred_idc > 2 ||
	    p->pps.num_ref_idx_l0_default_active_minus1 > 31 ||
	    p->pps.num_ref_idx_l1_default_active_minus1 > 31 ||
	    p->pps.pic_init_qp_minus26 < -26 || p->pps.pic_init_qp_minus26 > 25 ||
	    p->pps.chroma_qp_index_offset < -12 ||
	    p->pps.chroma_qp_index_offset > 12 ||
	    p->pps.second_chroma_qp_index_offset < -12 ||
	    p->pps.second_chroma_qp_index_offset > 12 ||
	    p->num_refs > VDEC_H264_LIST_LEN)
		return VDEC_ERR_PARAM;
	if (mbw > H264_MAX_MB_W || mbh > H264_MAX_MB_H ||
	    mbw * mbh > H264_MAX_MBS)
		return VDEC_ERR_UNSUPPORTED;
	if (!out || DIV_ROUND_UP(out->width, 16) != mbw ||
	    DIV_ROUND_UP(out->height, 16) != mbh ||
	    out->stride < mbw * 16 || !out->luma || !out->chroma)
		return VDEC_ERR_PARAM;
	return VDEC_OK;
}

/* References must have the output's geometry; others are dropped */
static void check_refs(struct h264_ctx *c, struct vdec_h264_ref *refs,
		       const struct vdec_h264_ref *in)
{
	const struct vdec_pic *o = c->out;
	int i;

	for (i = 0; i < VDEC_H264_DPB_SIZE; i++) {
		const struct vdec_pic *r = in ? in[i].pic : NULL;

		refs[i].pic = NULL;
		refs[i].mv = in ? in[i].mv : NULL;
		if (r && r->width == o->width && r->height == o->height &&
		    r->stride >= (u32)c->mbw * 16 && r->luma && r->chroma)
			refs[i].pic = r;
	}
}

static void save_motion(struct h264_ctx *c, void *out_mv)
{
	struct h264_colmb *col = out_mv;
	int i, l, k;

	for (i = 0; i < c->mbw * c->mbh; i++) {
		const struct h264_mb *m = &c->mbs[i];

		memcpy(col[i].mv, m->mv, sizeof(col[i].mv));
		memcpy(col[i].ref, m->ref, sizeof(col[i].ref));
		for (l = 0; l < 2; l++)
			for (k = 0; k < 4; k++) {
				int d = m->refpic[l][k];
				const struct vdec_h264_dpb_entry *e = &c->p->dpb[d < 0 ? 0 : d];

				col[i].poc[l][k] = d < 0 ? 0 :
					min(e->top_field_order_cnt,
					    e->bottom_field_order_cnt);
			}
	}
}

static enum vdec_status decode_nals(struct h264_ctx *c, const u8 *bs, u32 len)
{
	enum vdec_status st = VDEC_OK;
	u32 pos = 0, start, n;
	bool any = false;

	while (st == VDEC_OK) {
		u8 type, ref_idc;

		if (c->p->annexb) {
			if (!next_nal(bs, len, &pos, &start, &n))
				break;
		} else {
			if (any || pos)
				break;
			start = 0;
			n = len;
			pos = 1;
		}
		if (n < 2)
			continue;
		type = bs[start] & 31;
		ref_idc = bs[start] >> 5 & 3;
		if (bs[start] & 0x80)
			return VDEC_ERR_BITSTREAM;
		if (type >= 2 && type <= 4)
			return VDEC_ERR_UNSUPPORTED;
		if (type != 1 && type != 5)
			continue;
		c->nal_len = unescape(c->nal, bs + start + 1, n - 1);
		st = slice(c, type, ref_idc);
		any = true;
	}
	if (st == VDEC_OK && !any)
		st = VDEC_ERR_BITSTREAM;
	return st;
}

enum vdec_status vdec_h264_decode(const struct vdec_h264_params *p,
				  const u8 *bs, u32 len,
				  const struct vdec_h264_ref *refs,
				  struct vdec_pic *out, void *out_mv,
				  u32 *decoded)
{
	struct vdec_h264_ref rr[VDEC_H264_DPB_SIZE];
	struct h264_ctx *c;
	enum vdec_status st;
	u32 i, n = 0;

	if (decoded)
		*decoded = 0;
	if (!p || (!bs && len))
		return VDEC_ERR_PARAM;
	st = check_params(p, out);
	if (st)
		return st;
	c = vdec_zalloc(sizeof(*c));
	if (!c)
		return VDEC_ERR_NOMEM;
	c->p = p;
	c->out = out;
	c->mbw = p->sps.pic_width_in_mbs_minus1 + 1;
	c->mbh = DIV_ROUND_UP(out->height, 16);
	c->cb_off = out->nv21;
	c->mbs = vdec_zalloc(sizeof(*c->mbs) * c->mbw * c->mbh);
	c->dbk = vdec_zalloc(sizeof(*c->dbk) * (c->mbw * c->mbh + 1));
	c->nal = vdec_zalloc(len + 1);
	if (!c->mbs || !c->dbk || !c->nal) {
		st = VDEC_ERR_NOMEM;
		goto out;
	}
	check_refs(c, rr, refs);
	c->refs = rr;
	h264_dequant_init(c);
	st = decode_nals(c, bs, len);
	h264_deblock(c);
	for (i = 0; i < (u32)(c->mbw * c->mbh); i++)
		n += !!c->mbs[i].slice;
	if (decoded)
		*decoded = n;
	if (out_mv)
		save_motion(c, out_mv);
	if (st == VDEC_OK && c->missing_ref)
		st = VDEC_ERR_PARAM;
out:
	vdec_free(c->mbs);
	vdec_free(c->dbk);
	vdec_free(c->nal);
	vdec_free(c->cabac);
	vdec_free(c);
	return st;
}
