// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec model: the stateless video decoder block of the vsoc board.
 * The driver programs a job through registers and kicks it; the block's
 * engine (a worker here, never the register write) reads the bitstream
 * and the references by DMA, decodes with the decode core (core/), writes
 * the picture by DMA and raises DONE or ERROR.
 *
 * debugfs, per block: null_decode (no pixel work: the bitstream is read,
 * nothing is decoded or written, DONE is raised), hang (that many next
 * jobs never finish until RESET), bus_error (that many next jobs read
 * their bitstream from an address no memory answers), and the jobs and
 * errors counters.
 */
#include <linux/bits.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include <vsoc/sim.h>
#include <vsoc/vdec-regs.h>

#include "vdec-model.h"

/* Picture buffers of the engine: the output, then one per reference slot. */
#define VDEC_MODEL_NUM_PICS	(1 + VSOC_VDEC_NUM_REFS)
/* Far above the board's RAM, inside any DMA mask of 40 bits or more. */
#define VDEC_MODEL_BAD_ADDR	BIT_ULL(39)
/* The engine looks for a RESET between bursts of this size. */
#define VDEC_MODEL_BURST	SZ_64K

#define VDEC_MODEL_NUM_KNOBS	5

/**
 * struct vdec_model_knob - a debugfs number of the block
 * @m: the block
 * @val: the number, read and written under @m's lock
 */
struct vdec_model_knob {
	struct vdec_model *m;
	u32 *val;
};

/**
 * struct vdec_model - one instance of the block
 * @blk: the board block
 * @lock: protects @regs, @abort and the debugfs numbers against the
 *	driver, @work and debugfs
 * @regs: register state
 * @abort: RESET (or removal) asked the running job to stop
 * @job: the running job's registers and tables, copied at KICK
 * @work: the engine: runs the job
 * @reset_wq: wakes a hung job on RESET
 * @bs: the engine's bitstream buffer (@work only)
 * @bs_size: bytes at @bs
 * @pic: picture buffers (@work only)
 * @pic_size: bytes at each of @pic
 * @aux: the codec's auxiliary buffer (VP8: segment map; @work only)
 * @aux_size: bytes at @aux
 * @coloc: co-located data (H.264) of each picture buffer (@work only)
 * @coloc_size: bytes at each of @coloc
 * @null_decode: debugfs: no pixel work
 * @hang: debugfs: jobs left that never finish until RESET
 * @bus_error: debugfs: jobs left whose bitstream address hits no memory
 * @jobs: jobs finished with DONE
 * @errors: jobs finished with ERROR
 * @knobs: the debugfs files of the numbers above
 */
struct vdec_model {
	struct vsoc_sim_block *blk;
	spinlock_t lock; /* the registers vs. the engine */
	struct vdec_model_regs regs;
	bool abort;
	struct vdec_model_job job;
	struct work_struct work;
	wait_queue_head_t reset_wq;
	u8 *bs;
	size_t bs_size;
	u8 *pic[VDEC_MODEL_NUM_PICS];
	size_t pic_size[VDEC_MODEL_NUM_PICS];
	u8 *aux;
	size_t aux_size;
	u8 *coloc[VDEC_MODEL_NUM_PICS];
	size_t coloc_size[VDEC_MODEL_NUM_PICS];
	u32 null_decode;
	u32 hang;
	u32 bus_error;
	u32 jobs;
	u32 errors;
	struct vdec_model_knob knobs[VDEC_MODEL_NUM_KNOBS];
};

/* Called with the lock held, after any change of the interrupt state. */
static void vdec_model_update_irq(struct vdec_model *m)
{
	vsoc_sim_irq_set(m->blk, 0, vdec_model_irq_line(&m->regs));
}

static bool vdec_model_aborting(struct vdec_model *m)
{
	unsigned long flags;
	bool abort;

	spin_lock_irqsave(&m->lock, flags);
	abort = m->abort;
	spin_unlock_irqrestore(&m->lock, flags);
	return abort;
}

/* Move @len bytes in bursts; -ECANCELED at the first burst after RESET. */
static int vdec_model_dma(struct vdec_model *m, u64 addr, void *buf, u32 len,
			  bool to_mem)
{
	u32 done, n;
	int ret;

	for (done = 0; done < len; done += n) {
		if (vdec_model_aborting(m))
			return -ECANCELED;
		n = min_t(u32, len - done, VDEC_MODEL_BURST);
		if (to_mem)
			ret = vsoc_sim_dma_write(m->blk, addr + done, buf + done, n);
		else
			ret = vsoc_sim_dma_read(m->blk, addr + done, buf + done, n);
		if (ret)
			return ret;
	}
	return 0;
}

