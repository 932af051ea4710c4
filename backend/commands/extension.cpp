/*
 * extension.cpp — CREATE EXTENSION, ALTER EXTENSION UPDATE, DROP
 * EXTENSION's row removal, and the functions listing the installation's
 * extensions (commands/extension.h).
 *
 * Principal entry points: CreateExtension, ExecAlterExtensionStmt,
 * RemoveExtensionById, get_extension_oid, pg_available_extensions,
 * pg_available_extension_versions, pg_extension_update_paths.
 *
 * An extension is a control file NAME.control in the installation's
 * share/extension directory (PostgreSQL's format, read by the same parser
 * as postgresql.conf) and SQL scripts NAME--VERSION.sql (installation)
 * and NAME--FROM--TO.sql (updates) beside it.  CREATE EXTENSION follows
 * PostgreSQL 15: pick the version (VERSION, else default_version), find
 * its installation script or else the shortest chain of update scripts
 * from an installable version, pick the schema (the control file's
 * "schema", created if missing; SCHEMA; else the first schema of the
 * search path), check or install (CASCADE) the required extensions,
 * insert the pg_extension row with its dependencies on the schema and the
 * required extensions, store the control file's comment, then run each
 * script.  A script is read whole; lines beginning with \echo become
 * empty (the "\echo Use CREATE EXTENSION … \quit" guard only psql obeys),
 * @extowner@, @extschema@ (unless relocatable) and MODULE_PATHNAME (when
 * the control file sets module_pathname) are substituted, and its
 * statements run one after the other through the ordinary pipeline
 * (analyze, plan, portal), each seeing the ones before, with search_path
 * set to the target schema (then the required extensions' schemas, then
 * pg_temp) and client_min_messages at least WARNING.  While it runs,
 * creating_extension is set, and every object created records a
 * pg_depend row of type 'e' on the extension (pg_depend.cpp's
 * recordDependencyOnCurrentExtension), which is what DROP EXTENSION
 * follows and what keeps a member from being dropped on its own.
 */
#include "postgres.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <algorithm>
#include <memory>
#include <deque>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/transam.h"
#include "access/tupdesc.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_extension_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_shdepend_fns.h"
#include "catalog/pg_type_d.h"
#include "commands/comment.h"
#include "commands/defrem.h"
#include "commands/extension.h"
#include "commands/owner.h"
#include "commands/schemacmds.h"
#include "common/paths.h"
#include "common/string_util.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "optimizer/planner.h"
#include "parser/analyze.h"
#include "parser/parser.h"
#include "tcop/dest.h"
#include "tcop/pquery.h"
#include "tcop/utility.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/misc/guc_internal.h"
#include "utils/portal.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

bool creating_extension = false;
Oid CurrentExtensionObject = InvalidOid;

namespace {

/* What a control file (and a version's auxiliary control file) says. */
struct ExtensionControl
{
	std::string name;
	std::optional<std::string> directory;
	std::optional<std::string> default_version;
	std::optional<std::string> module_pathname;
	std::optional<std::string> comment;
	std::optional<std::string> schema;
	bool relocatable = false;
	bool superuser = true;
	bool trusted = false;
	std::vector<std::string> required; /* "requires" */
};

std::string ShareDir()
{
	return tusk::common::GetInstallDir(tusk::common::InstallDir::kShare);
}

std::string ControlDirectory()
{
	return ShareDir() + "/extension";
}

std::string ScriptDirectory(const ExtensionControl &control)
{
	if (!control.directory)
		return ControlDirectory();
	if (!control.directory->empty() && (*control.directory)[0] == '/')
		return *control.directory;
	return ShareDir() + "/" + *control.directory;
}

std::string ScriptFilename(const ExtensionControl &control, const char *from, const char *to)
{
	std::string path = ScriptDirectory(control) + "/" + control.name + "--";
	if (from != nullptr)
	{
		path += from;
		path += "--";
	}
	path += to;
	path += ".sql";
	return path;
}

/* PostgreSQL's check_valid_extension_name and check_valid_version_name. */
void CheckValidName(const char *name, bool version)
{
	const char *what = version ? "invalid extension version name: \"%s\""
							   : "invalid extension name: \"%s\"";
	const char *noun = version ? "Version names" : "Extension names";
	size_t len = strlen(name);
	const char *detail = nullptr;
	if (len == 0)
		detail = "must not be empty.";
	else if (strstr(name, "--") != nullptr)
		detail = "must not contain \"--\".";
	else if (name[0] == '-' || name[len - 1] == '-')
		detail = "must not begin or end with \"-\".";
	else if (strchr(name, '/') != nullptr)
		detail = "must not contain directory separator characters.";
	if (detail != nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg(what, name),
				errdetail("%s %s", noun, detail));
}

bool ParseBoolParam(const std::string &name, const std::string &value)
{
	bool result;
	if (!parse_bool(value.c_str(), &result))
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("parameter \"%s\" requires a Boolean value", name.c_str()));
	return result;
}

/* Read the primary control file (version empty) or a version's optional
 * auxiliary one into control, as PostgreSQL's
 * parse_extension_control_file. */
