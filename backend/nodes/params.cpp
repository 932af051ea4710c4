/*
 * params.cpp — parameter value lists (nodes/params.h).
 */
#include "postgres.h"

#include "nodes/params.h"
#include "utils/lsyscache.h"

namespace {

/* A by-reference value copied into the current memory context. */
Datum CopyValue(Datum value, bool typbyval, int16 typlen)
{
	if (typbyval)
		return value;
	const char *src = DatumGetPointer(value);
	Size size = typlen == -1 ? VARSIZE_ANY(src)
		: typlen == -2		 ? strlen(src) + 1
							 : static_cast<Size>(typlen);
	char *dst = static_cast<char *>(palloc(size));
	memcpy(dst, src, size);
	return PointerGetDatum(dst);
}

}  // namespace

ParamListInfo makeParamList(int numParams)
{
	Size size = offsetof(ParamListInfoData, params) +
		static_cast<Size>(numParams) * sizeof(ParamExternData);
	auto *list = static_cast<ParamListInfo>(palloc0(size));
	list->numParams = numParams;
	for (int i = 0; i < numParams; i++)
		list->params[i].isnull = true;
	return list;
}

ParamListInfo copyParamList(ParamListInfo from)
{
	if (from == nullptr || from->numParams <= 0)
		return nullptr;
	ParamListInfo to = makeParamList(from->numParams);
	for (int i = 0; i < from->numParams; i++)
	{
		ParamExternData workspace;
		const ParamExternData *prm = from->paramFetch != nullptr
			? from->paramFetch(from, i + 1, false, &workspace)
			: &from->params[i];
		to->params[i] = *prm;
		if (prm->isnull || !OidIsValid(prm->ptype))
			continue;
		int16 typlen;
		bool typbyval;
		get_typlenbyval(prm->ptype, &typlen, &typbyval);
		to->params[i].value = CopyValue(prm->value, typbyval, typlen);
	}
	return to;
}
