// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: FDB and VLAN table access, and the static FDB entries the
 * driver owns (host addresses, static bridge entries, multicast groups).
 *
 * The tables are only reached through their command registers; every
 * user holds vsoc_sw.lock, which also serialises the command sequences.
 */
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/regmap.h>
#include <linux/slab.h>

#include <vsoc/compat.h>

#include "vsoc-switch.h"

/* A table command completes at once on the board; silicon gets 10 ms. */
#define VSOC_SW_CMD_TIMEOUT_US	10000

/**
 * vsoc_sw_mac_to_regs() - MAC address in FDB_MAC_HI/LO layout
 * @mac: the address
 * @hi: bytes 0-1 (byte 0 in bits 15:8)
 * @lo: bytes 2-5 (byte 2 in bits 31:24)
 */
void vsoc_sw_mac_to_regs(const u8 *mac, u32 *hi, u32 *lo)
{
	*hi = (u32)mac[0] << 8 | mac[1];
	*lo = (u32)mac[2] << 24 | (u32)mac[3] << 16 | (u32)mac[4] << 8 | mac[5];
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_mac_to_regs);

/**
 * vsoc_sw_regs_to_mac() - MAC address from FDB_MAC_HI/LO layout
 * @hi: bytes 0-1
 * @lo: bytes 2-5
 * @mac: the address
 */
void vsoc_sw_regs_to_mac(u32 hi, u32 lo, u8 *mac)
{
	mac[0] = hi >> 8;
	mac[1] = hi;
	mac[2] = lo >> 24;
	mac[3] = lo >> 16;
	mac[4] = lo >> 8;
	mac[5] = lo;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_regs_to_mac);

static int vsoc_sw_fdb_cmd(struct vsoc_sw *sw, u32 cmd, u32 *status)
{
	unsigned int val;
	int ret;

	ret = regmap_write(sw->map, VSOC_SW_FDB_CMD, cmd);
	if (ret)
		return ret;
	ret = regmap_read_poll_timeout_atomic(sw->map, VSOC_SW_FDB_CMD, val,
					      !(val & VSOC_SW_FDB_CMD_BUSY), 1,
					      VSOC_SW_CMD_TIMEOUT_US);
	if (ret) {
		dev_err_ratelimited(sw->dev, "FDB command %#x stuck\n", cmd);
		return ret;
	}
	return status ? regmap_read(sw->map, VSOC_SW_FDB_STATUS, status) : 0;
}

static int vsoc_sw_fdb_key(struct vsoc_sw *sw, const u8 *mac, u16 fid)
{
	u32 hi, lo;
	int ret;

	vsoc_sw_mac_to_regs(mac, &hi, &lo);
	ret = regmap_write(sw->map, VSOC_SW_FDB_MAC_HI, hi);
	if (!ret)
		ret = regmap_write(sw->map, VSOC_SW_FDB_MAC_LO, lo);
	if (!ret)
		ret = regmap_write(sw->map, VSOC_SW_FDB_FID, fid);
	return ret;
}

/**
 * vsoc_sw_fdb_hw_write() - add or replace an FDB entry
 * @sw: the switch
 * @mac: address
 * @fid: forwarding ID
 * @dest: port mask
 * @flags: VSOC_SW_FDB_F_* (VALID is added)
 *
 * Return: 0, -ENOSPC when the entry's bucket is full, or an errno.
 */
int vsoc_sw_fdb_hw_write(struct vsoc_sw *sw, const u8 *mac, u16 fid, u32 dest,
			 u32 flags)
{
	u32 status;
	int ret;

	lockdep_assert_held(&sw->lock);
	ret = vsoc_sw_fdb_key(sw, mac, fid);
	if (!ret)
		ret = regmap_write(sw->map, VSOC_SW_FDB_DEST, dest);
	if (!ret)
		ret = regmap_write(sw->map, VSOC_SW_FDB_FLAGS,
				   flags | VSOC_SW_FDB_F_VALID);
	if (!ret)
		ret = vsoc_sw_fdb_cmd(sw, VSOC_SW_FDB_OP_WRITE, &status);
	if (!ret && (status & VSOC_SW_FDB_ST_FULL))
		ret = -ENOSPC;
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_fdb_hw_write);

/**
 * vsoc_sw_fdb_hw_delete() - remove an FDB entry, static or not
 * @sw: the switch
 * @mac: address
 * @fid: forwarding ID
 *
 * Return: 0 (also when there was no such entry) or an errno.
 */
