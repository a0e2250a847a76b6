// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-sdhci model: the eMMC host controller of the vsoc board (an SDHCI
 * 4.20 block with vendor registers for tuning and the HS400 strobe) and
 * the eMMC 5.1 device on its bus. Register accesses run here, in atomic
 * context, against the register file (sdhci-model-regs.c); a command
 * written to XFER_CMD runs in the block's engine (sdhci-model-xfer.c), a
 * work item on an ordered workqueue, which alone talks to the card.
 * Specification: Documentation/vsoc-sdhci-regs.rst.
 */
#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/random.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <vsoc/sim.h>

#include "sdhci-model.h"

static ulong seed = 1;
module_param(seed, ulong, 0444);
MODULE_PARM_DESC(seed, "seed of the blocks' sample tap windows (mixed with the block's name)");

static uint capacity_mib = 4096;
module_param(capacity_mib, uint, 0444);
MODULE_PARM_DESC(capacity_mib, "user area of the eMMC devices, MiB (DT vsoc,model-capacity-mib overrides)");

#define SDHCI_MODEL_BOOT_BYTES	SZ_4M
#define SDHCI_MODEL_RPMB_BYTES	SZ_4M
/* The EXT_CSD sector count is 32 bits: 2 TiB. */
#define SDHCI_MODEL_MAX_MIB	(SZ_2M - 1)

/**
 * sdhci_model_update_irq() - drive the interrupt line from the registers
 * @m: the block, its lock held
 */
void sdhci_model_update_irq(struct sdhci_model *m)
{
	vsoc_sim_irq_set(m->blk, 0, sdhci_model_irq_line(&m->regs));
}

/**
 * sdhci_model_fault() - roll a fault knob for an eligible event
 * @m: the block
 * @id: the knob
 *
 * Return: true when the event must fail.
 */
bool sdhci_model_fault(struct sdhci_model *m, enum sdhci_model_fault_id id)
{
	bool hit;

	spin_lock_irq(&m->lock);
	hit = sdhci_model_fault_hit(&m->faults[id], get_random_u32() % 100);
	spin_unlock_irq(&m->lock);
	return hit;
}

/*
 * After an abort, wait for a DMA access of the engine that began before
 * it: at most one page of memory copy, made with interrupts off.
 */
static void sdhci_model_dma_quiesce(struct sdhci_model *m)
{
	/* Pairs with the release in the engine's xfer_dma(). */
	while (smp_load_acquire(&m->dma_busy))
		cpu_relax();
}

static int sdhci_model_reg_read(struct vsoc_sim_block *blk, unsigned int off,
				unsigned int *val)
{
	struct sdhci_model *m = vsoc_sim_block_priv(blk);
	unsigned long flags;
	u32 action = 0;
	int ret = 0;

	spin_lock_irqsave(&m->lock, flags);
	if (off == VSOC_SDHCI_BUFFER)
		*val = sdhci_model_buf_pop(&m->regs, &action);
	else
		ret = sdhci_model_read(&m->regs, off, ktime_get(), val);
	spin_unlock_irqrestore(&m->lock, flags);
	if (action & SDHCI_MODEL_ACT_WAKE)
		wake_up(&m->waitq);
	return ret;
}

static int sdhci_model_reg_write(struct vsoc_sim_block *blk, unsigned int off,
				 unsigned int val)
{
	struct sdhci_model *m = vsoc_sim_block_priv(blk);
	ktime_t now = ktime_get();
	unsigned long flags;
	u32 action;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	ret = sdhci_model_write(&m->regs, off, val, now, &action);
	if (action & SDHCI_MODEL_ACT_CMD)
		sdhci_model_latch_job(&m->regs, now, &m->job);
	if (action & SDHCI_MODEL_ACT_SIDE) {
		sdhci_model_latch_job(&m->regs, now, &m->side_job);
		m->side_job.seq = m->regs.side;
	}
	if (action & SDHCI_MODEL_ACT_CARD_RESET)
		m->card_reset = true;
	sdhci_model_update_irq(m);
	spin_unlock_irqrestore(&m->lock, flags);

	if (action & SDHCI_MODEL_ACT_ABORT)
		sdhci_model_dma_quiesce(m);
	if (action & SDHCI_MODEL_ACT_CMD)
		queue_work(m->wq, &m->work);
	if (action & SDHCI_MODEL_ACT_SIDE)
		queue_work(m->side_wq, &m->side_work);
	if (action & (SDHCI_MODEL_ACT_ABORT | SDHCI_MODEL_ACT_WAKE))
		wake_up(&m->waitq);
	return ret;
}

static bool sdhci_model_reg_precious(struct vsoc_sim_block *blk,
				     unsigned int off)
{
	return off == VSOC_SDHCI_BUFFER;
}

static void sdhci_model_gpio_changed(struct vsoc_sim_block *blk,
				     unsigned int line, bool level)
{
	struct sdhci_model *m = vsoc_sim_block_priv(blk);
	unsigned long flags;

	if ((int)line != m->vqmmc_line)
		return;
	spin_lock_irqsave(&m->lock, flags);
	m->regs.vqmmc_1v8 = level;
	spin_unlock_irqrestore(&m->lock, flags);
}

