// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the register file (Documentation/vsoc-switch-regs.rst).
 * Every function here runs with the model's lock held, in any context.
 * Unknown offsets read 0 and ignore writes; read-only registers ignore
 * writes.
 */
#include <linux/bitfield.h>
#include <linux/log2.h>
#include <linux/string.h>

#include "switch-model.h"

#define VSW_P_CTRL_MASK		GENMASK(15, 0)
#define VSW_P_MAC_CFG_MASK	GENMASK(6, 0)
#define VSW_PCS_CTRL_MASK	(VSOC_SW_PCS_MODE | VSOC_SW_PCS_AN_EN)

static bool vsw_ring_size_ok(u32 size)
{
	return size >= 2 && size <= VSOC_SW_RING_MAX && is_power_of_2(size);
}

static void vsw_kick_inj(struct vsw_model *m)
{
	if (!m->dying && (m->core->ctrl & VSOC_SW_CTRL_CORE_EN) &&
	    (m->inj.ctrl & VSOC_SW_RING_ENABLE) && m->inj.head != m->inj.tail)
		queue_work(m->wq, &m->inj_work);
}

/**
 * vsw_model_reset() - CTRL_SOFT_RESET: everything back to reset values
 * @m: the model, lock held
 *
 * Tables, rings, counters, interrupts and port settings; the PCSs power
 * down (links drop). Cables stay as they are.
 */
void vsw_model_reset(struct vsw_model *m)
{
	u32 igen = m->inj.gen + 1, xgen = m->xtr.gen + 1;

	vsw_core_reset(m->core);
	m->irq_status = 0;
	m->irq_enable = 0;
	m->link_irq_enable = 0;
	memset(&m->inj, 0, sizeof(m->inj));
	memset(&m->xtr, 0, sizeof(m->xtr));
	m->inj.gen = igen;
	m->xtr.gen = xgen;
	m->xtr_drops = 0;
	m->cpu_rx = 0;
	m->cpu_tx = 0;
	vsw_mdio_reset(&m->mdio);
	vsw_link_update_all(m);
	m->link_irq_status = 0;
	vsw_schedule_age(m);
}

static u32 vsw_ring_read(const struct vsw_ring *r, unsigned int reg)
{
	switch (reg) {
	case 0x00:
		return lower_32_bits(r->base);
	case 0x04:
		return upper_32_bits(r->base);
	case 0x08:
		return r->size;
	case 0x0c:
		return r->head;
	case 0x10:
		return r->tail;
	case 0x14:
		return r->ctrl;
	default:
		return 0;
	}
}

/* BASE and SIZE only change while the ring is stopped. */
static void vsw_ring_write(struct vsw_ring *r, unsigned int reg, u32 val)
{
	bool on = r->ctrl & VSOC_SW_RING_ENABLE;

	switch (reg) {
	case 0x00:
		if (!on)
			r->base = (r->base & GENMASK_ULL(63, 32)) | (val & ~7U);
		break;
	case 0x04:
		if (!on)
			r->base = (u64)val << 32 | lower_32_bits(r->base);
		break;
	case 0x08:
		if (!on)
			r->size = val;
		break;
	case 0x10:
		if (on)
			r->tail = val & (r->size - 1);
		break;
	case 0x14:
		if ((val & VSOC_SW_RING_ENABLE) && vsw_ring_size_ok(r->size)) {
			r->ctrl = VSOC_SW_RING_ENABLE;
		} else {
			r->ctrl = 0;
			r->head = 0;
			r->tail = 0;
			r->gen++;
		}
		break;
	}
}

u32 vsw_irq_status(const struct vsw_model *m)
{
	u32 st = m->irq_status;

	if (m->core->evt_count)
		st |= VSOC_SW_IRQ_EVENT;
	if (m->link_irq_status & m->link_irq_enable)
		st |= VSOC_SW_IRQ_LINK;
	return st;
}

static u32 vsw_evt_read(const struct vsw_core *c, unsigned int off)
{
	const struct vsw_event *e = &c->evt[c->evt_head];
	u32 hi, lo;

	if (off == VSOC_SW_EVT_COUNT)
		return c->evt_count |
		       (c->evt_overflow ? VSOC_SW_EVT_COUNT_OVERFLOW : 0);
	if (!c->evt_count)
		return 0;
	vsw_mac_to_regs(e->mac, &hi, &lo);
	switch (off) {
	case VSOC_SW_EVT_MAC_HI:
		return hi;
	case VSOC_SW_EVT_MAC_LO:
		return lo;
	case VSOC_SW_EVT_INFO:
		return e->info;
	default:
		return 0;
	}
}

