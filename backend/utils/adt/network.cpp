/*
 * network.cpp — the inet and cidr types (PostgreSQL's network.c with its
 * address parsers and printers).
 *
 * A value is a varlena holding PostgreSQL's inet_struct: the family
 * (PGSQL_AF_INET 2, PGSQL_AF_INET6 3), the netmask length in bits, and
 * the address bytes (4 or 16), so the on-disk form and hashes match
 * PostgreSQL's.  inet and cidr share the representation; a cidr never has
 * bits set to the right of its mask (its input, receive and the casts
 * enforce that).
 *
 * Text forms follow PostgreSQL exactly, quirks included: inet input takes
 * a dotted quad with an optional /bits (IPv4) or any IPv6 form; cidr
 * input also takes abbreviated IPv4 networks with a classful default
 * width ("10" is 10.0.0.0/8, "192.168.1" is 192.168.1.0/24) and 0x hex.
 * IPv6 output compresses the longest run of zero words and prints an
 * embedded IPv4 tail for ::a.b.c.d and ::ffff:a.b.c.d.  abbrev(cidr)
 * prints only the network's significant octets or words.
 *
 * Ordering (network_cmp) is PostgreSQL's: family, then the common network
 * bits, then the mask length, then the whole address; the btree and hash
 * operator classes of pg_opclass use these functions.
 *
 * Binary form (send/recv): family, bits, is_cidr, address length, one
 * byte each, then the address bytes.
 *
 * Principal entry points: inet_in/out, cidr_in/out, inet_send/recv,
 * cidr_send/recv, network_cmp and the comparison operators, the
 * containment operators (<< <<= >> >>= &&), host, masklen, network,
 * broadcast, netmask, hostmask, family, set_masklen, abbrev, text, the
 * bitwise and arithmetic operators, inet_merge, inet_client_addr and
 * friends.
 */
#include "postgres.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "common/hashfn.h"
#include "libpq/libpq-be.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

