/*
 * port/atomics.h — atomic integers and memory barriers for shared memory.
 *
 * PostgreSQL's names over the compiler's __atomic builtins.  The types are
 * structs so that a plain read or write of the value cannot happen by
 * accident: every access goes through a function that states its ordering.
 * All operations here are sequentially consistent (what PostgreSQL
 * promises for its read-modify-write operations); pg_atomic_read/write are
 * relaxed, as in PostgreSQL, and need an explicit barrier when ordering
 * matters.  The header is C11- and C++20-compatible (extension modules in
 * C include it).
 */
#ifndef TUSK_PORT_ATOMICS_H
#define TUSK_PORT_ATOMICS_H

#include "c.h"

typedef struct pg_atomic_flag
{
	volatile uint32 value;
} pg_atomic_flag;

typedef struct pg_atomic_uint32
{
	volatile uint32 value;
} pg_atomic_uint32;

typedef struct pg_atomic_uint64
{
	volatile uint64 value __attribute__((aligned(8)));
} pg_atomic_uint64;

#define pg_compiler_barrier() __asm__ __volatile__("" ::: "memory")
#define pg_memory_barrier() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define pg_read_barrier() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define pg_write_barrier() __atomic_thread_fence(__ATOMIC_RELEASE)

static inline void pg_atomic_init_flag(volatile pg_atomic_flag *ptr)
{
	__atomic_store_n(&ptr->value, 0, __ATOMIC_SEQ_CST);
}

/* Returns true if the flag was clear and is now set by us. */
static inline bool pg_atomic_test_set_flag(volatile pg_atomic_flag *ptr)
{
	return __atomic_exchange_n(&ptr->value, 1, __ATOMIC_SEQ_CST) == 0;
}

static inline bool pg_atomic_unlocked_test_flag(volatile pg_atomic_flag *ptr)
{
	return __atomic_load_n(&ptr->value, __ATOMIC_RELAXED) == 0;
}

static inline void pg_atomic_clear_flag(volatile pg_atomic_flag *ptr)
{
	__atomic_store_n(&ptr->value, 0, __ATOMIC_SEQ_CST);
}

static inline void pg_atomic_init_u32(volatile pg_atomic_uint32 *ptr, uint32 val)
{
	__atomic_store_n(&ptr->value, val, __ATOMIC_SEQ_CST);
}

static inline uint32 pg_atomic_read_u32(volatile pg_atomic_uint32 *ptr)
{
	return __atomic_load_n(&ptr->value, __ATOMIC_RELAXED);
}

static inline void pg_atomic_write_u32(volatile pg_atomic_uint32 *ptr, uint32 val)
{
	__atomic_store_n(&ptr->value, val, __ATOMIC_RELAXED);
}

static inline uint32 pg_atomic_exchange_u32(volatile pg_atomic_uint32 *ptr, uint32 newval)
{
	return __atomic_exchange_n(&ptr->value, newval, __ATOMIC_SEQ_CST);
}

/*
 * On failure *expected receives the current value, so a retry loop needs no
 * separate read.
 */
static inline bool pg_atomic_compare_exchange_u32(volatile pg_atomic_uint32 *ptr, uint32 *expected,
												  uint32 newval)
{
	return __atomic_compare_exchange_n(&ptr->value, expected, newval, false, __ATOMIC_SEQ_CST,
									   __ATOMIC_SEQ_CST);
}

static inline uint32 pg_atomic_fetch_add_u32(volatile pg_atomic_uint32 *ptr, int32 add_)
{
	return __atomic_fetch_add(&ptr->value, (uint32) add_, __ATOMIC_SEQ_CST);
}

static inline uint32 pg_atomic_fetch_sub_u32(volatile pg_atomic_uint32 *ptr, int32 sub_)
{
	return __atomic_fetch_sub(&ptr->value, (uint32) sub_, __ATOMIC_SEQ_CST);
}

static inline uint32 pg_atomic_fetch_and_u32(volatile pg_atomic_uint32 *ptr, uint32 and_)
{
	return __atomic_fetch_and(&ptr->value, and_, __ATOMIC_SEQ_CST);
}

static inline uint32 pg_atomic_fetch_or_u32(volatile pg_atomic_uint32 *ptr, uint32 or_)
{
	return __atomic_fetch_or(&ptr->value, or_, __ATOMIC_SEQ_CST);
}

static inline uint32 pg_atomic_add_fetch_u32(volatile pg_atomic_uint32 *ptr, int32 add_)
{
	return __atomic_add_fetch(&ptr->value, (uint32) add_, __ATOMIC_SEQ_CST);
}

static inline uint32 pg_atomic_sub_fetch_u32(volatile pg_atomic_uint32 *ptr, int32 sub_)
{
	return __atomic_sub_fetch(&ptr->value, (uint32) sub_, __ATOMIC_SEQ_CST);
}

static inline void pg_atomic_init_u64(volatile pg_atomic_uint64 *ptr, uint64 val)
{
	__atomic_store_n(&ptr->value, val, __ATOMIC_SEQ_CST);
}

static inline uint64 pg_atomic_read_u64(volatile pg_atomic_uint64 *ptr)
{
	return __atomic_load_n(&ptr->value, __ATOMIC_RELAXED);
}

static inline void pg_atomic_write_u64(volatile pg_atomic_uint64 *ptr, uint64 val)
{
	__atomic_store_n(&ptr->value, val, __ATOMIC_RELAXED);
}

static inline uint64 pg_atomic_exchange_u64(volatile pg_atomic_uint64 *ptr, uint64 newval)
{
	return __atomic_exchange_n(&ptr->value, newval, __ATOMIC_SEQ_CST);
}

static inline bool pg_atomic_compare_exchange_u64(volatile pg_atomic_uint64 *ptr, uint64 *expected,
												  uint64 newval)
{
	return __atomic_compare_exchange_n(&ptr->value, expected, newval, false, __ATOMIC_SEQ_CST,
									   __ATOMIC_SEQ_CST);
}

static inline uint64 pg_atomic_fetch_add_u64(volatile pg_atomic_uint64 *ptr, int64 add_)
{
	return __atomic_fetch_add(&ptr->value, (uint64) add_, __ATOMIC_SEQ_CST);
}

static inline uint64 pg_atomic_fetch_sub_u64(volatile pg_atomic_uint64 *ptr, int64 sub_)
{
	return __atomic_fetch_sub(&ptr->value, (uint64) sub_, __ATOMIC_SEQ_CST);
}

static inline uint64 pg_atomic_fetch_and_u64(volatile pg_atomic_uint64 *ptr, uint64 and_)
{
	return __atomic_fetch_and(&ptr->value, and_, __ATOMIC_SEQ_CST);
}

static inline uint64 pg_atomic_fetch_or_u64(volatile pg_atomic_uint64 *ptr, uint64 or_)
{
	return __atomic_fetch_or(&ptr->value, or_, __ATOMIC_SEQ_CST);
}

static inline uint64 pg_atomic_add_fetch_u64(volatile pg_atomic_uint64 *ptr, int64 add_)
{
	return __atomic_add_fetch(&ptr->value, (uint64) add_, __ATOMIC_SEQ_CST);
}

static inline uint64 pg_atomic_sub_fetch_u64(volatile pg_atomic_uint64 *ptr, int64 sub_)
{
	return __atomic_sub_fetch(&ptr->value, (uint64) sub_, __ATOMIC_SEQ_CST);
}

#endif /* TUSK_PORT_ATOMICS_H */
