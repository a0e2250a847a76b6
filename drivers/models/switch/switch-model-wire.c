// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the data plane. A frame entering a front port from
 * its wire (its link partner's transmit, or a loopback cable) runs
 * through the ingress pipeline under the model's lock, once; then, with
 * the lock dropped, the CPU gets its copy (switch-model-dma.c) and each
 * egress port its frame: the same skb when there is one, clones when
 * flooding, the tag edited where the VLAN says so. A frame for a link
 * partner is handed to its receive path (dev_forward_skb(), as veth
 * does); one for a loopback cable is queued for the far port and taken
 * in by a work item, so a bridge loop storms instead of recursing.
 *
 * GSO: the link partners offer segmentation offloads like veth; a GSO
 * frame stands for its segments (counters count them, size checks use a
 * segment) and is cut into segments only where real frames are needed:
 * the CPU's copies.
 */
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include "switch-model.h"

/* Bytes of a frame the pipeline looks at (tag, IPv6, hop-by-hop, ICMPv6). */
#define VSW_PARSE_LEN		96
/* Frames the wire work takes in before it lets others run. */
#define VSW_WIRE_BUDGET		64

/**
 * struct vsw_egress - one frame to send after the pipeline
 * @port: egress port
 * @op: tag operation
 * @cable: where the port's cable ends
 * @peer: far port of a loopback cable
 * @lp: link partner interface
 */
struct vsw_egress {
	unsigned int port;
	enum vsw_tag_op op;
	enum vsw_cable cable;
	unsigned int peer;
	struct net_device *lp;
};

struct vsw_lp_priv {
	struct vsw_mport *mp;
};

static unsigned int vsw_gso_hdr_len(const struct sk_buff *skb)
{
	unsigned int len;

	if (!skb_transport_header_was_set(skb))
		return ETH_HLEN + 60;
	len = skb_transport_offset(skb);
	if (skb_shinfo(skb)->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6))
		len += tcp_hdrlen(skb);
	else if (skb_shinfo(skb)->gso_type & SKB_GSO_UDP_L4)
		len += sizeof(struct udphdr);
	return len;
}

/* A GSO frame: the segments it stands for. */
static void vsw_frame_gso(const struct sk_buff *skb, struct vsw_frame *f)
{
	unsigned int mss = skb_shinfo(skb)->gso_size, hdr, segs, last;

	if (!skb_is_gso(skb) || !mss)
		return;
	hdr = vsw_gso_hdr_len(skb);
	if (hdr >= skb->len)
		return;
	segs = DIV_ROUND_UP(skb->len - hdr, mss);
	last = skb->len - (segs - 1) * mss;
	f->segs = segs;
	f->len = hdr + mss;
	f->octets = (u64)vsw_wire_len(f->len) * (segs - 1) + vsw_wire_len(last);
}

static int vsw_tag_len(enum vsw_tag_op op)
{
	return op == VSW_TAG_PUSH ? VLAN_HLEN : op == VSW_TAG_POP ? -VLAN_HLEN : 0;
}

/* Edit the tag of a frame (data at its MAC header); NULL: dropped. */
static struct sk_buff *vsw_tag_apply(struct sk_buff *skb, enum vsw_tag_op op,
				     u16 vid)
{
	u16 tci;

	if (op == VSW_TAG_KEEP)
		return skb;
	if (op == VSW_TAG_PUSH)
		return vlan_insert_tag(skb, htons(ETH_P_8021Q), vid);
	if (skb_ensure_writable(skb, VLAN_ETH_HLEN)) {
		kfree_skb(skb);
		return NULL;
	}
	if (op == VSW_TAG_SET_VID) {
		tci = (skb->data[14] << 8 | skb->data[15]) & ~VLAN_VID_MASK;
		tci |= vid;
		skb->data[14] = tci >> 8;
		skb->data[15] = tci;
		return skb;
	}
	memmove(skb->data + VLAN_HLEN, skb->data, 2 * ETH_ALEN);
	__skb_pull(skb, VLAN_HLEN);
	if (skb_mac_header_was_set(skb))
		skb->mac_header += VLAN_HLEN;
	if (skb->ip_summed == CHECKSUM_COMPLETE)
		skb->ip_summed = CHECKSUM_NONE;
	return skb;
}

