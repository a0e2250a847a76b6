// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the board's PHYs as plain logic (no lock, no board:
 * the KUnit suite drives them directly). A 1G copper PHY with the IEEE
 * 802.3 clause 22 registers (clause 28 autonegotiation, 1000BASE-T
 * abilities in CTRL1000/STAT1000) and a 10G PHY with clause 45 MMDs
 * (PMA/PMD, PCS, PHY XS). Each PHY's line side faces a link partner
 * (struct vsw_phy_partner), its system side a front port's PCS
 * (vsw_phy_sys_end()). Register access by register number is the API a
 * PHY reached by another bus (a copper SFP's PHY over I2C) reuses:
 * vsw_phy_c22_read(), vsw_phy_c22_write(), then vsw_phy_resolve(). The
 * partner's ethtool link settings (the lp<N> interface behind a PHY)
 * map to struct vsw_phy_partner here too.
 * Specification: "PHYs" in Documentation/vsoc-switch-regs.rst.
 */
#include <linux/bitfield.h>
#include <linux/ethtool.h>
#include <linux/jiffies.h>
#include <linux/linkmode.h>
#include <linux/mdio.h>
#include <linux/mii.h>
#include <linux/string.h>

#include <vsoc/compat.h>

#include "switch-model.h"

#define VSW_BMCR_RESET_VAL	(BMCR_ANENABLE | BMCR_FULLDPLX | BMCR_SPEED1000)
#define VSW_ADV_RESET_VAL	(ADVERTISE_CSMA | ADVERTISE_ALL | ADVERTISE_PAUSE_CAP)
#define VSW_ADV_WRITABLE	(ADVERTISE_ALL | ADVERTISE_PAUSE_CAP | \
				 ADVERTISE_PAUSE_ASYM | ADVERTISE_RFAULT | \
				 ADVERTISE_NPAGE)
#define VSW_CTRL1000_RESET_VAL	(ADVERTISE_1000FULL | ADVERTISE_1000HALF)
#define VSW_CTRL1000_WRITABLE	(ADVERTISE_1000FULL | ADVERTISE_1000HALF | \
				 CTL1000_PREFER_MASTER | CTL1000_AS_MASTER | \
				 CTL1000_ENABLE_MASTER)
/* BMSR 1.6: management frames with the preamble suppressed accepted. */
#define VSW_BMSR_MFPS		0x0040
#define VSW_BMSR_ABILITIES	(BMSR_ERCAP | BMSR_ANEGCAPABLE | \
				 VSW_BMSR_MFPS | BMSR_ESTATEN | \
				 BMSR_10HALF | BMSR_10FULL | BMSR_100HALF | \
				 BMSR_100FULL)
#define VSW_BMCR_SPEED		(BMCR_SPEED1000 | BMCR_SPEED100)
/* Clause 45: control 1 with the 10 Gb/s speed selection (read-only). */
#define VSW_C45_CTRL1_RESET_VAL	MDIO_CTRL1_SPEED10G
#define VSW_C45_CTRL1_WRITABLE	(MDIO_CTRL1_LPOWER | BMCR_LOOPBACK | \
				 MDIO_PMA_CTRL1_LOOPBACK)
/* 3.32.12: 10GBASE-R PCS receive link status. */
#define VSW_PCS_10GBR_STAT1_RLINK	0x1000
#define VSW_C45_DEVS		(MDIO_DEVS_PMAPMD | MDIO_DEVS_PCS | \
				 MDIO_DEVS_PHYXS)

/* Modes of annex 28B.3, highest priority first. */
static const struct {
	u16 adv;		/* bit in ADVERTISE, or 0 */
	u16 adv1000;		/* bit in CTRL1000, or 0 */
	int speed;
	bool full;
} vsw_phy_modes[] = {
	{ 0, ADVERTISE_1000FULL, SPEED_1000, true },
	{ 0, ADVERTISE_1000HALF, SPEED_1000, false },
	{ ADVERTISE_100FULL, 0, SPEED_100, true },
	{ ADVERTISE_100HALF, 0, SPEED_100, false },
	{ ADVERTISE_10FULL, 0, SPEED_10, true },
	{ ADVERTISE_10HALF, 0, SPEED_10, false },
};

/**
 * vsw_phy_partner_default() - what a link partner interface offers
 * @lp: filled: not up, autonegotiating, 10/100/1000 half and full,
 *	symmetric and asymmetric pause; forced (when told) 1000 full
 */
