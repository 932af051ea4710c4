/*
 * nodes_test.cpp — the node system: lists, bitmapsets, and what every
 * node type derives from its field list (copy, equal, text form).
 */
#include "unit_test.h"

#include <string>

#include "nodes/parsenodes.h"
#include "utils/memutils.h"

namespace {

Var *MakeVar(int varno, AttrNumber attno, int location)
{
	Var *var = makeNode(Var);
	var->varno = varno;
	var->varattno = attno;
	var->vartype = 23;
	var->vartypmod = -1;
	var->varnosyn = varno;
	var->varattnosyn = attno;
	var->location = location;
	return var;
}

Const *MakeTextConst(const char *s)
{
	Const *c = makeNode(Const);
	c->consttype = 25;
	c->consttypmod = -1;
	c->constlen = -1;
	size_t len = strlen(s);
	auto *value = static_cast<text *>(palloc(VARHDRSZ + len));
	SET_VARSIZE(value, VARHDRSZ + len);
	memcpy(VARDATA(value), s, len);
	c->constvalue = PointerGetDatum(value);
	c->location = 7;
	return c;
}

/* An OpExpr over a Var and a Const, inside a TargetEntry with a name
 * that needs escaping. */
TargetEntry *SampleTree()
{
	OpExpr *op = makeNode(OpExpr);
	op->opno = 98;
	op->opresulttype = 16;
	op->args = list_make2(MakeVar(1, 2, 3), MakeTextConst("a (b) {c}\\"));
	op->location = 5;
	TargetEntry *tle = makeNode(TargetEntry);
	tle->expr = reinterpret_cast<Expr *>(op);
	tle->resno = 1;
	tle->resname = pstrdup("1 odd name");
	return tle;
}

struct ScratchContext
{
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "nodes test",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	~ScratchContext()
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
	}
};

}  // namespace

TEST_CASE("lists grow past their inline cells and keep their order", "[nodes]")
{
	ScratchContext scratch;
	List *list = NIL;
	for (int i = 0; i < 100; i++)
		list = lappend_int(list, i);
	REQUIRE(list_length(list) == 100);
	REQUIRE(IsA(list, IntList));
	int expect = 0;
	ListCell *lc;
	foreach (lc, list)
		REQUIRE(lfirst_int(lc) == expect++);
	list = lcons_int(-1, list);
	REQUIRE(linitial_int(list) == -1);
	REQUIRE(llast_int(list) == 99);
	list = list_delete_int(list, 50);
	REQUIRE(list_length(list) == 100);
	REQUIRE_FALSE(list_member_int(list, 50));
	List *copy = list_copy(list);
	REQUIRE(equal(copy, list));
	copy = lappend_int(copy, 7);
	REQUIRE_FALSE(equal(copy, list));
	REQUIRE(list_length(list_copy_tail(list, 95)) == 5);
}

TEST_CASE("forboth walks two lists in step and stops at the shorter", "[nodes]")
{
	ScratchContext scratch;
	List *a = list_make2_int(1, 2);
	List *b = list_make1_oid(10);
	ListCell *la, *lb;
	int n = 0;
	forboth(la, a, lb, b)
	{
		REQUIRE(lfirst_int(la) == 1);
		REQUIRE(lfirst_oid(lb) == 10);
		n++;
	}
	REQUIRE(n == 1);
}

TEST_CASE("bitmapsets add, remove, combine and iterate members", "[nodes]")
{
	ScratchContext scratch;
	Bitmapset *a = nullptr;
	a = bms_add_member(a, 3);
	a = bms_add_member(a, 130);
	REQUIRE(bms_num_members(a) == 2);
	REQUIRE(bms_is_member(130, a));
	REQUIRE_FALSE(bms_is_member(4, a));
	Bitmapset *b = bms_make_singleton(3);
	REQUIRE(bms_is_subset(b, a));
	REQUIRE(bms_overlap(a, b));
	Bitmapset *d = bms_difference(a, b);
	REQUIRE(bms_singleton_member(d) == 130);
	REQUIRE(bms_next_member(a, -1) == 3);
	REQUIRE(bms_next_member(a, 3) == 130);
	REQUIRE(bms_next_member(a, 130) == -2);
	a = bms_del_member(a, 3);
	a = bms_del_member(a, 130);
	REQUIRE(a == nullptr); /* empty is always NULL */
	REQUIRE(bms_equal(nullptr, bms_intersect(b, d)));
}

TEST_CASE("copyObject makes a deep copy that is equal and shares nothing", "[nodes]")
{
	ScratchContext scratch;
	TargetEntry *tree = SampleTree();
	TargetEntry *copy = copyObject(tree);
	REQUIRE(copy != tree);
	REQUIRE(equal(copy, tree));
	REQUIRE(copy->resname != tree->resname);
	auto *op = reinterpret_cast<OpExpr *>(copy->expr);
	REQUIRE(op->args != reinterpret_cast<OpExpr *>(tree->expr)->args);
	/* A change in the copy is not seen in the original. */
	castNode(Var, linitial(op->args))->varattno = 9;
	REQUIRE_FALSE(equal(copy, tree));
}

TEST_CASE("equal ignores locations and compares Const values by content", "[nodes]")
{
	ScratchContext scratch;
	Var *a = MakeVar(1, 1, 10);
	Var *b = MakeVar(1, 1, 20);
	REQUIRE(equal(a, b));
	b->vartype = 20;
	REQUIRE_FALSE(equal(a, b));
	REQUIRE(equal(MakeTextConst("x"), MakeTextConst("x")));
	REQUIRE_FALSE(equal(MakeTextConst("x"), MakeTextConst("y")));
}

TEST_CASE("nodeToString writes PostgreSQL's format and stringToNode reads it back", "[nodes]")
{
	ScratchContext scratch;
	Var *var = MakeVar(1, 2, 3);
	REQUIRE(std::string(nodeToString(var)) ==
			"{VAR :varno 1 :varattno 2 :vartype 23 :vartypmod -1 :varcollid 0 :varlevelsup 0 "
			":varnosyn 1 :varattnosyn 2 :location 3}");
	REQUIRE(std::string(nodeToString(list_make2_int(1, 2))) == "(i 1 2)");
	REQUIRE(std::string(nodeToString(nullptr)) == "<>");

	TargetEntry *tree = SampleTree();
	char *text = nodeToString(tree);
	auto *back = static_cast<TargetEntry *>(stringToNode(text));
	REQUIRE(equal(back, tree));
	REQUIRE(std::string(back->resname) == "1 odd name");
	/* Locations are not restored: they point into text that is gone. */
	REQUIRE(castNode(Var, linitial(reinterpret_cast<OpExpr *>(back->expr)->args))->location == -1);
	REQUIRE(std::string(nodeToString(back)) != text);
}

TEST_CASE("stringToNode refuses malformed text with an error", "[nodes]")
{
	ScratchContext scratch;
	REQUIRE_THROWS(stringToNode("{VAR :varno 1"));
	REQUIRE_THROWS(stringToNode("{NOSUCHNODE}"));
	REQUIRE_THROWS(stringToNode("{VAR :varno 1 :varattno 2 :vartype 23 :vartypmod -1 :varcollid 0 "
								":varlevelsup 0 :varnosyn 1 :varattnosyn 2 :location 3} extra"));
}