static void vsw_to_lp(struct vsw_mport *mp, struct net_device *lp,
		      struct sk_buff *skb, bool from_lp)
{
	if (!from_lp) {
		skb->dev = lp;
		skb_scrub_packet(skb, true);
	}
	/* The sending MAC pads short frames (the FCS is not in memory). */
	if (skb_put_padto(skb, ETH_ZLEN))
		return;
	/*
	 * dev_forward_skb() raises the receive softirq: from the model's
	 * works (process context) it must run when BHs come back on.
	 */
	local_bh_disable();
	if (dev_forward_skb(lp, skb) != NET_RX_SUCCESS)
		atomic_long_inc(&mp->lp_rx_dropped);
	local_bh_enable();
}

/* A frame onto a loopback cable: queued for the far port's ingress. */
static void vsw_to_peer(struct vsw_model *m, unsigned int peer,
			struct sk_buff *skb)
{
	struct vsw_mport *mp = &m->mp[peer];
	unsigned long flags;

	skb_orphan(skb);
	skb_scrub_packet(skb, true);
	skb->dev = NULL;
	spin_lock_irqsave(&m->lock, flags);
	if (m->dying || skb_queue_len(&mp->rxq) >= VSW_WIRE_QLEN) {
		mp->wire_drops++;
		spin_unlock_irqrestore(&m->lock, flags);
		kfree_skb(skb);
		return;
	}
	__skb_queue_tail(&mp->rxq, skb);
	queue_work(m->wq, &m->wire_work);
	spin_unlock_irqrestore(&m->lock, flags);
}

static void vsw_egress_send(struct vsw_model *m, const struct vsw_egress *e,
			    struct sk_buff *skb, u16 vid, bool from_lp)
{
	skb = vsw_tag_apply(skb, e->op, vid);
	if (!skb)
		return;
	if (e->cable == VSW_CABLE_PARTNER)
		vsw_to_lp(&m->mp[e->port], e->lp, skb, from_lp);
	else if (e->cable == VSW_CABLE_PORT)
		vsw_to_peer(m, e->peer, skb);
	else
		kfree_skb(skb);
}

/*
 * Egress decisions for the ports of @v, lock held: MAX_FRAME, TX
 * counters, where each cable ends. Return: frames to send.
 */
static unsigned int vsw_egress_plan(struct vsw_model *m, const struct vsw_frame *f,
				    const struct vsw_verdict *v,
				    struct vsw_egress *eg)
{
	u32 front = v->dest & VSOC_SW_PM_FRONT;
	unsigned int q, n = 0;

	for (q = 0; q < m->core->nports; q++) {
		struct vsw_port *p = &m->core->port[q];
		struct vsw_mport *mp = &m->mp[q];
		enum vsw_tag_op op;
		unsigned int len;

		if (!(front & BIT(q)))
			continue;
		op = vsw_tag_op(f, v, q);
		len = f->len + vsw_tag_len(op);
		if (vsw_wire_len(len) > p->max_frame ||
		    mp->cable == VSW_CABLE_NONE) {
			p->cnt[VSOC_SW_CNT_TX_DROPS] += f->segs;
			continue;
		}
		vsw_count_tx(p, f->da, len, f->segs);
		eg[n].port = q;
		eg[n].op = op;
		eg[n].cable = mp->cable;
		/* Sent, but garbled between MAC and PHY: lost. */
		if (vsw_phy_speed_mismatch(mp->phy, p->mac_cfg)) {
			p->cnt[VSOC_SW_CNT_SPEED_ERR] += f->segs;
			eg[n].cable = VSW_CABLE_NONE;
		}
		eg[n].peer = mp->peer;
		eg[n].lp = mp->lp;
		if (mp->cable == VSW_CABLE_PARTNER) {
			mp->lp_rx_packets += f->segs;
			mp->lp_rx_bytes += f->octets - (u64)f->segs * ETH_FCS_LEN;
		}
		n++;
	}
	return n;
}

