// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec: formats, ioctls and the vb2 queues.
 *
 * OUTPUT holds one coded picture per buffer (single plane); its width
 * and height decide the CAPTURE format, a single-plane NV12 or NV21
 * picture laid out as the block writes it: bytesperline is the width
 * rounded up to VSOC_VDEC_STRIDE_ALIGN, the height is rounded up to
 * VSOC_VDEC_HEIGHT_ALIGN (whole macroblock rows: the chroma plane starts
 * at bytesperline * height) and sizeimage = bytesperline * height * 3/2.
 */
#include <linux/dma-mapping.h>
#include <linux/kernel.h>

#include <media/v4l2-event.h>
#include <media/v4l2-ioctl.h>
#include <media/videobuf2-dma-contig.h>

#include "vsoc-vdec.h"

/**
 * struct vsoc_vdec_cap_fmt - a CAPTURE format
 * @pixelformat: V4L2_PIX_FMT_*
 * @hw_fmt: VSOC_VDEC_FMT_*, also its VSOC_VDEC_CAPS bit
 */
struct vsoc_vdec_cap_fmt {
	u32 pixelformat;
	u32 hw_fmt;
};

static const struct vsoc_vdec_cap_fmt vsoc_vdec_cap_fmts[] = {
	{ V4L2_PIX_FMT_NV12, VSOC_VDEC_FMT_NV12 },
	{ V4L2_PIX_FMT_NV21, VSOC_VDEC_FMT_NV21 },
};

static const struct vsoc_vdec_cap_fmt *
vsoc_vdec_find_cap_fmt(struct vsoc_vdec_dev *vdev, u32 pixelformat)
{
	const struct vsoc_vdec_cap_fmt *first = NULL;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vsoc_vdec_cap_fmts); i++) {
		if (!(vdev->caps.formats & BIT(vsoc_vdec_cap_fmts[i].hw_fmt)))
			continue;
		if (vsoc_vdec_cap_fmts[i].pixelformat == pixelformat)
			return &vsoc_vdec_cap_fmts[i];
		if (!first)
			first = &vsoc_vdec_cap_fmts[i];
	}
	return first;
}

/**
 * vsoc_vdec_hw_fmt() - the block's output format of a CAPTURE format
 * @pixelformat: V4L2_PIX_FMT_NV12 or V4L2_PIX_FMT_NV21
 *
 * Return: VSOC_VDEC_FMT_*.
 */
u32 vsoc_vdec_hw_fmt(u32 pixelformat)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vsoc_vdec_cap_fmts); i++)
		if (vsoc_vdec_cap_fmts[i].pixelformat == pixelformat)
			return vsoc_vdec_cap_fmts[i].hw_fmt;
	return VSOC_VDEC_FMT_NV12;
}

static const struct vsoc_vdec_codec *
vsoc_vdec_find_codec(struct vsoc_vdec_dev *vdev, u32 pixelformat)
{
	unsigned int i;

	for (i = 0; vdev->codecs[i]; i++)
		if (vdev->codecs[i]->pixelformat == pixelformat)
			return vdev->codecs[i];
	return NULL;
}

/**
 * vsoc_vdec_bound_dim() - a width or height the block can decode
 * @val: the wish
 * @min: the block's minimum
 * @max: the block's maximum
 *
 * Sizes go from @min in steps of 2 (VIDIOC_ENUM_FRAMESIZES).
 *
 * Return: @val clamped to [@min, @max] and rounded up to a step.
 */
u32 vsoc_vdec_bound_dim(u32 val, u32 min, u32 max)
{
	max = min + round_down(max - min, 2);
	val = clamp(val, min, max);
	return min + round_up(val - min, 2);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_bound_dim);

/**
 * vsoc_vdec_fill_dst_size() - bytesperline and sizeimage of a picture
 * @pix: a CAPTURE format with its width and height set
 */
