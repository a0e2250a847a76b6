// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for vdec_vp8_decode(). Two halves, chosen by the first
 * byte: raw parameters (the next 48 bytes set every field of struct
 * vdec_vp8_params, invalid values included, and the probabilities come
 * from a byte pattern) with the rest as the frame; or a parsed frame:
 * the rest is run through vp8-parse.h like a stream's frames (key frame
 * size capped), so the fuzzer reaches the macroblock layer with
 * consistent parameters. Planes are allocated to their exact size so
 * ASan sees any access outside them.
 *
 * With VDEC_FUZZ_SEED_DIR set, the target first writes seeds there: the
 * first frames of the small streams of tests/vdec/vp8-streams.sh (from
 * $VDEC_VP8_STREAMS or /tmp/vsoc-vp8-streams) in the parsed form.
 */
#include "vdec-test.h"
#include "vp8-parse.h"

#define HDR	49

static void raw_params(struct vdec_vp8_params *p, const u8 *d)
{
	u8 *e = (u8 *)&p->entropy;
	size_t i;

	memcpy(p->seg.quant, d, 4);
	memcpy(p->seg.lf, d + 4, 4);
	memcpy(p->seg.probs, d + 8, 3);
	p->seg.flags = d[11];
	memcpy(p->lf.ref_delta, d + 12, 4);
	memcpy(p->lf.mode_delta, d + 16, 4);
	p->lf.sharpness = d[20] & 7;
	p->lf.level = d[21] & 63;
	p->lf.flags = d[22];
	p->quant.y_ac_qi = d[23] & 127;
	p->quant.y_dc_delta = (s8)d[24] % 16;
	p->quant.y2_dc_delta = (s8)d[25] % 16;
	p->quant.y2_ac_delta = (s8)d[26] % 16;
	p->quant.uv_dc_delta = (s8)d[27] % 16;
	p->quant.uv_ac_delta = (s8)d[28] % 16;
	for (i = 0; i < sizeof(p->entropy); i++)
		e[i] = d[29] ? (u8)(d[29] * i + d[30]) : 128;
	p->coder_state.range = d[31];
	p->coder_state.value = d[32];
	p->width = 1 + d[33] % 80;
	p->height = 1 + d[34] % 64;
	p->version = d[35] % 5;
	p->prob_skip_false = d[36];
	p->prob_intra = d[37];
	p->prob_last = d[38];
	p->prob_gf = d[39];
	p->num_dct_parts = d[40] % 9;
	p->first_part_size = d[41] | d[42] << 8;
	p->first_part_header_bits = d[43] | d[44] << 8;
	for (i = 0; i < 8; i++)
		p->dct_part_sizes[i] = d[45] + i * d[46];
	p->flags = d[47];
}

static void run_raw(const u8 *data, size_t size)
{
	static u8 map[(80 / 16 + 1) * (64 / 16 + 1)];
	struct vdec_vp8_params p;
	struct vdec_pic out, last, golden;
	u8 fl = data[48];
	u32 n;

	memset(&p, 0, sizeof(p));
	raw_params(&p, data);
	if (fl & 1) {
		p.seg_map = map;
		p.seg_map_size = fl & 2 ? sizeof(map) : 3;
	}
	vdec_test_pic_alloc(&out, p.width, p.height, fl & 4 ? 16 : 0, fl & 8);
	vdec_test_pic_alloc(&last, p.width, p.height, fl & 16 ? 32 : 0, fl & 32);
	vdec_test_pic_alloc(&golden, fl & 64 ? p.width + 1 : p.width, p.height, 0, 0);
	vdec_vp8_decode(&p, data + HDR, size - HDR, &last, &golden,
			fl & 128 ? NULL : &last, &out, &n);
	vdec_test_pic_free(&out);
	vdec_test_pic_free(&last);
	vdec_test_pic_free(&golden);
}

/* Frames of (2-byte little endian size, bytes), through the parser */
static void run_parsed(const u8 *data, size_t size)
{
	struct vp8_parser ps;
	struct vdec_pic pics[4];
	int last = -1, golden = -1, alt = -1, i, frames = 0;
	bool have = false;
	u32 n;

	memset(&ps, 0, sizeof(ps));
	memset(pics, 0, sizeof(pics));
	while (size >= 2 && frames++ < 8) {
		u32 len = data[0] | data[1] << 8;
		int cur = 0;

		data += 2;
		size -= 2;
		if (len > size)
			len = size;
		if (vp8_parse_frame(&ps, data, len) || ps.width > 176 ||
		    ps.height > 144)
			break;
		if (!have || pics[0].width != ps.width ||
		    pics[0].height != ps.height) {
			if (!(ps.p.flags & VDEC_VP8_FL_KEY_FRAME))
				break;
			for (i = 0; i < 4; i++) {
				vdec_test_pic_free(&pics[i]);
				vdec_test_pic_alloc(&pics[i], ps.width, ps.height, 0, 0);
			}
			have = true;
		}
		while (cur == last || cur == golden || cur == alt)
			cur++;
		vdec_vp8_decode(&ps.p, data, len,
				last >= 0 ? &pics[last] : NULL,
				golden >= 0 ? &pics[golden] : NULL,
				alt >= 0 ? &pics[alt] : NULL, &pics[cur], &n);
		vp8p_update_refs(&ps, cur, &last, &golden, &alt);
		data += len;
		size -= len;
	}
	if (have)
		for (i = 0; i < 4; i++)
			vdec_test_pic_free(&pics[i]);
	vp8p_free(&ps);
}

static void write_seed(const char *dir, const char *name)
{
	const char *sdir = getenv("VDEC_VP8_STREAMS");
	char path[512];
	u8 *buf, *seed;
	u32 pos = 32, out = 1, k;
	long len;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.ivf",
		 sdir ? sdir : "/tmp/vsoc-vp8-streams", name);
	f = fopen(path, "rb");
	if (!f)
		return;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(len + 1);
	seed = malloc(len + 1);
	if (fread(buf, 1, len, f) != (size_t)len)
		len = 0;
	fclose(f);
	seed[0] = 1;
	for (k = 0; k < 4 && pos + 12 <= len; k++) {
		u32 n = ivf_rd32(buf + pos);

		if (n > 0xffff || n > len - pos - 12)
			break;
		seed[out++] = n & 0xff;
		seed[out++] = n >> 8;
		memcpy(seed + out, buf + pos + 12, n);
		out += n;
		pos += 12 + n;
	}
	snprintf(path, sizeof(path), "%s/seed-%s", dir, name);
	f = fopen(path, "wb");
	if (f) {
		fwrite(seed, 1, out, f);
		fclose(f);
	}
	free(buf);
	free(seed);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("VDEC_FUZZ_SEED_DIR");

	if (dir) {
		write_seed(dir, "odd-33x17");
		write_seed(dir, "odd-97x61");
		write_seed(dir, "plain-176x144");
		write_seed(dir, "rt-seg-320x240");
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] & 1) {
		run_parsed(data + 1, size - 1);
		return 0;
	}
	if (size < 1 + HDR)
		return 0;
	run_raw(data + 1, size - 1);
	return 0;
}
