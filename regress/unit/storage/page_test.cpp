/*
 * page_test.cpp — the slotted page: layout, adding items, compaction,
 * deletion, and checksums that catch damage and misplaced pages.
 */
#include "unit_test.h"

#include <string.h>

#include <string>
#include <vector>

#include "storage/bufpage.h"

namespace {

struct PageBuf
{
	alignas(8) char data[BLCKSZ];
	Page page() { return data; }
};

std::string ItemAt(Page page, OffsetNumber off)
{
	ItemId id = PageGetItemId(page, off);
	return std::string(PageGetItem(page, id), ItemIdGetLength(id));
}

}  // namespace

TEST_CASE("PageInit lays out an empty page as PostgreSQL does", "[page]")
{
	PageBuf buf;
	memset(buf.data, 0x7f, BLCKSZ);
	PageInit(buf.page(), BLCKSZ, 16);
	auto *h = reinterpret_cast<PageHeader>(buf.page());
	REQUIRE(h->pd_lower == SizeOfPageHeaderData);
	REQUIRE(h->pd_upper == BLCKSZ - 16);
	REQUIRE(h->pd_special == BLCKSZ - 16);
	REQUIRE(h->pd_pagesize_version == (BLCKSZ | PG_PAGE_LAYOUT_VERSION));
	REQUIRE(PageGetMaxOffsetNumber(buf.page()) == 0);
	REQUIRE(PageGetSpecialSize(buf.page()) == 16);
	REQUIRE(PageGetExactFreeSpace(buf.page()) == BLCKSZ - 16 - SizeOfPageHeaderData);
	REQUIRE(!PageIsNew(buf.page()));
	PageSetLSN(buf.page(), 0x123456789ABCULL);
	REQUIRE(PageGetLSN(buf.page()) == 0x123456789ABCULL);
}

TEST_CASE("Items are added, found by offset number, and fill the page exactly", "[page]")
{
	PageBuf buf;
	PageInit(buf.page(), BLCKSZ, 0);
	REQUIRE(PageAddItem(buf.page(), "alpha", 5, InvalidOffsetNumber, false) == 1);
	REQUIRE(PageAddItem(buf.page(), "beta", 4, InvalidOffsetNumber, false) == 2);
	REQUIRE(ItemAt(buf.page(), 1) == "alpha");
	REQUIRE(ItemAt(buf.page(), 2) == "beta");
	/* Items are stored MAXALIGNed, data growing down from the end. */
	REQUIRE(ItemIdGetOffset(PageGetItemId(buf.page(), 1)) == BLCKSZ - 8);
	REQUIRE(ItemIdGetOffset(PageGetItemId(buf.page(), 2)) == BLCKSZ - 16);

	/* Insert in the middle: later line pointers move up. */
	REQUIRE(PageAddItem(buf.page(), "between", 7, 2, false) == 2);
	REQUIRE(ItemAt(buf.page(), 2) == "between");
	REQUIRE(ItemAt(buf.page(), 3) == "beta");
	REQUIRE(PageAddItem(buf.page(), "x", 1, 10, false) == InvalidOffsetNumber);

	/* Fill: each 100-byte item takes 104 bytes plus a 4-byte line pointer. */
	std::string big(100, 'z');
	int added = 0;
	while (PageAddItem(buf.page(), big.c_str(), big.size(), InvalidOffsetNumber, false) !=
		   InvalidOffsetNumber)
		added++;
	REQUIRE(PageGetExactFreeSpace(buf.page()) < 104 + 4);
	REQUIRE(added == static_cast<int>((BLCKSZ - SizeOfPageHeaderData - 3 * 4 - 8 - 16 - 8) / 108));
}

TEST_CASE("Unused line pointers are reused; overwrite refuses a used one", "[page]")
{
	PageBuf buf;
	PageInit(buf.page(), BLCKSZ, 0);
	for (const char *s : {"one", "two", "three"})
		REQUIRE(PageAddItem(buf.page(), s, strlen(s), InvalidOffsetNumber, false) !=
				InvalidOffsetNumber);
	ItemIdSetUnused(PageGetItemId(buf.page(), 2));
	PageRepairFragmentation(buf.page());
	REQUIRE(PageHasFreeLinePointers(buf.page()));
	REQUIRE(ItemAt(buf.page(), 1) == "one");
	REQUIRE(ItemAt(buf.page(), 3) == "three");
	/* The freed slot's storage was reclaimed: one 8-byte item less. */
	REQUIRE(reinterpret_cast<PageHeader>(buf.page())->pd_upper == BLCKSZ - 16);

	REQUIRE(PageAddItem(buf.page(), "again", 5, InvalidOffsetNumber, false) == 2);
	REQUIRE(ItemAt(buf.page(), 2) == "again");
	REQUIRE(PageGetMaxOffsetNumber(buf.page()) == 3);
	REQUIRE(PageAddItem(buf.page(), "no", 2, 1, true) == InvalidOffsetNumber);
}

TEST_CASE("PageIndexTupleDelete closes the gap in pointers and data", "[page]")
{
	PageBuf buf;
	PageInit(buf.page(), BLCKSZ, 8);
	for (const char *s : {"k1", "key2", "key-3", "k4"})
		REQUIRE(PageAddItem(buf.page(), s, strlen(s), InvalidOffsetNumber, false) !=
				InvalidOffsetNumber);
	Size free_before = PageGetExactFreeSpace(buf.page());
	PageIndexTupleDelete(buf.page(), 2);
	REQUIRE(PageGetMaxOffsetNumber(buf.page()) == 3);
	REQUIRE(ItemAt(buf.page(), 1) == "k1");
	REQUIRE(ItemAt(buf.page(), 2) == "key-3");
	REQUIRE(ItemAt(buf.page(), 3) == "k4");
	REQUIRE(PageGetExactFreeSpace(buf.page()) == free_before + 8 + 4);
}

TEST_CASE("Checksums detect damage and a page read from the wrong block", "[page]")
{
	PageBuf buf;
	PageInit(buf.page(), BLCKSZ, 0);
	REQUIRE(PageAddItem(buf.page(), "payload", 7, InvalidOffsetNumber, false) == 1);
	PageSetChecksumInplace(buf.page(), 42);
	REQUIRE(reinterpret_cast<PageHeader>(buf.page())->pd_checksum != 0);
	REQUIRE(PageIsVerifiedExtended(buf.page(), 42, 0));
	REQUIRE_FALSE(PageIsVerifiedExtended(buf.page(), 43, 0));

	buf.data[BLCKSZ - 3] ^= 0x01; /* one bit of the item */
	REQUIRE_FALSE(PageIsVerifiedExtended(buf.page(), 42, 0));
	buf.data[BLCKSZ - 3] ^= 0x01;
	REQUIRE(PageIsVerifiedExtended(buf.page(), 42, PIV_LOG_WARNING));

	/* A never-written page is all zeroes and valid; a new page with
	 * garbage is not. */
	PageBuf zero;
	memset(zero.data, 0, BLCKSZ);
	REQUIRE(PageIsVerifiedExtended(zero.page(), 7, 0));
	PageSetChecksumInplace(zero.page(), 7);
	REQUIRE(reinterpret_cast<PageHeader>(zero.page())->pd_checksum == 0);
	zero.data[100] = 1;
	REQUIRE_FALSE(PageIsVerifiedExtended(zero.page(), 7, 0));
}
