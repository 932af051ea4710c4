/*
 * bootstrap_data_test.cpp — the generated catalog data and headers agree
 * with each other and with PostgreSQL 15: column counts and Natts_ macros,
 * the FormData structs' layout against the tuple alignment rules, resolved
 * references, NOT NULL columns, the rows the catalogs hold about
 * themselves, descriptions, and the built-in function table.
 *
 * See backend/catalog/gen_catalog.py and doc/catalog/README.md.
 */
#include "unit_test.h"

#include <string.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "catalog/bootstrap_data.h"
#include "catalog/pg_aggregate.h"
#include "catalog/pg_am.h"
#include "catalog/pg_amop.h"
#include "catalog/pg_amproc.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_attribute.h"
#include "catalog/pg_auth_members.h"
#include "catalog/pg_authid.h"
#include "catalog/pg_cast.h"
#include "catalog/pg_class.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_conversion.h"
#include "catalog/pg_database.h"
#include "catalog/pg_db_role_setting.h"
#include "catalog/pg_default_acl.h"
#include "catalog/pg_depend.h"
#include "catalog/pg_description.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_event_trigger.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_foreign_data_wrapper.h"
#include "catalog/pg_foreign_server.h"
#include "catalog/pg_foreign_table.h"
#include "catalog/pg_index.h"
#include "catalog/pg_inherits.h"
#include "catalog/pg_init_privs.h"
#include "catalog/pg_language.h"
#include "catalog/pg_largeobject.h"
#include "catalog/pg_largeobject_metadata.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_opclass.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_opfamily.h"
#include "catalog/pg_parameter_acl.h"
#include "catalog/pg_partitioned_table.h"
#include "catalog/pg_policy.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_publication.h"
#include "catalog/pg_publication_namespace.h"
#include "catalog/pg_publication_rel.h"
#include "catalog/pg_range.h"
#include "catalog/pg_replication_origin.h"
#include "catalog/pg_rewrite.h"
#include "catalog/pg_seclabel.h"
#include "catalog/pg_sequence.h"
#include "catalog/pg_shdepend.h"
#include "catalog/pg_shdescription.h"
#include "catalog/pg_shseclabel.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_statistic_ext.h"
#include "catalog/pg_statistic_ext_data.h"
#include "catalog/pg_subscription.h"
#include "catalog/pg_subscription_rel.h"
#include "catalog/pg_tablespace.h"
#include "catalog/pg_transform.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_ts_config.h"
#include "catalog/pg_ts_config_map.h"
#include "catalog/pg_ts_dict.h"
#include "catalog/pg_ts_parser.h"
#include "catalog/pg_ts_template.h"
#include "catalog/pg_type.h"
#include "catalog/pg_user_mapping.h"
#include "utils/fmgroids.h"
#include "utils/fmgrprotos.h"
#include "utils/fmgrtab.h"

using tusk::catalog::BootstrapCatalog;
using tusk::catalog::BootstrapColumn;
using tusk::catalog::BootstrapIndex;
using tusk::catalog::FindBootstrapIndex;
using tusk::catalog::kBootstrapCatalogs;
using tusk::catalog::kNumBootstrapCatalogs;