static int sdhci_model_new_card(struct sdhci_model *m, struct device_node *np,
				const char *name)
{
	struct vsoc_emmc_config cfg = {
		.boot_bytes = SDHCI_MODEL_BOOT_BYTES,
		.rpmb_bytes = SDHCI_MODEL_RPMB_BYTES,
	};
	u32 mib = capacity_mib;

	if (np)
		of_property_read_u32(np, "vsoc,model-capacity-mib", &mib);
	if (!mib || mib > SDHCI_MODEL_MAX_MIB) {
		pr_err("vsoc-sdhci-model: %s: capacity %u MiB out of range\n",
		       name, mib);
		return -EINVAL;
	}
	cfg.user_bytes = (u64)mib * SZ_1M;
	cfg.serial = lower_32_bits(m->seed) ^ m->window.lo << 24 ^ mib;
	m->card = vsoc_emmc_create(&cfg);
	return PTR_ERR_OR_ZERO(m->card);
}

static void sdhci_model_init_regs(struct sdhci_model *m)
{
	sdhci_model_reset_all(&m->regs);
	m->regs.emmc_ctrl = VSOC_SDHCI_EMMC_RST_N;
	m->regs.dll_ctrl = FIELD_PREP(VSOC_SDHCI_DLL_STROBE_DELAY,
				      VSOC_SDHCI_DLL_STROBE_DEFAULT);
}

static int sdhci_model_create(struct vsoc_sim_block *blk)
{
	struct device_node *np = vsoc_sim_block_of_node(blk);
	const char *name = np ? kbasename(of_node_full_name(np)) : "mmc";
	struct sdhci_model *m;
	int ret, level;

	if (vsoc_sim_block_size(blk) < VSOC_SDHCI_REG_SIZE)
		return -EINVAL;
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->blk = blk;
	spin_lock_init(&m->lock);
	mutex_init(&m->card_lock);
	init_waitqueue_head(&m->waitq);
	INIT_WORK(&m->work, sdhci_model_work);
	INIT_WORK(&m->side_work, sdhci_model_side_work);
	sdhci_model_init_regs(m);
	m->seed = seed;
	strscpy(m->name, name, sizeof(m->name));
	sdhci_model_window_draw(m->seed, m->name, &m->window);

	ret = sdhci_model_new_card(m, np, name);
	if (ret)
		goto err_free;
	/* It serves block I/O: it must make progress under memory pressure. */
	m->wq = alloc_ordered_workqueue("vsoc-sdhci-%s", WQ_MEM_RECLAIM, name);
	m->side_wq = alloc_ordered_workqueue("vsoc-sdhci-%s-cmd", WQ_MEM_RECLAIM,
					     name);
	if (!m->wq || !m->side_wq) {
		ret = -ENOMEM;
		goto err_wq;
	}
	m->vqmmc_line = vsoc_sim_gpio_lookup(blk, "vqmmc-1v8");
	if (m->vqmmc_line >= 0) {
		level = vsoc_sim_gpio_get(blk, m->vqmmc_line);
		m->regs.vqmmc_1v8 = level > 0;
	}
	vsoc_sim_block_set_priv(blk, m);
	sdhci_model_debugfs_init(m);
	return 0;

err_wq:
	if (m->side_wq)
		destroy_workqueue(m->side_wq);
	if (m->wq)
		destroy_workqueue(m->wq);
	vsoc_emmc_destroy(m->card);
err_free:
	mutex_destroy(&m->card_lock);
	kfree(m);
	return ret;
}

static void sdhci_model_destroy(struct vsoc_sim_block *blk)
{
	struct sdhci_model *m = vsoc_sim_block_priv(blk);

	/* Power off: the engine stops at its next step, DMA included. */
	spin_lock_irq(&m->lock);
	m->dying = true;
	m->regs.job_active = false;
	m->regs.job++;
	m->regs.side_active = false;
	m->regs.side++;
	spin_unlock_irq(&m->lock);
	sdhci_model_dma_quiesce(m);
	wake_up(&m->waitq);
	destroy_workqueue(m->side_wq);
	destroy_workqueue(m->wq);
	vsoc_emmc_destroy(m->card);
	mutex_destroy(&m->card_lock);
	kfree(m);
}

static struct vsoc_sim_model sdhci_model = {
	.compatible = "vsoc,sdhci",
	.create = sdhci_model_create,
	.destroy = sdhci_model_destroy,
	.reg_read = sdhci_model_reg_read,
	.reg_write = sdhci_model_reg_write,
	.reg_precious = sdhci_model_reg_precious,
	.gpio_changed = sdhci_model_gpio_changed,
};

module_vsoc_sim_model(sdhci_model);

MODULE_DESCRIPTION("vsoc virtual board: model of the sdhci-vsoc eMMC host controller and its eMMC device");
MODULE_LICENSE("GPL");
