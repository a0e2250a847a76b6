/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model of the vsoc-switch Ethernet switch ASIC. The switching core
 * (struct vsw_core: FDB, VLAN table, port configuration, counters, event
 * FIFO, PCS state) is plain logic that the KUnit suite drives without a
 * board (switch-model-fdb.c, switch-model-pipeline.c, switch-model-pcs.c,
 * switch-model-tables.c). The glue (switch-model.c, switch-model-regs.c)
 * adds the lock, the registers and the interrupt; switch-model-dma.c the
 * CPU port's rings, switch-model-wire.c the cables, the link partner
 * network interfaces and the data plane, switch-model-debugfs.c debugfs.
 * Specification: Documentation/vsoc-switch-regs.rst.
 */
#ifndef _VSOC_SWITCH_MODEL_H
#define _VSOC_SWITCH_MODEL_H

#include <linux/bits.h>
#include <linux/if_ether.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include <vsoc/sim.h>
#include <vsoc/switch-regs.h>

#define VSW_FDB_BUCKETS		4096
#define VSW_FDB_WAYS		4
#define VSW_FDB_SIZE		(VSW_FDB_BUCKETS * VSW_FDB_WAYS)
#define VSW_EVT_DEPTH		1024
#define VSW_VERSION		0x0100	/* 1.0 */
/* P_MAX_FRAME after reset: 1518 bytes and one VLAN tag. */
#define VSW_MAX_FRAME_RESET	1522
/* Frames the CPU port's queue holds before its ring takes them. */
#define VSW_XTR_QLEN		1024
/* Frames a loopback cable holds in flight per direction. */
#define VSW_WIRE_QLEN		512
/* Age scans never come closer than this. */
#define VSW_AGE_MIN_SCAN_MS	50
/* Link flaps: time down and up of one cycle. */
#define VSW_FLAP_MS		20
#define VSW_ETH_PAUSE		0x8808

/* Entry flags kept by the model besides the architectural ones. */
#define VSW_FDB_F_ARCH		(VSOC_SW_FDB_F_VALID | VSOC_SW_FDB_F_STATIC | \
				 VSOC_SW_FDB_F_HIT | VSOC_SW_FDB_F_AUTH)

/**
 * struct vsw_fdb_entry - one FDB entry
 * @mac: address
 * @fid: forwarding ID
 * @flags: VSOC_SW_FDB_F_*
 * @age: age scans since the last one that found it hit
 * @dest: port mask
 */
struct vsw_fdb_entry {
	u8 mac[ETH_ALEN];
	u16 fid;
	u8 flags;
	u8 age;
	u32 dest;
};

/**
 * struct vsw_vlan - one VLAN table entry
 * @members: port mask, CPU included
 * @untag: ports where frames of the VLAN egress untagged
 * @fid: forwarding ID of the VLAN
 * @valid: entry valid
 */
struct vsw_vlan {
	u32 members;
	u32 untag;
	u16 fid;
	bool valid;
};

/**
 * struct vsw_event - an event FIFO entry
 * @mac: address of the entry
 * @info: VSOC_SW_EVT_INFO fields
 */
struct vsw_event {
	u8 mac[ETH_ALEN];
	u32 info;
};

/**
 * struct vsw_port - architectural state of a front port
 * @ctrl: P_CTRL
 * @fwd_mask: P_FWD_MASK
 * @pvid: P_PVID
 * @fid: P_FID
 * @max_frame: P_MAX_FRAME
 * @mac_cfg: P_MAC_CFG
 * @pcs_ctrl: P_PCS_CTRL (without the self-clearing AN_RESTART)
 * @pcs_adv: P_PCS_ADV
 * @link: the PCS has link
 * @an_done: in-band autonegotiation completed
 * @latched_low: the link went down since PCS_STATUS was last read
 * @lpa: P_PCS_LPA
 * @cnt: counters
 * @snap: the counters at the last P_CNT_SNAPSHOT
 */
struct vsw_port {
	u32 ctrl;
	u32 fwd_mask;
	u32 pvid;
	u32 fid;
	u32 max_frame;
	u32 mac_cfg;
	u32 pcs_ctrl;
	u32 pcs_adv;
	bool link;
	bool an_done;
	bool latched_low;
	u16 lpa;
	u64 cnt[VSOC_SW_CNT_NUM];
	u64 snap[VSOC_SW_CNT_NUM];
};

