// SPDX-License-Identifier: GPL-2.0
/*
 * Data transfers of the eMMC card model (JESD84-B51 6.6.7 to 6.6.9,
 * 6.6.5 and 6.6.6): block read/write with or without CMD23, EXT_CSD,
 * the HS200 tuning block, the bus test, and the RPMB partition's frames.
 *
 * RPMB authentication needs HMAC-SHA256, which the model does not carry:
 * the partition accepts request frames and answers each with a result
 * frame saying the key cannot be programmed (general failure) or that no
 * key is programmed, as a device whose key was never set would.
 */
#include <linux/bitfield.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/string.h>

#include <vsoc/compat.h>

#include "emmc-model-priv.h"

#define EMMC_CMD23_RELIABLE	BIT(31)
#define EMMC_CMD23_PACKED	BIT(30)
#define EMMC_CMD23_COUNT	GENMASK(15, 0)

/* RPMB data frame (JESD84-B51 6.6.22), big-endian fields. */
#define RPMB_NONCE		484
#define RPMB_RESULT		508
#define RPMB_TYPE		510
#define RPMB_REQ_KEY		0x0001
#define RPMB_REQ_COUNTER	0x0002
#define RPMB_REQ_WRITE		0x0003
#define RPMB_REQ_READ		0x0004
#define RPMB_REQ_RESULT		0x0005
#define RPMB_RES_GENERAL_FAIL	0x0001
#define RPMB_RES_NO_KEY		0x0007

/* Tuning block patterns of JESD84-B51 6.6.5.1, for 8- and 4-bit buses. */
static const u8 emmc_tuning_8bit[128] = {
	0xff, 0xff, 0x00, 0xff, 0xff, 0xff, 0x00, 0x00,
	0xff, 0xff, 0xcc, 0xcc, 0xcc, 0x33, 0xcc, 0xcc,
	0xcc, 0x33, 0x33, 0xcc, 0xcc, 0xcc, 0xff, 0xff,
	0xff, 0xee, 0xff, 0xff, 0xff, 0xee, 0xee, 0xff,
	0xff, 0xff, 0xdd, 0xff, 0xff, 0xff, 0xdd, 0xdd,
	0xff, 0xff, 0xff, 0xbb, 0xff, 0xff, 0xff, 0xbb,
	0xbb, 0xff, 0xff, 0xff, 0x77, 0xff, 0xff, 0xff,
	0x77, 0x77, 0xff, 0x77, 0xbb, 0xdd, 0xee, 0xff,
	0xff, 0xff, 0xff, 0x00, 0xff, 0xff, 0xff, 0x00,
	0x00, 0xff, 0xff, 0xcc, 0xcc, 0xcc, 0x33, 0xcc,
	0xcc, 0xcc, 0x33, 0x33, 0xcc, 0xcc, 0xcc, 0xff,
	0xff, 0xff, 0xee, 0xff, 0xff, 0xff, 0xee, 0xee,
	0xff, 0xff, 0xff, 0xdd, 0xff, 0xff, 0xff, 0xdd,
	0xdd, 0xff, 0xff, 0xff, 0xbb, 0xff, 0xff, 0xff,
	0xbb, 0xbb, 0xff, 0xff, 0xff, 0x77, 0xff, 0xff,
	0xff, 0x77, 0x77, 0xff, 0x77, 0xbb, 0xdd, 0xee,
};

static const u8 emmc_tuning_4bit[64] = {
	0xff, 0x0f, 0xff, 0x00, 0xff, 0xcc, 0xc3, 0xcc,
	0xc3, 0x3c, 0xcc, 0xff, 0xfe, 0xff, 0xfe, 0xef,
	0xff, 0xdf, 0xff, 0xdd, 0xff, 0xfb, 0xff, 0xfb,
	0xbf, 0xff, 0x7f, 0xff, 0x77, 0xf7, 0xbd, 0xef,
	0xff, 0xf0, 0xff, 0xf0, 0x0f, 0xfc, 0xcc, 0x3c,
	0xcc, 0x33, 0xcc, 0xcf, 0xff, 0xef, 0xff, 0xee,
	0xff, 0xfd, 0xff, 0xfd, 0xdf, 0xff, 0xbf, 0xff,
	0xbb, 0xff, 0xf7, 0xff, 0xf7, 0x7f, 0x7b, 0xde,
};

