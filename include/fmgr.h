/*
 * fmgr.h — what a loadable module declares about itself.
 *
 * Every module says PG_MODULE_MAGIC; once, in one source file.  The macro
 * defines a function returning a description of the server the module was
 * built for: its major version and the compile-time limits that shape data
 * layouts.  The server checks it before calling anything in the module
 * and refuses a module built for another version, another ABI (a module
 * built against PostgreSQL's own headers says "PostgreSQL" and cannot run
 * in Tusk), or one without the block.
 *
 * The function-call interface is PostgreSQL's "version 1" convention: a
 * SQL-callable function is `Datum f(FunctionCallInfo fcinfo)` and reads its
 * arguments with PG_GETARG_xxx, returns with PG_RETURN_xxx.  Built-in
 * functions and functions in modules are called the same way; the caller
 * looks a function up once (fmgr_info) and calls it through FmgrInfo.
 */
#ifndef TUSK_FMGR_H
#define TUSK_FMGR_H

#include "postgres.h"
#include "tusk_config.h"

#define FUNC_MAX_ARGS 100
#define INDEX_MAX_KEYS 32
#define FLOAT8PASSBYVAL true
/* Identifies the server family a module was built for. */
#define FMGR_ABI_EXTRA "Tusk"

typedef struct
{
	int len;			/* sizeof(this struct) */
	int version;		/* major version: PG_VERSION_NUM / 100 */
	int funcmaxargs;	/* FUNC_MAX_ARGS */
	int indexmaxkeys;	/* INDEX_MAX_KEYS */
	int namedatalen;	/* NAMEDATALEN */
	int float8byval;	/* FLOAT8PASSBYVAL */
	char abi_extra[32]; /* FMGR_ABI_EXTRA */
} Pg_magic_struct;

#define PG_MODULE_MAGIC_DATA \
	{ \
		sizeof(Pg_magic_struct), PG_VERSION_NUM / 100, FUNC_MAX_ARGS, INDEX_MAX_KEYS, NAMEDATALEN, \
			FLOAT8PASSBYVAL, FMGR_ABI_EXTRA, \
	}

typedef const Pg_magic_struct *(*PGModuleMagicFunction)(void);

#define PG_MAGIC_FUNCTION_NAME Pg_magic_func
#define PG_MAGIC_FUNCTION_NAME_STRING "Pg_magic_func"

#ifdef __cplusplus
#define PG_MODULE_MAGIC_LINKAGE extern "C"
#else
#define PG_MODULE_MAGIC_LINKAGE extern
#endif

#define PG_MODULE_MAGIC \
	PG_MODULE_MAGIC_LINKAGE PGDLLEXPORT const Pg_magic_struct *PG_MAGIC_FUNCTION_NAME(void); \
	const Pg_magic_struct *PG_MAGIC_FUNCTION_NAME(void) \
	{ \
		static const Pg_magic_struct Pg_magic_data = PG_MODULE_MAGIC_DATA; \
		return &Pg_magic_data; \
	} \
	PG_MODULE_MAGIC_LINKAGE int no_such_variable

/* A module's initialisation function, called once when it is loaded. */
typedef void (*PG_init_t)(void);

/* ---- calling SQL functions ---- */

typedef struct Node *fmNodePtr;
typedef struct FunctionCallInfoBaseData *FunctionCallInfo;
typedef Datum (*PGFunction)(FunctionCallInfo fcinfo);
typedef struct MemoryContextData *MemoryContext;

/* What a caller keeps about a function it has looked up (fmgr_info). */
typedef struct FmgrInfo
{
	PGFunction fn_addr;		/* the implementation */
	Oid fn_oid;				/* pg_proc OID */
	short fn_nargs;			/* number of arguments (0..FUNC_MAX_ARGS) */
	bool fn_strict;			/* NULL in any argument gives NULL, without a call */
	bool fn_retset;			/* returns a set */
	unsigned char fn_stats; /* (statistics level: unused) */
	void *fn_extra;			/* the function's own cache */
	MemoryContext fn_mcxt;	/* where fn_extra lives */
	fmNodePtr fn_expr;		/* the calling expression, for argument types */
} FmgrInfo;

