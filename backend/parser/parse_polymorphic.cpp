/*
 * parse_polymorphic.cpp — resolving the polymorphic pseudo-types of a
 * function's or operator's signature (parser/parse_coerce.h), with
 * PostgreSQL's rules.
 *
 * Principal entry points: check_generic_type_consistency (may this
 * candidate take these inputs?), enforce_generic_type_consistency (the
 * concrete argument and result types of the call, or PostgreSQL's
 * 42804 error), IsPolymorphicType.
 *
 * Two independent families.  Family 1 — anyelement, anynonarray,
 * anyenum, anyarray — must all name one element type: every argument
 * declared anyelement has that type, every one declared anyarray has its
 * array type, so int4 and int8 arguments to (anyelement, anyelement) do
 * not match.  Family 2 — anycompatible, anycompatiblenonarray,
 * anycompatiblearray — takes the common type of its inputs (as UNION or
 * CASE would pick it, select_common_type_from_oids) and coerces each
 * input to it, so array_append(int4[], int8) is int8[].  Inputs of type
 * unknown (literals) take the type chosen from the others; a family whose
 * inputs are all unknown is an error for family 1 and text for family 2.
 * Ranges and multiranges (anyrange, anycompatiblerange, …) are not
 * resolved: Tusk has no range types yet, so no candidate taking one can
 * match.
 */
#include "postgres.h"

#include <vector>

#include "catalog/pg_type_d.h"
#include "parser/parse_coerce.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"

namespace {

bool IsFamily1Element(Oid t)
{
	return t == ANYELEMENTOID || t == ANYNONARRAYOID || t == ANYENUMOID;
}

bool IsFamily2Element(Oid t)
{
	return t == ANYCOMPATIBLEOID || t == ANYCOMPATIBLENONARRAYOID;
}

bool IsRangeFamily(Oid t)
{
	return t == ANYRANGEOID || t == ANYMULTIRANGEOID || t == ANYCOMPATIBLERANGEOID ||
		ANYCOMPATIBLEMULTIRANGEOID == t;
}

bool IsArrayType(Oid t)
{
	return OidIsValid(get_element_type(t));
}

/* What the inputs say about the two families. */
struct PolyInputs
{
	Oid elem = InvalidOid;	/* family 1's element type, once known */
	Oid array = InvalidOid; /* family 1's array type, once known */
	bool have_anynonarray = false;
	bool have_anyenum = false;
	bool have_anycompatible_nonarray = false;
	bool have_family1 = false;
	std::vector<Oid> compatible; /* family 2's known element types */
	bool have_family2 = false;
};

}  // namespace

bool IsPolymorphicType(Oid typid)
{
	return IsFamily1Element(typid) || typid == ANYARRAYOID || IsFamily2Element(typid) ||
		typid == ANYCOMPATIBLEARRAYOID || IsRangeFamily(typid);
}

Oid select_common_type_from_oids(int nargs, const Oid *typeids, bool noerror)
{
	Oid ptype = typeids[0];
	int i = 1;
	if (ptype != UNKNOWNOID)
	{
		while (i < nargs && typeids[i] == ptype)
			i++;
		if (i == nargs)
			return ptype;
	}
	char pcategory;
	bool pispreferred;
	get_type_category_preferred(ptype, &pcategory, &pispreferred);
	for (; i < nargs; i++)
	{
		Oid ntype = typeids[i];
		if (ntype == UNKNOWNOID || ntype == ptype)
			continue;
		char ncategory;
		bool nispreferred;
		get_type_category_preferred(ntype, &ncategory, &nispreferred);
		if (ptype != UNKNOWNOID && ncategory != pcategory)
		{
			if (noerror)
				return InvalidOid;
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("argument types %s and %s cannot be matched", format_type_be(ptype),
						   format_type_be(ntype)));
		}
		/* The first known type, or one more general than the one so far. */
		bool take = ptype == UNKNOWNOID ||
			(!pispreferred && can_coerce_type(1, &ptype, &ntype, COERCION_IMPLICIT) &&
			 !can_coerce_type(1, &ntype, &ptype, COERCION_IMPLICIT));
		if (take)
		{
			ptype = ntype;
			pcategory = ncategory;
			pispreferred = nispreferred;
		}
	}
	return ptype == UNKNOWNOID ? TEXTOID : ptype;
}

