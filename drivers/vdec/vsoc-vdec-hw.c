// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec: the block. Identity and capabilities, reset, the job start,
 * the interrupt, the watchdog and power.
 *
 * One job runs at a time (m2m schedules them). @cur names the context
 * whose job runs; whoever takes it under @hw_lock (the interrupt
 * handler, the watchdog or removal) finishes that job, exactly once.
 */
#include <linux/bitfield.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/regmap.h>

#include <vsoc/regmap.h>

#include "vsoc-vdec.h"

/* Far beyond what a picture of the largest size takes on the model. */
#define VSOC_VDEC_WATCHDOG_MS		2000
#define VSOC_VDEC_AUTOSUSPEND_MS	100
/*
 * A reset stops a job at its next 64 KiB burst, then BUSY clears (the
 * model takes milliseconds); the buffers are not given back before.
 */
#define VSOC_VDEC_RESET_TIMEOUT_US	(500 * USEC_PER_MSEC)

static const struct regmap_config vsoc_vdec_regmap_config = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = VSOC_VDEC_REG_SIZE - 4,
	.fast_io = true,
};

/*
 * Stop whatever the block does and bring every register to its reset
 * value (interrupts disabled, causes clear). Then let a handler that
 * saw a cause of the stopped job end before anyone starts another.
 */
static int vsoc_vdec_hw_reset(struct vsoc_vdec_dev *vdev)
{
	unsigned int status;
	int ret;

	ret = regmap_write(vdev->map, VSOC_VDEC_CTRL, VSOC_VDEC_CTRL_RESET);
	if (!ret)
		ret = regmap_read_poll_timeout(vdev->map, VSOC_VDEC_STATUS,
					       status,
					       !(status & VSOC_VDEC_STATUS_BUSY),
					       100, VSOC_VDEC_RESET_TIMEOUT_US);
	if (!ret)
		ret = regmap_write(vdev->map, VSOC_VDEC_IRQ_STATUS,
				   VSOC_VDEC_IRQ_ALL);
	if (vdev->irq > 0)
		synchronize_irq(vdev->irq);
	if (ret)
		dev_err(vdev->dev, "block does not reset: %d\n", ret);
	return ret;
}

/**
 * vsoc_vdec_job_done() - give back the job's buffers, let m2m go on
 * @vdev: the device
 * @ctx: the job's context
 * @state: state of both buffers
 *
 * Any context. A CAPTURE buffer held for the next field of its frame
 * (V4L2_BUF_FLAG_M2M_HOLD_CAPTURE_BUF) stays queued if the job
 * succeeded; after an error it goes back at once.
 */
void vsoc_vdec_job_done(struct vsoc_vdec_dev *vdev, struct vsoc_vdec_ctx *ctx,
			enum vb2_buffer_state state)
{
	struct v4l2_m2m_ctx *m2m_ctx = ctx->fh.m2m_ctx;
	struct vb2_v4l2_buffer *src = v4l2_m2m_next_src_buf(m2m_ctx);

	if (src && state == VB2_BUF_STATE_ERROR)
		src->flags &= ~V4L2_BUF_FLAG_M2M_HOLD_CAPTURE_BUF;
	v4l2_m2m_buf_done_and_job_finish(vdev->m2m_dev, m2m_ctx, state);
}

/* Finish the job that ran on the block, from wherever it ended. */
static void vsoc_vdec_hw_job_done(struct vsoc_vdec_dev *vdev,
				  struct vsoc_vdec_ctx *ctx,
				  enum vb2_buffer_state state)
{
	vsoc_vdec_job_done(vdev, ctx, state);
	pm_runtime_mark_last_busy(vdev->dev);
	pm_runtime_put_autosuspend(vdev->dev);
}

/* Take the running job, if any: the caller finishes it. */
static struct vsoc_vdec_ctx *vsoc_vdec_take_job(struct vsoc_vdec_dev *vdev)
{
	struct vsoc_vdec_ctx *ctx;
	unsigned long flags;