typedef struct NullableDatum
{
#define FIELDNO_NULLABLE_DATUM_DATUM 0
	Datum value;
#define FIELDNO_NULLABLE_DATUM_ISNULL 1
	bool isnull;
} NullableDatum;

typedef struct FunctionCallInfoBaseData
{
	FmgrInfo *flinfo;	  /* the function */
	fmNodePtr context;	  /* who calls (aggregate, trigger, …), or NULL */
	fmNodePtr resultinfo; /* for set-returning functions, or NULL */
	Oid fncollation;	  /* the collation to use */
	bool isnull;		  /* the function sets this to return NULL */
	short nargs;
	NullableDatum args[FLEXIBLE_ARRAY_MEMBER];
} FunctionCallInfoBaseData;

#define SizeForFunctionCallInfo(nargs) \
	(offsetof(FunctionCallInfoBaseData, args) + sizeof(NullableDatum) * (nargs))

/* A FunctionCallInfo with room for nargs arguments, on the stack. */
#define LOCAL_FCINFO(name, nargs) \
	union \
	{ \
		FunctionCallInfoBaseData fcinfo; \
		char fcinfo_data[SizeForFunctionCallInfo(nargs)]; \
	} name##data; \
	FunctionCallInfo name = &name##data.fcinfo

#define InitFunctionCallInfoData(Fcinfo, Flinfo, Nargs, Collation, Context, Resultinfo) \
	do \
	{ \
		(Fcinfo).flinfo = (Flinfo); \
		(Fcinfo).context = (Context); \
		(Fcinfo).resultinfo = (Resultinfo); \
		(Fcinfo).fncollation = (Collation); \
		(Fcinfo).isnull = false; \
		(Fcinfo).nargs = (Nargs); \
	} while (0)

#define FunctionCallInvoke(fcinfo) ((*(fcinfo)->flinfo->fn_addr)(fcinfo))

#define PG_FUNCTION_ARGS FunctionCallInfo fcinfo
#define PG_NARGS() (fcinfo->nargs)
#define PG_ARGISNULL(n) (fcinfo->args[n].isnull)
#define PG_GET_COLLATION() (fcinfo->fncollation)

/* Varlena arguments may arrive packed (1-byte header), compressed or
 * out of line; these give a plain, 4-byte-headered, in-memory copy when
 * needed (palloc'd in CurrentMemoryContext), else the value itself. */
#define PG_DETOAST_DATUM(datum) pg_detoast_datum((struct varlena *) DatumGetPointer(datum))
#define PG_DETOAST_DATUM_COPY(datum) \
	pg_detoast_datum_copy((struct varlena *) DatumGetPointer(datum))
#define PG_DETOAST_DATUM_PACKED(datum) \
	pg_detoast_datum_packed((struct varlena *) DatumGetPointer(datum))
#define PG_FREE_IF_COPY(ptr, n) \
	do \
	{ \
		if ((Pointer) (ptr) != PG_GETARG_POINTER(n)) \
			pfree(ptr); \
	} while (0)

