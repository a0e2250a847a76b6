// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the CPU port's DMA rings. Injection descriptors are
 * processed by a work item that INJ_TAIL (the doorbell) queues: each
 * frame is read from memory and leaves its front port unchanged, then
 * the descriptor's status is written and INJ_HEAD advances (IRQ_INJ).
 * Extraction happens inline, in the context the frame arrived in: the
 * frame is written to the buffer of the descriptor at XTR_HEAD, then the
 * descriptor, then XTR_HEAD advances (IRQ_XTR); without a free
 * descriptor the frame is counted in XTR_DROPS.
 */
#include <linux/bitfield.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <net/checksum.h>

#include <vsoc/compat.h>
#include <vsoc/sim.h>

#include "switch-model.h"

/* Descriptors the injection work sends before it lets others run. */
#define VSW_INJ_BUDGET		64

/* Stop a ring on a bus error reading its descriptors; lock held. */
static void vsw_ring_fault(struct vsw_model *m, struct vsw_ring *r, u32 gen)
{
	if (r->gen != gen)
		return;
	r->ctrl = 0;
	r->head = 0;
	r->tail = 0;
	r->gen++;
	m->dma_errors++;
	m->irq_status |= VSOC_SW_IRQ_DMA_ERR;
	vsw_update_irq(m);
}

static u32 vsw_inj_one(struct vsw_model *m, const struct vsoc_sw_inj_desc *d)
{
	unsigned int len = le16_to_cpu(d->len);
	unsigned int port = le16_to_cpu(d->port);
	struct sk_buff *skb;

	if (len < ETH_HLEN || len > VSOC_SW_MAX_FRAME - ETH_FCS_LEN ||
	    port >= m->core->nports)
		return VSOC_SW_INJ_ST_ERR;
	skb = alloc_skb(len + NET_SKB_PAD + VLAN_HLEN, GFP_KERNEL);
	if (!skb)
		return VSOC_SW_INJ_ST_ERR;
	skb_reserve(skb, NET_SKB_PAD + VLAN_HLEN);
	if (vsoc_sim_dma_read(m->blk, le64_to_cpu(d->addr),
			      skb_put(skb, len), len)) {
		kfree_skb(skb);
		return VSOC_SW_INJ_ST_DMA_ERR;
	}
	skb_reset_mac_header(skb);
	return vsw_port_inject(m, port, skb);
}

/* One descriptor at INJ_HEAD; false when there is none (or a fault). */
static bool vsw_inj_next(struct vsw_model *m)
{
	struct vsw_ring *r = &m->inj;
	struct vsoc_sw_inj_desc d;
	u32 gen, head, st;
	dma_addr_t addr;

	spin_lock_irq(&m->lock);
	if (m->dying || !(m->core->ctrl & VSOC_SW_CTRL_CORE_EN) ||
	    !(r->ctrl & VSOC_SW_RING_ENABLE) || r->head == r->tail) {
		spin_unlock_irq(&m->lock);
		return false;
	}
	gen = r->gen;
	head = r->head;
	addr = r->base + head * sizeof(d);
	spin_unlock_irq(&m->lock);

	if (vsoc_sim_dma_read(m->blk, addr, &d, sizeof(d))) {
		spin_lock_irq(&m->lock);
		vsw_ring_fault(m, r, gen);
		spin_unlock_irq(&m->lock);
		return false;
	}
	st = vsw_inj_one(m, &d) | VSOC_SW_INJ_ST_DONE;
	d.status = cpu_to_le32(st);
	if (vsoc_sim_dma_write(m->blk, addr + offsetof(struct vsoc_sw_inj_desc, status),
			       &d.status, sizeof(d.status))) {
		spin_lock_irq(&m->lock);
		vsw_ring_fault(m, r, gen);
		spin_unlock_irq(&m->lock);
		return false;
	}
	spin_lock_irq(&m->lock);
	if (r->gen == gen) {
		r->head = (head + 1) & (r->size - 1);
		if (st & (VSOC_SW_INJ_ST_ERR | VSOC_SW_INJ_ST_DMA_ERR))
			m->inj_errors++;
		else if (!(st & VSOC_SW_INJ_ST_LINK_DOWN))
			m->cpu_tx++;
		m->irq_status |= VSOC_SW_IRQ_INJ;
		vsw_update_irq(m);
	}
	spin_unlock_irq(&m->lock);
	return true;
}

/**
 * vsw_inj_work() - send the injection descriptors between HEAD and TAIL
 * @work: the model's inj_work
 */
void vsw_inj_work(struct work_struct *work)
{
	struct vsw_model *m = container_of(work, struct vsw_model, inj_work);
	unsigned int budget = VSW_INJ_BUDGET;

	while (budget && vsw_inj_next(m))
		budget--;
	if (budget)
		return;
	spin_lock_irq(&m->lock);
	if (!m->dying)
		queue_work(m->wq, &m->inj_work);
	spin_unlock_irq(&m->lock);
}

