/*
 * acl.cpp — role membership and the role privilege functions (utils/acl.h).
 *
 * Membership is read from pg_auth_members through the AUTHMEMMEMROLE
 * cache (rows by member), walked breadth-first; a membership graph has no
 * cycles (GRANT refuses them), but the walk tolerates one anyway.
 *
 * Principal entry points: is_member_of_role, has_privs_of_role,
 * is_admin_of_role, and the SQL functions pg_has_role (all six forms).
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/htup_details.h"
#include "catalog/pg_auth_members_d.h"
#include "catalog/pg_authid_d.h"
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

/* The roles roleid is a member of (itself first).  When admin_of is valid,
 * *admin is set if some membership on the way grants admin_of WITH ADMIN
 * OPTION. */
std::vector<Oid> RolesIsMemberOf(Oid roleid, Recurse how, Oid admin_of, bool *admin)
{
	std::vector<Oid> roles{roleid};
	for (size_t i = 0; i < roles.size(); i++)
	{
		Oid member = roles[i];
		if (how == Recurse::kPrivs && !RoleInherits(member))
			continue;
		CatCList *list = SearchSysCacheList1(AUTHMEMMEMROLE, ObjectIdGetDatum(member));
		for (int j = 0; j < list->n_members; j++)
		{
			auto *form = reinterpret_cast<Form_pg_auth_members>(GETSTRUCT(list->members[j]));
			if (admin != nullptr && form->roleid == admin_of && form->admin_option)
				*admin = true;
			bool seen = false;
			for (Oid r : roles)
				seen = seen || r == form->roleid;
			if (!seen)
				roles.push_back(form->roleid);
		}
		ReleaseSysCacheList(list);
	}
	return roles;
}

bool Contains(const std::vector<Oid> &roles, Oid role)
{
	for (Oid r : roles)
		if (r == role)
			return true;
	return false;
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
