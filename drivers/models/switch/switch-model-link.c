// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: cables and links. A front port's cable ends at its
 * link partner interface (lp<N>), at another front port (loopback cable)
 * or nowhere; the PCS of each end resolves the link from what the other
 * end sends (switch-model-pcs.c). A port with an external PHY
 * (switch-model-phy.c) has the PHY's system side as its far end, and the
 * PHY's line side ends at the link partner; a port with an SFP cage
 * (switch-model-sfp-cage.c) reaches its partner through the module. A
 * copper PHY's link comes up after its training time (vsw_phy_work()). Link
 * and AN changes set the port's bit in LINK_IRQ_STATUS; a link partner's
 * carrier follows the link. All functions here run with the model's lock
 * held.
 */
#include <linux/bitfield.h>
#include <linux/netdevice.h>
#include <linux/string.h>

#include "switch-model.h"

static void vsw_near_end(struct vsw_model *m, unsigned int port,
			 struct vsw_pcs_end *me)
{
	const struct vsw_port *p = &m->core->port[port];

	me->mode = FIELD_GET(VSOC_SW_PCS_MODE, p->pcs_ctrl);
	me->an_en = p->pcs_ctrl & VSOC_SW_PCS_AN_EN;
	me->signal = me->mode != VSOC_SW_PCS_MODE_OFF && !m->mp[port].flap_down;
	me->word = p->pcs_adv;
}

/* The port's link partner is there, up and not in a flap. */
static bool vsw_partner_up(const struct vsw_mport *mp)
{
	return mp->cable == VSW_CABLE_PARTNER && mp->lp && mp->lp_up &&
	       !mp->flap_down;
}

static void vsw_far_end(struct vsw_model *m, unsigned int port,
			const struct vsw_pcs_end *me, struct vsw_pcs_end *far)
{
	const struct vsw_mport *mp = &m->mp[port];

	if (mp->phy) {
		vsw_phy_sys_end(mp->phy, me, far);
		return;
	}
	if (mp->cage) {
		vsw_cage_far_end(mp->cage, vsw_partner_up(mp), me, far);
		return;
	}
	memset(far, 0, sizeof(*far));
	switch (mp->cable) {
	case VSW_CABLE_PARTNER:
		/* The partner adapts to the port's mode and AN setting. */
		far->mode = me->mode;
		far->an_en = me->an_en;
		far->signal = mp->lp && mp->lp_up;
		far->word = vsw_pcs_partner_word(me->mode);
		break;
	case VSW_CABLE_PORT:
		vsw_near_end(m, mp->peer, far);
		break;
	default:
		break;
	}
}

/* Run the PHY timer by a waiting link's end of training, if earlier. */
static void vsw_phy_timer_arm(struct vsw_model *m, const struct vsw_phy *phy)
{
	long delay = (long)(phy->up_at - jiffies);

	if (m->dying)
		return;
	if (delay < 0)
		delay = 0;
	/* +1: the timer runs at up_at or later, never a tick early. */
	if (!delayed_work_pending(&m->phy_work) ||
	    time_before(phy->up_at + 1, m->phy_work.timer.expires))
		mod_delayed_work(m->wq, &m->phy_work, delay + 1);
}

/*
 * The line side of a port's PHY ends at the port's link partner, or at
 * the copper PHY of another port (a PHY-to-PHY cable); its PHY XS (10G)
 * sees whether the port's PCS runs 10GBASE-R.
 */
static void vsw_link_phy(struct vsw_model *m, unsigned int port)
{
	const struct vsw_port *p = &m->core->port[port];
	struct vsw_mport *mp = &m->mp[port];
	struct vsw_phy *phy = mp->phy;

	phy->cable = mp->cable != VSW_CABLE_NONE;
	if (mp->cable == VSW_CABLE_PORT && m->mp[mp->peer].phy)
		vsw_phy_partner_of_phy(&phy->lp, m->mp[mp->peer].phy,
				       !mp->flap_down && !m->mp[mp->peer].flap_down);
	else
		/* A copper SFP's PHY is off with the module's transmitter. */
		phy->lp.up = vsw_partner_up(mp) &&
			     (!mp->cage || vsw_cage_laser_on(mp->cage));
	phy->sys_ok = FIELD_GET(VSOC_SW_PCS_MODE, p->pcs_ctrl) ==
		      VSOC_SW_PCS_MODE_10GBASER;
	vsw_phy_resolve(phy);
	if (phy->pend)
		vsw_phy_timer_arm(m, phy);
}

static void vsw_link_update_one(struct vsw_model *m, unsigned int port)
{
	struct vsw_port *p = &m->core->port[port];
	struct vsw_mport *mp = &m->mp[port];
	struct vsw_pcs_end me, far;
	bool link, an_done = false, carrier;
	u16 lpa = 0;

	if (mp->phy)
		vsw_link_phy(m, port);
	vsw_near_end(m, port, &me);
	vsw_far_end(m, port, &me, &far);
	link = !mp->flap_down && vsw_pcs_resolve(&me, &far, &lpa, &an_done);
	if (link != p->link || an_done != p->an_done)
		m->link_irq_status |= BIT(port);
	if (!link && p->link)
		p->latched_low = true;
	p->link = link;
	p->an_done = an_done;
	p->lpa = lpa;
	if (mp->cage)
		vsw_cage_pins_update(mp->cage, vsw_partner_up(mp));
	if (!mp->lp)
		return;
	/* Behind a PHY, the partner sees the PHY's line link. */
	carrier = mp->phy ? mp->phy->link : link;
	if (carrier && mp->cable == VSW_CABLE_PARTNER)
		netif_carrier_on(mp->lp);
	else
		netif_carrier_off(mp->lp);
}

