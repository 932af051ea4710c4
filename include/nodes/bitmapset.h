/*
 * nodes/bitmapset.h — sets of small non-negative integers (relation
 * indexes, attribute numbers), PostgreSQL's Bitmapset.
 *
 * NULL is the empty set, and every function returning a set may return
 * NULL; functions named bms_add_*, bms_del_* and bms_*_members may reuse
 * (and free) their first argument, so write `a = bms_add_member(a, x)`.
 * Sets are palloc'd in CurrentMemoryContext.
 */
#ifndef TUSK_NODES_BITMAPSET_H
#define TUSK_NODES_BITMAPSET_H

#include "c.h"

typedef uint64 bitmapword;
#define BITS_PER_BITMAPWORD 64

typedef struct Bitmapset
{
	int nwords;
	bitmapword words[FLEXIBLE_ARRAY_MEMBER];
} Bitmapset;

#ifdef __cplusplus
extern "C" {
#endif

extern Bitmapset *bms_copy(const Bitmapset *a);
extern bool bms_equal(const Bitmapset *a, const Bitmapset *b);
extern int bms_compare(const Bitmapset *a, const Bitmapset *b);
extern Bitmapset *bms_make_singleton(int x);
extern void bms_free(Bitmapset *a);
extern Bitmapset *bms_union(const Bitmapset *a, const Bitmapset *b);
extern Bitmapset *bms_intersect(const Bitmapset *a, const Bitmapset *b);
extern Bitmapset *bms_difference(const Bitmapset *a, const Bitmapset *b);
extern bool bms_is_subset(const Bitmapset *a, const Bitmapset *b);
extern bool bms_is_member(int x, const Bitmapset *a);
extern bool bms_overlap(const Bitmapset *a, const Bitmapset *b);
extern bool bms_is_empty(const Bitmapset *a);
extern int bms_num_members(const Bitmapset *a);
/* The only member of a one-member set; ERROR otherwise. */
extern int bms_singleton_member(const Bitmapset *a);
/* Members above prevbit in increasing order (start with -1), -2 at the end. */
extern int bms_next_member(const Bitmapset *a, int prevbit);
extern Bitmapset *bms_add_member(Bitmapset *a, int x);
extern Bitmapset *bms_del_member(Bitmapset *a, int x);
extern Bitmapset *bms_add_members(Bitmapset *a, const Bitmapset *b);
extern Bitmapset *bms_del_members(Bitmapset *a, const Bitmapset *b);
extern Bitmapset *bms_int_members(Bitmapset *a, const Bitmapset *b);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_NODES_BITMAPSET_H */
