// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the vsoc-switch driver: FDB and VLAN register
 * programming (on a register file that records the bus writes), PCS word
 * decoding, the forwarding policy (FIDs, forwarding masks, port
 * controls) and the MDIO controller's frames.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/if_bridge.h>
#include <linux/mii.h>
#include <linux/phy.h>
#include <linux/regmap.h>

#include "vsoc-switch.h"

#include <vsoc/compat.h>

/* --- FDB and VLAN tables over a recorded register file --- */

#define VSOC_SW_TEST_LOG	32

struct vsoc_sw_test_bus {
	u32 regs[VSOC_SW_REG_SIZE / 4];
	unsigned int nwrites;
	struct { unsigned int reg; u32 val; } log[VSOC_SW_TEST_LOG];
	struct vsoc_sw sw;
	/* MDIO frames: never complete, nobody answers, what a PHY reads. */
	bool mdio_stuck;
	bool mdio_absent;
	u16 mdio_reply;
};

/* An MDIO frame on the recorded register file (vsoc-switch-drv-mdio). */
static u32 vsoc_sw_test_mdio(struct vsoc_sw_test_bus *b, u32 cmd)
{
	u32 op = FIELD_GET(VSOC_SW_MDIO_CMD_OP, cmd);

	if (!(cmd & VSOC_SW_MDIO_CMD_BUSY) || b->mdio_stuck)
		return cmd;
	b->regs[VSOC_SW_MDIO_STATUS / 4] = VSOC_SW_MDIO_ST_DONE |
					   (b->mdio_absent ? VSOC_SW_MDIO_ST_NO_PHY : 0);
	if (op == VSOC_SW_MDIO_OP_READ || op == VSOC_SW_MDIO_OP_READ_INC)
		b->regs[VSOC_SW_MDIO_DATA / 4] = b->mdio_absent ? 0xffff : b->mdio_reply;
	return cmd & ~VSOC_SW_MDIO_CMD_BUSY;
}

static int vsoc_sw_test_read(void *ctx, unsigned int reg, unsigned int *val)
{
	struct vsoc_sw_test_bus *b = ctx;

	*val = b->regs[reg / 4];
	return 0;
}

static int vsoc_sw_test_write(void *ctx, unsigned int reg, unsigned int val)
{
	struct vsoc_sw_test_bus *b = ctx;

	/* The last VSOC_SW_TEST_LOG writes, oldest overwritten. */
	b->log[b->nwrites % VSOC_SW_TEST_LOG].reg = reg;
	b->log[b->nwrites % VSOC_SW_TEST_LOG].val = val;
	b->nwrites++;
	/* Commands complete at once: BUSY never reads back. */
	if (reg == VSOC_SW_FDB_CMD)
		val &= ~VSOC_SW_FDB_CMD_BUSY;
	if (reg == VSOC_SW_VLAN_CMD)
		val &= ~VSOC_SW_VLAN_CMD_BUSY;
	if (reg == VSOC_SW_MDIO_CMD)
		val = vsoc_sw_test_mdio(b, val);
	b->regs[reg / 4] = val;
	return 0;
}

static const struct regmap_config vsoc_sw_test_regmap_config = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = VSOC_SW_REG_SIZE - 4,
	.reg_read = vsoc_sw_test_read,
	.reg_write = vsoc_sw_test_write,
	.fast_io = true,
	.cache_type = REGCACHE_NONE,
};

/*
 * KUnit's deferred actions run in another thread than the test, so the
 * test takes and drops the switch's lock itself (vsoc_sw_test_bus(),
 * vsoc_sw_test_unlock()); this only frees the regmap.
 */
static void vsoc_sw_test_exit(void *data)
{
	struct vsoc_sw_test_bus *b = data;

	regmap_exit(b->sw.map);
}

static void vsoc_sw_test_unlock(struct vsoc_sw_test_bus *b)
{
	mutex_unlock(&b->sw.lock);
}

static struct vsoc_sw_test_bus *vsoc_sw_test_bus(struct kunit *test)
{
	struct vsoc_sw_test_bus *b;

	b = kunit_kzalloc(test, sizeof(*b), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, b);
	b->sw.map = regmap_init(NULL, NULL, b, &vsoc_sw_test_regmap_config);
	KUNIT_ASSERT_FALSE(test, IS_ERR(b->sw.map));
	mutex_init(&b->sw.lock);
	INIT_LIST_HEAD(&b->sw.fdb_list);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vsoc_sw_test_exit, b), 0);
	/* Held until the test calls vsoc_sw_test_unlock(). */
	mutex_lock(&b->sw.lock);
	return b;
}

/* The value last written to @reg among the logged writes, else ~0. */
static u32 vsoc_sw_test_last(struct vsoc_sw_test_bus *b, unsigned int reg)
{
	unsigned int n = min_t(unsigned int, b->nwrites, VSOC_SW_TEST_LOG);
	unsigned int i, at;

	for (i = 1; i <= n; i++) {
		at = (b->nwrites - i) % VSOC_SW_TEST_LOG;
		if (b->log[at].reg == reg)
			return b->log[at].val;
	}
	return ~0U;
}

