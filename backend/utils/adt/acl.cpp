/*
 * acl.cpp — role membership, the role privilege functions, and the aclitem
 * type with ACLs built on it (utils/acl.h).
 *
 * Membership is read from pg_auth_members through the AUTHMEMMEMROLE
 * cache (rows by member), walked breadth-first; a membership graph has no
 * cycles (GRANT refuses them), but the walk tolerates one anyway.
 *
 * An ACL is a one-dimensional aclitem[]; acldefault gives the ACL a NULL
 * catalog column stands for, and aclmask answers which privileges a role
 * holds under an ACL.  The checks per object kind and the
 * has_*_privilege functions on top of them are in privileges.cpp.
 *
 * Principal entry points: is_member_of_role, has_privs_of_role,
 * is_admin_of_role, acldefault, aclmask, and the SQL functions pg_has_role
 * (all six forms), aclitemin/out, aclitem_eq, hash_aclitem(_extended),
 * acldefault_sql, aclexplode, aclcontains, makeaclitem, aclinsert and
 * aclremove (both refused, as in PostgreSQL).
 */
#include "postgres.h"

#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "access/htup_details.h"
#include "catalog/pg_auth_members_d.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_database_d.h"
#include "catalog/pg_type_d.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/syscache.h"

namespace {

enum class Recurse
{
	kMembers, /* every membership */
	kPrivs	  /* only through roles that inherit */
};

bool RoleInherits(Oid roleid)
{
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tup == nullptr)
		return false;
	bool inherit = reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolinherit;
	ReleaseSysCache(tup);
	return inherit;
}

bool Contains(const std::vector<Oid> &roles, Oid role)
{
	for (Oid r : roles)
		if (r == role)
			return true;
	return false;
}

/* The current database's owner, or InvalidOid outside a database. */
Oid CurrentDatabaseOwner()
{
	if (!OidIsValid(MyDatabaseId))
		return InvalidOid;
	SysCacheRow db(SearchSysCache1(DATABASEOID, ObjectIdGetDatum(MyDatabaseId)));
	return db.get() != nullptr ? reinterpret_cast<Form_pg_database>(GETSTRUCT(db.get()))->datdba
							   : InvalidOid;
}

/* The roles roleid is a member of (itself first).  When admin_of is valid,
 * *admin is set if some membership on the way grants admin_of WITH ADMIN
 * OPTION. */
std::vector<Oid> RolesIsMemberOf(Oid roleid, Recurse how, Oid admin_of, bool *admin)
{
	std::vector<Oid> roles{roleid};
	/* The database's owner is implicitly a member of pg_database_owner. */
	const Oid dba = CurrentDatabaseOwner();
	for (size_t i = 0; i < roles.size(); i++)
	{
		Oid member = roles[i];
		if (how == Recurse::kPrivs && !RoleInherits(member))
			continue;
		if (member == dba && OidIsValid(dba) && !Contains(roles, ROLE_PG_DATABASE_OWNER))
			roles.push_back(ROLE_PG_DATABASE_OWNER);
		CatCList *list = SearchSysCacheList1(AUTHMEMMEMROLE, ObjectIdGetDatum(member));
		for (int j = 0; j < list->n_members; j++)
		{
			auto *form = reinterpret_cast<Form_pg_auth_members>(GETSTRUCT(list->members[j]));
			if (admin != nullptr && form->roleid == admin_of && form->admin_option)
				*admin = true;
			if (!Contains(roles, form->roleid))
				roles.push_back(form->roleid);
		}
		ReleaseSysCacheList(list);
	}
	return roles;
}

}  // namespace

bool superuser_arg(Oid roleid)
{
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tup == nullptr)
		return false;
	bool super = reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolsuper;
	ReleaseSysCache(tup);
	return super;
}

bool superuser(void)
{
	return superuser_arg(GetUserId());
}

bool have_createrole_privilege(void)
{
	if (superuser())
		return true;
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(GetUserId()));
	if (tup == nullptr)
		return false;
	bool createrole = reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolcreaterole;
	ReleaseSysCache(tup);
	return createrole;
}

bool is_member_of_role_nosuper(Oid member, Oid role)
{
	if (member == role)
		return true;
	return Contains(RolesIsMemberOf(member, Recurse::kMembers, InvalidOid, nullptr), role);
}

bool is_member_of_role(Oid member, Oid role)
{
	return member == role || superuser_arg(member) || is_member_of_role_nosuper(member, role);
}