/* Starts a data phase; the response shows the state before it. */
static void emmc_xfer_start(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd,
			    enum emmc_xfer_kind kind, u32 blksz, u32 blocks)
{
	bool write = kind == EMMC_XFER_WRITE || kind == EMMC_XFER_RPMB_W ||
		     kind == EMMC_XFER_BUSTEST_W;

	cmd->resp_type = VSOC_EMMC_RESP_R1;
	cmd->data = write ? VSOC_EMMC_DATA_WRITE : VSOC_EMMC_DATA_READ;
	cmd->block_len = blksz;
	cmd->blocks = blocks;
	card->xfer.kind = kind;
	card->xfer.blksz = blksz;
	card->xfer.left = blocks;
	card->xfer.open = !blocks;
	if (kind == EMMC_XFER_BUSTEST_W)
		card->state = EMMC_STATE_BTST;
	else
		card->state = write ? R1_STATE_RCV : R1_STATE_DATA;
}

/* The data phase is over: back to tran (programming takes no time). */
void emmc_xfer_end(struct vsoc_emmc *card)
{
	memset(&card->xfer, 0, sizeof(card->xfer));
	card->state = R1_STATE_TRAN;
}

int emmc_cmd_set_block_count(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	cmd->resp_type = VSOC_EMMC_RESP_R1;
	card->count_armed = false;
	/* Packed commands are not supported (EXT_CSD MAX_PACKED_* 0). */
	if (cmd->arg & EMMC_CMD23_PACKED) {
		card->status |= R1_ERROR;
		return 0;
	}
	card->count = FIELD_GET(EMMC_CMD23_COUNT, cmd->arg);
	card->count_armed = card->count != 0;
	return 0;
}

/* CMD18/CMD25 in the RPMB partition: frames, CMD23 mandatory. */
static int emmc_cmd_rpmb(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd,
			 u32 blocks)
{
	bool write = cmd->opcode == MMC_WRITE_MULTIPLE_BLOCK;

	if (!blocks || (cmd->opcode != MMC_READ_MULTIPLE_BLOCK && !write)) {
		cmd->resp_type = VSOC_EMMC_RESP_R1;
		card->status |= R1_ERROR;
		return 0;
	}
	emmc_xfer_start(card, cmd, write ? EMMC_XFER_RPMB_W : EMMC_XFER_RPMB_R,
			EMMC_SECTOR, blocks);
	return 0;
}

/**
 * emmc_cmd_rw() - CMD17/18 reads, CMD24/25 writes of 512-byte blocks
 * @card: card in tran state
 * @cmd: address in sectors (or bytes on a byte-addressed card)
 *
 * A range outside the partition or a misaligned byte address is refused
 * in the response (OUT_OF_RANGE, ADDRESS_ERROR) and starts no data phase.
 *
 * Return: 0.
 */
int emmc_cmd_rw(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	enum emmc_part part = emmc_part_selected(card);
	bool write = cmd->opcode == MMC_WRITE_BLOCK ||
		     cmd->opcode == MMC_WRITE_MULTIPLE_BLOCK;
	bool multi = cmd->opcode == MMC_READ_MULTIPLE_BLOCK ||
		     cmd->opcode == MMC_WRITE_MULTIPLE_BLOCK;
	u32 blocks = multi ? (card->count_armed ? card->count : 0) : 1;
	u64 sector = cmd->arg;

	card->count_armed = false;
	if (part == EMMC_PART_RPMB)
		return emmc_cmd_rpmb(card, cmd, blocks);
	cmd->resp_type = VSOC_EMMC_RESP_R1;
	if (!card->blockaddr) {
		if (cmd->arg % EMMC_SECTOR) {
			card->status |= R1_ADDRESS_ERROR;
			return 0;
		}
		sector = cmd->arg / EMMC_SECTOR;
	}
	if (sector + max(blocks, 1U) > card->store[part].sectors) {
		card->status |= R1_OUT_OF_RANGE;
		return 0;
	}
	emmc_xfer_start(card, cmd, write ? EMMC_XFER_WRITE : EMMC_XFER_READ,
			EMMC_SECTOR, blocks);
	card->xfer.sector = sector;
	return 0;
}