namespace {

/* PostgreSQL's family codes in an inet value (not the system's AF_INET6). */
constexpr int kPgAfInet = 2;
constexpr int kPgAfInet6 = 3;

/* An inet or cidr value unpacked; bytes past the family's size are zero. */
struct InetValue
{
	int family = kPgAfInet;
	int bits = 0;
	unsigned char addr[16] = {};
};

int AddrSize(int family)
{
	return family == kPgAfInet ? 4 : 16;
}

int MaxBits(int family)
{
	return family == kPgAfInet ? 32 : 128;
}

InetValue GetInet(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *v = PG_GETARG_VARLENA_PP(argno);
	const auto *p = reinterpret_cast<const unsigned char *>(VARDATA_ANY(v));
	InetValue r;
	r.family = p[0] == kPgAfInet6 ? kPgAfInet6 : kPgAfInet;
	r.bits = p[1];
	size_t have = VARSIZE_ANY_EXHDR(v);
	size_t n = static_cast<size_t>(AddrSize(r.family));
	if (have >= 2)
		memcpy(r.addr, p + 2, std::min(n, have - 2));
	return r;
}

Datum MakeInet(const InetValue &v)
{
	int n = AddrSize(v.family);
	auto *result = static_cast<struct varlena *>(palloc0(VARHDRSZ + 2 + n));
	SET_VARSIZE(result, VARHDRSZ + 2 + n);
	auto *p = reinterpret_cast<unsigned char *>(VARDATA(result));
	p[0] = static_cast<unsigned char>(v.family);
	p[1] = static_cast<unsigned char>(v.bits);
	memcpy(p + 2, v.addr, n);
	return PointerGetDatum(result);
}

/* The next byte of the text as an unsigned value, advancing p. */
int NextChar(const char *&p)
{
	return static_cast<unsigned char>(*p++);
}

bool IsDigit(int ch)
{
	return ch >= '0' && ch <= '9';
}

int HexValue(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* "/bits" after an IPv4 address: digits to the end of the string, at most
 * 32.  *p points just past the slash; returns -1 when malformed. */
int ParseIpv4Bits(const char *p)
{
	int bits = 0;
	int ch = NextChar(p);
	do
	{
		bits = std::min(bits * 10 + (ch - '0'), 1000);
		ch = NextChar(p);
	} while (IsDigit(ch));
	if (ch != '\0' || bits > 32)
		return -1;
	return bits;
}

/* inet's IPv4 form: one to four decimal octets and an optional /bits;
 * without /bits all four octets are required.  Returns the mask length,
 * or -1. */
int ParseIpv4Inet(const char *src, unsigned char *dst)
{
	const char *p = src;
	int n = 0;
	int ch = NextChar(p);
	while (IsDigit(ch))
	{
		int octet = 0;
		do
		{
			octet = octet * 10 + (ch - '0');
			if (octet > 255)
				return -1;
			ch = NextChar(p);
		} while (IsDigit(ch));
		if (n == 4)
			return -1;
		dst[n++] = static_cast<unsigned char>(octet);
		if (ch == '\0' || ch == '/')
			break;
		if (ch != '.')
			return -1;
		ch = NextChar(p);
	}
	int bits = -1;
	if (ch == '/' && IsDigit(p[0]) && n > 0)
	{
		bits = ParseIpv4Bits(p);
		if (bits < 0)
			return -1;
		ch = '\0';
	}
	if (ch != '\0' || n == 0)
		return -1;
	if (bits == -1)
	{
		if (n != 4)
			return -1;
		bits = 32;
	}
	if (bits / 8 > n)
		return -1;
	return bits;
}

/* cidr's IPv4 form: decimal octets (or 0x followed by hex digits), with
 * an optional /bits; without it the width is the address class's, widened
 * to cover the octets given.  Returns the mask length, or -1. */
int ParseIpv4Cidr(const char *src, unsigned char *dst)
{
	const char *p = src;
	int n = 0;
	int ch = NextChar(p);
	if (ch == '0' && (p[0] == 'x' || p[0] == 'X') && HexValue(p[1]) >= 0)
	{
		p++;
		int nibbles = 0;
		int acc = 0;
		while ((ch = NextChar(p)) != '\0' && HexValue(ch) >= 0)
		{
			acc = nibbles == 0 ? HexValue(ch) : (acc << 4) | HexValue(ch);
			if (++nibbles == 2)
			{
				if (n == 4)
					return -1;
				dst[n++] = static_cast<unsigned char>(acc);
				nibbles = 0;
			}
		}
		if (nibbles != 0)
		{
			if (n == 4)
				return -1;
			dst[n++] = static_cast<unsigned char>(acc << 4);
		}
	}
	else if (IsDigit(ch))
	{
		for (;;)
		{
			int octet = 0;
			do
			{
				octet = octet * 10 + (ch - '0');
				if (octet > 255)
					return -1;
				ch = NextChar(p);
			} while (IsDigit(ch));
			if (n == 4)
				return -1;
			dst[n++] = static_cast<unsigned char>(octet);
			if (ch == '\0' || ch == '/')
				break;
			if (ch != '.')
				return -1;
			ch = NextChar(p);
			if (!IsDigit(ch))
				return -1;
		}
	}
	else
		return -1;

	int bits = -1;
	if (ch == '/' && IsDigit(p[0]) && n > 0)
	{
		bits = ParseIpv4Bits(p);
		if (bits < 0)
			return -1;
		ch = '\0';
	}
	if (ch != '\0' || n == 0)
		return -1;
	if (bits == -1)
	{
		/* The classful default: A /8, B /16, C /24, D (multicast) /8 or /4
		 * for a bare 224, E /32; never narrower than the octets given. */
		int first = dst[0];
		if (first >= 240)
			bits = 32;
		else if (first >= 192 && first < 224)
			bits = 24;
		else if (first >= 128 && first < 192)
			bits = 16;
		else /* A and D */
			bits = 8;
		if (bits < n * 8)
			bits = n * 8;
		if (bits == 8 && first == 224)
			bits = 4;
	}
	while (bits > n * 8)
		dst[n++] = 0;
	return bits;
}

/* A prefix length after an IPv6 address (or an IPv4 tail): decimal, no
 * leading zeros, at most 128. */
bool ParseIpv6Bits(const char *p, int *bits)
{
	int value = 0;
	int digits = 0;
	for (; *p != '\0'; p++)
	{
		if (!IsDigit(*p))
			return false;
		if (digits++ != 0 && value == 0)
			return false;
		value = value * 10 + (*p - '0');
		if (value > 128)
			return false;
	}
	if (digits == 0)
		return false;
	*bits = value;
	return true;
}

/* The dotted IPv4 tail of an IPv6 address, up to the end of the string
 * (and its /bits).  Octets have no leading zeros; at most four. */
bool ParseIpv6Ipv4Tail(const char *p, unsigned char *dst, int *bits)
{
	int written = 0;
	int value = 0;
	int digits = 0;
	int ch;
	while ((ch = NextChar(p)) != '\0')
	{
		if (IsDigit(ch))
		{
			if (digits++ != 0 && value == 0)
				return false;
			value = value * 10 + (ch - '0');
			if (value > 255)
				return false;
			continue;
		}
		if (ch == '.' || ch == '/')
		{
			if (written > 3)
				return false;
			dst[written++] = static_cast<unsigned char>(value);
			if (ch == '/')
				return ParseIpv6Bits(p, bits);
			value = 0;
			digits = 0;
			continue;
		}
		return false;
	}
	if (digits == 0 || written > 3)
		return false;
	dst[written] = static_cast<unsigned char>(value);
	return true;
}

/* An IPv6 address with an optional /bits (default 128).  Returns the
 * mask length, or -1. */
int ParseIpv6(const char *src, unsigned char *dst)
{
	unsigned char tmp[16] = {};
	int tp = 0;
	int colonp = -1;
	const char *p = src;
	if (*p == ':' && *++p != ':')
		return -1;
	const char *curtok = p;
	bool saw_xdigit = false;
	unsigned int val = 0;
	int digits = 0;
	int bits = -1;
	int ch;
	while ((ch = NextChar(p)) != '\0')
	{
		int hv = HexValue(ch);
		if (hv >= 0)
		{
			val = (val << 4) | static_cast<unsigned int>(hv);
			if (++digits > 4)
				return -1;
			saw_xdigit = true;
			continue;
		}
		if (ch == ':')
		{
			curtok = p;
			if (!saw_xdigit)
			{
				if (colonp >= 0)
					return -1;
				colonp = tp;
				continue;
			}
			if (*p == '\0' || tp + 2 > 16)
				return -1;
			tmp[tp++] = static_cast<unsigned char>(val >> 8);
			tmp[tp++] = static_cast<unsigned char>(val);
			saw_xdigit = false;
			digits = 0;
			val = 0;
			continue;
		}
		if (ch == '.' && tp + 4 <= 16 && ParseIpv6Ipv4Tail(curtok, tmp + tp, &bits))
		{
			tp += 4;
			saw_xdigit = false;
			break;
		}
		if (ch == '/' && ParseIpv6Bits(p, &bits))
			break;
		return -1;
	}
	if (saw_xdigit)
	{
		if (tp + 2 > 16)
			return -1;
		tmp[tp++] = static_cast<unsigned char>(val >> 8);
		tmp[tp++] = static_cast<unsigned char>(val);
	}
	if (bits == -1)
		bits = 128;
	if (colonp >= 0)
	{
		/* Move what follows "::" to the end; zeros fill the gap. */
		if (tp == 16)
			return -1;
		int n = tp - colonp;
		for (int i = 1; i <= n; i++)
		{
			tmp[16 - i] = tmp[colonp + n - i];
			tmp[colonp + n - i] = 0;
		}
		tp = 16;
	}
	if (tp != 16)
		return -1;
	memcpy(dst, tmp, 16);
	return bits;
}

/* True when no bit right of the mask is set (a valid cidr). */
bool AddressOk(const InetValue &v)
{
	int maxbits = MaxBits(v.family);
	if (v.bits >= maxbits)
		return true;
	int byte = v.bits / 8;
	unsigned char mask = v.bits % 8 == 0 ? 0xff : static_cast<unsigned char>(0xff >> (v.bits % 8));
	for (; byte < AddrSize(v.family); byte++, mask = 0xff)
		if ((v.addr[byte] & mask) != 0)
			return false;
	return true;
}

Datum NetworkIn(const char *src, bool is_cidr)
{
	InetValue v;
	v.family = strchr(src, ':') != nullptr ? kPgAfInet6 : kPgAfInet;
	if (v.family == kPgAfInet6)
		v.bits = ParseIpv6(src, v.addr);
	else
		v.bits = is_cidr ? ParseIpv4Cidr(src, v.addr) : ParseIpv4Inet(src, v.addr);
	if (v.bits < 0 || v.bits > MaxBits(v.family))
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for type %s: \"%s\"", is_cidr ? "cidr" : "inet", src));
	if (is_cidr && !AddressOk(v))
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid cidr value: \"%s\"", src),
				errdetail("Value has bits set to right of mask."));
	return MakeInet(v);
}

