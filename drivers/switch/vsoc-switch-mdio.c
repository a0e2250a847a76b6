// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: the ASIC's MDIO controller as an mii_bus.
 *
 * Clause 22 and clause 45 frames through MDIO_CMD/MDIO_DATA (a clause 45
 * access is an ADDRESS frame then the READ or WRITE frame), each polled
 * for completion. The bus is registered on the switch node's "mdio"
 * child (of_mdiobus_register(): its PHY nodes become PHY devices), device
 * managed so that it goes after remove() has freed the ports whose
 * phylink instances used its PHYs. Ports with a "phy-handle" connect
 * their PHY at open (vsoc-switch-port.c). Reads of an absent PHY give
 * 0xffff, as on any MDIO bus; phylib takes that as "no PHY".
 */
#include <linux/bitfield.h>
#include <linux/of.h>
#include <linux/of_mdio.h>
#include <linux/phy.h>
#include <linux/regmap.h>

#include <vsoc/compat.h>

#include "vsoc-switch.h"

/* A frame is 25.6 us on silicon; allow many. */
#define VSOC_SW_MDIO_POLL_US		5
#define VSOC_SW_MDIO_TIMEOUT_US		1000

/**
 * vsoc_sw_mdio_cmd() - MDIO_CMD value of one frame
 * @c45: a clause 45 frame
 * @addr: PHY (clause 22) or port (clause 45) address
 * @reg: register (clause 22) or MMD (clause 45)
 * @op: VSOC_SW_MDIO_OP_*
 *
 * Return: the command, BUSY set.
 */
u32 vsoc_sw_mdio_cmd(bool c45, int addr, int reg, u32 op)
{
	return VSOC_SW_MDIO_CMD_BUSY | (c45 ? VSOC_SW_MDIO_CMD_C45 : 0) |
	       FIELD_PREP(VSOC_SW_MDIO_CMD_PHYAD, addr) |
	       FIELD_PREP(VSOC_SW_MDIO_CMD_REGAD, reg) |
	       FIELD_PREP(VSOC_SW_MDIO_CMD_OP, op);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_mdio_cmd);

/**
 * vsoc_sw_mdio_result() - what a completed frame gives the caller
 * @status: MDIO_STATUS after the frame
 * @data: MDIO_DATA after it
 *
 * Return: the 16-bit data (0xffff when no PHY answered: the bus's idle
 * level, which phylib knows), -EIO for a frame the controller refused
 * or did not complete.
 */
int vsoc_sw_mdio_result(u32 status, u32 data)
{
	if (!(status & VSOC_SW_MDIO_ST_DONE) || (status & VSOC_SW_MDIO_ST_BAD_OP))
		return -EIO;
	if (status & VSOC_SW_MDIO_ST_NO_PHY)
		return 0xffff;
	return data & 0xffff;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_mdio_result);

/*
 * One frame: DATA, then CMD, then wait for BUSY to clear. Serialised by
 * the mii_bus's lock. The bus's priv is the switch's regmap (device
 * managed too, and made before the bus: it outlives it). Returns the
 * data read (reads), 0 (writes) or an errno: -ETIMEDOUT when the
 * controller never completes.
 */
static int vsoc_sw_mdio_xfer(struct mii_bus *bus, u32 cmd, u16 data)
{
	struct regmap *map = bus->priv;
	unsigned int val, status;
	int ret;

	ret = regmap_write(map, VSOC_SW_MDIO_DATA, data);
	if (!ret)
		ret = regmap_write(map, VSOC_SW_MDIO_CMD, cmd);
	if (!ret)
		ret = regmap_read_poll_timeout(map, VSOC_SW_MDIO_CMD, val,
					       !(val & VSOC_SW_MDIO_CMD_BUSY),
					       VSOC_SW_MDIO_POLL_US,
					       VSOC_SW_MDIO_TIMEOUT_US);
	if (!ret)
		ret = regmap_read(map, VSOC_SW_MDIO_STATUS, &status);
	if (!ret)
		ret = regmap_read(map, VSOC_SW_MDIO_DATA, &val);
	if (ret) {
		dev_err_ratelimited(bus->parent, "MDIO frame %#x: %d\n", cmd, ret);
		return ret;
	}
	return vsoc_sw_mdio_result(status, val);
}