static u32 vsw_tbl_read(const struct vsw_core *c, unsigned int off)
{
	const struct vsw_tbl_regs *t = &c->tbl;

	switch (off) {
	case VSOC_SW_FDB_MAC_HI:
		return t->mac_hi;
	case VSOC_SW_FDB_MAC_LO:
		return t->mac_lo;
	case VSOC_SW_FDB_FID:
		return t->fid;
	case VSOC_SW_FDB_DEST:
		return t->dest;
	case VSOC_SW_FDB_FLAGS:
		return t->flags;
	case VSOC_SW_FDB_CMD:
		return t->cmd;
	case VSOC_SW_FDB_STATUS:
		return t->status;
	case VSOC_SW_FDB_COUNT:
		return c->fdb_count;
	case VSOC_SW_VLAN_VID:
		return t->vid;
	case VSOC_SW_VLAN_MEMBERS:
		return t->members;
	case VSOC_SW_VLAN_UNTAG:
		return t->untag;
	case VSOC_SW_VLAN_FID:
		return t->vfid;
	case VSOC_SW_VLAN_FLAGS:
		return t->vflags;
	default:
		return 0;
	}
}

static void vsw_tbl_write(struct vsw_core *c, unsigned int off, u32 val)
{
	struct vsw_tbl_regs *t = &c->tbl;

	switch (off) {
	case VSOC_SW_FDB_MAC_HI:
		t->mac_hi = val & 0xffff;
		break;
	case VSOC_SW_FDB_MAC_LO:
		t->mac_lo = val;
		break;
	case VSOC_SW_FDB_FID:
		t->fid = val & (VSOC_SW_NUM_FIDS - 1);
		break;
	case VSOC_SW_FDB_DEST:
		t->dest = val & (GENMASK(c->nports - 1, 0) | VSOC_SW_PM_CPU);
		break;
	case VSOC_SW_FDB_FLAGS:
		t->flags = val & VSW_FDB_F_ARCH;
		break;
	case VSOC_SW_FDB_CMD:
		vsw_fdb_cmd(c, val);
		break;
	case VSOC_SW_VLAN_VID:
		t->vid = val & (VSOC_SW_NUM_VIDS - 1);
		break;
	case VSOC_SW_VLAN_MEMBERS:
		t->members = val;
		break;
	case VSOC_SW_VLAN_UNTAG:
		t->untag = val;
		break;
	case VSOC_SW_VLAN_FID:
		t->vfid = val & (VSOC_SW_NUM_FIDS - 1);
		break;
	case VSOC_SW_VLAN_FLAGS:
		t->vflags = val & VSOC_SW_VLAN_F_VALID;
		break;
	case VSOC_SW_VLAN_CMD:
		vsw_vlan_cmd(c, val);
		break;
	}
}

static int vsw_port_read(struct vsw_model *m, unsigned int n, unsigned int r,
			 u32 *val)
{
	struct vsw_port *p = &m->core->port[n];

	if (r >= VSOC_SW_P_CNT_LO(0) && r < VSOC_SW_P_CNT_LO(VSOC_SW_CNT_NUM)) {
		u64 cnt = p->snap[(r - VSOC_SW_P_CNT_LO(0)) / 8];

		*val = r & 4 ? upper_32_bits(cnt) : lower_32_bits(cnt);
		return 0;
	}
	switch (r) {
	case VSOC_SW_P_CTRL:
		*val = p->ctrl;
		break;
	case VSOC_SW_P_FWD_MASK:
		*val = p->fwd_mask;
		break;
	case VSOC_SW_P_PVID:
		*val = p->pvid;
		break;
	case VSOC_SW_P_FID:
		*val = p->fid;
		break;
	case VSOC_SW_P_MAX_FRAME:
		*val = p->max_frame;
		break;
	case VSOC_SW_P_MAC_CFG:
		*val = p->mac_cfg;
		break;
	case VSOC_SW_P_PCS_CTRL:
		*val = p->pcs_ctrl;
		break;
	case VSOC_SW_P_PCS_ADV:
		*val = p->pcs_adv;
		break;
	case VSOC_SW_P_PCS_STATUS:
		/* Precious: the read ends the latched-low period. */
		*val = vsw_pcs_status(p);
		p->latched_low = false;
		break;
	case VSOC_SW_P_PCS_LPA:
		*val = p->lpa;
		break;
	default:
		*val = 0;
		break;
	}
	return 0;
}

