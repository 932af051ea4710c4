/*
 * sync_handlers.h — how each kind of file named by a FileTag is synced.
 *
 * Each returns 0 when the file reached disk, or -1 with errno set (ENOENT
 * when the file no longer exists); *path names the file, for messages.
 */
#ifndef TUSK_BACKEND_STORAGE_SYNC_SYNC_HANDLERS_H
#define TUSK_BACKEND_STORAGE_SYNC_SYNC_HANDLERS_H

#include <string>

#include "storage/sync.h"

int mdsyncfiletag(const FileTag &tag, std::string *path);
int clogsyncfiletag(const FileTag &tag, std::string *path);
int multixactoffsetssyncfiletag(const FileTag &tag, std::string *path);
int multixactmemberssyncfiletag(const FileTag &tag, std::string *path);

#endif	// TUSK_BACKEND_STORAGE_SYNC_SYNC_HANDLERS_H
