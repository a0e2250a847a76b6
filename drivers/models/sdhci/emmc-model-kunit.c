// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the eMMC card model (drivers/models/sdhci/emmc-model*.c):
 * the initialisation the MMC core performs, states and illegal commands,
 * data round trips in sector and byte addressing, erase, partitions,
 * CMD6 errors, the tuning block and the bus test.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/mmc/mmc.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include <vsoc/compat.h>

#include "emmc-model.h"

#define RCA		0x1234
#define OCR_HOST	0x00ff8000	/* 2.7-3.6 V */
#define TIMING_HS200	2
#define STATE_BTST	9

static u32 le32_at(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static struct vsoc_emmc *card_new(struct kunit *test, u64 user_bytes)
{
	struct vsoc_emmc_config cfg = {
		.user_bytes = user_bytes,
		.boot_bytes = SZ_512K,
		.rpmb_bytes = SZ_128K,
		.cache_bytes = SZ_1M,
		.serial = 0xc0ffee,
	};
	struct vsoc_emmc *card = vsoc_emmc_create(&cfg);

	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(card));
	test->priv = card;
	return card;
}

static void card_exit(struct kunit *test)
{
	vsoc_emmc_destroy(test->priv);
}

/* Sends a command, checks the response type, returns resp[0]. */
static u32 cmd_resp(struct kunit *test, struct vsoc_emmc *card, u32 opcode,
		    u32 arg, enum vsoc_emmc_resp want, struct vsoc_emmc_cmd *out)
{
	struct vsoc_emmc_cmd cmd = { .opcode = opcode, .arg = arg };

	KUNIT_EXPECT_EQ(test, vsoc_emmc_command(card, &cmd), 0);
	KUNIT_EXPECT_EQ_MSG(test, cmd.resp_type, want, "CMD%u arg %#x",
			    opcode, arg);
	if (out)
		*out = cmd;
	return cmd.resp[0];
}

static u32 cmd_r1(struct kunit *test, struct vsoc_emmc *card, u32 opcode,
		  u32 arg)
{
	return cmd_resp(test, card, opcode, arg, VSOC_EMMC_RESP_R1, NULL);
}

static u32 status(struct kunit *test, struct vsoc_emmc *card)
{
	return cmd_r1(test, card, MMC_SEND_STATUS, RCA << 16);
}

static void cmd_silent(struct kunit *test, struct vsoc_emmc *card,
		       u32 opcode, u32 arg)
{
	cmd_resp(test, card, opcode, arg, VSOC_EMMC_RESP_NONE, NULL);
}

static void switch_ok(struct kunit *test, struct vsoc_emmc *card, u8 index,
		      u8 val)
{
	struct vsoc_emmc_cmd cmd;
	u32 st;

	cmd_resp(test, card, MMC_SWITCH, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		 index << 16 | val << 8, VSOC_EMMC_RESP_R1B, &cmd);
	KUNIT_EXPECT_GT(test, cmd.busy_us, 0U);
	KUNIT_EXPECT_LT(test, cmd.busy_us, 20000U);
	st = status(test, card);
	KUNIT_EXPECT_FALSE_MSG(test, st & R1_SWITCH_ERROR, "index %u val %#x",
			       index, val);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(st), R1_STATE_TRAN);
}

static void switch_bad(struct kunit *test, struct vsoc_emmc *card, u32 arg)
{
	cmd_resp(test, card, MMC_SWITCH, arg, VSOC_EMMC_RESP_R1B, NULL);
	KUNIT_EXPECT_TRUE_MSG(test, status(test, card) & R1_SWITCH_ERROR,
			      "arg %#x", arg);
	/* Reported once. */
	KUNIT_EXPECT_FALSE(test, status(test, card) & R1_SWITCH_ERROR);
}

static void read_data(struct kunit *test, struct vsoc_emmc *card,
		      void *buf, u32 len)
{
	KUNIT_EXPECT_EQ(test, vsoc_emmc_read_block(card, buf, len), 0);
}

static void read_ext_csd(struct kunit *test, struct vsoc_emmc *card, u8 *ext)
{
	struct vsoc_emmc_cmd cmd;

	cmd_resp(test, card, MMC_SEND_EXT_CSD, 0, VSOC_EMMC_RESP_R1, &cmd);
	KUNIT_EXPECT_EQ(test, cmd.data, VSOC_EMMC_DATA_READ);
	KUNIT_EXPECT_EQ(test, cmd.block_len, 512U);
	KUNIT_EXPECT_EQ(test, cmd.blocks, 1U);
	read_data(test, card, ext, 512);
}

