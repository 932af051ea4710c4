/*
 * list.cpp — PostgreSQL's List (nodes/pg_list.h): an array of cells that
 * doubles when full.
 *
 * A new list keeps a few cells inline after its header; when it outgrows
 * them the cells move to a separate array in the list's own memory
 * context, so a list grown inside a short-lived context still belongs to
 * the context where it was made.
 */
#include "postgres.h"

#include <algorithm>

#include "nodes/pg_list.h"
#include "utils/memutils.h"

namespace {

constexpr int kInitialCells = 5;

List *NewList(NodeTag type, int min_size)
{
	int max_size = std::max(min_size, kInitialCells);
	auto *list = static_cast<List *>(
		palloc(offsetof(List, initial_elements) + max_size * sizeof(ListCell)));
	list->type = type;
	list->length = min_size;
	list->max_length = max_size;
	list->elements = list->initial_elements;
	return list;
}

void EnlargeList(List *list, int min_size)
{
	if (min_size <= list->max_length)
		return;
	int new_max = std::max(min_size, list->max_length * 2);
	if (list->elements == list->initial_elements)
	{
		auto *cells = static_cast<ListCell *>(
			MemoryContextAlloc(GetMemoryChunkContext(list), new_max * sizeof(ListCell)));
		memcpy(cells, list->elements, list->length * sizeof(ListCell));
		list->elements = cells;
	}
	else
		list->elements = static_cast<ListCell *>(
			repalloc(list->elements, new_max * sizeof(ListCell)));
	list->max_length = new_max;
}

List *Append(NodeTag type, List *list, ListCell cell)
{
	if (list == NIL)
		list = NewList(type, 1);
	else
	{
		Assert(list->type == type);
		EnlargeList(list, list->length + 1);
		list->length++;
	}
	list->elements[list->length - 1] = cell;
	return list;
}

List *Prepend(NodeTag type, List *list, ListCell cell)
{
	if (list == NIL)
		list = NewList(type, 1);
	else
	{
		Assert(list->type == type);
		EnlargeList(list, list->length + 1);
		memmove(&list->elements[1], &list->elements[0], list->length * sizeof(ListCell));
		list->length++;
	}
	list->elements[0] = cell;
	return list;
}

}  // namespace

List *list_make1_impl(NodeTag t, ListCell datum1)
{
	List *list = NewList(t, 1);
	list->elements[0] = datum1;
	return list;
}

List *list_make2_impl(NodeTag t, ListCell datum1, ListCell datum2)
{
	List *list = NewList(t, 2);
	list->elements[0] = datum1;
	list->elements[1] = datum2;
	return list;
}

List *list_make3_impl(NodeTag t, ListCell datum1, ListCell datum2, ListCell datum3)
{
	List *list = NewList(t, 3);
	list->elements[0] = datum1;
	list->elements[1] = datum2;
	list->elements[2] = datum3;
	return list;
}

List *list_make4_impl(NodeTag t, ListCell datum1, ListCell datum2, ListCell datum3, ListCell datum4)
{
	List *list = NewList(t, 4);
	list->elements[0] = datum1;
	list->elements[1] = datum2;
	list->elements[2] = datum3;
	list->elements[3] = datum4;
	return list;
}

List *lappend(List *list, void *datum)
{
	return Append(T_List, list, list_make_ptr_cell(datum));
}

List *lappend_int(List *list, int datum)
{
	return Append(T_IntList, list, list_make_int_cell(datum));
}

List *lappend_oid(List *list, Oid datum)
{
	return Append(T_OidList, list, list_make_oid_cell(datum));
}

List *lcons(void *datum, List *list)
{
	return Prepend(T_List, list, list_make_ptr_cell(datum));
}

List *lcons_int(int datum, List *list)
{
	return Prepend(T_IntList, list, list_make_int_cell(datum));
}

List *lcons_oid(Oid datum, List *list)
{
	return Prepend(T_OidList, list, list_make_oid_cell(datum));
}

List *list_insert_nth(List *list, int pos, void *datum)
{
	if (list == NIL)
	{
		Assert(pos == 0);
		return list_make1(datum);
	}
	Assert(pos >= 0 && pos <= list->length);
	EnlargeList(list, list->length + 1);
	memmove(&list->elements[pos + 1], &list->elements[pos],
			(list->length - pos) * sizeof(ListCell));
	list->elements[pos].ptr_value = datum;
	list->length++;
	return list;
}

List *list_concat(List *list1, const List *list2)
{
	if (list1 == NIL)
		return list_copy(list2);
	if (list2 == NIL)
		return list1;
	Assert(list1->type == list2->type);
	int new_len = list1->length + list2->length;
	EnlargeList(list1, new_len);
	memcpy(&list1->elements[list1->length], &list2->elements[0], list2->length * sizeof(ListCell));
	list1->length = new_len;
	return list1;
}

List *list_concat_copy(const List *list1, const List *list2)
{
	return list_concat(list_copy(list1), list2);
}

