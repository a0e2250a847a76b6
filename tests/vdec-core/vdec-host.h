/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vsoc-vdec decode core built for the host: the kernel types and
 * helpers the core uses, from the C library (included by
 * drivers/models/vdec/core/vdec-core-shim.h when not in the kernel).
 */
#ifndef _VDEC_HOST_H
#define _VDEC_HOST_H

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
#define VDEC_CORE_DEBUG_ON	1
#else
#define VDEC_CORE_DEBUG_ON	0
#endif
#define vdec_dbg(fmt, ...)						\
	do {								\
		if (VDEC_CORE_DEBUG_ON)					\
			fprintf(stderr, "vdec-core: " fmt, ##__VA_ARGS__); \
	} while (0)

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

/* Nothing is exported on the host; this keeps the statement legal. */
#define VDEC_EXPORT_FOR_KUNIT(sym)	struct vdec_unexported_##sym

#endif /* _VDEC_HOST_H */