static int vsoc_sw_mdio_read(struct mii_bus *bus, int addr, int regnum)
{
	u32 cmd = vsoc_sw_mdio_cmd(false, addr, regnum, VSOC_SW_MDIO_OP_READ);

	return vsoc_sw_mdio_xfer(bus, cmd, 0);
}

static int vsoc_sw_mdio_write(struct mii_bus *bus, int addr, int regnum, u16 val)
{
	u32 cmd = vsoc_sw_mdio_cmd(false, addr, regnum, VSOC_SW_MDIO_OP_WRITE);
	int ret;

	ret = vsoc_sw_mdio_xfer(bus, cmd, val);
	return ret < 0 ? ret : 0;
}

/* Clause 45: an ADDRESS frame with the register, then @op's frame. */
static int vsoc_sw_mdio_c45(struct mii_bus *bus, int addr, int devnum,
			    int regnum, u32 op, u16 val)
{
	int ret;

	ret = vsoc_sw_mdio_xfer(bus, vsoc_sw_mdio_cmd(true, addr, devnum,
						      VSOC_SW_MDIO_OP_ADDRESS),
				regnum);
	if (ret < 0)
		return ret;
	return vsoc_sw_mdio_xfer(bus, vsoc_sw_mdio_cmd(true, addr, devnum, op), val);
}

static int vsoc_sw_mdio_read_c45(struct mii_bus *bus, int addr, int devnum,
				 int regnum)
{
	return vsoc_sw_mdio_c45(bus, addr, devnum, regnum, VSOC_SW_MDIO_OP_READ, 0);
}

static int vsoc_sw_mdio_write_c45(struct mii_bus *bus, int addr, int devnum,
				  int regnum, u16 val)
{
	int ret;

	ret = vsoc_sw_mdio_c45(bus, addr, devnum, regnum, VSOC_SW_MDIO_OP_WRITE, val);
	return ret < 0 ? ret : 0;
}

/**
 * vsoc_sw_mdio_setup() - an mii_bus's operations over the ASIC's controller
 * @bus: the bus
 * @map: the switch's registers (device managed: they outlive @bus)
 */
void vsoc_sw_mdio_setup(struct mii_bus *bus, struct regmap *map)
{
	bus->priv = map;
	bus->read = vsoc_sw_mdio_read;
	bus->write = vsoc_sw_mdio_write;
	bus->read_c45 = vsoc_sw_mdio_read_c45;
	bus->write_c45 = vsoc_sw_mdio_write_c45;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sw_mdio_setup);

/**
 * vsoc_sw_mdio_register() - the MDIO bus of the switch node's "mdio" child
 * @sw: the switch, reset, before its ports are created
 *
 * Device managed: unregistered after vsoc_sw_remove() (the ports, and so
 * the PHYs' users, are gone by then). No "mdio" node: no bus.
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_mdio_register(struct vsoc_sw *sw)
{
	struct device_node *np;
	struct mii_bus *bus;
	int ret;

	np = of_get_child_by_name(sw->dev->of_node, "mdio");
	if (!np)
		return 0;
	bus = devm_mdiobus_alloc(sw->dev);
	if (!bus) {
		of_node_put(np);
		return -ENOMEM;
	}
	bus->name = "vsoc-switch MDIO";
	snprintf(bus->id, MII_BUS_ID_SIZE, "%s-mdio", dev_name(sw->dev));
	bus->parent = sw->dev;
	vsoc_sw_mdio_setup(bus, sw->map);
	ret = devm_of_mdiobus_register(sw->dev, bus, np);
	of_node_put(np);
	if (ret)
		return dev_err_probe(sw->dev, ret, "MDIO bus\n");
	sw->mdio = bus;
	return 0;
}
