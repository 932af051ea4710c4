/*
 * nodefuncs.cpp — what every node type gets from its field list:
 * copyObject, equal, nodeToString, stringToNode (nodes/nodes.h).
 *
 * Each NODE_<Name>(F) list is expanded here four times, once per
 * function, with F chosen per field kind; nothing is written per node.
 * Lists, Bitmapsets and Const's value are the hand-written cases.
 *
 * The text form is PostgreSQL's outfuncs format: {NAME :field value …};
 * lists are (…), (i …) for ints, (o …) for OIDs, (b …) for Bitmapsets;
 * a NULL pointer or string is <>; strings are backslash-escaped tokens.
 * Views and column defaults are stored in this form, so stringToNode
 * must read back exactly what nodeToString writes.
 */
#include "postgres.h"

#include <cctype>
#include <cinttypes>
#include <string>
#include <type_traits>

#include "miscadmin.h"
#include "nodes/bitmapset.h"
#include "nodes/parsenodes.h"
#include "nodes/plannodes.h"
#include "nodes/value.h"
#include "utils/datum.h"

/* The field-list macros below paste node names and field declarators
 * (types, member names) into code: they cannot be parenthesized. */
// NOLINTBEGIN(bugprone-macro-parentheses)
namespace {

/* ---- copy ---- */

/* Deep-copy pointer fields of a node that was first copied bitwise. */
template <typename T>
void CopyFixup(T *node);

#define COPY_FIXUP_FIELD(kind, type, name) COPY_FIXUP_##kind(type, name)
#define COPY_FIXUP_TAG(type, name)
#define COPY_FIXUP_BASE(type, name) CopyFixup<type>(&node->name);
#define COPY_FIXUP_SCALAR(type, name)
#define COPY_FIXUP_LOCATION(type, name)
#define COPY_FIXUP_SYNTAX(type, name)
#define COPY_FIXUP_STRING(type, name) \
	if (node->name != nullptr) \
		node->name = pstrdup(node->name);
#define COPY_FIXUP_NODE(type, name) node->name = static_cast<type>(copyObjectImpl(node->name));
#define COPY_FIXUP_BITMAPSET(type, name) node->name = bms_copy(node->name);
#define COPY_FIXUP_DATUM(type, name) \
	if (!node->constisnull && !node->constbyval) \
		node->name = datumCopy(node->name, false, node->constlen);

#define DEFINE_COPY_FIXUP(Name) \
	template <> \
	void CopyFixup<Name>([[maybe_unused]] Name * node) \
	{ \
		NODE_##Name(COPY_FIXUP_FIELD) \
	}
TUSK_ABSTRACT_NODES(DEFINE_COPY_FIXUP)
TUSK_VALUE_NODES(DEFINE_COPY_FIXUP)
TUSK_PRIM_NODES(DEFINE_COPY_FIXUP)
TUSK_PARSE_NODES(DEFINE_COPY_FIXUP)
TUSK_QUERY_NODES(DEFINE_COPY_FIXUP)
TUSK_PLAN_NODES(DEFINE_COPY_FIXUP)

List *CopyList(const List *from)
{
	if (from->type == T_List)
		return list_copy_deep(from);
	return list_copy(from);
}

/* ---- equal ---- */

template <typename T>
bool EqualFields(const T *a, const T *b);

bool DatumBytesEqual(Datum a, Datum b, int typlen)
{
	const char *pa = DatumGetPointer(a);
	const char *pb = DatumGetPointer(b);
	Size la = typlen > 0 ? typlen : typlen == -1 ? VARSIZE_ANY(pa) : strlen(pa) + 1;
	Size lb = typlen > 0 ? typlen : typlen == -1 ? VARSIZE_ANY(pb) : strlen(pb) + 1;
	return la == lb && memcmp(pa, pb, la) == 0;
}

bool StringsEqual(const char *a, const char *b)
{
	if (a == nullptr || b == nullptr)
		return a == b;
	return strcmp(a, b) == 0;
}

#define EQUAL_FIELD(kind, type, name) EQUAL_##kind(type, name)
#define EQUAL_TAG(type, name)
#define EQUAL_BASE(type, name) \
	if (!EqualFields<type>(&a->name, &b->name)) \
		return false;
#define EQUAL_SCALAR(type, name) \
	if (!(a->name == b->name)) \
		return false;
#define EQUAL_LOCATION(type, name)
#define EQUAL_SYNTAX(type, name) /* how it was written, not what it is */
#define EQUAL_STRING(type, name) \
	if (!StringsEqual(a->name, b->name)) \
		return false;
#define EQUAL_NODE(type, name) \
	if (!equal(a->name, b->name)) \
		return false;
#define EQUAL_BITMAPSET(type, name) \
	if (!bms_equal(a->name, b->name)) \
		return false;
#define EQUAL_DATUM(type, name) \
	if (!a->constisnull && !b->constisnull && \
		!(a->constbyval ? a->name == b->name : DatumBytesEqual(a->name, b->name, a->constlen))) \
		return false;

#define DEFINE_EQUAL(Name) \
	template <> \
	bool EqualFields<Name>([[maybe_unused]] const Name *a, [[maybe_unused]] const Name *b) \
	{ \
		NODE_##Name(EQUAL_FIELD) return true; \
	}
TUSK_ABSTRACT_NODES(DEFINE_EQUAL)
TUSK_VALUE_NODES(DEFINE_EQUAL)
TUSK_PRIM_NODES(DEFINE_EQUAL)
TUSK_PARSE_NODES(DEFINE_EQUAL)
TUSK_QUERY_NODES(DEFINE_EQUAL)
TUSK_PLAN_NODES(DEFINE_EQUAL)

bool ListsEqual(const List *a, const List *b)
{
	if (a->type != b->type || a->length != b->length)
		return false;
	for (int i = 0; i < a->length; i++)
	{
		const ListCell *ca = &a->elements[i];
		const ListCell *cb = &b->elements[i];
		bool same = a->type == T_List ? equal(lfirst(ca), lfirst(cb))
			: a->type == T_IntList	  ? lfirst_int(ca) == lfirst_int(cb)
									  : lfirst_oid(ca) == lfirst_oid(cb);
		if (!same)
			return false;
	}
	return true;
}

/* ---- text form: writing ---- */

void OutToken(std::string &out, const char *s)
{
	if (s == nullptr)
	{
		out += "<>";
		return;
	}
	if (*s == '\0')
	{
		out += "\"\"";
		return;
	}
	/* A leading character that would make the token read as something
	 * else (a number, <>, a quoted empty string) is escaped. */
	if (*s == '<' || *s == '"' || isdigit(static_cast<unsigned char>(*s)) ||
		((*s == '+' || *s == '-') && (isdigit(static_cast<unsigned char>(s[1])) || s[1] == '.')))
		out += '\\';
	for (; *s != '\0'; s++)
	{
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '(' || *s == ')' || *s == '{' ||
			*s == '}' || *s == '\\')
			out += '\\';
		out += *s;
	}
}

