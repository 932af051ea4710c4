/*
 * dbcommands.cpp — CREATE DATABASE and DROP DATABASE
 * (commands/dbcommands.h).
 *
 * Principal entry points: createdb, DropDatabase, dbase_redo.
 *
 * A database is a directory, base/<oid>, holding its catalogs and tables,
 * and a pg_database row.  CREATE DATABASE copies the template's directory
 * as PostgreSQL 15's FILE_COPY strategy does: a checkpoint first, so
 * every page of the template is on disk; the copy; a WAL record that
 * makes recovery repeat the copy; the row; and a second checkpoint, so
 * that no recovery ever replays the record against a template changed
 * since (the record only matters if the server crashes in between).
 * STRATEGY = WAL_LOG, PostgreSQL's default, is accepted and done the same
 * way.  The template must have no other session connected: connecting
 * takes a RowExclusiveLock on the database as an object, and the copy a
 * ShareLock on the template, so no session can arrive while the busy
 * check and the copy run.
 *
 * DROP DATABASE takes an AccessExclusiveLock on the database, refuses
 * while other sessions are connected (after waiting up to five seconds
 * for them to leave, as PostgreSQL does; FORCE first sends them SIGTERM),
 * deletes the row, and removes the directory when its transaction
 * commits — its buffers dropped, its files' fsync requests forgotten —
 * after a WAL record that makes recovery remove it too.
 *
 * Neither may run inside a transaction block: the copy and the removal
 * cannot be rolled back.
 */
#include "postgres.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/rmgr.h"
#include "access/transam.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "access/xlog_control.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "catalog/indexing.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_shdepend_fns.h"
#include "commands/defrem.h"
#include "commands/dbcommands.h"
#include "miscadmin.h"
#include "postmaster/bgworker_internals.h"
#include "postmaster/bgwriter.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "storage/procarray.h"
#include "storage/smgr.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/syscache.h"
#include "pgstat.h"

namespace {

constexpr int kEncodingSqlAscii = 0;
constexpr int kEncodingUtf8 = 6;

std::string DatabasePath(Oid db)
{
	return "base/" + std::to_string(db);
}

void PreventInTransactionBlock(const char *stmtType)
{
	if (IsTransactionBlock())
		ereport(ERROR, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
				errmsg("%s cannot run inside a transaction block", stmtType));
}

/* ---- options (PostgreSQL's defGet* rules) ---- */

/* ---- catalog lookups ---- */

/* The pg_database row of dbname (a copy), or nullptr. */
HeapTuple DatabaseTupleByName(const char *dbname)
{
	Relation rel = relation_open(DatabaseRelationId, AccessShareLock);
	NameData name;
	namestrcpy(&name, dbname);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_database_datname, BTEqualStrategyNumber, F_NAMEEQ,
				NameGetDatum(&name));
	SysScanDesc scan = systable_beginscan(rel, DatabaseNameIndexId, true, nullptr, 1, &key);
	HeapTuple tuple = systable_getnext(scan);
	HeapTuple copy = tuple != nullptr ? heap_copytuple(tuple) : nullptr;
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	return copy;
}

Form_pg_database DatabaseForm(HeapTuple tuple)
{
	return reinterpret_cast<Form_pg_database>(GETSTRUCT(tuple));
}

/* Lock the database as an object (PostgreSQL's LockSharedObject on
 * pg_database), then make sure it is still there: another session may
 * have dropped it while we waited. */
HeapTuple LockDatabaseByName(const char *dbname, LOCKMODE mode)
{
	for (;;)
	{
		HeapTuple tuple = DatabaseTupleByName(dbname);
		if (tuple == nullptr)
			return nullptr;
		Oid dboid = DatabaseForm(tuple)->oid;
		LockSharedObject(DatabaseRelationId, dboid, 0, mode);
		/* A catalog snapshot taken after the lock sees what its holder did. */
		HeapTuple again = DatabaseTupleByName(dbname);
		if (again != nullptr && DatabaseForm(again)->oid == dboid)
			return again;
		UnlockSharedObject(DatabaseRelationId, dboid, 0, mode);
	}
}

HeapTuple RoleTuple(Oid roleid)
{
	HeapTuple tuple = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tuple == nullptr)
		elog(ERROR, "cache lookup failed for role %u", roleid);
	return tuple;
}

