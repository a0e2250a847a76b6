/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-switch: register interface of the board's Ethernet switch ASIC.
 * Specification: Documentation/vsoc-switch-regs.rst. All registers are
 * 32 bits; descriptors in memory are little endian.
 *
 * The ASIC has up to VSOC_SW_MAX_PORTS front ports (each a MAC and a PCS
 * with a wire), a CPU port reached through two DMA descriptor rings
 * (injection: CPU to a front port; extraction: a front port to the CPU),
 * a hashed FDB with hardware learning and aging, a VLAN table, per-port
 * forwarding masks, STP states, flood controls and counters.
 *
 * Port masks: bit N is front port N, VSOC_SW_PM_CPU is the CPU port.
 */
#ifndef _VSOC_SWITCH_REGS_H
#define _VSOC_SWITCH_REGS_H

#include <linux/bits.h>
#include <linux/sizes.h>
#include <linux/types.h>

#define VSOC_SW_REG_SIZE		0x8000
#define VSOC_SW_MAX_PORTS		16
#define VSOC_SW_PM_CPU			BIT(31)
#define VSOC_SW_PM_FRONT		GENMASK(15, 0)

/* Forwarding IDs: the FDB is keyed on (MAC, FID). */
#define VSOC_SW_NUM_FIDS		8192
#define VSOC_SW_NUM_VIDS		4096
/* Largest frame on the wire (with FCS, one VLAN tag). */
#define VSOC_SW_MAX_FRAME		9216
#define VSOC_SW_MIN_FRAME		64

/* ---- Global: 0x000-0x0ff ---- */
#define VSOC_SW_ID			0x000	/* RO */
#define   VSOC_SW_ID_VALUE		0x76735357	/* "vsSW" */
#define VSOC_SW_VERSION			0x004	/* RO, ASIC revision */
#define   VSOC_SW_VERSION_MAJOR		GENMASK(15, 8)
#define   VSOC_SW_VERSION_MINOR		GENMASK(7, 0)
#define VSOC_SW_CAPS			0x008	/* RO */
#define   VSOC_SW_CAPS_NPORTS		GENMASK(4, 0)	/* front ports */
#define VSOC_SW_FDB_SIZE		0x00c	/* RO, FDB entries (16384) */
#define VSOC_SW_FDB_WAYS		0x010	/* RO, entries per bucket (4) */
#define VSOC_SW_SERIAL_LO		0x014	/* RO */
#define VSOC_SW_SERIAL_HI		0x018	/* RO */
#define VSOC_SW_CTRL			0x020	/* RW */
/* Self-clearing; tables, rings and counters back to reset values. */
#define   VSOC_SW_CTRL_SOFT_RESET	BIT(0)
/* Frames move only while set (the rings and the data plane). */
#define   VSOC_SW_CTRL_CORE_EN		BIT(1)
/* IGMP and MLD frames are trapped to the CPU (not forwarded). */
#define   VSOC_SW_CTRL_IGMP_TRAP	BIT(2)
#define VSOC_SW_IRQ_STATUS		0x030	/* RO/W1C */
#define VSOC_SW_IRQ_ENABLE		0x034	/* RW */
#define   VSOC_SW_IRQ_XTR		BIT(0)	/* extraction descriptor done */
#define   VSOC_SW_IRQ_INJ		BIT(1)	/* injection descriptor done */
#define   VSOC_SW_IRQ_EVENT		BIT(2)	/* event FIFO not empty */
#define   VSOC_SW_IRQ_LINK		BIT(3)	/* a bit in LINK_IRQ_STATUS */
#define   VSOC_SW_IRQ_DMA_ERR		BIT(4)	/* bus error on a ring */
#define   VSOC_SW_IRQ_ALL		GENMASK(4, 0)
/* Per front port: PCS link or AN state changed (W1C). */
#define VSOC_SW_LINK_IRQ_STATUS		0x038	/* RO/W1C */
#define VSOC_SW_LINK_IRQ_ENABLE		0x03c	/* RW */
/*
 * FDB aging: an entry not hit (by a frame from its MAC) for one period
 * is removed; the ASIC scans every period / 2, so entries live between
 * AGE_TIME and 1.5 x AGE_TIME after their last hit. 0 disables aging.
 */
