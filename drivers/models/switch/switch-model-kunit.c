// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the vsoc-switch model's switching core, without a board:
 * FDB hashing, programming, learning, moves, aging and bucket-full
 * behaviour (vsoc-switch-fdb), the VLAN table (vsoc-switch-vlan), PCS
 * words and link resolution (vsoc-switch-pcs), the ingress pipeline's
 * decisions (vsoc-switch-pipeline), the MAC counters
 * (vsoc-switch-counters). The PHYs and the MDIO controller are tested in
 * switch-model-phy-kunit.c, the SFP modules and cages in
 * switch-model-sfp-kunit.c, in the same module.
 * Specification: Documentation/vsoc-switch-regs.rst.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/in.h>
#include <linux/mii.h>

#include <vsoc/compat.h>
#include <vsoc/switch-regs.h>

#include "switch-model.h"

#define NPORTS	6
#define FWD	FIELD_PREP(VSOC_SW_P_CTRL_STP, VSOC_SW_STP_FORWARDING)
#define PCTRL	(VSOC_SW_P_CTRL_RX_EN | VSOC_SW_P_CTRL_TX_EN | FWD | \
		 VSOC_SW_P_CTRL_LEARN | VSOC_SW_P_CTRL_FLOOD_UC | \
		 VSOC_SW_P_CTRL_FLOOD_MC | VSOC_SW_P_CTRL_FLOOD_BC)

static void core_exit(struct kunit *test)
{
	vsw_core_free(test->priv);
}

/* A core with NPORTS ports up, forwarding, flooding, one bridge FID 20. */
static struct vsw_core *core_new(struct kunit *test)
{
	struct vsw_core *c = vsw_core_alloc(NPORTS);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	test->priv = c;	/* one core per test, freed by core_exit() */
	c->ctrl = VSOC_SW_CTRL_CORE_EN;
	for (i = 0; i < NPORTS; i++) {
		struct vsw_port *p = &c->port[i];

		p->ctrl = PCTRL;
		p->fwd_mask = GENMASK(NPORTS - 1, 0);
		p->fid = 20;
		p->link = true;
		p->mac_cfg = VSOC_SW_P_MAC_LINK_UP;
	}
	return c;
}

static void mac_of(u32 i, u8 *mac)
{
	mac[0] = 0x02;
	mac[1] = 0x00;
	mac[2] = i >> 24;
	mac[3] = i >> 16;
	mac[4] = i >> 8;
	mac[5] = i;
}

/* Frame bytes: DA, SA, optional tag, EtherType, then @payload. */
static unsigned int frame_build(u8 *buf, const u8 *da, const u8 *sa, int vid,
				u16 type, const u8 *payload, unsigned int plen)
{
	unsigned int off = 12;

	memcpy(buf, da, ETH_ALEN);
	memcpy(buf + ETH_ALEN, sa, ETH_ALEN);
	if (vid >= 0) {
		buf[12] = 0x81;
		buf[13] = 0x00;
		buf[14] = vid >> 8;
		buf[15] = vid;
		off = 16;
	}
	buf[off] = type >> 8;
	buf[off + 1] = type;
	memcpy(buf + off + 2, payload, plen);
	return max(off + 2 + plen, 60U);
}

static void frame_of(struct vsw_frame *f, const u8 *da, const u8 *sa, int vid,
		     u16 type)
{
	u8 buf[128] = {};
	unsigned int len = frame_build(buf, da, sa, vid, type, NULL, 0);

	vsw_parse(buf, len, len, f);
}

static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const u8 mac_a[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0xa };
static const u8 mac_b[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0xb };

/* ---- FDB ---- */

static void fdb_hash(struct kunit *test)
{
	u8 mac[ETH_ALEN];
	u32 i, seen = 0;
	static unsigned long hit[BITS_TO_LONGS(VSW_FDB_BUCKETS)];

	bitmap_zero(hit, VSW_FDB_BUCKETS);
	for (i = 0; i < 4 * VSW_FDB_BUCKETS; i++) {
		u32 b;

		mac_of(i, mac);
		b = vsoc_sw_fdb_hash(mac, 1);
		KUNIT_ASSERT_LT(test, b, VSW_FDB_BUCKETS);
		if (!test_and_set_bit(b, hit))
			seen++;
	}
	/* 16k keys reach nearly every bucket (expected ~98%). */
	KUNIT_EXPECT_GT(test, seen, VSW_FDB_BUCKETS * 95 / 100);
	/* The FID is part of the key. */
	mac_of(7, mac);
	KUNIT_EXPECT_NE(test, vsoc_sw_fdb_hash(mac, 1), vsoc_sw_fdb_hash(mac, 2));
}

