// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-switch: switchdev driver of the vsoc Ethernet switch ASIC.
 *
 * This file: probe and remove, the ASIC's reset and global setup, and
 * the interrupt. The front ports (vsoc-switch-port.c) are network
 * interfaces on phylink (vsoc-switch-phylink.c) whose frames to and from
 * the CPU go through the ASIC's DMA rings (vsoc-switch-dma.c); bridge
 * offload is in vsoc-switch-switchdev.c over the tables of
 * vsoc-switch-fdb.c; external PHYs sit on the ASIC's MDIO bus
 * (vsoc-switch-mdio.c). Documentation/vsoc-switch.rst is the guide, the
 * register interface is include/vsoc/switch-regs.h.
 */
#include <linux/bitfield.h>
#include <linux/interrupt.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/slab.h>

#include <vsoc/compat.h>
#include <vsoc/regmap.h>

#include "vsoc-switch.h"

#define VSOC_SW_RESET_TIMEOUT_US	100000
/* The bridge's default ageing time, until a bridge says otherwise. */
#define VSOC_SW_AGE_DEFAULT_MS		300000

static const struct regmap_config vsoc_sw_regmap_config = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = VSOC_SW_REG_SIZE - 4,
	.fast_io = true,
};

/**
 * vsoc_sw_port_ctrl_update() - change bits of a port's P_CTRL
 * @port: the port
 * @mask: bits to change
 * @val: their new value
 *
 * Return: 0 or an errno.
 */
int vsoc_sw_port_ctrl_update(struct vsoc_sw_port *port, u32 mask, u32 val)
{
	return regmap_update_bits(port->sw->map, vsoc_sw_preg(port, VSOC_SW_P_CTRL),
				  mask, val);
}

static irqreturn_t vsoc_sw_irq(int irq, void *data)
{
	struct vsoc_sw *sw = data;
	unsigned int status, enable;

	if (regmap_read(sw->map, VSOC_SW_IRQ_STATUS, &status) ||
	    regmap_read(sw->map, VSOC_SW_IRQ_ENABLE, &enable))
		return IRQ_NONE;
	status &= enable;
	if (!status)
		return IRQ_NONE;
	regmap_write(sw->map, VSOC_SW_IRQ_STATUS, status);

	if (status & (VSOC_SW_IRQ_XTR | VSOC_SW_IRQ_INJ)) {
		/* NAPI unmasks them when it is done. */
		regmap_update_bits(sw->map, VSOC_SW_IRQ_ENABLE,
				   VSOC_SW_IRQ_XTR | VSOC_SW_IRQ_INJ, 0);
		napi_schedule(&sw->napi);
	}
	if (status & VSOC_SW_IRQ_EVENT) {
		/* The event work unmasks it once the FIFO is empty. */
		regmap_update_bits(sw->map, VSOC_SW_IRQ_ENABLE,
				   VSOC_SW_IRQ_EVENT, 0);
		queue_work(system_wq, &sw->event_work);
	}
	if (status & VSOC_SW_IRQ_LINK)
		vsoc_sw_link_irq(sw);
	if (status & VSOC_SW_IRQ_DMA_ERR)
		dev_err_ratelimited(sw->dev, "DMA error on a CPU ring\n");
	return IRQ_HANDLED;
}

static int vsoc_sw_reset(struct vsoc_sw *sw)
{
	unsigned int val;
	int ret;

	ret = regmap_write(sw->map, VSOC_SW_CTRL, VSOC_SW_CTRL_SOFT_RESET);
	if (!ret)
		ret = regmap_read_poll_timeout(sw->map, VSOC_SW_CTRL, val,
					       !(val & VSOC_SW_CTRL_SOFT_RESET),
					       10, VSOC_SW_RESET_TIMEOUT_US);
	if (ret)
		return dev_err_probe(sw->dev, ret, "ASIC reset failed\n");

	regmap_write(sw->map, VSOC_SW_IRQ_ENABLE, 0);
	regmap_write(sw->map, VSOC_SW_IRQ_STATUS, VSOC_SW_IRQ_ALL);
	regmap_write(sw->map, VSOC_SW_LINK_IRQ_ENABLE, 0);
	regmap_write(sw->map, VSOC_SW_LINK_IRQ_STATUS, VSOC_SW_PM_FRONT);
	regmap_write(sw->map, VSOC_SW_AGE_TIME_MS, VSOC_SW_AGE_DEFAULT_MS);
	/* IGMP/MLD always reach the bridge's snooping (or are flooded by it). */
	return regmap_write(sw->map, VSOC_SW_CTRL,
			    VSOC_SW_CTRL_CORE_EN | VSOC_SW_CTRL_IGMP_TRAP);
}

