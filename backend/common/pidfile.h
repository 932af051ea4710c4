/*
 * common/pidfile.h — the postmaster.pid format, shared by the server
 * (which writes it) and pg_ctl (which reads it).
 *
 * The file has PostgreSQL's line layout, one value per line:
 *
 *   1 postmaster PID          5 first unix_socket_directories entry
 *   2 data directory          6 first listen_addresses entry
 *   3 start time (epoch s)    7 shared-memory key and id
 *   4 port                    8 status: "starting", "stopping", "ready   ",
 *                               "standby " (each padded to 8 characters)
 *
 * Lines 1–7 are written at start; line 8 is appended once the postmaster
 * listens and is later overwritten in place as the status changes.  A
 * reader must accept a file with fewer lines (a postmaster still starting).
 * See doc/formats/postmaster_pid.md.
 */
#ifndef TUSK_COMMON_PIDFILE_H
#define TUSK_COMMON_PIDFILE_H

#include <optional>
#include <string>
#include <vector>

namespace tusk::common {

/* 1-based line numbers, PostgreSQL's LOCK_FILE_LINE_* values. */
enum PidFileLine : int
{
	kPidFileLinePid = 1,
	kPidFileLineDataDir = 2,
	kPidFileLineStartTime = 3,
	kPidFileLinePort = 4,
	kPidFileLineSocketDir = 5,
	kPidFileLineListenAddr = 6,
	kPidFileLineShmemKey = 7,
	kPidFileLinePmStatus = 8,
};

inline constexpr const char *kPmStatusStarting = "starting";
inline constexpr const char *kPmStatusStopping = "stopping";
inline constexpr const char *kPmStatusReady = "ready   ";
inline constexpr const char *kPmStatusStandby = "standby ";

inline constexpr const char *kPidFileName = "postmaster.pid";

/* The file's lines without their newlines; nullopt if it cannot be read
 * (errno is left set). */
std::optional<std::vector<std::string>> ReadPidFileLines(const std::string &path);

/* The value of one line, or "" when the file is shorter. */
std::string PidFileField(const std::vector<std::string> &lines, PidFileLine line);

}  // namespace tusk::common

#endif	// TUSK_COMMON_PIDFILE_H
