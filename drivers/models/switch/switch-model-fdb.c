// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the FDB. 16384 entries in 4096 buckets of 4 ways,
 * the bucket of (MAC, FID) given by vsoc_sw_fdb_hash(); an entry's index
 * is bucket * 4 + way. A bucket with its 4 ways taken takes no other
 * key: a WRITE fails with FDB_ST_FULL, a learn is lost and counted in
 * DROP_LEARN_FULL (no entry is ever evicted). Plain logic: the caller
 * holds the model's lock.
 */
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/string.h>

#include <vsoc/compat.h>

#include "switch-model.h"

static bool vsw_fdb_match(const struct vsw_fdb_entry *e, const u8 *mac, u16 fid)
{
	return (e->flags & VSOC_SW_FDB_F_VALID) && e->fid == fid &&
	       ether_addr_equal(e->mac, mac);
}

/**
 * vsw_fdb_find() - index of the entry of (@mac, @fid)
 * @c: the core
 * @mac: address
 * @fid: forwarding ID
 *
 * Return: the entry's index, or -ENOENT.
 */
VISIBLE_IF_KUNIT int vsw_fdb_find(const struct vsw_core *c, const u8 *mac,
				  u16 fid)
{
	unsigned int base = vsoc_sw_fdb_hash(mac, fid) * VSW_FDB_WAYS;
	unsigned int w;

	for (w = 0; w < VSW_FDB_WAYS; w++)
		if (vsw_fdb_match(&c->fdb[base + w], mac, fid))
			return base + w;
	return -ENOENT;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_fdb_find);

/* A free way of the bucket of (@mac, @fid), or -ENOSPC. */
static int vsw_fdb_free_way(const struct vsw_core *c, const u8 *mac, u16 fid)
{
	unsigned int base = vsoc_sw_fdb_hash(mac, fid) * VSW_FDB_WAYS;
	unsigned int w;

	for (w = 0; w < VSW_FDB_WAYS; w++)
		if (!(c->fdb[base + w].flags & VSOC_SW_FDB_F_VALID))
			return base + w;
	return -ENOSPC;
}

static void vsw_fdb_fill(struct vsw_core *c, int idx, const u8 *mac, u16 fid,
			 u32 dest, u32 flags)
{
	struct vsw_fdb_entry *e = &c->fdb[idx];

	if (!(e->flags & VSOC_SW_FDB_F_VALID))
		c->fdb_count++;
	ether_addr_copy(e->mac, mac);
	e->fid = fid;
	e->dest = dest;
	e->flags = VSOC_SW_FDB_F_VALID | (flags & VSW_FDB_F_ARCH);
	e->age = 0;
}

static void vsw_fdb_clear(struct vsw_core *c, unsigned int idx)
{
	memset(&c->fdb[idx], 0, sizeof(c->fdb[idx]));
	c->fdb_count--;
}

/**
 * vsw_fdb_write() - add or replace the entry of (@mac, @fid)
 * @c: the core
 * @mac: address
 * @fid: forwarding ID
 * @dest: port mask
 * @flags: VSOC_SW_FDB_F_STATIC, _AUTH (VALID implied, HIT written as is)
 *
 * Return: the entry's index, or -ENOSPC when the bucket is full.
 */
VISIBLE_IF_KUNIT int vsw_fdb_write(struct vsw_core *c, const u8 *mac, u16 fid,
				   u32 dest, u32 flags)
{
	int idx = vsw_fdb_find(c, mac, fid);

	if (idx < 0)
		idx = vsw_fdb_free_way(c, mac, fid);
	if (idx < 0)
		return idx;
	vsw_fdb_fill(c, idx, mac, fid, dest, flags);
	return idx;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_fdb_write);

VISIBLE_IF_KUNIT int vsw_fdb_delete(struct vsw_core *c, const u8 *mac, u16 fid)
{
	int idx = vsw_fdb_find(c, mac, fid);

	if (idx >= 0)
		vsw_fdb_clear(c, idx);
	return idx;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_fdb_delete);

/**
 * vsw_fdb_learn() - learn a source address seen on @port
 * @c: the core
 * @mac: the source address (unicast)
 * @fid: the frame's FID
 * @port: the ingress port
 *
 * A new address becomes a dynamic entry to @port (event LEARNED); a
 * dynamic entry elsewhere moves to @port (event MOVED); a static entry
 * never changes. The entry is marked hit either way.
 *
 * Return: what happened.
 */