	spin_lock_irqsave(&vdev->hw_lock, flags);
	ctx = vdev->cur;
	vdev->cur = NULL;
	spin_unlock_irqrestore(&vdev->hw_lock, flags);
	return ctx;
}

static irqreturn_t vsoc_vdec_irq(int irq, void *data)
{
	struct vsoc_vdec_dev *vdev = data;
	unsigned int status, error = 0, decoded = 0;
	struct vsoc_vdec_ctx *ctx;

	if (regmap_read(vdev->map, VSOC_VDEC_IRQ_STATUS, &status))
		return IRQ_NONE;
	status &= VSOC_VDEC_IRQ_ALL;
	if (!status)
		return IRQ_NONE;
	if (status & VSOC_VDEC_IRQ_ERROR)
		regmap_read(vdev->map, VSOC_VDEC_ERROR, &error);
	regmap_read(vdev->map, VSOC_VDEC_DECODED, &decoded);
	if (regmap_write(vdev->map, VSOC_VDEC_IRQ_STATUS, status))
		return IRQ_NONE;

	ctx = vsoc_vdec_take_job(vdev);
	if (!ctx) {
		/* The watchdog or removal got there first. */
		dev_dbg(vdev->dev, "interrupt %#x without a job\n", status);
		return IRQ_HANDLED;
	}
	cancel_delayed_work(&vdev->watchdog);

	if (status & VSOC_VDEC_IRQ_ERROR)
		dev_dbg(vdev->dev, "job failed: error %#x, %u blocks decoded\n",
			error, decoded);
	vsoc_vdec_hw_job_done(vdev, ctx, status & VSOC_VDEC_IRQ_ERROR ?
			      VB2_BUF_STATE_ERROR : VB2_BUF_STATE_DONE);
	return IRQ_HANDLED;
}

static void vsoc_vdec_watchdog(struct work_struct *work)
{
	struct vsoc_vdec_dev *vdev =
		container_of(to_delayed_work(work), struct vsoc_vdec_dev,
			     watchdog);
	struct vsoc_vdec_ctx *ctx;

	ctx = vsoc_vdec_take_job(vdev);
	if (!ctx)
		return;
	dev_err(vdev->dev, "job timed out after %d ms, resetting the block\n",
		VSOC_VDEC_WATCHDOG_MS);
	vsoc_vdec_hw_reset(vdev);
	vsoc_vdec_hw_job_done(vdev, ctx, VB2_BUF_STATE_ERROR);
}

/**
 * vsoc_vdec_hw_run() - program a job and start the block
 * @vdev: the device
 * @ctx: the job's context
 * @run: the job
 *
 * On success the interrupt, the watchdog or removal finishes the job.
 *
 * Return: 0, or a negative errno if the job did not start (the caller
 * finishes it).
 */
int vsoc_vdec_hw_run(struct vsoc_vdec_dev *vdev, struct vsoc_vdec_ctx *ctx,
		     const struct vsoc_vdec_run *run)
{
	unsigned int status;
	int ret;

	mutex_lock(&vdev->run_lock);
	if (vdev->dead) {
		ret = -ENODEV;
		goto out_unlock;
	}
	ret = pm_runtime_resume_and_get(vdev->dev);
	if (ret < 0)
		goto out_unlock;

	/* Job registers written while busy would be ignored. */
	ret = regmap_read(vdev->map, VSOC_VDEC_STATUS, &status);
	if (!ret && (status & VSOC_VDEC_STATUS_BUSY)) {
		dev_warn(vdev->dev, "block busy before a job, resetting it\n");
		ret = vsoc_vdec_hw_reset(vdev);
	}
	if (!ret)
		ret = vsoc_vdec_program_common(vdev->map, run);
	if (!ret)
		ret = run->codec->program(vdev->map, run);
	if (!ret)
		ret = regmap_write(vdev->map, VSOC_VDEC_IRQ_ENABLE,
				   VSOC_VDEC_IRQ_ALL);
	if (ret)
		goto out_put;

	spin_lock_irq(&vdev->hw_lock);
	vdev->cur = ctx;
	spin_unlock_irq(&vdev->hw_lock);
	schedule_delayed_work(&vdev->watchdog,
			      msecs_to_jiffies(VSOC_VDEC_WATCHDOG_MS));

	ret = regmap_write(vdev->map, VSOC_VDEC_KICK, VSOC_VDEC_KICK_START);
	if (ret && vsoc_vdec_take_job(vdev)) {
		/* Not started: nobody else finishes it. */
		cancel_delayed_work(&vdev->watchdog);
		goto out_put;
	}
	mutex_unlock(&vdev->run_lock);
	return 0;

out_put:
	if (ret)
		dev_err(vdev->dev, "cannot start a job: %d\n", ret);
	pm_runtime_mark_last_busy(vdev->dev);
	pm_runtime_put_autosuspend(vdev->dev);
out_unlock:
	mutex_unlock(&vdev->run_lock);
	return ret ? ret : -EIO;
}

