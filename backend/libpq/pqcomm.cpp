/*
 * pqcomm.cpp — listening sockets and a backend's message I/O.
 * See pqcomm.h for the contract.
 */
#include "postgres.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "common/pidfile.h"
#include "common/string_util.h"
#include "libpq/pqcomm.h"
#include "miscadmin.h"
#include "storage/latch.h"
#include "utils/guc.h"
#include "utils/wait_event.h"

namespace tusk::libpq {

namespace {

std::vector<int> listen_fds;
std::vector<std::string> socket_files; /* Unix socket paths we created */

/* ---- backend connection state ---- */
Port *conn_port = nullptr;
constexpr size_t kRecvBufferSize = 8192;
char recv_buffer[kRecvBufferSize];
size_t recv_start = 0;
size_t recv_end = 0;
std::string send_buffer;
bool connection_broken = false;
bool doing_command_read = false;
/* The timers of the command read under way (SetCommandReadTimeout): a
 * deadline (CLOCK_MONOTONIC ms; 0: not set) and what to call then. */
struct ReadTimer
{
	long deadline_ms = 0;
	void (*expired)() = nullptr;
};
ReadTimer read_timers[kReadTimeoutKinds];

long MonotonicMs()
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec * 1000L + now.tv_nsec / 1000000L;
}

const char *FamilyName(int family)
{
	switch (family)
	{
		case AF_INET:
			return "IPv4";
		case AF_INET6:
			return "IPv6";
		case AF_UNIX:
			return "Unix";
		default:
			return "unrecognized";
	}
}

/* Open one TCP listening socket; logs and returns -1 on failure. */
int ListenOnAddress(const struct addrinfo *ai, const std::string &shown_addr)
{
	const char *family = FamilyName(ai->ai_family);
	int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
	{
		ereport(LOG, errcode_for_socket_access(),
				errmsg("could not create %s socket for address \"%s\": %m", family,
					   shown_addr.c_str()));
		return -1;
	}
	int one = 1;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0)
	{
		ereport(LOG, errcode_for_socket_access(),
				errmsg("%s(%s) failed for %s address \"%s\": %m", "setsockopt", "SO_REUSEADDR",
					   family, shown_addr.c_str()));
		close(fd);
		return -1;
	}
	if (ai->ai_family == AF_INET6 &&
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one) < 0)
	{
		ereport(LOG, errcode_for_socket_access(),
				errmsg("%s(%s) failed for %s address \"%s\": %m", "setsockopt", "IPV6_V6ONLY",
					   family, shown_addr.c_str()));
		close(fd);
		return -1;
	}
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0)
	{
		int save_errno = errno;
		close(fd);
		errno = save_errno;
		ereport(LOG, errcode_for_socket_access(),
				errmsg("could not bind %s address \"%s\": %m", family, shown_addr.c_str()),
				save_errno == EADDRINUSE
					? errhint("Is another postmaster already running on port %d? If not, wait "
							  "a few seconds and retry.",
							  PostPortNumber)
					: 0);
		return -1;
	}
	int backlog = Min(MaxConnections * 2, SOMAXCONN);
	if (listen(fd, backlog) < 0)
	{
		ereport(LOG, errcode_for_socket_access(),
				errmsg("could not listen on %s address \"%s\": %m", family, shown_addr.c_str()));
		close(fd);
		return -1;
	}
	ereport(LOG,
			errmsg("listening on %s address \"%s\", port %d", family, shown_addr.c_str(),
				   PostPortNumber));
	return fd;
}

/* Open the TCP sockets for one listen_addresses entry; returns how many. */
int ListenOnHost(const std::string &host)
{
	struct addrinfo hints = {};
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	std::string port = std::to_string(PostPortNumber);
	struct addrinfo *result = nullptr;
	int rc = getaddrinfo(host == "*" ? nullptr : host.c_str(), port.c_str(), &hints, &result);
	if (rc != 0 || result == nullptr)
	{
		if (host == "*")
			ereport(LOG,
					errmsg("could not translate service \"%s\" to address: %s", port.c_str(),
						   gai_strerror(rc)));
		else
			ereport(LOG,
					errmsg("could not translate host name \"%s\", service \"%s\" to "
						   "address: %s",
						   host.c_str(), port.c_str(), gai_strerror(rc)));
		return 0;
	}
	int opened = 0;
	for (struct addrinfo *ai = result; ai != nullptr; ai = ai->ai_next)
	{
		if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6)
			continue;
		char addr[NI_MAXHOST];
		if (getnameinfo(ai->ai_addr, ai->ai_addrlen, addr, sizeof addr, nullptr, 0,
						NI_NUMERICHOST) != 0)
			snprintf(addr, sizeof addr, "%s", host.c_str());
		int fd = ListenOnAddress(ai, addr);
		if (fd >= 0)
		{
			listen_fds.push_back(fd);
			++opened;
		}
	}
	freeaddrinfo(result);
	return opened;
}