bool IsSuperuser()
{
	return reinterpret_cast<Form_pg_authid>(GETSTRUCT(RoleTuple(MyUserId)))->rolsuper;
}

int EncodingByName(const std::string &name)
{
	std::string norm;
	for (char c : name)
		if (isalnum(static_cast<unsigned char>(c)))
			norm += static_cast<char>(tolower(static_cast<unsigned char>(c)));
	if (norm == "utf8" || norm == "unicode")
		return kEncodingUtf8;
	if (norm == "sqlascii")
		return kEncodingSqlAscii;
	return -1;
}

const char *EncodingName(int encoding)
{
	return encoding == kEncodingUtf8 ? "UTF8" : encoding == kEncodingSqlAscii ? "SQL_ASCII" : "?";
}

bool ValidLocale(const std::string &name)
{
	if (name == "C" || name == "POSIX")
		return true;
	locale_t loc = newlocale(LC_COLLATE_MASK | LC_CTYPE_MASK, name.c_str(), nullptr);
	if (loc == nullptr)
		return false;
	freelocale(loc);
	return true;
}

/* ---- other sessions ---- */

/* PostgreSQL's errdetail_busy_db. */
int BusyDetail(int nbackends)
{
	return errdetail_plural("There is %d other session using the database.",
							"There are %d other sessions using the database.",
							static_cast<unsigned long>(nbackends), nbackends);
}

/* Whether sessions other than ours are connected to db, after giving them
 * five seconds to leave (PostgreSQL's CountOtherDBBackends); with
 * clients_only, background workers are not counted. */
int OtherSessionsAfterWaiting(Oid db, bool clients_only = false)
{
	int others = 0;
	for (int tries = 0; tries < 50; tries++)
	{
		others = clients_only ? CountOtherDBClientBackends(db) : CountOtherDBBackends(db);
		if (others == 0)
			return 0;
		CHECK_FOR_INTERRUPTS();
		usleep(100 * 1000);
	}
	return others;
}

/* ---- files ---- */

void FsyncPath(const std::string &path, bool directory)
{
	if (!enableFsync)
		return;
	int fd = open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDWR);
	if (fd < 0 || fsync(fd) != 0)
	{
		int save = errno;
		if (fd >= 0)
			close(fd);
		errno = save;
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not fsync file \"%s\": %m", path.c_str()));
	}
	close(fd);
}

/* Every file of from into the new directory to, made durable. */
void CopyDirectory(const std::string &from, const std::string &to)
{
	std::error_code ec;
	if (!std::filesystem::create_directory(to, ec) || ec)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not create directory \"%s\": %s", to.c_str(), ec.message().c_str()));
	for (const auto &entry : std::filesystem::directory_iterator(from))
	{
		if (!entry.is_regular_file())
			continue;
		CHECK_FOR_INTERRUPTS();
		std::string dest = to + "/" + entry.path().filename().string();
		if (!std::filesystem::copy_file(entry.path(), dest, ec) || ec)
			ereport(ERROR, errcode_for_file_access(),
					errmsg("could not copy file \"%s\" to \"%s\": %s", entry.path().c_str(),
						   dest.c_str(), ec.message().c_str()));
		FsyncPath(dest, false);
	}
	FsyncPath(to, true);
	FsyncPath("base", true);
}

/* Remove a database's directory: its pages leave the buffer pool
 * unwritten and its files' pending fsyncs are forgotten first. */
void RemoveDatabaseDirectory(Oid db, bool isRedo)
{
	std::string dir = DatabasePath(db);
	std::error_code ec;
	if (!std::filesystem::exists(dir, ec))
		return;
	std::set<Oid> relfilenodes;
	for (const auto &entry : std::filesystem::directory_iterator(dir, ec))
	{
		std::string name = entry.path().filename().string();
		char *end;
		unsigned long n = strtoul(name.c_str(), &end, 10);
		if (end != name.c_str())
			relfilenodes.insert(static_cast<Oid>(n));
	}
	for (Oid relfilenode : relfilenodes)
	{
		RelFileNode rnode{DEFAULTTABLESPACE_OID, db, relfilenode};
		SMgrRelation reln = smgropen(rnode);
		for (int fork = MAIN_FORKNUM; fork <= MAX_FORKNUM; fork++)
		{
			DropRelFileNodeBuffers(rnode, static_cast<ForkNumber>(fork), 0);
			if (smgrexists(reln, static_cast<ForkNumber>(fork)))
				smgrunlink(reln, static_cast<ForkNumber>(fork), isRedo);
		}
		smgrclose(reln);
	}
	std::filesystem::remove_all(dir, ec);
	if (ec)
		ereport(WARNING, errcode_for_file_access(),
				errmsg("some useless files may be left behind in old database directory \"%s\"",
					   dir.c_str()));
}

