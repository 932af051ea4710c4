/*
 * access/multixact.h — multixact ids: several transactions holding a row
 * at once (PostgreSQL's MultiXactId).
 *
 * A row's xmax holds one transaction id, so when a second transaction
 * locks a row already locked in a compatible mode (two FOR SHARE lockers,
 * a FOR KEY SHARE locker and a non-key updater), xmax becomes a multixact
 * id instead (HEAP_XMAX_IS_MULTI), naming an immutable set of members,
 * each a transaction and the strength it holds the row in.  A multixact
 * has at most one updating member.
 *
 * Width.  Tusk's transaction ids are 64 bits and a multixact id lives in
 * the same 64-bit t_xmax, so multixact ids and member offsets are 64-bit
 * too: they never wrap around, and need no wraparound protection.
 *
 * Storage: two SLRUs under pg_multixact/.  offsets/ holds, per multixact,
 * a 16-byte entry (the offset of its first member and the number of
 * members: PostgreSQL stores only the offset and derives the count from
 * the next multixact's, which has to handle a next one not yet written);
 * members/ holds 16-byte members (64-bit xid, status).  Creation is
 * WAL-logged (XLOG_MULTIXACT_CREATE_ID, and a ZERO_OFF_PAGE/ZERO_MEM_PAGE
 * record for each page it starts) before the SLRU pages change.
 *
 * Principal entry points: MultiXactIdCreateFromMembers,
 * GetMultiXactIdMembers, MultiXactIdSetOldestMember, CheckPointMultiXact,
 * TruncateMultiXact, multixact_redo.  See doc/access/transam/README.md.
 */
#ifndef TUSK_ACCESS_MULTIXACT_H
#define TUSK_ACCESS_MULTIXACT_H

#include "c.h"
#include "access/transam.h"
#include "access/xlogdefs.h"

typedef uint64 MultiXactId;
typedef uint64 MultiXactOffset;

#define InvalidMultiXactId ((MultiXactId) 0)
#define FirstMultiXactId ((MultiXactId) 1)
#define MultiXactIdIsValid(multi) ((multi) != InvalidMultiXactId)

/* How a member holds the row (PostgreSQL's values, stored on disk). */
typedef enum MultiXactStatus
{
	MultiXactStatusForKeyShare = 0x00,
	MultiXactStatusForShare = 0x01,
	MultiXactStatusForNoKeyUpdate = 0x02,
	MultiXactStatusForUpdate = 0x03,
	MultiXactStatusNoKeyUpdate = 0x04, /* an update that keeps the key */
	MultiXactStatusUpdate = 0x05	   /* an update of the key, or a delete */
} MultiXactStatus;

#define ISUPDATE_from_mxstatus(status) ((status) > MultiXactStatusForUpdate)

typedef struct MultiXactMember
{
	FullTransactionId xid;
	MultiXactStatus status;
} MultiXactMember;

/* WAL records of the multixact resource manager (PostgreSQL's info values). */
#define XLOG_MULTIXACT_ZERO_OFF_PAGE 0x00
#define XLOG_MULTIXACT_ZERO_MEM_PAGE 0x10
#define XLOG_MULTIXACT_CREATE_ID 0x20
#define XLOG_MULTIXACT_TRUNCATE_ID 0x30

/* The body of XLOG_MULTIXACT_CREATE_ID: nmembers xl_multixact_member follow. */
typedef struct xl_multixact_create
{
	uint64 mid;	 /* the new multixact */
	uint64 moff; /* its first member's offset */
	uint32 nmembers;
} xl_multixact_create;

typedef struct xl_multixact_member
{
	uint64 xid;
	uint32 status;
} xl_multixact_member;

/* XLOG_MULTIXACT_TRUNCATE_ID: everything before these is gone. */
typedef struct xl_multixact_truncate
{
	uint64 oldestMulti;
	uint64 oldestOffset;
} xl_multixact_truncate;

typedef struct XLogReaderState XLogReaderState;

#ifdef __cplusplus
extern "C" {
#endif

extern Size MultiXactShmemSize(void);
extern void MultiXactShmemInit(void);

/*
 * A new multixact of these members (at least one; at most one updater),
 * WAL-logged and stored before it is returned.  The caller must have
 * called MultiXactIdSetOldestMember in this transaction.
 */
extern MultiXactId MultiXactIdCreateFromMembers(int nmembers, const MultiXactMember *members);
/*
 * The members of multi, palloc'd in CurrentMemoryContext (*members is
 * NULL when there are none): a multixact older than the oldest still kept
 * has none if it only locked (no member can be running), and is an error
 * otherwise; one not yet created is an error.
 */
extern int GetMultiXactIdMembers(MultiXactId multi, MultiXactMember **members, bool onlyLock);
/* Whether any member (but our own transaction's) is still running. */
extern bool MultiXactIdIsRunning(MultiXactId multi, bool isLockOnly);
/* The updating member of multi, or InvalidFullTransactionId. */
extern FullTransactionId MultiXactIdGetUpdateXid(MultiXactId multi);

/*
 * Before a transaction locks, updates or deletes a row (and so may become
 * a member of a multixact someone else creates): multixacts from now on
 * may name it, so older ones may not be truncated while it runs.
 */
extern void MultiXactIdSetOldestMember(void);
/* At transaction end (commit or abort of the top level). */
extern void AtEOXact_MultiXact(void);

/* Where the counters stand, for a checkpoint record. */
extern void MultiXactGetCheckptMulti(MultiXactId *nextMulti, MultiXactOffset *nextOffset,
									 MultiXactId *oldestMulti, MultiXactId *oldestUpdateMulti);
/* At startup, from the checkpoint replay begins at (before redo). */
extern void StartupMultiXact(MultiXactId nextMulti, MultiXactOffset nextOffset,
							 MultiXactId oldestMulti, MultiXactId oldestUpdateMulti);
/* initdb: the directories (the first pages come with the first multixact). */
extern void BootStrapMultiXact(void);
/* Write every dirty page (the checkpoint then syncs them). */
extern void CheckPointMultiXact(void);
/* At a checkpoint: drop the segments no one can need any more. */
extern void TruncateMultiXact(void);

extern void multixact_redo(XLogReaderState *record);
extern const char *multixact_identify(uint8 info);

/* A status's name, as pg_get_multixact_members shows it. */
extern const char *mxstatus_to_string(MultiXactStatus status);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_MULTIXACT_H */
