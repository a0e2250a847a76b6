// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc eMMC host model: debugfs files of a block, in
 * /sys/kernel/debug/vsoc-sim/<board>/<block>/ (see "debugfs" in
 * Documentation/vsoc-sdhci-regs.rst): the tap window's seed, the window
 * and its drift, the timing mode, the stuck I/O voltage, the fault knobs
 * and the counters.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include <vsoc/sim.h>

#include "sdhci-model.h"

static const char *const sdhci_model_fault_names[SDHCI_FAULT_NUM] = {
	[SDHCI_FAULT_CMD_CRC] = "fault_cmd_crc",
	[SDHCI_FAULT_DATA_CRC] = "fault_data_crc",
	[SDHCI_FAULT_CMD_TIMEOUT] = "fault_cmd_timeout",
	[SDHCI_FAULT_DATA_TIMEOUT] = "fault_data_timeout",
	[SDHCI_FAULT_BUSY] = "fault_busy",
};

static int sdhci_model_seed_get(void *data, u64 *val)
{
	struct sdhci_model *m = data;

	spin_lock_irq(&m->lock);
	*val = m->seed;
	spin_unlock_irq(&m->lock);
	return 0;
}

static int sdhci_model_seed_set(void *data, u64 val)
{
	struct sdhci_model *m = data;

	spin_lock_irq(&m->lock);
	m->seed = val;
	sdhci_model_window_draw(m->seed, m->name, &m->window);
	spin_unlock_irq(&m->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(sdhci_model_seed_fops, sdhci_model_seed_get,
			 sdhci_model_seed_set, "%llu\n");

static int sdhci_model_timing_get(void *data, u64 *val)
{
	struct sdhci_model *m = data;

	*val = READ_ONCE(m->timing);
	return 0;
}

static int sdhci_model_timing_set(void *data, u64 val)
{
	struct sdhci_model *m = data;

	if (val > 1)
		return -EINVAL;
	WRITE_ONCE(m->timing, val);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(sdhci_model_timing_fops, sdhci_model_timing_get,
			 sdhci_model_timing_set, "%llu\n");

static int sdhci_model_stuck_get(void *data, u64 *val)
{
	struct sdhci_model *m = data;

	spin_lock_irq(&m->lock);
	*val = m->regs.io_stuck_3v3;
	spin_unlock_irq(&m->lock);
	return 0;
}

static int sdhci_model_stuck_set(void *data, u64 val)
{
	struct sdhci_model *m = data;

	if (val > 1)
		return -EINVAL;
	spin_lock_irq(&m->lock);
	m->regs.io_stuck_3v3 = val;
	spin_unlock_irq(&m->lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(sdhci_model_stuck_fops, sdhci_model_stuck_get,
			 sdhci_model_stuck_set, "%llu\n");

static int sdhci_model_window_show(struct seq_file *s, void *unused)
{
	struct sdhci_model *m = s->private;
	struct sdhci_model_window w;

	spin_lock_irq(&m->lock);
	w = m->window;
	spin_unlock_irq(&m->lock);
	seq_printf(s, "%u %u\n", w.lo, w.hi);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sdhci_model_window);

static int sdhci_model_stats_show(struct seq_file *s, void *unused)
{
	struct sdhci_model *m = s->private;
	struct sdhci_model_stats st;

	spin_lock_irq(&m->lock);
	st = m->stats;
	spin_unlock_irq(&m->lock);
	seq_printf(s, "commands %llu\nblocks_read %llu\nblocks_written %llu\n",
		   st.cmds, st.blocks_read, st.blocks_written);
	seq_printf(s, "crc_errors %llu\ntimeouts %llu\nretunes %llu\n",
		   st.crc_errors, st.timeouts, st.retunes);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sdhci_model_stats);

static ssize_t sdhci_model_drift_write(struct file *file,
				       const char __user *ubuf, size_t len,
				       loff_t *ppos)
{
	struct sdhci_model *m = file->private_data;
	int taps, ret;

	ret = kstrtoint_from_user(ubuf, len, 0, &taps);
	if (ret)
		return ret;
	if (abs(taps) >= VSOC_SDHCI_TAP_COUNT)
		return -ERANGE;
	spin_lock_irq(&m->lock);
	sdhci_model_window_drift(&m->window, taps);
	spin_unlock_irq(&m->lock);
	return len;
}

static const struct file_operations sdhci_model_drift_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = sdhci_model_drift_write,
	.llseek = noop_llseek,
};

static ssize_t sdhci_model_fault_read(struct file *file, char __user *ubuf,
				      size_t len, loff_t *ppos)
{
	struct sdhci_model_fault_file *ff = file->private_data;
	struct sdhci_model *m = ff->m;
	struct sdhci_model_fault f;
	char buf[32];
	int n;

	spin_lock_irq(&m->lock);
	f = m->faults[ff->id];
	spin_unlock_irq(&m->lock);
	n = scnprintf(buf, sizeof(buf), "%u %u\n", f.left, f.pct);
	return simple_read_from_buffer(ubuf, len, ppos, buf, n);
}

static ssize_t sdhci_model_fault_write(struct file *file,
				       const char __user *ubuf, size_t len,
				       loff_t *ppos)
{
	struct sdhci_model_fault_file *ff = file->private_data;
	struct sdhci_model *m = ff->m;
	struct sdhci_model_fault f;
	char buf[32];
	int ret;

	if (*ppos || len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	ret = sdhci_model_fault_parse(buf, &f);
	if (ret)
		return ret;
	spin_lock_irq(&m->lock);
	m->faults[ff->id] = f;
	spin_unlock_irq(&m->lock);
	return len;
}

static const struct file_operations sdhci_model_fault_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = sdhci_model_fault_read,
	.write = sdhci_model_fault_write,
	.llseek = noop_llseek,
};

/**
 * sdhci_model_debugfs_init() - create the block's debugfs files
 * @m: the block
 */
void sdhci_model_debugfs_init(struct sdhci_model *m)
{
	struct dentry *dir = vsoc_sim_block_debugfs(m->blk);
	unsigned int i;

	debugfs_create_file_unsafe("seed", 0600, dir, m, &sdhci_model_seed_fops);
	debugfs_create_file("window", 0400, dir, m, &sdhci_model_window_fops);
	debugfs_create_file("drift", 0200, dir, m, &sdhci_model_drift_fops);
	debugfs_create_file_unsafe("timing", 0600, dir, m,
				   &sdhci_model_timing_fops);
	debugfs_create_file_unsafe("io_stuck_3v3", 0600, dir, m,
				   &sdhci_model_stuck_fops);
	debugfs_create_file("stats", 0400, dir, m, &sdhci_model_stats_fops);
	for (i = 0; i < SDHCI_FAULT_NUM; i++) {
		m->fault_files[i].m = m;
		m->fault_files[i].id = i;
		debugfs_create_file(sdhci_model_fault_names[i], 0600, dir,
				    &m->fault_files[i], &sdhci_model_fault_fops);
	}
}
