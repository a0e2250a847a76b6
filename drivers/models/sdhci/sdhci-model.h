/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model of the vsoc eMMC host controller (sdhci-vsoc): an SDHCI 4.20
 * register file, the bus timing rules, ADMA2 descriptor parsing and the
 * fault knobs as plain logic that the KUnit suite drives without a board
 * (sdhci-model-regs.c, sdhci-model-timing.c). The glue (sdhci-model.c),
 * the command and data engine (sdhci-model-xfer.c) and debugfs
 * (sdhci-model-debugfs.c) add locking, the worker, DMA and the card.
 * Specification: Documentation/vsoc-sdhci-regs.rst.
 */
#ifndef _VSOC_SDHCI_MODEL_H
#define _VSOC_SDHCI_MODEL_H

#include <linux/bits.h>
#include <linux/ktime.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include <vsoc/sdhci-regs.h>

#include "emmc-model.h"

/*
 * Standard SDHCI 4.20 fields the contract header does not list (the
 * driver uses the kernel's sdhci.h names for them).
 */
#define SDHCI_MODEL_TRNS_AUTO_MASK	GENMASK(3, 2)	/* 1 CMD12, 2 CMD23, 3 auto select */
#define   SDHCI_MODEL_AUTO_CMD12	1
#define   SDHCI_MODEL_AUTO_CMD23	2
#define   SDHCI_MODEL_AUTO_SEL		3
#define SDHCI_MODEL_CTRL_CMD23_EN	BIT(27)		/* host control 2 bit 11 */
#define SDHCI_MODEL_OP_STOP		12	/* STOP_TRANSMISSION */
#define SDHCI_MODEL_BLK_SIZE_MASK	GENMASK(11, 0)
#define SDHCI_MODEL_BLK_BOUNDARY	GENMASK(14, 12)
#define SDHCI_MODEL_BLK_COUNT		GENMASK(31, 16)
#define SDHCI_MODEL_ACMD_NOT_EXEC	BIT(0)
#define SDHCI_MODEL_ACMD_TIMEOUT	BIT(1)
#define SDHCI_MODEL_ACMD_CRC		BIT(2)
#define SDHCI_MODEL_ADMA_ERR_STATE	GENMASK(1, 0)
#define   SDHCI_MODEL_ADMA_ST_FDS	1
#define   SDHCI_MODEL_ADMA_ST_TFR	3
#define SDHCI_MODEL_ADMA_ERR_LEN	BIT(2)

/* CAPABILITIES and CAPABILITIES_1 fields (SDHCI 4.20, section 2.2.26). */
#define SDHCI_MODEL_CAP_TMO_FREQ	GENMASK(5, 0)
#define SDHCI_MODEL_CAP_TMO_MHZ		BIT(7)
#define SDHCI_MODEL_CAP_BASE_CLK	GENMASK(15, 8)
#define SDHCI_MODEL_CAP_8BIT		BIT(18)
#define SDHCI_MODEL_CAP_ADMA2		BIT(19)
#define SDHCI_MODEL_CAP_HISPD		BIT(21)
#define SDHCI_MODEL_CAP_SDMA		BIT(22)
#define SDHCI_MODEL_CAP_VDD_330		BIT(24)
#define SDHCI_MODEL_CAP_VDD_180		BIT(26)
#define SDHCI_MODEL_CAP_64BIT_V4	BIT(27)
#define SDHCI_MODEL_CAP_64BIT_V3	BIT(28)
#define SDHCI_MODEL_CAP_SLOT_TYPE	GENMASK(31, 30)
#define   SDHCI_MODEL_SLOT_EMBEDDED	1
#define SDHCI_MODEL_CAP1_SDR50		BIT(0)
#define SDHCI_MODEL_CAP1_SDR104		BIT(1)
#define SDHCI_MODEL_CAP1_DDR50		BIT(2)
#define SDHCI_MODEL_CAP1_HS400		BIT(31)	/* the kernel's non-standard bit */
#define SDHCI_MODEL_MAX_CURRENT_VAL	0x00c800c8	/* 800 mA at 3.3 and 1.8 V */
#define SDHCI_MODEL_VENDOR_VER		0x0100	/* 1.0 */

