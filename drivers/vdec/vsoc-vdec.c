// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec: probe, the V4L2, media and mem2mem devices, the controls.
 *
 * Lifetime: the driver state lives as long as its v4l2_device, i.e.
 * until the last file of a removed device is closed. Removal
 * unregisters the device nodes, stops the block and fails any job in
 * flight; files still open afterwards only see -ENODEV and their jobs
 * fail without touching the block.
 */
#include <linux/bitfield.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include <media/media-device.h>
#include <media/v4l2-event.h>
#include <media/v4l2-ioctl.h>

#include "vsoc-vdec.h"

/**
 * struct vsoc_vdec_ctrl - a control and the codec it belongs to
 * @cfg: the control; only the id for standard ones
 * @hw_codec: VSOC_VDEC_CODEC_* it exists for
 */
struct vsoc_vdec_ctrl {
	struct v4l2_ctrl_config cfg;
	unsigned int hw_codec;
};

/**
 * vsoc_vdec_try_fwht_params() - can the block decode these FWHT frames
 * @p: the FWHT parameters control
 *
 * The block decodes 8-bit YUV 4:2:0 with three components: no RGB, no
 * grey or alpha plane, no 4:2:2 or 4:4:4.
 *
 * Return: 0 or -EINVAL.
 */
int vsoc_vdec_try_fwht_params(const struct v4l2_ctrl_fwht_params *p)
{
	/* The uAPI knows one version; the core refuses only older ones. */
	if (p->version != V4L2_FWHT_VERSION)
		return -EINVAL;
	/* The field holds the number of components minus one. */
	if (FIELD_GET(V4L2_FWHT_FL_COMPONENTS_NUM_MSK, p->flags) != 2)
		return -EINVAL;
	if ((p->flags & V4L2_FWHT_FL_PIXENC_MSK) != V4L2_FWHT_FL_PIXENC_YUV)
		return -EINVAL;
	if (p->flags & (V4L2_FWHT_FL_CHROMA_FULL_WIDTH |
			V4L2_FWHT_FL_CHROMA_FULL_HEIGHT |
			V4L2_FWHT_FL_ALPHA_IS_UNCOMPRESSED))
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_try_fwht_params);

/**
 * vsoc_vdec_try_mpeg2_sequence() - can the block decode this sequence
 * @seq: the MPEG-2 sequence control
 *
 * Return: 0, or -EINVAL for anything but 4:2:0.
 */
int vsoc_vdec_try_mpeg2_sequence(const struct v4l2_ctrl_mpeg2_sequence *seq)
{
	return seq->chroma_format == 1 ? 0 : -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_try_mpeg2_sequence);

static int vsoc_vdec_try_ctrl(struct v4l2_ctrl *ctrl)
{
	switch (ctrl->id) {
	case V4L2_CID_STATELESS_FWHT_PARAMS:
		return vsoc_vdec_try_fwht_params(ctrl->p_new.p_fwht_params);
	case V4L2_CID_STATELESS_MPEG2_SEQUENCE:
		return vsoc_vdec_try_mpeg2_sequence(ctrl->p_new.p_mpeg2_sequence);
	case V4L2_CID_STATELESS_H264_SPS:
		if (!IS_ENABLED(CONFIG_V4L2_H264))
			return 0;
		return vsoc_vdec_h264_try_sps(ctrl->p_new.p_h264_sps);
	default:
		return 0;
	}
}

static const struct v4l2_ctrl_ops vsoc_vdec_ctrl_ops = {
	.try_ctrl = vsoc_vdec_try_ctrl,
};