/**
 * vsw_link_update() - resolve the link of a port and of its cable's far end
 * @m: the model, lock held
 * @port: the port
 *
 * The caller updates the interrupt line afterwards.
 */
void vsw_link_update(struct vsw_model *m, unsigned int port)
{
	vsw_link_update_one(m, port);
	if (m->mp[port].cable == VSW_CABLE_PORT)
		vsw_link_update_one(m, m->mp[port].peer);
}

void vsw_link_update_all(struct vsw_model *m)
{
	unsigned int i;

	for (i = 0; i < m->core->nports; i++)
		vsw_link_update_one(m, i);
}

/**
 * vsw_link_an_restart() - PCS_AN_RESTART: autonegotiation runs again
 * @m: the model, lock held
 * @port: the port
 *
 * The link drops for the restart (latched low at both ends) and comes
 * back at once if it resolves; both ends see a link change.
 */
void vsw_link_an_restart(struct vsw_model *m, unsigned int port)
{
	struct vsw_mport *mp = &m->mp[port];
	struct vsw_port *p = &m->core->port[port];

	if (p->link) {
		p->latched_low = true;
		m->link_irq_status |= BIT(port);
	}
	if (mp->cable == VSW_CABLE_PORT && m->core->port[mp->peer].link) {
		m->core->port[mp->peer].latched_low = true;
		m->link_irq_status |= BIT(mp->peer);
	}
	vsw_link_update(m, port);
}

static void vsw_cable_unplug(struct vsw_model *m, unsigned int port)
{
	struct vsw_mport *mp = &m->mp[port];
	unsigned int peer = mp->peer;

	if (mp->cable == VSW_CABLE_PORT) {
		m->mp[peer].cable = VSW_CABLE_NONE;
		/* Its PHY's partner was this port's PHY: a fresh lp<N>. */
		if (m->mp[peer].phy)
			vsw_phy_partner_default(&m->mp[peer].phy->lp);
		vsw_link_update_one(m, peer);
	}
	if (mp->cable == VSW_CABLE_PORT && mp->phy)
		vsw_phy_partner_default(&mp->phy->lp);
	mp->cable = VSW_CABLE_NONE;
}

/* Both ends of a loopback cable without a PHY, or both with a copper PHY. */
static bool vsw_cable_fits(const struct vsw_model *m, unsigned int a,
			   unsigned int b)
{
	const struct vsw_phy *pa = m->mp[a].phy, *pb = m->mp[b].phy;

	if (!pa || !pb)
		return !pa && !pb;
	return pa->kind == VSW_PHY_COPPER_1G && pb->kind == VSW_PHY_COPPER_1G;
}

/**
 * vsw_cable_set() - plug a port's cable elsewhere
 * @m: the model, lock held
 * @port: the port
 * @cable: where its cable now ends
 * @peer: the far port of a loopback cable
 *
 * The far port's old cable is unplugged. A link partner cable needs the
 * port's lp interface (created by the caller).
 *
 * Return: 0, or -EINVAL for a port the ASIC does not have, a cable to
 * itself or a loopback cable between a port with a PHY and one without
 * (or with a 10G PHY), -ENODEV for a partner cable without an interface.
 */
int vsw_cable_set(struct vsw_model *m, unsigned int port,
		  enum vsw_cable cable, unsigned int peer)
{
	unsigned int n = m->core->nports;

	if (port >= n || (cable == VSW_CABLE_PORT && (peer >= n || peer == port)))
		return -EINVAL;
	/* A PHY's line side ends at a link partner or another copper PHY. */
	if (cable == VSW_CABLE_PORT && !vsw_cable_fits(m, port, peer))
		return -EINVAL;
	if (cable == VSW_CABLE_PARTNER && !m->mp[port].lp)
		return -ENODEV;
	vsw_cable_unplug(m, port);
	if (cable == VSW_CABLE_PORT) {
		vsw_cable_unplug(m, peer);
		m->mp[peer].cable = VSW_CABLE_PORT;
		m->mp[peer].peer = port;
	}
	m->mp[port].cable = cable;
	m->mp[port].peer = peer;
	vsw_link_update(m, port);
	return 0;
}

/**
 * vsw_flap_work() - one step of the link flaps debugfs asked for
 * @work: the model's flap_work
 *
 * Every VSW_FLAP_MS, a port with flaps left goes down or comes back up.
 */
void vsw_flap_work(struct work_struct *work)
{
	struct vsw_model *m = container_of(to_delayed_work(work),
					   struct vsw_model, flap_work);
	bool more = false;
	unsigned int i;

	spin_lock_irq(&m->lock);
	for (i = 0; i < m->core->nports; i++) {
		struct vsw_mport *mp = &m->mp[i];

		if (!mp->flap_left)
			continue;
		if (mp->flap_down)
			mp->flap_left--;
		mp->flap_down = !mp->flap_down;
		vsw_link_update(m, i);
		more |= mp->flap_left > 0;
	}
	vsw_update_irq(m);
	if (more && !m->dying)
		queue_delayed_work(m->wq, &m->flap_work,
				   msecs_to_jiffies(VSW_FLAP_MS));
	spin_unlock_irq(&m->lock);
}

/**
 * vsw_phy_work() - copper PHY links whose training time passed come up
 * @work: the model's phy_work
 *
 * Resolves every port's link again: a PHY still waiting runs the timer
 * again for its own end of training.
 */
void vsw_phy_work(struct work_struct *work)
{
	struct vsw_model *m = container_of(to_delayed_work(work),
					   struct vsw_model, phy_work);

	spin_lock_irq(&m->lock);
	if (!m->dying) {
		vsw_link_update_all(m);
		vsw_update_irq(m);
	}
	spin_unlock_irq(&m->lock);
}
