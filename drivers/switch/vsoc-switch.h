/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-switch: switchdev driver of the vsoc Ethernet switch ASIC.
 * Private interfaces between the driver's files and its KUnit suites.
 */
#ifndef _VSOC_SWITCH_H
#define _VSOC_SWITCH_H

#include <linux/bitmap.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/phylink.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>
#include <net/devlink.h>

#include <vsoc/switch-regs.h>

struct mii_bus;
struct regmap;
struct sk_buff;
struct switchdev_obj;

/* Ring sizes (entries) and the extraction buffer size. */
#define VSOC_SW_INJ_ENTRIES		256
#define VSOC_SW_XTR_ENTRIES		256
#define VSOC_SW_XTR_BUF			VSOC_SW_MAX_FRAME
#define VSOC_SW_NAPI_WEIGHT		64

/* FIDs of the driver's policy (see Documentation/vsoc-switch.rst). */
#define VSOC_SW_FID_STANDALONE(p)	(VSOC_SW_NUM_VIDS + (p))
#define VSOC_SW_FID_BRIDGE(i)		(VSOC_SW_NUM_VIDS + VSOC_SW_MAX_PORTS + (i))
#define VSOC_SW_MAX_BRIDGES		VSOC_SW_MAX_PORTS

/* Largest MTU: a frame of VSOC_SW_MAX_FRAME with a tag and the FCS. */
#define VSOC_SW_MAX_MTU			(VSOC_SW_MAX_FRAME - ETH_HLEN - \
					 VLAN_HLEN - ETH_FCS_LEN)

/* Index of the CPU in the reference counts of a struct vsoc_sw_fdb_ent. */
#define VSOC_SW_REF_CPU			VSOC_SW_MAX_PORTS

/* Bridge port flags the ASIC offloads. */
#define VSOC_SW_BRPORT_FLAGS		(BR_LEARNING | BR_FLOOD | BR_MCAST_FLOOD | \
					 BR_BCAST_FLOOD | BR_ISOLATED | BR_PORT_LOCKED)

struct vsoc_sw;

/**
 * struct vsoc_sw_bridge - a bridge that ports of the switch joined
 * @dev: the bridge device, NULL for a free slot
 * @index: slot number, gives the VLAN-unaware FID
 * @ports: mask of the switch's ports in it
 * @vlan_aware: vlan_filtering is on (then FID = VID)
 * @mc_snooping: the bridge snoops IGMP/MLD: the ASIC floods no
 *	unregistered multicast, the bridge does (read from NAPI)
 * @members: per VID, its ports (and the CPU for the bridge's own VLANs)
 * @untag: per VID, ports that send it untagged
 *
 * The VLANs of every bridge are kept; the hardware's VLAN table holds
 * those of the one VLAN-aware bridge.
 */
struct vsoc_sw_bridge {
	struct net_device *dev;
	unsigned int index;
	u32 ports;
	bool vlan_aware;
	bool mc_snooping;
	u32 *members;
	u32 *untag;
};

/**
 * struct vsoc_sw_fdb_ent - a static FDB entry the driver owns
 * @list: in vsoc_sw.fdb_list
 * @mac: address
 * @vid: VLAN of the entry (0: none)
 * @br: bridge it belongs to, NULL for a standalone port's address
 * @fid: FID it is written at (follows @br's VLAN awareness)
 * @refs: references per destination (front ports, then the CPU)
 * @soft: a multicast group with IGMPv3/MLDv2 sources in the bridge: kept
 *	out of the hardware (the bridge forwards it, see vsoc_sw_mdb_obj())
 *
 * Several users may want the same (MAC, FID) to reach the same
 * destination (host addresses of each bridge port, multicast groups
 * that map to one MAC): the hardware entry's DEST is every destination
 * with a reference.
 */
struct vsoc_sw_fdb_ent {
	struct list_head list;
	u8 mac[ETH_ALEN];
	u16 vid;
	struct net_device *br;
	u16 fid;
	u16 refs[VSOC_SW_MAX_PORTS + 1];
	bool soft;
};