static const struct vsoc_vdec_ctrl vsoc_vdec_ctrls[] = {
	{
		.cfg = {
			.id = V4L2_CID_STATELESS_FWHT_PARAMS,
			.ops = &vsoc_vdec_ctrl_ops,
		},
		.hw_codec = VSOC_VDEC_CODEC_FWHT,
	}, {
		.cfg = {
			.id = V4L2_CID_STATELESS_MPEG2_SEQUENCE,
			.ops = &vsoc_vdec_ctrl_ops,
		},
		.hw_codec = VSOC_VDEC_CODEC_MPEG2,
	}, {
		.cfg = { .id = V4L2_CID_STATELESS_MPEG2_PICTURE, },
		.hw_codec = VSOC_VDEC_CODEC_MPEG2,
	}, {
		.cfg = { .id = V4L2_CID_STATELESS_MPEG2_QUANTISATION, },
		.hw_codec = VSOC_VDEC_CODEC_MPEG2,
	}, {
		/* Main profile 4:2:0 is what the block decodes. */
		.cfg = {
			.id = V4L2_CID_MPEG_VIDEO_MPEG2_PROFILE,
			.min = V4L2_MPEG_VIDEO_MPEG2_PROFILE_SIMPLE,
			.max = V4L2_MPEG_VIDEO_MPEG2_PROFILE_MAIN,
			.def = V4L2_MPEG_VIDEO_MPEG2_PROFILE_MAIN,
		},
		.hw_codec = VSOC_VDEC_CODEC_MPEG2,
	}, {
		/* Sizes are bounded by the format, not by the level. */
		.cfg = {
			.id = V4L2_CID_MPEG_VIDEO_MPEG2_LEVEL,
			.min = V4L2_MPEG_VIDEO_MPEG2_LEVEL_LOW,
			.max = V4L2_MPEG_VIDEO_MPEG2_LEVEL_HIGH,
			.def = V4L2_MPEG_VIDEO_MPEG2_LEVEL_MAIN,
		},
		.hw_codec = VSOC_VDEC_CODEC_MPEG2,
	}, {
		.cfg = { .id = V4L2_CID_STATELESS_VP8_FRAME, },
		.hw_codec = VSOC_VDEC_CODEC_VP8,
	}, {
		/* Every profile: they differ in the filters the block has. */
		.cfg = {
			.id = V4L2_CID_MPEG_VIDEO_VP8_PROFILE,
			.min = V4L2_MPEG_VIDEO_VP8_PROFILE_0,
			.max = V4L2_MPEG_VIDEO_VP8_PROFILE_3,
			.def = V4L2_MPEG_VIDEO_VP8_PROFILE_0,
		},
		.hw_codec = VSOC_VDEC_CODEC_VP8,
	}, {
		.cfg = {
			.id = V4L2_CID_STATELESS_H264_SPS,
			.ops = &vsoc_vdec_ctrl_ops,
		},
		.hw_codec = VSOC_VDEC_CODEC_H264,
	}, {
		.cfg = { .id = V4L2_CID_STATELESS_H264_PPS, },
		.hw_codec = VSOC_VDEC_CODEC_H264,
	}, {
		.cfg = { .id = V4L2_CID_STATELESS_H264_SCALING_MATRIX, },
		.hw_codec = VSOC_VDEC_CODEC_H264,
	}, {
		/* Slice-based decoding only: accepted, not used. */
		.cfg = { .id = V4L2_CID_STATELESS_H264_PRED_WEIGHTS, },
		.hw_codec = VSOC_VDEC_CODEC_H264,
	}, {
		.cfg = { .id = V4L2_CID_STATELESS_H264_SLICE_PARAMS, },
		.hw_codec = VSOC_VDEC_CODEC_H264,
	}, {
		.cfg = { .id = V4L2_CID_STATELESS_H264_DECODE_PARAMS, },
		.hw_codec = VSOC_VDEC_CODEC_H264,
	}, {
		/* One job decodes a whole frame: its slices parsed by the block. */
		.cfg = {
			.id = V4L2_CID_STATELESS_H264_DECODE_MODE,
			.min = V4L2_STATELESS_H264_DECODE_MODE_FRAME_BASED,
			.max = V4L2_STATELESS_H264_DECODE_MODE_FRAME_BASED,
			.def = V4L2_STATELESS_H264_DECODE_MODE_FRAME_BASED,
		},
		.hw_codec = VSOC_VDEC_CODEC_H264,
	}, {
		.cfg = {
			.id = V4L2_CID_STATELESS_H264_START_CODE,
			.min = V4L2_STATELESS_H264_START_CODE_NONE,
			.max = V4L2_STATELESS_H264_START_CODE_ANNEX_B,
			.def = V4L2_STATELESS_H264_START_CODE_ANNEX_B,
		},
		.hw_codec = VSOC_VDEC_CODEC_H264,
	}, {
		/* Baseline without slice groups, Main, High; not Extended. */
		.cfg = {
			.id = V4L2_CID_MPEG_VIDEO_H264_PROFILE,
			.min = V4L2_MPEG_VIDEO_H264_PROFILE_BASELINE,
			.max = V4L2_MPEG_VIDEO_H264_PROFILE_HIGH,
			.menu_skip_mask = BIT(V4L2_MPEG_VIDEO_H264_PROFILE_EXTENDED),
			.def = V4L2_MPEG_VIDEO_H264_PROFILE_HIGH,
		},
		.hw_codec = VSOC_VDEC_CODEC_H264,
	}, {
		/* Sizes are bounded by the format, not by the level. */
		.cfg = {
			.id = V4L2_CID_MPEG_VIDEO_H264_LEVEL,
			.min = V4L2_MPEG_VIDEO_H264_LEVEL_1_0,
			.max = V4L2_MPEG_VIDEO_H264_LEVEL_5_1,
			.def = V4L2_MPEG_VIDEO_H264_LEVEL_4_1,
		},
		.hw_codec = VSOC_VDEC_CODEC_H264,
	},
};