void vsoc_vdec_fill_dst_size(struct v4l2_pix_format *pix)
{
	pix->bytesperline = ALIGN(pix->width, VSOC_VDEC_STRIDE_ALIGN);
	pix->sizeimage = pix->bytesperline *
			 ALIGN(pix->height, VSOC_VDEC_HEIGHT_ALIGN) * 3 / 2;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_fill_dst_size);

static void vsoc_vdec_try_src_fmt(struct vsoc_vdec_ctx *ctx,
				  struct v4l2_pix_format *pix)
{
	struct vsoc_vdec_dev *vdev = ctx->vdev;
	const struct vsoc_vdec_hw_caps *caps = &vdev->caps;
	const struct vsoc_vdec_codec *codec;
	u32 min_size;

	codec = vsoc_vdec_find_codec(vdev, pix->pixelformat);
	if (!codec)
		codec = vdev->codecs[0];
	pix->pixelformat = codec->pixelformat;
	pix->width = vsoc_vdec_bound_dim(pix->width, caps->min_width,
					 caps->max_width);
	pix->height = vsoc_vdec_bound_dim(pix->height, caps->min_height,
					  caps->max_height);
	pix->field = V4L2_FIELD_NONE;
	pix->bytesperline = 0;
	/* A raw picture's size holds any sane coded picture. */
	min_size = min(pix->width * pix->height * 3 / 2, caps->max_bs_size);
	pix->sizeimage = clamp(pix->sizeimage, min_size, caps->max_bs_size);
	pix->flags = 0;

	if (pix->colorspace == V4L2_COLORSPACE_DEFAULT ||
	    pix->colorspace > V4L2_COLORSPACE_DCI_P3)
		pix->colorspace = V4L2_COLORSPACE_REC709;
	if (pix->xfer_func > V4L2_XFER_FUNC_SMPTE2084)
		pix->xfer_func = V4L2_XFER_FUNC_DEFAULT;
	if (pix->ycbcr_enc > V4L2_YCBCR_ENC_SMPTE240M)
		pix->ycbcr_enc = V4L2_YCBCR_ENC_DEFAULT;
	if (pix->quantization > V4L2_QUANTIZATION_LIM_RANGE)
		pix->quantization = V4L2_QUANTIZATION_DEFAULT;
}

/* The picture of the OUTPUT format, in the CAPTURE format @pix asks for. */
static void vsoc_vdec_try_dst_fmt(struct vsoc_vdec_ctx *ctx,
				  struct v4l2_pix_format *pix)
{
	const struct v4l2_pix_format *src = &ctx->src_fmt;

	pix->pixelformat =
		vsoc_vdec_find_cap_fmt(ctx->vdev, pix->pixelformat)->pixelformat;
	/*
	 * The chroma plane follows the luma plane's whole macroblock rows:
	 * a single-plane NV12 format says where by its height, so that is
	 * the aligned height (as Cedrus does); the picture is the top left
	 * OUTPUT width x height of it.
	 */
	pix->width = src->width;
	pix->height = ALIGN(src->height, VSOC_VDEC_HEIGHT_ALIGN);
	pix->field = V4L2_FIELD_NONE;
	vsoc_vdec_fill_dst_size(pix);
	pix->flags = 0;
	pix->colorspace = src->colorspace;
	pix->xfer_func = src->xfer_func;
	pix->ycbcr_enc = src->ycbcr_enc;
	pix->quantization = src->quantization;
}

static void vsoc_vdec_set_src_fmt(struct vsoc_vdec_ctx *ctx,
				  const struct v4l2_pix_format *pix)
{
	struct vb2_queue *vq = v4l2_m2m_get_src_vq(ctx->fh.m2m_ctx);

	ctx->src_fmt = *pix;
	ctx->codec = vsoc_vdec_find_codec(ctx->vdev, pix->pixelformat);
	if (ctx->codec->hold_capture)
		vq->subsystem_flags |= VB2_V4L2_FL_SUPPORTS_M2M_HOLD_CAPTURE_BUF;
	else
		vq->subsystem_flags &= ~VB2_V4L2_FL_SUPPORTS_M2M_HOLD_CAPTURE_BUF;
	/* The CAPTURE format follows, in the pixel format it had. */
	vsoc_vdec_try_dst_fmt(ctx, &ctx->dst_fmt);
}

