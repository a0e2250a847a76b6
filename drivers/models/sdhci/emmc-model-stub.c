// SPDX-License-Identifier: GPL-2.0
/*
 * Module information of vsoc-sdhci-model while the module holds only the
 * eMMC card (before the controller model, sdhci-model.c, joins it; Kbuild
 * drops this file then).
 */
#include <linux/module.h>

MODULE_DESCRIPTION("vsoc virtual board: model of the eMMC 5.1 card behind the vsoc SDHCI controller");
MODULE_LICENSE("GPL");