#define SDHCI_MODEL_BASE_HZ		200000000U
#define SDHCI_MODEL_TMO_HZ		1000000U	/* data timeout clock */
#define SDHCI_MODEL_DLL_MIN_HZ		50000000U
#define SDHCI_MODEL_STROBE_MARGIN	24
#define SDHCI_MODEL_MAX_BLKSZ		512
#define SDHCI_MODEL_WIN_MIN		8
#define SDHCI_MODEL_WIN_MAX		20
/* How long a card stuck busy keeps DAT0 low after the data timeout. */
#define SDHCI_MODEL_STUCK_BUSY_MS	300
/* Longest wait for a data timeout, whatever the counter says. */
#define SDHCI_MODEL_MAX_TIMEOUT_MS	1000
/* Descriptors a table may have without moving data: loop protection. */
#define SDHCI_MODEL_MAX_DESCS		4096

/* reg_write() results for the glue (bit mask). */
#define SDHCI_MODEL_ACT_CMD		BIT(0)	/* a command was issued */
#define SDHCI_MODEL_ACT_ABORT		BIT(1)	/* a reset stopped the job */
#define SDHCI_MODEL_ACT_WAKE		BIT(2)	/* PIO buffer or SDMA restart */
#define SDHCI_MODEL_ACT_CARD_RESET	BIT(3)	/* power off or RST_n asserted */
#define SDHCI_MODEL_ACT_SIDE		BIT(4)	/* a command beside a data phase */

/**
 * struct sdhci_model_regs - architectural state of the controller
 * @sdma_arg2: 0x000, SDMA address (v3), argument 2, 32-bit block count
 * @block: 0x004, block size, SDMA boundary and 16-bit block count
 * @argument: 0x008
 * @xfer_cmd: 0x00c, transfer mode and command of the last command
 * @resp: 0x010-0x01c, response
 * @host_ctrl: 0x028, host control 1, power, block gap, wakeup
 * @clock: 0x02c, clock control and timeout control (reset bits read 0)
 * @int_status: 0x030, without the error summary bit
 * @int_enable: 0x034
 * @signal_enable: 0x038
 * @acmd_status: auto CMD error status (0x03c low half)
 * @host_ctrl2: host control 2 in bits 31:16 of the 0x03c word
 * @adma_err: 0x054
 * @adma_addr: 0x058/0x05c
 * @tap: vendor TAP_CTRL
 * @dll_ctrl: vendor DLL_CTRL
 * @emmc_ctrl: vendor EMMC_CTRL
 * @vqmmc_1v8: the vqmmc-1v8 board line is high
 * @io_stuck_3v3: debugfs fault: the pads stay at 3.3 V
 * @cmd_inhibit: a command is on the CMD line
 * @dat_inhibit: a data transfer or busy phase is pending
 * @read_active: read transfer active
 * @write_active: write transfer active
 * @dat0_until: the card holds DAT0 low (busy) until then
 * @job: sequence number of the current job, bumped by every issue and
 *	abort; the engine's updates carry the number they started with
 * @job_active: the job @job still runs
 * @job_cmd_phase: the job has not finished its command phase
 * @side: sequence number of commands issued beside a job's data phase
 *	(CMD line only, e.g. CMD13 during a busy phase)
 * @side_active: the command @side still runs
 * @sdma_wait: the engine waits for a new SDMA address
 * @sdma_restart: the SDMA address was written while @sdma_wait
 * @buf: PIO buffer, one block
 * @buf_len: bytes of the block in @buf
 * @buf_pos: next byte of @buf the buffer port reads or writes
 * @buf_rd: DATA_AVAILABLE: a read block waits in @buf
 * @buf_wr: SPACE_AVAILABLE: @buf takes a write block
 * @dll_enabled_at: time DLL_ENABLE was last set
 * @clk_changed_at: time the card clock last started or changed rate
 */
