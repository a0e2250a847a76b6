// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: phylink on every port, and the ports' PCS.
 *
 * The PCS speaks SGMII and 1000BASE-X with Clause 37 in-band
 * autonegotiation, 2500BASE-X without it (as most PCSes run it and as
 * phylink expects: pcs_inband_caps says so; kernels before 6.14 still
 * ask for in-band with an SFP, the PCS then links on signal) and
 * 10GBASE-R (no in-band word) towards a 10G PHY.
 * Its status register has the MII BMSR layout (link latched low), its
 * partner's word the MII LPA layout; a change of either
 * raises the port's bit in LINK_IRQ_STATUS, which is given to phylink
 * with phylink_pcs_change(). Ports with a fixed-link or with in-band
 * status turned off run the PCS without autonegotiation.
 */
#include <linux/bitfield.h>
#include <linux/mii.h>
#include <linux/of.h>
#include <linux/phylink.h>
#include <linux/regmap.h>

#include "vsoc-switch.h"

#include <vsoc/compat.h>

static struct vsoc_sw_port *vsoc_sw_pcs_port(struct phylink_pcs *pcs)
{
	return container_of(pcs, struct vsoc_sw_port, pcs);
}

static struct vsoc_sw_port *vsoc_sw_config_port(struct phylink_config *config)
{
	return container_of(config, struct vsoc_sw_port, pl_config);
}

/**
 * vsoc_sw_pcs_mode() - PCS_MODE value of a PHY interface mode
 * @interface: the mode
 *
 * Return: VSOC_SW_PCS_MODE_*, VSOC_SW_PCS_MODE_OFF for a mode the PCS
 * does not run in this driver.
 */
