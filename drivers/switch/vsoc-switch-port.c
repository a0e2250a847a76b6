// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: the front ports as network interfaces.
 *
 * One interface per DT "ethernet-ports" child, named swp<reg> (eth%d if
 * that name is taken). Outside a bridge a port is a plain NIC: its own
 * FID, nothing forwarded to other ports, its addresses as static FDB
 * entries to the CPU, promiscuous and all-multicast modes as the port's
 * copy-to-CPU controls.
 */
#include <linux/etherdevice.h>
#include <linux/if_bridge.h>
#include <linux/if_vlan.h>
#include <linux/of.h>
#include <linux/of_net.h>
#include <linux/phylink.h>
#include <linux/regmap.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include <vsoc/compat.h>

#include "vsoc-switch.h"

static int vsoc_sw_port_open(struct net_device *ndev)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	int ret;

	ret = phylink_of_phy_connect(port->phylink, port->np, 0);
	if (ret) {
		netdev_err(ndev, "cannot connect the PHY: %d\n", ret);
		return ret;
	}
	ret = vsoc_sw_port_ctrl_update(port, VSOC_SW_P_CTRL_RX_EN | VSOC_SW_P_CTRL_TX_EN,
				       VSOC_SW_P_CTRL_RX_EN | VSOC_SW_P_CTRL_TX_EN);
	if (ret) {
		phylink_disconnect_phy(port->phylink);
		return ret;
	}
	phylink_start(port->phylink);
	netif_start_queue(ndev);
	return 0;
}

static int vsoc_sw_port_stop(struct net_device *ndev)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);

	netif_stop_queue(ndev);
	phylink_stop(port->phylink);
	vsoc_sw_port_ctrl_update(port, VSOC_SW_P_CTRL_RX_EN | VSOC_SW_P_CTRL_TX_EN, 0);
	phylink_disconnect_phy(port->phylink);
	return 0;
}

static int vsoc_sw_port_set_max_frame(struct vsoc_sw_port *port, unsigned int mtu)
{
	return regmap_write(port->sw->map, vsoc_sw_preg(port, VSOC_SW_P_MAX_FRAME),
			    mtu + ETH_HLEN + VLAN_HLEN + ETH_FCS_LEN);
}

static int vsoc_sw_port_change_mtu(struct net_device *ndev, int mtu)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	int ret;

	ret = vsoc_sw_port_set_max_frame(port, mtu);
	if (!ret)
		WRITE_ONCE(ndev->mtu, mtu);
	return ret;
}

static int vsoc_sw_port_set_mac(struct net_device *ndev, void *addr)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);
	int ret;

	ret = eth_mac_addr(ndev, addr);
	if (!ret)
		schedule_work(&port->rx_mode_work);
	return ret;
}

/* Atomic context: the filter is written by a work. */
static void vsoc_sw_port_set_rx_mode(struct net_device *ndev)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);

	schedule_work(&port->rx_mode_work);
}

static int vsoc_sw_port_ioctl(struct net_device *ndev, struct ifreq *ifr, int cmd)
{
	struct vsoc_sw_port *port = vsoc_sw_port_of(ndev);

	return phylink_mii_ioctl(port->phylink, ifr, cmd);
}

static const struct net_device_ops vsoc_sw_netdev_ops = {
	.ndo_open = vsoc_sw_port_open,
	.ndo_stop = vsoc_sw_port_stop,
	.ndo_start_xmit = vsoc_sw_xmit,
	.ndo_change_mtu = vsoc_sw_port_change_mtu,
	.ndo_set_mac_address = vsoc_sw_port_set_mac,
	.ndo_set_rx_mode = vsoc_sw_port_set_rx_mode,
	.ndo_validate_addr = eth_validate_addr,
	.ndo_eth_ioctl = vsoc_sw_port_ioctl,
	.ndo_get_stats64 = vsoc_sw_get_stats64,
};

/**
 * vsoc_sw_is_port() - whether an interface is a port of a vsoc switch
 * @ndev: the interface
 *
 * Return: true for our ports.
 */
bool vsoc_sw_is_port(const struct net_device *ndev)
{
	return ndev->netdev_ops == &vsoc_sw_netdev_ops;
}

/*
 * The standalone port's addresses: its own, its unicast and multicast
 * lists. Returns an array of @n addresses (kfree() it) or NULL.
 */