/* The address (all of it, whatever the mask), with "/bits" unless bits is
 * the family's maximum (or -1 for IPv6, never printed). */
std::string FormatAddress(const InetValue &v, int bits)
{
	char buf[64];
	std::string out;
	if (v.family == kPgAfInet)
	{
		snprintf(buf, sizeof buf, "%u.%u.%u.%u", v.addr[0], v.addr[1], v.addr[2], v.addr[3]);
		out = buf;
		if (bits != 32)
		{
			snprintf(buf, sizeof buf, "/%d", bits);
			out += buf;
		}
		return out;
	}
	unsigned int words[8];
	for (int i = 0; i < 8; i++)
		words[i] = (static_cast<unsigned int>(v.addr[2 * i]) << 8) | v.addr[2 * i + 1];
	/* The longest run of zero words (the first of equal ones), if two or
	 * more long, becomes "::". */
	int best_base = -1;
	int best_len = 0;
	for (int i = 0; i < 8;)
	{
		if (words[i] != 0)
		{
			i++;
			continue;
		}
		int j = i;
		while (j < 8 && words[j] == 0)
			j++;
		if (j - i > best_len)
		{
			best_base = i;
			best_len = j - i;
		}
		i = j;
	}
	if (best_len < 2)
		best_base = -1;
	for (int i = 0; i < 8; i++)
	{
		if (best_base != -1 && i >= best_base && i < best_base + best_len)
		{
			if (i == best_base)
				out += ':';
			continue;
		}
		if (i != 0)
			out += ':';
		/* An IPv4-compatible (not ::1) or IPv4-mapped address prints its
		 * last four bytes as a dotted quad. */
		if (i == 6 && best_base == 0 &&
			(best_len == 6 || (best_len == 7 && words[7] != 0x0001) ||
			 (best_len == 5 && words[5] == 0xffff)))
		{
			snprintf(buf, sizeof buf, "%u.%u.%u.%u", v.addr[12], v.addr[13], v.addr[14],
					 v.addr[15]);
			out += buf;
			break;
		}
		snprintf(buf, sizeof buf, "%x", words[i]);
		out += buf;
	}
	if (best_base != -1 && best_base + best_len == 8)
		out += ':';
	if (bits != -1 && bits != 128)
	{
		snprintf(buf, sizeof buf, "/%d", bits);
		out += buf;
	}
	return out;
}

