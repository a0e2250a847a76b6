/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the vsoc modules need from kernels older or newer than the one
 * they are written for (6.12), in one place: each shim names the kernel
 * change it papers over. Supported: 6.1 and later. Not for upstream: a
 * driver merged into the kernel needs none of it, so checkpatch's rules
 * against version checks are waived for this file (tests/groups/static.sh).
 */
#ifndef _VSOC_COMPAT_H
#define _VSOC_COMPAT_H

#include <linux/module.h>
#include <linux/of.h>
#include <linux/version.h>

/*
 * v6.2, and 6.1.y stable: kunit/visibility.h, symbols visible to KUnit
 * suites only. Looked for, not assumed from the version (stable kernels
 * have it); sparse knows no __has_include and gets the same from below.
 */
#ifdef __has_include
#if __has_include("kunit/visibility.h")
#include <kunit/visibility.h>
#endif
#endif
#ifndef VISIBLE_IF_KUNIT
#if IS_ENABLED(CONFIG_KUNIT)
#define VISIBLE_IF_KUNIT
#define EXPORT_SYMBOL_IF_KUNIT(symbol) \
	EXPORT_SYMBOL_NS(symbol, EXPORTED_FOR_KUNIT_TESTING)
#else
#define VISIBLE_IF_KUNIT static
/* Nothing to export; a declaration keeps the caller's semicolon legal. */
#define EXPORT_SYMBOL_IF_KUNIT(symbol) struct vsoc_unexported_##symbol
#endif
#endif

/* v6.3: of_property_present() replaced of_find_property() as a test. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 3, 0)
static inline bool vsoc_of_property_present(const struct device_node *np,
					    const char *name)
{
	return of_find_property(np, name, NULL);
}

#define of_property_present vsoc_of_property_present
#endif

/*
 * v6.13: symbol namespaces are string literals ("module: Convert symbol
 * namespace to string literal").
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define VSOC_IMPORT_NS_KUNIT() MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING")
#else
#define VSOC_IMPORT_NS_KUNIT() MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING)
#endif

#endif /* _VSOC_COMPAT_H */
