/*
 * sysinfo.cpp — system information functions: object sizes on disk
 * (pg_relation_size, pg_table_size, pg_indexes_size,
 * pg_total_relation_size, pg_database_size), pg_size_pretty and
 * pg_size_bytes, a relation's files (pg_relation_filenode,
 * pg_relation_filepath), encodings (getdatabaseencoding,
 * pg_client_encoding, pg_encoding_to_char, pg_char_to_encoding),
 * pg_get_userbyid, current_query, num_nulls / num_nonnulls,
 * pg_is_in_recovery, pg_current_xact_id(_if_assigned), pg_reload_conf
 * and pg_conf_load_time.
 *
 * Sizes are what the files hold, as PostgreSQL measures them: every
 * segment of every fork is stat'ed, so a size counts blocks written,
 * not rows.  A relation or database that does not exist gives NULL
 * (the OID forms), as in PostgreSQL.
 *
 * Principal entry points: the SQL-callable functions below (their C
 * names are PostgreSQL's pg_proc.prosrc).
 */
#include "postgres.h"

#include <dirent.h>
#include <signal.h>
#include <strings.h>
#include <sys/stat.h>

#include <cerrno>
#include <string>

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/transam.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "catalog/indexing.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_database_d.h"
#include "miscadmin.h"
#include "nodes/pg_list.h"
#include "storage/smgr.h"
#include "utils/builtins.h"
#include "utils/array.h"
#include "utils/error/error.h"
#include "utils/fmgrprotos.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/numeric.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

namespace {

/* ---- sizes ---- */

/* The bytes in the files of one fork: its segments, until one is
 * missing. */
int64 ForkSize(const RelFileNode &node, ForkNumber fork)
{
	char *path = GetRelationPath(node, fork);
	int64 total = 0;
	for (unsigned segno = 0;; segno++)
	{
		std::string seg = segno == 0 ? std::string(path)
									 : std::string(path) + "." + std::to_string(segno);
		struct stat st;
		if (stat(seg.c_str(), &st) < 0)
		{
			if (errno == ENOENT)
				break;
			ereport(ERROR, errcode_for_file_access(),
					errmsg("could not stat file \"%s\": %m", seg.c_str()));
		}
		total += st.st_size;
	}
	pfree(path);
	return total;
}

bool HasStorage(Relation rel)
{
	char kind = rel->rd_rel->relkind;
	return kind == RELKIND_RELATION || kind == RELKIND_INDEX || kind == RELKIND_SEQUENCE ||
		kind == RELKIND_TOASTVALUE || kind == RELKIND_MATVIEW;
}

int64 AllForksSize(Relation rel)
{
	if (!HasStorage(rel))
		return 0;
	int64 total = 0;
	for (int fork = 0; fork <= MAX_FORKNUM; fork++)
		total += ForkSize(rel->rd_node, static_cast<ForkNumber>(fork));
	return total;
}

/* The relation, open with AccessShareLock, or nullptr if there is none
 * with that OID. */
Relation TryOpen(Oid relid)
{
	if (!SearchSysCacheExists1(RELOID, ObjectIdGetDatum(relid)))
		return nullptr;
	return relation_open(relid, AccessShareLock);
}

int64 IndexesSize(Relation rel)
{
	int64 total = 0;
	ListCell *lc;
	foreach (lc, RelationGetIndexList(rel))
	{
		Relation idx = relation_open(lfirst_oid(lc), AccessShareLock);
		total += AllForksSize(idx);
		relation_close(idx, AccessShareLock);
	}
	return total;
}

/* The table's forks and its TOAST table's (with the TOAST index). */
int64 TableSize(Relation rel)
{
	int64 total = AllForksSize(rel);
	if (OidIsValid(rel->rd_rel->reltoastrelid))
	{
		Relation toast = relation_open(rel->rd_rel->reltoastrelid, AccessShareLock);
		total += AllForksSize(toast) + IndexesSize(toast);
		relation_close(toast, AccessShareLock);
	}
	return total;
}

ForkNumber ForkByName(const char *name)
{
	static const char *const kForkNames[] = {"main", "fsm", "vm", "init"};
	for (int fork = 0; fork <= MAX_FORKNUM; fork++)
		if (strcmp(name, kForkNames[fork]) == 0)
			return static_cast<ForkNumber>(fork);
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("invalid fork name"),
			errhint("Valid fork names are \"main\", \"fsm\", \"vm\", and \"init\"."));
	pg_unreachable();
}

/* The bytes under a directory (not recursing: a database directory
 * holds only files). */
