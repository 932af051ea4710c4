/*
 * mac.cpp — the MAC address types macaddr (EUI-48: 6 bytes) and macaddr8
 * (EUI-64: 8 bytes), stored as their bytes (typlen 6 and 8, by reference,
 * as in PostgreSQL).
 *
 * macaddr input takes PostgreSQL's notations: six hexadecimal numbers
 * separated by ':' or '-' (as sscanf's %x reads them: surrounding blanks,
 * a sign and a 0x prefix allowed, each then checked to be 0 … 255, else
 * 22003 "invalid octet value"), or twelve hexadecimal digits as
 * xxxxxx:xxxxxx, xxxxxx-xxxxxx, xxxx.xxxx.xxxx, xxxx-xxxx-xxxx or
 * xxxxxxxxxxxx; trailing blanks are fine, anything else is 22P02.
 * macaddr8 input is 6 or 8 pairs of hexadecimal digits, optionally
 * separated by one kind of ':', '-' or '.', with blanks before and after;
 * a 6-byte address becomes xx:xx:xx:ff:fe:xx:xx:xx (as the cast from
 * macaddr does, and as binary input of 6 bytes does).  Output is
 * lower-case colon-separated.  Both compare bytewise (the btree order),
 * hash with hash_any over their bytes (so hash indexes and joins agree
 * with PostgreSQL), and have ~ & | byte by byte, trunc() (the
 * manufacturer's first three bytes, the rest zero), and macaddr8 has
 * macaddr8_set7bit (the modified EUI-64 for IPv6: bit 7 of the first byte
 * set).
 *
 * Principal entry points: macaddr_in/out/recv/send, macaddr8_in/out/
 * recv/send, the comparison functions, hashmacaddr(8)(extended),
 * macaddr(8)_not/and/or, macaddr(8)_trunc, macaddr8_set7bit,
 * macaddrtomacaddr8, macaddr8tomacaddr.
 */
#include "postgres.h"

#include <cctype>
#include <cstdio>
#include <cstring>

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

namespace {

constexpr int kMac6 = 6;
constexpr int kMac8 = 8;

/* A macaddr or macaddr8: its bytes, most significant first. */
template <int N>
struct MacBytes
{
	unsigned char b[N];
};

using Mac6 = MacBytes<kMac6>;
using Mac8 = MacBytes<kMac8>;

template <int N>
const MacBytes<N> *Arg(FunctionCallInfo fcinfo, int n)
{
	return reinterpret_cast<const MacBytes<N> *>(PG_GETARG_POINTER(n));
}

template <int N>
Datum Return(const MacBytes<N> &mac)
{
	auto *result = static_cast<MacBytes<N> *>(palloc(sizeof(MacBytes<N>)));
	*result = mac;
	return PointerGetDatum(result);
}

template <int N>
int Compare(FunctionCallInfo fcinfo)
{
	return std::memcmp(Arg<N>(fcinfo, 0)->b, Arg<N>(fcinfo, 1)->b, N);
}

int Sign(int cmp)
{
	return cmp < 0 ? -1 : (cmp > 0 ? 1 : 0);
}

[[noreturn]] void BadSyntax(const char *type, const char *str)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type %s: \"%s\"", type, str));
}

template <int N>
char *Format(const MacBytes<N> &mac)
{
	char *out = static_cast<char *>(palloc(3 * N));
	char *p = out;
	for (int i = 0; i < N; i++)
		p += snprintf(p, 4, i == 0 ? "%02x" : ":%02x", mac.b[i]);
	return out;
}

/* The notations macaddr accepts, each read by sscanf; the trailing %1s
 * matches only when something but blanks follows the address. */
const char *const kMac6Formats[] = {
	"%x:%x:%x:%x:%x:%x%1s",	  "%x-%x-%x-%x-%x-%x%1s",	 "%2x%2x%2x:%2x%2x%2x%1s",
	"%2x%2x%2x-%2x%2x%2x%1s", "%2x%2x.%2x%2x.%2x%2x%1s", "%2x%2x-%2x%2x-%2x%2x%1s",
	"%2x%2x%2x%2x%2x%2x%1s",
};

int HexDigit(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

}  // namespace

