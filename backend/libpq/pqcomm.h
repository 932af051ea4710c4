/*
 * pqcomm.h — the server side of the wire: listening sockets (postmaster)
 * and a backend's buffered, interruptible message I/O.
 *
 * Listening: CreateListenSockets() opens the TCP sockets of
 * listen_addresses and the Unix sockets (with their .lock files) of
 * unix_socket_directories, logging PostgreSQL's "listening on ..." lines.
 * Children close them at once (CloseListenSocketsInChild).
 *
 * Backend I/O: one connection per process.  Reads go through a buffer;
 * while waiting for data the process sleeps in WaitLatchOrSocket, so a
 * signal (which sets the latch) interrupts the wait and pending interrupts
 * are processed (see tcop/postgres.cpp).  Writes are buffered until
 * Flush().  A closed or broken connection is reported as EOF/failure to
 * the caller, never as an ERROR thrown from deep inside.
 *
 * Message formats: doc/libpq/README.md (PostgreSQL's protocol 3.0).
 */
#ifndef TUSK_BACKEND_LIBPQ_PQCOMM_H
#define TUSK_BACKEND_LIBPQ_PQCOMM_H

#include <cstdint>
#include <string>
#include <vector>

#include "libpq/libpq-be.h"

namespace tusk::libpq {

/* Protocol constants (PostgreSQL's pqcomm.h values). */
constexpr uint32_t MakeProtocol(uint32_t major, uint32_t minor)
{
	return (major << 16) | minor;
}
constexpr uint32_t ProtocolMajor(uint32_t v)
{
	return v >> 16;
}
constexpr uint32_t ProtocolMinor(uint32_t v)
{
	return v & 0xffff;
}
inline constexpr uint32_t kProtocolLatest = MakeProtocol(3, 0);
inline constexpr uint32_t kCancelRequestCode = MakeProtocol(1234, 5678);
inline constexpr uint32_t kNegotiateSslCode = MakeProtocol(1234, 5679);
inline constexpr uint32_t kNegotiateGssCode = MakeProtocol(1234, 5680);
inline constexpr size_t kMaxStartupPacketLength = 10000;
/* Longest ordinary message accepted before the frontend is authenticated,
 * and after (PostgreSQL: PQ_SMALL_MESSAGE_LIMIT, PQ_LARGE_MESSAGE_LIMIT). */
inline constexpr size_t kSmallMessageLimit = 10000;
inline constexpr size_t kLargeMessageLimit = 1024 * 1024 * 1024 - 1;

/* ---- postmaster side ---- */

/* Open every listening socket; FATAL if none could be opened.  Also
 * records the first socket directory and listen address in
 * postmaster.pid.  Returns the descriptors. */
std::vector<int> CreateListenSockets();
/* In a freshly forked child: close the postmaster's listening sockets. */
void CloseListenSocketsInChild();
/* Remove the Unix socket files and their lock files (postmaster exit). */
void RemoveSocketFiles();
/* accept() on a listening socket and fill the Port's socket and
 * addresses; false (after logging) if accept failed. */
bool AcceptConnection(int listen_fd, Port *port);

/* ---- backend side ---- */

void InitConnectionIO(Port *port);

/* Next byte, or -1 at EOF / connection error. */
int GetByte();
/* Exactly len bytes; false at EOF. */
bool GetBytes(char *buf, size_t len);
/* Reads the length word and body of a message whose type byte was already
 * read; the body (without the length word) goes to *body.  Returns false
 * at EOF.  A length beyond max_len or below 4 raises FATAL (08P01). */
bool GetMessageBody(std::string *body, size_t max_len);
/* True if bytes are already buffered (used to decide when to flush). */
bool InputPending();

/* Queue raw bytes / a whole message; Flush() writes them out.  Both
 * return false if the connection is broken (the caller ends the session). */
bool PutBytes(const void *data, size_t len);
bool PutMessage(char type, const std::string &body);
bool Flush();

/* The backend is in the idle wait for a new command: interrupts such as
 * SIGTERM must be processed while blocked reading (PostgreSQL's
 * DoingCommandRead). */
void SetDoingCommandRead(bool value);
bool DoingCommandRead();
/* Timers on the wait for the next command (PostgreSQL's idle-time
 * timeouts): if no command has come within ms, expired is called once —
 * the idle timeouts' end the session (FATAL), the statistics flush returns
 * and the wait goes on.  ms <= 0 clears one; all are cleared when the read
 * ends (SetDoingCommandRead(false)). */
enum class ReadTimeout
{
	Idle,		/* idle_session_timeout / idle_in_transaction_session_timeout */
	StatsFlush, /* pending statistics go to shared memory */
};
constexpr int kReadTimeoutKinds = 2;
void SetCommandReadTimeout(ReadTimeout which, long ms, void (*expired)());

/* Builds a message body with network byte order integers. */
class MessageBuilder
{
  public:
	explicit MessageBuilder(char type) : type_(type) {}
	MessageBuilder &Int32(int32_t v);
	MessageBuilder &Int16(int16_t v);
	MessageBuilder &Byte(char c);
	MessageBuilder &String(const std::string &s); /* with terminating NUL */
	MessageBuilder &Bytes(const void *data, size_t len);
	bool Send() const { return PutMessage(type_, body_); }
	const std::string &body() const { return body_; }

  private:
	char type_;
	std::string body_;
};

/* Reads fields from a message body; a malformed message raises
 * ERROR (08P01) "invalid message format" as PostgreSQL does. */
class MessageReader
{
  public:
	explicit MessageReader(const std::string &body) : body_(body) {}
	int32_t Int32();
	int16_t Int16();
	char Byte();
	/* len bytes; a negative len, like one past the end, is "insufficient
	 * data left in message" (checked before anything is allocated) */
	std::string Bytes(int32_t len);
	std::string String();
	bool AtEnd() const { return pos_ == body_.size(); }
	void End(); /* ERROR unless the whole body was consumed */

  private:
	void Need(size_t n);
	const std::string &body_;
	size_t pos_ = 0;
};

}  // namespace tusk::libpq

#endif	// TUSK_BACKEND_LIBPQ_PQCOMM_H
