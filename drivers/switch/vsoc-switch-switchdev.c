// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: bridge offload.
 *
 * Ports joining a bridge are offloaded with switchdev_bridge_port_offload():
 * a VLAN-unaware bridge gets one FID (VSOC_SW_FID_BRIDGE(slot)) and each
 * of its ports forwards to the others; the one VLAN-aware bridge the ASIC
 * can have uses FID = VID and owns the VLAN table. STP states, bridge port
 * flags, VLANs, static and host FDB entries, MDB entries and multicast
 * router ports are written to the ASIC; entries it learns and ages are
 * told to the bridge from its event FIFO. What the ASIC cannot do is
 * refused with an extack.
 */
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/if_bridge.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/regmap.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/if_inet6.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/switchdev.h>

#include <vsoc/compat.h>

#include "vsoc-switch.h"

/* Events handled per run of the event work, before it yields. */
#define VSOC_SW_EVENT_BATCH	256

static const u8 vsoc_sw_stp_map[] = {
	[BR_STATE_DISABLED] = VSOC_SW_STP_DISABLED,
	[BR_STATE_LISTENING] = VSOC_SW_STP_LISTENING,
	[BR_STATE_LEARNING] = VSOC_SW_STP_LEARNING,
	[BR_STATE_FORWARDING] = VSOC_SW_STP_FORWARDING,
	[BR_STATE_BLOCKING] = VSOC_SW_STP_BLOCKING,
};

/**
 * vsoc_sw_port_ctrl_bits() - the policy's P_CTRL bits (not RX_EN/TX_EN)
 * @port: the port
 * @flags: the port interface's flags (IFF_PROMISC, IFF_ALLMULTI)
 * @br_flags: its bridge's interface flags
 *
 * Return: the bits.
 */
u32 vsoc_sw_port_ctrl_bits(const struct vsoc_sw_port *port, unsigned int flags,
			   unsigned int br_flags)
{
	unsigned long f = port->brflags;
	u32 ctrl = VSOC_SW_P_CTRL_CPU_BC;
	u8 stp;

	if (!port->bridge) {
		/* A NIC: nothing to flood to, the CPU gets what it asked for. */
		if (flags & IFF_PROMISC)
			ctrl |= VSOC_SW_P_CTRL_CPU_UC | VSOC_SW_P_CTRL_CPU_MC;
		else if (flags & IFF_ALLMULTI)
			ctrl |= VSOC_SW_P_CTRL_CPU_MC;
		return ctrl | FIELD_PREP(VSOC_SW_P_CTRL_STP, VSOC_SW_STP_FORWARDING);
	}

	stp = port->stp_state < ARRAY_SIZE(vsoc_sw_stp_map) ?
	      vsoc_sw_stp_map[port->stp_state] : VSOC_SW_STP_DISABLED;
	ctrl |= FIELD_PREP(VSOC_SW_P_CTRL_STP, stp);
	/* The bridge sees unregistered multicast; unknown unicast if promisc. */
	ctrl |= VSOC_SW_P_CTRL_CPU_MC;
	/*
	 * A promiscuous port with VLAN uppers: what the ASIC does not
	 * forward to the CPU would not reach them (vsoc-switch-upper.c).
	 */
	if ((br_flags & IFF_PROMISC) ||
	    ((flags & IFF_PROMISC) && vsoc_sw_has_uppers(port)))
		ctrl |= VSOC_SW_P_CTRL_CPU_UC;
	if ((f & BR_LEARNING) && !(f & BR_PORT_LOCKED))
		ctrl |= VSOC_SW_P_CTRL_LEARN;
	if (f & BR_FLOOD)
		ctrl |= VSOC_SW_P_CTRL_FLOOD_UC;
	/* Snooping: unregistered multicast is the bridge's to forward. */
	if ((f & BR_MCAST_FLOOD) && !port->bridge->mc_snooping)
		ctrl |= VSOC_SW_P_CTRL_FLOOD_MC;
	if (f & BR_BCAST_FLOOD)
		ctrl |= VSOC_SW_P_CTRL_FLOOD_BC;
	if (f & BR_ISOLATED)
		ctrl |= VSOC_SW_P_CTRL_ISOLATED;
	if (f & BR_PORT_LOCKED)
		ctrl |= VSOC_SW_P_CTRL_LOCKED;
	if (port->mrouter)
		ctrl |= VSOC_SW_P_CTRL_MROUTER;
	if (port->bridge->vlan_aware)
		ctrl |= VSOC_SW_P_CTRL_VLAN_AWARE;
	return ctrl;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_port_ctrl_bits);

/**
 * vsoc_sw_fwd_mask() - front ports a port may forward to
 * @port: the port
 *
 * Return: the other ports of its bridge, none when standalone.
 */
u32 vsoc_sw_fwd_mask(const struct vsoc_sw_port *port)
{
	if (!port->bridge)
		return 0;
	return port->bridge->ports & ~BIT(port->index);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_fwd_mask);