void ParseControlFile(ExtensionControl &control, const char *version)
{
	std::string filename = version != nullptr
		? ScriptDirectory(control) + "/" + control.name + "--" + version + ".control"
		: ControlDirectory() + "/" + control.name + ".control";
	FILE *file = fopen(filename.c_str(), "r");
	if (file == nullptr)
	{
		if (errno == ENOENT)
		{
			if (version != nullptr)
				return;
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("extension \"%s\" is not available", control.name.c_str()),
					errdetail("Could not open extension control file \"%s\": %m.",
							  filename.c_str()),
					errhint("The extension must first be installed on the system where "
							"PostgreSQL is running."));
		}
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not open extension control file \"%s\": %m", filename.c_str()));
	}
	fclose(file);
	std::vector<tusk::guc::ConfigItem> items;
	(void) tusk::guc::ParseConfigFile(filename, true, 0, ERROR, items);
	for (const tusk::guc::ConfigItem &item : items)
	{
		const std::string &name = item.name;
		if (name == "directory" || name == "default_version")
		{
			if (version != nullptr)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("parameter \"%s\" cannot be set in a secondary extension control "
							   "file",
							   name.c_str()));
			(name == "directory" ? control.directory : control.default_version) = item.value;
		}
		else if (name == "module_pathname")
			control.module_pathname = item.value;
		else if (name == "comment")
			control.comment = item.value;
		else if (name == "schema")
			control.schema = item.value;
		else if (name == "relocatable")
			control.relocatable = ParseBoolParam(name, item.value);
		else if (name == "superuser")
			control.superuser = ParseBoolParam(name, item.value);
		else if (name == "trusted")
			control.trusted = ParseBoolParam(name, item.value);
		else if (name == "encoding")
		{
			/* Tusk's databases are UTF8: scripts must be UTF8 (or ASCII). */
			std::string enc = item.value;
			std::transform(enc.begin(), enc.end(), enc.begin(), ::toupper);
			enc.erase(std::remove(enc.begin(), enc.end(), '-'), enc.end());
			enc.erase(std::remove(enc.begin(), enc.end(), '_'), enc.end());
			if (enc != "UTF8" && enc != "UNICODE" && enc != "SQLASCII")
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("extension script encoding \"%s\" is not supported",
							   item.value.c_str()));
		}
		else if (name == "requires")
		{
			auto names = tusk::common::SplitList(item.value, true);
			if (!names)
				ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("parameter \"%s\" must be a list of extension names", name.c_str()));
			control.required = *names;
		}
		else
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("unrecognized parameter \"%s\" in file \"%s\"", name.c_str(),
						   filename.c_str()));
	}
	if (control.relocatable && control.schema)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("parameter \"schema\" cannot be specified when \"relocatable\" is true"));
}

ExtensionControl ReadControlFile(const char *extname)
{
	ExtensionControl control;
	control.name = extname;
	ParseControlFile(control, nullptr);
	return control;
}

/* The primary control's settings overridden by version's auxiliary file. */
ExtensionControl ReadAuxControlFile(const ExtensionControl &primary, const char *version)
{
	ExtensionControl control = primary;
	ParseControlFile(control, version);
	return control;
}

/* The versions the scripts mention: which can be installed directly and
 * which updates lead where (PostgreSQL's get_ext_ver_list). */
struct VersionGraph
{
	std::map<std::string, bool> installable;				   /* every version */
	std::map<std::string, std::vector<std::string>> reachable; /* from → to */
};

VersionGraph ReadVersionGraph(const ExtensionControl &control)
{
	VersionGraph graph;
	std::string dir = ScriptDirectory(control);
	DIR *d = opendir(dir.c_str());
	if (d == nullptr)
	{
		if (errno == ENOENT)
			return graph;
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not open directory \"%s\": %m", dir.c_str()));
	}
	std::string prefix = control.name + "--";
	while (struct dirent *de = readdir(d))
	{
		std::string file = de->d_name;
		if (file.size() <= prefix.size() + 4 || file.compare(0, prefix.size(), prefix) != 0 ||
			file.compare(file.size() - 4, 4, ".sql") != 0)
			continue;
		std::string rest = file.substr(prefix.size(), file.size() - prefix.size() - 4);
		size_t dash = rest.find("--");
		if (dash == std::string::npos)
		{
			graph.installable[rest] = true;
			continue;
		}
		std::string from = rest.substr(0, dash);
		std::string to = rest.substr(dash + 2);
		/* A third "--" makes it no script of ours. */
		if (to.find("--") != std::string::npos)
			continue;
		(void) graph.installable.try_emplace(from, false);
		(void) graph.installable.try_emplace(to, false);
		graph.reachable[from].push_back(to);
	}
	closedir(d);
	return graph;
}

/* The shortest chain of updates from start to target, with
 * reject_indirect one that passes through no other installable version
 * (PostgreSQL's find_update_path); empty when there is none. */
std::vector<std::string> FindUpdatePath(const VersionGraph &graph, const std::string &start,
										const std::string &target, bool reject_indirect)
{
	std::map<std::string, std::string> previous;
	std::deque<std::string> queue{start};
	previous[start] = "";
	while (!queue.empty())
	{
		std::string v = queue.front();
		queue.pop_front();
		if (v == target)
			break;
		auto it = graph.reachable.find(v);
		if (it == graph.reachable.end())
			continue;
		std::vector<std::string> next = it->second;
		std::sort(next.begin(), next.end());
		for (const std::string &w : next)
		{
			if (previous.count(w) != 0)
				continue;
			if (reject_indirect && w != target && graph.installable.at(w))
				continue;
			previous[w] = v;
			queue.push_back(w);
		}
	}
	std::vector<std::string> path;
	if (previous.count(target) == 0 || target == start)
		return path;
	for (std::string v = target; v != start; v = previous[v])
		path.push_back(v);
	std::reverse(path.begin(), path.end());
	return path;
}

