// SPDX-License-Identifier: GPL-2.0
/* Placeholder until the FWHT core lands. */
#include "vdec-core.h"

enum vdec_status vdec_fwht_decode(const struct vdec_fwht_params *p,
				  const u8 *bs, u32 len,
				  const struct vdec_pic *ref,
				  struct vdec_pic *out, u32 *decoded)
{
	*decoded = 0;
	return VDEC_ERR_UNSUPPORTED;
}