namespace {

constexpr Oid kCCollationOid = 950;
constexpr Oid kOidTypeOid = 26;
constexpr Oid kRegprocTypeOid = 24;
constexpr Oid kBoolTypeOid = 16;
constexpr Oid kCharTypeOid = 18;
constexpr Oid kOidvectorTypeOid = 30;
constexpr Oid kOidArrayTypeOid = 1028;

const BootstrapCatalog &Catalog(const char *name)
{
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
		if (strcmp(kBootstrapCatalogs[i].name, name) == 0)
			return kBootstrapCatalogs[i];
	FAIL("no catalog " << name);
	return kBootstrapCatalogs[0];
}

int ColumnIndex(const BootstrapCatalog &cat, const char *column)
{
	for (int i = 0; i < cat.natts; i++)
		if (strcmp(cat.columns[i].name, column) == 0)
			return i;
	FAIL("no column " << cat.name << "." << column);
	return -1;
}

/* The value of column in row; "NULL" for an SQL NULL. */
std::string Value(const BootstrapCatalog &cat, int row, const char *column)
{
	const char *v = cat.values[row * cat.natts + ColumnIndex(cat, column)];
	return v ? v : "NULL";
}

/* The first row whose column holds value, or -1. */
int FindRow(const BootstrapCatalog &cat, const char *column, const std::string &value)
{
	for (int r = 0; r < cat.nrows; r++)
		if (Value(cat, r, column) == value)
			return r;
	return -1;
}

bool IsNumber(const std::string &s)
{
	return !s.empty() &&
		std::all_of(s.begin(), s.end(), [](unsigned char c) { return isdigit(c) != 0; });
}

int AlignOf(char align)
{
	switch (align)
	{
		case 'c':
			return 1;
		case 's':
			return ALIGNOF_SHORT;
		case 'i':
			return ALIGNOF_INT;
		default:
			return ALIGNOF_DOUBLE;
	}
}

/* Offsets of the first ncolumns columns of cat when a tuple lays them out
 * with PostgreSQL's rules: each at its attalign, after the one before. */
std::map<std::string, size_t> TupleOffsets(const BootstrapCatalog &cat, int ncolumns)
{
	std::map<std::string, size_t> offsets;
	size_t off = 0;
	for (int i = 0; i < ncolumns; i++)
	{
		const BootstrapColumn &col = cat.columns[i];
		off = TYPEALIGN(AlignOf(col.align), off);
		offsets[col.name] = off;
		off += col.len > 0 ? col.len : 0;
	}
	return offsets;
}

struct CatalogMacros
{
	const char *name;
	Oid relid;
	int natts;
};

#define CATALOG_MACROS(name, relid) \
	{ \
#name, relid, Natts_##name \
	}

const CatalogMacros kMacros[] = {
	CATALOG_MACROS(pg_aggregate, AggregateRelationId),
	CATALOG_MACROS(pg_am, AccessMethodRelationId),
	CATALOG_MACROS(pg_amop, AccessMethodOperatorRelationId),
	CATALOG_MACROS(pg_amproc, AccessMethodProcedureRelationId),
	CATALOG_MACROS(pg_attrdef, AttrDefaultRelationId),
	CATALOG_MACROS(pg_attribute, AttributeRelationId),
	CATALOG_MACROS(pg_auth_members, AuthMemRelationId),
	CATALOG_MACROS(pg_authid, AuthIdRelationId),
	CATALOG_MACROS(pg_cast, CastRelationId),
	CATALOG_MACROS(pg_class, RelationRelationId),
	CATALOG_MACROS(pg_collation, CollationRelationId),
	CATALOG_MACROS(pg_constraint, ConstraintRelationId),
	CATALOG_MACROS(pg_conversion, ConversionRelationId),
	CATALOG_MACROS(pg_database, DatabaseRelationId),
	CATALOG_MACROS(pg_db_role_setting, DbRoleSettingRelationId),
	CATALOG_MACROS(pg_default_acl, DefaultAclRelationId),
	CATALOG_MACROS(pg_depend, DependRelationId),
	CATALOG_MACROS(pg_description, DescriptionRelationId),
	CATALOG_MACROS(pg_enum, EnumRelationId),
	CATALOG_MACROS(pg_event_trigger, EventTriggerRelationId),
	CATALOG_MACROS(pg_extension, ExtensionRelationId),
	CATALOG_MACROS(pg_foreign_data_wrapper, ForeignDataWrapperRelationId),
	CATALOG_MACROS(pg_foreign_server, ForeignServerRelationId),
	CATALOG_MACROS(pg_foreign_table, ForeignTableRelationId),
	CATALOG_MACROS(pg_index, IndexRelationId),
	CATALOG_MACROS(pg_inherits, InheritsRelationId),
	CATALOG_MACROS(pg_init_privs, InitPrivsRelationId),
	CATALOG_MACROS(pg_language, LanguageRelationId),
	CATALOG_MACROS(pg_largeobject, LargeObjectRelationId),
	CATALOG_MACROS(pg_largeobject_metadata, LargeObjectMetadataRelationId),
	CATALOG_MACROS(pg_namespace, NamespaceRelationId),
	CATALOG_MACROS(pg_opclass, OperatorClassRelationId),
	CATALOG_MACROS(pg_operator, OperatorRelationId),
	CATALOG_MACROS(pg_opfamily, OperatorFamilyRelationId),
	CATALOG_MACROS(pg_parameter_acl, ParameterAclRelationId),
	CATALOG_MACROS(pg_partitioned_table, PartitionedRelationId),
	CATALOG_MACROS(pg_policy, PolicyRelationId),
	CATALOG_MACROS(pg_proc, ProcedureRelationId),
	CATALOG_MACROS(pg_publication, PublicationRelationId),
	CATALOG_MACROS(pg_publication_namespace, PublicationNamespaceRelationId),
	CATALOG_MACROS(pg_publication_rel, PublicationRelRelationId),
	CATALOG_MACROS(pg_range, RangeRelationId),
	CATALOG_MACROS(pg_replication_origin, ReplicationOriginRelationId),
	CATALOG_MACROS(pg_rewrite, RewriteRelationId),
	CATALOG_MACROS(pg_seclabel, SecLabelRelationId),
	CATALOG_MACROS(pg_sequence, SequenceRelationId),
	CATALOG_MACROS(pg_shdepend, SharedDependRelationId),
	CATALOG_MACROS(pg_shdescription, SharedDescriptionRelationId),
	CATALOG_MACROS(pg_shseclabel, SharedSecLabelRelationId),
	CATALOG_MACROS(pg_statistic, StatisticRelationId),
	CATALOG_MACROS(pg_statistic_ext, StatisticExtRelationId),
	CATALOG_MACROS(pg_statistic_ext_data, StatisticExtDataRelationId),
	CATALOG_MACROS(pg_subscription, SubscriptionRelationId),
	CATALOG_MACROS(pg_subscription_rel, SubscriptionRelRelationId),
	CATALOG_MACROS(pg_tablespace, TableSpaceRelationId),
	CATALOG_MACROS(pg_transform, TransformRelationId),
	CATALOG_MACROS(pg_trigger, TriggerRelationId),
	CATALOG_MACROS(pg_ts_config, TSConfigRelationId),
	CATALOG_MACROS(pg_ts_config_map, TSConfigMapRelationId),
	CATALOG_MACROS(pg_ts_dict, TSDictionaryRelationId),
	CATALOG_MACROS(pg_ts_parser, TSParserRelationId),
	CATALOG_MACROS(pg_ts_template, TSTemplateRelationId),
	CATALOG_MACROS(pg_type, TypeRelationId),
	CATALOG_MACROS(pg_user_mapping, UserMappingRelationId),
};

}  // namespace

