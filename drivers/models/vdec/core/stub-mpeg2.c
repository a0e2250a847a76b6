// SPDX-License-Identifier: GPL-2.0
/* Placeholder until the MPEG-2 core lands. */
#include "vdec-core.h"

enum vdec_status vdec_mpeg2_decode(const struct vdec_mpeg2_params *p,
				   const u8 *bs, u32 len,
				   const struct vdec_pic *fwd,
				   const struct vdec_pic *bwd,
				   struct vdec_pic *out, u32 *decoded)
{
	*decoded = 0;
	return VDEC_ERR_UNSUPPORTED;
}
