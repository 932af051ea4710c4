/*
 * access/rmgr.h — resource managers: who replays which WAL records.
 *
 * Every record names its resource manager; recovery calls that manager's
 * redo function for it.  Built-in ids are PostgreSQL's; ids from
 * RM_MIN_CUSTOM_ID on belong to modules, which register them from
 * _PG_init during shared_preload_libraries (PostgreSQL 15's custom
 * resource managers).
 */
#ifndef TUSK_ACCESS_RMGR_H
#define TUSK_ACCESS_RMGR_H

#include "c.h"
#include "access/xlogdefs.h"

typedef struct XLogReaderState XLogReaderState;

typedef struct RmgrData
{
	const char *rm_name;
	void (*rm_redo)(XLogReaderState *record);
	const char *(*rm_identify)(uint8 info);
	void (*rm_startup)(void);
	void (*rm_cleanup)(void);
} RmgrData;

typedef enum RmgrIds
{
	RM_XLOG_ID = 0,
	RM_XACT_ID = 1,
	RM_SMGR_ID = 2,
	RM_CLOG_ID = 3,
	RM_DBASE_ID = 4,
	RM_MULTIXACT_ID = 6,
	RM_HEAP2_ID = 9,
	RM_HEAP_ID = 10,
	RM_BTREE_ID = 11,
	RM_SEQ_ID = 15
} RmgrIds;

#define RM_MAX_BUILTIN_ID 21
#define RM_MIN_CUSTOM_ID 128
#define RM_MAX_CUSTOM_ID 255
#define RM_MAX_ID 255
#define RM_EXPERIMENTAL_ID 128 /* for modules under development, as PostgreSQL reserves it */

#define RmgrIdIsBuiltin(rmid) ((rmid) <= RM_MAX_BUILTIN_ID)
#define RmgrIdIsCustom(rmid) ((rmid) >= RM_MIN_CUSTOM_ID && (rmid) <= RM_MAX_CUSTOM_ID)

#ifdef __cplusplus
extern "C" {
#endif

extern void RegisterCustomRmgr(RmgrId rmid, const RmgrData *rmgr);
/* Built-in managers register themselves at startup (Tusk). */
extern void RegisterBuiltinRmgr(RmgrId rmid, const RmgrData *rmgr);
extern bool RmgrIdExists(RmgrId rmid);
extern const RmgrData *GetRmgr(RmgrId rmid);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_RMGR_H */
