// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc eMMC host model: the engine. It runs one command at a time, latched
 * when XFER_CMD was written: auto CMD23, the command and its response, the
 * data phase block by block through the PIO buffer, SDMA or ADMA2, auto
 * CMD12 and the busy phase, applying the bus timing rules and the faults.
 *
 * Every change of the registers is made under the block's lock, and every
 * DMA access is started under it, after checking that the job is still
 * current: a reset or destroy() that bumped the job number stops the
 * engine before it touches the registers or memory again. Waits (PIO, SDMA boundary, busy, data
 * timeout, timing mode) end early on such an abort.
 */
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/minmax.h>
#include <linux/string.h>

#include <vsoc/sim.h>

#include "sdhci-model.h"

#define SDHCI_MODEL_R1_STATE		GENMASK(12, 9)
#define SDHCI_MODEL_R1_READY		BIT(8)
#define SDHCI_MODEL_STATE_TRAN		4
#define SDHCI_MODEL_STATE_PRG		7
#define SDHCI_MODEL_OP_GO_IDLE		0
#define SDHCI_MODEL_OP_STATUS		13
#define SDHCI_MODEL_OP_TUNING		21
#define SDHCI_MODEL_OP_SET_COUNT	23
#define SDHCI_MODEL_RESP_136		1
#define SDHCI_MODEL_RESP_BUSY		3

/**
 * struct sdhci_model_xfer - the engine's state of one job
 * @m: the block
 * @job: the job
 * @win: the tap window at the start of the job
 * @side: a command beside another job's data phase (CMD line only)
 * @power: bus power on and RST_n released at the start of the job
 * @cmd: the card's answer to the command
 * @card: the card's side of the bus for the data phase
 * @bytes: data moved
 * @desc: next ADMA2 descriptor
 * @descs: descriptors read
 * @adma_end: the End descriptor was read
 * @seg_addr: bus address of the current segment
 * @seg_left: bytes left in it
 * @seg_irq: raise DMA_END when it is done (ADMA2 Int attribute)
 * @sdma_started: the first SDMA segment was set up
 */
struct sdhci_model_xfer {
	struct sdhci_model *m;
	struct sdhci_model_job job;
	struct sdhci_model_window win;
	bool side;
	bool power;
	struct vsoc_emmc_cmd cmd;
	struct vsoc_emmc_bus card;
	u64 bytes;
	u64 desc;
	unsigned int descs;
	bool adma_end;
	u64 seg_addr;
	u32 seg_left;
	bool seg_irq;
	bool sdma_started;
};

/*
 * Take the lock; true if the job is still current. Either way the lock
 * is held on return (callers drop it with xfer_drop() when the job is
 * gone), which keeps the locking visible to sparse.
 */
static bool xfer_lock(struct sdhci_model_xfer *x)
	__acquires(&x->m->lock)
{
	struct sdhci_model *m = x->m;

	spin_lock_irq(&m->lock);
	return x->side ? m->regs.side_active && m->regs.side == x->job.seq :
	       m->regs.job_active && m->regs.job == x->job.seq;
}

/* Drop the lock of a job that is gone. */
static void xfer_drop(struct sdhci_model_xfer *x)
	__releases(&x->m->lock)
{
	spin_unlock_irq(&x->m->lock);
}

static void xfer_unlock(struct sdhci_model_xfer *x)
	__releases(&x->m->lock)
{
	sdhci_model_update_irq(x->m);
	spin_unlock_irq(&x->m->lock);
}

static bool xfer_aborted(struct sdhci_model_xfer *x)
{
	if (!xfer_lock(x)) {
		xfer_drop(x);
		return true;
	}
	spin_unlock_irq(&x->m->lock);
	return false;
}

/* Sleep @ns (abortable). Return: 0 or -ECANCELED. */
static int xfer_sleep(struct sdhci_model_xfer *x, u64 ns)
{
	if (ns)
		wait_event_hrtimeout(x->m->waitq, xfer_aborted(x), ns_to_ktime(ns));
	return xfer_aborted(x) ? -ECANCELED : 0;
}