static void vsoc_sw_test_mac_regs(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	u8 back[ETH_ALEN];
	u32 hi, lo;

	vsoc_sw_mac_to_regs(mac, &hi, &lo);
	KUNIT_EXPECT_EQ(test, hi, 0x0211U);
	KUNIT_EXPECT_EQ(test, lo, 0x22334455U);
	vsoc_sw_regs_to_mac(hi, lo, back);
	KUNIT_EXPECT_MEMEQ(test, back, mac, ETH_ALEN);
}

static void vsoc_sw_test_hash(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 1 };
	u8 m[ETH_ALEN];
	unsigned int i, hit[16] = {};

	KUNIT_EXPECT_EQ(test, vsoc_sw_fdb_hash(mac, 1), vsoc_sw_fdb_hash(mac, 1));
	KUNIT_EXPECT_NE(test, vsoc_sw_fdb_hash(mac, 1), vsoc_sw_fdb_hash(mac, 2));
	/* Consecutive addresses spread over the buckets. */
	ether_addr_copy(m, mac);
	for (i = 0; i < 1024; i++) {
		m[4] = i >> 8;
		m[5] = i;
		KUNIT_ASSERT_LT(test, vsoc_sw_fdb_hash(m, 4096), 4096U);
		hit[vsoc_sw_fdb_hash(m, 4096) >> 8]++;
	}
	for (i = 0; i < 16; i++)
		KUNIT_EXPECT_GT(test, hit[i], 16U);
}

static void vsoc_sw_test_fdb_write(struct kunit *test)
{
	struct vsoc_sw_test_bus *b = vsoc_sw_test_bus(test);
	static const u8 mac[ETH_ALEN] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05 };

	KUNIT_EXPECT_EQ(test, vsoc_sw_fdb_hw_write(&b->sw, mac, 4100, BIT(3),
						   VSOC_SW_FDB_F_STATIC), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_MAC_HI), 0x0001U);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_MAC_LO), 0x02030405U);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_FID), 4100U);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_DEST), (u32)BIT(3));
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_FLAGS),
			(u32)(VSOC_SW_FDB_F_STATIC | VSOC_SW_FDB_F_VALID));
	/* The command is the last write. */
	KUNIT_EXPECT_EQ(test, b->log[b->nwrites - 1].reg, (unsigned int)VSOC_SW_FDB_CMD);
	KUNIT_EXPECT_EQ(test, b->log[b->nwrites - 1].val, (u32)VSOC_SW_FDB_OP_WRITE);

	b->regs[VSOC_SW_FDB_STATUS / 4] = VSOC_SW_FDB_ST_FULL;
	KUNIT_EXPECT_EQ(test, vsoc_sw_fdb_hw_write(&b->sw, mac, 1, BIT(0), 0), -ENOSPC);
	vsoc_sw_test_unlock(b);
}

static void vsoc_sw_test_fdb_flush(struct kunit *test)
{
	struct vsoc_sw_test_bus *b = vsoc_sw_test_bus(test);

	KUNIT_EXPECT_EQ(test, vsoc_sw_fdb_hw_flush(&b->sw, 2, -1), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_DEST), (u32)BIT(2));
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_CMD),
			(u32)(VSOC_SW_FDB_OP_FLUSH | VSOC_SW_FDB_CMD_FLUSH_PORT));
	KUNIT_EXPECT_EQ(test, vsoc_sw_fdb_hw_flush(&b->sw, -1, 4112), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_CMD),
			(u32)(VSOC_SW_FDB_OP_FLUSH | VSOC_SW_FDB_CMD_FLUSH_FID));
	vsoc_sw_test_unlock(b);
}

static void vsoc_sw_test_refs(struct kunit *test)
{
	struct vsoc_sw_test_bus *b = vsoc_sw_test_bus(test);
	static const u8 mac[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x01, 0x02, 0x03 };
	struct net_device *br = (struct net_device *)b; /* a key only */

	/* Two users of the CPU and one port: DEST is their union. */
	KUNIT_ASSERT_EQ(test, vsoc_sw_fdb_ref(&b->sw, mac, 10, br, 10, VSOC_SW_REF_CPU, true), 0);
	KUNIT_ASSERT_EQ(test, vsoc_sw_fdb_ref(&b->sw, mac, 10, br, 10, VSOC_SW_REF_CPU, true), 0);
	KUNIT_ASSERT_EQ(test, vsoc_sw_fdb_ref(&b->sw, mac, 10, br, 10, 1, true), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_DEST),
			(u32)(VSOC_SW_PM_CPU | BIT(1)));
	KUNIT_ASSERT_EQ(test, vsoc_sw_fdb_ref(&b->sw, mac, 10, br, 10, VSOC_SW_REF_CPU, false), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_DEST),
			(u32)(VSOC_SW_PM_CPU | BIT(1)));
	KUNIT_ASSERT_EQ(test, vsoc_sw_fdb_ref(&b->sw, mac, 10, br, 10, VSOC_SW_REF_CPU, false), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_DEST), (u32)BIT(1));
	KUNIT_ASSERT_EQ(test, vsoc_sw_fdb_ref(&b->sw, mac, 10, br, 10, 1, false), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_FDB_CMD),
			(u32)VSOC_SW_FDB_OP_DELETE);
	KUNIT_EXPECT_TRUE(test, list_empty(&b->sw.fdb_list));
	/* A full bucket leaves nothing behind. */
	b->regs[VSOC_SW_FDB_STATUS / 4] = VSOC_SW_FDB_ST_FULL;
	KUNIT_EXPECT_EQ(test, vsoc_sw_fdb_ref(&b->sw, mac, 10, br, 10, 2, true), -ENOSPC);
	KUNIT_EXPECT_TRUE(test, list_empty(&b->sw.fdb_list));
	vsoc_sw_test_unlock(b);
}

