/* SPDX-License-Identifier: MIT */
/*
 * netlink.c - XDP on a network device over rtnetlink: attach, detach, query.
 *
 * One request, one answer, on a fresh NETLINK_ROUTE socket each time (no state to share
 * between callers, and the socket lives in the caller's network namespace). Messages are
 * built in a local buffer; every length in an answer is checked against what was received
 * before anything past it is read.
 *
 * RTM_SETLINK (attach / detach):
 *
 *   struct nlmsghdr  { len, type RTM_SETLINK, flags NLM_F_REQUEST|NLM_F_ACK, seq, pid 0 }
 *   struct ifinfomsg { family AF_UNSPEC, type 0, index IFINDEX, flags 0, change 0 }
 *   struct nlattr    { len, IFLA_XDP | NLA_F_NESTED }
 *     struct nlattr  { 8, IFLA_XDP_FD }          s32  program fd; -1 removes
 *     struct nlattr  { 8, IFLA_XDP_FLAGS }       u32  XDP_FLAGS_{SKB,DRV,HW}_MODE,
 *                                                     UPDATE_IF_NOEXIST, REPLACE
 *     struct nlattr  { 8, IFLA_XDP_EXPECTED_FD } s32  with REPLACE: the program that must
 *                                                     be there now (-1: none)
 *
 * RTM_GETLINK (query) sends the same two headers with IFLA_EXT_MASK (u32, skip the
 * statistics); the answer is an RTM_NEWLINK whose IFLA_XDP nest holds
 *
 *     IFLA_XDP_ATTACHED u8 (XDP_ATTACHED_NONE/DRV/SKB/HW/MULTI), IFLA_XDP_PROG_ID u32,
 *     IFLA_XDP_DRV_PROG_ID u32, IFLA_XDP_SKB_PROG_ID u32, IFLA_XDP_HW_PROG_ID u32
 *
 * The answer to a request with NLM_F_ACK is an NLMSG_ERROR (error 0 is the ACK):
 *
 *   struct nlmsghdr  { len, type NLMSG_ERROR, flags [NLM_F_CAPPED] [NLM_F_ACK_TLVS] }
 *   struct nlmsgerr  { int error (-errno); struct nlmsghdr msg (the request's header) }
 *   [request payload: absent, since NETLINK_CAP_ACK is set (NLM_F_CAPPED)]
 *   [struct nlattr { len, NLMSGERR_ATTR_MSG } "text\0" ... : with NETLINK_EXT_ACK]
 *
 * The text (e.g. "Native and generic XDP can't be active at the same time.") is the reason
 * a user needs, so it is handed back with the errno.
 */
#define _GNU_SOURCE
#include "attach.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#define NL_BUF_SIZE 32768 /* one RTM_NEWLINK without statistics fits many times */

/* A request: headers, then attributes appended in place. */
struct nlreq {
	struct nlmsghdr nh;
	struct ifinfomsg ifi;
	char attrs[128];
};

static const char *const mode_names[] = {
	[LDR_XDP_AUTO] = "auto",
	[LDR_XDP_NATIVE] = "native",
	[LDR_XDP_SKB] = "skb",
	[LDR_XDP_HW] = "hw",
};

const char *ldr_xdp_mode_name(enum ldr_xdp_mode m)
{
	return (unsigned)m < sizeof(mode_names) / sizeof(mode_names[0]) ? mode_names[m] : "?";
}

int ldr_xdp_mode_parse(const char *s, enum ldr_xdp_mode *m)
{
	for (size_t i = 0; i < sizeof(mode_names) / sizeof(mode_names[0]); i++)
		if (strcmp(s, mode_names[i]) == 0) {
			*m = (enum ldr_xdp_mode)i;
			return 0;
		}
	/* iproute2's words for the same modes. */
	if (strcmp(s, "drv") == 0 || strcmp(s, "xdpdrv") == 0)
		*m = LDR_XDP_NATIVE;
	else if (strcmp(s, "generic") == 0 || strcmp(s, "xdpgeneric") == 0)
		*m = LDR_XDP_SKB;
	else if (strcmp(s, "offload") == 0 || strcmp(s, "xdpoffload") == 0)
		*m = LDR_XDP_HW;
	else
		return -EINVAL;
	return 0;
}

static uint32_t mode_flags(enum ldr_xdp_mode m)
{
	switch (m) {
	case LDR_XDP_NATIVE:
		return XDP_FLAGS_DRV_MODE;
	case LDR_XDP_SKB:
		return XDP_FLAGS_SKB_MODE;
	case LDR_XDP_HW:
		return XDP_FLAGS_HW_MODE;
	default:
		return 0;
	}
}

