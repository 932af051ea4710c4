/*
 * utils/acl.h — role attributes and membership, the aclitem type and the
 * privilege checks on objects (PostgreSQL's utils/acl.h).
 *
 * A role R is a member of role G when pg_auth_members has (G, R), directly
 * or through a chain of memberships.  R "has the privileges of" G when that
 * chain passes only through roles with rolinherit (R's own included);
 * superusers have every role's privileges and are members of every role.
 * Membership decides SET ROLE; privileges decide ownership checks.
 *
 * An object's privileges are an ACL: a one-dimensional aclitem[] (catalog
 * columns relacl, nspacl, proacl, ...).  A NULL ACL means the object's
 * default, acldefault(kind, owner).  "Role R may do P on object O" is
 * aclmask over that ACL with R's memberships (see privileges.cpp); the
 * owner's rights come from its own ACL entry, superusers have everything.
 *
 * Principal entry points: superuser, superuser_arg,
 * have_createrole_privilege, is_member_of_role, is_member_of_role_nosuper,
 * has_privs_of_role, is_admin_of_role, get_role_oid; acldefault, aclmask,
 * and pg_<catalog>_aclmask / pg_<catalog>_aclcheck per object kind.
 */
#ifndef TUSK_UTILS_ACL_H
#define TUSK_UTILS_ACL_H

#include "c.h"
#include "nodes/parsenodes.h"
#include "nodes/querynodes.h"
#include "utils/array.h"

extern bool superuser(void); /* the current user */
extern bool superuser_arg(Oid roleid);
extern bool have_createrole_privilege(void);
extern bool is_member_of_role(Oid member, Oid role);
extern bool is_member_of_role_nosuper(Oid member, Oid role);
extern bool has_privs_of_role(Oid member, Oid role);
extern bool is_admin_of_role(Oid member, Oid role);
/* The role's OID; InvalidOid (missing_ok) or ERROR 42704 if none. */
extern Oid get_role_oid(const char *rolname, bool missing_ok);

/* ---------------------------------------------------------------------
 * Privileges and aclitem (PostgreSQL 15's layout: 12 bytes, int-aligned)
 * --------------------------------------------------------------------- */

/* AclMode (nodes/querynodes.h, with ACL_INSERT ... ACL_DELETE) is a set
 * of privilege bits: the low 16 are privileges, the next 16 the grant
 * options for the same privileges.  ACL_INSERT 'a', ACL_SELECT 'r',
 * ACL_UPDATE 'w' and ACL_DELETE 'd' are defined there. */
#define ACL_TRUNCATE (1 << 4)	   /* 'D' */
#define ACL_REFERENCES (1 << 5)	   /* 'x' */
#define ACL_TRIGGER (1 << 6)	   /* 't' */
#define ACL_EXECUTE (1 << 7)	   /* 'X' */
#define ACL_USAGE (1 << 8)		   /* 'U' */
#define ACL_CREATE (1 << 9)		   /* 'C' */
#define ACL_CREATE_TEMP (1 << 10)  /* 'T' */
#define ACL_CONNECT (1 << 11)	   /* 'c' */
#define ACL_SET (1 << 12)		   /* 's' */
#define ACL_ALTER_SYSTEM (1 << 13) /* 'A' */
#define N_ACL_RIGHTS 14
#define ACL_NO_RIGHTS 0
/* The letters aclitem's text form uses, bit i's letter at index i. */
#define ACL_ALL_RIGHTS_STR "arwdDxtXUCTcsA"

#define ACL_ID_PUBLIC 0 /* the grantee PUBLIC */

typedef struct AclItem
{
	Oid ai_grantee;	 /* role given the privileges, or ACL_ID_PUBLIC */
	Oid ai_grantor;	 /* role that gave them */
	uint32 ai_privs; /* privileges and grant options (an AclMode) */
} AclItem;