/* Wait for the data timeout counter (capped); returns -ETIMEDOUT. */
static int xfer_data_timeout(struct sdhci_model_xfer *x)
{
	u64 ns = x->job.timeout_ns;

	if (!ns || ns > (u64)SDHCI_MODEL_MAX_TIMEOUT_MS * NSEC_PER_MSEC)
		ns = (u64)SDHCI_MODEL_MAX_TIMEOUT_MS * NSEC_PER_MSEC;
	return xfer_sleep(x, ns) ?: -ETIMEDOUT;
}

static void xfer_count(struct sdhci_model_xfer *x, int err)
{
	spin_lock_irq(&x->m->lock);
	if (err == -EILSEQ)
		x->m->stats.crc_errors++;
	else if (err == -ETIMEDOUT)
		x->m->stats.timeouts++;
	spin_unlock_irq(&x->m->lock);
}

/*
 * The card is shared by the two engines: each call holds the card lock,
 * and a power cycle or RST_n pulse seen since the last call comes first.
 */
static void xfer_card_get(struct sdhci_model *m)
{
	bool reset;

	mutex_lock(&m->card_lock);
	spin_lock_irq(&m->lock);
	reset = m->card_reset;
	m->card_reset = false;
	spin_unlock_irq(&m->lock);
	if (reset)
		vsoc_emmc_reset(m->card);
}

static void xfer_get_bus(struct sdhci_model *m, struct vsoc_emmc_bus *bus)
{
	xfer_card_get(m);
	vsoc_emmc_get_bus(m->card, bus);
	mutex_unlock(&m->card_lock);
}

/* While a card is stuck busy, CMD13 shows it programming. */
static void xfer_patch_status(struct sdhci_model_xfer *x,
			      struct vsoc_emmc_cmd *cmd)
{
	bool stuck;

	spin_lock_irq(&x->m->lock);
	stuck = ktime_before(ktime_get(), x->m->busy_until);
	spin_unlock_irq(&x->m->lock);
	if (!stuck || cmd->opcode != SDHCI_MODEL_OP_STATUS ||
	    FIELD_GET(SDHCI_MODEL_R1_STATE, cmd->resp[0]) != SDHCI_MODEL_STATE_TRAN)
		return;
	cmd->resp[0] &= ~(SDHCI_MODEL_R1_STATE | SDHCI_MODEL_R1_READY);
	cmd->resp[0] |= FIELD_PREP(SDHCI_MODEL_R1_STATE, SDHCI_MODEL_STATE_PRG);
}

/*
 * Put a command on the bus. @resp: the host waits for a response;
 * @faults: the command is eligible for the command fault knobs.
 * Return: 0, -ETIMEDOUT or -EILSEQ (the card did not see the command).
 */
static int xfer_send(struct sdhci_model_xfer *x, u32 opcode, u32 arg,
		     bool resp, bool faults, struct vsoc_emmc_cmd *cmd)
{
	struct sdhci_model *m = x->m;
	struct vsoc_emmc_bus bus;
	int ret;

	xfer_get_bus(m, &bus);
	ret = x->power ? sdhci_model_check_cmd(&x->job.bus, &bus, &x->win) :
			 -ETIMEDOUT;
	/*
	 * GO_IDLE gets through whatever the card's timing (a host that lost
	 * track of the card starts over with it at 400 kHz and 3.3 V).
	 */
	if (ret == -EILSEQ && opcode == SDHCI_MODEL_OP_GO_IDLE)
		ret = 0;
	if (!ret && resp && faults &&
	    sdhci_model_fault(m, SDHCI_FAULT_CMD_TIMEOUT))
		ret = -ETIMEDOUT;
	if (!ret && resp && faults && sdhci_model_fault(m, SDHCI_FAULT_CMD_CRC))
		ret = -EILSEQ;
	spin_lock_irq(&m->lock);
	m->stats.cmds++;
	if (opcode == SDHCI_MODEL_OP_TUNING)
		m->stats.retunes++;
	spin_unlock_irq(&m->lock);
	if (ret == -EILSEQ && !resp)
		return 0;	/* nobody notices; the card just missed it */
	if (ret) {
		xfer_count(x, ret);
		return ret;
	}

	memset(cmd, 0, sizeof(*cmd));
	cmd->opcode = opcode;
	cmd->arg = arg;
	xfer_card_get(m);
	vsoc_emmc_command(m->card, cmd);
	mutex_unlock(&m->card_lock);
	if (resp && cmd->resp_type == VSOC_EMMC_RESP_NONE) {
		xfer_count(x, -ETIMEDOUT);
		return -ETIMEDOUT;
	}
	xfer_patch_status(x, cmd);
	return 0;
}

