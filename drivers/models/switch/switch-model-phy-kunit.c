// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the vsoc-switch model's PHYs (vsoc-switch-phy) and MDIO
 * controller (vsoc-switch-mdio), without a board; part of the
 * vsoc-switch-model-kunit module.
 * Specification: Documentation/vsoc-switch-regs.rst.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/ethtool.h>
#include <linux/linkmode.h>
#include <linux/mdio.h>
#include <linux/mii.h>
#include <linux/sfp.h>

#include <vsoc/compat.h>
#include <vsoc/switch-regs.h>

#include "switch-model.h"

/* ---- PHYs (switch-model-phy.c) ---- */

static struct vsw_phy *phy_new(struct kunit *test, enum vsw_phy_kind kind)
{
	struct vsw_phy *phy = kunit_kzalloc(test, sizeof(*phy), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, phy);
	vsw_phy_init(phy, kind);
	return phy;
}

/* A copper PHY whose partner is up, resolved. */
static struct vsw_phy *phy_linked(struct kunit *test)
{
	struct vsw_phy *phy = phy_new(test, VSW_PHY_COPPER_1G);

	phy->lp.up = true;
	vsw_phy_resolve(phy);
	return phy;
}

static void phy_c22_defaults(struct kunit *test)
{
	struct vsw_phy *phy = phy_new(test, VSW_PHY_COPPER_1G);
	u16 bmsr;

	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_BMCR), 0x1140);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_ADVERTISE), 0x05e1);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_CTRL1000), 0x0300);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_PHYSID1), 0x7673);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_PHYSID2), 0x5c11);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_ESTATUS),
			ESTATUS_1000_TFULL | ESTATUS_1000_THALF);
	bmsr = vsw_phy_c22_read(phy, MII_BMSR);
	KUNIT_EXPECT_EQ(test, bmsr & (BMSR_LSTATUS | BMSR_ANEGCOMPLETE), 0);
	KUNIT_EXPECT_EQ(test, bmsr & (BMSR_100FULL | BMSR_100HALF | BMSR_10FULL |
				      BMSR_10HALF | BMSR_ESTATEN | BMSR_ANEGCAPABLE),
			BMSR_100FULL | BMSR_100HALF | BMSR_10FULL | BMSR_10HALF |
			BMSR_ESTATEN | BMSR_ANEGCAPABLE);
	/* No partner: no link, nothing received. */
	KUNIT_EXPECT_FALSE(test, vsw_phy_resolve(phy));
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_LPA), 0);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_STAT1000), 0);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, 20), 0);
}

static void phy_c22_self_clear(struct kunit *test)
{
	struct vsw_phy *phy = phy_linked(test);

	KUNIT_EXPECT_TRUE(test, phy->link);
	vsw_phy_c22_read(phy, MII_BMSR);
	vsw_phy_c22_write(phy, MII_ADVERTISE, ADVERTISE_10HALF);
	vsw_phy_c22_write(phy, MII_CTRL1000, 0);
	vsw_phy_c22_write(phy, MII_BMCR, BMCR_RESET | BMCR_ANENABLE);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_BMCR), 0x1140);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_ADVERTISE), 0x05e1);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_CTRL1000), 0x0300);
	/* The reset dropped the link: latched low once, then back. */
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, vsw_phy_c22_read(phy, MII_BMSR) & BMSR_LSTATUS);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c22_read(phy, MII_BMSR) & BMSR_LSTATUS);
	/* Restart: self-clearing, link drops and comes back. */
	vsw_phy_c22_write(phy, MII_BMCR, BMCR_ANENABLE | BMCR_ANRESTART);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_BMCR), BMCR_ANENABLE);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, vsw_phy_c22_read(phy, MII_BMSR) & BMSR_LSTATUS);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c22_read(phy, MII_BMSR) & BMSR_LSTATUS);
	/* The selector stays 802.3 whatever is written. */
	vsw_phy_c22_write(phy, MII_ADVERTISE, 0);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_ADVERTISE), ADVERTISE_CSMA);
}

static void phy_bmsr_latch(struct kunit *test)
{
	struct vsw_phy *phy = phy_linked(test);
	u16 bmsr;

	bmsr = vsw_phy_c22_read(phy, MII_BMSR);
	KUNIT_EXPECT_TRUE(test, bmsr & BMSR_LSTATUS);
	KUNIT_EXPECT_TRUE(test, bmsr & BMSR_ANEGCOMPLETE);
	/* The partner goes and comes back between two reads. */
	phy->lp.up = false;
	KUNIT_EXPECT_TRUE(test, vsw_phy_resolve(phy));
	phy->lp.up = true;
	KUNIT_EXPECT_TRUE(test, vsw_phy_resolve(phy));
	KUNIT_EXPECT_FALSE(test, vsw_phy_c22_read(phy, MII_BMSR) & BMSR_LSTATUS);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c22_read(phy, MII_BMSR) & BMSR_LSTATUS);
	/* Nothing changed: no latch. */
	KUNIT_EXPECT_FALSE(test, vsw_phy_resolve(phy));
	KUNIT_EXPECT_TRUE(test, vsw_phy_c22_read(phy, MII_BMSR) & BMSR_LSTATUS);
	/* Page received: set by the negotiation, cleared by the read. */
	phy->lp.up = false;
	vsw_phy_resolve(phy);
	vsw_phy_c22_read(phy, MII_EXPANSION);
	phy->lp.up = true;
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c22_read(phy, MII_EXPANSION) & EXPANSION_LCWP);
	KUNIT_EXPECT_FALSE(test, vsw_phy_c22_read(phy, MII_EXPANSION) & EXPANSION_LCWP);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c22_read(phy, MII_EXPANSION) & EXPANSION_NWAY);
}