List *list_truncate(List *list, int new_size)
{
	if (new_size <= 0)
		return NIL;
	if (list != NIL && new_size < list->length)
		list->length = new_size;
	return list;
}

bool list_member(const List *list, const void *datum)
{
	const ListCell *cell;
	foreach (cell, list)
		if (equal(lfirst(cell), datum))
			return true;
	return false;
}

bool list_member_ptr(const List *list, const void *datum)
{
	const ListCell *cell;
	foreach (cell, list)
		if (lfirst(cell) == datum)
			return true;
	return false;
}

bool list_member_int(const List *list, int datum)
{
	const ListCell *cell;
	foreach (cell, list)
		if (lfirst_int(cell) == datum)
			return true;
	return false;
}

bool list_member_oid(const List *list, Oid datum)
{
	const ListCell *cell;
	foreach (cell, list)
		if (lfirst_oid(cell) == datum)
			return true;
	return false;
}

List *list_delete_nth_cell(List *list, int n)
{
	Assert(list != NIL && n >= 0 && n < list->length);
	if (list->length == 1)
	{
		list_free(list);
		return NIL;
	}
	memmove(&list->elements[n], &list->elements[n + 1], (list->length - n - 1) * sizeof(ListCell));
	list->length--;
	return list;
}

List *list_delete_cell(List *list, ListCell *cell)
{
	return list_delete_nth_cell(list, static_cast<int>(cell - list->elements));
}

List *list_delete_first(List *list)
{
	return list == NIL ? NIL : list_delete_nth_cell(list, 0);
}

List *list_delete_last(List *list)
{
	return list == NIL ? NIL : list_delete_nth_cell(list, list->length - 1);
}

List *list_delete_ptr(List *list, void *datum)
{
	ListCell *cell;
	foreach (cell, list)
		if (lfirst(cell) == datum)
			return list_delete_cell(list, cell);
	return list;
}

List *list_delete_int(List *list, int datum)
{
	ListCell *cell;
	foreach (cell, list)
		if (lfirst_int(cell) == datum)
			return list_delete_cell(list, cell);
	return list;
}

List *list_delete_oid(List *list, Oid datum)
{
	ListCell *cell;
	foreach (cell, list)
		if (lfirst_oid(cell) == datum)
			return list_delete_cell(list, cell);
	return list;
}

List *list_append_unique_ptr(List *list, void *datum)
{
	return list_member_ptr(list, datum) ? list : lappend(list, datum);
}

List *list_append_unique_int(List *list, int datum)
{
	return list_member_int(list, datum) ? list : lappend_int(list, datum);
}

List *list_append_unique_oid(List *list, Oid datum)
{
	return list_member_oid(list, datum) ? list : lappend_oid(list, datum);
}

List *list_copy(const List *list)
{
	if (list == NIL)
		return NIL;
	List *result = NewList(list->type, list->length);
	memcpy(result->elements, list->elements, list->length * sizeof(ListCell));
	return result;
}

List *list_copy_tail(const List *list, int nskip)
{
	if (nskip < 0)
		nskip = 0;
	if (list == NIL || nskip >= list->length)
		return NIL;
	List *result = NewList(list->type, list->length - nskip);
	memcpy(result->elements, &list->elements[nskip], (list->length - nskip) * sizeof(ListCell));
	return result;
}

List *list_copy_head(const List *list, int len)
{
	if (list == NIL || len <= 0)
		return NIL;
	len = std::min(len, list->length);
	List *result = NewList(list->type, len);
	memcpy(result->elements, list->elements, len * sizeof(ListCell));
	return result;
}

List *list_copy_deep(const List *oldlist)
{
	if (oldlist == NIL)
		return NIL;
	Assert(IsA(oldlist, List));
	List *result = NewList(T_List, oldlist->length);
	for (int i = 0; i < oldlist->length; i++)
		result->elements[i].ptr_value = copyObjectImpl(oldlist->elements[i].ptr_value);
	return result;
}

void list_free(List *list)
{
	if (list == NIL)
		return;
	if (list->elements != list->initial_elements)
		pfree(list->elements);
	pfree(list);
}

void list_free_deep(List *list)
{
	ListCell *cell;
	foreach (cell, list)
		pfree(lfirst(cell));
	list_free(list);
}

void list_sort(List *list, list_sort_comparator cmp)
{
	if (list_length(list) < 2)
		return;
	std::stable_sort(list->elements, list->elements + list->length,
					 [cmp](const ListCell &a, const ListCell &b) { return cmp(&a, &b) < 0; });
}

int list_int_cmp(const ListCell *p1, const ListCell *p2)
{
	return (lfirst_int(p1) > lfirst_int(p2)) - (lfirst_int(p1) < lfirst_int(p2));
}

int list_oid_cmp(const ListCell *p1, const ListCell *p2)
{
	return (lfirst_oid(p1) > lfirst_oid(p2)) - (lfirst_oid(p1) < lfirst_oid(p2));
}