/**
 * struct vsoc_sw_port - one front port
 * @sw: the switch
 * @ndev: its network interface
 * @np: its DT node
 * @index: hardware port number (DT "reg")
 * @phy_mode: DT "phy-mode"
 * @phylink: its phylink instance
 * @pl_config: phylink configuration
 * @pcs: the port's PCS
 * @dl_port: devlink port
 * @dl_registered: @dl_port is registered
 * @bridge: the bridge it is in, NULL when standalone
 * @stp_state: BR_STATE_* of the port (in a bridge)
 * @brflags: BR_* flags offloaded (in a bridge)
 * @mrouter: multicast router port
 * @pvid: PVID given by the bridge (VLAN-aware), 0 if none
 * @upper_vids: VIDs of the port's 802.1Q uppers (vsoc-switch-upper.c),
 *	changed under vsoc_sw.lock
 * @rx_mode_work: syncs the address filter of a standalone port
 * @stats_lock: one counter snapshot at a time
 * @tx_dropped: frames dropped by the driver on transmit
 * @rx_dropped: extracted frames the driver could not deliver
 */
struct vsoc_sw_port {
	struct vsoc_sw *sw;
	struct net_device *ndev;
	struct device_node *np;
	unsigned int index;
	phy_interface_t phy_mode;
	struct phylink *phylink;
	struct phylink_config pl_config;
	struct phylink_pcs pcs;
	struct devlink_port dl_port;
	bool dl_registered;
	struct vsoc_sw_bridge *bridge;
	u8 stp_state;
	unsigned long brflags;
	bool mrouter;
	u16 pvid;
	DECLARE_BITMAP(upper_vids, VSOC_SW_NUM_VIDS);
	struct work_struct rx_mode_work;
	spinlock_t stats_lock; /* the port's counter snapshot */
	atomic64_t tx_dropped;
	atomic64_t rx_dropped;
};

/**
 * struct vsoc_sw - the switch
 * @dev: its platform device
 * @map: its registers
 * @irq: its interrupt
 * @devlink: devlink instance (@dev's drvdata)
 * @nports: front ports of the ASIC
 * @ports: front ports from DT, by hardware number
 * @version: ASIC revision
 * @serial: ASIC serial number
 * @fdb_size: FDB entries
 * @mdio: the MDIO bus of the "mdio" DT child, NULL without one
 * @lock: serialises configuration: tables, bridges, ports' policy
 * @fdb_list: static entries the driver owns (struct vsoc_sw_fdb_ent)
 * @bridges: bridges ports are in
 * @wq: ordered workqueue for FDB events of the switchdev notifier
 * @event_work: drains the hardware's event FIFO
 * @stopping: remove() began: works must not re-arm
 * @napi_dev: dummy device carrying @napi
 * @napi: the CPU port's rings
 * @inj: injection ring
 * @inj_dma: its bus address
 * @inj_skb: frames in flight per injection descriptor
 * @inj_addr: their bus addresses
 * @inj_tail: next descriptor the driver fills
 * @inj_clean: next descriptor the driver reclaims
 * @inj_lock: serialises transmitters
 * @xtr: extraction ring
 * @xtr_dma: its bus address
 * @xtr_buf: extraction buffers (one coherent area)
 * @xtr_buf_dma: their bus address
 * @xtr_next: next descriptor the driver reads
 * @switchdev_nb: atomic switchdev notifier
 * @switchdev_blocking_nb: blocking switchdev notifier
 * @netdev_nb: netdevice notifier
 */
struct vsoc_sw {
	struct device *dev;
	struct regmap *map;
	int irq;
	struct devlink *devlink;
	unsigned int nports;
	struct vsoc_sw_port *ports[VSOC_SW_MAX_PORTS];
	u32 version;
	u64 serial;
	u32 fdb_size;
	struct mii_bus *mdio;

