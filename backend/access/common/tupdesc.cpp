/*
 * tupdesc.cpp — tuple descriptors (access/tupdesc.h).
 *
 * Principal entry points: CreateTemplateTupleDesc, TupleDescInitEntry,
 * CreateTupleDescCopy, equalTupleDescs.
 */
#include "postgres.h"

#include "access/tupdesc.h"
#include "catalog/pg_type_d.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"

TupleDesc CreateTemplateTupleDesc(int natts)
{
	auto *desc = static_cast<TupleDesc>(
		palloc0(offsetof(TupleDescData, attrs) + natts * sizeof(FormData_pg_attribute)));
	desc->natts = natts;
	desc->tdtypeid = RECORDOID;
	desc->tdtypmod = -1;
	desc->tdrefcount = -1;
	return desc;
}

TupleDesc CreateTupleDescCopy(TupleDesc tupdesc)
{
	TupleDesc desc = CreateTemplateTupleDesc(tupdesc->natts);
	memcpy(desc->attrs, tupdesc->attrs, tupdesc->natts * sizeof(FormData_pg_attribute));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		att->attnotnull = false;
		att->atthasdef = false;
		att->atthasmissing = false;
		att->attidentity = '\0';
		att->attgenerated = '\0';
	}
	desc->tdtypeid = tupdesc->tdtypeid;
	desc->tdtypmod = tupdesc->tdtypmod;
	return desc;
}

TupleDesc CreateTupleDescCopyConstr(TupleDesc tupdesc)
{
	TupleDesc desc = CreateTemplateTupleDesc(tupdesc->natts);
	memcpy(desc->attrs, tupdesc->attrs, tupdesc->natts * sizeof(FormData_pg_attribute));
	desc->tdtypeid = tupdesc->tdtypeid;
	desc->tdtypmod = tupdesc->tdtypmod;
	if (TupleConstr *constr = tupdesc->constr)
	{
		auto *cpy = static_cast<TupleConstr *>(palloc0(sizeof(TupleConstr)));
		*cpy = *constr;
		if (constr->num_defval > 0)
		{
			cpy->defval = static_cast<AttrDefault *>(
				palloc(constr->num_defval * sizeof(AttrDefault)));
			for (int i = 0; i < constr->num_defval; i++)
			{
				cpy->defval[i].adnum = constr->defval[i].adnum;
				cpy->defval[i].adbin = pstrdup(constr->defval[i].adbin);
			}
		}
		if (constr->num_check > 0)
		{
			cpy->check = static_cast<ConstrCheck *>(
				palloc(constr->num_check * sizeof(ConstrCheck)));
			for (int i = 0; i < constr->num_check; i++)
			{
				cpy->check[i] = constr->check[i];
				cpy->check[i].ccname = pstrdup(constr->check[i].ccname);
				cpy->check[i].ccbin = pstrdup(constr->check[i].ccbin);
			}
		}
		if (constr->missing != nullptr)
		{
			cpy->missing = static_cast<AttrMissing *>(
				palloc0(tupdesc->natts * sizeof(AttrMissing)));
			for (int i = 0; i < tupdesc->natts; i++)
			{
				Form_pg_attribute att = TupleDescAttr(tupdesc, i);
				cpy->missing[i] = constr->missing[i];
				if (constr->missing[i].am_present)
					cpy->missing[i].am_value = datumCopy(constr->missing[i].am_value, att->attbyval,
														 att->attlen);
			}
		}
		desc->constr = cpy;
	}
	return desc;
}

void FreeTupleDesc(TupleDesc tupdesc)
{
	if (TupleConstr *constr = tupdesc->constr)
	{
		for (int i = 0; i < constr->num_defval; i++)
			pfree(constr->defval[i].adbin);
		for (int i = 0; i < constr->num_check; i++)
		{
			pfree(constr->check[i].ccname);
			pfree(constr->check[i].ccbin);
		}
		if (constr->defval != nullptr)
			pfree(constr->defval);
		if (constr->check != nullptr)
			pfree(constr->check);
		if (constr->missing != nullptr)
		{
			for (int i = 0; i < tupdesc->natts; i++)
				if (constr->missing[i].am_present && !TupleDescAttr(tupdesc, i)->attbyval)
					pfree(DatumGetPointer(constr->missing[i].am_value));
			pfree(constr->missing);
		}
		pfree(constr);
	}
	pfree(tupdesc);
}

void TupleDescInitEntry(TupleDesc desc, AttrNumber attributeNumber, const char *attributeName,
						Oid oidtypeid, int32 typmod, int attdim)
{
	Assert(attributeNumber >= 1 && attributeNumber <= desc->natts);
	Form_pg_attribute att = TupleDescAttr(desc, attributeNumber - 1);
	memset(att, 0, sizeof(FormData_pg_attribute));
	if (attributeName != nullptr)
		strlcpy(NameStr(att->attname), attributeName, NAMEDATALEN);
	att->attnum = attributeNumber;
	att->atttypid = oidtypeid;
	att->atttypmod = typmod;
	att->attndims = attdim;
	att->attcacheoff = -1;
	att->attstattarget = -1;
	att->attislocal = true;
	get_typlenbyvalalign(oidtypeid, &att->attlen, &att->attbyval, &att->attalign);
	att->attstorage = get_typstorage(oidtypeid);
	att->attcompression = '\0';
	att->attcollation = get_typcollation(oidtypeid);
}

void TupleDescInitEntryCollation(TupleDesc desc, AttrNumber attributeNumber, Oid collationid)
{
	TupleDescAttr(desc, attributeNumber - 1)->attcollation = collationid;
}

bool equalTupleDescs(TupleDesc tupdesc1, TupleDesc tupdesc2)
{
	if (tupdesc1->natts != tupdesc2->natts || tupdesc1->tdtypeid != tupdesc2->tdtypeid)
		return false;
	for (int i = 0; i < tupdesc1->natts; i++)
	{
		Form_pg_attribute a = TupleDescAttr(tupdesc1, i);
		Form_pg_attribute b = TupleDescAttr(tupdesc2, i);
		if (strcmp(NameStr(a->attname), NameStr(b->attname)) != 0 || a->atttypid != b->atttypid ||
			a->atttypmod != b->atttypmod || a->attnotnull != b->attnotnull ||
			a->attisdropped != b->attisdropped || a->attcollation != b->attcollation ||
			a->attlen != b->attlen || a->attalign != b->attalign)
			return false;
	}
	return true;
}