static const struct {
	u16 adv, ctrl1000, lp_adv, lp_ctrl1000;
	bool link;
	int speed;
	bool full;
} phy_an_table[] = {
	/* Everything on both sides: 1000 full. */
	{ 0x05e1, 0x0300, 0x0de1, 0x0300, true, SPEED_1000, true },
	/* No 1000BASE-T here: 100 full. */
	{ 0x05e1, 0x0000, 0x0de1, 0x0300, true, SPEED_100, true },
	/* 1000 half only there: 1000 half beats 100 full. */
	{ 0x05e1, 0x0300, 0x01e1, ADVERTISE_1000HALF, true, SPEED_1000, false },
	/* 1000 in different duplexes: none common, 100 full. */
	{ 0x0181, ADVERTISE_1000HALF, 0x0181, ADVERTISE_1000FULL, true, SPEED_100, true },
	/* 10 half only here. */
	{ 0x0021, 0x0000, 0x01e1, 0x0300, true, SPEED_10, false },
	/* 100 half against 10 full: no common mode, no link. */
	{ 0x0081, 0x0000, 0x0041, 0x0000, false, SPEED_UNKNOWN, false },
	/* Nothing advertised here. */
	{ 0x0001, 0x0000, 0x01e1, 0x0300, false, SPEED_UNKNOWN, false },
};

static void phy_an_resolution(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(phy_an_table); i++) {
		struct vsw_phy *phy = phy_new(test, VSW_PHY_COPPER_1G);

		vsw_phy_c22_write(phy, MII_ADVERTISE, phy_an_table[i].adv);
		vsw_phy_c22_write(phy, MII_CTRL1000, phy_an_table[i].ctrl1000);
		phy->lp.adv = phy_an_table[i].lp_adv;
		phy->lp.ctrl1000 = phy_an_table[i].lp_ctrl1000;
		phy->lp.up = true;
		vsw_phy_resolve(phy);
		KUNIT_EXPECT_EQ_MSG(test, phy->link, phy_an_table[i].link, "row %u", i);
		KUNIT_EXPECT_EQ_MSG(test, phy->speed, phy_an_table[i].speed, "row %u", i);
		KUNIT_EXPECT_EQ_MSG(test, phy->full, phy_an_table[i].full, "row %u", i);
		KUNIT_EXPECT_EQ_MSG(test, !!(vsw_phy_c22_read(phy, MII_BMSR) &
					     BMSR_ANEGCOMPLETE),
				    phy_an_table[i].link, "row %u", i);
		if (!phy_an_table[i].link)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, vsw_phy_c22_read(phy, MII_LPA),
				    phy_an_table[i].lp_adv | LPA_LPACK, "row %u", i);
		KUNIT_EXPECT_EQ_MSG(test, vsw_phy_c22_read(phy, MII_STAT1000) &
				    (LPA_1000FULL | LPA_1000HALF),
				    phy_an_table[i].lp_ctrl1000 << 2, "row %u", i);
	}
}

static void phy_master_slave(struct kunit *test)
{
	struct vsw_phy *phy = phy_linked(test);
	u16 st;

	st = vsw_phy_c22_read(phy, MII_STAT1000);
	KUNIT_EXPECT_EQ(test, st & (LPA_1000LOCALRXOK | LPA_1000REMRXOK),
			LPA_1000LOCALRXOK | LPA_1000REMRXOK);
	KUNIT_EXPECT_FALSE(test, st & (LPA_1000MSRES | LPA_1000MSFAIL));
	vsw_phy_c22_write(phy, MII_CTRL1000, 0x0300 | CTL1000_PREFER_MASTER);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c22_read(phy, MII_STAT1000) & LPA_1000MSRES);
	vsw_phy_c22_write(phy, MII_CTRL1000, 0x0300 | CTL1000_PREFER_MASTER |
			  CTL1000_ENABLE_MASTER);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, vsw_phy_c22_read(phy, MII_STAT1000) & LPA_1000MSRES);
}

static void phy_forced(struct kunit *test)
{
	struct vsw_phy *phy = phy_linked(test);
	struct vsw_pcs_end me = { VSOC_SW_PCS_MODE_SGMII, true, true, 0 }, far;

	/* Forced 100 full: the partner follows, no negotiation. */
	vsw_phy_c22_write(phy, MII_BMCR, BMCR_SPEED100 | BMCR_FULLDPLX);
	KUNIT_EXPECT_TRUE(test, vsw_phy_resolve(phy));
	KUNIT_EXPECT_TRUE(test, phy->link);
	KUNIT_EXPECT_EQ(test, phy->speed, SPEED_100);
	KUNIT_EXPECT_TRUE(test, phy->full);
	KUNIT_EXPECT_FALSE(test, vsw_phy_c22_read(phy, MII_BMSR) & BMSR_ANEGCOMPLETE);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_LPA), 0);
	vsw_phy_sys_end(phy, &me, &far);
	KUNIT_EXPECT_EQ(test, far.word, (u16)(0x0001 | LPA_SGMII_LINK |
					      LPA_SGMII_FULL_DUPLEX | LPA_SGMII_100));
	/* Forced 10 half. */
	vsw_phy_c22_write(phy, MII_BMCR, 0);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_EQ(test, phy->speed, SPEED_10);
	KUNIT_EXPECT_FALSE(test, phy->full);
	/* Forced 1000 against a partner without 1000BASE-T: no link. */
	phy->lp.ctrl1000 = 0;
	vsw_phy_c22_write(phy, MII_BMCR, BMCR_SPEED1000 | BMCR_FULLDPLX);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, phy->link);
	/* Both forced: equal speeds link, others do not. */
	phy->lp.an_en = false;
	phy->lp.speed = SPEED_100;
	vsw_phy_c22_write(phy, MII_BMCR, BMCR_SPEED100);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_TRUE(test, phy->link);
	vsw_phy_c22_write(phy, MII_BMCR, 0);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, phy->link);
	/* We negotiate, the partner is forced 100: parallel detection. */
	vsw_phy_c22_write(phy, MII_BMCR, BMCR_ANENABLE);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_TRUE(test, phy->link);
	KUNIT_EXPECT_EQ(test, phy->speed, SPEED_100);
	KUNIT_EXPECT_FALSE(test, phy->full);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_LPA),
			ADVERTISE_CSMA | LPA_100HALF);
	/* A forced 1000 partner cannot be detected. */
	phy->lp.speed = SPEED_1000;
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, phy->link);
}

