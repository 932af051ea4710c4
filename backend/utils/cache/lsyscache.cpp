/*
 * lsyscache.cpp — small questions about catalog objects (utils/lsyscache.h).
 *
 * Built-in types and functions are answered from the bootstrap data
 * compiled into the server (the very rows initdb put into pg_type and
 * pg_proc, which no SQL command can change), indexed once per process;
 * so the questions work in bootstrap mode, before any catalog exists,
 * and cost a hash lookup afterwards.  Objects created later (a table's
 * row type, …) come from the catalog caches as those arrive.
 */
#include "postgres.h"

#include <string>
#include <unordered_map>

#include "access/hash.h"
#include "access/htup_details.h"
#include "catalog/bootstrap_data.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_amop_d.h"
#include "catalog/pg_amproc_d.h"
#include "catalog/pg_opclass_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_operator_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "nodes/nodes.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/relcache.h"
#include "utils/syscache.h"
#include "nodes/subscripting.h"

namespace {

using tusk::catalog::BootstrapCatalog;

struct TypeInfo
{
	std::string name;
	char typtype;
	char typcategory;
	bool typispreferred;
	int16 typlen;
	bool typbyval;
	char typalign;
	char typstorage;
	char typdelim;
	Oid typelem;
	Oid typarray;
	Oid typinput;
	Oid typoutput;
	Oid typreceive;
	Oid typsend;
	Oid typcollation;
	Oid typrelid;
};

const BootstrapCatalog &FindCatalog(const char *name)
{
	const BootstrapCatalog *cat = tusk::catalog::FindBootstrapCatalog(name);
	if (cat == nullptr)
		elog(ERROR, "bootstrap data has no catalog \"%s\"", name);
	return *cat;
}

/* Column lookup by name in a bootstrap catalog's rows. */
class Rows
{
  public:
	explicit Rows(const char *catalog) : cat_(FindCatalog(catalog)) {}
	int Column(const char *name) const
	{
		for (int i = 0; i < cat_.natts; i++)
			if (strcmp(cat_.columns[i].name, name) == 0)
				return i;
		elog(ERROR, "bootstrap catalog \"%s\" has no column \"%s\"", cat_.name, name);
	}
	int Count() const { return cat_.nrows; }
	const char *Value(int row, int col) const { return cat_.values[row * cat_.natts + col]; }
	Oid OidValue(int row, int col) const
	{
		const char *v = Value(row, col);
		return v != nullptr ? static_cast<Oid>(strtoul(v, nullptr, 10)) : InvalidOid;
	}
	char CharValue(int row, int col) const
	{
		const char *v = Value(row, col);
		return v != nullptr ? v[0] : '\0';
	}