static u8 *vsoc_sw_port_addrs(struct net_device *ndev, unsigned int *n)
{
	struct netdev_hw_addr *ha;
	unsigned int i = 0;
	u8 *addrs;

	netif_addr_lock_bh(ndev);
	addrs = kmalloc_array(1 + netdev_uc_count(ndev) + netdev_mc_count(ndev),
			      ETH_ALEN, GFP_ATOMIC);
	if (addrs) {
		ether_addr_copy(addrs, ndev->dev_addr);
		i = 1;
		netdev_for_each_uc_addr(ha, ndev)
			ether_addr_copy(addrs + ETH_ALEN * i++, ha->addr);
		netdev_for_each_mc_addr(ha, ndev)
			ether_addr_copy(addrs + ETH_ALEN * i++, ha->addr);
	}
	netif_addr_unlock_bh(ndev);
	*n = i;
	return addrs;
}

/**
 * vsoc_sw_rx_mode_sync() - write a standalone port's address filter
 * @port: the port
 *
 * Called with RTNL held. A port in a bridge has the bridge's host
 * entries instead; its standalone entries are dropped, and in the
 * VLAN-aware bridge its addresses are entries at the VIDs of its VLAN
 * uppers (vsoc_sw_upper_fdb_sync()).
 */
void vsoc_sw_rx_mode_sync(struct vsoc_sw_port *port)
{
	struct vsoc_sw *sw = port->sw;
	u16 fid = VSOC_SW_FID_STANDALONE(port->index);
	unsigned int n = 0, i;
	u8 *addrs = NULL;
	int ret;

	ASSERT_RTNL();
	addrs = vsoc_sw_port_addrs(port->ndev, &n);

	mutex_lock(&sw->lock);
	vsoc_sw_fdb_drop_all(sw, NULL, fid, VSOC_SW_REF_CPU);
	for (i = 0; i < n && !port->bridge; i++) {
		ret = vsoc_sw_fdb_ref(sw, addrs + ETH_ALEN * i, 0, NULL, fid,
				      VSOC_SW_REF_CPU, true);
		if (ret)
			netdev_warn_once(port->ndev, "address %pM not filtered: %d\n",
					 addrs + ETH_ALEN * i, ret);
	}
	vsoc_sw_upper_fdb_sync(port, addrs, n);
	vsoc_sw_port_apply(port);
	mutex_unlock(&sw->lock);
	kfree(addrs);
}

static void vsoc_sw_rx_mode_work(struct work_struct *work)
{
	struct vsoc_sw_port *port = container_of(work, struct vsoc_sw_port,
						 rx_mode_work);

	rtnl_lock();
	if (port->ndev->reg_state == NETREG_REGISTERED)
		vsoc_sw_rx_mode_sync(port);
	rtnl_unlock();
}

static int vsoc_sw_port_parse(struct vsoc_sw *sw, struct device_node *np,
			      u32 *index, phy_interface_t *mode)
{
	int ret;

	ret = of_property_read_u32(np, "reg", index);
	if (ret)
		return dev_err_probe(sw->dev, ret, "%pOF: no reg\n", np);
	if (*index >= sw->nports || sw->ports[*index])
		return dev_err_probe(sw->dev, -EINVAL, "%pOF: bad port number %u\n",
				     np, *index);
	ret = of_get_phy_mode(np, mode);
	if (ret)
		return dev_err_probe(sw->dev, ret, "%pOF: no valid phy-mode\n", np);
	if (vsoc_sw_pcs_mode(*mode) == VSOC_SW_PCS_MODE_OFF)
		return dev_err_probe(sw->dev, -EINVAL, "%pOF: phy-mode %s unsupported\n",
				     np, phy_modes(*mode));
	return 0;
}

static int vsoc_sw_port_register(struct vsoc_sw_port *port)
{
	struct net_device *ndev = port->ndev;
	int ret;

	snprintf(ndev->name, IFNAMSIZ, "swp%u", port->index);
	ret = register_netdev(ndev);
	if (ret == -EEXIST) {
		strscpy(ndev->name, "eth%d", IFNAMSIZ);
		ret = register_netdev(ndev);
	}
	return ret;
}