/**
 * vsoc_vdec_reset_formats() - the formats of a new context
 * @ctx: the context
 */
void vsoc_vdec_reset_formats(struct vsoc_vdec_ctx *ctx)
{
	struct v4l2_pix_format pix = {
		.pixelformat = ctx->vdev->codecs[0]->pixelformat,
		.width = 1280,
		.height = 720,
		.colorspace = V4L2_COLORSPACE_REC709,
	};

	ctx->dst_fmt.pixelformat = 0;
	vsoc_vdec_try_src_fmt(ctx, &pix);
	vsoc_vdec_set_src_fmt(ctx, &pix);
}

static int vsoc_vdec_querycap(struct file *file, void *priv,
			      struct v4l2_capability *cap)
{
	struct vsoc_vdec_dev *vdev = video_drvdata(file);

	strscpy(cap->driver, VSOC_VDEC_NAME, sizeof(cap->driver));
	strscpy(cap->card, VSOC_VDEC_NAME, sizeof(cap->card));
	strscpy(cap->bus_info, vdev->mdev.bus_info, sizeof(cap->bus_info));
	return 0;
}

static int vsoc_vdec_enum_fmt_vid_out(struct file *file, void *priv,
				      struct v4l2_fmtdesc *f)
{
	struct vsoc_vdec_dev *vdev = video_drvdata(file);
	unsigned int i;

	for (i = 0; vdev->codecs[i]; i++) {
		if (i == f->index) {
			f->pixelformat = vdev->codecs[i]->pixelformat;
			f->flags = V4L2_FMT_FLAG_COMPRESSED;
			return 0;
		}
	}
	return -EINVAL;
}

static int vsoc_vdec_enum_fmt_vid_cap(struct file *file, void *priv,
				      struct v4l2_fmtdesc *f)
{
	struct vsoc_vdec_dev *vdev = video_drvdata(file);
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(vsoc_vdec_cap_fmts); i++) {
		if (!(vdev->caps.formats & BIT(vsoc_vdec_cap_fmts[i].hw_fmt)))
			continue;
		if (n++ == f->index) {
			f->pixelformat = vsoc_vdec_cap_fmts[i].pixelformat;
			return 0;
		}
	}
	return -EINVAL;
}

static int vsoc_vdec_enum_framesizes(struct file *file, void *priv,
				     struct v4l2_frmsizeenum *fsize)
{
	struct vsoc_vdec_dev *vdev = video_drvdata(file);
	const struct vsoc_vdec_hw_caps *caps = &vdev->caps;

	if (fsize->index || !vsoc_vdec_find_codec(vdev, fsize->pixel_format))
		return -EINVAL;

	fsize->type = V4L2_FRMSIZE_TYPE_STEPWISE;
	fsize->stepwise.min_width = caps->min_width;
	fsize->stepwise.max_width = vsoc_vdec_bound_dim(caps->max_width,
							caps->min_width,
							caps->max_width);
	fsize->stepwise.step_width = 2;
	fsize->stepwise.min_height = caps->min_height;
	fsize->stepwise.max_height = vsoc_vdec_bound_dim(caps->max_height,
							 caps->min_height,
							 caps->max_height);
	fsize->stepwise.step_height = 2;
	return 0;
}

static int vsoc_vdec_g_fmt_vid_out(struct file *file, void *priv,
				   struct v4l2_format *f)
{
	f->fmt.pix = vsoc_vdec_file_to_ctx(file)->src_fmt;
	return 0;
}

static int vsoc_vdec_g_fmt_vid_cap(struct file *file, void *priv,
				   struct v4l2_format *f)
{
	f->fmt.pix = vsoc_vdec_file_to_ctx(file)->dst_fmt;
	return 0;
}