  private:
	const BootstrapCatalog &cat_;
};

/* The built-in types, by OID.  Built once per process (in the postmaster,
 * before it forks, by RelationCachePreloadCatalogs), and never destroyed:
 * a child's exit would only write to the pages it shares with the
 * postmaster. */
const std::unordered_map<Oid, TypeInfo> &BuiltinTypes()
{
	static const std::unordered_map<Oid, TypeInfo> &types = *[] {
		// NOLINTNEXTLINE(cppcoreguidelines-owning-memory): never freed, on purpose (above)
		auto *map_ptr = new std::unordered_map<Oid, TypeInfo>;
		auto &map = *map_ptr;
		Rows rows("pg_type");
		int oid = rows.Column("oid"), typname = rows.Column("typname"),
			typlen = rows.Column("typlen"), typbyval = rows.Column("typbyval"),
			typalign = rows.Column("typalign"), typstorage = rows.Column("typstorage"),
			typdelim = rows.Column("typdelim"), typelem = rows.Column("typelem"),
			typarray = rows.Column("typarray"), typinput = rows.Column("typinput"),
			typoutput = rows.Column("typoutput"), typreceive = rows.Column("typreceive"),
			typsend = rows.Column("typsend"), typcollation = rows.Column("typcollation"),
			typrelid = rows.Column("typrelid"), typtype = rows.Column("typtype"),
			typcategory = rows.Column("typcategory"),
			typispreferred = rows.Column("typispreferred");
		for (int r = 0; r < rows.Count(); r++)
		{
			TypeInfo t;
			t.name = rows.Value(r, typname);
			t.typtype = rows.CharValue(r, typtype);
			t.typcategory = rows.CharValue(r, typcategory);
			t.typispreferred = rows.CharValue(r, typispreferred) == 't';
			t.typlen = static_cast<int16>(atoi(rows.Value(r, typlen)));
			t.typbyval = rows.CharValue(r, typbyval) == 't';
			t.typalign = rows.CharValue(r, typalign);
			t.typstorage = rows.CharValue(r, typstorage);
			t.typdelim = rows.CharValue(r, typdelim);
			t.typelem = rows.OidValue(r, typelem);
			t.typarray = rows.OidValue(r, typarray);
			t.typinput = rows.OidValue(r, typinput);
			t.typoutput = rows.OidValue(r, typoutput);
			t.typreceive = rows.OidValue(r, typreceive);
			t.typsend = rows.OidValue(r, typsend);
			t.typcollation = rows.OidValue(r, typcollation);
			t.typrelid = rows.OidValue(r, typrelid);
			map.emplace(rows.OidValue(r, oid), std::move(t));
		}
		return map_ptr;
	}();
	return types;
}

const std::unordered_map<Oid, std::string> &BuiltinFunctionNames()
{
	static const std::unordered_map<Oid, std::string> names = [] {
		std::unordered_map<Oid, std::string> map;
		Rows rows("pg_proc");
		int oid = rows.Column("oid"), proname = rows.Column("proname");
		for (int r = 0; r < rows.Count(); r++)
			map.emplace(rows.OidValue(r, oid), rows.Value(r, proname));
		return map;
	}();
	return names;
}

/* A type created after initdb, from the catalog cache. */
const TypeInfo *CatalogType(Oid typid)
{
	if (!RelationCacheHasCatalogs)
		return nullptr;
	HeapTuple tuple = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	if (tuple == nullptr)
		return nullptr;
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tuple));
	static TypeInfo t; /* valid until the next call */
	t.name = NameStr(form->typname);
	t.typtype = form->typtype;
	t.typcategory = form->typcategory;
	t.typispreferred = form->typispreferred;
	t.typlen = form->typlen;
	t.typbyval = form->typbyval;
	t.typalign = form->typalign;
	t.typstorage = form->typstorage;
	t.typdelim = form->typdelim;
	t.typelem = form->typelem;
	t.typarray = form->typarray;
	t.typinput = form->typinput;
	t.typoutput = form->typoutput;
	t.typreceive = form->typreceive;
	t.typsend = form->typsend;
	t.typcollation = form->typcollation;
	t.typrelid = form->typrelid;
	return &t;
}

const TypeInfo *FindType(Oid typid)
{
	const auto &types = BuiltinTypes();
	auto it = types.find(typid);
	if (it != types.end())
		return &it->second;
	return CatalogType(typid);
}

const TypeInfo &LookupType(Oid typid)
{
	const TypeInfo *t = FindType(typid);
	if (t == nullptr)
		elog(ERROR, "cache lookup failed for type %u", typid);
	return *t;
}

}  // namespace

void get_type_io_data(Oid typid, IOFuncSelector which_func, int16 *typlen, bool *typbyval,
					  char *typalign, char *typdelim, Oid *typioparam, Oid *func)
{
	const TypeInfo &t = LookupType(typid);
	*typlen = t.typlen;
	*typbyval = t.typbyval;
	*typalign = t.typalign;
	*typdelim = t.typdelim;
	/* An array's input function gets the element type; others their own. */
	*typioparam = OidIsValid(t.typelem) ? t.typelem : typid;
	switch (which_func)
	{
		case IOFunc_input:
			*func = t.typinput;
			break;
		case IOFunc_output:
			*func = t.typoutput;
			break;
		case IOFunc_receive:
			*func = t.typreceive;
			break;
		case IOFunc_send:
			*func = t.typsend;
			break;
	}
}

void get_typlenbyvalalign(Oid typid, int16 *typlen, bool *typbyval, char *typalign)
{
	const TypeInfo &t = LookupType(typid);
	*typlen = t.typlen;
	*typbyval = t.typbyval;
	*typalign = t.typalign;
}

void get_typlenbyval(Oid typid, int16 *typlen, bool *typbyval)
{
	const TypeInfo &t = LookupType(typid);
	*typlen = t.typlen;
	*typbyval = t.typbyval;
}

int16 get_typlen(Oid typid)
{
	return LookupType(typid).typlen;
}

char get_typstorage(Oid typid)
{
	return LookupType(typid).typstorage;
}

