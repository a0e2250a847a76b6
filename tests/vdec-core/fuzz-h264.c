// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for vdec_h264_decode(): the first 32 bytes of the
 * input give the parameters (SPS, PPS, DPB and initial lists, invalid
 * values included) and the picture size; the rest is the bitstream
 * (Annex B or one NAL unit). Planes and motion buffers are allocated to
 * their exact size so ASan sees any access outside them.
 */
#include "vdec-test.h"

#define HDR 32
#define NREF 4

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct vdec_h264_params *p;
	struct vdec_h264_ref refs[VDEC_H264_DPB_SIZE];
	struct vdec_pic out, rp[NREF];
	void *mv[NREF], *out_mv;
	u32 w, h, n, i;
	u8 fl;

	if (size < HDR)
		return 0;
	p = calloc(1, sizeof(*p));
	w = 1 + data[0] % 80;
	h = 1 + data[1] % 64;
	p->sps.chroma_format_idc = data[2] & 0x80 ? data[2] & 3 : 1;
	p->sps.log2_max_frame_num_minus4 = data[2] & 0x0f;
	p->sps.pic_order_cnt_type = (data[3] >> 4) % 3;
	p->sps.log2_max_pic_order_cnt_lsb_minus4 = data[3] & 0x0f;
	p->sps.max_num_ref_frames = data[4] & 0x0f;
	p->sps.flags = data[5] & 0x7f;
	p->sps.pic_width_in_mbs_minus1 = DIV_ROUND_UP(w, 16) - 1;
	p->sps.pic_height_in_map_units_minus1 = DIV_ROUND_UP(h, 16) - 1;
	if (data[5] & 0x80)
		p->sps.pic_height_in_map_units_minus1++;
	p->pps.flags = data[6] | (data[7] & 0x80 ? 0x80 : 0);
	p->pps.num_slice_groups_minus1 = (data[7] & 0x40) ? 1 : 0;
	p->pps.num_ref_idx_l0_default_active_minus1 = data[8] & 31;
	p->pps.num_ref_idx_l1_default_active_minus1 = data[9] & 31;
	p->pps.weighted_bipred_idc = data[10] % 3;
	p->pps.pic_init_qp_minus26 = (s8)data[11] % 30;
	p->pps.chroma_qp_index_offset = (s8)data[12] % 13;
	p->pps.second_chroma_qp_index_offset = (s8)data[13] % 13;
	for (i = 0; i < 16; i++)
		p->scaling_4x4[i % 6][i] = data[14] + i;
	memset(p->scaling_8x8, data[15] | 1, sizeof(p->scaling_8x8));
	p->frame_num = data[16] & 15;
	p->top_field_order_cnt = (s8)data[17];
	p->bottom_field_order_cnt = (s8)data[17] + (data[18] & 1);
	p->flags = data[18] >> 1 & 7;
	p->num_refs = data[19] % 6;
	p->annexb = !(data[20] & 1);
	fl = data[20];
	for (i = 0; i < VDEC_H264_DPB_SIZE; i++) {
		p->dpb[i].frame_num = i < NREF ? data[21 + i] & 15 : i;
		p->dpb[i].top_field_order_cnt = (s8)data[25 + i % 4];
		p->dpb[i].bottom_field_order_cnt = (s8)data[25 + i % 4];
		p->dpb[i].flags = i < NREF ? (data[29] >> i & 1 ? 3 : 0) |
			(data[30] >> i & 1 ? VDEC_H264_DPB_LONG_TERM : 0) :
			(data[31] & 1 ? 3 : 0);
	}
	for (i = 0; i < VDEC_H264_LIST_LEN; i++) {
		p->ref_list_p[i] = (data[21 + i % 4] >> 4) % 5;
		p->ref_list_b0[i] = (i + data[29]) % 5;
		p->ref_list_b1[i] = (i + data[30]) % 5;
	}
	memset(refs, 0, sizeof(refs));
	vdec_test_pic_alloc(&out, w, h, fl & 2 ? 16 : 0, fl & 4);
	out_mv = malloc(vdec_h264_mv_size(w, h));
	for (i = 0; i < NREF; i++) {
		vdec_test_pic_alloc(&rp[i], fl & 8 && i == 1 ? w + 1 : w, h, 0, fl & 4);
		mv[i] = malloc(vdec_h264_mv_size(w, h));
		memset(mv[i], (int)(data[31] ^ i), vdec_h264_mv_size(w, h));
		refs[i].pic = fl & (16 << (i & 1)) ? NULL : &rp[i];
		refs[i].mv = fl & 64 ? NULL : mv[i];
	}
	vdec_h264_decode(p, data + HDR, size - HDR, refs, &out,
			 fl & 128 ? NULL : out_mv, &n);
	for (i = 0; i < NREF; i++) {
		vdec_test_pic_free(&rp[i]);
		free(mv[i]);
	}
	vdec_test_pic_free(&out);
	free(out_mv);
	free(p);
	return 0;
}
