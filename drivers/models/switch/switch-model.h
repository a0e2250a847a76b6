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
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

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

struct vsw_model;

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
};

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
 * @wq: the model's workqueue
 * @inj_work: processes injection descriptors
 * @wire_work: delivers the frames in flight on loopback cables
 * @age_work: FDB age scan
 * @flap_work: link flaps
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
	struct workqueue_struct *wq;
	struct work_struct inj_work;
	struct work_struct wire_work;
	struct delayed_work age_work;
	struct delayed_work flap_work;
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

/* switch-model-debugfs.c */
void vsw_debugfs_init(struct vsw_model *m);

#endif /* _VSOC_SWITCH_MODEL_H */