/* The response registers: R2 without its CRC byte, shifted down 8 bits. */
static void xfer_set_resp(struct sdhci_model_regs *r, u32 type, const u32 *c)
{
	if (type == SDHCI_MODEL_RESP_136) {
		r->resp[0] = c[2] << 24 | c[3] >> 8;
		r->resp[1] = c[1] << 24 | c[2] >> 8;
		r->resp[2] = c[0] << 24 | c[1] >> 8;
		r->resp[3] = c[0] >> 8;
	} else if (type) {
		r->resp[0] = c[0];
	}
}

/* End of the job: clear what it holds and raise @bits. */
static void xfer_end(struct sdhci_model_xfer *x, u32 bits)
{
	struct sdhci_model_regs *r = &x->m->regs;

	if (!xfer_lock(x)) {
		xfer_drop(x);
		return;
	}
	if (x->side) {
		r->cmd_inhibit = false;
		r->side_active = false;
		sdhci_model_raise(r, bits);
		xfer_unlock(x);
		return;
	}
	/* CMD inhibit is the job's only in its command phase. */
	if (r->job_cmd_phase)
		r->cmd_inhibit = false;
	r->dat_inhibit = false;
	r->read_active = false;
	r->write_active = false;
	r->buf_rd = false;
	r->buf_wr = false;
	r->sdma_wait = false;
	r->job_active = false;
	r->job_cmd_phase = false;
	sdhci_model_raise(r, bits);
	xfer_unlock(x);
}

static u32 xfer_cmd_error_bits(int err)
{
	return err == -ETIMEDOUT ? VSOC_SDHCI_INT_TIMEOUT : VSOC_SDHCI_INT_CRC;
}

/* An auto command failed: record it in the auto CMD error status. */
static void xfer_acmd_error(struct sdhci_model_xfer *x, int err, bool end)
{
	struct sdhci_model_regs *r = &x->m->regs;

	if (!xfer_lock(x)) {
		xfer_drop(x);
		return;
	}
	r->acmd_status = err == -ETIMEDOUT ? SDHCI_MODEL_ACMD_TIMEOUT :
			 SDHCI_MODEL_ACMD_CRC;
	xfer_unlock(x);
	if (end)
		xfer_end(x, VSOC_SDHCI_INT_AUTO_CMD_ERR);
}

static int xfer_auto_cmd23(struct sdhci_model_xfer *x)
{
	struct vsoc_emmc_cmd cmd;
	int ret;

	ret = xfer_send(x, SDHCI_MODEL_OP_SET_COUNT, x->job.arg2, true, false,
			&cmd);
	if (ret) {
		xfer_acmd_error(x, ret, true);
		return ret;
	}
	if (!xfer_lock(x)) {
		xfer_drop(x);
		return -ECANCELED;
	}
	x->m->regs.resp[3] = cmd.resp[0];
	xfer_unlock(x);
	return 0;
}

/* The command phase. Return: 0 when a data or busy phase follows. */
static int xfer_command(struct sdhci_model_xfer *x)
{
	struct sdhci_model_regs *r = &x->m->regs;
	bool read = x->job.mode & VSOC_SDHCI_TRNS_READ;
	bool resp = x->job.resp_type;
	bool more;
	int ret;

	ret = xfer_send(x, x->job.opcode, x->job.arg, resp, true, &x->cmd);
	if (ret) {
		xfer_end(x, xfer_cmd_error_bits(ret));
		return ret;
	}
	if (!xfer_lock(x)) {
		xfer_drop(x);
		return -ECANCELED;
	}
	xfer_set_resp(r, x->job.resp_type, x->cmd.resp);
	r->cmd_inhibit = false;
	sdhci_model_raise(r, VSOC_SDHCI_INT_RESPONSE);
	if (x->side) {
		r->side_active = false;
		xfer_unlock(x);
		return -ENODATA;
	}
	r->job_cmd_phase = false;
	more = r->dat_inhibit;
	if (!more) {
		r->job_active = false;
	} else if (x->job.data) {
		r->read_active = read;
		r->write_active = !read;
	}
	xfer_unlock(x);
	return more ? 0 : -ENODATA;
}