static void vsoc_sw_test_vlan_write(struct kunit *test)
{
	struct vsoc_sw_test_bus *b = vsoc_sw_test_bus(test);

	KUNIT_EXPECT_EQ(test, vsoc_sw_vlan_hw_write(&b->sw, 100, BIT(0) | VSOC_SW_PM_CPU,
						    BIT(0), 100), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_VLAN_VID), 100U);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_VLAN_MEMBERS),
			(u32)(BIT(0) | VSOC_SW_PM_CPU));
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_VLAN_UNTAG), (u32)BIT(0));
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_VLAN_FLAGS),
			(u32)VSOC_SW_VLAN_F_VALID);
	KUNIT_EXPECT_EQ(test, b->log[b->nwrites - 1].reg, (unsigned int)VSOC_SW_VLAN_CMD);
	/* No members: the entry is invalidated. */
	KUNIT_EXPECT_EQ(test, vsoc_sw_vlan_hw_write(&b->sw, 100, 0, BIT(0), 100), 0);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_VLAN_FLAGS), 0U);
	KUNIT_EXPECT_EQ(test, vsoc_sw_test_last(b, VSOC_SW_VLAN_UNTAG), 0U);
	vsoc_sw_test_unlock(b);
}

static struct kunit_case vsoc_sw_fdb_cases[] = {
	KUNIT_CASE(vsoc_sw_test_mac_regs),
	KUNIT_CASE(vsoc_sw_test_hash),
	KUNIT_CASE(vsoc_sw_test_fdb_write),
	KUNIT_CASE(vsoc_sw_test_fdb_flush),
	KUNIT_CASE(vsoc_sw_test_refs),
	KUNIT_CASE(vsoc_sw_test_vlan_write),
	{ }
};

static struct kunit_suite vsoc_sw_fdb_suite = {
	.name = "vsoc-switch-drv-fdb",
	.test_cases = vsoc_sw_fdb_cases,
};

/* --- PCS words --- */

static void vsoc_sw_test_decode(struct kunit *test, phy_interface_t intf, u16 bmsr,
				u16 adv, u16 lpa, bool inband,
				struct phylink_link_state *st)
{
	memset(st, 0, sizeof(*st));
	st->interface = intf;
	st->speed = SPEED_UNKNOWN;
	st->duplex = DUPLEX_UNKNOWN;
	vsoc_sw_pcs_decode(intf, bmsr, adv, lpa, inband, st);
}

static void vsoc_sw_test_pcs_sgmii(struct kunit *test)
{
	const u16 ok = BMSR_LSTATUS | BMSR_ANEGCOMPLETE;
	struct phylink_link_state st;

	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_SGMII, ok, 0x0001,
			    LPA_SGMII_LINK | LPA_SGMII_FULL_DUPLEX | LPA_SGMII_1000 | 1,
			    true, &st);
	KUNIT_EXPECT_TRUE(test, st.link);
	KUNIT_EXPECT_EQ(test, st.speed, SPEED_1000);
	KUNIT_EXPECT_EQ(test, st.duplex, DUPLEX_FULL);

	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_SGMII, ok, 1,
			    LPA_SGMII_LINK | LPA_SGMII_100 | 1, true, &st);
	KUNIT_EXPECT_TRUE(test, st.link);
	KUNIT_EXPECT_EQ(test, st.speed, SPEED_100);
	KUNIT_EXPECT_EQ(test, st.duplex, DUPLEX_HALF);

	/* The PHY says its line is down. */
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_SGMII, ok, 1,
			    LPA_SGMII_FULL_DUPLEX | LPA_SGMII_1000 | 1, true, &st);
	KUNIT_EXPECT_FALSE(test, st.link);
	/* Negotiation not complete. */
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_SGMII, BMSR_LSTATUS, 1,
			    LPA_SGMII_LINK | LPA_SGMII_1000 | 1, true, &st);
	KUNIT_EXPECT_FALSE(test, st.link);
	/* Reserved speed code. */
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_SGMII, ok, 1,
			    LPA_SGMII_LINK | LPA_SGMII_SPD_MASK | 1, true, &st);
	KUNIT_EXPECT_FALSE(test, st.link);
}

