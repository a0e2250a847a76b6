// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec: from a request to a job. Request validation, the job's
 * buffers, controls and references, and the job registers every codec
 * shares.
 */
#include <linux/bitfield.h>
#include <linux/regmap.h>

#include <media/media-request.h>
#include <media/videobuf2-dma-contig.h>

#include "vsoc-vdec.h"

/**
 * vsoc_vdec_request_validate() - media_device_ops.req_validate
 * @req: the request being queued
 *
 * A request holds exactly one OUTPUT buffer and sets every control its
 * codec needs per picture; the codec checks the values against the
 * context (e.g. the picture size against the OUTPUT format).
 *
 * Return: 0, -ENOENT if something is missing, -EINVAL if inconsistent.
 */
int vsoc_vdec_request_validate(struct media_request *req)
{
	struct media_request_object *obj;
	struct v4l2_ctrl_handler *hdl;
	struct vsoc_vdec_ctx *ctx = NULL;
	const u32 *id;
	unsigned int count;
	int ret = 0;

	list_for_each_entry(obj, &req->objects, list) {
		if (vb2_request_object_is_buffer(obj)) {
			struct vb2_buffer *vb =
				container_of(obj, struct vb2_buffer, req_obj);

			ctx = vb2_get_drv_priv(vb->vb2_queue);
			break;
		}
	}
	if (!ctx)
		return -ENOENT;

	count = vb2_request_buffer_cnt(req);
	if (count != 1) {
		dev_dbg(ctx->vdev->dev,
			"request has %u buffers, needs one\n", count);
		return count ? -EINVAL : -ENOENT;
	}

	hdl = v4l2_ctrl_request_hdl_find(req, &ctx->hdl);
	if (!hdl) {
		dev_dbg(ctx->vdev->dev, "request has no controls\n");
		return -ENOENT;
	}
	for (id = ctx->codec->req_ctrls; *id; id++) {
		if (!v4l2_ctrl_request_hdl_ctrl_find(hdl, *id)) {
			dev_dbg(ctx->vdev->dev,
				"request lacks control %#x\n", *id);
			ret = -ENOENT;
			break;
		}
	}
	if (!ret && ctx->codec->validate)
		ret = ctx->codec->validate(ctx, hdl);
	v4l2_ctrl_request_hdl_put(hdl);
	if (ret)
		return ret;

	return vb2_request_validate(req);
}

/*
 * A picture of @run's size in @vb, laid out as the block writes it:
 * lines of ALIGN(width, VSOC_VDEC_STRIDE_ALIGN) bytes, planes of
 * ALIGN(height, VSOC_VDEC_HEIGHT_ALIGN) and half as many lines.
 */
static struct vsoc_vdec_pic_addr
vsoc_vdec_pic_addr(const struct vsoc_vdec_run *run, struct vb2_buffer *vb)
{
	dma_addr_t luma = vb2_dma_contig_plane_dma_addr(vb, 0);

	return (struct vsoc_vdec_pic_addr) {
		.luma = luma,
		.chroma = luma + (dma_addr_t)ALIGN(run->width, VSOC_VDEC_STRIDE_ALIGN) *
			  ALIGN(run->height, VSOC_VDEC_HEIGHT_ALIGN),
	};
}

/**
 * vsoc_vdec_find_ref() - put the CAPTURE buffer of a timestamp in a slot
 * @ctx: the context
 * @run: the job, with its picture size set (references have its layout)
 * @ts: the reference's timestamp (from a codec control)
 * @slot: VSOC_VDEC_REF_* slot
 *
 * Return: 0, or -ENOENT if no CAPTURE buffer has that timestamp.
 */
int vsoc_vdec_find_ref(struct vsoc_vdec_ctx *ctx, struct vsoc_vdec_run *run,
		       u64 ts, unsigned int slot)
{
	struct vb2_queue *cap_q = v4l2_m2m_get_dst_vq(ctx->fh.m2m_ctx);
	struct vb2_buffer *vb = vb2_find_buffer(cap_q, ts);

	if (!vb) {
		dev_dbg(ctx->vdev->dev,
			"reference %llu (slot %u) not found\n", ts, slot);
		return -ENOENT;
	}
	run->refs[slot] = vsoc_vdec_pic_addr(run, vb);
	run->ref_extra[slot] = vsoc_vdec_vb2_buf(vb)->extra_dma;
	return 0;
}