/**
 * vsoc_vdec_hw_shutdown() - stop the block for good (removal)
 * @vdev: the device
 *
 * Jobs started from now on fail without touching the block; a job in
 * flight is stopped by a reset and fails.
 */
void vsoc_vdec_hw_shutdown(struct vsoc_vdec_dev *vdev)
{
	struct vsoc_vdec_ctx *ctx;

	mutex_lock(&vdev->run_lock);
	vdev->dead = true;
	mutex_unlock(&vdev->run_lock);

	cancel_delayed_work_sync(&vdev->watchdog);
	ctx = vsoc_vdec_take_job(vdev);
	if (ctx) {
		vsoc_vdec_hw_reset(vdev);
		vsoc_vdec_hw_job_done(vdev, ctx, VB2_BUF_STATE_ERROR);
	} else if (regmap_write(vdev->map, VSOC_VDEC_IRQ_ENABLE, 0)) {
		dev_warn(vdev->dev, "cannot mask the block's interrupts\n");
	}
	synchronize_irq(vdev->irq);
}

static int vsoc_vdec_read_caps(struct vsoc_vdec_dev *vdev)
{
	struct vsoc_vdec_hw_caps *caps = &vdev->caps;
	unsigned int id, ver, val, max, min;
	int ret;

	ret = regmap_read(vdev->map, VSOC_VDEC_ID, &id);
	if (!ret)
		ret = regmap_read(vdev->map, VSOC_VDEC_VERSION, &ver);
	if (!ret)
		ret = regmap_read(vdev->map, VSOC_VDEC_CAPS, &val);
	if (!ret)
		ret = regmap_read(vdev->map, VSOC_VDEC_MAX_SIZE, &max);
	if (!ret)
		ret = regmap_read(vdev->map, VSOC_VDEC_MIN_SIZE, &min);
	if (!ret)
		ret = regmap_read(vdev->map, VSOC_VDEC_MAX_BS_SIZE,
				  &caps->max_bs_size);
	if (ret)
		return dev_err_probe(vdev->dev, ret, "cannot read identity\n");
	if (id != VSOC_VDEC_ID_VALUE)
		return dev_err_probe(vdev->dev, -ENODEV, "unknown block id %#x\n",
				     id);

	caps->codecs = FIELD_GET(VSOC_VDEC_CAPS_CODECS, val);
	caps->formats = FIELD_GET(VSOC_VDEC_CAPS_FORMATS, val);
	caps->min_width = max_t(u32, FIELD_GET(VSOC_VDEC_SIZE_WIDTH, min), 2);
	caps->min_height = max_t(u32, FIELD_GET(VSOC_VDEC_SIZE_HEIGHT, min), 2);
	caps->max_width = FIELD_GET(VSOC_VDEC_SIZE_WIDTH, max);
	caps->max_height = FIELD_GET(VSOC_VDEC_SIZE_HEIGHT, max);
	if (caps->max_width < caps->min_width ||
	    caps->max_height < caps->min_height || !caps->max_bs_size)
		return dev_err_probe(vdev->dev, -ENODEV,
				     "bad limits: size %#x..%#x, bitstream %u\n",
				     min, max, caps->max_bs_size);
	if (!(caps->formats & (BIT(VSOC_VDEC_FMT_NV12) | BIT(VSOC_VDEC_FMT_NV21))))
		return dev_err_probe(vdev->dev, -ENODEV,
				     "block writes no format we know (caps %#x)\n",
				     val);

	dev_dbg(vdev->dev, "vsoc-vdec %lu.%lu\n",
		FIELD_GET(VSOC_VDEC_VERSION_MAJOR, ver),
		FIELD_GET(VSOC_VDEC_VERSION_MINOR, ver));
	return 0;
}

