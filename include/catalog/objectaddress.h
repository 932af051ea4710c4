/*
 * catalog/objectaddress.h — naming any database object (PostgreSQL's
 * ObjectAddress: the catalog holding it, its OID, and for a table column
 * the column number) and describing one in words for messages.
 */
#ifndef TUSK_CATALOG_OBJECTADDRESS_H
#define TUSK_CATALOG_OBJECTADDRESS_H

#include "postgres.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ObjectAddress
{
	Oid classId;	   /* the catalog: RelationRelationId, TypeRelationId, … */
	Oid objectId;	   /* the object's OID in it */
	int32 objectSubId; /* a column's number, or 0 for the whole object */
} ObjectAddress;

#define ObjectAddressSubSet(addr, class_id, object_id, object_sub_id) \
	do \
	{ \
		(addr).classId = (class_id); \
		(addr).objectId = (object_id); \
		(addr).objectSubId = (object_sub_id); \
	} while (0)

#define ObjectAddressSet(addr, class_id, object_id) \
	ObjectAddressSubSet(addr, class_id, object_id, 0)

/*
 * "table t", "column a of table s.t", "index t_pkey", "default value for
 * column a of table t", "constraint t_pkey on table t", "type t", "schema
 * s", "function f(integer)" — PostgreSQL's getObjectDescription, names
 * schema-qualified when not visible in the search path.  NULL when the
 * object does not exist and missing_ok.
 */
extern char *getObjectDescription(const ObjectAddress *object, bool missing_ok);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_CATALOG_OBJECTADDRESS_H */
