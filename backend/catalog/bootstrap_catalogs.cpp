/*
 * bootstrap_catalogs.cpp — creating the system catalogs of a new data
 * directory (postgres --boot, run by initdb).
 *
 * Principal entry point: BootstrapCreateCatalogs (catalog/bootstrap.h).
 *
 * Every catalog of the bootstrap data (bootstrap_data.h) becomes a heap
 * file — shared catalogs under global/, the others under base/1 for
 * template1 — holding its initial rows.  Each value is converted from its
 * text by its column type's input function, as PostgreSQL's bootstrap
 * does with the BKI file.  The rows are written frozen (inserted by
 * FrozenTransactionId, hinted committed), straight into pages and
 * through the storage manager, without WAL: nothing can read them before
 * bootstrap ends, and bootstrap fsyncs every file before it reports
 * success, so a crash leaves initdb failed, never a half-made catalog.
 *
 * The catalogs' indexes are then built through the buffer pool (WAL-
 * logged, made durable by a shutdown checkpoint).
 *
 * template0 (OID 4) and postgres (OID 5) are then copies of template1's
 * directory, with their pg_database rows, as PostgreSQL's initdb makes
 * them with CREATE DATABASE.
 */
#include "postgres.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/nbtree.h"
#include "access/relation.h"
#include "access/tupdesc.h"
#include "access/xlog_control.h"
#include "catalog/bootstrap.h"
#include "catalog/bootstrap_data.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/bufpage.h"
#include "storage/relfilenode.h"
#include "storage/smgr.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

namespace {

using tusk::catalog::BootstrapCatalog;
using tusk::catalog::kBootstrapCatalogs;
using tusk::catalog::kNumBootstrapCatalogs;

constexpr Oid kTemplate1Oid = 1;
constexpr Oid kTemplate0Oid = 4;
constexpr Oid kPostgresOid = 5;

/* Writes tuples into consecutive pages of one relation file. */
class PageWriter
{
  public:
	explicit PageWriter(RelFileNode node) : reln_(smgropen(node))
	{
		smgrcreate(reln_, MAIN_FORKNUM, false);
		page_ = static_cast<char *>(palloc0(BLCKSZ));
		PageInit(page_, BLCKSZ, 0);
	}

	void Add(HeapTuple tuple)
	{
		Size size = MAXALIGN(tuple->t_len);
		if (PageGetFreeSpace(page_) < size)
			Flush();
		OffsetNumber off = PageGetMaxOffsetNumber(page_) + 1;
		ItemPointerSet(&tuple->t_data->t_ctid, blkno_, off);
		if (PageAddItemExtended(page_, reinterpret_cast<const char *>(tuple->t_data), tuple->t_len,
								off, 0) == InvalidOffsetNumber)
			elog(ERROR, "bootstrap: row of %u bytes does not fit in a page", tuple->t_len);
		dirty_ = true;
	}

	/* Write the last page and make the file durable. */
	void Finish()
	{
		if (dirty_)
			Flush();
		smgrimmedsync(reln_, MAIN_FORKNUM);
		smgrclose(reln_);
	}

  private:
	void Flush()
	{
		PageSetChecksumInplace(page_, blkno_);
		smgrextend(reln_, MAIN_FORKNUM, blkno_, page_, true);
		blkno_++;
		PageInit(page_, BLCKSZ, 0);
		dirty_ = false;
	}