template <typename T>
void OutScalar(std::string &out, const T &value)
{
	char buf[64];
	if constexpr (std::is_same_v<T, bool>)
		out += value ? "true" : "false";
	else if constexpr (std::is_same_v<T, char>)
	{
		char s[2] = {value, '\0'};
		OutToken(out, s);
	}
	else if constexpr (std::is_floating_point_v<T>)
	{
		snprintf(buf, sizeof buf, "%.17g", static_cast<double>(value));
		out += buf;
	}
	else if constexpr (std::is_enum_v<T> || std::is_signed_v<T>)
		out += std::to_string(static_cast<long long>(value));
	else
		out += std::to_string(static_cast<unsigned long long>(value));
}

void OutNode(std::string &out, const void *obj);

[[maybe_unused]] void OutBitmapset(std::string &out, const Bitmapset *bms)
{
	out += "(b";
	for (int x = bms_next_member(bms, -1); x >= 0; x = bms_next_member(bms, x))
	{
		out += ' ';
		out += std::to_string(x);
	}
	out += ')';
}

void OutDatum(std::string &out, Datum value, int typlen, bool byval)
{
	Size length;
	const char *bytes;
	if (byval)
	{
		length = sizeof(Datum);
		bytes = reinterpret_cast<const char *>(&value);
	}
	else
	{
		bytes = DatumGetPointer(value);
		length = typlen > 0 ? typlen : typlen == -1 ? VARSIZE_ANY(bytes) : strlen(bytes) + 1;
	}
	out += std::to_string(length) + " [ ";
	for (Size i = 0; i < length; i++)
		out += std::to_string(static_cast<int>(static_cast<signed char>(bytes[i]))) + " ";
	out += ']';
}

