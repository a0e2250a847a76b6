// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: SFP cages (SFF-8419). A cage is a board node
 * "sff,sfp" whose pins are board lines the switch block owns,
 * "<block>:sfp<N>-scl|sda|mod-def0|los|tx-fault|tx-disable|rate-select0",
 * and whose I2C bus (i2c-gpio on sfp<N>-scl/sda) carries the module's
 * EEPROMs (switch-model-sfp-eeprom.c) and, for a copper module, its PHY
 * at 0x56 (the mdio-i2c protocol: a register address byte, then two data
 * bytes, most significant first). A front port whose DT node has
 * "sfp" = <&cage> sends and receives through the module: its link needs a
 * module, the module's laser on (no TX_DISABLE, soft or pin, no
 * TX_FAULT), light from the link partner and the PCS mode of the module
 * (1000BASE-X or 10GBASE-R for optics; a copper module's PHY sits between
 * the port's SGMII PCS and the partner).
 */
#include <linux/bits.h>
#include <linux/delay.h>
#include <linux/of.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <vsoc/compat.h>
#include <vsoc/sim.h>

#include "switch-model.h"

/* A2h byte 110 (status/control), Soft TX_DISABLE select. */
#define VSW_CAGE_SOFT_TX_DISABLE	BIT(6)

static const char *const vsw_cage_pin_names[VSW_CAGE_NPINS] = {
	[VSW_CAGE_SCL] = "scl",
	[VSW_CAGE_SDA] = "sda",
	[VSW_CAGE_MOD_DEF0] = "mod-def0",
	[VSW_CAGE_LOS] = "los",
	[VSW_CAGE_TX_FAULT] = "tx-fault",
	[VSW_CAGE_TX_DISABLE] = "tx-disable",
	[VSW_CAGE_RS0] = "rate-select0",
};

/**
 * vsw_cage_pcs_mode() - the PCS mode a module's host side speaks
 * @type: the module's type
 *
 * Return: VSOC_SW_PCS_MODE_10GBASER for the SFP+ optics,
 * VSOC_SW_PCS_MODE_SGMII for the copper module (its PHY's system side),
 * VSOC_SW_PCS_MODE_2500BASEX for the 2.5G optics,
 * VSOC_SW_PCS_MODE_1000BASEX for the others.
 */
u8 vsw_cage_pcs_mode(enum vsw_sfp_type type)
{
	switch (type) {
	case VSW_SFP_10GBASE_SR:
	case VSW_SFP_10GBASE_LR:
		return VSOC_SW_PCS_MODE_10GBASER;
	case VSW_SFP_1000BASE_T:
		return VSOC_SW_PCS_MODE_SGMII;
	case VSW_SFP_2500BASE_X:
		return VSOC_SW_PCS_MODE_2500BASEX;
	default:
		return VSOC_SW_PCS_MODE_1000BASEX;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_cage_pcs_mode);

/**
 * vsw_cage_laser_on() - the module transmits
 * @cage: the cage
 *
 * Return: a module is in, neither TX_DISABLE (pin or soft) is asserted
 * and the module has no TX_FAULT.
 */
bool vsw_cage_laser_on(const struct vsw_cage *cage)
{
	return cage->present && !cage->tx_disable && !cage->soft_tx_disable &&
	       !cage->tx_fault;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_cage_laser_on);

/**
 * vsw_cage_rx_light() - the module receives light (RX_LOS deasserted)
 * @cage: the cage
 * @partner_up: the port's link partner is there and up
 *
 * Return: a module is in, the partner is up and its side is not dark
 * (los_force).
 */
bool vsw_cage_rx_light(const struct vsw_cage *cage, bool partner_up)
{
	return cage->present && partner_up && !cage->los_force;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_cage_rx_light);

/**
 * vsw_cage_far_end() - what the port's PCS sees through an optical module
 * @cage: the cage
 * @partner_up: the port's link partner is there and up
 * @me: the port's PCS
 * @far: filled: the partner, adapting its AN setting to the port's but
 *	speaking the module's mode, sending only while both directions
 *	carry light
 */
void vsw_cage_far_end(const struct vsw_cage *cage, bool partner_up,
		      const struct vsw_pcs_end *me, struct vsw_pcs_end *far)
{
	memset(far, 0, sizeof(*far));
	if (!cage->present)
		return;
	far->mode = vsw_cage_pcs_mode(cage->mod.type);
	far->an_en = me->an_en;
	far->signal = vsw_cage_laser_on(cage) &&
		      vsw_cage_rx_light(cage, partner_up);
	far->word = vsw_pcs_partner_word(far->mode);
}
EXPORT_SYMBOL_IF_KUNIT(vsw_cage_far_end);

static void vsw_cage_drive(struct vsw_cage *cage, enum vsw_cage_pin pin,
			   bool level)
{
	if (cage->line[pin] < 0 || cage->driven[pin] == level)
		return;
	if (!vsoc_sim_gpio_set(cage->m->blk, cage->line[pin], level))
		cage->driven[pin] = level;
}

/**
 * vsw_cage_pins_update() - drive the module's status pins, update A2h
 * @cage: the cage, model's lock held
 * @partner_up: the port's link partner is there and up
 *
 * MOD_DEF0 low with a module in (the pull-up without), LOS high without
 * light, TX_FAULT high while the module has a fault; the module's live
 * diagnostics follow the pins.
 */
void vsw_cage_pins_update(struct vsw_cage *cage, bool partner_up)
{
	bool light = vsw_cage_rx_light(cage, partner_up);
	struct vsw_sfp_state st;

	vsw_cage_drive(cage, VSW_CAGE_MOD_DEF0, !cage->present);
	vsw_cage_drive(cage, VSW_CAGE_LOS, !light);
	vsw_cage_drive(cage, VSW_CAGE_TX_FAULT,
		       cage->present && cage->tx_fault);
	if (!cage->present)
		return;
	st = cage->mod.state;
	st.tx_disable = cage->tx_disable;
	st.tx_fault = cage->tx_fault;
	st.rx_los = !light;
	st.rs0 = cage->rs0;
	if (memcmp(&st, &cage->mod.state, sizeof(st)))
		vsw_sfp_eeprom_set_state(&cage->mod, &st);
}

/* The cage's state changed: its port's link and the pins follow. */
static void vsw_cage_changed(struct vsw_cage *cage)
{
	struct vsw_model *m = cage->m;

	if (cage->port >= 0)
		vsw_link_update(m, cage->port);
	else
		vsw_cage_pins_update(cage, false);
	vsw_update_irq(m);
}

/* From the module's A2h target, under the bus's lock (not the model's). */
static void vsw_cage_soft_ctrl(struct vsw_sfp_eeprom *e, u8 status)
{
	struct vsw_cage *cage = e->priv;
	unsigned long flags;

	spin_lock_irqsave(&cage->m->lock, flags);
	cage->soft_tx_disable = status & VSW_CAGE_SOFT_TX_DISABLE;
	vsw_cage_changed(cage);
	spin_unlock_irqrestore(&cage->m->lock, flags);
}

/**
 * vsw_cage_phy_step() - one bus event at the copper module's PHY (0x56)
 * @cage: the cage, model's lock held
 * @event: what happened on the bus
 * @val: the byte written, or the one to read
 * @wrote: set when the event completed a register write
 *
 * The mdio-i2c protocol: a write's first byte selects a clause 22
 * register, two more bytes (most significant first) write it. A read
 * returns the selected register, most significant byte first, then 0xff.
 *
 * Return: 0, or -EIO to NACK a fourth byte written.
 */
int vsw_cage_phy_step(struct vsw_cage *cage, enum vsoc_sim_i2c_event event,
		      u8 *val, bool *wrote)
{
	switch (event) {
	case VSOC_SIM_I2C_WRITE_REQUESTED:
		cage->phy_wbytes = 0;
		break;
	case VSOC_SIM_I2C_WRITE_RECEIVED:
		switch (cage->phy_wbytes++) {
		case 0:
			cage->phy_reg = *val & 0x1f;
			cage->phy_rbytes = 0;
			break;
		case 1:
			cage->phy_val = *val << 8;
			break;
		case 2:
			cage->phy_val |= *val;
			vsw_phy_c22_write(&cage->phy, cage->phy_reg, cage->phy_val);
			*wrote = true;
			break;
		default:
			return -EIO;
		}
		break;
	case VSOC_SIM_I2C_READ_REQUESTED:
		if (cage->phy_rbytes == 0) {
			cage->phy_val = vsw_phy_c22_read(&cage->phy, cage->phy_reg);
			*val = cage->phy_val >> 8;
		} else if (cage->phy_rbytes == 1) {
			*val = cage->phy_val & 0xff;
		} else {
			*val = 0xff;
		}
		break;
	case VSOC_SIM_I2C_READ_PROCESSED:
		if (cage->phy_rbytes < 2)
			cage->phy_rbytes++;
		break;
	case VSOC_SIM_I2C_STOP:
		cage->phy_wbytes = 0;
		cage->phy_rbytes = 0;
		break;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_cage_phy_step);

/* The PHY's I2C target: its bus's context, takes the model's lock. */
static int vsw_cage_phy_event(void *priv, enum vsoc_sim_i2c_event event,
			      u8 *val)
{
	struct vsw_cage *cage = priv;
	struct vsw_model *m = cage->m;
	bool wrote = false;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	ret = vsw_cage_phy_step(cage, event, val, &wrote);
	if (wrote) {
		vsw_phy_changed(m, &cage->phy);
		vsw_update_irq(m);
	}
	spin_unlock_irqrestore(&m->lock, flags);
	return ret;
}

static const struct vsoc_sim_i2c_target_ops vsw_cage_phy_ops = {
	.event = vsw_cage_phy_event,
};

/* Take the module out: off the bus first, then off the port. */
static void vsw_cage_remove(struct vsw_cage *cage)
{
	struct vsw_model *m = cage->m;
	bool copper = cage->mod.type == VSW_SFP_1000BASE_T;

	if (!cage->present)
		return;
	vsw_sfp_eeprom_detach(&cage->mod);
	if (copper)
		vsoc_sim_i2c_target_remove(cage->bus, VSW_SFP_I2C_PHY);
	spin_lock_irq(&m->lock);
	cage->present = false;
	cage->soft_tx_disable = false;
	if (copper && cage->port >= 0)
		vsw_port_set_phy(m, cage->port, NULL);
	vsw_cage_changed(cage);
	spin_unlock_irq(&m->lock);
}

/**
 * vsw_cage_insert() - put a module into a cage, or take it out
 * @cage: the cage
 * @type: an enum vsw_sfp_type, or a negative number for none
 *
 * A module already in comes out first, and the cage stays empty for
 * %VSW_CAGE_SWAP_MS before the new one goes in. The new one's EEPROMs
 * (and a copper module's PHY) answer on the bus before MOD_DEF0 goes
 * low.
 *
 * Context: process; takes the cage's mutex and the model's lock.
 * Return: 0, or an error of vsoc_sim_i2c_target_add() (the cage is
 * empty then).
 */
int vsw_cage_insert(struct vsw_cage *cage, int type)
{
	struct vsw_model *m = cage->m;
	int ret = 0;

	mutex_lock(&cage->mutex);
	if (type < 0 || type >= VSW_SFP_NR_TYPES) {
		vsw_cage_remove(cage);
		goto out;
	}
	if (cage->present) {
		vsw_cage_remove(cage);
		msleep(VSW_CAGE_SWAP_MS);
	}
	vsw_sfp_eeprom_init(&cage->mod, type, cage->serial++);
	cage->mod.soft_ctrl = vsw_cage_soft_ctrl;
	cage->mod.priv = cage;
	vsw_phy_init(&cage->phy, VSW_PHY_COPPER_1G);
	cage->phy.id = VSOC_SW_SFP_PHY_ID_1G;
	cage->phy_wbytes = 0;
	cage->phy_rbytes = 0;
	ret = vsw_sfp_eeprom_attach(&cage->mod, cage->bus);
	if (ret)
		goto out;
	if (type == VSW_SFP_1000BASE_T) {
		ret = vsoc_sim_i2c_target_add(cage->bus, VSW_SFP_I2C_PHY,
					      &vsw_cage_phy_ops, cage);
		if (ret) {
			vsw_sfp_eeprom_detach(&cage->mod);
			goto out;
		}
	}
	spin_lock_irq(&m->lock);
	cage->present = true;
	if (type == VSW_SFP_1000BASE_T && cage->port >= 0)
		vsw_port_set_phy(m, cage->port, &cage->phy);
	vsw_cage_changed(cage);
	spin_unlock_irq(&m->lock);
out:
	mutex_unlock(&cage->mutex);
	return ret;
}

/**
 * vsw_cages_gpio_changed() - a cage's line changed at the host's side
 * @m: the model, no lock held
 * @line: the board line
 * @level: its level
 *
 * SCL and SDA go to the cage's bus; TX_DISABLE and RATE_SELECT0 set the
 * module's inputs.
 *
 * Return: true when the line is a cage's.
 */
bool vsw_cages_gpio_changed(struct vsw_model *m, unsigned int line,
			    bool level)
{
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < VSW_SFP_CAGES; i++) {
		struct vsw_cage *cage = m->cage[i];

		if (!cage)
			continue;
		if (vsoc_sim_i2c_bus_line_changed(cage->bus, line, level))
			return true;
		if (line != cage->line[VSW_CAGE_TX_DISABLE] &&
		    line != cage->line[VSW_CAGE_RS0])
			continue;
		spin_lock_irqsave(&m->lock, flags);
		if (line == cage->line[VSW_CAGE_TX_DISABLE])
			cage->tx_disable = level;
		else
			cage->rs0 = level;
		vsw_cage_changed(cage);
		spin_unlock_irqrestore(&m->lock, flags);
		return true;
	}
	return false;
}

static int vsw_cage_lookup(struct vsw_model *m, unsigned int n,
			   const char *pin)
{
	char name[32];

	snprintf(name, sizeof(name), "sfp%u-%s", n, pin);
	return vsoc_sim_gpio_lookup(m->blk, name);
}

static int vsw_cage_create(struct vsw_model *m, unsigned int n)
{
	struct vsw_cage *cage;
	char scl[16], sda[16];
	unsigned int i;
	int line;

	cage = kzalloc(sizeof(*cage), GFP_KERNEL);
	if (!cage)
		return -ENOMEM;
	cage->m = m;
	cage->index = n;
	cage->port = -1;
	cage->serial = n << 8;
	mutex_init(&cage->mutex);
	for (i = 0; i < VSW_CAGE_NPINS; i++) {
		line = vsw_cage_lookup(m, n, vsw_cage_pin_names[i]);
		cage->line[i] = line < 0 ? -1 : line;
		cage->driven[i] = -1;
	}
	snprintf(scl, sizeof(scl), "sfp%u-scl", n);
	snprintf(sda, sizeof(sda), "sfp%u-sda", n);
	cage->bus = vsoc_sim_i2c_bus_create(m->blk, scl, sda);
	if (IS_ERR(cage->bus)) {
		int ret = PTR_ERR(cage->bus);

		pr_err("vsoc-switch-model: %s: sfp%u: I2C bus: %d\n",
		       m->name, n, ret);
		kfree(cage);
		return ret;
	}
	if (cage->line[VSW_CAGE_TX_DISABLE] >= 0)
		cage->tx_disable = vsoc_sim_gpio_get(m->blk,
						     cage->line[VSW_CAGE_TX_DISABLE]) > 0;
	if (cage->line[VSW_CAGE_RS0] >= 0)
		cage->rs0 = vsoc_sim_gpio_get(m->blk, cage->line[VSW_CAGE_RS0]) > 0;
	/* Empty: MOD_DEF0 and LOS high, TX_FAULT low. */
	spin_lock_irq(&m->lock);
	vsw_cage_pins_update(cage, false);
	spin_unlock_irq(&m->lock);
	m->cage[n] = cage;
	return 0;
}

/* The cage a port's "sfp" names: the one that owns its MOD_DEF0 line. */
static struct vsw_cage *vsw_dt_port_cage(struct vsw_model *m,
					 struct device_node *port)
{
	struct device_node *np = of_parse_phandle(port, "sfp", 0);
	struct vsw_cage *cage = NULL;
	struct of_phandle_args args;
	unsigned int i;

	if (!np)
		return NULL;
	if (!of_parse_phandle_with_args(np, "mod-def0-gpios", "#gpio-cells",
					0, &args)) {
		for (i = 0; i < VSW_SFP_CAGES && args.args_count; i++)
			if (m->cage[i] &&
			    m->cage[i]->line[VSW_CAGE_MOD_DEF0] == args.args[0])
				cage = m->cage[i];
		of_node_put(args.np);
	}
	if (!cage)
		pr_err("vsoc-switch-model: %s: %pOF: %pOF is none of the block's cages\n",
		       m->name, port, np);
	of_node_put(np);
	return cage;
}

static void vsw_dt_attach_cages(struct vsw_model *m, struct device_node *np)
{
	struct device_node *ports, *child;
	struct vsw_cage *cage;
	u32 reg;

	ports = of_get_child_by_name(np, "ethernet-ports");
	if (!ports)
		return;
	for_each_available_child_of_node(ports, child) {
		if (of_property_read_u32(child, "reg", &reg) ||
		    reg >= m->core->nports || !of_property_present(child, "sfp"))
			continue;
		cage = vsw_dt_port_cage(m, child);
		if (!cage || cage->port >= 0 || m->mp[reg].phy)
			continue;
		cage->port = reg;
		m->mp[reg].cage = cage;
	}
	of_node_put(ports);
}

/**
 * vsw_dt_cages() - the block's SFP cages
 * @m: the model, after its PHYs, before its cables
 * @np: the switch node
 *
 * A cage per N whose "sfp<N>-mod-def0" line the board gives the block,
 * with its I2C bus on sfp<N>-scl/sda; each is the cage of the port
 * whose "sfp" names the cage node using that line. Empty cages. May
 * sleep.
 *
 * Return: 0 or an errno (the caller frees what was made).
 */
int vsw_dt_cages(struct vsw_model *m, struct device_node *np)
{
	unsigned int n;
	int ret;

	for (n = 0; n < VSW_SFP_CAGES; n++) {
		ret = vsw_cage_lookup(m, n, "mod-def0");
		if (ret == -ENODEV)
			return 0;
		if (ret < 0)
			continue;
		ret = vsw_cage_create(m, n);
		if (ret)
			return ret;
	}
	vsw_dt_attach_cages(m, np);
	return 0;
}

/**
 * vsw_cages_free() - take the modules out and free the cages
 * @m: the model, nothing runs any more (no gpio_changed())
 */
void vsw_cages_free(struct vsw_model *m)
{
	unsigned int i;

	for (i = 0; i < VSW_SFP_CAGES; i++) {
		struct vsw_cage *cage = m->cage[i];

		if (!cage)
			continue;
		vsw_sfp_eeprom_detach(&cage->mod);
		if (cage->present && cage->mod.type == VSW_SFP_1000BASE_T)
			vsoc_sim_i2c_target_remove(cage->bus, VSW_SFP_I2C_PHY);
		if (cage->port >= 0) {
			m->mp[cage->port].cage = NULL;
			if (m->mp[cage->port].phy == &cage->phy)
				m->mp[cage->port].phy = NULL;
		}
		vsoc_sim_i2c_bus_destroy(cage->bus);
		mutex_destroy(&cage->mutex);
		kfree(cage);
		m->cage[i] = NULL;
	}
}