/* Databases dropped by the running transaction, removed at its commit. */
std::vector<Oid> &PendingDrops()
{
	static std::vector<Oid> pending;
	return pending;
}

void AtEndOfDropTransaction(XactEvent event, void *)
{
	if (event != XACT_EVENT_COMMIT && event != XACT_EVENT_ABORT)
		return;
	std::vector<Oid> drops;
	drops.swap(PendingDrops());
	if (event != XACT_EVENT_COMMIT)
		return;
	for (Oid db : drops)
	{
		xl_dbase_drop_rec rec{db, 1, {DEFAULTTABLESPACE_OID}};
		XLogBeginInsert();
		XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
		XLogFlush(XLogInsert(RM_DBASE_ID, XLOG_DBASE_DROP));
		RemoveDatabaseDirectory(db, false);
	}
}

}  // namespace

Oid createdb(ParseState *pstate, const CreatedbStmt *stmt)
{
	PreventInTransactionBlock("CREATE DATABASE");
	const DefElem *downer = nullptr, *dtemplate = nullptr, *dencoding = nullptr;
	const DefElem *dlocale = nullptr, *dcollate = nullptr, *dctype = nullptr;
	const DefElem *diculocale = nullptr, *dlocprovider = nullptr, *distemplate = nullptr;
	const DefElem *dallowconn = nullptr, *dconnlimit = nullptr, *dcollversion = nullptr;
	const DefElem *dstrategy = nullptr, *dtablespace = nullptr;
	ListCell *lc;
	foreach (lc, stmt->options)
	{
		const DefElem *defel = static_cast<const DefElem *>(lfirst(lc));
		auto take = [&](const DefElem *&slot) {
			if (slot != nullptr)
				errorConflictingDefElem(defel, pstate);
			slot = defel;
		};
		const char *name = defel->defname;
		if (strcmp(name, "tablespace") == 0)
			take(dtablespace);
		else if (strcmp(name, "owner") == 0)
			take(downer);
		else if (strcmp(name, "template") == 0)
			take(dtemplate);
		else if (strcmp(name, "encoding") == 0)
			take(dencoding);
		else if (strcmp(name, "locale") == 0)
			take(dlocale);
		else if (strcmp(name, "lc_collate") == 0)
			take(dcollate);
		else if (strcmp(name, "lc_ctype") == 0)
			take(dctype);
		else if (strcmp(name, "icu_locale") == 0)
			take(diculocale);
		else if (strcmp(name, "locale_provider") == 0)
			take(dlocprovider);
		else if (strcmp(name, "is_template") == 0)
			take(distemplate);
		else if (strcmp(name, "allow_connections") == 0)
			take(dallowconn);
		else if (strcmp(name, "connection_limit") == 0)
			take(dconnlimit);
		else if (strcmp(name, "collation_version") == 0)
			take(dcollversion);
		else if (strcmp(name, "strategy") == 0)
			take(dstrategy);
		else if (strcmp(name, "location") == 0)
			ereport(WARNING, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("LOCATION is not supported anymore"),
					errhint("Consider using tablespaces instead."),
					parser_errposition(pstate, defel->location));
		else if (strcmp(name, "oid") == 0)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("CREATE DATABASE with an OID is not supported"),
					parser_errposition(pstate, defel->location));
		else
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("option \"%s\" not recognized", name),
					parser_errposition(pstate, defel->location));
	}

	std::string owner_name, template_name = "template1", collate, ctype;
	if (downer != nullptr && downer->arg != nullptr)
		owner_name = defGetString(downer);
	if (dtemplate != nullptr && dtemplate->arg != nullptr)
		template_name = defGetString(dtemplate);
	int encoding = -1;
	if (dencoding != nullptr && dencoding->arg != nullptr)
	{
		if (IsA(dencoding->arg, Integer))
		{
			encoding = intVal(dencoding->arg);
			if (encoding != kEncodingUtf8 && encoding != kEncodingSqlAscii)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("encoding %d is not supported", encoding),
						errdetail("Tusk supports the encodings UTF8 and SQL_ASCII."),
						parser_errposition(pstate, dencoding->location));
		}
		else
		{
			std::string name = defGetString(dencoding);
			encoding = EncodingByName(name);
			if (encoding < 0)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("encoding \"%s\" is not supported", name.c_str()),
						errdetail("Tusk supports the encodings UTF8 and SQL_ASCII."),
						parser_errposition(pstate, dencoding->location));
		}
	}
	if (dlocale != nullptr && dlocale->arg != nullptr)
		collate = ctype = defGetString(dlocale);
	if (dcollate != nullptr && dcollate->arg != nullptr)
		collate = defGetString(dcollate);
	if (dctype != nullptr && dctype->arg != nullptr)
		ctype = defGetString(dctype);
	if (dlocprovider != nullptr && dlocprovider->arg != nullptr)
	{
		std::string provider = defGetString(dlocprovider);
		if (strcasecmp(provider.c_str(), "icu") == 0)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("ICU is not supported in this build"));
		if (strcasecmp(provider.c_str(), "libc") != 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
					errmsg("unrecognized locale provider: %s", provider.c_str()));
	}
	if (diculocale != nullptr && diculocale->arg != nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
				errmsg("ICU locale cannot be specified unless locale provider is ICU"));
	bool istemplate = distemplate != nullptr && distemplate->arg != nullptr
		? defGetBoolean(distemplate)
		: false;
	bool allowconn = dallowconn != nullptr && dallowconn->arg != nullptr ? defGetBoolean(dallowconn)
																		 : true;
	int connlimit = -1;
	if (dconnlimit != nullptr && dconnlimit->arg != nullptr)
	{
		connlimit = defGetInt32(dconnlimit);
		if (connlimit < -1)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid connection limit: %d", connlimit));
	}
	if (dcollversion != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("COLLATION_VERSION is not supported"));

	/* Who will own it, and may we? */
	Oid owner = MyUserId;
	if (!owner_name.empty())
	{
		owner = GetSysCacheOid1(AUTHNAME, Anum_pg_authid_oid, CStringGetDatum(owner_name.c_str()));
		if (!OidIsValid(owner))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("role \"%s\" does not exist", owner_name.c_str()));
	}
	auto *me = reinterpret_cast<Form_pg_authid>(GETSTRUCT(RoleTuple(MyUserId)));
	if (!me->rolsuper && !me->rolcreatedb)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied to create database"));
	if (owner != MyUserId && !me->rolsuper)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must be member of role \"%s\"", owner_name.c_str()));

	/* The template, locked against new connections while we copy it. */
	HeapTuple srctup = LockDatabaseByName(template_name.c_str(), ShareLock);
	if (srctup == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_DATABASE),
				errmsg("template database \"%s\" does not exist", template_name.c_str()));
	Form_pg_database src = DatabaseForm(srctup);
	Oid src_oid = src->oid;
	if (!src->datistemplate && src->datdba != MyUserId && !me->rolsuper)
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("permission denied to copy database \"%s\"", template_name.c_str()));
	if (dstrategy != nullptr && dstrategy->arg != nullptr)
	{
		std::string strategy = defGetString(dstrategy);
		if (strcasecmp(strategy.c_str(), "wal_log") != 0 &&
			strcasecmp(strategy.c_str(), "file_copy") != 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid create database strategy \"%s\"", strategy.c_str()),
					errhint("Valid strategies are \"wal_log\" and \"file_copy\"."));
	}

	/* Encoding and locale: the template's unless given, and different ones
	 * only when copying template0 (which holds no data that depends on
	 * them). */
	Relation pg_database = relation_open(DatabaseRelationId, RowExclusiveLock);
	TupleDesc desc = RelationGetDescr(pg_database);
	bool isnull;
	std::string src_collate = TextDatumGetCString(
		heap_getattr(srctup, Anum_pg_database_datcollate, desc, &isnull));
	std::string src_ctype = TextDatumGetCString(
		heap_getattr(srctup, Anum_pg_database_datctype, desc, &isnull));
	if (encoding < 0)
		encoding = src->encoding;
	if (collate.empty())
		collate = src_collate;
	if (ctype.empty())
		ctype = src_ctype;
	if (!ValidLocale(collate))
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("invalid locale name: \"%s\"", collate.c_str()));
	if (!ValidLocale(ctype))
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("invalid locale name: \"%s\"", ctype.c_str()));
	if (template_name != "template0")
	{
		if (encoding != src->encoding)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("new encoding (%s) is incompatible with the encoding of the template "
						   "database (%s)",
						   EncodingName(encoding), EncodingName(src->encoding)),
					errhint("Use the same encoding as in the template database, or use template0 "
							"as template."));
		if (collate != src_collate)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("new collation (%s) is incompatible with the collation of the template "
						   "database (%s)",
						   collate.c_str(), src_collate.c_str()),
					errhint("Use the same collation as in the template database, or use template0 "
							"as template."));
		if (ctype != src_ctype)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("new LC_CTYPE (%s) is incompatible with the LC_CTYPE of the template "
						   "database (%s)",
						   ctype.c_str(), src_ctype.c_str()),
					errhint("Use the same LC_CTYPE as in the template database, or use template0 "
							"as template."));
	}
	if (dtablespace != nullptr && dtablespace->arg != nullptr)
	{
		std::string spc = defGetString(dtablespace);
		if (spc == "pg_global")
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("pg_global cannot be used as default tablespace"));
		if (spc != "pg_default")
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("tablespace \"%s\" does not exist", spc.c_str()));
	}

	/* A friendlier message than the unique index's, when we can. */
	if (HeapTuple existing = DatabaseTupleByName(stmt->dbname))
	{
		(void) existing;
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_DATABASE),
				errmsg("database \"%s\" already exists", stmt->dbname));
	}
	if (int others = OtherSessionsAfterWaiting(src_oid); others > 0)
		ereport(ERROR, errcode(ERRCODE_OBJECT_IN_USE),
				errmsg("source database \"%s\" is being accessed by other users",
					   template_name.c_str()),
				BusyDetail(others));

	Oid dboid;
	do
		dboid = GetNewObjectId();
	while (SearchSysCacheExists1(DATABASEOID, ObjectIdGetDatum(dboid)) ||
		   std::filesystem::exists(DatabasePath(dboid)));

	/* Every page of the template on disk, then the copy. */
	RequestCheckpoint(CHECKPOINT_IMMEDIATE | CHECKPOINT_FORCE | CHECKPOINT_WAIT);
	std::string to = DatabasePath(dboid);
	try
	{
		CopyDirectory(DatabasePath(src_oid), to);
		xl_dbase_create_file_copy_rec rec{dboid, DEFAULTTABLESPACE_OID, src_oid,
										  DEFAULTTABLESPACE_OID};
		XLogBeginInsert();
		XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
		XLogFlush(XLogInsert(RM_DBASE_ID, XLOG_DBASE_CREATE_FILE_COPY));

		Datum values[Natts_pg_database];
		bool nulls[Natts_pg_database];
		heap_deform_tuple(srctup, desc, values, nulls);
		NameData dbname;
		namestrcpy(&dbname, stmt->dbname);
		values[Anum_pg_database_oid - 1] = ObjectIdGetDatum(dboid);
		values[Anum_pg_database_datname - 1] = NameGetDatum(&dbname);
		values[Anum_pg_database_datdba - 1] = ObjectIdGetDatum(owner);
		values[Anum_pg_database_encoding - 1] = Int32GetDatum(encoding);
		values[Anum_pg_database_datistemplate - 1] = BoolGetDatum(istemplate);
		values[Anum_pg_database_datallowconn - 1] = BoolGetDatum(allowconn);
		values[Anum_pg_database_datconnlimit - 1] = Int32GetDatum(connlimit);
		values[Anum_pg_database_datcollate - 1] = CStringGetTextDatum(collate.c_str());
		values[Anum_pg_database_datctype - 1] = CStringGetTextDatum(ctype.c_str());
		nulls[Anum_pg_database_datacl - 1] = true;
		CatalogTupleInsert(pg_database, heap_form_tuple(desc, values, nulls));
		relation_close(pg_database, RowExclusiveLock);
		/* Its owner, and the template's objects' owners (pg_shdepend). */
		recordDependencyOnOwner(DatabaseRelationId, dboid, owner);
		copyTemplateDependencies(src_oid, dboid);
		/* So that recovery never needs to repeat the copy from a template
		 * that has changed since. */
		RequestCheckpoint(CHECKPOINT_IMMEDIATE | CHECKPOINT_FORCE | CHECKPOINT_WAIT);
	}
	catch (...)
	{
		std::error_code ec;
		std::filesystem::remove_all(to, ec);
		throw;
	}
	return dboid;
}