#define ACLITEM_GET_PRIVS(item) ((item).ai_privs & 0xFFFF)
#define ACLITEM_GET_GOPTIONS(item) (((item).ai_privs >> 16) & 0xFFFF)
#define ACLITEM_GET_RIGHTS(item) ((item).ai_privs)
#define ACL_GRANT_OPTION_FOR(privs) (((AclMode) (privs) &0xFFFF) << 16)
#define ACL_OPTION_TO_PRIVS(privs) (((AclMode) (privs) >> 16) & 0xFFFF)
#define ACLITEM_SET_PRIVS_GOPTIONS(item, privs, goptions) \
	((item).ai_privs = ((AclMode) (privs) &0xFFFF) | (((AclMode) (goptions) &0xFFFF) << 16))
#define ACLITEM_ALL_PRIV_BITS ((AclMode) 0xFFFF)
#define ACLITEM_ALL_GOPTION_BITS ((AclMode) 0xFFFF << 16)

/* What each kind of object can be granted. */
#define ACL_ALL_RIGHTS_COLUMN (ACL_INSERT | ACL_SELECT | ACL_UPDATE | ACL_REFERENCES)
#define ACL_ALL_RIGHTS_RELATION \
	(ACL_INSERT | ACL_SELECT | ACL_UPDATE | ACL_DELETE | ACL_TRUNCATE | ACL_REFERENCES | \
	 ACL_TRIGGER)
#define ACL_ALL_RIGHTS_SEQUENCE (ACL_USAGE | ACL_SELECT | ACL_UPDATE)
#define ACL_ALL_RIGHTS_DATABASE (ACL_CREATE | ACL_CREATE_TEMP | ACL_CONNECT)
#define ACL_ALL_RIGHTS_FDW (ACL_USAGE)
#define ACL_ALL_RIGHTS_FOREIGN_SERVER (ACL_USAGE)
#define ACL_ALL_RIGHTS_FUNCTION (ACL_EXECUTE)
#define ACL_ALL_RIGHTS_LANGUAGE (ACL_USAGE)
#define ACL_ALL_RIGHTS_LARGEOBJECT (ACL_SELECT | ACL_UPDATE)
#define ACL_ALL_RIGHTS_PARAMETER_ACL (ACL_SET | ACL_ALTER_SYSTEM)
#define ACL_ALL_RIGHTS_SCHEMA (ACL_USAGE | ACL_CREATE)
#define ACL_ALL_RIGHTS_TABLESPACE (ACL_CREATE)
#define ACL_ALL_RIGHTS_TYPE (ACL_USAGE)

/* An ACL is a one-dimensional array of aclitem without NULLs. */
typedef struct ArrayType Acl;
#define ACL_NUM(acl) (ARR_DIMS(acl)[0])
#define ACL_DAT(acl) ((AclItem *) ARR_DATA_PTR(acl))
#define ACL_N_SIZE(n) (ARR_OVERHEAD_NONULLS(1) + ((n) * sizeof(AclItem)))

#define DatumGetAclItemP(x) ((AclItem *) DatumGetPointer(x))
#define PG_GETARG_ACLITEM_P(n) DatumGetAclItemP(PG_GETARG_DATUM(n))
#define PG_RETURN_ACLITEM_P(x) PG_RETURN_POINTER(x)
#define DatumGetAclP(x) ((Acl *) PG_DETOAST_DATUM(x))
#define PG_GETARG_ACL_P(n) DatumGetAclP(PG_GETARG_DATUM(n))
#define PG_RETURN_ACL_P(x) PG_RETURN_POINTER(x)

typedef enum AclMaskHow
{
	ACLMASK_ALL, /* every bit asked for */
	ACLMASK_ANY	 /* any one of them */
} AclMaskHow;

typedef enum AclResult
{
	ACLCHECK_OK = 0,
	ACLCHECK_NO_PRIV,
	ACLCHECK_NOT_OWNER
} AclResult;

/* A new one-dimensional ACL of n items (palloc'd, items zeroed). */
extern Acl *allocacl(int n);
/* The built-in default ACL of an object of this kind owned by ownerId
 * (what a NULL ACL column means). */
extern Acl *acldefault(ObjectType objtype, Oid ownerId);
/* The bits of mask that roleid holds under acl (directly, through PUBLIC
 * or through roles whose privileges it has); the owner (and who has its
 * privileges) holds every grant option.  how == ACLMASK_ANY may stop at
 * the first bit found. */