/**
 * vsoc_sw_port_apply() - write a port's forwarding policy
 * @port: the port
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_port_apply(struct vsoc_sw_port *port)
{
	struct regmap *map = port->sw->map;
	unsigned int brf = port->bridge ? port->bridge->dev->flags : 0;
	u32 ctrl = vsoc_sw_port_ctrl_bits(port, port->ndev->flags, brf);
	int ret;

	lockdep_assert_held(&port->sw->lock);
	ret = regmap_write(map, vsoc_sw_preg(port, VSOC_SW_P_FWD_MASK),
			   vsoc_sw_fwd_mask(port));
	if (!ret)
		ret = regmap_write(map, vsoc_sw_preg(port, VSOC_SW_P_FID),
				   vsoc_sw_fid(port, 0));
	if (!ret)
		ret = regmap_write(map, vsoc_sw_preg(port, VSOC_SW_P_PVID),
				   port->bridge ? port->pvid : 0);
	if (!ret)
		ret = vsoc_sw_port_ctrl_update(port, ~(u32)(VSOC_SW_P_CTRL_RX_EN |
							    VSOC_SW_P_CTRL_TX_EN), ctrl);
	return ret;
}

/**
 * vsoc_sw_port_standalone() - a port outside any bridge
 * @port: the port
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_port_standalone(struct vsoc_sw_port *port)
{
	port->bridge = NULL;
	port->stp_state = BR_STATE_FORWARDING;
	port->brflags = 0;
	port->mrouter = false;
	port->pvid = 0;
	return vsoc_sw_port_apply(port);
}

static void vsoc_sw_bridge_apply(struct vsoc_sw *sw, struct vsoc_sw_bridge *b)
{
	unsigned int i;

	for (i = 0; i < VSOC_SW_MAX_PORTS; i++)
		if (sw->ports[i] && sw->ports[i]->bridge == b)
			vsoc_sw_port_apply(sw->ports[i]);
}

static struct vsoc_sw_bridge *vsoc_sw_bridge_find(struct vsoc_sw *sw,
						  const struct net_device *br)
{
	int i;

	for (i = 0; i < VSOC_SW_MAX_BRIDGES; i++)
		if (sw->bridges[i].dev && sw->bridges[i].dev == br)
			return &sw->bridges[i];
	return NULL;
}

static struct vsoc_sw_bridge *vsoc_sw_aware_bridge(struct vsoc_sw *sw)
{
	int i;

	for (i = 0; i < VSOC_SW_MAX_BRIDGES; i++)
		if (sw->bridges[i].dev && sw->bridges[i].vlan_aware)
			return &sw->bridges[i];
	return NULL;
}

/*
 * Write (or clear) the hardware VLAN table from a bridge's VLANs and the
 * VLAN uppers of its ports.
 */
static void vsoc_sw_vlan_table(struct vsoc_sw *sw, struct vsoc_sw_bridge *b, bool on)
{
	u16 vid;

	for (vid = 1; vid < VSOC_SW_NUM_VIDS - 1; vid++) {
		if (!b->members[vid] && !vsoc_sw_upper_members(sw, b, vid))
			continue;
		if (on)
			vsoc_sw_vlan_sync(sw, b, vid);
		else
			vsoc_sw_vlan_hw_write(sw, vid, 0, 0, vid);
	}
}

static int vsoc_sw_bridge_get(struct vsoc_sw *sw, struct net_device *br,
			      struct netlink_ext_ack *extack,
			      struct vsoc_sw_bridge **bp)
{
	struct vsoc_sw_bridge *b = vsoc_sw_bridge_find(sw, br), *aware;
	int i;

	if (b) {
		*bp = b;
		return 0;
	}
	aware = vsoc_sw_aware_bridge(sw);
	if (br_vlan_enabled(br) && aware) {
		NL_SET_ERR_MSG_MOD(extack, "the switch offloads one VLAN-aware bridge at a time");
		return -EBUSY;
	}
	for (i = 0; i < VSOC_SW_MAX_BRIDGES; i++) {
		b = &sw->bridges[i];
		if (b->dev)
			continue;
		b->members = kcalloc(VSOC_SW_NUM_VIDS, sizeof(u32), GFP_KERNEL);
		b->untag = kcalloc(VSOC_SW_NUM_VIDS, sizeof(u32), GFP_KERNEL);
		if (!b->members || !b->untag) {
			kfree(b->members);
			kfree(b->untag);
			b->members = NULL;
			b->untag = NULL;
			return -ENOMEM;
		}
		b->dev = br;
		b->ports = 0;
		b->vlan_aware = br_vlan_enabled(br);
		WRITE_ONCE(b->mc_snooping, br_multicast_enabled(br));
		*bp = b;
		return 0;
	}
	NL_SET_ERR_MSG_MOD(extack, "no bridge slot left");
	return -ENOSPC;
}

static void vsoc_sw_bridge_put(struct vsoc_sw *sw, struct vsoc_sw_bridge *b)
{
	if (b->ports)
		return;
	if (b->vlan_aware)
		vsoc_sw_vlan_table(sw, b, false);
	vsoc_sw_fdb_drop_bridge(sw, b->dev);
	vsoc_sw_fdb_hw_flush(sw, -1, VSOC_SW_FID_BRIDGE(b->index));
	kfree(b->members);
	kfree(b->untag);
	b->members = NULL;
	b->untag = NULL;
	b->dev = NULL;
	b->vlan_aware = false;
}

static int vsoc_sw_bridge_join(struct vsoc_sw_port *port, struct net_device *br,
			       struct netlink_ext_ack *extack)
{
	static const unsigned long flags[] = { BR_LEARNING, BR_FLOOD, BR_MCAST_FLOOD,
					       BR_BCAST_FLOOD, BR_ISOLATED, BR_PORT_LOCKED };
	struct vsoc_sw *sw = port->sw;
	struct net_device *ndev = port->ndev;
	struct vsoc_sw_bridge *b;
	unsigned int i;
	int ret;

