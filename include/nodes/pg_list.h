/*
 * nodes/pg_list.h — lists of pointers, ints and OIDs (PostgreSQL's List).
 *
 * A List is a node holding a growable array of cells; NIL (a NULL
 * pointer) is the empty list.  As in PostgreSQL 13 and later, cells are
 * array elements: lnext/foreach walk by index, appending may move the
 * cells (so a ListCell pointer is valid only until the list changes), and
 * list_nth is O(1).  Lists are palloc'd in CurrentMemoryContext (growth
 * stays in the list's own context).
 *
 * Principal entry points: lappend/lappend_int/lappend_oid, list_make1…4,
 * lcons, list_concat, list_copy, list_nth, list_member, foreach,
 * forboth, list_delete_*.
 */
#ifndef TUSK_NODES_PG_LIST_H
#define TUSK_NODES_PG_LIST_H

#include "nodes/nodes.h"

typedef union ListCell
{
	void *ptr_value;
	int int_value;
	Oid oid_value;
} ListCell;

typedef struct List
{
	NodeTag type; /* T_List, T_IntList or T_OidList */
	int length;
	int max_length;
	ListCell *elements;
	/* Small lists keep their cells here, after the header. */
	ListCell initial_elements[FLEXIBLE_ARRAY_MEMBER];
} List;

#define NIL ((List *) NULL)

static inline int list_length(const List *l)
{
	return l ? l->length : 0;
}
static inline ListCell *list_head(const List *l)
{
	return l ? &l->elements[0] : NULL;
}
static inline ListCell *list_tail(const List *l)
{
	return l ? &l->elements[l->length - 1] : NULL;
}
static inline ListCell *list_nth_cell(const List *list, int n)
{
	Assert(list != NIL && n >= 0 && n < list->length);
	/* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): callers pass a non-empty list */
	return &list->elements[n];
}
static inline ListCell *lnext(const List *l, const ListCell *c)
{
	c++;
	return c < &l->elements[l->length] ? (ListCell *) c : NULL;
}
static inline int list_cell_number(const List *l, const ListCell *c)
{
	return (int) (c - l->elements);
}

#define lfirst(lc) ((lc)->ptr_value)
#define lfirst_int(lc) ((lc)->int_value)
#define lfirst_oid(lc) ((lc)->oid_value)
#define lfirst_node(type, lc) castNode(type, lfirst(lc))
#define linitial(l) lfirst(list_nth_cell(l, 0))
#define linitial_int(l) lfirst_int(list_nth_cell(l, 0))
#define linitial_oid(l) lfirst_oid(list_nth_cell(l, 0))
#define linitial_node(type, l) castNode(type, linitial(l))
#define lsecond(l) lfirst(list_nth_cell(l, 1))
#define lsecond_int(l) lfirst_int(list_nth_cell(l, 1))
#define lsecond_node(type, l) castNode(type, lsecond(l))
#define lthird(l) lfirst(list_nth_cell(l, 2))
#define lthird_node(type, l) castNode(type, lthird(l))
#define lfourth(l) lfirst(list_nth_cell(l, 3))
#define llast(l) lfirst(list_tail(l))
#define llast_int(l) lfirst_int(list_tail(l))
#define llast_oid(l) lfirst_oid(list_tail(l))
#define llast_node(type, l) castNode(type, llast(l))

static inline void *list_nth(const List *list, int n)
{
	return lfirst(list_nth_cell(list, n));
}
static inline int list_nth_int(const List *list, int n)
{
	return lfirst_int(list_nth_cell(list, n));
}
static inline Oid list_nth_oid(const List *list, int n)
{
	return lfirst_oid(list_nth_cell(list, n));
}
#define list_nth_node(type, list, n) castNode(type, list_nth(list, n))

/* Walking a list: `ListCell *lc; foreach(lc, list) { … lfirst(lc) … }`.
 * foreach_current_index(lc) is the cell's position; the list must not be
 * changed inside the loop except through foreach_delete_current. */
typedef struct ForEachState
{
	const List *l;
	int i;
} ForEachState;

/* cell names a variable (and is pasted into cell##__state): it cannot be
 * parenthesized. */