namespace {

/* Every input can be implicitly coerced to common. */
bool VerifyCommonType(Oid common, const std::vector<Oid> &types)
{
	for (Oid t : types)
		if (!can_coerce_type(1, &t, &common, COERCION_IMPLICIT))
			return false;
	return true;
}

/* Collects the inputs' evidence; false (or, with raise, ERROR) when two
 * inputs of family 1 disagree or an anyarray input is not an array. */
bool GatherPolyInputs(const Oid *actual, const Oid *declared, int nargs, bool raise, PolyInputs *in)
{
	for (int j = 0; j < nargs; j++)
	{
		Oid decl = declared[j];
		Oid act = actual[j];
		if (IsFamily1Element(decl))
		{
			in->have_family1 = true;
			in->have_anynonarray |= decl == ANYNONARRAYOID;
			in->have_anyenum |= decl == ANYENUMOID;
			if (act == UNKNOWNOID)
				continue;
			if (OidIsValid(in->elem) && act != in->elem)
			{
				if (!raise)
					return false;
				ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("arguments declared \"%s\" are not all alike", "anyelement"),
						errdetail("%s versus %s", format_type_be(in->elem), format_type_be(act)));
			}
			in->elem = act;
		}
		else if (decl == ANYARRAYOID)
		{
			in->have_family1 = true;
			if (act == UNKNOWNOID)
				continue;
			if (OidIsValid(in->array) && act != in->array)
			{
				if (!raise)
					return false;
				ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("arguments declared \"%s\" are not all alike", "anyarray"),
						errdetail("%s versus %s", format_type_be(in->array), format_type_be(act)));
			}
			in->array = act;
		}
		else if (IsFamily2Element(decl))
		{
			in->have_family2 = true;
			in->have_anycompatible_nonarray |= decl == ANYCOMPATIBLENONARRAYOID;
			if (act != UNKNOWNOID)
				in->compatible.push_back(act);
		}
		else if (decl == ANYCOMPATIBLEARRAYOID)
		{
			in->have_family2 = true;
			if (act == UNKNOWNOID)
				continue;
			Oid elem = get_element_type(act);
			if (!OidIsValid(elem))
			{
				if (!raise)
					return false;
				ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("argument declared %s is not an array but type %s",
							   "anycompatiblearray", format_type_be(act)));
			}
			in->compatible.push_back(elem);
		}
		else if (IsRangeFamily(decl))
		{
			/* No range types yet: nothing can match. */
			if (!raise)
				return false;
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("range types are not supported yet"));
		}
	}
	/* The array's element must agree with the anyelement inputs. */
	if (OidIsValid(in->array) && in->array != ANYARRAYOID)
	{
		Oid elem = get_element_type(in->array);
		if (!OidIsValid(elem))
		{
			if (!raise)
				return false;
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("argument declared %s is not an array but type %s", "anyarray",
						   format_type_be(in->array)));
		}
		if (!OidIsValid(in->elem))
			in->elem = elem;
		else if (elem != in->elem)
		{
			if (!raise)
				return false;
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("argument declared %s is not consistent with argument declared %s",
						   "anyarray", "anyelement"),
					errdetail("%s versus %s", format_type_be(in->array), format_type_be(in->elem)));
		}
	}
	return true;
}

}  // namespace

bool check_generic_type_consistency(const Oid *actual_arg_types, const Oid *declared_arg_types,
									int nargs)
{
	PolyInputs in;
	if (!GatherPolyInputs(actual_arg_types, declared_arg_types, nargs, false, &in))
		return false;
	if (in.have_anynonarray && OidIsValid(in.elem) && IsArrayType(in.elem))
		return false;
	if (in.have_anyenum && OidIsValid(in.elem) && get_typtype(in.elem) != TYPTYPE_ENUM)
		return false;
	if (!in.compatible.empty())
	{
		Oid common = select_common_type_from_oids(static_cast<int>(in.compatible.size()),
												  in.compatible.data(), true);
		if (!OidIsValid(common) || !VerifyCommonType(common, in.compatible))
			return false;
		if (in.have_anycompatible_nonarray && IsArrayType(common))
			return false;
	}
	return true;
}