void vsw_phy_partner_default(struct vsw_phy_partner *lp)
{
	lp->up = false;
	lp->an_en = true;
	lp->adv = ADVERTISE_CSMA | ADVERTISE_ALL | ADVERTISE_PAUSE_CAP |
		  ADVERTISE_PAUSE_ASYM;
	lp->ctrl1000 = ADVERTISE_1000FULL | ADVERTISE_1000HALF;
	lp->speed = SPEED_1000;
	lp->full = true;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_partner_default);

static void vsw_phy_c22_defaults(struct vsw_phy *phy)
{
	phy->bmcr = VSW_BMCR_RESET_VAL;
	phy->adv = VSW_ADV_RESET_VAL;
	phy->ctrl1000 = VSW_CTRL1000_RESET_VAL;
	phy->page_rx = false;
}

static void vsw_phy_c45_defaults(struct vsw_phy *phy, int devad)
{
	if (devad < 0 || devad == MDIO_MMD_PMAPMD) {
		phy->ctrl1[MDIO_MMD_PMAPMD] = VSW_C45_CTRL1_RESET_VAL;
		phy->pma_ctrl2 = MDIO_PMA_CTRL2_10GBSR;
	}
	if (devad < 0 || devad == MDIO_MMD_PCS)
		phy->ctrl1[MDIO_MMD_PCS] = VSW_C45_CTRL1_RESET_VAL;
	if (devad < 0 || devad == MDIO_MMD_PHYXS)
		phy->ctrl1[MDIO_MMD_PHYXS] = VSW_C45_CTRL1_RESET_VAL;
}

/**
 * vsw_phy_init() - a PHY out of its hardware reset
 * @phy: the PHY
 * @kind: VSW_PHY_COPPER_1G or VSW_PHY_10G
 *
 * Not attached to a port, its partner absent (vsw_phy_partner_default()).
 */
void vsw_phy_init(struct vsw_phy *phy, enum vsw_phy_kind kind)
{
	memset(phy, 0, sizeof(*phy));
	phy->kind = kind;
	phy->id = VSW_PHY_ID_1G;
	phy->port = -1;
	phy->speed = SPEED_UNKNOWN;
	vsw_phy_partner_default(&phy->lp);
	vsw_phy_c22_defaults(phy);
	vsw_phy_c45_defaults(phy, -1);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_init);

/* Our abilities against an autonegotiating partner's: the best common mode. */
static bool vsw_phy_an_hcd(u16 adv, u16 adv1000, const struct vsw_phy_partner *lp,
			   int *speed, bool *full)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vsw_phy_modes); i++) {
		u16 a = vsw_phy_modes[i].adv, g = vsw_phy_modes[i].adv1000;

		if ((a && (adv & a) && (lp->adv & a)) ||
		    (g && (adv1000 & g) && (lp->ctrl1000 & g))) {
			*speed = vsw_phy_modes[i].speed;
			*full = vsw_phy_modes[i].full;
			return true;
		}
	}
	return false;
}

/* The speed of forced BMCR bits (SPEED_UNKNOWN for the reserved value). */
static int vsw_phy_bmcr_speed(u16 bmcr)
{
	switch (bmcr & VSW_BMCR_SPEED) {
	case 0:
		return SPEED_10;
	case BMCR_SPEED100:
		return SPEED_100;
	case BMCR_SPEED1000:
		return SPEED_1000;
	default:
		return SPEED_UNKNOWN;
	}
}

/* ADVERTISE bits of a speed, either duplex. */
static bool vsw_phy_lp_has_speed(const struct vsw_phy_partner *lp, int speed)
{
	if (!lp->an_en)
		return lp->speed == speed;
	switch (speed) {
	case SPEED_10:
		return lp->adv & (ADVERTISE_10HALF | ADVERTISE_10FULL);
	case SPEED_100:
		return lp->adv & (ADVERTISE_100HALF | ADVERTISE_100FULL);
	case SPEED_1000:
		return lp->ctrl1000 & (ADVERTISE_1000HALF | ADVERTISE_1000FULL);
	default:
		return false;
	}
}

/**
 * vsw_phy_partner_of_phy() - a copper PHY as the line partner of another
 * @lp: filled from @peer's registers
 * @peer: the copper PHY at the cable's far end
 * @up: the cable carries signal (no flap holds it down)
 *
 * The far PHY transmits unless powered down; it negotiates with its
 * ADVERTISE and CTRL1000 when BMCR enables it, else it runs the forced
 * speed and duplex of its BMCR.
 */