	mutex_lock(&sw->lock);
	ret = vsoc_sw_bridge_get(sw, br, extack, &b);
	if (ret) {
		mutex_unlock(&sw->lock);
		return ret;
	}
	vsoc_sw_fdb_drop_all(sw, NULL, VSOC_SW_FID_STANDALONE(port->index),
			     VSOC_SW_REF_CPU);
	vsoc_sw_fdb_hw_flush(sw, port->index, -1);
	b->ports |= BIT(port->index);
	port->bridge = b;
	port->stp_state = br_port_get_stp_state(ndev);
	port->brflags = 0;
	for (i = 0; i < ARRAY_SIZE(flags); i++)
		if (br_port_flag_is_set(ndev, flags[i]))
			port->brflags |= flags[i];
	port->mrouter = false;
	port->pvid = 0;
	regmap_write(sw->map, VSOC_SW_AGE_TIME_MS,
		     jiffies_to_msecs(clock_t_to_jiffies(br_get_ageing_time(br))));
	for_each_set_bit(i, port->upper_vids, VSOC_SW_NUM_VIDS)
		vsoc_sw_vlan_sync(sw, b, i);
	vsoc_sw_bridge_apply(sw, b);
	mutex_unlock(&sw->lock);

	ret = switchdev_bridge_port_offload(ndev, ndev, port, &sw->switchdev_nb,
					    &sw->switchdev_blocking_nb, false, extack);
	if (ret) {
		mutex_lock(&sw->lock);
		b->ports &= ~BIT(port->index);
		vsoc_sw_port_standalone(port);
		vsoc_sw_bridge_apply(sw, b);
		vsoc_sw_bridge_put(sw, b);
		mutex_unlock(&sw->lock);
		vsoc_sw_rx_mode_sync(port);
	} else if (vsoc_sw_has_uppers(port)) {
		/* Its addresses at its uppers' VIDs (vsoc_sw_upper_fdb_sync()). */
		schedule_work(&port->rx_mode_work);
	}
	return ret;
}

static void vsoc_sw_bridge_leave(struct vsoc_sw_port *port)
{
	struct vsoc_sw *sw = port->sw;
	struct vsoc_sw_bridge *b = port->bridge;
	u16 vid;

	if (!b)
		return;
	switchdev_bridge_port_unoffload(port->ndev, port, &sw->switchdev_nb,
					&sw->switchdev_blocking_nb);
	mutex_lock(&sw->lock);
	/* Whatever the bridge did not take back itself. */
	for (vid = 1; vid < VSOC_SW_NUM_VIDS - 1; vid++) {
		if (!(b->members[vid] & BIT(port->index)))
			continue;
		b->members[vid] &= ~BIT(port->index);
		b->untag[vid] &= ~BIT(port->index);
		vsoc_sw_vlan_sync(sw, b, vid);
	}
	vsoc_sw_fdb_drop_all(sw, b->dev, 0, port->index);
	b->ports &= ~BIT(port->index);
	/* The VLANs of its uppers, unless another port has them too. */
	for_each_set_bit(vid, port->upper_vids, VSOC_SW_NUM_VIDS)
		vsoc_sw_vlan_sync(sw, b, vid);
	vsoc_sw_fdb_hw_flush(sw, port->index, -1);
	vsoc_sw_port_standalone(port);
	vsoc_sw_bridge_apply(sw, b);
	vsoc_sw_bridge_put(sw, b);
	mutex_unlock(&sw->lock);
	vsoc_sw_rx_mode_sync(port);
}

static int vsoc_sw_set_vlan_filtering(struct vsoc_sw_port *port, bool on,
				      struct netlink_ext_ack *extack)
{
	struct vsoc_sw *sw = port->sw;
	struct vsoc_sw_bridge *b = port->bridge, *aware;

	if (b->vlan_aware == on)
		return 0;
	aware = vsoc_sw_aware_bridge(sw);
	if (on && aware && aware != b) {
		NL_SET_ERR_MSG_MOD(extack, "the switch offloads one VLAN-aware bridge at a time");
		return -EBUSY;
	}
	for (unsigned int i = 0; on && i < VSOC_SW_MAX_PORTS; i++) {
		int ret = 0;

		if ((b->ports & BIT(i)) && sw->ports[i])
			ret = vsoc_sw_upper_conflict(sw->ports[i], b, extack);
		if (ret)
			return ret;
	}
	if (!on)
		vsoc_sw_vlan_table(sw, b, false);
	b->vlan_aware = on;
	if (on)
		vsoc_sw_vlan_table(sw, b, true);
	vsoc_sw_fdb_rekey(sw, b->dev);
	/* Learned entries were keyed on the old FIDs. */
	vsoc_sw_fdb_hw_flush(sw, -1, VSOC_SW_FID_BRIDGE(b->index));
	for (unsigned int i = 0; i < VSOC_SW_MAX_PORTS; i++)
		if (b->ports & BIT(i))
			vsoc_sw_fdb_hw_flush(sw, i, -1);
	vsoc_sw_bridge_apply(sw, b);
	/* The uppers' static entries move to (or leave) FID = VID. */
	for (unsigned int i = 0; i < VSOC_SW_MAX_PORTS; i++)
		if ((b->ports & BIT(i)) && sw->ports[i] &&
		    vsoc_sw_has_uppers(sw->ports[i]))
			schedule_work(&sw->ports[i]->rx_mode_work);
	return 0;
}