Datum macaddr_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	unsigned int v[kMac6];
	char junk[2];
	bool parsed = false;
	for (const char *format : kMac6Formats)
	{
		/* The formats are the fixed table above, each with six %x and a %1s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		int n = std::sscanf(str, format, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], junk);
#pragma GCC diagnostic pop
		if (n == kMac6)
		{
			parsed = true;
			break;
		}
	}
	if (!parsed)
		BadSyntax("macaddr", str);
	Mac6 mac;
	for (int i = 0; i < kMac6; i++)
	{
		/* %x reads "-1" too; as a signed number it must be an octet. */
		int octet = static_cast<int>(v[i]);
		if (octet < 0 || octet > 255)
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("invalid octet value in \"macaddr\" value: \"%s\"", str));
		mac.b[i] = static_cast<unsigned char>(octet);
	}
	return Return(mac);
}

Datum macaddr_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(Format(*Arg<kMac6>(fcinfo, 0)));
}

Datum macaddr_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	Mac6 mac;
	for (int i = 0; i < kMac6; i++)
		mac.b[i] = static_cast<unsigned char>(pq_getmsgbyte(buf));
	return Return(mac);
}

Datum macaddr_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, reinterpret_cast<const char *>(Arg<kMac6>(fcinfo, 0)->b), kMac6);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum macaddr_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Sign(Compare<kMac6>(fcinfo)));
}

Datum macaddr_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac6>(fcinfo) < 0);
}

Datum macaddr_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac6>(fcinfo) <= 0);
}

Datum macaddr_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac6>(fcinfo) == 0);
}

Datum macaddr_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac6>(fcinfo) >= 0);
}

Datum macaddr_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac6>(fcinfo) > 0);
}

Datum macaddr_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac6>(fcinfo) != 0);
}

Datum hashmacaddr(PG_FUNCTION_ARGS)
{
	return hash_any(Arg<kMac6>(fcinfo, 0)->b, kMac6);
}

Datum hashmacaddrextended(PG_FUNCTION_ARGS)
{
	return hash_any_extended(Arg<kMac6>(fcinfo, 0)->b, kMac6,
							 static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum macaddr_not(PG_FUNCTION_ARGS)
{
	Mac6 mac = *Arg<kMac6>(fcinfo, 0);
	for (unsigned char &byte : mac.b)
		byte = static_cast<unsigned char>(~byte);
	return Return(mac);
}

Datum macaddr_and(PG_FUNCTION_ARGS)
{
	Mac6 mac = *Arg<kMac6>(fcinfo, 0);
	for (int i = 0; i < kMac6; i++)
		mac.b[i] &= Arg<kMac6>(fcinfo, 1)->b[i];
	return Return(mac);
}

Datum macaddr_or(PG_FUNCTION_ARGS)
{
	Mac6 mac = *Arg<kMac6>(fcinfo, 0);
	for (int i = 0; i < kMac6; i++)
		mac.b[i] |= Arg<kMac6>(fcinfo, 1)->b[i];
	return Return(mac);
}

/* The manufacturer's part (the OUI): the first three bytes. */
Datum macaddr_trunc(PG_FUNCTION_ARGS)
{
	Mac6 mac = *Arg<kMac6>(fcinfo, 0);
	std::memset(mac.b + 3, 0, kMac6 - 3);
	return Return(mac);
}

Datum macaddr8_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const auto *p = reinterpret_cast<const unsigned char *>(str);
	unsigned char bytes[kMac8] = {};
	int count = 0;
	unsigned char separator = '\0';
	while (*p != '\0' && std::isspace(*p))
		p++;
	/* Digits come in pairs: a lone last character ends the address. */
	while (p[0] != '\0' && p[1] != '\0')
	{
		if (count == kMac8)
			BadSyntax("macaddr8", str);
		int hi = HexDigit(p[0]);
		int lo = HexDigit(p[1]);
		if (hi < 0 || lo < 0)
			BadSyntax("macaddr8", str);
		bytes[count++] = static_cast<unsigned char>(hi * 16 + lo);
		p += 2;
		if (*p == ':' || *p == '-' || *p == '.')
		{
			/* One kind of separator throughout. */
			if (separator != '\0' && separator != *p)
				BadSyntax("macaddr8", str);
			separator = *p++;
		}
		/* After the sixth or eighth byte blanks may end the text. */
		if ((count == kMac6 || count == kMac8) && std::isspace(*p))
		{
			while (*p != '\0' && std::isspace(*p))
				p++;
			if (*p != '\0')
				BadSyntax("macaddr8", str);
		}
	}
	Mac8 mac;
	if (count == kMac6)
	{
		/* EUI-48 to EUI-64: FF FE between the OUI and the rest. */
		const unsigned char eui64[kMac8] = {bytes[0], bytes[1], bytes[2], 0xFF,
											0xFE,	  bytes[3], bytes[4], bytes[5]};
		std::memcpy(mac.b, eui64, kMac8);
	}
	else if (count == kMac8)
		std::memcpy(mac.b, bytes, kMac8);
	else
		BadSyntax("macaddr8", str);
	return Return(mac);
}

Datum macaddr8_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(Format(*Arg<kMac8>(fcinfo, 0)));
}

