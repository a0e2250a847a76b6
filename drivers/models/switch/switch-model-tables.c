// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the switching core's life (allocation, reset), the
 * VLAN table, the event FIFO and the MAC counters. Plain logic, no
 * locking: the caller holds the model's lock (or owns the core, KUnit).
 */
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <vsoc/compat.h>

#include "switch-model.h"

/**
 * vsw_core_alloc() - a switching core in its reset state
 * @nports: front ports, 1..VSOC_SW_MAX_PORTS
 *
 * Return: the core, or NULL (out of memory or bad @nports).
 */
VISIBLE_IF_KUNIT struct vsw_core *vsw_core_alloc(unsigned int nports)
{
	struct vsw_core *c;

	if (!nports || nports > VSOC_SW_MAX_PORTS)
		return NULL;
	c = kvzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return NULL;
	c->fdb = kvcalloc(VSW_FDB_SIZE, sizeof(*c->fdb), GFP_KERNEL);
	c->vlan = kvcalloc(VSOC_SW_NUM_VIDS, sizeof(*c->vlan), GFP_KERNEL);
	if (!c->fdb || !c->vlan) {
		vsw_core_free(c);
		return NULL;
	}
	c->nports = nports;
	vsw_core_reset(c);
	return c;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_core_alloc);

VISIBLE_IF_KUNIT void vsw_core_free(struct vsw_core *c)
{
	if (!c)
		return;
	kvfree(c->fdb);
	kvfree(c->vlan);
	kvfree(c);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_core_free);

/**
 * vsw_core_reset() - soft reset: tables, events, counters, port settings
 * @c: the core
 *
 * The PCS state (link, partner word) is the wire's and stays; the link
 * logic recomputes it from the reset PCS settings.
 */