/*
 * A busy phase of @busy_ns, stuck beyond the data timeout when @stuck.
 * Return: 0 when it ended in time, -ETIMEDOUT, -ECANCELED.
 */
static int xfer_busy(struct sdhci_model_xfer *x, u64 busy_ns, bool stuck)
{
	u64 cap = (u64)SDHCI_MODEL_MAX_TIMEOUT_MS * NSEC_PER_MSEC;
	u64 stuck_ns = (u64)SDHCI_MODEL_STUCK_BUSY_MS * NSEC_PER_MSEC;
	u64 tmo = x->job.timeout_ns;
	ktime_t now = ktime_get();

	if (stuck)
		busy_ns = (tmo ?: cap) + stuck_ns;
	if (!busy_ns)
		return 0;
	spin_lock_irq(&x->m->lock);
	/* A stuck card lets DAT0 go some time after the host gave up. */
	x->m->regs.dat0_until = ktime_add_ns(now, stuck ?
					     min(tmo ?: cap, cap) + stuck_ns :
					     busy_ns);
	if (stuck)
		x->m->busy_until = x->m->regs.dat0_until;
	spin_unlock_irq(&x->m->lock);
	if (tmo && busy_ns > tmo) {
		xfer_count(x, -ETIMEDOUT);
		return xfer_data_timeout(x);
	}
	return xfer_sleep(x, busy_ns);
}

static u32 xfer_data_error_bits(int err)
{
	switch (err) {
	case 0:
		return VSOC_SDHCI_INT_DATA_END;
	case -EILSEQ:
		return VSOC_SDHCI_INT_DATA_CRC;
	case -ETIMEDOUT:
		return VSOC_SDHCI_INT_DATA_TIMEOUT;
	case -EIO:
		return VSOC_SDHCI_INT_ADMA_ERROR;
	default:
		return 0;
	}
}

/* An ADMA error: record the state and the descriptor address. */
static int xfer_adma_error(struct sdhci_model_xfer *x, u32 state, bool len)
{
	struct sdhci_model_regs *r = &x->m->regs;

	if (!xfer_lock(x)) {
		xfer_drop(x);
		return -ECANCELED;
	}
	r->adma_err = FIELD_PREP(SDHCI_MODEL_ADMA_ERR_STATE, state) |
		      (len ? SDHCI_MODEL_ADMA_ERR_LEN : 0);
	r->adma_addr = x->desc;
	xfer_unlock(x);
	return -EIO;
}

/*
 * One DMA access. The board's DMA takes locks that must not nest in ours,
 * so the access runs unlocked but flagged in @dma_busy, with interrupts
 * off: an abort on another CPU waits the few microseconds until it is
 * over (sdhci_model_dma_quiesce()), none can run on this one meanwhile.
 */
static int xfer_dma(struct sdhci_model_xfer *x, u64 addr, void *buf, u32 len,
		    bool to_mem)
{
	struct sdhci_model *m = x->m;
	int ret;

	if (!xfer_lock(x)) {
		xfer_drop(x);
		return -ECANCELED;
	}
	WRITE_ONCE(m->dma_busy, true);
	spin_unlock(&m->lock);
	if (to_mem)
		ret = vsoc_sim_dma_write(m->blk, addr, buf, len);
	else
		ret = vsoc_sim_dma_read(m->blk, addr, buf, len);
	/* Pairs with sdhci_model_dma_quiesce(): the copy is done first. */
	smp_store_release(&m->dma_busy, false);
	local_irq_enable();
	return ret;
}

/* Raise @bits for the running job (DMA_END, buffer ready). */
static int xfer_raise(struct sdhci_model_xfer *x, u32 bits)
{
	if (!xfer_lock(x)) {
		xfer_drop(x);
		return -ECANCELED;
	}
	sdhci_model_raise(&x->m->regs, bits);
	xfer_unlock(x);
	return 0;
}

static bool xfer_sdma_restarted(struct sdhci_model_xfer *x)
{
	bool done;

	if (!xfer_lock(x)) {
		xfer_drop(x);
		return true;
	}
	done = x->m->regs.sdma_restart;
	spin_unlock_irq(&x->m->lock);
	return done;
}

