/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-dummy: register interface of the board's smoke-test IP block.
 * Specification: Documentation/vsoc-dummy.rst. All registers are 32 bits.
 */
#ifndef _VSOC_DUMMY_REGS_H
#define _VSOC_DUMMY_REGS_H

#include <linux/bits.h>
#include <linux/sizes.h>

#define VSOC_DUMMY_REG_SIZE		0x40

#define VSOC_DUMMY_ID			0x00	/* RO */
#define   VSOC_DUMMY_ID_VALUE		0x76734430	/* "vsD0" */
#define VSOC_DUMMY_VERSION		0x04	/* RO */
#define   VSOC_DUMMY_VERSION_MAJOR	GENMASK(15, 8)
#define   VSOC_DUMMY_VERSION_MINOR	GENMASK(7, 0)
#define VSOC_DUMMY_SCRATCH		0x08	/* RW */
#define VSOC_DUMMY_IRQ_STATUS		0x10	/* RO/W1C */
#define VSOC_DUMMY_IRQ_ENABLE		0x14	/* RW */
#define   VSOC_DUMMY_IRQ_DMA_DONE	BIT(0)
#define   VSOC_DUMMY_IRQ_DMA_ERR	BIT(1)
#define   VSOC_DUMMY_IRQ_SWI		BIT(2)
#define   VSOC_DUMMY_IRQ_EVENT		BIT(3)
#define   VSOC_DUMMY_IRQ_ALL		GENMASK(3, 0)
#define VSOC_DUMMY_SWI			0x18	/* WO */
#define   VSOC_DUMMY_SWI_TRIGGER	BIT(0)
#define VSOC_DUMMY_DMA_SRC_LO		0x20	/* RW */
#define VSOC_DUMMY_DMA_SRC_HI		0x24	/* RW */
#define VSOC_DUMMY_DMA_DST_LO		0x28	/* RW */
#define VSOC_DUMMY_DMA_DST_HI		0x2c	/* RW */
#define VSOC_DUMMY_DMA_LEN		0x30	/* RW */
#define   VSOC_DUMMY_DMA_LEN_MAX	SZ_1M
#define VSOC_DUMMY_DMA_CTRL		0x34	/* WO */
#define   VSOC_DUMMY_DMA_CTRL_START	BIT(0)
#define   VSOC_DUMMY_DMA_CTRL_ABORT	BIT(1)
#define VSOC_DUMMY_DMA_STATUS		0x38	/* RO */
#define   VSOC_DUMMY_DMA_STATUS_BUSY	BIT(0)
#define   VSOC_DUMMY_DMA_STATUS_FAULT	BIT(1)
#define   VSOC_DUMMY_DMA_STATUS_ABORTED	BIT(2)

#endif /* _VSOC_DUMMY_REGS_H */