extern AclMode aclmask(const Acl *acl, Oid roleid, Oid ownerId, AclMode mask, AclMaskHow how);
/* ERROR unless acl is a one-dimensional aclitem[] without NULLs. */
extern void check_acl(const Acl *acl);
/* The role's OID, ACL_ID_PUBLIC for "public", or ERROR 42704. */
extern Oid get_role_oid_or_public(const char *rolname);

/*
 * Per object kind: the privileges in mask that roleid holds on the object
 * (superusers all; otherwise the catalog row's ACL, or the default ACL when
 * it is NULL), and the same as ACLCHECK_OK / ACLCHECK_NO_PRIV for
 * ACLMASK_ANY.  A missing object is an ERROR, or with is_missing non-NULL,
 * *is_missing = true and no privileges.
 */
extern AclMode pg_class_aclmask(Oid table_oid, Oid roleid, AclMode mask, AclMaskHow how);
extern AclMode pg_class_aclmask_ext(Oid table_oid, Oid roleid, AclMode mask, AclMaskHow how,
									bool *is_missing);
extern AclMode pg_attribute_aclmask_ext(Oid table_oid, AttrNumber attnum, Oid roleid, AclMode mask,
										AclMaskHow how, bool *is_missing);
extern AclMode pg_database_aclmask(Oid db_oid, Oid roleid, AclMode mask, AclMaskHow how);
extern AclMode pg_proc_aclmask(Oid proc_oid, Oid roleid, AclMode mask, AclMaskHow how);
extern AclMode pg_language_aclmask(Oid lang_oid, Oid roleid, AclMode mask, AclMaskHow how);
extern AclMode pg_namespace_aclmask(Oid nsp_oid, Oid roleid, AclMode mask, AclMaskHow how);
extern AclMode pg_tablespace_aclmask(Oid spc_oid, Oid roleid, AclMode mask, AclMaskHow how);
extern AclMode pg_type_aclmask(Oid type_oid, Oid roleid, AclMode mask, AclMaskHow how);
extern AclMode pg_foreign_data_wrapper_aclmask(Oid fdw_oid, Oid roleid, AclMode mask,
											   AclMaskHow how);
extern AclMode pg_foreign_server_aclmask(Oid srv_oid, Oid roleid, AclMode mask, AclMaskHow how);
/* A setting's privileges (SET, ALTER SYSTEM) from pg_parameter_acl; a
 * setting without a row there grants nothing but to superusers. */
extern AclMode pg_parameter_aclmask(const char *name, Oid roleid, AclMode mask, AclMaskHow how);
extern AclResult pg_parameter_aclcheck(const char *name, Oid roleid, AclMode mode);

extern AclResult pg_class_aclcheck(Oid table_oid, Oid roleid, AclMode mode);
extern AclResult pg_class_aclcheck_ext(Oid table_oid, Oid roleid, AclMode mode, bool *is_missing);
extern AclResult pg_attribute_aclcheck_ext(Oid table_oid, AttrNumber attnum, Oid roleid,
										   AclMode mode, bool *is_missing);
/* Whether roleid holds mode on any (ACLMASK_ANY) or every (ACLMASK_ALL)
 * live column of the table through the columns' own ACLs. */
extern AclResult pg_attribute_aclcheck_all(Oid table_oid, Oid roleid, AclMode mode, AclMaskHow how);
extern AclResult pg_database_aclcheck(Oid db_oid, Oid roleid, AclMode mode);
extern AclResult pg_proc_aclcheck(Oid proc_oid, Oid roleid, AclMode mode);
extern AclResult pg_language_aclcheck(Oid lang_oid, Oid roleid, AclMode mode);
extern AclResult pg_namespace_aclcheck(Oid nsp_oid, Oid roleid, AclMode mode);
extern AclResult pg_tablespace_aclcheck(Oid spc_oid, Oid roleid, AclMode mode);
extern AclResult pg_type_aclcheck(Oid type_oid, Oid roleid, AclMode mode);

#endif /* TUSK_UTILS_ACL_H */
