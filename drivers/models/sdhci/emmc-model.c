// SPDX-License-Identifier: GPL-2.0
/*
 * The eMMC 5.1 card of the vsoc eMMC host model: life cycle, the card
 * state machine and the command dispatch (JESD84-B51 6.4 to 6.10, tables
 * of commands per class and per state). A command not legal in the card's
 * state gets no response and sets ILLEGAL_COMMAND for the next status.
 */
#include <linux/err.h>
#include <linux/module.h>
#include <linux/slab.h>

#include <vsoc/compat.h>

#include "emmc-model-priv.h"

#define EMMC_OCR_VOLTAGES	0x00ff8080	/* 2.7-3.6 V and 1.70-1.95 V */
#define EMMC_OCR_SECTOR_MODE	BIT(30)		/* access mode 10b */
#define EMMC_OCR_BUSY_POLLS	2		/* CMD1 answers busy this often */
#define EMMC_MAX_USER_BYTES	(2ULL << 40)	/* SEC_COUNT is 32 bits */
#define EMMC_ARG_RCA(arg)	((arg) >> 16)
#define EMMC_SLEEP_BIT		BIT(15)

#define S(state)		BIT(R1_STATE_##state)
#define EMMC_STATES_ADDRESSED	(S(STBY) | S(TRAN) | S(DATA) | S(RCV) | \
				 S(PRG) | S(DIS) | BIT(EMMC_STATE_BTST))

/**
 * emmc_r1() - the card status register as a response shows it
 * @card: the card
 * @state: CURRENT_STATE to show: the state the command was received in
 *
 * Return: R1 card status.
 */
u32 emmc_r1(const struct vsoc_emmc *card, u8 state)
{
	u32 r1 = card->status | (state << 9);

	if (state != R1_STATE_PRG)
		r1 |= R1_READY_FOR_DATA;
	return r1;
}

static int emmc_cmd_go_idle(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	/* 0xfffffffa starts the boot operation, which is not modelled. */
	if (cmd->arg == 0xfffffffa)
		return 0;
	/* Both CMD0 and the pre-idle 0xf0f0f0f0 end in idle. */
	vsoc_emmc_reset(card);
	return 0;
}

static int emmc_cmd_send_op_cond(struct vsoc_emmc *card,
				 struct vsoc_emmc_cmd *cmd)
{
	u32 ocr = EMMC_OCR_VOLTAGES;

	if (card->blockaddr)
		ocr |= EMMC_OCR_SECTOR_MODE;
	/* A host offering none of our voltages makes the card inactive. */
	if (cmd->arg & ~EMMC_OCR_SECTOR_MODE && !(cmd->arg & EMMC_OCR_VOLTAGES)) {
		card->state = VSOC_EMMC_STATE_INA;
		return 0;
	}
	cmd->resp_type = VSOC_EMMC_RESP_R3;
	/* Argument 0 only inquires: power-up does not advance. */
	if (cmd->arg && card->ocr_polls++ >= EMMC_OCR_BUSY_POLLS) {
		ocr |= MMC_CARD_BUSY;	/* power-up done */
		card->state = R1_STATE_READY;
	}
	cmd->resp[0] = ocr;
	return 0;
}

static void emmc_resp_r2(struct vsoc_emmc_cmd *cmd, const u32 *reg)
{
	cmd->resp_type = VSOC_EMMC_RESP_R2;
	memcpy(cmd->resp, reg, sizeof(cmd->resp));
}

static int emmc_cmd_all_send_cid(struct vsoc_emmc *card,
				 struct vsoc_emmc_cmd *cmd)
{
	emmc_resp_r2(cmd, card->cid);
	card->state = R1_STATE_IDENT;
	return 0;
}

static int emmc_cmd_set_rca(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	if (!EMMC_ARG_RCA(cmd->arg)) {	/* 0 is reserved for deselection */
		card->status |= R1_ILLEGAL_COMMAND;
		return 0;
	}
	card->rca = EMMC_ARG_RCA(cmd->arg);
	cmd->resp_type = VSOC_EMMC_RESP_R1;
	card->state = R1_STATE_STBY;
	return 0;
}

