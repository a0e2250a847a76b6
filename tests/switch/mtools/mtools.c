// SPDX-License-Identifier: GPL-2.0
/*
 * Stand-in for troglobit's mtools msend/mreceive (version 3 options), the
 * compiled twin of mtools.py (same options, same behaviour; see there).
 * tests/switch/stage-selftests.sh builds it for the board when a cross
 * compiler is at hand: Python needs about 0.8 s to start on the emulated
 * board, and mc_join() of the selftests gives mreceive one second (with
 * "ip vrf exec" in it) before mausezahn sends to the group.
 *
 *   msend -v | msend -g GROUP [-p PORT] [-I IF] [-t TTL] [-c COUNT] [-P MSEC]
 *   mreceive -g GROUP [-p PORT] [-I IF] [-n]
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct opts {
	const char *group, *ifname;
	int port, ttl, count, period_ms, quiet, version;
};

/* The name it was called by: msend or mreceive. */
static const char *prog;

static void die_usage(void)
{
	fprintf(stderr,
		"%s: -g GROUP [-p PORT] [-I IF] [-t TTL] [-c N] [-P MSEC] [-n] | -v\n",
		prog);
	exit(1);
}

static void parse(int argc, char **argv, struct opts *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-v") || !strcmp(a, "-n") || !strcmp(a, "-h")) {
			if (a[1] == 'v')
				o->version = 1;
			else if (a[1] == 'n')
				o->quiet = 1;
			else
				die_usage();
			continue;
		}
		if (a[0] != '-' || !a[1] || i + 1 >= argc)
			die_usage();
		i++;
		switch (a[1]) {
		case 'g':
			o->group = argv[i];
			break;
		case 'I':
			o->ifname = argv[i];
			break;
		case 'p':
			o->port = atoi(argv[i]);
			break;
		case 't':
			o->ttl = atoi(argv[i]);
			break;
		case 'c':
			o->count = atoi(argv[i]);
			break;
		case 'P':
			o->period_ms = atoi(argv[i]);
			break;
		default:	/* -i ADDRESS, -text ...: ignored */
			break;
		}
	}
}

/* The socket, bound to the interface (a VRF's slave, see mtools.py). */
static int open_socket(const struct opts *o, int *fam, unsigned int *idx)
{
	int s, on = 1;

	*fam = strchr(o->group, ':') ? AF_INET6 : AF_INET;
	s = socket(*fam, SOCK_DGRAM, 0);
	if (s < 0) {
		perror("socket");
		exit(1);
	}
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	*idx = 0;
	if (o->ifname) {
		*idx = if_nametoindex(o->ifname);
		if (!*idx || setsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, o->ifname,
					strlen(o->ifname) + 1)) {
			perror(o->ifname);
			exit(1);
		}
	}
	return s;
}

static int msend(const struct opts *o)
{
	struct sockaddr_storage ss = {};
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	unsigned int idx;
	int s, fam, n = 0;
	char buf[32];

	s = open_socket(o, &fam, &idx);
	if (fam == AF_INET6) {
		setsockopt(s, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &o->ttl, sizeof(o->ttl));
		setsockopt(s, IPPROTO_IPV6, IPV6_MULTICAST_IF, &idx, sizeof(idx));
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(o->port);
		s6->sin6_scope_id = idx;
		if (inet_pton(AF_INET6, o->group, &s6->sin6_addr) != 1)
			die_usage();
	} else {
		struct ip_mreqn mr = { .imr_ifindex = idx };

		setsockopt(s, IPPROTO_IP, IP_MULTICAST_TTL, &o->ttl, sizeof(o->ttl));
		if (idx)
			setsockopt(s, IPPROTO_IP, IP_MULTICAST_IF, &mr, sizeof(mr));
		s4->sin_family = AF_INET;
		s4->sin_port = htons(o->port);
		if (inet_pton(AF_INET, o->group, &s4->sin_addr) != 1)
			die_usage();
	}
	while (!o->count || n < o->count) {
		int len = snprintf(buf, sizeof(buf), "vsoc datagram %d", n);

		if (sendto(s, buf, len, 0, (struct sockaddr *)&ss,
			   fam == AF_INET6 ? sizeof(*s6) : sizeof(*s4)) < 0) {
			perror("sendto");
			return 1;
		}
		if (!o->count || ++n < o->count)
			usleep(o->period_ms * 1000);
	}
	return 0;
}

static int mreceive(const struct opts *o)
{
	struct sockaddr_storage ss = {};
	unsigned int idx;
	int s, fam, ret;
	char buf[65536];

	s = open_socket(o, &fam, &idx);
	/* Join first: the group's L2 address is what the tests wait for. */
	if (fam == AF_INET6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
		struct ipv6_mreq mr = { .ipv6mr_interface = idx };

		if (inet_pton(AF_INET6, o->group, &mr.ipv6mr_multiaddr) != 1)
			die_usage();
		ret = setsockopt(s, IPPROTO_IPV6, IPV6_JOIN_GROUP, &mr, sizeof(mr));
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(o->port);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
		struct ip_mreqn mr = { .imr_ifindex = idx };

		if (inet_pton(AF_INET, o->group, &mr.imr_multiaddr) != 1)
			die_usage();
		ret = setsockopt(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr, sizeof(mr));
		s4->sin_family = AF_INET;
		s4->sin_port = htons(o->port);
	}
	if (ret || bind(s, (struct sockaddr *)&ss, sizeof(ss))) {
		perror("mreceive");
		return 1;
	}
	for (;;) {
		ssize_t len = recv(s, buf, sizeof(buf), 0);

		if (len < 0) {
			perror("recv");
			return 1;
		}
		if (!o->quiet) {
			printf("received %zd bytes\n", len);
			fflush(stdout);
		}
	}
}

int main(int argc, char **argv)
{
	struct opts o = { .port = 4444, .ttl = 1, .period_ms = 200 };

	prog = strrchr(argv[0], '/');
	prog = prog ? prog + 1 : argv[0];
	parse(argc, argv, &o);
	if (o.version) {
		printf("msend version 3.0\n");
		return 0;
	}
	if (!o.group)
		die_usage();
	if (!strcmp(prog, "msend"))
		return msend(&o);
	if (!strcmp(prog, "mreceive"))
		return mreceive(&o);
	die_usage();
	return 1;
}