/* The catalogs' TOAST tables come after the catalogs, without row types. */
bool IsToastTable(const BootstrapCatalog &cat)
{
	return strncmp(cat.name, "pg_toast_", 9) == 0;
}

int NumToastTables()
{
	int n = 0;
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
		n += IsToastTable(kBootstrapCatalogs[i]) ? 1 : 0;
	return n;
}

TEST_CASE("Every PostgreSQL 15 catalog is there, with its OID and Natts_ column count", "[catalog]")
{
	/* 36 TOAST tables: PostgreSQL 15's 40 less information_schema's four */
	REQUIRE(NumToastTables() == 36);
	REQUIRE(kNumBootstrapCatalogs - NumToastTables() == static_cast<int>(lengthof(kMacros)));
	for (const CatalogMacros &m : kMacros)
	{
		const BootstrapCatalog &cat = Catalog(m.name);
		CAPTURE(m.name);
		REQUIRE(cat.relid == m.relid);
		REQUIRE(cat.natts == m.natts);
	}
	REQUIRE(Catalog("pg_class").natts == 33);
	REQUIRE(Catalog("pg_type").rowtype_oid == TypeRelation_Rowtype_Id);
	REQUIRE(TypeRelation_Rowtype_Id == 71);
	REQUIRE(Catalog("pg_database").shared);
	REQUIRE(!Catalog("pg_namespace").shared);
}