VISIBLE_IF_KUNIT enum vsw_learn vsw_fdb_learn(struct vsw_core *c, const u8 *mac,
					      u16 fid, unsigned int port)
{
	int idx = vsw_fdb_find(c, mac, fid);
	struct vsw_fdb_entry *e;

	if (idx < 0) {
		idx = vsw_fdb_free_way(c, mac, fid);
		if (idx < 0) {
			c->drop_learn_full++;
			return VSW_LEARN_FULL;
		}
		vsw_fdb_fill(c, idx, mac, fid, BIT(port), VSOC_SW_FDB_F_HIT);
		vsw_evt_push(c, mac, fid, port, VSOC_SW_EVT_LEARNED);
		return VSW_LEARN_NEW;
	}
	e = &c->fdb[idx];
	e->flags |= VSOC_SW_FDB_F_HIT;
	if ((e->flags & VSOC_SW_FDB_F_STATIC) || e->dest == BIT(port))
		return VSW_LEARN_HIT;
	e->dest = BIT(port);
	e->age = 0;
	vsw_evt_push(c, mac, fid, port, VSOC_SW_EVT_MOVED);
	return VSW_LEARN_MOVED;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_fdb_learn);

/**
 * vsw_fdb_age() - one age scan (every AGE_TIME_MS / 2)
 * @c: the core
 *
 * A dynamic entry found hit loses its HIT bit; one found unhit at two
 * scans in a row after that is removed (event AGED). Entries so live
 * between one and one and a half age periods after their last hit.
 *
 * Return: entries removed.
 */
VISIBLE_IF_KUNIT unsigned int vsw_fdb_age(struct vsw_core *c)
{
	unsigned int i, aged = 0;

	for (i = 0; i < VSW_FDB_SIZE; i++) {
		struct vsw_fdb_entry *e = &c->fdb[i];

		if (!(e->flags & VSOC_SW_FDB_F_VALID) ||
		    (e->flags & VSOC_SW_FDB_F_STATIC))
			continue;
		if (e->flags & VSOC_SW_FDB_F_HIT) {
			e->flags &= ~VSOC_SW_FDB_F_HIT;
			e->age = 0;
			continue;
		}
		if (++e->age < 2)
			continue;
		vsw_evt_push(c, e->mac, e->fid, e->dest ? __ffs(e->dest) : 0,
			     VSOC_SW_EVT_AGED);
		vsw_fdb_clear(c, i);
		aged++;
	}
	return aged;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_fdb_age);

/**
 * vsw_fdb_flush() - delete the entries an OP_FLUSH qualifies
 * @c: the core
 * @cmd: FDB_CMD with its FLUSH_* qualifiers
 * @dest: FDB_DEST: FLUSH_PORT removes entries whose DEST has a bit of it
 * @fid: FDB_FID: FLUSH_FID removes entries of that FID
 *
 * Without qualifiers all dynamic entries go; FLUSH_STATIC takes static
 * entries too. No events.
 *
 * Return: entries removed.
 */
VISIBLE_IF_KUNIT unsigned int vsw_fdb_flush(struct vsw_core *c, u32 cmd,
					    u32 dest, u16 fid)
{
	unsigned int i, n = 0;

	for (i = 0; i < VSW_FDB_SIZE; i++) {
		struct vsw_fdb_entry *e = &c->fdb[i];

		if (!(e->flags & VSOC_SW_FDB_F_VALID))
			continue;
		if ((e->flags & VSOC_SW_FDB_F_STATIC) &&
		    !(cmd & VSOC_SW_FDB_CMD_FLUSH_STATIC))
			continue;
		if ((cmd & VSOC_SW_FDB_CMD_FLUSH_PORT) && !(e->dest & dest))
			continue;
		if ((cmd & VSOC_SW_FDB_CMD_FLUSH_FID) && e->fid != fid)
			continue;
		vsw_fdb_clear(c, i);
		n++;
	}
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_fdb_flush);

/**
 * vsw_fdb_next() - first valid entry at or after @start
 * @c: the core
 * @start: index to start at
 *
 * Return: its index, or -ENOENT.
 */
