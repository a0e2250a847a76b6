// SPDX-License-Identifier: GPL-2.0
/*
 * The eMMC card model's registers: CID, CSD and EXT_CSD (revision 8,
 * eMMC 5.1) and CMD6 SWITCH, from JESD84-B51 sections 7.2 to 7.4 and
 * 6.6.1. Only the EXT_CSD fields listed in emmc_switch_fields[] can be
 * written; everything else the card reports is stable for its life (the
 * MMC core compares the read-only fields after a bus width change).
 */
#include <linux/bitfield.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "emmc-model-priv.h"

#define EMMC_CSD_STRUCT_EXT	3	/* version coded in EXT_CSD */
#define EMMC_SPEC_VERS_4	4	/* eMMC 4.x and later */
#define EMMC_CARD_TYPE		(EXT_CSD_CARD_TYPE_HS_26 | \
				 EXT_CSD_CARD_TYPE_HS_52 | \
				 EXT_CSD_CARD_TYPE_DDR_1_8V | \
				 EXT_CSD_CARD_TYPE_HS200_1_8V | \
				 EXT_CSD_CARD_TYPE_HS400_1_8V)
#define EMMC_DRIVER_TYPES	0x1f	/* driver strength types 0 to 4 */
#define EMMC_SEC_FEATURES	(EXT_CSD_SEC_ER_EN | EXT_CSD_SEC_BD_BLK_EN | \
				 EXT_CSD_SEC_GB_CL_EN | EXT_CSD_SEC_SANITIZE)
#define EMMC_PART_CFG_BOOT_EN	GENMASK(5, 3)
#define EMMC_PART_CFG_WRITABLE	GENMASK(6, 0)

/* Busy times of CMD6 (R1b), in microseconds. */
#define EMMC_SWITCH_US		50
#define EMMC_SWITCH_PART_US	100
#define EMMC_SWITCH_FLUSH_US	2000
#define EMMC_SWITCH_SANITIZE_US	10000

/* Sets @width bits at @start of a 128-bit register in R2 layout. */
static void emmc_reg_bits(u32 *reg, unsigned int start, unsigned int width,
			  u32 val)
{
	unsigned int i, bit;

	for (i = 0; i < width; i++) {
		bit = start + i;
		if (val & BIT(i))
			reg[3 - bit / 32] |= BIT(bit % 32);
		else
			reg[3 - bit / 32] &= ~BIT(bit % 32);
	}
}

static u32 emmc_reg_get(const u32 *reg, unsigned int bit)
{
	return (reg[3 - bit / 32] >> (bit % 32)) & 1;
}

/* CRC7 (x^7 + x^3 + 1) of bits [127:8], stored with the end bit in [7:0]. */
static void emmc_reg_crc7(u32 *reg)
{
	unsigned int bit;
	u8 crc = 0, in;

	for (bit = 127; bit >= 8; bit--) {
		in = emmc_reg_get(reg, bit) ^ ((crc >> 6) & 1);
		crc = (crc << 1) & 0x7f;
		if (in)
			crc ^= 0x09;
	}
	emmc_reg_bits(reg, 0, 8, (crc << 1) | 1);
}

static void emmc_build_cid(struct vsoc_emmc *card)
{
	static const char name[] = "VSEMMC";
	unsigned int i;

	memset(card->cid, 0, sizeof(card->cid));
	emmc_reg_bits(card->cid, 120, 8, 0x56);		/* MID */
	emmc_reg_bits(card->cid, 112, 2, 1);		/* CBX: BGA */
	emmc_reg_bits(card->cid, 104, 8, 0x53);		/* OID */
	for (i = 0; i < 6; i++)				/* PNM */
		emmc_reg_bits(card->cid, 96 - 8 * i, 8, name[i]);
	emmc_reg_bits(card->cid, 48, 8, 0x10);		/* PRV 1.0 */
	emmc_reg_bits(card->cid, 16, 32, card->cfg.serial);
	/* MDT: January 2024 (year 11 from 2013, EXT_CSD_REV above 4). */
	emmc_reg_bits(card->cid, 12, 4, 1);
	emmc_reg_bits(card->cid, 8, 4, 11);
	emmc_reg_crc7(card->cid);
}

/*
 * A card of 2 GiB or less describes its size in the CSD: the smallest
 * READ_BL_LEN (9 or 10) and C_SIZE_MULT giving an exact C_SIZE of 12 bits.
 * Bigger cards say C_SIZE 0xfff and give SEC_COUNT.
 */