	SMgrRelation reln_;
	char *page_;
	BlockNumber blkno_ = 0;
	bool dirty_ = false;
};

std::string Substitute(const char *value, const BootstrapSettings &settings)
{
	std::string v = value;
	if (v == "$POSTGRES")
		return settings.superuser;
	if (v == "$ENCODING")
		return std::to_string(settings.encoding);
	if (v == "$LC_COLLATE" || v == "$LC_CTYPE")
		return settings.locale;
	if (v == "$LOCALE_PROVIDER")
		return "c";
	return v;
}

/* One row from its text values (nullptr: NULL; "$ICU_LOCALE" too). */
HeapTuple FormRow(const BootstrapCatalog &cat, TupleDesc desc, const char *const *texts,
				  const BootstrapSettings &settings)
{
	std::vector<Datum> values(cat.natts);
	std::unique_ptr<bool[]> isnull(new bool[cat.natts]());
	for (int i = 0; i < cat.natts; i++)
	{
		const char *text = texts[i];
		if (text == nullptr || strcmp(text, "$ICU_LOCALE") == 0)
		{
			isnull[i] = true;
			continue;
		}
		std::string v = Substitute(text, settings);
		/* pg_node_tree refuses input (as in PostgreSQL); a tree in the data
		 * files (pg_terminate_backend's default) is stored as written. */
		if (cat.columns[i].type_oid == PG_NODE_TREEOID)
		{
			values[i] = CStringGetTextDatum(v.c_str());
			continue;
		}
		Oid typinput;
		Oid typioparam;
		getTypeInputInfo(cat.columns[i].type_oid, &typinput, &typioparam);
		values[i] = OidInputFunctionCall(typinput, v.data(), typioparam, -1);
	}
	HeapTuple tuple = heap_form_tuple(desc, values.data(), isnull.get());
	HeapTupleHeader td = tuple->t_data;
	HeapTupleHeaderSetXmin(td, FullTransactionIdFromU64(FrozenTransactionId));
	td->t_infomask |= HEAP_XMIN_FROZEN | HEAP_XMAX_INVALID;
	return tuple;
}

/* template0's and postgres's pg_database rows: template1's with another
 * OID, name, template flag and connection permission. */
std::vector<std::vector<const char *>> ExtraDatabaseRows(const BootstrapCatalog &cat)
{
	auto column = [&cat](const char *name) {
		for (int i = 0; i < cat.natts; i++)
			if (strcmp(cat.columns[i].name, name) == 0)
				return i;
		elog(ERROR, "pg_database has no column %s", name);
	};
	std::vector<std::vector<const char *>> rows;
	const char *const *template1 = cat.values;
	struct Extra
	{
		const char *oid, *name, *istemplate, *allowconn;
	};
	for (const Extra &e : {Extra{"4", "template0", "t", "f"}, Extra{"5", "postgres", "f", "t"}})
	{
		std::vector<const char *> row(template1, template1 + cat.natts);
		row[column("oid")] = e.oid;
		row[column("datname")] = e.name;
		row[column("datistemplate")] = e.istemplate;
		row[column("datallowconn")] = e.allowconn;
		rows.push_back(std::move(row));
	}
	return rows;
}

/*
 * Every catalog index, filled from its catalog's rows.  Unlike the heaps,
 * these go through the buffer pool and WAL (the B-tree code is the only
 * writer of index pages); the checkpoint that follows makes them durable.
 * The rows are the generator's, unique by construction: no checks.
 */
void BuildCatalogIndexes()
{
	Oid saved_db = MyDatabaseId;
	MyDatabaseId = kTemplate1Oid;
	for (int c = 0; c < kNumBootstrapCatalogs; c++)
	{
		const BootstrapCatalog &cat = kBootstrapCatalogs[c];
		if (cat.nindexes == 0)
			continue;
		Relation heap = relation_open(cat.relid, NoLock);
		std::vector<Relation> indexes;
		for (int i = 0; i < cat.nindexes; i++)
		{
			Relation index = relation_open(cat.indexes[i].oid, NoLock);
			smgrcreate(smgropen(index->rd_node), MAIN_FORKNUM, false);
			btbuildempty(index);
			indexes.push_back(index);
		}
		TupleDesc desc = RelationGetDescr(heap);
		HeapScanDesc scan = heap_beginscan(heap, SnapshotAny);
		while (HeapTuple tuple = heap_getnext(scan, ForwardScanDirection))
		{
			for (int i = 0; i < cat.nindexes; i++)
			{
				const tusk::catalog::BootstrapIndex &ix = cat.indexes[i];
				Datum values[INDEX_MAX_KEYS];
				bool isnull[INDEX_MAX_KEYS];
				for (int k = 0; k < ix.nkeys; k++)
					values[k] = heap_getattr(tuple, ix.keys[k], desc, &isnull[k]);
				btinsert(indexes[static_cast<size_t>(i)],
						 RelationGetBTIndexInfo(indexes[static_cast<size_t>(i)]), values, isnull,
						 &tuple->t_self, heap, UNIQUE_CHECK_NO, nullptr);
			}
		}
		heap_endscan(scan);
		for (Relation index : indexes)
			relation_close(index, NoLock);
		relation_close(heap, NoLock);
	}
	MyDatabaseId = saved_db;
}

}  // namespace

void BootstrapCreateCatalogs(const BootstrapSettings &settings)
{
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "bootstrap catalogs",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	std::filesystem::create_directories(std::string("base/") + std::to_string(kTemplate1Oid));
	for (int c = 0; c < kNumBootstrapCatalogs; c++)
	{
		const BootstrapCatalog &cat = kBootstrapCatalogs[c];
		TupleDesc desc = tusk::catalog::BootstrapTupleDesc(cat);
		RelFileNode node = cat.shared
			? RelFileNode{GLOBALTABLESPACE_OID, InvalidOid, cat.relid}
			: RelFileNode{DEFAULTTABLESPACE_OID, kTemplate1Oid, cat.relid};
		PageWriter writer(node);
		for (int r = 0; r < cat.nrows; r++)
			writer.Add(
				FormRow(cat, desc, cat.values + static_cast<size_t>(r) * cat.natts, settings));
		if (cat.relid == DatabaseRelationId)
			for (const auto &row : ExtraDatabaseRows(cat))
				writer.Add(FormRow(cat, desc, row.data(), settings));
		writer.Finish();
		MemoryContextReset(cxt);
	}
	BuildCatalogIndexes();
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
}

void BootstrapCopyTemplate1()
{
	/* Everything written through the buffers (the indexes, the script's
	 * objects) goes to disk, under a new shutdown checkpoint, before
	 * template1 is copied. */
	CreateCheckPoint(CHECKPOINT_IS_SHUTDOWN | CHECKPOINT_IMMEDIATE);
	/* The other two databases start as copies of template1. */
	for (Oid db : {kTemplate0Oid, kPostgresOid})
	{
		std::string to = std::string("base/") + std::to_string(db);
		std::filesystem::copy(std::string("base/") + std::to_string(kTemplate1Oid), to,
							  std::filesystem::copy_options::recursive);
		for (const auto &entry : std::filesystem::directory_iterator(to))
		{
			int fd = open(entry.path().c_str(), O_RDONLY);
			if (fd < 0 || (enableFsync && fsync(fd) != 0))
				ereport(ERROR, errcode_for_file_access(),
						errmsg("could not fsync file \"%s\": %m", entry.path().c_str()));
			close(fd);
		}
	}
}