int emmc_cmd_send_ext_csd(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	emmc_xfer_start(card, cmd, EMMC_XFER_EXT_CSD, EMMC_EXT_CSD_SIZE, 1);
	return 0;
}

/* CMD21: only in HS200 timing, on a 4- or 8-bit bus. */
int emmc_cmd_tuning(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	u8 width = emmc_bus_width(card);

	if ((card->ext_csd[EXT_CSD_HS_TIMING] & 0x0f) != EXT_CSD_TIMING_HS200 ||
	    width == 1) {
		card->status |= R1_ILLEGAL_COMMAND;
		return 0;
	}
	emmc_xfer_start(card, cmd, EMMC_XFER_TUNING,
			width == 8 ? sizeof(emmc_tuning_8bit) :
			sizeof(emmc_tuning_4bit), 1);
	return 0;
}

/* CMD19 takes a pattern, CMD14 gives it back inverted; one byte per line. */
int emmc_cmd_bus_test(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	u8 width = emmc_bus_width(card);

	if (cmd->opcode == MMC_BUS_TEST_W) {
		memset(card->bustest, 0, sizeof(card->bustest));
		emmc_xfer_start(card, cmd, EMMC_XFER_BUSTEST_W, width, 1);
	} else {
		emmc_xfer_start(card, cmd, EMMC_XFER_BUSTEST_R, width, 1);
	}
	return 0;
}

/* CMD12: ends a read (R1) or a write (R1b, programming the last block). */
int emmc_cmd_stop(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	bool write = card->state == R1_STATE_RCV;

	cmd->resp_type = write ? VSOC_EMMC_RESP_R1B : VSOC_EMMC_RESP_R1;
	cmd->busy_us = write ? 50 : 0;
	emmc_xfer_end(card);
	return 0;
}

static void emmc_put_be16(u8 *p, u16 val)
{
	p[0] = val >> 8;
	p[1] = val;
}

/* An RPMB request frame arrives (see the top of this file). */
static void emmc_rpmb_request(struct vsoc_emmc *card, const u8 *frame)
{
	u16 type = frame[RPMB_TYPE] << 8 | frame[RPMB_TYPE + 1];

	card->rpmb_req = type;
	if (type == RPMB_REQ_KEY || type == RPMB_REQ_WRITE)
		card->rpmb_write_req = type;
	else
		memcpy(card->rpmb_nonce, &frame[RPMB_NONCE], 16);
}

static void emmc_rpmb_response(struct vsoc_emmc *card, u8 *frame)
{
	u16 type = card->rpmb_req, result = RPMB_RES_NO_KEY;

	memset(frame, 0, EMMC_SECTOR);
	if (type == RPMB_REQ_RESULT)
		type = card->rpmb_write_req;
	if (type == RPMB_REQ_COUNTER || type == RPMB_REQ_READ)
		memcpy(&frame[RPMB_NONCE], card->rpmb_nonce, 16);
	if (type == RPMB_REQ_KEY)
		result = RPMB_RES_GENERAL_FAIL;
	if (type < RPMB_REQ_KEY || type > RPMB_REQ_READ)
		result = RPMB_RES_GENERAL_FAIL;
	emmc_put_be16(&frame[RPMB_RESULT], result);
	emmc_put_be16(&frame[RPMB_TYPE], type << 8);
}

