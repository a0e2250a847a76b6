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
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include <vsoc/dummy-regs.h>
#include <vsoc/sim.h>

#include "dummy-model.h"

/**
 * struct dummy_model - one instance of the block
 * @blk: the board block
 * @lock: protects @regs and the counters against the driver, @dma_work
 *	and debugfs
 * @regs: register state
 * @dma_work: performs a started transfer
 * @abort_wq: wakes a stalled transfer when the driver aborts it
 * @transfers: completed transfers, for debugfs
 * @stuck_addr_line: fault injection: transfers left that run with a stuck
 *	address line (DUMMY_MODEL_STUCK_LINE set), so they hit no memory
 * @stall_ms: fault injection: every transfer stalls this long before it
 *	moves data, as an engine starved of the bus would (0: none)
 */
struct dummy_model {
	struct vsoc_sim_block *blk;
	spinlock_t lock; /* the registers vs. the DMA engine */
	struct dummy_model_regs regs;
	struct work_struct dma_work;
	wait_queue_head_t abort_wq;
	u32 transfers;
	u32 stuck_addr_line;
	u32 stall_ms;
};

/* Far above the board's RAM, inside any DMA mask of 40 bits or more. */
#define DUMMY_MODEL_STUCK_LINE	BIT_ULL(39)
/* The engine looks for an abort between bursts of this size. */
#define DUMMY_MODEL_BURST	SZ_64K

/* Called with the lock held, after any change of the interrupt state. */
static void dummy_model_update_irq(struct dummy_model *m)
{
	vsoc_sim_irq_set(m->blk, 0, dummy_model_irq_line(&m->regs));
}

static bool dummy_model_aborting(struct dummy_model *m)
{
	unsigned long flags;
	bool abort;

	spin_lock_irqsave(&m->lock, flags);
	abort = m->regs.dma_abort;
	spin_unlock_irqrestore(&m->lock, flags);
	return abort;
}

/*
 * Move @len bytes between the engine's buffer and memory in bursts,
 * stopping at the first burst boundary after an abort (-ECANCELED).
 */
static int dummy_model_dma_bursts(struct dummy_model *m, u64 addr, void *buf,
				  u32 len, bool to_mem)
{
	u32 done, n;
	int ret;

	for (done = 0; done < len; done += n) {
		if (dummy_model_aborting(m))
			return -ECANCELED;
		n = min_t(u32, len - done, DUMMY_MODEL_BURST);
		if (to_mem)
			ret = vsoc_sim_dma_write(m->blk, addr + done, buf + done, n);
		else
			ret = vsoc_sim_dma_read(m->blk, addr + done, buf + done, n);
		if (ret)
			return ret;
	}
	return 0;
}

static void dummy_model_dma_work(struct work_struct *work)
{
	struct dummy_model *m = container_of(work, struct dummy_model, dma_work);
	u32 len, stall;
	u64 src, dst;
	void *bounce;
	int ret;

	spin_lock_irq(&m->lock);
	src = m->regs.dma_src;
	dst = m->regs.dma_dst;
	len = m->regs.dma_len;
	stall = m->stall_ms;
	if (m->stuck_addr_line) {
		m->stuck_addr_line--;
		src |= DUMMY_MODEL_STUCK_LINE;
	}
	spin_unlock_irq(&m->lock);

	if (stall)
		wait_event_timeout(m->abort_wq, dummy_model_aborting(m),
				   msecs_to_jiffies(stall));

	/* The engine reads the whole source before it writes. */
	bounce = kvmalloc(len, GFP_KERNEL);
	if (!bounce)
		ret = -ENOMEM;
	else
		ret = dummy_model_dma_bursts(m, src, bounce, len, false);
	if (!ret)
		ret = dummy_model_dma_bursts(m, dst, bounce, len, true);
	kvfree(bounce);

	/* Memory is not touched any more: only now does BUSY clear. */
	spin_lock_irq(&m->lock);
	if (m->regs.dma_abort) {
		dummy_model_dma_aborted(&m->regs);
	} else {
		dummy_model_dma_done(&m->regs, ret != 0);
		if (!ret)
			m->transfers++;
	}
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
	else if (action == DUMMY_MODEL_ABORT_DMA)
		wake_up(&m->abort_wq);
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

/* debugfs numbers: read and written under the lock the engine takes. */
static int dummy_model_get(struct dummy_model *m, const u32 *field, u64 *val)
{
	spin_lock_irq(&m->lock);
	*val = *field;
	spin_unlock_irq(&m->lock);
	return 0;
}

static int dummy_model_set(struct dummy_model *m, u32 *field, u64 val)
{
	if (val > U32_MAX)
		return -ERANGE;
	spin_lock_irq(&m->lock);
	*field = val;
	spin_unlock_irq(&m->lock);
	return 0;
}

static int dummy_model_transfers_get(void *data, u64 *val)
{
	struct dummy_model *m = data;

	return dummy_model_get(m, &m->transfers, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(dummy_model_transfers_fops,
			 dummy_model_transfers_get, NULL, "%llu\n");

static int dummy_model_stuck_get(void *data, u64 *val)
{
	struct dummy_model *m = data;

	return dummy_model_get(m, &m->stuck_addr_line, val);
}

static int dummy_model_stuck_set(void *data, u64 val)
{
	struct dummy_model *m = data;

	return dummy_model_set(m, &m->stuck_addr_line, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(dummy_model_stuck_fops, dummy_model_stuck_get,
			 dummy_model_stuck_set, "%llu\n");

static int dummy_model_stall_get(void *data, u64 *val)
{
	struct dummy_model *m = data;

	return dummy_model_get(m, &m->stall_ms, val);
}

static int dummy_model_stall_set(void *data, u64 val)
{
	struct dummy_model *m = data;

	return dummy_model_set(m, &m->stall_ms, val);
}
DEFINE_DEBUGFS_ATTRIBUTE(dummy_model_stall_fops, dummy_model_stall_get,
			 dummy_model_stall_set, "%llu\n");

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
	init_waitqueue_head(&m->abort_wq);
	vsoc_sim_block_set_priv(blk, m);

	debugfs_create_file("event", 0200, dir, m, &dummy_model_event_fops);
	debugfs_create_file_unsafe("transfers", 0400, dir, m,
				   &dummy_model_transfers_fops);
	debugfs_create_file_unsafe("stuck_addr_line", 0600, dir, m,
				   &dummy_model_stuck_fops);
	debugfs_create_file_unsafe("stall_ms", 0600, dir, m,
				   &dummy_model_stall_fops);
	return 0;
}

static void dummy_model_destroy(struct vsoc_sim_block *blk)
{
	struct dummy_model *m = vsoc_sim_block_priv(blk);

	/* Power off: a stalled transfer stops at once. */
	spin_lock_irq(&m->lock);
	m->regs.dma_abort = true;
	spin_unlock_irq(&m->lock);
	wake_up(&m->abort_wq);
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

module_vsoc_sim_model(dummy_model);

MODULE_DESCRIPTION("vsoc virtual board: model of the vsoc-dummy smoke-test block");
MODULE_LICENSE("GPL");