#define PG_GETARG_DATUM(n) (fcinfo->args[n].value)
#define PG_GETARG_INT32(n) DatumGetInt32(PG_GETARG_DATUM(n))
#define PG_GETARG_UINT32(n) DatumGetUInt32(PG_GETARG_DATUM(n))
#define PG_GETARG_INT16(n) DatumGetInt16(PG_GETARG_DATUM(n))
#define PG_GETARG_UINT16(n) DatumGetUInt16(PG_GETARG_DATUM(n))
#define PG_GETARG_CHAR(n) DatumGetChar(PG_GETARG_DATUM(n))
#define PG_GETARG_BOOL(n) DatumGetBool(PG_GETARG_DATUM(n))
#define PG_GETARG_OID(n) DatumGetObjectId(PG_GETARG_DATUM(n))
#define PG_GETARG_POINTER(n) DatumGetPointer(PG_GETARG_DATUM(n))
#define PG_GETARG_CSTRING(n) DatumGetCString(PG_GETARG_DATUM(n))
#define PG_GETARG_NAME(n) DatumGetName(PG_GETARG_DATUM(n))
#define PG_GETARG_FLOAT4(n) DatumGetFloat4(PG_GETARG_DATUM(n))
#define PG_GETARG_FLOAT8(n) DatumGetFloat8(PG_GETARG_DATUM(n))
#define PG_GETARG_INT64(n) DatumGetInt64(PG_GETARG_DATUM(n))
#define PG_GETARG_VARLENA_P(n) PG_DETOAST_DATUM(PG_GETARG_DATUM(n))
#define PG_GETARG_VARLENA_PP(n) PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(n))
#define PG_GETARG_BYTEA_P(n) ((bytea *) PG_GETARG_VARLENA_P(n))
#define PG_GETARG_BYTEA_PP(n) ((bytea *) PG_GETARG_VARLENA_PP(n))
#define PG_GETARG_TEXT_P(n) ((text *) PG_GETARG_VARLENA_P(n))
#define PG_GETARG_TEXT_PP(n) ((text *) PG_GETARG_VARLENA_PP(n))
#define PG_GETARG_BPCHAR_PP(n) ((BpChar *) PG_GETARG_VARLENA_PP(n))
#define PG_GETARG_VARCHAR_PP(n) ((VarChar *) PG_GETARG_VARLENA_PP(n))
#define PG_GETARG_RAW_VARLENA_P(n) ((struct varlena *) PG_GETARG_POINTER(n))
#define PG_GETARG_TEXT_P_COPY(n) DatumGetTextPCopy(PG_GETARG_DATUM(n))
#define PG_GETARG_BYTEA_P_COPY(n) DatumGetByteaPCopy(PG_GETARG_DATUM(n))
#define PG_GETARG_BPCHAR_P(n) DatumGetBpCharP(PG_GETARG_DATUM(n))
#define PG_GETARG_VARCHAR_P(n) DatumGetVarCharP(PG_GETARG_DATUM(n))
/* A composite argument (access/htup_details.h reads it). */
#define PG_GETARG_HEAPTUPLEHEADER(n) DatumGetHeapTupleHeader(PG_GETARG_DATUM(n))
#define PG_GETARG_HEAPTUPLEHEADER_COPY(n) DatumGetHeapTupleHeaderCopy(PG_GETARG_DATUM(n))

/* Varlena Datums as their types, detoasted (P), possibly packed (PP), or
 * as a copy (PCopy). */
#define DatumGetTextP(X) ((text *) PG_DETOAST_DATUM(X))
#define DatumGetTextPP(X) ((text *) PG_DETOAST_DATUM_PACKED(X))
#define DatumGetTextPCopy(X) ((text *) PG_DETOAST_DATUM_COPY(X))
#define DatumGetByteaP(X) ((bytea *) PG_DETOAST_DATUM(X))
#define DatumGetByteaPP(X) ((bytea *) PG_DETOAST_DATUM_PACKED(X))
#define DatumGetByteaPCopy(X) ((bytea *) PG_DETOAST_DATUM_COPY(X))
#define DatumGetBpCharP(X) ((BpChar *) PG_DETOAST_DATUM(X))
#define DatumGetBpCharPP(X) ((BpChar *) PG_DETOAST_DATUM_PACKED(X))
#define DatumGetVarCharP(X) ((VarChar *) PG_DETOAST_DATUM(X))
#define DatumGetVarCharPP(X) ((VarChar *) PG_DETOAST_DATUM_PACKED(X))
#define DatumGetHeapTupleHeader(X) ((struct HeapTupleHeaderData *) PG_DETOAST_DATUM(X))
#define DatumGetHeapTupleHeaderCopy(X) ((struct HeapTupleHeaderData *) PG_DETOAST_DATUM_COPY(X))

#define PG_RETURN_NULL() \
	do \
	{ \
		fcinfo->isnull = true; \
		return (Datum) 0; \
	} while (0)