Oid enforce_generic_type_consistency(const Oid *actual_arg_types, Oid *declared_arg_types,
									 int nargs, Oid rettype, bool allow_poly)
{
	bool have_poly_args = false;
	for (int j = 0; j < nargs; j++)
		have_poly_args |= IsPolymorphicType(declared_arg_types[j]);
	if (!have_poly_args && !IsPolymorphicType(rettype))
		return rettype;

	PolyInputs in;
	GatherPolyInputs(actual_arg_types, declared_arg_types, nargs, true, &in);

	Oid elem = in.elem;
	Oid array = in.array;
	if (in.have_family1)
	{
		if (!OidIsValid(elem))
		{
			if (!allow_poly)
				ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("could not determine polymorphic type because input has type %s",
							   "unknown"));
			elem = ANYELEMENTOID;
			array = ANYARRAYOID;
		}
		if (in.have_anynonarray && elem != ANYELEMENTOID && IsArrayType(elem))
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("type matched to anynonarray is an array type: %s",
						   format_type_be(elem)));
		if (in.have_anyenum && elem != ANYELEMENTOID && get_typtype(elem) != TYPTYPE_ENUM)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("type matched to anyenum is not an enum type: %s",
						   format_type_be(elem)));
	}

	Oid compatible = InvalidOid;
	Oid compatible_array = InvalidOid;
	if (in.have_family2)
	{
		if (!in.compatible.empty())
		{
			compatible = select_common_type_from_oids(static_cast<int>(in.compatible.size()),
													  in.compatible.data(), false);
			if (!VerifyCommonType(compatible, in.compatible))
				ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("arguments of anycompatible family cannot be cast to a common "
							   "type"));
		}
		else
			compatible = TEXTOID; /* only unknowns: text, as select_common_type does */
		if (in.have_anycompatible_nonarray && IsArrayType(compatible))
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("type matched to anycompatiblenonarray is an array type: %s",
						   format_type_be(compatible)));
	}

	auto array_of = [](Oid element) -> Oid {
		if (element == ANYELEMENTOID)
			return ANYARRAYOID;
		Oid a = get_array_type(element);
		if (!OidIsValid(a))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
					errmsg("could not find array type for data type %s", format_type_be(element)));
		return a;
	};

	/* The declared types become the resolved ones. */
	for (int j = 0; j < nargs; j++)
	{
		Oid decl = declared_arg_types[j];
		if (IsFamily1Element(decl))
			declared_arg_types[j] = elem;
		else if (decl == ANYARRAYOID)
		{
			if (!OidIsValid(array))
				array = array_of(elem);
			declared_arg_types[j] = array;
		}
		else if (IsFamily2Element(decl))
			declared_arg_types[j] = compatible;
		else if (decl == ANYCOMPATIBLEARRAYOID)
		{
			if (!OidIsValid(compatible_array))
				compatible_array = array_of(compatible);
			declared_arg_types[j] = compatible_array;
		}
	}

	if (IsFamily1Element(rettype) || rettype == ANYARRAYOID)
	{
		if (!in.have_family1)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("could not determine polymorphic type because input has type %s",
						   "unknown"));
		if (rettype == ANYARRAYOID)
			return OidIsValid(array) ? array : array_of(elem);
		return elem;
	}
	if (IsFamily2Element(rettype) || rettype == ANYCOMPATIBLEARRAYOID)
	{
		if (!in.have_family2)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("could not determine polymorphic type %s because input has type %s",
						   format_type_be(rettype), "unknown"));
		if (rettype == ANYCOMPATIBLEARRAYOID)
			return OidIsValid(compatible_array) ? compatible_array : array_of(compatible);
		return compatible;
	}
	return rettype;
}