static void vsw_port_rx_one(struct vsw_model *m, unsigned int port,
			    struct sk_buff *skb, bool from_lp)
{
	struct vsw_egress eg[VSOC_SW_MAX_PORTS];
	unsigned int hlen = min_t(unsigned int, skb->len, VSW_PARSE_LEN);
	struct vsw_mport *mp = &m->mp[port];
	u8 buf[VSW_PARSE_LEN];
	struct vsw_verdict v;
	struct vsw_frame f;
	unsigned long flags;
	unsigned int n = 0, i;
	const u8 *hdr;
	u32 evts;

	hdr = skb_header_pointer(skb, 0, hlen, buf);
	if (!hdr || skb->len < ETH_HLEN)
		goto drop;
	vsw_parse(hdr, hlen, skb->len, &f);
	vsw_frame_gso(skb, &f);

	spin_lock_irqsave(&m->lock, flags);
	if (m->dying || (from_lp && mp->cable != VSW_CABLE_PARTNER)) {
		spin_unlock_irqrestore(&m->lock, flags);
		goto drop;
	}
	if (from_lp) {
		mp->lp_tx_packets += f.segs;
		mp->lp_tx_bytes += skb->len;
	}
	if (vsw_phy_speed_mismatch(mp->phy, m->core->port[port].mac_cfg)) {
		/* Garbled between PHY and MAC: the MAC sees no frame. */
		m->core->port[port].cnt[VSOC_SW_CNT_SPEED_ERR] += f.segs;
		spin_unlock_irqrestore(&m->lock, flags);
		goto drop;
	}
	evts = m->core->evt_count;
	if (vsw_classify(m->core, port, &f, &v))
		n = vsw_egress_plan(m, &f, &v, eg);
	if (m->core->evt_count != evts)
		vsw_update_irq(m);
	spin_unlock_irqrestore(&m->lock, flags);

	if (v.dest & VSOC_SW_PM_CPU)
		vsw_xtr_frame(m, skb, port, &v, f.tagged);
	for (i = 0; i + 1 < n; i++) {
		struct sk_buff *c = skb_clone(skb, GFP_ATOMIC);

		if (c)
			vsw_egress_send(m, &eg[i], c, v.vid, from_lp);
	}
	if (n) {
		vsw_egress_send(m, &eg[n - 1], skb, v.vid, from_lp);
		return;
	}
	consume_skb(skb);
	return;
drop:
	kfree_skb(skb);
}

/**
 * vsw_port_rx() - a frame arrives at a front port from its wire
 * @m: the model
 * @port: the port
 * @skb: the frame, data at its MAC header, without FCS (consumed)
 *
 * From a loopback cable (the wire work). Any context but hard IRQ.
 */
void vsw_port_rx(struct vsw_model *m, unsigned int port, struct sk_buff *skb)
{
	vsw_port_rx_one(m, port, skb, false);
}

/**
 * vsw_port_inject() - a frame the CPU injected leaves a front port
 * @m: the model
 * @port: the port (checked by the caller)
 * @skb: the frame (consumed)
 *
 * No lookup, no VLAN or STP processing: the frame leaves unchanged if
 * the port has TX_EN and a link.
 *
 * Return: 0 or VSOC_SW_INJ_ST_LINK_DOWN (counted in TX_DROPS).
 */
u32 vsw_port_inject(struct vsw_model *m, unsigned int port, struct sk_buff *skb)
{
	struct vsw_port *p = &m->core->port[port];
	struct vsw_verdict v = { .dest = BIT(port) };
	struct vsw_egress eg;
	struct vsw_frame f;
	unsigned long flags;
	unsigned int n = 0;

	vsw_parse(skb->data, skb_headlen(skb), skb->len, &f);
	spin_lock_irqsave(&m->lock, flags);
	if (!m->dying && p->link && (p->mac_cfg & VSOC_SW_P_MAC_LINK_UP) &&
	    (p->ctrl & VSOC_SW_P_CTRL_TX_EN))
		n = vsw_egress_plan(m, &f, &v, &eg);
	else
		p->cnt[VSOC_SW_CNT_TX_DROPS]++;
	spin_unlock_irqrestore(&m->lock, flags);
	if (!n) {
		kfree_skb(skb);
		return VSOC_SW_INJ_ST_LINK_DOWN;
	}
	vsw_egress_send(m, &eg, skb, 0, false);
	return 0;
}

