/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vsoc-vdec: V4L2 stateless decoder driver of the vsoc-vdec block.
 *
 * Shape (like Cedrus): vsoc-vdec.c registers the devices and owns the
 * controls, vsoc-vdec-video.c the formats and queues, vsoc-vdec-dec.c
 * turns a request into a job, vsoc-vdec-hw.c drives the block (reset,
 * interrupt, watchdog, power), and each codec is one file behind
 * struct vsoc_vdec_codec. The driver knows only include/vsoc/vdec-regs.h.
 */
#ifndef _VSOC_VDEC_H
#define _VSOC_VDEC_H

#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include <media/v4l2-ctrls.h>
#include <media/v4l2-device.h>
#include <media/v4l2-fh.h>
#include <media/v4l2-mem2mem.h>
#include <media/videobuf2-v4l2.h>

#include <vsoc/compat.h>
#include <vsoc/vdec-regs.h>

#define VSOC_VDEC_NAME		"vsoc-vdec"

struct regmap;
struct vsoc_vdec_ctx;
struct vsoc_vdec_run;

/**
 * struct vsoc_vdec_hw_caps - what the block says it can do (read at probe)
 * @codecs: VSOC_VDEC_CAPS_CODECS bits, by VSOC_VDEC_CODEC_*
 * @formats: VSOC_VDEC_CAPS_FORMATS bits, by VSOC_VDEC_FMT_*
 * @min_width: smallest picture width
 * @min_height: smallest picture height
 * @max_width: largest picture width
 * @max_height: largest picture height
 * @max_bs_size: largest bitstream of one job, in bytes
 */
struct vsoc_vdec_hw_caps {
	u32 codecs;
	u32 formats;
	u32 min_width;
	u32 min_height;
	u32 max_width;
	u32 max_height;
	u32 max_bs_size;
};

/**
 * struct vsoc_vdec_codec - one codec: its OUTPUT format, controls and job
 * @pixelformat: the coded format on the OUTPUT queue (V4L2_PIX_FMT_*)
 * @hw_codec: VSOC_VDEC_CODEC_* value, also its VSOC_VDEC_CAPS bit
 * @req_ctrls: controls every request must carry (0-terminated)
 * @hold_capture: the codec supports V4L2_BUF_FLAG_M2M_HOLD_CAPTURE_BUF
 *	(a picture decoded by more than one job, e.g. two fields)
 * @validate: request-time checks of the request's control values
 *	against the context (@hdl is the request's control handler)
 * @prepare: look up the job's controls and references into @run;
 *	-ENOENT for a missing reference
 * @program: write the codec's job registers (parameters, references,
 *	tables) for @run; the common ones are already written
 * @start: optional, when the OUTPUT queue starts streaming: allocate
 *	what the codec keeps per context (sized by the OUTPUT format)
 * @cap_extra: optional: bytes of the buffer the block keeps with each
 *	CAPTURE picture of format @pix (H.264: co-located motion data),
 *	allocated with the CAPTURE buffer
 *
 * A new codec is one file defining one of these, plus its entry in
 * vsoc_vdec_codecs[] and its controls in the controls table.
 */
struct vsoc_vdec_codec {
	u32 pixelformat;
	unsigned int hw_codec;
	const u32 *req_ctrls;
	bool hold_capture;
	int (*validate)(struct vsoc_vdec_ctx *ctx,
			struct v4l2_ctrl_handler *hdl);
	int (*prepare)(struct vsoc_vdec_ctx *ctx, struct vsoc_vdec_run *run);
	int (*program)(struct regmap *map, const struct vsoc_vdec_run *run);
	int (*start)(struct vsoc_vdec_ctx *ctx);
	u32 (*cap_extra)(const struct v4l2_pix_format *pix);
};

extern const struct vsoc_vdec_codec vsoc_vdec_codec_fwht;
extern const struct vsoc_vdec_codec vsoc_vdec_codec_mpeg2;
extern const struct vsoc_vdec_codec vsoc_vdec_codec_vp8;
extern const struct vsoc_vdec_codec vsoc_vdec_codec_h264;

/**
 * struct vsoc_vdec_pic_addr - a picture in memory, as the block sees it
 * @luma: bus address of the luma plane
 * @chroma: bus address of the chroma plane
 */
struct vsoc_vdec_pic_addr {
	dma_addr_t luma;
	dma_addr_t chroma;
};

/**
 * struct vsoc_vdec_buf - a buffer of a context's queues
 * @m2m: the mem2mem buffer (first: vb2 allocates this structure)
 * @extra: CAPTURE: the codec's per-picture buffer (&vsoc_vdec_codec.cap_extra),
 *	or NULL
 * @extra_dma: its bus address
 * @extra_size: its bytes
 */
struct vsoc_vdec_buf {
	struct v4l2_m2m_buffer m2m;
	void *extra;
	dma_addr_t extra_dma;
	u32 extra_size;
};

