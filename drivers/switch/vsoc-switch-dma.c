// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: the CPU port. Frames the ports transmit go through the
 * injection ring to their front port (no lookup in the ASIC: the stack
 * or the bridge chose the port and the tag); frames for the CPU arrive on
 * the extraction ring with their source port and the reason. One NAPI
 * context serves both rings of all ports.
 *
 * Extraction buffers are one coherent area, copied into fresh skbs: the
 * frames the CPU sees are the ones the forwarding plane does not handle,
 * and a copy keeps the rings simple and their teardown obvious.
 */
#include <linux/bitfield.h>
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/regmap.h>
#include <linux/skbuff.h>

#include <vsoc/compat.h>

#include "vsoc-switch.h"

static unsigned int vsoc_sw_inj_free(const struct vsoc_sw *sw)
{
	return (sw->inj_clean - sw->inj_tail - 1) & (VSOC_SW_INJ_ENTRIES - 1);
}

static void vsoc_sw_wake_queues(struct vsoc_sw *sw)
{
	unsigned int i;

	for (i = 0; i < VSOC_SW_MAX_PORTS; i++)
		if (sw->ports[i] && netif_queue_stopped(sw->ports[i]->ndev))
			netif_wake_queue(sw->ports[i]->ndev);
}

/**
 * vsoc_sw_xmit() - send a frame out of its port through the CPU port
 * @skb: the frame (linear: the ports offer no scatter-gather)
 * @ndev: the port
 *
 * The doorbell (INJ_TAIL) is rung once per batch: not while the stack
 * says more frames follow (netdev_xmit_more(), with byte queue limits so
 * that the qdisc hands over batches), and always when a queue stops.
 *
 * Return: NETDEV_TX_OK, or NETDEV_TX_BUSY when the ring is full.
 */
netdev_tx_t vsoc_sw_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	struct netdev_queue *txq = netdev_get_tx_queue(ndev, 0);
	struct vsoc_sw *sw = port->sw;
	struct vsoc_sw_inj_desc *desc;
	bool kick, full;
	dma_addr_t addr;
	unsigned int i;

	if (skb->len < ETH_HLEN || skb->len > VSOC_SW_MAX_FRAME - ETH_FCS_LEN ||
	    skb_linearize(skb))
		goto drop;

	spin_lock(&sw->inj_lock);
	if (!vsoc_sw_inj_free(sw)) {
		netif_stop_queue(ndev);
		/* Frames a previous xmit_more left un-rung. */
		regmap_write(sw->map, VSOC_SW_INJ_TAIL, sw->inj_tail);
		spin_unlock(&sw->inj_lock);
		return NETDEV_TX_BUSY;
	}
	addr = dma_map_single(sw->dev, skb->data, skb->len, DMA_TO_DEVICE);
	if (dma_mapping_error(sw->dev, addr)) {
		spin_unlock(&sw->inj_lock);
		goto drop;
	}
	i = sw->inj_tail;
	sw->inj_skb[i] = skb;
	sw->inj_addr[i] = addr;
	desc = &sw->inj[i];
	desc->addr = cpu_to_le64(addr);
	desc->len = cpu_to_le16(skb->len);
	desc->port = cpu_to_le16(port->index);
	desc->status = 0;
	desc->rsvd = 0;
	skb_tx_timestamp(skb);
	/* The descriptor is complete before the ASIC may see it. */
	dma_wmb();
	sw->inj_tail = (i + 1) & (VSOC_SW_INJ_ENTRIES - 1);
	full = !vsoc_sw_inj_free(sw);
	if (full)
		netif_stop_queue(ndev);
	kick = __netdev_tx_sent_queue(txq, skb->len, netdev_xmit_more());
	if (kick || full)
		regmap_write(sw->map, VSOC_SW_INJ_TAIL, sw->inj_tail);
	spin_unlock(&sw->inj_lock);
	return NETDEV_TX_OK;

drop:
	atomic64_inc(&port->tx_dropped);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

