/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-sim internals shared between its files and its KUnit suite.
 */
#ifndef _VSOC_SIM_PRIV_H
#define _VSOC_SIM_PRIV_H

#include <linux/list.h>
#include <linux/types.h>

/* Interrupt lines of one board: hwirq numbers 0..VSOC_SIM_NR_IRQS-1. */
#define VSOC_SIM_NR_IRQS	64

#if IS_ENABLED(CONFIG_KUNIT)
size_t vsoc_sim_dma_chunk(u64 addr, size_t remaining);
bool vsoc_sim_dma_range_valid(u64 addr, size_t len, u64 mask);
#endif

struct dentry;
struct device_node;
struct platform_device;
struct regmap;
struct vsoc_sim;
struct vsoc_sim_model;

/**
 * struct vsoc_sim_block - an IP block: a DT child of the board with a model
 * @sim: the board
 * @model: the model behind the registers
 * @np: the block's DT node
 * @pdev: the platform device the block's driver binds to
 * @regmap: register map offered to the driver on the board device
 * @debugfs: the block's debugfs directory, for its model
 * @priv: model state
 * @size: size of the register window in bytes
 * @nr_irqs: number of interrupt lines
 * @virqs: Linux interrupt numbers of the lines, in DT order
 * @list: entry in the board's list of blocks
 */
struct vsoc_sim_block {
	struct vsoc_sim *sim;
	const struct vsoc_sim_model *model;
	struct device_node *np;
	struct platform_device *pdev;
	struct regmap *regmap;
	struct dentry *debugfs;
	void *priv;
	u32 size;
	unsigned int nr_irqs;
	int *virqs;
	struct list_head list;
};

#endif /* _VSOC_SIM_PRIV_H */