u32 vsoc_sw_pcs_mode(phy_interface_t interface)
{
	switch (interface) {
	case PHY_INTERFACE_MODE_SGMII:
		return VSOC_SW_PCS_MODE_SGMII;
	case PHY_INTERFACE_MODE_1000BASEX:
		return VSOC_SW_PCS_MODE_1000BASEX;
	case PHY_INTERFACE_MODE_2500BASEX:
		return VSOC_SW_PCS_MODE_2500BASEX;
	case PHY_INTERFACE_MODE_10GBASER:
		return VSOC_SW_PCS_MODE_10GBASER;
	default:
		return VSOC_SW_PCS_MODE_OFF;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_pcs_mode);

/**
 * vsoc_sw_pcs_ctrl() - PCS_CTRL's mode and AN_EN for phylink's request
 * @interface: the PHY interface mode
 * @neg_mode: PHYLINK_PCS_NEG_*
 *
 * In-band autonegotiation runs only when phylink asks for it and the
 * mode has it here: 2500BASE-X runs without (see the file's head).
 *
 * Return: the PCS_MODE and PCS_AN_EN bits; mode OFF for a mode the PCS
 * does not run.
 */
u32 vsoc_sw_pcs_ctrl(phy_interface_t interface, unsigned int neg_mode)
{
	u32 mode = vsoc_sw_pcs_mode(interface);
	u32 ctrl = FIELD_PREP(VSOC_SW_PCS_MODE, mode);

	if (neg_mode == PHYLINK_PCS_NEG_INBAND_ENABLED &&
	    mode != VSOC_SW_PCS_MODE_OFF && mode != VSOC_SW_PCS_MODE_2500BASEX)
		ctrl |= VSOC_SW_PCS_AN_EN;
	return ctrl;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_pcs_ctrl);

/* IEEE 802.3 Table 28B-3: pause resolution of two Clause 37 pages. */
static int vsoc_sw_pause_resolve(u16 adv, u16 lpa)
{
	bool lsym = adv & ADVERTISE_1000XPAUSE, lasym = adv & ADVERTISE_1000XPSE_ASYM;
	bool rsym = lpa & LPA_1000XPAUSE, rasym = lpa & LPA_1000XPAUSE_ASYM;

	if (lsym && rsym)
		return MLO_PAUSE_TX | MLO_PAUSE_RX;
	if (!lsym && lasym && rsym && rasym)
		return MLO_PAUSE_TX;
	if (lsym && lasym && !rsym && rasym)
		return MLO_PAUSE_RX;
	return 0;
}

static void vsoc_sw_decode_sgmii(u16 lpa, struct phylink_link_state *state)
{
	if (!(lpa & LPA_SGMII_LINK)) {
		state->link = false;
		return;
	}
	switch (lpa & LPA_SGMII_SPD_MASK) {
	case LPA_SGMII_10:
		state->speed = SPEED_10;
		break;
	case LPA_SGMII_100:
		state->speed = SPEED_100;
		break;
	case LPA_SGMII_1000:
		state->speed = SPEED_1000;
		break;
	default:
		state->link = false;
		return;
	}
	state->duplex = lpa & LPA_SGMII_FULL_DUPLEX ? DUPLEX_FULL : DUPLEX_HALF;
}

/**
 * vsoc_sw_pcs_decode() - link state from the PCS's registers
 * @interface: the PCS mode
 * @bmsr: PCS_STATUS
 * @adv: PCS_ADV (our Clause 37 page)
 * @lpa: PCS_LPA (the partner's word)
 * @inband: in-band autonegotiation is in use
 * @state: filled: link, an_complete; with @inband also speed, duplex,
 *	pause and the partner's advertisement
 *
 * A 1000BASE-X link whose pages do not both offer full duplex, or an
 * SGMII word without link, is no link. 10GBASE-R (the port of a 10G
 * PHY) and 2500BASE-X have no in-band word here: their link is 10G or
 * 2.5G full duplex, whatever @inband says.
 */
void vsoc_sw_pcs_decode(phy_interface_t interface, u16 bmsr, u16 adv, u16 lpa,
			bool inband, struct phylink_link_state *state)
{
	state->link = !!(bmsr & BMSR_LSTATUS);
	state->an_complete = !!(bmsr & BMSR_ANEGCOMPLETE);
	if (interface == PHY_INTERFACE_MODE_10GBASER ||
	    interface == PHY_INTERFACE_MODE_2500BASEX) {
		/* No in-band word: the mode is the speed. */
		state->an_complete = false;
		if (state->link) {
			state->speed = interface == PHY_INTERFACE_MODE_2500BASEX ?
				       SPEED_2500 : SPEED_10000;
			state->duplex = DUPLEX_FULL;
		}
		return;
	}
	if (!state->link || !inband)
		return;
	if (!state->an_complete) {
		state->link = false;
		return;
	}

	switch (interface) {
	case PHY_INTERFACE_MODE_1000BASEX:
		linkmode_mod_bit(ETHTOOL_LINK_MODE_1000baseX_Full_BIT,
				 state->lp_advertising, lpa & LPA_1000XFULL);
		linkmode_mod_bit(ETHTOOL_LINK_MODE_Pause_BIT,
				 state->lp_advertising, lpa & LPA_1000XPAUSE);
		linkmode_mod_bit(ETHTOOL_LINK_MODE_Asym_Pause_BIT,
				 state->lp_advertising, lpa & LPA_1000XPAUSE_ASYM);
		linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, state->lp_advertising);
		if (!(adv & ADVERTISE_1000XFULL) || !(lpa & LPA_1000XFULL)) {
			state->link = false;
			return;
		}
		state->speed = SPEED_1000;
		state->duplex = DUPLEX_FULL;
		state->pause = vsoc_sw_pause_resolve(adv, lpa);
		break;
	case PHY_INTERFACE_MODE_SGMII:
		vsoc_sw_decode_sgmii(lpa, state);
		break;
	default:
		state->link = false;
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_pcs_decode);

static void vsoc_sw_pcs_get_state(VSOC_PCS_GET_STATE_ARGS)
{
	struct vsoc_sw_port *port = vsoc_sw_pcs_port(pcs);
	struct regmap *map = port->sw->map;
	unsigned int ctrl, bmsr, adv, lpa;

	if (regmap_read(map, vsoc_sw_preg(port, VSOC_SW_P_PCS_CTRL), &ctrl) ||
	    regmap_read(map, vsoc_sw_preg(port, VSOC_SW_P_PCS_STATUS), &bmsr) ||
	    regmap_read(map, vsoc_sw_preg(port, VSOC_SW_P_PCS_ADV), &adv) ||
	    regmap_read(map, vsoc_sw_preg(port, VSOC_SW_P_PCS_LPA), &lpa)) {
		state->link = false;
		return;
	}
	vsoc_sw_pcs_decode(state->interface, bmsr, adv, lpa,
			   ctrl & VSOC_SW_PCS_AN_EN, state);
}

static int vsoc_sw_pcs_config(struct phylink_pcs *pcs, unsigned int neg_mode,
			      phy_interface_t interface,
			      const unsigned long *advertising,
			      bool permit_pause_to_mac)
{
	struct vsoc_sw_port *port = vsoc_sw_pcs_port(pcs);
	struct regmap *map = port->sw->map;
	u32 mode = vsoc_sw_pcs_mode(interface);
	unsigned int old_adv, ctrl;
	int adv, ret;

	if (mode == VSOC_SW_PCS_MODE_OFF)
		return -EINVAL;
	adv = phylink_mii_c22_pcs_encode_advertisement(interface, advertising);
	if (adv < 0)
		adv = 0;
	ret = regmap_read(map, vsoc_sw_preg(port, VSOC_SW_P_PCS_ADV), &old_adv);
	if (!ret)
		ret = regmap_write(map, vsoc_sw_preg(port, VSOC_SW_P_PCS_ADV), adv);
	if (ret)
		return ret;
	ctrl = vsoc_sw_pcs_ctrl(interface, neg_mode);
	ret = regmap_update_bits(map, vsoc_sw_preg(port, VSOC_SW_P_PCS_CTRL),
				 VSOC_SW_PCS_MODE | VSOC_SW_PCS_AN_EN, ctrl);
	if (ret)
		return ret;
	/* A new advertisement is only sent by a new negotiation. */
	return (ctrl & VSOC_SW_PCS_AN_EN) && old_adv != adv;
}

static void vsoc_sw_pcs_an_restart(struct phylink_pcs *pcs)
{
	struct vsoc_sw_port *port = vsoc_sw_pcs_port(pcs);

	regmap_update_bits(port->sw->map, vsoc_sw_preg(port, VSOC_SW_P_PCS_CTRL),
			   VSOC_SW_PCS_AN_RESTART, VSOC_SW_PCS_AN_RESTART);
}

/* Powered down, the PCS sends nothing: the partner loses the link. */
static void vsoc_sw_pcs_disable(struct phylink_pcs *pcs)
{
	struct vsoc_sw_port *port = vsoc_sw_pcs_port(pcs);

	regmap_update_bits(port->sw->map, vsoc_sw_preg(port, VSOC_SW_P_PCS_CTRL),
			   VSOC_SW_PCS_MODE | VSOC_SW_PCS_AN_EN, 0);
}

#ifdef VSOC_PCS_INBAND_CAPS
static unsigned int vsoc_sw_pcs_inband_caps(struct phylink_pcs *pcs,
					    phy_interface_t interface)
{
	switch (vsoc_sw_pcs_mode(interface)) {
	case VSOC_SW_PCS_MODE_OFF:
		return 0;
	case VSOC_SW_PCS_MODE_2500BASEX:
	case VSOC_SW_PCS_MODE_10GBASER:
		return LINK_INBAND_DISABLE;
	default:
		return LINK_INBAND_DISABLE | LINK_INBAND_ENABLE;
	}
}
#endif

static const struct phylink_pcs_ops vsoc_sw_pcs_ops = {
#ifdef VSOC_PCS_INBAND_CAPS
	.pcs_inband_caps = vsoc_sw_pcs_inband_caps,
#endif
	.pcs_get_state = vsoc_sw_pcs_get_state,
	.pcs_config = vsoc_sw_pcs_config,
	.pcs_an_restart = vsoc_sw_pcs_an_restart,
	.pcs_disable = vsoc_sw_pcs_disable,
};

static struct phylink_pcs *vsoc_sw_mac_select_pcs(struct phylink_config *config,
						  phy_interface_t interface)
{
	struct vsoc_sw_port *port = vsoc_sw_config_port(config);

	if (vsoc_sw_pcs_mode(interface) == VSOC_SW_PCS_MODE_OFF)
		return NULL;
	return &port->pcs;
}

static void vsoc_sw_mac_config(struct phylink_config *config, unsigned int mode,
			       const struct phylink_link_state *state)
{
	/* The MAC has nothing per interface mode; the PCS has it all. */
}

static void vsoc_sw_mac_link_down(struct phylink_config *config, unsigned int mode,
				  phy_interface_t interface)
{
	struct vsoc_sw_port *port = vsoc_sw_config_port(config);

	regmap_write(port->sw->map, vsoc_sw_preg(port, VSOC_SW_P_MAC_CFG), 0);
}

static void vsoc_sw_mac_link_up(struct phylink_config *config,
				struct phy_device *phy, unsigned int mode,
				phy_interface_t interface, int speed, int duplex,
				bool tx_pause, bool rx_pause)
{
	struct vsoc_sw_port *port = vsoc_sw_config_port(config);
	u32 cfg = VSOC_SW_P_MAC_LINK_UP;

	switch (speed) {
	case SPEED_10:
		cfg |= FIELD_PREP(VSOC_SW_P_MAC_SPEED, VSOC_SW_SPEED_10);
		break;
	case SPEED_100:
		cfg |= FIELD_PREP(VSOC_SW_P_MAC_SPEED, VSOC_SW_SPEED_100);
		break;
	case SPEED_2500:
		cfg |= FIELD_PREP(VSOC_SW_P_MAC_SPEED, VSOC_SW_SPEED_2500);
		break;
	case SPEED_10000:
		cfg |= FIELD_PREP(VSOC_SW_P_MAC_SPEED, VSOC_SW_SPEED_10000);
		break;
	default:
		cfg |= FIELD_PREP(VSOC_SW_P_MAC_SPEED, VSOC_SW_SPEED_1000);
		break;
	}
	if (duplex == DUPLEX_FULL)
		cfg |= VSOC_SW_P_MAC_FULL_DUPLEX;
	if (tx_pause)
		cfg |= VSOC_SW_P_MAC_TX_PAUSE;
	if (rx_pause)
		cfg |= VSOC_SW_P_MAC_RX_PAUSE;
	regmap_write(port->sw->map, vsoc_sw_preg(port, VSOC_SW_P_MAC_CFG), cfg);
}

static const struct phylink_mac_ops vsoc_sw_mac_ops = {
	.mac_select_pcs = vsoc_sw_mac_select_pcs,
	.mac_config = vsoc_sw_mac_config,
	.mac_link_down = vsoc_sw_mac_link_down,
	.mac_link_up = vsoc_sw_mac_link_up,
};

/**
 * vsoc_sw_phylink_create() - the port's PCS and phylink instance
 * @port: the port, its interface allocated
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_phylink_create(struct vsoc_sw_port *port)
{
	struct phylink_config *config = &port->pl_config;
	struct phylink *pl;

	port->pcs.ops = &vsoc_sw_pcs_ops;
	vsoc_pcs_use_neg_mode(&port->pcs);
	config->dev = &port->ndev->dev;
	config->type = PHYLINK_NETDEV;
	config->mac_capabilities = MAC_ASYM_PAUSE | MAC_SYM_PAUSE | MAC_10 |
				   MAC_100 | MAC_1000FD | MAC_2500FD | MAC_10000FD;
	__set_bit(PHY_INTERFACE_MODE_SGMII, config->supported_interfaces);
	__set_bit(PHY_INTERFACE_MODE_1000BASEX, config->supported_interfaces);
	/* 2500BASE-X: a 2.5G SFP module (or a partner in that mode). */
	__set_bit(PHY_INTERFACE_MODE_2500BASEX, config->supported_interfaces);
	/* 10GBASE-R: the system side of a 10G PHY. */
	__set_bit(PHY_INTERFACE_MODE_10GBASER, config->supported_interfaces);

	pl = phylink_create(config, of_fwnode_handle(port->np), port->phy_mode,
			    &vsoc_sw_mac_ops);
	if (IS_ERR(pl))
		return PTR_ERR(pl);
	port->phylink = pl;
	return 0;
}

/**
 * vsoc_sw_link_irq() - hand the ports' PCS events to phylink
 * @sw: the switch
 *
 * Interrupt context. The status read clears the latched-low link, and
 * so tells phylink whether the link dropped since the last look.
 */
void vsoc_sw_link_irq(struct vsoc_sw *sw)
{
	unsigned int pending, bmsr;
	unsigned long bits;
	int i;

	if (regmap_read(sw->map, VSOC_SW_LINK_IRQ_STATUS, &pending))
		return;
	regmap_write(sw->map, VSOC_SW_LINK_IRQ_STATUS, pending);
	bits = pending & VSOC_SW_PM_FRONT;
	for_each_set_bit(i, &bits, VSOC_SW_MAX_PORTS) {
		struct vsoc_sw_port *port = sw->ports[i];

		if (!port || regmap_read(sw->map, vsoc_sw_preg(port, VSOC_SW_P_PCS_STATUS),
					 &bmsr))
			continue;
		phylink_pcs_change(&port->pcs, bmsr & BMSR_LSTATUS);
	}
}