/* Open the Unix socket in one directory; false (after logging) on failure. */
bool ListenOnUnixSocket(const std::string &dir, bool first)
{
	std::string path = dir + "/.s.PGSQL." + std::to_string(PostPortNumber);
	struct sockaddr_un sun = {};
	if (path.size() >= sizeof(sun.sun_path))
	{
		ereport(LOG,
				errmsg("Unix-domain socket path \"%s\" is too long (maximum %d bytes)",
					   path.c_str(), static_cast<int>(sizeof(sun.sun_path) - 1)));
		return false;
	}
	/* The lock file proves no live postmaster owns the socket; only then
	 * is removing a leftover socket file safe. */
	CreateSocketLockFile(path.c_str(), true, dir.c_str());
	unlink(path.c_str());

	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
	{
		ereport(LOG, errcode_for_socket_access(),
				errmsg("could not create %s socket for address \"%s\": %m", "Unix", path.c_str()));
		return false;
	}
	sun.sun_family = AF_UNIX;
	memcpy(sun.sun_path, path.c_str(), path.size() + 1);
	if (bind(fd, reinterpret_cast<struct sockaddr *>(&sun), sizeof sun) < 0)
	{
		int save_errno = errno;
		close(fd);
		errno = save_errno;
		ereport(LOG, errcode_for_socket_access(),
				errmsg("could not bind %s address \"%s\": %m", "Unix", path.c_str()),
				save_errno == EADDRINUSE
					? errhint("Is another postmaster already running on port %d?", PostPortNumber)
					: 0);
		return false;
	}
	socket_files.push_back(path);
	if (Unix_socket_group != nullptr && Unix_socket_group[0] != '\0')
	{
		struct group *gr = getgrnam(Unix_socket_group);
		if (gr == nullptr || chown(path.c_str(), static_cast<uid_t>(-1), gr->gr_gid) < 0)
		{
			ereport(LOG, errcode_for_file_access(),
					errmsg("could not set group of file \"%s\": %m", path.c_str()));
			close(fd);
			return false;
		}
	}
	if (chmod(path.c_str(), static_cast<mode_t>(Unix_socket_permissions)) < 0)
	{
		ereport(LOG, errcode_for_file_access(),
				errmsg("could not set permissions of file \"%s\": %m", path.c_str()));
		close(fd);
		return false;
	}
	if (listen(fd, Min(MaxConnections * 2, SOMAXCONN)) < 0)
	{
		ereport(LOG, errcode_for_socket_access(),
				errmsg("could not listen on %s address \"%s\": %m", "Unix", path.c_str()));
		close(fd);
		return false;
	}
	ereport(LOG, errmsg("listening on Unix socket \"%s\"", path.c_str()));
	listen_fds.push_back(fd);
	if (first)
		AddToDataDirLockFile(common::kPidFileLineSocketDir, dir.c_str());
	return true;
}

/* Fill recv_buffer with at least one more byte; false at EOF/error. */
bool RecvBuffer()
{
	if (recv_start > 0)
	{
		if (recv_start < recv_end)
		{
			memmove(recv_buffer, recv_buffer + recv_start, recv_end - recv_start);
			recv_end -= recv_start;
		}
		else
			recv_end = 0;
		recv_start = 0;
	}
	for (;;)
	{
		if (connection_broken)
			return false;
		ssize_t n = recv(conn_port->sock, recv_buffer + recv_end, kRecvBufferSize - recv_end, 0);
		if (n > 0)
		{
			recv_end += static_cast<size_t>(n);
			return true;
		}
		if (n == 0)
			return false;
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
		{
			/* Sleep until the socket is readable or a signal sets our
			 * latch; an idle backend processes interrupts here. */
			long wait = -1;
			ReadTimer *next = nullptr;
			if (doing_command_read)
				for (ReadTimer &t : read_timers)
					if (t.deadline_ms != 0 &&
						(next == nullptr || t.deadline_ms < next->deadline_ms))
						next = &t;
			if (next != nullptr)
			{
				wait = Max(0L, next->deadline_ms - MonotonicMs());
				if (wait == 0)
				{
					/* Once: cleared before the call, which may not return. */
					void (*expired)() = next->expired;
					*next = ReadTimer{};
					expired();
					continue;
				}
			}
			int rc = WaitLatchOrSocket(MyLatch,
									   WL_LATCH_SET | WL_SOCKET_READABLE | WL_EXIT_ON_PM_DEATH |
										   (wait >= 0 ? WL_TIMEOUT : 0),
									   conn_port->sock, wait, WAIT_EVENT_CLIENT_READ);
			if (rc & WL_LATCH_SET)
			{
				ResetLatch(MyLatch);
				if (doing_command_read)
					CHECK_FOR_INTERRUPTS();
			}
			continue;
		}
		ereport(COMMERROR, errcode_for_socket_access(),
				errmsg("could not receive data from client: %m"));
		connection_broken = true;
		return false;
	}
}

}  // namespace