static void vsw_port_write(struct vsw_model *m, unsigned int n, unsigned int r,
			   u32 val)
{
	struct vsw_port *p = &m->core->port[n];

	switch (r) {
	case VSOC_SW_P_CTRL:
		p->ctrl = val & VSW_P_CTRL_MASK;
		break;
	case VSOC_SW_P_FWD_MASK:
		p->fwd_mask = val & GENMASK(m->core->nports - 1, 0);
		break;
	case VSOC_SW_P_PVID:
		p->pvid = val & (VSOC_SW_NUM_VIDS - 1);
		break;
	case VSOC_SW_P_FID:
		p->fid = val & (VSOC_SW_NUM_FIDS - 1);
		break;
	case VSOC_SW_P_MAX_FRAME:
		p->max_frame = min_t(u32, val, VSOC_SW_MAX_FRAME);
		break;
	case VSOC_SW_P_MAC_CFG:
		p->mac_cfg = val & VSW_P_MAC_CFG_MASK;
		break;
	case VSOC_SW_P_PCS_CTRL:
		p->pcs_ctrl = val & VSW_PCS_CTRL_MASK;
		if (val & VSOC_SW_PCS_AN_RESTART)
			vsw_link_an_restart(m, n);
		else
			vsw_link_update(m, n);
		break;
	case VSOC_SW_P_PCS_ADV:
		p->pcs_adv = val & 0xffff;
		vsw_link_update(m, n);
		break;
	case VSOC_SW_P_CNT_SNAPSHOT:
		memcpy(p->snap, p->cnt, sizeof(p->snap));
		break;
	}
}

static bool vsw_port_off(const struct vsw_model *m, unsigned int off,
			 unsigned int *n, unsigned int *r)
{
	if (off < VSOC_SW_PORT_BASE(0) ||
	    off >= VSOC_SW_PORT_BASE(m->core->nports))
		return false;
	*n = (off - VSOC_SW_PORT_BASE(0)) / 0x400;
	*r = (off - VSOC_SW_PORT_BASE(0)) % 0x400;
	return true;
}

static u32 vsw_global_read(struct vsw_model *m, unsigned int off)
{
	struct vsw_core *c = m->core;

	switch (off) {
	case VSOC_SW_ID:
		return VSOC_SW_ID_VALUE;
	case VSOC_SW_VERSION:
		return VSW_VERSION;
	case VSOC_SW_CAPS:
		return FIELD_PREP(VSOC_SW_CAPS_NPORTS, c->nports);
	case VSOC_SW_FDB_SIZE:
		return VSW_FDB_SIZE;
	case VSOC_SW_FDB_WAYS:
		return VSW_FDB_WAYS;
	case VSOC_SW_SERIAL_LO:
		return lower_32_bits(m->serial);
	case VSOC_SW_SERIAL_HI:
		return upper_32_bits(m->serial);
	case VSOC_SW_CTRL:
		return c->ctrl;
	case VSOC_SW_IRQ_STATUS:
		return vsw_irq_status(m);
	case VSOC_SW_IRQ_ENABLE:
		return m->irq_enable;
	case VSOC_SW_LINK_IRQ_STATUS:
		return m->link_irq_status;
	case VSOC_SW_LINK_IRQ_ENABLE:
		return m->link_irq_enable;
	case VSOC_SW_AGE_TIME_MS:
		return c->age_ms;
	case VSOC_SW_DROP_LEARN_FULL:
		return c->drop_learn_full;
	case VSOC_SW_XTR_DROPS:
		return m->xtr_drops;
	case VSOC_SW_CPU_RX_FRAMES:
		return m->cpu_rx;
	case VSOC_SW_CPU_TX_FRAMES:
		return m->cpu_tx;
	}
	if (off >= VSOC_SW_INJ_BASE_LO && off <= VSOC_SW_INJ_CTRL)
		return vsw_ring_read(&m->inj, off - VSOC_SW_INJ_BASE_LO);
	if (off >= VSOC_SW_XTR_BASE_LO && off <= VSOC_SW_XTR_CTRL)
		return vsw_ring_read(&m->xtr, off - VSOC_SW_XTR_BASE_LO);
	if (off >= VSOC_SW_FDB_MAC_HI && off <= VSOC_SW_VLAN_CMD)
		return vsw_tbl_read(c, off);
	if (off >= VSOC_SW_EVT_COUNT && off <= VSOC_SW_EVT_INFO)
		return vsw_evt_read(c, off);
	if (off >= VSOC_SW_MDIO_CMD && off <= VSOC_SW_MDIO_STATUS)
		return vsw_mdio_read(&m->mdio, off);
	return 0;
}

