// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc eMMC host model: the bus timing rules (clock, I/O voltage, widths,
 * the sample tap window, the HS400 strobe), the ADMA2 descriptor formats
 * and the fault knobs. Pure functions, see "Bus timing rules" in
 * Documentation/vsoc-sdhci-regs.rst.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/string.h>

#include <vsoc/compat.h>

#include "sdhci-model.h"

#define SDHCI_MODEL_HS_TIMING_HS200	2
#define SDHCI_MODEL_HS_TIMING_HS400	3

static u64 sdhci_model_mix(u64 x)
{
	/* splitmix64: a well spread draw from any seed. */
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/**
 * sdhci_model_window_draw() - draw the passing window of the sample tap
 * @seed: the seed (module parameter or debugfs)
 * @name: the block's name, mixed in so that blocks differ
 * @w: the window: 8 to 20 taps wide, inside 0..VSOC_SDHCI_TAP_COUNT - 1
 */
void sdhci_model_window_draw(u64 seed, const char *name,
			     struct sdhci_model_window *w)
{
	u64 h = 0xcbf29ce484222325ULL;	/* FNV-1a of the name */
	u32 width, span;
	u64 x;

	while (*name)
		h = (h ^ (u8)*name++) * 0x100000001b3ULL;
	x = sdhci_model_mix(seed ^ h);
	span = SDHCI_MODEL_WIN_MAX - SDHCI_MODEL_WIN_MIN + 1;
	width = SDHCI_MODEL_WIN_MIN + (u32)(x % span);
	w->lo = (x >> 32) % (VSOC_SDHCI_TAP_COUNT - width + 1);
	w->hi = w->lo + width - 1;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_window_draw);

/**
 * sdhci_model_window_drift() - move the window, as temperature would
 * @w: the window
 * @taps: signed shift; the window stays inside the delay line
 */
void sdhci_model_window_drift(struct sdhci_model_window *w, int taps)
{
	int width = w->hi - w->lo;
	int lo = clamp(w->lo + taps, 0, VSOC_SDHCI_TAP_COUNT - 1 - width);

	w->lo = lo;
	w->hi = lo + width;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_window_drift);

static bool sdhci_model_tap_ok(const struct sdhci_model_host_bus *h,
			       const struct sdhci_model_window *w)
{
	return h->tap >= w->lo && h->tap <= w->hi;
}

/* Rules 2 and 3: what breaks every command and every transfer. */
static int sdhci_model_check_electrical(const struct sdhci_model_host_bus *h,
					const struct vsoc_emmc_bus *card)
{
	if (h->clk_hz > card->max_hz)
		return -EILSEQ;
	if (card->hs_timing >= SDHCI_MODEL_HS_TIMING_HS200 && !h->pad_1v8)
		return -EILSEQ;
	if (h->vdd_180 != h->pad_1v8)
		return -EILSEQ;
	return 0;
}

/**
 * sdhci_model_check_cmd() - can a command and its response cross the bus
 * @h: the host side
 * @card: the card side, before the command
 * @w: the tap window
 *
 * Return: 0, -ETIMEDOUT when no clock runs, -EILSEQ for a CRC error.
 */
int sdhci_model_check_cmd(const struct sdhci_model_host_bus *h,
			  const struct vsoc_emmc_bus *card,
			  const struct sdhci_model_window *w)
{
	int ret;

	if (!h->clk_hz)
		return -ETIMEDOUT;
	ret = sdhci_model_check_electrical(h, card);
	if (ret || card->hs_timing != SDHCI_MODEL_HS_TIMING_HS400)
		return ret;
	if (h->enh_strobe != card->enhanced_strobe)
		return -EILSEQ;
	if (h->enh_strobe)
		return h->dll_locked ? 0 : -EILSEQ;
	return sdhci_model_tap_ok(h, w) ? 0 : -EILSEQ;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_check_cmd);

static bool sdhci_model_strobe_ok(const struct sdhci_model_host_bus *h)
{
	return h->dll_locked &&
	       abs((int)h->strobe_delay - VSOC_SDHCI_DLL_STROBE_DEFAULT) <=
	       SDHCI_MODEL_STROBE_MARGIN;
}

/**
 * sdhci_model_check_data() - can a data block cross the bus
 * @h: the host side
 * @card: the card side, after the data command
 * @w: the tap window
 * @read: card to host
 *
 * Return: 0 or -EILSEQ for a CRC error.
 */
int sdhci_model_check_data(const struct sdhci_model_host_bus *h,
			   const struct vsoc_emmc_bus *card,
			   const struct sdhci_model_window *w, bool read)
{
	int ret = sdhci_model_check_electrical(h, card);

	if (ret)
		return ret;
	if (h->width != card->bus_width || h->ddr != card->ddr)
		return -EILSEQ;
	switch (card->hs_timing) {
	case SDHCI_MODEL_HS_TIMING_HS200:
		if (h->uhs != VSOC_SDHCI_UHS_SDR104)
			return -EILSEQ;
		if (read && !sdhci_model_tap_ok(h, w))
			return -EILSEQ;
		break;
	case SDHCI_MODEL_HS_TIMING_HS400:
		if (h->uhs != VSOC_SDHCI_UHS_HS400)
			return -EILSEQ;
		if (read && !sdhci_model_strobe_ok(h))
			return -EILSEQ;
		break;
	default:
		break;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_check_data);

/**
 * sdhci_model_xfer_ns() - how long the bus takes for some data
 * @h: the host side (clock, width, DDR)
 * @bytes: the data
 *
 * Return: bytes / (f * width / 8 * (DDR ? 2 : 1)) in ns, 0 without a clock.
 */
u64 sdhci_model_xfer_ns(const struct sdhci_model_host_bus *h, u64 bytes)
{
	u64 bits_per_s = (u64)h->clk_hz * h->width * (h->ddr ? 2 : 1);

	if (!bits_per_s)
		return 0;
	return div64_u64(bytes * 8 * NSEC_PER_SEC, bits_per_s);
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_xfer_ns);

/**
 * sdhci_model_adma_desc_size() - bytes of one ADMA2 descriptor
 * @dma: the DMA engine
 *
 * Return: 8, 12 or 16; 0 for an engine without descriptors.
 */
unsigned int sdhci_model_adma_desc_size(enum sdhci_model_dma_mode dma)
{
	switch (dma) {
	case SDHCI_MODEL_ADMA2_32:
		return 8;
	case SDHCI_MODEL_ADMA2_64_12:
		return 12;
	case SDHCI_MODEL_ADMA2_64_16:
		return 16;
	default:
		return 0;
	}
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_adma_desc_size);

/* Little-endian fields of a descriptor, at any alignment. */
static u64 sdhci_model_le(const u8 *p, unsigned int bytes)
{
	u64 v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}

/**
 * sdhci_model_adma_parse() - decode one ADMA2 descriptor
 * @dma: the DMA engine, which gives the format
 * @raw: sdhci_model_adma_desc_size() bytes, little endian: attributes
 *	(16 bits), length (16 bits), address (32 or 64 bits)
 * @d: the descriptor
 *
 * Return: 0; -EINVAL for an engine without descriptors or a descriptor
 * without the Valid attribute (the block stops with an ADMA error).
 */
int sdhci_model_adma_parse(enum sdhci_model_dma_mode dma, const void *raw,
			   struct sdhci_model_adma_desc *d)
{
	const u8 *p = raw;
	u16 attr, len;

	if (!sdhci_model_adma_desc_size(dma))
		return -EINVAL;
	attr = sdhci_model_le(p, 2);
	len = sdhci_model_le(p + 2, 2);
	memset(d, 0, sizeof(*d));
	d->valid = attr & BIT(0);
	d->end = attr & BIT(1);
	d->irq = attr & BIT(2);
	d->act = (attr >> 4) & 3;
	d->len = len ? len : 65536;
	if (dma == SDHCI_MODEL_ADMA2_32)
		d->addr = sdhci_model_le(p + 4, 4);
	else
		d->addr = sdhci_model_le(p + 4, 8);
	return d->valid ? 0 : -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_adma_parse);

/**
 * sdhci_model_fault_parse() - parse what was written to a fault knob
 * @buf: "N" (the next N eligible events fail), "N P" (each eligible
 *	event fails with probability P percent until N have failed; N = 0:
 *	no limit) or "0" (off), NUL terminated
 * @f: the knob
 *
 * Return: 0 or -EINVAL, leaving @f untouched.
 */
int sdhci_model_fault_parse(const char *buf, struct sdhci_model_fault *f)
{
	char tmp[32], *s = tmp, *tok;
	u32 v[2];
	int n = 0;

	if (strscpy(tmp, buf, sizeof(tmp)) < 0)
		return -EINVAL;
	while ((tok = strsep(&s, " \t\n"))) {
		if (!*tok)
			continue;
		if (n == 2 || kstrtou32(tok, 10, &v[n]))
			return -EINVAL;
		n++;
	}
	if (!n)
		return -EINVAL;
	if (n == 1) {
		*f = (struct sdhci_model_fault) {
			.left = v[0], .pct = v[0] ? 100 : 0,
		};
		return 0;
	}
	if (v[1] > 100)
		return -EINVAL;
	*f = (struct sdhci_model_fault) {
		.left = v[0], .pct = v[1], .unlimited = !v[0] && v[1],
	};
	if (!f->unlimited && !f->left)
		f->pct = 0;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_fault_parse);

/**
 * sdhci_model_fault_hit() - does this eligible event fail
 * @f: the knob
 * @roll: a random number below 100
 *
 * Return: true when the event fails; the count goes down.
 */
bool sdhci_model_fault_hit(struct sdhci_model_fault *f, u32 roll)
{
	if (!f->pct || roll >= f->pct)
		return false;
	if (f->unlimited)
		return true;
	if (!--f->left)
		f->pct = 0;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_fault_hit);