std::vector<int> CreateListenSockets()
{
	bool first_addr = true;
	bool any_tcp_requested = false;
	int tcp_opened = 0;
	auto hosts = common::SplitList(ListenAddresses ? ListenAddresses : "", false);
	if (!hosts)
		ereport(FATAL, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid list syntax in parameter \"%s\"", "listen_addresses"));
	for (const auto &host : *hosts)
	{
		any_tcp_requested = true;
		int n = ListenOnHost(host);
		tcp_opened += n;
		if (n > 0 && first_addr)
		{
			AddToDataDirLockFile(common::kPidFileLineListenAddr, host.c_str());
			first_addr = false;
		}
	}
	if (any_tcp_requested && tcp_opened == 0)
		ereport(FATAL, errmsg("could not create any TCP/IP sockets"));
	if (first_addr)
		AddToDataDirLockFile(common::kPidFileLineListenAddr, "");

	auto dirs = common::SplitList(Unix_socket_directories ? Unix_socket_directories : "", false);
	if (!dirs)
		ereport(FATAL, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid list syntax in parameter \"%s\"", "unix_socket_directories"));
	int unix_opened = 0;
	for (const auto &dir : *dirs)
		if (ListenOnUnixSocket(dir, unix_opened == 0))
			++unix_opened;
	if (!dirs->empty() && unix_opened == 0)
		ereport(FATAL, errmsg("could not create any Unix-domain sockets"));
	if (unix_opened == 0)
		AddToDataDirLockFile(common::kPidFileLineSocketDir, "");
	if (listen_fds.empty())
		ereport(FATAL, errmsg("no socket created for listening"));
	return listen_fds;
}

void CloseListenSocketsInChild()
{
	for (int fd : listen_fds)
		close(fd);
	listen_fds.clear();
	socket_files.clear();
}

void RemoveSocketFiles()
{
	for (const auto &path : socket_files)
	{
		unlink(path.c_str());
		unlink((path + ".lock").c_str());
	}
	socket_files.clear();
}

bool AcceptConnection(int listen_fd, Port *port)
{
	port->raddr.salen = sizeof(port->raddr.addr);
	int fd = accept4(listen_fd, reinterpret_cast<struct sockaddr *>(&port->raddr.addr),
					 &port->raddr.salen, SOCK_CLOEXEC);
	if (fd < 0)
	{
		if (errno != EINTR && errno != EAGAIN && errno != ECONNABORTED)
			ereport(LOG, errcode_for_socket_access(),
					errmsg("could not accept new connection: %m"));
		return false;
	}
	port->sock = fd;
	port->laddr.salen = sizeof(port->laddr.addr);
	if (getsockname(fd, reinterpret_cast<struct sockaddr *>(&port->laddr.addr),
					&port->laddr.salen) < 0)
	{
		ereport(LOG, errmsg("%s() failed: %m", "getsockname"));
		close(fd);
		return false;
	}
	if (!IS_AF_UNIX(port->laddr.addr.ss_family))
	{
		int one = 1;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
	}
	return true;
}

void InitConnectionIO(Port *port)
{
	conn_port = port;
	recv_start = recv_end = 0;
	send_buffer.clear();
	connection_broken = false;
	int flags = fcntl(port->sock, F_GETFL);
	if (flags < 0 || fcntl(port->sock, F_SETFL, flags | O_NONBLOCK) < 0)
		ereport(FATAL, errmsg("could not set socket to nonblocking mode: %m"));
	port->noblock = true;
}

int GetByte()
{
	if (recv_start >= recv_end && !RecvBuffer())
		return -1;
	return static_cast<unsigned char>(recv_buffer[recv_start++]);
}

bool GetBytes(char *buf, size_t len)
{
	while (len > 0)
	{
		if (recv_start >= recv_end && !RecvBuffer())
			return false;
		size_t n = Min(len, recv_end - recv_start);
		memcpy(buf, recv_buffer + recv_start, n);
		recv_start += n;
		buf += n;
		len -= n;
	}
	return true;
}