bool has_privs_of_role(Oid member, Oid role)
{
	if (member == role || superuser_arg(member))
		return true;
	return Contains(RolesIsMemberOf(member, Recurse::kPrivs, InvalidOid, nullptr), role);
}

bool is_admin_of_role(Oid member, Oid role)
{
	if (superuser_arg(member))
		return true;
	/* By policy a role never has the admin option on itself. */
	if (member == role)
		return false;
	bool admin = false;
	(void) RolesIsMemberOf(member, Recurse::kMembers, role, &admin);
	return admin;
}

Oid get_role_oid(const char *rolname, bool missing_ok)
{
	HeapTuple tup = SearchSysCache1(AUTHNAME, CStringGetDatum(rolname));
	if (tup == nullptr)
	{
		if (missing_ok)
			return InvalidOid;
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("role \"%s\" does not exist", rolname));
	}
	Oid oid = reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->oid;
	ReleaseSysCache(tup);
	return oid;
}

/* ---------------------------------------------------------------------
 * pg_has_role(user, role, privilege): privilege is a comma-separated list
 * of MEMBER, USAGE, each optionally WITH ADMIN OPTION (or WITH GRANT
 * OPTION); true if the user has any of them.  USAGE: the role's
 * privileges; MEMBER: membership; WITH ADMIN OPTION: may grant it.
 * --------------------------------------------------------------------- */

namespace {

constexpr int kRoleUsage = 1;
constexpr int kRoleMember = 2;
constexpr int kRoleAdmin = 4;

int ConvertRolePrivString(text *priv_type_text)
{
	std::string s = text_to_cstring(priv_type_text);
	int mode = 0;
	size_t start = 0;
	for (;;)
	{
		size_t comma = s.find(',', start);
		std::string item = s.substr(start, comma == std::string::npos ? comma : comma - start);
		/* trim the blanks around each item, as PostgreSQL does */
		size_t b = item.find_first_not_of(" \t\n\r\f\v");
		size_t e = item.find_last_not_of(" \t\n\r\f\v");
		item = b == std::string::npos ? std::string() : item.substr(b, e - b + 1);
		static const struct
		{
			const char *name;
			int mode;
		} kPrivs[] = {
			{"USAGE", kRoleUsage},
			{"MEMBER", kRoleMember},
			{"USAGE WITH GRANT OPTION", kRoleAdmin},
			{"USAGE WITH ADMIN OPTION", kRoleAdmin},
			{"MEMBER WITH GRANT OPTION", kRoleAdmin},
			{"MEMBER WITH ADMIN OPTION", kRoleAdmin},
		};
		bool found = false;
		for (const auto &p : kPrivs)
			if (strcasecmp(item.c_str(), p.name) == 0)
			{
				mode |= p.mode;
				found = true;
			}
		if (!found)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("unrecognized privilege type: \"%s\"", item.c_str()));
		if (comma == std::string::npos)
			break;
		start = comma + 1;
	}
	return mode;
}

bool RoleAclCheck(Oid role, Oid roleid, int mode)
{
	if ((mode & kRoleAdmin) && is_admin_of_role(roleid, role))
		return true;
	if ((mode & kRoleMember) && is_member_of_role(roleid, role))
		return true;
	if ((mode & kRoleUsage) && has_privs_of_role(roleid, role))
		return true;
	return false;
}

Oid NameArgRole(Datum d)
{
	return get_role_oid(NameStr(*DatumGetName(d)), false);
}

}  // namespace

Datum pg_has_role_name_name(PG_FUNCTION_ARGS)
{
	Oid roleid = NameArgRole(PG_GETARG_DATUM(0));
	Oid role = NameArgRole(PG_GETARG_DATUM(1));
	PG_RETURN_BOOL(RoleAclCheck(role, roleid, ConvertRolePrivString(PG_GETARG_TEXT_PP(2))));
}

Datum pg_has_role_name(PG_FUNCTION_ARGS)
{
	Oid role = NameArgRole(PG_GETARG_DATUM(0));
	PG_RETURN_BOOL(RoleAclCheck(role, GetUserId(), ConvertRolePrivString(PG_GETARG_TEXT_PP(1))));
}

