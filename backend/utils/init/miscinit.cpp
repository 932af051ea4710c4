/*
 * miscinit.cpp — data directory handling and process identity.
 *
 * Principal entry points: SetDataDir, ChangeToDataDir, checkDataDir,
 * GetBackendTypeDesc, and the lock files: CreateDataDirLockFile,
 * CreateSocketLockFile, AddToDataDirLockFile, RecheckDataDirLockFile.
 */
#include "postgres.h"

#include <fcntl.h>
#include <stdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#include "common/paths.h"
#include "common/pidfile.h"
#include "miscadmin.h"
#include "storage/ipc.h"
#include "storage/ipc/ipci.h"
#include "tusk_config.h"

extern "C" {

const char *GetBackendTypeDesc(BackendType backendType)
{
	switch (backendType)
	{
		case B_INVALID:
			return "not initialized";
		case B_BACKEND:
			return "client backend";
		case B_BG_WORKER:
			return "background worker";
		case B_CHECKPOINTER:
			return "checkpointer";
		case B_STARTUP:
			return "startup";
		case B_POSTMASTER:
			return "postmaster";
		case B_STANDALONE:
			return "standalone backend";
	}
	return "unknown process type";
}

void SetDataDir(const char *dir)
{
	std::string abs = tusk::common::MakeAbsolutePath(dir);
	free(DataDir);
	DataDir = strdup(abs.c_str());
}

void ChangeToDataDir(void)
{
	if (chdir(DataDir) < 0)
		ereport(FATAL, errcode_for_file_access(),
				errmsg("could not change directory to \"%s\": %m", DataDir));
}

}  // extern "C"

/* ---------------------------------------------------------------------
 * Lock files
 *
 * postmaster.pid in the data directory, and <socket>.lock beside each Unix
 * socket, have the same format (common/pidfile.h).  Creation is exclusive
 * (O_EXCL); an existing file is taken over only if the process it names is
 * gone, so two postmasters can never share a data directory or a socket.
 * The postmaster removes its lock files on exit (an on_proc_exit callback;
 * children forget it when they reset their exit lists after fork).
 * --------------------------------------------------------------------- */

namespace {

std::vector<std::string> lock_files; /* created by this process */

void UnlinkLockFiles(int, Datum)
{
	for (const auto &f : lock_files)
		unlink(f.c_str());
	lock_files.clear();
}

/* The numeric PID in an existing lock file, or 0 if unreadable. */
long ReadLockFilePid(const std::string &path, std::string *contents)
{
	int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
	if (fd < 0)
	{
		if (errno == ENOENT)
			return 0;
		ereport(FATAL, errcode_for_file_access(),
				errmsg("could not open lock file \"%s\": %m", path.c_str()));
	}
	char buf[MAXPGPATH * 2];
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	int save_errno = errno;
	close(fd);
	if (n < 0)
	{
		errno = save_errno;
		ereport(FATAL, errcode_for_file_access(),
				errmsg("could not read lock file \"%s\": %m", path.c_str()));
	}
	buf[n] = '\0';
	contents->assign(buf);
	if (n == 0)
		ereport(FATAL, errcode(ERRCODE_LOCK_FILE_EXISTS),
				errmsg("lock file \"%s\" is empty", path.c_str()),
				errhint("Either another server is starting, or the lock file is the remnant of a "
						"previous server startup crash."));
	long pid = strtol(buf, nullptr, 10);
	if (pid == 0)
		ereport(FATAL, errmsg("bogus data in lock file \"%s\": \"%s\"", path.c_str(), buf));
	return pid;
}

void CreateLockFile(const char *filename, bool amPostmaster, const char *socketDir, bool isDDLock,
					const char *refName)
{
	std::string path = filename;
	int fd = -1;
	/* A few tries: another process may create or remove the file between
	 * our open(O_EXCL) and our check of its owner. */
	for (int ntries = 0;; ntries++)
	{
		fd = open(filename, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0)
			break;
		if ((errno != EEXIST && errno != EACCES) || ntries > 100)
			ereport(FATAL, errcode_for_file_access(),
					errmsg("could not create lock file \"%s\": %m", filename));
		std::string contents;
		long other_pid = ReadLockFilePid(path, &contents);
		if (other_pid == 0)
			continue; /* vanished meanwhile */
		bool is_postmaster = other_pid > 0;
		if (other_pid < 0)
			other_pid = -other_pid;
		/* Our own pid or our parent's can appear after a container restart
		 * or a pid wraparound; such a file cannot belong to a live rival. */
		if (other_pid != MyProcPid && other_pid != getppid() &&
			(kill(static_cast<pid_t>(other_pid), 0) == 0 || errno != ESRCH))
		{
			if (isDDLock)
				ereport(FATAL, errcode(ERRCODE_LOCK_FILE_EXISTS),
						errmsg("lock file \"%s\" already exists", filename),
						is_postmaster ? errhint("Is another postmaster (PID %d) running in data "
												"directory \"%s\"?",
												static_cast<int>(other_pid), refName)
									  : errhint("Is another postgres (PID %d) running in data "
												"directory \"%s\"?",
												static_cast<int>(other_pid), refName));
			else
				ereport(FATAL, errcode(ERRCODE_LOCK_FILE_EXISTS),
						errmsg("lock file \"%s\" already exists", filename),
						is_postmaster
							? errhint("Is another postmaster (PID %d) using socket file \"%s\"?",
									  static_cast<int>(other_pid), refName)
							: errhint("Is another postgres (PID %d) using socket file \"%s\"?",
									  static_cast<int>(other_pid), refName));
		}
		/* The old postmaster is gone; are its children? */
		if (isDDLock)
		{
			auto lines = tusk::common::ReadPidFileLines(path);
			unsigned long key = 0;
			unsigned long id = 0;
			std::string keyline = lines
				? tusk::common::PidFileField(*lines, tusk::common::kPidFileLineShmemKey)
				: "";
			if (sscanf(keyline.c_str(), "%lu %lu", &key, &id) == 2 && (key != 0 || id != 0) &&
				tusk::storage::ShmemInterlockInUse(key, id))
				ereport(FATAL, errcode(ERRCODE_LOCK_FILE_EXISTS),
						errmsg("pre-existing shared memory block (key %lu, ID %lu) is still in use",
							   key, id),
						errhint("Terminate any old server processes associated with data "
								"directory \"%s\".",
								refName));
		}
		if (unlink(filename) < 0)
			ereport(FATAL, errcode_for_file_access(),
					errmsg("could not remove old lock file \"%s\": %m", filename),
					errhint("The file seems accidentally left over, but it could not be removed. "
							"Please remove the file by hand and try again."));
	}

	char buf[MAXPGPATH * 2 + 256];
	snprintf(buf, sizeof buf, "%d\n%s\n%ld\n%d\n%s\n", amPostmaster ? MyProcPid : -MyProcPid,
			 DataDir, static_cast<long>(MyStartTime), PostPortNumber, socketDir);
	size_t len = strlen(buf);
	if (write(fd, buf, len) != static_cast<ssize_t>(len) || fsync(fd) != 0)
	{
		int save_errno = errno;
		close(fd);
		unlink(filename);
		errno = save_errno ? save_errno : ENOSPC;
		ereport(FATAL, errcode_for_file_access(),
				errmsg("could not write lock file \"%s\": %m", filename));
	}
	close(fd);
	if (lock_files.empty())
		on_proc_exit(UnlinkLockFiles, 0);
	lock_files.push_back(filename);
}

}  // namespace