/**
 * vsoc_vdec_ctrl_data() - current value of a control of a context
 * @ctx: the context
 * @id: the control
 *
 * Return: the value, or NULL if the context has no such control.
 */
const void *vsoc_vdec_ctrl_data(struct vsoc_vdec_ctx *ctx, u32 id)
{
	struct v4l2_ctrl *ctrl = v4l2_ctrl_find(&ctx->hdl, id);

	return ctrl ? ctrl->p_cur.p : NULL;
}

/**
 * vsoc_vdec_req_ctrl_data() - value a request sets for a control
 * @hdl: the request's control handler (v4l2_ctrl_request_hdl_find())
 * @id: the control
 *
 * Only for request validation: the request cannot change meanwhile.
 *
 * Return: the value, or NULL if the request does not set the control.
 */
const void *vsoc_vdec_req_ctrl_data(struct v4l2_ctrl_handler *hdl, u32 id)
{
	struct v4l2_ctrl_ref *ref;
	const void *data = NULL;

	if (!v4l2_ctrl_request_hdl_ctrl_find(hdl, id))
		return NULL;

	mutex_lock(hdl->lock);
	list_for_each_entry(ref, &hdl->ctrl_refs, node) {
		if (ref->ctrl->id == id) {
			if (ref->p_req_valid)
				data = ref->p_req.p;
			break;
		}
	}
	mutex_unlock(hdl->lock);
	return data;
}

static bool vsoc_vdec_has_codec(struct vsoc_vdec_dev *vdev,
				unsigned int hw_codec)
{
	return vdev->caps.codecs & BIT(hw_codec);
}

/* The block has the codec and the driver offers it (vsoc_vdec_init_codecs()). */
static bool vsoc_vdec_offers_codec(struct vsoc_vdec_dev *vdev,
				   unsigned int hw_codec)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vdev->codecs) && vdev->codecs[i]; i++)
		if (vdev->codecs[i]->hw_codec == hw_codec)
			return true;
	return false;
}

