#!/usr/bin/python3 -IS
# SPDX-License-Identifier: GPL-2.0
"""Stand-in for troglobit's mtools msend/mreceive (version 3 options).

The kernel's forwarding selftests (net/forwarding/lib.sh: mc_join, mc_send,
check_mtools_version) use msend and mreceive, which Debian does not
package. This covers the part they use:

  msend -v                          prints "msend version 3.0"
  msend -g GROUP [-p PORT] [-I IF] [-t TTL] [-c COUNT] [-P MSEC]
                                    sends COUNT UDP datagrams to GROUP
  mreceive -g GROUP [-p PORT] [-I IF] [-n]
                                    joins GROUP on IF (the kernel adds the
                                    group's L2 address to IF's filter) and
                                    receives until killed

GROUP is IPv4 or IPv6; called as msend or mreceive (symlinks).
mtools.c is its compiled twin, which tests/switch/stage-selftests.sh
builds for the board when it can (this one is the fallback).

Like mtools, both bind the socket to the -I interface (SO_BINDTODEVICE):
under "ip vrf exec" the socket is otherwise bound to the VRF device, and
an IPv6 multicast route lookup through a VRF device is refused
(vrf_link_scope_lookup()), so nothing was sent.

mc_join() gives mreceive one second to join before the test sends (with
mausezahn, which starts at once): the script starts fast (no site
module, -IS; the bare _socket module, no enum/struct), since Python's
start-up on the emulated board took most of that second.
"""
import _socket as socket
import sys
import time


def parse(argv):
    opts = {"p": "4444", "t": "1", "c": "0", "P": "200", "I": None, "g": None}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-v", "-n", "-h"):
            opts[a[1]] = True
            i += 1
        elif a.startswith("-") and len(a) >= 2 and i + 1 < len(argv):
            opts[a[1:]] = argv[i + 1]
            i += 2
        else:
            sys.exit("unknown argument: " + a)
    return opts


def open_socket(opts):
    fam = socket.AF_INET6 if ":" in opts["g"] else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    idx = 0
    if opts["I"]:
        idx = socket.if_nametoindex(opts["I"])
        s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE,
                     opts["I"].encode())
    return fam, s, idx


def membership(fam, group, idx):
    if fam == socket.AF_INET6:
        return (socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP,
                socket.inet_pton(fam, group) + idx.to_bytes(4, sys.byteorder))
    # struct ip_mreqn: group, local address, interface index
    return (socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
            socket.inet_aton(group) + bytes(4) +
            idx.to_bytes(4, sys.byteorder))


def msend(opts):
    if opts.get("v"):
        print("msend version 3.0")
        return
    fam, s, idx = open_socket(opts)
    if fam == socket.AF_INET6:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS,
                     int(opts["t"]))
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, idx)
        dest = (opts["g"], int(opts["p"]), 0, idx)
    else:
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL,
                     int(opts["t"]))
        if idx:
            # struct ip_mreqn: any group, any address, this interface
            s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF,
                         bytes(8) + idx.to_bytes(4, sys.byteorder))
        dest = (opts["g"], int(opts["p"]))
    count = int(opts["c"])
    n = 0
    while count == 0 or n < count:
        s.sendto(b"vsoc msend %d" % n, dest)
        n += 1
        if count == 0 or n < count:
            time.sleep(int(opts["P"]) / 1000)


def mreceive(opts):
    fam, s, idx = open_socket(opts)
    level, name, val = membership(fam, opts["g"], idx)
    # Join first: the group's L2 address is what the tests wait for.
    s.setsockopt(level, name, val)
    s.bind(("::" if fam == socket.AF_INET6 else "", int(opts["p"])))
    while True:
        data, peer = s.recvfrom(65536)
        if not opts.get("n"):
            print("received %d bytes from %s" % (len(data), peer[0]),
                  flush=True)


def main():
    prog = sys.argv[0].rsplit("/", 1)[-1]
    opts = parse(sys.argv[1:])
    if not opts.get("v") and not opts["g"]:
        sys.exit(prog + ": -g GROUP needed")
    if prog == "msend":
        msend(opts)
    elif prog == "mreceive":
        mreceive(opts)
    else:
        sys.exit("call as msend or mreceive")


if __name__ == "__main__":
    main()
