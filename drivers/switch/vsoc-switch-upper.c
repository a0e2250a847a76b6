// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: 802.1Q uppers (VLAN interfaces) of bridged ports.
 *
 * The stack gives a tagged frame to a VLAN upper of its port before the
 * bridge sees it (vlan_do_receive() runs before the bridge's rx_handler):
 * the VID of an upper is the upper's, not the bridge's. On a port of the
 * VLAN-aware bridge the ASIC would drop that VID at classification (the
 * bridge has no such VLAN), so the driver makes it a VLAN of the port and
 * the CPU only (tagged), with the port's addresses (its own, its unicast
 * and multicast lists, which the upper syncs into) as static entries to
 * the CPU at FID = VID. A bridge VLAN and an upper of the same VID on the
 * bridge's ports would share the VLAN table entry: refused with an extack.
 *
 * A VLAN-unaware bridge does not look at tags, and the ASIC neither; the
 * bridge makes its ports promiscuous, so a promiscuous port with uppers
 * copies unknown unicast to the CPU (CPU_UC, vsoc_sw_port_ctrl_bits())
 * as the software path would see it.
 */
#include <linux/bitmap.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>

#include <vsoc/compat.h>

#include "vsoc-switch.h"

/**
 * vsoc_sw_has_uppers() - whether a port has 802.1Q uppers
 * @port: the port
 *
 * Return: true if at least one VID is an upper's.
 */
bool vsoc_sw_has_uppers(const struct vsoc_sw_port *port)
{
	return !bitmap_empty(port->upper_vids, VSOC_SW_NUM_VIDS);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_has_uppers);

/**
 * vsoc_sw_upper_members() - VLAN table members an upper VID adds
 * @sw: the switch
 * @b: the bridge
 * @vid: the VID
 *
 * Return: the bridge's ports with an upper of @vid, and the CPU if any.
 */
u32 vsoc_sw_upper_members(const struct vsoc_sw *sw, const struct vsoc_sw_bridge *b,
			  u16 vid)
{
	u32 m = 0;
	int i;

	for (i = 0; i < VSOC_SW_MAX_PORTS; i++)
		if ((b->ports & BIT(i)) && sw->ports[i] &&
		    test_bit(vid, sw->ports[i]->upper_vids))
			m |= BIT(i);
	return m ? m | VSOC_SW_PM_CPU : 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_upper_members);

/**
 * vsoc_sw_vlan_sync() - write a VID's VLAN table entry of a bridge
 * @sw: the switch
 * @b: the bridge
 * @vid: the VID
 *
 * The entry has the bridge's members and the uppers' ports and CPU
 * (tagged). Nothing is written for a VLAN-unaware bridge.
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_vlan_sync(struct vsoc_sw *sw, const struct vsoc_sw_bridge *b, u16 vid)
{
	u32 up = vsoc_sw_upper_members(sw, b, vid);

	lockdep_assert_held(&sw->lock);
	if (!b->vlan_aware)
		return 0;
	return vsoc_sw_vlan_hw_write(sw, vid, b->members[vid] | up,
				     b->untag[vid] & ~up, vid);
}

/**
 * vsoc_sw_upper_conflict() - whether a port's uppers clash with a bridge
 * @port: the port, in @b or joining it
 * @b: a VLAN-aware bridge
 * @extack: for the message
 *
 * Return: 0, or -EBUSY if a VID of an upper of @port is a VLAN of a port
 * of @b.
 */
int vsoc_sw_upper_conflict(const struct vsoc_sw_port *port,
			   const struct vsoc_sw_bridge *b,
			   struct netlink_ext_ack *extack)
{
	unsigned int vid;

	for_each_set_bit(vid, port->upper_vids, VSOC_SW_NUM_VIDS) {
		if (b->members[vid] & VSOC_SW_PM_FRONT) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "VLAN %u of a VLAN interface of %s is a bridge VLAN",
					       vid, netdev_name(port->ndev));
			return -EBUSY;
		}
	}
	return 0;
}