int64 DirectorySize(const std::string &dir)
{
	DIR *d = opendir(dir.c_str());
	if (d == nullptr)
		return 0;
	int64 total = 0;
	while (struct dirent *de = readdir(d))
	{
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		std::string path = dir + "/" + de->d_name;
		struct stat st;
		if (stat(path.c_str(), &st) < 0)
		{
			if (errno == ENOENT)
				continue;
			int save = errno;
			closedir(d);
			errno = save;
			ereport(ERROR, errcode_for_file_access(),
					errmsg("could not stat file \"%s\": %m", path.c_str()));
		}
		total += st.st_size;
	}
	closedir(d);
	return total;
}

/* The database's directory in pg_default, the one tablespace Tusk stores
 * relations in. */
int64 DatabaseSize(Oid dbid)
{
	return DirectorySize("base/" + std::to_string(dbid));
}

/* PostgreSQL's units for pg_size_pretty and pg_size_bytes: the limit
 * below which a unit is used, whether the value is rounded half away
 * from zero, and the unit's power of two. */
struct SizeUnit
{
	const char *name;
	int64 limit;
	bool round;
	int bits;
};

constexpr SizeUnit kSizeUnits[] = {
	{"bytes", 10 * 1024, false, 0},	 {"kB", 20 * 1024 - 1, true, 10},
	{"MB", 20 * 1024 - 1, true, 20}, {"GB", 20 * 1024 - 1, true, 30},
	{"TB", 20 * 1024 - 1, true, 40}, {"PB", 20 * 1024 - 1, true, 50},
};
constexpr int kNumSizeUnits = sizeof(kSizeUnits) / sizeof(kSizeUnits[0]);

/* How many bits to divide by between unit i and the next: one less when
 * the next one rounds (the rounding takes the last bit), one more when
 * this one does. */
int ShiftToNext(int i)
{
	return kSizeUnits[i + 1].bits - kSizeUnits[i].bits - (kSizeUnits[i + 1].round ? 1 : 0) +
		(kSizeUnits[i].round ? 1 : 0);
}

Numeric NumericCall2(PGFunction f, Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(f, NumericGetDatum(a), NumericGetDatum(b)));
}

/* ---- encodings ---- */

/* PostgreSQL's encodings, by number (pg_enc). */
const char *const kEncodingNames[] = {
	"SQL_ASCII", "EUC_JP",		  "EUC_CN",		"EUC_KR",	  "EUC_TW",		"EUC_JIS_2004",
	"UTF8",		 "MULE_INTERNAL", "LATIN1",		"LATIN2",	  "LATIN3",		"LATIN4",
	"LATIN5",	 "LATIN6",		  "LATIN7",		"LATIN8",	  "LATIN9",		"LATIN10",
	"WIN1256",	 "WIN1258",		  "WIN866",		"WIN874",	  "KOI8R",		"WIN1251",
	"WIN1252",	 "ISO_8859_5",	  "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250",
	"WIN1253",	 "WIN1254",		  "WIN1255",	"WIN1257",	  "KOI8U",		"SJIS",
	"BIG5",		 "GBK",			  "UHC",		"GB18030",	  "JOHAB",		"SHIFT_JIS_2004",
};
constexpr int kNumEncodings = sizeof(kEncodingNames) / sizeof(kEncodingNames[0]);
/* The most bytes a character takes in each of them (PostgreSQL's
 * pg_wchar_table maxmblen): multi-byte encodings first and last, the
 * LATIN/WIN/KOI8/ISO ones (8 … 34) one byte. */
constexpr int kEncodingMaxLength[kNumEncodings] = {
	1, 3, 2, 3, 4, 3, 4, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 3, 2,
};
constexpr int kUtf8 = 6;

/* The names pg_char_to_encoding accepts besides the canonical ones, with
 * case and punctuation removed, as PostgreSQL's alias table has them. */
struct EncodingAlias
{
	const char *name;
	int encoding;
};
constexpr EncodingAlias kEncodingAliases[] = {
	{"abc", 19},		 {"alt", 20},		  {"iso88591", 8},	   {"iso885910", 13},
	{"iso885913", 14},	 {"iso885914", 15},	  {"iso885915", 16},   {"iso885916", 17},
	{"iso88592", 9},	 {"iso88593", 10},	  {"iso88594", 11},	   {"iso88599", 12},
	{"koi8", 22},		 {"mskanji", 35},	  {"shiftjis", 35},	   {"tcvn", 19},
	{"tcvn5712", 19},	 {"unicode", 6},	  {"vscii", 19},	   {"win", 23},
	{"win932", 35},		 {"win936", 37},	  {"win949", 38},	   {"win950", 36},
	{"windows1250", 29}, {"windows1251", 23}, {"windows1252", 24}, {"windows1253", 30},
	{"windows1254", 31}, {"windows1255", 32}, {"windows1256", 18}, {"windows1257", 33},
	{"windows1258", 19}, {"windows866", 20},  {"windows874", 21},  {"windows932", 35},
	{"windows936", 37},	 {"windows949", 38},  {"windows950", 36},
};