static void emmc_csd_size(struct vsoc_emmc *card)
{
	u64 bytes = card->cfg.user_bytes, unit;
	unsigned int bl_len, mult;

	for (bl_len = 9; bl_len <= 10 && !card->blockaddr; bl_len++) {
		for (mult = 0; mult <= 7; mult++) {
			unit = 1ULL << (bl_len + mult + 2);
			if (bytes % unit || bytes / unit > 4096)
				continue;
			emmc_reg_bits(card->csd, 80, 4, bl_len);
			emmc_reg_bits(card->csd, 62, 12, bytes / unit - 1);
			emmc_reg_bits(card->csd, 47, 3, mult);
			return;
		}
	}
	emmc_reg_bits(card->csd, 80, 4, 9);
	emmc_reg_bits(card->csd, 62, 12, 0xfff);
	emmc_reg_bits(card->csd, 47, 3, 7);
}

static void emmc_build_csd(struct vsoc_emmc *card)
{
	memset(card->csd, 0, sizeof(card->csd));
	emmc_reg_bits(card->csd, 126, 2, EMMC_CSD_STRUCT_EXT);
	emmc_reg_bits(card->csd, 122, 4, EMMC_SPEC_VERS_4);
	emmc_reg_bits(card->csd, 112, 8, 0x27);		/* TAAC: 1.5 ms */
	emmc_reg_bits(card->csd, 104, 8, 0x01);		/* NSAC */
	emmc_reg_bits(card->csd, 96, 8, 0x32);		/* TRAN_SPEED 26 MHz */
	emmc_reg_bits(card->csd, 84, 12, CCC_BASIC | CCC_BLOCK_READ |
		      CCC_BLOCK_WRITE | CCC_ERASE | CCC_SWITCH);
	emmc_csd_size(card);
	/* Erase group: (31 + 1) x (31 + 1) write blocks = 512 KiB. */
	emmc_reg_bits(card->csd, 42, 5, 31);
	emmc_reg_bits(card->csd, 37, 5, 31);
	emmc_reg_bits(card->csd, 26, 3, 2);		/* R2W_FACTOR */
	emmc_reg_bits(card->csd, 22, 4, 9);		/* WRITE_BL_LEN 512 */
	emmc_reg_crc7(card->csd);
}

static void emmc_put_le32(u8 *p, u32 val)
{
	p[0] = val;
	p[1] = val >> 8;
	p[2] = val >> 16;
	p[3] = val >> 24;
}

/* The read-only EXT_CSD fields, set once at creation. */
static void emmc_build_ext_csd(struct vsoc_emmc *card)
{
	u8 *e = card->ext_csd;

	memset(e, 0, EMMC_EXT_CSD_SIZE);
	e[504] = EXT_CSD_CMD_SET_NORMAL;		/* S_CMD_SET */
	memcpy(&e[EXT_CSD_FIRMWARE_VERSION], "vsoc0100", 8);
	e[EXT_CSD_DEVICE_LIFE_TIME_EST_TYP_B] = 0x01;	/* 0-10% used */
	e[EXT_CSD_DEVICE_LIFE_TIME_EST_TYP_A] = 0x01;
	e[EXT_CSD_PRE_EOL_INFO] = 0x01;			/* normal */
	emmc_put_le32(&e[EXT_CSD_CACHE_SIZE], card->cfg.cache_bytes / 1024);
	e[EXT_CSD_GENERIC_CMD6_TIME] = 10;		/* 100 ms */
	e[EXT_CSD_POWER_OFF_LONG_TIME] = 25;		/* 250 ms */
	e[241] = 10;					/* INI_TIMEOUT_AP 1 s */
	e[EXT_CSD_TRIM_MULT] = 1;			/* 300 ms */
	e[EXT_CSD_SEC_FEATURE_SUPPORT] = EMMC_SEC_FEATURES;
	e[EXT_CSD_SEC_ERASE_MULT] = 1;
	e[EXT_CSD_SEC_TRIM_MULT] = 1;
	e[228] = 0x07;					/* BOOT_INFO */
	e[EXT_CSD_BOOT_MULT] = card->cfg.boot_bytes / EMMC_PART_UNIT;
	e[225] = 0x06;					/* ACC_SIZE */
	e[EXT_CSD_HC_ERASE_GRP_SIZE] = EMMC_ERASE_GROUP / (512 * 1024);
	e[EXT_CSD_ERASE_TIMEOUT_MULT] = 1;		/* 300 ms */
	e[EXT_CSD_REL_WR_SEC_C] = 1;
	e[EXT_CSD_HC_WP_GRP_SIZE] = 1;
	e[220] = 0x08;					/* S_C_VCC */
	e[219] = 0x08;					/* S_C_VCCQ */
	e[EXT_CSD_S_A_TIMEOUT] = 0x11;			/* 13 ms */
	emmc_put_le32(&e[EXT_CSD_SEC_CNT], card->cfg.user_bytes / EMMC_SECTOR);
	e[EXT_CSD_PART_SWITCH_TIME] = 3;		/* 30 ms */
	e[EXT_CSD_DRIVER_STRENGTH] = EMMC_DRIVER_TYPES;
	e[EXT_CSD_CARD_TYPE] = EMMC_CARD_TYPE;
	e[EXT_CSD_STRUCTURE] = 2;
	e[EXT_CSD_REV] = 8;				/* eMMC 5.1 */
	e[EXT_CSD_STROBE_SUPPORT] = 1;
	e[EXT_CSD_ERASED_MEM_CONT] = 0;
	e[EXT_CSD_RPMB_MULT] = card->cfg.rpmb_bytes / EMMC_PART_UNIT;
	e[EXT_CSD_WR_REL_PARAM] = EXT_CSD_WR_REL_PARAM_EN;
	e[EXT_CSD_RST_N_FUNCTION] = EXT_CSD_RST_N_ENABLED;
	e[EXT_CSD_PARTITION_SUPPORT] = EXT_CSD_PART_SUPPORT_PART_EN;
}