#define VSOC_SW_AGE_TIME_MS		0x040	/* RW */
#define VSOC_SW_DROP_LEARN_FULL		0x044	/* RO, learns lost: bucket full */

/* ---- CPU port DMA rings: 0x100-0x1ff ---- */
/*
 * Each ring: BASE (bus address, 64-bit aligned), SIZE (entries, power of
 * two, 2..4096), and two indices modulo SIZE. The ring is stopped and its
 * indices reset while its ENABLE bit is clear.
 *
 * Injection: the driver fills descriptors at TAIL and advances INJ_TAIL
 * (the doorbell); the ASIC sends each, writes its status and advances
 * INJ_HEAD. Extraction: the driver gives empty buffers by advancing
 * XTR_TAIL; the ASIC fills descriptors from XTR_HEAD on, advances it and
 * raises IRQ_XTR. Both rings work in bursts: HEAD may advance by many
 * descriptors at once, with one interrupt for all of them (interrupt
 * moderation). Frames for the CPU wait in the CPU port's queue (1024
 * frames) while no descriptor is free; a frame that finds the queue full,
 * or the ring or core disabled, is dropped and counted in XTR_DROPS.
 */
#define VSOC_SW_INJ_BASE_LO		0x100
#define VSOC_SW_INJ_BASE_HI		0x104
#define VSOC_SW_INJ_SIZE		0x108
#define VSOC_SW_INJ_HEAD		0x10c	/* RO */
#define VSOC_SW_INJ_TAIL		0x110	/* RW */
#define VSOC_SW_INJ_CTRL		0x114
#define   VSOC_SW_RING_ENABLE		BIT(0)
#define VSOC_SW_XTR_BASE_LO		0x120
#define VSOC_SW_XTR_BASE_HI		0x124
#define VSOC_SW_XTR_SIZE		0x128
#define VSOC_SW_XTR_HEAD		0x12c	/* RO */
#define VSOC_SW_XTR_TAIL		0x130	/* RW */
#define VSOC_SW_XTR_CTRL		0x134	/* RING_ENABLE */
#define VSOC_SW_XTR_DROPS		0x138	/* RO, no descriptor */
#define VSOC_SW_CPU_RX_FRAMES		0x140	/* RO, extracted frames */
#define VSOC_SW_CPU_TX_FRAMES		0x144	/* RO, injected frames */
#define VSOC_SW_RING_MAX		4096

/**
 * struct vsoc_sw_inj_desc - injection descriptor (driver to ASIC)
 * @addr: bus address of the frame (without FCS; the MAC pads to 60
 *	bytes and adds it)
 * @len: frame length in bytes, 14..VSOC_SW_MAX_FRAME - 4
 * @port: destination front port; the frame leaves as it is, with no
 *	lookup, VLAN or STP processing (the CPU decided)
 * @status: written by the ASIC: VSOC_SW_INJ_ST_*
 * @rsvd: zero
 */
struct vsoc_sw_inj_desc {
	__le64 addr;
	__le16 len;
	__le16 port;
	__le32 status;
	__le64 rsvd;
};

#define VSOC_SW_INJ_ST_DONE		BIT(0)
#define VSOC_SW_INJ_ST_ERR		BIT(1)	/* bad length or port */
#define VSOC_SW_INJ_ST_DMA_ERR		BIT(2)
#define VSOC_SW_INJ_ST_LINK_DOWN	BIT(3)	/* dropped: no link */

/**
 * struct vsoc_sw_xtr_desc - extraction descriptor (ASIC to driver)
 * @addr: bus address of an empty buffer (driver)
 * @buf_len: its size (driver); a longer frame is truncated and flagged
 * @len: frame length written (ASIC), without FCS
 * @info: VSOC_SW_XTR_* fields (ASIC); zero while the descriptor is free
 * @vid: VID the frame was classified to (ASIC)
 * @rsvd: zero
 *
 * The frame is delivered exactly as it arrived on the wire (its VLAN tag
 * if it had one), whatever the classification.
 */
