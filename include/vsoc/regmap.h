/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Register access of vsoc drivers: the same code for silicon and the
 * virtual board.
 */
#ifndef _VSOC_REGMAP_H
#define _VSOC_REGMAP_H

#include <linux/device.h>
#include <linux/err.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>

/**
 * vsoc_regmap_get() - get the register map of a vsoc IP block
 * @pdev: the block's platform device
 * @cfg: register layout, used when the block is memory mapped
 *
 * On the virtual board the parent device ("vsoc,sim") offers a regmap
 * named after the block's DT node, backed by the block's model. On
 * silicon there is none and the block's first MMIO resource is mapped.
 * Either way the driver sees a regmap and nothing else.
 *
 * Return: the regmap or an ERR_PTR().
 */
static inline struct regmap *vsoc_regmap_get(struct platform_device *pdev,
					     const struct regmap_config *cfg)
{
	struct device *dev = &pdev->dev;
	void __iomem *base;
	struct regmap *map;

	if (dev->parent && dev->of_node) {
		map = dev_get_regmap(dev->parent, kbasename(of_node_full_name(dev->of_node)));
		if (map)
			return map;
	}

	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return ERR_CAST(base);

	return devm_regmap_init_mmio(dev, base, cfg);
}

#endif /* _VSOC_REGMAP_H */