/* What mmc_attach_mmc()/mmc_init_card() send, up to tran state. */
static void card_init(struct kunit *test, struct vsoc_emmc *card, bool sector)
{
	struct vsoc_emmc_cmd cmd;
	u32 ocr, r1, polls = 0;

	cmd_silent(test, card, MMC_GO_IDLE_STATE, 0);
	ocr = cmd_resp(test, card, MMC_SEND_OP_COND, 0, VSOC_EMMC_RESP_R3, NULL);
	KUNIT_EXPECT_FALSE(test, ocr & MMC_CARD_BUSY);
	cmd_silent(test, card, MMC_GO_IDLE_STATE, 0);
	do {
		ocr = cmd_resp(test, card, MMC_SEND_OP_COND, OCR_HOST | BIT(30),
			       VSOC_EMMC_RESP_R3, NULL);
	} while (!(ocr & MMC_CARD_BUSY) && ++polls < 10);
	KUNIT_EXPECT_GT(test, polls, 0U);	/* busy at first */
	KUNIT_EXPECT_TRUE(test, ocr & MMC_CARD_BUSY);
	KUNIT_EXPECT_EQ(test, !!(ocr & BIT(30)), sector);
	cmd_resp(test, card, MMC_ALL_SEND_CID, 0, VSOC_EMMC_RESP_R2, &cmd);
	KUNIT_EXPECT_EQ(test, cmd.resp[0] >> 24, 0x56U);	/* MID */
	KUNIT_EXPECT_EQ(test, cmd.resp[3] & 1, 1U);		/* end bit */
	r1 = cmd_r1(test, card, MMC_SET_RELATIVE_ADDR, RCA << 16);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(r1), R1_STATE_IDENT);
	cmd_resp(test, card, MMC_SEND_CSD, RCA << 16, VSOC_EMMC_RESP_R2, &cmd);
	KUNIT_EXPECT_EQ(test, cmd.resp[0] >> 30, 3U);		/* structure */
	KUNIT_EXPECT_EQ(test, (cmd.resp[0] >> 26) & 0xf, 4U);	/* SPEC_VERS */
	cmd_resp(test, card, MMC_SEND_CID, RCA << 16, VSOC_EMMC_RESP_R2, NULL);
	r1 = cmd_r1(test, card, MMC_SELECT_CARD, RCA << 16);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(r1), R1_STATE_STBY);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(status(test, card)),
			R1_STATE_TRAN);
}

static void emmc_init_sequence(struct kunit *test)
{
	struct vsoc_emmc *card = card_new(test, SZ_4G);
	struct vsoc_emmc_bus bus;
	u8 *ext = kunit_kzalloc(test, 512, GFP_KERNEL);
	u8 *ext2 = kunit_kzalloc(test, 512, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ext);
	KUNIT_ASSERT_NOT_NULL(test, ext2);
	card_init(test, card, true);
	read_ext_csd(test, card, ext);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(status(test, card)),
			R1_STATE_TRAN);
	KUNIT_EXPECT_EQ(test, ext[EXT_CSD_REV], 8);
	KUNIT_EXPECT_EQ(test, ext[EXT_CSD_STRUCTURE], 2);
	KUNIT_EXPECT_EQ(test, le32_at(&ext[EXT_CSD_SEC_CNT]),
			(u32)(SZ_4G / 512));
	KUNIT_EXPECT_EQ(test, ext[EXT_CSD_CARD_TYPE], 0x57);
	KUNIT_EXPECT_EQ(test, ext[EXT_CSD_STROBE_SUPPORT], 1);
	KUNIT_EXPECT_EQ(test, ext[EXT_CSD_BOOT_MULT], 4);
	KUNIT_EXPECT_EQ(test, ext[EXT_CSD_RPMB_MULT], 1);
	KUNIT_EXPECT_EQ(test, le32_at(&ext[EXT_CSD_CACHE_SIZE]),
			1024U);
	KUNIT_EXPECT_TRUE(test, ext[EXT_CSD_SEC_FEATURE_SUPPORT] &
			  EXT_CSD_SEC_GB_CL_EN);

	vsoc_emmc_get_bus(card, &bus);
	KUNIT_EXPECT_EQ(test, bus.max_hz, 26000000U);
	KUNIT_EXPECT_EQ(test, bus.bus_width, 1);
	switch_ok(test, card, EXT_CSD_HS_TIMING, EXT_CSD_TIMING_HS);
	switch_ok(test, card, EXT_CSD_BUS_WIDTH, EXT_CSD_BUS_WIDTH_8);
	vsoc_emmc_get_bus(card, &bus);
	KUNIT_EXPECT_EQ(test, bus.max_hz, 52000000U);
	KUNIT_EXPECT_EQ(test, bus.bus_width, 8);
	KUNIT_EXPECT_FALSE(test, bus.ddr);
	switch_ok(test, card, EXT_CSD_HS_TIMING, TIMING_HS200);
	vsoc_emmc_get_bus(card, &bus);
	KUNIT_EXPECT_EQ(test, bus.hs_timing, TIMING_HS200);
	KUNIT_EXPECT_EQ(test, bus.max_hz, 200000000U);
	KUNIT_EXPECT_EQ(test, bus.state, R1_STATE_TRAN);

	/* HS400 the way the core goes there, then enhanced strobe. */
	switch_ok(test, card, EXT_CSD_HS_TIMING, EXT_CSD_TIMING_HS);
	switch_ok(test, card, EXT_CSD_BUS_WIDTH, EXT_CSD_DDR_BUS_WIDTH_8);
	switch_ok(test, card, EXT_CSD_HS_TIMING, EXT_CSD_TIMING_HS400);
	vsoc_emmc_get_bus(card, &bus);
	KUNIT_EXPECT_TRUE(test, bus.ddr);
	KUNIT_EXPECT_FALSE(test, bus.enhanced_strobe);
	KUNIT_EXPECT_EQ(test, bus.max_hz, 200000000U);
	switch_ok(test, card, EXT_CSD_HS_TIMING, EXT_CSD_TIMING_HS);
	switch_ok(test, card, EXT_CSD_BUS_WIDTH, EXT_CSD_DDR_BUS_WIDTH_8 |
		  EXT_CSD_BUS_WIDTH_STROBE);
	switch_ok(test, card, EXT_CSD_HS_TIMING, EXT_CSD_TIMING_HS400);
	vsoc_emmc_get_bus(card, &bus);
	KUNIT_EXPECT_TRUE(test, bus.enhanced_strobe);

	/* The read-only fields did not move (mmc_compare_ext_csds()). */
	read_ext_csd(test, card, ext2);
	KUNIT_EXPECT_EQ(test, memcmp(&ext[192], &ext2[192], 512 - 192), 0);
	KUNIT_EXPECT_EQ(test, ext2[EXT_CSD_BUS_WIDTH], 0x86);

	/* CMD0 brings the volatile fields back. */
	cmd_silent(test, card, MMC_GO_IDLE_STATE, 0);
	vsoc_emmc_get_bus(card, &bus);
	KUNIT_EXPECT_EQ(test, bus.hs_timing, 0);
	KUNIT_EXPECT_EQ(test, bus.bus_width, 1);
	KUNIT_EXPECT_EQ(test, bus.state, R1_STATE_IDLE);
}