Datum pg_has_role_name_id(PG_FUNCTION_ARGS)
{
	Oid roleid = NameArgRole(PG_GETARG_DATUM(0));
	Oid role = PG_GETARG_OID(1);
	PG_RETURN_BOOL(RoleAclCheck(role, roleid, ConvertRolePrivString(PG_GETARG_TEXT_PP(2))));
}

Datum pg_has_role_id(PG_FUNCTION_ARGS)
{
	Oid role = PG_GETARG_OID(0);
	int mode = ConvertRolePrivString(PG_GETARG_TEXT_PP(1));
	PG_RETURN_BOOL(RoleAclCheck(role, GetUserId(), mode));
}

Datum pg_has_role_id_name(PG_FUNCTION_ARGS)
{
	Oid roleid = PG_GETARG_OID(0);
	Oid role = NameArgRole(PG_GETARG_DATUM(1));
	PG_RETURN_BOOL(RoleAclCheck(role, roleid, ConvertRolePrivString(PG_GETARG_TEXT_PP(2))));
}

Datum pg_has_role_id_id(PG_FUNCTION_ARGS)
{
	Oid roleid = PG_GETARG_OID(0);
	Oid role = PG_GETARG_OID(1);
	int mode = ConvertRolePrivString(PG_GETARG_TEXT_PP(2));
	PG_RETURN_BOOL(RoleAclCheck(role, roleid, mode));
}

/* ---------------------------------------------------------------------
 * The aclitem type: "grantee=privs/grantor", an empty grantee for PUBLIC,
 * a letter of ACL_ALL_RIGHTS_STR per privilege followed by '*' when it is
 * grantable; role names double-quoted when they hold anything but ASCII
 * letters, digits and '_' (a '"' inside doubled).  Roles that no longer
 * exist print as their OID.
 * --------------------------------------------------------------------- */

namespace {

/* A character a role name may hold unquoted: ASCII letters, digits and
 * '_'; input also takes any non-ASCII byte unquoted. */
bool SafeAclChar(unsigned char c, bool reading)
{
	if (c >= 0x80)
		return reading;
	return isalnum(c) || c == '_';
}

/* Reads a role name (possibly double-quoted, "" for a quote inside) after
 * any blanks into *name; returns the position after it and the blanks
 * that follow.  No name leaves *name empty. */
const char *ReadAclName(const char *s, std::string *name)
{
	name->clear();
	while (isspace(static_cast<unsigned char>(*s)))
		s++;
	bool quoted = false;
	for (; *s != '\0' && (quoted || *s == '"' || SafeAclChar(*s, true)); s++)
	{
		if (*s == '"')
		{
			if (!quoted)
			{
				quoted = true;
				continue;
			}
			if (s[1] != '"')
			{
				quoted = false;
				continue;
			}
			s++; /* "" is one quote */
		}
		if (name->size() >= NAMEDATALEN - 1)
			ereport(ERROR, errcode(ERRCODE_NAME_TOO_LONG), errmsg("identifier too long"),
					errdetail("Identifier must be less than %d characters.", NAMEDATALEN));
		name->push_back(*s);
	}
	while (isspace(static_cast<unsigned char>(*s)))
		s++;
	return s;
}

void AppendAclName(std::string *out, const char *name)
{
	bool safe = true;
	for (const char *p = name; *p != '\0'; p++)
		safe = safe && SafeAclChar(static_cast<unsigned char>(*p), false);
	if (!safe)
		out->push_back('"');
	for (const char *p = name; *p != '\0'; p++)
	{
		if (*p == '"')
			out->push_back('"');
		out->push_back(*p);
	}
	if (!safe)
		out->push_back('"');
}

void AppendAclRole(std::string *out, Oid roleid)
{
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tup == nullptr)
	{
		*out += std::to_string(roleid);
		return;
	}
	AppendAclName(out, NameStr(reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolname));
	ReleaseSysCache(tup);
}

/* Parses one "[group|user] grantee=privs[/grantor]" into *item and returns
 * where it stopped. */