static void vsoc_sw_test_pcs_1000basex(struct kunit *test)
{
	const u16 ok = BMSR_LSTATUS | BMSR_ANEGCOMPLETE;
	const u16 adv = ADVERTISE_1000XFULL | ADVERTISE_1000XPAUSE;
	struct phylink_link_state st;

	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_1000BASEX, ok, adv,
			    LPA_1000XFULL | LPA_1000XPAUSE | LPA_LPACK, true, &st);
	KUNIT_EXPECT_TRUE(test, st.link);
	KUNIT_EXPECT_EQ(test, st.speed, SPEED_1000);
	KUNIT_EXPECT_EQ(test, st.duplex, DUPLEX_FULL);
	KUNIT_EXPECT_EQ(test, st.pause, MLO_PAUSE_TX | MLO_PAUSE_RX);

	/* Asymmetric: we only send pause frames. */
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_1000BASEX, ok,
			    ADVERTISE_1000XFULL | ADVERTISE_1000XPSE_ASYM,
			    LPA_1000XFULL | LPA_1000XPAUSE | LPA_1000XPAUSE_ASYM, true, &st);
	KUNIT_EXPECT_EQ(test, st.pause, MLO_PAUSE_TX);
	/* ... and only honour them. */
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_1000BASEX, ok,
			    ADVERTISE_1000XFULL | ADVERTISE_1000XPAUSE |
			    ADVERTISE_1000XPSE_ASYM,
			    LPA_1000XFULL | LPA_1000XPAUSE_ASYM, true, &st);
	KUNIT_EXPECT_EQ(test, st.pause, MLO_PAUSE_RX);

	/* No common duplex mode: no link. */
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_1000BASEX, ok, adv,
			    LPA_1000XHALF, true, &st);
	KUNIT_EXPECT_FALSE(test, st.link);

	/* Without in-band status the link is the PCS's only. */
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_1000BASEX, BMSR_LSTATUS, adv, 0,
			    false, &st);
	KUNIT_EXPECT_TRUE(test, st.link);
	KUNIT_EXPECT_EQ(test, st.speed, SPEED_UNKNOWN);
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_1000BASEX, 0, adv,
			    LPA_1000XFULL, true, &st);
	KUNIT_EXPECT_FALSE(test, st.link);
}

static void vsoc_sw_test_pcs_mode(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, vsoc_sw_pcs_mode(PHY_INTERFACE_MODE_SGMII),
			(u32)VSOC_SW_PCS_MODE_SGMII);
	KUNIT_EXPECT_EQ(test, vsoc_sw_pcs_mode(PHY_INTERFACE_MODE_1000BASEX),
			(u32)VSOC_SW_PCS_MODE_1000BASEX);
	KUNIT_EXPECT_EQ(test, vsoc_sw_pcs_mode(PHY_INTERFACE_MODE_10GBASER),
			(u32)VSOC_SW_PCS_MODE_10GBASER);
	KUNIT_EXPECT_EQ(test, vsoc_sw_pcs_mode(PHY_INTERFACE_MODE_2500BASEX),
			(u32)VSOC_SW_PCS_MODE_2500BASEX);
	KUNIT_EXPECT_EQ(test, vsoc_sw_pcs_mode(PHY_INTERFACE_MODE_RGMII),
			(u32)VSOC_SW_PCS_MODE_OFF);
}

/* 10GBASE-R (towards a 10G PHY): no in-band word, the link is 10G full. */
static void vsoc_sw_test_pcs_10gbaser(struct kunit *test)
{
	struct phylink_link_state st;

	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_10GBASER, BMSR_LSTATUS, 0, 0,
			    false, &st);
	KUNIT_EXPECT_TRUE(test, st.link);
	KUNIT_EXPECT_EQ(test, st.speed, SPEED_10000);
	KUNIT_EXPECT_EQ(test, st.duplex, DUPLEX_FULL);
	KUNIT_EXPECT_FALSE(test, st.an_complete);
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_10GBASER, 0, 0, 0, false, &st);
	KUNIT_EXPECT_FALSE(test, st.link);
	KUNIT_EXPECT_EQ(test, st.speed, SPEED_UNKNOWN);
}

/*
 * 2500BASE-X: no in-band word (the PCS runs it without AN, whatever
 * phylink asks), the link is 2.5G full.
 */
static void vsoc_sw_test_pcs_2500basex(struct kunit *test)
{
	const u32 mode_2500 = FIELD_PREP(VSOC_SW_PCS_MODE, VSOC_SW_PCS_MODE_2500BASEX);
	const u32 mode_1000 = FIELD_PREP(VSOC_SW_PCS_MODE, VSOC_SW_PCS_MODE_1000BASEX);
	struct phylink_link_state st;

	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_2500BASEX, BMSR_LSTATUS, 0, 0,
			    false, &st);
	KUNIT_EXPECT_TRUE(test, st.link);
	KUNIT_EXPECT_EQ(test, st.speed, SPEED_2500);
	KUNIT_EXPECT_EQ(test, st.duplex, DUPLEX_FULL);
	KUNIT_EXPECT_FALSE(test, st.an_complete);
	/* In-band asked for (6.12 with an SFP): still the mode's speed. */
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_2500BASEX,
			    BMSR_LSTATUS | BMSR_ANEGCOMPLETE, ADVERTISE_1000XFULL,
			    LPA_1000XFULL, true, &st);
	KUNIT_EXPECT_TRUE(test, st.link);
	KUNIT_EXPECT_EQ(test, st.speed, SPEED_2500);
	KUNIT_EXPECT_FALSE(test, st.an_complete);
	vsoc_sw_test_decode(test, PHY_INTERFACE_MODE_2500BASEX, 0, 0, 0, false, &st);
	KUNIT_EXPECT_FALSE(test, st.link);
	KUNIT_EXPECT_EQ(test, st.speed, SPEED_UNKNOWN);

	/* PCS_CTRL: never AN_EN in 2500BASE-X; 1000BASE-X as asked. */
	KUNIT_EXPECT_EQ(test, vsoc_sw_pcs_ctrl(PHY_INTERFACE_MODE_2500BASEX,
					       PHYLINK_PCS_NEG_INBAND_ENABLED),
			mode_2500);
	KUNIT_EXPECT_EQ(test, vsoc_sw_pcs_ctrl(PHY_INTERFACE_MODE_2500BASEX,
					       PHYLINK_PCS_NEG_INBAND_DISABLED),
			mode_2500);
	KUNIT_EXPECT_EQ(test, vsoc_sw_pcs_ctrl(PHY_INTERFACE_MODE_1000BASEX,
					       PHYLINK_PCS_NEG_INBAND_ENABLED),
			mode_1000 | VSOC_SW_PCS_AN_EN);
	KUNIT_EXPECT_EQ(test, vsoc_sw_pcs_ctrl(PHY_INTERFACE_MODE_1000BASEX,
					       PHYLINK_PCS_NEG_OUTBAND),
			mode_1000);
	KUNIT_EXPECT_EQ(test, vsoc_sw_pcs_ctrl(PHY_INTERFACE_MODE_RGMII,
					       PHYLINK_PCS_NEG_INBAND_ENABLED),
			0U);
}