static void phy_system_side(struct kunit *test)
{
	struct vsw_phy *phy = phy_linked(test);
	struct vsw_pcs_end me = { VSOC_SW_PCS_MODE_SGMII, false, true, 0 }, far;

	vsw_phy_sys_end(phy, &me, &far);
	KUNIT_EXPECT_EQ(test, far.mode, VSOC_SW_PCS_MODE_SGMII);
	KUNIT_EXPECT_TRUE(test, far.signal);
	KUNIT_EXPECT_FALSE(test, far.an_en);
	KUNIT_EXPECT_EQ(test, far.word, (u16)(0x0001 | LPA_SGMII_LINK |
					      LPA_SGMII_FULL_DUPLEX | LPA_SGMII_1000));
	/* Isolated: the line link stays, the system side goes quiet. */
	vsw_phy_c22_write(phy, MII_BMCR, 0x1140 | BMCR_ISOLATE);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_TRUE(test, phy->link);
	vsw_phy_sys_end(phy, &me, &far);
	KUNIT_EXPECT_FALSE(test, far.signal);
	/* Powered down: no link at all. */
	vsw_phy_c22_write(phy, MII_BMCR, 0x1140 | BMCR_PDOWN);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, phy->link);
	vsw_phy_sys_end(phy, &me, &far);
	KUNIT_EXPECT_FALSE(test, far.signal);
	KUNIT_EXPECT_EQ(test, vsw_phy_sgmii_word(phy), 0);
	/* Up again; the partner leaves: no signal either. */
	vsw_phy_c22_write(phy, MII_BMCR, 0x1140);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_TRUE(test, phy->link);
	phy->lp.up = false;
	vsw_phy_resolve(phy);
	vsw_phy_sys_end(phy, &me, &far);
	KUNIT_EXPECT_FALSE(test, far.signal);
}

static void phy_c45_regs(struct kunit *test)
{
	struct vsw_phy *phy = phy_new(test, VSW_PHY_10G);
	struct vsw_pcs_end me = { VSOC_SW_PCS_MODE_10GBASER, false, true, 0 }, far;
	int mmd;

	for (mmd = MDIO_MMD_PMAPMD; mmd <= MDIO_MMD_PHYXS; mmd++) {
		if (mmd == MDIO_MMD_WIS) {
			KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, mmd, MDIO_STAT2), 0);
			continue;
		}
		KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, mmd, MDIO_DEVS1),
				MDIO_DEVS_PMAPMD | MDIO_DEVS_PCS | MDIO_DEVS_PHYXS);
		KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, mmd, MDIO_DEVS2), 0);
		KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, mmd, MDIO_DEVID1), 0x7673);
		KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, mmd, MDIO_DEVID2), 0x5c21);
		KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, mmd, MDIO_SPEED),
				MDIO_SPEED_10G);
		KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, mmd, MDIO_STAT2) &
				MDIO_STAT2_DEVPRST, MDIO_STAT2_DEVPRST_VAL);
		KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, mmd, MDIO_CTRL1),
				MDIO_CTRL1_SPEED10G);
	}
	KUNIT_EXPECT_TRUE(test, vsw_phy_c45_read(phy, MDIO_MMD_PMAPMD, MDIO_STAT2) &
			  MDIO_PMA_STAT2_10GBSR);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c45_read(phy, MDIO_MMD_PCS, MDIO_STAT2) &
			  MDIO_PCS_STAT2_10GBR);
	/* Vendor MMDs are absent: their STAT2 says no device. */
	KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, MDIO_MMD_VEND1, MDIO_STAT2), 0);
	KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, MDIO_MMD_AN, MDIO_CTRL1), 0);

	/* Link: partner up; PHY XS also needs the port's PCS in 10GBASE-R. */
	phy->lp.up = true;
	KUNIT_EXPECT_TRUE(test, vsw_phy_resolve(phy));
	KUNIT_EXPECT_EQ(test, phy->speed, SPEED_10000);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c45_read(phy, MDIO_MMD_PMAPMD, MDIO_STAT1) &
			  MDIO_STAT1_LSTATUS);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c45_read(phy, MDIO_MMD_PCS, MDIO_STAT1) &
			  MDIO_STAT1_LSTATUS);
	KUNIT_EXPECT_FALSE(test, vsw_phy_c45_read(phy, MDIO_MMD_PHYXS, MDIO_STAT1) &
			   MDIO_STAT1_LSTATUS);
	phy->sys_ok = true;
	KUNIT_EXPECT_TRUE(test, vsw_phy_c45_read(phy, MDIO_MMD_PHYXS, MDIO_STAT1) &
			  MDIO_STAT1_LSTATUS);
	vsw_phy_sys_end(phy, &me, &far);
	KUNIT_EXPECT_EQ(test, far.mode, VSOC_SW_PCS_MODE_10GBASER);
	KUNIT_EXPECT_TRUE(test, far.signal);

	/* Low power drops the link, latched low per MMD. */
	vsw_phy_c45_write(phy, MDIO_MMD_PMAPMD, MDIO_CTRL1,
			  MDIO_CTRL1_SPEED10G | MDIO_CTRL1_LPOWER);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, phy->link);
	vsw_phy_c45_write(phy, MDIO_MMD_PMAPMD, MDIO_CTRL1, MDIO_CTRL1_SPEED10G);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_TRUE(test, phy->link);
	KUNIT_EXPECT_FALSE(test, vsw_phy_c45_read(phy, MDIO_MMD_PMAPMD, MDIO_STAT1) &
			   MDIO_STAT1_LSTATUS);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c45_read(phy, MDIO_MMD_PMAPMD, MDIO_STAT1) &
			  MDIO_STAT1_LSTATUS);
	KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, MDIO_MMD_PCS,
					       MDIO_PCS_10GBRT_STAT1) &
			MDIO_PCS_10GBRT_STAT1_BLKLK, MDIO_PCS_10GBRT_STAT1_BLKLK);
	/* Reset self-clears; the speed selection cannot change. */
	vsw_phy_c45_write(phy, MDIO_MMD_PMAPMD, MDIO_CTRL1,
			  MDIO_CTRL1_RESET | MDIO_CTRL1_LPOWER);
	KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, MDIO_MMD_PMAPMD, MDIO_CTRL1),
			MDIO_CTRL1_SPEED10G);
	vsw_phy_c45_write(phy, MDIO_MMD_PMAPMD, MDIO_CTRL1, 0);
	KUNIT_EXPECT_EQ(test, vsw_phy_c45_read(phy, MDIO_MMD_PMAPMD, MDIO_CTRL1),
			MDIO_CTRL1_SPEED10G);
}