void vsw_phy_partner_of_phy(struct vsw_phy_partner *lp,
			    const struct vsw_phy *peer, bool up)
{
	lp->up = up && !(peer->bmcr & BMCR_PDOWN);
	lp->an_en = peer->bmcr & BMCR_ANENABLE;
	lp->adv = peer->adv;
	lp->ctrl1000 = peer->ctrl1000;
	lp->speed = vsw_phy_bmcr_speed(peer->bmcr);
	lp->full = peer->bmcr & BMCR_FULLDPLX;
	lp->restarts = peer->restarts;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_partner_of_phy);

/**
 * vsw_phy_c22_link() - the copper link a configuration gives
 * @phy: the PHY (its BMCR, ADVERTISE, CTRL1000 and partner)
 * @speed: the resolved speed
 * @full: the resolved duplex
 * @an_done: autonegotiation completed (with the partner's pages, or by
 *	parallel detection of a forced 10/100 partner)
 *
 * Return: true when the link comes up.
 */
bool vsw_phy_c22_link(const struct vsw_phy *phy, int *speed, bool *full,
		      bool *an_done)
{
	const struct vsw_phy_partner *lp = &phy->lp;

	*an_done = false;
	if (!lp->up || (phy->bmcr & BMCR_PDOWN))
		return false;
	if (!(phy->bmcr & BMCR_ANENABLE)) {
		/* Forced: an autonegotiating partner detects us. */
		*speed = vsw_phy_bmcr_speed(phy->bmcr);
		*full = phy->bmcr & BMCR_FULLDPLX;
		return *speed != SPEED_UNKNOWN && vsw_phy_lp_has_speed(lp, *speed);
	}
	if (lp->an_en) {
		*an_done = vsw_phy_an_hcd(phy->adv, phy->ctrl1000, lp, speed, full);
		return *an_done;
	}
	/* Parallel detection (28.2.3.1): 10/100 only, half duplex. */
	if (lp->speed != SPEED_10 && lp->speed != SPEED_100)
		return false;
	if (!(phy->adv & (lp->speed == SPEED_10 ? ADVERTISE_10HALF | ADVERTISE_10FULL :
			  ADVERTISE_100HALF | ADVERTISE_100FULL)))
		return false;
	*speed = lp->speed;
	*full = false;
	*an_done = true;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_c22_link);

/* LPA of a completed negotiation: the partner's page, or what was detected. */
static u16 vsw_phy_lpa(const struct vsw_phy *phy)
{
	const struct vsw_phy_partner *lp = &phy->lp;

	if (!phy->an_done)
		return 0;
	if (lp->an_en)
		return lp->adv | LPA_LPACK;
	return ADVERTISE_CSMA |
	       (lp->speed == SPEED_10 ? LPA_10HALF : LPA_100HALF);
}

/* Master unless configured or preferring otherwise (the partner adapts). */
static bool vsw_phy_master(u16 ctrl1000)
{
	if (ctrl1000 & CTL1000_ENABLE_MASTER)
		return ctrl1000 & CTL1000_AS_MASTER;
	return ctrl1000 & CTL1000_PREFER_MASTER;
}

static u16 vsw_phy_stat1000(const struct vsw_phy *phy)
{
	u16 val = 0;

	if (!phy->an_done || !phy->lp.an_en)
		return 0;
	if (phy->lp.ctrl1000 & ADVERTISE_1000FULL)
		val |= LPA_1000FULL;
	if (phy->lp.ctrl1000 & ADVERTISE_1000HALF)
		val |= LPA_1000HALF;
	if (phy->link && phy->speed == SPEED_1000) {
		val |= LPA_1000LOCALRXOK | LPA_1000REMRXOK;
		if (vsw_phy_master(phy->ctrl1000))
			val |= LPA_1000MSRES;
	}
	return val;
}

/* The 10G PHY: line link, and system side in sync with the port's PCS. */
static bool vsw_phy_c45_link(const struct vsw_phy *phy)
{
	return phy->lp.up &&
	       !(phy->ctrl1[MDIO_MMD_PMAPMD] & MDIO_CTRL1_LPOWER) &&
	       !(phy->ctrl1[MDIO_MMD_PCS] & MDIO_CTRL1_LPOWER);
}

/* The link is lost (latched low if it was up) and any wait ends. */
static void vsw_phy_link_lost(struct vsw_phy *phy)
{
	if (phy->link) {
		phy->latched_low = true;
		memset(phy->ll, 1, sizeof(phy->ll));
	}
	phy->link = false;
	phy->an_done = false;
	phy->speed = SPEED_UNKNOWN;
	phy->pend = false;
}