static void emmc_illegal_commands(struct kunit *test)
{
	struct vsoc_emmc *card = card_new(test, SZ_4G);
	u32 st;

	/* What the core's SD/SDIO probing sends in idle: all ignored. */
	cmd_silent(test, card, 52, 0);
	cmd_silent(test, card, 8, 0x1aa);
	cmd_silent(test, card, MMC_SLEEP_AWAKE, 0);
	cmd_silent(test, card, 55, 0);
	cmd_silent(test, card, MMC_READ_SINGLE_BLOCK, 0);
	card_init(test, card, true);

	/* Not addressed: silent, and no error. */
	cmd_silent(test, card, MMC_SEND_STATUS, (RCA + 1) << 16);
	KUNIT_EXPECT_FALSE(test, status(test, card) & R1_ILLEGAL_COMMAND);

	/* Wrong state: silent, ILLEGAL_COMMAND reported once. */
	cmd_silent(test, card, MMC_STOP_TRANSMISSION, 0);
	cmd_silent(test, card, MMC_ALL_SEND_CID, 0);
	cmd_silent(test, card, MMC_SEND_CSD, RCA << 16);
	cmd_silent(test, card, MMC_SEND_TUNING_BLOCK_HS200, 0);
	cmd_silent(test, card, 56, 0);
	st = status(test, card);
	KUNIT_EXPECT_TRUE(test, st & R1_ILLEGAL_COMMAND);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(st), R1_STATE_TRAN);
	KUNIT_EXPECT_FALSE(test, status(test, card) & R1_ILLEGAL_COMMAND);

	/* Deselect, sleep, awake, select. */
	cmd_silent(test, card, MMC_SELECT_CARD, 0);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(status(test, card)),
			R1_STATE_STBY);
	cmd_resp(test, card, MMC_SLEEP_AWAKE, RCA << 16 | BIT(15),
		 VSOC_EMMC_RESP_R1B, NULL);
	cmd_silent(test, card, MMC_SEND_STATUS, RCA << 16);
	cmd_resp(test, card, MMC_SLEEP_AWAKE, RCA << 16, VSOC_EMMC_RESP_R1B,
		 NULL);
	cmd_r1(test, card, MMC_SELECT_CARD, RCA << 16);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(status(test, card)),
			R1_STATE_TRAN);

	KUNIT_EXPECT_EQ(test, vsoc_emmc_command(card, &(struct vsoc_emmc_cmd){
		.opcode = 64 }), -EINVAL);
	/* Inactive: deaf until power cycle. */
	cmd_silent(test, card, MMC_GO_INACTIVE_STATE, RCA << 16);
	cmd_silent(test, card, MMC_GO_IDLE_STATE, 0);
	cmd_silent(test, card, MMC_SEND_OP_COND, OCR_HOST);
	vsoc_emmc_reset(card);
	cmd_resp(test, card, MMC_SEND_OP_COND, OCR_HOST, VSOC_EMMC_RESP_R3,
		 NULL);
}