static inline struct vsoc_vdec_buf *vsoc_vdec_vb2_buf(struct vb2_buffer *vb)
{
	return container_of(to_vb2_v4l2_buffer(vb), struct vsoc_vdec_buf, m2m.vb);
}

/**
 * struct vsoc_vdec_run - everything one job programs
 * @src: the OUTPUT buffer (bitstream)
 * @dst: the CAPTURE buffer (picture)
 * @codec: the context's codec
 * @width: picture width, from the codec's controls
 * @height: picture height, from the codec's controls
 * @out_fmt: VSOC_VDEC_FMT_* of the CAPTURE format
 * @stride: bytes per line of the output and reference pictures,
 *	ALIGN(@width, VSOC_VDEC_STRIDE_ALIGN)
 * @out: where the picture goes
 * @bs_addr: bus address of the bitstream
 * @bs_size: bytes of bitstream (the OUTPUT buffer's payload)
 * @refs: reference pictures by register slot (unused ones zero)
 * @ref_extra: the per-picture buffers of the references by slot (0: none)
 * @out_extra: the per-picture buffer of the output picture (0: none)
 * @second_field: the CAPTURE buffer already holds this frame's first field
 * @fwht: FWHT controls
 * @fwht.params: the frame's parameters
 * @mpeg2: MPEG-2 controls
 * @mpeg2.seq: the sequence
 * @mpeg2.pic: the picture
 * @mpeg2.quant: the quantiser matrices
 * @vp8: VP8 controls
 * @vp8.frame: the frame
 * @vp8.segmap: bus address of the context's segment map
 * @h264: H.264 controls
 * @h264.sps: the sequence parameter set
 * @h264.pps: the picture parameter set
 * @h264.scaling: the scaling matrices
 * @h264.dec: the frame's decode parameters and DPB
 * @h264.start_code: V4L2_STATELESS_H264_START_CODE_* in force
 */
struct vsoc_vdec_run {
	struct vb2_v4l2_buffer *src;
	struct vb2_v4l2_buffer *dst;
	const struct vsoc_vdec_codec *codec;
	u32 width;
	u32 height;
	u32 out_fmt;
	u32 stride;
	struct vsoc_vdec_pic_addr out;
	dma_addr_t bs_addr;
	u32 bs_size;
	struct vsoc_vdec_pic_addr refs[VSOC_VDEC_NUM_REFS];
	dma_addr_t ref_extra[VSOC_VDEC_NUM_REFS];
	dma_addr_t out_extra;
	bool second_field;
	union {
		struct {
			const struct v4l2_ctrl_fwht_params *params;
		} fwht;
		struct {
			const struct v4l2_ctrl_mpeg2_sequence *seq;
			const struct v4l2_ctrl_mpeg2_picture *pic;
			const struct v4l2_ctrl_mpeg2_quantisation *quant;
		} mpeg2;
		struct {
			const struct v4l2_ctrl_vp8_frame *frame;
			dma_addr_t segmap;
		} vp8;
		struct {
			const struct v4l2_ctrl_h264_sps *sps;
			const struct v4l2_ctrl_h264_pps *pps;
			const struct v4l2_ctrl_h264_scaling_matrix *scaling;
			const struct v4l2_ctrl_h264_decode_params *dec;
			const s32 *start_code;
		} h264;
	};
};

/**
 * struct vsoc_vdec_dev - driver state of one block
 * @v4l2_dev: V4L2 device; its release frees this structure, once the
 *	last open file of a removed device is closed
 * @vfd: the video device
 * @mdev: the media device
 * @m2m_dev: the mem2mem scheduler
 * @dev: the block's device (held until this structure is freed)
 * @map: the block's registers
 * @irq: the block's interrupt
 * @caps: what the block can do
 * @codecs: the codecs the block implements, NULL-terminated
 * @dev_mutex: serialises the ioctls of all contexts (the queues' lock)
 * @hw_lock: protects @cur against the interrupt and the watchdog
 * @cur: context whose job the block runs, NULL when idle
 * @dead: the device is being removed: no job touches the block
 *	(under @run_lock)
 * @run_lock: serialises starting a job with removal
 * @watchdog: fails a job whose interrupt never came
 */
struct vsoc_vdec_dev {
	struct v4l2_device v4l2_dev;
	struct video_device vfd;
	struct media_device mdev;
	struct v4l2_m2m_dev *m2m_dev;
	struct device *dev;
	struct regmap *map;
	int irq;
	struct vsoc_vdec_hw_caps caps;
	const struct vsoc_vdec_codec *codecs[5];
	struct mutex dev_mutex; /* ioctls, queues */
	spinlock_t hw_lock; /* @cur */
	struct vsoc_vdec_ctx *cur;
	bool dead;
	struct mutex run_lock; /* job start vs. removal */
	struct delayed_work watchdog;
};