TEST_CASE("The FormData structs have the layout of a tuple's fixed-width columns", "[catalog]")
{
	SECTION("pg_class")
	{
		auto off = TupleOffsets(Catalog("pg_class"), Anum_pg_class_relminmxid);
		REQUIRE(offsetof(FormData_pg_class, oid) == off["oid"]);
		REQUIRE(offsetof(FormData_pg_class, relname) == off["relname"]);
		REQUIRE(offsetof(FormData_pg_class, relnamespace) == off["relnamespace"]);
		REQUIRE(offsetof(FormData_pg_class, relpages) == off["relpages"]);
		REQUIRE(offsetof(FormData_pg_class, reltuples) == off["reltuples"]);
		REQUIRE(offsetof(FormData_pg_class, relhasindex) == off["relhasindex"]);
		REQUIRE(offsetof(FormData_pg_class, relkind) == off["relkind"]);
		REQUIRE(offsetof(FormData_pg_class, relnatts) == off["relnatts"]);
		REQUIRE(offsetof(FormData_pg_class, relchecks) == off["relchecks"]);
		REQUIRE(offsetof(FormData_pg_class, relreplident) == off["relreplident"]);
		REQUIRE(offsetof(FormData_pg_class, relrewrite) == off["relrewrite"]);
		REQUIRE(offsetof(FormData_pg_class, relminmxid) == off["relminmxid"]);
		REQUIRE(sizeof(FormData_pg_class) == INTALIGN(off["relminmxid"] + sizeof(TransactionId)));
	}
	SECTION("pg_type")
	{
		auto off = TupleOffsets(Catalog("pg_type"), Anum_pg_type_typcollation);
		REQUIRE(offsetof(FormData_pg_type, typname) == off["typname"]);
		REQUIRE(offsetof(FormData_pg_type, typnamespace) == off["typnamespace"]);
		REQUIRE(offsetof(FormData_pg_type, typlen) == off["typlen"]);
		REQUIRE(offsetof(FormData_pg_type, typbyval) == off["typbyval"]);
		REQUIRE(offsetof(FormData_pg_type, typdelim) == off["typdelim"]);
		REQUIRE(offsetof(FormData_pg_type, typrelid) == off["typrelid"]);
		REQUIRE(offsetof(FormData_pg_type, typinput) == off["typinput"]);
		REQUIRE(offsetof(FormData_pg_type, typalign) == off["typalign"]);
		REQUIRE(offsetof(FormData_pg_type, typnotnull) == off["typnotnull"]);
		REQUIRE(offsetof(FormData_pg_type, typbasetype) == off["typbasetype"]);
		REQUIRE(offsetof(FormData_pg_type, typtypmod) == off["typtypmod"]);
		REQUIRE(offsetof(FormData_pg_type, typcollation) == off["typcollation"]);
		REQUIRE(sizeof(FormData_pg_type) == INTALIGN(off["typcollation"] + sizeof(Oid)));
	}
	SECTION("pg_attribute")
	{
		auto off = TupleOffsets(Catalog("pg_attribute"), Anum_pg_attribute_attcollation);
		REQUIRE(offsetof(FormData_pg_attribute, attname) == off["attname"]);
		REQUIRE(offsetof(FormData_pg_attribute, atttypid) == off["atttypid"]);
		REQUIRE(offsetof(FormData_pg_attribute, attlen) == off["attlen"]);
		REQUIRE(offsetof(FormData_pg_attribute, attnum) == off["attnum"]);
		REQUIRE(offsetof(FormData_pg_attribute, attndims) == off["attndims"]);
		REQUIRE(offsetof(FormData_pg_attribute, attbyval) == off["attbyval"]);
		REQUIRE(offsetof(FormData_pg_attribute, attnotnull) == off["attnotnull"]);
		REQUIRE(offsetof(FormData_pg_attribute, attinhcount) == off["attinhcount"]);
		REQUIRE(offsetof(FormData_pg_attribute, attcollation) == off["attcollation"]);
		REQUIRE(sizeof(FormData_pg_attribute) == INTALIGN(off["attcollation"] + sizeof(Oid)));
	}
	SECTION("pg_proc, whose struct ends in the variable-length proargtypes")
	{
		auto off = TupleOffsets(Catalog("pg_proc"), Anum_pg_proc_proargtypes);
		REQUIRE(offsetof(FormData_pg_proc, proname) == off["proname"]);
		REQUIRE(offsetof(FormData_pg_proc, procost) == off["procost"]);
		REQUIRE(offsetof(FormData_pg_proc, prosupport) == off["prosupport"]);
		REQUIRE(offsetof(FormData_pg_proc, prokind) == off["prokind"]);
		REQUIRE(offsetof(FormData_pg_proc, pronargs) == off["pronargs"]);
		REQUIRE(offsetof(FormData_pg_proc, prorettype) == off["prorettype"]);
		REQUIRE(offsetof(FormData_pg_proc, proargtypes) == off["proargtypes"]);
	}
}

TEST_CASE("pg_type holds the built-in types with their OIDs, functions resolved to OIDs",
		  "[catalog]")
{
	const BootstrapCatalog &type = Catalog("pg_type");
	int int4 = FindRow(type, "typname", "int4");
	REQUIRE(int4 >= 0);
	REQUIRE(Value(type, int4, "oid") == "23");
	REQUIRE(INT4OID == 23);
	REQUIRE(Value(type, int4, "typinput") == "42");
	REQUIRE(F_INT4IN == 42);
	REQUIRE(Value(type, int4, "typlen") == "4");
	REQUIRE(Value(type, int4, "typbyval") == "t");
	REQUIRE(Value(type, int4, "typalign") == "i");
	REQUIRE(Value(type, int4, "typnamespace") == "11");
	REQUIRE(Value(type, int4, "typowner") == "10");
	REQUIRE(Value(type, int4, "typarray") == std::to_string(INT4ARRAYOID));

	int arr = FindRow(type, "typname", "_int4");
	REQUIRE(arr >= 0);
	REQUIRE(Value(type, arr, "oid") == "1007");
	REQUIRE(Value(type, arr, "typelem") == "23");
	REQUIRE(Value(type, arr, "typcategory") == "A");
	REQUIRE(Value(type, arr, "typinput") == std::to_string(F_ARRAY_IN));

	int name = FindRow(type, "typname", "name");
	REQUIRE(Value(type, name, "typlen") == std::to_string(NAMEDATALEN));
	REQUIRE(Value(type, name, "typcollation") == std::to_string(kCCollationOid));
	REQUIRE(Value(type, FindRow(type, "typname", "bool"), "oid") == std::to_string(BOOLOID));
}

