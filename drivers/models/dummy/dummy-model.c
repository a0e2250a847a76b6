// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-dummy model: the board's smoke-test block. It proves the plumbing
 * every real model needs: registers through the board's regmap, a level
 * interrupt, DMA into memory done asynchronously, and a debugfs control
 * that raises an event from the hardware side.
 */
#include <linux/bits.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

#include <vsoc/dummy-regs.h>
#include <vsoc/sim.h>

#include "dummy-model.h"

/**
 * struct dummy_model - one instance of the block
 * @blk: the board block
 * @lock: protects @regs against the driver and @dma_work
 * @regs: register state
 * @dma_work: performs a started transfer
 * @transfers: completed transfers, for debugfs
 * @stuck_addr_line: fault injection: transfers left that run with a stuck
 *	address line (DUMMY_MODEL_STUCK_LINE set), so they hit no memory
 */
struct dummy_model {
	struct vsoc_sim_block *blk;
	spinlock_t lock; /* the registers vs. the DMA engine */
	struct dummy_model_regs regs;
	struct work_struct dma_work;
	u32 transfers;
	u32 stuck_addr_line;
};

/* Far above the board's RAM, inside any DMA mask of 40 bits or more. */
#define DUMMY_MODEL_STUCK_LINE	BIT_ULL(39)

/* Called with the lock held, after any change of the interrupt state. */
static void dummy_model_update_irq(struct dummy_model *m)
{
	vsoc_sim_irq_set(m->blk, 0, dummy_model_irq_line(&m->regs));
}

static void dummy_model_dma_work(struct work_struct *work)
{
	struct dummy_model *m = container_of(work, struct dummy_model, dma_work);
	u64 src, dst;
	void *bounce;
	u32 len;
	int ret;

	spin_lock_irq(&m->lock);
	src = m->regs.dma_src;
	dst = m->regs.dma_dst;
	len = m->regs.dma_len;
	if (m->stuck_addr_line) {
		m->stuck_addr_line--;
		src |= DUMMY_MODEL_STUCK_LINE;
	}
	spin_unlock_irq(&m->lock);

	/* The engine reads the whole source before it writes. */
	bounce = kvmalloc(len, GFP_KERNEL);
	if (!bounce)
		ret = -ENOMEM;
	else
		ret = vsoc_sim_dma_read(m->blk, src, bounce, len);
	if (!ret)
		ret = vsoc_sim_dma_write(m->blk, dst, bounce, len);
	kvfree(bounce);

	spin_lock_irq(&m->lock);
	dummy_model_dma_done(&m->regs, ret != 0);
	if (!ret)
		m->transfers++;
	dummy_model_update_irq(m);
	spin_unlock_irq(&m->lock);
}

static int dummy_model_reg_read(struct vsoc_sim_block *blk, unsigned int off,
				unsigned int *val)
{
	struct dummy_model *m = vsoc_sim_block_priv(blk);
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	ret = dummy_model_read(&m->regs, off, val);
	spin_unlock_irqrestore(&m->lock, flags);
	return ret;
}

static int dummy_model_reg_write(struct vsoc_sim_block *blk, unsigned int off,
				 unsigned int val)
{
	struct dummy_model *m = vsoc_sim_block_priv(blk);
	enum dummy_model_action action;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	ret = dummy_model_write(&m->regs, off, val, &action);
	dummy_model_update_irq(m);
	spin_unlock_irqrestore(&m->lock, flags);

	if (action == DUMMY_MODEL_START_DMA)
		queue_work(system_unbound_wq, &m->dma_work);
	return ret;
}

/* debugfs "event": any write raises EVENT, as an outside signal would. */
static ssize_t dummy_model_event_write(struct file *file,
				       const char __user *buf, size_t count,
				       loff_t *ppos)
{
	struct dummy_model *m = file->private_data;

	spin_lock_irq(&m->lock);
	m->regs.irq_status |= VSOC_DUMMY_IRQ_EVENT;
	dummy_model_update_irq(m);
	spin_unlock_irq(&m->lock);
	return count;
}

static const struct file_operations dummy_model_event_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = dummy_model_event_write,
	.llseek = noop_llseek,
};

static int dummy_model_create(struct vsoc_sim_block *blk)
{
	struct dentry *dir = vsoc_sim_block_debugfs(blk);
	struct dummy_model *m;

	if (vsoc_sim_block_size(blk) < VSOC_DUMMY_REG_SIZE)
		return -EINVAL;

	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->blk = blk;
	spin_lock_init(&m->lock);
	dummy_model_reset(&m->regs);
	INIT_WORK(&m->dma_work, dummy_model_dma_work);
	vsoc_sim_block_set_priv(blk, m);

	debugfs_create_file("event", 0200, dir, m, &dummy_model_event_fops);
	debugfs_create_u32("transfers", 0400, dir, &m->transfers);
	debugfs_create_u32("stuck_addr_line", 0600, dir, &m->stuck_addr_line);
	return 0;
}

static void dummy_model_destroy(struct vsoc_sim_block *blk)
{
	struct dummy_model *m = vsoc_sim_block_priv(blk);

	cancel_work_sync(&m->dma_work);
	kfree(m);
}

static struct vsoc_sim_model dummy_model = {
	.compatible = "vsoc,dummy",
	.create = dummy_model_create,
	.destroy = dummy_model_destroy,
	.reg_read = dummy_model_reg_read,
	.reg_write = dummy_model_reg_write,
};

static int __init dummy_model_init(void)
{
	return vsoc_sim_model_register(&dummy_model);
}
module_init(dummy_model_init);

static void __exit dummy_model_exit(void)
{
	vsoc_sim_model_unregister(&dummy_model);
}
module_exit(dummy_model_exit);

MODULE_DESCRIPTION("vsoc virtual board: model of the vsoc-dummy smoke-test block");
MODULE_LICENSE("GPL");