/* abbrev(cidr): only the network's significant octets (IPv4) or words
 * (IPv6), then "/bits". */
std::string FormatCidrAbbrev(const InetValue &v)
{
	char buf[16];
	std::string out;
	int bits = v.bits;
	if (v.family == kPgAfInet)
	{
		if (bits == 0)
			out = "0";
		for (int b = 0; b < bits / 8; b++)
		{
			if (b > 0)
				out += '.';
			snprintf(buf, sizeof buf, "%u", v.addr[b]);
			out += buf;
		}
		if (bits % 8 != 0)
		{
			if (!out.empty())
				out += '.';
			unsigned int m = ((1U << (bits % 8)) - 1) << (8 - bits % 8);
			snprintf(buf, sizeof buf, "%u", v.addr[bits / 8] & m);
			out += buf;
		}
		snprintf(buf, sizeof buf, "/%d", bits);
		return out + buf;
	}
	if (bits == 0)
		out = "::";
	else
	{
		unsigned char s[16] = {};
		int nbytes = (bits + 7) / 8;
		memcpy(s, v.addr, nbytes);
		if (bits % 8 != 0)
			s[nbytes - 1] &= static_cast<unsigned char>(0xff << (8 - bits % 8));
		int words = std::max((bits + 15) / 16, 2);
		/* PostgreSQL's search for the zero run to compress: a single zero
		 * word counts, and a shorter earlier run is not forgotten when a
		 * nonzero word follows it (its count goes on at the next zero). */
		int zero_s = 0;
		int zero_l = 0;
		int tmp_s = 0;
		int tmp_l = 0;
		for (int i = 0; i < words; i++)
		{
			if ((s[2 * i] | s[2 * i + 1]) == 0)
			{
				if (tmp_l == 0)
					tmp_s = i;
				tmp_l++;
			}
			else if (tmp_l != 0 && zero_l < tmp_l)
			{
				zero_s = tmp_s;
				zero_l = tmp_l;
				tmp_l = 0;
			}
		}
		if (tmp_l != 0 && zero_l < tmp_l)
		{
			zero_s = tmp_s;
			zero_l = tmp_l;
		}
		bool is_ipv4 = zero_l != words && zero_s == 0 &&
			(zero_l == 6 || (zero_l == 5 && s[10] == 0xff && s[11] == 0xff) ||
			 (zero_l == 7 && s[14] != 0 && s[15] != 1));
		for (int w = 0; w < words; w++)
		{
			if (zero_l != 0 && w >= zero_s && w < zero_s + zero_l)
			{
				if (w == zero_s)
					out += ':';
				if (w == words - 1)
					out += ':';
				continue;
			}
			if (is_ipv4 && w > 5)
			{
				out += w == 6 ? ':' : '.';
				snprintf(buf, sizeof buf, "%u", s[2 * w]);
				out += buf;
				if (w != 7 || bits > 120)
				{
					snprintf(buf, sizeof buf, ".%u", s[2 * w + 1]);
					out += buf;
				}
			}
			else
			{
				if (!out.empty())
					out += ':';
				snprintf(buf, sizeof buf, "%x", (s[2 * w] << 8) | s[2 * w + 1]);
				out += buf;
			}
		}
	}
	snprintf(buf, sizeof buf, "/%d", bits);
	return out + buf;
}