/* Lower case, letters and digits only. */
std::string CleanEncodingName(const char *name)
{
	std::string out;
	for (const char *p = name; *p != '\0'; p++)
		if (isalnum(static_cast<unsigned char>(*p)))
			out += static_cast<char>(tolower(static_cast<unsigned char>(*p)));
	return out;
}

int EncodingByName(const char *name)
{
	std::string clean = CleanEncodingName(name);
	for (int i = 0; i < kNumEncodings; i++)
		if (clean == CleanEncodingName(kEncodingNames[i]))
			return i;
	for (const EncodingAlias &a : kEncodingAliases)
		if (clean == a.name)
			return a.encoding;
	return -1;
}

Datum NameDatum(const char *s)
{
	auto *name = static_cast<Name>(palloc0(sizeof(NameData)));
	strlcpy(NameStr(*name), s, NAMEDATALEN);
	return PointerGetDatum(name);
}

/* How many of a variadic "any" call's arguments are NULL; -1 when the
 * variadic array itself is NULL. */
int CountNulls(FunctionCallInfo fcinfo, int *nargs)
{
	if (get_fn_expr_variadic(fcinfo->flinfo))
	{
		if (PG_ARGISNULL(0))
			return -1;
		ArrayType *arr = PG_GETARG_ARRAYTYPE_P(0);
		*nargs = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
		int nulls = 0;
		if (bits8 *bitmap = ARR_NULLBITMAP(arr))
			for (int i = 0; i < *nargs; i++)
				if ((bitmap[i / 8] & (1 << (i % 8))) == 0)
					nulls++;
		return nulls;
	}
	*nargs = PG_NARGS();
	int nulls = 0;
	for (int i = 0; i < *nargs; i++)
		if (PG_ARGISNULL(i))
			nulls++;
	return nulls;
}

}  // namespace

/* ---- sizes ---- */

Datum pg_relation_size(PG_FUNCTION_ARGS)
{
	Oid relid = PG_GETARG_OID(0);
	ForkNumber fork = ForkByName(text_to_cstring(PG_GETARG_TEXT_PP(1)));
	Relation rel = TryOpen(relid);
	if (rel == nullptr)
		PG_RETURN_NULL();
	int64 size = HasStorage(rel) ? ForkSize(rel->rd_node, fork) : 0;
	relation_close(rel, AccessShareLock);
	PG_RETURN_INT64(size);
}

Datum pg_table_size(PG_FUNCTION_ARGS)
{
	Relation rel = TryOpen(PG_GETARG_OID(0));
	if (rel == nullptr)
		PG_RETURN_NULL();
	int64 size = TableSize(rel);
	relation_close(rel, AccessShareLock);
	PG_RETURN_INT64(size);
}

Datum pg_indexes_size(PG_FUNCTION_ARGS)
{
	Relation rel = TryOpen(PG_GETARG_OID(0));
	if (rel == nullptr)
		PG_RETURN_NULL();
	int64 size = IndexesSize(rel);
	relation_close(rel, AccessShareLock);
	PG_RETURN_INT64(size);
}

Datum pg_total_relation_size(PG_FUNCTION_ARGS)
{
	Relation rel = TryOpen(PG_GETARG_OID(0));
	if (rel == nullptr)
		PG_RETURN_NULL();
	int64 size = TableSize(rel) + IndexesSize(rel);
	relation_close(rel, AccessShareLock);
	PG_RETURN_INT64(size);
}

Datum pg_database_size_oid(PG_FUNCTION_ARGS)
{
	Oid dbid = PG_GETARG_OID(0);
	if (!SearchSysCacheExists1(DATABASEOID, ObjectIdGetDatum(dbid)))
		PG_RETURN_NULL();
	int64 size = DatabaseSize(dbid);
	if (size == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT64(size);
}

Datum pg_database_size_name(PG_FUNCTION_ARGS)
{
	Name dbname = PG_GETARG_NAME(0);
	Relation rel = relation_open(DatabaseRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_database_datname, BTEqualStrategyNumber, F_NAMEEQ,
				NameGetDatum(dbname));
	SysScanDesc scan = systable_beginscan(rel, DatabaseNameIndexId, true, nullptr, 1, &key);
	HeapTuple tuple = systable_getnext(scan);
	Oid dbid = tuple != nullptr ? reinterpret_cast<Form_pg_database>(GETSTRUCT(tuple))->oid
								: InvalidOid;
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	if (!OidIsValid(dbid))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_DATABASE),
				errmsg("database \"%s\" does not exist", NameStr(*dbname)));
	int64 size = DatabaseSize(dbid);
	if (size == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT64(size);
}