static void fdb_write_find_delete(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	int idx;

	KUNIT_EXPECT_EQ(test, vsw_fdb_find(c, mac_a, 1), -ENOENT);
	idx = vsw_fdb_write(c, mac_a, 1, BIT(2), VSOC_SW_FDB_F_STATIC);
	KUNIT_ASSERT_GE(test, idx, 0);
	KUNIT_EXPECT_EQ(test, idx / VSW_FDB_WAYS, vsoc_sw_fdb_hash(mac_a, 1));
	KUNIT_EXPECT_EQ(test, vsw_fdb_find(c, mac_a, 1), idx);
	KUNIT_EXPECT_EQ(test, vsw_fdb_find(c, mac_a, 2), -ENOENT);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 1U);
	/* Replace in place. */
	KUNIT_EXPECT_EQ(test, vsw_fdb_write(c, mac_a, 1, BIT(3), 0), idx);
	KUNIT_EXPECT_EQ(test, c->fdb[idx].dest, BIT(3));
	KUNIT_EXPECT_EQ(test, c->fdb_count, 1U);
	KUNIT_EXPECT_EQ(test, vsw_fdb_delete(c, mac_a, 1), idx);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 0U);
	KUNIT_EXPECT_EQ(test, vsw_fdb_delete(c, mac_a, 1), -ENOENT);
}

/* @n MACs of one bucket (FID 1). */
static void same_bucket(u8 macs[][ETH_ALEN], unsigned int n)
{
	u32 want = 0, i, got = 0;
	u8 mac[ETH_ALEN];

	mac_of(0, mac);
	want = vsoc_sw_fdb_hash(mac, 1);
	for (i = 0; got < n; i++) {
		mac_of(i, mac);
		if (vsoc_sw_fdb_hash(mac, 1) == want)
			ether_addr_copy(macs[got++], mac);
	}
}

static void fdb_bucket_full(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	u8 macs[6][ETH_ALEN];
	unsigned int i;
	u32 hi, lo;

	same_bucket(macs, 6);
	for (i = 0; i < VSW_FDB_WAYS; i++)
		KUNIT_EXPECT_GE(test, vsw_fdb_write(c, macs[i], 1, BIT(0), 0), 0);
	/* No eviction: the fifth key is refused. */
	KUNIT_EXPECT_EQ(test, vsw_fdb_write(c, macs[4], 1, BIT(0), 0), -ENOSPC);
	KUNIT_EXPECT_EQ(test, vsw_fdb_learn(c, macs[4], 1, 2), VSW_LEARN_FULL);
	KUNIT_EXPECT_EQ(test, c->drop_learn_full, 1U);
	KUNIT_EXPECT_EQ(test, c->evt_count, 0U);
	/* Through the registers: ST_FULL. */
	vsw_mac_to_regs(macs[5], &hi, &lo);
	c->tbl.mac_hi = hi;
	c->tbl.mac_lo = lo;
	c->tbl.fid = 1;
	c->tbl.dest = BIT(1);
	c->tbl.flags = VSOC_SW_FDB_F_STATIC;
	vsw_fdb_cmd(c, VSOC_SW_FDB_OP_WRITE | VSOC_SW_FDB_CMD_BUSY);
	KUNIT_EXPECT_EQ(test, c->tbl.status, VSOC_SW_FDB_ST_FULL);
	/* A free way takes it again. */
	KUNIT_EXPECT_GE(test, vsw_fdb_delete(c, macs[0], 1), 0);
	vsw_fdb_cmd(c, VSOC_SW_FDB_OP_WRITE);
	KUNIT_EXPECT_TRUE(test, c->tbl.status & VSOC_SW_FDB_ST_FOUND);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 4U);
}

static void fdb_capacity(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	u8 mac[ETH_ALEN];
	u32 i;

	for (i = 0; i < 2000000 && c->fdb_count < VSW_FDB_SIZE; i++) {
		mac_of(i, mac);
		vsw_fdb_write(c, mac, 7, BIT(0), 0);
	}
	KUNIT_EXPECT_EQ(test, c->fdb_count, (u32)VSW_FDB_SIZE);
	mac_of(i + 1, mac);
	KUNIT_EXPECT_EQ(test, vsw_fdb_write(c, mac, 7, BIT(0), 0), -ENOSPC);
}

static void expect_event(struct kunit *test, struct vsw_core *c, const u8 *mac,
			 u16 fid, unsigned int port, unsigned int type)
{
	struct vsw_event *e = &c->evt[c->evt_head];

	KUNIT_ASSERT_GT(test, c->evt_count, 0U);
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(e->mac, mac));
	KUNIT_EXPECT_EQ(test, FIELD_GET(VSOC_SW_EVT_INFO_FID, e->info), (u32)fid);
	KUNIT_EXPECT_EQ(test, FIELD_GET(VSOC_SW_EVT_INFO_PORT, e->info), port);
	KUNIT_EXPECT_EQ(test, FIELD_GET(VSOC_SW_EVT_INFO_TYPE, e->info), type);
	vsw_evt_pop(c);
}

static void fdb_learn_move(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	int idx;

	KUNIT_EXPECT_EQ(test, vsw_fdb_learn(c, mac_a, 5, 1), VSW_LEARN_NEW);
	expect_event(test, c, mac_a, 5, 1, VSOC_SW_EVT_LEARNED);
	idx = vsw_fdb_find(c, mac_a, 5);
	KUNIT_ASSERT_GE(test, idx, 0);
	KUNIT_EXPECT_EQ(test, c->fdb[idx].dest, BIT(1));
	KUNIT_EXPECT_EQ(test, c->fdb[idx].flags,
			VSOC_SW_FDB_F_VALID | VSOC_SW_FDB_F_HIT);
	KUNIT_EXPECT_EQ(test, vsw_fdb_learn(c, mac_a, 5, 1), VSW_LEARN_HIT);
	KUNIT_EXPECT_EQ(test, c->evt_count, 0U);
	KUNIT_EXPECT_EQ(test, vsw_fdb_learn(c, mac_a, 5, 3), VSW_LEARN_MOVED);
	expect_event(test, c, mac_a, 5, 3, VSOC_SW_EVT_MOVED);
	KUNIT_EXPECT_EQ(test, c->fdb[idx].dest, BIT(3));
	/* Static entries never move. */
	vsw_fdb_write(c, mac_b, 5, BIT(0), VSOC_SW_FDB_F_STATIC);
	KUNIT_EXPECT_EQ(test, vsw_fdb_learn(c, mac_b, 5, 2), VSW_LEARN_HIT);
	KUNIT_EXPECT_EQ(test, c->fdb[vsw_fdb_find(c, mac_b, 5)].dest, BIT(0));
	KUNIT_EXPECT_EQ(test, c->evt_count, 0U);
}