static int vsoc_vdec_try_fmt_vid_out(struct file *file, void *priv,
				     struct v4l2_format *f)
{
	vsoc_vdec_try_src_fmt(vsoc_vdec_file_to_ctx(file), &f->fmt.pix);
	return 0;
}

static int vsoc_vdec_try_fmt_vid_cap(struct file *file, void *priv,
				     struct v4l2_format *f)
{
	vsoc_vdec_try_dst_fmt(vsoc_vdec_file_to_ctx(file), &f->fmt.pix);
	return 0;
}

static int vsoc_vdec_s_fmt_vid_out(struct file *file, void *priv,
				   struct v4l2_format *f)
{
	struct vsoc_vdec_ctx *ctx = vsoc_vdec_file_to_ctx(file);
	struct vb2_queue *src_vq = v4l2_m2m_get_src_vq(ctx->fh.m2m_ctx);
	struct vb2_queue *dst_vq = v4l2_m2m_get_dst_vq(ctx->fh.m2m_ctx);

	vsoc_vdec_try_src_fmt(ctx, &f->fmt.pix);
	/*
	 * A new size is fine while OUTPUT has buffers (resolution change
	 * between streams), a new codec is not; neither is changing the
	 * CAPTURE format it decides once CAPTURE has buffers.
	 */
	if (vb2_is_streaming(src_vq) ||
	    (vb2_is_busy(src_vq) &&
	     f->fmt.pix.pixelformat != ctx->src_fmt.pixelformat) ||
	    vb2_is_busy(dst_vq))
		return -EBUSY;

	vsoc_vdec_set_src_fmt(ctx, &f->fmt.pix);
	return 0;
}

static int vsoc_vdec_s_fmt_vid_cap(struct file *file, void *priv,
				   struct v4l2_format *f)
{
	struct vsoc_vdec_ctx *ctx = vsoc_vdec_file_to_ctx(file);

	vsoc_vdec_try_dst_fmt(ctx, &f->fmt.pix);
	if (vb2_is_busy(v4l2_m2m_get_dst_vq(ctx->fh.m2m_ctx)))
		return -EBUSY;
	ctx->dst_fmt = f->fmt.pix;
	return 0;
}

const struct v4l2_ioctl_ops vsoc_vdec_ioctl_ops = {
	.vidioc_querycap = vsoc_vdec_querycap,

	.vidioc_enum_fmt_vid_out = vsoc_vdec_enum_fmt_vid_out,
	.vidioc_g_fmt_vid_out = vsoc_vdec_g_fmt_vid_out,
	.vidioc_try_fmt_vid_out = vsoc_vdec_try_fmt_vid_out,
	.vidioc_s_fmt_vid_out = vsoc_vdec_s_fmt_vid_out,

	.vidioc_enum_fmt_vid_cap = vsoc_vdec_enum_fmt_vid_cap,
	.vidioc_g_fmt_vid_cap = vsoc_vdec_g_fmt_vid_cap,
	.vidioc_try_fmt_vid_cap = vsoc_vdec_try_fmt_vid_cap,
	.vidioc_s_fmt_vid_cap = vsoc_vdec_s_fmt_vid_cap,

	.vidioc_enum_framesizes = vsoc_vdec_enum_framesizes,

	.vidioc_reqbufs = v4l2_m2m_ioctl_reqbufs,
	.vidioc_querybuf = v4l2_m2m_ioctl_querybuf,
	.vidioc_qbuf = v4l2_m2m_ioctl_qbuf,
	.vidioc_dqbuf = v4l2_m2m_ioctl_dqbuf,
	.vidioc_prepare_buf = v4l2_m2m_ioctl_prepare_buf,
	.vidioc_create_bufs = v4l2_m2m_ioctl_create_bufs,
	.vidioc_expbuf = v4l2_m2m_ioctl_expbuf,

	.vidioc_streamon = v4l2_m2m_ioctl_streamon,
	.vidioc_streamoff = v4l2_m2m_ioctl_streamoff,

	.vidioc_try_decoder_cmd = v4l2_m2m_ioctl_stateless_try_decoder_cmd,
	.vidioc_decoder_cmd = v4l2_m2m_ioctl_stateless_decoder_cmd,

	.vidioc_subscribe_event = v4l2_ctrl_subscribe_event,
	.vidioc_unsubscribe_event = v4l2_event_unsubscribe,
};