/**
 * vsw_reg_read() - read a register
 * @m: the model, lock held
 * @off: offset
 * @val: its value
 *
 * Only P_PCS_STATUS (precious) has a side effect: it ends the
 * latched-low period of the link bit.
 *
 * Return: 0.
 */
int vsw_reg_read(struct vsw_model *m, unsigned int off, u32 *val)
{
	unsigned int n, r;

	if (vsw_port_off(m, off, &n, &r))
		return vsw_port_read(m, n, r, val);
	*val = vsw_global_read(m, off);
	return 0;
}

static void vsw_ctrl_write(struct vsw_model *m, u32 val)
{
	if (val & VSOC_SW_CTRL_SOFT_RESET) {
		vsw_model_reset(m);
		return;
	}
	m->core->ctrl = val & (VSOC_SW_CTRL_CORE_EN | VSOC_SW_CTRL_IGMP_TRAP);
	vsw_kick_inj(m);
}

static void vsw_global_write(struct vsw_model *m, unsigned int off, u32 val)
{
	struct vsw_core *c = m->core;

	switch (off) {
	case VSOC_SW_CTRL:
		vsw_ctrl_write(m, val);
		return;
	case VSOC_SW_IRQ_STATUS:
		m->irq_status &= ~(val & (VSOC_SW_IRQ_XTR | VSOC_SW_IRQ_INJ |
					  VSOC_SW_IRQ_DMA_ERR));
		return;
	case VSOC_SW_IRQ_ENABLE:
		m->irq_enable = val & VSOC_SW_IRQ_ALL;
		return;
	case VSOC_SW_LINK_IRQ_STATUS:
		m->link_irq_status &= ~val;
		return;
	case VSOC_SW_LINK_IRQ_ENABLE:
		m->link_irq_enable = val & GENMASK(c->nports - 1, 0);
		return;
	case VSOC_SW_AGE_TIME_MS:
		c->age_ms = val;
		vsw_schedule_age(m);
		return;
	case VSOC_SW_EVT_COUNT:
		if (val & VSOC_SW_EVT_COUNT_OVERFLOW)
			c->evt_overflow = false;
		return;
	case VSOC_SW_EVT_POP:
		vsw_evt_pop(c);
		return;
	}
	if (off >= VSOC_SW_INJ_BASE_LO && off <= VSOC_SW_INJ_CTRL) {
		vsw_ring_write(&m->inj, off - VSOC_SW_INJ_BASE_LO, val);
		vsw_kick_inj(m);
	} else if (off >= VSOC_SW_XTR_BASE_LO && off <= VSOC_SW_XTR_CTRL) {
		vsw_ring_write(&m->xtr, off - VSOC_SW_XTR_BASE_LO, val);
		/* Frames waiting for descriptors (or to drop: ring off). */
		if (!m->dying && !skb_queue_empty(&m->xtrq))
			queue_work(m->wq, &m->xtr_work);
	} else if (off >= VSOC_SW_FDB_MAC_HI && off <= VSOC_SW_VLAN_CMD) {
		vsw_tbl_write(c, off, val);
	} else if (off >= VSOC_SW_MDIO_CMD && off <= VSOC_SW_MDIO_STATUS) {
		vsw_mdio_write(m, off, val);
	}
}

/**
 * vsw_reg_write() - write a register
 * @m: the model, lock held
 * @off: offset
 * @val: value
 *
 * Commands (FDB_CMD, VLAN_CMD, MDIO_CMD) complete before this returns; INJ_TAIL
 * queues the injection work. The caller updates the interrupt line.
 *
 * Return: 0.
 */
int vsw_reg_write(struct vsw_model *m, unsigned int off, u32 val)
{
	unsigned int n, r;

	if (vsw_port_off(m, off, &n, &r))
		vsw_port_write(m, n, r, val);
	else
		vsw_global_write(m, off, val);
	return 0;
}