std::string ReadWholeFile(const std::string &filename)
{
	std::ifstream in(filename, std::ios::binary);
	if (!in)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not open file \"%s\" for reading: %m", filename.c_str()));
	std::ostringstream out;
	out << in.rdbuf();
	return out.str();
}

void ReplaceAll(std::string &s, const std::string &from, const std::string &to)
{
	for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
		s.replace(pos, from.size(), to);
}

/* Run a script's statements one by one, each analyzed only after the
 * previous one ran (PostgreSQL's execute_sql_string). */
void ExecuteSqlString(const char *sql)
{
	List *parsetrees = raw_parser(sql);
	ListCell *lc;
	foreach (lc, parsetrees)
	{
		RawStmt *parsetree = static_cast<RawStmt *>(lfirst(lc));
		MemoryContext context = AllocSetContextCreate(CurrentMemoryContext,
													  "execute_sql_string per-statement context",
													  ALLOCSET_DEFAULT_SIZES);
		MemoryContext old = MemoryContextSwitchTo(context);
		CommandCounterIncrement();
		if (IsA(parsetree->stmt, TransactionStmt))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("transaction control statements are not allowed within an extension "
						   "script"));
		PushActiveSnapshot(GetTransactionSnapshot());
		Query *query = parse_analyze_fixedparams(parsetree, sql, nullptr, 0);
		PlannedStmt *plan = planner(query, sql, 0, nullptr);
		PopActiveSnapshot();
		CommandCounterIncrement();
		Portal portal = CreateNewPortal();
		portal->visible = false;
		PortalDefineQuery(portal, nullptr, sql, CreateCommandName(parsetree->stmt),
						  list_make1(plan), nullptr);
		PortalStart(portal, nullptr, 0, InvalidSnapshot);
		char tag[COMPLETION_TAG_BUFSIZE];
		(void) PortalRun(portal, FETCH_ALL, false, None_Receiver, None_Receiver, tag);
		PortalDrop(portal, false);
		MemoryContextSwitchTo(old);
		MemoryContextDelete(context);
	}
	CommandCounterIncrement();
}

/* creating_extension and CurrentExtensionObject for one script's run,
 * reset however it ends. */
class CreatingExtension
{
  public:
	explicit CreatingExtension(Oid ext)
	{
		creating_extension = true;
		CurrentExtensionObject = ext;
	}
	~CreatingExtension()
	{
		creating_extension = false;
		CurrentExtensionObject = InvalidOid;
	}
	CreatingExtension(const CreatingExtension &) = delete;
	CreatingExtension &operator=(const CreatingExtension &) = delete;
};

std::string RoleName(Oid roleid)
{
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for role %u", roleid);
	std::string name = NameStr(reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolname);
	ReleaseSysCache(tup);
	return name;
}

/* Run one installation (from == nullptr) or update script of the
 * extension (PostgreSQL's execute_extension_script). */
void ExecuteExtensionScript(Oid extensionOid, const ExtensionControl &control, const char *from,
							const char *version, const std::vector<Oid> &requiredSchemas,
							const char *schemaName)
{
	std::string filename = ScriptFilename(control, from, version);
	int nestlevel = NewGUCNestLevel();
	if (client_min_messages < WARNING)
		(void) set_config_option("client_min_messages", "warning", PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
	if (log_min_messages < WARNING)
		(void) set_config_option("log_min_messages", "warning", PGC_SUSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
	std::string path = quote_identifier(schemaName);
	for (Oid reqschema : requiredSchemas)
	{
		char *reqname = get_namespace_name(reqschema);
		if (reqname != nullptr && strcmp(reqname, "pg_catalog") != 0)
		{
			path += ", ";
			path += quote_identifier(reqname);
		}
	}
	path += ", pg_temp";
	(void) set_config_option("search_path", path.c_str(), PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	{
		CreatingExtension guard(extensionOid);
		std::string sql = ReadWholeFile(filename);
		/* Lines beginning with \echo become empty. */
		for (size_t pos = 0; pos < sql.size();)
		{
			size_t eol = sql.find('\n', pos);
			if (eol == std::string::npos)
				eol = sql.size();
			if (sql.compare(pos, 5, "\\echo") == 0)
			{
				sql.erase(pos, eol - pos);
				eol = pos;
			}
			pos = eol + 1;
		}
		const std::string quoting_relevant_chars = "\"$'\\";
		if (sql.find("@extowner@") != std::string::npos)
		{
			std::string user = RoleName(MyUserId);
			ReplaceAll(sql, "@extowner@", quote_identifier(user.c_str()));
			if (user.find_first_of(quoting_relevant_chars) != std::string::npos)
				ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid character in extension owner: must not contain any of "
							   "\"%s\"",
							   quoting_relevant_chars.c_str()));
		}
		if (!control.relocatable && sql.find("@extschema@") != std::string::npos)
		{
			ReplaceAll(sql, "@extschema@", quote_identifier(schemaName));
			if (strpbrk(schemaName, quoting_relevant_chars.c_str()) != nullptr)
				ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid character in extension \"%s\" schema: must not contain "
							   "any of \"%s\"",
							   control.name.c_str(), quoting_relevant_chars.c_str()));
		}
		if (control.module_pathname)
			ReplaceAll(sql, "MODULE_PATHNAME", *control.module_pathname);
		ExecuteSqlString(sql.c_str());
	}
	AtEOXact_GUC(true, nestlevel);
}

