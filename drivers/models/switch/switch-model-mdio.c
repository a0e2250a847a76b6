// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch model: the ASIC's MDIO controller (MDIO_CMD, MDIO_DATA,
 * MDIO_STATUS) and the bus behind it. Command decoding is plain logic
 * over struct vsw_mdio (the KUnit suite drives it); the glue below
 * applies a frame's effect to the PHY's port and builds the bus from the
 * DT: a PHY at each "reg" of the switch node's "mdio" children, attached
 * to the front port whose "phy-handle" names it. The PHYs themselves are
 * in switch-model-phy.c. Specification: "MDIO controller" in
 * Documentation/vsoc-switch-regs.rst.
 */
#include <linux/bitfield.h>
#include <linux/of.h>
#include <linux/slab.h>

#include <vsoc/compat.h>

#include "switch-model.h"

/* The pull-up: what a read gives when no PHY drives the bus. */
#define VSW_MDIO_IDLE		0xffff

static bool vsw_mdio_answers(const struct vsw_phy *phy, bool c45)
{
	return phy && c45 == (phy->kind == VSW_PHY_10G);
}

static struct vsw_phy *vsw_mdio_c45(struct vsw_mdio *bus, unsigned int addr,
				    unsigned int devad, unsigned int op)
{
	struct vsw_phy *phy = bus->phy[addr];
	u16 *reg = &bus->mmd_addr[addr][devad];

	if (!vsw_mdio_answers(phy, true)) {
		if (op == VSOC_SW_MDIO_OP_READ || op == VSOC_SW_MDIO_OP_READ_INC) {
			bus->data = VSW_MDIO_IDLE;
			bus->status |= VSOC_SW_MDIO_ST_NO_PHY;
		}
		return NULL;
	}
	switch (op) {
	case VSOC_SW_MDIO_OP_ADDRESS:
		*reg = bus->data;
		return NULL;
	case VSOC_SW_MDIO_OP_WRITE:
		vsw_phy_c45_write(phy, devad, *reg, bus->data);
		return phy;
	default:
		bus->data = vsw_phy_c45_read(phy, devad, *reg);
		if (op == VSOC_SW_MDIO_OP_READ_INC)
			(*reg)++;
		return NULL;
	}
}

/**
 * vsw_mdio_cmd() - a write of MDIO_CMD: send one frame
 * @bus: the controller
 * @cmd: the value written
 *
 * Without BUSY only the fields are stored. A frame completes at once:
 * STATUS gets DONE, NO_PHY for a read nobody answered (DATA 0xffff),
 * BAD_OP for a clause 22 ADDRESS or READ_INC (nothing sent). A PHY
 * answers the frames of its own clause only.
 *
 * Return: the PHY a WRITE frame changed (the caller resolves its link),
 * else NULL.
 */
struct vsw_phy *vsw_mdio_cmd(struct vsw_mdio *bus, u32 cmd)
{
	unsigned int addr = FIELD_GET(VSOC_SW_MDIO_CMD_PHYAD, cmd);
	unsigned int regad = FIELD_GET(VSOC_SW_MDIO_CMD_REGAD, cmd);
	unsigned int op = FIELD_GET(VSOC_SW_MDIO_CMD_OP, cmd);
	struct vsw_phy *phy = bus->phy[addr];