/**
 * vsw_wire_work() - deliver the frames in flight on loopback cables
 * @work: the model's wire_work
 */
void vsw_wire_work(struct work_struct *work)
{
	struct vsw_model *m = container_of(work, struct vsw_model, wire_work);
	unsigned int budget = VSW_WIRE_BUDGET, i;
	bool more = true;

	while (more && budget) {
		more = false;
		for (i = 0; i < m->core->nports && budget; i++) {
			struct sk_buff *skb;

			spin_lock_irq(&m->lock);
			skb = m->dying ? NULL : __skb_dequeue(&m->mp[i].rxq);
			spin_unlock_irq(&m->lock);
			if (!skb)
				continue;
			vsw_port_rx(m, i, skb);
			budget--;
			more = true;
		}
	}
	spin_lock_irq(&m->lock);
	for (i = 0; i < m->core->nports && !m->dying; i++)
		if (!skb_queue_empty(&m->mp[i].rxq)) {
			queue_work(m->wq, &m->wire_work);
			break;
		}
	spin_unlock_irq(&m->lock);
}

static struct vsw_mport *vsw_lp_port(struct net_device *dev)
{
	return ((struct vsw_lp_priv *)netdev_priv(dev))->mp;
}

static netdev_tx_t vsw_lp_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct vsw_mport *mp = vsw_lp_port(dev);

	vsw_port_rx_one(mp->m, mp->index, skb, true);
	return NETDEV_TX_OK;
}

static void vsw_lp_set_up(struct net_device *dev, bool up)
{
	struct vsw_mport *mp = vsw_lp_port(dev);
	struct vsw_model *m = mp->m;

	spin_lock_irq(&m->lock);
	mp->lp_up = up;
	vsw_link_update(m, mp->index);
	vsw_update_irq(m);
	spin_unlock_irq(&m->lock);
}

static int vsw_lp_open(struct net_device *dev)
{
	vsw_lp_set_up(dev, true);
	return 0;
}

static int vsw_lp_stop(struct net_device *dev)
{
	vsw_lp_set_up(dev, false);
	return 0;
}

static void vsw_lp_get_stats64(struct net_device *dev,
			       struct rtnl_link_stats64 *s)
{
	struct vsw_mport *mp = vsw_lp_port(dev);
	unsigned long flags;

	spin_lock_irqsave(&mp->m->lock, flags);
	s->tx_packets = mp->lp_tx_packets;
	s->tx_bytes = mp->lp_tx_bytes;
	s->rx_packets = mp->lp_rx_packets;
	s->rx_bytes = mp->lp_rx_bytes;
	spin_unlock_irqrestore(&mp->m->lock, flags);
	s->rx_dropped = atomic_long_read(&mp->lp_rx_dropped);
}

static const struct net_device_ops vsw_lp_netdev_ops = {
	.ndo_open = vsw_lp_open,
	.ndo_stop = vsw_lp_stop,
	.ndo_start_xmit = vsw_lp_xmit,
	.ndo_get_stats64 = vsw_lp_get_stats64,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
};

static int vsw_lp_get_link_ksettings(struct net_device *dev,
				     struct ethtool_link_ksettings *cmd)
{
	struct vsw_mport *mp = vsw_lp_port(dev);
	unsigned long flags;