VISIBLE_IF_KUNIT int vsw_fdb_next(const struct vsw_core *c, unsigned int start)
{
	unsigned int i;

	for (i = start; i < VSW_FDB_SIZE; i++)
		if (c->fdb[i].flags & VSOC_SW_FDB_F_VALID)
			return i;
	return -ENOENT;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_fdb_next);

/* MAC byte 0 is the most significant of FDB_MAC_HI[15:0]; 2 of MAC_LO. */
VISIBLE_IF_KUNIT void vsw_mac_to_regs(const u8 *mac, u32 *hi, u32 *lo)
{
	*hi = mac[0] << 8 | mac[1];
	*lo = (u32)mac[2] << 24 | mac[3] << 16 | mac[4] << 8 | mac[5];
}
EXPORT_SYMBOL_IF_KUNIT(vsw_mac_to_regs);

VISIBLE_IF_KUNIT void vsw_regs_to_mac(u32 hi, u32 lo, u8 *mac)
{
	mac[0] = hi >> 8;
	mac[1] = hi;
	mac[2] = lo >> 24;
	mac[3] = lo >> 16;
	mac[4] = lo >> 8;
	mac[5] = lo;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_regs_to_mac);

static void vsw_fdb_load(struct vsw_core *c, int idx)
{
	struct vsw_tbl_regs *t = &c->tbl;
	const struct vsw_fdb_entry *e = &c->fdb[idx];

	vsw_mac_to_regs(e->mac, &t->mac_hi, &t->mac_lo);
	t->fid = e->fid;
	t->dest = e->dest;
	t->flags = e->flags & VSW_FDB_F_ARCH;
	t->status = VSOC_SW_FDB_ST_FOUND | FIELD_PREP(VSOC_SW_FDB_ST_INDEX, idx);
}

/**
 * vsw_fdb_cmd() - a write of FDB_CMD: run the command at once
 * @c: the core
 * @cmd: the value written
 *
 * Commands complete before the write returns (CMD_BUSY reads 0). STATUS
 * gets FOUND and INDEX for an entry LOOKUP or NEXT found (its fields are
 * loaded into MAC/FID/DEST/FLAGS), WRITE (the entry written) and DELETE
 * (the entry removed); FULL for a WRITE into a full bucket; 0 otherwise.
 */
VISIBLE_IF_KUNIT void vsw_fdb_cmd(struct vsw_core *c, u32 cmd)
{
	struct vsw_tbl_regs *t = &c->tbl;
	u16 fid = t->fid & (VSOC_SW_NUM_FIDS - 1);
	u8 mac[ETH_ALEN];
	int idx;

	vsw_regs_to_mac(t->mac_hi, t->mac_lo, mac);
	t->cmd = cmd & ~VSOC_SW_FDB_CMD_BUSY;
	t->status = 0;
	switch (FIELD_GET(VSOC_SW_FDB_CMD_OP, cmd)) {
	case VSOC_SW_FDB_OP_LOOKUP:
		idx = vsw_fdb_find(c, mac, fid);
		if (idx >= 0)
			vsw_fdb_load(c, idx);
		break;
	case VSOC_SW_FDB_OP_WRITE:
		idx = vsw_fdb_write(c, mac, fid, t->dest, t->flags);
		if (idx < 0)
			t->status = VSOC_SW_FDB_ST_FULL;
		else
			t->status = VSOC_SW_FDB_ST_FOUND |
				    FIELD_PREP(VSOC_SW_FDB_ST_INDEX, idx);
		break;
	case VSOC_SW_FDB_OP_DELETE:
		idx = vsw_fdb_delete(c, mac, fid);
		if (idx >= 0)
			t->status = VSOC_SW_FDB_ST_FOUND |
				    FIELD_PREP(VSOC_SW_FDB_ST_INDEX, idx);
		break;
	case VSOC_SW_FDB_OP_NEXT:
		idx = vsw_fdb_next(c, FIELD_GET(VSOC_SW_FDB_CMD_INDEX, cmd));
		if (idx >= 0)
			vsw_fdb_load(c, idx);
		break;
	case VSOC_SW_FDB_OP_FLUSH:
		vsw_fdb_flush(c, cmd, t->dest, fid);
		break;
	default:
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_fdb_cmd);