int vsoc_sw_fdb_hw_delete(struct vsoc_sw *sw, const u8 *mac, u16 fid)
{
	int ret;

	lockdep_assert_held(&sw->lock);
	ret = vsoc_sw_fdb_key(sw, mac, fid);
	return ret ? ret : vsoc_sw_fdb_cmd(sw, VSOC_SW_FDB_OP_DELETE, NULL);
}

/**
 * vsoc_sw_fdb_hw_flush() - remove dynamic entries
 * @sw: the switch
 * @port: only those whose destination is this port, or -1
 * @fid: only those of this FID, or -1
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_fdb_hw_flush(struct vsoc_sw *sw, int port, int fid)
{
	u32 cmd = VSOC_SW_FDB_OP_FLUSH;
	int ret = 0;

	lockdep_assert_held(&sw->lock);
	if (port >= 0) {
		cmd |= VSOC_SW_FDB_CMD_FLUSH_PORT;
		ret = regmap_write(sw->map, VSOC_SW_FDB_DEST, BIT(port));
	}
	if (!ret && fid >= 0) {
		cmd |= VSOC_SW_FDB_CMD_FLUSH_FID;
		ret = regmap_write(sw->map, VSOC_SW_FDB_FID, fid);
	}
	return ret ? ret : vsoc_sw_fdb_cmd(sw, cmd, NULL);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_fdb_hw_flush);

/**
 * vsoc_sw_fdb_hw_next() - the next valid entry at or after an index
 * @sw: the switch
 * @index: where to start
 * @mac: its address
 * @fid: its FID
 * @dest: its destination mask
 * @flags: its flags
 * @found: its index
 *
 * Return: 0, -ENOENT when there is none, or an errno.
 */
int vsoc_sw_fdb_hw_next(struct vsoc_sw *sw, unsigned int index, u8 *mac,
			u16 *fid, u32 *dest, u32 *flags, unsigned int *found)
{
	u32 status, hi, lo, f;
	int ret;

	lockdep_assert_held(&sw->lock);
	ret = vsoc_sw_fdb_cmd(sw, VSOC_SW_FDB_OP_NEXT |
			      FIELD_PREP(VSOC_SW_FDB_CMD_INDEX, index), &status);
	if (ret)
		return ret;
	if (!(status & VSOC_SW_FDB_ST_FOUND))
		return -ENOENT;
	ret = regmap_read(sw->map, VSOC_SW_FDB_MAC_HI, &hi);
	if (!ret)
		ret = regmap_read(sw->map, VSOC_SW_FDB_MAC_LO, &lo);
	if (!ret)
		ret = regmap_read(sw->map, VSOC_SW_FDB_FID, &f);
	if (!ret)
		ret = regmap_read(sw->map, VSOC_SW_FDB_DEST, dest);
	if (!ret)
		ret = regmap_read(sw->map, VSOC_SW_FDB_FLAGS, flags);
	if (ret)
		return ret;
	vsoc_sw_regs_to_mac(hi, lo, mac);
	*fid = f & GENMASK(12, 0);
	*found = FIELD_GET(VSOC_SW_FDB_ST_INDEX, status);
	return 0;
}

/**
 * vsoc_sw_vlan_hw_write() - write a VLAN table entry
 * @sw: the switch
 * @vid: the VLAN
 * @members: its port mask (CPU too); 0 invalidates the entry
 * @untag: ports that send it untagged
 * @fid: its FID
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_vlan_hw_write(struct vsoc_sw *sw, u16 vid, u32 members, u32 untag,
			  u16 fid)
{
	unsigned int val;
	int ret;

	lockdep_assert_held(&sw->lock);
	ret = regmap_write(sw->map, VSOC_SW_VLAN_VID, vid);
	if (!ret)
		ret = regmap_write(sw->map, VSOC_SW_VLAN_MEMBERS, members);
	if (!ret)
		ret = regmap_write(sw->map, VSOC_SW_VLAN_UNTAG, members ? untag : 0);
	if (!ret)
		ret = regmap_write(sw->map, VSOC_SW_VLAN_FID, fid);
	if (!ret)
		ret = regmap_write(sw->map, VSOC_SW_VLAN_FLAGS,
				   members ? VSOC_SW_VLAN_F_VALID : 0);
	if (!ret)
		ret = regmap_write(sw->map, VSOC_SW_VLAN_CMD, VSOC_SW_VLAN_CMD_WRITE);
	if (!ret)
		ret = regmap_read_poll_timeout_atomic(sw->map, VSOC_SW_VLAN_CMD, val,
						      !(val & VSOC_SW_VLAN_CMD_BUSY),
						      1, VSOC_SW_CMD_TIMEOUT_US);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_vlan_hw_write);

/**
 * vsoc_sw_br_fid() - FID of a VLAN in a bridge
 * @b: the bridge
 * @vid: the VLAN
 *
 * Return: the VID in a VLAN-aware bridge, the bridge's FID otherwise.
 */
