// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec: FWHT (V4L2_PIX_FMT_FWHT_STATELESS), the vicodec codec.
 *
 * One control per frame, V4L2_CID_STATELESS_FWHT_PARAMS; a P-frame
 * (no V4L2_FWHT_FL_I_FRAME) predicts from the CAPTURE buffer of
 * backward_ref_ts, which goes to reference slot VSOC_VDEC_FWHT_REF.
 */
#include <linux/bitfield.h>
#include <linux/regmap.h>

#include "vsoc-vdec.h"

static const u32 vsoc_vdec_fwht_req_ctrls[] = {
	V4L2_CID_STATELESS_FWHT_PARAMS,
	0
};

static int vsoc_vdec_fwht_validate(struct vsoc_vdec_ctx *ctx,
				   struct v4l2_ctrl_handler *hdl)
{
	const struct vsoc_vdec_hw_caps *caps = &ctx->vdev->caps;
	const struct v4l2_ctrl_fwht_params *p;

	p = vsoc_vdec_req_ctrl_data(hdl, V4L2_CID_STATELESS_FWHT_PARAMS);
	if (!p)
		return -ENOENT;
	if (p->width < caps->min_width || p->width > ctx->src_fmt.width ||
	    p->height < caps->min_height || p->height > ctx->src_fmt.height) {
		dev_dbg(ctx->vdev->dev,
			"FWHT frame %ux%u, OUTPUT format %ux%u\n", p->width,
			p->height, ctx->src_fmt.width, ctx->src_fmt.height);
		return -EINVAL;
	}
	return 0;
}

static int vsoc_vdec_fwht_prepare(struct vsoc_vdec_ctx *ctx,
				  struct vsoc_vdec_run *run)
{
	const struct v4l2_ctrl_fwht_params *p;

	p = vsoc_vdec_ctrl_data(ctx, V4L2_CID_STATELESS_FWHT_PARAMS);
	if (!p)
		return -EINVAL;
	run->fwht.params = p;
	run->width = p->width;
	run->height = p->height;
	if (p->flags & V4L2_FWHT_FL_I_FRAME)
		return 0;
	return vsoc_vdec_find_ref(ctx, run, p->backward_ref_ts,
				  VSOC_VDEC_FWHT_REF);
}

/**
 * vsoc_vdec_fwht_program() - write the FWHT job registers
 * @map: the block's registers
 * @run: the job, with the FWHT parameters and the reference set
 *
 * Return: 0 or a regmap error.
 */
int vsoc_vdec_fwht_program(struct regmap *map, const struct vsoc_vdec_run *run)
{
	const struct v4l2_ctrl_fwht_params *p = run->fwht.params;

	/* The block takes the stream's flags as they are. */
	BUILD_BUG_ON(VSOC_VDEC_FWHT_FL_I_FRAME != V4L2_FWHT_FL_I_FRAME);
	BUILD_BUG_ON(VSOC_VDEC_FWHT_FL_COMPONENTS_NUM !=
		     V4L2_FWHT_FL_COMPONENTS_NUM_MSK);
	BUILD_BUG_ON(VSOC_VDEC_FWHT_FL_PIXENC != V4L2_FWHT_FL_PIXENC_MSK);
	BUILD_BUG_ON(FIELD_PREP(VSOC_VDEC_FWHT_FL_PIXENC,
				VSOC_VDEC_FWHT_PIXENC_YUV) !=
		     V4L2_FWHT_FL_PIXENC_YUV);

	return regmap_write(map, VSOC_VDEC_FWHT_VERSION, p->version) ?:
	       regmap_write(map, VSOC_VDEC_FWHT_FLAGS, p->flags);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_fwht_program);

const struct vsoc_vdec_codec vsoc_vdec_codec_fwht = {
	.pixelformat = V4L2_PIX_FMT_FWHT_STATELESS,
	.hw_codec = VSOC_VDEC_CODEC_FWHT,
	.req_ctrls = vsoc_vdec_fwht_req_ctrls,
	.validate = vsoc_vdec_fwht_validate,
	.prepare = vsoc_vdec_fwht_prepare,
	.program = vsoc_vdec_fwht_program,
};