/* Compares the first n bits of two addresses: <0, 0, >0. */
int BitNCmp(const unsigned char *l, const unsigned char *r, int n)
{
	int whole = n / 8;
	int c = memcmp(l, r, whole);
	if (c != 0 || n % 8 == 0)
		return c;
	auto mask = static_cast<unsigned char>(0xff << (8 - n % 8));
	int lb = l[whole] & mask;
	int rb = r[whole] & mask;
	return lb - rb;
}

/* How many leading bits (at most n) two addresses share. */
int BitNCommon(const unsigned char *l, const unsigned char *r, int n)
{
	int bits = 0;
	while (bits < n)
	{
		int byte = bits / 8;
		int bit = 7 - bits % 8;
		if (((l[byte] >> bit) & 1) != ((r[byte] >> bit) & 1))
			break;
		bits++;
	}
	return bits;
}

int NetworkCmp(const InetValue &a, const InetValue &b)
{
	if (a.family != b.family)
		return a.family - b.family;
	int order = BitNCmp(a.addr, b.addr, std::min(a.bits, b.bits));
	if (order != 0)
		return order;
	if (a.bits != b.bits)
		return a.bits - b.bits;
	return BitNCmp(a.addr, b.addr, MaxBits(a.family));
}

/* The value with its mask set to bits and the host bits cleared. */
InetValue CidrSetMasklen(const InetValue &src, int bits)
{
	InetValue dst;
	dst.family = src.family;
	dst.bits = bits;
	int nbytes = (bits + 7) / 8;
	memcpy(dst.addr, src.addr, nbytes);
	if (bits % 8 != 0)
		dst.addr[bits / 8] &= static_cast<unsigned char>(~(0xff >> (bits % 8)));
	return dst;
}

int CheckedMasklen(const InetValue &v, int bits)
{
	if (bits == -1)
		bits = MaxBits(v.family);
	if (bits < 0 || bits > MaxBits(v.family))
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid mask length: %d", bits));
	return bits;
}

Datum NetworkSend(const InetValue &v, bool is_cidr)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, static_cast<uint8>(v.family));
	pq_sendbyte(&buf, static_cast<uint8>(v.bits));
	pq_sendbyte(&buf, is_cidr ? 1 : 0);
	pq_sendbyte(&buf, static_cast<uint8>(AddrSize(v.family)));
	pq_sendbytes(&buf, v.addr, AddrSize(v.family));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum NetworkRecv(StringInfo buf, bool is_cidr)
{
	const char *name = is_cidr ? "cidr" : "inet";
	InetValue v;
	v.family = pq_getmsgbyte(buf);
	if (v.family != kPgAfInet && v.family != kPgAfInet6)
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid address family in external \"%s\" value", name));
	v.bits = pq_getmsgbyte(buf);
	if (v.bits < 0 || v.bits > MaxBits(v.family))
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid bits in external \"%s\" value", name));
	(void) pq_getmsgbyte(buf); /* is_cidr: the type decides, as in PostgreSQL */
	int nb = pq_getmsgbyte(buf);
	if (nb != AddrSize(v.family))
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid length in external \"%s\" value", name));
	memcpy(v.addr, pq_getmsgbytes(buf, nb), nb);
	if (is_cidr && !AddressOk(v))
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid external \"cidr\" value"),
				errdetail("Value has bits set to right of mask."));
	return MakeInet(v);
}

/* An inet value for a socket address; NULL-worthy (false) for a Unix
 * socket. */
bool SockAddrToInet(const SockAddr &sa, InetValue *v)
{
	if (sa.addr.ss_family == AF_INET)
	{
		const auto &in = reinterpret_cast<const struct sockaddr_in &>(sa.addr);
		v->family = kPgAfInet;
		v->bits = 32;
		memcpy(v->addr, &in.sin_addr, 4);
		return true;
	}
	if (sa.addr.ss_family == AF_INET6)
	{
		const auto &in6 = reinterpret_cast<const struct sockaddr_in6 &>(sa.addr);
		v->family = kPgAfInet6;
		v->bits = 128;
		memcpy(v->addr, &in6.sin6_addr, 16);
		return true;
	}
	return false;
}