static int vsoc_sw_identify(struct vsoc_sw *sw)
{
	unsigned int id, caps, lo, hi;
	int ret;

	ret = regmap_read(sw->map, VSOC_SW_ID, &id);
	if (ret)
		return ret;
	if (id != VSOC_SW_ID_VALUE)
		return dev_err_probe(sw->dev, -ENODEV, "not a vsoc switch (ID %#x)\n",
				     id);
	ret = regmap_read(sw->map, VSOC_SW_VERSION, &sw->version);
	if (!ret)
		ret = regmap_read(sw->map, VSOC_SW_CAPS, &caps);
	if (!ret)
		ret = regmap_read(sw->map, VSOC_SW_FDB_SIZE, &sw->fdb_size);
	if (!ret)
		ret = regmap_read(sw->map, VSOC_SW_SERIAL_LO, &lo);
	if (!ret)
		ret = regmap_read(sw->map, VSOC_SW_SERIAL_HI, &hi);
	if (ret)
		return ret;
	sw->nports = min_t(unsigned int, FIELD_GET(VSOC_SW_CAPS_NPORTS, caps),
			   VSOC_SW_MAX_PORTS);
	sw->serial = (u64)hi << 32 | lo;
	dev_info(sw->dev, "vsoc switch rev %lu.%lu, %u ports, %u FDB entries, serial %016llx\n",
		 FIELD_GET(VSOC_SW_VERSION_MAJOR, sw->version),
		 FIELD_GET(VSOC_SW_VERSION_MINOR, sw->version), sw->nports,
		 sw->fdb_size, sw->serial);
	return 0;
}

static void vsoc_sw_free(struct vsoc_sw *sw)
{
	struct vsoc_sw_fdb_ent *ent, *tmp;

	list_for_each_entry_safe(ent, tmp, &sw->fdb_list, list) {
		list_del(&ent->list);
		kfree(ent);
	}
	if (sw->wq)
		destroy_workqueue(sw->wq);
	mutex_destroy(&sw->lock);
	devlink_free(sw->devlink);
}

static int vsoc_sw_init(struct vsoc_sw *sw, struct platform_device *pdev)
{
	int i;

	mutex_init(&sw->lock);
	INIT_LIST_HEAD(&sw->fdb_list);
	INIT_WORK(&sw->event_work, vsoc_sw_event_work);
	for (i = 0; i < VSOC_SW_MAX_BRIDGES; i++)
		sw->bridges[i].index = i;

	sw->map = vsoc_regmap_get(pdev, &vsoc_sw_regmap_config);
	if (IS_ERR(sw->map))
		return dev_err_probe(sw->dev, PTR_ERR(sw->map), "no registers\n");
	sw->irq = platform_get_irq(pdev, 0);
	if (sw->irq < 0)
		return sw->irq;
	sw->wq = alloc_ordered_workqueue("vsoc-switch-fdb", 0);
	if (!sw->wq)
		return -ENOMEM;
	return 0;
}