static void phy_partner_ethtool(struct kunit *test)
{
	struct vsw_phy *phy = phy_linked(test);
	struct ethtool_link_ksettings ks;

	vsw_phy_partner_ksettings(phy, &ks);
	KUNIT_EXPECT_EQ(test, ks.base.speed, SPEED_1000);
	KUNIT_EXPECT_EQ(test, ks.base.duplex, DUPLEX_FULL);
	KUNIT_EXPECT_EQ(test, ks.base.autoneg, AUTONEG_ENABLE);
	KUNIT_EXPECT_TRUE(test, test_bit(ETHTOOL_LINK_MODE_10baseT_Half_BIT,
					 ks.link_modes.advertising));
	KUNIT_EXPECT_TRUE(test, test_bit(ETHTOOL_LINK_MODE_1000baseT_Half_BIT,
					 ks.link_modes.supported));
	/* What the partner hears from the PHY: its reset advertisement. */
	KUNIT_EXPECT_TRUE(test, test_bit(ETHTOOL_LINK_MODE_Pause_BIT,
					 ks.link_modes.lp_advertising));
	KUNIT_EXPECT_FALSE(test, test_bit(ETHTOOL_LINK_MODE_Asym_Pause_BIT,
					  ks.link_modes.lp_advertising));

	/* "advertise 100baseT/Full": the link follows at 100 full. */
	linkmode_zero(ks.link_modes.advertising);
	__set_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT, ks.link_modes.advertising);
	KUNIT_EXPECT_EQ(test, vsw_phy_partner_set(phy, &ks), 0);
	KUNIT_EXPECT_EQ(test, phy->lp.adv, ADVERTISE_CSMA | ADVERTISE_100FULL);
	KUNIT_EXPECT_EQ(test, phy->lp.ctrl1000, 0);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_EQ(test, phy->speed, SPEED_100);
	KUNIT_EXPECT_TRUE(test, phy->full);

	/* "speed 10 autoneg off": forced, the duplex kept (full). */
	vsw_phy_partner_ksettings(phy, &ks);
	ks.base.autoneg = AUTONEG_DISABLE;
	ks.base.speed = SPEED_10;
	ks.base.duplex = DUPLEX_UNKNOWN;
	KUNIT_EXPECT_EQ(test, vsw_phy_partner_set(phy, &ks), 0);
	KUNIT_EXPECT_FALSE(test, phy->lp.an_en);
	KUNIT_EXPECT_EQ(test, phy->lp.speed, SPEED_10);
	KUNIT_EXPECT_TRUE(test, phy->lp.full);
	vsw_phy_resolve(phy);
	/* We negotiate, it is forced: parallel detection at 10 half. */
	KUNIT_EXPECT_TRUE(test, phy->link);
	KUNIT_EXPECT_EQ(test, phy->speed, SPEED_10);
	KUNIT_EXPECT_FALSE(test, phy->full);
	/* The advertisement survives the forced mode. */
	vsw_phy_partner_ksettings(phy, &ks);
	KUNIT_EXPECT_TRUE(test, test_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT,
					 ks.link_modes.advertising));
	KUNIT_EXPECT_EQ(test, ks.base.autoneg, AUTONEG_DISABLE);

	/* Nothing to advertise, a speed it does not have: refused. */
	linkmode_zero(ks.link_modes.advertising);
	__set_bit(ETHTOOL_LINK_MODE_Pause_BIT, ks.link_modes.advertising);
	KUNIT_EXPECT_EQ(test, vsw_phy_partner_set(phy, &ks), -EINVAL);
	vsw_phy_partner_ksettings(phy, &ks);
	ks.base.speed = SPEED_2500;
	KUNIT_EXPECT_EQ(test, vsw_phy_partner_set(phy, &ks), -EINVAL);
	KUNIT_EXPECT_EQ(test, phy->lp.speed, SPEED_10);

	/* The 10G PHY's partner is fixed. */
	phy = phy_new(test, VSW_PHY_10G);
	vsw_phy_partner_ksettings(phy, &ks);
	KUNIT_EXPECT_TRUE(test, test_bit(ETHTOOL_LINK_MODE_10000baseSR_Full_BIT,
					 ks.link_modes.supported));
	KUNIT_EXPECT_EQ(test, vsw_phy_partner_set(phy, &ks), -EOPNOTSUPP);
}