	bus->cmd = cmd & (VSOC_SW_MDIO_CMD_PHYAD | VSOC_SW_MDIO_CMD_REGAD |
			  VSOC_SW_MDIO_CMD_OP | VSOC_SW_MDIO_CMD_C45);
	if (!(cmd & VSOC_SW_MDIO_CMD_BUSY))
		return NULL;
	bus->status = VSOC_SW_MDIO_ST_DONE;
	if (cmd & VSOC_SW_MDIO_CMD_C45)
		return vsw_mdio_c45(bus, addr, regad, op);
	switch (op) {
	case VSOC_SW_MDIO_OP_WRITE:
		if (!vsw_mdio_answers(phy, false))
			return NULL;
		vsw_phy_c22_write(phy, regad, bus->data);
		return phy;
	case VSOC_SW_MDIO_OP_READ:
		if (vsw_mdio_answers(phy, false)) {
			bus->data = vsw_phy_c22_read(phy, regad);
		} else {
			bus->data = VSW_MDIO_IDLE;
			bus->status |= VSOC_SW_MDIO_ST_NO_PHY;
		}
		return NULL;
	default:
		bus->status |= VSOC_SW_MDIO_ST_BAD_OP;
		return NULL;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_mdio_cmd);

/**
 * vsw_mdio_read() - read an MDIO controller register
 * @bus: the controller
 * @off: VSOC_SW_MDIO_CMD, _DATA or _STATUS
 *
 * Return: its value (BUSY never set: frames complete at once).
 */
u32 vsw_mdio_read(const struct vsw_mdio *bus, unsigned int off)
{
	switch (off) {
	case VSOC_SW_MDIO_CMD:
		return bus->cmd;
	case VSOC_SW_MDIO_DATA:
		return bus->data;
	case VSOC_SW_MDIO_STATUS:
		return bus->status;
	default:
		return 0;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vsw_mdio_read);

/**
 * vsw_mdio_reset() - CTRL_SOFT_RESET of the controller
 * @bus: the controller
 *
 * The registers clear; the PHYs are devices of their own and keep their
 * state, their clause 45 address registers included.
 */
void vsw_mdio_reset(struct vsw_mdio *bus)
{
	bus->cmd = 0;
	bus->data = 0;
	bus->status = 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsw_mdio_reset);

/**
 * vsw_phy_changed() - a PHY's registers changed: resolve its link
 * @m: the model, lock held
 * @phy: the PHY
 *
 * With a port, the port's PCS link follows (and its link interrupt);
 * the caller updates the interrupt line.
 */
void vsw_phy_changed(struct vsw_model *m, struct vsw_phy *phy)
{
	if (phy->port >= 0)
		vsw_link_update(m, phy->port);
	else
		vsw_phy_resolve(phy);
}

/**
 * vsw_port_set_phy() - put a PHY between a port's PCS and its cable
 * @m: the model, lock held
 * @port: the port, below the ASIC's port count
 * @phy: the PHY, NULL to take the port's PHY away
 *
 * For PHYs that come and go with a module (a copper SFP's PHY, reached
 * over I2C with vsw_phy_c22_read() and vsw_phy_c22_write(), then
 * vsw_phy_changed()); the bus's own PHYs are attached from the DT. The
 * caller owns @phy and keeps it until it takes it away again. The port's
 * link follows; the caller updates the interrupt line.
 */
void vsw_port_set_phy(struct vsw_model *m, unsigned int port,
		      struct vsw_phy *phy)
{
	struct vsw_mport *mp = &m->mp[port];

	if (mp->phy)
		mp->phy->port = -1;
	mp->phy = phy;
	if (phy) {
		phy->port = port;
		/* The board's copper links take their time to come up. */
		phy->timed = true;
	}
	vsw_link_update(m, port);
}

/**
 * vsw_mdio_write() - write an MDIO controller register
 * @m: the model, lock held
 * @off: VSOC_SW_MDIO_CMD or _DATA (STATUS is read-only)
 * @val: value
 */
void vsw_mdio_write(struct vsw_model *m, unsigned int off, u32 val)
{
	struct vsw_phy *phy;

	switch (off) {
	case VSOC_SW_MDIO_DATA:
		m->mdio.data = val & 0xffff;
		break;
	case VSOC_SW_MDIO_CMD:
		phy = vsw_mdio_cmd(&m->mdio, val);
		if (phy)
			vsw_phy_changed(m, phy);
		break;
	}
}

static int vsw_dt_phy_create(struct vsw_model *m, struct device_node *np)
{
	struct vsw_phy *phy;
	u32 addr;

	if (of_property_read_u32(np, "reg", &addr) || addr >= VSW_MDIO_NADDR) {
		pr_err("vsoc-switch-model: %s: %pOF: no PHY address\n", m->name, np);
		return -EINVAL;
	}
	if (m->mdio.phy[addr]) {
		pr_err("vsoc-switch-model: %s: %pOF: address %u taken\n", m->name, np, addr);
		return -EEXIST;
	}
	phy = kzalloc(sizeof(*phy), GFP_KERNEL);
	if (!phy)
		return -ENOMEM;
	vsw_phy_init(phy, of_device_is_compatible(np, "ethernet-phy-ieee802.3-c45") ?
		     VSW_PHY_10G : VSW_PHY_COPPER_1G);
	m->mdio.phy[addr] = phy;
	return 0;
}

/* The PHY a port's phy-handle names, if it is one of the bus's. */
static struct vsw_phy *vsw_dt_port_phy(struct vsw_model *m,
				       struct device_node *mdio,
				       struct device_node *port)
{
	struct device_node *np = of_parse_phandle(port, "phy-handle", 0);
	struct device_node *parent;
	struct vsw_phy *phy = NULL;
	u32 addr;

	if (!np)
		return NULL;
	parent = of_get_parent(np);
	if (parent == mdio && !of_property_read_u32(np, "reg", &addr) &&
	    addr < VSW_MDIO_NADDR)
		phy = m->mdio.phy[addr];
	of_node_put(parent);
	of_node_put(np);
	return phy;
}

static void vsw_dt_attach_phys(struct vsw_model *m, struct device_node *np,
			       struct device_node *mdio)
{
	struct device_node *ports, *child;
	struct vsw_phy *phy;
	u32 reg;

	ports = of_get_child_by_name(np, "ethernet-ports");
	if (!ports)
		return;
	for_each_available_child_of_node(ports, child) {
		if (of_property_read_u32(child, "reg", &reg) ||
		    reg >= m->core->nports)
			continue;
		phy = vsw_dt_port_phy(m, mdio, child);
		if (!phy || phy->port >= 0)
			continue;
		phy->port = reg;
		phy->timed = true;
		m->mp[reg].phy = phy;
	}
	of_node_put(ports);
}

/**
 * vsw_dt_phys() - the MDIO bus's PHYs from the DT
 * @m: the model, before its cables
 * @np: the switch node
 *
 * A PHY per available child of the "mdio" node (the 10G PHY for the
 * compatible "ethernet-phy-ieee802.3-c45", else the 1G copper PHY), each
 * attached to the port whose "phy-handle" names it. No "mdio" node: no
 * PHYs. May sleep.
 *
 * Return: 0 or an errno (the caller frees what was made).
 */
int vsw_dt_phys(struct vsw_model *m, struct device_node *np)
{
	struct device_node *mdio, *child;
	int ret = 0;

	mdio = of_get_child_by_name(np, "mdio");
	if (!mdio)
		return 0;
	for_each_available_child_of_node(mdio, child) {
		ret = vsw_dt_phy_create(m, child);
		if (ret) {
			of_node_put(child);
			break;
		}
	}
	if (!ret)
		vsw_dt_attach_phys(m, np, mdio);
	of_node_put(mdio);
	return ret;
}

/**
 * vsw_phys_free() - free the bus's PHYs
 * @m: the model, nothing runs any more
 */
void vsw_phys_free(struct vsw_model *m)
{
	unsigned int i;

	for (i = 0; i < VSOC_SW_MAX_PORTS; i++)
		m->mp[i].phy = NULL;
	for (i = 0; i < VSW_MDIO_NADDR; i++) {
		kfree(m->mdio.phy[i]);
		m->mdio.phy[i] = NULL;
	}
}