static void fill(u8 *buf, u32 len, u8 seed)
{
	u32 i;

	for (i = 0; i < len; i++)
		buf[i] = seed + i * 7;
}

/* CMD23 + CMD25 of @n blocks at @addr, filled from @seed. */
static void write_blocks(struct kunit *test, struct vsoc_emmc *card,
			 u32 addr, u32 n, u8 seed)
{
	struct vsoc_emmc_cmd cmd;
	u8 buf[512];
	u32 i;

	cmd_r1(test, card, MMC_SET_BLOCK_COUNT, n | BIT(31));
	cmd_resp(test, card, MMC_WRITE_MULTIPLE_BLOCK, addr, VSOC_EMMC_RESP_R1,
		 &cmd);
	KUNIT_ASSERT_EQ(test, cmd.data, VSOC_EMMC_DATA_WRITE);
	KUNIT_EXPECT_EQ(test, cmd.blocks, n);
	for (i = 0; i < n; i++) {
		fill(buf, sizeof(buf), seed + i);
		KUNIT_EXPECT_EQ(test, vsoc_emmc_write_block(card, buf, 512), 0);
	}
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(status(test, card)),
			R1_STATE_TRAN);
}

/* Open-ended CMD18 + CMD12, each block checked against @seed (0: zeros). */
static void check_blocks(struct kunit *test, struct vsoc_emmc *card,
			 u32 addr, u32 n, u8 seed)
{
	struct vsoc_emmc_cmd cmd;
	u8 buf[512], want[512];
	u32 i;

	cmd_resp(test, card, MMC_READ_MULTIPLE_BLOCK, addr, VSOC_EMMC_RESP_R1,
		 &cmd);
	KUNIT_ASSERT_EQ(test, cmd.data, VSOC_EMMC_DATA_READ);
	KUNIT_EXPECT_EQ(test, cmd.blocks, 0U);
	for (i = 0; i < n; i++) {
		if (seed)
			fill(want, sizeof(want), seed + i);
		else
			memset(want, 0, sizeof(want));
		read_data(test, card, buf, 512);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(buf, want, 512), 0,
				    "block %u of %#x", i, addr);
	}
	i = cmd_r1(test, card, MMC_STOP_TRANSMISSION, 0);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(i), R1_STATE_DATA);
}

static void rw_round_trip(struct kunit *test, struct vsoc_emmc *card,
			  bool sector, u64 bytes)
{
	u32 unit = sector ? 1 : 512, last = bytes / 512 - 1;
	struct vsoc_emmc_cmd cmd;
	u8 buf[512];
	u32 r1;

	write_blocks(test, card, 100 * unit, 3, 0x10);
	check_blocks(test, card, 99 * unit, 1, 0);
	check_blocks(test, card, 100 * unit, 3, 0x10);
	check_blocks(test, card, 103 * unit, 1, 0);
	write_blocks(test, card, last * unit, 1, 0x20);
	check_blocks(test, card, last * unit, 1, 0x20);

	/* Single blocks. */
	fill(buf, sizeof(buf), 0x30);
	cmd_resp(test, card, MMC_WRITE_BLOCK, 7 * unit, VSOC_EMMC_RESP_R1, &cmd);
	KUNIT_EXPECT_EQ(test, cmd.blocks, 1U);
	KUNIT_EXPECT_EQ(test, vsoc_emmc_write_block(card, buf, 512), 0);
	KUNIT_EXPECT_EQ(test, vsoc_emmc_write_block(card, buf, 512), -ENODATA);
	cmd_resp(test, card, MMC_READ_SINGLE_BLOCK, 7 * unit, VSOC_EMMC_RESP_R1,
		 &cmd);
	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, vsoc_emmc_read_block(card, buf, 511), -EINVAL);
	read_data(test, card, buf, 512);
	KUNIT_EXPECT_EQ(test, buf[1], (u8)(0x30 + 7));
	KUNIT_EXPECT_EQ(test, vsoc_emmc_read_block(card, buf, 512), -ENODATA);

	/* Out of range: refused in the response, no data. */
	r1 = cmd_resp(test, card, MMC_READ_SINGLE_BLOCK, (last + 1) * unit,
		      VSOC_EMMC_RESP_R1, &cmd);
	KUNIT_EXPECT_TRUE(test, r1 & R1_OUT_OF_RANGE);
	KUNIT_EXPECT_EQ(test, cmd.data, VSOC_EMMC_DATA_NONE);
	cmd_r1(test, card, MMC_SET_BLOCK_COUNT, 2);
	KUNIT_EXPECT_TRUE(test, cmd_r1(test, card, MMC_WRITE_MULTIPLE_BLOCK,
				       last * unit) & R1_OUT_OF_RANGE);
	KUNIT_EXPECT_FALSE(test, status(test, card) & R1_OUT_OF_RANGE);

	/* Open-ended read running off the end: the card stops. */
	cmd_r1(test, card, MMC_READ_MULTIPLE_BLOCK, last * unit);
	read_data(test, card, buf, 512);
	KUNIT_EXPECT_EQ(test, vsoc_emmc_read_block(card, buf, 512), -ERANGE);
	KUNIT_EXPECT_TRUE(test, cmd_r1(test, card, MMC_STOP_TRANSMISSION, 0) &
			  R1_OUT_OF_RANGE);

	/* An abandoned write waits for CMD12 (R1b). */
	cmd_r1(test, card, MMC_WRITE_MULTIPLE_BLOCK, 0);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(status(test, card)),
			R1_STATE_RCV);
	cmd_silent(test, card, MMC_READ_SINGLE_BLOCK, 0);
	r1 = cmd_resp(test, card, MMC_STOP_TRANSMISSION, 0, VSOC_EMMC_RESP_R1B,
		      NULL);
	KUNIT_EXPECT_TRUE(test, r1 & R1_ILLEGAL_COMMAND);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(status(test, card)),
			R1_STATE_TRAN);
}