static int vsoc_vdec_init_ctrls(struct vsoc_vdec_ctx *ctx)
{
	struct vsoc_vdec_dev *vdev = ctx->vdev;
	struct v4l2_ctrl_handler *hdl = &ctx->hdl;
	unsigned int i;

	v4l2_ctrl_handler_init(hdl, ARRAY_SIZE(vsoc_vdec_ctrls));
	for (i = 0; i < ARRAY_SIZE(vsoc_vdec_ctrls); i++) {
		if (!vsoc_vdec_offers_codec(vdev, vsoc_vdec_ctrls[i].hw_codec))
			continue;
		v4l2_ctrl_new_custom(hdl, &vsoc_vdec_ctrls[i].cfg, NULL);
	}
	if (hdl->error) {
		int ret = hdl->error;

		v4l2_ctrl_handler_free(hdl);
		return ret;
	}
	ctx->fh.ctrl_handler = hdl;
	return v4l2_ctrl_handler_setup(hdl);
}

static int vsoc_vdec_open(struct file *file)
{
	struct vsoc_vdec_dev *vdev = video_drvdata(file);
	struct vsoc_vdec_ctx *ctx;
	int ret;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	ctx->vdev = vdev;

	if (mutex_lock_interruptible(&vdev->dev_mutex)) {
		kfree(ctx);
		return -ERESTARTSYS;
	}
	v4l2_fh_init(&ctx->fh, video_devdata(file));

	ret = vsoc_vdec_init_ctrls(ctx);
	if (ret)
		goto err_fh;

	ctx->fh.m2m_ctx = v4l2_m2m_ctx_init(vdev->m2m_dev, ctx,
					    vsoc_vdec_queue_init);
	if (IS_ERR(ctx->fh.m2m_ctx)) {
		ret = PTR_ERR(ctx->fh.m2m_ctx);
		goto err_ctrls;
	}
	vsoc_vdec_reset_formats(ctx);
	vsoc_v4l2_fh_add(&ctx->fh, file);
	mutex_unlock(&vdev->dev_mutex);
	return 0;

err_ctrls:
	v4l2_ctrl_handler_free(&ctx->hdl);
err_fh:
	v4l2_fh_exit(&ctx->fh);
	mutex_unlock(&vdev->dev_mutex);
	kfree(ctx);
	return ret;
}

static int vsoc_vdec_release(struct file *file)
{
	struct vsoc_vdec_dev *vdev = video_drvdata(file);
	struct vsoc_vdec_ctx *ctx = vsoc_vdec_file_to_ctx(file);

	mutex_lock(&vdev->dev_mutex);
	vsoc_v4l2_fh_del(&ctx->fh, file);
	/* Waits for the context's job in flight, if any. */
	v4l2_m2m_ctx_release(ctx->fh.m2m_ctx);
	vsoc_vdec_vp8_free(ctx);
	v4l2_ctrl_handler_free(&ctx->hdl);
	v4l2_fh_exit(&ctx->fh);
	mutex_unlock(&vdev->dev_mutex);
	kfree(ctx);
	return 0;
}

static const struct v4l2_file_operations vsoc_vdec_fops = {
	.owner = THIS_MODULE,
	.open = vsoc_vdec_open,
	.release = vsoc_vdec_release,
	.poll = v4l2_m2m_fop_poll,
	.unlocked_ioctl = video_ioctl2,
	.mmap = v4l2_m2m_fop_mmap,
};

static const struct v4l2_m2m_ops vsoc_vdec_m2m_ops = {
	.device_run = vsoc_vdec_device_run,
};

/*
 * A request holds the device: it may be queued, or closed, after its
 * video file was closed and the device removed.
 */
static struct media_request *vsoc_vdec_req_alloc(struct media_device *mdev)
{
	struct vsoc_vdec_dev *vdev =
		container_of(mdev, struct vsoc_vdec_dev, mdev);
	struct media_request *req;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (req)
		v4l2_device_get(&vdev->v4l2_dev);
	return req;
}

static void vsoc_vdec_req_free(struct media_request *req)
{
	struct vsoc_vdec_dev *vdev =
		container_of(req->mdev, struct vsoc_vdec_dev, mdev);

	kfree(req);
	v4l2_device_put(&vdev->v4l2_dev);
}