/* The engine's buffers grow to the largest job seen and stay. */
static void *vdec_model_buf(u8 **buf, size_t *size, size_t need)
{
	if (*size >= need)
		return *buf;
	kvfree(*buf);
	*size = 0;
	*buf = kvmalloc(need, GFP_KERNEL);
	if (*buf)
		*size = need;
	return *buf;
}

/* Set up picture @i of the engine, reading it from memory if @lo != 0. */
static int vdec_model_load_pic(struct vdec_model *m,
			       const struct vdec_model_layout *lay,
			       unsigned int i, unsigned int lo,
			       unsigned int chroma_lo, struct vdec_pic *pic)
{
	u32 chroma_size = lay->luma_size / 2;
	u8 *buf;
	int ret;

	buf = vdec_model_buf(&m->pic[i], &m->pic_size[i],
			     lay->luma_size + chroma_size);
	if (!buf)
		return -ENOMEM;
	*pic = (struct vdec_pic) {
		.luma = buf,
		.chroma = buf + lay->luma_size,
		.stride = lay->stride,
		.width = lay->width,
		.height = lay->height,
		.nv21 = lay->nv21,
	};
	if (!lo) {
		memset(buf, 0, lay->luma_size + chroma_size);
		return 0;
	}
	ret = vdec_model_dma(m, vdec_model_job_addr(&m->job, lo), pic->luma,
			     lay->luma_size, false);
	if (ret)
		return ret;
	return vdec_model_dma(m, vdec_model_job_addr(&m->job, chroma_lo),
			      pic->chroma, chroma_size, false);
}

/* The codec's auxiliary buffer: read from memory, or zero. */
static int vdec_model_load_aux(struct vdec_model *m,
			       const struct vdec_model_layout *lay)
{
	if (!lay->aux_size)
		return 0;
	if (!vdec_model_buf(&m->aux, &m->aux_size, lay->aux_size))
		return -ENOMEM;
	if (!lay->read_aux) {
		memset(m->aux, 0, lay->aux_size);
		return 0;
	}
	return vdec_model_dma(m, lay->aux_addr, m->aux, lay->aux_size, false);
}

/*
 * Co-located data of picture @i (0 the output, 1 + n slot n), at the
 * address in the register pair at @lo; read from memory if @read, else
 * zeroed.
 */
static int vdec_model_load_coloc(struct vdec_model *m,
				 const struct vdec_model_layout *lay,
				 unsigned int i, unsigned int lo, bool read)
{
	u64 addr = vdec_model_job_addr(&m->job, lo);

	if (!vdec_model_buf(&m->coloc[i], &m->coloc_size[i], lay->coloc_size))
		return -ENOMEM;
	if (!read) {
		memset(m->coloc[i], 0, lay->coloc_size);
		return 0;
	}
	return vdec_model_dma(m, addr, m->coloc[i], lay->coloc_size, false);
}

/* The references' co-located data, and the output's buffer for it. */
static int vdec_model_load_colocs(struct vdec_model *m,
				  const struct vdec_model_layout *lay,
				  u8 **coloc)
{
	unsigned int n;
	int ret;

	memset(coloc, 0, VDEC_MODEL_NUM_PICS * sizeof(*coloc));
	if (!lay->coloc_size)
		return 0;
	ret = vdec_model_load_coloc(m, lay, 0, VSOC_VDEC_H264_OUT_COLOC_LO, false);
	if (ret)
		return ret;
	coloc[0] = m->coloc[0];
	for (n = 0; n < VSOC_VDEC_NUM_REFS; n++) {
		if (!(lay->refs & BIT(n)))
			continue;
		ret = vdec_model_load_coloc(m, lay, 1 + n,
					    VSOC_VDEC_H264_REF_COLOC_LO(n), true);
		if (ret)
			return ret;
		coloc[1 + n] = m->coloc[1 + n];
	}
	return 0;
}

static u32 vdec_model_dma_error(int ret)
{
	/* -ECANCELED: RESET; the job's result is dropped anyway. */
	return ret == -ENOMEM ? VSOC_VDEC_ERROR_BITSTREAM : VSOC_VDEC_ERROR_BUS;
}