/* Byte queue limits: the frames of each port that completed. */
static void vsoc_sw_inj_done(struct vsoc_sw *sw, const unsigned int *pkts,
			     const unsigned int *bytes)
{
	unsigned int i;

	for (i = 0; i < VSOC_SW_MAX_PORTS; i++)
		if (pkts[i] && sw->ports[i])
			netdev_completed_queue(sw->ports[i]->ndev, pkts[i],
					       bytes[i]);
}

static void vsoc_sw_inj_clean(struct vsoc_sw *sw, int budget)
{
	unsigned int pkts[VSOC_SW_MAX_PORTS] = {}, bytes[VSOC_SW_MAX_PORTS] = {};
	struct vsoc_sw_port *port;
	unsigned int head, i;
	struct sk_buff *skb;
	u32 status;

	if (regmap_read(sw->map, VSOC_SW_INJ_HEAD, &head))
		return;
	head &= VSOC_SW_INJ_ENTRIES - 1;

	spin_lock(&sw->inj_lock);
	while (sw->inj_clean != head && sw->inj_clean != sw->inj_tail) {
		i = sw->inj_clean;
		skb = sw->inj_skb[i];
		port = vsoc_sw_port_of(skb->dev);
		dma_rmb();
		status = le32_to_cpu(sw->inj[i].status);
		dma_unmap_single(sw->dev, sw->inj_addr[i], skb->len,
				 DMA_TO_DEVICE);
		if (status & (VSOC_SW_INJ_ST_ERR | VSOC_SW_INJ_ST_DMA_ERR))
			atomic64_inc(&port->tx_dropped);
		pkts[port->index]++;
		bytes[port->index] += skb->len;
		napi_consume_skb(skb, budget);
		sw->inj_skb[i] = NULL;
		sw->inj_clean = (i + 1) & (VSOC_SW_INJ_ENTRIES - 1);
	}
	vsoc_sw_inj_done(sw, pkts, bytes);
	if (vsoc_sw_inj_free(sw))
		vsoc_sw_wake_queues(sw);
	spin_unlock(&sw->inj_lock);
}

static void vsoc_sw_xtr_give(struct vsoc_sw *sw, unsigned int i)
{
	struct vsoc_sw_xtr_desc *desc = &sw->xtr[i];

	desc->addr = cpu_to_le64(sw->xtr_buf_dma + (dma_addr_t)i * VSOC_SW_XTR_BUF);
	desc->buf_len = cpu_to_le16(VSOC_SW_XTR_BUF);
	desc->len = 0;
	desc->vid = 0;
	memset(desc->rsvd, 0, sizeof(desc->rsvd));
	/* info last: a zero info marks the descriptor free. */
	dma_wmb();
	desc->info = 0;
}

/*
 * The ASIC already sent the frame where the bridge would have (mark it),
 * except unregistered multicast when the bridge snoops: the ASIC flooded
 * it to no front port (FLOOD_MC off), the bridge forwards it.
 */
static bool vsoc_sw_xtr_fwd_mark(const struct vsoc_sw_port *port, u32 info,
				 const struct sk_buff *skb)
{
	const struct vsoc_sw_bridge *b = READ_ONCE(port->bridge);

	if (!b)
		return false;
	switch (FIELD_GET(VSOC_SW_XTR_REASON, info)) {
	case VSOC_SW_XTR_R_FWD:
		return true;
	case VSOC_SW_XTR_R_FLOOD:
		return !(skb->pkt_type == PACKET_MULTICAST && READ_ONCE(b->mc_snooping));
	default:
		return false;
	}
}