bool GetMessageBody(std::string *body, size_t max_len)
{
	uint32_t netlen;
	if (!GetBytes(reinterpret_cast<char *>(&netlen), sizeof netlen))
	{
		ereport(COMMERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
				errmsg("unexpected EOF within message length word"));
		return false;
	}
	uint32_t len = ntohl(netlen);
	if (len < 4 || len - 4 > max_len)
		ereport(FATAL, errcode(ERRCODE_PROTOCOL_VIOLATION), errmsg("invalid message length"));
	/* The body grows as its bytes arrive: a length word alone (say, a
	 * gigabyte's, then EOF) costs no memory. */
	size_t want = len - 4;
	body->clear();
	while (body->size() < want)
	{
		if (recv_start >= recv_end && !RecvBuffer())
		{
			ereport(COMMERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
					errmsg("incomplete message from client"));
			return false;
		}
		size_t n = Min(want - body->size(), recv_end - recv_start);
		body->append(recv_buffer + recv_start, n);
		recv_start += n;
	}
	return true;
}

bool InputPending()
{
	return recv_start < recv_end;
}

void SetDoingCommandRead(bool value)
{
	doing_command_read = value;
	/* The timers are the read's: a command has come. */
	if (!value)
		for (ReadTimer &t : read_timers)
			t = ReadTimer{};
}

bool DoingCommandRead()
{
	return doing_command_read;
}

void SetCommandReadTimeout(ReadTimeout which, long ms, void (*expired)())
{
	read_timers[static_cast<int>(which)] = ms > 0 ? ReadTimer{MonotonicMs() + ms, expired}
												  : ReadTimer{};
}

bool PutBytes(const void *data, size_t len)
{
	if (connection_broken)
		return false;
	send_buffer.append(static_cast<const char *>(data), len);
	return true;
}

bool PutMessage(char type, const std::string &body)
{
	uint32_t netlen = htonl(static_cast<uint32_t>(body.size() + 4));
	return PutBytes(&type, 1) && PutBytes(&netlen, sizeof netlen) &&
		PutBytes(body.data(), body.size());
}

bool Flush()
{
	size_t sent = 0;
	while (sent < send_buffer.size() && !connection_broken)
	{
		ssize_t n = send(conn_port->sock, send_buffer.data() + sent, send_buffer.size() - sent,
						 MSG_NOSIGNAL);
		if (n > 0)
		{
			sent += static_cast<size_t>(n);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		{
			WaitLatchOrSocket(nullptr, WL_SOCKET_WRITEABLE | WL_EXIT_ON_PM_DEATH, conn_port->sock,
							  -1, WAIT_EVENT_CLIENT_WRITE);
			continue;
		}
		/* Report once, to the log only: the client is gone. */
		ereport(COMMERROR, errcode_for_socket_access(),
				errmsg("could not send data to client: %m"));
		connection_broken = true;
	}
	send_buffer.clear();
	return !connection_broken;
}

MessageBuilder &MessageBuilder::Int32(int32_t v)
{
	uint32_t n = htonl(static_cast<uint32_t>(v));
	body_.append(reinterpret_cast<const char *>(&n), sizeof n);
	return *this;
}

MessageBuilder &MessageBuilder::Int16(int16_t v)
{
	uint16_t n = htons(static_cast<uint16_t>(v));
	body_.append(reinterpret_cast<const char *>(&n), sizeof n);
	return *this;
}

MessageBuilder &MessageBuilder::Byte(char c)
{
	body_.push_back(c);
	return *this;
}

MessageBuilder &MessageBuilder::String(const std::string &s)
{
	body_.append(s.c_str(), strlen(s.c_str()));
	body_.push_back('\0');
	return *this;
}

MessageBuilder &MessageBuilder::Bytes(const void *data, size_t len)
{
	body_.append(static_cast<const char *>(data), len);
	return *this;
}

void MessageReader::Need(size_t n)
{
	if (body_.size() - pos_ < n)
		ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
				errmsg("insufficient data left in message"));
}

int32_t MessageReader::Int32()
{
	Need(4);
	uint32_t n;
	memcpy(&n, body_.data() + pos_, 4);
	pos_ += 4;
	return static_cast<int32_t>(ntohl(n));
}

int16_t MessageReader::Int16()
{
	Need(2);
	uint16_t n;
	memcpy(&n, body_.data() + pos_, 2);
	pos_ += 2;
	return static_cast<int16_t>(ntohs(n));
}

std::string MessageReader::Bytes(int32_t len)
{
	if (len < 0)
		ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
				errmsg("insufficient data left in message"));
	Need(static_cast<size_t>(len));
	std::string out = body_.substr(pos_, static_cast<size_t>(len));
	pos_ += static_cast<size_t>(len);
	return out;
}

char MessageReader::Byte()
{
	Need(1);
	return body_[pos_++];
}

std::string MessageReader::String()
{
	size_t nul = body_.find('\0', pos_);
	if (nul == std::string::npos)
		ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION), errmsg("invalid string in message"));
	std::string s = body_.substr(pos_, nul - pos_);
	pos_ = nul + 1;
	return s;
}

void MessageReader::End()
{
	if (pos_ != body_.size())
		ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION), errmsg("invalid message format"));
}

}  // namespace tusk::libpq