static void fdb_age(struct kunit *test)
{
	struct vsw_core *c = core_new(test);

	vsw_fdb_learn(c, mac_a, 1, 0);
	vsw_fdb_write(c, mac_b, 1, BIT(1), VSOC_SW_FDB_F_STATIC);
	vsw_evt_pop(c);
	/* Scan 1 clears HIT, 2 finds it unhit once, 3 removes it. */
	KUNIT_EXPECT_EQ(test, vsw_fdb_age(c), 0U);
	KUNIT_EXPECT_FALSE(test, c->fdb[vsw_fdb_find(c, mac_a, 1)].flags &
			   VSOC_SW_FDB_F_HIT);
	KUNIT_EXPECT_EQ(test, vsw_fdb_age(c), 0U);
	/* A hit in between starts over. */
	vsw_fdb_learn(c, mac_a, 1, 0);
	KUNIT_EXPECT_EQ(test, vsw_fdb_age(c), 0U);
	KUNIT_EXPECT_EQ(test, vsw_fdb_age(c), 0U);
	KUNIT_EXPECT_EQ(test, vsw_fdb_age(c), 1U);
	KUNIT_EXPECT_EQ(test, vsw_fdb_find(c, mac_a, 1), -ENOENT);
	expect_event(test, c, mac_a, 1, 0, VSOC_SW_EVT_AGED);
	/* Static entries stay. */
	KUNIT_EXPECT_GE(test, vsw_fdb_find(c, mac_b, 1), 0);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 1U);
}

static void fdb_flush(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	u8 mac[ETH_ALEN];
	unsigned int i;

	for (i = 0; i < 8; i++) {
		mac_of(i, mac);
		vsw_fdb_write(c, mac, i % 2 ? 10 : 11, BIT(i % 4),
			      i < 2 ? VSOC_SW_FDB_F_STATIC : 0);
	}
	/* Port 1 (i = 1, 5; 1 is static). */
	KUNIT_EXPECT_EQ(test, vsw_fdb_flush(c, VSOC_SW_FDB_CMD_FLUSH_PORT, BIT(1), 0), 1U);
	/* FID 10 (i = 3, 7). */
	KUNIT_EXPECT_EQ(test, vsw_fdb_flush(c, VSOC_SW_FDB_CMD_FLUSH_FID, 0, 10), 2U);
	/* All dynamic ones left (i = 2, 4, 6). */
	KUNIT_EXPECT_EQ(test, vsw_fdb_flush(c, 0, 0, 0), 3U);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 2U);
	KUNIT_EXPECT_EQ(test, vsw_fdb_flush(c, VSOC_SW_FDB_CMD_FLUSH_STATIC, 0, 0), 2U);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 0U);
}

static void fdb_registers(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	unsigned int found = 0;
	u32 start = 0, hi, lo;
	u8 mac[ETH_ALEN];
	int i;

	/* MAC byte 0 high in MAC_HI, byte 2 high in MAC_LO. */
	vsw_mac_to_regs(mac_a, &hi, &lo);
	KUNIT_EXPECT_EQ(test, hi, 0x0200U);
	KUNIT_EXPECT_EQ(test, lo, 0x0000000aU);
	for (i = 0; i < 3; i++) {
		mac_of(i, mac);
		vsw_mac_to_regs(mac, &c->tbl.mac_hi, &c->tbl.mac_lo);
		c->tbl.fid = 30;
		c->tbl.dest = BIT(i) | VSOC_SW_PM_CPU;
		c->tbl.flags = VSOC_SW_FDB_F_STATIC | VSOC_SW_FDB_F_AUTH;
		vsw_fdb_cmd(c, VSOC_SW_FDB_OP_WRITE);
		KUNIT_EXPECT_TRUE(test, c->tbl.status & VSOC_SW_FDB_ST_FOUND);
	}
	mac_of(1, mac);
	vsw_mac_to_regs(mac, &c->tbl.mac_hi, &c->tbl.mac_lo);
	c->tbl.dest = 0;
	c->tbl.flags = 0;
	vsw_fdb_cmd(c, VSOC_SW_FDB_OP_LOOKUP);
	KUNIT_EXPECT_TRUE(test, c->tbl.status & VSOC_SW_FDB_ST_FOUND);
	KUNIT_EXPECT_EQ(test, c->tbl.dest, BIT(1) | VSOC_SW_PM_CPU);
	KUNIT_EXPECT_EQ(test, c->tbl.flags, VSOC_SW_FDB_F_VALID |
			VSOC_SW_FDB_F_STATIC | VSOC_SW_FDB_F_AUTH);
	/* NEXT walks all entries. */
	for (;;) {
		vsw_fdb_cmd(c, VSOC_SW_FDB_OP_NEXT |
			    FIELD_PREP(VSOC_SW_FDB_CMD_INDEX, start));
		if (!(c->tbl.status & VSOC_SW_FDB_ST_FOUND))
			break;
		found++;
		start = FIELD_GET(VSOC_SW_FDB_ST_INDEX, c->tbl.status) + 1;
		if (start >= VSW_FDB_SIZE)
			break;
	}
	KUNIT_EXPECT_EQ(test, found, 3U);
	vsw_fdb_cmd(c, VSOC_SW_FDB_OP_DELETE);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 2U);
	vsw_fdb_cmd(c, VSOC_SW_FDB_OP_FLUSH | VSOC_SW_FDB_CMD_FLUSH_STATIC);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 0U);
}