/* BMCR's speed and duplex read the negotiated mode, forced ones as written. */
static void phy_bmcr_resolved(struct kunit *test)
{
	struct vsw_phy *phy = phy_linked(test);
	u16 bmcr;

	/* phylib's forced 1000 after a forced 100: AN, 1000 full only. */
	vsw_phy_c22_write(phy, MII_BMCR, BMCR_SPEED100 | BMCR_FULLDPLX);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_BMCR),
			BMCR_SPEED100 | BMCR_FULLDPLX);
	vsw_phy_c22_write(phy, MII_ADVERTISE, ADVERTISE_CSMA);
	vsw_phy_c22_write(phy, MII_CTRL1000, ADVERTISE_1000FULL);
	vsw_phy_c22_write(phy, MII_BMCR, BMCR_SPEED100 | BMCR_FULLDPLX |
			  BMCR_ANENABLE | BMCR_ANRESTART);
	vsw_phy_resolve(phy);
	KUNIT_ASSERT_TRUE(test, phy->link);
	KUNIT_EXPECT_EQ(test, phy->speed, SPEED_1000);
	bmcr = vsw_phy_c22_read(phy, MII_BMCR);
	KUNIT_EXPECT_EQ(test, bmcr & (BMCR_SPEED1000 | BMCR_SPEED100 | BMCR_FULLDPLX),
			BMCR_SPEED1000 | BMCR_FULLDPLX);
	/* The stored bits are what was written. */
	KUNIT_EXPECT_EQ(test, phy->bmcr & (BMCR_SPEED1000 | BMCR_SPEED100),
			BMCR_SPEED100);
	/* No link: as written. */
	phy->lp.up = false;
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_BMCR) &
			(BMCR_SPEED1000 | BMCR_SPEED100), BMCR_SPEED100);
	/* Parallel detection: 100 half. */
	phy->lp.up = true;
	phy->lp.an_en = false;
	phy->lp.speed = SPEED_100;
	vsw_phy_c22_write(phy, MII_ADVERTISE, ADVERTISE_CSMA | ADVERTISE_ALL);
	vsw_phy_c22_write(phy, MII_BMCR, BMCR_ANENABLE | BMCR_SPEED1000 | BMCR_FULLDPLX);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, MII_BMCR),
			BMCR_ANENABLE | BMCR_SPEED100);
}

/* The vendor line status: cable, energy, link. */
static void phy_line_stat(struct kunit *test)
{
	struct vsw_phy *phy = phy_new(test, VSW_PHY_COPPER_1G);

	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, VSOC_SW_PHY_LINE_STAT), 0);
	phy->cable = true;
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, VSOC_SW_PHY_LINE_STAT),
			VSOC_SW_PHY_LINE_CABLE);
	phy->lp.up = true;
	phy->lp.an_en = false;
	phy->lp.speed = SPEED_1000;
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, phy->link);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, VSOC_SW_PHY_LINE_STAT),
			VSOC_SW_PHY_LINE_CABLE | VSOC_SW_PHY_LINE_ENERGY);
	phy->lp.an_en = true;
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, VSOC_SW_PHY_LINE_STAT),
			VSOC_SW_PHY_LINE_CABLE | VSOC_SW_PHY_LINE_ENERGY |
			VSOC_SW_PHY_LINE_LINK);
	/* Unplugged: whatever the partner does, nothing. */
	phy->cable = false;
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(phy, VSOC_SW_PHY_LINE_STAT) &
			(VSOC_SW_PHY_LINE_CABLE | VSOC_SW_PHY_LINE_ENERGY), 0);
}

/* Two copper PHYs cabled to each other resolve the same link. */
static void phy_to_phy(struct kunit *test)
{
	struct vsw_phy *a = phy_new(test, VSW_PHY_COPPER_1G);
	struct vsw_phy *b = phy_new(test, VSW_PHY_COPPER_1G);
	static const struct {
		u16 bmcr_a, bmcr_b, adv_b, ctrl1000_b;
		bool link;
		int speed;
	} rows[] = {
		/* Both negotiate everything: 1000. */
		{ BMCR_ANENABLE, BMCR_ANENABLE, 0x01e1, 0x0300, true, SPEED_1000 },
		/* b only 100 full: 100. */
		{ BMCR_ANENABLE, BMCR_ANENABLE, 0x0101, 0, true, SPEED_100 },
		/* b 10 only, a negotiates: 10. */
		{ BMCR_ANENABLE, BMCR_ANENABLE, 0x0061, 0, true, SPEED_10 },
		/* Forced 100 both. */
		{ BMCR_SPEED100, BMCR_SPEED100, 0x01e1, 0x0300, true, SPEED_100 },
		/* Forced 10 against forced 100: no link. */
		{ 0, BMCR_SPEED100, 0x01e1, 0x0300, false, 0 },
		/* Forced 10 against negotiating: parallel detection. */
		{ BMCR_FULLDPLX, BMCR_ANENABLE, 0x01e1, 0x0300, true, SPEED_10 },
		/* b powered down: nothing. */
		{ BMCR_ANENABLE, BMCR_ANENABLE | BMCR_PDOWN, 0x01e1, 0x0300, false, 0 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		vsw_phy_c22_write(a, MII_BMCR, rows[i].bmcr_a);
		vsw_phy_c22_write(b, MII_BMCR, rows[i].bmcr_b);
		vsw_phy_c22_write(b, MII_ADVERTISE, rows[i].adv_b);
		vsw_phy_c22_write(b, MII_CTRL1000, rows[i].ctrl1000_b);
		vsw_phy_partner_of_phy(&a->lp, b, true);
		vsw_phy_partner_of_phy(&b->lp, a, true);
		vsw_phy_resolve(a);
		vsw_phy_resolve(b);
		KUNIT_EXPECT_EQ_MSG(test, a->link, rows[i].link, "row %u", i);
		KUNIT_EXPECT_EQ_MSG(test, b->link, rows[i].link, "row %u", i);
		if (!rows[i].link)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, a->speed, rows[i].speed, "row %u", i);
		KUNIT_EXPECT_EQ_MSG(test, b->speed, rows[i].speed, "row %u", i);
	}
	/* A cable without signal (a flap): no energy, no link. */
	vsw_phy_c22_write(a, MII_BMCR, BMCR_ANENABLE);
	vsw_phy_c22_write(b, MII_BMCR, BMCR_ANENABLE);
	vsw_phy_partner_of_phy(&a->lp, b, false);
	KUNIT_EXPECT_FALSE(test, a->lp.up);
	vsw_phy_resolve(a);
	KUNIT_EXPECT_FALSE(test, a->link);
}