#define PG_RETURN_VOID() return (Datum) 0
#define PG_RETURN_DATUM(x) return (x)
#define PG_RETURN_INT32(x) return Int32GetDatum(x)
#define PG_RETURN_UINT32(x) return UInt32GetDatum(x)
#define PG_RETURN_UINT64(x) return UInt64GetDatum(x)
#define PG_RETURN_INT16(x) return Int16GetDatum(x)
#define PG_RETURN_CHAR(x) return CharGetDatum(x)
#define PG_RETURN_BOOL(x) return BoolGetDatum(x)
#define PG_RETURN_OID(x) return ObjectIdGetDatum(x)
#define PG_RETURN_POINTER(x) return PointerGetDatum(x)
#define PG_RETURN_CSTRING(x) return CStringGetDatum(x)
#define PG_RETURN_NAME(x) return PointerGetDatum(x)
#define PG_RETURN_FLOAT4(x) return Float4GetDatum(x)
#define PG_RETURN_FLOAT8(x) return Float8GetDatum(x)
#define PG_RETURN_INT64(x) return Int64GetDatum(x)
#define PG_RETURN_TEXT_P(x) PG_RETURN_POINTER(x)
#define PG_RETURN_BYTEA_P(x) PG_RETURN_POINTER(x)
#define PG_RETURN_BPCHAR_P(x) PG_RETURN_POINTER(x)
#define PG_RETURN_VARCHAR_P(x) PG_RETURN_POINTER(x)
/* A tuple as a composite result (HeapTupleHeaderGetDatum: funcapi.h). */
#define PG_RETURN_HEAPTUPLEHEADER(x) return HeapTupleHeaderGetDatum(x)

/* A module function says PG_FUNCTION_INFO_V1(name) before defining it. */
typedef struct
{
	int api_version;
} Pg_finfo_record;
typedef const Pg_finfo_record *(*PGFInfoFunction)(void);

#ifdef __cplusplus
#define PG_FUNCTION_INFO_LINKAGE extern "C"
#else
#define PG_FUNCTION_INFO_LINKAGE extern
#endif
#define PG_FUNCTION_INFO_V1(funcname) \
	PG_FUNCTION_INFO_LINKAGE PGDLLEXPORT Datum funcname(PG_FUNCTION_ARGS); \
	PG_FUNCTION_INFO_LINKAGE PGDLLEXPORT const Pg_finfo_record *pg_finfo_##funcname(void); \
	const Pg_finfo_record *pg_finfo_##funcname(void) \
	{ \
		static const Pg_finfo_record my_finfo = {1}; \
		return &my_finfo; \
	} \
	PG_FUNCTION_INFO_LINKAGE int no_such_variable

