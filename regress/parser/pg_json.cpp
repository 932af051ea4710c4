/*
 * pg_json.cpp — Tusk's raw parse trees printed as libpg_query prints
 * PostgreSQL's, and a small JSON reader for canonical comparison
 * (see pg_json.h).
 *
 * Every node is printed from its field list (the NODE_<Name> macros of
 * include/nodes), so a field added to a node shows up here without a change.
 * A field declared List * prints as a JSON array; a List found in a Node *
 * field, or inside a list, prints as {"List":{"items":[…]}}, as libpg_query
 * does.  Enum fields print their value's name.
 */
#include "pg_json.h"

#include <cstdio>
#include <map>
#include <type_traits>
#include <vector>

#include "nodes/parsenodes.h"

namespace tusk::regress {

namespace {

const std::map<std::string, std::vector<const char *>> &EnumNames()
{
	static const std::map<std::string, std::vector<const char *>> names = {
		{"CoercionForm",
		 {"COERCE_EXPLICIT_CALL", "COERCE_EXPLICIT_CAST", "COERCE_IMPLICIT_CAST",
		  "COERCE_SQL_SYNTAX"}},
		{"BoolExprType", {"AND_EXPR", "OR_EXPR", "NOT_EXPR"}},
		{"MinMaxOp", {"IS_GREATEST", "IS_LEAST"}},
		{"NullTestType", {"IS_NULL", "IS_NOT_NULL"}},
		{"BoolTestType",
		 {"IS_TRUE", "IS_NOT_TRUE", "IS_FALSE", "IS_NOT_FALSE", "IS_UNKNOWN", "IS_NOT_UNKNOWN"}},
		{"SubLinkType",
		 {"EXISTS_SUBLINK", "ALL_SUBLINK", "ANY_SUBLINK", "ROWCOMPARE_SUBLINK", "EXPR_SUBLINK",
		  "MULTIEXPR_SUBLINK", "ARRAY_SUBLINK", "CTE_SUBLINK"}},
		{"SQLValueFunctionOp",
		 {"SVFOP_CURRENT_DATE", "SVFOP_CURRENT_TIME", "SVFOP_CURRENT_TIME_N",
		  "SVFOP_CURRENT_TIMESTAMP", "SVFOP_CURRENT_TIMESTAMP_N", "SVFOP_LOCALTIME",
		  "SVFOP_LOCALTIME_N", "SVFOP_LOCALTIMESTAMP", "SVFOP_LOCALTIMESTAMP_N",
		  "SVFOP_CURRENT_ROLE", "SVFOP_CURRENT_USER", "SVFOP_USER", "SVFOP_SESSION_USER",
		  "SVFOP_CURRENT_CATALOG", "SVFOP_CURRENT_SCHEMA"}},
		{"OnCommitAction",
		 {"ONCOMMIT_NOOP", "ONCOMMIT_PRESERVE_ROWS", "ONCOMMIT_DELETE_ROWS", "ONCOMMIT_DROP"}},
		{"JoinType",
		 {"JOIN_INNER", "JOIN_LEFT", "JOIN_FULL", "JOIN_RIGHT", "JOIN_SEMI", "JOIN_ANTI",
		  "JOIN_UNIQUE_OUTER", "JOIN_UNIQUE_INNER"}},
		{"A_Expr_Kind",
		 {"AEXPR_OP", "AEXPR_OP_ANY", "AEXPR_OP_ALL", "AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT",
		  "AEXPR_NULLIF", "AEXPR_IN", "AEXPR_LIKE", "AEXPR_ILIKE", "AEXPR_SIMILAR", "AEXPR_BETWEEN",
		  "AEXPR_NOT_BETWEEN", "AEXPR_BETWEEN_SYM", "AEXPR_NOT_BETWEEN_SYM"}},
		{"RoleSpecType",
		 {"ROLESPEC_CSTRING", "ROLESPEC_CURRENT_ROLE", "ROLESPEC_CURRENT_USER",
		  "ROLESPEC_SESSION_USER", "ROLESPEC_PUBLIC"}},
		{"SortByDir", {"SORTBY_DEFAULT", "SORTBY_ASC", "SORTBY_DESC", "SORTBY_USING"}},
		{"SortByNulls", {"SORTBY_NULLS_DEFAULT", "SORTBY_NULLS_FIRST", "SORTBY_NULLS_LAST"}},
		{"LockClauseStrength",
		 {"LCS_NONE", "LCS_FORKEYSHARE", "LCS_FORSHARE", "LCS_FORNOKEYUPDATE", "LCS_FORUPDATE"}},
		{"LockWaitPolicy", {"LockWaitBlock", "LockWaitSkip", "LockWaitError"}},
		{"GroupingSetKind",
		 {"GROUPING_SET_EMPTY", "GROUPING_SET_SIMPLE", "GROUPING_SET_ROLLUP", "GROUPING_SET_CUBE",
		  "GROUPING_SET_SETS"}},
		{"OnConflictAction", {"ONCONFLICT_NONE", "ONCONFLICT_NOTHING", "ONCONFLICT_UPDATE"}},
		{"CTEMaterialize",
		 {"CTEMaterializeDefault", "CTEMaterializeAlways", "CTEMaterializeNever"}},
		{"OverridingKind",
		 {"OVERRIDING_NOT_SET", "OVERRIDING_USER_VALUE", "OVERRIDING_SYSTEM_VALUE"}},
		{"LimitOption", {"LIMIT_OPTION_COUNT", "LIMIT_OPTION_WITH_TIES", "LIMIT_OPTION_DEFAULT"}},
		{"SetOperation", {"SETOP_NONE", "SETOP_UNION", "SETOP_INTERSECT", "SETOP_EXCEPT"}},
		{"ObjectType",
		 {"OBJECT_ACCESS_METHOD",
		  "OBJECT_AGGREGATE",
		  "OBJECT_AMOP",
		  "OBJECT_AMPROC",
		  "OBJECT_ATTRIBUTE",
		  "OBJECT_CAST",
		  "OBJECT_COLUMN",
		  "OBJECT_COLLATION",
		  "OBJECT_CONVERSION",
		  "OBJECT_DATABASE",
		  "OBJECT_DEFAULT",
		  "OBJECT_DEFACL",
		  "OBJECT_DOMAIN",
		  "OBJECT_DOMCONSTRAINT",
		  "OBJECT_EVENT_TRIGGER",
		  "OBJECT_EXTENSION",
		  "OBJECT_FDW",
		  "OBJECT_FOREIGN_SERVER",
		  "OBJECT_FOREIGN_TABLE",
		  "OBJECT_FUNCTION",
		  "OBJECT_INDEX",
		  "OBJECT_LANGUAGE",
		  "OBJECT_LARGEOBJECT",
		  "OBJECT_MATVIEW",
		  "OBJECT_OPCLASS",
		  "OBJECT_OPERATOR",
		  "OBJECT_OPFAMILY",
		  "OBJECT_PARAMETER_ACL",
		  "OBJECT_POLICY",
		  "OBJECT_PROCEDURE",
		  "OBJECT_PUBLICATION",
		  "OBJECT_PUBLICATION_NAMESPACE",
		  "OBJECT_PUBLICATION_REL",
		  "OBJECT_ROLE",
		  "OBJECT_ROUTINE",
		  "OBJECT_RULE",
		  "OBJECT_SCHEMA",
		  "OBJECT_SEQUENCE",
		  "OBJECT_SUBSCRIPTION",
		  "OBJECT_STATISTIC_EXT",
		  "OBJECT_TABCONSTRAINT",
		  "OBJECT_TABLE",
		  "OBJECT_TABLESPACE",
		  "OBJECT_TRANSFORM",
		  "OBJECT_TRIGGER",
		  "OBJECT_TSCONFIGURATION",
		  "OBJECT_TSDICTIONARY",
		  "OBJECT_TSPARSER",
		  "OBJECT_TSTEMPLATE",
		  "OBJECT_TYPE",
		  "OBJECT_USER_MAPPING",
		  "OBJECT_VIEW"}},
		{"DropBehavior", {"DROP_RESTRICT", "DROP_CASCADE"}},
		{"AlterTableType",
		 {"AT_AddColumn",
		  "AT_AddColumnRecurse",
		  "AT_AddColumnToView",
		  "AT_ColumnDefault",
		  "AT_CookedColumnDefault",
		  "AT_DropNotNull",
		  "AT_SetNotNull",
		  "AT_DropExpression",
		  "AT_CheckNotNull",
		  "AT_SetStatistics",
		  "AT_SetOptions",
		  "AT_ResetOptions",
		  "AT_SetStorage",
		  "AT_SetCompression",
		  "AT_DropColumn",
		  "AT_DropColumnRecurse",
		  "AT_AddIndex",
		  "AT_ReAddIndex",
		  "AT_AddConstraint",
		  "AT_AddConstraintRecurse",
		  "AT_ReAddConstraint",
		  "AT_ReAddDomainConstraint",
		  "AT_AlterConstraint",
		  "AT_ValidateConstraint",
		  "AT_ValidateConstraintRecurse",
		  "AT_AddIndexConstraint",
		  "AT_DropConstraint",
		  "AT_DropConstraintRecurse",
		  "AT_ReAddComment",
		  "AT_AlterColumnType",
		  "AT_AlterColumnGenericOptions",
		  "AT_ChangeOwner",
		  "AT_ClusterOn",
		  "AT_DropCluster",
		  "AT_SetLogged",
		  "AT_SetUnLogged",
		  "AT_DropOids",
		  "AT_SetAccessMethod",
		  "AT_SetTableSpace",
		  "AT_SetRelOptions",
		  "AT_ResetRelOptions",
		  "AT_ReplaceRelOptions",
		  "AT_EnableTrig",
		  "AT_EnableAlwaysTrig",
		  "AT_EnableReplicaTrig",
		  "AT_DisableTrig",
		  "AT_EnableTrigAll",
		  "AT_DisableTrigAll",
		  "AT_EnableTrigUser",
		  "AT_DisableTrigUser",
		  "AT_EnableRule",
		  "AT_EnableAlwaysRule",
		  "AT_EnableReplicaRule",
		  "AT_DisableRule",
		  "AT_AddInherit",
		  "AT_DropInherit",
		  "AT_AddOf",
		  "AT_DropOf",
		  "AT_ReplicaIdentity",
		  "AT_EnableRowSecurity",
		  "AT_DisableRowSecurity",
		  "AT_ForceRowSecurity",
		  "AT_NoForceRowSecurity",
		  "AT_GenericOptions",
		  "AT_AttachPartition",
		  "AT_DetachPartition",
		  "AT_DetachPartitionFinalize",
		  "AT_AddIdentity",
		  "AT_SetIdentity",
		  "AT_DropIdentity",
		  "AT_ReAddStatistics"}},
		{"VariableSetKind",
		 {"VAR_SET_VALUE", "VAR_SET_DEFAULT", "VAR_SET_CURRENT", "VAR_SET_MULTI", "VAR_RESET",
		  "VAR_RESET_ALL"}},
		{"ConstrType",
		 {"CONSTR_NULL", "CONSTR_NOTNULL", "CONSTR_DEFAULT", "CONSTR_IDENTITY", "CONSTR_GENERATED",
		  "CONSTR_CHECK", "CONSTR_PRIMARY", "CONSTR_UNIQUE", "CONSTR_EXCLUSION", "CONSTR_FOREIGN",
		  "CONSTR_ATTR_DEFERRABLE", "CONSTR_ATTR_NOT_DEFERRABLE", "CONSTR_ATTR_DEFERRED",
		  "CONSTR_ATTR_IMMEDIATE"}},
		{"TransactionStmtKind",
		 {"TRANS_STMT_BEGIN", "TRANS_STMT_START", "TRANS_STMT_COMMIT", "TRANS_STMT_ROLLBACK",
		  "TRANS_STMT_SAVEPOINT", "TRANS_STMT_RELEASE", "TRANS_STMT_ROLLBACK_TO",
		  "TRANS_STMT_PREPARE", "TRANS_STMT_COMMIT_PREPARED", "TRANS_STMT_ROLLBACK_PREPARED"}},
		{"ViewCheckOption", {"NO_CHECK_OPTION", "LOCAL_CHECK_OPTION", "CASCADED_CHECK_OPTION"}},
		{"DiscardMode", {"DISCARD_ALL", "DISCARD_PLANS", "DISCARD_SEQUENCES", "DISCARD_TEMP"}},
		{"FetchDirection", {"FETCH_FORWARD", "FETCH_BACKWARD", "FETCH_ABSOLUTE", "FETCH_RELATIVE"}},
		{"DefElemAction", {"DEFELEM_UNSPEC", "DEFELEM_SET", "DEFELEM_ADD", "DEFELEM_DROP"}},
		{"RoleStmtType", {"ROLESTMT_ROLE", "ROLESTMT_USER", "ROLESTMT_GROUP"}},
	};
	return names;
}

void AppendString(std::string &o, const char *s)
{
	o += '"';
	for (; *s != '\0'; s++)
	{
		unsigned char c = static_cast<unsigned char>(*s);
		switch (c)
		{
			case '"':
				o += "\\\"";
				break;
			case '\\':
				o += "\\\\";
				break;
			case '\n':
				o += "\\n";
				break;
			case '\t':
				o += "\\t";
				break;
			case '\r':
				o += "\\r";
				break;
			case '\b':
				o += "\\b";
				break;
			case '\f':
				o += "\\f";
				break;
			default:
				if (c < 0x20)
				{
					char buf[8];
					snprintf(buf, sizeof buf, "\\u%04x", c);
					o += buf;
				}
				else
					o += static_cast<char>(c);
		}
	}
	o += '"';
}

void Key(std::string &o, bool &first, const char *name)
{
	if (!first)
		o += ',';
	first = false;
	AppendString(o, name);
	o += ':';
}

void OutNode(std::string &o, const Node *n);

/* An element of a list: a nested list is {"List":{"items":[…]}}, NULL {}. */
void OutListElem(std::string &o, const Node *n)
{
	if (n == nullptr)
		o += "{}";
	else
		OutNode(o, n);
}

void OutArray(std::string &o, const List *l)
{
	o += '[';
	for (int i = 0; i < list_length(l); i++)
	{
		if (i > 0)
			o += ',';
		OutListElem(o, static_cast<const Node *>(l->elements[i].ptr_value));
	}
	o += ']';
}

template <typename T>
void Scalar(std::string &o, bool &first, const char *name, const char *type, const T &value)
{
	if constexpr (std::is_same_v<T, bool>)
	{
		if (value)
		{
			Key(o, first, name);
			o += "true";
		}
	}
	else if constexpr (std::is_same_v<T, char>)
	{
		if (value != 0)
		{
			Key(o, first, name);
			char s[2] = {value, 0};
			AppendString(o, s);
		}
	}
	else if constexpr (std::is_enum_v<T>)
	{
		Key(o, first, name);
		auto it = EnumNames().find(type);
		int v = static_cast<int>(value);
		/* PostgreSQL's enums whose values are characters. */
		static const std::map<int, const char *> param_modes =
			{{FUNC_PARAM_IN, "FUNC_PARAM_IN"},		 {FUNC_PARAM_OUT, "FUNC_PARAM_OUT"},
			 {FUNC_PARAM_INOUT, "FUNC_PARAM_INOUT"}, {FUNC_PARAM_VARIADIC, "FUNC_PARAM_VARIADIC"},
			 {FUNC_PARAM_TABLE, "FUNC_PARAM_TABLE"}, {FUNC_PARAM_DEFAULT, "FUNC_PARAM_DEFAULT"}};
		if (strcmp(type, "FunctionParameterMode") == 0 && param_modes.count(v) != 0)
			AppendString(o, param_modes.at(v));
		else if (it != EnumNames().end() && v >= 0 && v < static_cast<int>(it->second.size()))
			AppendString(o, it->second[v]);
		else
			o += std::to_string(v);
	}
	else if constexpr (std::is_floating_point_v<T>)
	{
		(void) value;
	}
	else
	{
		if (value != 0)
		{
			Key(o, first, name);
			o += std::to_string(static_cast<long long>(value));
		}
	}
}

/* A pointer field: an array if declared as a List, {"Type":{…}} if
 * declared as a generic Node * or Expr *, else (a field whose type names
 * the node type) just {…}, as libpg_query prints them. */
void NodeField(std::string &o, bool &first, const char *name, const char *type, const Node *n)
{
	if (n == nullptr)
		return;
	Key(o, first, name);
	if (strcmp(type, "List *") == 0 && IsA(n, List))
		OutArray(o, reinterpret_cast<const List *>(n));
	else if (strcmp(type, "Node *") == 0 || strcmp(type, "Expr *") == 0)
		OutNode(o, n);
	else
	{
		std::string wrapped;
		OutNode(wrapped, n);
		/* strip {"Name": … } */
		size_t colon = wrapped.find(':');
		o.append(wrapped, colon + 1, wrapped.size() - colon - 2);
	}
}

#define JSON_FIELD(kind, type, name) JSON_##kind(type, name)
#define JSON_TAG(type, name)
#define JSON_BASE(type, name)
#define JSON_SCALAR(type, name) Scalar(o, first, #name, #type, node->name);
#define JSON_SYNTAX(type, name) JSON_SCALAR(type, name)
#define JSON_STRING(type, name) \
	if (node->name != nullptr) \
	{ \
		Key(o, first, #name); \
		AppendString(o, node->name); \
	}
#define JSON_NODE(type, name) \
	NodeField(o, first, #name, #type, reinterpret_cast<const Node *>(node->name));
#define JSON_LOCATION(type, name) \
	if (node->name != 0) \
	{ \
		Key(o, first, #name); \
		o += std::to_string(node->name); \
	}
#define JSON_BITMAPSET(type, name)
#define JSON_DATUM(type, name)

template <typename T>
void Fields(std::string &o, const T *node, bool &first);

#define DEFINE_JSON_FIELDS(Name) \
	template <> \
	void Fields<Name>([[maybe_unused]] std::string & o, [[maybe_unused]] const Name *node, \
					  [[maybe_unused]] bool &first) \
	{ \
		NODE_##Name(JSON_FIELD) \
	}
TUSK_PRIM_NODES(DEFINE_JSON_FIELDS)
TUSK_PARSE_NODES(DEFINE_JSON_FIELDS)

/* A_Const: {"ival":{"ival":1}} … or {"isnull":true}, then location. */
void OutAConst(std::string &o, const A_Const *c)
{
	bool first = true;
	if (c->isnull)
	{
		Key(o, first, "isnull");
		o += "true";
	}
	else if (c->val != nullptr)
	{
		const Node *v = c->val;
		switch (nodeTag(v))
		{
			case T_Integer:
				Key(o, first, "ival");
				o += '{';
				if (intVal(v) > 0)
					o += "\"ival\":" + std::to_string(intVal(v));
				o += '}';
				break;
			case T_Float:
				Key(o, first, "fval");
				o += "{\"fval\":";
				AppendString(o, reinterpret_cast<const Float *>(v)->fval);
				o += '}';
				break;
			case T_Boolean:
				Key(o, first, "boolval");
				o += boolVal(v) ? "{\"boolval\":true}" : "{}";
				break;
			case T_String:
				Key(o, first, "sval");
				o += "{\"sval\":";
				AppendString(o, strVal(v));
				o += '}';
				break;
			case T_BitString:
				Key(o, first, "bsval");
				o += "{\"bsval\":";
				AppendString(o, reinterpret_cast<const BitString *>(v)->bsval);
				o += '}';
				break;
			default:
				break;
		}
	}
	if (c->location != 0)
	{
		Key(o, first, "location");
		o += std::to_string(c->location);
	}
}
/* Where key occurs in the JSON object body outside nested objects, arrays
 * and strings, or npos. */
size_t FindTopLevel(const std::string &body, const char *key)
{
	size_t keylen = strlen(key);
	int depth = 0;
	for (size_t i = 0; i < body.size(); i++)
	{
		char c = body[i];
		if (depth == 0 && body.compare(i, keylen, key) == 0)
			return i;
		if (c == '"')
		{
			for (i++; i < body.size() && body[i] != '"'; i++)
				if (body[i] == '\\')
					i++;
		}
		else if (c == '{' || c == '[')
			depth++;
		else if (c == '}' || c == ']')
			depth--;
	}
	return std::string::npos;
}

void OutNode(std::string &o, const Node *n)
{
	switch (nodeTag(n))
	{
		case T_List:
			o += "{\"List\":{\"items\":";
			OutArray(o, reinterpret_cast<const List *>(n));
			o += "}}";
			return;
		case T_Integer:
			o += "{\"Integer\":{";
			if (intVal(n) > 0)
				o += "\"ival\":" + std::to_string(intVal(n));
			o += "}}";
			return;
		case T_Float:
			o += "{\"Float\":{\"fval\":";
			AppendString(o, reinterpret_cast<const Float *>(n)->fval);
			o += "}}";
			return;
		case T_Boolean:
			/* (libpg_query prints a Boolean node's value even when false) */
			o += boolVal(n) ? "{\"Boolean\":{\"boolval\":true}}"
							: "{\"Boolean\":{\"boolval\":false}}";
			return;
		case T_String:
			o += "{\"String\":{\"sval\":";
			AppendString(o, strVal(n));
			o += "}}";
			return;
		case T_BitString:
			o += "{\"BitString\":{\"bsval\":";
			AppendString(o, reinterpret_cast<const BitString *>(n)->bsval);
			o += "}}";
			return;
		default:
			break;
	}
	if (IsA(n, A_Const))
	{
		o += "{\"A_Const\":{";
		OutAConst(o, reinterpret_cast<const A_Const *>(n));
		o += "}}";
		return;
	}
	if (IsA(n, SelectStmt))
	{
		{
			/* limitOption: see the header comment */
			SelectStmt copy = *reinterpret_cast<const SelectStmt *>(n);
			o += "{\"SelectStmt\":{";
			bool first = true;
			LimitOption lo = copy.limitOption;
			copy.limitOption = LIMIT_OPTION_DEFAULT;
			std::string body;
			Fields<SelectStmt>(body, &copy, first);
			const char *name = lo == LIMIT_OPTION_WITH_TIES ? "LIMIT_OPTION_WITH_TIES"
				: (copy.limitCount != nullptr || copy.limitOffset != nullptr)
				? "LIMIT_OPTION_COUNT"
				: "LIMIT_OPTION_DEFAULT";
			/* this statement's own field: the one outside nested objects */
			size_t at = FindTopLevel(body, "\"limitOption\":\"LIMIT_OPTION_DEFAULT\"");
			if (at != std::string::npos)
				body.replace(at, strlen("\"limitOption\":\"LIMIT_OPTION_DEFAULT\""),
							 std::string("\"limitOption\":\"") + name + "\"");
			o += body;
			o += "}}";
			return;
		}
	}
	switch (nodeTag(n))
	{
#define JSON_CASE(Name) \
	case T_##Name: \
	{ \
		o += "{\"" #Name "\":{"; \
		bool first = true; \
		Fields<Name>(o, reinterpret_cast<const Name *>(n), first); \
		o += "}}"; \
		return; \
	}
		TUSK_PRIM_NODES(JSON_CASE)
		TUSK_PARSE_NODES(JSON_CASE)
#undef JSON_CASE
		default:
			o += "{\"" + std::string(nodeTagName(nodeTag(n))) + "\":{}}";
			return;
	}
}

/* ---- JSON reading, for the canonical form ---- */

struct JsonReader
{
	const char *p;
	bool ok = true;

	void Ws()
	{
		while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
			p++;
	}

	/* Appends the canonical form of one value to out. */
	void Value(std::string &out)
	{
		Ws();
		if (*p == '{')
		{
			p++;
			std::map<std::string, std::string> members;
			Ws();
			if (*p == '}')
				p++;
			else
			{
				for (;;)
				{
					Ws();
					std::string key;
					if (!String(key))
						return Fail();
					Ws();
					if (*p != ':')
						return Fail();
					p++;
					std::string v;
					Value(v);
					members[key] = v;
					Ws();
					if (*p == ',')
					{
						p++;
						continue;
					}
					if (*p == '}')
					{
						p++;
						break;
					}
					return Fail();
				}
			}
			out += '{';
			bool first = true;
			for (auto &kv : members)
			{
				if (!first)
					out += ',';
				first = false;
				AppendString(out, kv.first.c_str());
				out += ':';
				out += kv.second;
			}
			out += '}';
		}
		else if (*p == '[')
		{
			p++;
			out += '[';
			Ws();
			if (*p == ']')
				p++;
			else
			{
				bool first = true;
				for (;;)
				{
					if (!first)
						out += ',';
					first = false;
					Value(out);
					Ws();
					if (*p == ',')
					{
						p++;
						continue;
					}
					if (*p == ']')
					{
						p++;
						break;
					}
					return Fail();
				}
			}
			out += ']';
		}
		else if (*p == '"')
		{
			std::string s;
			if (!String(s))
				return Fail();
			AppendString(out, s.c_str());
		}
		else
		{
			const char *start = p;
			while (*p != '\0' && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n')
				p++;
			if (p == start)
				return Fail();
			out.append(start, p - start);
		}
	}

	bool String(std::string &s)
	{
		if (*p != '"')
			return false;
		p++;
		while (*p != '"')
		{
			if (*p == '\0')
				return false;
			if (*p == '\\')
			{
				p++;
				switch (*p)
				{
					case 'n':
						s += '\n';
						break;
					case 't':
						s += '\t';
						break;
					case 'r':
						s += '\r';
						break;
					case 'b':
						s += '\b';
						break;
					case 'f':
						s += '\f';
						break;
					case 'u':
					{
						unsigned v = 0;
						for (int i = 1; i <= 4; i++)
						{
							char c = p[i];
							v = v * 16 +
								(c >= '0' && c <= '9'		? c - '0'
									 : c >= 'a' && c <= 'f' ? c - 'a' + 10
															: c - 'A' + 10);
						}
						p += 4;
						/* only the escapes libpg_query uses (ASCII) matter */
						if (v < 0x80)
							s += static_cast<char>(v);
						else if (v < 0x800)
						{
							s += static_cast<char>(0xC0 | (v >> 6));
							s += static_cast<char>(0x80 | (v & 0x3F));
						}
						else
						{
							s += static_cast<char>(0xE0 | (v >> 12));
							s += static_cast<char>(0x80 | ((v >> 6) & 0x3F));
							s += static_cast<char>(0x80 | (v & 0x3F));
						}
						break;
					}
					default:
						s += *p;
						break;
				}
				p++;
			}
			else
				s += *p++;
		}
		p++;
		return true;
	}

	void Fail() { ok = false; }
};

}  // namespace

std::string NodeToPgJson(const void *node)
{
	std::string o;
	if (node == nullptr)
		return "null";
	OutNode(o, static_cast<const Node *>(node));
	return o;
}

std::string RawStmtsToPgJson(const List *stmts)
{
	std::string o = "{\"version\":150001,\"stmts\":[";
	for (int i = 0; i < list_length(stmts); i++)
	{
		const RawStmt *rs = static_cast<const RawStmt *>(stmts->elements[i].ptr_value);
		if (i > 0)
			o += ',';
		o += "{\"stmt\":";
		OutNode(o, rs->stmt);
		if (rs->stmt_location != 0)
			o += ",\"stmt_location\":" + std::to_string(rs->stmt_location);
		if (rs->stmt_len != 0)
			o += ",\"stmt_len\":" + std::to_string(rs->stmt_len);
		o += '}';
	}
	o += "]}";
	return o;
}

std::string CanonicalJson(const std::string &json)
{
	JsonReader r{json.c_str()};
	std::string out;
	r.Value(out);
	if (!r.ok)
		return "";
	return out;
}

}  // namespace tusk::regress