int SockAddrPort(const SockAddr &sa)
{
	if (sa.addr.ss_family == AF_INET)
		return ntohs(reinterpret_cast<const struct sockaddr_in &>(sa.addr).sin_port);
	if (sa.addr.ss_family == AF_INET6)
		return ntohs(reinterpret_cast<const struct sockaddr_in6 &>(sa.addr).sin6_port);
	return -1;
}

}  // namespace

/* ---------------------------------------------------------------- I/O */

Datum inet_in(PG_FUNCTION_ARGS)
{
	return NetworkIn(PG_GETARG_CSTRING(0), false);
}

Datum cidr_in(PG_FUNCTION_ARGS)
{
	return NetworkIn(PG_GETARG_CSTRING(0), true);
}

Datum inet_out(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	PG_RETURN_CSTRING(pstrdup(FormatAddress(v, v.bits).c_str()));
}

Datum cidr_out(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	std::string s = FormatAddress(v, v.bits);
	if (s.find('/') == std::string::npos)
	{
		s += '/';
		s += std::to_string(v.bits);
	}
	PG_RETURN_CSTRING(pstrdup(s.c_str()));
}

Datum inet_send(PG_FUNCTION_ARGS)
{
	return NetworkSend(GetInet(fcinfo, 0), false);
}

Datum cidr_send(PG_FUNCTION_ARGS)
{
	return NetworkSend(GetInet(fcinfo, 0), true);
}

Datum inet_recv(PG_FUNCTION_ARGS)
{
	return NetworkRecv(reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0)), false);
}

Datum cidr_recv(PG_FUNCTION_ARGS)
{
	return NetworkRecv(reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0)), true);
}

/* text(inet), text(cidr): the whole address, always with "/bits". */
Datum network_show(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	std::string s = FormatAddress(v, MaxBits(v.family));
	s += '/';
	s += std::to_string(v.bits);
	PG_RETURN_TEXT_P(cstring_to_text(s.c_str()));
}

Datum inet_abbrev(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	PG_RETURN_TEXT_P(cstring_to_text(FormatAddress(v, v.bits).c_str()));
}

Datum cidr_abbrev(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(FormatCidrAbbrev(GetInet(fcinfo, 0)).c_str()));
}

/* cidr(inet): the network, host bits cleared. */
Datum inet_to_cidr(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	return MakeInet(CidrSetMasklen(v, v.bits));
}

Datum inet_set_masklen(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	v.bits = CheckedMasklen(v, PG_GETARG_INT32(1));
	return MakeInet(v);
}

Datum cidr_set_masklen(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	return MakeInet(CidrSetMasklen(v, CheckedMasklen(v, PG_GETARG_INT32(1))));
}

/* --------------------------------------------------------- comparison */

Datum network_cmp(PG_FUNCTION_ARGS)
{
	int c = NetworkCmp(GetInet(fcinfo, 0), GetInet(fcinfo, 1));
	PG_RETURN_INT32(c < 0 ? -1 : (c > 0 ? 1 : 0));
}

Datum network_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NetworkCmp(GetInet(fcinfo, 0), GetInet(fcinfo, 1)) < 0);
}

Datum network_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NetworkCmp(GetInet(fcinfo, 0), GetInet(fcinfo, 1)) <= 0);
}

Datum network_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NetworkCmp(GetInet(fcinfo, 0), GetInet(fcinfo, 1)) == 0);
}

Datum network_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NetworkCmp(GetInet(fcinfo, 0), GetInet(fcinfo, 1)) >= 0);
}

Datum network_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NetworkCmp(GetInet(fcinfo, 0), GetInet(fcinfo, 1)) > 0);
}

Datum network_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NetworkCmp(GetInet(fcinfo, 0), GetInet(fcinfo, 1)) != 0);
}

Datum network_smaller(PG_FUNCTION_ARGS)
{
	bool first = NetworkCmp(GetInet(fcinfo, 0), GetInet(fcinfo, 1)) < 0;
	PG_RETURN_DATUM(PG_GETARG_DATUM(first ? 0 : 1));
}

Datum network_larger(PG_FUNCTION_ARGS)
{
	bool first = NetworkCmp(GetInet(fcinfo, 0), GetInet(fcinfo, 1)) > 0;
	PG_RETURN_DATUM(PG_GETARG_DATUM(first ? 0 : 1));
}