/* SDMA: the next segment runs to the next buffer boundary. */
static int xfer_sdma_next(struct sdhci_model_xfer *x)
{
	struct sdhci_model_regs *r = &x->m->regs;
	u64 addr = x->job.dma_addr;

	if (x->sdma_started) {
		/* At the boundary: stop until the driver gives the next address. */
		if (!xfer_lock(x)) {
			xfer_drop(x);
			return -ECANCELED;
		}
		r->sdma_wait = true;
		r->sdma_restart = false;
		sdhci_model_raise(r, VSOC_SDHCI_INT_DMA_END);
		xfer_unlock(x);
		wait_event_idle(x->m->waitq, xfer_sdma_restarted(x));
		if (!xfer_lock(x)) {
			xfer_drop(x);
			return -ECANCELED;
		}
		r->sdma_wait = false;
		r->sdma_restart = false;
		addr = x->job.v4 ? r->adma_addr : r->sdma_arg2;
		if (!x->job.addr64)
			addr = lower_32_bits(addr);
		spin_unlock_irq(&x->m->lock);
	}
	x->sdma_started = true;
	x->seg_addr = addr;
	x->seg_left = x->job.sdma_boundary - (addr & (x->job.sdma_boundary - 1));
	x->seg_irq = false;
	return 0;
}

/* ADMA2: walk the descriptor table to the next transfer descriptor. */
static int xfer_adma_next(struct sdhci_model_xfer *x)
{
	unsigned int size = sdhci_model_adma_desc_size(x->job.dma);
	struct sdhci_model_adma_desc d;
	u8 raw[16];
	int ret;

	for (;;) {
		if (x->adma_end)
			return xfer_adma_error(x, SDHCI_MODEL_ADMA_ST_TFR, true);
		if (++x->descs > SDHCI_MODEL_MAX_DESCS)
			return xfer_adma_error(x, SDHCI_MODEL_ADMA_ST_FDS, false);
		ret = xfer_dma(x, x->desc, raw, size, false);
		if (ret == -ECANCELED)
			return ret;
		if (ret || sdhci_model_adma_parse(x->job.dma, raw, &d))
			return xfer_adma_error(x, SDHCI_MODEL_ADMA_ST_FDS, false);
		x->adma_end = d.end;
		if (d.act == SDHCI_MODEL_ADMA_LINK) {
			x->desc = d.addr;
			continue;
		}
		x->desc += size;
		if (d.act == SDHCI_MODEL_ADMA_TRAN) {
			x->seg_addr = d.addr;
			x->seg_left = d.len;
			x->seg_irq = d.irq;
			x->descs = 0;
			return 0;
		}
	}
}

/* Move @len bytes between @buf and the job's memory. */
static int xfer_dma_move(struct sdhci_model_xfer *x, u8 *buf, u32 len,
			 bool to_mem)
{
	u32 n;
	int ret;

	while (len) {
		if (!x->seg_left) {
			ret = x->job.dma == SDHCI_MODEL_SDMA ? xfer_sdma_next(x) :
			      xfer_adma_next(x);
			if (ret)
				return ret;
		}
		n = min(len, x->seg_left);
		ret = xfer_dma(x, x->seg_addr, buf, n, to_mem);
		if (ret == -ECANCELED)
			return ret;
		if (ret)
			return xfer_adma_error(x, SDHCI_MODEL_ADMA_ST_TFR, false);
		x->seg_addr += n;
		x->seg_left -= n;
		buf += n;
		len -= n;
		if (!x->seg_left && x->seg_irq) {
			ret = xfer_raise(x, VSOC_SDHCI_INT_DMA_END);
			if (ret)
				return ret;
		}
	}
	return 0;
}

static bool xfer_pio_done(struct sdhci_model_xfer *x)
{
	bool done;

	if (!xfer_lock(x)) {
		xfer_drop(x);
		return true;
	}
	done = !x->m->regs.buf_rd && !x->m->regs.buf_wr;
	spin_unlock_irq(&x->m->lock);
	return done;
}