/* Append attribute (@type, @data) to @r; -E2BIG when the buffer is full (a bug). */
static struct nlattr *attr_put(struct nlreq *r, uint16_t type, const void *data, uint16_t len)
{
	struct nlattr *a = (struct nlattr *)((char *)r + NLMSG_ALIGN(r->nh.nlmsg_len));
	uint32_t need = NLA_ALIGN(NLA_HDRLEN + len);

	if (NLMSG_ALIGN(r->nh.nlmsg_len) + need > sizeof(*r))
		return NULL;
	a->nla_type = type;
	a->nla_len = (uint16_t)(NLA_HDRLEN + len);
	if (len)
		memcpy((char *)a + NLA_HDRLEN, data, len);
	r->nh.nlmsg_len = NLMSG_ALIGN(r->nh.nlmsg_len) + need;
	return a;
}

/* Close a nest opened at @nest: its length covers everything appended since. */
static void nest_end(struct nlreq *r, struct nlattr *nest)
{
	nest->nla_len = (uint16_t)((char *)r + r->nh.nlmsg_len - (char *)nest);
}

static void req_init(struct nlreq *r, uint16_t type, int ifindex)
{
	memset(r, 0, sizeof(*r));
	r->nh.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
	r->nh.nlmsg_type = type;
	r->nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	r->ifi.ifi_family = AF_UNSPEC;
	r->ifi.ifi_index = ifindex;
}

static int nl_open(void)
{
	struct timeval tv = {.tv_sec = 5};
	int one = 1;
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (fd < 0)
		return -errno;
	/* Both are best effort: an old kernel answers without the text or with the payload. */
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	/* The kernel always answers; a bound on the wait turns a bug into -EAGAIN, not a
	 * hang. */
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	return fd;
}