/**
 * struct vsw_tbl_regs - FDB and VLAN table access registers
 * @mac_hi: FDB_MAC_HI
 * @mac_lo: FDB_MAC_LO
 * @fid: FDB_FID
 * @dest: FDB_DEST
 * @flags: FDB_FLAGS
 * @cmd: FDB_CMD as last written (BUSY always reads 0)
 * @status: FDB_STATUS
 * @vid: VLAN_VID
 * @members: VLAN_MEMBERS
 * @untag: VLAN_UNTAG
 * @vfid: VLAN_FID
 * @vflags: VLAN_FLAGS
 */
struct vsw_tbl_regs {
	u32 mac_hi;
	u32 mac_lo;
	u32 fid;
	u32 dest;
	u32 flags;
	u32 cmd;
	u32 status;
	u32 vid;
	u32 members;
	u32 untag;
	u32 vfid;
	u32 vflags;
};

/**
 * struct vsw_core - the switching core: tables, ports, counters, events
 * @nports: front ports
 * @ctrl: CTRL
 * @age_ms: AGE_TIME_MS
 * @drop_learn_full: DROP_LEARN_FULL
 * @fdb_count: valid FDB entries
 * @fdb: VSW_FDB_SIZE entries, bucket b at b * VSW_FDB_WAYS
 * @vlan: VSOC_SW_NUM_VIDS entries
 * @evt: event FIFO
 * @evt_head: index of the oldest event
 * @evt_count: events in the FIFO
 * @evt_overflow: an event was lost
 * @tbl: table access registers
 * @port: front ports
 */
struct vsw_core {
	unsigned int nports;
	u32 ctrl;
	u32 age_ms;
	u32 drop_learn_full;
	u32 fdb_count;
	struct vsw_fdb_entry *fdb;
	struct vsw_vlan *vlan;
	struct vsw_event evt[VSW_EVT_DEPTH];
	u32 evt_head;
	u32 evt_count;
	bool evt_overflow;
	struct vsw_tbl_regs tbl;
	struct vsw_port port[VSOC_SW_MAX_PORTS];
};

/**
 * struct vsw_frame - what the pipeline needs of a frame
 * @da: destination address
 * @sa: source address
 * @type: EtherType after an 802.1Q tag (host order)
 * @tagged: the frame carries an 802.1Q (0x8100) tag
 * @tci: its TCI
 * @ip_proto: IPv4 protocol or IPv6 next header after a hop-by-hop header
 *	(0 for other frames)
 * @icmp6_type: ICMPv6 type when @ip_proto is ICMPv6
 * @len: bytes of one frame without FCS, before padding
 * @segs: frames this one stands for (a GSO frame is many segments)
 * @octets: wire octets of all of them (padded, with FCS)
 */
struct vsw_frame {
	u8 da[ETH_ALEN];
	u8 sa[ETH_ALEN];
	u16 type;
	bool tagged;
	u16 tci;
	u8 ip_proto;
	u8 icmp6_type;
	unsigned int len;
	unsigned int segs;
	u64 octets;
};

/**
 * struct vsw_verdict - what the ingress pipeline decided
 * @dest: front ports the frame egresses on, VSOC_SW_PM_CPU for a copy to
 *	the CPU; 0 when dropped
 * @untag: ports of @dest where a VLAN-aware frame egresses untagged
 * @vid: classified VID
 * @fid: classified FID
 * @reason: VSOC_SW_XTR_R_* of the CPU copy
 * @aware: VLAN-aware classification (egress tags follow @untag)
 */
struct vsw_verdict {
	u32 dest;
	u32 untag;
	u16 vid;
	u16 fid;
	u8 reason;
	bool aware;
};

/* Learning outcome (vsw_fdb_learn()). */
enum vsw_learn {
	VSW_LEARN_HIT,		/* entry on this port (or static): hit */
	VSW_LEARN_NEW,
	VSW_LEARN_MOVED,
	VSW_LEARN_FULL,		/* bucket full, not learned */
};

/* Egress tag operation of a frame on one port. */
enum vsw_tag_op {
	VSW_TAG_KEEP,
	VSW_TAG_PUSH,		/* add a tag with the classified VID */
	VSW_TAG_POP,
	VSW_TAG_SET_VID,	/* priority tag: write the classified VID */
};

/* switch-model-tables.c: core life, VLAN table, events, counters */
struct vsw_core *vsw_core_alloc(unsigned int nports);
void vsw_core_free(struct vsw_core *c);
void vsw_core_reset(struct vsw_core *c);
void vsw_evt_push(struct vsw_core *c, const u8 *mac, u16 fid,
		  unsigned int port, unsigned int type);