static int vsoc_sw_attr_bridge_flags(struct vsoc_sw_port *port,
				     const struct switchdev_attr *attr,
				     struct netlink_ext_ack *extack)
{
	const struct switchdev_brport_flags *f = &attr->u.brport_flags;

	if (attr->id == SWITCHDEV_ATTR_ID_PORT_PRE_BRIDGE_FLAGS) {
		if (f->mask & ~VSOC_SW_BRPORT_FLAGS) {
			NL_SET_ERR_MSG_MOD(extack, "bridge port flag not offloaded by the switch");
			return -EINVAL;
		}
		return 0;
	}
	port->brflags = (port->brflags & ~f->mask) | (f->val & f->mask);
	/* A locked port learns nothing: forget what it learned. */
	if ((f->mask & BR_PORT_LOCKED) && (f->val & BR_PORT_LOCKED))
		vsoc_sw_fdb_hw_flush(port->sw, port->index, -1);
	return vsoc_sw_port_apply(port);
}

static int vsoc_sw_attr_set_locked(struct vsoc_sw_port *port,
				   const struct switchdev_attr *attr,
				   struct netlink_ext_ack *extack)
{
	struct vsoc_sw *sw = port->sw;
	u8 old;

	switch (attr->id) {
	case SWITCHDEV_ATTR_ID_PORT_STP_STATE:
		old = port->stp_state;
		port->stp_state = attr->u.stp_state;
		if ((old == BR_STATE_LEARNING || old == BR_STATE_FORWARDING) &&
		    port->stp_state != BR_STATE_LEARNING &&
		    port->stp_state != BR_STATE_FORWARDING)
			vsoc_sw_fdb_hw_flush(sw, port->index, -1);
		return vsoc_sw_port_apply(port);
	case SWITCHDEV_ATTR_ID_PORT_PRE_BRIDGE_FLAGS:
	case SWITCHDEV_ATTR_ID_PORT_BRIDGE_FLAGS:
		return vsoc_sw_attr_bridge_flags(port, attr, extack);
	case SWITCHDEV_ATTR_ID_PORT_MROUTER:
		port->mrouter = attr->u.mrouter;
		return vsoc_sw_port_apply(port);
	case SWITCHDEV_ATTR_ID_BRIDGE_AGEING_TIME:
		return regmap_write(sw->map, VSOC_SW_AGE_TIME_MS,
				    jiffies_to_msecs(clock_t_to_jiffies(attr->u.ageing_time)));
	case SWITCHDEV_ATTR_ID_BRIDGE_VLAN_FILTERING:
		return vsoc_sw_set_vlan_filtering(port, attr->u.vlan_filtering, extack);
	case SWITCHDEV_ATTR_ID_BRIDGE_VLAN_PROTOCOL:
		if (attr->u.vlan_protocol != ETH_P_8021Q) {
			NL_SET_ERR_MSG_MOD(extack, "the switch knows 802.1Q tags only");
			return -EINVAL;
		}
		return 0;
	case SWITCHDEV_ATTR_ID_BRIDGE_MC_DISABLED:
		WRITE_ONCE(port->bridge->mc_snooping, !attr->u.mc_disabled);
		return vsoc_sw_port_apply(port);
	case SWITCHDEV_ATTR_ID_BRIDGE_MROUTER:
		/* Unregistered multicast always reaches the CPU as well. */
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

static int vsoc_sw_attr_set(struct net_device *ndev, const void *ctx,
			    const struct switchdev_attr *attr,
			    struct netlink_ext_ack *extack)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	int ret;

	if (ctx && ctx != port)
		return 0;
	if (!port->bridge)
		return -EOPNOTSUPP;
	mutex_lock(&port->sw->lock);
	ret = vsoc_sw_attr_set_locked(port, attr, extack);
	mutex_unlock(&port->sw->lock);
	return ret;
}

/*
 * Atomic context: the bridge asks whether it may set port flags
 * (PRE_BRIDGE_FLAGS) here; everything else comes blocking.
 */
static int vsoc_sw_attr_set_atomic(struct net_device *ndev, const void *ctx,
				   const struct switchdev_attr *attr,
				   struct netlink_ext_ack *extack)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);

	if (ctx && ctx != port)
		return 0;
	if (attr->id != SWITCHDEV_ATTR_ID_PORT_PRE_BRIDGE_FLAGS)
		return -EOPNOTSUPP;
	return vsoc_sw_attr_bridge_flags(port, attr, extack);
}

static int vsoc_sw_vlan_obj(struct vsoc_sw_port *port,
			    const struct switchdev_obj_port_vlan *v, bool add,
			    struct netlink_ext_ack *extack)
{
	struct vsoc_sw_bridge *b = port->bridge;
	bool self = netif_is_bridge_master(v->obj.orig_dev);
	u32 bit = self ? VSOC_SW_PM_CPU : BIT(port->index);
	u16 vid = v->vid;

