// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the CPU port's DMA rings. Injection descriptors are
 * processed by a work item that INJ_TAIL (the doorbell) queues: each
 * frame is read from memory and leaves its front port unchanged, then
 * the descriptor's status is written and INJ_HEAD advances (IRQ_INJ).
 * Extraction: a frame for the CPU is queued (VSW_XTR_QLEN frames) for
 * a work item, which writes it to the buffer of the descriptor at
 * XTR_HEAD, then the descriptor, then advances XTR_HEAD (IRQ_XTR);
 * without a free descriptor the frame is counted in XTR_DROPS. The
 * model reaches memory in process context only: the board's bus looks
 * pages up under a lock that is not interrupt safe.
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
	buf = kmalloc(skb->len, GFP_KERNEL);
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

/*
 * Fill the descriptor at @addr with the frame; no lock (the bus reaches
 * memory in process context only). Return: INFO bits to add, or -EFAULT
 * for a bus error on the descriptor itself.
 */
static int vsw_xtr_fill(struct vsw_model *m, dma_addr_t addr, const u8 *data,
			unsigned int len, u32 info, u16 vid)
{
	struct vsoc_sw_xtr_desc d;
	unsigned int n;
	__le32 linfo;

	if (vsoc_sim_dma_read(m->blk, addr, &d, sizeof(d)))
		return -EFAULT;
	n = min_t(unsigned int, len, le16_to_cpu(d.buf_len));
	info |= VSOC_SW_XTR_DONE;
	if (!data) {
		info |= VSOC_SW_XTR_DMA_ERR;
		n = 0;
	} else if (n < len) {
		info |= VSOC_SW_XTR_TRUNC;
	}
	if (n && vsoc_sim_dma_write(m->blk, le64_to_cpu(d.addr), data, n)) {
		info |= VSOC_SW_XTR_DMA_ERR;
		n = 0;
	}
	d.len = cpu_to_le16(n);
	d.vid = cpu_to_le16(vid);
	linfo = cpu_to_le32(info);
	/* Length and VID first, INFO (DONE) last, as the ASIC's bus would. */
	if (vsoc_sim_dma_write(m->blk, addr + offsetof(typeof(d), len), &d.len,
			       sizeof(d.len)) ||
	    vsoc_sim_dma_write(m->blk, addr + offsetof(typeof(d), vid), &d.vid,
			       sizeof(d.vid)))
		return -EFAULT;
	wmb();	/* descriptor fields before DONE */
	if (vsoc_sim_dma_write(m->blk, addr + offsetof(typeof(d), info), &linfo,
			       sizeof(linfo)))
		return -EFAULT;
	return info;
}

/* One real frame to the descriptor at XTR_HEAD (the extraction work). */
static void vsw_xtr_one(struct vsw_model *m, const struct sk_buff *skb,
			u32 info, u16 vid)
{
	struct vsw_ring *r = &m->xtr;
	dma_addr_t addr;
	const u8 *data;
	u8 *bounce;
	u32 gen;
	int st;

	spin_lock_irq(&m->lock);
	if (m->dying || !(r->ctrl & VSOC_SW_RING_ENABLE) || r->head == r->tail) {
		m->xtr_drops++;
		spin_unlock_irq(&m->lock);
		return;
	}
	gen = r->gen;
	addr = r->base + r->head * sizeof(struct vsoc_sw_xtr_desc);
	spin_unlock_irq(&m->lock);

	data = vsw_xtr_bytes(skb, &bounce);
	st = vsw_xtr_fill(m, addr, data, skb->len, info, vid);
	kfree(bounce);

	spin_lock_irq(&m->lock);
	if (st < 0) {
		vsw_ring_fault(m, r, gen);
	} else if (r->gen == gen) {
		if (st & VSOC_SW_XTR_TRUNC)
			m->xtr_trunc++;
		if (st & VSOC_SW_XTR_DMA_ERR)
			m->dma_errors++;
		r->head = (r->head + 1) & (r->size - 1);
		m->cpu_rx++;
		m->irq_status |= VSOC_SW_IRQ_XTR;
		vsw_update_irq(m);
	}
	spin_unlock_irq(&m->lock);
}