/* Run a checked job: ERROR bits, 0 when the picture was decoded. */
static u32 vdec_model_run(struct vdec_model *m,
			  const struct vdec_model_layout *lay, bool bus_error,
			  bool null_decode, u32 *decoded)
{
	struct vdec_pic refs[VSOC_VDEC_NUM_REFS] = {};
	u8 *coloc[VDEC_MODEL_NUM_PICS];
	u32 len = vdec_model_job_reg(&m->job, VSOC_VDEC_BS_SIZE);
	u64 bs_addr = vdec_model_job_addr(&m->job, VSOC_VDEC_BS_ADDR_LO);
	struct vdec_pic out;
	enum vdec_status st;
	unsigned int n;
	int ret;

	if (bus_error)
		bs_addr |= VDEC_MODEL_BAD_ADDR;
	if (!vdec_model_buf(&m->bs, &m->bs_size, len))
		return VSOC_VDEC_ERROR_BITSTREAM;
	ret = vdec_model_dma(m, bs_addr, m->bs, len, false);
	if (ret)
		return vdec_model_dma_error(ret);
	if (null_decode) {
		*decoded = DIV_ROUND_UP(lay->width, VDEC_CORE_MB_SIZE) *
			   DIV_ROUND_UP(lay->height, VDEC_CORE_MB_SIZE);
		return 0;
	}

	for (n = 0; n < VSOC_VDEC_NUM_REFS; n++) {
		if (!(lay->refs & BIT(n)))
			continue;
		ret = vdec_model_load_pic(m, lay, 1 + n, VSOC_VDEC_REF_LUMA_LO(n),
					  VSOC_VDEC_REF_CHROMA_LO(n), &refs[n]);
		if (ret)
			return vdec_model_dma_error(ret);
	}
	ret = vdec_model_load_pic(m, lay, 0,
				  lay->read_out ? VSOC_VDEC_OUT_LUMA_LO : 0,
				  VSOC_VDEC_OUT_CHROMA_LO, &out);
	if (!ret)
		ret = vdec_model_load_aux(m, lay);
	if (!ret)
		ret = vdec_model_load_colocs(m, lay, coloc);
	if (ret)
		return vdec_model_dma_error(ret);

	st = vdec_model_job_decode(&m->job, m->bs, len, refs, &out, m->aux,
				   coloc, decoded);
	/* Nothing was written for a job the core refused outright. */
	if (st == VDEC_ERR_PARAM || st == VDEC_ERR_UNSUPPORTED)
		return vdec_model_status_error(st);

	if (lay->aux_size) {
		ret = vdec_model_dma(m, lay->aux_addr, m->aux, lay->aux_size,
				     true);
		if (ret)
			return vdec_model_dma_error(ret);
	}
	if (lay->coloc_size) {
		ret = vdec_model_dma(m, vdec_model_job_addr(&m->job,
							    VSOC_VDEC_H264_OUT_COLOC_LO),
				     coloc[0], lay->coloc_size, true);
		if (ret)
			return vdec_model_dma_error(ret);
	}

	ret = vdec_model_dma(m, vdec_model_job_addr(&m->job, VSOC_VDEC_OUT_LUMA_LO),
			     out.luma, lay->luma_size, true);
	if (!ret)
		ret = vdec_model_dma(m, vdec_model_job_addr(&m->job, VSOC_VDEC_OUT_CHROMA_LO),
				     out.chroma, lay->luma_size / 2, true);
	if (ret)
		return vdec_model_dma_error(ret);
	return vdec_model_status_error(st);
}

static void vdec_model_work(struct work_struct *work)
{
	struct vdec_model *m = container_of(work, struct vdec_model, work);
	struct vdec_model_layout lay;
	bool hang, bus_error, null_decode;
	u32 error, decoded = 0;

	spin_lock_irq(&m->lock);
	hang = m->hang;
	if (hang)
		m->hang--;
	bus_error = m->bus_error;
	if (bus_error)
		m->bus_error--;
	null_decode = m->null_decode;
	spin_unlock_irq(&m->lock);

	if (hang)
		wait_event(m->reset_wq, vdec_model_aborting(m));

	error = vdec_model_job_check(&m->job, &lay);
	if (!error && !vdec_model_aborting(m))
		error = vdec_model_run(m, &lay, bus_error, null_decode, &decoded);

	/* Memory is not touched any more: only now does BUSY clear. */
	spin_lock_irq(&m->lock);
	if (m->abort) {
		m->abort = false;
		m->regs.busy = false;
	} else {
		vdec_model_job_end(&m->regs, error, decoded);
		if (m->regs.error)
			m->errors++;
		else
			m->jobs++;
	}
	vdec_model_update_irq(m);
	spin_unlock_irq(&m->lock);
}

static int vdec_model_reg_read(struct vsoc_sim_block *blk, unsigned int off,
			       unsigned int *val)
{
	struct vdec_model *m = vsoc_sim_block_priv(blk);
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	ret = vdec_model_read(&m->regs, off, val);
	spin_unlock_irqrestore(&m->lock, flags);
	return ret;
}

