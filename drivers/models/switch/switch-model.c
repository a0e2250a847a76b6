// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: an Ethernet switch ASIC on the vsoc board. Register
 * accesses run here, in any context, against the register file
 * (switch-model-regs.c) under the model's lock; frames move in the link
 * partners' transmit path and the model's works (switch-model-wire.c,
 * switch-model-dma.c). Specification: Documentation/vsoc-switch-regs.rst.
 */
#include <linux/device.h>
#include <linux/jhash.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/of.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <vsoc/sim.h>

#include "switch-model.h"

/**
 * vsw_update_irq() - drive the interrupt line from the registers
 * @m: the model, lock held
 */
void vsw_update_irq(struct vsw_model *m)
{
	vsoc_sim_irq_set(m->blk, 0, vsw_irq_status(m) & m->irq_enable);
}

/**
 * vsw_schedule_age() - (re)start the age scans for AGE_TIME_MS
 * @m: the model, lock held
 */
void vsw_schedule_age(struct vsw_model *m)
{
	u32 ms = m->core->age_ms / 2;

	if (!m->core->age_ms || m->dying) {
		cancel_delayed_work(&m->age_work);
		return;
	}
	mod_delayed_work(m->wq, &m->age_work,
			 msecs_to_jiffies(max_t(u32, ms, VSW_AGE_MIN_SCAN_MS)));
}

static void vsw_age_work(struct work_struct *work)
{
	struct vsw_model *m = container_of(to_delayed_work(work),
					   struct vsw_model, age_work);

	spin_lock_irq(&m->lock);
	if (m->core->age_ms) {
		vsw_fdb_age(m->core);
		vsw_update_irq(m);
	}
	vsw_schedule_age(m);
	spin_unlock_irq(&m->lock);
}

static int vsw_model_reg_read(struct vsoc_sim_block *blk, unsigned int off,
			      unsigned int *val)
{
	struct vsw_model *m = vsoc_sim_block_priv(blk);
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	ret = vsw_reg_read(m, off, val);
	spin_unlock_irqrestore(&m->lock, flags);
	return ret;
}

static int vsw_model_reg_write(struct vsoc_sim_block *blk, unsigned int off,
			       unsigned int val)
{
	struct vsw_model *m = vsoc_sim_block_priv(blk);
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	ret = vsw_reg_write(m, off, val);
	vsw_update_irq(m);
	spin_unlock_irqrestore(&m->lock, flags);
	return ret;
}

static bool vsw_model_reg_precious(struct vsoc_sim_block *blk, unsigned int off)
{
	struct vsw_model *m = vsoc_sim_block_priv(blk);

	return off >= VSOC_SW_PORT_BASE(0) &&
	       off < VSOC_SW_PORT_BASE(m->core->nports) &&
	       (off - VSOC_SW_PORT_BASE(0)) % 0x400 == VSOC_SW_P_PCS_STATUS;
}

/* Front ports: the highest port@N of ethernet-ports, plus one. */
static unsigned int vsw_dt_nports(struct device_node *np)
{
	struct device_node *ports, *child;
	unsigned int n = 0;
	u32 reg;

	ports = of_get_child_by_name(np, "ethernet-ports");
	if (!ports)
		return VSOC_SW_MAX_PORTS;
	for_each_available_child_of_node(ports, child)
		if (!of_property_read_u32(child, "reg", &reg) &&
		    reg < VSOC_SW_MAX_PORTS)
			n = max(n, reg + 1);
	of_node_put(ports);
	return n ?: VSOC_SW_MAX_PORTS;
}

/*
 * Cables from the DT: vsoc,model-peer-port, none for vsoc,model-no-cable,
 * else a link partner.
 */
static int vsw_dt_cables(struct vsw_model *m, struct device_node *np)
{
	struct device_node *ports, *child;
	u32 reg, peer;
	int ret = 0;

	ports = of_get_child_by_name(np, "ethernet-ports");
	if (!ports)
		return 0;
	for_each_available_child_of_node(ports, child) {
		if (of_property_read_u32(child, "reg", &reg) ||
		    reg >= m->core->nports)
			continue;
		if (of_property_read_bool(child, "vsoc,model-no-cable"))
			continue;
		if (!of_property_read_u32(child, "vsoc,model-peer-port", &peer)) {
			spin_lock_irq(&m->lock);
			ret = vsw_cable_set(m, reg, VSW_CABLE_PORT, peer);
			spin_unlock_irq(&m->lock);
		} else {
			ret = vsw_lp_create(m, reg);
			if (!ret) {
				spin_lock_irq(&m->lock);
				ret = vsw_cable_set(m, reg, VSW_CABLE_PARTNER, 0);
				spin_unlock_irq(&m->lock);
			}
		}
		if (ret) {
			pr_err("vsoc-switch-model: %s: port %u: cable: %d\n",
			       m->name, reg, ret);
			of_node_put(child);
			break;
		}
	}
	of_node_put(ports);
	return ret;
}

