/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model of the vsoc-dummy block: its register file, as plain logic that
 * the KUnit suite drives without a board.
 */
#ifndef _VSOC_DUMMY_MODEL_H
#define _VSOC_DUMMY_MODEL_H

#include <linux/types.h>

/**
 * struct dummy_model_regs - architectural state of the block
 * @scratch: SCRATCH register
 * @irq_status: IRQ_STATUS causes
 * @irq_enable: IRQ_ENABLE mask
 * @dma_src: DMA source bus address
 * @dma_dst: DMA destination bus address
 * @dma_len: DMA length in bytes
 * @dma_status: DMA_STATUS bits
 * @dma_abort: ABORT was written while the transfer ran
 */
struct dummy_model_regs {
	u32 scratch;
	u32 irq_status;
	u32 irq_enable;
	u64 dma_src;
	u64 dma_dst;
	u32 dma_len;
	u32 dma_status;
	bool dma_abort;
};

/* What a register write asks of the asynchronous side of the model. */
enum dummy_model_action {
	DUMMY_MODEL_NONE,
	DUMMY_MODEL_START_DMA,
	DUMMY_MODEL_ABORT_DMA,
};

void dummy_model_reset(struct dummy_model_regs *r);
int dummy_model_read(const struct dummy_model_regs *r, unsigned int off,
		     u32 *val);
int dummy_model_write(struct dummy_model_regs *r, unsigned int off, u32 val,
		      enum dummy_model_action *action);
void dummy_model_dma_done(struct dummy_model_regs *r, bool fault);
void dummy_model_dma_aborted(struct dummy_model_regs *r);
bool dummy_model_irq_line(const struct dummy_model_regs *r);

#endif /* _VSOC_DUMMY_MODEL_H */