static const struct media_device_ops vsoc_vdec_media_ops = {
	.req_alloc = vsoc_vdec_req_alloc,
	.req_free = vsoc_vdec_req_free,
	.req_validate = vsoc_vdec_request_validate,
	.req_queue = v4l2_m2m_request_queue,
};

/* Last reference gone: no file is open, no job can run. */
static void vsoc_vdec_v4l2_release(struct v4l2_device *v4l2_dev)
{
	struct vsoc_vdec_dev *vdev =
		container_of(v4l2_dev, struct vsoc_vdec_dev, v4l2_dev);

	if (vdev->m2m_dev)
		v4l2_m2m_release(vdev->m2m_dev);
	media_device_cleanup(&vdev->mdev);
	mutex_destroy(&vdev->run_lock);
	mutex_destroy(&vdev->dev_mutex);
	put_device(vdev->dev);
	kfree(vdev);
}

static void vsoc_vdec_put(void *data)
{
	struct vsoc_vdec_dev *vdev = data;

	v4l2_device_unregister(&vdev->v4l2_dev);
	v4l2_device_put(&vdev->v4l2_dev);
}

static void vsoc_vdec_unregister_video(void *data)
{
	struct vsoc_vdec_dev *vdev = data;

	video_unregister_device(&vdev->vfd);
}

static void vsoc_vdec_unregister_mc(void *data)
{
	struct vsoc_vdec_dev *vdev = data;

	v4l2_m2m_unregister_media_controller(vdev->m2m_dev);
}

static void vsoc_vdec_unregister_mdev(void *data)
{
	struct vsoc_vdec_dev *vdev = data;

	media_device_unregister(&vdev->mdev);
}

static void vsoc_vdec_shutdown(void *data)
{
	vsoc_vdec_hw_shutdown(data);
}

static void vsoc_vdec_init_codecs(struct vsoc_vdec_dev *vdev)
{
	static const struct vsoc_vdec_codec * const all[] = {
		&vsoc_vdec_codec_fwht,
		&vsoc_vdec_codec_mpeg2,
		&vsoc_vdec_codec_vp8,
#if IS_ENABLED(CONFIG_V4L2_H264)
		/* The reference lists come from the kernel's builder. */
		&vsoc_vdec_codec_h264,
#endif
	};
	unsigned int i, n = 0;

	BUILD_BUG_ON(ARRAY_SIZE(all) >= ARRAY_SIZE(vdev->codecs));
	for (i = 0; i < ARRAY_SIZE(all); i++)
		if (vsoc_vdec_has_codec(vdev, all[i]->hw_codec))
			vdev->codecs[n++] = all[i];
}