/* PIO: offer a read block in the buffer, or ask for a write block. */
static int xfer_pio(struct sdhci_model_xfer *x, u8 *buf, u32 len, bool read)
{
	struct sdhci_model_regs *r = &x->m->regs;

	if (!xfer_lock(x)) {
		xfer_drop(x);
		return -ECANCELED;
	}
	if (read)
		memcpy(r->buf, buf, len);
	r->buf_len = len;
	r->buf_pos = 0;
	r->buf_rd = read;
	r->buf_wr = !read;
	sdhci_model_raise(r, read ? VSOC_SDHCI_INT_DATA_AVAIL :
			  VSOC_SDHCI_INT_SPACE_AVAIL);
	xfer_unlock(x);
	/* The driver takes as long as it likes: not a hung task. */
	wait_event_idle(x->m->waitq, xfer_pio_done(x));
	if (!xfer_lock(x)) {
		xfer_drop(x);
		return -ECANCELED;
	}
	if (!read)
		memcpy(buf, r->buf, len);
	spin_unlock_irq(&x->m->lock);
	return 0;
}

static int xfer_move(struct sdhci_model_xfer *x, u8 *buf, u32 len, bool read)
{
	if (x->job.dma == SDHCI_MODEL_PIO)
		return xfer_pio(x, buf, len, read);
	return xfer_dma_move(x, buf, len, read);
}

/* What a card's block return code looks like to the host. */
static int xfer_card_error(struct sdhci_model_xfer *x, int ret)
{
	if (ret == -ENODATA || ret == -ERANGE) {
		xfer_count(x, -ETIMEDOUT);
		return xfer_data_timeout(x);
	}
	xfer_count(x, -EILSEQ);
	return -EILSEQ;
}

static int xfer_read_block(struct sdhci_model_xfer *x, u8 *buf, u32 len)
{
	struct sdhci_model *m = x->m;
	int ret, bus;

	if (sdhci_model_fault(m, SDHCI_FAULT_DATA_TIMEOUT)) {
		xfer_count(x, -ETIMEDOUT);
		return xfer_data_timeout(x);
	}
	/* The card sends the block whether the host samples it well or not. */
	xfer_card_get(m);
	ret = vsoc_emmc_read_block(m->card, buf, len);
	mutex_unlock(&m->card_lock);
	if (ret)
		return xfer_card_error(x, ret);
	bus = sdhci_model_check_data(&x->job.bus, &x->card, &x->win, true);
	if (bus || sdhci_model_fault(m, SDHCI_FAULT_DATA_CRC)) {
		xfer_count(x, -EILSEQ);
		return -EILSEQ;
	}
	ret = xfer_move(x, buf, len, true);
	if (ret)
		return ret;
	spin_lock_irq(&m->lock);
	m->stats.blocks_read++;
	spin_unlock_irq(&m->lock);
	return 0;
}

static int xfer_write_block(struct sdhci_model_xfer *x, u8 *buf, u32 len)
{
	struct sdhci_model *m = x->m;
	int ret;

	ret = xfer_move(x, buf, len, false);
	if (ret)
		return ret;
	/* A block that did not arrive intact never reaches the card. */
	if (sdhci_model_check_data(&x->job.bus, &x->card, &x->win, false) ||
	    sdhci_model_fault(m, SDHCI_FAULT_DATA_CRC)) {
		xfer_count(x, -EILSEQ);
		return -EILSEQ;
	}
	if (sdhci_model_fault(m, SDHCI_FAULT_DATA_TIMEOUT)) {
		xfer_count(x, -ETIMEDOUT);
		return xfer_data_timeout(x);
	}
	xfer_card_get(m);
	ret = vsoc_emmc_write_block(m->card, buf, len);
	mutex_unlock(&m->card_lock);
	if (ret)
		return xfer_card_error(x, ret);
	spin_lock_irq(&m->lock);
	m->stats.blocks_written++;
	spin_unlock_irq(&m->lock);
	return 0;
}

static int xfer_auto_cmd12(struct sdhci_model_xfer *x)
{
	struct vsoc_emmc_cmd cmd;
	int ret;

	ret = xfer_send(x, SDHCI_MODEL_OP_STOP, 0, true, false, &cmd);
	if (ret) {
		xfer_acmd_error(x, ret, false);
		return -EPROTO;
	}
	if (!xfer_lock(x)) {
		xfer_drop(x);
		return -ECANCELED;
	}
	x->m->regs.resp[3] = cmd.resp[0];
	xfer_unlock(x);
	return xfer_busy(x, (u64)cmd.busy_us * NSEC_PER_USEC, false);
}