/**
 * vsoc_vdec_write_table() - load bytes into the table SRAM
 * @map: the block's registers
 * @reg: first table register (VSOC_VDEC_TABLE + offset, word aligned)
 * @bytes: the table
 * @len: its length, a multiple of 4
 *
 * Byte i goes to bits 8 * (i % 4) of word i / 4. The words go out in
 * bulk writes of up to 64 (one regmap lock for each: a VP8 frame loads
 * 264 words of probabilities).
 *
 * Return: 0 or a regmap error.
 */
int vsoc_vdec_write_table(struct regmap *map, unsigned int reg,
			  const u8 *bytes, size_t len)
{
	u32 words[64];
	size_t i, n;
	int ret;

	for (; len >= 4; len -= 4 * n, bytes += 4 * n, reg += 4 * n) {
		n = min(len / 4, ARRAY_SIZE(words));
		for (i = 0; i < n; i++)
			words[i] = bytes[4 * i] | bytes[4 * i + 1] << 8 |
				   bytes[4 * i + 2] << 16 |
				   (u32)bytes[4 * i + 3] << 24;
		ret = regmap_bulk_write(map, reg, words, n);
		if (ret)
			return ret;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_write_table);

/**
 * vsoc_vdec_program_common() - write the job registers of every codec
 * @map: the block's registers
 * @run: the job
 *
 * Codec, picture size, output picture, bitstream and the reference
 * slots (unused ones zero).
 *
 * Return: 0 or a regmap error.
 */
int vsoc_vdec_program_common(struct regmap *map,
			     const struct vsoc_vdec_run *run)
{
	const struct reg_sequence regs[] = {
		{ VSOC_VDEC_CODEC, run->codec->hw_codec },
		{ VSOC_VDEC_PIC_SIZE,
		  FIELD_PREP(VSOC_VDEC_SIZE_WIDTH, run->width) |
		  FIELD_PREP(VSOC_VDEC_SIZE_HEIGHT, run->height) },
		{ VSOC_VDEC_OUT_FMT, run->out_fmt },
		{ VSOC_VDEC_STRIDE, run->stride },
		{ VSOC_VDEC_OUT_LUMA_LO, lower_32_bits(run->out.luma) },
		{ VSOC_VDEC_OUT_LUMA_HI, upper_32_bits(run->out.luma) },
		{ VSOC_VDEC_OUT_CHROMA_LO, lower_32_bits(run->out.chroma) },
		{ VSOC_VDEC_OUT_CHROMA_HI, upper_32_bits(run->out.chroma) },
		{ VSOC_VDEC_BS_ADDR_LO, lower_32_bits(run->bs_addr) },
		{ VSOC_VDEC_BS_ADDR_HI, upper_32_bits(run->bs_addr) },
		{ VSOC_VDEC_BS_SIZE, run->bs_size },
	};
	u32 refs[VSOC_VDEC_NUM_REFS * 4];
	unsigned int i;
	int ret;

	BUILD_BUG_ON(VSOC_VDEC_REF_CHROMA_HI(VSOC_VDEC_NUM_REFS - 1) -
		     VSOC_VDEC_REF_LUMA_LO(0) != sizeof(refs) - 4);
	for (i = 0; i < VSOC_VDEC_NUM_REFS; i++) {
		refs[4 * i] = lower_32_bits(run->refs[i].luma);
		refs[4 * i + 1] = upper_32_bits(run->refs[i].luma);
		refs[4 * i + 2] = lower_32_bits(run->refs[i].chroma);
		refs[4 * i + 3] = upper_32_bits(run->refs[i].chroma);
	}
	ret = regmap_multi_reg_write(map, regs, ARRAY_SIZE(regs));
	return ret ?: regmap_bulk_write(map, VSOC_VDEC_REF_LUMA_LO(0), refs,
					ARRAY_SIZE(refs));
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_program_common);

/*
 * The job's buffers and sizes. The codec's controls give the picture
 * size; the picture may be smaller than the formats (the FWHT tools
 * leave the OUTPUT format alone), never larger, whatever was validated
 * when its request was queued. The picture is laid out for its own size
 * and the CAPTURE buffer's payload says how much of it that is.
 */
static int vsoc_vdec_prepare_run(struct vsoc_vdec_ctx *ctx,
				 struct vsoc_vdec_run *run)
{
	const struct v4l2_pix_format *dst = &ctx->dst_fmt;
	int ret;

	run->codec = ctx->codec;
	run->out_fmt = vsoc_vdec_hw_fmt(dst->pixelformat);
	run->bs_addr = vb2_dma_contig_plane_dma_addr(&run->src->vb2_buf, 0);
	run->bs_size = vb2_get_plane_payload(&run->src->vb2_buf, 0);
	/* The CAPTURE buffer still holds the first field of this frame. */
	run->second_field = run->dst->is_held;
	run->out_extra = vsoc_vdec_vb2_buf(&run->dst->vb2_buf)->extra_dma;

	ret = ctx->codec->prepare(ctx, run);
	if (ret)
		return ret;

	if (!run->width || !run->height ||
	    run->width > dst->width || run->height > dst->height) {
		dev_dbg(ctx->vdev->dev,
			"picture %ux%u does not fit the %ux%u CAPTURE format\n",
			run->width, run->height, dst->width, dst->height);
		return -EINVAL;
	}
	if (!run->bs_size || run->bs_size > ctx->vdev->caps.max_bs_size)
		return -EINVAL;

	run->stride = ALIGN(run->width, VSOC_VDEC_STRIDE_ALIGN);
	run->out = vsoc_vdec_pic_addr(run, &run->dst->vb2_buf);
	vb2_set_plane_payload(&run->dst->vb2_buf, 0, run->stride *
			      ALIGN(run->height, VSOC_VDEC_HEIGHT_ALIGN) * 3 / 2);
	return 0;
}

/**
 * vsoc_vdec_device_run() - v4l2_m2m_ops.device_run: start one job
 * @priv: the context
 *
 * Applies the request's controls, resolves the references and starts
 * the block; the interrupt (or the watchdog) finishes the job. A job
 * that cannot start (a reference missing from the CAPTURE queue, a
 * picture that does not fit, a removed device) finishes here, both
 * buffers in error.
 */
void vsoc_vdec_device_run(void *priv)
{
	struct vsoc_vdec_ctx *ctx = priv;
	struct vsoc_vdec_dev *vdev = ctx->vdev;
	struct vsoc_vdec_run run = { };
	struct media_request *req;
	int ret;

	run.src = v4l2_m2m_next_src_buf(ctx->fh.m2m_ctx);
	run.dst = v4l2_m2m_next_dst_buf(ctx->fh.m2m_ctx);

	req = run.src->vb2_buf.req_obj.req;
	if (req)
		v4l2_ctrl_request_setup(req, &ctx->hdl);
	/* Before the references: a second field refers to its own frame. */
	vsoc_m2m_buf_copy_metadata(run.src, run.dst);
	run.src->sequence = ctx->out_seq++;
	/* A held CAPTURE buffer (second field) keeps its number. */
	if (!run.dst->is_held)
		run.dst->sequence = ctx->cap_seq++;

	ret = vsoc_vdec_prepare_run(ctx, &run);
	/*
	 * Done with the request before the block starts: its interrupt
	 * may start the next job, which sets up the next request. The
	 * values @run points to stay until then.
	 */
	if (req)
		v4l2_ctrl_request_complete(req, &ctx->hdl);
	if (!ret)
		ret = vsoc_vdec_hw_run(vdev, ctx, &run);

	if (ret)
		vsoc_vdec_job_done(vdev, ctx, VB2_BUF_STATE_ERROR);
}