/**
 * vsw_phy_link_drop() - a restart or reset: the link drops for a moment
 * @phy: the PHY
 *
 * Latched low if it was up; vsw_phy_resolve() brings it back after its
 * training time. A PHY cabled to this one trains again too.
 */
static void vsw_phy_link_drop(struct vsw_phy *phy)
{
	vsw_phy_link_lost(phy);
	phy->restarts++;
}

/* The time a copper link in this mode takes to come up. */
static unsigned int vsw_phy_link_ms(int speed, bool an_done)
{
	if (!an_done)
		return VSW_PHY_FORCED_LINK_MS;
	if (speed == SPEED_1000)
		return VSW_PHY_AN_LINK_MS + VSW_PHY_1000T_TRAIN_MS;
	return VSW_PHY_AN_LINK_MS;
}

/*
 * A copper link able to come up in a mode it does not run yet waits for
 * its training time: true while it waits (the wait restarts when the
 * mode changes). A link already up in that mode stays up.
 */
static bool vsw_phy_wait(struct vsw_phy *phy, int speed, bool full, bool an_done)
{
	if (!phy->timed || phy->kind != VSW_PHY_COPPER_1G ||
	    (phy->link && phy->speed == speed && phy->full == full &&
	     phy->an_done == an_done)) {
		phy->pend = false;
		return false;
	}
	if (!phy->pend || phy->pend_speed != speed || phy->pend_full != full ||
	    phy->pend_an != an_done) {
		phy->pend = true;
		phy->pend_speed = speed;
		phy->pend_full = full;
		phy->pend_an = an_done;
		phy->up_at = jiffies + msecs_to_jiffies(vsw_phy_link_ms(speed, an_done));
		return true;
	}
	if (time_before(jiffies, phy->up_at))
		return true;
	phy->pend = false;
	return false;
}

/**
 * vsw_phy_resolve() - the PHY's link after a change
 * @phy: the PHY, its registers and partner up to date
 *
 * A link that drops, or changes speed or duplex on the way, is latched
 * low in BMSR (each MMD's status 1 for the 10G PHY) until read. A link
 * drops at once; a @timed copper PHY's link comes up (BMSR link and AN
 * complete, LPA, STAT1000, the line status, the SGMII side) only once
 * its training time passed (@pend, @up_at: the caller calls again then).
 * A restart of the cabled partner PHY drops the link and starts the wait
 * again.
 *
 * Return: true when the link, its speed or duplex changed.
 */
bool vsw_phy_resolve(struct vsw_phy *phy)
{
	bool link, full = true, an_done = false, was_up = phy->link;
	int speed = SPEED_10000;
	bool changed;

	if (phy->timed && phy->lp.restarts != phy->lp_restarts) {
		/* The partner trains again: so does this end. */
		phy->lp_restarts = phy->lp.restarts;
		vsw_phy_link_lost(phy);
	}
	if (phy->kind == VSW_PHY_10G)
		link = vsw_phy_c45_link(phy);
	else
		link = vsw_phy_c22_link(phy, &speed, &full, &an_done);
	if (!link)
		phy->pend = false;
	else if (vsw_phy_wait(phy, speed, full, an_done))
		link = false;
	if (!link) {
		speed = SPEED_UNKNOWN;
		full = false;
		an_done = false;
	}
	changed = link != was_up ||
		  (link && (speed != phy->speed || full != phy->full));
	if (changed && phy->link) {
		phy->latched_low = true;
		memset(phy->ll, 1, sizeof(phy->ll));
	}
	if (an_done && !phy->an_done)
		phy->page_rx = true;
	phy->link = link;
	phy->speed = speed;
	phy->full = full;
	phy->an_done = an_done;
	return changed;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_resolve);

/**
 * vsw_phy_train_done() - a waiting copper link's training time is over
 * @phy: the PHY
 *
 * What the model's timer does when @phy->up_at comes, at once (for the
 * KUnit suite): the link comes up if it still can.
 */
void vsw_phy_train_done(struct vsw_phy *phy)
{
	if (phy->pend)
		phy->up_at = jiffies;
	vsw_phy_resolve(phy);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_train_done);

/*
 * BMCR: while autonegotiation is on, its speed and duplex bits "have no
 * effect" and need not reflect the operating mode (IEEE 802.3
 * 22.2.4.1.3); this PHY reads them as the resolved mode once the
 * negotiation completed (what phylib's forced 1000, which negotiates,
 * reads back). The stored bits are what was written.
 */