#ifdef __cplusplus
extern "C" {
#endif

/* Look up function functionId: built-in (the table generated from
 * pg_proc) or, once the catalogs are consulted, a module's.  ERROR if it
 * does not exist; 0A000 if it is a built-in Tusk does not implement yet.
 * fn_extra is NULL and fn_mcxt CurrentMemoryContext. */
extern void fmgr_info(Oid functionId, FmgrInfo *finfo);
extern void fmgr_info_cxt(Oid functionId, FmgrInfo *finfo, MemoryContext mcxt);
/* The built-in's C name, or NULL if functionId is not built in. */
extern const char *fmgr_internal_function_name(Oid functionId);

/* The type of argument argnum of the call flinfo describes, from the
 * calling expression (fn_expr), or InvalidOid if there is none; whether
 * the call passed its variadic arguments as an array (VARIADIC). */
extern Oid get_fn_expr_argtype(FmgrInfo *flinfo, int argnum);
/* The result type of the calling expression (a polymorphic function's
 * resolved type), or InvalidOid if there is none. */
extern Oid get_fn_expr_rettype(FmgrInfo *flinfo);
extern bool get_fn_expr_variadic(FmgrInfo *flinfo);

extern struct varlena *pg_detoast_datum(struct varlena *datum);
extern struct varlena *pg_detoast_datum_copy(struct varlena *datum);
extern struct varlena *pg_detoast_datum_packed(struct varlena *datum);

/* Calls with no FmgrInfo (DirectFunctionCall: by C address) or one set up
 * here (OidFunctionCall).  A NULL result is an ERROR: these are for
 * functions that never return NULL for non-NULL input. */
extern Datum DirectFunctionCall1Coll(PGFunction func, Oid collation, Datum arg1);
extern Datum DirectFunctionCall2Coll(PGFunction func, Oid collation, Datum arg1, Datum arg2);
extern Datum DirectFunctionCall3Coll(PGFunction func, Oid collation, Datum arg1, Datum arg2,
									 Datum arg3);
extern Datum FunctionCall1Coll(FmgrInfo *flinfo, Oid collation, Datum arg1);
extern Datum FunctionCall2Coll(FmgrInfo *flinfo, Oid collation, Datum arg1, Datum arg2);
extern Datum FunctionCall3Coll(FmgrInfo *flinfo, Oid collation, Datum arg1, Datum arg2, Datum arg3);
extern Datum OidFunctionCall1Coll(Oid functionId, Oid collation, Datum arg1);
extern Datum OidFunctionCall2Coll(Oid functionId, Oid collation, Datum arg1, Datum arg2);
extern Datum OidFunctionCall3Coll(Oid functionId, Oid collation, Datum arg1, Datum arg2,
								  Datum arg3);
#define DirectFunctionCall1(func, arg1) DirectFunctionCall1Coll(func, InvalidOid, arg1)
#define DirectFunctionCall2(func, arg1, arg2) DirectFunctionCall2Coll(func, InvalidOid, arg1, arg2)
#define DirectFunctionCall3(func, arg1, arg2, arg3) \
	DirectFunctionCall3Coll(func, InvalidOid, arg1, arg2, arg3)
#define FunctionCall1(flinfo, arg1) FunctionCall1Coll(flinfo, InvalidOid, arg1)
#define FunctionCall2(flinfo, arg1, arg2) FunctionCall2Coll(flinfo, InvalidOid, arg1, arg2)
#define FunctionCall3(flinfo, arg1, arg2, arg3) \
	FunctionCall3Coll(flinfo, InvalidOid, arg1, arg2, arg3)
#define OidFunctionCall1(functionId, arg1) OidFunctionCall1Coll(functionId, InvalidOid, arg1)
#define OidFunctionCall2(functionId, arg1, arg2) \
	OidFunctionCall2Coll(functionId, InvalidOid, arg1, arg2)
#define OidFunctionCall3(functionId, arg1, arg2, arg3) \
	OidFunctionCall3Coll(functionId, InvalidOid, arg1, arg2, arg3)

/* Type I/O: a NULL (str == NULL) goes through only for non-strict input
 * functions; typioparam and typmod as PostgreSQL passes them. */
extern Datum InputFunctionCall(FmgrInfo *flinfo, char *str, Oid typioparam, int32 typmod);
extern Datum OidInputFunctionCall(Oid functionId, char *str, Oid typioparam, int32 typmod);
extern char *OutputFunctionCall(FmgrInfo *flinfo, Datum val);
extern char *OidOutputFunctionCall(Oid functionId, Datum val);
struct StringInfoData;
/* Binary I/O (typreceive/typsend): buf is a StringInfo (lib/stringinfo.h)
 * whose cursor the function advances; NULL buf is a NULL value.  The send
 * function's result is a palloc'd bytea. */
extern Datum ReceiveFunctionCall(FmgrInfo *flinfo, struct StringInfoData *buf, Oid typioparam,
								 int32 typmod);
extern Datum OidReceiveFunctionCall(Oid functionId, struct StringInfoData *buf, Oid typioparam,
									int32 typmod);
extern bytea *SendFunctionCall(FmgrInfo *flinfo, Datum val);
extern bytea *OidSendFunctionCall(Oid functionId, Datum val);

/* Aggregate support (defined by the executor's aggregation, nodeAgg).
 * AggCheckCallContext says whether fcinfo is a call of an aggregate's
 * transition, combine or final function: AGG_CONTEXT_AGGREGATE or
 * AGG_CONTEXT_WINDOW, else 0; for the former two it sets *aggcontext (when
 * not NULL) to the context that lives as long as the aggregate's state. */
#define AGG_CONTEXT_AGGREGATE 1
#define AGG_CONTEXT_WINDOW 2
extern int AggCheckCallContext(FunctionCallInfo fcinfo, MemoryContext *aggcontext);

/* Load a module (if not loaded yet) and run its _PG_init. */
extern void load_file(const char *filename, bool restricted);
/* Find a function in a module, loading it first; ERROR if absent and
 * signalNotFound, else NULL. */
extern void *load_external_function(const char *filename, const char *funcname, bool signalNotFound,
									void **filehandle);
/* A symbol of a loaded module (filehandle from load_external_function),
 * or NULL. */
extern void *lookup_external_function(void *filehandle, const char *funcname);
/* The PG_FUNCTION_INFO_V1 record of funcname in a loaded module: ERROR
 * if there is none or it does not say API version 1. */
extern const Pg_finfo_record *fetch_finfo_record(void *filehandle, const char *funcname);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_FMGR_H */