	/* Behind a PHY: the partner of its line side (switch-model-phy.c). */
	if (mp->phy) {
		spin_lock_irqsave(&mp->m->lock, flags);
		vsw_phy_partner_ksettings(mp->phy, cmd);
		spin_unlock_irqrestore(&mp->m->lock, flags);
		return 0;
	}
	ethtool_link_ksettings_zero_link_mode(cmd, supported);
	ethtool_link_ksettings_add_link_mode(cmd, supported, 1000baseT_Full);
	ethtool_link_ksettings_add_link_mode(cmd, supported, Autoneg);
	ethtool_link_ksettings_zero_link_mode(cmd, advertising);
	ethtool_link_ksettings_add_link_mode(cmd, advertising, 1000baseT_Full);
	ethtool_link_ksettings_add_link_mode(cmd, advertising, Autoneg);
	cmd->base.speed = SPEED_1000;
	cmd->base.duplex = DUPLEX_FULL;
	cmd->base.port = PORT_OTHER;
	cmd->base.autoneg = AUTONEG_ENABLE;
	return 0;
}

/* Only a partner behind a copper PHY has settings to change. */
static int vsw_lp_set_link_ksettings(struct net_device *dev,
				     const struct ethtool_link_ksettings *cmd)
{
	struct vsw_mport *mp = vsw_lp_port(dev);
	struct vsw_model *m = mp->m;
	int ret;

	if (!mp->phy)
		return -EOPNOTSUPP;
	spin_lock_irq(&m->lock);
	ret = vsw_phy_partner_set(mp->phy, cmd);
	if (!ret) {
		vsw_link_update(m, mp->index);
		vsw_update_irq(m);
	}
	spin_unlock_irq(&m->lock);
	return ret;
}

static void vsw_lp_get_drvinfo(struct net_device *dev,
			       struct ethtool_drvinfo *info)
{
	strscpy(info->driver, "vsoc-switch-lp", sizeof(info->driver));
	strscpy(info->bus_info, vsw_lp_port(dev)->m->name, sizeof(info->bus_info));
}

static const struct ethtool_ops vsw_lp_ethtool_ops = {
	.get_drvinfo = vsw_lp_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_link_ksettings = vsw_lp_get_link_ksettings,
	.set_link_ksettings = vsw_lp_set_link_ksettings,
};

/**
 * vsw_lp_create() - the link partner interface lp<port>, in init_net
 * @m: the model
 * @port: the front port it is cabled to
 *
 * Kept until the model goes (debugfs may re-cable the port elsewhere and
 * back). May sleep.
 *
 * Return: 0 or an errno.
 */
int vsw_lp_create(struct vsw_model *m, unsigned int port)
{
	struct vsw_lp_priv *priv;
	struct net_device *dev;
	int ret;

	if (m->mp[port].lp)
		return 0;
	dev = alloc_etherdev(sizeof(*priv));
	if (!dev)
		return -ENOMEM;
	priv = netdev_priv(dev);
	priv->mp = &m->mp[port];
	snprintf(dev->name, IFNAMSIZ, "lp%u", port);
	dev->netdev_ops = &vsw_lp_netdev_ops;
	dev->ethtool_ops = &vsw_lp_ethtool_ops;
	dev->priv_flags |= IFF_NO_QUEUE;
	dev->features = NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_HIGHDMA |
			NETIF_F_FRAGLIST | NETIF_F_GSO_SOFTWARE | NETIF_F_RXCSUM;
	dev->hw_features = dev->features;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = VSOC_SW_MAX_FRAME - VLAN_ETH_HLEN - ETH_FCS_LEN;
	eth_hw_addr_random(dev);
	netif_carrier_off(dev);
	ret = register_netdev(dev);
	if (ret) {
		free_netdev(dev);
		return ret;
	}
	spin_lock_irq(&m->lock);
	m->mp[port].lp = dev;
	spin_unlock_irq(&m->lock);
	return 0;
}

/**
 * vsw_lp_destroy_all() - unregister the link partner interfaces
 * @m: the model; nothing moves frames any more
 */
void vsw_lp_destroy_all(struct vsw_model *m)
{
	unsigned int i;

	for (i = 0; i < VSOC_SW_MAX_PORTS; i++) {
		struct net_device *dev = m->mp[i].lp;

		if (!dev)
			continue;
		unregister_netdev(dev);
		spin_lock_irq(&m->lock);
		m->mp[i].lp = NULL;
		spin_unlock_irq(&m->lock);
		free_netdev(dev);
	}
}