struct sdhci_model_regs {
	u32 sdma_arg2;
	u32 block;
	u32 argument;
	u32 xfer_cmd;
	u32 resp[4];
	u32 host_ctrl;
	u32 clock;
	u32 int_status;
	u32 int_enable;
	u32 signal_enable;
	u16 acmd_status;
	u32 host_ctrl2;
	u32 adma_err;
	u64 adma_addr;
	u32 tap;
	u32 dll_ctrl;
	u32 emmc_ctrl;
	bool vqmmc_1v8;
	bool io_stuck_3v3;
	bool cmd_inhibit;
	bool dat_inhibit;
	bool read_active;
	bool write_active;
	ktime_t dat0_until;
	u32 job;
	bool job_active;
	bool job_cmd_phase;
	u32 side;
	bool side_active;
	bool sdma_wait;
	bool sdma_restart;
	u32 buf[SDHCI_MODEL_MAX_BLKSZ / 4];
	u32 buf_len;
	u32 buf_pos;
	bool buf_rd;
	bool buf_wr;
	ktime_t dll_enabled_at;
	ktime_t clk_changed_at;
};

/* DMA engines a data command can use. */
enum sdhci_model_dma_mode {
	SDHCI_MODEL_PIO,
	SDHCI_MODEL_SDMA,
	SDHCI_MODEL_ADMA2_32,	/* 8-byte descriptors */
	SDHCI_MODEL_ADMA2_64_12,	/* v3 mode: 12-byte descriptors */
	SDHCI_MODEL_ADMA2_64_16,	/* v4 mode: 16-byte descriptors */
	SDHCI_MODEL_DMA_BAD,	/* a selection the block does not have */
};

/**
 * struct sdhci_model_host_bus - the host side of the bus at a command
 * @clk_hz: card clock, 0 when stopped
 * @width: data lines, 1, 4 or 8
 * @uhs: UHS mode select of host control 2
 * @ddr: double data rate (DDR50 or HS400)
 * @vdd_180: host control 2 1.8 V signalling enable
 * @pad_1v8: the pads see 1.8 V
 * @enh_strobe: vendor EMMC_CTRL ENH_STROBE
 * @tap: sample tap
 * @dll_locked: the strobe DLL is locked
 * @strobe_delay: DLL_CTRL strobe delay
 */
struct sdhci_model_host_bus {
	u32 clk_hz;
	u8 width;
	u8 uhs;
	bool ddr;
	bool vdd_180;
	bool pad_1v8;
	bool enh_strobe;
	u8 tap;
	bool dll_locked;
	u8 strobe_delay;
};

/**
 * struct sdhci_model_window - passing window of the sample tap
 * @lo: first good tap
 * @hi: last good tap
 */
struct sdhci_model_window {
	u8 lo;
	u8 hi;
};

/**
 * struct sdhci_model_adma_desc - one ADMA2 descriptor, decoded
 * @valid: attribute Valid
 * @end: attribute End
 * @irq: attribute Int
 * @act: attribute Act (0 nop, 1 reserved, 2 transfer, 3 link)
 * @len: bytes of a transfer descriptor (a length field of 0 is 65536)
 * @addr: data or next table address
 */
struct sdhci_model_adma_desc {
	bool valid;
	bool end;
	bool irq;
	u8 act;
	u32 len;
	u64 addr;
};

#define SDHCI_MODEL_ADMA_NOP	0
#define SDHCI_MODEL_ADMA_TRAN	2
#define SDHCI_MODEL_ADMA_LINK	3

