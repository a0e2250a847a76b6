// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the PCS of a front port as plain logic. What one
 * end of a cable sees from the other: signal, the mode's in-band word,
 * whether in-band autonegotiation completes, and the BMSR-layout status
 * register. The link logic that applies it to the board's cables is in
 * switch-model-link.c.
 */
#include <linux/mii.h>

#include <vsoc/compat.h>

#include "switch-model.h"

/**
 * vsw_pcs_partner_word() - the in-band word a link partner interface sends
 * @mode: the PCS mode of the port it is cabled to (it adapts)
 *
 * Return: SGMII: a PHY's word with link, full duplex, 1000 Mb/s;
 * 1000BASE-X: a Clause 37 base page with full duplex, symmetric pause
 * and the acknowledge bit; otherwise 0 (2500BASE-X and 10GBASE-R run
 * without in-band word here).
 */
VISIBLE_IF_KUNIT u16 vsw_pcs_partner_word(u8 mode)
{
	switch (mode) {
	case VSOC_SW_PCS_MODE_SGMII:
		return LPA_SGMII_LINK | LPA_SGMII_FULL_DUPLEX | LPA_SGMII_1000 |
		       0x0001;
	case VSOC_SW_PCS_MODE_1000BASEX:
		return ADVERTISE_1000XFULL | ADVERTISE_1000XPAUSE | LPA_LPACK;
	default:
		return 0;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_pcs_partner_word);

/**
 * vsw_pcs_resolve() - the link one end of a cable has
 * @me: this end
 * @far: the other end
 * @lpa: the partner word this end received (0 without in-band AN)
 * @an_done: in-band autonegotiation completed at this end
 *
 * There is a link when this end is powered, the far end sends a signal
 * in the same mode and, with AN_EN here, the far end autonegotiates too
 * (an end with AN_EN never links with a forced one; a forced end links
 * on signal). 10GBASE-R and 2500BASE-X have no in-band autonegotiation:
 * they link on signal whatever AN_EN says (2500BASE-X at 2500 full, as
 * most PCSes run it). An SGMII word
 * without its link bit gives no link.
 *
 * Return: true when this end has a link.
 */
VISIBLE_IF_KUNIT bool vsw_pcs_resolve(const struct vsw_pcs_end *me,
				      const struct vsw_pcs_end *far,
				      u16 *lpa, bool *an_done)
{
	*lpa = 0;
	*an_done = false;
	if (me->mode == VSOC_SW_PCS_MODE_OFF || !far->signal ||
	    far->mode != me->mode)
		return false;
	if (me->mode == VSOC_SW_PCS_MODE_10GBASER ||
	    me->mode == VSOC_SW_PCS_MODE_2500BASEX || !me->an_en)
		return true;
	if (!far->an_en)
		return false;
	*lpa = far->word;
	*an_done = true;
	if (me->mode == VSOC_SW_PCS_MODE_SGMII)
		return far->word & LPA_SGMII_LINK;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_pcs_resolve);

/**
 * vsw_pcs_status() - P_PCS_STATUS
 * @p: the port
 *
 * Return: BMSR layout: BMSR_LSTATUS (latched low: 0 if the link went
 * down since the last read), BMSR_ANEGCAPABLE, BMSR_ANEGCOMPLETE.
 */
VISIBLE_IF_KUNIT u32 vsw_pcs_status(const struct vsw_port *p)
{
	u32 val = BMSR_ANEGCAPABLE;

	if (p->link && !p->latched_low)
		val |= BMSR_LSTATUS;
	if (p->an_done)
		val |= BMSR_ANEGCOMPLETE;
	return val;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_pcs_status);