Datum pg_size_pretty(PG_FUNCTION_ARGS)
{
	int64 size = PG_GETARG_INT64(0);
	for (int i = 0;; i++)
	{
		uint64 abs_size = size < 0 ? 0 - static_cast<uint64>(size) : static_cast<uint64>(size);
		if (i == kNumSizeUnits - 1 || abs_size < static_cast<uint64>(kSizeUnits[i].limit))
		{
			/* Half away from zero, done by division so that positive and
			 * negative sizes round alike. */
			if (kSizeUnits[i].round)
				size = (size + (size < 0 ? -1 : 1)) / 2;
			PG_RETURN_TEXT_P(cstring_to_text(
				psprintf("%lld %s", static_cast<long long>(size), kSizeUnits[i].name)));
		}
		size /= static_cast<int64>(1) << ShiftToNext(i);
	}
}

Datum pg_size_pretty_numeric(PG_FUNCTION_ARGS)
{
	Numeric size = PG_GETARG_NUMERIC(0);
	Numeric zero = int64_to_numeric(0);
	Numeric one = int64_to_numeric(1);
	Numeric two = int64_to_numeric(2);
	for (int i = 0;; i++)
	{
		Numeric abs_size = DatumGetNumeric(DirectFunctionCall1(numeric_abs, NumericGetDatum(size)));
		bool below = DatumGetBool(
			DirectFunctionCall2(numeric_lt, NumericGetDatum(abs_size),
								NumericGetDatum(int64_to_numeric(kSizeUnits[i].limit))));
		if (i == kNumSizeUnits - 1 || below)
		{
			if (kSizeUnits[i].round)
			{
				bool nonneg = DatumGetBool(
					DirectFunctionCall2(numeric_ge, NumericGetDatum(size), NumericGetDatum(zero)));
				size = NumericCall2(nonneg ? numeric_add : numeric_sub, size, one);
				size = NumericCall2(numeric_div_trunc, size, two);
			}
			char *digits = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(size)));
			PG_RETURN_TEXT_P(cstring_to_text(psprintf("%s %s", digits, kSizeUnits[i].name)));
		}
		size = NumericCall2(numeric_div_trunc, size,
							int64_to_numeric(static_cast<int64>(1) << ShiftToNext(i)));
	}
}

/* "1.5 GB" -> bytes: a number (sign, digits, fraction, exponent) and an
 * optional unit, case-insensitive. */
Datum pg_size_bytes(PG_FUNCTION_ARGS)
{
	text *arg = PG_GETARG_TEXT_PP(0);
	char *str = text_to_cstring(arg);
	const char *p = str;
	while (isspace(static_cast<unsigned char>(*p)))
		p++;
	const char *end = p;
	bool have_digits = false;
	if (*end == '-' || *end == '+')
		end++;
	while (isdigit(static_cast<unsigned char>(*end)))
	{
		have_digits = true;
		end++;
	}
	if (*end == '.')
	{
		end++;
		while (isdigit(static_cast<unsigned char>(*end)))
		{
			have_digits = true;
			end++;
		}
	}
	if (!have_digits)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid size: \"%s\"", str));
	if (*end == 'e' || *end == 'E')
	{
		/* An exponent only if digits follow: "1 EB" may be a unit some day. */
		char *after;
		(void) strtol(end + 1, &after, 10);
		if (after > end + 1)
			end = after;
	}
	std::string number(p, end);
	Numeric num = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(number.c_str()),
													  ObjectIdGetDatum(InvalidOid),
													  Int32GetDatum(-1)));
	const char *unit = end;
	while (isspace(static_cast<unsigned char>(*unit)))
		unit++;
	if (*unit != '\0')
	{
		std::string u(unit);
		while (!u.empty() && isspace(static_cast<unsigned char>(u.back())))
			u.pop_back();
		int64 multiplier = 0;
		for (const SizeUnit &su : kSizeUnits)
			if (strcasecmp(u.c_str(), su.name) == 0)
			{
				multiplier = static_cast<int64>(1) << su.bits;
				break;
			}
		if (multiplier == 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid size: \"%s\"", str),
					errdetail("Invalid size unit: \"%s\".", u.c_str()),
					errhint("Valid units are \"bytes\", \"kB\", \"MB\", \"GB\", \"TB\", and "
							"\"PB\"."));
		if (multiplier > 1)
			num = NumericCall2(numeric_mul, num, int64_to_numeric(multiplier));
	}
	PG_RETURN_INT64(DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(num))));
}

