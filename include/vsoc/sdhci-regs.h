/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sdhci-vsoc: register interface of the vsoc eMMC host controller.
 * Specification: Documentation/vsoc-sdhci-regs.rst.
 *
 * The block is an SD Host Controller (SDHCI) version 4.20 at offsets
 * 0x000-0x0ff, followed by vendor registers at 0x100-0x1ff: sample tap
 * delay for HS200 tuning, the HS400 data strobe delay line (DLL) and its
 * lock status, enhanced strobe, the card's hardware reset line and the
 * sensed I/O voltage. The window is VSOC_SDHCI_REG_SIZE bytes.
 *
 * The block's bus port is 32 bits wide: every access is a 32-bit access
 * at an aligned offset (8- and 16-bit SDHCI registers are reached as
 * parts of their 32-bit word). Writing the word at VSOC_SDHCI_XFER_CMD
 * (Transfer Mode and Command) issues the command.
 *
 * A driver built on the kernel's SDHCI core uses the core's names for the
 * standard registers (drivers/mmc/host/sdhci.h) and this header for the
 * vendor registers and the bus rules. The standard offsets and fields a
 * hardware model needs are listed here under VSOC_SDHCI_* as well.
 */
#ifndef _VSOC_SDHCI_REGS_H
#define _VSOC_SDHCI_REGS_H

#include <linux/bits.h>

#define VSOC_SDHCI_REG_SIZE		0x200

