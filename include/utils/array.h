/*
 * utils/array.h — arrays: PostgreSQL's on-disk array layout and the
 * routines that build and take apart array values.
 *
 * An array is a varlena:
 *
 *     int32 vl_len_      varlena header
 *     int   ndim         number of dimensions (0 for an empty array)
 *     int32 dataoffset   offset of the data, or 0 if there is no null bitmap
 *     Oid   elemtype     element type
 *     int   dims[ndim]   length of each dimension
 *     int   lbound[ndim] lower bound of each dimension
 *     bits8 nulls[]      null bitmap (1 = not null), only if dataoffset != 0
 *     ...padding to MAXALIGN...
 *     the non-null elements, each aligned to the element type's typalign
 *
 * int2vector and oidvector (c.h) are one-dimensional arrays without
 * nulls in this layout.  The text form is PostgreSQL's: {1,2,NULL,"a b"},
 * with [m:n]= in front when the lower bound is not 1.
 *
 * Entry points: the ARR_* macros, construct_array, construct_md_array,
 * construct_empty_array, deconstruct_array, ArrayGetNItems,
 * ArrayGetIntegerTypmods; array_in and array_out are in utils/builtins.h.
 */
#ifndef TUSK_UTILS_ARRAY_H
#define TUSK_UTILS_ARRAY_H

#include "fmgr.h"

typedef struct ArrayType
{
	int32 vl_len_;	  /* varlena header */
	int ndim;		  /* number of dimensions */
	int32 dataoffset; /* offset of the data, or 0 without a null bitmap */
	Oid elemtype;	  /* element type */
} ArrayType;

/* The most dimensions an array may have. */
#define MAXDIM 6

/* The most elements an array may have: their Datums must fit in one
 * allocation. */
#define MaxArraySize ((Size) (0x3fffffff / sizeof(Datum)))

/* pg_type.typalign values. */
#define TYPALIGN_CHAR 'c'
#define TYPALIGN_SHORT 's'
#define TYPALIGN_INT 'i'
#define TYPALIGN_DOUBLE 'd'

#define ARR_SIZE(a) VARSIZE(a)
#define ARR_NDIM(a) ((a)->ndim)
#define ARR_HASNULL(a) ((a)->dataoffset != 0)
#define ARR_ELEMTYPE(a) ((a)->elemtype)
#define ARR_DIMS(a) ((int *) (((char *) (a)) + sizeof(ArrayType)))
#define ARR_LBOUND(a) ((int *) (((char *) (a)) + sizeof(ArrayType) + sizeof(int) * ARR_NDIM(a)))
#define ARR_NULLBITMAP(a) \
	(ARR_HASNULL(a) \
		 ? (bits8 *) (((char *) (a)) + sizeof(ArrayType) + 2 * sizeof(int) * ARR_NDIM(a)) \
		 : (bits8 *) NULL)
/* The header's size, with no nulls and with a bitmap for nitems. */
#define ARR_OVERHEAD_NONULLS(ndims) MAXALIGN(sizeof(ArrayType) + 2 * sizeof(int) * (ndims))
#define ARR_OVERHEAD_WITHNULLS(ndims, nitems) \
	MAXALIGN(sizeof(ArrayType) + 2 * sizeof(int) * (ndims) + ((nitems) + 7) / 8)
#define ARR_DATA_OFFSET(a) (ARR_HASNULL(a) ? (a)->dataoffset : ARR_OVERHEAD_NONULLS(ARR_NDIM(a)))
#define ARR_DATA_PTR(a) (((char *) (a)) + ARR_DATA_OFFSET(a))

#define DatumGetArrayTypeP(X) ((ArrayType *) PG_DETOAST_DATUM(X))
#define DatumGetArrayTypePCopy(X) ((ArrayType *) PG_DETOAST_DATUM_COPY(X))
#define PG_GETARG_ARRAYTYPE_P(n) DatumGetArrayTypeP(PG_GETARG_DATUM(n))
#define PG_GETARG_ARRAYTYPE_P_COPY(n) DatumGetArrayTypePCopy(PG_GETARG_DATUM(n))
#define PG_RETURN_ARRAYTYPE_P(x) PG_RETURN_POINTER(x)

#ifdef __cplusplus
extern "C" {
#endif

/* The number of elements of an array with these dimensions; 54000 if
 * more than MaxArraySize. */
extern int ArrayGetNItems(int ndim, const int *dims);

/* Whether any element is NULL. */
extern bool array_contains_nulls(ArrayType *array);

/* A one-dimensional array (lower bound 1) of nelems non-null elements of
 * a type with the given length, by-value flag and alignment. */
extern ArrayType *construct_array(Datum *elems, int nelems, Oid elmtype, int elmlen, bool elmbyval,
								  char elmalign);
/* An array of any shape; nulls (NULL: none) marks NULL elements. */
extern ArrayType *construct_md_array(Datum *elems, bool *nulls, int ndims, int *dims, int *lbs,
									 Oid elmtype, int elmlen, bool elmbyval, char elmalign);
extern ArrayType *construct_empty_array(Oid elmtype);

/* The elements in storage order, palloc'd: *elemsp (pointing into the
 * array for by-reference types) and, if nullsp is not NULL, *nullsp;
 * NULL elements without nullsp are an error. */
extern void deconstruct_array(ArrayType *array, Oid elmtype, int elmlen, bool elmbyval,
							  char elmalign, Datum **elemsp, bool **nullsp, int *nelemsp);

/* A type modifier list (cstring[], as typmodin functions receive it) as
 * integers, palloc'd; *n is their number. */
extern int32 *ArrayGetIntegerTypmods(ArrayType *arr, int *n);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_ARRAY_H */