/**
 * struct vsoc_vdec_ctx - one open file: a decoding session
 * @fh: V4L2 file handle, with the m2m context
 * @vdev: the device
 * @codec: codec of the OUTPUT format
 * @src_fmt: OUTPUT format (coded)
 * @dst_fmt: CAPTURE format (decoded picture)
 * @hdl: the session's controls
 * @out_seq: sequence number of the next OUTPUT buffer
 * @cap_seq: sequence number of the next CAPTURE buffer
 * @segmap: VP8 segment map, one byte per macroblock, kept across frames
 *	(the block reads and writes it); NULL until a VP8 OUTPUT queue
 *	streams
 * @segmap_dma: its bus address
 * @segmap_size: its bytes
 */
struct vsoc_vdec_ctx {
	struct v4l2_fh fh;
	struct vsoc_vdec_dev *vdev;
	const struct vsoc_vdec_codec *codec;
	struct v4l2_pix_format src_fmt;
	struct v4l2_pix_format dst_fmt;
	struct v4l2_ctrl_handler hdl;
	u32 out_seq;
	u32 cap_seq;
	void *segmap;
	dma_addr_t segmap_dma;
	u32 segmap_size;
};

static inline struct vsoc_vdec_ctx *vsoc_vdec_file_to_ctx(struct file *file)
{
	return container_of(file_to_v4l2_fh(file), struct vsoc_vdec_ctx, fh);
}

/* vsoc-vdec.c */
const void *vsoc_vdec_ctrl_data(struct vsoc_vdec_ctx *ctx, u32 id);
const void *vsoc_vdec_req_ctrl_data(struct v4l2_ctrl_handler *hdl, u32 id);
int vsoc_vdec_try_fwht_params(const struct v4l2_ctrl_fwht_params *p);
int vsoc_vdec_try_mpeg2_sequence(const struct v4l2_ctrl_mpeg2_sequence *seq);

/* vsoc-vdec-video.c */
extern const struct v4l2_ioctl_ops vsoc_vdec_ioctl_ops;
int vsoc_vdec_queue_init(void *priv, struct vb2_queue *src_vq,
			 struct vb2_queue *dst_vq);
void vsoc_vdec_reset_formats(struct vsoc_vdec_ctx *ctx);
u32 vsoc_vdec_bound_dim(u32 val, u32 min, u32 max);
void vsoc_vdec_fill_dst_size(struct v4l2_pix_format *pix);
u32 vsoc_vdec_hw_fmt(u32 pixelformat);

/* vsoc-vdec-dec.c */
void vsoc_vdec_device_run(void *priv);
int vsoc_vdec_request_validate(struct media_request *req);
int vsoc_vdec_find_ref(struct vsoc_vdec_ctx *ctx, struct vsoc_vdec_run *run,
		       u64 ts, unsigned int slot);
int vsoc_vdec_program_common(struct regmap *map,
			     const struct vsoc_vdec_run *run);
int vsoc_vdec_write_table(struct regmap *map, unsigned int reg,
			  const u8 *bytes, size_t len);

/* vsoc-vdec-fwht.c, vsoc-vdec-mpeg2.c, vsoc-vdec-vp8.c */
int vsoc_vdec_fwht_program(struct regmap *map, const struct vsoc_vdec_run *run);
int vsoc_vdec_mpeg2_program(struct regmap *map, const struct vsoc_vdec_run *run);
int vsoc_vdec_vp8_program(struct regmap *map, const struct vsoc_vdec_run *run);
int vsoc_vdec_vp8_check_frame(const struct v4l2_ctrl_vp8_frame *f,
			      const struct vsoc_vdec_hw_caps *caps,
			      const struct v4l2_pix_format *fmt);
void vsoc_vdec_vp8_free(struct vsoc_vdec_ctx *ctx);
int vsoc_vdec_h264_program(struct regmap *map, const struct vsoc_vdec_run *run);
int vsoc_vdec_h264_check_sps(const struct v4l2_ctrl_h264_sps *sps,
			     const struct vsoc_vdec_hw_caps *caps,
			     const struct v4l2_pix_format *fmt);
int vsoc_vdec_h264_check_pps(const struct v4l2_ctrl_h264_pps *pps);
int vsoc_vdec_h264_try_sps(const struct v4l2_ctrl_h264_sps *sps);

/* vsoc-vdec-hw.c */
int vsoc_vdec_hw_probe(struct vsoc_vdec_dev *vdev,
		       struct platform_device *pdev);
int vsoc_vdec_hw_run(struct vsoc_vdec_dev *vdev, struct vsoc_vdec_ctx *ctx,
		     const struct vsoc_vdec_run *run);
void vsoc_vdec_hw_shutdown(struct vsoc_vdec_dev *vdev);
void vsoc_vdec_job_done(struct vsoc_vdec_dev *vdev, struct vsoc_vdec_ctx *ctx,
			enum vb2_buffer_state state);
extern const struct dev_pm_ops vsoc_vdec_pm_ops;

#endif /* _VSOC_VDEC_H */