/* A MAC speed other than the line's loses the frames. */
static void phy_speed_mismatch(struct kunit *test)
{
	struct vsw_phy *phy = phy_linked(test);
	const u32 up = VSOC_SW_P_MAC_LINK_UP;
	const u32 mac100 = FIELD_PREP(VSOC_SW_P_MAC_SPEED, VSOC_SW_SPEED_100);
	const u32 mac1000 = FIELD_PREP(VSOC_SW_P_MAC_SPEED, VSOC_SW_SPEED_1000);

	KUNIT_ASSERT_EQ(test, phy->speed, SPEED_1000);
	KUNIT_EXPECT_FALSE(test, vsw_phy_speed_mismatch(phy, up | mac1000));
	KUNIT_EXPECT_TRUE(test, vsw_phy_speed_mismatch(phy, up | mac100));
	/* MAC link down, no PHY, no line link: nothing to garble. */
	KUNIT_EXPECT_FALSE(test, vsw_phy_speed_mismatch(phy, mac100));
	KUNIT_EXPECT_FALSE(test, vsw_phy_speed_mismatch(NULL, up));
	vsw_phy_c22_write(phy, MII_BMCR, BMCR_SPEED100 | BMCR_FULLDPLX);
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, vsw_phy_speed_mismatch(phy, up | mac100));
	KUNIT_EXPECT_TRUE(test, vsw_phy_speed_mismatch(phy, up | mac1000));
	phy->lp.up = false;
	vsw_phy_resolve(phy);
	KUNIT_EXPECT_FALSE(test, vsw_phy_speed_mismatch(phy, up));
}

/*
 * A timed PHY's link comes up after its training time (the model's timer
 * is vsw_phy_train_done() here), drops at once, and waits again for a
 * new mode or a restart of its partner.
 */
static void phy_link_timing(struct kunit *test)
{
	struct vsw_phy *a = phy_new(test, VSW_PHY_COPPER_1G);
	struct vsw_phy *b = phy_new(test, VSW_PHY_COPPER_1G);
	unsigned long start, up_at;

	a->timed = true;
	a->lp.up = true;
	/* jiffies may tick while the test runs: bracket, never compare now. */
	start = jiffies;
	KUNIT_EXPECT_FALSE(test, vsw_phy_resolve(a));
	KUNIT_EXPECT_FALSE(test, a->link);
	KUNIT_EXPECT_TRUE(test, a->pend);
	up_at = a->up_at;
	KUNIT_EXPECT_GE(test, up_at - start,
			msecs_to_jiffies(VSW_PHY_AN_LINK_MS +
					 VSW_PHY_1000T_TRAIN_MS));
	KUNIT_EXPECT_LE(test, up_at - jiffies,
			msecs_to_jiffies(VSW_PHY_AN_LINK_MS +
					 VSW_PHY_1000T_TRAIN_MS));
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(a, MII_BMSR) &
			(BMSR_LSTATUS | BMSR_ANEGCOMPLETE), 0);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(a, MII_LPA), 0);
	KUNIT_EXPECT_EQ(test, vsw_phy_c22_read(a, VSOC_SW_PHY_LINE_STAT) &
			VSOC_SW_PHY_LINE_LINK, 0);
	KUNIT_EXPECT_EQ(test, vsw_phy_sgmii_word(a), 0);
	/* Resolving again does not restart the wait. */
	vsw_phy_resolve(a);
	KUNIT_EXPECT_EQ(test, a->up_at, up_at);
	vsw_phy_train_done(a);
	KUNIT_EXPECT_TRUE(test, a->link);
	KUNIT_EXPECT_FALSE(test, a->pend);
	KUNIT_EXPECT_EQ(test, a->speed, SPEED_1000);
	KUNIT_EXPECT_TRUE(test, vsw_phy_c22_read(a, MII_BMSR) & BMSR_ANEGCOMPLETE);
	/* Loss is immediate. */
	a->lp.up = false;
	KUNIT_EXPECT_TRUE(test, vsw_phy_resolve(a));
	KUNIT_EXPECT_FALSE(test, a->link);
	KUNIT_EXPECT_FALSE(test, a->pend);
	/* Forced 100 against a forced 100 PHY: the short wait. */
	vsw_phy_c22_write(a, MII_BMCR, BMCR_SPEED100 | BMCR_FULLDPLX);
	vsw_phy_c22_write(b, MII_BMCR, BMCR_SPEED100 | BMCR_FULLDPLX);
	vsw_phy_partner_of_phy(&a->lp, b, true);
	vsw_phy_resolve(a);
	KUNIT_EXPECT_TRUE(test, a->pend);
	KUNIT_EXPECT_LE(test, a->up_at - jiffies,
			msecs_to_jiffies(VSW_PHY_FORCED_LINK_MS));
	vsw_phy_train_done(a);
	KUNIT_EXPECT_TRUE(test, a->link);
	KUNIT_EXPECT_EQ(test, a->speed, SPEED_100);
	/* The partner restarts negotiating: a (detected at 100) waits again. */
	vsw_phy_c22_write(b, MII_BMCR, BMCR_ANENABLE | BMCR_ANRESTART);
	vsw_phy_partner_of_phy(&a->lp, b, true);
	vsw_phy_resolve(a);
	KUNIT_EXPECT_FALSE(test, a->link);
	KUNIT_EXPECT_TRUE(test, a->pend);
	/* a negotiates too: a new mode, a new wait, then 1000 full. */
	vsw_phy_c22_write(a, MII_BMCR, BMCR_ANENABLE | BMCR_ANRESTART);
	vsw_phy_resolve(a);
	KUNIT_EXPECT_TRUE(test, a->pend);
	KUNIT_EXPECT_TRUE(test, a->pend_an);
	vsw_phy_train_done(a);
	KUNIT_EXPECT_TRUE(test, a->link);
	KUNIT_EXPECT_TRUE(test, a->full);
	/* The partner restarts its negotiation: a's link drops and waits. */
	vsw_phy_c22_write(b, MII_BMCR, BMCR_ANENABLE | BMCR_ANRESTART);
	vsw_phy_partner_of_phy(&a->lp, b, true);
	KUNIT_EXPECT_TRUE(test, vsw_phy_resolve(a));
	KUNIT_EXPECT_FALSE(test, a->link);
	KUNIT_EXPECT_TRUE(test, a->pend);
	/* Training time not over: still down. */
	vsw_phy_resolve(a);
	KUNIT_EXPECT_FALSE(test, a->link);
}