TEST_CASE("Every catalog has a composite row type with an array type", "[catalog]")
{
	const BootstrapCatalog &type = Catalog("pg_type");
	std::set<std::string> oids;
	for (int r = 0; r < type.nrows; r++)
		REQUIRE(oids.insert(Value(type, r, "oid")).second);
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
	{
		const BootstrapCatalog &cat = kBootstrapCatalogs[i];
		CAPTURE(cat.name);
		int r = FindRow(type, "typname", cat.name);
		if (IsToastTable(cat))
		{
			REQUIRE(r < 0);
			REQUIRE(cat.rowtype_oid == InvalidOid);
			continue;
		}
		REQUIRE(r >= 0);
		REQUIRE(Value(type, r, "oid") == std::to_string(cat.rowtype_oid));
		REQUIRE(Value(type, r, "typtype") == "c");
		REQUIRE(Value(type, r, "typrelid") == std::to_string(cat.relid));
		int a = FindRow(type, "oid", Value(type, r, "typarray"));
		REQUIRE(a >= 0);
		REQUIRE(Value(type, a, "typname") == std::string("_") + cat.name);
		REQUIRE(Value(type, a, "typelem") == std::to_string(cat.rowtype_oid));
	}
}

TEST_CASE("No value is NULL where its column is NOT NULL, and references are OIDs", "[catalog]")
{
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
	{
		const BootstrapCatalog &cat = kBootstrapCatalogs[i];
		for (int r = 0; r < cat.nrows; r++)
			for (int c = 0; c < cat.natts; c++)
			{
				const BootstrapColumn &col = cat.columns[c];
				const char *v = cat.values[r * cat.natts + c];
				CAPTURE(cat.name, r, col.name);
				if (!v)
				{
					REQUIRE(!col.not_null);
					continue;
				}
				std::string s = v;
				if (s.size() > 1 && s[0] == '$')
					continue; /* an initdb-time placeholder */
				if (col.type_oid == kOidTypeOid || col.type_oid == kRegprocTypeOid)
					REQUIRE(IsNumber(s));
				else if (col.type_oid == kOidvectorTypeOid)
					REQUIRE(s.find_first_not_of("0123456789 ") == std::string::npos);
				else if (col.type_oid == kOidArrayTypeOid)
					REQUIRE(s.find_first_not_of("{}0123456789,") == std::string::npos);
				else if (col.type_oid == kBoolTypeOid)
					REQUIRE((s == "t" || s == "f"));
				else if (col.type_oid == kCharTypeOid)
					REQUIRE(s.size() <= 1);
			}
	}
}

TEST_CASE("Columns carry their types' storage properties and C collation", "[catalog]")
{
	const BootstrapCatalog &cls = Catalog("pg_class");
	const BootstrapColumn &relname = cls.columns[Anum_pg_class_relname - 1];
	REQUIRE(strcmp(relname.name, "relname") == 0);
	REQUIRE(relname.type_oid == NAMEOID);
	REQUIRE(relname.len == NAMEDATALEN);
	REQUIRE(!relname.byval);
	REQUIRE(relname.align == 'c');
	REQUIRE(relname.not_null);
	REQUIRE(relname.collation == kCCollationOid);
	const BootstrapColumn &relacl = cls.columns[Anum_pg_class_relacl - 1];
	REQUIRE(relacl.type_oid == ACLITEMARRAYOID);
	REQUIRE(relacl.len == -1);
	REQUIRE(relacl.storage == 'x');
	REQUIRE(!relacl.not_null);
	REQUIRE(relacl.collation == InvalidOid);
	const BootstrapColumn &prosrc = Catalog("pg_proc").columns[Anum_pg_proc_prosrc - 1];
	REQUIRE(prosrc.type_oid == TEXTOID);
	REQUIRE(prosrc.not_null); /* forced, after variable-length columns */
}

int NumCatalogIndexes()
{
	int n = 0;
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
		n += kBootstrapCatalogs[i].nindexes;
	return n;
}