void emmc_regs_init(struct vsoc_emmc *card)
{
	emmc_build_cid(card);
	emmc_build_csd(card);
	emmc_build_ext_csd(card);
}

/* Power cycle, RST_n or CMD0: the volatile fields go back to defaults. */
void emmc_regs_reset(struct vsoc_emmc *card)
{
	u8 *e = card->ext_csd;

	e[EXT_CSD_FLUSH_CACHE] = 0;
	e[EXT_CSD_CACHE_CTRL] = 0;
	e[EXT_CSD_POWER_OFF_NOTIFICATION] = EXT_CSD_NO_POWER_NOTIFICATION;
	e[EXT_CSD_SANITIZE_START] = 0;
	e[EXT_CSD_ERASE_GROUP_DEF] = 0;
	/* Boot enable and acknowledge are non-volatile; access is not. */
	e[EXT_CSD_PART_CONFIG] &= ~EXT_CSD_PART_CONFIG_ACC_MASK;
	e[EXT_CSD_BUS_WIDTH] = EXT_CSD_BUS_WIDTH_1;
	e[EXT_CSD_HS_TIMING] = EXT_CSD_TIMING_BC;
	e[EXT_CSD_POWER_CLASS] = 0;
}

u8 emmc_bus_width(const struct vsoc_emmc *card)
{
	switch (card->ext_csd[EXT_CSD_BUS_WIDTH] & ~EXT_CSD_BUS_WIDTH_STROBE) {
	case EXT_CSD_BUS_WIDTH_4:
	case EXT_CSD_DDR_BUS_WIDTH_4:
		return 4;
	case EXT_CSD_BUS_WIDTH_8:
	case EXT_CSD_DDR_BUS_WIDTH_8:
		return 8;
	default:
		return 1;
	}
}

bool emmc_bus_ddr(const struct vsoc_emmc *card)
{
	u8 width = card->ext_csd[EXT_CSD_BUS_WIDTH] & ~EXT_CSD_BUS_WIDTH_STROBE;

	return width == EXT_CSD_DDR_BUS_WIDTH_4 ||
	       width == EXT_CSD_DDR_BUS_WIDTH_8;
}

enum emmc_part emmc_part_selected(const struct vsoc_emmc *card)
{
	u8 acc = card->ext_csd[EXT_CSD_PART_CONFIG] & EXT_CSD_PART_CONFIG_ACC_MASK;

	return acc < EMMC_NR_PARTS ? acc : EMMC_PART_USER;
}

/*
 * Timing and width go together (6.6.2 to 6.6.5): DDR needs HS or HS400
 * timing, HS200 needs a 4- or 8-bit SDR bus, HS400 an 8-bit DDR bus,
 * enhanced strobe 8-bit DDR.
 */
static bool emmc_bus_valid(u8 timing, u8 width)
{
	u8 w = width & ~EXT_CSD_BUS_WIDTH_STROBE;

	if (w > EXT_CSD_DDR_BUS_WIDTH_8 ||
	    (w > EXT_CSD_BUS_WIDTH_8 && w < EXT_CSD_DDR_BUS_WIDTH_4))
		return false;
	if ((width & EXT_CSD_BUS_WIDTH_STROBE) && w != EXT_CSD_DDR_BUS_WIDTH_8)
		return false;
	switch (timing) {
	case EXT_CSD_TIMING_BC:
		return w <= EXT_CSD_BUS_WIDTH_8;
	case EXT_CSD_TIMING_HS:
		return true;
	case EXT_CSD_TIMING_HS200:
		return w == EXT_CSD_BUS_WIDTH_4 || w == EXT_CSD_BUS_WIDTH_8;
	case EXT_CSD_TIMING_HS400:
		return w == EXT_CSD_DDR_BUS_WIDTH_8;
	default:
		return false;
	}
}