Oid get_typcollation(Oid typid)
{
	return LookupType(typid).typcollation;
}

void getTypeInputInfo(Oid type, Oid *typInput, Oid *typIOParam)
{
	const TypeInfo &t = LookupType(type);
	if (!OidIsValid(t.typinput))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("no input function available for type %s", t.name.c_str()));
	*typInput = t.typinput;
	*typIOParam = OidIsValid(t.typelem) ? t.typelem : type;
}

void getTypeOutputInfo(Oid type, Oid *typOutput, bool *typIsVarlena)
{
	const TypeInfo &t = LookupType(type);
	if (!OidIsValid(t.typoutput))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("no output function available for type %s", t.name.c_str()));
	*typOutput = t.typoutput;
	*typIsVarlena = !t.typbyval && t.typlen == -1;
}

void getTypeBinaryInputInfo(Oid type, Oid *typReceive, Oid *typIOParam)
{
	const TypeInfo &t = LookupType(type);
	if (!OidIsValid(t.typreceive))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("no binary input function available for type %s", t.name.c_str()));
	*typReceive = t.typreceive;
	*typIOParam = OidIsValid(t.typelem) ? t.typelem : type;
}

void getTypeBinaryOutputInfo(Oid type, Oid *typSend, bool *typIsVarlena)
{
	const TypeInfo &t = LookupType(type);
	if (!OidIsValid(t.typsend))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("no binary output function available for type %s", t.name.c_str()));
	*typSend = t.typsend;
	*typIsVarlena = !t.typbyval && t.typlen == -1;
}

Oid get_element_type(Oid typid)
{
	const TypeInfo &t = LookupType(typid);
	/* Only true arrays (varlena with an element type), not name or point. */
	return t.typlen == -1 ? t.typelem : InvalidOid;
}

Oid get_array_type(Oid typid)
{
	return LookupType(typid).typarray;
}

char *get_typname(Oid typid)
{
	const TypeInfo *t = FindType(typid);
	return t != nullptr ? pstrdup(t->name.c_str()) : nullptr;
}

Oid getBaseType(Oid typid)
{
	int32 typmod = -1;
	return getBaseTypeAndTypmod(typid, &typmod);
}

Oid getBaseTypeAndTypmod(Oid typid, int32 *typmod)
{
	/* No built-in type is a domain. */
	for (;;)
	{
		if (!OidIsValid(typid) || BuiltinTypes().count(typid) != 0 || !RelationCacheHasCatalogs)
			return typid;
		HeapTuple tuple = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
		if (tuple == nullptr)
			elog(ERROR, "cache lookup failed for type %u", typid);
		auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tuple));
		if (form->typtype != TYPTYPE_DOMAIN)
		{
			ReleaseSysCache(tuple);
			return typid;
		}
		typid = form->typbasetype;
		*typmod = form->typtypmod;
		ReleaseSysCache(tuple);
	}
}

Node *get_typdefault(Oid typid)
{
	for (;;)
	{
		if (!OidIsValid(typid) || BuiltinTypes().count(typid) != 0 || !RelationCacheHasCatalogs)
			return nullptr;
		HeapTuple tuple = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
		if (tuple == nullptr)
			elog(ERROR, "cache lookup failed for type %u", typid);
		auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tuple));
		bool isnull;
		Datum bin = SysCacheGetAttr(TYPEOID, tuple, Anum_pg_type_typdefaultbin, &isnull);
		if (!isnull)
		{
			Node *expr = static_cast<Node *>(stringToNode(TextDatumGetCString(bin)));
			ReleaseSysCache(tuple);
			return expr;
		}
		Oid base = form->typtype == TYPTYPE_DOMAIN ? form->typbasetype : InvalidOid;
		ReleaseSysCache(tuple);
		if (!OidIsValid(base))
			return nullptr;
		typid = base;
	}
}

char get_typtype(Oid typid)
{
	const TypeInfo *t = FindType(typid);
	return t != nullptr ? t->typtype : '\0';
}

Oid get_typ_typrelid(Oid typid)
{
	const TypeInfo *t = FindType(typid);
	return t != nullptr ? t->typrelid : InvalidOid;
}

void get_type_category_preferred(Oid typid, char *typcategory, bool *typispreferred)
{
	const TypeInfo &t = LookupType(typid);
	*typcategory = t.typcategory;
	*typispreferred = t.typispreferred;
}