/* Eight bytes, or six (an EUI-48, widened as by input). */
Datum macaddr8_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	bool six = buf->len == kMac6;
	Mac8 mac;
	for (int i = 0; i < kMac8; i++)
	{
		if (six && i == 3)
			mac.b[i] = 0xFF;
		else if (six && i == 4)
			mac.b[i] = 0xFE;
		else
			mac.b[i] = static_cast<unsigned char>(pq_getmsgbyte(buf));
	}
	return Return(mac);
}

Datum macaddr8_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, reinterpret_cast<const char *>(Arg<kMac8>(fcinfo, 0)->b), kMac8);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum macaddr8_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Sign(Compare<kMac8>(fcinfo)));
}

Datum macaddr8_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac8>(fcinfo) < 0);
}

Datum macaddr8_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac8>(fcinfo) <= 0);
}

Datum macaddr8_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac8>(fcinfo) == 0);
}

Datum macaddr8_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac8>(fcinfo) >= 0);
}

Datum macaddr8_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac8>(fcinfo) > 0);
}

Datum macaddr8_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare<kMac8>(fcinfo) != 0);
}

Datum hashmacaddr8(PG_FUNCTION_ARGS)
{
	return hash_any(Arg<kMac8>(fcinfo, 0)->b, kMac8);
}

Datum hashmacaddr8extended(PG_FUNCTION_ARGS)
{
	return hash_any_extended(Arg<kMac8>(fcinfo, 0)->b, kMac8,
							 static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum macaddr8_not(PG_FUNCTION_ARGS)
{
	Mac8 mac = *Arg<kMac8>(fcinfo, 0);
	for (unsigned char &byte : mac.b)
		byte = static_cast<unsigned char>(~byte);
	return Return(mac);
}

Datum macaddr8_and(PG_FUNCTION_ARGS)
{
	Mac8 mac = *Arg<kMac8>(fcinfo, 0);
	for (int i = 0; i < kMac8; i++)
		mac.b[i] &= Arg<kMac8>(fcinfo, 1)->b[i];
	return Return(mac);
}

Datum macaddr8_or(PG_FUNCTION_ARGS)
{
	Mac8 mac = *Arg<kMac8>(fcinfo, 0);
	for (int i = 0; i < kMac8; i++)
		mac.b[i] |= Arg<kMac8>(fcinfo, 1)->b[i];
	return Return(mac);
}

Datum macaddr8_trunc(PG_FUNCTION_ARGS)
{
	Mac8 mac = *Arg<kMac8>(fcinfo, 0);
	std::memset(mac.b + 3, 0, kMac8 - 3);
	return Return(mac);
}

/* The modified EUI-64 of IPv6 interface identifiers: the universal/local
 * bit (0x02 of the first byte) set. */
Datum macaddr8_set7bit(PG_FUNCTION_ARGS)
{
	Mac8 mac = *Arg<kMac8>(fcinfo, 0);
	mac.b[0] |= 0x02;
	return Return(mac);
}

Datum macaddrtomacaddr8(PG_FUNCTION_ARGS)
{
	const Mac6 *in = Arg<kMac6>(fcinfo, 0);
	Mac8 mac = {{in->b[0], in->b[1], in->b[2], 0xFF, 0xFE, in->b[3], in->b[4], in->b[5]}};
	return Return(mac);
}

Datum macaddr8tomacaddr(PG_FUNCTION_ARGS)
{
	const Mac8 *in = Arg<kMac8>(fcinfo, 0);
	if (in->b[3] != 0xFF || in->b[4] != 0xFE)
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("macaddr8 data out of range to convert to macaddr"),
				errhint("Only addresses that have FF and FE as values in the 4th and 5th bytes "
						"from the left, for example xx:xx:xx:ff:fe:xx:xx:xx, are eligible to be "
						"converted from macaddr8 to macaddr."));
	Mac6 mac = {{in->b[0], in->b[1], in->b[2], in->b[5], in->b[6], in->b[7]}};
	return Return(mac);
}
