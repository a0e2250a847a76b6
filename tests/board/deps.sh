#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install the host packages a group of steps needs, only those missing.
# Usage: deps.sh GROUP...   (GROUP: build, board, static, dkms, ktree, vdec)
set -euo pipefail

pkgs_build="make gcc bc flex bison libssl-dev libelf-dev kmod xz-utils rsync cpio python3"
pkgs_board="$pkgs_build gcc-aarch64-linux-gnu linux-source-6.12 qemu-system-arm mmdebstrap device-tree-compiler"
pkgs_static="$pkgs_board sparse perl git"
# pahole: the 6.12 headers (linux-kbuild-6.12, which the dkms test only
# unpacks, depends on it) make BTF for every module they build.
pkgs_dkms="dkms linux-headers-amd64 pahole"
pkgs_ktree="linux-source-6.1"
# vsoc-vdec: test streams and reference decodes, the decode core's
# fuzzers, the board's test tools (static arm64).
pkgs_vdec="ffmpeg mjpegtools clang libclang-rt-14-dev python3 libc6-dev-arm64-cross linux-libc-dev-arm64-cross"

want=()
for g in "$@"; do
	v="pkgs_$g"
	[ -n "${!v+x}" ] || { echo "deps.sh: unknown group $g" >&2; exit 2; }
	for p in ${!v}; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || want+=("$p")
	done
done
[ ${#want[@]} -eq 0 ] && exit 0
echo "[vsoc] installing host packages: ${want[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${want[@]}" >&2
