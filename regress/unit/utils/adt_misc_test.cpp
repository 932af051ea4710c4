/*
 * adt_misc_test.cpp — the function-call layer (DirectFunctionCall,
 * InputFunctionCall, detoasting), the OID alias types, pseudo-type I/O,
 * and the array text format and layout (array_in/array_out themselves
 * need catalog lookups that are not linked in yet; their parsing and
 * printing halves are tested here directly).
 */
#include "adt_test_util.h"

#include <algorithm>

#include "access/toast_compression.h"
#include "utils/adt/array_internal.h"
#include "utils/array.h"

using tusk::adt::ArrayLiteral;
using tusk::adt::FormatArrayLiteral;
using tusk::adt::ParseArrayLiteral;
using tusk::adt_test::ErrorOf;
using tusk::adt_test::In;
using tusk::adt_test::InError;
using tusk::adt_test::Out;
using tusk::adt_test::RoundTrip;
using tusk::adt_test::ScratchContext;
using tusk::adt_test::Str;
using tusk::adt_test::Text;

namespace {

/* The error's full text with its DETAIL, as psql shows both. */
std::string ErrorWithDetail(const std::function<void()> &fn)
{
	try
	{
		fn();
	}
	catch (const tusk::error::PgError &e)
	{
		return tusk::error::UnpackSqlState(e.data().sqlerrcode) + ": " + e.data().message +
			(e.data().detail.empty() ? "" : " DETAIL: " + e.data().detail);
	}
	return "no error";
}

std::string ParseError(const char *literal)
{
	return ErrorWithDetail([&] {
		ArrayLiteral lit;
		ParseArrayLiteral(literal, ',', &lit);
	});
}

/* Parse and print again with the elements as they were read. */
std::string Reformat(const char *literal)
{
	ArrayLiteral lit;
	ParseArrayLiteral(literal, ',', &lit);
	std::vector<const char *> elems;
	for (size_t i = 0; i < lit.elems.size(); i++)
		elems.push_back(lit.nulls[i] ? nullptr : lit.elems[i].c_str());
	return FormatArrayLiteral(lit.ndim, lit.dims, lit.lbs, elems, ',');
}

Datum ReturnsNull(PG_FUNCTION_ARGS)
{
	PG_RETURN_NULL();
}

}  // namespace

TEST_CASE("DirectFunctionCall refuses a NULL result", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(ErrorOf([] {
				DirectFunctionCall1(ReturnsNull, Int32GetDatum(0));
			}).starts_with("XX000: function 0x"));
}

TEST_CASE("InputFunctionCall passes NULL only to non-strict input functions", "[adt]")
{
	ScratchContext cxt;
	FmgrInfo finfo = {};
	finfo.fn_addr = int4in;
	finfo.fn_oid = 42;
	finfo.fn_nargs = 3;
	finfo.fn_strict = true;
	finfo.fn_mcxt = CurrentMemoryContext;
	REQUIRE(InputFunctionCall(&finfo, nullptr, 0, -1) == (Datum) 0);
	REQUIRE(DatumGetInt32(InputFunctionCall(&finfo, const_cast<char *>("7"), 0, -1)) == 7);
	finfo.fn_addr = ReturnsNull;
	REQUIRE(ErrorOf([&] { InputFunctionCall(&finfo, const_cast<char *>("7"), 0, -1); }) ==
			"XX000: input function 42 returned NULL");
	finfo.fn_addr = int4out;
	REQUIRE(OutputFunctionCall(&finfo, Int32GetDatum(-5)) == std::string("-5"));
}