static const struct v4l2_pix_format *
vsoc_vdec_q_fmt(struct vsoc_vdec_ctx *ctx, struct vb2_queue *vq)
{
	return V4L2_TYPE_IS_OUTPUT(vq->type) ? &ctx->src_fmt : &ctx->dst_fmt;
}

static int vsoc_vdec_queue_setup(struct vb2_queue *vq, unsigned int *nbufs,
				 unsigned int *nplanes, unsigned int sizes[],
				 struct device *alloc_devs[])
{
	const struct v4l2_pix_format *pix =
		vsoc_vdec_q_fmt(vb2_get_drv_priv(vq), vq);

	if (*nplanes)
		return *nplanes == 1 && sizes[0] >= pix->sizeimage ? 0 : -EINVAL;
	*nplanes = 1;
	sizes[0] = pix->sizeimage;
	return 0;
}

static int vsoc_vdec_buf_out_validate(struct vb2_buffer *vb)
{
	to_vb2_v4l2_buffer(vb)->field = V4L2_FIELD_NONE;
	return 0;
}

static int vsoc_vdec_buf_prepare(struct vb2_buffer *vb)
{
	struct vb2_queue *vq = vb->vb2_queue;
	const struct v4l2_pix_format *pix =
		vsoc_vdec_q_fmt(vb2_get_drv_priv(vq), vq);

	if (vb2_plane_size(vb, 0) < pix->sizeimage)
		return -EINVAL;
	if (V4L2_TYPE_IS_CAPTURE(vq->type))
		vb2_set_plane_payload(vb, 0, pix->sizeimage);
	return 0;
}

/* A CAPTURE buffer gets the codec's per-picture buffer, if it has one. */
static int vsoc_vdec_buf_init(struct vb2_buffer *vb)
{
	struct vsoc_vdec_ctx *ctx = vb2_get_drv_priv(vb->vb2_queue);
	struct vsoc_vdec_buf *buf = vsoc_vdec_vb2_buf(vb);
	u32 size;

	if (!V4L2_TYPE_IS_CAPTURE(vb->vb2_queue->type) || !ctx->codec->cap_extra)
		return 0;
	size = ctx->codec->cap_extra(&ctx->dst_fmt);
	buf->extra = dma_alloc_coherent(ctx->vdev->dev, size, &buf->extra_dma,
					GFP_KERNEL);
	if (!buf->extra)
		return -ENOMEM;
	buf->extra_size = size;
	return 0;
}

static void vsoc_vdec_buf_cleanup(struct vb2_buffer *vb)
{
	struct vsoc_vdec_ctx *ctx = vb2_get_drv_priv(vb->vb2_queue);
	struct vsoc_vdec_buf *buf = vsoc_vdec_vb2_buf(vb);

	if (!buf->extra)
		return;
	dma_free_coherent(ctx->vdev->dev, buf->extra_size, buf->extra,
			  buf->extra_dma);
	buf->extra = NULL;
	buf->extra_dma = 0;
	buf->extra_size = 0;
}

static void vsoc_vdec_buf_queue(struct vb2_buffer *vb)
{
	struct vsoc_vdec_ctx *ctx = vb2_get_drv_priv(vb->vb2_queue);

	v4l2_m2m_buf_queue(ctx->fh.m2m_ctx, to_vb2_v4l2_buffer(vb));
}

static void vsoc_vdec_buf_request_complete(struct vb2_buffer *vb)
{
	struct vsoc_vdec_ctx *ctx = vb2_get_drv_priv(vb->vb2_queue);

	v4l2_ctrl_request_complete(vb->req_obj.req, &ctx->hdl);
}