TEST_CASE("pg_class has a row for every catalog, pg_class's own with 33 columns", "[catalog]")
{
	const BootstrapCatalog &cls = Catalog("pg_class");
	/* PostgreSQL 15's 122, and one for each TOAST table */
	REQUIRE(NumCatalogIndexes() == 122 + NumToastTables());
	REQUIRE(cls.nrows == kNumBootstrapCatalogs + NumCatalogIndexes());
	int self = FindRow(cls, "relname", "pg_class");
	REQUIRE(self >= 0);
	REQUIRE(Value(cls, self, "oid") == "1259");
	REQUIRE(Value(cls, self, "relnatts") == "33");
	REQUIRE(Value(cls, self, "reltype") == "83");
	REQUIRE(Value(cls, self, "relkind") == "r");
	REQUIRE(Value(cls, self, "relpersistence") == "p");
	REQUIRE(Value(cls, self, "relnamespace") == "11");
	REQUIRE(Value(cls, self, "relowner") == "10");
	REQUIRE(Value(cls, self, "relam") == "2");
	REQUIRE(Value(cls, self, "relfilenode") == "1259");
	REQUIRE(Value(cls, self, "relhasindex") == "t");
	REQUIRE(Value(cls, self, "reltuples") == "-1");
	REQUIRE(Value(cls, self, "relacl") == "NULL");
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
	{
		const BootstrapCatalog &cat = kBootstrapCatalogs[i];
		CAPTURE(cat.name);
		int r = FindRow(cls, "relname", cat.name);
		REQUIRE(r >= 0);
		REQUIRE(Value(cls, r, "oid") == std::to_string(cat.relid));
		REQUIRE(Value(cls, r, "relnatts") == std::to_string(cat.natts));
		REQUIRE(Value(cls, r, "relisshared") == (cat.shared ? "t" : "f"));
		REQUIRE(Value(cls, r, "reltablespace") == (cat.shared ? "1664" : "0"));
		REQUIRE(Value(cls, r, "relhasindex") == (cat.nindexes > 0 ? "t" : "f"));
		/* pg_toast.pg_toast_N, relkind t, no row type, named after its catalog */
		if (IsToastTable(cat))
		{
			REQUIRE(Value(cls, r, "relkind") == "t");
			REQUIRE(Value(cls, r, "relnamespace") == "99");
			REQUIRE(Value(cls, r, "reltype") == "0");
			int owner = FindRow(cls, "oid", std::string(cat.name + 9));
			REQUIRE(owner >= 0);
			REQUIRE(Value(cls, owner, "reltoastrelid") == std::to_string(cat.relid));
		}
	}
	REQUIRE(Value(cls, FindRow(cls, "relname", "pg_rewrite"), "reltoastrelid") == "2838");
	REQUIRE(Value(cls, FindRow(cls, "relname", "pg_class"), "reltoastrelid") == "0");
}

TEST_CASE("catalog indexes have PostgreSQL's pg_class, pg_attribute and pg_index rows", "[catalog]")
{
	const BootstrapCatalog &cls = Catalog("pg_class");
	const BootstrapCatalog &att = Catalog("pg_attribute");
	const BootstrapCatalog &idx = Catalog("pg_index");
	REQUIRE(idx.nrows == NumCatalogIndexes());
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
	{
		const BootstrapCatalog &cat = kBootstrapCatalogs[i];
		for (int j = 0; j < cat.nindexes; j++)
		{
			const BootstrapIndex &ix = cat.indexes[j];
			CAPTURE(ix.name);
			std::string oid = std::to_string(ix.oid);
			int r = FindRow(cls, "relname", ix.name);
			REQUIRE(r >= 0);
			REQUIRE(Value(cls, r, "oid") == oid);
			REQUIRE(Value(cls, r, "relkind") == "i");
			REQUIRE(Value(cls, r, "relam") == "403");
			REQUIRE(Value(cls, r, "relfilenode") == oid);
			REQUIRE(Value(cls, r, "relnatts") == std::to_string(ix.nkeys));
			REQUIRE(Value(cls, r, "relisshared") == (cat.shared ? "t" : "f"));
			REQUIRE(Value(cls, r, "reltablespace") == (cat.shared ? "1664" : "0"));
			int k = FindRow(idx, "indexrelid", oid.c_str());
			REQUIRE(k >= 0);
			REQUIRE(Value(idx, k, "indrelid") == std::to_string(cat.relid));
			REQUIRE(Value(idx, k, "indisunique") == (ix.unique ? "t" : "f"));
			std::string keys;
			for (int c = 0; c < ix.nkeys; c++)
			{
				if (c > 0)
					keys += ' ';
				keys += std::to_string(ix.keys[c]);
			}
			REQUIRE(Value(idx, k, "indkey") == keys);
			int natts = 0;
			for (int a = 0; a < att.nrows; a++)
				if (Value(att, a, "attrelid") == oid)
					natts++;
			REQUIRE(natts == ix.nkeys);
			for (int c = 0; c < ix.nkeys; c++)
			{
				REQUIRE(OidIsValid(ix.procs[c]));
				REQUIRE(OidIsValid(ix.opfamilies[c]));
			}
		}
	}
	/* A few of PostgreSQL's by hand. */
	int r = FindRow(cls, "relname", "pg_class_relname_nsp_index");
	REQUIRE(Value(cls, r, "oid") == "2663");
	r = FindRow(cls, "relname", "pg_attribute_relid_attnum_index");
	REQUIRE(Value(cls, r, "oid") == "2659");
	int k = FindRow(idx, "indexrelid", "2663");
	REQUIRE(Value(idx, k, "indkey") == "2 3");
	REQUIRE(Value(idx, k, "indclass") == "10028 1981"); /* name_ops (genbki-numbered), oid_ops */
	REQUIRE(Value(idx, k, "indcollation") == "950 0");
	r = FindRow(cls, "relname", "pg_database_datname_index");
	REQUIRE(Value(cls, r, "reltablespace") == "1664");
	const BootstrapCatalog *owner = nullptr;
	const BootstrapIndex *ix = FindBootstrapIndex(2691, &owner);
	REQUIRE(ix != nullptr);
	REQUIRE(std::string(ix->name) == "pg_proc_proname_args_nsp_index");
	REQUIRE(owner == &Catalog("pg_proc"));
	REQUIRE(ix->procs[1] == 404); /* btoidvectorcmp */
	REQUIRE(FindBootstrapIndex(1259) == nullptr);
}

