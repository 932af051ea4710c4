/*
 * relcache_preload_test.cpp — the system catalogs' descriptions the
 * postmaster forms before it forks (RelationCachePreloadCatalogs), as a
 * connection's relation cache then finds them: every catalog and catalog
 * index opened in a forked process is described by its own pg_class row
 * (and an index by its own pg_index row), whether it was preloaded or
 * formed in the child, and what a child changes in its descriptions never
 * reaches the rows the next child starts from.
 */
#include "unit_test.h"

#include <string.h>

#include "access/relation.h"
#include "catalog/bootstrap_data.h"
#include "catalog/pg_class.h"
#include "catalog/pg_index.h"
#include "storage/shmem_fixture.h"
#include "utils/rel.h"
#include "utils/relcache.h"

using tusk::catalog::BootstrapCatalog;
using tusk::catalog::BootstrapIndex;
using tusk::catalog::kBootstrapCatalogs;
using tusk::catalog::kNumBootstrapCatalogs;
using tusk::test::ChildProcess;

namespace {

/* In the child: each catalog and each catalog index, opened, is
 * described by its own rows; a mismatch ends the child. */
void CheckDescriptions()
{
	for (int c = 0; c < kNumBootstrapCatalogs; c++)
	{
		const BootstrapCatalog &cat = kBootstrapCatalogs[c];
		char relkind = strncmp(cat.name, "pg_toast_", 9) == 0 ? RELKIND_TOASTVALUE
															  : RELKIND_RELATION;
		Relation rel = relation_open(cat.relid, NoLock);
		if (strcmp(NameStr(rel->rd_rel->relname), cat.name) != 0 || rel->rd_rel->oid != cat.relid ||
			rel->rd_rel->relkind != relkind || rel->rd_rel->relnatts != cat.natts ||
			rel->rd_rel->relisshared != cat.shared || rel->rd_rel->reltype != cat.rowtype_oid ||
			rel->rd_att->natts != cat.natts)
			CHILD_FAIL("catalog " << cat.name << " described as " << NameStr(rel->rd_rel->relname)
								  << " (OID " << rel->rd_rel->oid << ", relkind "
								  << rel->rd_rel->relkind << ", " << rel->rd_rel->relnatts
								  << " columns)");
		relation_close(rel, NoLock);
		for (int i = 0; i < cat.nindexes; i++)
		{
			const BootstrapIndex &index = cat.indexes[i];
			Relation irel = relation_open(index.oid, NoLock);
			const FormData_pg_index *form = irel->rd_index;
			if (strcmp(NameStr(irel->rd_rel->relname), index.name) != 0 ||
				irel->rd_rel->oid != index.oid || irel->rd_rel->relkind != RELKIND_INDEX ||
				irel->rd_rel->relisshared != cat.shared || form == nullptr ||
				form->indexrelid != index.oid || form->indrelid != cat.relid ||
				form->indnatts != index.nkeys || form->indisunique != index.unique ||
				form->indisprimary != index.primary)
				CHILD_FAIL("index " << index.name << " of " << cat.name << " described as "
									<< NameStr(irel->rd_rel->relname));
			for (int k = 0; k < index.nkeys; k++)
				if (form->indkey.values[k] != index.keys[k])
					CHILD_FAIL("index " << index.name << ": key " << k << " is column "
										<< form->indkey.values[k]);
			relation_close(irel, NoLock);
		}
	}
}

int CheckInChild()
{
	ChildProcess child([] {
		CheckDescriptions();
		return 0;
	});
	return child.Wait();
}

}  // namespace

TEST_CASE("A process forked after RelationCachePreloadCatalogs describes every catalog and "
		  "catalog index by its own rows",
		  "[relcache]")
{
	REQUIRE(CheckInChild() == 0);	/* formed in the child (unless kept already) */
	RelationCachePreloadCatalogs(); /* what the postmaster does before it forks */
	REQUIRE(CheckInChild() == 0);
	/* Preloading again changes nothing. */
	RelationCachePreloadCatalogs();
	REQUIRE(CheckInChild() == 0);
}