void vsw_evt_pop(struct vsw_core *c);
void vsw_vlan_cmd(struct vsw_core *c, u32 cmd);
void vsw_count_rx(struct vsw_port *p, const struct vsw_frame *f);
void vsw_count_tx(struct vsw_port *p, const u8 *da, unsigned int len,
		  unsigned int segs);
unsigned int vsw_hist_index(unsigned int wire_len);
unsigned int vsw_wire_len(unsigned int len);

/* switch-model-fdb.c: FDB */
int vsw_fdb_find(const struct vsw_core *c, const u8 *mac, u16 fid);
int vsw_fdb_write(struct vsw_core *c, const u8 *mac, u16 fid, u32 dest,
		  u32 flags);
int vsw_fdb_delete(struct vsw_core *c, const u8 *mac, u16 fid);
enum vsw_learn vsw_fdb_learn(struct vsw_core *c, const u8 *mac, u16 fid,
			     unsigned int port);
unsigned int vsw_fdb_age(struct vsw_core *c);
unsigned int vsw_fdb_flush(struct vsw_core *c, u32 cmd, u32 dest, u16 fid);
int vsw_fdb_next(const struct vsw_core *c, unsigned int start);
void vsw_fdb_cmd(struct vsw_core *c, u32 cmd);
void vsw_mac_to_regs(const u8 *mac, u32 *hi, u32 *lo);
void vsw_regs_to_mac(u32 hi, u32 lo, u8 *mac);

/* switch-model-pipeline.c: ingress pipeline */
void vsw_parse(const u8 *hdr, unsigned int hdr_len, unsigned int len,
	       struct vsw_frame *f);
bool vsw_classify(struct vsw_core *c, unsigned int port,
		  const struct vsw_frame *f, struct vsw_verdict *v);
enum vsw_tag_op vsw_tag_op(const struct vsw_frame *f,
			   const struct vsw_verdict *v, unsigned int port);
bool vsw_port_can_egress(const struct vsw_port *p);

/**
 * struct vsw_pcs_end - one end of a cable as its PCS sees it
 * @mode: VSOC_SW_PCS_MODE_*
 * @an_en: in-band autonegotiation enabled
 * @signal: the end transmits (powered, and for a link partner: up)
 * @word: the in-band word it sends (its advertisement)
 */
struct vsw_pcs_end {
	u8 mode;
	bool an_en;
	bool signal;
	u16 word;
};

/* switch-model-pcs.c: PCS */
bool vsw_pcs_resolve(const struct vsw_pcs_end *me,
		     const struct vsw_pcs_end *far, u16 *lpa, bool *an_done);
u16 vsw_pcs_partner_word(u8 mode);
u32 vsw_pcs_status(const struct vsw_port *p);

/* PHY IDs: OUIs no kernel driver claims (the generic drivers run them). */
#define VSW_PHY_ID_1G		VSOC_SW_PHY_ID_1G
#define VSW_PHY_ID_10G		0x76735c21
#define VSW_MDIO_NADDR		32
/*
 * Time from a copper line able to link to the link up (see "Time to
 * link" in Documentation/vsoc-switch-regs.rst): a negotiated or parallel
 * detected link waits link_fail_inhibit_timer (IEEE 802.3 28.3.2, Table
 * 28-9: 750 to 1000 ms), a 1000BASE-T one also its PMA training (clause
 * 40.4.2.4; real PHYs link 2 to 3 s after an AN restart), a forced
 * 10/100 link its link integrity test (14.2.1.7, 24.3.4.4).
 */
#define VSW_PHY_AN_LINK_MS	800
#define VSW_PHY_1000T_TRAIN_MS	1000
#define VSW_PHY_FORCED_LINK_MS	250
/* MMDs a PHY keeps state for (PMA/PMD 1 to PHY XS 4). */
#define VSW_PHY_MMDS		5

enum vsw_phy_kind {
	VSW_PHY_COPPER_1G,	/* clause 22, SGMII system side */
	VSW_PHY_10G,		/* clause 45, 10GBASE-R system side */
};

/**
 * struct vsw_phy_partner - the far end of a PHY's line side
 * @up: it is there and transmits
 * @an_en: it autonegotiates (copper)
 * @adv: its base page (MII ADVERTISE layout)
 * @ctrl1000: its 1000BASE-T abilities (MII CTRL1000 layout)
 * @speed: its forced speed (without @an_en)
 * @full: its forced duplex
 * @restarts: bumped each time it restarts its link (a new configuration,
 *	an AN restart or reset): the PHY facing it trains again
 */