static u16 vsw_phy_bmcr_read(const struct vsw_phy *phy)
{
	u16 val = phy->bmcr;

	if (!(val & BMCR_ANENABLE) || !phy->an_done || !phy->link)
		return val;
	val &= ~(VSW_BMCR_SPEED | BMCR_FULLDPLX);
	if (phy->speed == SPEED_1000)
		val |= BMCR_SPEED1000;
	else if (phy->speed == SPEED_100)
		val |= BMCR_SPEED100;
	if (phy->full)
		val |= BMCR_FULLDPLX;
	return val;
}

/* The vendor line status: cable plugged, partner transmitting, link. */
static u16 vsw_phy_line_stat(const struct vsw_phy *phy)
{
	u16 val = 0;

	if (phy->cable)
		val |= VSOC_SW_PHY_LINE_CABLE;
	if (phy->cable && phy->lp.up)
		val |= VSOC_SW_PHY_LINE_ENERGY;
	if (phy->link)
		val |= VSOC_SW_PHY_LINE_LINK;
	return val;
}

static u16 vsw_phy_bmsr(struct vsw_phy *phy)
{
	u16 val = VSW_BMSR_ABILITIES;

	if (phy->link && !phy->latched_low)
		val |= BMSR_LSTATUS;
	if (phy->an_done)
		val |= BMSR_ANEGCOMPLETE;
	phy->latched_low = false;
	return val;
}

static u16 vsw_phy_expansion(struct vsw_phy *phy)
{
	u16 val = EXPANSION_ENABLENPAGE;

	if (phy->an_done && phy->lp.an_en)
		val |= EXPANSION_NWAY | EXPANSION_NPCAPABLE;
	if (phy->page_rx)
		val |= EXPANSION_LCWP;
	phy->page_rx = false;
	return val;
}

/**
 * vsw_phy_c22_read() - read a clause 22 register
 * @phy: a VSW_PHY_COPPER_1G PHY
 * @reg: register, 0..31
 *
 * BMSR's read ends the latched-low period of its link bit; EXPANSION's
 * clears its page-received bit. BMCR's speed and duplex read the
 * negotiated mode while autonegotiation is on and completed.
 * Unimplemented registers read 0.
 *
 * Return: the value.
 */