	if (vid < 1 || vid >= VSOC_SW_NUM_VIDS - 1) {
		NL_SET_ERR_MSG_MOD(extack, "VID out of range");
		return -EINVAL;
	}
	if (add && !self && b->vlan_aware && vsoc_sw_upper_members(port->sw, b, vid)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "VLAN %u is used by a VLAN interface of a port",
				       vid);
		return -EBUSY;
	}
	if (add) {
		b->members[vid] |= bit;
		if (!self && (v->flags & BRIDGE_VLAN_INFO_UNTAGGED))
			b->untag[vid] |= bit;
		else
			b->untag[vid] &= ~bit;
		if (!self && (v->flags & BRIDGE_VLAN_INFO_PVID))
			port->pvid = vid;
		else if (!self && port->pvid == vid)
			port->pvid = 0;
	} else {
		b->members[vid] &= ~bit;
		b->untag[vid] &= ~bit;
		if (!self && port->pvid == vid)
			port->pvid = 0;
	}
	if (b->vlan_aware) {
		int ret = vsoc_sw_vlan_sync(port->sw, b, vid);

		if (ret)
			return ret;
	}
	return self ? 0 : vsoc_sw_port_apply(port);
}

/* The group MAC address of a bridge multicast group. */
static void vsoc_sw_br_ip_mac(const struct br_ip *ip, u8 *mac)
{
	if (ip->proto == htons(ETH_P_IP))
		ip_eth_mc_map(ip->dst.ip4, mac);
#if IS_ENABLED(CONFIG_IPV6)
	else if (ip->proto == htons(ETH_P_IPV6))
		ipv6_eth_mc_map(&ip->dst.ip6, mac);
#endif
	else
		ether_addr_copy(mac, ip->dst.mac_addr);
}

/* An (S,G) group: a source address is set. */
static bool vsoc_sw_br_ip_has_src(const struct br_ip *ip)
{
	if (ip->proto == htons(ETH_P_IP))
		return ip->src.ip4;
#if IS_ENABLED(CONFIG_IPV6)
	if (ip->proto == htons(ETH_P_IPV6))
		return !ipv6_addr_any(&ip->src.ip6);
#endif
	return false;
}

/*
 * Does the bridge hold an (S,G) entry (IGMPv3/MLDv2 source filtering,
 * INCLUDE or EXCLUDE with sources) of a group with this MAC and VID, on
 * any port? br_multicast_list_adjacent() lists the groups of the ports
 * other than the one it is given: ask it for two ports to see them all.
 */
static bool vsoc_sw_mdb_has_sources(struct vsoc_sw_port *port, const u8 *mac,
				    u16 vid)
{
	struct net_device *br = port->bridge->dev, *lower, *other = NULL;
	struct br_ip_list *e, *tmp;
	struct list_head *iter;
	bool found = false;
	LIST_HEAD(groups);
	u8 gmac[ETH_ALEN];

	netdev_for_each_lower_dev(br, lower, iter)
		if (lower != port->ndev) {
			other = lower;
			break;
		}
	br_multicast_list_adjacent(port->ndev, &groups);
	if (other)
		br_multicast_list_adjacent(other, &groups);
	list_for_each_entry_safe(e, tmp, &groups, list) {
		vsoc_sw_br_ip_mac(&e->addr, gmac);
		if (e->addr.vid == vid && ether_addr_equal(gmac, mac) &&
		    vsoc_sw_br_ip_has_src(&e->addr))
			found = true;
		list_del(&e->list);
		kfree(e);
	}
	return found;
}

/**
 * vsoc_sw_mdb_soft() - keep a group with source filtering in software
 * @port: the port an MDB entry of the group was added to or removed from
 * @mdb: the entry
 *
 * The ASIC forwards per group MAC address, without looking at the IP
 * source: a group the bridge filters by source (IGMPv3/MLDv2 (S,G)
 * entries) gets no hardware entry, so its frames are unregistered
 * multicast for the ASIC, which (the bridge snooping) floods them to no
 * front port and copies them to the CPU, where the bridge forwards them
 * with its source lists. Called after every change of the group's
 * entries: the (S,G) entries come and go after their (*,G).
 *
 * Return: 0 or an errno.
 */
static int vsoc_sw_mdb_soft(struct vsoc_sw_port *port,
			    const struct switchdev_obj_port_mdb *mdb)
{
	bool soft = vsoc_sw_mdb_has_sources(port, mdb->addr, mdb->vid);

	return vsoc_sw_fdb_soft(port->sw, mdb->addr, mdb->vid, port->bridge->dev,
				vsoc_sw_fid(port, mdb->vid), soft);
}

static int vsoc_sw_obj_locked(struct vsoc_sw_port *port,
			      const struct switchdev_obj *obj, bool add,
			      struct netlink_ext_ack *extack)
{
	const struct switchdev_obj_port_mdb *mdb;
	struct vsoc_sw *sw = port->sw;
	unsigned int dest;
	int ret;

	switch (obj->id) {
	case SWITCHDEV_OBJ_ID_PORT_VLAN:
		return vsoc_sw_vlan_obj(port, SWITCHDEV_OBJ_PORT_VLAN(obj), add, extack);
	case SWITCHDEV_OBJ_ID_PORT_MDB:
	case SWITCHDEV_OBJ_ID_HOST_MDB:
		mdb = SWITCHDEV_OBJ_PORT_MDB(obj);
		dest = obj->id == SWITCHDEV_OBJ_ID_HOST_MDB ? VSOC_SW_REF_CPU : port->index;
		ret = vsoc_sw_fdb_ref(sw, mdb->addr, mdb->vid, port->bridge->dev,
				      vsoc_sw_fid(port, mdb->vid), dest, add);
		if (!ret)
			ret = vsoc_sw_mdb_soft(port, mdb);
		if (ret == -ENOSPC)
			NL_SET_ERR_MSG_MOD(extack, "FDB bucket of the group is full");
		return ret;
	default:
		return -EOPNOTSUPP;
	}
}