Oid GetExtensionSchema(Oid ext_oid);

/* Insert the pg_extension row and its dependencies on the schema and on
 * the required extensions (PostgreSQL's InsertExtensionTuple). */
Oid InsertExtensionTuple(const char *extName, Oid extOwner, Oid schemaOid, bool relocatable,
						 const char *extVersion, const std::vector<Oid> &requiredExtensions)
{
	Oid extensionOid = GetNewObjectId();
	Relation rel = relation_open(ExtensionRelationId, RowExclusiveLock);
	CatalogRow row(rel);
	row.Set(Anum_pg_extension_oid, ObjectIdGetDatum(extensionOid))
		.SetName(Anum_pg_extension_extname, extName)
		.Set(Anum_pg_extension_extowner, ObjectIdGetDatum(extOwner))
		.Set(Anum_pg_extension_extnamespace, ObjectIdGetDatum(schemaOid))
		.Set(Anum_pg_extension_extrelocatable, BoolGetDatum(relocatable))
		.Set(Anum_pg_extension_extversion, CStringGetTextDatum(extVersion))
		.SetNull(Anum_pg_extension_extconfig)
		.SetNull(Anum_pg_extension_extcondition);
	CatalogTupleInsert(rel, row.Form());
	relation_close(rel, RowExclusiveLock);

	ObjectAddress myself;
	ObjectAddressSet(myself, ExtensionRelationId, extensionOid);
	std::vector<ObjectAddress> refs;
	refs.push_back({NamespaceRelationId, schemaOid, 0});
	for (Oid req : requiredExtensions)
		if (std::none_of(refs.begin(), refs.end(), [&](const ObjectAddress &a) {
				return a.classId == ExtensionRelationId && a.objectId == req;
			}))
			refs.push_back({ExtensionRelationId, req, 0});
	recordMultipleDependencies(&myself, refs.data(), static_cast<int>(refs.size()),
							   DEPENDENCY_NORMAL);
	recordDependencyOnOwner(ExtensionRelationId, extensionOid, extOwner);
	return extensionOid;
}

/* Set an installed extension's version and relocatability before an
 * update script runs; returns its schema. */
Oid UpdateExtensionRow(Oid extensionOid, const char *version, bool relocatable)
{
	Relation rel = relation_open(ExtensionRelationId, RowExclusiveLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	TupleDesc desc = RelationGetDescr(rel);
	HeapTuple found = nullptr;
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		bool isnull;
		if (DatumGetObjectId(heap_getattr(t, Anum_pg_extension_oid, desc, &isnull)) == extensionOid)
		{
			found = heap_copytuple(t);
			break;
		}
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	if (found == nullptr)
		elog(ERROR, "could not find tuple for extension %u", extensionOid);
	auto *values = static_cast<Datum *>(palloc(sizeof(Datum) * desc->natts));
	auto *nulls = static_cast<bool *>(palloc(sizeof(bool) * desc->natts));
	heap_deform_tuple(found, desc, values, nulls);
	Oid schemaOid = DatumGetObjectId(values[Anum_pg_extension_extnamespace - 1]);
	values[Anum_pg_extension_extversion - 1] = CStringGetTextDatum(version);
	values[Anum_pg_extension_extrelocatable - 1] = BoolGetDatum(relocatable);
	HeapTuple tup = heap_form_tuple(desc, values, nulls);
	CatalogTupleUpdate(rel, &found->t_self, tup);
	relation_close(rel, RowExclusiveLock);
	CommandCounterIncrement();
	return schemaOid;
}

ObjectAddress CreateExtensionInternal(const char *extensionName, const char *schemaName,
									  const char *versionName, bool cascade,
									  const std::vector<std::string> &parents);

/* The required extension's OID, installing it with CASCADE (PostgreSQL's
 * get_required_extension). */
Oid GetRequiredExtension(const std::string &req, const char *extensionName,
						 const char *origSchemaName, bool cascade,
						 const std::vector<std::string> &parents, bool is_create)
{
	Oid reqoid = get_extension_oid(req.c_str(), true);
	if (OidIsValid(reqoid))
		return reqoid;
	if (!cascade)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("required extension \"%s\" is not installed", req.c_str()),
				is_create
					? errhint(
						  "Use CREATE EXTENSION ... CASCADE to install required extensions too.")
					: 0);
	CheckValidName(req.c_str(), false);
	for (const std::string &p : parents)
		if (p == req)
			ereport(ERROR, errcode(ERRCODE_INVALID_RECURSION),
					errmsg("cyclic dependency detected between extensions \"%s\" and \"%s\"",
						   req.c_str(), extensionName));
	ereport(NOTICE, errmsg("installing required extension \"%s\"", req.c_str()));
	std::vector<std::string> cascade_parents = parents;
	cascade_parents.emplace_back(extensionName);
	return CreateExtensionInternal(req.c_str(), origSchemaName, nullptr, cascade, cascade_parents)
		.objectId;
}