static struct kunit_case vsoc_sw_pcs_cases[] = {
	KUNIT_CASE(vsoc_sw_test_pcs_sgmii),
	KUNIT_CASE(vsoc_sw_test_pcs_1000basex),
	KUNIT_CASE(vsoc_sw_test_pcs_mode),
	KUNIT_CASE(vsoc_sw_test_pcs_10gbaser),
	KUNIT_CASE(vsoc_sw_test_pcs_2500basex),
	{ }
};

static struct kunit_suite vsoc_sw_pcs_suite = {
	.name = "vsoc-switch-drv-pcs",
	.test_cases = vsoc_sw_pcs_cases,
};

/* --- forwarding policy --- */

static void vsoc_sw_test_fids(struct kunit *test)
{
	struct vsoc_sw_bridge b = { .index = 3 };
	struct vsoc_sw_port p = { .index = 5 };

	KUNIT_EXPECT_EQ(test, vsoc_sw_fid(&p, 7), VSOC_SW_FID_STANDALONE(5));
	p.bridge = &b;
	KUNIT_EXPECT_EQ(test, vsoc_sw_fid(&p, 7), VSOC_SW_FID_BRIDGE(3));
	b.vlan_aware = true;
	KUNIT_EXPECT_EQ(test, vsoc_sw_fid(&p, 7), 7);
	/* Every policy FID is a valid FID and none is a VID. */
	KUNIT_EXPECT_LT(test, VSOC_SW_FID_BRIDGE(VSOC_SW_MAX_BRIDGES - 1),
			VSOC_SW_NUM_FIDS);
	KUNIT_EXPECT_GE(test, VSOC_SW_FID_STANDALONE(0), VSOC_SW_NUM_VIDS);
	KUNIT_EXPECT_NE(test, VSOC_SW_FID_STANDALONE(VSOC_SW_MAX_PORTS - 1),
			VSOC_SW_FID_BRIDGE(0));
}

static void vsoc_sw_test_fwd_mask(struct kunit *test)
{
	struct vsoc_sw_bridge b = { .ports = BIT(0) | BIT(1) | BIT(4) };
	struct vsoc_sw_port p = { .index = 1 };

	KUNIT_EXPECT_EQ(test, vsoc_sw_fwd_mask(&p), 0U);
	p.bridge = &b;
	KUNIT_EXPECT_EQ(test, vsoc_sw_fwd_mask(&p), (u32)(BIT(0) | BIT(4)));
}