VISIBLE_IF_KUNIT void vsw_core_reset(struct vsw_core *c)
{
	unsigned int i;

	c->ctrl = 0;
	c->age_ms = 300000;
	c->drop_learn_full = 0;
	c->fdb_count = 0;
	memset(c->fdb, 0, VSW_FDB_SIZE * sizeof(*c->fdb));
	memset(c->vlan, 0, VSOC_SW_NUM_VIDS * sizeof(*c->vlan));
	c->evt_head = 0;
	c->evt_count = 0;
	c->evt_overflow = false;
	memset(&c->tbl, 0, sizeof(c->tbl));
	for (i = 0; i < VSOC_SW_MAX_PORTS; i++) {
		struct vsw_port *p = &c->port[i];
		bool link = p->link, an_done = p->an_done;
		u16 lpa = p->lpa;

		memset(p, 0, sizeof(*p));
		p->max_frame = VSW_MAX_FRAME_RESET;
		p->pvid = 1;
		p->link = link;
		p->an_done = an_done;
		p->lpa = lpa;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_core_reset);

/**
 * vsw_evt_push() - queue an FDB event
 * @c: the core
 * @mac: the entry's address
 * @fid: its FID
 * @port: its (new) port
 * @type: VSOC_SW_EVT_LEARNED, _MOVED or _AGED
 *
 * A full FIFO loses the event and sets the overflow flag.
 */
VISIBLE_IF_KUNIT void vsw_evt_push(struct vsw_core *c, const u8 *mac, u16 fid,
				   unsigned int port, unsigned int type)
{
	struct vsw_event *e;

	if (c->evt_count >= VSW_EVT_DEPTH) {
		c->evt_overflow = true;
		return;
	}
	e = &c->evt[(c->evt_head + c->evt_count) % VSW_EVT_DEPTH];
	ether_addr_copy(e->mac, mac);
	e->info = FIELD_PREP(VSOC_SW_EVT_INFO_FID, fid) |
		  FIELD_PREP(VSOC_SW_EVT_INFO_PORT, port) |
		  FIELD_PREP(VSOC_SW_EVT_INFO_TYPE, type);
	c->evt_count++;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_evt_push);

VISIBLE_IF_KUNIT void vsw_evt_pop(struct vsw_core *c)
{
	if (!c->evt_count)
		return;
	c->evt_head = (c->evt_head + 1) % VSW_EVT_DEPTH;
	c->evt_count--;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_evt_pop);

/**
 * vsw_vlan_cmd() - a write of VLAN_CMD
 * @c: the core
 * @cmd: VSOC_SW_VLAN_CMD_READ or _WRITE (READ wins if both)
 *
 * The entry of VLAN_VID (bits 11:0) is read into or written from the
 * VLAN_MEMBERS/UNTAG/FID/FLAGS registers. Port bits the ASIC does not
 * have are dropped; UNTAG is kept within MEMBERS.
 */
VISIBLE_IF_KUNIT void vsw_vlan_cmd(struct vsw_core *c, u32 cmd)
{
	u32 ports = GENMASK(c->nports - 1, 0) | VSOC_SW_PM_CPU;
	struct vsw_tbl_regs *t = &c->tbl;
	struct vsw_vlan *v = &c->vlan[t->vid & (VSOC_SW_NUM_VIDS - 1)];

	if (cmd & VSOC_SW_VLAN_CMD_READ) {
		t->members = v->members;
		t->untag = v->untag;
		t->vfid = v->fid;
		t->vflags = v->valid ? VSOC_SW_VLAN_F_VALID : 0;
	} else if (cmd & VSOC_SW_VLAN_CMD_WRITE) {
		v->valid = t->vflags & VSOC_SW_VLAN_F_VALID;
		v->members = v->valid ? t->members & ports : 0;
		v->untag = v->valid ? t->untag & v->members : 0;
		v->fid = v->valid ? t->vfid & (VSOC_SW_NUM_FIDS - 1) : 0;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_vlan_cmd);

/**
 * vsw_wire_len() - length of a frame on the wire
 * @len: bytes without FCS
 *
 * Return: @len padded to 60 bytes, plus the FCS.
 */
VISIBLE_IF_KUNIT unsigned int vsw_wire_len(unsigned int len)
{
	return max_t(unsigned int, len, ETH_ZLEN) + ETH_FCS_LEN;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_wire_len);

/**
 * vsw_hist_index() - RMON histogram bucket of a wire length
 * @wire_len: bytes with FCS
 *
 * Return: 0 for 64 bytes (and less) to 6 for 1519 and more.
 */
VISIBLE_IF_KUNIT unsigned int vsw_hist_index(unsigned int wire_len)
{
	static const unsigned int upper[] = { 64, 127, 255, 511, 1023, 1518 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(upper); i++)
		if (wire_len <= upper[i])
			return i;
	return ARRAY_SIZE(upper);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_hist_index);

static void vsw_count_cast(u64 *cnt, const u8 *da, unsigned int uc,
			   unsigned int segs)
{
	/* UCAST, MCAST, BCAST follow each other for RX and TX. */
	if (is_broadcast_ether_addr(da))
		cnt[uc + 2] += segs;
	else if (is_multicast_ether_addr(da))
		cnt[uc + 1] += segs;
	else
		cnt[uc] += segs;
}

/**
 * vsw_count_rx() - count a good frame the MAC received
 * @p: the port
 * @f: the frame (all of its segments)
 */
VISIBLE_IF_KUNIT void vsw_count_rx(struct vsw_port *p, const struct vsw_frame *f)
{
	unsigned int wire = vsw_wire_len(f->len);

	p->cnt[VSOC_SW_CNT_RX_OCTETS] += f->octets;
	p->cnt[VSOC_SW_CNT_RX_64 + vsw_hist_index(wire)] += f->segs;
	if (wire < VSOC_SW_MIN_FRAME)
		p->cnt[VSOC_SW_CNT_RX_UNDERSIZE] += f->segs;
	vsw_count_cast(p->cnt, f->da, VSOC_SW_CNT_RX_UCAST, f->segs);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_count_rx);

/**
 * vsw_count_tx() - count frames the MAC sent
 * @p: the port
 * @da: their destination address
 * @len: bytes of one frame without FCS, before padding
 * @segs: frames
 */
VISIBLE_IF_KUNIT void vsw_count_tx(struct vsw_port *p, const u8 *da,
				   unsigned int len, unsigned int segs)
{
	unsigned int wire = vsw_wire_len(len);

	p->cnt[VSOC_SW_CNT_TX_OCTETS] += (u64)wire * segs;
	p->cnt[VSOC_SW_CNT_TX_64 + vsw_hist_index(wire)] += segs;
	vsw_count_cast(p->cnt, da, VSOC_SW_CNT_TX_UCAST, segs);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_count_tx);