static int vsoc_vdec_start_streaming(struct vb2_queue *vq, unsigned int count)
{
	struct vsoc_vdec_ctx *ctx = vb2_get_drv_priv(vq);

	if (!V4L2_TYPE_IS_OUTPUT(vq->type)) {
		ctx->cap_seq = 0;
		return 0;
	}
	ctx->out_seq = 0;
	return ctx->codec->start ? ctx->codec->start(ctx) : 0;
}

/* Give back every buffer the driver holds; m2m waited for the job. */
static void vsoc_vdec_stop_streaming(struct vb2_queue *vq)
{
	struct vsoc_vdec_ctx *ctx = vb2_get_drv_priv(vq);
	struct vb2_v4l2_buffer *vbuf;

	for (;;) {
		if (V4L2_TYPE_IS_OUTPUT(vq->type))
			vbuf = v4l2_m2m_src_buf_remove(ctx->fh.m2m_ctx);
		else
			vbuf = v4l2_m2m_dst_buf_remove(ctx->fh.m2m_ctx);
		if (!vbuf)
			break;
		v4l2_ctrl_request_complete(vbuf->vb2_buf.req_obj.req,
					   &ctx->hdl);
		v4l2_m2m_buf_done(vbuf, VB2_BUF_STATE_ERROR);
	}
}

static const struct vb2_ops vsoc_vdec_qops = {
	.queue_setup = vsoc_vdec_queue_setup,
	.buf_out_validate = vsoc_vdec_buf_out_validate,
	.buf_init = vsoc_vdec_buf_init,
	.buf_cleanup = vsoc_vdec_buf_cleanup,
	.buf_prepare = vsoc_vdec_buf_prepare,
	.buf_queue = vsoc_vdec_buf_queue,
	.buf_request_complete = vsoc_vdec_buf_request_complete,
	.start_streaming = vsoc_vdec_start_streaming,
	.stop_streaming = vsoc_vdec_stop_streaming,
	VSOC_VB2_WAIT_OPS
};

/**
 * vsoc_vdec_queue_init() - set up the two queues of a context
 * @priv: the context
 * @src_vq: OUTPUT: bitstream, one request per buffer
 * @dst_vq: CAPTURE: decoded pictures
 *
 * Return: 0 or a negative errno.
 */
int vsoc_vdec_queue_init(void *priv, struct vb2_queue *src_vq,
			 struct vb2_queue *dst_vq)
{
	struct vsoc_vdec_ctx *ctx = priv;
	int ret;

	src_vq->type = V4L2_BUF_TYPE_VIDEO_OUTPUT;
	src_vq->io_modes = VB2_MMAP | VB2_DMABUF;
	src_vq->drv_priv = ctx;
	src_vq->buf_struct_size = sizeof(struct vsoc_vdec_buf);
	src_vq->ops = &vsoc_vdec_qops;
	src_vq->mem_ops = &vb2_dma_contig_memops;
	src_vq->timestamp_flags = V4L2_BUF_FLAG_TIMESTAMP_COPY;
	src_vq->lock = &ctx->vdev->dev_mutex;
	src_vq->dev = ctx->vdev->dev;
	/*
	 * Requests carry the codec controls. A buffer queued without one
	 * is decoded with the controls' current values, as visl does:
	 * v4l2-compliance streams that way.
	 */
	src_vq->supports_requests = true;
	ret = vb2_queue_init(src_vq);
	if (ret)
		return ret;

	dst_vq->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	dst_vq->io_modes = VB2_MMAP | VB2_DMABUF;
	dst_vq->drv_priv = ctx;
	dst_vq->buf_struct_size = sizeof(struct vsoc_vdec_buf);
	dst_vq->ops = &vsoc_vdec_qops;
	dst_vq->mem_ops = &vb2_dma_contig_memops;
	dst_vq->timestamp_flags = V4L2_BUF_FLAG_TIMESTAMP_COPY;
	dst_vq->lock = &ctx->vdev->dev_mutex;
	dst_vq->dev = ctx->vdev->dev;
	return vb2_queue_init(dst_vq);
}