TEST_CASE("detoasting expands short headers and decompresses compressed values", "[adt]")
{
	ScratchContext cxt;
	char *short_value = static_cast<char *>(palloc(4));
	SET_VARSIZE_SHORT(short_value, 4);
	std::copy_n("abc", 3, short_value + 1);
	struct varlena *plain = pg_detoast_datum(reinterpret_cast<struct varlena *>(short_value));
	REQUIRE(VARATT_IS_4B_U(plain));
	REQUIRE(VARSIZE(plain) == VARHDRSZ + 3);
	REQUIRE(memcmp(VARDATA(plain), "abc", 3) == 0);
	REQUIRE(pg_detoast_datum_packed(reinterpret_cast<struct varlena *>(short_value)) ==
			reinterpret_cast<struct varlena *>(short_value));

	text *t = cstring_to_text("xyz");
	REQUIRE(pg_detoast_datum(t) == t);
	struct varlena *copy = pg_detoast_datum_copy(t);
	REQUIRE(copy != t);
	REQUIRE(Str(PointerGetDatum(copy)) == "xyz");

	/* A compressed value (pglz, inline) comes back whole from either entry point. */
	std::string repeated(4000, 'q');
	Datum compressed = toast_compress_datum(PointerGetDatum(cstring_to_text(repeated.c_str())), 0);
	REQUIRE(compressed != 0);
	REQUIRE(VARATT_IS_COMPRESSED(DatumGetPointer(compressed)));
	REQUIRE(VARSIZE(DatumGetPointer(compressed)) < 200);
	REQUIRE(Str(PointerGetDatum(pg_detoast_datum(
				reinterpret_cast<struct varlena *>(DatumGetPointer(compressed))))) == repeated);
	REQUIRE(Str(PointerGetDatum(pg_detoast_datum_packed(
				reinterpret_cast<struct varlena *>(DatumGetPointer(compressed))))) == repeated);
	/* A stream that does not decompress to its recorded size is corrupt data. */
	auto *bad = static_cast<struct varlena *>(palloc0(16));
	memcpy(bad, DatumGetPointer(compressed), 16);
	SET_VARSIZE_COMPRESSED(bad, 16);
	REQUIRE(ErrorOf([&] { pg_detoast_datum(bad); }).rfind("XX001", 0) == 0);
}

TEST_CASE("OID alias types read and print numbers without catalogs", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(RoundTrip(regprocin, regprocout, "-") == "-");
	REQUIRE(RoundTrip(regprocin, regprocout, "0") == "-");
	REQUIRE(RoundTrip(regprocin, regprocout, "1242") == "1242");
	REQUIRE(RoundTrip(regoperin, regoperout, "0") == "0");
	REQUIRE(RoundTrip(regoperatorin, regoperatorout, "0") == "0");
	REQUIRE(RoundTrip(regclassin, regclassout, "99999") == "99999");
	REQUIRE(RoundTrip(regtypein, regtypeout, "-") == "-");
	REQUIRE(RoundTrip(regnamespacein, regnamespaceout, "11") == "11");
	REQUIRE(RoundTrip(regrolein, regroleout, "10") == "10");
	REQUIRE(RoundTrip(regprocedurein, regprocedureout, "-") == "-");
	REQUIRE(InError(regclassin, "4294967296") ==
			"22003: value \"4294967296\" is out of range for type oid");
	/* (Names are looked up in the catalogs: regress/sql/system_functions.sql and
	 * regtypes.sql.)  Text search objects are numbers only. */
	REQUIRE(InError(regconfigin, "english") ==
			"0A000: text search configuration names are not supported yet");
}

TEST_CASE("pseudo-types: cstring and unknown copy, void is empty, the rest refuse", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(RoundTrip(cstring_in, cstring_out, "abc") == "abc");
	REQUIRE(RoundTrip(unknownin, unknownout, "x y") == "x y");
	REQUIRE(RoundTrip(void_in, void_out, "anything") == "");
	REQUIRE(InError(anyelement_in, "a") == "0A000: cannot accept a value of type anyelement");
	REQUIRE(InError(internal_in, "a") == "0A000: cannot accept a value of type internal");
	REQUIRE(InError(any_in, "a") == "0A000: cannot accept a value of type any");
	REQUIRE(InError(anyarray_in, "{}") == "0A000: cannot accept a value of type anyarray");
	REQUIRE(ErrorOf([] { Out(trigger_out, (Datum) 0); }) ==
			"0A000: cannot display a value of type trigger");
	REQUIRE(InError(shell_in, "a") == "0A000: cannot accept a value of a shell type");
}

TEST_CASE("array literals: quoting, escapes, blanks, NULL and bounds", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Reformat("{1,2,3}") == "{1,2,3}");
	REQUIRE(Reformat("[0:2]={1,2,3}") == "[0:2]={1,2,3}");
	REQUIRE(Reformat("{}") == "{}");
	REQUIRE(Reformat("{ }") == "{}");
	REQUIRE(Reformat(" {a} ") == "{a}");
	REQUIRE(Reformat("{ a , \"b c\" , NULL, \"NULL\", null , \"\" }") ==
			"{a,\"b c\",NULL,\"NULL\",NULL,\"\"}");
	REQUIRE(Reformat("{\"a\\\\b\",\"q\\\"\"}") == "{\"a\\\\b\",\"q\\\"\"}");
	REQUIRE(Reformat("{a b}") == "{\"a b\"}");
	REQUIRE(Reformat("{\\ a\\ }") == "{\" a \"}");
	REQUIRE(Reformat("{\"a\"}") == "{a}");
	REQUIRE(Reformat("{ \"a\" }") == "{a}");
	REQUIRE(Reformat("{\"a\\\"b\"}") == "{\"a\\\"b\"}");
}