const char *ParseAclItem(const char *s, AclItem *item)
{
	std::string name;
	s = ReadAclName(s, &name);
	if (*s != '=')
	{
		/* the old "group" / "user" keyword before the name */
		if (name != "group" && name != "user")
			ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("unrecognized key word: \"%s\"", name.c_str()),
					errhint("ACL key word must be \"group\" or \"user\"."));
		s = ReadAclName(s, &name);
		if (name.empty())
			ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), errmsg("missing name"),
					errhint("A name must follow the \"group\" or \"user\" key word."));
	}
	if (*s != '=')
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), errmsg("missing \"=\" sign"));
	AclMode privs = ACL_NO_RIGHTS;
	AclMode goptions = ACL_NO_RIGHTS;
	AclMode last = ACL_NO_RIGHTS; /* the privilege a '*' applies to */
	for (s++; isalpha(static_cast<unsigned char>(*s)) || *s == '*'; s++)
	{
		if (*s == '*')
		{
			goptions |= last;
			continue;
		}
		if (*s == 'R')
			last = ACL_NO_RIGHTS; /* the old RULE privilege: ignored */
		else
		{
			const char *at = strchr(ACL_ALL_RIGHTS_STR, *s);
			if (at == nullptr)
				ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						errmsg("invalid mode character: must be one of \"%s\"",
							   ACL_ALL_RIGHTS_STR));
			last = static_cast<AclMode>(1) << (at - ACL_ALL_RIGHTS_STR);
		}
		privs |= last;
	}
	item->ai_grantee = name.empty() ? ACL_ID_PUBLIC : get_role_oid(name.c_str(), false);
	if (*s == '/')
	{
		s = ReadAclName(s + 1, &name);
		if (name.empty())
			ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("a name must follow the \"/\" sign"));
		item->ai_grantor = get_role_oid(name.c_str(), false);
	}
	else
	{
		/* an old form without a grantor: the bootstrap superuser */
		item->ai_grantor = BOOTSTRAP_SUPERUSERID;
		ereport(WARNING, errcode(ERRCODE_INVALID_GRANTOR),
				errmsg("defaulting grantor to user ID %u", BOOTSTRAP_SUPERUSERID));
	}
	ACLITEM_SET_PRIVS_GOPTIONS(*item, privs, goptions);
	return s;
}

/* The SQL name of one privilege bit, as aclexplode and the information
 * schema print it. */
const char *PrivilegeName(AclMode bit)
{
	switch (bit)
	{
		case ACL_INSERT:
			return "INSERT";
		case ACL_SELECT:
			return "SELECT";
		case ACL_UPDATE:
			return "UPDATE";
		case ACL_DELETE:
			return "DELETE";
		case ACL_TRUNCATE:
			return "TRUNCATE";
		case ACL_REFERENCES:
			return "REFERENCES";
		case ACL_TRIGGER:
			return "TRIGGER";
		case ACL_EXECUTE:
			return "EXECUTE";
		case ACL_USAGE:
			return "USAGE";
		case ACL_CREATE:
			return "CREATE";
		case ACL_CREATE_TEMP:
			return "TEMPORARY";
		case ACL_CONNECT:
			return "CONNECT";
		case ACL_SET:
			return "SET";
		case ACL_ALTER_SYSTEM:
			return "ALTER SYSTEM";
		default:
			elog(ERROR, "unrecognized aclright: %u", static_cast<unsigned>(bit));
	}
	pg_unreachable();
}

/* makeaclitem's privilege: exactly one privilege name, any case. */
AclMode OnePrivilege(text *priv_text)
{
	std::string priv = text_to_cstring(priv_text);
	static const struct
	{
		const char *name;
		AclMode mode;
	} kNames[] = {
		{"SELECT", ACL_SELECT},	  {"INSERT", ACL_INSERT},	  {"UPDATE", ACL_UPDATE},
		{"DELETE", ACL_DELETE},	  {"TRUNCATE", ACL_TRUNCATE}, {"REFERENCES", ACL_REFERENCES},
		{"TRIGGER", ACL_TRIGGER}, {"EXECUTE", ACL_EXECUTE},	  {"USAGE", ACL_USAGE},
		{"CREATE", ACL_CREATE},	  {"TEMP", ACL_CREATE_TEMP},  {"TEMPORARY", ACL_CREATE_TEMP},
		{"CONNECT", ACL_CONNECT}, {"SET", ACL_SET},			  {"ALTER SYSTEM", ACL_ALTER_SYSTEM},
		{"RULE", ACL_NO_RIGHTS}, /* the old RULE privilege: ignored */
	};
	for (const auto &n : kNames)
		if (strcasecmp(priv.c_str(), n.name) == 0)
			return n.mode;
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unrecognized privilege type: \"%s\"", priv.c_str()));
	pg_unreachable();
}

}  // namespace