struct vsw_phy_partner {
	bool up;
	bool an_en;
	u16 adv;
	u16 ctrl1000;
	int speed;
	bool full;
	u32 restarts;
};

/**
 * struct vsw_phy - a PHY on the board (switch-model-phy.c)
 * @kind: VSW_PHY_*
 * @id: clause 22 PHY identifier (PHYSID1:PHYSID2)
 * @port: front port whose PCS its system side faces, -1 for none
 * @bmcr: BMCR (copper)
 * @adv: ADVERTISE
 * @ctrl1000: CTRL1000
 * @latched_low: the link dropped since BMSR was read
 * @page_rx: EXPANSION page received, until read
 * @ctrl1: control 1 per MMD (10G)
 * @pma_ctrl2: PMA/PMD control 2
 * @ll: the link dropped since status 1 of the MMD was read
 * @sys_ok: the port's PCS runs 10GBASE-R (the PHY XS link)
 * @cable: a cable is plugged into the line side (VSOC_SW_PHY_LINE_STAT)
 * @link: the line link is up
 * @an_done: autonegotiation completed
 * @speed: resolved speed (SPEED_UNKNOWN without a link)
 * @full: resolved duplex
 * @lp: the line side's partner
 * @timed: a copper link comes up only after its training time
 *	(VSW_PHY_AN_LINK_MS and friends); set by the model's glue for the
 *	PHYs on its ports, clear for the plain PHYs of the KUnit suite
 * @pend: a copper link waits for @up_at in the mode below
 * @pend_speed: speed of the waiting link
 * @pend_full: duplex of the waiting link
 * @pend_an: the waiting link was negotiated (or parallel detected)
 * @up_at: jiffies when the waiting link comes up
 * @restarts: bumped on each restart or reset of this PHY's link (its
 *	partner's @lp.restarts when cabled to another PHY)
 * @lp_restarts: @lp.restarts the current link or wait began with
 */
struct vsw_phy {
	enum vsw_phy_kind kind;
	u32 id;
	int port;
	u16 bmcr;
	u16 adv;
	u16 ctrl1000;
	bool latched_low;
	bool page_rx;
	u16 ctrl1[VSW_PHY_MMDS];
	u16 pma_ctrl2;
	bool ll[VSW_PHY_MMDS];
	bool sys_ok;
	bool cable;
	bool link;
	bool an_done;
	int speed;
	bool full;
	struct vsw_phy_partner lp;
	bool timed;
	bool pend;
	int pend_speed;
	bool pend_full;
	bool pend_an;
	unsigned long up_at;
	u32 restarts;
	u32 lp_restarts;
};

struct ethtool_link_ksettings;

/* switch-model-phy.c: PHYs, plain logic */
void vsw_phy_partner_default(struct vsw_phy_partner *lp);
void vsw_phy_init(struct vsw_phy *phy, enum vsw_phy_kind kind);
void vsw_phy_partner_of_phy(struct vsw_phy_partner *lp,
			    const struct vsw_phy *peer, bool up);
bool vsw_phy_c22_link(const struct vsw_phy *phy, int *speed, bool *full,
		      bool *an_done);
bool vsw_phy_resolve(struct vsw_phy *phy);
void vsw_phy_train_done(struct vsw_phy *phy);
u16 vsw_phy_c22_read(struct vsw_phy *phy, unsigned int reg);
void vsw_phy_c22_write(struct vsw_phy *phy, unsigned int reg, u16 val);
u16 vsw_phy_c45_read(struct vsw_phy *phy, int devad, u16 reg);
void vsw_phy_c45_write(struct vsw_phy *phy, int devad, u16 reg, u16 val);
bool vsw_phy_speed_mismatch(const struct vsw_phy *phy, u32 mac_cfg);
u16 vsw_phy_sgmii_word(const struct vsw_phy *phy);
void vsw_phy_sys_end(const struct vsw_phy *phy, const struct vsw_pcs_end *me,
		     struct vsw_pcs_end *far);
void vsw_phy_partner_ksettings(const struct vsw_phy *phy,
			       struct ethtool_link_ksettings *ks);
int vsw_phy_partner_set(struct vsw_phy *phy,
			const struct ethtool_link_ksettings *ks);

/**
 * struct vsw_mdio - the MDIO controller and the bus's PHYs
 * @cmd: MDIO_CMD as last written (BUSY always reads 0)
 * @data: MDIO_DATA
 * @status: MDIO_STATUS
 * @phy: PHY at each address, NULL for none (owned by the model)
 * @mmd_addr: clause 45 address register of each address and MMD
 */