void DropDatabase(ParseState *pstate, DropdbStmt *stmt)
{
	PreventInTransactionBlock("DROP DATABASE");
	bool force = false;
	ListCell *lc;
	foreach (lc, stmt->options)
	{
		const DefElem *opt = static_cast<const DefElem *>(lfirst(lc));
		if (strcmp(opt->defname, "force") == 0)
			force = true;
		else
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("unrecognized DROP DATABASE option \"%s\"", opt->defname),
					parser_errposition(pstate, opt->location));
	}

	HeapTuple tuple = LockDatabaseByName(stmt->dbname, AccessExclusiveLock);
	if (tuple == nullptr)
	{
		if (!stmt->missing_ok)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_DATABASE),
					errmsg("database \"%s\" does not exist", stmt->dbname));
		ereport(NOTICE, errmsg("database \"%s\" does not exist, skipping", stmt->dbname));
		return;
	}
	Form_pg_database form = DatabaseForm(tuple);
	Oid db = form->oid;
	if (form->datdba != MyUserId && !IsSuperuser())
		ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				errmsg("must be owner of database %s", stmt->dbname));
	if (form->datistemplate)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("cannot drop a template database"));
	if (db == MyDatabaseId)
		ereport(ERROR, errcode(ERRCODE_OBJECT_IN_USE),
				errmsg("cannot drop the currently open database"));
	/*
	 * Client sessions block the drop, as in PostgreSQL, unless FORCE ends
	 * them.  Background workers (★ Tusk) never do: they are stopped for good
	 * (not restarted into a database that is gone) and waited for.
	 */
	if (!force)
	{
		if (int others = OtherSessionsAfterWaiting(db, true); others > 0)
			ereport(ERROR, errcode(ERRCODE_OBJECT_IN_USE),
					errmsg("database \"%s\" is being accessed by other users", stmt->dbname),
					BusyDetail(others));
	}
	(void) tusk::bgworker::TerminateBackgroundWorkersForDatabase(db, stmt->dbname);
	if (force)
		TerminateOtherDBBackends(db);
	if (int others = OtherSessionsAfterWaiting(db); others > 0)
		ereport(ERROR, errcode(ERRCODE_OBJECT_IN_USE),
				errmsg("database \"%s\" is being accessed by other users", stmt->dbname),
				BusyDetail(others));

	Relation pg_database = relation_open(DatabaseRelationId, RowExclusiveLock);
	CatalogTupleDelete(pg_database, &tuple->t_self);
	relation_close(pg_database, RowExclusiveLock);
	dropDatabaseDependencies(db);
	pgstat_drop_database(db);

	static bool registered = false;
	if (!registered)
	{
		RegisterXactCallback(AtEndOfDropTransaction, nullptr);
		registered = true;
	}
	PendingDrops().push_back(db);
}

