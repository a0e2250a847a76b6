// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the ingress pipeline. vsw_classify() takes a frame
 * that arrived on a front port through the steps of "Ingress pipeline" in
 * Documentation/vsoc-switch-regs.rst, in that order: MAC checks and RX
 * counters, STP, link-local trap, VLAN classification, learning, locked
 * ports, the IGMP/MLD trap, the destination lookup and the egress masks.
 * It decides; moving the frame is the caller's (switch-model-wire.c).
 * Plain logic: the caller holds the model's lock.
 */
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/in.h>
#include <linux/string.h>

#include <vsoc/compat.h>

#include "switch-model.h"

#define VSW_NEXTHDR_HOP		0
#define VSW_ICMPV6_MLD_QUERY	130
#define VSW_ICMPV6_MLD_REPORT	131
#define VSW_ICMPV6_MLD_DONE	132
#define VSW_ICMPV6_MLD2_REPORT	143

static u16 vsw_be16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

static void vsw_parse_ip(const u8 *hdr, unsigned int hdr_len,
			 unsigned int off, struct vsw_frame *f)
{
	unsigned int l4;
	u8 nh;

	if (f->type == ETH_P_IP) {
		if (hdr_len >= off + 20 && (hdr[off] >> 4) == 4)
			f->ip_proto = hdr[off + 9];
		return;
	}
	if (f->type != ETH_P_IPV6 || hdr_len < off + 40)
		return;
	nh = hdr[off + 6];
	l4 = off + 40;
	if (nh == VSW_NEXTHDR_HOP) {
		if (hdr_len < l4 + 2)
			return;
		nh = hdr[l4];
		l4 += (hdr[l4 + 1] + 1) * 8;
	}
	f->ip_proto = nh;
	if (nh == IPPROTO_ICMPV6 && hdr_len > l4)
		f->icmp6_type = hdr[l4];
}

/**
 * vsw_parse() - read what the pipeline needs from a frame's first bytes
 * @hdr: the frame's first bytes
 * @hdr_len: how many (at least ETH_HLEN)
 * @len: the frame's length without FCS
 * @f: filled in; one segment of @len bytes
 */
VISIBLE_IF_KUNIT void vsw_parse(const u8 *hdr, unsigned int hdr_len,
				unsigned int len, struct vsw_frame *f)
{
	unsigned int off = ETH_HLEN;

	memset(f, 0, sizeof(*f));
	f->len = len;
	f->segs = 1;
	f->octets = vsw_wire_len(len);
	if (hdr_len < ETH_HLEN)
		return;
	ether_addr_copy(f->da, hdr);
	ether_addr_copy(f->sa, hdr + ETH_ALEN);
	f->type = vsw_be16(hdr + 12);
	if (f->type == ETH_P_8021Q && hdr_len >= VLAN_ETH_HLEN) {
		f->tagged = true;
		f->tci = vsw_be16(hdr + 14);
		f->type = vsw_be16(hdr + 16);
		off = VLAN_ETH_HLEN;
	}
	vsw_parse_ip(hdr, hdr_len, off, f);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_parse);

static bool vsw_port_up(const struct vsw_port *p)
{
	return p->link && (p->mac_cfg & VSOC_SW_P_MAC_LINK_UP);
}

/**
 * vsw_port_can_egress() - the port sends forwarded frames
 * @p: the port
 *
 * Return: true in STP FORWARDING with TX_EN, PCS link and MAC link.
 */
VISIBLE_IF_KUNIT bool vsw_port_can_egress(const struct vsw_port *p)
{
	return FIELD_GET(VSOC_SW_P_CTRL_STP, p->ctrl) == VSOC_SW_STP_FORWARDING &&
	       (p->ctrl & VSOC_SW_P_CTRL_TX_EN) && vsw_port_up(p);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_port_can_egress);

static bool vsw_is_pause(const struct vsw_frame *f)
{
	static const u8 pause_da[ETH_ALEN] = { 0x01, 0x80, 0xc2, 0, 0, 0x01 };

	return !f->tagged && f->type == VSW_ETH_PAUSE &&
	       ether_addr_equal(f->da, pause_da);
}

static bool vsw_is_igmp_mld(const struct vsw_frame *f)
{
	if (f->type == ETH_P_IP)
		return f->ip_proto == IPPROTO_IGMP;
	if (f->type != ETH_P_IPV6 || f->ip_proto != IPPROTO_ICMPV6)
		return false;
	switch (f->icmp6_type) {
	case VSW_ICMPV6_MLD_QUERY:
	case VSW_ICMPV6_MLD_REPORT:
	case VSW_ICMPV6_MLD_DONE:
	case VSW_ICMPV6_MLD2_REPORT:
		return true;
	default:
		return false;
	}
}

