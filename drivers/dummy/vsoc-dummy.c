// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-dummy: driver of the board's smoke-test IP block.
 *
 * Probe checks the block the way a bring-up engineer would: identity,
 * a scratch register round trip and a software interrupt. Afterwards the
 * block's counters and a DMA self-test are offered in sysfs
 * (Documentation/vsoc-dummy.rst). The driver knows only the register
 * interface in include/vsoc/dummy-regs.h.
 */
#include <linux/bitfield.h>
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <vsoc/dummy-regs.h>
#include <vsoc/regmap.h>

#define VSOC_DUMMY_TIMEOUT	msecs_to_jiffies(2000)
/* An aborted transfer stops within a burst; give it plenty. */
#define VSOC_DUMMY_ABORT_US	(1000 * USEC_PER_MSEC)
#define VSOC_DUMMY_SELFTEST	0x5a5aa5a5

/**
 * struct vsoc_dummy - driver state
 * @dev: the block's device
 * @map: its registers
 * @irq: its interrupt
 * @lock: serialises the users of the interrupt wait (probe and sysfs)
 * @done: completed by the interrupt handler for the cause in @wait_mask
 * @wait_mask: interrupt causes a waiter is interested in
 * @seen: causes collected for the waiter
 * @irq_count: interrupts handled, by cause (bit index)
 */
struct vsoc_dummy {
	struct device *dev;
	struct regmap *map;
	int irq;
	struct mutex lock; /* one waiter at a time */
	struct completion done;
	u32 wait_mask;
	u32 seen;
	atomic_t irq_count[4];
};

static const struct regmap_config vsoc_dummy_regmap_config = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = VSOC_DUMMY_REG_SIZE - 4,
	.fast_io = true,
};

static irqreturn_t vsoc_dummy_irq(int irq, void *data)
{
	struct vsoc_dummy *vd = data;
	unsigned long causes;
	unsigned int status;
	int bit;

	if (regmap_read(vd->map, VSOC_DUMMY_IRQ_STATUS, &status))
		return IRQ_NONE;
	status &= VSOC_DUMMY_IRQ_ALL;
	if (!status)
		return IRQ_NONE;
	/* Acknowledge before looking: a cause raised from now on stays. */
	if (regmap_write(vd->map, VSOC_DUMMY_IRQ_STATUS, status))
		return IRQ_NONE;

	causes = status;
	for_each_set_bit(bit, &causes, ARRAY_SIZE(vd->irq_count))
		atomic_inc(&vd->irq_count[bit]);

	if (status & READ_ONCE(vd->wait_mask)) {
		WRITE_ONCE(vd->seen, status);
		complete(&vd->done);
	}
	return IRQ_HANDLED;
}

/*
 * Start what @kick writes and wait for one of the causes in @mask.
 * Returns the causes seen, or a negative errno.
 */
static int vsoc_dummy_kick_and_wait(struct vsoc_dummy *vd, unsigned int reg,
				    u32 kick, u32 mask)
{
	int ret;

	lockdep_assert_held(&vd->lock);

	/*
	 * A cause left by an earlier kick (one that timed out) must not
	 * complete this one: clear it, and let a handler that saw it end.
	 */
	ret = regmap_write(vd->map, VSOC_DUMMY_IRQ_STATUS, mask);
	if (ret)
		return ret;
	synchronize_irq(vd->irq);

	reinit_completion(&vd->done);
	WRITE_ONCE(vd->seen, 0);
	WRITE_ONCE(vd->wait_mask, mask);
	ret = regmap_write(vd->map, reg, kick);
	if (!ret && !wait_for_completion_timeout(&vd->done, VSOC_DUMMY_TIMEOUT))
		ret = -ETIMEDOUT;
	WRITE_ONCE(vd->wait_mask, 0);
	return ret ? ret : READ_ONCE(vd->seen);
}

/*
 * Stop a transfer that did not end in time. Returns 0 once the engine is
 * idle, so that its buffers may be freed, or an error if it is still
 * busy: then it may still write them, and they must be left alone.
 */
static int vsoc_dummy_dma_abort(struct vsoc_dummy *vd)
{
	unsigned int status;
	int ret;

	ret = regmap_write(vd->map, VSOC_DUMMY_DMA_CTRL,
			   VSOC_DUMMY_DMA_CTRL_ABORT);
	if (!ret)
		ret = regmap_read_poll_timeout(vd->map, VSOC_DUMMY_DMA_STATUS,
					       status,
					       !(status & VSOC_DUMMY_DMA_STATUS_BUSY),
					       USEC_PER_MSEC, VSOC_DUMMY_ABORT_US);
	if (ret)
		dev_err(vd->dev, "DMA engine does not stop (%d): leaking its buffers\n",
			ret);
	return ret;
}

