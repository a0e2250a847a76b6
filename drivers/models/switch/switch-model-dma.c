// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the CPU port's DMA rings, in bursts. Injection
 * descriptors are processed by a work item that INJ_TAIL (the doorbell)
 * queues: it reads up to VSW_INJ_BATCH descriptors at once, sends each
 * frame out of its front port unchanged, writes the descriptors back with
 * their status and advances INJ_HEAD once, raising IRQ_INJ once per
 * burst. Extraction: a frame for the CPU is queued (VSW_XTR_QLEN frames)
 * for a work item, which takes as many frames as there are free
 * descriptors from XTR_HEAD on, writes them to their buffers, then the
 * descriptors (DONE last) and advances XTR_HEAD once, raising IRQ_XTR
 * once per burst: the interrupt moderation of the CPU port. Frames wait
 * in the queue for descriptors (XTR_TAIL queues the work again); a full
 * queue drops, counted in XTR_DROPS. The model reaches memory in process
 * context only, never under its lock: the board's bus looks pages up
 * under a lock that is not interrupt safe.
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
#define VSW_INJ_BUDGET		256
/* Descriptors read and written back in one burst. */
#define VSW_INJ_BATCH		32
/* Frames the extraction work writes before it lets others run. */
#define VSW_XTR_BUDGET		256
/* Extraction descriptors read and written back in one burst. */
#define VSW_XTR_BATCH		32

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

/*
 * The descriptors from INJ_HEAD on, up to @max of them (not past the end
 * of the ring): read in one burst, their frames sent, the descriptors
 * with their status written back in one burst, then INJ_HEAD advanced
 * once and IRQ_INJ raised once for all of them. Return: descriptors
 * done, 0 when there is none (or a fault stopped the ring).
 */
static unsigned int vsw_inj_batch(struct vsw_model *m, unsigned int max)
{
	struct vsoc_sw_inj_desc d[VSW_INJ_BATCH];
	struct vsw_ring *r = &m->inj;
	unsigned int n, i, sent = 0, errors = 0;
	u32 gen, head, st;
	dma_addr_t addr;

	spin_lock_irq(&m->lock);
	if (m->dying || !(m->core->ctrl & VSOC_SW_CTRL_CORE_EN) ||
	    !(r->ctrl & VSOC_SW_RING_ENABLE) || r->head == r->tail) {
		spin_unlock_irq(&m->lock);
		return 0;
	}
	gen = r->gen;
	head = r->head;
	n = min3((r->tail - head) & (r->size - 1), r->size - head, max);
	addr = r->base + head * sizeof(d[0]);
	spin_unlock_irq(&m->lock);

	if (vsoc_sim_dma_read(m->blk, addr, d, n * sizeof(d[0])))
		goto fault;
	for (i = 0; i < n; i++) {
		st = vsw_inj_one(m, &d[i]);
		if (st & (VSOC_SW_INJ_ST_ERR | VSOC_SW_INJ_ST_DMA_ERR))
			errors++;
		else if (!(st & VSOC_SW_INJ_ST_LINK_DOWN))
			sent++;
		d[i].status = cpu_to_le32(st | VSOC_SW_INJ_ST_DONE);
	}
	/* The driver leaves descriptors alone until INJ_HEAD passes them. */
	if (vsoc_sim_dma_write(m->blk, addr, d, n * sizeof(d[0])))
		goto fault;

	spin_lock_irq(&m->lock);
	if (r->gen == gen) {
		r->head = (head + n) & (r->size - 1);
		m->inj_errors += errors;
		m->cpu_tx += sent;
		m->irq_status |= VSOC_SW_IRQ_INJ;
		vsw_update_irq(m);
	}
	spin_unlock_irq(&m->lock);
	return n;

fault:
	spin_lock_irq(&m->lock);
	vsw_ring_fault(m, r, gen);
	spin_unlock_irq(&m->lock);
	return 0;
}