Acl *allocacl(int n)
{
	if (n < 0)
		elog(ERROR, "invalid size: %d", n);
	Size size = ACL_N_SIZE(n);
	auto *acl = static_cast<Acl *>(palloc0(size));
	SET_VARSIZE(acl, size);
	acl->ndim = 1;
	acl->dataoffset = 0; /* no null bitmap */
	acl->elemtype = ACLITEMOID;
	ARR_LBOUND(acl)[0] = 1;
	ARR_DIMS(acl)[0] = n;
	return acl;
}

void check_acl(const Acl *acl)
{
	if (ARR_ELEMTYPE(acl) != ACLITEMOID)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("ACL array contains wrong data type"));
	if (ARR_NDIM(acl) != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("ACL arrays must be one-dimensional"));
	if (ARR_HASNULL(acl))
		ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				errmsg("ACL arrays must not contain null values"));
}

Acl *acldefault(ObjectType objtype, Oid ownerId)
{
	/* What PUBLIC and the owner hold when the object's ACL is NULL.  The
	 * owner's entry has no grant options: the owner holds them implicitly
	 * (aclmask), not by a grant. */
	AclMode world = ACL_NO_RIGHTS;
	AclMode owner = ACL_NO_RIGHTS;
	switch (objtype)
	{
		case OBJECT_COLUMN:
			break;
		case OBJECT_TABLE:
			owner = ACL_ALL_RIGHTS_RELATION;
			break;
		case OBJECT_SEQUENCE:
			owner = ACL_ALL_RIGHTS_SEQUENCE;
			break;
		case OBJECT_DATABASE:
			world = ACL_CREATE_TEMP | ACL_CONNECT;
			owner = ACL_ALL_RIGHTS_DATABASE;
			break;
		case OBJECT_FUNCTION:
			world = ACL_EXECUTE;
			owner = ACL_ALL_RIGHTS_FUNCTION;
			break;
		case OBJECT_LANGUAGE:
			world = ACL_USAGE;
			owner = ACL_ALL_RIGHTS_LANGUAGE;
			break;
		case OBJECT_LARGEOBJECT:
			owner = ACL_ALL_RIGHTS_LARGEOBJECT;
			break;
		case OBJECT_SCHEMA:
			owner = ACL_ALL_RIGHTS_SCHEMA;
			break;
		case OBJECT_TABLESPACE:
			owner = ACL_ALL_RIGHTS_TABLESPACE;
			break;
		case OBJECT_FDW:
		case OBJECT_FOREIGN_SERVER:
			/* ACL_ALL_RIGHTS_FDW and ACL_ALL_RIGHTS_FOREIGN_SERVER: both
			 * USAGE alone. */
			owner = ACL_ALL_RIGHTS_FDW;
			break;
		case OBJECT_DOMAIN:
		case OBJECT_TYPE:
			world = ACL_USAGE;
			owner = ACL_ALL_RIGHTS_TYPE;
			break;
		case OBJECT_PARAMETER_ACL:
			owner = ACL_ALL_RIGHTS_PARAMETER_ACL;
			break;
		default:
			elog(ERROR, "unrecognized objtype: %d", static_cast<int>(objtype));
	}
	Acl *acl = allocacl((world != ACL_NO_RIGHTS) + (owner != ACL_NO_RIGHTS));
	AclItem *item = ACL_DAT(acl);
	if (world != ACL_NO_RIGHTS)
	{
		item->ai_grantee = ACL_ID_PUBLIC;
		item->ai_grantor = ownerId;
		ACLITEM_SET_PRIVS_GOPTIONS(*item, world, ACL_NO_RIGHTS);
		item++;
	}
	if (owner != ACL_NO_RIGHTS)
	{
		item->ai_grantee = ownerId;
		item->ai_grantor = ownerId;
		ACLITEM_SET_PRIVS_GOPTIONS(*item, owner, ACL_NO_RIGHTS);
	}
	return acl;
}