/* --- standard SDHCI 4.20 registers (offsets of their 32-bit words) --- */
#define VSOC_SDHCI_SDMA_ADDR		0x000	/* v4: 32-bit block count */
/* [11:0] block size, [14:12] SDMA buffer boundary, [31:16] block count */
#define VSOC_SDHCI_BLOCK		0x004
#define VSOC_SDHCI_ARGUMENT		0x008
#define VSOC_SDHCI_XFER_CMD		0x00c	/* [15:0] transfer mode, [31:16] command */
#define   VSOC_SDHCI_TRNS_DMA		BIT(0)
#define   VSOC_SDHCI_TRNS_BLK_CNT_EN	BIT(1)
#define   VSOC_SDHCI_TRNS_AUTO_CMD12	BIT(2)
#define   VSOC_SDHCI_TRNS_AUTO_CMD23	BIT(3)
#define   VSOC_SDHCI_TRNS_READ		BIT(4)
#define   VSOC_SDHCI_TRNS_MULTI		BIT(5)
#define   VSOC_SDHCI_CMD_RESP_MASK	GENMASK(17, 16)	/* 0 none, 1 136, 2 48, 3 48 busy */
#define   VSOC_SDHCI_CMD_CRC		BIT(19)
#define   VSOC_SDHCI_CMD_INDEX_CHK	BIT(20)
#define   VSOC_SDHCI_CMD_DATA		BIT(21)
#define   VSOC_SDHCI_CMD_TYPE		GENMASK(23, 22)	/* 3: abort */
#define   VSOC_SDHCI_CMD_INDEX		GENMASK(29, 24)
#define VSOC_SDHCI_RESPONSE(n)		(0x010 + 4 * (n))	/* n = 0..3 */
#define VSOC_SDHCI_BUFFER		0x020	/* PIO data port: reads pop */
#define VSOC_SDHCI_PRESENT_STATE	0x024
#define   VSOC_SDHCI_CMD_INHIBIT	BIT(0)
#define   VSOC_SDHCI_DAT_INHIBIT	BIT(1)
#define   VSOC_SDHCI_DAT_ACTIVE		BIT(2)
#define   VSOC_SDHCI_WRITE_ACTIVE	BIT(8)
#define   VSOC_SDHCI_READ_ACTIVE	BIT(9)
#define   VSOC_SDHCI_SPACE_AVAILABLE	BIT(10)
#define   VSOC_SDHCI_DATA_AVAILABLE	BIT(11)
#define   VSOC_SDHCI_CARD_PRESENT	BIT(16)
#define   VSOC_SDHCI_CARD_STABLE	BIT(17)
#define   VSOC_SDHCI_CARD_DETECT_PIN	BIT(18)
#define   VSOC_SDHCI_WRITE_PROTECT	BIT(19)	/* 1: not protected */
#define   VSOC_SDHCI_DATA_LVL_MASK	GENMASK(23, 20)
#define   VSOC_SDHCI_CMD_LVL		BIT(24)
/* [7:0] host control 1, [15:8] power, [23:16] block gap, [31:24] wakeup */
#define VSOC_SDHCI_HOST_CONTROL		0x028
#define   VSOC_SDHCI_CTRL_4BITBUS	BIT(1)
#define   VSOC_SDHCI_CTRL_HISPD		BIT(2)
#define   VSOC_SDHCI_CTRL_DMA_MASK	GENMASK(4, 3)	/* 0 SDMA, 2 ADMA2, 3 ADMA2 64 (v3) */
#define   VSOC_SDHCI_CTRL_8BITBUS	BIT(5)
#define   VSOC_SDHCI_POWER_ON		BIT(8)
#define   VSOC_SDHCI_POWER_VDD		GENMASK(11, 9)	/* 5: 1.8 V, 7: 3.3 V */
/* [15:0] clock control, [23:16] timeout control, [31:24] software reset */
#define VSOC_SDHCI_CLOCK_CONTROL	0x02c
#define   VSOC_SDHCI_CLOCK_INT_EN	BIT(0)
#define   VSOC_SDHCI_CLOCK_INT_STABLE	BIT(1)
#define   VSOC_SDHCI_CLOCK_CARD_EN	BIT(2)
#define   VSOC_SDHCI_CLOCK_PLL_EN	BIT(3)
#define   VSOC_SDHCI_CLOCK_PROG		BIT(5)
#define   VSOC_SDHCI_DIV_HI_MASK	GENMASK(7, 6)	/* divider bits 9:8 */
#define   VSOC_SDHCI_DIV_MASK		GENMASK(15, 8)	/* divider bits 7:0 */
#define   VSOC_SDHCI_TIMEOUT_MASK	GENMASK(19, 16)
#define   VSOC_SDHCI_RESET_ALL		BIT(24)
#define   VSOC_SDHCI_RESET_CMD		BIT(25)
#define   VSOC_SDHCI_RESET_DATA		BIT(26)
/* [15:0] normal, [31:16] error interrupt status (W1C) */
#define VSOC_SDHCI_INT_STATUS		0x030
#define VSOC_SDHCI_INT_ENABLE		0x034
#define VSOC_SDHCI_SIGNAL_ENABLE	0x038
#define   VSOC_SDHCI_INT_RESPONSE	BIT(0)
#define   VSOC_SDHCI_INT_DATA_END	BIT(1)
#define   VSOC_SDHCI_INT_BLK_GAP	BIT(2)
#define   VSOC_SDHCI_INT_DMA_END	BIT(3)
#define   VSOC_SDHCI_INT_SPACE_AVAIL	BIT(4)
#define   VSOC_SDHCI_INT_DATA_AVAIL	BIT(5)
#define   VSOC_SDHCI_INT_CARD_INSERT	BIT(6)
#define   VSOC_SDHCI_INT_CARD_REMOVE	BIT(7)
#define   VSOC_SDHCI_INT_CARD_INT	BIT(8)
#define   VSOC_SDHCI_INT_RETUNE		BIT(12)
#define   VSOC_SDHCI_INT_CQE		BIT(14)
#define   VSOC_SDHCI_INT_ERROR		BIT(15)	/* summary, read only */
#define   VSOC_SDHCI_INT_TIMEOUT	BIT(16)
#define   VSOC_SDHCI_INT_CRC		BIT(17)
#define   VSOC_SDHCI_INT_END_BIT	BIT(18)
#define   VSOC_SDHCI_INT_INDEX		BIT(19)
#define   VSOC_SDHCI_INT_DATA_TIMEOUT	BIT(20)
#define   VSOC_SDHCI_INT_DATA_CRC	BIT(21)
#define   VSOC_SDHCI_INT_DATA_END_BIT	BIT(22)
#define   VSOC_SDHCI_INT_BUS_POWER	BIT(23)
#define   VSOC_SDHCI_INT_AUTO_CMD_ERR	BIT(24)
#define   VSOC_SDHCI_INT_ADMA_ERROR	BIT(25)
/* [15:0] auto CMD error status (RO), [31:16] host control 2 */
#define VSOC_SDHCI_ACMD_HOST_CONTROL2	0x03c
#define   VSOC_SDHCI_CTRL_UHS_MASK	GENMASK(18, 16)
#define     VSOC_SDHCI_UHS_SDR12	0
#define     VSOC_SDHCI_UHS_SDR25	1
#define     VSOC_SDHCI_UHS_SDR50	2
#define     VSOC_SDHCI_UHS_SDR104	3	/* eMMC HS200 */
#define     VSOC_SDHCI_UHS_DDR50	4	/* eMMC DDR52 */
#define     VSOC_SDHCI_UHS_HS400	5	/* eMMC HS400 */
#define   VSOC_SDHCI_CTRL_VDD_180	BIT(19)
#define   VSOC_SDHCI_CTRL_EXEC_TUNING	BIT(22)
#define   VSOC_SDHCI_CTRL_TUNED_CLK	BIT(23)
#define   VSOC_SDHCI_CTRL_V4_MODE	BIT(28)
#define   VSOC_SDHCI_CTRL_64BIT_ADDR	BIT(29)
#define   VSOC_SDHCI_CTRL_PRESET_VAL	BIT(31)
#define VSOC_SDHCI_CAPABILITIES		0x040
#define VSOC_SDHCI_CAPABILITIES_1	0x044
#define VSOC_SDHCI_MAX_CURRENT		0x048
#define VSOC_SDHCI_ADMA_ERROR		0x054
#define VSOC_SDHCI_ADMA_ADDRESS		0x058
#define VSOC_SDHCI_ADMA_ADDRESS_HI	0x05c
/* [15:0] slot interrupt status, [31:16] host version */
#define VSOC_SDHCI_SLOT_INT_VERSION	0x0fc
#define   VSOC_SDHCI_SPEC_VER_MASK	GENMASK(23, 16)
#define     VSOC_SDHCI_SPEC_420		5