TEST_CASE("pg_attribute describes every column of every catalog, and its system columns",
		  "[catalog]")
{
	const BootstrapCatalog &att = Catalog("pg_attribute");
	int total = 0;
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
		total += kBootstrapCatalogs[i].natts + 6;
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
		for (int j = 0; j < kBootstrapCatalogs[i].nindexes; j++)
			total += kBootstrapCatalogs[i].indexes[j].nkeys;
	REQUIRE(att.nrows == total);

	std::map<int, std::string> names, types;
	for (int r = 0; r < att.nrows; r++)
	{
		if (Value(att, r, "attrelid") != "1259")
			continue;
		int attnum = std::stoi(Value(att, r, "attnum"));
		names[attnum] = Value(att, r, "attname");
		types[attnum] = Value(att, r, "atttypid");
	}
	REQUIRE(names.size() == 33 + 6);
	REQUIRE(names[1] == "oid");
	REQUIRE(names[33] == "relpartbound");
	REQUIRE(names[-1] == "ctid");
	REQUIRE(types[-1] == "27");
	REQUIRE(names[-2] == "xmin");
	REQUIRE(types[-2] == "28");
	REQUIRE(names[-3] == "cmin");
	REQUIRE(types[-3] == "29");
	REQUIRE(names[-4] == "xmax");
	REQUIRE(names[-5] == "cmax");
	REQUIRE(names[-6] == "tableoid");
	REQUIRE(types[-6] == "26");
}

TEST_CASE("Descriptions from the data are in pg_description and pg_shdescription", "[catalog]")
{
	const BootstrapCatalog &desc = Catalog("pg_description");
	REQUIRE(desc.nrows > 3000);
	bool found = false;
	for (int r = 0; r < desc.nrows; r++)
		if (Value(desc, r, "objoid") == "23" && Value(desc, r, "classoid") == "1247")
		{
			found = true;
			REQUIRE(Value(desc, r, "objsubid") == "0");
			REQUIRE(Value(desc, r, "description") ==
					"-2 billion to 2 billion integer, 4-byte storage");
		}
	REQUIRE(found);
	const BootstrapCatalog &shdesc = Catalog("pg_shdescription");
	int r = FindRow(shdesc, "objoid", "1");
	REQUIRE(r >= 0);
	REQUIRE(Value(shdesc, r, "classoid") == std::to_string(DatabaseRelationId));
	REQUIRE(Value(shdesc, r, "description") == "default template for new databases");
}

TEST_CASE("Operators, casts and access-method rows reference OIDs PostgreSQL gives them",
		  "[catalog]")
{
	const BootstrapCatalog &op = Catalog("pg_operator");
	int r = FindRow(op, "oid", "96"); /* int4 = int4 */
	REQUIRE(r >= 0);
	REQUIRE(Value(op, r, "oprname") == "=");
	REQUIRE(Value(op, r, "oprleft") == "23");
	REQUIRE(Value(op, r, "oprcode") == std::to_string(F_INT4EQ));
	REQUIRE(Value(op, r, "oprcom") == "96");
	REQUIRE(Value(op, r, "oprnegate") == "518");

	const BootstrapCatalog &cast = Catalog("pg_cast");
	bool found = false;
	for (int i = 0; i < cast.nrows; i++)
		if (Value(cast, i, "castsource") == "23" && Value(cast, i, "casttarget") == "20")
		{
			found = true;
			REQUIRE(Value(cast, i, "castfunc") == std::to_string(F_INT8_INT4));
			REQUIRE(Value(cast, i, "castcontext") == "i");
		}
	REQUIRE(found);

	const BootstrapCatalog &opc = Catalog("pg_opclass");
	r = FindRow(opc, "oid", std::to_string(INT4_BTREE_OPS_OID));
	REQUIRE(r >= 0);
	REQUIRE(Value(opc, r, "opcmethod") == std::to_string(BTREE_AM_OID));
	REQUIRE(Value(opc, r, "opcintype") == "23");
	REQUIRE(Value(opc, r, "opcfamily") == std::to_string(INTEGER_BTREE_FAM_OID));
}