/* Hashes family, bits and address bytes, as PostgreSQL does. */
Datum hashinet(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_VARLENA_PP(0);
	const auto *p = reinterpret_cast<const unsigned char *>(VARDATA_ANY(v));
	return hash_any(p, AddrSize(p[0]) + 2);
}

Datum hashinetextended(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_VARLENA_PP(0);
	const auto *p = reinterpret_cast<const unsigned char *>(VARDATA_ANY(v));
	return hash_any_extended(p, AddrSize(p[0]) + 2, static_cast<uint64>(PG_GETARG_INT64(1)));
}

/* ---------------------------------------------------------- inclusion */

/* a << b: a is strictly inside network b. */
Datum network_sub(PG_FUNCTION_ARGS)
{
	InetValue a = GetInet(fcinfo, 0);
	InetValue b = GetInet(fcinfo, 1);
	PG_RETURN_BOOL(a.family == b.family && a.bits > b.bits && BitNCmp(a.addr, b.addr, b.bits) == 0);
}

Datum network_subeq(PG_FUNCTION_ARGS)
{
	InetValue a = GetInet(fcinfo, 0);
	InetValue b = GetInet(fcinfo, 1);
	PG_RETURN_BOOL(a.family == b.family && a.bits >= b.bits &&
				   BitNCmp(a.addr, b.addr, b.bits) == 0);
}

Datum network_sup(PG_FUNCTION_ARGS)
{
	InetValue a = GetInet(fcinfo, 0);
	InetValue b = GetInet(fcinfo, 1);
	PG_RETURN_BOOL(a.family == b.family && a.bits < b.bits && BitNCmp(a.addr, b.addr, a.bits) == 0);
}

Datum network_supeq(PG_FUNCTION_ARGS)
{
	InetValue a = GetInet(fcinfo, 0);
	InetValue b = GetInet(fcinfo, 1);
	PG_RETURN_BOOL(a.family == b.family && a.bits <= b.bits &&
				   BitNCmp(a.addr, b.addr, a.bits) == 0);
}

Datum network_overlap(PG_FUNCTION_ARGS)
{
	InetValue a = GetInet(fcinfo, 0);
	InetValue b = GetInet(fcinfo, 1);
	PG_RETURN_BOOL(a.family == b.family && BitNCmp(a.addr, b.addr, std::min(a.bits, b.bits)) == 0);
}

/* ----------------------------------------------------------- accessors */

Datum network_host(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	PG_RETURN_TEXT_P(cstring_to_text(FormatAddress(v, MaxBits(v.family)).c_str()));
}

Datum network_masklen(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(GetInet(fcinfo, 0).bits);
}

Datum network_family(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(GetInet(fcinfo, 0).family == kPgAfInet ? 4 : 6);
}

Datum network_network(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	return MakeInet(CidrSetMasklen(v, v.bits));
}

Datum network_broadcast(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	for (int i = 0; i < AddrSize(v.family); i++)
	{
		int covered = std::clamp(v.bits - 8 * i, 0, 8);
		v.addr[i] |= static_cast<unsigned char>(0xff >> covered);
	}
	return MakeInet(v);
}

Datum network_netmask(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	InetValue r;
	r.family = v.family;
	r.bits = MaxBits(v.family);
	for (int i = 0; i < AddrSize(v.family); i++)
	{
		int covered = std::clamp(v.bits - 8 * i, 0, 8);
		r.addr[i] = static_cast<unsigned char>(~(0xff >> covered));
	}
	return MakeInet(r);
}

Datum network_hostmask(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	InetValue r;
	r.family = v.family;
	r.bits = MaxBits(v.family);
	for (int i = 0; i < AddrSize(v.family); i++)
	{
		int covered = std::clamp(v.bits - 8 * i, 0, 8);
		r.addr[i] = static_cast<unsigned char>(0xff >> covered);
	}
	return MakeInet(r);
}

Datum inet_same_family(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(GetInet(fcinfo, 0).family == GetInet(fcinfo, 1).family);
}

/* The smallest network containing both. */
Datum inet_merge(PG_FUNCTION_ARGS)
{
	InetValue a = GetInet(fcinfo, 0);
	InetValue b = GetInet(fcinfo, 1);
	if (a.family != b.family)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("cannot merge addresses from different families"));
	return MakeInet(CidrSetMasklen(a, BitNCommon(a.addr, b.addr, std::min(a.bits, b.bits))));
}

/* ------------------------------------------------ bitwise and arithmetic */