static void vsoc_sw_test_ctrl(struct kunit *test)
{
	struct vsoc_sw_bridge b = {};
	struct vsoc_sw_port p = { .index = 0 };
	u32 c;

	c = vsoc_sw_port_ctrl_bits(&p, 0, 0);
	KUNIT_EXPECT_EQ(test, c, (u32)(VSOC_SW_P_CTRL_CPU_BC |
				       FIELD_PREP(VSOC_SW_P_CTRL_STP, VSOC_SW_STP_FORWARDING)));
	c = vsoc_sw_port_ctrl_bits(&p, IFF_ALLMULTI, 0);
	KUNIT_EXPECT_TRUE(test, c & VSOC_SW_P_CTRL_CPU_MC);
	KUNIT_EXPECT_FALSE(test, c & VSOC_SW_P_CTRL_CPU_UC);
	c = vsoc_sw_port_ctrl_bits(&p, IFF_PROMISC, 0);
	KUNIT_EXPECT_TRUE(test, c & VSOC_SW_P_CTRL_CPU_UC);

	/* In a bridge the port's own promiscuity does not matter. */
	p.bridge = &b;
	p.stp_state = BR_STATE_BLOCKING;
	p.brflags = BR_LEARNING | BR_FLOOD | BR_ISOLATED;
	c = vsoc_sw_port_ctrl_bits(&p, IFF_PROMISC, 0);
	KUNIT_EXPECT_EQ(test, FIELD_GET(VSOC_SW_P_CTRL_STP, c), (u32)VSOC_SW_STP_BLOCKING);
	KUNIT_EXPECT_TRUE(test, c & VSOC_SW_P_CTRL_LEARN);
	KUNIT_EXPECT_TRUE(test, c & VSOC_SW_P_CTRL_FLOOD_UC);
	KUNIT_EXPECT_FALSE(test, c & VSOC_SW_P_CTRL_FLOOD_MC);
	KUNIT_EXPECT_TRUE(test, c & VSOC_SW_P_CTRL_ISOLATED);
	KUNIT_EXPECT_FALSE(test, c & VSOC_SW_P_CTRL_CPU_UC);
	KUNIT_EXPECT_FALSE(test, c & VSOC_SW_P_CTRL_VLAN_AWARE);
	/* The bridge's promiscuity does. */
	c = vsoc_sw_port_ctrl_bits(&p, 0, IFF_PROMISC);
	KUNIT_EXPECT_TRUE(test, c & VSOC_SW_P_CTRL_CPU_UC);
	/* So does the port's own with a VLAN upper (vsoc-switch-upper.c). */
	set_bit(100, p.upper_vids);
	c = vsoc_sw_port_ctrl_bits(&p, IFF_PROMISC, 0);
	KUNIT_EXPECT_TRUE(test, c & VSOC_SW_P_CTRL_CPU_UC);
	c = vsoc_sw_port_ctrl_bits(&p, 0, 0);
	KUNIT_EXPECT_FALSE(test, c & VSOC_SW_P_CTRL_CPU_UC);
	clear_bit(100, p.upper_vids);
	/* A locked port never learns. */
	p.brflags |= BR_PORT_LOCKED;
	c = vsoc_sw_port_ctrl_bits(&p, 0, 0);
	KUNIT_EXPECT_TRUE(test, c & VSOC_SW_P_CTRL_LOCKED);
	KUNIT_EXPECT_FALSE(test, c & VSOC_SW_P_CTRL_LEARN);
	b.vlan_aware = true;
	p.mrouter = true;
	c = vsoc_sw_port_ctrl_bits(&p, 0, 0);
	KUNIT_EXPECT_TRUE(test, c & VSOC_SW_P_CTRL_VLAN_AWARE);
	KUNIT_EXPECT_TRUE(test, c & VSOC_SW_P_CTRL_MROUTER);
}

/* VLAN uppers of bridged ports add their port and the CPU to their VID. */
static void vsoc_sw_test_upper_members(struct kunit *test)
{
	struct vsoc_sw_bridge b = { .ports = BIT(1) | BIT(2) };
	struct vsoc_sw *sw = kunit_kzalloc(test, sizeof(*sw), GFP_KERNEL);
	struct vsoc_sw_port *p;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, sw);
	for (i = 1; i <= 3; i++) {
		p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		p->index = i;
		sw->ports[i] = p;
	}
	KUNIT_EXPECT_EQ(test, vsoc_sw_upper_members(sw, &b, 100), 0U);
	set_bit(100, sw->ports[1]->upper_vids);
	/* Port 3 is not in the bridge. */
	set_bit(100, sw->ports[3]->upper_vids);
	set_bit(200, sw->ports[2]->upper_vids);
	KUNIT_EXPECT_EQ(test, vsoc_sw_upper_members(sw, &b, 100),
			(u32)(BIT(1) | VSOC_SW_PM_CPU));
	KUNIT_EXPECT_EQ(test, vsoc_sw_upper_members(sw, &b, 200),
			(u32)(BIT(2) | VSOC_SW_PM_CPU));
	KUNIT_EXPECT_EQ(test, vsoc_sw_upper_members(sw, &b, 300), 0U);
	KUNIT_EXPECT_TRUE(test, vsoc_sw_has_uppers(sw->ports[1]));
}

static void vsoc_sw_test_ent_dest(struct kunit *test)
{
	struct vsoc_sw_fdb_ent e = {};

	KUNIT_EXPECT_EQ(test, vsoc_sw_fdb_ent_dest(&e), 0U);
	e.refs[2] = 1;
	e.refs[VSOC_SW_REF_CPU] = 3;
	KUNIT_EXPECT_EQ(test, vsoc_sw_fdb_ent_dest(&e), (u32)(BIT(2) | VSOC_SW_PM_CPU));
}

static struct kunit_case vsoc_sw_policy_cases[] = {
	KUNIT_CASE(vsoc_sw_test_fids),
	KUNIT_CASE(vsoc_sw_test_fwd_mask),
	KUNIT_CASE(vsoc_sw_test_ctrl),
	KUNIT_CASE(vsoc_sw_test_upper_members),
	KUNIT_CASE(vsoc_sw_test_ent_dest),
	{ }
};

static struct kunit_suite vsoc_sw_policy_suite = {
	.name = "vsoc-switch-drv-policy",
	.test_cases = vsoc_sw_policy_cases,
};

/* --- MDIO controller --- */

static void vsoc_sw_test_mdio_cmd(struct kunit *test)
{
	/* Clause 22 read of register 2 at PHY 6. */
	KUNIT_EXPECT_EQ(test, vsoc_sw_mdio_cmd(false, 6, MII_PHYSID1,
					       VSOC_SW_MDIO_OP_READ),
			VSOC_SW_MDIO_CMD_BUSY | 0x00020206);
	/* Clause 45 address frame to MMD 1 of port 7, write to MMD 3. */
	KUNIT_EXPECT_EQ(test, vsoc_sw_mdio_cmd(true, 7, 1, VSOC_SW_MDIO_OP_ADDRESS),
			VSOC_SW_MDIO_CMD_BUSY | VSOC_SW_MDIO_CMD_C45 | 0x00000107);
	KUNIT_EXPECT_EQ(test, vsoc_sw_mdio_cmd(true, 31, 31, VSOC_SW_MDIO_OP_WRITE),
			VSOC_SW_MDIO_CMD_BUSY | VSOC_SW_MDIO_CMD_C45 | 0x00011f1f);
}