/* The frame's bytes, checksum completed: skb->data or a copy in @bounce. */
static const u8 *vsw_xtr_bytes(const struct sk_buff *skb, u8 **bounce)
{
	unsigned int start, off;
	__wsum csum;
	u8 *buf;

	*bounce = NULL;
	if (!skb_is_nonlinear(skb) && skb->ip_summed != CHECKSUM_PARTIAL)
		return skb->data;
	buf = kmalloc(skb->len, GFP_ATOMIC);
	if (!buf || skb_copy_bits(skb, 0, buf, skb->len)) {
		kfree(buf);
		return NULL;
	}
	*bounce = buf;
	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return buf;
	start = skb_checksum_start_offset(skb);
	off = start + skb->csum_offset;
	if (start < skb->len && off + sizeof(__sum16) <= skb->len) {
		csum = csum_partial(buf + start, skb->len - start, 0);
		*(__sum16 *)(buf + off) = csum_fold(csum) ?: CSUM_MANGLED_0;
	}
	return buf;
}

/* Write frame and descriptor at XTR_HEAD; lock held. */
static void vsw_xtr_put(struct vsw_model *m, const u8 *data, unsigned int len,
			u32 info, u16 vid)
{
	struct vsw_ring *r = &m->xtr;
	struct vsoc_sw_xtr_desc d;
	unsigned int n;
	dma_addr_t addr;
	__le32 linfo;

	addr = r->base + r->head * sizeof(d);
	if (vsoc_sim_dma_read(m->blk, addr, &d, sizeof(d))) {
		vsw_ring_fault(m, r, r->gen);
		return;
	}
	n = min_t(unsigned int, len, le16_to_cpu(d.buf_len));
	info |= VSOC_SW_XTR_DONE;
	if (n < len) {
		info |= VSOC_SW_XTR_TRUNC;
		m->xtr_trunc++;
	}
	if (n && vsoc_sim_dma_write(m->blk, le64_to_cpu(d.addr), data, n)) {
		info |= VSOC_SW_XTR_DMA_ERR;
		m->dma_errors++;
		n = 0;
	}
	d.len = cpu_to_le16(n);
	d.vid = cpu_to_le16(vid);
	linfo = cpu_to_le32(info);
	/* Length and VID first: INFO (DONE) last, as the ASIC's bus would. */
	if (vsoc_sim_dma_write(m->blk, addr + offsetof(typeof(d), len), &d.len,
			       sizeof(d.len)) ||
	    vsoc_sim_dma_write(m->blk, addr + offsetof(typeof(d), vid), &d.vid,
			       sizeof(d.vid))) {
		vsw_ring_fault(m, r, r->gen);
		return;
	}
	wmb();	/* descriptor fields before DONE */
	if (vsoc_sim_dma_write(m->blk, addr + offsetof(typeof(d), info), &linfo,
			       sizeof(linfo))) {
		vsw_ring_fault(m, r, r->gen);
		return;
	}
	r->head = (r->head + 1) & (r->size - 1);
	m->cpu_rx++;
	m->irq_status |= VSOC_SW_IRQ_XTR;
	vsw_update_irq(m);
}

static void vsw_xtr_one(struct vsw_model *m, const struct sk_buff *skb,
			u32 info, u16 vid)
{
	struct vsw_ring *r = &m->xtr;
	unsigned long flags;
	const u8 *data;
	u8 *bounce;

	data = vsw_xtr_bytes(skb, &bounce);
	spin_lock_irqsave(&m->lock, flags);
	if (!data || m->dying || !(m->core->ctrl & VSOC_SW_CTRL_CORE_EN) ||
	    !(r->ctrl & VSOC_SW_RING_ENABLE) || r->head == r->tail)
		m->xtr_drops++;
	else
		vsw_xtr_put(m, data, skb->len, info, vid);
	spin_unlock_irqrestore(&m->lock, flags);
	kfree(bounce);
}

/**
 * vsw_xtr_frame() - copy a frame to the CPU
 * @m: the model
 * @skb: the frame as it arrived (not consumed, not changed)
 * @port: the port it arrived on
 * @v: the pipeline's decision (reason, VID)
 * @tagged: it arrived with an 802.1Q tag
 *
 * A GSO frame is cut into its segments, each extracted on its own.
 */
void vsw_xtr_frame(struct vsw_model *m, struct sk_buff *skb,
		   unsigned int port, const struct vsw_verdict *v, bool tagged)
{
	u32 info = FIELD_PREP(VSOC_SW_XTR_SRC_PORT, port) |
		   FIELD_PREP(VSOC_SW_XTR_REASON, v->reason) |
		   (tagged ? VSOC_SW_XTR_TAGGED : 0);
	struct sk_buff *c, *segs, *s, *next;
	unsigned long flags;

	if (!skb_is_gso(skb)) {
		vsw_xtr_one(m, skb, info, v->vid);
		return;
	}
	c = skb_clone(skb, GFP_ATOMIC);
	segs = c ? skb_gso_segment(c, 0) : NULL;
	if (IS_ERR_OR_NULL(segs)) {
		spin_lock_irqsave(&m->lock, flags);
		m->xtr_drops++;
		spin_unlock_irqrestore(&m->lock, flags);
		kfree_skb(c);
		return;
	}
	consume_skb(c);
	skb_list_walk_safe(segs, s, next) {
		vsw_xtr_one(m, s, info, v->vid);
		consume_skb(s);
	}
}