static void emmc_rw_sector_mode(struct kunit *test)
{
	struct vsoc_emmc *card = card_new(test, SZ_4G);

	card_init(test, card, true);
	rw_round_trip(test, card, true, SZ_4G);
}

static void emmc_rw_byte_mode(struct kunit *test)
{
	u64 bytes = SZ_64M + SZ_512K;
	struct vsoc_emmc *card = card_new(test, bytes);
	struct vsoc_emmc_cmd cmd;
	u32 c_size, mult, bl_len;

	card_init(test, card, false);
	/* The CSD holds the exact size, as mmc_decode_csd() reads it. */
	cmd_silent(test, card, MMC_SELECT_CARD, 0);
	cmd_resp(test, card, MMC_SEND_CSD, RCA << 16, VSOC_EMMC_RESP_R2, &cmd);
	bl_len = (cmd.resp[1] >> 16) & 0xf;
	c_size = (cmd.resp[1] & 0x3ff) << 2 | cmd.resp[2] >> 30;
	mult = (cmd.resp[2] >> 15) & 0x7;
	KUNIT_EXPECT_EQ(test, (u64)(c_size + 1) << (mult + 2 + bl_len), bytes);
	cmd_r1(test, card, MMC_SELECT_CARD, RCA << 16);

	cmd_r1(test, card, MMC_SET_BLOCKLEN, 512);
	KUNIT_EXPECT_TRUE(test, cmd_r1(test, card, MMC_SET_BLOCKLEN, 8) &
			  R1_BLOCK_LEN_ERROR);
	KUNIT_EXPECT_TRUE(test, cmd_r1(test, card, MMC_READ_SINGLE_BLOCK, 3) &
			  R1_ADDRESS_ERROR);
	rw_round_trip(test, card, false, bytes);
}

static void erase(struct kunit *test, struct vsoc_emmc *card, u32 from,
		  u32 to, u32 arg)
{
	struct vsoc_emmc_cmd cmd;
	u32 r1;

	cmd_r1(test, card, MMC_ERASE_GROUP_START, from);
	cmd_r1(test, card, MMC_ERASE_GROUP_END, to);
	r1 = cmd_resp(test, card, MMC_ERASE, arg, VSOC_EMMC_RESP_R1B, &cmd);
	KUNIT_EXPECT_FALSE(test, r1 & R1_STATUS(~0U));
	KUNIT_EXPECT_LT(test, cmd.busy_us, 20000U);
}

static void emmc_erase_trim_discard(struct kunit *test)
{
	struct vsoc_emmc *card = card_new(test, SZ_4G);
	u32 r1;

	card_init(test, card, true);
	write_blocks(test, card, 0, 8, 0x40);
	erase(test, card, 2, 3, MMC_TRIM_ARG);
	check_blocks(test, card, 0, 2, 0x40);
	check_blocks(test, card, 2, 2, 0);
	check_blocks(test, card, 4, 4, 0x44);
	erase(test, card, 5, 5, MMC_DISCARD_ARG);
	check_blocks(test, card, 5, 1, 0);
	check_blocks(test, card, 6, 2, 0x46);
	erase(test, card, 6, 6, MMC_SECURE_TRIM1_ARG);
	erase(test, card, 6, 6, MMC_SECURE_TRIM2_ARG);
	check_blocks(test, card, 6, 1, 0);
	check_blocks(test, card, 7, 1, 0x47);

	/* Erase works on whole groups of 1024 sectors. */
	write_blocks(test, card, 1023, 2, 0x50);
	erase(test, card, 1024, 1024, MMC_ERASE_ARG);
	check_blocks(test, card, 1023, 1, 0x50);
	check_blocks(test, card, 1024, 1, 0);
	write_blocks(test, card, 2048, 1, 0x60);
	erase(test, card, 2048, 2048, MMC_SECURE_ERASE_ARG);
	check_blocks(test, card, 2048, 1, 0);

	/* Sequence and parameter errors. */
	r1 = cmd_resp(test, card, MMC_ERASE, 0, VSOC_EMMC_RESP_R1B, NULL);
	KUNIT_EXPECT_TRUE(test, r1 & R1_ERASE_SEQ_ERROR);
	KUNIT_EXPECT_TRUE(test, cmd_r1(test, card, MMC_ERASE_GROUP_END, 1) &
			  R1_ERASE_SEQ_ERROR);
	cmd_r1(test, card, MMC_ERASE_GROUP_START, 1);
	cmd_r1(test, card, MMC_ERASE_GROUP_END, 2);
	r1 = cmd_resp(test, card, MMC_ERASE, 2, VSOC_EMMC_RESP_R1B, NULL);
	KUNIT_EXPECT_TRUE(test, r1 & R1_ERASE_PARAM);
	cmd_r1(test, card, MMC_ERASE_GROUP_START, 1);
	KUNIT_EXPECT_TRUE(test, cmd_r1(test, card, MMC_SET_BLOCKLEN, 512) &
			  R1_ERASE_RESET);
	KUNIT_EXPECT_TRUE(test, cmd_r1(test, card, MMC_ERASE_GROUP_START,
				       SZ_4G / 512) & R1_OUT_OF_RANGE);
}