static struct kunit_case fdb_cases[] = {
	KUNIT_CASE(fdb_hash),
	KUNIT_CASE(fdb_write_find_delete),
	KUNIT_CASE(fdb_bucket_full),
	KUNIT_CASE_SLOW(fdb_capacity),
	KUNIT_CASE(fdb_learn_move),
	KUNIT_CASE(fdb_age),
	KUNIT_CASE(fdb_flush),
	KUNIT_CASE(fdb_registers),
	{}
};

static struct kunit_suite fdb_suite = {
	.exit = core_exit,
	.name = "vsoc-switch-fdb",
	.test_cases = fdb_cases,
};

/* ---- VLAN table ---- */

static void vlan_write_read(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	struct vsw_tbl_regs *t = &c->tbl;

	t->vid = 100;
	t->members = BIT(0) | BIT(1) | BIT(15) | VSOC_SW_PM_CPU;
	t->untag = BIT(1) | BIT(2);
	t->vfid = 100;
	t->vflags = VSOC_SW_VLAN_F_VALID;
	vsw_vlan_cmd(c, VSOC_SW_VLAN_CMD_WRITE);
	memset(t, 0, sizeof(*t));
	t->vid = 100;
	vsw_vlan_cmd(c, VSOC_SW_VLAN_CMD_READ);
	/* Port 15 does not exist; UNTAG stays within MEMBERS. */
	KUNIT_EXPECT_EQ(test, t->members, BIT(0) | BIT(1) | VSOC_SW_PM_CPU);
	KUNIT_EXPECT_EQ(test, t->untag, BIT(1));
	KUNIT_EXPECT_EQ(test, t->vfid, 100U);
	KUNIT_EXPECT_EQ(test, t->vflags, VSOC_SW_VLAN_F_VALID);
	/* Invalidating clears the entry. */
	t->vflags = 0;
	vsw_vlan_cmd(c, VSOC_SW_VLAN_CMD_WRITE);
	vsw_vlan_cmd(c, VSOC_SW_VLAN_CMD_READ);
	KUNIT_EXPECT_EQ(test, t->members, 0U);
	KUNIT_EXPECT_EQ(test, t->vflags, 0U);
	/* Reset: all invalid. */
	t->vid = 1;
	vsw_vlan_cmd(c, VSOC_SW_VLAN_CMD_READ);
	KUNIT_EXPECT_EQ(test, t->vflags, 0U);
}

static struct kunit_case vlan_cases[] = {
	KUNIT_CASE(vlan_write_read),
	{}
};

static struct kunit_suite vlan_suite = {
	.exit = core_exit,
	.name = "vsoc-switch-vlan",
	.test_cases = vlan_cases,
};

/* ---- PCS ---- */

static void pcs_words(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, vsw_pcs_partner_word(VSOC_SW_PCS_MODE_SGMII),
			(u16)(LPA_SGMII_LINK | LPA_SGMII_FULL_DUPLEX |
			      LPA_SGMII_1000 | 0x0001));
	KUNIT_EXPECT_EQ(test, vsw_pcs_partner_word(VSOC_SW_PCS_MODE_1000BASEX),
			(u16)(ADVERTISE_1000XFULL | ADVERTISE_1000XPAUSE |
			      LPA_LPACK));
	KUNIT_EXPECT_EQ(test, vsw_pcs_partner_word(VSOC_SW_PCS_MODE_OFF), 0);
	KUNIT_EXPECT_EQ(test, vsw_pcs_partner_word(VSOC_SW_PCS_MODE_2500BASEX), 0);
}