static bool emmc_addressed(const struct vsoc_emmc *card, u32 arg)
{
	return EMMC_ARG_RCA(arg) == card->rca;
}

static int emmc_cmd_sleep_awake(struct vsoc_emmc *card,
				struct vsoc_emmc_cmd *cmd)
{
	bool sleep = cmd->arg & EMMC_SLEEP_BIT;
	bool awake = card->state == R1_STATE_STBY;

	if (!emmc_addressed(card, cmd->arg))
		return 0;
	if (sleep != awake) {
		card->status |= R1_ILLEGAL_COMMAND;
		return 0;
	}
	cmd->resp_type = VSOC_EMMC_RESP_R1B;
	cmd->busy_us = 100;
	card->state = sleep ? EMMC_STATE_SLP : R1_STATE_STBY;
	return 0;
}

static int emmc_cmd_select(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	if (!emmc_addressed(card, cmd->arg)) {
		/* Deselected by another address (or 0): no response. */
		if (card->state == R1_STATE_PRG)
			card->state = R1_STATE_DIS;
		else if (card->state != R1_STATE_DIS)
			card->state = R1_STATE_STBY;
		return 0;
	}
	cmd->resp_type = VSOC_EMMC_RESP_R1;
	if (card->state == R1_STATE_STBY || card->state == R1_STATE_DIS)
		card->state = R1_STATE_TRAN;
	return 0;
}

static int emmc_cmd_send_csd_cid(struct vsoc_emmc *card,
				 struct vsoc_emmc_cmd *cmd)
{
	if (emmc_addressed(card, cmd->arg))
		emmc_resp_r2(cmd, cmd->opcode == MMC_SEND_CSD ? card->csd :
			     card->cid);
	return 0;
}

static int emmc_cmd_send_status(struct vsoc_emmc *card,
				struct vsoc_emmc_cmd *cmd)
{
	if (emmc_addressed(card, cmd->arg))
		cmd->resp_type = VSOC_EMMC_RESP_R1;
	return 0;
}

static int emmc_cmd_go_inactive(struct vsoc_emmc *card,
				struct vsoc_emmc_cmd *cmd)
{
	if (emmc_addressed(card, cmd->arg))
		card->state = VSOC_EMMC_STATE_INA;
	return 0;
}

static int emmc_cmd_set_blocklen(struct vsoc_emmc *card,
				 struct vsoc_emmc_cmd *cmd)
{
	cmd->resp_type = VSOC_EMMC_RESP_R1;
	/* No partial blocks (READ_BL_PARTIAL 0): 512 bytes only. */
	if (cmd->arg != EMMC_SECTOR)
		card->status |= R1_BLOCK_LEN_ERROR;
	else
		card->blocklen = cmd->arg;
	return 0;
}

struct emmc_cmd_desc {
	u16 states;	/* states the command is legal in */
	int (*run)(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);
};

