/*
 * funcapi_test.cpp — the value-per-call protocol of set-returning
 * functions (funcapi.h): the SRF_* macros' FuncCallContext lives from the
 * first call to SRF_RETURN_DONE, an abandoned set is freed by
 * ShutdownSetFunction, and generate_series follows it.
 */
#include "adt_test_util.h"

#include <vector>

#include "executor/executor.h"
#include "funcapi.h"
#include "utils/fmgrprotos.h"

using tusk::adt_test::ErrorOf;
using tusk::adt_test::ScratchContext;

namespace {

/* 1, 2, …, PG_GETARG_INT32(0), written as an extension author would. */
Datum count_to(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		funcctx->max_calls = static_cast<uint64>(PG_GETARG_INT32(0));
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		/* The macro counts the call before it returns the value. */
		Datum next = Int32GetDatum(static_cast<int32>(funcctx->call_cntr + 1));
		SRF_RETURN_NEXT(funcctx, next);
	}
	SRF_RETURN_DONE(funcctx);
}

/* Calls fn the way the executor does until the set ends (at most limit
 * rows), with int arguments. */
struct SetCall
{
	FmgrInfo flinfo{};
	ReturnSetInfo rsinfo{};
	union
	{
		FunctionCallInfoBaseData fcinfo;
		char data[SizeForFunctionCallInfo(3)];
	} u{};

	SetCall(PGFunction fn, std::vector<Datum> args)
	{
		flinfo.fn_addr = fn;
		flinfo.fn_nargs = static_cast<short>(args.size());
		flinfo.fn_retset = true;
		flinfo.fn_mcxt = CurrentMemoryContext;
		rsinfo.type = T_ReturnSetInfo;
		rsinfo.allowedModes = SFRM_ValuePerCall;
		InitFunctionCallInfoData(u.fcinfo, &flinfo, static_cast<short>(args.size()), InvalidOid,
								 nullptr, reinterpret_cast<Node *>(&rsinfo));
		for (size_t i = 0; i < args.size(); i++)
		{
			u.fcinfo.args[i].value = args[i];
			u.fcinfo.args[i].isnull = false;
		}
	}

	std::vector<int64> Run(size_t limit = 100)
	{
		std::vector<int64> rows;
		while (rows.size() < limit)
		{
			rsinfo.isDone = ExprSingleResult;
			Datum d = FunctionCallInvoke(&u.fcinfo);
			if (rsinfo.isDone == ExprEndResult)
				break;
			REQUIRE(rsinfo.isDone == ExprMultipleResult);
			rows.push_back(flinfo.fn_nargs == 0 ? 0 : DatumGetInt32(d));
		}
		return rows;
	}
};

}  // namespace

TEST_CASE("a value-per-call function returns its rows, then frees its state at the end",
		  "[funcapi]")
{
	ScratchContext cxt;
	SetCall call(count_to, {Int32GetDatum(3)});
	REQUIRE(call.Run() == std::vector<int64>{1, 2, 3});
	REQUIRE(call.flinfo.fn_extra == nullptr);
	/* The next call starts a new set. */
	REQUIRE(call.Run() == std::vector<int64>{1, 2, 3});
}

TEST_CASE("an abandoned set's state is freed by ShutdownSetFunction", "[funcapi]")
{
	ScratchContext cxt;
	SetCall call(count_to, {Int32GetDatum(10)});
	REQUIRE(call.Run(2) == std::vector<int64>{1, 2});
	REQUIRE(call.flinfo.fn_extra != nullptr);
	ShutdownSetFunction(&call.flinfo);
	REQUIRE(call.flinfo.fn_extra == nullptr);
	REQUIRE(call.Run(2) == std::vector<int64>{1, 2});
	ShutdownSetFunction(&call.flinfo);
}

TEST_CASE("a set-returning function called without a ReturnSetInfo fails", "[funcapi]")
{
	ScratchContext cxt;
	SetCall call(count_to, {Int32GetDatum(1)});
	call.u.fcinfo.resultinfo = nullptr;
	SetCall *c = &call; /* clang cannot capture a flexible-array struct */
	REQUIRE(ErrorOf([c] { c->Run(); }) ==
			"0A000: set-valued function called in context that cannot accept a set");
}

TEST_CASE("generate_series over int4 stops before overflowing and refuses a zero step", "[funcapi]")
{
	ScratchContext cxt;
	SetCall up(generate_series_int4, {Int32GetDatum(2147483646), Int32GetDatum(2147483647)});
	REQUIRE(up.Run() == std::vector<int64>{2147483646, 2147483647});
	SetCall down(generate_series_step_int4,
				 {Int32GetDatum(-2147483647), Int32GetDatum(-2147483648), Int32GetDatum(-2)});
	REQUIRE(down.Run() == std::vector<int64>{-2147483647});
	SetCall empty(generate_series_step_int4,
				  {Int32GetDatum(1), Int32GetDatum(3), Int32GetDatum(-1)});
	REQUIRE(empty.Run().empty());
	SetCall zero(generate_series_step_int4, {Int32GetDatum(1), Int32GetDatum(3), Int32GetDatum(0)});
	SetCall *z = &zero;
	REQUIRE(ErrorOf([z] { z->Run(); }) == "22023: step size cannot equal zero");
}