struct vsw_mdio {
	u32 cmd;
	u32 data;
	u32 status;
	struct vsw_phy *phy[VSW_MDIO_NADDR];
	u16 mmd_addr[VSW_MDIO_NADDR][32];
};

/* switch-model-mdio.c: the controller (plain logic), the bus from DT */
struct vsw_phy *vsw_mdio_cmd(struct vsw_mdio *bus, u32 cmd);
u32 vsw_mdio_read(const struct vsw_mdio *bus, unsigned int off);
void vsw_mdio_reset(struct vsw_mdio *bus);

/* Cable of a front port. */
enum vsw_cable {
	VSW_CABLE_NONE,
	VSW_CABLE_PARTNER,	/* the link partner interface lp<N> */
	VSW_CABLE_PORT,		/* loopback cable to front port @peer */
};

/**
 * struct vsw_ring - a DMA descriptor ring of the CPU port
 * @base: BASE_HI:BASE_LO
 * @size: SIZE
 * @head: HEAD (ASIC)
 * @tail: TAIL (driver)
 * @ctrl: CTRL
 * @gen: bumped whenever the ring stops or resets (work in flight
 *	on the old ring then leaves it alone)
 */
struct vsw_ring {
	u64 base;
	u32 size;
	u32 head;
	u32 tail;
	u32 ctrl;
	u32 gen;
};

struct device_node;
struct vsw_model;
struct vsw_cage;

/**
 * struct vsw_mport - the model's side of a front port: its cable
 * @m: the model
 * @index: port number
 * @cable: VSW_CABLE_*
 * @peer: far port of a loopback cable
 * @lp: link partner interface (once created; kept until destroy)
 * @lp_up: @lp is administratively up
 * @flap_down: a flap holds the link down
 * @flap_left: link flaps still to do
 * @rxq: frames in flight on a loopback cable towards this port
 * @wire_drops: frames lost to a full @rxq
 * @lp_tx_packets: frames @lp sent (into the port)
 * @lp_tx_bytes: their bytes
 * @lp_rx_packets: frames @lp received (from the port)
 * @lp_rx_bytes: their bytes
 * @lp_rx_dropped: frames for @lp it could not take (MTU)
 * @phy: the external PHY between the port's PCS and its cable, or NULL
 * @cage: the SFP cage between the port's PCS and its cable, or NULL
 */
struct vsw_mport {
	struct vsw_model *m;
	unsigned int index;
	enum vsw_cable cable;
	unsigned int peer;
	struct net_device *lp;
	bool lp_up;
	bool flap_down;
	unsigned int flap_left;
	struct sk_buff_head rxq;
	u64 wire_drops;
	u64 lp_tx_packets;
	u64 lp_tx_bytes;
	u64 lp_rx_packets;
	u64 lp_rx_bytes;
	atomic_long_t lp_rx_dropped;
	struct vsw_phy *phy;
	struct vsw_cage *cage;
};

/* SFP cages a switch block has at most (lines sfp<N>-*). */
#define VSW_SFP_CAGES		4

/**
 * struct vsw_model - one switch block of the board
 * @blk: the board block
 * @name: its node name
 * @lock: protects everything below but the works; irqsave (registers are
 *	reached from hard interrupt context, the data plane from BH)
 * @dying: destroy() began: no frame moves, no work is queued
 * @core: the switching core
 * @serial: ASIC serial number
 * @irq_status: IRQ_STATUS latched bits (XTR, INJ, DMA_ERR)
 * @irq_enable: IRQ_ENABLE
 * @link_irq_status: LINK_IRQ_STATUS
 * @link_irq_enable: LINK_IRQ_ENABLE
 * @inj: injection ring
 * @xtr: extraction ring
 * @xtr_drops: XTR_DROPS
 * @cpu_rx: CPU_RX_FRAMES
 * @cpu_tx: CPU_TX_FRAMES
 * @inj_errors: injection descriptors completed with an error
 * @xtr_trunc: extracted frames truncated
 * @dma_errors: bus errors on the rings
 * @mp: per front port cables
 * @mdio: the MDIO controller and its PHYs
 * @cage: SFP cages, NULL for none (switch-model-sfp-cage.c)
 * @wq: the model's workqueue
 * @inj_work: processes injection descriptors
 * @wire_work: delivers the frames in flight on loopback cables
 * @age_work: FDB age scan
 * @flap_work: link flaps
 * @phy_work: copper PHY links whose training time ran out come up
 * @xtrq: frames for the CPU, waiting for @xtr_work
 * @xtr_work: writes them to the extraction ring
 * @dbg_reg: register the debugfs "regs" file reads
 */