	struct mutex lock; /* configuration */
	struct list_head fdb_list;
	struct vsoc_sw_bridge bridges[VSOC_SW_MAX_BRIDGES];
	struct workqueue_struct *wq;
	struct work_struct event_work;
	bool stopping;

	struct net_device *napi_dev;
	struct napi_struct napi;
	struct vsoc_sw_inj_desc *inj;
	dma_addr_t inj_dma;
	struct sk_buff *inj_skb[VSOC_SW_INJ_ENTRIES];
	dma_addr_t inj_addr[VSOC_SW_INJ_ENTRIES];
	unsigned int inj_tail;
	unsigned int inj_clean;
	spinlock_t inj_lock; /* injection ring producer side */
	struct vsoc_sw_xtr_desc *xtr;
	dma_addr_t xtr_dma;
	void *xtr_buf;
	dma_addr_t xtr_buf_dma;
	unsigned int xtr_next;

	struct notifier_block switchdev_nb;
	struct notifier_block switchdev_blocking_nb;
	struct notifier_block netdev_nb;
};

static inline struct vsoc_sw_port *vsoc_sw_port_of(const struct net_device *ndev)
{
	return netdev_priv(ndev);
}

static inline u32 vsoc_sw_preg(const struct vsoc_sw_port *port, u32 reg)
{
	return VSOC_SW_PORT(port->index, reg);
}

/* vsoc-switch.c */
int vsoc_sw_port_ctrl_update(struct vsoc_sw_port *port, u32 mask, u32 val);

/* vsoc-switch-port.c */
bool vsoc_sw_is_port(const struct net_device *ndev);
int vsoc_sw_ports_create(struct vsoc_sw *sw);
void vsoc_sw_ports_unregister(struct vsoc_sw *sw);
void vsoc_sw_ports_free(struct vsoc_sw *sw);
void vsoc_sw_rx_mode_sync(struct vsoc_sw_port *port);

/* vsoc-switch-dma.c */
int vsoc_sw_dma_init(struct vsoc_sw *sw);
void vsoc_sw_dma_start(struct vsoc_sw *sw);
void vsoc_sw_dma_stop(struct vsoc_sw *sw);
void vsoc_sw_dma_free(struct vsoc_sw *sw);
netdev_tx_t vsoc_sw_xmit(struct sk_buff *skb, struct net_device *ndev);

/* vsoc-switch-phylink.c */
int vsoc_sw_phylink_create(struct vsoc_sw_port *port);
void vsoc_sw_link_irq(struct vsoc_sw *sw);
u32 vsoc_sw_pcs_mode(phy_interface_t interface);
u32 vsoc_sw_pcs_ctrl(phy_interface_t interface, unsigned int neg_mode);
void vsoc_sw_pcs_decode(phy_interface_t interface, u16 bmsr, u16 adv, u16 lpa,
			bool inband, struct phylink_link_state *state);

/* vsoc-switch-mdio.c */
int vsoc_sw_mdio_register(struct vsoc_sw *sw);
void vsoc_sw_mdio_setup(struct mii_bus *bus, struct regmap *map);
u32 vsoc_sw_mdio_cmd(bool c45, int addr, int reg, u32 op);
int vsoc_sw_mdio_result(u32 status, u32 data);

/* vsoc-switch-fdb.c */
void vsoc_sw_mac_to_regs(const u8 *mac, u32 *hi, u32 *lo);
void vsoc_sw_regs_to_mac(u32 hi, u32 lo, u8 *mac);
int vsoc_sw_fdb_hw_write(struct vsoc_sw *sw, const u8 *mac, u16 fid, u32 dest,
			 u32 flags);
int vsoc_sw_fdb_hw_delete(struct vsoc_sw *sw, const u8 *mac, u16 fid);
int vsoc_sw_fdb_hw_flush(struct vsoc_sw *sw, int port, int fid);
int vsoc_sw_fdb_hw_next(struct vsoc_sw *sw, unsigned int index, u8 *mac,
			u16 *fid, u32 *dest, u32 *flags, unsigned int *found);
