// SPDX-License-Identifier: GPL-2.0
/*
 * The eMMC card model's backing store and the erase commands (CMD35,
 * CMD36, CMD38; JESD84-B51 6.6.9 to 6.6.11). Each partition is sparse: an
 * xarray of page-sized buffers allocated on the first write of non-zero
 * data, so a 4 GiB card costs what was written. Erase, trim, discard and
 * their secure variants all make the range read as zeros
 * (ERASED_MEM_CONT 0) and free the pages they cover completely.
 */
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "emmc-model-priv.h"

#define EMMC_SECTORS_PER_PAGE	(PAGE_SIZE / EMMC_SECTOR)
#define EMMC_SECTORS_PER_GROUP	(EMMC_ERASE_GROUP / EMMC_SECTOR)

void emmc_store_init(struct emmc_store *st, u64 bytes)
{
	xa_init(&st->pages);
	st->sectors = bytes / EMMC_SECTOR;
}

void emmc_store_free(struct emmc_store *st)
{
	unsigned long idx;
	void *page;

	xa_for_each(&st->pages, idx, page)
		kfree(page);
	xa_destroy(&st->pages);
}

static unsigned long emmc_page_index(u64 sector)
{
	return sector / EMMC_SECTORS_PER_PAGE;
}

static size_t emmc_page_offset(u64 sector)
{
	return (sector % EMMC_SECTORS_PER_PAGE) * EMMC_SECTOR;
}

/* Copies one sector (which the caller checked is inside the partition). */
void emmc_store_read(struct emmc_store *st, u64 sector, void *buf)
{
	u8 *page = xa_load(&st->pages, emmc_page_index(sector));

	if (page)
		memcpy(buf, page + emmc_page_offset(sector), EMMC_SECTOR);
	else
		memset(buf, 0, EMMC_SECTOR);
}

/**
 * emmc_store_write() - program one sector
 * @st: partition
 * @sector: sector inside the partition
 * @buf: 512 bytes
 *
 * Zeros written where nothing was stored cost nothing.
 *
 * Return: 0, or -ENOMEM (nothing written).
 */
int emmc_store_write(struct emmc_store *st, u64 sector, const void *buf)
{
	unsigned long idx = emmc_page_index(sector);
	u8 *page = xa_load(&st->pages, idx);
	void *old;

	if (!page) {
		if (!memchr_inv(buf, 0, EMMC_SECTOR))
			return 0;
		page = kzalloc(PAGE_SIZE, GFP_NOIO);
		if (!page)
			return -ENOMEM;
		old = xa_store(&st->pages, idx, page, GFP_NOIO);
		if (xa_is_err(old)) {
			kfree(page);
			return xa_err(old);
		}
	}
	memcpy(page + emmc_page_offset(sector), buf, EMMC_SECTOR);
	return 0;
}

/* Makes sectors @first to @last (inclusive, inside the partition) zero. */
void emmc_store_zero(struct emmc_store *st, u64 first, u64 last)
{
	unsigned long idx = emmc_page_index(first);
	unsigned long end = emmc_page_index(last);
	u64 page_first, page_last;
	u8 *page;

	for (; idx <= end; idx++) {
		page = xa_load(&st->pages, idx);
		if (!page)
			continue;
		page_first = (u64)idx * EMMC_SECTORS_PER_PAGE;
		page_last = page_first + EMMC_SECTORS_PER_PAGE - 1;
		if (first <= page_first && last >= page_last) {
			xa_erase(&st->pages, idx);
			kfree(page);
			continue;
		}
		page_first = max(page_first, first);
		page_last = min(page_last, last);
		memset(page + emmc_page_offset(page_first), 0,
		       (page_last - page_first + 1) * EMMC_SECTOR);
	}
}

/* Sector of an address argument: sectors, or bytes on a small card. */
static u64 emmc_arg_sector(const struct vsoc_emmc *card, u32 arg)
{
	return card->blockaddr ? arg : arg / EMMC_SECTOR;
}

/**
 * emmc_cmd_erase_addr() - CMD35 ERASE_GROUP_START, CMD36 ERASE_GROUP_END
 * @card: card in tran state
 * @cmd: the command
 *
 * Return: 0.
 */
int emmc_cmd_erase_addr(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	struct emmc_store *st = &card->store[emmc_part_selected(card)];
	u64 sector = emmc_arg_sector(card, cmd->arg);

	cmd->resp_type = VSOC_EMMC_RESP_R1;
	if (emmc_part_selected(card) == EMMC_PART_RPMB) {
		card->status |= R1_ERASE_PARAM;
		card->erase_state = 0;
		return 0;
	}
	if (sector >= st->sectors) {
		card->status |= R1_OUT_OF_RANGE;
		card->erase_state = 0;
		return 0;
	}
	if (cmd->opcode == MMC_ERASE_GROUP_START) {
		card->erase_start = sector;
		card->erase_state = 1;
	} else if (card->erase_state) {
		card->erase_end = sector;
		card->erase_state = 2;
	} else {
		card->status |= R1_ERASE_SEQ_ERROR;
	}
	return 0;
}

/**
 * emmc_cmd_erase() - CMD38 ERASE: erase, trim, discard, secure variants
 * @card: card in tran state
 * @cmd: the command; @cmd->arg selects the kind
 *
 * Erase (arg 0 and secure erase) works on whole erase groups, the others
 * on write blocks. Busy grows with the size but stays below ~20 ms.
 *
 * Return: 0.
 */
int emmc_cmd_erase(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd)
{
	struct emmc_store *st = &card->store[emmc_part_selected(card)];
	u64 first = card->erase_start, last = card->erase_end;
	u8 features = card->ext_csd[EXT_CSD_SEC_FEATURE_SUPPORT];

	cmd->resp_type = VSOC_EMMC_RESP_R1B;
	if (card->erase_state != 2) {
		card->status |= R1_ERASE_SEQ_ERROR;
		card->erase_state = 0;
		return 0;
	}
	card->erase_state = 0;
	switch (cmd->arg) {
	case MMC_ERASE_ARG:
	case MMC_SECURE_ERASE_ARG:
		first = round_down(first, EMMC_SECTORS_PER_GROUP);
		last = round_down(last, EMMC_SECTORS_PER_GROUP) +
		       EMMC_SECTORS_PER_GROUP - 1;
		last = min(last, st->sectors - 1);
		break;
	case MMC_TRIM_ARG:
	case MMC_DISCARD_ARG:
	case MMC_SECURE_TRIM1_ARG:
	case MMC_SECURE_TRIM2_ARG:
		if (features & EXT_CSD_SEC_GB_CL_EN)
			break;
		fallthrough;
	default:
		card->status |= R1_ERASE_PARAM;
		return 0;
	}
	if (first > last) {
		card->status |= R1_ERASE_PARAM;
		return 0;
	}
	/* Secure trim step 2 only commits what step 1 marked: done already. */
	if (cmd->arg != MMC_SECURE_TRIM2_ARG)
		emmc_store_zero(st, first, last);
	cmd->busy_us = 200 + min_t(u64, (last - first) / 64, 15000);
	return 0;
}