struct vsoc_sw_xtr_desc {
	__le64 addr;
	__le16 buf_len;
	__le16 len;
	__le32 info;
	__le16 vid;
	__le16 rsvd[3];
};

#define VSOC_SW_XTR_DONE		BIT(0)
#define VSOC_SW_XTR_TRUNC		BIT(1)
#define VSOC_SW_XTR_DMA_ERR		BIT(2)
#define VSOC_SW_XTR_SRC_PORT		GENMASK(11, 8)
#define VSOC_SW_XTR_REASON		GENMASK(15, 12)
/* The ASIC also forwarded the frame to the front ports it should. */
#define   VSOC_SW_XTR_R_FWD		0	/* FDB entry with the CPU bit */
#define   VSOC_SW_XTR_R_TRAP		1	/* link-local, IGMP/MLD: CPU only */
#define   VSOC_SW_XTR_R_LOCKED		2	/* locked port, unknown source */
/*
 * No FDB entry: the CPU copy of a flood (CPU_UC/MC/BC); the ASIC also
 * flooded it to the front ports it should (FLOOD_*, MROUTER).
 */
#define   VSOC_SW_XTR_R_FLOOD		3
#define VSOC_SW_XTR_TAGGED		BIT(16)	/* arrived with an 802.1Q tag */

/* ---- FDB access: 0x200-0x23f ---- */
/*
 * 16384 entries in 4096 buckets of 4 ways; the bucket of (MAC, FID) is
 * vsoc_sw_fdb_hash(). Fill MAC/FID (and DEST/FLAGS for WRITE), write CMD
 * with an OP; the command is done when CMD_BUSY reads 0, with the result
 * in STATUS and the entry (LOOKUP, NEXT) in MAC/FID/DEST/FLAGS.
 */
#define VSOC_SW_FDB_MAC_HI		0x200	/* MAC bytes 0-1 in bits 15:0 */
#define VSOC_SW_FDB_MAC_LO		0x204	/* MAC bytes 2-5, byte 2 in 31:24 */
#define VSOC_SW_FDB_FID			0x208	/* 12:0 */
#define VSOC_SW_FDB_DEST		0x20c	/* port mask */
#define VSOC_SW_FDB_FLAGS		0x210
#define   VSOC_SW_FDB_F_VALID		BIT(0)
#define   VSOC_SW_FDB_F_STATIC		BIT(1)	/* never aged, never moved */
#define   VSOC_SW_FDB_F_HIT		BIT(2)	/* RO: hit since last age scan */
/* The MAC is allowed as a source on a locked port (static entries). */
#define   VSOC_SW_FDB_F_AUTH		BIT(3)
#define VSOC_SW_FDB_CMD			0x214
#define   VSOC_SW_FDB_CMD_OP		GENMASK(3, 0)
#define     VSOC_SW_FDB_OP_LOOKUP	1
#define     VSOC_SW_FDB_OP_WRITE	2	/* add or replace */
#define     VSOC_SW_FDB_OP_DELETE	3
/* Next valid entry at or after INDEX (iteration). */
#define     VSOC_SW_FDB_OP_NEXT		4
/* Delete dynamic entries matching the FLUSH_* qualifiers below. */
#define     VSOC_SW_FDB_OP_FLUSH	5
#define   VSOC_SW_FDB_CMD_FLUSH_PORT	BIT(8)	/* DEST has that port */
#define   VSOC_SW_FDB_CMD_FLUSH_FID	BIT(9)	/* FID matches */
#define   VSOC_SW_FDB_CMD_FLUSH_STATIC	BIT(10)	/* static ones too */
#define   VSOC_SW_FDB_CMD_INDEX		GENMASK(29, 16)	/* NEXT: start */
#define   VSOC_SW_FDB_CMD_BUSY		BIT(31)
#define VSOC_SW_FDB_STATUS		0x218	/* RO */
#define   VSOC_SW_FDB_ST_FOUND		BIT(0)
#define   VSOC_SW_FDB_ST_FULL		BIT(1)	/* WRITE: bucket full */
#define   VSOC_SW_FDB_ST_INDEX		GENMASK(29, 16)	/* entry's index */
#define VSOC_SW_FDB_COUNT		0x21c	/* RO, valid entries */
/* The port of a dynamic entry is its DEST with one bit. */

