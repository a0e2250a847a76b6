// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-phy: the PHY driver of the board's copper SFP module. The sfp
 * driver finds the module's PHY at I2C address 0x56 and registers it;
 * phylink takes its abilities from it right away, so a driver must bind
 * at registration (the generic driver binds only at attach, too late).
 * The module table lets phylib load this module for the PHY's ID. The
 * PHY is plain IEEE 802.3 clause 22: phylib's generic operations run it.
 * The switch's own MDIO PHYs stay on the generic drivers.
 *
 * The module can be pulled while phylib polls its PHY, before the sfp
 * driver sees MOD_DEF0 and detaches the PHY: the I2C reads then NACK,
 * which mdio-i2c turns into 0xffff (and writes into an I2C error).
 * Decoded as registers, all-ones read as a link with a master/slave
 * fault (-ENOLINK) and phylib warns. An operation that finds the PHY
 * gone returns -ENODEV instead, phylib's "the PHY went away".
 */
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/phy.h>

#include <vsoc/switch-regs.h>

/*
 * The PHY no longer answers: its ID register reads all-ones (an absent
 * I2C device through mdio-i2c) or the read fails. No PHY has ID 0xffff.
 */
static bool vsoc_phy_gone(struct phy_device *phydev)
{
	int id1 = phy_read(phydev, MII_PHYSID1);

	return id1 < 0 || id1 == 0xffff;
}

/**
 * vsoc_phy_read_status() - genphy_read_status(), -ENODEV once the module
 * is out
 * @phydev: the module's PHY
 *
 * The PHY is checked after the status reads: what they returned is the
 * PHY's only while it still answers afterwards.
 *
 * Return: 0, -ENODEV if the PHY is gone, or genphy_read_status()'s error.
 */
static int vsoc_phy_read_status(struct phy_device *phydev)
{
	int ret = genphy_read_status(phydev);

	if (vsoc_phy_gone(phydev))
		return -ENODEV;
	return ret;
}

static int vsoc_phy_config_aneg(struct phy_device *phydev)
{
	int ret = genphy_config_aneg(phydev);

	if (ret && vsoc_phy_gone(phydev))
		return -ENODEV;
	return ret;
}

static struct phy_driver vsoc_phy_drivers[] = {
	{
		PHY_ID_MATCH_EXACT(VSOC_SW_SFP_PHY_ID_1G),
		.name = "vsoc SFP 1000BASE-T",
		/* Abilities from BMSR/ESTATUS, genphy_*() otherwise. */
		.config_aneg = vsoc_phy_config_aneg,
		.read_status = vsoc_phy_read_status,
		.suspend = genphy_suspend,
		.resume = genphy_resume,
	},
};
module_phy_driver(vsoc_phy_drivers);

static const struct mdio_device_id __maybe_unused vsoc_phy_ids[] = {
	{ PHY_ID_MATCH_EXACT(VSOC_SW_SFP_PHY_ID_1G) },
	{ }
};
MODULE_DEVICE_TABLE(mdio, vsoc_phy_ids);

MODULE_DESCRIPTION("vsoc copper SFP module PHY (IEEE 802.3 clause 22)");
MODULE_LICENSE("GPL");
