/*
 * commands/comment.h — COMMENT ON, and the descriptions it keeps
 * (pg_description, pg_shdescription).
 */
#ifndef TUSK_COMMANDS_COMMENT_H
#define TUSK_COMMANDS_COMMENT_H

#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* COMMENT ON object IS 'text' | NULL. */
extern void CommentObject(CommentStmt *stmt);

/* Set (or with NULL or '' remove) an object's description. */
extern void CreateComments(Oid oid, Oid classoid, int32 subid, const char *comment);
extern void CreateSharedComments(Oid oid, Oid classoid, const char *comment);

/* Remove an object's descriptions (subid 0: its columns' too), when
 * it is dropped. */
extern void DeleteComments(Oid oid, Oid classoid, int32 subid);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_COMMENT_H */