/* The NLMSGERR_ATTR_MSG text of error message @nh (@len bytes received) into @ext. */
static void ext_ack_text(const struct nlmsghdr *nh, char *ext, size_t extlen)
{
	const struct nlmsgerr *e = NLMSG_DATA(nh);
	size_t off, end = nh->nlmsg_len;

	if (!ext || !extlen || !(nh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	/* The TLVs follow the echoed request: its header only when capped, else all of it. */
	off = NLMSG_HDRLEN + sizeof(*e);
	if (!(nh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - sizeof(e->msg);
	off = NLMSG_ALIGN(off);
	while (off + NLA_HDRLEN <= end) {
		const struct nlattr *a = (const struct nlattr *)((const char *)nh + off);

		if (a->nla_len < NLA_HDRLEN || a->nla_len > end - off)
			return;
		if ((a->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG && a->nla_len > NLA_HDRLEN) {
			size_t n = a->nla_len - NLA_HDRLEN;
			const char *s = (const char *)a + NLA_HDRLEN;

			n = strnlen(s, n);
			snprintf(ext, extlen, "%.*s", (int)n, s);
			return;
		}
		off += NLA_ALIGN(a->nla_len);
	}
}

/*
 * Send @r and read answers until the ACK (or error). Each RTM_NEWLINK before it goes to
 * @on_link. Returns the ACK's error (0 or -errno), or -errno of the socket.
 */
static int nl_talk(struct nlreq *r, void (*on_link)(const struct nlmsghdr *, void *), void *arg,
		   char *ext, size_t extlen)
{
	static uint32_t seq;
	char buf[NL_BUF_SIZE] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
	int fd, err = -EPROTO;

	if (ext && extlen)
		ext[0] = '\0';
	fd = nl_open();
	if (fd < 0)
		return fd;
	r->nh.nlmsg_seq = ++seq;
	if (sendto(fd, r, r->nh.nlmsg_len, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		err = -errno;
		goto out_close;
	}
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		const struct nlmsghdr *nh = (const struct nlmsghdr *)buf;
		size_t left;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = -errno;
			goto out_close;
		}
		for (left = (size_t)n; NLMSG_OK(nh, left); nh = NLMSG_NEXT(nh, left)) {
			if (nh->nlmsg_seq != r->nh.nlmsg_seq)
				continue;
			if (nh->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *e = NLMSG_DATA(nh);

				if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(*e))) {
					err = -EPROTO;
					goto out_close;
				}
				err = e->error;
				if (err)
					ext_ack_text(nh, ext, extlen);
				goto out_close;
			}
			if (nh->nlmsg_type == NLMSG_DONE) {
				err = 0;
				goto out_close;
			}
			if (nh->nlmsg_type == RTM_NEWLINK && on_link)
				on_link(nh, arg);
		}
		if (n == 0)
			goto out_close;
	}
out_close:
	close(fd);
	return err;
}

int ldr_xdp_set(int ifindex, int fd, uint32_t flags, int expected_fd, char *ext, size_t extlen)
{
	struct nlreq r;
	struct nlattr *nest;
	int32_t s32 = fd;

	req_init(&r, RTM_SETLINK, ifindex);
	nest = attr_put(&r, IFLA_XDP | NLA_F_NESTED, NULL, 0);
	if (!nest || !attr_put(&r, IFLA_XDP_FD, &s32, sizeof(s32)))
		return -E2BIG;
	if (flags && !attr_put(&r, IFLA_XDP_FLAGS, &flags, sizeof(flags)))
		return -E2BIG;
	if (flags & XDP_FLAGS_REPLACE) {
		s32 = expected_fd;
		if (!attr_put(&r, IFLA_XDP_EXPECTED_FD, &s32, sizeof(s32)))
			return -E2BIG;
	}
	nest_end(&r, nest);
	return nl_talk(&r, NULL, NULL, ext, extlen);
}

struct query {
	int ifindex;
	int found;
	struct ldr_xdp_state *st;
};

static uint32_t attr_u32(const struct nlattr *a)
{
	uint32_t v = 0;

	if (a->nla_len >= NLA_HDRLEN + sizeof(v))
		memcpy(&v, (const char *)a + NLA_HDRLEN, sizeof(v));
	return v;
}

/* Walk the attributes in (@p, @len), calling @fn on each well-formed one. */
static void attrs_walk(const char *p, size_t len, void (*fn)(const struct nlattr *, void *),
		       void *arg)
{
	while (len >= NLA_HDRLEN) {
		const struct nlattr *a = (const struct nlattr *)p;
		size_t step;

		if (a->nla_len < NLA_HDRLEN || a->nla_len > len)
			return;
		fn(a, arg);
		step = NLA_ALIGN(a->nla_len);
		if (step >= len)
			return;
		p += step;
		len -= step;
	}
}

static void on_xdp_attr(const struct nlattr *a, void *arg)
{
	struct ldr_xdp_state *st = arg;

	switch (a->nla_type & NLA_TYPE_MASK) {
	case IFLA_XDP_ATTACHED:
		if (a->nla_len > NLA_HDRLEN)
			st->attached = *((const uint8_t *)a + NLA_HDRLEN);
		break;
	case IFLA_XDP_PROG_ID:
		st->prog_id = attr_u32(a);
		break;
	case IFLA_XDP_DRV_PROG_ID:
		st->drv_id = attr_u32(a);
		break;
	case IFLA_XDP_SKB_PROG_ID:
		st->skb_id = attr_u32(a);
		break;
	case IFLA_XDP_HW_PROG_ID:
		st->hw_id = attr_u32(a);
		break;
	}
}

static void on_link_attr(const struct nlattr *a, void *arg)
{
	if ((a->nla_type & NLA_TYPE_MASK) == IFLA_XDP)
		attrs_walk((const char *)a + NLA_HDRLEN, a->nla_len - NLA_HDRLEN, on_xdp_attr, arg);
}

static void on_link(const struct nlmsghdr *nh, void *arg)
{
	struct query *q = arg;
	const struct ifinfomsg *ifi = NLMSG_DATA(nh);
	size_t hl = NLMSG_LENGTH(sizeof(*ifi));

	if (nh->nlmsg_len < hl || ifi->ifi_index != q->ifindex)
		return;
	q->found = 1;
	attrs_walk((const char *)nh + NLMSG_ALIGN(hl), nh->nlmsg_len - NLMSG_ALIGN(hl),
		   on_link_attr, q->st);
	/* A device without XDP leaves the nest out or says NONE: either way, nothing. */
	if (q->st->attached == XDP_ATTACHED_DRV && !q->st->drv_id)
		q->st->drv_id = q->st->prog_id;
	else if (q->st->attached == XDP_ATTACHED_SKB && !q->st->skb_id)
		q->st->skb_id = q->st->prog_id;
	else if (q->st->attached == XDP_ATTACHED_HW && !q->st->hw_id)
		q->st->hw_id = q->st->prog_id;
}

int ldr_xdp_query(int ifindex, struct ldr_xdp_state *st)
{
	struct nlreq r;
	struct query q = {ifindex, 0, st};
	uint32_t mask = RTEXT_FILTER_SKIP_STATS;
	int err;

	memset(st, 0, sizeof(*st));
	req_init(&r, RTM_GETLINK, ifindex);
	if (!attr_put(&r, IFLA_EXT_MASK, &mask, sizeof(mask)))
		return -E2BIG;
	err = nl_talk(&r, on_link, &q, NULL, 0);
	if (err)
		return err;
	return q.found ? 0 : -ENODEV;
}

int ldr_xdp_detach(int ifindex, enum ldr_xdp_mode mode, int expected_fd)
{
	uint32_t flags = mode_flags(mode);

	if (expected_fd >= 0)
		flags |= XDP_FLAGS_REPLACE;
	return ldr_xdp_set(ifindex, -1, flags, expected_fd, NULL, 0);
}

static void report(struct diag *d, const char *what, const char *dev, const char *verb,
		   enum ldr_xdp_mode mode, int err, const char *ext, const char *hint)
{
	char eb[160];

	ldr_errno_format(err, eb, sizeof(eb));
	diag_error(d, NULL, "prog '%s': %s on %s (%s mode): %s%s%s%s%s", what, verb, dev,
		   ldr_xdp_mode_name(mode), eb, ext && *ext ? ": the kernel says: " : "",
		   ext ? ext : "", hint ? ": " : "", hint ? hint : "");
}

static const char *set_hint(int err, enum ldr_xdp_mode mode)
{
	switch (err) {
	case -EBUSY:
	case -EEXIST:
		return "another XDP program is attached: detach it first, or use --force";
	case -EOPNOTSUPP:
		return mode == LDR_XDP_HW ? "this device cannot offload XDP"
					  : "the driver has no native XDP: try --mode skb";
	case -EPERM:
		return "run as root or grant CAP_NET_ADMIN";
	default:
		return NULL;
	}
}

int ldr_xdp_attach(const char *what, const char *dev, int prog_fd, enum ldr_xdp_mode mode,
		   int replace, enum ldr_xdp_mode *got, struct diag *d)
{
	char ext[256], ext1[256];
	uint32_t extra = replace ? 0 : XDP_FLAGS_UPDATE_IF_NOEXIST;
	unsigned ifindex = if_nametoindex(dev);
	int err, err1;

	if (!ifindex) {
		err = -errno;
		if (err == -ENODEV || err == -ENXIO)
			err = -ENODEV;
		char eb[160];
		diag_error(d, NULL,
			   "prog '%s': device '%s': %s: 'ip link' lists the devices of this "
			   "network namespace",
			   what, dev, ldr_errno_format(err, eb, sizeof(eb)));
		return err;
	}
	if (mode != LDR_XDP_AUTO) {
		err = ldr_xdp_set((int)ifindex, prog_fd, mode_flags(mode) | extra, -1, ext,
				  sizeof(ext));
		if (err) {
			report(d, what, dev, "attach", mode, err, ext, set_hint(err, mode));
			return err;
		}
		*got = mode;
		return 0;
	}
	/* auto: native first; a driver without ndo_bpf says EOPNOTSUPP and skb mode is the
	 * way. Any other refusal (EBUSY: something attached) is the answer. */
	err1 = ldr_xdp_set((int)ifindex, prog_fd, XDP_FLAGS_DRV_MODE | extra, -1, ext1,
			   sizeof(ext1));
	if (!err1) {
		*got = LDR_XDP_NATIVE;
		return 0;
	}
	if (err1 != -EOPNOTSUPP && err1 != -EINVAL) {
		report(d, what, dev, "attach", LDR_XDP_NATIVE, err1, ext1,
		       set_hint(err1, LDR_XDP_NATIVE));
		return err1;
	}
	err = ldr_xdp_set((int)ifindex, prog_fd, XDP_FLAGS_SKB_MODE | extra, -1, ext, sizeof(ext));
	if (err) {
		report(d, what, dev, "attach", LDR_XDP_SKB, err, ext, set_hint(err, LDR_XDP_SKB));
		report(d, what, dev, "attach", LDR_XDP_NATIVE, err1, ext1, NULL);
		return err;
	}
	{
		char eb[160];

		diag_note(d, NULL, "prog '%s': %s: native XDP refused (%s%s%s): using skb mode",
			  what, dev, ldr_errno_format(err1, eb, sizeof(eb)), *ext1 ? ": " : "",
			  ext1);
	}
	*got = LDR_XDP_SKB;
	return 0;
}