RegProcedure get_opcode(Oid opno)
{
	HeapTuple tuple = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno));
	if (tuple == nullptr)
		return InvalidOid;
	return reinterpret_cast<Form_pg_operator>(GETSTRUCT(tuple))->oprcode;
}

Oid get_func_rettype(Oid funcid)
{
	HeapTuple tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tuple == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	return reinterpret_cast<Form_pg_proc>(GETSTRUCT(tuple))->prorettype;
}

bool get_func_retset(Oid funcid)
{
	HeapTuple tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tuple == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	return reinterpret_cast<Form_pg_proc>(GETSTRUCT(tuple))->proretset;
}

char *get_rel_name(Oid relid)
{
	HeapTuple tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tuple == nullptr)
		return nullptr;
	return pstrdup(NameStr(reinterpret_cast<Form_pg_class>(GETSTRUCT(tuple))->relname));
}

char get_rel_relkind(Oid relid)
{
	HeapTuple tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tuple == nullptr)
		return '\0';
	return reinterpret_cast<Form_pg_class>(GETSTRUCT(tuple))->relkind;
}

Oid get_rel_toastrelid(Oid relid)
{
	HeapTuple tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tuple == nullptr)
		return InvalidOid;
	return reinterpret_cast<Form_pg_class>(GETSTRUCT(tuple))->reltoastrelid;
}

Oid get_rel_namespace(Oid relid)
{
	HeapTuple tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tuple == nullptr)
		return InvalidOid;
	return reinterpret_cast<Form_pg_class>(GETSTRUCT(tuple))->relnamespace;
}

char get_rel_persistence(Oid relid)
{
	HeapTuple tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tuple == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	return reinterpret_cast<Form_pg_class>(GETSTRUCT(tuple))->relpersistence;
}

char *get_namespace_name(Oid nspid)
{
	HeapTuple tuple = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(nspid));
	if (tuple == nullptr)
		return nullptr;
	return pstrdup(NameStr(reinterpret_cast<Form_pg_namespace>(GETSTRUCT(tuple))->nspname));
}

char *get_collation_name(Oid colloid)
{
	HeapTuple tuple = SearchSysCache1(COLLOID, ObjectIdGetDatum(colloid));
	if (tuple == nullptr)
		return nullptr;
	return pstrdup(NameStr(reinterpret_cast<Form_pg_collation>(GETSTRUCT(tuple))->collname));
}

char *get_func_name(Oid funcid)
{
	const auto &names = BuiltinFunctionNames();
	auto it = names.find(funcid);
	if (it != names.end())
		return pstrdup(it->second.c_str());
	if (!RelationCacheHasCatalogs)
		return nullptr;
	HeapTuple tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tuple == nullptr)
		return nullptr;
	return pstrdup(NameStr(reinterpret_cast<Form_pg_proc>(GETSTRUCT(tuple))->proname));
}

char *get_opname(Oid opno)
{
	HeapTuple tuple = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno));
	if (tuple == nullptr)
		return nullptr;
	return pstrdup(NameStr(reinterpret_cast<Form_pg_operator>(GETSTRUCT(tuple))->oprname));
}

bool op_hashjoinable(Oid opno, Oid)
{
	HeapTuple tuple = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno));
	return tuple != nullptr && reinterpret_cast<Form_pg_operator>(GETSTRUCT(tuple))->oprcanhash;
}

char func_volatile(Oid funcid)
{
	HeapTuple tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tuple == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	return reinterpret_cast<Form_pg_proc>(GETSTRUCT(tuple))->provolatile;
}

int get_rel_natts(Oid relid)
{
	HeapTuple tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tuple == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	return reinterpret_cast<Form_pg_class>(GETSTRUCT(tuple))->relnatts;
}

