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

/*
 * Networking shims, for files that include linux/netdevice.h before this
 * one.
 *
 * v6.5: the GSO helpers (skb_gso_segment()) moved from
 * linux/netdevice.h to net/gso.h ("net: move gso declarations and
 * functions to their own files").
 */
#ifdef _LINUX_NETDEVICE_H
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#include <net/gso.h>
#endif
#endif

/*
 * GPIO shims, for files that include linux/gpio/driver.h before this one.
 *
 * v6.17: gpio_chip::set() returns an error code ("gpio: move
 * gpio_chip::set_rv() back to gpio_chip::set()"); it returned nothing
 * before. Declare the callback "static VSOC_GPIO_SET_RET fn(...)" and
 * end it with "return VSOC_GPIO_SET_OK;".
 */
#ifdef __LINUX_GPIO_DRIVER_H
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 17, 0)
#define VSOC_GPIO_SET_RET void
#define VSOC_GPIO_SET_OK
#else
#define VSOC_GPIO_SET_RET int
#define VSOC_GPIO_SET_OK 0
#endif
#endif

/*
 * Media shims, for files that include the media headers before this one.
 *
 * v6.18: v4l2_fh_add() and v4l2_fh_del() take the file and set and clear
 * its private_data ("media: v4l2-fh: Move piece of code to
 * v4l2_fh_add()"); file_to_v4l2_fh() came with them.
 */
#ifdef V4L2_FH_H
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 18, 0)
static inline struct v4l2_fh *vsoc_file_to_v4l2_fh(struct file *filp)
{
	return filp->private_data;
}

#define file_to_v4l2_fh vsoc_file_to_v4l2_fh

static inline void vsoc_v4l2_fh_add(struct v4l2_fh *fh, struct file *filp)
{
	filp->private_data = fh;
	v4l2_fh_add(fh);
}

static inline void vsoc_v4l2_fh_del(struct v4l2_fh *fh, struct file *filp)
{
	v4l2_fh_del(fh);
	filp->private_data = NULL;
}
#else
#define vsoc_v4l2_fh_add v4l2_fh_add
#define vsoc_v4l2_fh_del v4l2_fh_del
#endif
#endif

/*
 * v6.13: vb2 drops the queue's lock itself around a blocking wait when
 * a driver sets no wait_prepare/wait_finish ("media: vb2: use lock if
 * wait_prepare/finish are NULL"); v6.16 removed the two ops. Before,
 * a driver with a queue lock must set them: put VSOC_VB2_WAIT_OPS last
 * in a struct vb2_ops initialiser, without a comma.
 */
#ifdef _MEDIA_VIDEOBUF2_CORE_H
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
#define VSOC_VB2_WAIT_OPS \
	.wait_prepare = vb2_ops_wait_prepare, \
	.wait_finish = vb2_ops_wait_finish,
#else
#define VSOC_VB2_WAIT_OPS
#endif
#endif

/*
 * v6.19: v4l2_m2m_buf_copy_metadata() lost its copy_frame_flags
 * argument and never copies the key/P/B frame flags ("media:
 * v4l2-mem2mem: Drop the copy_frame_flags argument").
 */
#ifdef _MEDIA_V4L2_MEM2MEM_H
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 19, 0)
static inline void vsoc_m2m_buf_copy_metadata(const struct vb2_v4l2_buffer *out_vb,
					      struct vb2_v4l2_buffer *cap_vb)
{
	v4l2_m2m_buf_copy_metadata(out_vb, cap_vb, false);
}
#else
#define vsoc_m2m_buf_copy_metadata v4l2_m2m_buf_copy_metadata
#endif
#endif

/*
 * SDHCI shims, for files that include the SDHCI core's sdhci.h first.
 *
 * sdhci_alloc_host() became device managed and sdhci_free_host() went
 * away ("mmc: sdhci: Use devm_mmc_alloc_host()", after 6.12). Which
 * kernel has which is read from its sdhci.h by Kbuild, which defines
 * VSOC_SDHCI_FREE_HOST where sdhci_free_host() exists.
 */
#ifdef __SDHCI_HW_H
static inline void vsoc_sdhci_free_host(struct sdhci_host *host)
{
#ifdef VSOC_SDHCI_FREE_HOST
	sdhci_free_host(host);
#endif
}
#endif

/*
 * Phylink shims, for files that include linux/phylink.h before this one.
 *
 * v6.14: .pcs_get_state() is given the PCS negotiation mode ("net:
 * phylink: pass neg_mode into .pcs_get_state() method"), .pcs_inband_caps()
 * came ("net: phylink: add pcs_inband_caps() method"), and every PCS gets
 * neg_mode in .pcs_config(): before, a PCS asked for it by setting
 * phylink_pcs::neg_mode. Declare the callback's parameters as
 * (VSOC_PCS_GET_STATE_ARGS), which names them pcs and state, and call
 * vsoc_pcs_use_neg_mode().
 * Only 6.12 and 7.2 are built; the version is from the mainline history.
 */
#ifdef NETDEV_PCS_H
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 14, 0)
#define VSOC_PCS_GET_STATE_ARGS \
	struct phylink_pcs *pcs, unsigned int neg_mode, \
	struct phylink_link_state *state
#define VSOC_PCS_INBAND_CAPS
static inline void vsoc_pcs_use_neg_mode(struct phylink_pcs *pcs)
{
}
#else
#define VSOC_PCS_GET_STATE_ARGS \
	struct phylink_pcs *pcs, struct phylink_link_state *state
static inline void vsoc_pcs_use_neg_mode(struct phylink_pcs *pcs)
{
	pcs->neg_mode = true;
}
#endif
#endif

#endif /* _VSOC_COMPAT_H */