/* Step 4: VID and FID; false drops the frame. */
static bool vsw_vlan_classify(const struct vsw_core *c, const struct vsw_port *p,
			      unsigned int port, const struct vsw_frame *f,
			      struct vsw_verdict *v, u32 *members)
{
	u16 vid = f->tagged ? f->tci & VLAN_VID_MASK : 0;
	const struct vsw_vlan *vl;

	if (!(p->ctrl & VSOC_SW_P_CTRL_VLAN_AWARE)) {
		v->vid = p->pvid & VLAN_VID_MASK;
		v->fid = p->fid & (VSOC_SW_NUM_FIDS - 1);
		*members = ~0U;
		return true;
	}
	v->aware = true;
	if (!vid)
		vid = p->pvid & VLAN_VID_MASK;
	if (!vid)
		return false;
	vl = &c->vlan[vid];
	if (!vl->valid || !(vl->members & BIT(port)))
		return false;
	v->vid = vid;
	v->fid = vl->fid;
	v->untag = vl->untag;
	*members = vl->members;
	return true;
}

static u32 vsw_ports_with(const struct vsw_core *c, u32 ctrl_bit)
{
	u32 mask = 0;
	unsigned int q;

	for (q = 0; q < c->nports; q++)
		if (c->port[q].ctrl & ctrl_bit)
			mask |= BIT(q);
	return mask;
}

/* Step 9: the destination ports before the masks; no entry: a flood. */
static u32 vsw_destination(const struct vsw_core *c, const struct vsw_port *p,
			   const struct vsw_frame *f, u16 fid, u8 *reason)
{
	int idx = vsw_fdb_find(c, f->da, fid);
	u32 dest, mrouter = 0;

	if (is_multicast_ether_addr(f->da) && !is_broadcast_ether_addr(f->da))
		mrouter = vsw_ports_with(c, VSOC_SW_P_CTRL_MROUTER);
	if (idx >= 0)
		return c->fdb[idx].dest | mrouter;
	*reason = VSOC_SW_XTR_R_FLOOD;
	if (is_broadcast_ether_addr(f->da)) {
		dest = vsw_ports_with(c, VSOC_SW_P_CTRL_FLOOD_BC);
		if (p->ctrl & VSOC_SW_P_CTRL_CPU_BC)
			dest |= VSOC_SW_PM_CPU;
	} else if (is_multicast_ether_addr(f->da)) {
		dest = vsw_ports_with(c, VSOC_SW_P_CTRL_FLOOD_MC) | mrouter;
		if (p->ctrl & VSOC_SW_P_CTRL_CPU_MC)
			dest |= VSOC_SW_PM_CPU;
	} else {
		dest = vsw_ports_with(c, VSOC_SW_P_CTRL_FLOOD_UC);
		if (p->ctrl & VSOC_SW_P_CTRL_CPU_UC)
			dest |= VSOC_SW_PM_CPU;
	}
	return dest;
}

/* Step 10: forwarding mask, source port, VLAN members, egress state. */
static u32 vsw_egress_mask(const struct vsw_core *c, const struct vsw_port *p,
			   unsigned int port, u32 dest, u32 members)
{
	u32 front = dest & p->fwd_mask & GENMASK(c->nports - 1, 0) & ~BIT(port);
	unsigned int q;

	front &= members;
	for (q = 0; q < c->nports; q++) {
		const struct vsw_port *e = &c->port[q];

		if (!(front & BIT(q)))
			continue;
		if (!vsw_port_can_egress(e) ||
		    ((p->ctrl & e->ctrl) & VSOC_SW_P_CTRL_ISOLATED))
			front &= ~BIT(q);
	}
	return front | (dest & members & VSOC_SW_PM_CPU);
}

static bool vsw_is_link_local(const u8 *da)
{
	static const u8 base[ETH_ALEN] = { 0x01, 0x80, 0xc2, 0, 0, 0 };

	return !memcmp(da, base, ETH_ALEN - 1) && !(da[5] & 0xf0);
}