static void select_part(struct kunit *test, struct vsoc_emmc *card, u8 acc)
{
	switch_ok(test, card, EXT_CSD_PART_CONFIG, acc);
}

static void emmc_partitions(struct kunit *test)
{
	struct vsoc_emmc *card = card_new(test, SZ_4G);
	u8 frame[512] = {}, ext[512];
	struct vsoc_emmc_cmd cmd;

	card_init(test, card, true);
	write_blocks(test, card, 0, 1, 0x70);
	select_part(test, card, EXT_CSD_PART_CONFIG_ACC_BOOT0);
	check_blocks(test, card, 0, 1, 0);
	write_blocks(test, card, 0, 2, 0x71);
	/* 512 KiB boot partitions: 1024 sectors. */
	KUNIT_EXPECT_TRUE(test, cmd_r1(test, card, MMC_READ_SINGLE_BLOCK, 1024) &
			  R1_OUT_OF_RANGE);
	select_part(test, card, EXT_CSD_PART_CONFIG_ACC_BOOT0 + 1);
	check_blocks(test, card, 0, 1, 0);
	select_part(test, card, 0x08 | EXT_CSD_PART_CONFIG_ACC_BOOT0);
	check_blocks(test, card, 0, 2, 0x71);
	read_ext_csd(test, card, ext);
	KUNIT_EXPECT_EQ(test, ext[EXT_CSD_PART_CONFIG], 0x09);
	select_part(test, card, 0x08);
	check_blocks(test, card, 0, 1, 0x70);
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		   EXT_CSD_PART_CONFIG << 16 | EXT_CSD_PART_CONFIG_ACC_GP0 << 8);

	/* RPMB: a read counter request gets "no key programmed". */
	select_part(test, card, EXT_CSD_PART_CONFIG_ACC_RPMB);
	KUNIT_EXPECT_TRUE(test, cmd_r1(test, card, MMC_ERASE_GROUP_START, 0) &
			  R1_ERASE_PARAM);
	KUNIT_EXPECT_TRUE(test, cmd_r1(test, card, MMC_WRITE_MULTIPLE_BLOCK, 0) &
			  R1_ERROR);
	frame[511] = 0x02;
	frame[484] = 0xab;
	cmd_r1(test, card, MMC_SET_BLOCK_COUNT, 1);
	cmd_r1(test, card, MMC_WRITE_MULTIPLE_BLOCK, 0);
	KUNIT_EXPECT_EQ(test, vsoc_emmc_write_block(card, frame, 512), 0);
	cmd_r1(test, card, MMC_SET_BLOCK_COUNT, 1);
	cmd_resp(test, card, MMC_READ_MULTIPLE_BLOCK, 0, VSOC_EMMC_RESP_R1, &cmd);
	KUNIT_EXPECT_EQ(test, cmd.blocks, 1U);
	read_data(test, card, frame, 512);
	KUNIT_EXPECT_EQ(test, frame[510], 0x02);	/* response type */
	KUNIT_EXPECT_EQ(test, frame[511], 0x00);
	KUNIT_EXPECT_EQ(test, frame[509], 0x07);	/* result */
	KUNIT_EXPECT_EQ(test, frame[484], 0xab);	/* nonce */
	select_part(test, card, 0);
}

