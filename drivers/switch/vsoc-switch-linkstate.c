// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: why a port's link is down (ethtool's link extended state,
 * "Link detected: no (REASON)"). A port behind one of the board's copper
 * PHYs (on the switch's MDIO bus, or a copper SFP module's) reads the
 * PHY's vendor line status (VSOC_SW_PHY_LINE_STAT) and BMCR through
 * phylib's locked accessors: no cable; a cable but no partner
 * transmitting, with autonegotiation or forced; a partner that transmits
 * but no common mode. Other ports, and a link that is up: -ENODATA.
 * Specification: "PHYs" in Documentation/vsoc-switch-regs.rst.
 */
#include <linux/ethtool.h>
#include <linux/mii.h>
#include <linux/netdevice.h>
#include <linux/phy.h>

#include "vsoc-switch.h"

#include <vsoc/compat.h>

/**
 * vsoc_sw_link_ext_state_decode() - the link-down reason of PHY registers
 * @bmcr: the PHY's BMCR
 * @line: its VSOC_SW_PHY_LINE_STAT
 * @forced: the link is configured forced (ethtool autoneg off), also when
 *	phylib runs a forced 1000 through autonegotiation
 * @info: filled
 *
 * Return: 0, or -ENODATA when the line link is up.
 */
int vsoc_sw_link_ext_state_decode(u16 bmcr, u16 line, bool forced,
				  struct ethtool_link_ext_state_info *info)
{
	if (line & VSOC_SW_PHY_LINE_LINK)
		return -ENODATA;
	if (!(line & VSOC_SW_PHY_LINE_CABLE)) {
		info->link_ext_state = ETHTOOL_LINK_EXT_STATE_NO_CABLE;
		return 0;
	}
	info->link_ext_state = ETHTOOL_LINK_EXT_STATE_AUTONEG;
	if (forced || !(bmcr & BMCR_ANENABLE))
		info->autoneg = ETHTOOL_LINK_EXT_SUBSTATE_AN_NO_PARTNER_DETECTED_FORCE_MODE;
	else if (!(line & VSOC_SW_PHY_LINE_ENERGY))
		info->autoneg = ETHTOOL_LINK_EXT_SUBSTATE_AN_NO_PARTNER_DETECTED;
	else
		info->autoneg = ETHTOOL_LINK_EXT_SUBSTATE_AN_NO_HCD;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_link_ext_state_decode);

/* The board's copper PHYs: the MDIO bus's and the copper SFP module's. */
static bool vsoc_sw_phy_has_line_stat(const struct phy_device *phydev)
{
	u32 id = phydev->phy_id;

	return !phydev->is_c45 &&
	       (id == VSOC_SW_PHY_ID_1G || id == VSOC_SW_SFP_PHY_ID_1G);
}

/**
 * vsoc_sw_get_link_ext_state() - ethtool_ops.get_link_ext_state
 * @ndev: the port's interface (up: its PHY is attached)
 * @info: filled
 *
 * Return: 0, or -ENODATA when the link is up, the port has no PHY of the
 * board or its registers cannot be read.
 */
int vsoc_sw_get_link_ext_state(struct net_device *ndev,
			       struct ethtool_link_ext_state_info *info)
{
	struct phy_device *phydev = ndev->phydev;
	int bmcr, line;

	if (netif_carrier_ok(ndev) || !phydev ||
	    !vsoc_sw_phy_has_line_stat(phydev))
		return -ENODATA;
	bmcr = phy_read(phydev, MII_BMCR);
	line = phy_read(phydev, VSOC_SW_PHY_LINE_STAT);
	if (bmcr < 0 || line < 0)
		return -ENODATA;
	return vsoc_sw_link_ext_state_decode(bmcr, line,
					     phydev->autoneg == AUTONEG_DISABLE,
					     info);
}
