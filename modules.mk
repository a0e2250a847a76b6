# SPDX-License-Identifier: GPL-2.0
#
# The modules of this tree and the kernel options each needs (all y or m).
# Read by Kbuild, which skips a module the kernel cannot carry, and by
# dkms.conf, which must expect exactly the modules Kbuild builds.
# One "<module>-needs := CONFIG_..." line per module, and for a module that
# uses in-kernel APIs newer than the oldest kernel supported (6.1, see
# include/vsoc/compat.h) a "<module>-since := MAJOR.MINOR" line.
# A module that includes headers private to the kernel source tree (not
# in distribution header packages) lists them, relative to the source
# tree, in a "<module>-srcfiles := path..." line; a kernel tree without
# them does not get the module.
# Each KUnit module also has one "<module>-suites := suite..." line: the
# suites it must run (read by the tests only; a suite that does not run,
# or one that is not declared, fails the kunit group).

# The virtual board and its models.
vsoc-sim-needs := CONFIG_OF CONFIG_IRQ_DOMAIN CONFIG_REGMAP CONFIG_HAS_DMA
vsoc-dummy-model-needs := CONFIG_OF CONFIG_IRQ_DOMAIN CONFIG_REGMAP CONFIG_HAS_DMA
vsoc-vdec-model-needs := CONFIG_OF CONFIG_IRQ_DOMAIN CONFIG_REGMAP CONFIG_HAS_DMA
vsoc-sdhci-model-needs := CONFIG_OF CONFIG_IRQ_DOMAIN CONFIG_REGMAP CONFIG_HAS_DMA
# The switch model's link partners are network interfaces.
vsoc-switch-model-needs := CONFIG_OF CONFIG_IRQ_DOMAIN CONFIG_REGMAP CONFIG_HAS_DMA CONFIG_NET

# Drivers: they build for any kernel, with or without the board.
vsoc-dummy-needs := CONFIG_REGMAP_MMIO CONFIG_HAS_DMA
sdhci-vsoc-needs := CONFIG_MMC_SDHCI CONFIG_MMC_SDHCI_PLTFM CONFIG_MMC_SDHCI_IO_ACCESSORS CONFIG_REGMAP_MMIO CONFIG_COMMON_CLK CONFIG_OF CONFIG_HAS_DMA
sdhci-vsoc-srcfiles := drivers/mmc/host/sdhci-pltfm.h drivers/mmc/host/sdhci.h
# vsoc-switch: switchdev, phylink (its PCS), devlink; the bridge's
# helpers (br_vlan_enabled()...) are stubs without CONFIG_BRIDGE.
vsoc-switch-needs := CONFIG_NET_SWITCHDEV CONFIG_PHYLINK CONFIG_NET_DEVLINK CONFIG_BRIDGE CONFIG_OF CONFIG_REGMAP_MMIO CONFIG_HAS_DMA
# alloc_netdev_dummy() (6.9), ethtool_puts() (6.8), the neg_mode PCS
# interface (6.7) and platform_driver::remove returning void (6.11).
vsoc-switch-since := 6.12
# vsoc-phy: the copper SFP module's PHY (phylib only, no board needed).
vsoc-phy-needs := CONFIG_PHYLIB
vsoc-vdec-needs := CONFIG_VIDEO_DEV CONFIG_V4L2_MEM2MEM_DEV CONFIG_VIDEOBUF2_DMA_CONTIG CONFIG_MEDIA_CONTROLLER CONFIG_REGMAP_MMIO CONFIG_HAS_DMA

# KUnit suites.
vsoc-sim-kunit-needs := CONFIG_KUNIT CONFIG_OF CONFIG_OF_OVERLAY CONFIG_IRQ_DOMAIN CONFIG_REGMAP CONFIG_HAS_DMA
vsoc-dummy-model-kunit-needs := CONFIG_KUNIT CONFIG_OF CONFIG_IRQ_DOMAIN CONFIG_REGMAP CONFIG_HAS_DMA
vsoc-vdec-model-kunit-needs := CONFIG_KUNIT CONFIG_OF CONFIG_IRQ_DOMAIN CONFIG_REGMAP CONFIG_HAS_DMA
vsoc-sdhci-model-kunit-needs := CONFIG_KUNIT CONFIG_OF CONFIG_IRQ_DOMAIN CONFIG_REGMAP CONFIG_HAS_DMA
vsoc-switch-model-kunit-needs := CONFIG_KUNIT CONFIG_OF CONFIG_IRQ_DOMAIN CONFIG_REGMAP CONFIG_HAS_DMA CONFIG_NET
sdhci-vsoc-kunit-needs := CONFIG_KUNIT CONFIG_MMC_SDHCI CONFIG_MMC_SDHCI_PLTFM CONFIG_MMC_SDHCI_IO_ACCESSORS CONFIG_REGMAP_MMIO CONFIG_COMMON_CLK CONFIG_OF CONFIG_HAS_DMA
sdhci-vsoc-kunit-srcfiles := drivers/mmc/host/sdhci-pltfm.h drivers/mmc/host/sdhci.h
vsoc-switch-kunit-needs := CONFIG_KUNIT CONFIG_NET_SWITCHDEV CONFIG_PHYLINK CONFIG_NET_DEVLINK CONFIG_BRIDGE CONFIG_OF CONFIG_REGMAP_MMIO CONFIG_HAS_DMA
vsoc-vdec-kunit-needs := CONFIG_KUNIT CONFIG_VIDEO_DEV CONFIG_V4L2_MEM2MEM_DEV CONFIG_VIDEOBUF2_DMA_CONTIG CONFIG_MEDIA_CONTROLLER CONFIG_REGMAP_MMIO CONFIG_HAS_DMA
# kunit/of.h overlays and kunit_release_action() came with 6.7,
# kunit_vm_mmap() with 6.12.
vsoc-sim-kunit-since := 6.12
# EXPORT_SYMBOL_IF_KUNIT() came with 6.2.
vsoc-dummy-model-kunit-since := 6.2
vsoc-vdec-model-kunit-since := 6.2
vsoc-sdhci-model-kunit-since := 6.2
vsoc-switch-model-kunit-since := 6.2
vsoc-vdec-kunit-since := 6.2
sdhci-vsoc-kunit-since := 6.2
vsoc-switch-kunit-since := 6.12
vsoc-sim-kunit-suites := vsoc-sim-dma vsoc-sim-models vsoc-sim-irq vsoc-sim-blocks vsoc-sim-gpio vsoc-sim-i2c
vsoc-dummy-model-kunit-suites := vsoc-dummy-model
vsoc-vdec-model-kunit-suites := vsoc-vdec-model vsoc-vdec-core
vsoc-sdhci-model-kunit-suites := vsoc-sdhci-model vsoc-emmc-card
vsoc-switch-model-kunit-suites := vsoc-switch-fdb vsoc-switch-vlan vsoc-switch-pcs vsoc-switch-pipeline vsoc-switch-counters vsoc-switch-phy vsoc-switch-mdio vsoc-switch-sfp vsoc-switch-cage
vsoc-vdec-kunit-suites := vsoc-vdec-ctrls vsoc-vdec-regs
sdhci-vsoc-kunit-suites := sdhci-vsoc-tuning sdhci-vsoc-io sdhci-vsoc-clock sdhci-vsoc-modes
vsoc-switch-kunit-suites := vsoc-switch-drv-fdb vsoc-switch-drv-pcs vsoc-switch-drv-policy vsoc-switch-drv-mdio vsoc-switch-drv-linkstate
