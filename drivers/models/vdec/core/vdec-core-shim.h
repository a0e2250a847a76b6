/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec decode core: the little it needs from its environment. The
 * core is plain C; this header maps it onto the kernel (the model module)
 * or onto the C library (host unit tests, fuzzers, benchmarks built by
 * tests/vdec-core/Makefile, which finds vdec-host.h).
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
/* The self-checks (vdec-core-check.c) are run by the model's KUnit suite. */
#include <linux/export.h>
#include <vsoc/compat.h>
#define VDEC_EXPORT_FOR_KUNIT(sym)	EXPORT_SYMBOL_IF_KUNIT(sym)

#else
/* tests/vdec-core/vdec-host.h: the C library in the kernel's words. */
#include "vdec-host.h"
#endif /* __KERNEL__ */

#endif /* _VDEC_CORE_SHIM_H */