TEST_CASE("malformed array literals are 22P02 with PostgreSQL's details", "[adt]")
{
	ScratchContext cxt;
	auto malformed = [](const char *lit, const char *detail) {
		return std::string("22P02: malformed array literal: \"") + lit + "\" DETAIL: " + detail;
	};
	static const struct
	{
		const char *literal;
		const char *detail;
	} kCases[] = {
		{"{1,2", "Unexpected end of input."},
		{"1,2", "Array value must start with \"{\" or dimension information."},
		{"{1,2}x", "Junk after closing right brace."},
		{"{1,,2}", "Unexpected \",\" character."},
		{"{\"a\"b}", "Unexpected array element."},
		{"{a\"b\"}", "Unexpected array element."},
		{"[1:2]={1,2,3}", "Specified array dimensions do not match array contents."},
		{"[1:2]{1,2}", "Missing \"=\" after array dimensions."},
		{"[a]={1}", "\"[\" must introduce explicitly-specified array dimensions."},
		{"{,}", "Unexpected \",\" character."},
		{"{1,}", "Unexpected \"}\" character."},
		{"{}}", "Junk after closing right brace."},
		{"{a\\", "Unexpected end of input."},
		{"[1:]={1}", "Missing array dimension value."},
		{"[1:1={1}", "Missing \"]\" after array dimensions."},
		{"[1:1]= 1", "Array contents must start with \"{\"."},
		{"{a}}", "Junk after closing right brace."},
		{"{\"a\" \"b\"}", "Unexpected array element."},
		{"{\"a\",\\\"b\"}", "Unexpected array element."},
		{"[1:1]={}", "Specified array dimensions do not match array contents."},
		{"{x{}", "Unexpected \"{\" character."},
	};
	for (const auto &c : kCases)
	{
		CAPTURE(c.literal);
		REQUIRE(ParseError(c.literal) == malformed(c.literal, c.detail));
	}
	REQUIRE(ParseError("[1:0]={}") == "2202E: upper bound cannot be less than lower bound");
	REQUIRE(ParseError("{{1,2},{3}}") ==
			malformed("{{1,2},{3}}",
					  "Multidimensional arrays must have sub-arrays with matching dimensions."));
	REQUIRE(ParseError("{{1},2}") == malformed("{{1},2}", "Unexpected array element."));
	REQUIRE(ParseError("{1,{2}}") == malformed("{1,{2}}", "Unexpected \"{\" character."));
	REQUIRE(ParseError("{{}}") == malformed("{{}}", "Unexpected \"}\" character."));
	REQUIRE(ParseError("{{{{{{{1}}}}}}}") ==
			"54000: number of array dimensions (7) exceeds the maximum allowed (6)");
}

TEST_CASE("multidimensional array literals keep their shape and bounds", "[adt]")
{
	REQUIRE(Reformat("{{1,2},{3,4}}") == "{{1,2},{3,4}}");
	REQUIRE(Reformat(" { { 1 , 2 } , { 3 , 4 } } ") == "{{1,2},{3,4}}");
	REQUIRE(Reformat("{{{1},{2}},{{3},{4}}}") == "{{{1},{2}},{{3},{4}}}");
	REQUIRE(Reformat("[1:2][0:0]={{1},{2}}") == "[1:2][0:0]={{1},{2}}");
	REQUIRE(Reformat("[1:1][1:2]={{a,\"b c\"}}") == "{{a,\"b c\"}}");
}

