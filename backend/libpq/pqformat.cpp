/*
 * pqformat.cpp — message and binary-value formatting (libpq/pqformat.h).
 *
 * Integers go out big-endian (network order); floats as the big-endian
 * bytes of their IEEE representation, as PostgreSQL sends them.
 */
#include "postgres.h"

#include <arpa/inet.h>
#include <endian.h>

#include <string>

#include "libpq/pqcomm.h"
#include "libpq/pqformat.h"

namespace {

[[noreturn]] void InsufficientData()
{
	ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
			errmsg("insufficient data left in message"));
}

void Need(StringInfo msg, int n)
{
	if (n < 0 || msg->cursor < 0 || n > msg->len - msg->cursor)
		InsufficientData();
}

}  // namespace

void pq_beginmessage(StringInfo buf, char msgtype)
{
	initStringInfo(buf);
	buf->cursor = static_cast<unsigned char>(msgtype);
}

void pq_beginmessage_reuse(StringInfo buf, char msgtype)
{
	resetStringInfo(buf);
	buf->cursor = static_cast<unsigned char>(msgtype);
}

void pq_endmessage_reuse(StringInfo buf)
{
	(void) tusk::libpq::PutMessage(static_cast<char>(buf->cursor),
								   std::string(buf->data, static_cast<size_t>(buf->len)));
}

void pq_endmessage(StringInfo buf)
{
	pq_endmessage_reuse(buf);
	pfree(buf->data);
	buf->data = nullptr;
}

void pq_sendbyte(StringInfo buf, uint8 byt)
{
	appendStringInfoCharMacro(buf, static_cast<char>(byt));
}

void pq_sendbytes(StringInfo buf, const void *data, int datalen)
{
	appendBinaryStringInfo(buf, data, datalen);
}

void pq_sendcountedtext(StringInfo buf, const char *str, int slen, bool countincludesself)
{
	pq_sendint32(buf, static_cast<uint32>(countincludesself ? slen + 4 : slen));
	appendBinaryStringInfoNT(buf, str, slen);
}

void pq_sendtext(StringInfo buf, const char *str, int slen)
{
	appendBinaryStringInfo(buf, str, slen);
}

void pq_sendstring(StringInfo buf, const char *str)
{
	appendBinaryStringInfoNT(buf, str, static_cast<int>(strlen(str)) + 1);
}

void pq_send_ascii_string(StringInfo buf, const char *str)
{
	/* Not-ASCII bytes become '?': the text may be read in any encoding. */
	for (const char *p = str; *p != '\0'; p++)
		appendStringInfoCharMacro(buf, (static_cast<unsigned char>(*p) & 0x80) != 0 ? '?' : *p);
	appendStringInfoChar(buf, '\0'); /* the terminator is part of the message */
}

void pq_sendint8(StringInfo buf, uint8 i)
{
	appendBinaryStringInfoNT(buf, &i, 1);
}

void pq_sendint16(StringInfo buf, uint16 i)
{
	uint16 n = htobe16(i);
	appendBinaryStringInfoNT(buf, &n, 2);
}

void pq_sendint32(StringInfo buf, uint32 i)
{
	uint32 n = htobe32(i);
	appendBinaryStringInfoNT(buf, &n, 4);
}

void pq_sendint64(StringInfo buf, uint64 i)
{
	uint64 n = htobe64(i);
	appendBinaryStringInfoNT(buf, &n, 8);
}

void pq_sendint(StringInfo buf, uint32 i, int b)
{
	switch (b)
	{
		case 1:
			pq_sendint8(buf, static_cast<uint8>(i));
			break;
		case 2:
			pq_sendint16(buf, static_cast<uint16>(i));
			break;
		case 4:
			pq_sendint32(buf, i);
			break;
		default:
			elog(ERROR, "unsupported integer size %d", b);
	}
}

void pq_sendfloat4(StringInfo buf, float4 f)
{
	uint32 bits;
	memcpy(&bits, &f, 4);
	pq_sendint32(buf, bits);
}

void pq_sendfloat8(StringInfo buf, float8 f)
{
	uint64 bits;
	memcpy(&bits, &f, 8);
	pq_sendint64(buf, bits);
}

void pq_begintypsend(StringInfo buf)
{
	initStringInfo(buf);
	/* Room for the varlena header, filled in by pq_endtypsend. */
	appendBinaryStringInfoNT(buf, "\0\0\0\0", 4);
}

bytea *pq_endtypsend(StringInfo buf)
{
	auto *result = reinterpret_cast<bytea *>(buf->data);
	SET_VARSIZE(result, buf->len);
	return result;
}

int pq_getmsgbyte(StringInfo msg)
{
	Need(msg, 1);
	return static_cast<unsigned char>(msg->data[msg->cursor++]);
}

unsigned int pq_getmsgint(StringInfo msg, int b)
{
	switch (b)
	{
		case 1:
			return static_cast<unsigned int>(pq_getmsgbyte(msg));
		case 2:
		{
			uint16 n;
			pq_copymsgbytes(msg, reinterpret_cast<char *>(&n), 2);
			return be16toh(n);
		}
		case 4:
		{
			uint32 n;
			pq_copymsgbytes(msg, reinterpret_cast<char *>(&n), 4);
			return be32toh(n);
		}
		default:
			elog(ERROR, "unsupported integer size %d", b);
	}
	return 0;
}

int64 pq_getmsgint64(StringInfo msg)
{
	uint64 n;
	pq_copymsgbytes(msg, reinterpret_cast<char *>(&n), 8);
	return static_cast<int64>(be64toh(n));
}

float4 pq_getmsgfloat4(StringInfo msg)
{
	uint32 bits = pq_getmsgint(msg, 4);
	float4 f;
	memcpy(&f, &bits, 4);
	return f;
}

float8 pq_getmsgfloat8(StringInfo msg)
{
	auto bits = static_cast<uint64>(pq_getmsgint64(msg));
	float8 f;
	memcpy(&f, &bits, 8);
	return f;
}

const char *pq_getmsgbytes(StringInfo msg, int datalen)
{
	Need(msg, datalen);
	const char *result = msg->data + msg->cursor;
	msg->cursor += datalen;
	return result;
}

void pq_copymsgbytes(StringInfo msg, char *buf, int datalen)
{
	Need(msg, datalen);
	memcpy(buf, msg->data + msg->cursor, static_cast<size_t>(datalen));
	msg->cursor += datalen;
}

char *pq_getmsgtext(StringInfo msg, int rawbytes, int *nbytes)
{
	Need(msg, rawbytes);
	char *p = static_cast<char *>(palloc(static_cast<Size>(rawbytes) + 1));
	memcpy(p, msg->data + msg->cursor, static_cast<size_t>(rawbytes));
	p[rawbytes] = '\0';
	msg->cursor += rawbytes;
	*nbytes = rawbytes;
	return p;
}

const char *pq_getmsgstring(StringInfo msg)
{
	return pq_getmsgrawstring(msg);
}

const char *pq_getmsgrawstring(StringInfo msg)
{
	const char *str = msg->data + msg->cursor;
	const void *nul = msg->cursor < msg->len
		? memchr(str, '\0', static_cast<size_t>(msg->len - msg->cursor))
		: nullptr;
	if (nul == nullptr)
		ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION), errmsg("invalid string in message"));
	msg->cursor += static_cast<int>(static_cast<const char *>(nul) - str) + 1;
	return str;
}

void pq_getmsgend(StringInfo msg)
{
	if (msg->cursor != msg->len)
		ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION), errmsg("invalid message format"));
}