static int vdec_model_reg_write(struct vsoc_sim_block *blk, unsigned int off,
				unsigned int val)
{
	struct vdec_model *m = vsoc_sim_block_priv(blk);
	enum vdec_model_action action;
	unsigned long flags;
	bool busy;
	int ret;

	spin_lock_irqsave(&m->lock, flags);
	busy = m->regs.busy;
	ret = vdec_model_write(&m->regs, off, val, &action);
	if (action == VDEC_MODEL_START)
		m->job = m->regs.job;
	else if (action == VDEC_MODEL_RESET && busy)
		m->abort = true;
	vdec_model_update_irq(m);
	spin_unlock_irqrestore(&m->lock, flags);

	if (action == VDEC_MODEL_START)
		queue_work(system_unbound_wq, &m->work);
	else if (action == VDEC_MODEL_RESET)
		wake_up(&m->reset_wq);
	return ret;
}

/* debugfs numbers: read and written under the lock the engine takes. */
static int vdec_model_knob_get(void *data, u64 *val)
{
	struct vdec_model_knob *k = data;

	spin_lock_irq(&k->m->lock);
	*val = *k->val;
	spin_unlock_irq(&k->m->lock);
	return 0;
}

static int vdec_model_knob_set(void *data, u64 val)
{
	struct vdec_model_knob *k = data;

	if (val > U32_MAX)
		return -ERANGE;
	spin_lock_irq(&k->m->lock);
	*k->val = val;
	spin_unlock_irq(&k->m->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(vdec_model_knob_fops, vdec_model_knob_get,
			 vdec_model_knob_set, "%llu\n");
DEFINE_DEBUGFS_ATTRIBUTE(vdec_model_counter_fops, vdec_model_knob_get, NULL,
			 "%llu\n");

static void vdec_model_debugfs(struct vdec_model *m)
{
	static const struct {
		const char *name;
		size_t off;
		bool counter;
	} knobs[VDEC_MODEL_NUM_KNOBS] = {
		{ "null_decode", offsetof(struct vdec_model, null_decode) },
		{ "hang", offsetof(struct vdec_model, hang) },
		{ "bus_error", offsetof(struct vdec_model, bus_error) },
		{ "jobs", offsetof(struct vdec_model, jobs), true },
		{ "errors", offsetof(struct vdec_model, errors), true },
	};
	struct dentry *dir = vsoc_sim_block_debugfs(m->blk);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(knobs); i++) {
		m->knobs[i].m = m;
		m->knobs[i].val = (u32 *)((u8 *)m + knobs[i].off);
		debugfs_create_file_unsafe(knobs[i].name,
					   knobs[i].counter ? 0400 : 0600, dir,
					   &m->knobs[i],
					   knobs[i].counter ? &vdec_model_counter_fops :
					   &vdec_model_knob_fops);
	}
}

static int vdec_model_create(struct vsoc_sim_block *blk)
{
	struct vdec_model *m;

	if (vsoc_sim_block_size(blk) < VSOC_VDEC_REG_SIZE)
		return -EINVAL;

	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->blk = blk;
	spin_lock_init(&m->lock);
	vdec_model_reset(&m->regs);
	INIT_WORK(&m->work, vdec_model_work);
	init_waitqueue_head(&m->reset_wq);
	vsoc_sim_block_set_priv(blk, m);
	vdec_model_debugfs(m);
	return 0;
}

static void vdec_model_destroy(struct vsoc_sim_block *blk)
{
	struct vdec_model *m = vsoc_sim_block_priv(blk);
	unsigned int i;

	/* Power off: a running or hung job stops at its next burst. */
	spin_lock_irq(&m->lock);
	m->abort = true;
	spin_unlock_irq(&m->lock);
	wake_up(&m->reset_wq);
	cancel_work_sync(&m->work);
	for (i = 0; i < VDEC_MODEL_NUM_PICS; i++) {
		kvfree(m->pic[i]);
		kvfree(m->coloc[i]);
	}
	kvfree(m->aux);
	kvfree(m->bs);
	kfree(m);
}

static struct vsoc_sim_model vdec_model = {
	.compatible = "vsoc,vdec",
	.create = vdec_model_create,
	.destroy = vdec_model_destroy,
	.reg_read = vdec_model_reg_read,
	.reg_write = vdec_model_reg_write,
};

module_vsoc_sim_model(vdec_model);

MODULE_DESCRIPTION("vsoc virtual board: model of the vsoc-vdec stateless video decoder");
MODULE_LICENSE("GPL");