/* ---- VLAN table access: 0x240-0x25f ---- */
/*
 * 4096 entries by VID. Reset: all entries invalid. READ or WRITE the
 * entry of VLAN_VID through MEMBERS/UNTAG/FID/FLAGS.
 */
#define VSOC_SW_VLAN_VID		0x240
#define VSOC_SW_VLAN_MEMBERS		0x244	/* port mask (CPU too) */
#define VSOC_SW_VLAN_UNTAG		0x248	/* egress untagged */
#define VSOC_SW_VLAN_FID		0x24c
#define VSOC_SW_VLAN_FLAGS		0x250
#define   VSOC_SW_VLAN_F_VALID		BIT(0)
#define VSOC_SW_VLAN_CMD		0x254
#define   VSOC_SW_VLAN_CMD_READ		BIT(0)
#define   VSOC_SW_VLAN_CMD_WRITE	BIT(1)
#define   VSOC_SW_VLAN_CMD_BUSY		BIT(31)

/* ---- Event FIFO: 0x280-0x29f (learned, moved, aged entries) ---- */
/*
 * 1024 events. EVT_COUNT is the fill level; the head event is in
 * EVT_MAC_HI/LO and EVT_INFO and is dropped by writing EVT_POP. Events
 * lost to a full FIFO set EVT_COUNT_OVERFLOW (cleared by a write of it):
 * the driver then re-reads the FDB with OP_NEXT.
 */
#define VSOC_SW_EVT_COUNT		0x280
#define   VSOC_SW_EVT_COUNT_LEVEL	GENMASK(15, 0)
#define   VSOC_SW_EVT_COUNT_OVERFLOW	BIT(31)
#define VSOC_SW_EVT_MAC_HI		0x284
#define VSOC_SW_EVT_MAC_LO		0x288
#define VSOC_SW_EVT_INFO		0x28c
#define   VSOC_SW_EVT_INFO_FID		GENMASK(12, 0)
#define   VSOC_SW_EVT_INFO_PORT		GENMASK(19, 16)
#define   VSOC_SW_EVT_INFO_TYPE		GENMASK(25, 24)
#define     VSOC_SW_EVT_LEARNED		1
#define     VSOC_SW_EVT_MOVED		2	/* PORT is the new port */
#define     VSOC_SW_EVT_AGED		3
#define VSOC_SW_EVT_POP			0x290	/* WO */

/* ---- MDIO controller: 0x300-0x33f ---- */
/*
 * The ASIC's MDIO bus master (IEEE 802.3 clause 22 and clause 45 frames)
 * towards the board's PHYs. Fill MDIO_DATA (write data, or the register
 * address of a clause 45 ADDRESS frame), write MDIO_CMD with BUSY set:
 * the controller sends one frame. The frame is done when BUSY reads 0;
 * a read's result is then in MDIO_DATA. A frame takes 64 MDC cycles
 * (25.6 us at the bus's 2.5 MHz) on silicon; the model completes it
 * before the write of MDIO_CMD returns. No PHY drives the bus for a read
 * of an absent address: MDIO_DATA reads 0xffff (the pull-up) and
 * MDIO_STATUS_NO_PHY is set. Writes have no answer on the bus.
 */