struct vsw_model {
	struct vsoc_sim_block *blk;
	char name[32];
	spinlock_t lock;	/* see above: all state but the works */
	bool dying;
	struct vsw_core *core;
	u64 serial;
	u32 irq_status;
	u32 irq_enable;
	u32 link_irq_status;
	u32 link_irq_enable;
	struct vsw_ring inj;
	struct vsw_ring xtr;
	u32 xtr_drops;
	u32 cpu_rx;
	u32 cpu_tx;
	u64 inj_errors;
	u64 xtr_trunc;
	u64 dma_errors;
	struct vsw_mport mp[VSOC_SW_MAX_PORTS];
	struct vsw_mdio mdio;
	struct vsw_cage *cage[VSW_SFP_CAGES];
	struct workqueue_struct *wq;
	struct work_struct inj_work;
	struct work_struct wire_work;
	struct delayed_work age_work;
	struct delayed_work flap_work;
	struct delayed_work phy_work;
	struct sk_buff_head xtrq;
	struct work_struct xtr_work;
	u32 dbg_reg;
};

/* switch-model.c */
void vsw_update_irq(struct vsw_model *m);
void vsw_schedule_age(struct vsw_model *m);

/* switch-model-regs.c: register file, lock held */
int vsw_reg_read(struct vsw_model *m, unsigned int off, u32 *val);
u32 vsw_irq_status(const struct vsw_model *m);
int vsw_reg_write(struct vsw_model *m, unsigned int off, u32 val);
void vsw_model_reset(struct vsw_model *m);

/* switch-model-link.c: links of the model's cables, lock held */
void vsw_link_update(struct vsw_model *m, unsigned int port);
void vsw_link_update_all(struct vsw_model *m);
void vsw_link_an_restart(struct vsw_model *m, unsigned int port);
int vsw_cable_set(struct vsw_model *m, unsigned int port,
		  enum vsw_cable cable, unsigned int peer);
void vsw_flap_work(struct work_struct *work);
void vsw_phy_work(struct work_struct *work);

/**
 * struct vsw_xtr_cb - a frame's extraction fields, in its skb->cb
 * @info: descriptor INFO (SRC_PORT, REASON, TAGGED)
 * @vid: classified VID
 */
struct vsw_xtr_cb {
	u32 info;
	u16 vid;
};

/* switch-model-dma.c: the CPU port */
void vsw_inj_work(struct work_struct *work);
void vsw_xtr_work(struct work_struct *work);
void vsw_xtr_frame(struct vsw_model *m, struct sk_buff *skb,
		   unsigned int port, const struct vsw_verdict *v,
		   bool tagged);

/* switch-model-wire.c: data plane and link partners */
void vsw_port_rx(struct vsw_model *m, unsigned int port,
		 struct sk_buff *skb);
u32 vsw_port_inject(struct vsw_model *m, unsigned int port,
		    struct sk_buff *skb);
void vsw_wire_work(struct work_struct *work);
int vsw_lp_create(struct vsw_model *m, unsigned int port);
void vsw_lp_destroy_all(struct vsw_model *m);

/* switch-model-mdio.c: glue, lock held unless said */
void vsw_mdio_write(struct vsw_model *m, unsigned int off, u32 val);
void vsw_phy_changed(struct vsw_model *m, struct vsw_phy *phy);
void vsw_port_set_phy(struct vsw_model *m, unsigned int port,
		      struct vsw_phy *phy);
int vsw_dt_phys(struct vsw_model *m, struct device_node *np);
void vsw_phys_free(struct vsw_model *m);

/* switch-model-debugfs.c */
void vsw_debugfs_init(struct vsw_model *m);

/*
 * switch-model-sfp-eeprom.c: the two EEPROM pages of an SFP module
 * (SFF-8472): A0h at I2C address 0x50 (serial ID), A2h at 0x51
 * (diagnostics), on a cage's I2C bus (vsoc_sim_i2c_*()).
 */
#define VSW_SFP_EEPROM_SIZE	256
#define VSW_SFP_I2C_A0		0x50
#define VSW_SFP_I2C_A2		0x51

