/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of the vsoc eMMC card model, shared by its files:
 * emmc-model.c (state machine, command dispatch), emmc-model-regs.c
 * (CID/CSD/EXT_CSD, CMD6), emmc-model-data.c (data transfers, RPMB) and
 * emmc-model-store.c (sparse backing store, erase).
 */
#ifndef _VSOC_EMMC_MODEL_PRIV_H
#define _VSOC_EMMC_MODEL_PRIV_H

#include <linux/mmc/mmc.h>
#include <linux/xarray.h>

#include "emmc-model.h"

#define EMMC_SECTOR		512
#define EMMC_ERASE_GROUP	(512 * 1024)	/* HC_ERASE_GRP_SIZE 1 */
#define EMMC_PART_UNIT		(128 * 1024)	/* BOOT/RPMB_SIZE_MULT unit */
#define EMMC_EXT_CSD_SIZE	512

/* Card states beyond the kernel's R1_STATE_*. */
#define EMMC_STATE_BTST		9
#define EMMC_STATE_SLP		10

/* Status bits cleared once a response has reported them (condition B/C). */
#define EMMC_STATUS_CLEARED	(R1_OUT_OF_RANGE | R1_ADDRESS_ERROR | \
				 R1_BLOCK_LEN_ERROR | R1_ERASE_SEQ_ERROR | \
				 R1_ERASE_PARAM | R1_WP_VIOLATION | \
				 R1_LOCK_UNLOCK_FAILED | R1_COM_CRC_ERROR | \
				 R1_ILLEGAL_COMMAND | R1_CARD_ECC_FAILED | \
				 R1_CC_ERROR | R1_ERROR | R1_UNDERRUN | \
				 R1_OVERRUN | R1_CID_CSD_OVERWRITE | \
				 R1_WP_ERASE_SKIP | R1_ERASE_RESET | \
				 R1_SWITCH_ERROR | R1_APP_CMD)

enum emmc_part {
	EMMC_PART_USER,
	EMMC_PART_BOOT0,
	EMMC_PART_BOOT1,
	EMMC_PART_RPMB,
	EMMC_NR_PARTS,
};

/**
 * struct emmc_store - sparse contents of one partition
 * @pages: page index to a PAGE_SIZE buffer, allocated on first write;
 *	a missing page reads as zeros (ERASED_MEM_CONT 0)
 * @sectors: size of the partition in 512-byte sectors
 */
struct emmc_store {
	struct xarray pages;
	u64 sectors;
};

enum emmc_xfer_kind {
	EMMC_XFER_NONE,
	EMMC_XFER_READ,		/* CMD17/18: store to host */
	EMMC_XFER_WRITE,	/* CMD24/25: host to store */
	EMMC_XFER_EXT_CSD,	/* CMD8 */
	EMMC_XFER_TUNING,	/* CMD21 */
	EMMC_XFER_BUSTEST_W,	/* CMD19 */
	EMMC_XFER_BUSTEST_R,	/* CMD14 */
	EMMC_XFER_RPMB_W,	/* CMD25 to the RPMB partition: request frames */
	EMMC_XFER_RPMB_R,	/* CMD18 from the RPMB partition: response frames */
};

/**
 * struct emmc_xfer - the data phase in progress
 * @kind: what moves
 * @blksz: bytes per block
 * @left: blocks still to move; 0 with @open
 * @open: open ended, until CMD12
 * @sector: next sector of the selected partition (store transfers)
 */
struct emmc_xfer {
	enum emmc_xfer_kind kind;
	u32 blksz;
	u32 left;
	bool open;
	u64 sector;
};

/**
 * struct vsoc_emmc - one eMMC device
 * @cfg: geometry it was created with
 * @state: current state (R1_STATE_*, EMMC_STATE_*, VSOC_EMMC_STATE_INA)
 * @status: error and condition bits to report in the next response
 * @later: bits found while executing a command, reported from the next
 *	response on ("x" bits such as SWITCH_ERROR)
 * @rca: relative card address (default 1)
 * @ocr_polls: CMD1 polls seen since power up or CMD0 (busy for the first)
 * @blockaddr: sector addressing (user area above 2 GiB)
 * @blocklen: CMD16 block length
 * @count: CMD23 block count armed for the next CMD18/25 (0: none)
 * @count_armed: @count applies to the next command
 * @xfer: data phase in progress
 * @erase_state: 0 none, 1 start set (CMD35), 2 start and end set (CMD36)
 * @erase_start: first sector of the erase range (CMD35)
 * @erase_end: last sector of the erase range (CMD36)
 * @bustest: pattern received with CMD19
 * @cid: CID register, R2 layout (bits [127:96] in [0])
 * @csd: CSD register, same layout
 * @ext_csd: EXT_CSD register
 * @store: contents of the user area, boot0, boot1 and RPMB
 * @rpmb_req: request type of the last RPMB request frame written
 * @rpmb_write_req: request type of the last RPMB write-type request
 * @rpmb_nonce: nonce of the last RPMB read-type request
 */
struct vsoc_emmc {
	struct vsoc_emmc_config cfg;
	u8 state;
	u32 status;
	u32 later;
	u16 rca;
	u8 ocr_polls;
	bool blockaddr;
	u32 blocklen;
	u32 count;
	bool count_armed;
	struct emmc_xfer xfer;
	u8 erase_state;
	u64 erase_start;
	u64 erase_end;
	u8 bustest[8];
	u32 cid[4];
	u32 csd[4];
	u8 ext_csd[EMMC_EXT_CSD_SIZE];
	struct emmc_store store[EMMC_NR_PARTS];
	u16 rpmb_req;
	u16 rpmb_write_req;
	u8 rpmb_nonce[16];
};

/* emmc-model.c */
u32 emmc_r1(const struct vsoc_emmc *card, u8 state);

/* emmc-model-regs.c */
void emmc_regs_init(struct vsoc_emmc *card);
void emmc_regs_reset(struct vsoc_emmc *card);
int emmc_cmd_switch(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);
u8 emmc_bus_width(const struct vsoc_emmc *card);
bool emmc_bus_ddr(const struct vsoc_emmc *card);
enum emmc_part emmc_part_selected(const struct vsoc_emmc *card);

/* emmc-model-data.c */
int emmc_cmd_set_block_count(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);
int emmc_cmd_rw(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);
int emmc_cmd_send_ext_csd(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);
int emmc_cmd_tuning(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);
int emmc_cmd_bus_test(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);
int emmc_cmd_stop(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);
void emmc_xfer_end(struct vsoc_emmc *card);

/* emmc-model-store.c */
void emmc_store_init(struct emmc_store *st, u64 bytes);
void emmc_store_free(struct emmc_store *st);
void emmc_store_read(struct emmc_store *st, u64 sector, void *buf);
int emmc_store_write(struct emmc_store *st, u64 sector, const void *buf);
void emmc_store_zero(struct emmc_store *st, u64 first, u64 last);
int emmc_cmd_erase_addr(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);
int emmc_cmd_erase(struct vsoc_emmc *card, struct vsoc_emmc_cmd *cmd);

#endif /* _VSOC_EMMC_MODEL_PRIV_H */