/* Run the update scripts from initialVersion along updates, each after
 * setting the row's version and its required extensions' dependencies
 * from that version's control file (PostgreSQL's ApplyExtensionUpdates). */
void ApplyExtensionUpdates(Oid extensionOid, const ExtensionControl &pcontrol,
						   const std::string &initialVersion,
						   const std::vector<std::string> &updates, const char *origSchemaName,
						   bool cascade, bool is_create)
{
	std::string from = initialVersion;
	for (const std::string &to : updates)
	{
		ExtensionControl control = ReadAuxControlFile(pcontrol, to.c_str());
		Oid schemaOid = UpdateExtensionRow(extensionOid, to.c_str(), control.relocatable);
		char *schemaName = get_namespace_name(schemaOid);
		std::vector<Oid> requiredSchemas;
		std::vector<ObjectAddress> requiredExtensions;
		for (const std::string &req : control.required)
		{
			Oid reqext = GetRequiredExtension(req, control.name.c_str(), origSchemaName, cascade,
											  {}, is_create);
			requiredExtensions.push_back({ExtensionRelationId, reqext, 0});
			requiredSchemas.push_back(GetExtensionSchema(reqext));
		}
		(void) deleteDependencyRecordsForClass(ExtensionRelationId, extensionOid,
											   ExtensionRelationId, DEPENDENCY_NORMAL);
		ObjectAddress myself;
		ObjectAddressSet(myself, ExtensionRelationId, extensionOid);
		for (const ObjectAddress &other : requiredExtensions)
			recordDependencyOn(&myself, &other, DEPENDENCY_NORMAL);
		CommandCounterIncrement();
		ExecuteExtensionScript(extensionOid, control, from.c_str(), to.c_str(), requiredSchemas,
							   schemaName);
		from = to;
	}
}

ObjectAddress CreateExtensionInternal(const char *extensionName, const char *schemaName,
									  const char *versionName, bool cascade,
									  const std::vector<std::string> &parents)
{
	const char *origSchemaName = schemaName;
	ExtensionControl pcontrol = ReadControlFile(extensionName);
	std::string version;
	if (versionName != nullptr)
		version = versionName;
	else if (pcontrol.default_version)
		version = *pcontrol.default_version;
	else
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("version to install must be specified"));
	CheckValidName(version.c_str(), true);

	/* The installation script, else the best chain of updates to it. */
	std::vector<std::string> updates;
	struct stat st;
	if (stat(ScriptFilename(pcontrol, nullptr, version.c_str()).c_str(), &st) != 0)
	{
		VersionGraph graph = ReadVersionGraph(pcontrol);
		(void) graph.installable.try_emplace(version, false);
		std::optional<std::string> best;
		for (const auto &[start, installable] : graph.installable)
		{
			if (!installable)
				continue;
			std::vector<std::string> path = FindUpdatePath(graph, start, version, true);
			if (path.empty())
				continue;
			/* The shortest; among equals, the greatest starting name. */
			if (!best || path.size() < updates.size() ||
				(path.size() == updates.size() && *best < start))
			{
				best = start;
				updates = path;
			}
		}
		if (!best)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("extension \"%s\" has no installation script nor update path for "
						   "version \"%s\"",
						   pcontrol.name.c_str(), version.c_str()));
		version = *best;
	}
	ExtensionControl control = ReadAuxControlFile(pcontrol, version.c_str());

	/* The target schema. */
	Oid schemaOid = InvalidOid;
	std::string schema;
	if (schemaName != nullptr)
	{
		schemaOid = get_namespace_oid(schemaName, false);
		schema = schemaName;
	}
	if (control.schema)
	{
		if (schemaName != nullptr && *control.schema != schemaName && !cascade)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("extension \"%s\" must be installed in schema \"%s\"",
						   control.name.c_str(), control.schema->c_str()));
		schema = *control.schema;
		schemaOid = get_namespace_oid(schema.c_str(), true);
		if (!OidIsValid(schemaOid))
		{
			CreateSchemaStmt *csstmt = makeNode(CreateSchemaStmt);
			csstmt->schemaname = pstrdup(schema.c_str());
			(void) CreateSchemaCommand(csstmt, "(generated CREATE SCHEMA command)");
			schemaOid = get_namespace_oid(schema.c_str(), false);
		}
	}
	else if (!OidIsValid(schemaOid))
	{
		List *search_path = fetch_search_path(false);
		char *name = search_path == NIL ? nullptr : get_namespace_name(linitial_oid(search_path));
		if (name == nullptr)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_SCHEMA),
					errmsg("no schema has been selected to create in"));
		schemaOid = linitial_oid(search_path);
		schema = name;
	}

	/* The required extensions, and their schemas for the search path. */
	std::vector<Oid> requiredExtensions;
	std::vector<Oid> requiredSchemas;
	for (const std::string &req : control.required)
	{
		Oid reqext = GetRequiredExtension(req, extensionName, origSchemaName, cascade, parents,
										  true);
		requiredExtensions.push_back(reqext);
		requiredSchemas.push_back(GetExtensionSchema(reqext));
	}

	Oid extensionOid = InsertExtensionTuple(control.name.c_str(), MyUserId, schemaOid,
											control.relocatable, version.c_str(),
											requiredExtensions);
	if (control.comment)
		CreateComments(extensionOid, ExtensionRelationId, 0, control.comment->c_str());
	CommandCounterIncrement();

	ExecuteExtensionScript(extensionOid, control, nullptr, version.c_str(), requiredSchemas,
						   schema.c_str());
	/* Then the updates, as ALTER EXTENSION UPDATE would run them. */
	ApplyExtensionUpdates(extensionOid, pcontrol, version, updates, origSchemaName, cascade, true);
	ObjectAddress address;
	ObjectAddressSet(address, ExtensionRelationId, extensionOid);
	return address;
}