extern "C" {

void CreateDataDirLockFile(bool amPostmaster)
{
	CreateLockFile(tusk::common::kPidFileName, amPostmaster, "", true, DataDir);
}

void CreateSocketLockFile(const char *socketfile, bool amPostmaster, const char *socketDir)
{
	std::string lockfile = std::string(socketfile) + ".lock";
	CreateLockFile(lockfile.c_str(), amPostmaster, socketDir, false, socketfile);
}

void TouchSocketLockFiles(void)
{
	for (size_t i = 1; i < lock_files.size(); i++)
		utimes(lock_files[i].c_str(), nullptr);
}

void AddToDataDirLockFile(int target_line, const char *str)
{
	const char *path = tusk::common::kPidFileName;
	auto lines = tusk::common::ReadPidFileLines(path);
	if (!lines)
	{
		ereport(LOG, errcode_for_file_access(), errmsg("could not open file \"%s\": %m", path));
		return;
	}
	while (static_cast<int>(lines->size()) < target_line)
		lines->push_back("");
	(*lines)[static_cast<size_t>(target_line - 1)] = str;
	std::string out;
	for (const auto &l : *lines)
		out += l + "\n";
	/* Rewrite in place (not rename): pg_ctl may be reading it. */
	int fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0 || pwrite(fd, out.data(), out.size(), 0) != static_cast<ssize_t>(out.size()) ||
		ftruncate(fd, static_cast<off_t>(out.size())) != 0 || fsync(fd) != 0)
	{
		int save_errno = errno;
		if (fd >= 0)
			close(fd);
		errno = save_errno;
		ereport(LOG, errcode_for_file_access(), errmsg("could not write to file \"%s\": %m", path));
		return;
	}
	close(fd);
}

bool RecheckDataDirLockFile(void)
{
	auto lines = tusk::common::ReadPidFileLines(tusk::common::kPidFileName);
	if (!lines)
	{
		/* Unreadable for a transient reason: give it the benefit of the doubt. */
		return errno != ENOENT;
	}
	std::string pid = tusk::common::PidFileField(*lines, tusk::common::kPidFileLinePid);
	if (strtol(pid.c_str(), nullptr, 10) != MyProcPid)
	{
		ereport(LOG,
				errmsg("lock file \"%s\" contains wrong PID: %ld instead of %ld",
					   tusk::common::kPidFileName, strtol(pid.c_str(), nullptr, 10),
					   static_cast<long>(MyProcPid)));
		return false;
	}
	return true;
}

void checkDataDir(void)
{
	struct stat st;
	if (stat(DataDir, &st) != 0)
	{
		if (errno == ENOENT)
			ereport(FATAL, errcode_for_file_access(),
					errmsg("data directory \"%s\" does not exist", DataDir));
		ereport(FATAL, errcode_for_file_access(),
				errmsg("could not read permissions of directory \"%s\": %m", DataDir));
	}
	if (!S_ISDIR(st.st_mode))
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("specified data directory \"%s\" is not a directory", DataDir));
	if (st.st_uid != geteuid())
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("data directory \"%s\" has wrong ownership", DataDir),
				errhint("The server must be started by the user that owns the data directory."));
	if (st.st_mode & (S_IWGRP | S_IRWXO))
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("data directory \"%s\" has invalid permissions", DataDir),
				errdetail("Permissions should be u=rwx (0700) or u=rwx,g=rx (0750)."));

	std::string version_file = std::string(DataDir) + "/PG_VERSION";
	std::ifstream in(version_file);
	if (!in)
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("\"%s\" is not a valid data directory", DataDir),
				errdetail("File \"%s\" is missing.", version_file.c_str()));
	std::string version;
	std::getline(in, version);
	if (version != PG_MAJORVERSION)
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("database files are incompatible with server"),
				errdetail("The data directory was initialized by PostgreSQL version %s, which is "
						  "not compatible with this version %s.",
						  version.c_str(), PG_VERSION));
}

}  // extern "C"