#define VSOC_SW_MDIO_CMD		0x300
/* Clause 22: PHY address; clause 45: port address. */
#define   VSOC_SW_MDIO_CMD_PHYAD	GENMASK(4, 0)
/* Clause 22: register address; clause 45: device address (MMD). */
#define   VSOC_SW_MDIO_CMD_REGAD	GENMASK(12, 8)
#define   VSOC_SW_MDIO_CMD_OP		GENMASK(17, 16)
#define     VSOC_SW_MDIO_OP_ADDRESS	0	/* clause 45 only */
#define     VSOC_SW_MDIO_OP_WRITE	1
#define     VSOC_SW_MDIO_OP_READ	2
/* Clause 45 only: read, then the MMD's address register increments. */
#define     VSOC_SW_MDIO_OP_READ_INC	3
/* Clause 45 frame (ST = 00); clear: clause 22 frame (ST = 01). */
#define   VSOC_SW_MDIO_CMD_C45		BIT(20)
/* Written 1: send the frame; reads 1 until it is done. */
#define   VSOC_SW_MDIO_CMD_BUSY		BIT(31)
#define VSOC_SW_MDIO_DATA		0x304	/* 15:0 */
#define VSOC_SW_MDIO_STATUS		0x308	/* RO, of the last frame */
#define   VSOC_SW_MDIO_ST_DONE		BIT(0)
/* A read that no PHY answered: MDIO_DATA is 0xffff. */
#define   VSOC_SW_MDIO_ST_NO_PHY	BIT(1)
/* A clause 22 ADDRESS or READ_INC: refused, nothing sent. */
#define   VSOC_SW_MDIO_ST_BAD_OP	BIT(2)

/* ---- Front port N: 0x1000 + N * 0x400 ---- */
#define VSOC_SW_PORT_BASE(n)		(0x1000 + (n) * 0x400)
#define VSOC_SW_PORT(n, r)		(VSOC_SW_PORT_BASE(n) + (r))

#define VSOC_SW_P_CTRL			0x000
#define   VSOC_SW_P_CTRL_RX_EN		BIT(0)
#define   VSOC_SW_P_CTRL_TX_EN		BIT(1)
#define   VSOC_SW_P_CTRL_LEARN		BIT(2)
/* Egress flooding TO this port of unknown unicast, multicast, broadcast. */
#define   VSOC_SW_P_CTRL_FLOOD_UC	BIT(3)
#define   VSOC_SW_P_CTRL_FLOOD_MC	BIT(4)
#define   VSOC_SW_P_CTRL_FLOOD_BC	BIT(5)
/* Copy unknown UC / unregistered MC / BC arriving here to the CPU. */
#define   VSOC_SW_P_CTRL_CPU_UC		BIT(6)
#define   VSOC_SW_P_CTRL_CPU_MC		BIT(7)
#define   VSOC_SW_P_CTRL_CPU_BC		BIT(8)
/* Frames from an isolated port never leave through another isolated one. */
#define   VSOC_SW_P_CTRL_ISOLATED	BIT(9)
/* Sources without an F_AUTH/learned entry on this port are not forwarded. */
#define   VSOC_SW_P_CTRL_LOCKED		BIT(10)
/* Unregistered IP multicast always egresses here (multicast router). */
#define   VSOC_SW_P_CTRL_MROUTER	BIT(11)
#define   VSOC_SW_P_CTRL_STP		GENMASK(14, 12)
#define     VSOC_SW_STP_DISABLED	0
#define     VSOC_SW_STP_BLOCKING	1
#define     VSOC_SW_STP_LISTENING	2
#define     VSOC_SW_STP_LEARNING	3
#define     VSOC_SW_STP_FORWARDING	4
/*
 * VLAN classification on ingress:
 * - VLAN_AWARE set: the VID is the tag's (or PVID for untagged and
 *   priority-tagged frames; PVID 0 drops them); the VID's table entry
 *   must be valid with this port a member, else the frame is dropped;
 *   the FID is the entry's; egress is to the entry's members, tagged
 *   unless in UNTAG (the ASIC adds, keeps or strips the tag).
 * - clear: the VID is PVID, the FID is P_FID, frames leave unchanged and
 *   the VLAN table is not used.
 */