static void vsoc_sw_xtr_one(struct vsoc_sw *sw, unsigned int i, u32 info)
{
	unsigned int src = FIELD_GET(VSOC_SW_XTR_SRC_PORT, info);
	unsigned int len = le16_to_cpu(sw->xtr[i].len);
	struct vsoc_sw_port *port;
	struct sk_buff *skb;

	port = src < VSOC_SW_MAX_PORTS ? sw->ports[src] : NULL;
	if (!port)
		return;
	if ((info & (VSOC_SW_XTR_TRUNC | VSOC_SW_XTR_DMA_ERR)) ||
	    len < ETH_HLEN || len > VSOC_SW_XTR_BUF ||
	    !netif_running(port->ndev))
		goto drop;
	skb = napi_alloc_skb(&sw->napi, len);
	if (!skb)
		goto drop;
	skb_put_data(skb, sw->xtr_buf + (size_t)i * VSOC_SW_XTR_BUF, len);
	skb->protocol = eth_type_trans(skb, port->ndev);
	skb->offload_fwd_mark = vsoc_sw_xtr_fwd_mark(port, info, skb);
	napi_gro_receive(&sw->napi, skb);
	return;

drop:
	atomic64_inc(&port->rx_dropped);
}

static int vsoc_sw_xtr_poll(struct vsoc_sw *sw, int budget)
{
	int done = 0;
	u32 info;

	while (done < budget) {
		info = le32_to_cpu(READ_ONCE(sw->xtr[sw->xtr_next].info));
		if (!(info & VSOC_SW_XTR_DONE))
			break;
		/* Read the descriptor and the frame only after its DONE. */
		dma_rmb();
		vsoc_sw_xtr_one(sw, sw->xtr_next, info);
		vsoc_sw_xtr_give(sw, sw->xtr_next);
		sw->xtr_next = (sw->xtr_next + 1) & (VSOC_SW_XTR_ENTRIES - 1);
		done++;
	}
	if (done)
		regmap_write(sw->map, VSOC_SW_XTR_TAIL,
			     (sw->xtr_next - 1) & (VSOC_SW_XTR_ENTRIES - 1));
	return done;
}

static int vsoc_sw_napi_poll(struct napi_struct *napi, int budget)
{
	struct vsoc_sw *sw = container_of(napi, struct vsoc_sw, napi);
	int done;

	vsoc_sw_inj_clean(sw, budget);
	done = vsoc_sw_xtr_poll(sw, budget);
	if (done < budget && napi_complete_done(napi, done))
		regmap_update_bits(sw->map, VSOC_SW_IRQ_ENABLE,
				   VSOC_SW_IRQ_XTR | VSOC_SW_IRQ_INJ,
				   VSOC_SW_IRQ_XTR | VSOC_SW_IRQ_INJ);
	return done;
}

/**
 * vsoc_sw_dma_init() - allocate the rings and the NAPI context
 * @sw: the switch
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_dma_init(struct vsoc_sw *sw)
{
	int ret;

	spin_lock_init(&sw->inj_lock);
	ret = dma_set_mask_and_coherent(sw->dev, DMA_BIT_MASK(64));
	if (ret)
		return ret;
	sw->inj = dma_alloc_coherent(sw->dev, VSOC_SW_INJ_ENTRIES * sizeof(*sw->inj),
				     &sw->inj_dma, GFP_KERNEL);
	sw->xtr = dma_alloc_coherent(sw->dev, VSOC_SW_XTR_ENTRIES * sizeof(*sw->xtr),
				     &sw->xtr_dma, GFP_KERNEL);
	sw->xtr_buf = dma_alloc_coherent(sw->dev,
					 (size_t)VSOC_SW_XTR_ENTRIES * VSOC_SW_XTR_BUF,
					 &sw->xtr_buf_dma, GFP_KERNEL);
	sw->napi_dev = alloc_netdev_dummy(0);
	if (!sw->inj || !sw->xtr || !sw->xtr_buf || !sw->napi_dev) {
		vsoc_sw_dma_free(sw);
		return -ENOMEM;
	}
	netif_napi_add(sw->napi_dev, &sw->napi, vsoc_sw_napi_poll);
	return 0;
}

/**
 * vsoc_sw_dma_start() - hand the rings to the ASIC and enable NAPI
 * @sw: the switch
 */