static int xfer_blocks(struct sdhci_model_xfer *x, bool read)
{
	u32 len = x->job.blksz, i;
	int ret = 0;

	if (x->job.dma == SDHCI_MODEL_DMA_BAD)
		return xfer_adma_error(x, SDHCI_MODEL_ADMA_ST_FDS, false);
	if (!len || len > SDHCI_MODEL_MAX_BLKSZ) {
		xfer_count(x, -EILSEQ);
		return -EILSEQ;
	}
	for (i = 0; i < x->job.blocks && !ret; i++) {
		ret = read ? xfer_read_block(x, x->m->xbuf, len) :
			     xfer_write_block(x, x->m->xbuf, len);
		if (!ret)
			x->bytes += len;
	}
	return ret;
}

/* The data phase of a data command, then auto CMD12 and write busy. */
static void xfer_data(struct sdhci_model_xfer *x)
{
	bool read = x->job.mode & VSOC_SDHCI_TRNS_READ;
	ktime_t start = ktime_get();
	u64 ns;
	int ret;

	x->desc = x->job.dma_addr;
	xfer_get_bus(x->m, &x->card);
	ret = xfer_blocks(x, read);
	if (!ret && x->job.auto_cmd == SDHCI_MODEL_AUTO_CMD12)
		ret = xfer_auto_cmd12(x);
	if (!ret && !read && sdhci_model_fault(x->m, SDHCI_FAULT_BUSY))
		ret = xfer_busy(x, 0, true);
	if (!ret && READ_ONCE(x->m->timing)) {
		ns = sdhci_model_xfer_ns(&x->job.bus, x->bytes);
		ns -= min_t(u64, ns, ktime_to_ns(ktime_sub(ktime_get(), start)));
		ret = xfer_sleep(x, ns);
	}
	if (ret != -ECANCELED)
		xfer_end(x, ret == -EPROTO ? VSOC_SDHCI_INT_AUTO_CMD_ERR :
			 xfer_data_error_bits(ret));
}

static void xfer_run(struct sdhci_model_xfer *x)
{
	bool stuck;
	int ret;

	if (x->job.auto_cmd == SDHCI_MODEL_AUTO_CMD23 && xfer_auto_cmd23(x))
		return;
	if (xfer_command(x))
		return;
	if (x->job.data) {
		xfer_data(x);
		return;
	}
	/* R1b without data: DATA_END (transfer complete) after the busy. */
	stuck = sdhci_model_fault(x->m, SDHCI_FAULT_BUSY);
	ret = xfer_busy(x, (u64)x->cmd.busy_us * NSEC_PER_USEC, stuck);
	if (ret != -ECANCELED)
		xfer_end(x, xfer_data_error_bits(ret));
}

/* Copy the job latched at issue and run it if it is still current. */
static void xfer_start(struct sdhci_model *m, const struct sdhci_model_job *job,
		       bool side)
{
	struct sdhci_model_xfer x = { .m = m, .side = side };
	bool current_job;

	spin_lock_irq(&m->lock);
	x.job = *job;
	current_job = side ? m->regs.side_active && m->regs.side == x.job.seq :
		      m->regs.job_active && m->regs.job == x.job.seq;
	x.win = m->window;
	x.power = (m->regs.host_ctrl & VSOC_SDHCI_POWER_ON) &&
		  (m->regs.emmc_ctrl & VSOC_SDHCI_EMMC_RST_N);
	spin_unlock_irq(&m->lock);
	if (!current_job)
		return;
	if (side)
		xfer_command(&x);
	else
		xfer_run(&x);
}

/**
 * sdhci_model_work() - the engine: run the command latched at issue
 * @work: the block's work item
 */
void sdhci_model_work(struct work_struct *work)
{
	struct sdhci_model *m = container_of(work, struct sdhci_model, work);

	xfer_start(m, &m->job, false);
}

/**
 * sdhci_model_side_work() - run a command issued beside a data phase
 * @work: the block's side work item
 */
void sdhci_model_side_work(struct work_struct *work)
{
	struct sdhci_model *m = container_of(work, struct sdhci_model, side_work);

	xfer_start(m, &m->side_job, true);
}