static void vsoc_sw_test_mdio_result(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, vsoc_sw_mdio_result(VSOC_SW_MDIO_ST_DONE, 0x1140), 0x1140);
	KUNIT_EXPECT_EQ(test, vsoc_sw_mdio_result(VSOC_SW_MDIO_ST_DONE, 0xabcd1234),
			0x1234);
	/* Nobody answered: the bus's idle level, for phylib to judge. */
	KUNIT_EXPECT_EQ(test, vsoc_sw_mdio_result(VSOC_SW_MDIO_ST_DONE |
						  VSOC_SW_MDIO_ST_NO_PHY, 0), 0xffff);
	KUNIT_EXPECT_EQ(test, vsoc_sw_mdio_result(VSOC_SW_MDIO_ST_DONE |
						  VSOC_SW_MDIO_ST_BAD_OP, 0), -EIO);
	KUNIT_EXPECT_EQ(test, vsoc_sw_mdio_result(0, 0), -EIO);
}

static struct mii_bus *vsoc_sw_test_mii(struct kunit *test, struct vsoc_sw_test_bus *b)
{
	struct mii_bus *bus = kunit_kzalloc(test, sizeof(*bus), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, bus);
	vsoc_sw_mdio_setup(bus, b->sw.map);
	return bus;
}

/* The @i-th register write since the bus was made. */
static void vsoc_sw_test_wrote(struct kunit *test, struct vsoc_sw_test_bus *b,
			       unsigned int i, unsigned int reg, u32 val)
{
	KUNIT_ASSERT_LT(test, i, b->nwrites);
	KUNIT_EXPECT_EQ_MSG(test, b->log[i].reg, reg, "write %u", i);
	KUNIT_EXPECT_EQ_MSG(test, b->log[i].val, val, "write %u", i);
}

static void vsoc_sw_test_mdio_c22_ops(struct kunit *test)
{
	struct vsoc_sw_test_bus *b = vsoc_sw_test_bus(test);
	struct mii_bus *bus = vsoc_sw_test_mii(test, b);

	vsoc_sw_test_unlock(b);
	b->mdio_reply = 0x7673;
	KUNIT_EXPECT_EQ(test, bus->read(bus, 6, MII_PHYSID1), 0x7673);
	vsoc_sw_test_wrote(test, b, 0, VSOC_SW_MDIO_DATA, 0);
	vsoc_sw_test_wrote(test, b, 1, VSOC_SW_MDIO_CMD,
			   vsoc_sw_mdio_cmd(false, 6, MII_PHYSID1, VSOC_SW_MDIO_OP_READ));
	KUNIT_EXPECT_EQ(test, bus->write(bus, 6, MII_BMCR, BMCR_RESET), 0);
	vsoc_sw_test_wrote(test, b, 2, VSOC_SW_MDIO_DATA, BMCR_RESET);
	vsoc_sw_test_wrote(test, b, 3, VSOC_SW_MDIO_CMD,
			   vsoc_sw_mdio_cmd(false, 6, MII_BMCR, VSOC_SW_MDIO_OP_WRITE));
	KUNIT_EXPECT_EQ(test, b->nwrites, 4);
}

static void vsoc_sw_test_mdio_c45_ops(struct kunit *test)
{
	struct vsoc_sw_test_bus *b = vsoc_sw_test_bus(test);
	struct mii_bus *bus = vsoc_sw_test_mii(test, b);

	vsoc_sw_test_unlock(b);
	b->mdio_reply = 0x5c21;
	/* An ADDRESS frame with the register, then the READ frame. */
	KUNIT_EXPECT_EQ(test, bus->read_c45(bus, 7, 1, 3), 0x5c21);
	vsoc_sw_test_wrote(test, b, 0, VSOC_SW_MDIO_DATA, 3);
	vsoc_sw_test_wrote(test, b, 1, VSOC_SW_MDIO_CMD,
			   vsoc_sw_mdio_cmd(true, 7, 1, VSOC_SW_MDIO_OP_ADDRESS));
	vsoc_sw_test_wrote(test, b, 2, VSOC_SW_MDIO_DATA, 0);
	vsoc_sw_test_wrote(test, b, 3, VSOC_SW_MDIO_CMD,
			   vsoc_sw_mdio_cmd(true, 7, 1, VSOC_SW_MDIO_OP_READ));
	KUNIT_EXPECT_EQ(test, bus->write_c45(bus, 7, 3, 0x20, 0x2040), 0);
	vsoc_sw_test_wrote(test, b, 4, VSOC_SW_MDIO_DATA, 0x20);
	vsoc_sw_test_wrote(test, b, 5, VSOC_SW_MDIO_CMD,
			   vsoc_sw_mdio_cmd(true, 7, 3, VSOC_SW_MDIO_OP_ADDRESS));
	vsoc_sw_test_wrote(test, b, 6, VSOC_SW_MDIO_DATA, 0x2040);
	vsoc_sw_test_wrote(test, b, 7, VSOC_SW_MDIO_CMD,
			   vsoc_sw_mdio_cmd(true, 7, 3, VSOC_SW_MDIO_OP_WRITE));
}