AclMode aclmask(const Acl *acl, Oid roleid, Oid ownerId, AclMode mask, AclMaskHow how)
{
	if (mask == 0)
		return 0;
	check_acl(acl);
	auto done = [how, mask](AclMode result) {
		return how == ACLMASK_ALL ? result == mask : result != 0;
	};
	AclMode result = 0;
	/* The owner, and whoever has the owner's privileges, holds every grant
	 * option without an entry saying so. */
	if ((mask & ACLITEM_ALL_GOPTION_BITS) && has_privs_of_role(roleid, ownerId))
	{
		result = mask & ACLITEM_ALL_GOPTION_BITS;
		if (done(result))
			return result;
	}
	int n = ACL_NUM(acl);
	const AclItem *items = ACL_DAT(acl);
	/* Entries for the role itself and PUBLIC first: they need no
	 * membership walk. */
	for (int i = 0; i < n; i++)
		if (items[i].ai_grantee == ACL_ID_PUBLIC || items[i].ai_grantee == roleid)
		{
			result |= items[i].ai_privs & mask;
			if (done(result))
				return result;
		}
	/* Then roles whose privileges roleid has, only for entries that could
	 * still add something. */
	for (int i = 0; i < n; i++)
	{
		const AclItem &item = items[i];
		if (item.ai_grantee == ACL_ID_PUBLIC || item.ai_grantee == roleid)
			continue;
		if ((item.ai_privs & mask & ~result) != 0 && has_privs_of_role(roleid, item.ai_grantee))
		{
			result |= item.ai_privs & mask;
			if (done(result))
				return result;
		}
	}
	return result;
}

Oid get_role_oid_or_public(const char *rolname)
{
	if (strcmp(rolname, "public") == 0)
		return ACL_ID_PUBLIC;
	return get_role_oid(rolname, false);
}

Datum aclitemin(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	auto *item = static_cast<AclItem *>(palloc(sizeof(AclItem)));
	s = ParseAclItem(s, item);
	while (isspace(static_cast<unsigned char>(*s)))
		s++;
	if (*s != '\0')
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("extra garbage at the end of the ACL specification"));
	PG_RETURN_ACLITEM_P(item);
}

Datum aclitemout(PG_FUNCTION_ARGS)
{
	const AclItem *item = PG_GETARG_ACLITEM_P(0);
	std::string out;
	if (item->ai_grantee != ACL_ID_PUBLIC)
		AppendAclRole(&out, item->ai_grantee);
	out += '=';
	for (int i = 0; i < N_ACL_RIGHTS; i++)
	{
		if (ACLITEM_GET_PRIVS(*item) & (1u << i))
			out += ACL_ALL_RIGHTS_STR[i];
		if (ACLITEM_GET_GOPTIONS(*item) & (1u << i))
			out += '*';
	}
	out += '/';
	AppendAclRole(&out, item->ai_grantor);
	PG_RETURN_CSTRING(pstrdup(out.c_str()));
}

Datum aclitem_eq(PG_FUNCTION_ARGS)
{
	const AclItem *a = PG_GETARG_ACLITEM_P(0);
	const AclItem *b = PG_GETARG_ACLITEM_P(1);
	PG_RETURN_BOOL(a->ai_privs == b->ai_privs && a->ai_grantee == b->ai_grantee &&
				   a->ai_grantor == b->ai_grantor);
}

/* The hash is PostgreSQL's (the sum of the three fields), so hash values
 * agree with its for the same item. */
Datum hash_aclitem(PG_FUNCTION_ARGS)
{
	const AclItem *a = PG_GETARG_ACLITEM_P(0);
	PG_RETURN_UINT32(static_cast<uint32>(a->ai_privs + a->ai_grantee + a->ai_grantor));
}

Datum hash_aclitem_extended(PG_FUNCTION_ARGS)
{
	const AclItem *a = PG_GETARG_ACLITEM_P(0);
	uint64 seed = PG_GETARG_INT64(1);
	uint32 sum = static_cast<uint32>(a->ai_privs + a->ai_grantee + a->ai_grantor);
	if (seed == 0)
		return UInt64GetDatum(sum);
	return hash_uint32_extended(sum, seed);
}