/**
 * enum vsw_sfp_type - the modules a cage may hold
 * @VSW_SFP_1000BASE_SX: 850 nm multimode, 1000BASE-X
 * @VSW_SFP_1000BASE_LX: 1310 nm single mode, 1000BASE-X
 * @VSW_SFP_10GBASE_SR: 850 nm multimode SFP+, 10GBASE-R
 * @VSW_SFP_10GBASE_LR: 1310 nm single mode SFP+, 10GBASE-R
 * @VSW_SFP_1000BASE_T: copper, RJ45, SGMII to a PHY at I2C address 0x56
 *	(the kernel probes it for the 1000BASE-T compliance bit); no A2h
 * @VSW_SFP_BAD_CC_BASE: a 1000BASE-SX whose CC_BASE is wrong (the
 *	kernel refuses it); its CC_EXT is right
 * @VSW_SFP_2500BASE_X: 850 nm multimode, 2500BASE-X; no transceiver
 *	code (SFF-8472 has none for it), known by its signalling rate
 * @VSW_SFP_NR_TYPES: number of types
 */
enum vsw_sfp_type {
	VSW_SFP_1000BASE_SX,
	VSW_SFP_1000BASE_LX,
	VSW_SFP_10GBASE_SR,
	VSW_SFP_10GBASE_LR,
	VSW_SFP_1000BASE_T,
	VSW_SFP_BAD_CC_BASE,
	VSW_SFP_2500BASE_X,
	VSW_SFP_NR_TYPES,
};

/**
 * struct vsw_sfp_state - what a module's live diagnostics report
 * @tx_disable: the host asserts the cage's TX_DISABLE pin
 * @tx_fault: the module asserts TX_FAULT
 * @rx_los: the module asserts RX_LOS (no light)
 * @rs0: the host drives RATE_SELECT0 (RS0) high
 * @not_ready: the module is still powering up (Data_Ready_Bar)
 * @temp_mc: module temperature, m°C
 * @vcc_uv: supply voltage, µV
 */
struct vsw_sfp_state {
	bool tx_disable;
	bool tx_fault;
	bool rx_los;
	bool rs0;
	bool not_ready;
	int temp_mc;
	unsigned int vcc_uv;
};

struct vsw_sfp_eeprom;

/**
 * struct vsw_sfp_page - one EEPROM page as an I2C target
 * @e: the module
 * @mem: the page's bytes
 * @ptr: the byte pointer
 * @offset_next: the next byte written sets @ptr
 * @a2: the A2h page (its user area and soft controls take writes)
 */
struct vsw_sfp_page {
	struct vsw_sfp_eeprom *e;
	u8 *mem;
	u8 ptr;
	bool offset_next;
	bool a2;
};

/**
 * struct vsw_sfp_eeprom - the EEPROMs of a module in a cage
 * @lock: guards the pages
 * @type: the module's type
 * @a0: page A0h
 * @a2: page A2h
 * @page: the pages as I2C targets, A0h then A2h
 * @state: the live state last set (vsw_sfp_eeprom_set_state())
 * @bus: the bus the targets are on, or NULL
 * @soft_ctrl: optional; called when the host changes the soft controls
 *	of A2h byte 110 (Soft TX_DISABLE, bit 6), with the new byte. From
 *	the bus's target context: atomic, under the bus's lock (see
 *	vsw_sfp_eeprom_attach())
 * @priv: for @soft_ctrl
 */
struct vsw_sfp_eeprom {
	spinlock_t lock;	/* see above */
	enum vsw_sfp_type type;
	u8 a0[VSW_SFP_EEPROM_SIZE];
	u8 a2[VSW_SFP_EEPROM_SIZE];
	struct vsw_sfp_page page[2];
	struct vsw_sfp_state state;
	struct vsoc_sim_i2c_bus *bus;
	void (*soft_ctrl)(struct vsw_sfp_eeprom *e, u8 status);
	void *priv;
};

const char *vsw_sfp_type_name(enum vsw_sfp_type type);
int vsw_sfp_type_by_name(const char *name);
bool vsw_sfp_type_has_a2(enum vsw_sfp_type type);
void vsw_sfp_eeprom_build(enum vsw_sfp_type type, u32 serial, u8 *a0,
			  u8 *a2);
void vsw_sfp_eeprom_update(enum vsw_sfp_type type, u8 *a2,
			   const struct vsw_sfp_state *st);
void vsw_sfp_eeprom_init(struct vsw_sfp_eeprom *e, enum vsw_sfp_type type,
			 u32 serial);
void vsw_sfp_eeprom_set_state(struct vsw_sfp_eeprom *e,
			      const struct vsw_sfp_state *st);