/* Steps 5 to 10, after the frame was classified to a VLAN. */
static void vsw_forward(struct vsw_core *c, unsigned int port,
			const struct vsw_frame *f, struct vsw_verdict *v,
			u32 members)
{
	struct vsw_port *p = &c->port[port];
	u32 stp = FIELD_GET(VSOC_SW_P_CTRL_STP, p->ctrl);
	int idx;

	if ((p->ctrl & VSOC_SW_P_CTRL_LEARN) &&
	    !(p->ctrl & VSOC_SW_P_CTRL_LOCKED) &&
	    (stp == VSOC_SW_STP_LEARNING || stp == VSOC_SW_STP_FORWARDING) &&
	    is_valid_ether_addr(f->sa))
		vsw_fdb_learn(c, f->sa, v->fid, port);
	if (stp != VSOC_SW_STP_FORWARDING)
		return;
	if (p->ctrl & VSOC_SW_P_CTRL_LOCKED) {
		idx = vsw_fdb_find(c, f->sa, v->fid);
		if (idx < 0 || c->fdb[idx].dest != BIT(port)) {
			v->dest = VSOC_SW_PM_CPU;
			v->reason = VSOC_SW_XTR_R_LOCKED;
			return;
		}
	}
	if ((c->ctrl & VSOC_SW_CTRL_IGMP_TRAP) && vsw_is_igmp_mld(f)) {
		v->dest = VSOC_SW_PM_CPU;
		v->reason = VSOC_SW_XTR_R_TRAP;
		return;
	}
	v->dest = vsw_egress_mask(c, p, port,
				  vsw_destination(c, p, f, v->fid, &v->reason),
				  members);
	v->untag &= v->dest;
}

/**
 * vsw_classify() - run a frame through the ingress pipeline
 * @c: the core
 * @port: the ingress port
 * @f: the frame
 * @v: the decision
 *
 * Counts the frame in the port's RX counters (RX_FWD, RX_CPU, RX_DROPS
 * and the MAC's), learns its source and marks hit entries. A frame the
 * MAC does not take (core or RX disabled, no link) is not counted.
 *
 * Return: true when the frame goes somewhere (@v->dest not 0).
 */
VISIBLE_IF_KUNIT bool vsw_classify(struct vsw_core *c, unsigned int port,
				   const struct vsw_frame *f, struct vsw_verdict *v)
{
	struct vsw_port *p = &c->port[port];
	u32 stp = FIELD_GET(VSOC_SW_P_CTRL_STP, p->ctrl);
	unsigned int wire = vsw_wire_len(f->len);
	u32 members = 0;

	memset(v, 0, sizeof(*v));
	if (port >= c->nports || !(c->ctrl & VSOC_SW_CTRL_CORE_EN) ||
	    !(p->ctrl & VSOC_SW_P_CTRL_RX_EN) || !vsw_port_up(p))
		return false;
	if (wire > p->max_frame) {
		p->cnt[VSOC_SW_CNT_RX_OVERSIZE] += f->segs;
		p->cnt[VSOC_SW_CNT_RX_64 + vsw_hist_index(wire)] += f->segs;
		return false;
	}
	vsw_count_rx(p, f);
	if (vsw_is_pause(f)) {
		p->cnt[VSOC_SW_CNT_RX_PAUSE] += f->segs;
		return false;
	}
	if (stp == VSOC_SW_STP_DISABLED)
		goto drop;
	if (vsw_is_link_local(f->da)) {
		v->vid = f->tagged && (f->tci & VLAN_VID_MASK) ?
			 f->tci & VLAN_VID_MASK : p->pvid & VLAN_VID_MASK;
		v->dest = VSOC_SW_PM_CPU;
		v->reason = VSOC_SW_XTR_R_TRAP;
	} else if (vsw_vlan_classify(c, p, port, f, v, &members)) {
		vsw_forward(c, port, f, v, members);
	}
	if (!v->dest)
		goto drop;
	if (v->dest & VSOC_SW_PM_FRONT)
		p->cnt[VSOC_SW_CNT_RX_FWD] += f->segs;
	if (v->dest & VSOC_SW_PM_CPU)
		p->cnt[VSOC_SW_CNT_RX_CPU] += f->segs;
	return true;
drop:
	p->cnt[VSOC_SW_CNT_RX_DROPS] += f->segs;
	v->dest = 0;
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_classify);

/**
 * vsw_tag_op() - what the egress port does to the frame's tag
 * @f: the frame as it arrived
 * @v: the pipeline's decision
 * @port: the egress port
 *
 * Return: the tag operation.
 */
VISIBLE_IF_KUNIT enum vsw_tag_op vsw_tag_op(const struct vsw_frame *f,
					    const struct vsw_verdict *v,
					    unsigned int port)
{
	if (!v->aware)
		return VSW_TAG_KEEP;
	if (v->untag & BIT(port))
		return f->tagged ? VSW_TAG_POP : VSW_TAG_KEEP;
	if (!f->tagged)
		return VSW_TAG_PUSH;
	if ((f->tci & VLAN_VID_MASK) != v->vid)
		return VSW_TAG_SET_VID;
	return VSW_TAG_KEEP;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_tag_op);