int vsoc_sw_vlan_hw_write(struct vsoc_sw *sw, u16 vid, u32 members, u32 untag,
			  u16 fid);
u32 vsoc_sw_fdb_ent_dest(const struct vsoc_sw_fdb_ent *ent);
int vsoc_sw_fdb_ref(struct vsoc_sw *sw, const u8 *mac, u16 vid,
		    struct net_device *br, u16 fid, unsigned int dest, bool add);
int vsoc_sw_fdb_soft(struct vsoc_sw *sw, const u8 *mac, u16 vid,
		     struct net_device *br, u16 fid, bool soft);
void vsoc_sw_fdb_rekey(struct vsoc_sw *sw, struct net_device *br);
void vsoc_sw_fdb_drop_all(struct vsoc_sw *sw, struct net_device *br, u16 fid,
			  unsigned int dest);
void vsoc_sw_fdb_drop_bridge(struct vsoc_sw *sw, struct net_device *br);
u16 vsoc_sw_fid(const struct vsoc_sw_port *port, u16 vid);
u16 vsoc_sw_br_fid(const struct vsoc_sw_bridge *b, u16 vid);

/* vsoc-switch-switchdev.c */
int vsoc_sw_switchdev_register(struct vsoc_sw *sw);
void vsoc_sw_switchdev_unregister(struct vsoc_sw *sw);
void vsoc_sw_event_work(struct work_struct *work);
u32 vsoc_sw_fwd_mask(const struct vsoc_sw_port *port);
u32 vsoc_sw_port_ctrl_bits(const struct vsoc_sw_port *port, unsigned int flags,
			   unsigned int br_flags);
int vsoc_sw_port_apply(struct vsoc_sw_port *port);
int vsoc_sw_port_standalone(struct vsoc_sw_port *port);

/* vsoc-switch-upper.c */
bool vsoc_sw_has_uppers(const struct vsoc_sw_port *port);
u32 vsoc_sw_upper_members(const struct vsoc_sw *sw, const struct vsoc_sw_bridge *b,
			  u16 vid);
int vsoc_sw_vlan_sync(struct vsoc_sw *sw, const struct vsoc_sw_bridge *b, u16 vid);
int vsoc_sw_upper_conflict(const struct vsoc_sw_port *port,
			   const struct vsoc_sw_bridge *b,
			   struct netlink_ext_ack *extack);
void vsoc_sw_upper_fdb_sync(struct vsoc_sw_port *port, const u8 *addrs,
			    unsigned int n);
int vsoc_sw_upper_event(struct vsoc_sw_port *port, unsigned long event,
			struct netdev_notifier_changeupper_info *info);

/* vsoc-switch-ethtool.c */
extern const struct ethtool_ops vsoc_sw_ethtool_ops;

/* vsoc-switch-linkstate.c: link-down reasons */
struct ethtool_link_ext_state_info;
int vsoc_sw_link_ext_state_decode(u16 bmcr, u16 line, bool forced,
				  struct ethtool_link_ext_state_info *info);
int vsoc_sw_get_link_ext_state(struct net_device *ndev,
			       struct ethtool_link_ext_state_info *info);
void vsoc_sw_get_stats64(struct net_device *ndev,
			 struct rtnl_link_stats64 *stats);
int vsoc_sw_read_counters(struct vsoc_sw_port *port, u64 *cnt);

/* vsoc-switch-devlink.c */
extern const struct devlink_ops vsoc_sw_devlink_ops;
int vsoc_sw_devlink_setup(struct vsoc_sw *sw);
void vsoc_sw_devlink_teardown(struct vsoc_sw *sw);
int vsoc_sw_devlink_port_register(struct vsoc_sw_port *port);
void vsoc_sw_devlink_port_unregister(struct vsoc_sw_port *port);

#endif /* _VSOC_SWITCH_H */
