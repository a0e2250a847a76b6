// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: cables and links. A front port's cable ends at its
 * link partner interface (lp<N>), at another front port (loopback cable)
 * or nowhere; the PCS of each end resolves the link from what the other
 * end sends (switch-model-pcs.c). Link and AN changes set the port's bit
 * in LINK_IRQ_STATUS; a link partner's carrier follows the link. All
 * functions here run with the model's lock held.
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

static void vsw_far_end(struct vsw_model *m, unsigned int port,
			const struct vsw_pcs_end *me, struct vsw_pcs_end *far)
{
	const struct vsw_mport *mp = &m->mp[port];

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

static void vsw_link_update_one(struct vsw_model *m, unsigned int port)
{
	struct vsw_port *p = &m->core->port[port];
	struct vsw_mport *mp = &m->mp[port];
	struct vsw_pcs_end me, far;
	bool link, an_done = false;
	u16 lpa = 0;

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
	if (!mp->lp)
		return;
	if (link && mp->cable == VSW_CABLE_PARTNER)
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
		vsw_link_update_one(m, peer);
	}
	mp->cable = VSW_CABLE_NONE;
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
 * Return: 0, or -EINVAL for a port the ASIC does not have or a cable to
 * itself, -ENODEV for a partner cable without an interface.
 */
int vsw_cable_set(struct vsw_model *m, unsigned int port,
		  enum vsw_cable cable, unsigned int peer)
{
	unsigned int n = m->core->nports;

	if (port >= n || (cable == VSW_CABLE_PORT && (peer >= n || peer == port)))
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