void dbase_redo(XLogReaderState *record)
{
	uint8 info = XLogRecGetInfo(record) & ~XLR_INFO_MASK;
	if (info == XLOG_DBASE_CREATE_FILE_COPY)
	{
		xl_dbase_create_file_copy_rec rec;
		memcpy(&rec, XLogRecGetData(record), sizeof rec);
		/* Whatever a crash left of an earlier try goes first. */
		RemoveDatabaseDirectory(rec.db_id, true);
		/* The source's pages must be on disk before they are copied. */
		FlushAllBuffers();
		CopyDirectory(DatabasePath(rec.src_db_id), DatabasePath(rec.db_id));
	}
	else if (info == XLOG_DBASE_DROP)
	{
		xl_dbase_drop_rec rec;
		memcpy(&rec, XLogRecGetData(record), sizeof rec);
		RemoveDatabaseDirectory(rec.db_id, true);
	}
	else
		elog(PANIC, "dbase_redo: unknown op code %u", info);
}

const char *dbase_identify(uint8 info)
{
	switch (info & ~XLR_INFO_MASK)
	{
		case XLOG_DBASE_CREATE_FILE_COPY:
			return "CREATE_FILE_COPY";
		case XLOG_DBASE_DROP:
			return "DROP";
		default:
			return nullptr;
	}
}