static void pcs_resolve(struct kunit *test)
{
	struct vsw_pcs_end me = { VSOC_SW_PCS_MODE_1000BASEX, true, true,
				  ADVERTISE_1000XFULL };
	struct vsw_pcs_end far = me;
	bool an;
	u16 lpa;

	far.word = ADVERTISE_1000XFULL | ADVERTISE_1000XPAUSE;
	KUNIT_EXPECT_TRUE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	KUNIT_EXPECT_TRUE(test, an);
	KUNIT_EXPECT_EQ(test, lpa, far.word);
	/* AN here, forced there: no link; forced here: link on signal. */
	far.an_en = false;
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	KUNIT_EXPECT_TRUE(test, vsw_pcs_resolve(&far, &me, &lpa, &an));
	KUNIT_EXPECT_FALSE(test, an);
	KUNIT_EXPECT_EQ(test, lpa, 0);
	/* Mode mismatch, no signal, powered down. */
	far.an_en = true;
	far.mode = VSOC_SW_PCS_MODE_SGMII;
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	far.mode = me.mode;
	far.signal = false;
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	far.signal = true;
	me.mode = VSOC_SW_PCS_MODE_OFF;
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	/* SGMII: the PHY word's link bit. */
	me.mode = VSOC_SW_PCS_MODE_SGMII;
	far.mode = VSOC_SW_PCS_MODE_SGMII;
	far.word = vsw_pcs_partner_word(VSOC_SW_PCS_MODE_SGMII);
	KUNIT_EXPECT_TRUE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	KUNIT_EXPECT_TRUE(test, lpa & LPA_SGMII_LINK);
	far.word = 0x0001;
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	KUNIT_EXPECT_TRUE(test, an);
	/* 10GBASE-R: no in-band AN. */
	me.mode = VSOC_SW_PCS_MODE_10GBASER;
	far.mode = me.mode;
	far.an_en = false;
	KUNIT_EXPECT_TRUE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	KUNIT_EXPECT_FALSE(test, an);
}

/* 2500BASE-X: links on signal with a far end in 2500BASE-X, no AN. */
static void pcs_2500basex(struct kunit *test)
{
	struct vsw_pcs_end me = { VSOC_SW_PCS_MODE_2500BASEX, false, true, 0 };
	struct vsw_pcs_end far = me;
	bool an;
	u16 lpa;

	KUNIT_EXPECT_TRUE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	KUNIT_EXPECT_FALSE(test, an);
	KUNIT_EXPECT_EQ(test, lpa, 0);
	/* AN_EN at either end changes nothing: there is no in-band word. */
	me.an_en = true;
	KUNIT_EXPECT_TRUE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	KUNIT_EXPECT_FALSE(test, an);
	far.an_en = true;
	far.word = ADVERTISE_1000XFULL;
	KUNIT_EXPECT_TRUE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	KUNIT_EXPECT_FALSE(test, an);
	KUNIT_EXPECT_EQ(test, lpa, 0);
	/* No signal, or a far end in another mode: no link, both ways. */
	far.signal = false;
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	far.signal = true;
	far.mode = VSOC_SW_PCS_MODE_1000BASEX;
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&far, &me, &lpa, &an));
	far.mode = VSOC_SW_PCS_MODE_SGMII;
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	far.mode = VSOC_SW_PCS_MODE_10GBASER;
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&me, &far, &lpa, &an));
	KUNIT_EXPECT_FALSE(test, vsw_pcs_resolve(&far, &me, &lpa, &an));
}

static void pcs_status_latch(struct kunit *test)
{
	struct vsw_port p = {};

	KUNIT_EXPECT_EQ(test, vsw_pcs_status(&p), (u32)BMSR_ANEGCAPABLE);
	p.link = true;
	p.an_done = true;
	KUNIT_EXPECT_EQ(test, vsw_pcs_status(&p),
			(u32)(BMSR_ANEGCAPABLE | BMSR_LSTATUS | BMSR_ANEGCOMPLETE));
	/* Went down and up since the last read: the first read says down. */
	p.latched_low = true;
	KUNIT_EXPECT_FALSE(test, vsw_pcs_status(&p) & BMSR_LSTATUS);
}

static struct kunit_case pcs_cases[] = {
	KUNIT_CASE(pcs_words),
	KUNIT_CASE(pcs_resolve),
	KUNIT_CASE(pcs_2500basex),
	KUNIT_CASE(pcs_status_latch),
	{}
};

static struct kunit_suite pcs_suite = {
	.exit = core_exit,
	.name = "vsoc-switch-pcs",
	.test_cases = pcs_cases,
};

/* ---- Ingress pipeline ---- */

static u32 classify(struct vsw_core *c, unsigned int port,
		    const struct vsw_frame *f, struct vsw_verdict *v)
{
	vsw_classify(c, port, f, v);
	return v->dest;
}

static void pipe_flood_learn_forward(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	struct vsw_verdict v;
	struct vsw_frame f;

	/* Unknown unicast: flooded, not back to the source; SA learned. */
	frame_of(&f, mac_b, mac_a, -1, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), GENMASK(NPORTS - 1, 1));
	KUNIT_EXPECT_GE(test, vsw_fdb_find(c, mac_a, 20), 0);
	KUNIT_EXPECT_EQ(test, c->port[0].cnt[VSOC_SW_CNT_RX_FWD], 1ULL);
	/* The reply goes to port 0 only, and B is learned on port 3. */
	frame_of(&f, mac_a, mac_b, -1, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, classify(c, 3, &f, &v), BIT(0));
	frame_of(&f, mac_b, mac_a, -1, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), BIT(3));
	/* Forwarding mask, then flood controls, then the CPU copies. */
	c->port[0].fwd_mask = BIT(1) | BIT(2);
	frame_of(&f, bcast, mac_a, -1, ETH_P_ARP);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), BIT(1) | BIT(2));
	c->port[2].ctrl &= ~VSOC_SW_P_CTRL_FLOOD_BC;
	c->port[0].ctrl |= VSOC_SW_P_CTRL_CPU_BC;
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), BIT(1) | VSOC_SW_PM_CPU);
	KUNIT_EXPECT_EQ(test, v.reason, VSOC_SW_XTR_R_FLOOD);
	KUNIT_EXPECT_EQ(test, c->port[0].cnt[VSOC_SW_CNT_RX_CPU], 1ULL);
	/* Egress ports need FORWARDING, TX_EN and link. */
	c->port[1].link = false;
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), VSOC_SW_PM_CPU);
}