static const struct emmc_cmd_desc emmc_cmds[64] = {
	[MMC_GO_IDLE_STATE] = { 0xffff & ~BIT(VSOC_EMMC_STATE_INA), emmc_cmd_go_idle },
	[MMC_SEND_OP_COND] = { S(IDLE), emmc_cmd_send_op_cond },
	[MMC_ALL_SEND_CID] = { S(READY), emmc_cmd_all_send_cid },
	[MMC_SET_RELATIVE_ADDR] = { S(IDENT), emmc_cmd_set_rca },
	[MMC_SLEEP_AWAKE] = { S(STBY) | BIT(EMMC_STATE_SLP), emmc_cmd_sleep_awake },
	[MMC_SWITCH] = { S(TRAN), emmc_cmd_switch },
	[MMC_SELECT_CARD] = { S(STBY) | S(TRAN) | S(DATA) | S(PRG) | S(DIS),
			      emmc_cmd_select },
	[MMC_SEND_EXT_CSD] = { S(TRAN), emmc_cmd_send_ext_csd },
	[MMC_SEND_CSD] = { S(STBY), emmc_cmd_send_csd_cid },
	[MMC_SEND_CID] = { S(STBY), emmc_cmd_send_csd_cid },
	[MMC_STOP_TRANSMISSION] = { S(DATA) | S(RCV), emmc_cmd_stop },
	[MMC_SEND_STATUS] = { EMMC_STATES_ADDRESSED, emmc_cmd_send_status },
	[MMC_BUS_TEST_R] = { BIT(EMMC_STATE_BTST), emmc_cmd_bus_test },
	[MMC_GO_INACTIVE_STATE] = { EMMC_STATES_ADDRESSED, emmc_cmd_go_inactive },
	[MMC_SET_BLOCKLEN] = { S(TRAN), emmc_cmd_set_blocklen },
	[MMC_READ_SINGLE_BLOCK] = { S(TRAN), emmc_cmd_rw },
	[MMC_READ_MULTIPLE_BLOCK] = { S(TRAN), emmc_cmd_rw },
	[MMC_BUS_TEST_W] = { S(TRAN), emmc_cmd_bus_test },
	[MMC_SEND_TUNING_BLOCK_HS200] = { S(TRAN), emmc_cmd_tuning },
	[MMC_SET_BLOCK_COUNT] = { S(TRAN), emmc_cmd_set_block_count },
	[MMC_WRITE_BLOCK] = { S(TRAN), emmc_cmd_rw },
	[MMC_WRITE_MULTIPLE_BLOCK] = { S(TRAN), emmc_cmd_rw },
	[MMC_ERASE_GROUP_START] = { S(TRAN), emmc_cmd_erase_addr },
	[MMC_ERASE_GROUP_END] = { S(TRAN), emmc_cmd_erase_addr },
	[MMC_ERASE] = { S(TRAN), emmc_cmd_erase },
};

/*
 * The card finished sending a finite read the host stopped sampling; only
 * CMD12 and CMD13 still see it in progress (see emmc-model.h).
 */
static void emmc_finish_abandoned_read(struct vsoc_emmc *card, u32 opcode)
{
	if (card->state != R1_STATE_DATA || card->xfer.open ||
	    opcode == MMC_STOP_TRANSMISSION || opcode == MMC_SEND_STATUS)
		return;
	emmc_xfer_end(card);
}

/* An erase sequence is cut by any command but CMD36, CMD38 and CMD13. */
static void emmc_erase_sequence(struct vsoc_emmc *card, u32 opcode)
{
	if (!card->erase_state || opcode == MMC_ERASE_GROUP_END ||
	    opcode == MMC_ERASE || opcode == MMC_SEND_STATUS ||
	    opcode == MMC_ERASE_GROUP_START)
		return;
	card->erase_state = 0;
	card->status |= R1_ERASE_RESET;
}

/**
 * vsoc_emmc_command() - the card receives one command
 * @card: the card
 * @cmd: opcode and argument in; response, data phase and busy out
 *
 * Return: 0, or -EINVAL for an opcode above 63.
 */
int vsoc_emmc_command(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	const struct emmc_cmd_desc *desc;
	u8 state;

	cmd->resp_type = VSOC_EMMC_RESP_NONE;
	memset(cmd->resp, 0, sizeof(cmd->resp));
	cmd->data = VSOC_EMMC_DATA_NONE;
	cmd->block_len = 0;
	cmd->blocks = 0;
	cmd->busy_us = 0;
	if (cmd->opcode > 63)
		return -EINVAL;
	if (card->state == VSOC_EMMC_STATE_INA)
		return 0;
	emmc_finish_abandoned_read(card, cmd->opcode);
	desc = &emmc_cmds[cmd->opcode];
	if (!desc->run || !(desc->states & BIT(card->state))) {
		card->status |= R1_ILLEGAL_COMMAND;
		return 0;
	}
	emmc_erase_sequence(card, cmd->opcode);
	/* CMD23 applies to the command right after it only. */
	if (cmd->opcode != MMC_SET_BLOCK_COUNT && card->count_armed &&
	    cmd->opcode != MMC_READ_MULTIPLE_BLOCK &&
	    cmd->opcode != MMC_WRITE_MULTIPLE_BLOCK)
		card->count_armed = false;

	state = card->state;
	desc->run(card, cmd);
	if (cmd->resp_type == VSOC_EMMC_RESP_R1 ||
	    cmd->resp_type == VSOC_EMMC_RESP_R1B) {
		cmd->resp[0] = emmc_r1(card, state);
		card->status &= ~EMMC_STATUS_CLEARED;
	}
	card->status |= card->later;
	card->later = 0;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_emmc_command);