/**
 * struct sdhci_model_fault - a fault knob of debugfs
 * @left: failures still to inject (0 with @unlimited: no limit)
 * @pct: probability of each eligible event, percent (0: off)
 * @unlimited: no count, only the probability
 */
struct sdhci_model_fault {
	u32 left;
	u32 pct;
	bool unlimited;
};

enum sdhci_model_fault_id {
	SDHCI_FAULT_CMD_CRC,
	SDHCI_FAULT_DATA_CRC,
	SDHCI_FAULT_CMD_TIMEOUT,
	SDHCI_FAULT_DATA_TIMEOUT,
	SDHCI_FAULT_BUSY,
	SDHCI_FAULT_NUM,
};

/**
 * struct sdhci_model_stats - counters of debugfs "stats"
 * @cmds: commands the host issued (auto commands included)
 * @blocks_read: blocks moved from the card
 * @blocks_written: blocks the card accepted
 * @crc_errors: command and data CRC errors
 * @timeouts: command and data timeouts
 * @retunes: CMD21 (SEND_TUNING_BLOCK) commands
 */
struct sdhci_model_stats {
	u64 cmds;
	u64 blocks_read;
	u64 blocks_written;
	u64 crc_errors;
	u64 timeouts;
	u64 retunes;
};

/**
 * struct sdhci_model_job - a command as the engine runs it, latched at
 *	the write of XFER_CMD
 * @seq: sdhci_model_regs.job at issue
 * @opcode: command index
 * @arg: argument
 * @arg2: argument 2 (auto CMD23)
 * @mode: transfer mode
 * @resp_type: VSOC_SDHCI_CMD_RESP_MASK field
 * @data: data present
 * @blksz: block size
 * @blocks: blocks to move
 * @auto_cmd: 0, SDHCI_MODEL_AUTO_CMD12 or SDHCI_MODEL_AUTO_CMD23
 * @dma: DMA engine
 * @dma_addr: SDMA address or ADMA2 table address
 * @sdma_boundary: SDMA buffer boundary, bytes
 * @v4: version 4 mode
 * @addr64: 64-bit system addressing
 * @timeout_ns: data timeout counter, ns (0: the interrupt is off)
 * @bus: the host side of the bus
 */
struct sdhci_model_job {
	u32 seq;
	u32 opcode;
	u32 arg;
	u32 arg2;
	u32 mode;
	u32 resp_type;
	bool data;
	u32 blksz;
	u32 blocks;
	u32 auto_cmd;
	enum sdhci_model_dma_mode dma;
	u64 dma_addr;
	u32 sdma_boundary;
	bool v4;
	bool addr64;
	u64 timeout_ns;
	struct sdhci_model_host_bus bus;
};

struct vsoc_sim_block;

/**
 * struct sdhci_model - one instance of the block
 * @blk: the board block
 * @lock: protects @regs, @faults, @stats, @window, @timing against the
 *	driver, the worker and debugfs
 * @regs: register state
 * @card_lock: serialises the card (the engines and create/destroy only)
 * @card: the eMMC device
 * @card_reset: the card saw a power cycle or RST_n since the last command
 * @wq: the block's ordered workqueue (one command at a time)
 * @work: the engine
 * @side_wq: ordered workqueue of the commands beside a data phase
 * @side_work: runs them
 * @side_job: such a command
 * @waitq: wakes the engine on PIO progress, SDMA restart and aborts
 * @job: the command the engine runs
 * @dying: destroy() runs: no new commands
 * @dma_busy: the engine is in a DMA access (see sdhci_model_dma_quiesce())
 * @vqmmc_line: board GPIO line of vqmmc-1v8, negative when absent
 * @seed: seed of the tap window
 * @window: tap window
 * @timing: transfers take as long as the bus needs
 * @faults: fault knobs
 * @stats: counters
 * @busy_until: DAT0 stays low until then (stuck busy)
 * @name: the block's name (its DT node's)
 * @fault_files: debugfs private data of the fault knobs
 * @xbuf: the engine's block buffer
 */