u16 vsw_phy_c22_read(struct vsw_phy *phy, unsigned int reg)
{
	switch (reg) {
	case MII_BMCR:
		return vsw_phy_bmcr_read(phy);
	case MII_BMSR:
		return vsw_phy_bmsr(phy);
	case MII_PHYSID1:
		return phy->id >> 16;
	case MII_PHYSID2:
		return phy->id & 0xffff;
	case MII_ADVERTISE:
		return phy->adv;
	case MII_LPA:
		return vsw_phy_lpa(phy);
	case MII_EXPANSION:
		return vsw_phy_expansion(phy);
	case MII_CTRL1000:
		return phy->ctrl1000;
	case MII_STAT1000:
		return vsw_phy_stat1000(phy);
	case MII_ESTATUS:
		return ESTATUS_1000_TFULL | ESTATUS_1000_THALF;
	case VSOC_SW_PHY_LINE_STAT:
		return vsw_phy_line_stat(phy);
	default:
		return 0;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_c22_read);

static void vsw_phy_bmcr_write(struct vsw_phy *phy, u16 val)
{
	if (val & BMCR_RESET) {
		vsw_phy_c22_defaults(phy);
		vsw_phy_link_drop(phy);
		return;
	}
	/* RESET and ANRESTART self-clear. */
	phy->bmcr = val & ~(BMCR_RESET | BMCR_ANRESTART | BMCR_CTST | BMCR_RESV);
	if ((val & BMCR_ANRESTART) && (val & BMCR_ANENABLE))
		vsw_phy_link_drop(phy);
}

/**
 * vsw_phy_c22_write() - write a clause 22 register
 * @phy: a VSW_PHY_COPPER_1G PHY
 * @reg: register, 0..31
 * @val: value
 *
 * BMCR's RESET (all registers back to their reset values) and ANRESTART
 * self-clear and drop the link for a moment. The caller then runs
 * vsw_phy_resolve() (the model's glue does, with the port's PCS).
 */
void vsw_phy_c22_write(struct vsw_phy *phy, unsigned int reg, u16 val)
{
	switch (reg) {
	case MII_BMCR:
		vsw_phy_bmcr_write(phy, val);
		break;
	case MII_ADVERTISE:
		phy->adv = (val & VSW_ADV_WRITABLE) | ADVERTISE_CSMA;
		break;
	case MII_CTRL1000:
		phy->ctrl1000 = val & VSW_CTRL1000_WRITABLE;
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_c22_write);

static u16 vsw_phy_c45_stat1(struct vsw_phy *phy, int devad)
{
	bool link = devad == MDIO_MMD_PHYXS ? phy->link && phy->sys_ok : phy->link;
	u16 val = MDIO_STAT1_LPOWERABLE;

	if (link && !phy->ll[devad])
		val |= MDIO_STAT1_LSTATUS;
	phy->ll[devad] = false;
	return val;
}

static u16 vsw_phy_c45_stat2(int devad)
{
	switch (devad) {
	case MDIO_MMD_PMAPMD:
		return MDIO_STAT2_DEVPRST_VAL | MDIO_PMA_STAT2_10GBSR |
		       MDIO_PMA_STAT2_10GBLR | MDIO_PMA_STAT2_10GBER |
		       MDIO_PMA_STAT2_LBABLE;
	case MDIO_MMD_PCS:
		return MDIO_STAT2_DEVPRST_VAL | MDIO_PCS_STAT2_10GBR;
	default:
		return MDIO_STAT2_DEVPRST_VAL;
	}
}

static bool vsw_phy_c45_has(int devad)
{
	return devad >= 0 && devad < VSW_PHY_MMDS && (VSW_C45_DEVS & BIT(devad));
}

/**
 * vsw_phy_c45_read() - read a clause 45 register
 * @phy: a VSW_PHY_10G PHY
 * @devad: MMD
 * @reg: register in it
 *
 * Status 1's read ends the latched-low period of that MMD's link bit.
 * Registers (and MMDs) the PHY does not have read 0.
 *
 * Return: the value.
 */
u16 vsw_phy_c45_read(struct vsw_phy *phy, int devad, u16 reg)
{
	if (!vsw_phy_c45_has(devad))
		return 0;
	switch (reg) {
	case MDIO_CTRL1:
		return phy->ctrl1[devad];
	case MDIO_STAT1:
		return vsw_phy_c45_stat1(phy, devad);
	case MDIO_DEVID1:
		return VSW_PHY_ID_10G >> 16;
	case MDIO_DEVID2:
		return VSW_PHY_ID_10G & 0xffff;
	case MDIO_SPEED:
		return MDIO_SPEED_10G;
	case MDIO_DEVS1:
		return VSW_C45_DEVS;
	case MDIO_CTRL2:
		return devad == MDIO_MMD_PMAPMD ? phy->pma_ctrl2 : 0;
	case MDIO_STAT2:
		return vsw_phy_c45_stat2(devad);
	case MDIO_PCS_10GBRT_STAT1:
		if (devad != MDIO_MMD_PCS || !phy->link)
			return 0;
		return VSW_PCS_10GBR_STAT1_RLINK | MDIO_PCS_10GBRT_STAT1_BLKLK;
	default:
		return 0;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_c45_read);

/**
 * vsw_phy_c45_write() - write a clause 45 register
 * @phy: a VSW_PHY_10G PHY
 * @devad: MMD
 * @reg: register in it
 * @val: value
 *
 * Control 1's RESET (self-clearing) brings that MMD's registers back to
 * their reset values and drops the link for a moment; LPOWER and the
 * loopback bit are stored, the speed selection is fixed at 10 Gb/s. The
 * caller then runs vsw_phy_resolve().
 */
void vsw_phy_c45_write(struct vsw_phy *phy, int devad, u16 reg, u16 val)
{
	if (!vsw_phy_c45_has(devad))
		return;
	switch (reg) {
	case MDIO_CTRL1:
		if (val & MDIO_CTRL1_RESET) {
			vsw_phy_c45_defaults(phy, devad);
			vsw_phy_link_drop(phy);
			break;
		}
		phy->ctrl1[devad] = VSW_C45_CTRL1_RESET_VAL |
				    (val & VSW_C45_CTRL1_WRITABLE);
		break;
	case MDIO_CTRL2:
		if (devad == MDIO_MMD_PMAPMD)
			phy->pma_ctrl2 = val & MDIO_PMA_CTRL2_TYPE;
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_c45_write);

/**
 * vsw_phy_speed_mismatch() - the MAC runs another speed than the line
 * @phy: the port's PHY
 * @mac_cfg: the port's P_MAC_CFG
 *
 * With the MAC's link up, a copper PHY's line link up and the two speeds
 * different, frames between MAC and PHY are garbled (SGMII repeats each
 * byte 10 or 100 times below 1000 Mb/s, the MAC must know how often).
 *
 * Return: true when frames are lost that way.
 */
bool vsw_phy_speed_mismatch(const struct vsw_phy *phy, u32 mac_cfg)
{
	static const int speeds[] = {
		[VSOC_SW_SPEED_10] = SPEED_10,
		[VSOC_SW_SPEED_100] = SPEED_100,
		[VSOC_SW_SPEED_1000] = SPEED_1000,
		[VSOC_SW_SPEED_2500] = SPEED_2500,
		[VSOC_SW_SPEED_10000] = SPEED_10000,
	};
	u32 sel = FIELD_GET(VSOC_SW_P_MAC_SPEED, mac_cfg);

	if (!phy || phy->kind != VSW_PHY_COPPER_1G || !phy->link ||
	    !(mac_cfg & VSOC_SW_P_MAC_LINK_UP))
		return false;
	return sel >= ARRAY_SIZE(speeds) || speeds[sel] != phy->speed;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_speed_mismatch);

/**
 * vsw_phy_sgmii_word() - the SGMII word of the copper PHY's system side
 * @phy: the PHY
 *
 * Return: LPA_SGMII_LINK with the resolved speed and duplex, 0 without a
 * link.
 */
u16 vsw_phy_sgmii_word(const struct vsw_phy *phy)
{
	u16 word = 0x0001 | LPA_SGMII_LINK;

	if (!phy->link)
		return 0;
	if (phy->full)
		word |= LPA_SGMII_FULL_DUPLEX;
	if (phy->speed == SPEED_1000)
		word |= LPA_SGMII_1000;
	else if (phy->speed == SPEED_100)
		word |= LPA_SGMII_100;
	return word;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_sgmii_word);

/**
 * vsw_phy_sys_end() - the PHY's system side as the port's PCS sees it
 * @phy: the PHY
 * @me: the port's PCS (the PHY follows its in-band AN setting)
 * @far: filled
 *
 * The copper PHY speaks SGMII, the 10G PHY 10GBASE-R. Either sends only
 * while its line link is up (and the copper PHY is not isolated or
 * powered down), so the PCS link of the port is the whole path's.
 */
void vsw_phy_sys_end(const struct vsw_phy *phy, const struct vsw_pcs_end *me,
		     struct vsw_pcs_end *far)
{
	memset(far, 0, sizeof(*far));
	far->an_en = me->an_en;
	if (phy->kind == VSW_PHY_10G) {
		far->mode = VSOC_SW_PCS_MODE_10GBASER;
		far->signal = phy->link &&
			      !(phy->ctrl1[MDIO_MMD_PHYXS] & MDIO_CTRL1_LPOWER);
		return;
	}
	far->mode = VSOC_SW_PCS_MODE_SGMII;
	far->signal = phy->link && !(phy->bmcr & (BMCR_ISOLATE | BMCR_PDOWN));
	far->word = vsw_phy_sgmii_word(phy);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_sys_end);

/* The partner's copper link modes and their MII bits. */
static const struct {
	int bit;		/* ETHTOOL_LINK_MODE_*_BIT */
	u16 adv;		/* in ADVERTISE */
	u16 adv1000;		/* in CTRL1000 */
} vsw_phy_lp_modes[] = {
	{ ETHTOOL_LINK_MODE_10baseT_Half_BIT, ADVERTISE_10HALF, 0 },
	{ ETHTOOL_LINK_MODE_10baseT_Full_BIT, ADVERTISE_10FULL, 0 },
	{ ETHTOOL_LINK_MODE_100baseT_Half_BIT, ADVERTISE_100HALF, 0 },
	{ ETHTOOL_LINK_MODE_100baseT_Full_BIT, ADVERTISE_100FULL, 0 },
	{ ETHTOOL_LINK_MODE_1000baseT_Half_BIT, 0, ADVERTISE_1000HALF },
	{ ETHTOOL_LINK_MODE_1000baseT_Full_BIT, 0, ADVERTISE_1000FULL },
	{ ETHTOOL_LINK_MODE_Pause_BIT, ADVERTISE_PAUSE_CAP, 0 },
	{ ETHTOOL_LINK_MODE_Asym_Pause_BIT, ADVERTISE_PAUSE_ASYM, 0 },
};

static void vsw_phy_modes_from_mii(unsigned long *modes, u16 adv, u16 adv1000)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vsw_phy_lp_modes); i++)
		if ((adv & vsw_phy_lp_modes[i].adv) ||
		    (adv1000 & vsw_phy_lp_modes[i].adv1000))
			__set_bit(vsw_phy_lp_modes[i].bit, modes);
}

/**
 * vsw_phy_partner_ksettings() - the link partner's ethtool link settings
 * @phy: the PHY whose line side the partner faces
 * @ks: filled: supported and advertised modes (the stored advertisement,
 *	also while forced), the PHY's own modes as the partner's
 *	lp_advertising once negotiated, speed and duplex of the link
 *	(unknown without one), autoneg
 *
 * The copper PHY's partner offers 10/100/1000BASE-T and pause, the 10G
 * PHY's is a fixed 10GBASE-SR end.
 */
void vsw_phy_partner_ksettings(const struct vsw_phy *phy,
			       struct ethtool_link_ksettings *ks)
{
	const struct vsw_phy_partner *lp = &phy->lp;
	unsigned long *sup = ks->link_modes.supported;

	memset(ks, 0, sizeof(*ks));
	ks->base.speed = phy->link ? phy->speed : SPEED_UNKNOWN;
	ks->base.duplex = !phy->link ? DUPLEX_UNKNOWN :
			  phy->full ? DUPLEX_FULL : DUPLEX_HALF;
	if (phy->kind == VSW_PHY_10G) {
		__set_bit(ETHTOOL_LINK_MODE_10000baseSR_Full_BIT, sup);
		__set_bit(ETHTOOL_LINK_MODE_FIBRE_BIT, sup);
		linkmode_copy(ks->link_modes.advertising, sup);
		ks->base.port = PORT_FIBRE;
		ks->base.autoneg = AUTONEG_DISABLE;
		return;
	}
	vsw_phy_modes_from_mii(sup, 0xffff, 0xffff);
	__set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, sup);
	__set_bit(ETHTOOL_LINK_MODE_TP_BIT, sup);
	vsw_phy_modes_from_mii(ks->link_modes.advertising, lp->adv, lp->ctrl1000);
	__set_bit(ETHTOOL_LINK_MODE_TP_BIT, ks->link_modes.advertising);
	if (lp->an_en)
		__set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, ks->link_modes.advertising);
	if (phy->an_done && lp->an_en) {
		vsw_phy_modes_from_mii(ks->link_modes.lp_advertising, phy->adv,
				       phy->ctrl1000);
		__set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, ks->link_modes.lp_advertising);
	}
	ks->base.port = PORT_TP;
	ks->base.autoneg = lp->an_en ? AUTONEG_ENABLE : AUTONEG_DISABLE;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_partner_ksettings);