/**
 * vsoc_vdec_hw_probe() - find the block and make it usable
 * @vdev: the device
 * @pdev: the block's platform device
 *
 * Registers, capabilities, a reset, the interrupt and runtime PM, all
 * device managed.
 *
 * Return: 0 or a negative errno.
 */
int vsoc_vdec_hw_probe(struct vsoc_vdec_dev *vdev, struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	int ret;

	INIT_DELAYED_WORK(&vdev->watchdog, vsoc_vdec_watchdog);

	vdev->map = vsoc_regmap_get(pdev, &vsoc_vdec_regmap_config);
	if (IS_ERR(vdev->map))
		return dev_err_probe(dev, PTR_ERR(vdev->map), "no registers\n");

	ret = vsoc_vdec_read_caps(vdev);
	if (ret)
		return ret;

	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64));
	if (ret)
		return dev_err_probe(dev, ret, "no usable DMA mask\n");

	/* Quiet before the handler can run. */
	ret = vsoc_vdec_hw_reset(vdev);
	if (ret)
		return dev_err_probe(dev, ret, "cannot reset the block\n");

	vdev->irq = platform_get_irq(pdev, 0);
	if (vdev->irq < 0)
		return vdev->irq;
	ret = devm_request_irq(dev, vdev->irq, vsoc_vdec_irq, 0, dev_name(dev),
			       vdev);
	if (ret)
		return dev_err_probe(dev, ret, "cannot request interrupt\n");

	/* Powered now; runtime PM may turn it off when idle. */
	pm_runtime_set_active(dev);
	pm_runtime_set_autosuspend_delay(dev, VSOC_VDEC_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	ret = devm_pm_runtime_enable(dev);
	if (ret)
		return dev_err_probe(dev, ret, "cannot enable runtime PM\n");
	return 0;
}

static int vsoc_vdec_runtime_suspend(struct device *dev)
{
	struct vsoc_vdec_dev *vdev = dev_get_drvdata(dev);

	/* Nothing runs; a clock or power gate would go here. */
	return regmap_write(vdev->map, VSOC_VDEC_IRQ_ENABLE, 0);
}

static int vsoc_vdec_runtime_resume(struct device *dev)
{
	struct vsoc_vdec_dev *vdev = dev_get_drvdata(dev);

	/* Registers may have lost their values: start from reset. */
	return vsoc_vdec_hw_reset(vdev);
}

static int vsoc_vdec_suspend(struct device *dev)
{
	struct vsoc_vdec_dev *vdev = dev_get_drvdata(dev);

	/* Waits for the job in flight and holds the next ones. */
	v4l2_m2m_suspend(vdev->m2m_dev);
	return pm_runtime_force_suspend(dev);
}

static int vsoc_vdec_resume(struct device *dev)
{
	struct vsoc_vdec_dev *vdev = dev_get_drvdata(dev);
	int ret;

	ret = pm_runtime_force_resume(dev);
	v4l2_m2m_resume(vdev->m2m_dev);
	return ret;
}

const struct dev_pm_ops vsoc_vdec_pm_ops = {
	SYSTEM_SLEEP_PM_OPS(vsoc_vdec_suspend, vsoc_vdec_resume)
	RUNTIME_PM_OPS(vsoc_vdec_runtime_suspend, vsoc_vdec_runtime_resume,
		       NULL)
};