Datum acldefault_sql(PG_FUNCTION_ARGS)
{
	char kind = PG_GETARG_CHAR(0);
	Oid owner = PG_GETARG_OID(1);
	ObjectType objtype;
	switch (kind)
	{
		case 'c':
			objtype = OBJECT_COLUMN;
			break;
		case 'r':
			objtype = OBJECT_TABLE;
			break;
		case 's':
			objtype = OBJECT_SEQUENCE;
			break;
		case 'd':
			objtype = OBJECT_DATABASE;
			break;
		case 'f':
			objtype = OBJECT_FUNCTION;
			break;
		case 'l':
			objtype = OBJECT_LANGUAGE;
			break;
		case 'L':
			objtype = OBJECT_LARGEOBJECT;
			break;
		case 'n':
			objtype = OBJECT_SCHEMA;
			break;
		case 'p':
			objtype = OBJECT_PARAMETER_ACL;
			break;
		case 't':
			objtype = OBJECT_TABLESPACE;
			break;
		case 'F':
			objtype = OBJECT_FDW;
			break;
		case 'S':
			objtype = OBJECT_FOREIGN_SERVER;
			break;
		case 'T':
			objtype = OBJECT_TYPE;
			break;
		default:
			elog(ERROR, "unrecognized objtype abbreviation: %c", kind);
	}
	PG_RETURN_ACL_P(acldefault(objtype, owner));
}

Datum aclinsert(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("aclinsert is no longer supported"));
	PG_RETURN_NULL();
}

Datum aclremove(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("aclremove is no longer supported"));
	PG_RETURN_NULL();
}

/* Whether some item of the ACL has the item's grantee and grantor and at
 * least its privileges and grant options. */
Datum aclcontains(PG_FUNCTION_ARGS)
{
	const Acl *acl = PG_GETARG_ACL_P(0);
	const AclItem *item = PG_GETARG_ACLITEM_P(1);
	check_acl(acl);
	const AclItem *items = ACL_DAT(acl);
	for (int i = 0; i < ACL_NUM(acl); i++)
		if (item->ai_grantee == items[i].ai_grantee && item->ai_grantor == items[i].ai_grantor &&
			(ACLITEM_GET_RIGHTS(*item) & ACLITEM_GET_RIGHTS(items[i])) == ACLITEM_GET_RIGHTS(*item))
			PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(false);
}

Datum makeaclitem(PG_FUNCTION_ARGS)
{
	Oid grantee = PG_GETARG_OID(0);
	Oid grantor = PG_GETARG_OID(1);
	AclMode priv = OnePrivilege(PG_GETARG_TEXT_PP(2));
	bool grantable = PG_GETARG_BOOL(3);
	auto *item = static_cast<AclItem *>(palloc(sizeof(AclItem)));
	item->ai_grantee = grantee;
	item->ai_grantor = grantor;
	ACLITEM_SET_PRIVS_GOPTIONS(*item, priv, grantable ? priv : ACL_NO_RIGHTS);
	PG_RETURN_ACLITEM_P(item);
}

/* One row per privilege of each item, in item order and then bit order:
 * (grantor, grantee, privilege_type, is_grantable). */
Datum aclexplode(PG_FUNCTION_ARGS)
{
	const Acl *acl = PG_GETARG_ACL_P(0);
	FuncCallContext *funcctx;
	struct Position
	{
		int item;
		int bit;
	};
	if (SRF_IS_FIRSTCALL())
	{
		check_acl(acl);
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		TupleDesc desc = CreateTemplateTupleDesc(4);
		TupleDescInitEntry(desc, 1, "grantor", OIDOID, -1, 0);
		TupleDescInitEntry(desc, 2, "grantee", OIDOID, -1, 0);
		TupleDescInitEntry(desc, 3, "privilege_type", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 4, "is_grantable", BOOLOID, -1, 0);
		funcctx->tuple_desc = BlessTupleDesc(desc);
		auto *pos = static_cast<Position *>(palloc(sizeof(Position)));
		pos->item = 0;
		pos->bit = -1;
		funcctx->user_fctx = pos;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *pos = static_cast<Position *>(funcctx->user_fctx);
	const AclItem *items = ACL_DAT(acl);
	while (pos->item < ACL_NUM(acl))
	{
		if (++pos->bit == N_ACL_RIGHTS)
		{
			pos->bit = 0;
			if (++pos->item >= ACL_NUM(acl))
				break;
		}
		const AclItem &item = items[pos->item];
		AclMode bit = static_cast<AclMode>(1) << pos->bit;
		if ((ACLITEM_GET_PRIVS(item) & bit) == 0)
			continue;
		Datum values[4];
		bool nulls[4] = {false, false, false, false};
		values[0] = ObjectIdGetDatum(item.ai_grantor);
		values[1] = ObjectIdGetDatum(item.ai_grantee);
		values[2] = CStringGetTextDatum(PrivilegeName(bit));
		values[3] = BoolGetDatum((ACLITEM_GET_GOPTIONS(item) & bit) != 0);
		HeapTuple tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}
