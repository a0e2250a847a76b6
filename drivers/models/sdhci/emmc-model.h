/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The eMMC 5.1 device of the vsoc eMMC host model: what the card does with
 * each command and each data block, from JEDEC JESD84-B51. Pure logic: no
 * locking and no knowledge of SDHCI registers.
 *
 * Calling context: the controller model calls the card only from its
 * worker (process context), serialised under its card mutex. The card
 * allocates the pages of its sparse backing store with GFP_NOIO (it serves
 * block I/O, so it must not recurse into I/O reclaim) and does not sleep
 * otherwise; vsoc_emmc_create() and vsoc_emmc_destroy() may sleep
 * (GFP_KERNEL).
 *
 * The controller model (sdhci-model.c) turns a command written to its
 * registers into vsoc_emmc_command(), moves the data of a data command
 * block by block with vsoc_emmc_read_block()/vsoc_emmc_write_block(), and
 * applies the bus timing rules from vsoc_emmc_bus(). Faults on the wire
 * (CRC errors, timeouts) are the controller's business: the card only
 * sees commands and blocks that arrived intact.
 *
 * Data phase rules for the controller:
 * - A data command answered with @data NONE did not start a data phase:
 *   the card refused it (error bits in the R1 response, e.g. OUT_OF_RANGE)
 *   or stayed silent; the host sees a data timeout if it waits for data.
 * - The card sends read blocks whether the host samples them correctly or
 *   not: on a read with a (timing or injected) data CRC error, pull the
 *   block with vsoc_emmc_read_block() anyway and then report the error.
 *   A finite read the host abandoned ends by itself at the next command
 *   other than CMD12/CMD13 (as on the wire, where the card has finished
 *   sending meanwhile); CMD12 in that state still stops it.
 * - Write blocks the host did not deliver intact must not be passed to
 *   vsoc_emmc_write_block(): the card acknowledges (programs) each block
 *   it is given. An abandoned write waits in rcv state for CMD12.
 * - vsoc_emmc_read_block()/vsoc_emmc_write_block() return 0 for a block
 *   sent/accepted, -ENODATA when no matching data phase is in progress,
 *   -EINVAL when @len is not the block length of the transfer (the host
 *   samples the wrong number of bytes: report a data CRC error), -ERANGE
 *   when an open-ended transfer runs past the end of the partition (the
 *   card stops; OUT_OF_RANGE is in the next status: report a data
 *   timeout), -ENOMEM when the store could not grow (GENERAL ERROR in the
 *   next status: report a data CRC error, the block was not written).
 */
#ifndef _VSOC_EMMC_MODEL_H
#define _VSOC_EMMC_MODEL_H

#include <linux/types.h>

struct vsoc_emmc;

/**
 * struct vsoc_emmc_config - geometry of a card
 * @user_bytes: user data area, a multiple of 512 KiB (one erase group)
 * @boot_bytes: each of the two boot partitions, a multiple of 128 KiB
 * @rpmb_bytes: RPMB partition, a multiple of 128 KiB
 * @cache_bytes: size of the volatile cache reported in EXT_CSD (0: none)
 * @serial: product serial number in the CID
 */
struct vsoc_emmc_config {
	u64 user_bytes;
	u32 boot_bytes;
	u32 rpmb_bytes;
	u32 cache_bytes;
	u32 serial;
};

#define VSOC_EMMC_STATE_INA	15

/*
 * Response types (the card's view; the controller checks them). R1B is R1
 * followed by busy on DAT0 for @busy_us; a host expecting R1 for it sees
 * the same response bits.
 */
enum vsoc_emmc_resp {
	VSOC_EMMC_RESP_NONE,
	VSOC_EMMC_RESP_R1,	/* 48 bits, card status */
	VSOC_EMMC_RESP_R1B,	/* R1 with busy on DAT0 */
	VSOC_EMMC_RESP_R2,	/* 136 bits, CID or CSD */
	VSOC_EMMC_RESP_R3,	/* 48 bits, OCR, no CRC */
	VSOC_EMMC_RESP_R4,	/* fast I/O: not implemented */
	VSOC_EMMC_RESP_R5,	/* interrupt request: not implemented */
};