/**
 * vsw_inj_work() - send the injection descriptors between HEAD and TAIL
 * @work: the model's inj_work
 *
 * In bursts of VSW_INJ_BATCH descriptors, VSW_INJ_BUDGET per run.
 */
void vsw_inj_work(struct work_struct *work)
{
	struct vsw_model *m = container_of(work, struct vsw_model, inj_work);
	unsigned int budget = VSW_INJ_BUDGET, n;

	while (budget) {
		n = vsw_inj_batch(m, min(budget, VSW_INJ_BATCH));
		if (!n)
			return;
		budget -= n;
	}
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
 * Write one frame to the buffer of descriptor @d (read from the ring);
 * no lock (the bus reaches memory in process context only). Sets the
 * descriptor's LEN and VID and returns its INFO, DONE included.
 */
static u32 vsw_xtr_fill(struct vsw_model *m, struct vsoc_sw_xtr_desc *d,
			struct sk_buff *skb)
{
	const struct vsw_xtr_cb *cb = (const struct vsw_xtr_cb *)skb->cb;
	u32 info = cb->info | VSOC_SW_XTR_DONE;
	unsigned int len = skb->len, n;
	const u8 *data;
	u8 *bounce;

	n = min_t(unsigned int, len, le16_to_cpu(d->buf_len));
	data = vsw_xtr_bytes(skb, &bounce);
	if (!data) {
		info |= VSOC_SW_XTR_DMA_ERR;
		n = 0;
	} else if (n < len) {
		info |= VSOC_SW_XTR_TRUNC;
	}
	if (n && vsoc_sim_dma_write(m->blk, le64_to_cpu(d->addr), data, n)) {
		info |= VSOC_SW_XTR_DMA_ERR;
		n = 0;
	}
	kfree(bounce);
	d->len = cpu_to_le16(n);
	d->vid = cpu_to_le16(cb->vid);
	return info;
}

/*
 * Take up to @max frames off the CPU queue (under the lock) into @q, GSO
 * frames cut into their segments: each segment is one frame for the CPU.
 * Frames beyond @max go back to the head of the queue.
 */
static void vsw_xtr_take(struct vsw_model *m, struct sk_buff_head *q,
			 unsigned int max)
{
	struct sk_buff *skb, *segs, *s, *next;
	struct sk_buff_head taken;
	unsigned int drops = 0;

	__skb_queue_head_init(&taken);
	spin_lock_irq(&m->lock);
	while (skb_queue_len(&taken) < max && (skb = __skb_dequeue(&m->xtrq)))
		__skb_queue_tail(&taken, skb);
	spin_unlock_irq(&m->lock);

	while ((skb = __skb_dequeue(&taken))) {
		const struct vsw_xtr_cb cb = *(struct vsw_xtr_cb *)skb->cb;

		if (!skb_is_gso(skb)) {
			__skb_queue_tail(q, skb);
			continue;
		}
		segs = skb_gso_segment(skb, 0);
		consume_skb(skb);
		if (IS_ERR_OR_NULL(segs)) {
			drops++;
			continue;
		}
		skb_list_walk_safe(segs, s, next) {
			skb_mark_not_on_list(s);
			*(struct vsw_xtr_cb *)s->cb = cb;
			__skb_queue_tail(q, s);
		}
	}
	while (skb_queue_len(q) > max) {
		skb = __skb_dequeue_tail(q);
		__skb_queue_tail(&taken, skb);
	}
	spin_lock_irq(&m->lock);
	m->xtr_drops += drops;
	/* @taken holds the extra frames, last first. */
	while ((skb = __skb_dequeue(&taken)))
		__skb_queue_head(&m->xtrq, skb);
	spin_unlock_irq(&m->lock);
}

/* The CPU queue when the ring or the core stopped: frames dropped. */
static void vsw_xtr_flush(struct vsw_model *m)
{
	m->xtr_drops += skb_queue_len(&m->xtrq);
	__skb_queue_purge(&m->xtrq);
}

/*
 * Frames of the CPU queue to the free descriptors from XTR_HEAD on, up
 * to @max (not past the end of the ring): descriptors read in one burst,
 * each frame written to its buffer, the descriptors written back in one
 * burst with INFO still zero, then again with INFO (DONE), XTR_HEAD
 * advanced once and IRQ_XTR raised once. A frame waits in the queue while
 * there is no free descriptor. Return: frames written.
 */
static unsigned int vsw_xtr_batch(struct vsw_model *m, unsigned int max)
{
	struct vsoc_sw_xtr_desc d[VSW_XTR_BATCH];
	u32 info[VSW_XTR_BATCH];
	struct vsw_ring *r = &m->xtr;
	unsigned int n, i, trunc = 0, errs = 0;
	struct sk_buff_head q;
	struct sk_buff *skb;
	dma_addr_t addr;
	u32 gen, head;

	spin_lock_irq(&m->lock);
	if (m->dying || !(m->core->ctrl & VSOC_SW_CTRL_CORE_EN) ||
	    !(r->ctrl & VSOC_SW_RING_ENABLE)) {
		vsw_xtr_flush(m);
		spin_unlock_irq(&m->lock);
		return 0;
	}
	gen = r->gen;
	head = r->head;
	n = min3((r->tail - head) & (r->size - 1), r->size - head, max);
	addr = r->base + head * sizeof(d[0]);
	if (skb_queue_empty(&m->xtrq))
		n = 0;
	spin_unlock_irq(&m->lock);
	if (!n)
		return 0;

	__skb_queue_head_init(&q);
	vsw_xtr_take(m, &q, n);
	n = skb_queue_len(&q);
	if (!n)
		return 0;
	if (vsoc_sim_dma_read(m->blk, addr, d, n * sizeof(d[0])))
		goto fault;
	for (i = 0; i < n; i++) {
		skb = __skb_dequeue(&q);
		info[i] = vsw_xtr_fill(m, &d[i], skb);
		consume_skb(skb);
		trunc += !!(info[i] & VSOC_SW_XTR_TRUNC);
		errs += !!(info[i] & VSOC_SW_XTR_DMA_ERR);
	}
	/* LEN and VID first, INFO (DONE) last, as the ASIC's bus would. */
	if (vsoc_sim_dma_write(m->blk, addr, d, n * sizeof(d[0])))
		goto fault;
	wmb();	/* descriptor fields before DONE */
	for (i = 0; i < n; i++)
		d[i].info = cpu_to_le32(info[i]);
	if (vsoc_sim_dma_write(m->blk, addr, d, n * sizeof(d[0])))
		goto fault;

	spin_lock_irq(&m->lock);
	if (r->gen == gen) {
		m->xtr_trunc += trunc;
		m->dma_errors += errs;
		r->head = (head + n) & (r->size - 1);
		m->cpu_rx += n;
		m->irq_status |= VSOC_SW_IRQ_XTR;
		vsw_update_irq(m);
	}
	spin_unlock_irq(&m->lock);
	return n;

fault:
	__skb_queue_purge(&q);
	spin_lock_irq(&m->lock);
	vsw_ring_fault(m, r, gen);
	spin_unlock_irq(&m->lock);
	return 0;
}

/**
 * vsw_xtr_work() - write the frames queued for the CPU to the ring
 * @work: the model's xtr_work
 *
 * Process context: the model's bus reaches memory only there. In bursts
 * of VSW_XTR_BATCH frames, VSW_XTR_BUDGET per run; the work runs again
 * when the driver gives descriptors back (XTR_TAIL).
 */
void vsw_xtr_work(struct work_struct *work)
{
	struct vsw_model *m = container_of(work, struct vsw_model, xtr_work);
	unsigned int budget = VSW_XTR_BUDGET, n;

	while (budget) {
		n = vsw_xtr_batch(m, min(budget, VSW_XTR_BATCH));
		if (!n)
			return;
		budget -= n;
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
 * frames, which wait there for free descriptors; more (or the ring
 * stopped) are counted in XTR_DROPS.
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