static int vsoc_sw_obj_add(struct net_device *ndev, const void *ctx,
			   const struct switchdev_obj *obj,
			   struct netlink_ext_ack *extack)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	int ret;

	if (ctx && ctx != port)
		return 0;
	if (!port->bridge)
		return -EOPNOTSUPP;
	mutex_lock(&port->sw->lock);
	ret = vsoc_sw_obj_locked(port, obj, true, extack);
	mutex_unlock(&port->sw->lock);
	return ret;
}

static int vsoc_sw_obj_del(struct net_device *ndev, const void *ctx,
			   const struct switchdev_obj *obj)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	int ret;

	if (ctx && ctx != port)
		return 0;
	if (!port->bridge)
		return -EOPNOTSUPP;
	mutex_lock(&port->sw->lock);
	ret = vsoc_sw_obj_locked(port, obj, false, NULL);
	mutex_unlock(&port->sw->lock);
	return ret;
}

/**
 * struct vsoc_sw_fdb_work - an FDB change of the bridge, deferred
 * @work: on vsoc_sw.wq
 * @port: the port it was told to (a reference on its interface is held)
 * @orig_dev: the interface the entry is on (for SWITCHDEV_FDB_OFFLOADED)
 * @mac: address
 * @vid: VLAN
 * @dest: the port's number, or VSOC_SW_REF_CPU for a host entry
 * @add: add (true) or delete
 */
struct vsoc_sw_fdb_work {
	struct work_struct work;
	struct vsoc_sw_port *port;
	struct net_device *orig_dev;
	u8 mac[ETH_ALEN];
	u16 vid;
	unsigned int dest;
	bool add;
};

static void vsoc_sw_fdb_work_fn(struct work_struct *work)
{
	struct vsoc_sw_fdb_work *w = container_of(work, struct vsoc_sw_fdb_work, work);
	struct vsoc_sw_port *port = w->port;
	struct vsoc_sw *sw = port->sw;
	struct switchdev_notifier_fdb_info info = {};
	int ret = 0;

	rtnl_lock();
	mutex_lock(&sw->lock);
	if (port->bridge)
		ret = vsoc_sw_fdb_ref(sw, w->mac, w->vid, port->bridge->dev,
				      vsoc_sw_fid(port, w->vid), w->dest, w->add);
	mutex_unlock(&sw->lock);
	if (ret)
		netdev_warn(port->ndev, "FDB entry %pM vid %u not offloaded: %d\n",
			    w->mac, w->vid, ret);
	else if (port->bridge && w->add && w->dest != VSOC_SW_REF_CPU) {
		info.addr = w->mac;
		info.vid = w->vid;
		info.offloaded = true;
		call_switchdev_notifiers(SWITCHDEV_FDB_OFFLOADED, w->orig_dev,
					 &info.info, NULL);
	}
	rtnl_unlock();
	dev_put(w->orig_dev);
	dev_put(port->ndev);
	kfree(w);
}

static bool vsoc_sw_foreign(const struct net_device *ndev,
			    const struct net_device *foreign)
{
	const struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);

	if (!vsoc_sw_is_port(foreign))
		return true;
	return vsoc_sw_port_of(foreign)->sw != port->sw;
}

/* Atomic context: the switchdev FDB notifier. */
static int vsoc_sw_fdb_event(struct net_device *ndev, struct net_device *orig_dev,
			     unsigned long event, const void *ctx,
			     const struct switchdev_notifier_fdb_info *fdb_info)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	struct vsoc_sw_fdb_work *w;

	if (ctx && ctx != port)
		return 0;
	if (!port->bridge || switchdev_fdb_is_dynamically_learned(fdb_info))
		return 0;
	w = kzalloc(sizeof(*w), GFP_ATOMIC);
	if (!w)
		return -ENOMEM;
	INIT_WORK(&w->work, vsoc_sw_fdb_work_fn);
	w->port = port;
	w->orig_dev = orig_dev;
	ether_addr_copy(w->mac, fdb_info->addr);
	w->vid = fdb_info->vid;
	w->add = event == SWITCHDEV_FDB_ADD_TO_DEVICE;
	w->dest = (orig_dev == ndev && !fdb_info->is_local) ? port->index :
							     VSOC_SW_REF_CPU;
	dev_hold(ndev);
	dev_hold(orig_dev);
	queue_work(port->sw->wq, &w->work);
	return 0;
}

static int vsoc_sw_switchdev_event(struct notifier_block *nb, unsigned long event,
				   void *ptr)
{
	struct net_device *ndev = switchdev_notifier_info_to_dev(ptr);
	int ret;

	switch (event) {
	case SWITCHDEV_PORT_ATTR_SET:
		ret = switchdev_handle_port_attr_set(ndev, ptr, vsoc_sw_is_port,
						     vsoc_sw_attr_set_atomic);
		return notifier_from_errno(ret);
	case SWITCHDEV_FDB_ADD_TO_DEVICE:
	case SWITCHDEV_FDB_DEL_TO_DEVICE:
		ret = switchdev_handle_fdb_event_to_device(ndev, event, ptr,
							   vsoc_sw_is_port,
							   vsoc_sw_foreign,
							   vsoc_sw_fdb_event);
		return notifier_from_errno(ret);
	}
	return NOTIFY_DONE;
}