TEST_CASE("arrays are built and taken apart in PostgreSQL's layout", "[adt]")
{
	ScratchContext cxt;
	Datum elems[3] = {Int32GetDatum(10), Int32GetDatum(20), Int32GetDatum(30)};
	ArrayType *a = construct_array(elems, 3, 23, 4, true, TYPALIGN_INT);
	REQUIRE(ARR_NDIM(a) == 1);
	REQUIRE(ARR_DIMS(a)[0] == 3);
	REQUIRE(ARR_LBOUND(a)[0] == 1);
	REQUIRE_FALSE(ARR_HASNULL(a));
	REQUIRE(ARR_DATA_OFFSET(a) == 24); /* header and one dimension, MAXALIGNed */
	REQUIRE(ARR_SIZE(a) == 24 + 12);

	Datum texts[3] = {PointerGetDatum(cstring_to_text("a")), (Datum) 0,
					  PointerGetDatum(cstring_to_text("bcd"))};
	bool nulls[3] = {false, true, false};
	int dims[1] = {3};
	int lbs[1] = {0};
	ArrayType *t = construct_md_array(texts, nulls, 1, dims, lbs, 25, -1, false, TYPALIGN_INT);
	REQUIRE(ARR_HASNULL(t));
	const bits8 *bitmap = ARR_NULLBITMAP(t);
	REQUIRE((bitmap != nullptr && bitmap[0] == 0x5));
	REQUIRE(array_contains_nulls(t));
	Datum *out;
	bool *outnulls;
	int n;
	deconstruct_array(t, 25, -1, false, TYPALIGN_INT, &out, &outnulls, &n);
	REQUIRE(n == 3);
	REQUIRE(Str(out[0]) == "a");
	REQUIRE(outnulls[1]);
	REQUIRE(Str(out[2]) == "bcd");
	REQUIRE(ErrorOf([&] {
				deconstruct_array(t, 25, -1, false, TYPALIGN_INT, &out, nullptr, &n);
			}) == "22004: null array element not allowed in this context");

	ArrayType *empty = construct_empty_array(23);
	REQUIRE(ARR_NDIM(empty) == 0);
	REQUIRE(ArrayGetNItems(0, nullptr) == 0);
}

TEST_CASE("char(n) and varchar(n) typmods come from cstring[] modifier lists", "[adt]")
{
	ScratchContext cxt;
	auto typmods = [](std::initializer_list<const char *> mods) {
		std::vector<Datum> elems;
		for (const char *m : mods)
			elems.push_back(CStringGetDatum(m));
		return PointerGetDatum(construct_array(elems.data(), static_cast<int>(elems.size()), 2275,
											   -2, false, TYPALIGN_CHAR));
	};
	REQUIRE(DatumGetInt32(DirectFunctionCall1(bpchartypmodin, typmods({"3"}))) == 3 + VARHDRSZ);
	REQUIRE(DatumGetInt32(DirectFunctionCall1(varchartypmodin, typmods({"10485760"}))) ==
			10485760 + VARHDRSZ);
	REQUIRE(ErrorOf([&] { DirectFunctionCall1(bpchartypmodin, typmods({"10485761"})); }) ==
			"22023: length for type char cannot exceed 10485760");
	REQUIRE(ErrorOf([&] { DirectFunctionCall1(varchartypmodin, typmods({"0"})); }) ==
			"22023: length for type varchar must be at least 1");
	REQUIRE(ErrorOf([&] {
				DirectFunctionCall1(varchartypmodin, typmods({"1", "2"}));
			}) == "22023: invalid type modifier");
	REQUIRE(ErrorOf([&] { DirectFunctionCall1(varchartypmodin, typmods({"x"})); }) ==
			"22P02: invalid input syntax for type integer: \"x\"");
	REQUIRE(Out(bpchartypmodout, Int32GetDatum(3 + VARHDRSZ)) == "(3)");
}

TEST_CASE("array_in and array_out convert elements with their type's functions", "[adt]")
{
	ScratchContext cxt;
	FmgrInfo in;
	fmgr_info(750, &in); /* array_in */
	FmgrInfo out;
	fmgr_info(751, &out); /* array_out */
	Datum ints = InputFunctionCall(&in, const_cast<char *>("{1, 2,NULL,-3}"), 23, -1);
	REQUIRE(std::string(OutputFunctionCall(&out, ints)) == "{1,2,NULL,-3}");
	Datum texts = InputFunctionCall(&in, const_cast<char *>("{a,\"b c\",\"\"}"), 25, -1);
	REQUIRE(std::string(OutputFunctionCall(&out, texts)) == "{a,\"b c\",\"\"}");
	REQUIRE(ErrorOf([&] { InputFunctionCall(&in, const_cast<char *>("{1,x}"), 23, -1); }) ==
			"22P02: invalid input syntax for type integer: \"x\"");
}