static struct kunit_case phy_cases[] = {
	KUNIT_CASE(phy_c22_defaults),
	KUNIT_CASE(phy_c22_self_clear),
	KUNIT_CASE(phy_bmsr_latch),
	KUNIT_CASE(phy_an_resolution),
	KUNIT_CASE(phy_master_slave),
	KUNIT_CASE(phy_forced),
	KUNIT_CASE(phy_system_side),
	KUNIT_CASE(phy_c45_regs),
	KUNIT_CASE(phy_partner_ethtool),
	KUNIT_CASE(phy_bmcr_resolved),
	KUNIT_CASE(phy_line_stat),
	KUNIT_CASE(phy_to_phy),
	KUNIT_CASE(phy_speed_mismatch),
	KUNIT_CASE(phy_link_timing),
	{}
};

static struct kunit_suite phy_suite = {
	.name = "vsoc-switch-phy",
	.test_cases = phy_cases,
};

/* ---- MDIO controller (switch-model-mdio.c) ---- */

#define MDIO_C22	3	/* address of the copper PHY on the test bus */
#define MDIO_C45	5	/* address of the 10G PHY */

static u32 mdio_frame(bool c45, unsigned int addr, unsigned int reg,
		      unsigned int op)
{
	return VSOC_SW_MDIO_CMD_BUSY | (c45 ? VSOC_SW_MDIO_CMD_C45 : 0) |
	       FIELD_PREP(VSOC_SW_MDIO_CMD_PHYAD, addr) |
	       FIELD_PREP(VSOC_SW_MDIO_CMD_REGAD, reg) |
	       FIELD_PREP(VSOC_SW_MDIO_CMD_OP, op);
}

static struct vsw_mdio *mdio_new(struct kunit *test)
{
	struct vsw_mdio *bus = kunit_kzalloc(test, sizeof(*bus), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, bus);
	bus->phy[MDIO_C22] = phy_new(test, VSW_PHY_COPPER_1G);
	bus->phy[MDIO_C45] = phy_new(test, VSW_PHY_10G);
	return bus;
}

/* One frame; returns MDIO_DATA after it. */
static u32 mdio_do(struct vsw_mdio *bus, u32 cmd, u32 data,
		   struct vsw_phy **changed)
{
	struct vsw_phy *phy;

	bus->data = data;
	phy = vsw_mdio_cmd(bus, cmd);
	if (changed)
		*changed = phy;
	return vsw_mdio_read(bus, VSOC_SW_MDIO_DATA);
}

static void mdio_c22(struct kunit *test)
{
	struct vsw_mdio *bus = mdio_new(test);
	struct vsw_phy *changed;

	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(false, MDIO_C22, MII_PHYSID1,
						      VSOC_SW_MDIO_OP_READ), 0, &changed),
			0x7673);
	KUNIT_EXPECT_NULL(test, changed);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_STATUS),
			VSOC_SW_MDIO_ST_DONE);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_CMD) &
			VSOC_SW_MDIO_CMD_BUSY, 0);
	mdio_do(bus, mdio_frame(false, MDIO_C22, MII_ADVERTISE, VSOC_SW_MDIO_OP_WRITE),
		ADVERTISE_CSMA | ADVERTISE_100FULL, &changed);
	KUNIT_EXPECT_PTR_EQ(test, changed, bus->phy[MDIO_C22]);
	KUNIT_EXPECT_EQ(test, bus->phy[MDIO_C22]->adv, ADVERTISE_CSMA | ADVERTISE_100FULL);
	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(false, MDIO_C22, MII_ADVERTISE,
						      VSOC_SW_MDIO_OP_READ), 0, NULL),
			ADVERTISE_CSMA | ADVERTISE_100FULL);
	/* Without BUSY nothing is sent. */
	bus->status = 0;
	mdio_do(bus, mdio_frame(false, MDIO_C22, MII_BMCR, VSOC_SW_MDIO_OP_WRITE) &
		~VSOC_SW_MDIO_CMD_BUSY, BMCR_PDOWN, &changed);
	KUNIT_EXPECT_NULL(test, changed);
	KUNIT_EXPECT_EQ(test, bus->phy[MDIO_C22]->bmcr, 0x1140);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_STATUS), 0);
}