static void emmc_switch_errors(struct kunit *test)
{
	struct vsoc_emmc *card = card_new(test, SZ_4G);
	u8 before[512], after[512];

	card_init(test, card, true);
	read_ext_csd(test, card, before);
	/* Command set change, read-only and unknown fields. */
	switch_bad(test, card, EXT_CSD_CMD_SET_NORMAL);
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		   EXT_CSD_REV << 16 | 7 << 8);
	switch_bad(test, card, MMC_SWITCH_MODE_SET_BITS << 24 |
		   EXT_CSD_SEC_CNT << 16 | 0xff << 8);
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 | 255 << 16);
	/* Timing and width that do not go together. */
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		   EXT_CSD_HS_TIMING << 16 | EXT_CSD_TIMING_HS400 << 8);
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		   EXT_CSD_HS_TIMING << 16 | TIMING_HS200 << 8);
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		   EXT_CSD_HS_TIMING << 16 | 4 << 8);
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		   EXT_CSD_BUS_WIDTH << 16 | EXT_CSD_DDR_BUS_WIDTH_8 << 8);
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		   EXT_CSD_BUS_WIDTH << 16 | 3 << 8);
	switch_ok(test, card, EXT_CSD_HS_TIMING, EXT_CSD_TIMING_HS);
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		   EXT_CSD_BUS_WIDTH << 16 | (EXT_CSD_BUS_WIDTH_8 |
		   EXT_CSD_BUS_WIDTH_STROBE) << 8);
	/* Driver strength type 5 is not offered. */
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		   EXT_CSD_HS_TIMING << 16 | 0x51 << 8);
	switch_ok(test, card, EXT_CSD_HS_TIMING, 0x11);
	/* Cache on, flush, set/clear bits, power off notification. */
	switch_ok(test, card, EXT_CSD_CACHE_CTRL, 1);
	switch_ok(test, card, EXT_CSD_FLUSH_CACHE, 1);
	switch_bad(test, card, MMC_SWITCH_MODE_WRITE_BYTE << 24 |
		   EXT_CSD_CACHE_CTRL << 16 | 2 << 8);
	cmd_resp(test, card, MMC_SWITCH, MMC_SWITCH_MODE_CLEAR_BITS << 24 |
		 EXT_CSD_CACHE_CTRL << 16 | 1 << 8, VSOC_EMMC_RESP_R1B, NULL);
	cmd_resp(test, card, MMC_SWITCH, MMC_SWITCH_MODE_SET_BITS << 24 |
		 EXT_CSD_ERASE_GROUP_DEF << 16 | 1 << 8, VSOC_EMMC_RESP_R1B,
		 NULL);
	switch_ok(test, card, EXT_CSD_POWER_OFF_NOTIFICATION, EXT_CSD_POWER_ON);
	switch_ok(test, card, EXT_CSD_POWER_CLASS, 0);
	read_ext_csd(test, card, after);
	KUNIT_EXPECT_EQ(test, after[EXT_CSD_CACHE_CTRL], 0);
	KUNIT_EXPECT_EQ(test, after[EXT_CSD_FLUSH_CACHE], 0);
	KUNIT_EXPECT_EQ(test, after[EXT_CSD_ERASE_GROUP_DEF], 1);
	KUNIT_EXPECT_EQ(test, after[EXT_CSD_POWER_OFF_NOTIFICATION], 1);
	KUNIT_EXPECT_EQ(test, after[EXT_CSD_HS_TIMING], 0x11);
	KUNIT_EXPECT_EQ(test, memcmp(&before[192], &after[192], 512 - 192), 0);
}

static void emmc_tuning_block(struct kunit *test)
{
	static const u8 head8[8] = { 0xff, 0xff, 0x00, 0xff, 0xff, 0xff, 0x00, 0x00 };
	static const u8 head4[8] = { 0xff, 0x0f, 0xff, 0x00, 0xff, 0xcc, 0xc3, 0xcc };
	struct vsoc_emmc *card = card_new(test, SZ_4G);
	struct vsoc_emmc_cmd cmd;
	u8 buf[128];

	card_init(test, card, true);
	cmd_silent(test, card, MMC_SEND_TUNING_BLOCK_HS200, 0);
	switch_ok(test, card, EXT_CSD_BUS_WIDTH, EXT_CSD_BUS_WIDTH_8);
	cmd_silent(test, card, MMC_SEND_TUNING_BLOCK_HS200, 0);
	switch_ok(test, card, EXT_CSD_HS_TIMING, TIMING_HS200);

	cmd_resp(test, card, MMC_SEND_TUNING_BLOCK_HS200, 0, VSOC_EMMC_RESP_R1,
		 &cmd);
	KUNIT_EXPECT_EQ(test, cmd.block_len, 128U);
	read_data(test, card, buf, 128);
	KUNIT_EXPECT_EQ(test, memcmp(buf, head8, 8), 0);
	KUNIT_EXPECT_EQ(test, buf[127], 0xee);
	/* A block the host did not take does not block the next CMD21. */
	cmd_r1(test, card, MMC_SEND_TUNING_BLOCK_HS200, 0);
	cmd_r1(test, card, MMC_SEND_TUNING_BLOCK_HS200, 0);
	read_data(test, card, buf, 128);

	switch_ok(test, card, EXT_CSD_BUS_WIDTH, EXT_CSD_BUS_WIDTH_4);
	cmd_resp(test, card, MMC_SEND_TUNING_BLOCK_HS200, 0, VSOC_EMMC_RESP_R1,
		 &cmd);
	KUNIT_EXPECT_EQ(test, cmd.block_len, 64U);
	read_data(test, card, buf, 64);
	KUNIT_EXPECT_EQ(test, memcmp(buf, head4, 8), 0);
	KUNIT_EXPECT_EQ(test, buf[63], 0xde);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(status(test, card)),
			R1_STATE_TRAN);
}