static int vsoc_sw_switchdev_blocking_event(struct notifier_block *nb,
					    unsigned long event, void *ptr)
{
	struct net_device *ndev = switchdev_notifier_info_to_dev(ptr);
	int ret;

	switch (event) {
	case SWITCHDEV_PORT_OBJ_ADD:
		ret = switchdev_handle_port_obj_add(ndev, ptr, vsoc_sw_is_port,
						    vsoc_sw_obj_add);
		return notifier_from_errno(ret);
	case SWITCHDEV_PORT_OBJ_DEL:
		ret = switchdev_handle_port_obj_del(ndev, ptr, vsoc_sw_is_port,
						    vsoc_sw_obj_del);
		return notifier_from_errno(ret);
	case SWITCHDEV_PORT_ATTR_SET:
		ret = switchdev_handle_port_attr_set(ndev, ptr, vsoc_sw_is_port,
						     vsoc_sw_attr_set);
		return notifier_from_errno(ret);
	}
	return NOTIFY_DONE;
}

static int vsoc_sw_prechangeupper(struct vsoc_sw_port *port,
				  struct netdev_notifier_changeupper_info *info)
{
	struct netlink_ext_ack *extack = netdev_notifier_info_to_extack(&info->info);
	struct vsoc_sw *sw = port->sw;
	struct vsoc_sw_bridge *aware;
	int ret = 0;

	if (!info->linking || !netif_is_bridge_master(info->upper_dev))
		return 0;
	mutex_lock(&sw->lock);
	aware = vsoc_sw_aware_bridge(sw);
	if (br_vlan_enabled(info->upper_dev) && aware &&
	    aware->dev != info->upper_dev) {
		NL_SET_ERR_MSG_MOD(extack, "the switch offloads one VLAN-aware bridge at a time");
		ret = -EBUSY;
	}
	mutex_unlock(&sw->lock);
	return ret;
}

/* Write the port policy of a bridge's ports again (its flags changed). */
static void vsoc_sw_bridge_reapply(struct vsoc_sw *sw, struct net_device *br)
{
	struct vsoc_sw_bridge *b;

	mutex_lock(&sw->lock);
	b = vsoc_sw_bridge_find(sw, br);
	if (b)
		vsoc_sw_bridge_apply(sw, b);
	mutex_unlock(&sw->lock);
}

static int vsoc_sw_lower_bridge(struct net_device *lower,
				struct netdev_nested_priv *priv)
{
	if (netif_is_bridge_master(lower))
		vsoc_sw_bridge_reapply(priv->data, lower);
	return 0;
}

static int vsoc_sw_netdev_event(struct notifier_block *nb, unsigned long event,
				void *ptr)
{
	struct vsoc_sw *sw = container_of(nb, struct vsoc_sw, netdev_nb);
	struct net_device *ndev = netdev_notifier_info_to_dev(ptr);
	struct netdev_notifier_changeupper_info *info = ptr;
	struct vsoc_sw_port *port;
	int ret = 0;

	if (event == NETDEV_CHANGE && netif_is_bridge_master(ndev)) {
		/* The bridge's promiscuity decides what the CPU gets. */
		vsoc_sw_bridge_reapply(sw, ndev);
		return NOTIFY_DONE;
	}
	/*
	 * A bridge has no unicast filter: an upper (macvlan, VLAN) adding
	 * an address when it opens turns it promiscuous without a
	 * NETDEV_CHANGE. Read its flags again when an upper comes or goes.
	 */
	if (event == NETDEV_UP || event == NETDEV_DOWN) {
		struct netdev_nested_priv priv = { .data = sw };

		netdev_walk_all_lower_dev(ndev, vsoc_sw_lower_bridge, &priv);
		return NOTIFY_DONE;
	}
	if (!vsoc_sw_is_port(ndev))
		return NOTIFY_DONE;
	port = vsoc_sw_port_of(ndev);
	if (port->sw != sw)
		return NOTIFY_DONE;

	switch (event) {
	case NETDEV_PRECHANGEUPPER:
		ret = vsoc_sw_prechangeupper(port, info);
		if (!ret)
			ret = vsoc_sw_upper_event(port, event, info);
		break;
	case NETDEV_CHANGEUPPER:
		vsoc_sw_upper_event(port, event, info);
		if (!netif_is_bridge_master(info->upper_dev))
			break;
		if (info->linking)
			ret = vsoc_sw_bridge_join(port, info->upper_dev,
						  netdev_notifier_info_to_extack(&info->info));
		else
			vsoc_sw_bridge_leave(port);
		break;
	}
	return notifier_from_errno(ret);
}

/*
 * Tell the bridge of @port about a learned (@add) or aged entry. Called
 * with vsoc_sw.lock held (port->bridge is stable) and not RTNL: the
 * bridge finds its port under RCU for these events.
 */
static void vsoc_sw_notify_bridge(struct vsoc_sw_port *port, const u8 *mac,
				  u16 fid, bool add)
{
	struct switchdev_notifier_fdb_info info = {};
	struct vsoc_sw_bridge *b = port->bridge;
	u16 vid = b && b->vlan_aware ? fid : 0;

	lockdep_assert_held(&port->sw->lock);
	/* Entries of another FID (a bridge the port left) are stale. */
	if (!b || fid != vsoc_sw_br_fid(b, vid))
		return;
	/* The VID of a VLAN upper is not the bridge's. */
	if (b->vlan_aware && test_bit(vid, port->upper_vids))
		return;
	info.addr = mac;
	info.vid = vid;
	info.offloaded = true;
	rcu_read_lock();
	call_switchdev_notifiers(add ? SWITCHDEV_FDB_ADD_TO_BRIDGE :
				 SWITCHDEV_FDB_DEL_TO_BRIDGE,
				 port->ndev, &info.info, NULL);
	rcu_read_unlock();
}