/* Call f on each pg_extension row until it returns true. */
template <typename F>
void ScanExtensions(F f)
{
	Relation rel = relation_open(ExtensionRelationId, AccessShareLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
		if (f(t, RelationGetDescr(rel)))
			break;
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	relation_close(rel, AccessShareLock);
}

Oid GetExtensionSchema(Oid ext_oid)
{
	Oid result = InvalidOid;
	ScanExtensions([&](HeapTuple t, TupleDesc desc) {
		bool isnull;
		if (DatumGetObjectId(heap_getattr(t, Anum_pg_extension_oid, desc, &isnull)) != ext_oid)
			return false;
		result = DatumGetObjectId(heap_getattr(t, Anum_pg_extension_extnamespace, desc, &isnull));
		return true;
	});
	return result;
}

}  // namespace

Oid get_extension_oid(const char *extname, bool missing_ok)
{
	Oid result = InvalidOid;
	ScanExtensions([&](HeapTuple t, TupleDesc desc) {
		bool isnull;
		Name name = DatumGetName(heap_getattr(t, Anum_pg_extension_extname, desc, &isnull));
		if (strcmp(NameStr(*name), extname) != 0)
			return false;
		result = DatumGetObjectId(heap_getattr(t, Anum_pg_extension_oid, desc, &isnull));
		return true;
	});
	if (!OidIsValid(result) && !missing_ok)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("extension \"%s\" does not exist", extname));
	return result;
}

char *get_extension_name(Oid ext_oid)
{
	char *result = nullptr;
	ScanExtensions([&](HeapTuple t, TupleDesc desc) {
		bool isnull;
		if (DatumGetObjectId(heap_getattr(t, Anum_pg_extension_oid, desc, &isnull)) != ext_oid)
			return false;
		result = pstrdup(
			NameStr(*DatumGetName(heap_getattr(t, Anum_pg_extension_extname, desc, &isnull))));
		return true;
	});
	return result;
}

ObjectAddress CreateExtension(CreateExtensionStmt *stmt)
{
	CheckValidName(stmt->extname, false);
	if (OidIsValid(get_extension_oid(stmt->extname, true)))
	{
		if (stmt->if_not_exists)
		{
			ereport(NOTICE, errcode(ERRCODE_DUPLICATE_OBJECT),
					errmsg("extension \"%s\" already exists, skipping", stmt->extname));
			return ObjectAddress{InvalidOid, InvalidOid, 0};
		}
		ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
				errmsg("extension \"%s\" already exists", stmt->extname));
	}
	if (creating_extension)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("nested CREATE EXTENSION is not supported"));
	const DefElem *d_schema = nullptr;
	const DefElem *d_version = nullptr;
	const DefElem *d_cascade = nullptr;
	ListCell *lc;
	foreach (lc, stmt->options)
	{
		const DefElem *defel = static_cast<const DefElem *>(lfirst(lc));
		const DefElem **slot = strcmp(defel->defname, "schema") == 0 ? &d_schema
			: strcmp(defel->defname, "new_version") == 0			 ? &d_version
			: strcmp(defel->defname, "cascade") == 0				 ? &d_cascade
																	 : nullptr;
		if (slot == nullptr)
			elog(ERROR, "unrecognized option: %s", defel->defname);
		if (*slot != nullptr)
			errorConflictingDefElem(defel, nullptr);
		*slot = defel;
	}
	return CreateExtensionInternal(stmt->extname,
								   d_schema != nullptr ? defGetString(d_schema) : nullptr,
								   d_version != nullptr ? defGetString(d_version) : nullptr,
								   d_cascade != nullptr && defGetBoolean(d_cascade), {});
}