/**
 * vsw_phy_partner_set() - ethtool -s on the link partner of a copper PHY
 * @phy: the PHY
 * @ks: the new settings
 *
 * The advertised modes (at least one speed) are stored whatever autoneg
 * says; with autoneg off the partner is forced to @ks's speed (10, 100,
 * 1000; unknown keeps the forced speed) and duplex (unknown keeps it).
 * The caller resolves the links again.
 *
 * Return: 0, -EOPNOTSUPP for the 10G PHY's fixed partner, -EINVAL for
 * modes or a speed the partner does not have.
 */
int vsw_phy_partner_set(struct vsw_phy *phy, const struct ethtool_link_ksettings *ks)
{
	struct vsw_phy_partner *lp = &phy->lp;
	u16 adv = ADVERTISE_CSMA, adv1000 = 0;
	int speed = ks->base.speed;
	unsigned int i;

	if (phy->kind == VSW_PHY_10G)
		return -EOPNOTSUPP;
	for (i = 0; i < ARRAY_SIZE(vsw_phy_lp_modes); i++) {
		if (!test_bit(vsw_phy_lp_modes[i].bit, ks->link_modes.advertising))
			continue;
		adv |= vsw_phy_lp_modes[i].adv;
		adv1000 |= vsw_phy_lp_modes[i].adv1000;
	}
	if (!(adv & ADVERTISE_ALL) && !adv1000)
		return -EINVAL;
	if (ks->base.autoneg == AUTONEG_DISABLE && speed != SPEED_UNKNOWN &&
	    speed != SPEED_10 && speed != SPEED_100 && speed != SPEED_1000)
		return -EINVAL;
	lp->adv = adv;
	lp->ctrl1000 = adv1000;
	lp->an_en = ks->base.autoneg == AUTONEG_ENABLE;
	/* The partner restarts its link with the new settings. */
	lp->restarts++;
	if (lp->an_en)
		return 0;
	if (speed != SPEED_UNKNOWN)
		lp->speed = speed;
	if (ks->base.duplex == DUPLEX_FULL || ks->base.duplex == DUPLEX_HALF)
		lp->full = ks->base.duplex == DUPLEX_FULL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_phy_partner_set);