static void vsw_model_free(struct vsw_model *m)
{
	unsigned int i;

	vsw_lp_destroy_all(m);
	vsw_cages_free(m);
	vsw_phys_free(m);
	if (m->wq)
		destroy_workqueue(m->wq);
	for (i = 0; i < VSOC_SW_MAX_PORTS; i++)
		skb_queue_purge(&m->mp[i].rxq);
	skb_queue_purge(&m->xtrq);
	vsw_core_free(m->core);
	kfree(m);
}

static int vsw_model_create(struct vsoc_sim_block *blk)
{
	struct device_node *np = vsoc_sim_block_of_node(blk);
	const char *name = np ? kbasename(of_node_full_name(np)) : "switch";
	struct vsw_model *m;
	unsigned int i;
	int ret;

	if (vsoc_sim_block_size(blk) < VSOC_SW_REG_SIZE)
		return -EINVAL;
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->blk = blk;
	spin_lock_init(&m->lock);
	strscpy(m->name, name, sizeof(m->name));
	m->serial = 0x5653000000000000ULL | jhash(m->name, strlen(m->name), 0);
	INIT_WORK(&m->inj_work, vsw_inj_work);
	INIT_WORK(&m->wire_work, vsw_wire_work);
	INIT_WORK(&m->xtr_work, vsw_xtr_work);
	skb_queue_head_init(&m->xtrq);
	INIT_DELAYED_WORK(&m->age_work, vsw_age_work);
	INIT_DELAYED_WORK(&m->flap_work, vsw_flap_work);
	INIT_DELAYED_WORK(&m->phy_work, vsw_phy_work);
	for (i = 0; i < VSOC_SW_MAX_PORTS; i++) {
		m->mp[i].m = m;
		m->mp[i].index = i;
		skb_queue_head_init(&m->mp[i].rxq);
	}
	m->core = vsw_core_alloc(np ? vsw_dt_nports(np) : VSOC_SW_MAX_PORTS);
	/*
	 * Unbound: the works (the ASIC's engines) run on any CPU, beside
	 * the one that transmits, as the ASIC runs beside the CPU.
	 */
	m->wq = alloc_workqueue("vsoc-switch-%s", WQ_UNBOUND, 0, name);
	if (!m->core || !m->wq) {
		ret = -ENOMEM;
		goto err;
	}
	if (np) {
		ret = vsw_dt_phys(m, np);
		if (!ret)
			ret = vsw_dt_cages(m, np);
		if (!ret)
			ret = vsw_dt_cables(m, np);
		if (ret)
			goto err;
	}
	spin_lock_irq(&m->lock);
	vsw_model_reset(m);
	spin_unlock_irq(&m->lock);
	vsoc_sim_block_set_priv(blk, m);
	vsw_debugfs_init(m);
	return 0;

err:
	/* A PHY-to-PHY cable of the DT may have started a link's wait. */
	cancel_delayed_work_sync(&m->phy_work);
	vsw_model_free(m);
	return ret;
}

static void vsw_model_destroy(struct vsoc_sim_block *blk)
{
	struct vsw_model *m = vsoc_sim_block_priv(blk);

	/* No frame moves and no work is queued from here on. */
	spin_lock_irq(&m->lock);
	m->dying = true;
	spin_unlock_irq(&m->lock);
	cancel_work_sync(&m->inj_work);
	cancel_work_sync(&m->wire_work);
	cancel_work_sync(&m->xtr_work);
	cancel_delayed_work_sync(&m->age_work);
	cancel_delayed_work_sync(&m->flap_work);
	cancel_delayed_work_sync(&m->phy_work);
	/* Transmit paths of the link partners that began before. */
	synchronize_net();
	vsw_model_free(m);
}

/* The host changed a board line of the block: an SFP cage's pin. */
static void vsw_model_gpio_changed(struct vsoc_sim_block *blk,
				   unsigned int line, bool level)
{
	struct vsw_model *m = vsoc_sim_block_priv(blk);

	if (m)
		vsw_cages_gpio_changed(m, line, level);
}

static struct vsoc_sim_model vsw_model = {
	.compatible = "vsoc,switch",
	.create = vsw_model_create,
	.destroy = vsw_model_destroy,
	.reg_read = vsw_model_reg_read,
	.reg_write = vsw_model_reg_write,
	.reg_precious = vsw_model_reg_precious,
	.gpio_changed = vsw_model_gpio_changed,
};

module_vsoc_sim_model(vsw_model);

MODULE_DESCRIPTION("vsoc virtual board: model of the vsoc-switch Ethernet switch ASIC");
MODULE_LICENSE("GPL");