/**
 * vsoc_sw_upper_fdb_sync() - a bridged port's addresses at its upper VIDs
 * @port: the port
 * @addrs: its addresses (own, unicast and multicast lists)
 * @n: how many
 *
 * In the VLAN-aware bridge, each address becomes a static entry to the
 * CPU at FID = VID of each upper; otherwise the port has none. Called
 * with vsoc_sw.lock held.
 */
void vsoc_sw_upper_fdb_sync(struct vsoc_sw_port *port, const u8 *addrs,
			    unsigned int n)
{
	struct vsoc_sw *sw = port->sw;
	unsigned int vid, i;
	int ret;

	lockdep_assert_held(&sw->lock);
	/* The port's own key: these are neither a bridge's nor standalone. */
	vsoc_sw_fdb_drop_all(sw, port->ndev, 0, VSOC_SW_REF_CPU);
	if (!port->bridge || !port->bridge->vlan_aware)
		return;
	for_each_set_bit(vid, port->upper_vids, VSOC_SW_NUM_VIDS) {
		for (i = 0; i < n; i++) {
			ret = vsoc_sw_fdb_ref(sw, addrs + ETH_ALEN * i, vid, port->ndev,
					      vid, VSOC_SW_REF_CPU, true);
			if (ret)
				netdev_warn_once(port->ndev,
						 "address %pM vid %u not filtered: %d\n",
						 addrs + ETH_ALEN * i, vid, ret);
		}
	}
}

/* An upper of @vid comes (@add) or goes: the port's tables follow. */
static void vsoc_sw_upper_set(struct vsoc_sw_port *port, u16 vid, bool add)
{
	struct vsoc_sw *sw = port->sw;

	mutex_lock(&sw->lock);
	if (add)
		set_bit(vid, port->upper_vids);
	else
		clear_bit(vid, port->upper_vids);
	if (port->bridge)
		vsoc_sw_vlan_sync(sw, port->bridge, vid);
	mutex_unlock(&sw->lock);
	/* Static entries and CPU_UC. */
	schedule_work(&port->rx_mode_work);
}

/**
 * vsoc_sw_upper_event() - a port's (PRE)CHANGEUPPER for a VLAN upper
 * @port: the port
 * @event: NETDEV_PRECHANGEUPPER or NETDEV_CHANGEUPPER
 * @info: the notifier's information
 *
 * Return: 0, or -EBUSY (with an extack) for an upper whose VID is a
 * VLAN of the VLAN-aware bridge the port is in.
 */
int vsoc_sw_upper_event(struct vsoc_sw_port *port, unsigned long event,
			struct netdev_notifier_changeupper_info *info)
{
	struct netlink_ext_ack *extack = netdev_notifier_info_to_extack(&info->info);
	struct net_device *upper = info->upper_dev;
	struct vsoc_sw *sw = port->sw;
	struct vsoc_sw_bridge *b;
	u16 vid;
	int ret = 0;

	if (!is_vlan_dev(upper) || vlan_dev_real_dev(upper) != port->ndev ||
	    vlan_dev_vlan_proto(upper) != htons(ETH_P_8021Q))
		return 0;
	vid = vlan_dev_vlan_id(upper);
	if (!vid || vid >= VSOC_SW_NUM_VIDS - 1)
		return 0;

	if (event == NETDEV_CHANGEUPPER) {
		vsoc_sw_upper_set(port, vid, info->linking);
		return 0;
	}
	if (!info->linking)
		return 0;
	mutex_lock(&sw->lock);
	b = port->bridge;
	if (b && b->vlan_aware && (b->members[vid] & VSOC_SW_PM_FRONT)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "VLAN %u is a VLAN of bridge %s",
				       vid, netdev_name(b->dev));
		ret = -EBUSY;
	}
	mutex_unlock(&sw->lock);
	return ret;
}