/* Lost events: tell the bridge every dynamic entry the FDB has. */
static void vsoc_sw_event_resync(struct vsoc_sw *sw)
{
	unsigned int index = 0, found;
	u32 dest, flags;
	u8 mac[ETH_ALEN];
	u16 fid;
	int ret;

	regmap_write(sw->map, VSOC_SW_EVT_COUNT, VSOC_SW_EVT_COUNT_OVERFLOW);
	while (index < sw->fdb_size && !READ_ONCE(sw->stopping)) {
		mutex_lock(&sw->lock);
		ret = vsoc_sw_fdb_hw_next(sw, index, mac, &fid, &dest, &flags, &found);
		if (!ret && !(flags & VSOC_SW_FDB_F_STATIC) && hweight32(dest) == 1 &&
		    (dest & VSOC_SW_PM_FRONT) && sw->ports[__ffs(dest)])
			vsoc_sw_notify_bridge(sw->ports[__ffs(dest)], mac, fid, true);
		mutex_unlock(&sw->lock);
		if (ret)
			break;
		index = found + 1;
		cond_resched();
	}
}

/* One event from the FIFO; false when there is none. */
static bool vsoc_sw_event_one(struct vsoc_sw *sw, bool *overflow)
{
	unsigned int count, hi, lo, info;
	struct vsoc_sw_port *port;
	u8 mac[ETH_ALEN];

	if (regmap_read(sw->map, VSOC_SW_EVT_COUNT, &count))
		return false;
	*overflow |= count & VSOC_SW_EVT_COUNT_OVERFLOW;
	if (!FIELD_GET(VSOC_SW_EVT_COUNT_LEVEL, count))
		return false;
	if (regmap_read(sw->map, VSOC_SW_EVT_MAC_HI, &hi) ||
	    regmap_read(sw->map, VSOC_SW_EVT_MAC_LO, &lo) ||
	    regmap_read(sw->map, VSOC_SW_EVT_INFO, &info) ||
	    regmap_write(sw->map, VSOC_SW_EVT_POP, 1))
		return false;
	vsoc_sw_regs_to_mac(hi, lo, mac);
	port = sw->ports[FIELD_GET(VSOC_SW_EVT_INFO_PORT, info)];
	if (port)
		vsoc_sw_notify_bridge(port, mac, FIELD_GET(VSOC_SW_EVT_INFO_FID, info),
				      FIELD_GET(VSOC_SW_EVT_INFO_TYPE, info) !=
				      VSOC_SW_EVT_AGED);
	return true;
}

/**
 * vsoc_sw_event_work() - tell the bridge what the ASIC learned and aged
 * @work: vsoc_sw.event_work
 *
 * Runs without RTNL, so that a learning storm does not stall the stack.
 */
void vsoc_sw_event_work(struct work_struct *work)
{
	struct vsoc_sw *sw = container_of(work, struct vsoc_sw, event_work);
	bool overflow = false, more;
	unsigned int n;

	mutex_lock(&sw->lock);
	for (n = 0; n < VSOC_SW_EVENT_BATCH; n++)
		if (!vsoc_sw_event_one(sw, &overflow))
			break;
	mutex_unlock(&sw->lock);
	more = n == VSOC_SW_EVENT_BATCH;
	if (overflow)
		vsoc_sw_event_resync(sw);

	if (READ_ONCE(sw->stopping))
		return;
	if (more)
		queue_work(system_wq, &sw->event_work);
	else
		regmap_update_bits(sw->map, VSOC_SW_IRQ_ENABLE, VSOC_SW_IRQ_EVENT,
				   VSOC_SW_IRQ_EVENT);
}

/**
 * vsoc_sw_switchdev_register() - listen to bridges and switchdev
 * @sw: the switch
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_switchdev_register(struct vsoc_sw *sw)
{
	int ret;

	sw->netdev_nb.notifier_call = vsoc_sw_netdev_event;
	sw->switchdev_nb.notifier_call = vsoc_sw_switchdev_event;
	sw->switchdev_blocking_nb.notifier_call = vsoc_sw_switchdev_blocking_event;
	ret = register_netdevice_notifier(&sw->netdev_nb);
	if (ret)
		return ret;
	ret = register_switchdev_notifier(&sw->switchdev_nb);
	if (ret)
		goto err_netdev;
	ret = register_switchdev_blocking_notifier(&sw->switchdev_blocking_nb);
	if (ret)
		goto err_switchdev;
	return 0;

err_switchdev:
	unregister_switchdev_notifier(&sw->switchdev_nb);
err_netdev:
	unregister_netdevice_notifier(&sw->netdev_nb);
	return ret;
}

/**
 * vsoc_sw_switchdev_unregister() - stop listening
 * @sw: the switch
 */
void vsoc_sw_switchdev_unregister(struct vsoc_sw *sw)
{
	unregister_switchdev_blocking_notifier(&sw->switchdev_blocking_nb);
	unregister_switchdev_notifier(&sw->switchdev_nb);
	unregister_netdevice_notifier(&sw->netdev_nb);
}
