#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""h264-rewrite.py MODE IN OUT: rewrite a CAVLC H.264 Annex B stream
(frames, one SPS and PPS, as libx264 makes them) into one that uses what
libx264 never emits, so that the decode core's test has streams for it:

  identity    parse and re-emit every header unchanged (self-check: the
              output's NAL units must be those of the input)
  poc1        pic_order_cnt_type 1, delta_pic_order_always_zero_flag, one
              offset_for_ref_frame: the same POCs as the input (whose
              reference pictures must then be evenly spaced); log2 of
              MaxFrameNum 4 so that frame_num wraps
  poc1-delta  pic_order_cnt_type 1 with a two-entry cycle and an
              offset_for_non_ref_pic that do not fit the input: each
              slice's delta_pic_order_cnt[0] brings the POC back to the
              input's; MaxFrameNum 16
  poc0-wrap   pic_order_cnt_type 0 with the smallest MaxPicOrderCntLsb the
              input allows, so the lsb wraps many times
  mmco        adaptive reference marking: long-term references made by
              MMCO 6 (the current picture) and MMCO 3 (a short-term one),
              freed by MMCO 2 and MMCO 4 (max_long_term_frame_idx), short-
              term ones freed by MMCO 1, and every later IDR picture turned
              into a non-IDR I picture with MMCO 5; max_num_ref_frames + 2
  mmco-reorder  mmco, and every P and B slice reorders its lists with
              ref_pic_list_modification (long-term and short-term entries,
              different orders in different slices of a picture)

Modes combine with '+': one POC mode and one of mmco, mmco-reorder
(e.g. poc0-wrap+mmco-reorder). The slice data is copied bit for bit after dec_ref_pic_marking(), hence
CAVLC only (CABAC slice data starts byte-aligned). The POCs of the output
are those of the input for every mode, so ffmpeg outputs the pictures in
the same order; modes that change the references change the decoded
pictures (the reference is ffmpeg's decode of the output, not the input).
"""
import sys


def unescape(b):
    out = bytearray()
    z = 0
    for c in b:
        if z >= 2 and c == 3:
            z = 0
            continue
        z = z + 1 if c == 0 else 0
        out.append(c)
    return bytes(out)


def escape(b):
    out = bytearray()
    z = 0
    for c in b:
        if z >= 2 and c <= 3:
            out.append(3)
            z = 0
        out.append(c)
        z = z + 1 if c == 0 else 0
    return bytes(out)


class R:
    def __init__(self, data):
        self.s = ''.join(format(c, '08b') for c in data)
        self.p = 0

    def u(self, n):
        if n == 0:
            return 0
        if self.p + n > len(self.s):
            raise ValueError('read past the end')
        v = int(self.s[self.p:self.p + n], 2)
        self.p += n
        return v

    def ue(self):
        z = 0
        while self.u(1) == 0:
            z += 1
            if z > 31:
                raise ValueError('bad ue')
        return (1 << z) - 1 + self.u(z)

    def se(self):
        v = self.ue()
        return (v + 1) // 2 if v & 1 else -(v // 2)

    def rest(self):
        """The bits left before the rbsp_stop_one_bit."""
        end = self.s.rstrip('0')
        if not end.endswith('1') or len(end) - 1 < self.p:
            raise ValueError('no rbsp trailing bits')
        return end[self.p:len(end) - 1]


class W:
    def __init__(self):
        self.b = []

    def u(self, n, v):
        if n:
            assert 0 <= v < (1 << n), (n, v)
            self.b.append(format(v, '0%db' % n))

    def ue(self, v):
        assert v >= 0
        v += 1
        n = v.bit_length()
        self.b.append('0' * (n - 1) + format(v, 'b'))

    def se(self, v):
        self.ue(2 * v - 1 if v > 0 else -2 * v)

    def bits(self, s):
        self.b.append(s)

    def rbsp(self):
        s = ''.join(self.b) + '1'
        s += '0' * (-len(s) % 8)
        return bytes(int(s[i:i + 8], 2) for i in range(0, len(s), 8))


def split_nals(data):
    """Annex B -> list of NAL unit payloads (escaped, with header byte)."""
    nals, i, n = [], 0, len(data)
    starts = []
    while True:
        i = data.find(b'\x00\x00\x01', i)
        if i < 0:
            break
        starts.append(i + 3)
        i += 3
    for k, s in enumerate(starts):
        e = starts[k + 1] - 3 if k + 1 < len(starts) else n
        while e > s and data[e - 1] == 0:
            e -= 1
        nals.append(data[s:e])
    return nals


# ---- SPS / PPS -----------------------------------------------------------

def parse_sps(r):
    s = {}
    s['profile_idc'] = r.u(8)
    s['constraints'] = r.u(8)
    s['level_idc'] = r.u(8)
    s['id'] = r.ue()
    if s['profile_idc'] in (100, 110, 122, 244, 44, 83, 86, 118, 128, 138,
                            139, 134, 135):
        raise ValueError('High profile SPS: not handled (use CAVLC '
                         'Baseline/Main input)')
    s['log2_max_frame_num'] = r.ue() + 4
    s['poc_type'] = r.ue()
    if s['poc_type'] == 0:
        s['log2_max_poc_lsb'] = r.ue() + 4
    elif s['poc_type'] == 1:
        s['delta_always_zero'] = r.u(1)
        s['offset_non_ref'] = r.se()
        s['offset_t2b'] = r.se()
        s['cycle'] = [r.se() for _ in range(r.ue())]
    s['max_num_ref_frames'] = r.ue()
    s['tail'] = r.rest()        # gaps flag, size, flags, cropping, VUI
    s['frame_mbs_only'] = s['tail'][1 + len(ue_str(s['tail'], 1, 2)):][:1]
    return s


def ue_str(bits, start, count):
    """The text of @count exp-Golomb codes from @start of @bits."""
    p = start
    for _ in range(count):
        z = 0
        while bits[p + z] == '0':
            z += 1
        p += 2 * z + 1
    return bits[start:p]


def write_sps(s):
    w = W()
    w.u(8, s['profile_idc'])
    w.u(8, s['constraints'])
    w.u(8, s['level_idc'])
    w.ue(s['id'])
    w.ue(s['log2_max_frame_num'] - 4)
    w.ue(s['poc_type'])
    if s['poc_type'] == 0:
        w.ue(s['log2_max_poc_lsb'] - 4)
    elif s['poc_type'] == 1:
        w.u(1, s['delta_always_zero'])
        w.se(s['offset_non_ref'])
        w.se(s['offset_t2b'])
        w.ue(len(s['cycle']))
        for v in s['cycle']:
            w.se(v)
    w.ue(s['max_num_ref_frames'])
    w.bits(s['tail'])
    return w.rbsp()


def parse_pps(r):
    p = {}
    p['id'] = r.ue()
    p['sps_id'] = r.ue()
    p['cabac'] = r.u(1)
    p['bottom_poc'] = r.u(1)
    if r.ue():
        raise ValueError('slice groups')
    p['nref'] = [r.ue() + 1, r.ue() + 1]
    p['weighted_pred'] = r.u(1)
    p['weighted_bipred'] = r.u(2)
    r.se()
    r.se()
    r.se()
    r.u(1)
    r.u(1)
    p['redundant'] = r.u(1)
    return p


# ---- slice header ----------------------------------------------------------

def parse_slice(r, nal, sps, ppss):
    h = {'nal_type': nal[0] & 31, 'nal_ref_idc': nal[0] >> 5 & 3}
    h['first_mb'] = r.ue()
    h['slice_type_raw'] = r.ue()
    h['type'] = h['slice_type_raw'] % 5
    h['pps_id'] = r.ue()
    pps = ppss[h['pps_id']]
    h['frame_num'] = r.u(sps['log2_max_frame_num'])
    if sps['frame_mbs_only'] != '1':
        raise ValueError('field coding')
    if h['nal_type'] == 5:
        h['idr_pic_id'] = r.ue()
    if sps['poc_type'] == 0:
        h['poc_lsb'] = r.u(sps['log2_max_poc_lsb'])
        if pps['bottom_poc']:
            raise ValueError('delta_pic_order_cnt_bottom')
    elif sps['poc_type'] == 1 and not sps['delta_always_zero']:
        h['delta_poc0'] = r.se()
        if pps['bottom_poc']:
            raise ValueError('delta_pic_order_cnt[1]')
    if pps['redundant']:
        raise ValueError('redundant_pic_cnt')
    t = h['type']
    if t == 1:
        h['direct_spatial'] = r.u(1)
    h['override'] = None
    if t in (0, 1, 3):
        if r.u(1):
            h['override'] = [r.ue() + 1, r.ue() + 1 if t == 1 else None]
    nref = list(pps['nref'])
    if h['override']:
        nref[0] = h['override'][0]
        if t == 1:
            nref[1] = h['override'][1]
    h['nref'] = nref
    h['mods'] = [None, None]
    for lx in range(2 if t == 1 else 1 if t in (0, 3) else 0):
        if r.u(1):
            cmds = []
            while True:
                idc = r.ue()
                if idc == 3:
                    break
                cmds.append((idc, r.ue()))
            h['mods'][lx] = cmds
    if (pps['weighted_pred'] and t in (0, 3)) or \
       (pps['weighted_bipred'] == 1 and t == 1):
        raise ValueError('pred_weight_table in the input: not handled')
    h['mmco'] = None
    if h['nal_ref_idc']:
        if h['nal_type'] == 5:
            h['no_output_prior'] = r.u(1)
            h['long_term_ref'] = r.u(1)
        elif r.u(1):
            ops = []
            while True:
                op = r.ue()
                if op == 0:
                    break
                args = []
                if op in (1, 3):
                    args.append(r.ue())
                if op == 2:
                    args.append(r.ue())
                if op in (3, 6):
                    args.append(r.ue())
                if op == 4:
                    args.append(r.ue())
                ops.append((op, args))
            h['mmco'] = ops
    h['tail'] = r.rest()
    return h


def write_slice(h, sps, pps):
    w = W()
    w.ue(h['first_mb'])
    w.ue(h['slice_type_raw'])
    w.ue(h['pps_id'])
    w.u(sps['log2_max_frame_num'], h['frame_num'])
    if h['nal_type'] == 5:
        w.ue(h['idr_pic_id'])
    if sps['poc_type'] == 0:
        w.u(sps['log2_max_poc_lsb'], h['poc_lsb'])
    elif sps['poc_type'] == 1 and not sps['delta_always_zero']:
        w.se(h['delta_poc0'])
    t = h['type']
    if t == 1:
        w.u(1, h['direct_spatial'])
    if t in (0, 1, 3):
        w.u(1, 1 if h['override'] else 0)
        if h['override']:
            w.ue(h['override'][0] - 1)
            if t == 1:
                w.ue(h['override'][1] - 1)
    for lx in range(2 if t == 1 else 1 if t in (0, 3) else 0):
        cmds = h['mods'][lx]
        w.u(1, 1 if cmds is not None else 0)
        if cmds is not None:
            for idc, v in cmds:
                w.ue(idc)
                w.ue(v)
            w.ue(3)
    if h['nal_ref_idc']:
        if h['nal_type'] == 5:
            w.u(1, h['no_output_prior'])
            w.u(1, h['long_term_ref'])
        else:
            w.u(1, 1 if h['mmco'] is not None else 0)
            if h['mmco'] is not None:
                for op, args in h['mmco']:
                    w.ue(op)
                    for a in args:
                        w.ue(a)
                w.ue(0)
    w.bits(h['tail'])
    return w.rbsp()


# ---- the input's picture order counts (8.2.1) -------------------------------

class PocIn:
    def __init__(self, sps):
        self.sps = sps
        self.prev_msb = self.prev_lsb = 0
        self.prev_fn = self.prev_off = 0

    def poc(self, h):
        s = self.sps
        idr = h['nal_type'] == 5
        if s['poc_type'] == 0:
            m = 1 << s['log2_max_poc_lsb']
            pm, pl = (0, 0) if idr else (self.prev_msb, self.prev_lsb)
            lsb = h['poc_lsb']
            if lsb < pl and pl - lsb >= m // 2:
                msb = pm + m
            elif lsb > pl and lsb - pl > m // 2:
                msb = pm - m
            else:
                msb = pm
            if h['nal_ref_idc']:
                self.prev_msb, self.prev_lsb = msb, lsb
            return msb + lsb
        if s['poc_type'] != 2:
            raise ValueError('input POC type 1: not handled')
        mf = 1 << s['log2_max_frame_num']
        if idr:
            off = 0
        elif self.prev_fn > h['frame_num']:
            off = self.prev_off + mf
        else:
            off = self.prev_off
        self.prev_fn, self.prev_off = h['frame_num'], off
        if idr:
            return 0
        return 2 * (off + h['frame_num']) - (0 if h['nal_ref_idc'] else 1)


# ---- the output's POC type 1 (8.2.1.2) ---------------------------------------

class Poc1Out:
    def __init__(self, sps):
        self.sps = sps
        self.prev_fn = self.prev_off = 0
        self.prev_mmco5 = False

    def expected(self, fn, ref, idr, mmco5):
        s = self.sps
        mf = 1 << s['log2_max_frame_num']
        prev_off = 0 if self.prev_mmco5 else self.prev_off
        prev_fn = 0 if self.prev_mmco5 else self.prev_fn
        if idr:
            off = 0
        elif prev_fn > fn:
            off = prev_off + mf
        else:
            off = prev_off
        n = len(s['cycle'])
        absn = off + fn if n else 0
        if not ref and absn > 0:
            absn -= 1
        exp = 0
        if absn > 0:
            cyc, inc = divmod(absn - 1, n)
            exp = cyc * sum(s['cycle']) + sum(s['cycle'][:inc + 1])
        if not ref:
            exp += s['offset_non_ref']
        self.prev_fn, self.prev_off, self.prev_mmco5 = fn, off, mmco5
        return exp


# ---- reference marking model (8.2.5), frames only -------------------------

class Dpb:
    """Reference frames: dicts with fn (FrameNum), lt (LongTermFrameIdx or
    None), poc."""

    def __init__(self, max_refs, log2_max_fn):
        self.max = max_refs
        self.mf = 1 << log2_max_fn
        self.refs = []
        self.max_lt = None      # MaxLongTermFrameIdx, None: no indexes

    def picnum(self, f, cur_fn):
        return f['fn'] - self.mf if f['fn'] > cur_fn else f['fn']

    def short(self, cur_fn):
        return sorted([f for f in self.refs if f['lt'] is None],
                      key=lambda f: -self.picnum(f, cur_fn))

    def long(self):
        return sorted([f for f in self.refs if f['lt'] is not None],
                      key=lambda f: f['lt'])

    def idr(self, cur):
        self.refs = [cur]
        self.max_lt = None

    def sliding(self, cur_fn):
        st = self.short(cur_fn)
        if len(self.refs) >= max(self.max, 1) and st:
            self.refs.remove(st[-1])

    def apply(self, ops, cur):
        cur_fn = cur['fn']
        for op, a in ops:
            if op == 1:
                pn = cur_fn - (a[0] + 1)
                f = [f for f in self.short(cur_fn)
                     if self.picnum(f, cur_fn) == pn]
                assert f, ('MMCO 1 of a picture not there', pn)
                self.refs.remove(f[0])
            elif op == 2:
                f = [f for f in self.refs if f['lt'] == a[0]]
                assert f
                self.refs.remove(f[0])
            elif op == 3:
                pn = cur_fn - (a[0] + 1)
                assert self.max_lt is not None and a[1] <= self.max_lt
                self.refs = [f for f in self.refs if f['lt'] != a[1]]
                f = [f for f in self.short(cur_fn)
                     if self.picnum(f, cur_fn) == pn]
                assert f
                f[0]['lt'] = a[1]
            elif op == 4:
                self.max_lt = a[0] - 1 if a[0] else None
                self.refs = [f for f in self.refs if f['lt'] is None or
                             (self.max_lt is not None and
                              f['lt'] <= self.max_lt)]
            elif op == 5:
                self.refs = []
                self.max_lt = None
            elif op == 6:
                assert self.max_lt is not None and a[0] <= self.max_lt
                self.refs = [f for f in self.refs if f['lt'] != a[0]]
                cur['lt'] = a[0]
        self.refs.append(cur)
        assert len(self.refs) <= max(self.max, 1), 'DPB overflow'


def plan_mmco(k, dpb, cur):
    """The MMCOs of the k-th reference picture after an IDR (None: sliding
    window). Frees the oldest short-term frames so the DPB never holds
    more than max_num_ref_frames."""
    fn = cur['fn']
    st = dpb.short(fn)
    lt = dpb.long()

    def diff(f):
        return fn - dpb.picnum(f, fn) - 1

    ops = []
    step = k % 12
    if step == 2:
        ops = [(4, [3]), (6, [0])]             # indexes 0..2, current -> 0
    elif step == 4 and st:
        ops = [(3, [diff(st[0]), 1])]          # newest short-term -> 1
    elif step == 6 and lt:
        ops = [(2, [lt[0]['lt']])]             # free the lowest index
    elif step == 8 and len(st) > 1:
        ops = [(3, [diff(st[1]), 1])]          # idx 1 again: old one goes
    elif step == 9:
        ops = [(4, [1]), (6, [0])]             # drop idx >= 1, current -> 0
    elif step == 11:
        ops = [(4, [0])]                       # no long-term indexes
    else:
        return None
    # count what stays: free the oldest short-term ones beyond the limit
    sim = Dpb(dpb.max, dpb.mf.bit_length() - 1)
    sim.refs = [dict(f) for f in dpb.refs]
    sim.max_lt = dpb.max_lt
    c = dict(cur)
    try:
        sim.apply(ops, c)
        return ops
    except AssertionError:
        pass
    extra = []
    for f in reversed(st):
        if any(o == 3 and a[0] == diff(f) for o, a in ops):
            continue
        extra.append((1, [diff(f)]))
        sim.refs = [dict(f) for f in dpb.refs]
        sim.max_lt = dpb.max_lt
        try:
            sim.apply(extra + ops, dict(cur))
            return extra + ops
        except AssertionError:
            continue
    return None


def plan_mods(h, dpb, cur_fn, slice_no):
    """ref_pic_list_modification commands for the slice's lists."""
    mods = [None, None]
    st = dpb.short(cur_fn)
    lt = dpb.long()
    t = h['type']
    for lx in range(2 if t == 1 else 1):
        n = h['nref'][lx]
        cmds = []
        pred = cur_fn
        want = []
        if (slice_no + lx) % 2 == 0:
            want = ([('l', lt[-1])] if lt else []) + \
                   ([('s', st[-1])] if st else [])
        else:
            want = ([('s', st[1])] if len(st) > 1 else []) + \
                   ([('l', lt[0])] if lt else [])
        for kind, f in want[:n]:
            if kind == 'l':
                cmds.append((2, f['lt']))
                continue
            pn = dpb.picnum(f, cur_fn)
            d = pn - pred
            if d < 0:
                cmds.append((0, -d - 1))
            else:
                cmds.append((1, d - 1))
            pred = pn
            assert d != 0
        if cmds:
            mods[lx] = cmds
    return mods


# ---- the rewrite ----------------------------------------------------------

def nal_bytes(hdr, rbsp):
    return b'\x00\x00\x00\x01' + bytes([hdr]) + escape(rbsp)


def lsb_bits_needed(pics):
    """Smallest log2(MaxPicOrderCntLsb) for which the POC of every picture
    is within half a range of the previous reference picture's."""
    for bits in range(4, 17):
        m = 1 << bits
        prev = 0
        ok = True
        for poc, ref, idr in pics:
            if idr:
                prev = 0
            if abs(poc - prev) >= m // 2:
                ok = False
                break
            if ref:
                prev = poc
        if ok:
            return bits
    raise ValueError('no lsb size fits')


def rewrite(mode, data):
    nals = split_nals(data)
    sps_in, ppss = None, {}
    # pass 1: the input's pictures (POC, reference, IDR)
    pics = []
    poc_in = None
    for nal in nals:
        t = nal[0] & 31
        r = R(unescape(nal[1:]))
        if t == 7:
            sps = parse_sps(r)
            if sps_in is not None and sps != sps_in:
                raise ValueError('one SPS only')
            if sps_in is None:
                sps_in = sps
                poc_in = PocIn(sps_in)
        elif t == 8:
            p = parse_pps(r)
            if p['cabac']:
                raise ValueError('CABAC input: slice data is byte-aligned, '
                                 'not handled')
            ppss[p['id']] = p
        elif t in (1, 5):
            h = parse_slice(r, nal, sps_in, ppss)
            if h['first_mb'] == 0:
                pics.append([poc_in.poc(h), h['nal_ref_idc'] != 0, t == 5,
                             h['frame_num']])
    sps_out = dict(sps_in)
    modes = set(mode.split('+'))
    mm = bool(modes & {'mmco', 'mmco-reorder'})
    if len(modes & {'poc1', 'poc1-delta', 'poc0-wrap'}) > 1 or \
       len(modes & {'mmco', 'mmco-reorder', 'identity'}) > 1:
        raise ValueError('bad mode ' + mode)
    if 'poc1' in modes:
        refs = [p for p in pics if p[1]]
        step = refs[1][0] - refs[0][0] if len(refs) > 1 else 2
        sps_out.update(poc_type=1, delta_always_zero=1, offset_non_ref=-1,
                       offset_t2b=0, cycle=[step], log2_max_frame_num=4)
    if 'poc1-delta' in modes:
        sps_out.update(poc_type=1, delta_always_zero=0, offset_non_ref=-3,
                       offset_t2b=0, cycle=[5, 1], log2_max_frame_num=4)
    if 'poc0-wrap' in modes:
        sps_out.update(poc_type=0, log2_max_poc_lsb=lsb_bits_needed(
            [(p[0], p[1], p[2]) for p in pics]))
    if mm:
        sps_out.update(max_num_ref_frames=sps_in['max_num_ref_frames'] + 2)
    if not modes <= {'identity', 'poc1', 'poc1-delta', 'poc0-wrap', 'mmco',
                     'mmco-reorder'}:
        raise ValueError('unknown mode ' + mode)
    mf_in = 1 << sps_in['log2_max_frame_num']
    mf_out = 1 << sps_out['log2_max_frame_num']

    out = bytearray()
    poc1 = Poc1Out(sps_out) if sps_out['poc_type'] == 1 else None
    dpb = Dpb(sps_out['max_num_ref_frames'], sps_out['log2_max_frame_num'])
    dpb_in = Dpb(sps_in['max_num_ref_frames'], sps_in['log2_max_frame_num'])
    pic = -1
    seen_idr = 0
    k_ref = 0
    state = {}
    abs_fn = 0
    for nal in nals:
        t = nal[0] & 31
        r = R(unescape(nal[1:]))
        if t == 7:
            out += nal_bytes(nal[0], write_sps(sps_out))
            continue
        if t not in (1, 5):
            out += b'\x00\x00\x00\x01' + nal
            continue
        h = parse_slice(r, nal, sps_in, ppss)
        pps = ppss[h['pps_id']]
        if h['first_mb'] == 0:
            pic += 1
            poc, ref, idr, fn_in = pics[pic]
            if idr:
                seen_idr += 1
                abs_fn = 0
                k_ref = 0
            elif fn_in != state.get('prev_fn_in', fn_in):
                abs_fn += (fn_in - state['prev_fn_in']) % mf_in
            state['prev_fn_in'] = fn_in
            state['slice_no'] = 0
            state['to_non_idr'] = mm and idr and seen_idr > 1
            fn_out = abs_fn % mf_out
            if state['to_non_idr']:
                fn_out = (state['last_ref_fn'] + 1) % mf_out
            state['fn_out'] = fn_out
            cur = {'fn': fn_out, 'lt': None, 'poc': poc}
            state['cur'] = cur
            # the marking this picture will carry
            state['mmco'] = None
            if mm and ref and not idr:
                k_ref += 1
                state['mmco'] = plan_mmco(k_ref, dpb, dict(cur))
            if state['to_non_idr']:
                state['mmco'] = [(5, [])]
            # the references the slices of this picture see
            state['dpb_before'] = Dpb(dpb.max, sps_out['log2_max_frame_num'])
            state['dpb_before'].refs = [dict(f) for f in dpb.refs]
            state['dpb_before'].max_lt = dpb.max_lt
            state['nrefs_in'] = len(dpb_in.refs)
        else:
            state['slice_no'] += 1
        poc, ref, idr, fn_in = pics[pic]
        cur = state['cur']
        hdr = nal[0]
        h['frame_num'] = state['fn_out']
        if sps_out['poc_type'] == 0:
            h['poc_lsb'] = poc % (1 << sps_out['log2_max_poc_lsb'])
        if state['to_non_idr']:
            hdr = (nal[0] & ~31) | 1
            h['nal_type'] = 1
            h['mmco'] = [(5, [])]
            if sps_out['poc_type'] == 0:
                # the POC before the reset: after the previous reference
                h['poc_lsb'] = (state['last_ref_poc'] + 2) % \
                    (1 << sps_out['log2_max_poc_lsb'])
        if poc1 is not None and state['slice_no'] == 0:
            mmco5 = state['to_non_idr']
            exp = poc1.expected(state['fn_out'], ref,
                                h['nal_type'] == 5, mmco5)
            target = poc
            if mmco5:
                target = exp    # reset to 0 afterwards, like the IDR
            state['delta'] = target - exp
            if sps_out['delta_always_zero'] and state['delta']:
                raise ValueError('poc1: picture %d POC %d, type 1 gives %d'
                                 % (pic, poc, exp))
        if poc1 is not None and not sps_out['delta_always_zero']:
            h['delta_poc0'] = state['delta']
        if state['mmco'] is not None and not state['to_non_idr']:
            h['mmco'] = state['mmco']
        # every slice needs as many references as the input gave it
        db = state['dpb_before']
        if h['type'] in (0, 1) and not idr:
            need = max(h['nref'][0], h['nref'][1] if h['type'] == 1 else 0)
            if len(db.refs) < min(need, state['nrefs_in']):
                raise ValueError('picture %d: %d references, the slice '
                                 'uses %d' % (pic, len(db.refs), need))
        if 'mmco-reorder' in modes and h['type'] in (0, 1) and not idr:
            if any(m is not None for m in h['mods']):
                raise ValueError('input with list modifications')
            h['mods'] = plan_mods(h, db, state['fn_out'], state['slice_no'])
        out += nal_bytes(hdr, write_slice(h, sps_out, pps))
        if ref:
            state['last_ref_fn'] = state['fn_out']
            state['last_ref_poc'] = poc
        # the picture's marking, once: its later slices use dpb_before
        _mark(dpb, dpb_in, state, ref, idr)
    return bytes(out)


def _mark(dpb, dpb_in, state, ref, idr):
    """Apply the picture's marking (8.2.5) to the model DPBs of the output
    and of the input, once per picture."""
    key = id(state['cur'])
    if state.get('marked') == key:
        return
    state['marked'] = key
    cur = state['cur']
    fin = {'fn': cur['fn'], 'lt': None, 'poc': cur['poc']}
    if not ref:
        return
    if idr and not state['to_non_idr']:
        dpb.idr(fin)
    elif state['mmco'] is not None:
        dpb.apply(state['mmco'], fin)
        if state['to_non_idr']:
            fin['fn'] = 0
            state['last_ref_fn'] = 0
            state['last_ref_poc'] = 0
    else:
        dpb.sliding(fin['fn'])
        dpb.apply([], fin)
    cin = {'fn': state['prev_fn_in'], 'lt': None, 'poc': cur['poc']}
    if idr:
        dpb_in.idr(cin)
    else:
        dpb_in.sliding(cin['fn'])
        dpb_in.apply([], cin)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    mode, src, dst = sys.argv[1:]
    data = open(src, 'rb').read()
    out = rewrite(mode, data)
    if mode == 'identity' and split_nals(out) != split_nals(data):
        sys.exit('h264-rewrite: identity rewrite differs from the input')
    with open(dst, 'wb') as f:
        f.write(out)


if __name__ == '__main__':
    main()