static int vsoc_dummy_selftest(struct vsoc_dummy *vd)
{
	unsigned int val;
	int ret;

	ret = regmap_write(vd->map, VSOC_DUMMY_SCRATCH, VSOC_DUMMY_SELFTEST);
	if (!ret)
		ret = regmap_read(vd->map, VSOC_DUMMY_SCRATCH, &val);
	if (ret)
		return ret;
	if (val != VSOC_DUMMY_SELFTEST) {
		dev_err(vd->dev, "scratch register reads %#x, wrote %#x\n",
			val, VSOC_DUMMY_SELFTEST);
		return -EIO;
	}

	mutex_lock(&vd->lock);
	ret = vsoc_dummy_kick_and_wait(vd, VSOC_DUMMY_SWI,
				       VSOC_DUMMY_SWI_TRIGGER,
				       VSOC_DUMMY_IRQ_SWI);
	mutex_unlock(&vd->lock);
	if (ret < 0)
		dev_err(vd->dev, "software interrupt not delivered: %d\n", ret);
	return ret < 0 ? ret : 0;
}

/* Program the engine for one transfer and run it, with the lock held. */
static int vsoc_dummy_dma_run_locked(struct vsoc_dummy *vd,
				     dma_addr_t src, dma_addr_t dst, u32 len)
{
	const struct reg_sequence setup[] = {
		{ VSOC_DUMMY_DMA_SRC_LO, lower_32_bits(src) },
		{ VSOC_DUMMY_DMA_SRC_HI, upper_32_bits(src) },
		{ VSOC_DUMMY_DMA_DST_LO, lower_32_bits(dst) },
		{ VSOC_DUMMY_DMA_DST_HI, upper_32_bits(dst) },
		{ VSOC_DUMMY_DMA_LEN, len },
	};
	unsigned int status;
	int ret;

	lockdep_assert_held(&vd->lock);

	ret = regmap_read(vd->map, VSOC_DUMMY_DMA_STATUS, &status);
	if (ret)
		return ret;
	/* Parameters written while busy would be ignored. */
	if (status & VSOC_DUMMY_DMA_STATUS_BUSY)
		return -EBUSY;
	ret = regmap_multi_reg_write(vd->map, setup, ARRAY_SIZE(setup));
	if (ret)
		return ret;
	ret = vsoc_dummy_kick_and_wait(vd, VSOC_DUMMY_DMA_CTRL,
				       VSOC_DUMMY_DMA_CTRL_START,
				       VSOC_DUMMY_IRQ_DMA_DONE |
				       VSOC_DUMMY_IRQ_DMA_ERR);
	if (ret == -ETIMEDOUT && vsoc_dummy_dma_abort(vd))
		return -EDEADLK;
	if (ret < 0)
		return ret;
	return ret & VSOC_DUMMY_IRQ_DMA_ERR ? -EIO : 0;
}

/* Copy @len bytes of a pattern through the block and compare. */
static int vsoc_dummy_dma_test(struct vsoc_dummy *vd, u32 len)
{
	dma_addr_t src_dma, dst_dma;
	u8 *src, *dst;
	u32 i;
	int ret;

	src = dma_alloc_coherent(vd->dev, len, &src_dma, GFP_KERNEL);
	dst = dma_alloc_coherent(vd->dev, len, &dst_dma, GFP_KERNEL);
	if (!src || !dst) {
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < len; i++)
		src[i] = i * 7 + (i >> 8);
	memset(dst, 0, len);

	mutex_lock(&vd->lock);
	ret = vsoc_dummy_dma_run_locked(vd, src_dma, dst_dma, len);
	mutex_unlock(&vd->lock);
	if (ret == -EDEADLK) {
		/* The engine may still write them: never free them. */
		return -ETIMEDOUT;
	}
	if (!ret && memcmp(src, dst, len))
		ret = -EILSEQ;
out:
	if (dst)
		dma_free_coherent(vd->dev, len, dst, dst_dma);
	if (src)
		dma_free_coherent(vd->dev, len, src, src_dma);
	return ret;
}

static ssize_t scratch_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct vsoc_dummy *vd = dev_get_drvdata(dev);
	unsigned int val;
	int ret;

	ret = regmap_read(vd->map, VSOC_DUMMY_SCRATCH, &val);
	return ret ? ret : sysfs_emit(buf, "%#x\n", val);
}

static ssize_t scratch_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	struct vsoc_dummy *vd = dev_get_drvdata(dev);
	u32 val;
	int ret;

	ret = kstrtou32(buf, 0, &val);
	if (!ret)
		ret = regmap_write(vd->map, VSOC_DUMMY_SCRATCH, val);
	return ret ? ret : count;
}
static DEVICE_ATTR_RW(scratch);