template <typename T>
void OutFields(std::string &out, const T *node);

#define OUT_FIELD(kind, type, name) OUT_##kind(type, name)
#define OUT_TAG(type, name)
#define OUT_BASE(type, name) OutFields<type>(out, &node->name);
#define OUT_SCALAR(type, name) \
	out += " :" #name " "; \
	OutScalar(out, node->name);
#define OUT_LOCATION(type, name) OUT_SCALAR(type, name)
#define OUT_SYNTAX(type, name) OUT_SCALAR(type, name)
#define OUT_STRING(type, name) \
	out += " :" #name " "; \
	OutToken(out, node->name);
#define OUT_NODE(type, name) \
	out += " :" #name " "; \
	OutNode(out, node->name);
#define OUT_BITMAPSET(type, name) \
	out += " :" #name " "; \
	OutBitmapset(out, node->name);
#define OUT_DATUM(type, name) \
	out += " :" #name " "; \
	if (node->constisnull) \
		out += "<>"; \
	else \
		OutDatum(out, node->name, node->constlen, node->constbyval);

#define DEFINE_OUT(Name) \
	template <> \
	void OutFields<Name>([[maybe_unused]] std::string & out, [[maybe_unused]] const Name *node) \
	{ \
		NODE_##Name(OUT_FIELD) \
	}
TUSK_ABSTRACT_NODES(DEFINE_OUT)
TUSK_VALUE_NODES(DEFINE_OUT)
TUSK_PRIM_NODES(DEFINE_OUT)
TUSK_PARSE_NODES(DEFINE_OUT)
TUSK_QUERY_NODES(DEFINE_OUT)
TUSK_PLAN_NODES(DEFINE_OUT)

std::string UpperName(const char *name)
{
	std::string s(name);
	for (char &c : s)
		c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
	return s;
}