static void pipe_stp(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	struct vsw_verdict v;
	struct vsw_frame f;

	frame_of(&f, mac_b, mac_a, -1, ETH_P_IP);
	c->port[0].ctrl &= ~VSOC_SW_P_CTRL_STP;
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), 0U);
	KUNIT_EXPECT_EQ(test, c->port[0].cnt[VSOC_SW_CNT_RX_DROPS], 1ULL);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 0U);
	/* LEARNING: learned, then dropped. */
	c->port[0].ctrl |= FIELD_PREP(VSOC_SW_P_CTRL_STP, VSOC_SW_STP_LEARNING);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), 0U);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 1U);
	KUNIT_EXPECT_EQ(test, c->port[0].cnt[VSOC_SW_CNT_RX_DROPS], 2ULL);
	/* Link-local frames reach the CPU in any state but DISABLED. */
	frame_of(&f, (const u8[]){ 0x01, 0x80, 0xc2, 0, 0, 0x0e }, mac_a, -1,
		 ETH_P_LLDP);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), VSOC_SW_PM_CPU);
	KUNIT_EXPECT_EQ(test, v.reason, VSOC_SW_XTR_R_TRAP);
	/* The MAC takes nothing without RX_EN or link. */
	c->port[0].ctrl &= ~VSOC_SW_P_CTRL_RX_EN;
	KUNIT_EXPECT_FALSE(test, vsw_classify(c, 0, &f, &v));
	KUNIT_EXPECT_EQ(test, c->port[0].cnt[VSOC_SW_CNT_RX_DROPS], 2ULL);
}

static void vlan_add(struct vsw_core *c, u16 vid, u32 members, u32 untag)
{
	c->vlan[vid].valid = true;
	c->vlan[vid].members = members;
	c->vlan[vid].untag = untag;
	c->vlan[vid].fid = vid;
}

static void pipe_vlan_aware(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	struct vsw_verdict v;
	struct vsw_frame f;
	unsigned int i;

	for (i = 0; i < NPORTS; i++) {
		c->port[i].ctrl |= VSOC_SW_P_CTRL_VLAN_AWARE;
		c->port[i].pvid = 1;
	}
	vlan_add(c, 1, BIT(0) | BIT(1) | BIT(2) | VSOC_SW_PM_CPU, BIT(0) | BIT(1));
	vlan_add(c, 10, BIT(0) | BIT(2), BIT(2));
	c->port[0].ctrl |= VSOC_SW_P_CTRL_CPU_UC;
	/* Untagged: PVID 1, members only (the CPU too). */
	frame_of(&f, mac_b, mac_a, -1, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v),
			BIT(1) | BIT(2) | VSOC_SW_PM_CPU);
	KUNIT_EXPECT_EQ(test, v.vid, 1);
	KUNIT_EXPECT_EQ(test, v.fid, 1);
	KUNIT_EXPECT_EQ(test, vsw_tag_op(&f, &v, 1), VSW_TAG_KEEP);
	KUNIT_EXPECT_EQ(test, vsw_tag_op(&f, &v, 2), VSW_TAG_PUSH);
	/* Tagged 10: port 2 only, popped there; CPU not a member. */
	frame_of(&f, mac_b, mac_a, 10, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), BIT(2));
	KUNIT_EXPECT_EQ(test, vsw_tag_op(&f, &v, 2), VSW_TAG_POP);
	/* Learned per FID. */
	KUNIT_EXPECT_GE(test, vsw_fdb_find(c, mac_a, 10), 0);
	KUNIT_EXPECT_GE(test, vsw_fdb_find(c, mac_a, 1), 0);
	/* Priority tag: PVID, egress tagged with it. */
	c->vlan[1].untag = 0;
	frame_of(&f, mac_b, mac_a, 0, ETH_P_IP);
	KUNIT_EXPECT_NE(test, classify(c, 0, &f, &v), 0U);
	KUNIT_EXPECT_EQ(test, vsw_tag_op(&f, &v, 1), VSW_TAG_SET_VID);
	/* Not a member, unknown VLAN, PVID 0: dropped. */
	frame_of(&f, mac_b, mac_a, 10, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, classify(c, 1, &f, &v), 0U);
	frame_of(&f, mac_b, mac_a, 99, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), 0U);
	c->port[0].pvid = 0;
	frame_of(&f, mac_b, mac_a, -1, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), 0U);
	KUNIT_EXPECT_EQ(test, c->port[0].cnt[VSOC_SW_CNT_RX_DROPS], 2ULL);
	KUNIT_EXPECT_EQ(test, c->port[1].cnt[VSOC_SW_CNT_RX_DROPS], 1ULL);
	/* Unaware: PVID and P_FID, unchanged. */
	c->port[3].ctrl &= ~VSOC_SW_P_CTRL_VLAN_AWARE;
	c->port[3].pvid = 7;
	frame_of(&f, mac_b, mac_a, 10, ETH_P_IP);
	classify(c, 3, &f, &v);
	KUNIT_EXPECT_EQ(test, v.fid, 20);
	KUNIT_EXPECT_EQ(test, v.vid, 7);
	KUNIT_EXPECT_EQ(test, vsw_tag_op(&f, &v, 1), VSW_TAG_KEEP);
}

