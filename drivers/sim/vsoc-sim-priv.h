/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-sim internals shared between its files and its KUnit suite.
 */
#ifndef _VSOC_SIM_PRIV_H
#define _VSOC_SIM_PRIV_H

#include <linux/types.h>

/* Interrupt lines of one board: hwirq numbers 0..VSOC_SIM_NR_IRQS-1. */
#define VSOC_SIM_NR_IRQS	64

#if IS_ENABLED(CONFIG_KUNIT)
size_t vsoc_sim_dma_chunk(u64 addr, size_t remaining);
bool vsoc_sim_dma_range_valid(u64 addr, size_t len, u64 mask);
#endif

#endif /* _VSOC_SIM_PRIV_H */