/* A queued frame: cut into its segments if it is a GSO frame. */
static void vsw_xtr_skb(struct vsw_model *m, struct sk_buff *skb)
{
	const struct vsw_xtr_cb *cb = (const struct vsw_xtr_cb *)skb->cb;
	u32 info = cb->info;
	u16 vid = cb->vid;
	struct sk_buff *segs, *s, *next;

	if (!skb_is_gso(skb)) {
		vsw_xtr_one(m, skb, info, vid);
		return;
	}
	segs = skb_gso_segment(skb, 0);
	if (IS_ERR_OR_NULL(segs)) {
		spin_lock_irq(&m->lock);
		m->xtr_drops++;
		spin_unlock_irq(&m->lock);
		return;
	}
	skb_list_walk_safe(segs, s, next) {
		vsw_xtr_one(m, s, info, vid);
		consume_skb(s);
	}
}

/**
 * vsw_xtr_work() - write the frames queued for the CPU to the ring
 * @work: the model's xtr_work
 *
 * Process context: the model's bus reaches memory only there.
 */
void vsw_xtr_work(struct work_struct *work)
{
	struct vsw_model *m = container_of(work, struct vsw_model, xtr_work);
	unsigned int budget = VSW_INJ_BUDGET;
	struct sk_buff *skb;

	while (budget--) {
		spin_lock_irq(&m->lock);
		skb = m->dying ? NULL : __skb_dequeue(&m->xtrq);
		spin_unlock_irq(&m->lock);
		if (!skb)
			return;
		vsw_xtr_skb(m, skb);
		consume_skb(skb);
	}
	spin_lock_irq(&m->lock);
	if (!m->dying && !skb_queue_empty(&m->xtrq))
		queue_work(m->wq, &m->xtr_work);
	spin_unlock_irq(&m->lock);
}

/**
 * vsw_xtr_frame() - queue a copy of a frame for the CPU
 * @m: the model
 * @skb: the frame as it arrived (not consumed, not changed)
 * @port: the port it arrived on
 * @v: the pipeline's decision (reason, VID)
 * @tagged: it arrived with an 802.1Q tag
 *
 * Any context but hard IRQ. The CPU port's queue holds VSW_XTR_QLEN
 * frames; more (or the ring stopped, or no descriptor when the frame's
 * turn comes) are counted in XTR_DROPS.
 */
void vsw_xtr_frame(struct vsw_model *m, struct sk_buff *skb,
		   unsigned int port, const struct vsw_verdict *v, bool tagged)
{
	struct sk_buff *c = skb_clone(skb, GFP_ATOMIC);
	struct vsw_xtr_cb *cb;
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	if (!c || m->dying || !(m->core->ctrl & VSOC_SW_CTRL_CORE_EN) ||
	    !(m->xtr.ctrl & VSOC_SW_RING_ENABLE) ||
	    skb_queue_len(&m->xtrq) >= VSW_XTR_QLEN) {
		m->xtr_drops++;
		spin_unlock_irqrestore(&m->lock, flags);
		kfree_skb(c);
		return;
	}
	cb = (struct vsw_xtr_cb *)c->cb;
	cb->info = FIELD_PREP(VSOC_SW_XTR_SRC_PORT, port) |
		   FIELD_PREP(VSOC_SW_XTR_REASON, v->reason) |
		   (tagged ? VSOC_SW_XTR_TAGGED : 0);
	cb->vid = v->vid;
	__skb_queue_tail(&m->xtrq, c);
	queue_work(m->wq, &m->xtr_work);
	spin_unlock_irqrestore(&m->lock, flags);
}
