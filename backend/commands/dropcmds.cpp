/*
 * dropcmds.cpp — DROP of objects other than relations (commands/defrem.h):
 * DROP SCHEMA.
 *
 * Principal entry point: RemoveObjects.
 *
 * Each name is resolved (a missing one is an error, or a NOTICE with IF
 * EXISTS), then all are dropped together through their dependencies
 * (catalog/dependency.h), so DROP SCHEMA s CASCADE takes s's tables with
 * it and RESTRICT refuses while s holds anything.
 */
#include "postgres.h"

#include <vector>

#include "catalog/dependency.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace_d.h"
#include "commands/defrem.h"
#include "nodes/value.h"

void RemoveObjects(DropStmt *stmt)
{
	if (stmt->removeType != OBJECT_SCHEMA)
		elog(ERROR, "unexpected object type %d in RemoveObjects",
			 static_cast<int>(stmt->removeType));
	std::vector<ObjectAddress> objects;
	ListCell *lc;
	foreach (lc, stmt->objects)
	{
		/* A schema's name is a String, not a name list. */
		Node *item = static_cast<Node *>(lfirst(lc));
		const char *name = IsA(item, String) ? strVal(item)
											 : NameListToString(reinterpret_cast<List *>(item));
		Oid nspoid = get_namespace_oid(name, true);
		if (!OidIsValid(nspoid))
		{
			if (!stmt->missing_ok)
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_SCHEMA),
						errmsg("schema \"%s\" does not exist", name));
			ereport(NOTICE, errmsg("schema \"%s\" does not exist, skipping", name));
			continue;
		}
		ObjectAddress object;
		ObjectAddressSet(object, NamespaceRelationId, nspoid);
		objects.push_back(object);
	}
	performMultipleDeletions(objects, stmt->behavior, 0);
}