static void pipe_locked_isolated(struct kunit *test)
{
	struct vsw_core *c = core_new(test);
	struct vsw_verdict v;
	struct vsw_frame f;

	c->port[0].ctrl |= VSOC_SW_P_CTRL_LOCKED;
	frame_of(&f, mac_b, mac_a, -1, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), VSOC_SW_PM_CPU);
	KUNIT_EXPECT_EQ(test, v.reason, VSOC_SW_XTR_R_LOCKED);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 0U);
	vsw_fdb_write(c, mac_a, 20, BIT(0), VSOC_SW_FDB_F_STATIC | VSOC_SW_FDB_F_AUTH);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), GENMASK(NPORTS - 1, 1));
	/* Isolated ports do not talk to each other. */
	c->port[0].ctrl |= VSOC_SW_P_CTRL_ISOLATED;
	c->port[2].ctrl |= VSOC_SW_P_CTRL_ISOLATED;
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v),
			GENMASK(NPORTS - 1, 1) & ~BIT(2));
}

static void pipe_multicast(struct kunit *test)
{
	static const u8 mc[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0, 0, 0x42 };
	/* IPv4 header, protocol IGMP. */
	static const u8 igmp[20] = { 0x45, [9] = IPPROTO_IGMP };
	/* IPv6, hop-by-hop, then an MLDv2 report. */
	static const u8 mld[50] = { 0x60, [6] = 0, [40] = IPPROTO_ICMPV6,
				    [41] = 0, [48] = 143 };
	static const u8 mc6[ETH_ALEN] = { 0x33, 0x33, 0, 0, 0, 0x16 };
	struct vsw_core *c = core_new(test);
	struct vsw_verdict v;
	struct vsw_frame f;
	u8 buf[128] = {};
	unsigned int len;

	c->port[4].ctrl &= ~VSOC_SW_P_CTRL_FLOOD_MC;
	c->port[5].ctrl &= ~VSOC_SW_P_CTRL_FLOOD_MC;
	c->port[5].ctrl |= VSOC_SW_P_CTRL_MROUTER;
	frame_of(&f, mc, mac_a, -1, ETH_P_IP);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v),
			BIT(1) | BIT(2) | BIT(3) | BIT(5));
	/* Registered: its ports plus the multicast routers. */
	vsw_fdb_write(c, mc, 20, BIT(2), VSOC_SW_FDB_F_STATIC);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), BIT(2) | BIT(5));
	/* IGMP and MLD trapped when asked. */
	len = frame_build(buf, mc, mac_a, -1, ETH_P_IP, igmp, sizeof(igmp));
	vsw_parse(buf, len, len, &f);
	KUNIT_EXPECT_NE(test, classify(c, 0, &f, &v), VSOC_SW_PM_CPU);
	c->ctrl |= VSOC_SW_CTRL_IGMP_TRAP;
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), VSOC_SW_PM_CPU);
	KUNIT_EXPECT_EQ(test, v.reason, VSOC_SW_XTR_R_TRAP);
	len = frame_build(buf, mc6, mac_a, -1, ETH_P_IPV6, mld, sizeof(mld));
	vsw_parse(buf, len, len, &f);
	KUNIT_EXPECT_EQ(test, f.icmp6_type, 143);
	KUNIT_EXPECT_EQ(test, classify(c, 0, &f, &v), VSOC_SW_PM_CPU);
}

static void pipe_mac_checks(struct kunit *test)
{
	static const u8 pause[ETH_ALEN] = { 0x01, 0x80, 0xc2, 0, 0, 0x01 };
	struct vsw_core *c = core_new(test);
	struct vsw_port *p = &c->port[0];
	struct vsw_verdict v;
	struct vsw_frame f;

	frame_of(&f, pause, mac_a, -1, VSW_ETH_PAUSE);
	KUNIT_EXPECT_FALSE(test, vsw_classify(c, 0, &f, &v));
	KUNIT_EXPECT_EQ(test, p->cnt[VSOC_SW_CNT_RX_PAUSE], 1ULL);
	KUNIT_EXPECT_EQ(test, p->cnt[VSOC_SW_CNT_RX_DROPS], 0ULL);
	/* Over P_MAX_FRAME (with FCS): oversize, dropped. */
	frame_of(&f, mac_b, mac_a, -1, ETH_P_IP);
	f.len = VSW_MAX_FRAME_RESET - ETH_FCS_LEN + 1;
	f.octets = vsw_wire_len(f.len);
	KUNIT_EXPECT_FALSE(test, vsw_classify(c, 0, &f, &v));
	KUNIT_EXPECT_EQ(test, p->cnt[VSOC_SW_CNT_RX_OVERSIZE], 1ULL);
	KUNIT_EXPECT_EQ(test, p->cnt[VSOC_SW_CNT_RX_1519_MAX], 1ULL);
	KUNIT_EXPECT_EQ(test, p->cnt[VSOC_SW_CNT_RX_OCTETS], 64ULL);
	f.len--;
	f.octets = vsw_wire_len(f.len);
	KUNIT_EXPECT_TRUE(test, vsw_classify(c, 0, &f, &v));
	/* The core disabled moves nothing, counts nothing. */
	c->ctrl = 0;
	KUNIT_EXPECT_FALSE(test, vsw_classify(c, 0, &f, &v));
	KUNIT_EXPECT_EQ(test, p->cnt[VSOC_SW_CNT_RX_UCAST], 1ULL);
}