ObjectAddress ExecAlterExtensionStmt(AlterExtensionStmt *stmt)
{
	if (creating_extension)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("nested ALTER EXTENSION is not supported"));
	Oid extensionOid = get_extension_oid(stmt->extname, false);
	std::string oldVersion;
	ScanExtensions([&](HeapTuple t, TupleDesc desc) {
		bool isnull;
		if (DatumGetObjectId(heap_getattr(t, Anum_pg_extension_oid, desc, &isnull)) != extensionOid)
			return false;
		Datum v = heap_getattr(t, Anum_pg_extension_extversion, desc, &isnull);
		if (isnull)
			elog(ERROR, "extversion is null");
		oldVersion = TextDatumGetCString(v);
		return true;
	});
	if (!ObjectOwnerCheck(ExtensionRelationId, extensionOid, GetUserId()))
		ReportNotOwner(OBJECT_EXTENSION, stmt->extname);
	ExtensionControl control = ReadControlFile(stmt->extname);
	const DefElem *d_new_version = nullptr;
	ListCell *lc;
	foreach (lc, stmt->options)
	{
		const DefElem *defel = static_cast<const DefElem *>(lfirst(lc));
		if (strcmp(defel->defname, "new_version") != 0)
			elog(ERROR, "unrecognized option: %s", defel->defname);
		if (d_new_version != nullptr)
			errorConflictingDefElem(defel, nullptr);
		d_new_version = defel;
	}
	std::string version;
	if (d_new_version != nullptr && d_new_version->arg != nullptr)
		version = strVal(d_new_version->arg);
	else if (control.default_version)
		version = *control.default_version;
	else
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("version to install must be specified"));
	CheckValidName(version.c_str(), true);
	if (version == oldVersion)
	{
		ereport(NOTICE,
				errmsg("version \"%s\" of extension \"%s\" is already installed", version.c_str(),
					   stmt->extname));
		return ObjectAddress{InvalidOid, InvalidOid, 0};
	}
	VersionGraph graph = ReadVersionGraph(control);
	(void) graph.installable.try_emplace(oldVersion, false);
	(void) graph.installable.try_emplace(version, false);
	std::vector<std::string> updates = FindUpdatePath(graph, oldVersion, version, false);
	if (updates.empty())
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("extension \"%s\" has no update path from version \"%s\" to version \"%s\"",
					   control.name.c_str(), oldVersion.c_str(), version.c_str()));
	ApplyExtensionUpdates(extensionOid, control, oldVersion, updates, nullptr, false, false);
	ObjectAddress address;
	ObjectAddressSet(address, ExtensionRelationId, extensionOid);
	return address;
}

void RemoveExtensionById(Oid extId)
{
	if (extId == CurrentExtensionObject)
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("cannot drop extension \"%s\" because it is being modified",
					   get_extension_name(extId)));
	Relation rel = relation_open(ExtensionRelationId, RowExclusiveLock);
	Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	std::vector<ItemPointerData> doomed;
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		bool isnull;
		if (DatumGetObjectId(
				heap_getattr(t, Anum_pg_extension_oid, RelationGetDescr(rel), &isnull)) == extId)
			doomed.push_back(t->t_self);
	}
	heap_endscan(scan);
	UnregisterSnapshot(snapshot);
	for (ItemPointerData &tid : doomed)
		CatalogTupleDelete(rel, &tid);
	relation_close(rel, RowExclusiveLock);
}

/* ---- pg_available_extensions(), pg_available_extension_versions() ---- */

namespace {

/* One row of either function, its columns as Datums. */
struct AvailableRow
{
	std::vector<Datum> values;
	std::vector<bool> nulls;
};

/* The rows, formed on the first call in the multi-call context (nothing
 * outside it, so an error part way leaks nothing). */
struct AvailableState
{
	TupleDesc desc;
	int nrows;
	HeapTuple *rows;
};

/* The names of the installation's control files (not versions' auxiliary
 * ones), in directory order as PostgreSQL reads them. */
std::vector<std::string> ControlFileNames()
{
	std::vector<std::string> names;
	std::string dir = ControlDirectory();
	DIR *d = opendir(dir.c_str());
	if (d == nullptr)
	{
		if (errno == ENOENT)
			return names;
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not open directory \"%s\": %m", dir.c_str()));
	}
	while (struct dirent *de = readdir(d))
	{
		std::string file = de->d_name;
		if (file.size() <= 8 || file.compare(file.size() - 8, 8, ".control") != 0)
			continue;
		std::string name = file.substr(0, file.size() - 8);
		if (name.find("--") != std::string::npos)
			continue;
		names.push_back(name);
	}
	closedir(d);
	return names;
}

Datum NameDatum(const std::string &s)
{
	Name n = static_cast<Name>(palloc0(NAMEDATALEN));
	strlcpy(NameStr(*n), s.c_str(), NAMEDATALEN);
	return NameGetDatum(n);
}

Datum OptionalText(const std::optional<std::string> &s, bool *isnull)
{
	*isnull = !s.has_value();
	return s ? CStringGetTextDatum(s->c_str()) : Datum(0);
}

TupleDesc MakeDesc(const std::vector<std::pair<const char *, Oid>> &columns)
{
	TupleDesc desc = CreateTemplateTupleDesc(static_cast<int>(columns.size()));
	for (size_t i = 0; i < columns.size(); i++)
		TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), columns[i].first,
						   columns[i].second, -1, 0);
	return BlessTupleDesc(desc);
}

/* The set-returning protocol for rows computed on the first call: fill
 * sets the row type and the rows. */
