/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec decode core: MSB-first bit reader. Reads never go past the
 * end of the buffer: past it the reader returns zero bits and counts
 * them, so a caller bounds its loops by checking vdec_bits_overrun().
 */
#ifndef _VDEC_BITS_H
#define _VDEC_BITS_H

#include "vdec-core-shim.h"

/**
 * struct vdec_bits - bit reader state
 * @start: first byte of the buffer
 * @p: next byte to load into @cache
 * @end: one past the last byte of the buffer
 * @cache: the next bits, MSB first
 * @left: number of valid bits in @cache
 * @zeros: zero bytes loaded past @end
 */
struct vdec_bits {
	const u8 *start;
	const u8 *p;
	const u8 *end;
	u64 cache;
	int left;
	u32 zeros;
};

static inline void vdec_bits_refill(struct vdec_bits *b)
{
	if (b->left > 32)
		return;
	if (b->end - b->p >= 8) {
		int n = (64 - b->left) >> 3;
		u64 v = 0;
		int i;

		/*
		 * A loop rather than p[0] .. p[7]: compilers make the same
		 * load of it, and sparse does not take the constant offsets
		 * for accesses past a short caller's buffer.
		 */
		for (i = 0; i < 8; i++)
			v = v << 8 | b->p[i];

		b->cache |= v >> b->left;
		b->p += n;
		b->left += n * 8;
		return;
	}
	while (b->left <= 56) {
		u64 byte = 0;

		if (b->p < b->end)
			byte = *b->p++;
		else
			b->zeros++;
		b->cache |= byte << (56 - b->left);
		b->left += 8;
	}
}

/**
 * vdec_bits_init() - start reading a buffer
 * @b: reader
 * @buf: the bytes
 * @len: number of bytes at @buf
 */
static inline void vdec_bits_init(struct vdec_bits *b, const u8 *buf, u32 len)
{
	b->start = buf;
	b->p = buf;
	b->end = buf + len;
	b->cache = 0;
	b->left = 0;
	b->zeros = 0;
	vdec_bits_refill(b);
}

/* The next @n (1..32) bits, not consumed. */
static inline u32 vdec_bits_peek(struct vdec_bits *b, int n)
{
	vdec_bits_refill(b);
	return (u32)(b->cache >> (64 - n));
}

/* Consume @n (0..32) bits, after a peek of at least @n bits. */
static inline void vdec_bits_skip(struct vdec_bits *b, int n)
{
	b->cache <<= n;
	b->left -= n;
}

/* Read @n (1..32) bits. */
static inline u32 vdec_bits_get(struct vdec_bits *b, int n)
{
	u32 v = vdec_bits_peek(b, n);

	vdec_bits_skip(b, n);
	return v;
}

static inline u32 vdec_bits_get1(struct vdec_bits *b)
{
	return vdec_bits_get(b, 1);
}

/* Number of bits consumed so far. */
static inline u64 vdec_bits_pos(const struct vdec_bits *b)
{
	return ((u64)(b->p - b->start) + b->zeros) * 8 - b->left;
}

/* True once more bits were consumed than the buffer holds. */
static inline bool vdec_bits_overrun(const struct vdec_bits *b)
{
	return vdec_bits_pos(b) > (u64)(b->end - b->start) * 8;
}

/* Bits left in the buffer (0 once overrun). */
static inline u64 vdec_bits_left(const struct vdec_bits *b)
{
	u64 pos = vdec_bits_pos(b), total = (u64)(b->end - b->start) * 8;

	return pos < total ? total - pos : 0;
}

#endif /* _VDEC_BITS_H */