static void emmc_bus_test(struct kunit *test)
{
	static const u8 pat8[8] = { 0x55, 0xaa };
	static const u8 pat4[4] = { 0x5a };
	struct vsoc_emmc *card = card_new(test, SZ_4G);
	struct vsoc_emmc_cmd cmd;
	u8 buf[8];

	card_init(test, card, true);
	switch_ok(test, card, EXT_CSD_BUS_WIDTH, EXT_CSD_BUS_WIDTH_8);
	cmd_resp(test, card, MMC_BUS_TEST_W, 0, VSOC_EMMC_RESP_R1, &cmd);
	KUNIT_EXPECT_EQ(test, cmd.data, VSOC_EMMC_DATA_WRITE);
	KUNIT_EXPECT_EQ(test, cmd.block_len, 8U);
	KUNIT_EXPECT_EQ(test, vsoc_emmc_write_block(card, pat8, 8), 0);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(status(test, card)),
			STATE_BTST);
	cmd_resp(test, card, MMC_BUS_TEST_R, 0, VSOC_EMMC_RESP_R1, &cmd);
	KUNIT_EXPECT_EQ(test, cmd.data, VSOC_EMMC_DATA_READ);
	read_data(test, card, buf, 8);
	KUNIT_EXPECT_EQ(test, buf[0], 0xaa);
	KUNIT_EXPECT_EQ(test, buf[1], 0x55);
	KUNIT_EXPECT_EQ(test, buf[7], 0xff);

	switch_ok(test, card, EXT_CSD_BUS_WIDTH, EXT_CSD_BUS_WIDTH_4);
	cmd_resp(test, card, MMC_BUS_TEST_W, 0, VSOC_EMMC_RESP_R1, &cmd);
	KUNIT_EXPECT_EQ(test, cmd.block_len, 4U);
	KUNIT_EXPECT_EQ(test, vsoc_emmc_write_block(card, pat4, 4), 0);
	cmd_silent(test, card, MMC_BUS_TEST_W, 0);
	cmd_r1(test, card, MMC_BUS_TEST_R, 0);
	read_data(test, card, buf, 4);
	KUNIT_EXPECT_EQ(test, buf[0], 0xa5);
	KUNIT_EXPECT_EQ(test, R1_CURRENT_STATE(status(test, card)),
			R1_STATE_TRAN);
}

static void emmc_bad_config(struct kunit *test)
{
	struct vsoc_emmc_config cfg = { .user_bytes = SZ_4G };

	KUNIT_EXPECT_EQ(test, PTR_ERR(vsoc_emmc_create(NULL)), -EINVAL);
	cfg.user_bytes = 0;
	KUNIT_EXPECT_EQ(test, PTR_ERR(vsoc_emmc_create(&cfg)), -EINVAL);
	cfg.user_bytes = SZ_4G + 512;
	KUNIT_EXPECT_EQ(test, PTR_ERR(vsoc_emmc_create(&cfg)), -EINVAL);
	cfg.user_bytes = SZ_4G;
	cfg.boot_bytes = 256 * SZ_128K;
	KUNIT_EXPECT_EQ(test, PTR_ERR(vsoc_emmc_create(&cfg)), -EINVAL);
	cfg.boot_bytes = 0;
	cfg.rpmb_bytes = SZ_64K;
	KUNIT_EXPECT_EQ(test, PTR_ERR(vsoc_emmc_create(&cfg)), -EINVAL);
	vsoc_emmc_destroy(NULL);
	vsoc_emmc_destroy(ERR_PTR(-EINVAL));
}

static struct kunit_case emmc_card_cases[] = {
	KUNIT_CASE(emmc_init_sequence),
	KUNIT_CASE(emmc_illegal_commands),
	KUNIT_CASE(emmc_rw_sector_mode),
	KUNIT_CASE(emmc_rw_byte_mode),
	KUNIT_CASE(emmc_erase_trim_discard),
	KUNIT_CASE(emmc_partitions),
	KUNIT_CASE(emmc_switch_errors),
	KUNIT_CASE(emmc_tuning_block),
	KUNIT_CASE(emmc_bus_test),
	KUNIT_CASE(emmc_bad_config),
	{}
};

static struct kunit_suite emmc_card_suite = {
	.name = "vsoc-emmc-card",
	.exit = card_exit,
	.test_cases = emmc_card_cases,
};

kunit_test_suites(&emmc_card_suite);

MODULE_DESCRIPTION("KUnit tests of the vsoc eMMC card model");
MODULE_LICENSE("GPL");
VSOC_IMPORT_NS_KUNIT();