bool vsw_sfp_eeprom_soft_tx_disable(struct vsw_sfp_eeprom *e);
int vsw_sfp_eeprom_attach(struct vsw_sfp_eeprom *e,
			  struct vsoc_sim_i2c_bus *bus);
void vsw_sfp_eeprom_detach(struct vsw_sfp_eeprom *e);
#if IS_ENABLED(CONFIG_KUNIT)
int vsw_sfp_page_event(void *priv, enum vsoc_sim_i2c_event event, u8 *val);
#endif

/*
 * switch-model-sfp-cage.c: SFP cages on the board's GPIO lines
 * "<block>:sfp<N>-scl|sda|mod-def0|los|tx-fault|tx-disable|rate-select0"
 * (SFF-8419 pins; physical levels: MOD_DEF0 low with a module in, LOS,
 * TX_FAULT, TX_DISABLE and RS0 high when asserted).
 */
#define VSW_SFP_I2C_PHY		0x56

/*
 * A module written over another is a swap: the cage stays empty this
 * long in between (no hand is faster), so the host sees the removal
 * (the sfp driver polls its pins every 100 ms where they have no IRQ).
 */
#define VSW_CAGE_SWAP_MS	500

enum vsw_cage_pin {
	VSW_CAGE_SCL,
	VSW_CAGE_SDA,
	VSW_CAGE_MOD_DEF0,
	VSW_CAGE_LOS,
	VSW_CAGE_TX_FAULT,
	VSW_CAGE_TX_DISABLE,
	VSW_CAGE_RS0,
	VSW_CAGE_NPINS,
};

/**
 * struct vsw_cage - an SFP cage of a front port and the module in it
 * @m: the model
 * @index: N of the lines sfp<N>-*
 * @port: front port whose "sfp" names the cage, -1 for none
 * @line: board line of each pin (enum vsw_cage_pin), -1 for none
 * @driven: the level the model drives on an input pin, once driven
 * @bus: the cage's I2C bus
 * @mutex: serialises insertion and removal
 * @present: a module is in (@mod valid)
 * @mod: its EEPROMs
 * @phy: the copper module's PHY (at I2C 0x56, on the port while in)
 * @phy_reg: register address the PHY's I2C target was given
 * @phy_wbytes: bytes written in the current write transfer
 * @phy_rbytes: bytes read since the register address
 * @phy_val: the register value being read or written
 * @serial: serial number of the next module
 * @tx_disable: the host drives TX_DISABLE high
 * @soft_tx_disable: the host set the module's Soft TX_DISABLE
 * @rs0: the host drives RATE_SELECT0 high
 * @tx_fault: debugfs makes the module assert TX_FAULT
 * @los_force: debugfs darkens the partner's side (no light in)
 *
 * Everything but @mutex and @bus is under the model's lock.
 */
struct vsw_cage {
	struct vsw_model *m;
	unsigned int index;
	int port;
	int line[VSW_CAGE_NPINS];
	s8 driven[VSW_CAGE_NPINS];
	struct vsoc_sim_i2c_bus *bus;
	struct mutex mutex;	/* see above */
	bool present;
	struct vsw_sfp_eeprom mod;
	struct vsw_phy phy;
	u8 phy_reg;
	u8 phy_wbytes;
	u8 phy_rbytes;
	u16 phy_val;
	u32 serial;
	bool tx_disable;
	bool soft_tx_disable;
	bool rs0;
	bool tx_fault;
	bool los_force;
};

struct dentry;

/* Plain logic. */
u8 vsw_cage_pcs_mode(enum vsw_sfp_type type);
bool vsw_cage_laser_on(const struct vsw_cage *cage);
bool vsw_cage_rx_light(const struct vsw_cage *cage, bool partner_up);
void vsw_cage_far_end(const struct vsw_cage *cage, bool partner_up,
		      const struct vsw_pcs_end *me, struct vsw_pcs_end *far);
int vsw_cage_phy_step(struct vsw_cage *cage, enum vsoc_sim_i2c_event event,
		      u8 *val, bool *wrote);
/* Glue. */
void vsw_cage_pins_update(struct vsw_cage *cage, bool partner_up);
int vsw_dt_cages(struct vsw_model *m, struct device_node *np);
void vsw_cages_free(struct vsw_model *m);
bool vsw_cages_gpio_changed(struct vsw_model *m, unsigned int line,
			    bool level);
int vsw_cage_insert(struct vsw_cage *cage, int type);
void vsw_cage_debugfs_init(struct vsw_cage *cage, struct dentry *dir);

#endif /* _VSOC_SWITCH_MODEL_H */