bool get_op_hash_functions(Oid opno, RegProcedure *lhs_procno, RegProcedure *rhs_procno)
{
	*lhs_procno = InvalidOid;
	*rhs_procno = InvalidOid;
	CatCList *members = SearchSysCacheList1(AMOPOPID, ObjectIdGetDatum(opno));
	bool found = false;
	for (int i = 0; i < members->n_members && !found; i++)
	{
		auto *amop = reinterpret_cast<Form_pg_amop>(GETSTRUCT(members->members[i]));
		if (amop->amopmethod != HASH_AM_OID)
			continue;
		auto support = [&](Oid type) {
			HeapTuple tup = SearchSysCache4(AMPROCNUM, ObjectIdGetDatum(amop->amopfamily),
											ObjectIdGetDatum(type), ObjectIdGetDatum(type),
											Int16GetDatum(HASHSTANDARD_PROC));
			return tup != nullptr ? reinterpret_cast<Form_pg_amproc>(GETSTRUCT(tup))->amproc
								  : InvalidOid;
		};
		*lhs_procno = support(amop->amoplefttype);
		*rhs_procno = amop->amoplefttype == amop->amoprighttype ? *lhs_procno
																: support(amop->amoprighttype);
		found = OidIsValid(*lhs_procno) && OidIsValid(*rhs_procno);
	}
	ReleaseSysCacheList(members);
	return found;
}

Oid get_opclass_family(Oid opclass)
{
	HeapTuple tuple = SearchSysCache1(CLAOID, ObjectIdGetDatum(opclass));
	if (tuple == nullptr)
		elog(ERROR, "cache lookup failed for opclass %u", opclass);
	return reinterpret_cast<Form_pg_opclass>(GETSTRUCT(tuple))->opcfamily;
}

Oid get_opclass_input_type(Oid opclass)
{
	HeapTuple tuple = SearchSysCache1(CLAOID, ObjectIdGetDatum(opclass));
	if (tuple == nullptr)
		elog(ERROR, "cache lookup failed for opclass %u", opclass);
	return reinterpret_cast<Form_pg_opclass>(GETSTRUCT(tuple))->opcintype;
}

RegProcedure get_opfamily_proc(Oid opfamily, Oid lefttype, Oid righttype, int16 procnum)
{
	HeapTuple tuple = SearchSysCache4(AMPROCNUM, ObjectIdGetDatum(opfamily),
									  ObjectIdGetDatum(lefttype), ObjectIdGetDatum(righttype),
									  Int16GetDatum(procnum));
	if (tuple == nullptr)
		return InvalidOid;
	return reinterpret_cast<Form_pg_amproc>(GETSTRUCT(tuple))->amproc;
}

Oid get_opfamily_member(Oid opfamily, Oid lefttype, Oid righttype, int16 strategy)
{
	HeapTuple tuple = SearchSysCache4(AMOPSTRATEGY, ObjectIdGetDatum(opfamily),
									  ObjectIdGetDatum(lefttype), ObjectIdGetDatum(righttype),
									  Int16GetDatum(strategy));
	if (tuple == nullptr)
		return InvalidOid;
	return reinterpret_cast<Form_pg_amop>(GETSTRUCT(tuple))->amopopr;
}

void get_op_opfamily_properties(Oid opno, Oid opfamily, bool ordering_op, int *strategy,
								Oid *lefttype, Oid *righttype)
{
	HeapTuple tuple = SearchSysCache3(AMOPOPID, ObjectIdGetDatum(opno),
									  CharGetDatum(ordering_op ? 'o' : 's'),
									  ObjectIdGetDatum(opfamily));
	if (tuple == nullptr)
	{
		*strategy = 0;
		*lefttype = *righttype = InvalidOid;
		return;
	}
	auto *form = reinterpret_cast<Form_pg_amop>(GETSTRUCT(tuple));
	*strategy = form->amopstrategy;
	*lefttype = form->amoplefttype;
	*righttype = form->amoprighttype;
}

Oid get_commutator(Oid opno)
{
	HeapTuple tuple = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno));
	if (tuple == nullptr)
		return InvalidOid;
	return reinterpret_cast<Form_pg_operator>(GETSTRUCT(tuple))->oprcom;
}

Oid get_negator(Oid opno)
{
	HeapTuple tuple = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno));
	if (tuple == nullptr)
		return InvalidOid;
	return reinterpret_cast<Form_pg_operator>(GETSTRUCT(tuple))->oprnegate;
}

const SubscriptRoutines *getSubscriptingRoutines(Oid containerType, Oid *elemtype)
{
	HeapTuple tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(containerType));
	if (tup == nullptr)
		return nullptr;
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
	Oid handler = form->typsubscript;
	if (elemtype != nullptr)
		*elemtype = form->typelem;
	if (!OidIsValid(handler))
		return nullptr;
	return reinterpret_cast<const SubscriptRoutines *>(
		DatumGetPointer(OidFunctionCall1(handler, PointerGetDatum(nullptr))));
}
