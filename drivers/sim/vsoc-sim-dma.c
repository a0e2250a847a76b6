// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-sim: DMA from a model into system memory.
 *
 * A model is a bus master of its block's device: it is handed bus
 * addresses that the block's driver got from the DMA API, and reaches
 * memory through the device's DMA translation, one page at a time, the
 * way a DMA engine walks memory. An address that does not translate to
 * RAM is a bus error (-EFAULT), never an access to something else.
 *
 * Translation is dma_to_phys(), which is right for the direct mapping
 * only (with or without a "dma-ranges" offset): the board models no
 * IOMMU, so a block behind one is refused when it is created, and a
 * device that an IOMMU translates anyway gets bus errors.
 */
#include <linux/dma-direct.h>
#include <linux/dma-mapping.h>
#include <linux/highmem.h>
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/platform_device.h>

#include <vsoc/compat.h>
#include <vsoc/sim.h>

#include "vsoc-sim-priv.h"

/**
 * vsoc_sim_dma_chunk() - bytes of a transfer up to the next page boundary
 * @addr: bus address of the next byte
 * @remaining: bytes left in the transfer
 *
 * Return: how many bytes can be copied through one page mapping.
 */
VISIBLE_IF_KUNIT size_t vsoc_sim_dma_chunk(u64 addr, size_t remaining)
{
	size_t in_page = PAGE_SIZE - offset_in_page(addr);

	return min(in_page, remaining);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sim_dma_chunk);

/**
 * vsoc_sim_dma_range_valid() - is a transfer inside the device's reach
 * @addr: bus address of the first byte
 * @len: length in bytes, 0 is not a transfer
 * @mask: the device's DMA mask
 *
 * Return: true when [@addr, @addr + @len) neither wraps around nor leaves
 * the addresses the device can drive.
 */
VISIBLE_IF_KUNIT bool vsoc_sim_dma_range_valid(u64 addr, size_t len, u64 mask)
{
	u64 last;

	if (!len || check_add_overflow(addr, (u64)len - 1, &last))
		return false;
	return last <= mask;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_sim_dma_range_valid);

static int vsoc_sim_dma_xfer(struct vsoc_sim_block *blk, dma_addr_t addr,
			     void *buf, size_t len, bool to_mem)
{
	struct platform_device *pdev = READ_ONCE(blk->pdev);
	struct device *dev;

	/* No device yet: nobody can have handed the model an address. */
	if (!pdev)
		return -EFAULT;
	dev = &pdev->dev;
	if (device_iommu_mapped(dev) ||
	    !vsoc_sim_dma_range_valid(addr, len, dma_get_mask(dev)))
		return -EFAULT;

	while (len) {
		size_t n = vsoc_sim_dma_chunk(addr, len);
		phys_addr_t phys = dma_to_phys(dev, addr);
		unsigned long pfn = PHYS_PFN(phys);
		void *va;

		if (!pfn_valid(pfn) || !page_is_ram(pfn))
			return -EFAULT;

		va = kmap_local_page(pfn_to_page(pfn)) + offset_in_page(phys);
		if (to_mem)
			memcpy(va, buf, n);
		else
			memcpy(buf, va, n);
		kunmap_local(va);

		addr += n;
		buf += n;
		len -= n;
	}
	return 0;
}

/**
 * vsoc_sim_dma_read() - a model reads memory as its block's bus master
 * @blk: the block
 * @addr: bus address, as the driver got it from the DMA API
 * @buf: destination in the model
 * @len: bytes to read
 *
 * Context: any; does not sleep. Not under a lock that hard interrupt
 * handlers take: the RAM check (page_is_ram()) takes the resource tree's
 * read lock, which is taken with interrupts on elsewhere.
 * Return: 0, or -EFAULT when the range is not RAM reachable by the device.
 */
int vsoc_sim_dma_read(struct vsoc_sim_block *blk, dma_addr_t addr,
		      void *buf, size_t len)
{
	return vsoc_sim_dma_xfer(blk, addr, buf, len, false);
}
EXPORT_SYMBOL_GPL(vsoc_sim_dma_read);

/**
 * vsoc_sim_dma_write() - a model writes memory as its block's bus master
 * @blk: the block
 * @addr: bus address, as the driver got it from the DMA API
 * @buf: source in the model
 * @len: bytes to write
 *
 * Context: any; does not sleep. Not under a lock that hard interrupt
 * handlers take: the RAM check (page_is_ram()) takes the resource tree's
 * read lock, which is taken with interrupts on elsewhere.
 * Return: 0, or -EFAULT when the range is not RAM reachable by the device.
 */
int vsoc_sim_dma_write(struct vsoc_sim_block *blk, dma_addr_t addr,
		       const void *buf, size_t len)
{
	return vsoc_sim_dma_xfer(blk, addr, (void *)buf, len, true);
}
EXPORT_SYMBOL_GPL(vsoc_sim_dma_write);
