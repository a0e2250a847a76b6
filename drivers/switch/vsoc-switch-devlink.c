// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: devlink. "devlink dev info" gives the ASIC's ID, revision
 * and serial; each front port is a physical devlink port numbered as in
 * DT (which also names it p<N> and gives it the switch ID); the FDB is a
 * resource whose occupancy is the ASIC's count of valid entries.
 */
#include <linux/bitfield.h>
#include <linux/regmap.h>
#include <net/devlink.h>

#include <vsoc/compat.h>

#include "vsoc-switch.h"

enum vsoc_sw_resource_id {
	VSOC_SW_RESOURCE_FDB = 1,
};

static int vsoc_sw_info_get(struct devlink *dl, struct devlink_info_req *req,
			    struct netlink_ext_ack *extack)
{
	struct vsoc_sw *sw = devlink_priv(dl);
	char buf[32];
	int ret;

	snprintf(buf, sizeof(buf), "%016llx", sw->serial);
	ret = devlink_info_serial_number_put(req, buf);
	if (ret)
		return ret;
	snprintf(buf, sizeof(buf), "%#x", VSOC_SW_ID_VALUE);
	ret = devlink_info_version_fixed_put(req, DEVLINK_INFO_VERSION_GENERIC_ASIC_ID,
					     buf);
	if (ret)
		return ret;
	snprintf(buf, sizeof(buf), "%lu.%lu",
		 FIELD_GET(VSOC_SW_VERSION_MAJOR, sw->version),
		 FIELD_GET(VSOC_SW_VERSION_MINOR, sw->version));
	return devlink_info_version_fixed_put(req, DEVLINK_INFO_VERSION_GENERIC_ASIC_REV,
					      buf);
}

const struct devlink_ops vsoc_sw_devlink_ops = {
	.info_get = vsoc_sw_info_get,
};

static u64 vsoc_sw_fdb_occ(void *priv)
{
	struct vsoc_sw *sw = priv;
	unsigned int count;

	return regmap_read(sw->map, VSOC_SW_FDB_COUNT, &count) ? 0 : count;
}

/**
 * vsoc_sw_devlink_setup() - the switch's devlink resources
 * @sw: the switch
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_devlink_setup(struct vsoc_sw *sw)
{
	struct devlink_resource_size_params params;
	int ret;

	devlink_resource_size_params_init(&params, sw->fdb_size, sw->fdb_size, 1,
					  DEVLINK_RESOURCE_UNIT_ENTRY);
	devl_lock(sw->devlink);
	ret = devl_resource_register(sw->devlink, "fdb", sw->fdb_size,
				     VSOC_SW_RESOURCE_FDB,
				     DEVLINK_RESOURCE_ID_PARENT_TOP, &params);
	if (!ret)
		devl_resource_occ_get_register(sw->devlink, VSOC_SW_RESOURCE_FDB,
					       vsoc_sw_fdb_occ, sw);
	devl_unlock(sw->devlink);
	return ret;
}

/**
 * vsoc_sw_devlink_teardown() - undo vsoc_sw_devlink_setup()
 * @sw: the switch
 */
void vsoc_sw_devlink_teardown(struct vsoc_sw *sw)
{
	devl_lock(sw->devlink);
	devl_resource_occ_get_unregister(sw->devlink, VSOC_SW_RESOURCE_FDB);
	devl_resources_unregister(sw->devlink);
	devl_unlock(sw->devlink);
}

/**
 * vsoc_sw_devlink_port_register() - a port's devlink port
 * @port: the port, its interface not registered yet
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_devlink_port_register(struct vsoc_sw_port *port)
{
	struct devlink_port_attrs attrs = {};
	struct vsoc_sw *sw = port->sw;
	__be64 id = cpu_to_be64(sw->serial);
	int ret;

	attrs.flavour = DEVLINK_PORT_FLAVOUR_PHYSICAL;
	attrs.phys.port_number = port->index;
	attrs.switch_id.id_len = sizeof(id);
	memcpy(attrs.switch_id.id, &id, sizeof(id));
	devlink_port_attrs_set(&port->dl_port, &attrs);
	devl_lock(sw->devlink);
	ret = devl_port_register(sw->devlink, &port->dl_port, port->index);
	devl_unlock(sw->devlink);
	if (ret)
		return ret;
	port->dl_registered = true;
	SET_NETDEV_DEVLINK_PORT(port->ndev, &port->dl_port);
	return 0;
}

/**
 * vsoc_sw_devlink_port_unregister() - undo vsoc_sw_devlink_port_register()
 * @port: the port, its interface unregistered
 */
void vsoc_sw_devlink_port_unregister(struct vsoc_sw_port *port)
{
	if (!port->dl_registered)
		return;
	devl_lock(port->sw->devlink);
	devl_port_unregister(&port->dl_port);
	devl_unlock(port->sw->devlink);
	port->dl_registered = false;
}