TEST_CASE("Catalog indexes name existing columns and operator classes", "[catalog]")
{
	const BootstrapCatalog &cls = Catalog("pg_class");
	REQUIRE(cls.nindexes == 3);
	REQUIRE(strcmp(cls.indexes[0].name, "pg_class_oid_index") == 0);
	REQUIRE(cls.indexes[0].oid == ClassOidIndexId);
	REQUIRE(cls.indexes[0].unique);
	REQUIRE(cls.indexes[0].primary);
	REQUIRE(cls.indexes[1].nkeys == 2);
	REQUIRE(cls.indexes[1].keys[0] == Anum_pg_class_relname);
	REQUIRE(cls.indexes[1].opclasses[0] == 10028); /* btree name_ops, OID by genbki */
	REQUIRE(cls.indexes[1].opclasses[1] == OID_BTREE_OPS_OID);
	for (int i = 0; i < kNumBootstrapCatalogs; i++)
	{
		const BootstrapCatalog &cat = kBootstrapCatalogs[i];
		REQUIRE(cat.nindexes >= 1);
		for (int x = 0; x < cat.nindexes; x++)
		{
			CAPTURE(cat.indexes[x].name);
			REQUIRE(cat.indexes[x].nkeys >= 1);
			for (int k = 0; k < cat.indexes[x].nkeys; k++)
			{
				REQUIRE(cat.indexes[x].keys[k] >= 1);
				REQUIRE(cat.indexes[x].keys[k] <= cat.natts);
				REQUIRE(cat.indexes[x].opclasses[k] != InvalidOid);
			}
		}
	}
}

TEST_CASE("initdb-time values are placeholders", "[catalog]")
{
	const BootstrapCatalog &authid = Catalog("pg_authid");
	int r = FindRow(authid, "oid", std::to_string(BOOTSTRAP_SUPERUSERID));
	REQUIRE(Value(authid, r, "rolname") == "$POSTGRES");
	const BootstrapCatalog &db = Catalog("pg_database");
	r = FindRow(db, "datname", "template1");
	REQUIRE(Value(db, r, "oid") == std::to_string(Template1DbOid));
	REQUIRE(Value(db, r, "encoding") == "$ENCODING");
	REQUIRE(Value(db, r, "datcollate") == "$LC_COLLATE");
	REQUIRE(Value(db, r, "datctype") == "$LC_CTYPE");
	REQUIRE(Value(db, r, "daticulocale") == "$ICU_LOCALE");
	REQUIRE(Value(db, r, "datlocprovider") == "$LOCALE_PROVIDER");
}

TEST_CASE("The built-in function table is sorted by OID and covers internal functions", "[catalog]")
{
	REQUIRE(fmgr_nbuiltins > 2500);
	for (int i = 1; i < fmgr_nbuiltins; i++)
		REQUIRE(fmgr_builtins[i - 1].foid < fmgr_builtins[i].foid);
	const BootstrapCatalog &proc = Catalog("pg_proc");
	int internal = 0;
	for (int r = 0; r < proc.nrows; r++)
		if (Value(proc, r, "prolang") == "12" && Value(proc, r, "prokind") != "a")
			internal++;
	REQUIRE(fmgr_nbuiltins == internal);

	const FmgrBuiltin *int4in = nullptr;
	for (int i = 0; i < fmgr_nbuiltins; i++)
	{
		REQUIRE(fmgr_builtins[i].funcName != nullptr);
		REQUIRE(fmgr_builtins[i].nargs >= 0);
		REQUIRE(fmgr_builtins[i].nargs <= FUNC_MAX_ARGS);
		if (fmgr_builtins[i].foid == F_INT4IN)
			int4in = &fmgr_builtins[i];
	}
	REQUIRE(int4in != nullptr);
	REQUIRE(strcmp(int4in->funcName, "int4in") == 0);
	REQUIRE(int4in->nargs == 1);
	REQUIRE(int4in->strict);
	REQUIRE(!int4in->retset);
}