/* --- vendor registers --- */
#define VSOC_SDHCI_VENDOR_ID		0x100	/* RO */
#define   VSOC_SDHCI_VENDOR_ID_VALUE	0x7673534d	/* "vsSM" */
#define VSOC_SDHCI_VENDOR_VERSION	0x104	/* RO: [15:8] major, [7:0] minor */

/*
 * Sample point of read data (and, outside enhanced strobe, of command
 * responses) at HS200 and HS400: one of VSOC_SDHCI_TAP_COUNT taps of the
 * delay line. Only a window of taps samples correctly; tuning finds it.
 */
#define VSOC_SDHCI_TAP_CTRL		0x108	/* RW */
#define   VSOC_SDHCI_TAP_VALUE		GENMASK(5, 0)
#define VSOC_SDHCI_TAP_COUNT		64

/* HS400 data strobe delay line. */
#define VSOC_SDHCI_DLL_CTRL		0x10c	/* RW */
#define   VSOC_SDHCI_DLL_ENABLE		BIT(0)
#define   VSOC_SDHCI_DLL_STROBE_DELAY	GENMASK(14, 8)
/* Strobe delay that centres the strobe in the data eye at 200 MHz. */
#define   VSOC_SDHCI_DLL_STROBE_DEFAULT	0x40
#define VSOC_SDHCI_DLL_STATUS		0x110	/* RO */
#define   VSOC_SDHCI_DLL_LOCKED		BIT(0)
/* The card clock is off or below 50 MHz: the DLL cannot lock. */
#define   VSOC_SDHCI_DLL_LOCK_ERROR	BIT(1)
/* Longest time from DLL_ENABLE (with the card clock running) to LOCKED. */
#define VSOC_SDHCI_DLL_LOCK_US		100

/* eMMC specific controls. */
#define VSOC_SDHCI_EMMC_CTRL		0x114	/* RW */
/* Sample commands and data with the data strobe (HS400 enhanced strobe). */
#define   VSOC_SDHCI_EMMC_ENH_STROBE	BIT(0)
/* Level of the card's RST_n line (1: released, reset value). */
#define   VSOC_SDHCI_EMMC_RST_N		BIT(1)

/* I/O voltage the pads see on the bus (the vqmmc supply). */
#define VSOC_SDHCI_IO_STATUS		0x118	/* RO */
#define   VSOC_SDHCI_IO_1V8		BIT(0)	/* 0: 3.3 V */

#endif /* _VSOC_SDHCI_REGS_H */