// NOLINTBEGIN(bugprone-macro-parentheses)
#define foreach(cell, lst) \
	for (ForEachState cell##__state = {(lst), 0}; \
		 (cell##__state.l != NIL && cell##__state.i < cell##__state.l->length) \
			 ? (cell = &cell##__state.l->elements[cell##__state.i], true) \
			 : (cell = NULL, false); \
		 cell##__state.i++)
#define foreach_current_index(cell) (cell##__state.i)
#define foreach_delete_current(lst, cell) \
	(cell##__state.i--, (List *) (cell##__state.l = list_delete_cell(lst, cell)))

typedef struct ForBothState
{
	const List *l1;
	const List *l2;
	int i;
} ForBothState;

#define forboth(cell1, list1, cell2, list2) \
	for (ForBothState cell1##__state = {(list1), (list2), 0}; \
		 multi_for_advance_cell(cell1, cell1##__state, l1, i), \
					  multi_for_advance_cell(cell2, cell1##__state, l2, i), \
					  (cell1 != NULL && cell2 != NULL); \
		 cell1##__state.i++)
#define multi_for_advance_cell(cell, state, l, i) \
	(cell = ((state).l != NIL && (state).i < (state).l->length) ? &(state).l->elements[(state).i] \
																: NULL)

typedef struct ForThreeState
{
	const List *l1;
	const List *l2;
	const List *l3;
	int i;
} ForThreeState;

#define forthree(cell1, list1, cell2, list2, cell3, list3) \
	for (ForThreeState cell1##__state = {(list1), (list2), (list3), 0}; \
		 multi_for_advance_cell(cell1, cell1##__state, l1, i), \
					   multi_for_advance_cell(cell2, cell1##__state, l2, i), \
					   multi_for_advance_cell(cell3, cell1##__state, l3, i), \
					   (cell1 != NULL && cell2 != NULL && cell3 != NULL); \
		 cell1##__state.i++)
// NOLINTEND(bugprone-macro-parentheses)

#ifdef __cplusplus
extern "C" {
#endif

extern List *list_make1_impl(NodeTag t, ListCell datum1);
extern List *list_make2_impl(NodeTag t, ListCell datum1, ListCell datum2);
extern List *list_make3_impl(NodeTag t, ListCell datum1, ListCell datum2, ListCell datum3);
extern List *list_make4_impl(NodeTag t, ListCell datum1, ListCell datum2, ListCell datum3,
							 ListCell datum4);

extern List *lappend(List *list, void *datum);
extern List *lappend_int(List *list, int datum);
extern List *lappend_oid(List *list, Oid datum);
extern List *lcons(void *datum, List *list);
extern List *lcons_int(int datum, List *list);
extern List *lcons_oid(Oid datum, List *list);
extern List *list_insert_nth(List *list, int pos, void *datum);

/* list1 grows by list2's cells (list2 is unchanged); returns list1. */
extern List *list_concat(List *list1, const List *list2);
extern List *list_concat_copy(const List *list1, const List *list2);
extern List *list_truncate(List *list, int new_size);

extern bool list_member(const List *list, const void *datum); /* by equal() */
extern bool list_member_ptr(const List *list, const void *datum);
extern bool list_member_int(const List *list, int datum);
extern bool list_member_oid(const List *list, Oid datum);

extern List *list_delete_cell(List *list, ListCell *cell);
extern List *list_delete_nth_cell(List *list, int n);
extern List *list_delete_first(List *list);
extern List *list_delete_last(List *list);
extern List *list_delete_ptr(List *list, void *datum);
extern List *list_delete_int(List *list, int datum);
extern List *list_delete_oid(List *list, Oid datum);

extern List *list_append_unique_ptr(List *list, void *datum);
extern List *list_append_unique_int(List *list, int datum);
extern List *list_append_unique_oid(List *list, Oid datum);

/* A new list with the same cells (the pointed-to objects are shared). */
extern List *list_copy(const List *list);
extern List *list_copy_tail(const List *list, int nskip);
extern List *list_copy_head(const List *list, int len);
/* Deep copy: copyObject of every element (pointer lists). */
extern List *list_copy_deep(const List *oldlist);

extern void list_free(List *list);
extern void list_free_deep(List *list);

typedef int (*list_sort_comparator)(const ListCell *a, const ListCell *b);
extern void list_sort(List *list, list_sort_comparator cmp);
extern int list_int_cmp(const ListCell *p1, const ListCell *p2);
extern int list_oid_cmp(const ListCell *p1, const ListCell *p2);

#ifdef __cplusplus
}
#endif

static inline ListCell list_make_ptr_cell(const void *v)
{
	ListCell c;
	c.ptr_value = (void *) v;
	return c;
}
static inline ListCell list_make_int_cell(int v)
{
	ListCell c;
	c.int_value = v;
	return c;
}
static inline ListCell list_make_oid_cell(Oid v)
{
	ListCell c;
	c.oid_value = v;
	return c;
}

#define list_make1(x1) list_make1_impl(T_List, list_make_ptr_cell(x1))
#define list_make2(x1, x2) list_make2_impl(T_List, list_make_ptr_cell(x1), list_make_ptr_cell(x2))
#define list_make3(x1, x2, x3) \
	list_make3_impl(T_List, list_make_ptr_cell(x1), list_make_ptr_cell(x2), list_make_ptr_cell(x3))
#define list_make4(x1, x2, x3, x4) \
	list_make4_impl(T_List, list_make_ptr_cell(x1), list_make_ptr_cell(x2), \
					list_make_ptr_cell(x3), list_make_ptr_cell(x4))
#define list_make1_int(x1) list_make1_impl(T_IntList, list_make_int_cell(x1))
#define list_make2_int(x1, x2) \
	list_make2_impl(T_IntList, list_make_int_cell(x1), list_make_int_cell(x2))
#define list_make1_oid(x1) list_make1_impl(T_OidList, list_make_oid_cell(x1))
#define list_make2_oid(x1, x2) \
	list_make2_impl(T_OidList, list_make_oid_cell(x1), list_make_oid_cell(x2))

#endif /* TUSK_NODES_PG_LIST_H */
