/*
 * utils/acl.h — role attributes and membership (PostgreSQL's utils/acl.h,
 * the role part; privileges on objects are not in Tusk yet).
 *
 * A role R is a member of role G when pg_auth_members has (G, R), directly
 * or through a chain of memberships.  R "has the privileges of" G when that
 * chain passes only through roles with rolinherit (R's own included);
 * superusers have every role's privileges and are members of every role.
 * Membership decides SET ROLE; privileges decide ownership checks.
 *
 * Principal entry points: superuser, superuser_arg,
 * have_createrole_privilege, is_member_of_role, is_member_of_role_nosuper,
 * has_privs_of_role, is_admin_of_role, get_role_oid.
 */
#ifndef TUSK_UTILS_ACL_H
#define TUSK_UTILS_ACL_H

#include "c.h"

extern bool superuser(void); /* the current user */
extern bool superuser_arg(Oid roleid);
extern bool have_createrole_privilege(void);
extern bool is_member_of_role(Oid member, Oid role);
extern bool is_member_of_role_nosuper(Oid member, Oid role);
extern bool has_privs_of_role(Oid member, Oid role);
extern bool is_admin_of_role(Oid member, Oid role);
/* The role's OID; InvalidOid (missing_ok) or ERROR 42704 if none. */
extern Oid get_role_oid(const char *rolname, bool missing_ok);

#endif /* TUSK_UTILS_ACL_H */