static int vsoc_vdec_register(struct vsoc_vdec_dev *vdev)
{
	struct device *dev = vdev->dev;
	struct video_device *vfd = &vdev->vfd;
	int ret;

	vdev->m2m_dev = v4l2_m2m_init(&vsoc_vdec_m2m_ops);
	if (IS_ERR(vdev->m2m_dev)) {
		ret = PTR_ERR(vdev->m2m_dev);
		vdev->m2m_dev = NULL;
		return dev_err_probe(dev, ret, "cannot init mem2mem\n");
	}

	vdev->mdev.dev = dev;
	strscpy(vdev->mdev.model, VSOC_VDEC_NAME, sizeof(vdev->mdev.model));
	strscpy(vdev->mdev.bus_info, "platform:" VSOC_VDEC_NAME,
		sizeof(vdev->mdev.bus_info));
	vdev->mdev.ops = &vsoc_vdec_media_ops;
	vdev->v4l2_dev.mdev = &vdev->mdev;

	strscpy(vfd->name, VSOC_VDEC_NAME, sizeof(vfd->name));
	vfd->vfl_dir = VFL_DIR_M2M;
	vfd->fops = &vsoc_vdec_fops;
	vfd->ioctl_ops = &vsoc_vdec_ioctl_ops;
	vfd->minor = -1;
	vfd->release = video_device_release_empty;
	vfd->lock = &vdev->dev_mutex;
	vfd->v4l2_dev = &vdev->v4l2_dev;
	vfd->device_caps = V4L2_CAP_VIDEO_M2M | V4L2_CAP_STREAMING;
	video_set_drvdata(vfd, vdev);

	ret = video_register_device(vfd, VFL_TYPE_VIDEO, -1);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register video device\n");
	ret = devm_add_action_or_reset(dev, vsoc_vdec_unregister_video, vdev);
	if (ret)
		return ret;

	ret = v4l2_m2m_register_media_controller(vdev->m2m_dev, vfd,
						 MEDIA_ENT_F_PROC_VIDEO_DECODER);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register media entities\n");
	ret = devm_add_action_or_reset(dev, vsoc_vdec_unregister_mc, vdev);
	if (ret)
		return ret;

	ret = media_device_register(&vdev->mdev);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register media device\n");
	return devm_add_action_or_reset(dev, vsoc_vdec_unregister_mdev, vdev);
}

static int vsoc_vdec_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct vsoc_vdec_dev *vdev;
	int ret;

	vdev = kzalloc(sizeof(*vdev), GFP_KERNEL);
	if (!vdev)
		return -ENOMEM;
	vdev->dev = get_device(dev);
	mutex_init(&vdev->dev_mutex);
	mutex_init(&vdev->run_lock);
	spin_lock_init(&vdev->hw_lock);
	media_device_init(&vdev->mdev);
	platform_set_drvdata(pdev, vdev);

	vdev->v4l2_dev.release = vsoc_vdec_v4l2_release;
	ret = v4l2_device_register(dev, &vdev->v4l2_dev);
	if (ret) {
		vsoc_vdec_v4l2_release(&vdev->v4l2_dev);
		return dev_err_probe(dev, ret, "cannot register V4L2 device\n");
	}
	/* From here on the v4l2_device's last reference frees @vdev. */
	ret = devm_add_action_or_reset(dev, vsoc_vdec_put, vdev);
	if (ret)
		return ret;

	ret = vsoc_vdec_hw_probe(vdev, pdev);
	if (ret)
		return ret;
	/* Runs after the device nodes are gone, before the IRQ is freed. */
	ret = devm_add_action_or_reset(dev, vsoc_vdec_shutdown, vdev);
	if (ret)
		return ret;

	vsoc_vdec_init_codecs(vdev);
	if (!vdev->codecs[0])
		return dev_err_probe(dev, -ENODEV, "block implements no codec we know (caps %#x)\n",
				     vdev->caps.codecs);

	ret = vsoc_vdec_register(vdev);
	if (ret)
		return ret;

	dev_info(dev, "%s: /dev/video%d, %ux%u..%ux%u, codecs %#x, formats %#x\n",
		 VSOC_VDEC_NAME, vdev->vfd.num, vdev->caps.min_width,
		 vdev->caps.min_height, vdev->caps.max_width,
		 vdev->caps.max_height, vdev->caps.codecs, vdev->caps.formats);
	return 0;
}

static const struct of_device_id vsoc_vdec_of_match[] = {
	{ .compatible = "vsoc,vdec" },
	{ }
};
MODULE_DEVICE_TABLE(of, vsoc_vdec_of_match);

static struct platform_driver vsoc_vdec_driver = {
	.probe = vsoc_vdec_probe,
	.driver = {
		.name = VSOC_VDEC_NAME,
		.of_match_table = vsoc_vdec_of_match,
		.pm = pm_ptr(&vsoc_vdec_pm_ops),
	},
};
module_platform_driver(vsoc_vdec_driver);

MODULE_DESCRIPTION("vsoc-vdec V4L2 stateless video decoder driver");
MODULE_LICENSE("GPL");