/* ---- a relation's files ---- */

Datum pg_relation_filenode(PG_FUNCTION_ARGS)
{
	SysCacheRow row(SearchSysCache1(RELOID, ObjectIdGetDatum(PG_GETARG_OID(0))));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		PG_RETURN_NULL();
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	if (form->relkind == RELKIND_VIEW || form->relkind == RELKIND_COMPOSITE_TYPE ||
		form->relkind == RELKIND_FOREIGN_TABLE || form->relkind == RELKIND_PARTITIONED_TABLE ||
		form->relkind == RELKIND_PARTITIONED_INDEX)
		PG_RETURN_NULL();
	if (!OidIsValid(form->relfilenode))
		PG_RETURN_NULL();
	PG_RETURN_OID(form->relfilenode);
}

Datum pg_relation_filepath(PG_FUNCTION_ARGS)
{
	Relation rel = TryOpen(PG_GETARG_OID(0));
	if (rel == nullptr)
		PG_RETURN_NULL();
	bool storage = HasStorage(rel);
	RelFileNode node = rel->rd_node;
	relation_close(rel, AccessShareLock);
	if (!storage)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(GetRelationPath(node, MAIN_FORKNUM)));
}

/* ---- encodings ---- */

Datum getdatabaseencoding(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	return NameDatum(kEncodingNames[kUtf8]);
}

Datum pg_client_encoding(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	return NameDatum(GetConfigOption("client_encoding", false, false));
}

Datum PG_encoding_to_char(PG_FUNCTION_ARGS)
{
	int32 encoding = PG_GETARG_INT32(0);
	return NameDatum(encoding >= 0 && encoding < kNumEncodings ? kEncodingNames[encoding] : "");
}

Datum PG_char_to_encoding(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(EncodingByName(NameStr(*PG_GETARG_NAME(0))));
}

/* pg_encoding_max_length(int): NULL for a number that is no encoding. */
Datum pg_encoding_max_length_sql(PG_FUNCTION_ARGS)
{
	int32 encoding = PG_GETARG_INT32(0);
	if (encoding < 0 || encoding >= kNumEncodings)
		PG_RETURN_NULL();
	PG_RETURN_INT32(kEncodingMaxLength[encoding]);
}

/* ---- sessions, transactions, the server ---- */

Datum pg_get_userbyid(PG_FUNCTION_ARGS)
{
	Oid roleid = PG_GETARG_OID(0);
	SysCacheRow row(SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		return NameDatum(psprintf("unknown (OID=%u)", roleid));
	return NameDatum(NameStr(reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolname));
}

/* The text of the statement the client sent (all of it, for a
 * multi-statement query string), or NULL outside one. */
Datum current_query(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	if (tusk::error::debug_query_string == nullptr)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(tusk::error::debug_query_string));
}

Datum pg_num_nulls(PG_FUNCTION_ARGS)
{
	int nargs = 0;
	int nulls = CountNulls(fcinfo, &nargs);
	if (nulls < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(nulls);
}

Datum pg_num_nonnulls(PG_FUNCTION_ARGS)
{
	int nargs = 0;
	int nulls = CountNulls(fcinfo, &nargs);
	if (nulls < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(nargs - nulls);
}

Datum pg_is_in_recovery(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_BOOL(RecoveryInProgress());
}

/* The top-level transaction's id (assigning one if it has none yet). */
Datum pg_current_xact_id(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	if (RecoveryInProgress())
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("cannot execute %s during recovery", "pg_current_xact_id()"));
	PG_RETURN_DATUM(UInt64GetDatum(U64FromFullTransactionId(GetTopFullTransactionId())));
}

Datum pg_current_xact_id_if_assigned(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	FullTransactionId fxid = GetTopFullTransactionIdIfAny();
	if (!FullTransactionIdIsValid(fxid))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(UInt64GetDatum(U64FromFullTransactionId(fxid)));
}

/* Ask the postmaster to reread the configuration files (SIGHUP); it
 * passes the signal on to every child. */
Datum pg_reload_conf(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	if (kill(PostmasterPid, SIGHUP) != 0)
	{
		ereport(WARNING, errmsg("failed to send signal to postmaster: %m"));
		PG_RETURN_BOOL(false);
	}
	PG_RETURN_BOOL(true);
}

/* When this process last loaded the configuration files. */
Datum pg_conf_load_time(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TIMESTAMPTZ(PgReloadTime);
}