/* One block moved: the next one, or the end of a counted transfer. */
static void emmc_xfer_advance(struct vsoc_emmc *card)
{
	card->xfer.sector++;
	if (!card->xfer.open && !--card->xfer.left) {
		/* After CMD19 the card waits for CMD14 in btst. */
		if (card->xfer.kind == EMMC_XFER_BUSTEST_W) {
			card->xfer.kind = EMMC_XFER_NONE;
			return;
		}
		emmc_xfer_end(card);
	}
}

static bool emmc_xfer_is_read(enum emmc_xfer_kind kind)
{
	return kind == EMMC_XFER_READ || kind == EMMC_XFER_EXT_CSD ||
	       kind == EMMC_XFER_TUNING || kind == EMMC_XFER_BUSTEST_R ||
	       kind == EMMC_XFER_RPMB_R;
}

/**
 * vsoc_emmc_read_block() - the card sends the next block of a read
 * @card: the card
 * @buf: where the block goes
 * @len: bytes the host takes: must be the transfer's block length
 *
 * Return: 0, or -ENODATA, -EINVAL, -ERANGE as emmc-model.h describes.
 */
int vsoc_emmc_read_block(struct vsoc_emmc *card, void *buf, u32 len)
{
	struct emmc_xfer *x = &card->xfer;
	u8 *out = buf;
	u32 i;

	if (card->state != R1_STATE_DATA || !emmc_xfer_is_read(x->kind))
		return -ENODATA;
	if (len != x->blksz)
		return -EINVAL;
	switch (x->kind) {
	case EMMC_XFER_READ:
		if (x->sector >= card->store[emmc_part_selected(card)].sectors) {
			card->status |= R1_OUT_OF_RANGE;
			return -ERANGE;
		}
		emmc_store_read(&card->store[emmc_part_selected(card)],
				x->sector, buf);
		break;
	case EMMC_XFER_EXT_CSD:
		memcpy(buf, card->ext_csd, EMMC_EXT_CSD_SIZE);
		break;
	case EMMC_XFER_TUNING:
		memcpy(buf, len == sizeof(emmc_tuning_8bit) ? emmc_tuning_8bit :
		       emmc_tuning_4bit, len);
		break;
	case EMMC_XFER_BUSTEST_R:
		for (i = 0; i < len; i++)
			out[i] = ~card->bustest[i];
		break;
	default:
		emmc_rpmb_response(card, buf);
		break;
	}
	emmc_xfer_advance(card);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_emmc_read_block);

/**
 * vsoc_emmc_write_block() - the card receives the next block of a write
 * @card: the card
 * @buf: the block
 * @len: its length: must be the transfer's block length
 *
 * Return: 0, or -ENODATA, -EINVAL, -ERANGE, -ENOMEM as emmc-model.h
 * describes.
 */
int vsoc_emmc_write_block(struct vsoc_emmc *card, const void *buf, u32 len)
{
	struct emmc_xfer *x = &card->xfer;
	struct emmc_store *st = &card->store[emmc_part_selected(card)];
	int ret;

	if (x->kind == EMMC_XFER_BUSTEST_W && card->state == EMMC_STATE_BTST) {
		if (len != x->blksz)
			return -EINVAL;
		memcpy(card->bustest, buf, min_t(u32, len, sizeof(card->bustest)));
		emmc_xfer_advance(card);
		return 0;
	}
	if (card->state != R1_STATE_RCV ||
	    (x->kind != EMMC_XFER_WRITE && x->kind != EMMC_XFER_RPMB_W))
		return -ENODATA;
	if (len != x->blksz)
		return -EINVAL;
	if (x->kind == EMMC_XFER_RPMB_W) {
		emmc_rpmb_request(card, buf);
	} else {
		if (x->sector >= st->sectors) {
			card->status |= R1_OUT_OF_RANGE;
			return -ERANGE;
		}
		ret = emmc_store_write(st, x->sector, buf);
		if (ret) {
			card->status |= R1_ERROR;
			return ret;
		}
	}
	emmc_xfer_advance(card);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_emmc_write_block);
