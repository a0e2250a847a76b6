/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec decode core: the little it needs from its environment. The
 * core is plain C; this header maps it onto the kernel (the model module)
 * or onto the C library (host unit tests, fuzzers, benchmarks built by
 * tests/vdec-core/Makefile).
 */
#ifndef _VDEC_CORE_SHIM_H
#define _VDEC_CORE_SHIM_H

#ifdef __KERNEL__
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/types.h>

#define vdec_zalloc(size)	kvzalloc(size, GFP_KERNEL)
#define vdec_free(ptr)		kvfree(ptr)
#define vdec_dbg(fmt, ...)	pr_debug("vdec-core: " fmt, ##__VA_ARGS__)

#else /* host */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#define vdec_zalloc(size)	calloc(1, size)
#define vdec_free(ptr)		free(ptr)
#ifdef VDEC_CORE_DEBUG
#define vdec_dbg(fmt, ...)	fprintf(stderr, "vdec-core: " fmt, ##__VA_ARGS__)
#else
#define vdec_dbg(fmt, ...)	do { } while (0)
#endif

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#endif
#define min(a, b)		((a) < (b) ? (a) : (b))
#define max(a, b)		((a) > (b) ? (a) : (b))
#define clamp(v, lo, hi)	min(max(v, lo), hi)
#define ALIGN(x, a)		(((x) + (a) - 1) / (a) * (a))
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define fallthrough		__attribute__((__fallthrough__))
#endif /* __KERNEL__ */

#endif /* _VDEC_CORE_SHIM_H */