static void mdio_absent(struct kunit *test)
{
	struct vsw_mdio *bus = mdio_new(test);
	struct vsw_phy *changed;

	/* Nobody at 7; the 10G PHY ignores clause 22, the copper clause 45. */
	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(false, 7, MII_PHYSID1,
						      VSOC_SW_MDIO_OP_READ), 0, NULL),
			0xffff);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_STATUS),
			VSOC_SW_MDIO_ST_DONE | VSOC_SW_MDIO_ST_NO_PHY);
	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(false, MDIO_C45, MII_PHYSID1,
						      VSOC_SW_MDIO_OP_READ), 0, NULL),
			0xffff);
	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(true, MDIO_C22, MDIO_MMD_PMAPMD,
						      VSOC_SW_MDIO_OP_READ), 0, NULL),
			0xffff);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_STATUS),
			VSOC_SW_MDIO_ST_DONE | VSOC_SW_MDIO_ST_NO_PHY);
	/* A write to nobody: no answer, no change, no error. */
	mdio_do(bus, mdio_frame(false, 7, MII_BMCR, VSOC_SW_MDIO_OP_WRITE),
		BMCR_RESET, &changed);
	KUNIT_EXPECT_NULL(test, changed);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_STATUS),
			VSOC_SW_MDIO_ST_DONE);
	/* A successful read clears NO_PHY. */
	mdio_do(bus, mdio_frame(false, MDIO_C22, MII_BMCR, VSOC_SW_MDIO_OP_READ), 0, NULL);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_STATUS),
			VSOC_SW_MDIO_ST_DONE);
}

static void mdio_c45(struct kunit *test)
{
	struct vsw_mdio *bus = mdio_new(test);
	struct vsw_phy *changed;

	mdio_do(bus, mdio_frame(true, MDIO_C45, MDIO_MMD_PMAPMD,
				VSOC_SW_MDIO_OP_ADDRESS), MDIO_DEVID1, &changed);
	KUNIT_EXPECT_NULL(test, changed);
	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(true, MDIO_C45, MDIO_MMD_PMAPMD,
						      VSOC_SW_MDIO_OP_READ), 0, NULL),
			0x7673);
	/* Post-read increment: ID1, then ID2 with a plain read. */
	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(true, MDIO_C45, MDIO_MMD_PMAPMD,
						      VSOC_SW_MDIO_OP_READ_INC), 0, NULL),
			0x7673);
	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(true, MDIO_C45, MDIO_MMD_PMAPMD,
						      VSOC_SW_MDIO_OP_READ), 0, NULL),
			0x5c21);
	/* Each MMD has its own address register. */
	mdio_do(bus, mdio_frame(true, MDIO_C45, MDIO_MMD_PCS, VSOC_SW_MDIO_OP_ADDRESS),
		MDIO_STAT2, NULL);
	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(true, MDIO_C45, MDIO_MMD_PCS,
						      VSOC_SW_MDIO_OP_READ), 0, NULL),
			MDIO_STAT2_DEVPRST_VAL | MDIO_PCS_STAT2_10GBR);
	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(true, MDIO_C45, MDIO_MMD_PMAPMD,
						      VSOC_SW_MDIO_OP_READ), 0, NULL),
			0x5c21);
	/* A write lands at the address register's register. */
	mdio_do(bus, mdio_frame(true, MDIO_C45, MDIO_MMD_PMAPMD, VSOC_SW_MDIO_OP_ADDRESS),
		MDIO_CTRL1, NULL);
	mdio_do(bus, mdio_frame(true, MDIO_C45, MDIO_MMD_PMAPMD, VSOC_SW_MDIO_OP_WRITE),
		MDIO_CTRL1_SPEED10G | MDIO_CTRL1_LPOWER, &changed);
	KUNIT_EXPECT_PTR_EQ(test, changed, bus->phy[MDIO_C45]);
	KUNIT_EXPECT_TRUE(test, bus->phy[MDIO_C45]->ctrl1[MDIO_MMD_PMAPMD] &
			  MDIO_CTRL1_LPOWER);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_STATUS),
			VSOC_SW_MDIO_ST_DONE);
}

static void mdio_bad_op(struct kunit *test)
{
	struct vsw_mdio *bus = mdio_new(test);
	struct vsw_phy *changed;

	mdio_do(bus, mdio_frame(false, MDIO_C22, MII_BMCR, VSOC_SW_MDIO_OP_ADDRESS),
		0, &changed);
	KUNIT_EXPECT_NULL(test, changed);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_STATUS),
			VSOC_SW_MDIO_ST_DONE | VSOC_SW_MDIO_ST_BAD_OP);
	KUNIT_EXPECT_EQ(test, mdio_do(bus, mdio_frame(false, MDIO_C22, MII_BMCR,
						      VSOC_SW_MDIO_OP_READ_INC),
				      0x1234, NULL), 0x1234);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_STATUS),
			VSOC_SW_MDIO_ST_DONE | VSOC_SW_MDIO_ST_BAD_OP);
	/* Soft reset: registers clear, the PHYs keep their state. */
	bus->phy[MDIO_C22]->adv = ADVERTISE_CSMA;
	vsw_mdio_reset(bus);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_STATUS), 0);
	KUNIT_EXPECT_EQ(test, vsw_mdio_read(bus, VSOC_SW_MDIO_DATA), 0);
	KUNIT_EXPECT_EQ(test, bus->phy[MDIO_C22]->adv, ADVERTISE_CSMA);
}

static struct kunit_case mdio_cases[] = {
	KUNIT_CASE(mdio_c22),
	KUNIT_CASE(mdio_absent),
	KUNIT_CASE(mdio_c45),
	KUNIT_CASE(mdio_bad_op),
	{}
};

static struct kunit_suite mdio_suite = {
	.name = "vsoc-switch-mdio",
	.test_cases = mdio_cases,
};

kunit_test_suites(&phy_suite, &mdio_suite);
