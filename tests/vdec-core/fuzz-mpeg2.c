// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for vdec_mpeg2_decode(): the first 16 bytes of the
 * input give the parameters (every field, invalid values included), the
 * picture size and which references exist; the rest is the bitstream.
 * Planes are allocated to their exact size so ASan sees any access
 * outside them.
 */
#include "vdec-test.h"

#define HDR 16

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct vdec_mpeg2_params p;
	struct vdec_pic out, fwd, bwd;
	u32 w, h, n, i;
	u8 fl;

	if (size < HDR)
		return 0;
	memset(&p, 0, sizeof(p));
	p.picture_coding_type = data[0] % 5;
	p.picture_structure = data[1] % 4;
	fl = data[2];
	p.progressive_sequence = fl & 1;
	p.top_field_first = !!(fl & 2);
	p.frame_pred_frame_dct = !!(fl & 4);
	p.concealment_motion_vectors = !!(fl & 8);
	p.q_scale_type = !!(fl & 16);
	p.intra_vlc_format = !!(fl & 32);
	p.alternate_scan = !!(fl & 64);
	p.second_field = !!(fl & 128);
	p.intra_dc_precision = data[3] % 5;
	p.chroma_format = data[3] & 0x80 ? (data[3] >> 5) & 3 : 1;
	p.f_code[0][0] = data[4] & 15;
	p.f_code[0][1] = data[4] >> 4;
	p.f_code[1][0] = data[5] & 15;
	p.f_code[1][1] = data[5] >> 4;
	w = 1 + data[6] % 96;
	h = 1 + data[7] % 80;
	fl = data[8];
	for (i = 0; i < 64; i++) {
		p.qm[0][i] = data[9] ? data[9] + i : 16;
		p.qm[1][i] = data[10] ? data[10] ^ i : 16;
		p.qm[2][i] = p.qm[0][i];
		p.qm[3][i] = p.qm[1][i];
	}
	if (data[11] == 0xff)
		p.qm[0][0] = 0;
	vdec_test_pic_alloc(&out, w, h, data[12] & 3 ? 0 : 16, fl & 8);
	vdec_test_pic_alloc(&fwd, w, h, data[12] & 4 ? 32 : 0, fl & 8);
	vdec_test_pic_alloc(&bwd, fl & 16 ? w + 1 : w, h, 0, fl & 8);
	vdec_mpeg2_decode(&p, data + HDR, size - HDR, fl & 1 ? &fwd : NULL,
			  fl & 2 ? &bwd : NULL, &out, &n);
	vdec_test_pic_free(&out);
	vdec_test_pic_free(&fwd);
	vdec_test_pic_free(&bwd);
	return 0;
}