Datum inetnot(PG_FUNCTION_ARGS)
{
	InetValue v = GetInet(fcinfo, 0);
	for (int i = 0; i < AddrSize(v.family); i++)
		v.addr[i] = static_cast<unsigned char>(~v.addr[i]);
	return MakeInet(v);
}

Datum inetand(PG_FUNCTION_ARGS)
{
	InetValue a = GetInet(fcinfo, 0);
	InetValue b = GetInet(fcinfo, 1);
	if (a.family != b.family)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("cannot AND inet values of different sizes"));
	for (int i = 0; i < AddrSize(a.family); i++)
		a.addr[i] &= b.addr[i];
	a.bits = std::max(a.bits, b.bits);
	return MakeInet(a);
}

Datum inetor(PG_FUNCTION_ARGS)
{
	InetValue a = GetInet(fcinfo, 0);
	InetValue b = GetInet(fcinfo, 1);
	if (a.family != b.family)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("cannot OR inet values of different sizes"));
	for (int i = 0; i < AddrSize(a.family); i++)
		a.addr[i] |= b.addr[i];
	a.bits = std::max(a.bits, b.bits);
	return MakeInet(a);
}

namespace {

/* The address plus a signed 64-bit addend; 22003 when it leaves the
 * family's address space. */
Datum InetPlus(InetValue v, int64 addend)
{
	int carry = 0;
	for (int i = AddrSize(v.family) - 1; i >= 0; i--)
	{
		carry = v.addr[i] + static_cast<int>(addend & 0xff) + carry;
		v.addr[i] = static_cast<unsigned char>(carry & 0xff);
		carry >>= 8;
		/* An arithmetic shift: a negative addend stays -1 in the bytes
		 * above its own. */
		addend >>= 8;
	}
	if (!((addend == 0 && carry == 0) || (addend == -1 && carry == 1)))
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("result is out of range"));
	return MakeInet(v);
}

}  // namespace

Datum inetpl(PG_FUNCTION_ARGS)
{
	return InetPlus(GetInet(fcinfo, 0), PG_GETARG_INT64(1));
}

Datum inetmi_int8(PG_FUNCTION_ARGS)
{
	/* Negated with wrap-around, as PostgreSQL's -addend does in practice. */
	auto addend = static_cast<int64>(0 - static_cast<uint64>(PG_GETARG_INT64(1)));
	return InetPlus(GetInet(fcinfo, 0), addend);
}

/* a - b as an int8; 22003 when the difference does not fit. */
Datum inetmi(PG_FUNCTION_ARGS)
{
	InetValue a = GetInet(fcinfo, 0);
	InetValue b = GetInet(fcinfo, 1);
	if (a.family != b.family)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("cannot subtract inet values of different sizes"));
	/* Two's-complement subtraction byte by byte from the low end: a + ~b + 1. */
	uint64 res = 0;
	int carry = 1;
	int nb = AddrSize(a.family);
	bool negative = false;
	for (int byte = 0; byte < nb; byte++)
	{
		int i = nb - 1 - byte;
		carry = a.addr[i] + (~b.addr[i] & 0xff) + carry;
		int lobyte = carry & 0xff;
		if (byte < 8)
		{
			res |= static_cast<uint64>(lobyte) << (byte * 8);
			if (byte == 7)
				negative = (lobyte & 0x80) != 0;
		}
		else if (negative ? lobyte != 0xff : lobyte != 0)
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("result is out of range"));
		carry >>= 8;
	}
	if (carry == 0 && nb < 8)
		res |= ~static_cast<uint64>(0) << (nb * 8);
	PG_RETURN_INT64(static_cast<int64>(res));
}

/* ------------------------------------------------- connection addresses */

Datum inet_client_addr(PG_FUNCTION_ARGS)
{
	InetValue v;
	if (MyProcPort == nullptr || !SockAddrToInet(MyProcPort->raddr, &v))
		PG_RETURN_NULL();
	return MakeInet(v);
}

Datum inet_client_port(PG_FUNCTION_ARGS)
{
	if (MyProcPort == nullptr || SockAddrPort(MyProcPort->raddr) < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(SockAddrPort(MyProcPort->raddr));
}

Datum inet_server_addr(PG_FUNCTION_ARGS)
{
	InetValue v;
	if (MyProcPort == nullptr || !SockAddrToInet(MyProcPort->laddr, &v))
		PG_RETURN_NULL();
	return MakeInet(v);
}

Datum inet_server_port(PG_FUNCTION_ARGS)
{
	if (MyProcPort == nullptr || SockAddrPort(MyProcPort->laddr) < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(SockAddrPort(MyProcPort->laddr));
}