#define   VSOC_SW_P_CTRL_VLAN_AWARE	BIT(15)
#define VSOC_SW_P_FWD_MASK		0x004	/* egress ports allowed */
#define VSOC_SW_P_PVID			0x008	/* 11:0 */
#define VSOC_SW_P_FID			0x00c	/* 12:0, VLAN-unaware FID */
#define VSOC_SW_P_MAX_FRAME		0x010	/* RX/TX limit, with FCS */
/* MAC: set by the driver from the link phylink resolves. */
#define VSOC_SW_P_MAC_CFG		0x014
#define   VSOC_SW_P_MAC_LINK_UP		BIT(0)
#define   VSOC_SW_P_MAC_SPEED		GENMASK(3, 1)
#define     VSOC_SW_SPEED_10		0
#define     VSOC_SW_SPEED_100		1
#define     VSOC_SW_SPEED_1000		2
#define     VSOC_SW_SPEED_2500		3
#define     VSOC_SW_SPEED_10000		4
#define   VSOC_SW_P_MAC_FULL_DUPLEX	BIT(4)
#define   VSOC_SW_P_MAC_TX_PAUSE	BIT(5)
#define   VSOC_SW_P_MAC_RX_PAUSE	BIT(6)

/*
 * PCS. The wire carries the in-band word of the mode: 1000BASE-X the
 * Clause 37 base page (FD, HD, pause bits, RF), SGMII the PHY's word
 * (link, duplex, speed). AN_EN runs in-band autonegotiation; without it
 * the link comes up on signal (the link partner must be forced too).
 */
#define VSOC_SW_P_PCS_CTRL		0x040
#define   VSOC_SW_PCS_MODE		GENMASK(2, 0)
#define     VSOC_SW_PCS_MODE_OFF	0	/* powered down, TX off */
#define     VSOC_SW_PCS_MODE_SGMII	1
#define     VSOC_SW_PCS_MODE_1000BASEX	2
#define     VSOC_SW_PCS_MODE_2500BASEX	3
#define     VSOC_SW_PCS_MODE_10GBASER	4
#define   VSOC_SW_PCS_AN_EN		BIT(4)
#define   VSOC_SW_PCS_AN_RESTART	BIT(5)	/* self-clearing */
/* Our Clause 37 advertisement (MII ADVERTISE layout, 1000BASE-X). */
#define VSOC_SW_P_PCS_ADV		0x044
/* MII BMSR layout: BMSR_LSTATUS, BMSR_ANEGCOMPLETE; latched low link. */
#define VSOC_SW_P_PCS_STATUS		0x048	/* RO, read clears latch */
/* The partner's word (MII LPA layout; SGMII: LPA_SGMII_*). */
#define VSOC_SW_P_PCS_LPA		0x04c	/* RO */

/*
 * Counters: 64-bit, each LO/HI pair at VSOC_SW_P_CNT(n, idx). Writing
 * P_CNT_SNAPSHOT copies all counters of the port to the registers at
 * once (reads of LO/HI then see that snapshot).
 */
#define VSOC_SW_P_CNT_SNAPSHOT		0x0fc	/* WO */
#define VSOC_SW_P_CNT_LO(idx)		(0x200 + (idx) * 8)
#define VSOC_SW_P_CNT_HI(idx)		(0x204 + (idx) * 8)