static void vsoc_sw_port_free(struct vsoc_sw_port *port)
{
	struct vsoc_sw *sw = port->sw;

	sw->ports[port->index] = NULL;
	if (port->phylink)
		phylink_destroy(port->phylink);
	vsoc_sw_devlink_port_unregister(port);
	of_node_put(port->np);
	free_netdev(port->ndev);
}

static int vsoc_sw_port_create(struct vsoc_sw *sw, struct device_node *np)
{
	struct vsoc_sw_port *port;
	struct net_device *ndev;
	phy_interface_t mode;
	u32 index;
	int ret;

	ret = vsoc_sw_port_parse(sw, np, &index, &mode);
	if (ret)
		return ret;
	ndev = alloc_etherdev(sizeof(*port));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, sw->dev);
	port = netdev_priv(ndev);
	port->sw = sw;
	port->ndev = ndev;
	port->np = of_node_get(np);
	port->index = index;
	port->phy_mode = mode;
	port->stp_state = BR_STATE_FORWARDING;
	INIT_WORK(&port->rx_mode_work, vsoc_sw_rx_mode_work);
	spin_lock_init(&port->stats_lock);
	ndev->netdev_ops = &vsoc_sw_netdev_ops;
	ndev->ethtool_ops = &vsoc_sw_ethtool_ops;
	ndev->min_mtu = ETH_MIN_MTU;
	ndev->max_mtu = VSOC_SW_MAX_MTU;
	/* Unicast addresses are FDB entries; the address is one too. */
	ndev->priv_flags |= IFF_UNICAST_FLT | IFF_LIVE_ADDR_CHANGE;
	if (of_get_ethdev_address(np, ndev))
		eth_hw_addr_random(ndev);
	sw->ports[index] = port;

	ret = vsoc_sw_port_set_max_frame(port, ndev->mtu);
	if (!ret) {
		mutex_lock(&sw->lock);
		ret = vsoc_sw_port_standalone(port);
		mutex_unlock(&sw->lock);
	}
	if (!ret)
		ret = vsoc_sw_phylink_create(port);
	if (!ret)
		ret = vsoc_sw_devlink_port_register(port);
	if (!ret)
		ret = vsoc_sw_port_register(port);
	if (ret) {
		dev_err_probe(sw->dev, ret, "port %u\n", index);
		vsoc_sw_port_free(port);
	}
	return ret;
}

/**
 * vsoc_sw_ports_create() - the interfaces of the DT's ports
 * @sw: the switch
 *
 * On error the interfaces registered are unregistered again; the caller
 * stops the rings and calls vsoc_sw_ports_free().
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_ports_create(struct vsoc_sw *sw)
{
	struct device_node *ports, *np;
	int ret = 0;

	ports = of_get_child_by_name(sw->dev->of_node, "ethernet-ports");
	if (!ports)
		ports = of_get_child_by_name(sw->dev->of_node, "ports");
	if (!ports)
		return dev_err_probe(sw->dev, -ENODEV, "no ethernet-ports node\n");
	for_each_available_child_of_node(ports, np) {
		ret = vsoc_sw_port_create(sw, np);
		if (ret) {
			of_node_put(np);
			break;
		}
	}
	of_node_put(ports);
	if (ret)
		vsoc_sw_ports_unregister(sw);
	return ret;
}

/**
 * vsoc_sw_ports_unregister() - unregister the ports' interfaces
 * @sw: the switch
 *
 * Their bridges let go of them on the way (the notifiers still run).
 */
void vsoc_sw_ports_unregister(struct vsoc_sw *sw)
{
	unsigned int i;

	for (i = 0; i < VSOC_SW_MAX_PORTS; i++) {
		struct vsoc_sw_port *port = sw->ports[i];

		if (!port || port->ndev->reg_state != NETREG_REGISTERED)
			continue;
		unregister_netdev(port->ndev);
		cancel_work_sync(&port->rx_mode_work);
	}
}

/**
 * vsoc_sw_ports_free() - free the ports once the rings stopped
 * @sw: the switch
 */
void vsoc_sw_ports_free(struct vsoc_sw *sw)
{
	unsigned int i;

	for (i = 0; i < VSOC_SW_MAX_PORTS; i++)
		if (sw->ports[i])
			vsoc_sw_port_free(sw->ports[i]);
}