static ssize_t irq_counts_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	struct vsoc_dummy *vd = dev_get_drvdata(dev);

	return sysfs_emit(buf, "dma_done %d\ndma_err %d\nswi %d\nevent %d\n",
			  atomic_read(&vd->irq_count[0]),
			  atomic_read(&vd->irq_count[1]),
			  atomic_read(&vd->irq_count[2]),
			  atomic_read(&vd->irq_count[3]));
}
static DEVICE_ATTR_RO(irq_counts);

static ssize_t dma_test_store(struct device *dev,
			      struct device_attribute *attr, const char *buf,
			      size_t count)
{
	struct vsoc_dummy *vd = dev_get_drvdata(dev);
	u32 len;
	int ret;

	ret = kstrtou32(buf, 0, &len);
	if (ret)
		return ret;
	if (!len || len > VSOC_DUMMY_DMA_LEN_MAX)
		return -EINVAL;
	ret = vsoc_dummy_dma_test(vd, len);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(dma_test);

static struct attribute *vsoc_dummy_attrs[] = {
	&dev_attr_scratch.attr,
	&dev_attr_irq_counts.attr,
	&dev_attr_dma_test.attr,
	NULL
};
ATTRIBUTE_GROUPS(vsoc_dummy);

/* On unbind, devres runs this before it frees the interrupt. */
static void vsoc_dummy_quiesce(void *data)
{
	struct vsoc_dummy *vd = data;

	if (regmap_write(vd->map, VSOC_DUMMY_IRQ_ENABLE, 0))
		dev_warn(vd->dev, "cannot mask the block's interrupts\n");
}

static int vsoc_dummy_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct vsoc_dummy *vd;
	unsigned int id, ver;
	int irq, ret;

	vd = devm_kzalloc(dev, sizeof(*vd), GFP_KERNEL);
	if (!vd)
		return -ENOMEM;
	vd->dev = dev;
	init_completion(&vd->done);
	mutex_init(&vd->lock);
	platform_set_drvdata(pdev, vd);

	vd->map = vsoc_regmap_get(pdev, &vsoc_dummy_regmap_config);
	if (IS_ERR(vd->map))
		return dev_err_probe(dev, PTR_ERR(vd->map), "no registers\n");

	ret = regmap_read(vd->map, VSOC_DUMMY_ID, &id);
	if (!ret)
		ret = regmap_read(vd->map, VSOC_DUMMY_VERSION, &ver);
	if (ret)
		return dev_err_probe(dev, ret, "cannot read identity\n");
	if (id != VSOC_DUMMY_ID_VALUE)
		return dev_err_probe(dev, -ENODEV, "unknown block id %#x\n", id);

	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64));
	if (ret)
		return dev_err_probe(dev, ret, "no usable DMA mask\n");

	/* Quiesce before the handler can run. */
	ret = regmap_write(vd->map, VSOC_DUMMY_IRQ_ENABLE, 0);
	if (!ret)
		ret = regmap_write(vd->map, VSOC_DUMMY_IRQ_STATUS,
				   VSOC_DUMMY_IRQ_ALL);
	if (ret)
		return dev_err_probe(dev, ret, "cannot quiesce the block\n");

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	vd->irq = irq;
	ret = devm_request_irq(dev, irq, vsoc_dummy_irq, 0, dev_name(dev), vd);
	if (ret)
		return dev_err_probe(dev, ret, "cannot request interrupt\n");
	ret = regmap_write(vd->map, VSOC_DUMMY_IRQ_ENABLE, VSOC_DUMMY_IRQ_ALL);
	if (!ret)
		ret = devm_add_action_or_reset(dev, vsoc_dummy_quiesce, vd);
	if (ret)
		return ret;

	ret = vsoc_dummy_selftest(vd);
	if (ret)
		return dev_err_probe(dev, ret, "self-test failed\n");

	dev_info(dev, "vsoc-dummy %lu.%lu up, self-test passed\n",
		 FIELD_GET(VSOC_DUMMY_VERSION_MAJOR, ver),
		 FIELD_GET(VSOC_DUMMY_VERSION_MINOR, ver));
	return 0;
}

static const struct of_device_id vsoc_dummy_of_match[] = {
	{ .compatible = "vsoc,dummy" },
	{ }
};
MODULE_DEVICE_TABLE(of, vsoc_dummy_of_match);

static struct platform_driver vsoc_dummy_driver = {
	.probe = vsoc_dummy_probe,
	.driver = {
		.name = "vsoc-dummy",
		.of_match_table = vsoc_dummy_of_match,
		.dev_groups = vsoc_dummy_groups,
	},
};
module_platform_driver(vsoc_dummy_driver);

MODULE_DESCRIPTION("vsoc-dummy smoke-test IP block driver");
MODULE_LICENSE("GPL");
