/*
 * libpq/pqformat.h — building and reading protocol messages and binary
 * values in network byte order (PostgreSQL's pqformat.h API).
 *
 * Sending: pq_beginmessage(buf, type), pq_send*(buf, …), pq_endmessage
 * queues the message for the client.  A type's send function builds its
 * value with pq_begintypsend / pq_send* / pq_endtypsend (a bytea).
 * Reading: pq_getmsg*(buf) take fields from buf->cursor on; reading past
 * the end is ERROR 08P01 "insufficient data left in message".  A type's
 * receive function reads its value this way from the StringInfo it is
 * given, and Bind checks that it consumed every byte.
 *
 * Tusk speaks UTF-8 to every client, so the text functions copy bytes
 * without conversion.
 */
#ifndef TUSK_LIBPQ_PQFORMAT_H
#define TUSK_LIBPQ_PQFORMAT_H

#include "lib/stringinfo.h"

#ifdef __cplusplus
extern "C" {
#endif

extern void pq_beginmessage(StringInfo buf, char msgtype);
extern void pq_beginmessage_reuse(StringInfo buf, char msgtype);
extern void pq_endmessage(StringInfo buf);
extern void pq_endmessage_reuse(StringInfo buf);

extern void pq_sendbyte(StringInfo buf, uint8 byt);
extern void pq_sendbytes(StringInfo buf, const void *data, int datalen);
/* Text preceded by its length as an int32 (a DataRow field). */
extern void pq_sendcountedtext(StringInfo buf, const char *str, int slen, bool countincludesself);
/* Text without terminator or length (a type's binary form of text). */
extern void pq_sendtext(StringInfo buf, const char *str, int slen);
/* A NUL-terminated string. */
extern void pq_sendstring(StringInfo buf, const char *str);
extern void pq_send_ascii_string(StringInfo buf, const char *str);
extern void pq_sendint8(StringInfo buf, uint8 i);
extern void pq_sendint16(StringInfo buf, uint16 i);
extern void pq_sendint32(StringInfo buf, uint32 i);
extern void pq_sendint64(StringInfo buf, uint64 i);
extern void pq_sendfloat4(StringInfo buf, float4 f);
extern void pq_sendfloat8(StringInfo buf, float8 f);
/* Older spelling: b is 1, 2 or 4 bytes. */
extern void pq_sendint(StringInfo buf, uint32 i, int b);

/* A type's binary value: a bytea built in buf. */
extern void pq_begintypsend(StringInfo buf);
extern bytea *pq_endtypsend(StringInfo buf);

extern int pq_getmsgbyte(StringInfo msg);
/* b is 1, 2 or 4: an unsigned value of that size. */
extern unsigned int pq_getmsgint(StringInfo msg, int b);
extern int64 pq_getmsgint64(StringInfo msg);
extern float4 pq_getmsgfloat4(StringInfo msg);
extern float8 pq_getmsgfloat8(StringInfo msg);
/* A pointer into msg (no copy) to the next datalen bytes. */
extern const char *pq_getmsgbytes(StringInfo msg, int datalen);
extern void pq_copymsgbytes(StringInfo msg, char *buf, int datalen);
/* The next rawbytes bytes as a palloc'd NUL-terminated string. */
extern char *pq_getmsgtext(StringInfo msg, int rawbytes, int *nbytes);
/* A NUL-terminated string (pointer into msg). */
extern const char *pq_getmsgstring(StringInfo msg);
extern const char *pq_getmsgrawstring(StringInfo msg);
/* ERROR 08P01 "invalid message format" unless msg was read to its end. */
extern void pq_getmsgend(StringInfo msg);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_LIBPQ_PQFORMAT_H */