u16 vsoc_sw_br_fid(const struct vsoc_sw_bridge *b, u16 vid)
{
	return b->vlan_aware ? vid : VSOC_SW_FID_BRIDGE(b->index);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_br_fid);

/**
 * vsoc_sw_fid() - FID of a VLAN on a port
 * @port: the port
 * @vid: the VLAN
 *
 * Return: the port's own FID when standalone, else vsoc_sw_br_fid().
 */
u16 vsoc_sw_fid(const struct vsoc_sw_port *port, u16 vid)
{
	if (!port->bridge)
		return VSOC_SW_FID_STANDALONE(port->index);
	return vsoc_sw_br_fid(port->bridge, vid);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_fid);

/**
 * vsoc_sw_fdb_ent_dest() - hardware destination mask of an entry
 * @ent: the entry
 *
 * Return: every front port and the CPU with a reference.
 */
u32 vsoc_sw_fdb_ent_dest(const struct vsoc_sw_fdb_ent *ent)
{
	u32 dest = 0;
	int i;

	for (i = 0; i < VSOC_SW_MAX_PORTS; i++)
		if (ent->refs[i])
			dest |= BIT(i);
	if (ent->refs[VSOC_SW_REF_CPU])
		dest |= VSOC_SW_PM_CPU;
	return dest;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_fdb_ent_dest);

static struct vsoc_sw_fdb_ent *vsoc_sw_fdb_find(struct vsoc_sw *sw, const u8 *mac,
						u16 vid, struct net_device *br,
						u16 fid)
{
	struct vsoc_sw_fdb_ent *ent;

	list_for_each_entry(ent, &sw->fdb_list, list)
		if (ent->br == br && ether_addr_equal(ent->mac, mac) &&
		    (br ? ent->vid == vid : ent->fid == fid))
			return ent;
	return NULL;
}

/*
 * Write the hardware entry of @ent's (MAC, FID): several entries may
 * share it (a VLAN-unaware bridge's entries of different VIDs).
 */
static int vsoc_sw_fdb_ent_sync(struct vsoc_sw *sw, struct vsoc_sw_fdb_ent *ent)
{
	struct vsoc_sw_fdb_ent *e;
	bool soft = false;
	u32 dest = 0;

	list_for_each_entry(e, &sw->fdb_list, list)
		if (e->fid == ent->fid && ether_addr_equal(e->mac, ent->mac)) {
			dest |= vsoc_sw_fdb_ent_dest(e);
			soft |= e->soft;
		}

	if (!dest || soft)
		return vsoc_sw_fdb_hw_delete(sw, ent->mac, ent->fid);
	return vsoc_sw_fdb_hw_write(sw, ent->mac, ent->fid, dest,
				    VSOC_SW_FDB_F_STATIC | VSOC_SW_FDB_F_AUTH);
}

/**
 * vsoc_sw_fdb_ref() - take or drop a reference on a static entry
 * @sw: the switch
 * @mac: address
 * @vid: VLAN (bridge entries)
 * @br: bridge, or NULL for a standalone port's entry
 * @fid: FID of the entry
 * @dest: front port number, or VSOC_SW_REF_CPU
 * @add: take (true) or drop (false)
 *
 * Return: 0, -ENOSPC when the FDB bucket is full, or an errno.
 */
int vsoc_sw_fdb_ref(struct vsoc_sw *sw, const u8 *mac, u16 vid,
		    struct net_device *br, u16 fid, unsigned int dest, bool add)
{
	struct vsoc_sw_fdb_ent *ent;
	int ret;

	lockdep_assert_held(&sw->lock);
	if (dest > VSOC_SW_REF_CPU)
		return -EINVAL;
	ent = vsoc_sw_fdb_find(sw, mac, vid, br, fid);
	if (!add) {
		if (!ent || !ent->refs[dest])
			return 0;
		ent->refs[dest]--;
		ret = vsoc_sw_fdb_ent_sync(sw, ent);
		if (!vsoc_sw_fdb_ent_dest(ent)) {
			list_del(&ent->list);
			kfree(ent);
		}
		return ret;
	}