static void vsoc_sw_test_mdio_errors(struct kunit *test)
{
	struct vsoc_sw_test_bus *b = vsoc_sw_test_bus(test);
	struct mii_bus *bus = vsoc_sw_test_mii(test, b);

	vsoc_sw_test_unlock(b);
	/* Nobody at the address: the idle bus, for phylib to judge. */
	b->mdio_absent = true;
	KUNIT_EXPECT_EQ(test, bus->read(bus, 9, MII_PHYSID1), 0xffff);
	KUNIT_EXPECT_EQ(test, bus->read_c45(bus, 9, 1, 2), 0xffff);
	KUNIT_EXPECT_EQ(test, bus->write(bus, 9, MII_BMCR, 0), 0);
	/* A controller that never completes: the first frame times out. */
	b->mdio_stuck = true;
	KUNIT_EXPECT_EQ(test, bus->read(bus, 1, MII_BMSR), -ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, bus->write_c45(bus, 1, 1, 0, 0), -ETIMEDOUT);
	/*
	 * DATA and CMD per frame: 2 + 4 (ADDRESS and READ) + 2 for the
	 * absent PHY, then one frame each before the timeouts (the C45
	 * write stops after its ADDRESS frame).
	 */
	KUNIT_EXPECT_EQ(test, b->nwrites, 12);
}

static struct kunit_case vsoc_sw_mdio_cases[] = {
	KUNIT_CASE(vsoc_sw_test_mdio_cmd),
	KUNIT_CASE(vsoc_sw_test_mdio_result),
	KUNIT_CASE(vsoc_sw_test_mdio_c22_ops),
	KUNIT_CASE(vsoc_sw_test_mdio_c45_ops),
	KUNIT_CASE(vsoc_sw_test_mdio_errors),
	{ }
};

static struct kunit_suite vsoc_sw_mdio_suite = {
	.name = "vsoc-switch-drv-mdio",
	.test_cases = vsoc_sw_mdio_cases,
};

/* Link-down reasons from the PHY's BMCR and line status. */
static void vsoc_sw_test_link_ext_state(struct kunit *test)
{
	const u16 cable = VSOC_SW_PHY_LINE_CABLE;
	const u16 energy = cable | VSOC_SW_PHY_LINE_ENERGY;
	const u16 link = energy | VSOC_SW_PHY_LINE_LINK;
	struct ethtool_link_ext_state_info info;

	KUNIT_EXPECT_EQ(test, vsoc_sw_link_ext_state_decode(BMCR_ANENABLE, link,
							    false, &info), -ENODATA);
	memset(&info, 0, sizeof(info));
	KUNIT_EXPECT_EQ(test, vsoc_sw_link_ext_state_decode(BMCR_ANENABLE, 0,
							    false, &info), 0);
	KUNIT_EXPECT_EQ(test, info.link_ext_state, ETHTOOL_LINK_EXT_STATE_NO_CABLE);
	KUNIT_EXPECT_EQ(test, vsoc_sw_link_ext_state_decode(BMCR_ANENABLE, cable,
							    false, &info), 0);
	KUNIT_EXPECT_EQ(test, info.link_ext_state, ETHTOOL_LINK_EXT_STATE_AUTONEG);
	KUNIT_EXPECT_EQ(test, info.autoneg,
			ETHTOOL_LINK_EXT_SUBSTATE_AN_NO_PARTNER_DETECTED);
	KUNIT_EXPECT_EQ(test, vsoc_sw_link_ext_state_decode(BMCR_ANENABLE, energy,
							    false, &info), 0);
	KUNIT_EXPECT_EQ(test, info.autoneg, ETHTOOL_LINK_EXT_SUBSTATE_AN_NO_HCD);
	/* Forced in BMCR, or forced 1000 that phylib negotiates. */
	KUNIT_EXPECT_EQ(test, vsoc_sw_link_ext_state_decode(BMCR_SPEED100, energy,
							    false, &info), 0);
	KUNIT_EXPECT_EQ(test, info.autoneg,
			ETHTOOL_LINK_EXT_SUBSTATE_AN_NO_PARTNER_DETECTED_FORCE_MODE);
	info.autoneg = 0;
	KUNIT_EXPECT_EQ(test, vsoc_sw_link_ext_state_decode(BMCR_ANENABLE, cable,
							    true, &info), 0);
	KUNIT_EXPECT_EQ(test, info.autoneg,
			ETHTOOL_LINK_EXT_SUBSTATE_AN_NO_PARTNER_DETECTED_FORCE_MODE);
}

static struct kunit_case vsoc_sw_linkstate_cases[] = {
	KUNIT_CASE(vsoc_sw_test_link_ext_state),
	{ }
};

static struct kunit_suite vsoc_sw_linkstate_suite = {
	.name = "vsoc-switch-drv-linkstate",
	.test_cases = vsoc_sw_linkstate_cases,
};

kunit_test_suites(&vsoc_sw_fdb_suite, &vsoc_sw_pcs_suite, &vsoc_sw_policy_suite,
		  &vsoc_sw_mdio_suite, &vsoc_sw_linkstate_suite);

MODULE_DESCRIPTION("KUnit tests of the vsoc-switch driver");
MODULE_LICENSE("GPL");
VSOC_IMPORT_NS_KUNIT();
