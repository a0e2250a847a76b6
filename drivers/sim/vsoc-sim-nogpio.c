// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-sim: a board without GPIO lines, for kernels without gpiolib or
 * irq_sim. Models still link; they find no line.
 */
#include <linux/errno.h>
#include <linux/export.h>

#include <vsoc/sim.h>

#include "vsoc-sim-priv.h"

int vsoc_sim_gpio_create(struct vsoc_sim *sim)
{
	return 0;
}

void vsoc_sim_gpio_block_attach(struct vsoc_sim_block *blk)
{
}

void vsoc_sim_gpio_block_start(struct vsoc_sim_block *blk)
{
}

void vsoc_sim_gpio_block_detach(struct vsoc_sim_block *blk)
{
}

int vsoc_sim_gpio_lookup(struct vsoc_sim_block *blk, const char *signal)
{
	return -ENODEV;
}
EXPORT_SYMBOL_GPL(vsoc_sim_gpio_lookup);

int vsoc_sim_gpio_get(struct vsoc_sim_block *blk, unsigned int line)
{
	return -ENODEV;
}
EXPORT_SYMBOL_GPL(vsoc_sim_gpio_get);

int vsoc_sim_gpio_set(struct vsoc_sim_block *blk, unsigned int line,
		      bool level)
{
	return -ENODEV;
}
EXPORT_SYMBOL_GPL(vsoc_sim_gpio_set);