struct sdhci_model {
	struct vsoc_sim_block *blk;
	spinlock_t lock; /* registers vs. engine vs. debugfs */
	struct sdhci_model_regs regs;
	struct mutex card_lock; /* the card model is not reentrant */
	struct vsoc_emmc *card;
	bool card_reset;
	struct workqueue_struct *wq;
	struct work_struct work;
	struct workqueue_struct *side_wq;
	struct work_struct side_work;
	struct sdhci_model_job side_job;
	wait_queue_head_t waitq;
	struct sdhci_model_job job;
	bool dying;
	bool dma_busy;
	int vqmmc_line;
	u64 seed;
	struct sdhci_model_window window;
	bool timing;
	struct sdhci_model_fault faults[SDHCI_FAULT_NUM];
	struct sdhci_model_stats stats;
	ktime_t busy_until;
	char name[32];
	struct sdhci_model_fault_file {
		struct sdhci_model *m;
		enum sdhci_model_fault_id id;
	} fault_files[SDHCI_FAULT_NUM];
	u8 xbuf[SDHCI_MODEL_MAX_BLKSZ];
};

/* sdhci-model-regs.c: the register file, pure. */
void sdhci_model_reset_all(struct sdhci_model_regs *r);
int sdhci_model_read(const struct sdhci_model_regs *r, unsigned int off,
		     ktime_t now, u32 *val);
int sdhci_model_write(struct sdhci_model_regs *r, unsigned int off, u32 val,
		      ktime_t now, u32 *action);
u32 sdhci_model_buf_pop(struct sdhci_model_regs *r, u32 *action);
bool sdhci_model_irq_line(const struct sdhci_model_regs *r);
void sdhci_model_raise(struct sdhci_model_regs *r, u32 bits);
u32 sdhci_model_clock_hz(const struct sdhci_model_regs *r);
bool sdhci_model_dll_locked(const struct sdhci_model_regs *r, ktime_t now);
bool sdhci_model_pad_1v8(const struct sdhci_model_regs *r);
void sdhci_model_latch_job(const struct sdhci_model_regs *r, ktime_t now,
			   struct sdhci_model_job *job);

/* sdhci-model-timing.c: bus rules, tap window, ADMA2 and faults, pure. */
void sdhci_model_window_draw(u64 seed, const char *name,
			     struct sdhci_model_window *w);
void sdhci_model_window_drift(struct sdhci_model_window *w, int taps);
int sdhci_model_check_cmd(const struct sdhci_model_host_bus *h,
			  const struct vsoc_emmc_bus *card,
			  const struct sdhci_model_window *w);
int sdhci_model_check_data(const struct sdhci_model_host_bus *h,
			   const struct vsoc_emmc_bus *card,
			   const struct sdhci_model_window *w, bool read);
u64 sdhci_model_xfer_ns(const struct sdhci_model_host_bus *h, u64 bytes);
unsigned int sdhci_model_adma_desc_size(enum sdhci_model_dma_mode dma);
int sdhci_model_adma_parse(enum sdhci_model_dma_mode dma, const void *raw,
			   struct sdhci_model_adma_desc *d);
int sdhci_model_fault_parse(const char *buf, struct sdhci_model_fault *f);
bool sdhci_model_fault_hit(struct sdhci_model_fault *f, u32 roll);

/* sdhci-model-xfer.c: the engine. */
void sdhci_model_work(struct work_struct *work);
void sdhci_model_side_work(struct work_struct *work);

/* sdhci-model-debugfs.c */
void sdhci_model_debugfs_init(struct sdhci_model *m);

/* sdhci-model.c: the glue the engine uses. */
void sdhci_model_update_irq(struct sdhci_model *m);
bool sdhci_model_fault(struct sdhci_model *m, enum sdhci_model_fault_id id);

#endif /* _VSOC_SDHCI_MODEL_H */
