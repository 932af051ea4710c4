/*
 * sync.cpp — the table of files to fsync at the next checkpoint (see
 * storage/sync.h).
 *
 * Principal entry points: RegisterSyncRequest, RememberSyncRequest,
 * ProcessSyncRequests.
 *
 * Each syncing process (the checkpointer, the startup process, a
 * standalone process) keeps its own table, keyed by FileTag.  A forget
 * request does not remove an entry but marks it cancelled, so that a
 * request arriving later for a re-created file revives it.  A checkpoint
 * syncs the entries present when it starts and removes each one as soon
 * as its file is on disk; if the checkpoint fails part way, the rest stay
 * for the next one.
 */
#include "postgres.h"

#include <errno.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "miscadmin.h"
#include "postmaster/bgwriter.h"
#include "storage/latch.h"
#include "storage/sync.h"
#include "storage/sync/sync_handlers.h"
#include "utils/errcodes.h"
#include "utils/wait_event.h"

namespace {

struct TagLess
{
	bool operator()(const FileTag &a, const FileTag &b) const
	{
		return std::tie(a.handler, a.forknum, a.rnode.spcNode, a.rnode.dbNode, a.rnode.relNode,
						a.segno) < std::tie(b.handler, b.forknum, b.rnode.spcNode, b.rnode.dbNode,
											b.rnode.relNode, b.segno);
	}
};

struct PendingEntry
{
	bool canceled = false;
};

std::map<FileTag, PendingEntry, TagLess> &Pending()
{
	static std::map<FileTag, PendingEntry, TagLess> pending;
	return pending;
}

int SyncFileTag(const FileTag &tag, std::string *path)
{
	switch (static_cast<SyncRequestHandler>(tag.handler))
	{
		case SYNC_HANDLER_MD:
			return mdsyncfiletag(tag, path);
		case SYNC_HANDLER_CLOG:
			return clogsyncfiletag(tag, path);
		case SYNC_HANDLER_MULTIXACT_OFFSET:
			return multixactoffsetssyncfiletag(tag, path);
		case SYNC_HANDLER_MULTIXACT_MEMBER:
			return multixactmemberssyncfiletag(tag, path);
		case SYNC_HANDLER_NONE:
			break;
	}
	elog(ERROR, "unrecognized sync request handler %d", tag.handler);
	return -1;
}

/* Processes that write checkpoints themselves keep their own requests. */
bool SyncRequestsStayLocal()
{
	return !IsUnderPostmaster || MyBackendType == B_CHECKPOINTER || MyBackendType == B_STARTUP;
}

}  // namespace

void RememberSyncRequest(const FileTag *ftag, SyncRequestType type)
{
	auto &pending = Pending();
	switch (type)
	{
		case SYNC_REQUEST:
			pending[*ftag].canceled = false;
			break;
		case SYNC_FORGET_REQUEST:
			if (auto it = pending.find(*ftag); it != pending.end())
				it->second.canceled = true;
			break;
		case SYNC_FILTER_REQUEST:
			for (auto &[tag, entry] : pending)
				if (tag.handler == SYNC_HANDLER_MD && tag.rnode.dbNode == ftag->rnode.dbNode)
					entry.canceled = true;
			break;
	}
}

bool RegisterSyncRequest(const FileTag *ftag, SyncRequestType type, bool retryOnError)
{
	if (SyncRequestsStayLocal())
	{
		RememberSyncRequest(ftag, type);
		return true;
	}
	for (;;)
	{
		if (ForwardSyncRequest(ftag, type))
			return true;
		if (!retryOnError)
			return false;
		/* The checkpointer will make room soon. */
		(void) WaitLatch(MyLatch, WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 10,
						 WAIT_EVENT_REGISTER_SYNC_REQUEST);
	}
}

int ProcessSyncRequests(void)
{
	AbsorbSyncRequests();
	auto &pending = Pending();
	std::vector<FileTag> todo;
	todo.reserve(pending.size());
	for (const auto &[tag, entry] : pending)
		todo.push_back(tag);

	int synced = 0;
	for (const FileTag &tag : todo)
	{
		auto it = pending.find(tag);
		if (it == pending.end())
			continue;
		if (!it->second.canceled && enableFsync)
		{
			for (int failures = 0;; failures++)
			{
				std::string path;
				if (SyncFileTag(tag, &path) == 0)
				{
					synced++;
					break;
				}
				int save_errno = errno;
				/* A file may vanish between its last write and now if its
				 * forget request is still in the queue: look once more. */
				if (save_errno != ENOENT || failures > 0)
				{
					errno = save_errno;
					ereport(PANIC, errcode_for_file_access(),
							errmsg("could not fsync file \"%s\": %m", path.c_str()));
				}
				ereport(DEBUG1,
						errmsg_internal("retrying fsync of file \"%s\" after failure",
										path.c_str()));
				AbsorbSyncRequests();
				if (it->second.canceled)
					break;
			}
		}
		pending.erase(it);
	}
	return synced;
}