void OutNode(std::string &out, const void *obj)
{
	if (obj == nullptr)
	{
		out += "<>";
		return;
	}
	/* a tree the parser built near max_stack_depth must not overflow here */
	CHECK_STACK_DEPTH();
	const Node *node = static_cast<const Node *>(obj);
	switch (nodeTag(node))
	{
		case T_List:
		case T_IntList:
		case T_OidList:
		{
			const List *list = static_cast<const List *>(obj);
			out += '(';
			if (list->type == T_IntList)
				out += 'i';
			else if (list->type == T_OidList)
				out += 'o';
			for (int i = 0; i < list->length; i++)
			{
				if (i > 0 || list->type != T_List)
					out += ' ';
				if (list->type == T_List)
					OutNode(out, list->elements[i].ptr_value);
				else if (list->type == T_IntList)
					out += std::to_string(list->elements[i].int_value);
				else
					out += std::to_string(list->elements[i].oid_value);
			}
			out += ')';
			return;
		}
#define OUT_CASE(Name) \
	case T_##Name: \
		out += '{'; \
		out += UpperName(#Name); \
		OutFields<Name>(out, static_cast<const Name *>(obj)); \
		out += '}'; \
		return;
			TUSK_VALUE_NODES(OUT_CASE)
			TUSK_PRIM_NODES(OUT_CASE)
			TUSK_PARSE_NODES(OUT_CASE)
			TUSK_QUERY_NODES(OUT_CASE)
			TUSK_PLAN_NODES(OUT_CASE)
#undef OUT_CASE
		default:
			elog(ERROR, "could not dump unrecognized node type: %d",
				 static_cast<int>(nodeTag(node)));
	}
}

/* ---- text form: reading ---- */

class Reader
{
  public:
	explicit Reader(const char *s) : p_(s) {}

	/* The next token (escapes kept), or an empty view at the end. */
	std::string_view Next()
	{
		while (*p_ == ' ' || *p_ == '\n' || *p_ == '\t')
			p_++;
		if (*p_ == '\0')
			return {};
		const char *start = p_;
		if (*p_ == '(' || *p_ == ')' || *p_ == '{' || *p_ == '}')
		{
			p_++;
			return {start, 1};
		}
		while (*p_ != '\0' && *p_ != ' ' && *p_ != '\n' && *p_ != '\t' && *p_ != '(' &&
			   *p_ != ')' && *p_ != '{' && *p_ != '}')
		{
			if (*p_ == '\\' && p_[1] != '\0')
				p_++;
			p_++;
		}
		return {start, static_cast<size_t>(p_ - start)};
	}

	std::string_view Peek()
	{
		const char *save = p_;
		std::string_view t = Next();
		p_ = save;
		return t;
	}

	/* ":name": the field label the writer put before each value. */
	void ExpectLabel(const char *name)
	{
		std::string_view t = Next();
		if (t.size() < 2 || t[0] != ':' || t.substr(1) != name)
			elog(ERROR, "node text: expected field \":%s\", found \"%.*s\"", name,
				 static_cast<int>(t.size()), t.data());
	}

	void Expect(char c)
	{
		std::string_view t = Next();
		if (t.size() != 1 || t[0] != c)
			elog(ERROR, "node text: expected \"%c\", found \"%.*s\"", c, static_cast<int>(t.size()),
				 t.data());
	}

  private:
	const char *p_;
};

/* A token's string value (escapes removed), or nullptr for <>. */
char *DebackslashToken(std::string_view t)
{
	if (t == "<>")
		return nullptr;
	if (t == "\"\"")
		return pstrdup("");
	char *s = static_cast<char *>(palloc(t.size() + 1));
	size_t n = 0;
	for (size_t i = 0; i < t.size(); i++)
	{
		if (t[i] == '\\' && i + 1 < t.size())
			i++;
		s[n++] = t[i];
	}
	s[n] = '\0';
	return s;
}

template <typename T>
void ReadScalar(Reader &in, T *value)
{
	std::string token(in.Next());
	if constexpr (std::is_same_v<T, bool>)
		*value = token == "true";
	else if constexpr (std::is_same_v<T, char>)
	{
		char *s = DebackslashToken(token);
		*value = s != nullptr ? s[0] : '\0';
	}
	else if constexpr (std::is_floating_point_v<T>)
		*value = static_cast<T>(strtod(token.c_str(), nullptr));
	else if constexpr (std::is_enum_v<T> || std::is_signed_v<T>)
		*value = static_cast<T>(strtoll(token.c_str(), nullptr, 10));
	else
		*value = static_cast<T>(strtoull(token.c_str(), nullptr, 10));
}

void *ReadNode(Reader &in);

[[maybe_unused]] Bitmapset *ReadBitmapset(Reader &in)
{
	std::string_view t = in.Next();
	if (t == "<>")
		return nullptr;
	if (t != "(")
		elog(ERROR, "node text: expected a bitmapset");
	in.Expect('b');
	Bitmapset *result = nullptr;
	for (;;)
	{
		std::string_view m = in.Next();
		if (m == ")")
			break;
		result = bms_add_member(result, atoi(std::string(m).c_str()));
	}
	return result;
}

Datum ReadDatum(Reader &in, bool byval)
{
	std::string_view t = in.Next();
	Size length = strtoull(std::string(t).c_str(), nullptr, 10);
	in.Expect('[');
	char *bytes = static_cast<char *>(palloc(Max(length, sizeof(Datum))));
	for (Size i = 0; i < length; i++)
		bytes[i] = static_cast<char>(atoi(std::string(in.Next()).c_str()));
	in.Expect(']');
	if (!byval)
		return PointerGetDatum(bytes);
	Datum value;
	memcpy(&value, bytes, sizeof(Datum));
	pfree(bytes);
	return value;
}

template <typename T>
void ReadFields(Reader &in, T *node);

#define READ_FIELD(kind, type, name) READ_##kind(type, name)
#define READ_TAG(type, name)
#define READ_BASE(type, name) ReadFields<type>(in, &node->name);
#define READ_SCALAR(type, name) \
	in.ExpectLabel(#name); \
	ReadScalar(in, &node->name);
#define READ_SYNTAX(type, name) READ_SCALAR(type, name)
#define READ_LOCATION(type, name) \
	in.ExpectLabel(#name); \
	ReadScalar(in, &node->name); \
	node->name = -1;
#define READ_STRING(type, name) \
	in.ExpectLabel(#name); \
	node->name = DebackslashToken(in.Next());
#define READ_NODE(type, name) \
	in.ExpectLabel(#name); \
	node->name = static_cast<type>(ReadNode(in));
#define READ_BITMAPSET(type, name) \
	in.ExpectLabel(#name); \
	node->name = ReadBitmapset(in);
/* (Const's field list puts constvalue after constlen and constbyval,
 * so they are known when it is read.) */
#define READ_DATUM(type, name) \
	in.ExpectLabel(#name); \
	if (in.Peek() == "<>") \
		in.Next(); \
	else \
		node->name = ReadDatum(in, node->constbyval);

#define DEFINE_READ(Name) \
	template <> \
	void ReadFields<Name>([[maybe_unused]] Reader & in, [[maybe_unused]] Name * node) \
	{ \
		NODE_##Name(READ_FIELD) \
	}
TUSK_ABSTRACT_NODES(DEFINE_READ)
TUSK_VALUE_NODES(DEFINE_READ)
TUSK_PRIM_NODES(DEFINE_READ)
TUSK_PARSE_NODES(DEFINE_READ)
TUSK_QUERY_NODES(DEFINE_READ)
TUSK_PLAN_NODES(DEFINE_READ)

List *ReadList(Reader &in)
{
	/* "(" already consumed. */
	std::string_view t = in.Peek();
	NodeTag type = T_List;
	if (t == "i")
		type = T_IntList;
	else if (t == "o")
		type = T_OidList;
	if (type != T_List)
		in.Next();
	List *list = NIL;
	for (;;)
	{
		t = in.Peek();
		if (t == ")")
		{
			in.Next();
			break;
		}
		if (t.empty())
			elog(ERROR, "node text: unterminated list");
		if (type == T_List)
			list = lappend(list, ReadNode(in));
		else if (type == T_IntList)
			list = lappend_int(list, atoi(std::string(in.Next()).c_str()));
		else
			list = lappend_oid(list,
							   static_cast<Oid>(
								   strtoul(std::string(in.Next()).c_str(), nullptr, 10)));
	}
	return list;
}

void *ReadNode(Reader &in)
{
	CHECK_STACK_DEPTH();
	std::string_view t = in.Next();
	if (t == "<>")
		return nullptr;
	if (t == "(")
		return ReadList(in);
	if (t != "{")
		elog(ERROR, "node text: unexpected token \"%.*s\"", static_cast<int>(t.size()), t.data());
	std::string name(in.Next());
	void *result = nullptr;
#define READ_CASE(Name) \
	else if (name == UpperName(#Name)) \
	{ \
		Name *node = makeNode(Name); \
		ReadFields<Name>(in, node); \
		result = node; \
	}
	if (false)
	{}
	TUSK_VALUE_NODES(READ_CASE)
	TUSK_PRIM_NODES(READ_CASE)
	TUSK_PARSE_NODES(READ_CASE)
	TUSK_QUERY_NODES(READ_CASE)
	TUSK_PLAN_NODES(READ_CASE)
	else elog(ERROR, "node text: unrecognized node type \"%s\"", name.c_str());
#undef READ_CASE
	in.Expect('}');
	return result;
}

/* ---- walking and rewriting children ---- */

template <typename T>
bool WalkFields(const T *node, bool (*fn)(Node *, void *), void *ctx);

#define WALK_FIELD(kind, type, name) WALK_##kind(type, name)
#define WALK_TAG(type, name)
#define WALK_BASE(type, name) \
	if (WalkFields<type>(&node->name, fn, ctx)) \
		return true;
#define WALK_SCALAR(type, name)
#define WALK_LOCATION(type, name)
#define WALK_SYNTAX(type, name)
#define WALK_STRING(type, name)
#define WALK_BITMAPSET(type, name)
#define WALK_DATUM(type, name)
#define WALK_NODE(type, name) \
	if (node->name != nullptr && fn(reinterpret_cast<Node *>(node->name), ctx)) \
		return true;

#define DEFINE_WALK(Name) \
	template <> \
	bool WalkFields<Name>([[maybe_unused]] const Name *node, \
						  [[maybe_unused]] bool (*fn)(Node *, void *), [[maybe_unused]] void *ctx) \
	{ \
		NODE_##Name(WALK_FIELD) return false; \
	}
TUSK_ABSTRACT_NODES(DEFINE_WALK)
TUSK_VALUE_NODES(DEFINE_WALK)
TUSK_PRIM_NODES(DEFINE_WALK)
TUSK_PARSE_NODES(DEFINE_WALK)
TUSK_QUERY_NODES(DEFINE_WALK)
TUSK_PLAN_NODES(DEFINE_WALK)

template <typename T>
void MutateFields(T *node, Node *(*fn)(Node *, void *), void *ctx);

#define MUTATE_FIELD(kind, type, name) MUTATE_##kind(type, name)
#define MUTATE_TAG(type, name)
#define MUTATE_BASE(type, name) MutateFields<type>(&node->name, fn, ctx);
#define MUTATE_SCALAR(type, name)
#define MUTATE_LOCATION(type, name)
#define MUTATE_SYNTAX(type, name)
#define MUTATE_STRING(type, name)
#define MUTATE_BITMAPSET(type, name)
#define MUTATE_DATUM(type, name)
#define MUTATE_NODE(type, name) \
	if (node->name != nullptr) \
		node->name = reinterpret_cast<type>(fn(reinterpret_cast<Node *>(node->name), ctx));

#define DEFINE_MUTATE(Name) \
	template <> \
	void MutateFields<Name>([[maybe_unused]] Name * node, \
							[[maybe_unused]] Node * (*fn)(Node *, void *), \
							[[maybe_unused]] void *ctx) \
	{ \
		NODE_##Name(MUTATE_FIELD) \
	}
TUSK_ABSTRACT_NODES(DEFINE_MUTATE)
TUSK_VALUE_NODES(DEFINE_MUTATE)
TUSK_PRIM_NODES(DEFINE_MUTATE)
TUSK_PARSE_NODES(DEFINE_MUTATE)
TUSK_QUERY_NODES(DEFINE_MUTATE)
TUSK_PLAN_NODES(DEFINE_MUTATE)

}  // namespace

bool node_children_walker(Node *node, bool (*fn)(Node *, void *), void *ctx)
{
	if (node == nullptr)
		return false;
	switch (nodeTag(node))
	{
		case T_List:
		{
			ListCell *lc;
			foreach (lc, reinterpret_cast<List *>(node))
				if (lfirst(lc) != nullptr && fn(static_cast<Node *>(lfirst(lc)), ctx))
					return true;
			return false;
		}
		case T_IntList:
		case T_OidList:
			return false;
#define WALK_CASE(Name) \
	case T_##Name: \
		return WalkFields<Name>(reinterpret_cast<const Name *>(node), fn, ctx);
			TUSK_VALUE_NODES(WALK_CASE)
			TUSK_PRIM_NODES(WALK_CASE)
			TUSK_PARSE_NODES(WALK_CASE)
			TUSK_QUERY_NODES(WALK_CASE)
			TUSK_PLAN_NODES(WALK_CASE)
#undef WALK_CASE
		default:
			elog(ERROR, "unrecognized node type: %d", static_cast<int>(nodeTag(node)));
	}
}

Node *node_children_mutator(Node *node, Node *(*fn)(Node *, void *), void *ctx)
{
	if (node == nullptr)
		return nullptr;
	switch (nodeTag(node))
	{
		case T_List:
		{
			List *result = NIL;
			ListCell *lc;
			foreach (lc, reinterpret_cast<List *>(node))
				result = lappend(result,
								 lfirst(lc) != nullptr ? fn(static_cast<Node *>(lfirst(lc)), ctx)
													   : nullptr);
			return reinterpret_cast<Node *>(result);
		}
		case T_IntList:
		case T_OidList:
			return reinterpret_cast<Node *>(list_copy(reinterpret_cast<List *>(node)));
#define MUTATE_CASE(Name) \
	case T_##Name: \
	{ \
		Name *copy = static_cast<Name *>(palloc(sizeof(Name))); \
		*copy = *reinterpret_cast<const Name *>(node); \
		MutateFields<Name>(copy, fn, ctx); \
		return reinterpret_cast<Node *>(copy); \
	}
			TUSK_VALUE_NODES(MUTATE_CASE)
			TUSK_PRIM_NODES(MUTATE_CASE)
			TUSK_PARSE_NODES(MUTATE_CASE)
			TUSK_QUERY_NODES(MUTATE_CASE)
			TUSK_PLAN_NODES(MUTATE_CASE)
#undef MUTATE_CASE
		default:
			elog(ERROR, "unrecognized node type: %d", static_cast<int>(nodeTag(node)));
	}
}

/* ---- the entry points ---- */

Node *newNode(size_t size, NodeTag tag)
{
	Node *result = static_cast<Node *>(palloc0(size));
	result->type = tag;
	return result;
}

void *copyObjectImpl(const void *from)
{
	if (from == nullptr)
		return nullptr;
	CHECK_STACK_DEPTH();
	switch (nodeTag(from))
	{
		case T_List:
		case T_IntList:
		case T_OidList:
			return CopyList(static_cast<const List *>(from));
#define COPY_CASE(Name) \
	case T_##Name: \
	{ \
		Name *node = static_cast<Name *>(palloc(sizeof(Name))); \
		*node = *static_cast<const Name *>(from); \
		CopyFixup<Name>(node); \
		return node; \
	}
			TUSK_VALUE_NODES(COPY_CASE)
			TUSK_PRIM_NODES(COPY_CASE)
			TUSK_PARSE_NODES(COPY_CASE)
			TUSK_QUERY_NODES(COPY_CASE)
			TUSK_PLAN_NODES(COPY_CASE)
#undef COPY_CASE
		default:
			elog(ERROR, "unrecognized node type: %d", static_cast<int>(nodeTag(from)));
	}
}

bool equal(const void *a, const void *b)
{
	if (a == b)
		return true;
	if (a == nullptr || b == nullptr)
		return false;
	if (nodeTag(a) != nodeTag(b))
		return false;
	CHECK_STACK_DEPTH();
	switch (nodeTag(a))
	{
		case T_List:
		case T_IntList:
		case T_OidList:
			return ListsEqual(static_cast<const List *>(a), static_cast<const List *>(b));
#define EQUAL_CASE(Name) \
	case T_##Name: \
		return EqualFields<Name>(static_cast<const Name *>(a), static_cast<const Name *>(b));
			TUSK_VALUE_NODES(EQUAL_CASE)
			TUSK_PRIM_NODES(EQUAL_CASE)
			TUSK_PARSE_NODES(EQUAL_CASE)
			TUSK_QUERY_NODES(EQUAL_CASE)
			TUSK_PLAN_NODES(EQUAL_CASE)
#undef EQUAL_CASE
		default:
			elog(ERROR, "unrecognized node type: %d", static_cast<int>(nodeTag(a)));
	}
}

char *nodeToString(const void *obj)
{
	std::string out;
	OutNode(out, obj);
	return pstrdup(out.c_str());
}

void *stringToNode(const char *str)
{
	Reader in(str);
	void *result = ReadNode(in);
	if (!in.Next().empty())
		elog(ERROR, "node text: trailing characters after the node");
	return result;
}

const char *nodeTagName(NodeTag tag)
{
	switch (tag)
	{
#define NAME_CASE(Name) \
	case T_##Name: \
		return #Name;
		TUSK_ALL_NODE_TAGS(NAME_CASE)
#undef NAME_CASE
		case T_Invalid:
			break;
	}
	return "Invalid";
}

Integer *makeInteger(int i)
{
	Integer *v = makeNode(Integer);
	v->ival = i;
	return v;
}

Float *makeFloat(char *numericStr)
{
	Float *v = makeNode(Float);
	v->fval = numericStr;
	return v;
}

Boolean *makeBoolean(bool val)
{
	Boolean *v = makeNode(Boolean);
	v->boolval = val;
	return v;
}

String *makeString(char *str)
{
	String *v = makeNode(String);
	v->sval = str;
	return v;
}

BitString *makeBitString(char *str)
{
	BitString *v = makeNode(BitString);
	v->bsval = str;
	return v;
}
// NOLINTEND(bugprone-macro-parentheses)
