/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-sim internals shared between its files and its KUnit suite.
 */
#ifndef _VSOC_SIM_PRIV_H
#define _VSOC_SIM_PRIV_H

#include <linux/list.h>
#include <linux/regmap.h>
#include <linux/types.h>

/* Interrupt lines of one board: hwirq numbers 0..VSOC_SIM_NR_IRQS-1. */
#define VSOC_SIM_NR_IRQS	64

struct dentry;
struct device_node;
struct fwnode_handle;
struct irq_domain;
struct platform_device;
struct regmap;
struct vsoc_sim_block;
struct vsoc_sim_gpio;
struct vsoc_sim_irq;
struct vsoc_sim_model;

/**
 * struct vsoc_sim - one virtual board
 * @dev: the "vsoc,sim" device
 * @irq: the board's interrupt controller
 * @gpio: the board's GPIO lines, NULL if it has none
 * @line_owner: DT node of the block each interrupt line belongs to
 * @debugfs: debugfs directory of the board
 * @blocks: blocks of the board that have a model
 * @list: entry in the list of boards
 */
struct vsoc_sim {
	struct device *dev;
	struct vsoc_sim_irq *irq;
	struct vsoc_sim_gpio *gpio;
	struct device_node *line_owner[VSOC_SIM_NR_IRQS];
	struct dentry *debugfs;
	struct list_head blocks;
	struct list_head list;
};

#if IS_ENABLED(CONFIG_KUNIT)
size_t vsoc_sim_dma_chunk(u64 addr, size_t remaining);
bool vsoc_sim_dma_range_valid(u64 addr, size_t len, u64 mask);
#endif

/* The board's interrupt controller (vsoc-sim-irq.c). */
struct vsoc_sim_irq *vsoc_sim_irq_create(struct fwnode_handle *fwnode,
					 unsigned int nr);
void vsoc_sim_irq_remove(struct vsoc_sim_irq *si);
struct irq_domain *vsoc_sim_irq_domain(struct vsoc_sim_irq *si);
void vsoc_sim_irq_line_set(struct vsoc_sim_irq *si, unsigned int hwirq,
			   bool level);

/*
 * The board's GPIO lines (vsoc-sim-gpio.c); without gpiolib or irq_sim
 * in the kernel a board has none.
 */
int vsoc_sim_gpio_create(struct vsoc_sim *sim);
void vsoc_sim_gpio_block_attach(struct vsoc_sim_block *blk);
void vsoc_sim_gpio_block_start(struct vsoc_sim_block *blk);
void vsoc_sim_gpio_block_detach(struct vsoc_sim_block *blk);

/**
 * struct vsoc_sim_block - an IP block: a DT child of the board with a model
 * @sim: the board
 * @model: the model behind the registers
 * @np: the block's DT node
 * @pdev: the platform device the block's driver binds to, NULL until it
 *	exists; referenced until the block is freed, so that a model's late
 *	DMA never touches a freed device
 * @regmap: register map offered to the driver on the board device
 * @debugfs: the block's debugfs directory, for its model
 * @priv: model state
 * @size: size of the register window in bytes
 * @nr_irqs: number of interrupt lines
 * @virqs: Linux interrupt numbers of the lines, in DT order
 * @hwirqs: the board's line numbers of the lines, in DT order
 * @precious: the registers the model calls precious, for the regmap;
 *	NULL if none. The table and its ranges are the block's
 * @adding: its device is being created, outside the board lock
 * @failed: its device could not be created
 * @dying: being removed: no device is to be created for it any more
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
	unsigned int *hwirqs;
	const struct regmap_access_table *precious;
	bool adding;
	bool failed;
	bool dying;
	struct list_head list;
};

#endif /* _VSOC_SIM_PRIV_H */