enum vsoc_sw_counter {
	VSOC_SW_CNT_RX_OCTETS,		/* good frames, with FCS */
	VSOC_SW_CNT_RX_UCAST,
	VSOC_SW_CNT_RX_MCAST,
	VSOC_SW_CNT_RX_BCAST,
	VSOC_SW_CNT_RX_PAUSE,
	VSOC_SW_CNT_RX_UNDERSIZE,	/* < 64 bytes, good FCS */
	VSOC_SW_CNT_RX_OVERSIZE,	/* > P_MAX_FRAME, good FCS */
	VSOC_SW_CNT_RX_FRAGMENTS,	/* < 64 bytes, bad FCS */
	VSOC_SW_CNT_RX_JABBERS,		/* > P_MAX_FRAME, bad FCS */
	VSOC_SW_CNT_RX_FCS_ERR,
	VSOC_SW_CNT_RX_64,		/* RMON histogram, good and bad */
	VSOC_SW_CNT_RX_65_127,
	VSOC_SW_CNT_RX_128_255,
	VSOC_SW_CNT_RX_256_511,
	VSOC_SW_CNT_RX_512_1023,
	VSOC_SW_CNT_RX_1024_1518,
	VSOC_SW_CNT_RX_1519_MAX,
	VSOC_SW_CNT_RX_DROPS,		/* filtered: VLAN, STP, locked... */
	VSOC_SW_CNT_RX_FWD,		/* sent to front ports by the ASIC */
	VSOC_SW_CNT_RX_CPU,		/* copied to the CPU */
	VSOC_SW_CNT_TX_OCTETS,
	VSOC_SW_CNT_TX_UCAST,
	VSOC_SW_CNT_TX_MCAST,
	VSOC_SW_CNT_TX_BCAST,
	VSOC_SW_CNT_TX_PAUSE,
	VSOC_SW_CNT_TX_64,
	VSOC_SW_CNT_TX_65_127,
	VSOC_SW_CNT_TX_128_255,
	VSOC_SW_CNT_TX_256_511,
	VSOC_SW_CNT_TX_512_1023,
	VSOC_SW_CNT_TX_1024_1518,
	VSOC_SW_CNT_TX_1519_MAX,
	VSOC_SW_CNT_TX_DROPS,		/* link down, egress blocked */
	/*
	 * Frames lost, either way, to a MAC speed (P_MAC_CFG) other than
	 * the line speed of the port's copper PHY: garbled on the way.
	 */
	VSOC_SW_CNT_SPEED_ERR,
	VSOC_SW_CNT_NUM
};

/* Counters end at 0x200 + 8 * VSOC_SW_CNT_NUM, inside the 0x400 window. */

/**
 * vsoc_sw_fdb_hash() - FDB bucket of a (MAC, FID) key
 * @mac: the 6-byte address
 * @fid: forwarding ID
 *
 * Both the ASIC and its drivers use this function (drivers to size and
 * test; the table is only ever reached through FDB_CMD).
 *
 * Return: bucket index, 0..4095.
 */
static inline u32 vsoc_sw_fdb_hash(const u8 *mac, u16 fid)
{
	u32 h = 0x811c9dc5;	/* FNV-1a over MAC then FID */
	int i;

	for (i = 0; i < 6; i++)
		h = (h ^ mac[i]) * 0x01000193;
	h = (h ^ (fid & 0xff)) * 0x01000193;
	h = (h ^ (fid >> 8)) * 0x01000193;
	return (h ^ (h >> 12) ^ (h >> 24)) & 4095;
}

/* PHY identifier of the board's 1G copper PHYs on the MDIO bus. */
#define VSOC_SW_PHY_ID_1G		0x76735c11

/*
 * Vendor register of the board's copper PHYs (clause 22 register 16):
 * what the line side sees, for link-down reasons. CABLE: a cable is
 * plugged in (its pairs are terminated at the far end, powered or not);
 * ENERGY: the far end transmits (link pulses or idles); LINK: the line
 * link is up now (BMSR's link bit, not latched).
 */
#define VSOC_SW_PHY_LINE_STAT		0x10
#define   VSOC_SW_PHY_LINE_CABLE	BIT(0)
#define   VSOC_SW_PHY_LINE_ENERGY	BIT(1)
#define   VSOC_SW_PHY_LINE_LINK		BIT(2)

/*
 * The PHY of the board's copper SFP module (1000BASE-T, SGMII host side),
 * at I2C address 0x56 of its cage's bus: clause 22 registers as IEEE 802.3
 * defines them, and VSOC_SW_PHY_LINE_STAT. The driver binds it so that phylib
 * knows its abilities when the sfp driver hands it to phylink.
 */
#define VSOC_SW_SFP_PHY_ID_1G		0x76735c12

#endif /* _VSOC_SWITCH_REGS_H */