/* Data phase of a command, as the card sees it. */
enum vsoc_emmc_data {
	VSOC_EMMC_DATA_NONE,
	VSOC_EMMC_DATA_READ,	/* card to host */
	VSOC_EMMC_DATA_WRITE,	/* host to card */
};

/**
 * struct vsoc_emmc_cmd - one command and the card's answer
 * @opcode: command index, 0 to 63
 * @arg: 32-bit argument
 * @resp_type: out: the response the card sent (NONE: it stayed silent,
 *	which the host sees as a command timeout)
 * @resp: out: short responses in @resp[0] (card status, or OCR); R2 as
 *	the 128 bits [127:0] of the CID/CSD register including the CRC7
 *	byte, @resp[0] holding bits [127:96] (the MMC core's layout)
 * @data: out: the data phase this command starts
 * @block_len: out: size of each data block (512, or 512/8/4/128/64 for
 *	EXT_CSD, bus test and tuning blocks)
 * @blocks: out: blocks the card will send or accept; 0 means open ended
 *	(until CMD12)
 * @busy_us: out: for R1B, how long the card holds DAT0 busy (0: not at
 *	all)
 */
struct vsoc_emmc_cmd {
	u32 opcode;
	u32 arg;
	enum vsoc_emmc_resp resp_type;
	u32 resp[4];
	enum vsoc_emmc_data data;
	u32 block_len;
	u32 blocks;
	u32 busy_us;
};

/**
 * struct vsoc_emmc_bus - what the card expects on the bus
 * @hs_timing: EXT_CSD HS_TIMING[3:0]: 0 legacy, 1 HS, 2 HS200, 3 HS400
 * @bus_width: data lines: 1, 4 or 8
 * @ddr: double data rate (DDR52 or HS400)
 * @enhanced_strobe: EXT_CSD BUS_WIDTH bit 7 (HS400 enhanced strobe)
 * @max_hz: fastest clock the card allows in this timing
 * @state: the card's current state (R1 CURRENT_STATE, 0 idle ... 10 slp;
 *	VSOC_EMMC_STATE_INA for the inactive state, which no response shows)
 */
struct vsoc_emmc_bus {
	u8 hs_timing;
	u8 bus_width;
	bool ddr;
	bool enhanced_strobe;
	u32 max_hz;
	u8 state;
};

/*
 * Returns the card, or ERR_PTR(-EINVAL) for a geometry the EXT_CSD cannot
 * describe (user area 0, not a multiple of 512 KiB or above 2 TiB; boot
 * partitions not a multiple of 128 KiB or above 255 x 128 KiB; RPMB not a
 * multiple of 128 KiB or above 128 x 128 KiB), or ERR_PTR(-ENOMEM).
 * A user area above 2 GiB makes a sector-addressed card, 2 GiB or less a
 * byte-addressed one.
 */
struct vsoc_emmc *vsoc_emmc_create(const struct vsoc_emmc_config *cfg);
/* Frees the card and everything it stores. NULL and ERR_PTR are ignored. */
void vsoc_emmc_destroy(struct vsoc_emmc *card);

/*
 * Power cycle or RST_n pulse: back to idle, EXT_CSD volatile fields reset,
 * any transfer dropped. The stored data stays.
 */
void vsoc_emmc_reset(struct vsoc_emmc *card);

/*
 * Returns 0 once the card has handled (or ignored) the command, -EINVAL
 * for an opcode above 63. Protocol errors are in @cmd and the card status,
 * never in the return value.
 */
int vsoc_emmc_command(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);
int vsoc_emmc_read_block(struct vsoc_emmc *card, void *buf, u32 len);
int vsoc_emmc_write_block(struct vsoc_emmc *card, const void *buf, u32 len);
void vsoc_emmc_get_bus(const struct vsoc_emmc *card, struct vsoc_emmc_bus *bus);

/* For debugfs: the card status register (R1 layout) as CMD13 would show it. */
u32 vsoc_emmc_status(const struct vsoc_emmc *card);

#endif /* _VSOC_EMMC_MODEL_H */