void vsoc_sw_dma_start(struct vsoc_sw *sw)
{
	struct regmap *map = sw->map;
	unsigned int i;

	for (i = 0; i < VSOC_SW_XTR_ENTRIES; i++)
		vsoc_sw_xtr_give(sw, i);
	memset(sw->inj, 0, VSOC_SW_INJ_ENTRIES * sizeof(*sw->inj));
	sw->inj_tail = 0;
	sw->inj_clean = 0;
	sw->xtr_next = 0;

	regmap_write(map, VSOC_SW_INJ_CTRL, 0);
	regmap_write(map, VSOC_SW_XTR_CTRL, 0);
	regmap_write(map, VSOC_SW_INJ_BASE_LO, lower_32_bits(sw->inj_dma));
	regmap_write(map, VSOC_SW_INJ_BASE_HI, upper_32_bits(sw->inj_dma));
	regmap_write(map, VSOC_SW_INJ_SIZE, VSOC_SW_INJ_ENTRIES);
	regmap_write(map, VSOC_SW_XTR_BASE_LO, lower_32_bits(sw->xtr_dma));
	regmap_write(map, VSOC_SW_XTR_BASE_HI, upper_32_bits(sw->xtr_dma));
	regmap_write(map, VSOC_SW_XTR_SIZE, VSOC_SW_XTR_ENTRIES);
	regmap_write(map, VSOC_SW_INJ_CTRL, VSOC_SW_RING_ENABLE);
	regmap_write(map, VSOC_SW_XTR_CTRL, VSOC_SW_RING_ENABLE);
	regmap_write(map, VSOC_SW_INJ_TAIL, 0);
	/* Every buffer but one: equal indices mean an empty ring. */
	regmap_write(map, VSOC_SW_XTR_TAIL, VSOC_SW_XTR_ENTRIES - 1);

	napi_enable(&sw->napi);
	regmap_update_bits(map, VSOC_SW_IRQ_ENABLE, VSOC_SW_IRQ_XTR | VSOC_SW_IRQ_INJ,
			   VSOC_SW_IRQ_XTR | VSOC_SW_IRQ_INJ);
}

/**
 * vsoc_sw_dma_stop() - stop the rings, NAPI, and free frames in flight
 * @sw: the switch
 *
 * The ports' interfaces are gone (nothing transmits any more).
 */
void vsoc_sw_dma_stop(struct vsoc_sw *sw)
{
	unsigned int i;

	regmap_update_bits(sw->map, VSOC_SW_IRQ_ENABLE,
			   VSOC_SW_IRQ_XTR | VSOC_SW_IRQ_INJ, 0);
	regmap_write(sw->map, VSOC_SW_INJ_CTRL, 0);
	regmap_write(sw->map, VSOC_SW_XTR_CTRL, 0);
	napi_disable(&sw->napi);

	for (i = 0; i < VSOC_SW_INJ_ENTRIES; i++) {
		if (!sw->inj_skb[i])
			continue;
		dma_unmap_single(sw->dev, sw->inj_addr[i], sw->inj_skb[i]->len,
				 DMA_TO_DEVICE);
		dev_kfree_skb_any(sw->inj_skb[i]);
		sw->inj_skb[i] = NULL;
	}
}

/**
 * vsoc_sw_dma_free() - free the rings and the NAPI context
 * @sw: the switch
 */
void vsoc_sw_dma_free(struct vsoc_sw *sw)
{
	if (sw->napi_dev) {
		netif_napi_del(&sw->napi);
		free_netdev(sw->napi_dev);
		sw->napi_dev = NULL;
	}
	if (sw->xtr_buf)
		dma_free_coherent(sw->dev, (size_t)VSOC_SW_XTR_ENTRIES * VSOC_SW_XTR_BUF,
				  sw->xtr_buf, sw->xtr_buf_dma);
	if (sw->xtr)
		dma_free_coherent(sw->dev, VSOC_SW_XTR_ENTRIES * sizeof(*sw->xtr),
				  sw->xtr, sw->xtr_dma);
	if (sw->inj)
		dma_free_coherent(sw->dev, VSOC_SW_INJ_ENTRIES * sizeof(*sw->inj),
				  sw->inj, sw->inj_dma);
	sw->xtr_buf = NULL;
	sw->xtr = NULL;
	sw->inj = NULL;
}
