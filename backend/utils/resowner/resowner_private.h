/*
 * resowner_private.h — the resource kinds owners track, for the
 * subsystems that own those resources (backend only; see
 * utils/resowner.h).
 *
 * Buffer pins (bufmgr.cpp): Enlarge before taking the pin, so that
 * Remember, after it, cannot fail; Forget when the pin goes.  A NULL
 * owner tracks nothing.
 */
#ifndef TUSK_BACKEND_UTILS_RESOWNER_RESOWNER_PRIVATE_H
#define TUSK_BACKEND_UTILS_RESOWNER_RESOWNER_PRIVATE_H

#include "postgres.h"

#include "storage/buf.h"
#include "utils/resowner.h"

void ResourceOwnerEnlargeBuffers(ResourceOwner owner);
void ResourceOwnerRememberBuffer(ResourceOwner owner, Buffer buffer);
/* ERROR if owner does not hold a pin on buffer. */
void ResourceOwnerForgetBuffer(ResourceOwner owner, Buffer buffer);

namespace tusk::resowner {

/* Every owner forgets every pin, without releasing any: the buffer
 * manager has let go of all of them (ReleaseAllBufferPins) or a new
 * process starts with none. */
void ForgetAllBuffers();

}  // namespace tusk::resowner

#endif	// TUSK_BACKEND_UTILS_RESOWNER_RESOWNER_PRIVATE_H
