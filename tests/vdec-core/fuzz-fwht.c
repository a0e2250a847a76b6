// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the FWHT decode core. Input layout:
 *
 *   byte 0: bits 2..0 version (0..7), bit 3 output NV21, bit 4 with a
 *	reference, bit 5 reference NV21, bit 6 decode in place (output =
 *	reference), bit 7 reference of another size
 *   bytes 1..4: flags, big endian
 *   byte 5: width - 1 (1..128), byte 6: height - 1 (1..128)
 *   byte 7: extra stride bytes (0..15)
 *   the rest: the bitstream
 *
 * Planes are allocated to their exact size, so ASan sees any access
 * outside them; the bitstream is copied to an exact-size buffer.
 *
 * With VDEC_FUZZ_SEED_DIR set, the target first writes seeds there:
 * frames of the test encoder (fwht-enc.h), I and P, NV12 and NV21,
 * compressed and uncompressed planes.
 */
#include "vdec-core.h"
#include "fwht-enc.h"

#define HDR_LEN	8

static struct vdec_pic *pic_alloc(u32 w, u32 h, u32 extra, bool nv21, u8 v)
{
	struct vdec_pic *p = calloc(1, sizeof(*p));
	size_t lines = ALIGN(h, 16);

	p->width = w;
	p->height = h;
	p->stride = ALIGN(w, 16) + extra;
	p->nv21 = nv21;
	p->luma = malloc(p->stride * lines);
	p->chroma = malloc(p->stride * lines / 2);
	memset(p->luma, v, p->stride * lines);
	memset(p->chroma, v ^ 0x5a, p->stride * lines / 2);
	return p;
}

static void pic_release(struct vdec_pic *p)
{
	if (!p)
		return;
	free(p->luma);
	free(p->chroma);
	free(p);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct vdec_fwht_params prm;
	struct vdec_pic *out, *ref = NULL;
	u32 w, h, extra, decoded, len;
	u8 *bs;
	u8 b0;

	if (size < HDR_LEN)
		return 0;
	b0 = data[0];
	prm.version = b0 & 7;
	prm.flags = (u32)data[1] << 24 | data[2] << 16 | data[3] << 8 |
		    data[4];
	w = 1 + (data[5] & 127);
	h = 1 + (data[6] & 127);
	extra = data[7] & 15;
	len = size - HDR_LEN;
	bs = malloc(len ? len : 1);
	memcpy(bs, data + HDR_LEN, len);

	out = pic_alloc(w, h, extra, b0 & 8, 0x11);
	if (b0 & 0x10) {
		if (b0 & 0x40)
			ref = out;
		else if (b0 & 0x80)
			ref = pic_alloc(w + (extra & 3), h + (extra >> 2), 0,
					b0 & 0x20, 0x80);
		else
			ref = pic_alloc(w, h, 15 - extra, b0 & 0x20, 0x80);
	}
	vdec_fwht_decode(&prm, len ? bs : NULL, len, ref, out, &decoded);
	if (decoded > (ALIGN(w, 8) * ALIGN(h, 8) +
		       2 * ALIGN(w / 2, 8) * ALIGN(h / 2, 8)) / 64)
		__builtin_trap();
	if (ref != out)
		pic_release(ref);
	pic_release(out);
	free(bs);
	return 0;
}

static void write_seed(const char *dir, int n, u8 b0, u32 flags, u32 w,
		       u32 h, const u8 *bs, u32 len)
{
	char path[4096];
	u8 hdr[HDR_LEN] = {
		b0, flags >> 24, flags >> 16, flags >> 8, flags,
		w - 1, h - 1, 3,
	};
	FILE *f;

	snprintf(path, sizeof(path), "%s/seed-fwht-%02d", dir, n);
	f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(hdr, 1, sizeof(hdr), f);
	fwrite(bs, 1, len, f);
	fclose(f);
}

static void write_seeds(const char *dir)
{
	static const struct {
		u32 w, h;
		enum fwht_enc_raw raw;
		int frames;
	} s[] = {
		{ 16, 16, FWHT_ENC_RAW_NEVER, 2 },
		{ 40, 24, FWHT_ENC_RAW_NEVER, 3 },
		{ 33, 17, FWHT_ENC_RAW_NEVER, 2 },
		{ 24, 16, FWHT_ENC_RAW_ALWAYS, 1 },
		{ 64, 48, FWHT_ENC_RAW_VICODEC, 2 },
	};
	int n = 0, i, f;

	for (i = 0; i < (int)ARRAY_SIZE(s); i++) {
		struct vdec_pic *src = pic_alloc(s[i].w, s[i].h, 0, false, 0);
		struct fwht_enc e;
		u8 *bs = malloc(fwht_enc_max_size(s[i].w, s[i].h));
		u32 x, y, flags, len;
		u8 b0;

		if (fwht_enc_init(&e, s[i].w, s[i].h, s[i].raw))
			abort();
		for (f = 0; f < s[i].frames; f++) {
			for (y = 0; y < ALIGN(s[i].h, 16); y++)
				for (x = 0; x < src->stride; x++)
					src->luma[y * src->stride + x] =
						(x * 5 + y * 3 + f * 7) & 0xff;
			for (y = 0; y < ALIGN(s[i].h, 16) / 2; y++)
				for (x = 0; x < src->stride; x++)
					src->chroma[y * src->stride + x] =
						128 + ((x + f) & 31);
			len = fwht_enc_frame(&e, src, !f, bs, &flags);
			/* version 3, reference on P-frames, NV21 every other */
			b0 = 3 | (n & 1) << 3;
			if (!(flags & FWHT_ENC_FL_I_FRAME))
				b0 |= 0x10;
			write_seed(dir, n++, b0, flags, s[i].w, s[i].h, bs, len);
		}
		fwht_enc_free(&e);
		free(bs);
		pic_release(src);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("VDEC_FUZZ_SEED_DIR");

	if (dir && *dir)
		write_seeds(dir);
	return 0;
}
