/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Just enough of the kernel for vicodec's codec-fwht.c (the reference
 * FWHT codec, compiled from a kernel source tree by "make vicodec-diff",
 * never copied here) to build on the host. Force-included, with empty
 * <linux/...> headers ahead in the include path.
 */
#ifndef _FWHT_VICODEC_SHIM_H
#define _FWHT_VICODEC_SHIM_H

#include <arpa/inet.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int16_t s16;
typedef int32_t s32;
typedef uint16_t __be16;
typedef uint32_t __be32;

#define BIT(n)			(1UL << (n))
#define round_up(x, y)		((((x) - 1) | ((y) - 1)) + 1)
#define noinline_for_stack	__attribute__((__noinline__))

#define V4L2_FWHT_FL_LUMA_IS_UNCOMPRESSED	0x00000010
#define V4L2_FWHT_FL_CB_IS_UNCOMPRESSED		0x00000020
#define V4L2_FWHT_FL_CR_IS_UNCOMPRESSED		0x00000040
#define V4L2_FWHT_FL_CHROMA_FULL_HEIGHT		0x00000080
#define V4L2_FWHT_FL_CHROMA_FULL_WIDTH		0x00000100
#define V4L2_FWHT_FL_ALPHA_IS_UNCOMPRESSED	0x00000200

#endif /* _FWHT_VICODEC_SHIM_H */