	if (!ent) {
		ent = kzalloc(sizeof(*ent), GFP_KERNEL);
		if (!ent)
			return -ENOMEM;
		ether_addr_copy(ent->mac, mac);
		ent->vid = vid;
		ent->br = br;
		ent->fid = fid;
		list_add_tail(&ent->list, &sw->fdb_list);
	}
	ent->refs[dest]++;
	ret = vsoc_sw_fdb_ent_sync(sw, ent);
	if (ret) {
		ent->refs[dest]--;
		if (!vsoc_sw_fdb_ent_dest(ent)) {
			list_del(&ent->list);
			kfree(ent);
		} else {
			vsoc_sw_fdb_ent_sync(sw, ent);
		}
	}
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_fdb_ref);

/**
 * vsoc_sw_fdb_soft() - keep a bridge's entry out of the hardware, or not
 * @sw: the switch
 * @mac: address
 * @vid: VLAN
 * @br: bridge
 * @fid: FID of the entry
 * @soft: true: no hardware entry (frames to it are unregistered for
 *	the ASIC); false: the hardware entry follows the references
 *
 * Return: 0 (also for no such entry), -ENOSPC when the FDB bucket is
 * full, or an errno.
 */
int vsoc_sw_fdb_soft(struct vsoc_sw *sw, const u8 *mac, u16 vid,
		     struct net_device *br, u16 fid, bool soft)
{
	struct vsoc_sw_fdb_ent *ent;

	lockdep_assert_held(&sw->lock);
	ent = vsoc_sw_fdb_find(sw, mac, vid, br, fid);
	if (!ent || ent->soft == soft)
		return 0;
	ent->soft = soft;
	return vsoc_sw_fdb_ent_sync(sw, ent);
}

/**
 * vsoc_sw_fdb_rekey() - move a bridge's entries to its current FIDs
 * @sw: the switch
 * @br: the bridge whose VLAN awareness changed
 *
 * Entries that no longer fit their bucket are lost (and logged).
 */
void vsoc_sw_fdb_rekey(struct vsoc_sw *sw, struct net_device *br)
{
	struct vsoc_sw_bridge *b = NULL;
	struct vsoc_sw_fdb_ent *ent;
	u16 fid;
	int i;

	lockdep_assert_held(&sw->lock);
	for (i = 0; i < VSOC_SW_MAX_BRIDGES; i++)
		if (sw->bridges[i].dev == br)
			b = &sw->bridges[i];
	if (!b)
		return;
	/* Out of the old keys first, then into the new ones. */
	list_for_each_entry(ent, &sw->fdb_list, list) {
		if (ent->br != br)
			continue;
		fid = vsoc_sw_br_fid(b, ent->vid);
		if (fid != ent->fid)
			vsoc_sw_fdb_hw_delete(sw, ent->mac, ent->fid);
		ent->fid = fid;
	}
	list_for_each_entry(ent, &sw->fdb_list, list)
		if (ent->br == br && vsoc_sw_fdb_ent_sync(sw, ent))
			dev_warn(sw->dev, "FDB entry %pM vid %u lost: bucket full\n",
				 ent->mac, ent->vid);
}

/**
 * vsoc_sw_fdb_drop_all() - drop every reference of a destination
 * @sw: the switch
 * @br: entries of this bridge, or NULL for a standalone port's
 * @fid: with @br NULL, entries of this FID
 * @dest: front port number, or VSOC_SW_REF_CPU
 */
void vsoc_sw_fdb_drop_all(struct vsoc_sw *sw, struct net_device *br, u16 fid,
			  unsigned int dest)
{
	struct vsoc_sw_fdb_ent *ent, *tmp;

	lockdep_assert_held(&sw->lock);
	list_for_each_entry_safe(ent, tmp, &sw->fdb_list, list) {
		if (ent->br != br || (!br && ent->fid != fid) || !ent->refs[dest])
			continue;
		ent->refs[dest] = 0;
		vsoc_sw_fdb_ent_sync(sw, ent);
		if (!vsoc_sw_fdb_ent_dest(ent)) {
			list_del(&ent->list);
			kfree(ent);
		}
	}
}

/**
 * vsoc_sw_fdb_drop_bridge() - drop every entry of a bridge
 * @sw: the switch
 * @br: the bridge, which the switch's last port left
 */
void vsoc_sw_fdb_drop_bridge(struct vsoc_sw *sw, struct net_device *br)
{
	struct vsoc_sw_fdb_ent *ent, *tmp;

	lockdep_assert_held(&sw->lock);
	list_for_each_entry_safe(ent, tmp, &sw->fdb_list, list) {
		if (ent->br != br)
			continue;
		memset(ent->refs, 0, sizeof(ent->refs));
		vsoc_sw_fdb_ent_sync(sw, ent);
		list_del(&ent->list);
		kfree(ent);
	}
}