static bool emmc_switch_hs_timing(struct vsoc_emmc *card, u8 val)
{
	u8 timing = val & 0x0f, drv = val >> EXT_CSD_DRV_STR_SHIFT;

	if (!(EMMC_DRIVER_TYPES & BIT(drv)))
		return false;
	return emmc_bus_valid(timing, card->ext_csd[EXT_CSD_BUS_WIDTH]);
}

static bool emmc_switch_part_config(struct vsoc_emmc *card, u8 val)
{
	u8 acc = val & EXT_CSD_PART_CONFIG_ACC_MASK;
	u8 boot = FIELD_GET(EMMC_PART_CFG_BOOT_EN, val);

	if (val & ~EMMC_PART_CFG_WRITABLE)
		return false;
	if (boot > 2 && boot != 7)
		return false;
	if (acc == EXT_CSD_PART_CONFIG_ACC_RPMB)
		return card->cfg.rpmb_bytes;
	if (acc == EXT_CSD_PART_CONFIG_ACC_BOOT0 ||
	    acc == EXT_CSD_PART_CONFIG_ACC_BOOT0 + 1)
		return card->cfg.boot_bytes;
	return acc == 0;	/* no general purpose partitions */
}

/**
 * emmc_switch_value() - check a new value of a writable EXT_CSD byte
 * @card: the card
 * @index: EXT_CSD byte
 * @val: value it would take
 * @busy_us: out: how long the card is busy applying it
 *
 * Return: whether the card accepts it.
 */
static bool emmc_switch_value(struct vsoc_emmc *card, u8 index, u8 val,
			      u32 *busy_us)
{
	u8 *e = card->ext_csd;

	*busy_us = EMMC_SWITCH_US;
	switch (index) {
	case EXT_CSD_FLUSH_CACHE:
		*busy_us = EMMC_SWITCH_FLUSH_US;
		return val <= 1;
	case EXT_CSD_CACHE_CTRL:
		if (val > 1 || (val && !card->cfg.cache_bytes))
			return false;
		*busy_us = val ? EMMC_SWITCH_US : EMMC_SWITCH_FLUSH_US;
		return true;
	case EXT_CSD_POWER_OFF_NOTIFICATION:
		return val <= 4;
	case EXT_CSD_RST_N_FUNCTION:
		/* One-time programmable: only from 0. */
		return val <= 2 && (val == e[index] || !e[index]);
	case EXT_CSD_SANITIZE_START:
		*busy_us = EMMC_SWITCH_SANITIZE_US;
		return true;
	case EXT_CSD_ERASE_GROUP_DEF:
		return val <= 1;
	case 177:					/* BOOT_BUS_CONDITIONS */
		return val <= 0x1f;
	case EXT_CSD_PART_CONFIG:
		*busy_us = EMMC_SWITCH_PART_US;
		return emmc_switch_part_config(card, val);
	case EXT_CSD_BUS_WIDTH:
		return emmc_bus_valid(e[EXT_CSD_HS_TIMING] & 0x0f, val);
	case EXT_CSD_HS_TIMING:
		return emmc_switch_hs_timing(card, val);
	case EXT_CSD_POWER_CLASS:
		return val <= 0x0f;
	default:
		return false;	/* read only, reserved or not supported */
	}
}

/**
 * emmc_cmd_switch() - CMD6 SWITCH: write one EXT_CSD byte
 * @card: card in tran state
 * @cmd: arg [25:24] access (1 set bits, 2 clear bits, 3 write byte; 0, a
 *	command set change, is not supported), [23:16] index, [15:8] value
 *
 * A refused switch leaves the byte alone and sets SWITCH_ERROR in the next
 * status (the response itself does not show it).
 *
 * Return: 0.
 */
int emmc_cmd_switch(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	u8 access = (cmd->arg >> 24) & 0x3, index = cmd->arg >> 16;
	u8 val = cmd->arg >> 8, old = card->ext_csd[index], new;
	u32 busy_us = EMMC_SWITCH_US;

	cmd->resp_type = VSOC_EMMC_RESP_R1B;
	switch (access) {
	case MMC_SWITCH_MODE_SET_BITS:
		new = old | val;
		break;
	case MMC_SWITCH_MODE_CLEAR_BITS:
		new = old & ~val;
		break;
	case MMC_SWITCH_MODE_WRITE_BYTE:
		new = val;
		break;
	default:
		card->later |= R1_SWITCH_ERROR;
		cmd->busy_us = busy_us;
		return 0;
	}
	if (!emmc_switch_value(card, index, new, &busy_us)) {
		card->later |= R1_SWITCH_ERROR;
		cmd->busy_us = EMMC_SWITCH_US;
		return 0;
	}
	cmd->busy_us = busy_us;
	/* Write-only triggers: flush and sanitize complete during busy. */
	if (index == EXT_CSD_FLUSH_CACHE || index == EXT_CSD_SANITIZE_START)
		new = 0;
	card->ext_csd[index] = new;
	return 0;
}