template <typename Fill>
Datum ReturnRows(FunctionCallInfo fcinfo, Fill fill)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		auto *state = static_cast<AvailableState *>(palloc0(sizeof(AvailableState)));
		std::vector<AvailableRow> rows;
		fill(state->desc, rows);
		state->nrows = static_cast<int>(rows.size());
		state->rows = static_cast<HeapTuple *>(palloc0(sizeof(HeapTuple) * (rows.size() + 1)));
		for (size_t r = 0; r < rows.size(); r++)
		{
			bool *nulls = static_cast<bool *>(palloc0(sizeof(bool) * rows[r].nulls.size()));
			for (size_t i = 0; i < rows[r].nulls.size(); i++)
				nulls[i] = rows[r].nulls[i];
			state->rows[r] = heap_form_tuple(state->desc, rows[r].values.data(), nulls);
		}
		funcctx->user_fctx = state;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *state = static_cast<AvailableState *>(funcctx->user_fctx);
	if (funcctx->call_cntr < static_cast<uint64>(state->nrows))
	{
		/* Formed before SRF_RETURN_NEXT counts the call. */
		Datum result = heap_copy_tuple_as_datum(state->rows[funcctx->call_cntr], state->desc);
		SRF_RETURN_NEXT(funcctx, result);
	}
	SRF_RETURN_DONE(funcctx);
}

}  // namespace

/* pg_available_extensions(): name, default_version, comment of each
 * control file in share/extension. */
Datum pg_available_extensions(PG_FUNCTION_ARGS)
{
	return ReturnRows(fcinfo, [](TupleDesc &desc, std::vector<AvailableRow> &rows) {
		desc = MakeDesc({{"name", NAMEOID}, {"default_version", TEXTOID}, {"comment", TEXTOID}});
		for (const std::string &name : ControlFileNames())
		{
			ExtensionControl control = ReadControlFile(name.c_str());
			AvailableRow row;
			row.values.resize(3);
			row.nulls.resize(3);
			bool isnull;
			row.values[0] = NameDatum(name);
			row.values[1] = OptionalText(control.default_version, &isnull);
			row.nulls[1] = isnull;
			row.values[2] = OptionalText(control.comment, &isnull);
			row.nulls[2] = isnull;
			rows.push_back(std::move(row));
		}
	});
}

/* pg_available_extension_versions(): one row per installable version of
 * each extension, with that version's control settings. */
Datum pg_available_extension_versions(PG_FUNCTION_ARGS)
{
	return ReturnRows(fcinfo, [](TupleDesc &desc, std::vector<AvailableRow> &rows) {
		desc = MakeDesc({{"name", NAMEOID},
						 {"version", TEXTOID},
						 {"superuser", BOOLOID},
						 {"trusted", BOOLOID},
						 {"relocatable", BOOLOID},
						 {"schema", NAMEOID},
						 {"requires", NAMEARRAYOID},
						 {"comment", TEXTOID}});
		for (const std::string &name : ControlFileNames())
		{
			ExtensionControl pcontrol = ReadControlFile(name.c_str());
			VersionGraph graph = ReadVersionGraph(pcontrol);
			for (const auto &[version, installable] : graph.installable)
			{
				if (!installable)
					continue;
				ExtensionControl control = ReadAuxControlFile(pcontrol, version.c_str());
				AvailableRow row;
				row.values.resize(8);
				row.nulls.resize(8);
				row.values[0] = NameDatum(name);
				row.values[1] = CStringGetTextDatum(version.c_str());
				row.values[2] = BoolGetDatum(control.superuser);
				row.values[3] = BoolGetDatum(control.trusted);
				row.values[4] = BoolGetDatum(control.relocatable);
				if (control.schema)
					row.values[5] = NameDatum(*control.schema);
				else
					row.nulls[5] = true;
				if (control.required.empty())
					row.nulls[6] = true;
				else
				{
					std::vector<Datum> elems;
					for (const std::string &r : control.required)
						elems.push_back(NameDatum(r));
					row.values[6] = PointerGetDatum(
						construct_array(elems.data(), static_cast<int>(elems.size()), NAMEOID,
										NAMEDATALEN, false, TYPALIGN_CHAR));
				}
				bool isnull;
				row.values[7] = OptionalText(control.comment, &isnull);
				row.nulls[7] = isnull;
				rows.push_back(std::move(row));
			}
		}
	});
}

/* pg_extension_update_paths(name): for every ordered pair of the
 * versions the scripts mention, the shortest chain of updates ("1.0--1.1"
 * … ) or NULL. */
Datum pg_extension_update_paths(PG_FUNCTION_ARGS)
{
	std::string extname = NameStr(*PG_GETARG_NAME(0));
	return ReturnRows(fcinfo, [&](TupleDesc &desc, std::vector<AvailableRow> &rows) {
		CheckValidName(extname.c_str(), false);
		desc = MakeDesc({{"source", TEXTOID}, {"target", TEXTOID}, {"path", TEXTOID}});
		ExtensionControl control = ReadControlFile(extname.c_str());
		VersionGraph graph = ReadVersionGraph(control);
		for (const auto &source : graph.installable)
			for (const auto &target : graph.installable)
			{
				if (source.first == target.first)
					continue;
				AvailableRow row;
				row.values = {CStringGetTextDatum(source.first.c_str()),
							  CStringGetTextDatum(target.first.c_str()), Datum(0)};
				row.nulls = {false, false, false};
				std::vector<std::string> path = FindUpdatePath(graph, source.first, target.first,
															   false);
				if (path.empty())
					row.nulls[2] = true;
				else
				{
					std::string text = source.first;
					for (const std::string &v : path)
					{
						text += "--";
						text += v;
					}
					row.values[2] = CStringGetTextDatum(text.c_str());
				}
				rows.push_back(std::move(row));
			}
	});
}