static int vsoc_sw_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct devlink *dl;
	struct vsoc_sw *sw;
	int ret;

	dl = devlink_alloc(&vsoc_sw_devlink_ops, sizeof(*sw), dev);
	if (!dl)
		return -ENOMEM;
	sw = devlink_priv(dl);
	sw->devlink = dl;
	sw->dev = dev;
	platform_set_drvdata(pdev, sw);

	ret = vsoc_sw_init(sw, pdev);
	if (!ret)
		ret = vsoc_sw_identify(sw);
	if (!ret)
		ret = vsoc_sw_reset(sw);
	/* The PHYs are there before the ports that connect them. */
	if (!ret)
		ret = vsoc_sw_mdio_register(sw);
	if (!ret)
		ret = vsoc_sw_dma_init(sw);
	if (ret)
		goto err_free;
	ret = vsoc_sw_devlink_setup(sw);
	if (ret)
		goto err_dma;
	ret = request_irq(sw->irq, vsoc_sw_irq, 0, dev_name(dev), sw);
	if (ret)
		goto err_devlink;
	vsoc_sw_dma_start(sw);
	ret = vsoc_sw_switchdev_register(sw);
	if (ret)
		goto err_irq;
	ret = vsoc_sw_ports_create(sw);
	if (ret)
		goto err_switchdev;
	regmap_write(sw->map, VSOC_SW_LINK_IRQ_ENABLE, VSOC_SW_PM_FRONT);
	regmap_update_bits(sw->map, VSOC_SW_IRQ_ENABLE,
			   VSOC_SW_IRQ_EVENT | VSOC_SW_IRQ_LINK | VSOC_SW_IRQ_DMA_ERR,
			   VSOC_SW_IRQ_EVENT | VSOC_SW_IRQ_LINK | VSOC_SW_IRQ_DMA_ERR);
	devlink_register(dl);
	return 0;

err_switchdev:
	vsoc_sw_switchdev_unregister(sw);
	flush_workqueue(sw->wq);
err_irq:
	vsoc_sw_dma_stop(sw);
	free_irq(sw->irq, sw);
	cancel_work_sync(&sw->event_work);
	vsoc_sw_ports_free(sw);
err_devlink:
	vsoc_sw_devlink_teardown(sw);
err_dma:
	vsoc_sw_dma_free(sw);
err_free:
	regmap_write(sw->map, VSOC_SW_CTRL, 0);
	vsoc_sw_free(sw);
	return ret;
}

/*
 * Teardown order: devlink users first, then the interfaces (their
 * bridges let go of them while the notifiers still listen), then the
 * notifiers and works, the data plane, the interrupt and the rings. The
 * MDIO bus (device managed) goes after this, once no port uses its PHYs.
 */
static void vsoc_sw_remove(struct platform_device *pdev)
{
	struct vsoc_sw *sw = platform_get_drvdata(pdev);

	devlink_unregister(sw->devlink);
	WRITE_ONCE(sw->stopping, true);
	regmap_update_bits(sw->map, VSOC_SW_IRQ_ENABLE, VSOC_SW_IRQ_EVENT, 0);
	cancel_work_sync(&sw->event_work);

	vsoc_sw_ports_unregister(sw);
	vsoc_sw_switchdev_unregister(sw);
	flush_workqueue(sw->wq);

	vsoc_sw_dma_stop(sw);
	free_irq(sw->irq, sw);
	cancel_work_sync(&sw->event_work);
	vsoc_sw_ports_free(sw);
	vsoc_sw_dma_free(sw);
	vsoc_sw_devlink_teardown(sw);
	regmap_write(sw->map, VSOC_SW_CTRL, 0);
	vsoc_sw_free(sw);
}

static const struct of_device_id vsoc_sw_of_match[] = {
	{ .compatible = "vsoc,switch" },
	{ }
};
MODULE_DEVICE_TABLE(of, vsoc_sw_of_match);

static struct platform_driver vsoc_sw_driver = {
	.probe = vsoc_sw_probe,
	.remove = vsoc_sw_remove,
	.driver = {
		.name = "vsoc-switch",
		.of_match_table = vsoc_sw_of_match,
	},
};

module_platform_driver(vsoc_sw_driver);

MODULE_DESCRIPTION("vsoc Ethernet switch (switchdev, phylink)");
MODULE_LICENSE("GPL");