static struct kunit_case pipeline_cases[] = {
	KUNIT_CASE(pipe_flood_learn_forward),
	KUNIT_CASE(pipe_stp),
	KUNIT_CASE(pipe_vlan_aware),
	KUNIT_CASE(pipe_locked_isolated),
	KUNIT_CASE(pipe_multicast),
	KUNIT_CASE(pipe_mac_checks),
	{}
};

static struct kunit_suite pipeline_suite = {
	.exit = core_exit,
	.name = "vsoc-switch-pipeline",
	.test_cases = pipeline_cases,
};

/* ---- Counters ---- */

static void counters_hist(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, vsw_wire_len(14), 64U);
	KUNIT_EXPECT_EQ(test, vsw_wire_len(1514), 1518U);
	KUNIT_EXPECT_EQ(test, vsw_hist_index(64), 0U);
	KUNIT_EXPECT_EQ(test, vsw_hist_index(65), 1U);
	KUNIT_EXPECT_EQ(test, vsw_hist_index(127), 1U);
	KUNIT_EXPECT_EQ(test, vsw_hist_index(128), 2U);
	KUNIT_EXPECT_EQ(test, vsw_hist_index(1518), 5U);
	KUNIT_EXPECT_EQ(test, vsw_hist_index(1519), 6U);
	KUNIT_EXPECT_EQ(test, vsw_hist_index(9216), 6U);
}

static void counters_rx_tx(struct kunit *test)
{
	struct vsw_port p = {};
	struct vsw_frame f;

	frame_of(&f, bcast, mac_a, -1, ETH_P_ARP);
	vsw_count_rx(&p, &f);
	frame_of(&f, mac_b, mac_a, -1, ETH_P_IP);
	f.len = 1000;
	f.segs = 3;
	f.octets = 3 * 1004;
	vsw_count_rx(&p, &f);
	KUNIT_EXPECT_EQ(test, p.cnt[VSOC_SW_CNT_RX_BCAST], 1ULL);
	KUNIT_EXPECT_EQ(test, p.cnt[VSOC_SW_CNT_RX_UCAST], 3ULL);
	KUNIT_EXPECT_EQ(test, p.cnt[VSOC_SW_CNT_RX_OCTETS], 64ULL + 3 * 1004);
	KUNIT_EXPECT_EQ(test, p.cnt[VSOC_SW_CNT_RX_64], 1ULL);
	/* 1000 bytes and the FCS: 512 to 1023. */
	KUNIT_EXPECT_EQ(test, p.cnt[VSOC_SW_CNT_RX_512_1023], 3ULL);
	KUNIT_EXPECT_EQ(test, p.cnt[VSOC_SW_CNT_RX_1024_1518], 0ULL);
	vsw_count_tx(&p, (const u8[]){ 0x01, 0, 0x5e, 0, 0, 1 }, 100, 2);
	KUNIT_EXPECT_EQ(test, p.cnt[VSOC_SW_CNT_TX_MCAST], 2ULL);
	KUNIT_EXPECT_EQ(test, p.cnt[VSOC_SW_CNT_TX_OCTETS], 208ULL);
	KUNIT_EXPECT_EQ(test, p.cnt[VSOC_SW_CNT_TX_65_127], 2ULL);
}

static void counters_reset(struct kunit *test)
{
	struct vsw_core *c = core_new(test);

	c->port[1].cnt[VSOC_SW_CNT_RX_FWD] = 5;
	c->port[1].max_frame = 9000;
	vsw_fdb_learn(c, mac_a, 1, 1);
	vsw_core_reset(c);
	KUNIT_EXPECT_EQ(test, c->port[1].cnt[VSOC_SW_CNT_RX_FWD], 0ULL);
	KUNIT_EXPECT_EQ(test, c->port[1].max_frame, (u32)VSW_MAX_FRAME_RESET);
	KUNIT_EXPECT_EQ(test, c->fdb_count, 0U);
	KUNIT_EXPECT_EQ(test, c->evt_count, 0U);
	/* The wire's state is not the core's to reset. */
	KUNIT_EXPECT_TRUE(test, c->port[1].link);
}

static struct kunit_case counters_cases[] = {
	KUNIT_CASE(counters_hist),
	KUNIT_CASE(counters_rx_tx),
	KUNIT_CASE(counters_reset),
	{}
};

static struct kunit_suite counters_suite = {
	.exit = core_exit,
	.name = "vsoc-switch-counters",
	.test_cases = counters_cases,
};

kunit_test_suites(&fdb_suite, &vlan_suite, &pcs_suite, &pipeline_suite,
		  &counters_suite);

MODULE_DESCRIPTION("KUnit tests of the vsoc-switch model");
MODULE_LICENSE("GPL");
VSOC_IMPORT_NS_KUNIT();