/**
 * vsoc_emmc_reset() - power cycle or hardware reset (RST_n)
 * @card: the card
 *
 * Also what CMD0 does. The stored data stays.
 */
void vsoc_emmc_reset(struct vsoc_emmc *card)
{
	card->state = R1_STATE_IDLE;
	card->status = 0;
	card->later = 0;
	card->rca = 1;
	card->ocr_polls = 0;
	card->blocklen = EMMC_SECTOR;
	card->count = 0;
	card->count_armed = false;
	card->erase_state = 0;
	memset(&card->xfer, 0, sizeof(card->xfer));
	emmc_regs_reset(card);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_emmc_reset);

static bool emmc_config_valid(const struct vsoc_emmc_config *cfg)
{
	return cfg->user_bytes && cfg->user_bytes <= EMMC_MAX_USER_BYTES &&
	       !(cfg->user_bytes % EMMC_ERASE_GROUP) &&
	       !(cfg->boot_bytes % EMMC_PART_UNIT) &&
	       cfg->boot_bytes / EMMC_PART_UNIT <= 255 &&
	       !(cfg->rpmb_bytes % EMMC_PART_UNIT) &&
	       cfg->rpmb_bytes / EMMC_PART_UNIT <= 128;
}

/**
 * vsoc_emmc_create() - a new card, powered off (idle after power up)
 * @cfg: its geometry
 *
 * Return: the card, ERR_PTR(-EINVAL) for a geometry the registers cannot
 * describe, or ERR_PTR(-ENOMEM).
 */
struct vsoc_emmc *vsoc_emmc_create(const struct vsoc_emmc_config *cfg)
{
	struct vsoc_emmc *card;

	if (!cfg || !emmc_config_valid(cfg))
		return ERR_PTR(-EINVAL);
	card = kzalloc(sizeof(*card), GFP_KERNEL);
	if (!card)
		return ERR_PTR(-ENOMEM);
	card->cfg = *cfg;
	card->blockaddr = cfg->user_bytes > (2ULL << 30);
	emmc_store_init(&card->store[EMMC_PART_USER], cfg->user_bytes);
	emmc_store_init(&card->store[EMMC_PART_BOOT0], cfg->boot_bytes);
	emmc_store_init(&card->store[EMMC_PART_BOOT1], cfg->boot_bytes);
	emmc_store_init(&card->store[EMMC_PART_RPMB], cfg->rpmb_bytes);
	emmc_regs_init(card);
	vsoc_emmc_reset(card);
	return card;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_emmc_create);

void vsoc_emmc_destroy(struct vsoc_emmc *card)
{
	unsigned int i;

	if (IS_ERR_OR_NULL(card))
		return;
	for (i = 0; i < EMMC_NR_PARTS; i++)
		emmc_store_free(&card->store[i]);
	kfree(card);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_emmc_destroy);

void vsoc_emmc_get_bus(const struct vsoc_emmc *card, struct vsoc_emmc_bus *bus)
{
	u8 timing = card->ext_csd[EXT_CSD_HS_TIMING] & 0x0f;

	bus->hs_timing = timing;
	bus->bus_width = emmc_bus_width(card);
	bus->ddr = emmc_bus_ddr(card);
	bus->enhanced_strobe = card->ext_csd[EXT_CSD_BUS_WIDTH] &
			       EXT_CSD_BUS_WIDTH_STROBE;
	switch (timing) {
	case EXT_CSD_TIMING_BC:
		bus->max_hz = 26000000;
		break;
	case EXT_CSD_TIMING_HS:
		bus->max_hz = 52000000;
		break;
	default:
		bus->max_hz = 200000000;
		break;
	}
	bus->state = card->state;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_emmc_get_bus);

u32 vsoc_emmc_status(const struct vsoc_emmc *card)
{
	return emmc_r1(card, card->state == VSOC_EMMC_STATE_INA ?
		       R1_STATE_IDLE : card->state);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_emmc_status);
