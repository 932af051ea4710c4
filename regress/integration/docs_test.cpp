/*
 * docs_test.cpp — the documentation stays true to the code.
 *
 * doc/settings.md has a row for every setting `postgres --describe-config`
 * prints, with the same type, default, range and context, and no row for a
 * setting that does not exist.  Every path into the tree that a source
 * comment or a document names (doc/…, backend/…/README, include/…; see
 * CollectReferences) exists, and every document under doc/ is in
 * doc/README.md's index.  The tree read is the one the test program was
 * built from (SourceDir()).
 */
#include "harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using tusk::test::Run;
using tusk::test::SourceDir;
using tusk::test::TuskBin;

namespace fs = std::filesystem;

namespace {

/* Top-level folders a reference starts with: a word in a comment is taken
 * for a path into the tree only when it starts with one of these. */
const std::vector<std::string> kRoots = {"backend",	 "contrib", "doc",
										 "frontend", "include", "regress"};

std::string ReadFile(const fs::path &path)
{
	std::ifstream in(path, std::ios::binary);
	std::stringstream ss;
	ss << in.rdbuf();
	return ss.str();
}

std::vector<std::string> Split(const std::string &s, char sep)
{
	std::vector<std::string> out;
	std::string field;
	std::istringstream in(s);
	while (std::getline(in, field, sep))
		out.push_back(field);
	if (!s.empty() && s.back() == sep)
		out.emplace_back();
	return out;
}

std::string Trim(const std::string &s)
{
	size_t b = s.find_first_not_of(" \t");
	size_t e = s.find_last_not_of(" \t");
	return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string Lower(std::string s)
{
	std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
	return s;
}

bool IsPathChar(char c)
{
	return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '/' ||
		c == '-';
}

struct Reference
{
	std::string file; /* relative to the source tree */
	int line;
	std::string path; /* relative to the source tree */
};

int LineOf(const std::string &text, size_t pos)
{
	return 1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
}

/*
 * Paths into the tree named in one file's text: a word that starts with a
 * top-level folder and a slash ("doc/access/README.md", a README without
 * suffix in a backend folder, "backend/common/pidfile.{h,cpp}", expanded),
 * not preceded by a path character or '$' ("/usr/include/…",
 * "$top/regress/…" are not references into this tree).  A sentence's full
 * stop is not part of the path, and a folder path ending a comment line
 * followed by "README" on the next is read as one path.
 */
void CollectReferences(const std::string &file, const std::string &text,
					   std::vector<Reference> *out)
{
	for (size_t i = 0; i < text.size(); i++)
	{
		if (i > 0 && (IsPathChar(text[i - 1]) || text[i - 1] == '$'))
			continue;
		bool at_root = false;
		for (const auto &root : kRoots)
			if (text.compare(i, root.size() + 1, root + "/") == 0)
				at_root = true;
		if (!at_root)
			continue;
		size_t end = i;
		while (end < text.size() && IsPathChar(text[end]))
			end++;
		std::string path = text.substr(i, end - i);
		if (path.back() == '/')
		{
			/* A path wrapped after its folder: "…/lmgr/\n * README". */
			size_t next = end;
			if (next < text.size() && text[next] == '\n')
			{
				next++;
				while (next < text.size() &&
					   (text[next] == ' ' || text[next] == '\t' || text[next] == '*' ||
						text[next] == '#'))
					next++;
				if (text.compare(next, 6, "README") == 0)
				{
					end = next;
					while (end < text.size() && IsPathChar(text[end]))
						end++;
					path += text.substr(next, end - next);
				}
			}
		}
		std::vector<std::string> paths;
		size_t close = end < text.size() && text[end] == '{' ? text.find('}', end)
															 : std::string::npos;
		if (close != std::string::npos)
		{
			for (const auto &alt : Split(text.substr(end + 1, close - end - 1), ','))
				paths.push_back(path + alt);
		}
		else
			paths.push_back(path);
		for (auto &p : paths)
		{
			while (!p.empty() && p.back() == '.')
				p.pop_back();
			out->push_back({file, LineOf(text, i), p});
		}
		i = end;
	}
}

/* Documents named relative to the document that names them, in backquotes
 * (doc/README.md's index: `storage/README.md`). */
void CollectRelativeDocReferences(const std::string &file, const std::string &text,
								  std::vector<Reference> *out)
{
	fs::path dir = fs::path(file).parent_path();
	size_t pos = 0;
	while ((pos = text.find('`', pos)) != std::string::npos)
	{
		size_t close = text.find('`', pos + 1);
		if (close == std::string::npos)
			break;
		std::string word = text.substr(pos + 1, close - pos - 1);
		bool rooted = false;
		for (const auto &root : kRoots)
			rooted = rooted || word.rfind(root + "/", 0) == 0;
		if (!rooted && word.size() > 3 && word.compare(word.size() - 3, 3, ".md") == 0 &&
			std::all_of(word.begin(), word.end(), IsPathChar))
			out->push_back({file, LineOf(text, pos), (dir / word).lexically_normal().string()});
		pos = close + 1;
	}
}

/* What is scanned: the top-level folders and the files beside them. */
std::vector<fs::path> ScannedFiles(const fs::path &top)
{
	std::vector<fs::path> files;
	for (const auto &entry : fs::directory_iterator(top))
	{
		std::string name = entry.path().filename().string();
		if (entry.is_regular_file() && name[0] != '.')
			files.push_back(entry.path());
	}
	for (const auto &root : kRoots)
	{
		if (!fs::is_directory(top / root))
			continue;
		for (const auto &entry : fs::recursive_directory_iterator(top / root))
			if (entry.is_regular_file())
				files.push_back(entry.path());
	}
	std::sort(files.begin(), files.end());
	return files;
}

struct DocumentedSetting
{
	std::string type, default_value, range, context;
};

/* The rows of doc/settings.md's table, by name. */
std::map<std::string, DocumentedSetting> SettingsTable(const std::string &text)
{
	std::map<std::string, DocumentedSetting> rows;
	std::istringstream in(text);
	std::string line;
	while (std::getline(in, line))
	{
		if (line.rfind("| `", 0) != 0)
			continue;
		auto cells = Split(line, '|');
		/* "", name, type, default, range, context, description, "" */
		REQUIRE(cells.size() >= 7);
		std::string name = Trim(cells[1]);
		REQUIRE(name.size() > 2);
		name = name.substr(1, name.size() - 2);
		rows[name] = {Trim(cells[2]), Trim(cells[3]), Trim(cells[4]), Trim(cells[5])};
	}
	return rows;
}

}  // namespace

TEST_CASE("doc/settings.md describes every setting postgres --describe-config prints", "[docs]")
{
	auto r = Run({TuskBin("postgres"), "--describe-config"});
	{
		INFO(r.err);
		REQUIRE(r.exit_code == 0);
	}
	auto documented = SettingsTable(ReadFile(fs::path(SourceDir()) / "doc/settings.md"));

	std::set<std::string> described;
	std::istringstream in(r.out);
	std::string line;
	while (std::getline(in, line))
	{
		/* name, context, group, type, default, min, max, short and long
		 * description, default as postgresql.conf spells it */
		auto f = Split(line, '\t');
		REQUIRE(f.size() == 10);
		const std::string &name = f[0];
		described.insert(name);
		auto row = documented.find(name);
		if (row == documented.end())
		{
			FAIL_CHECK("doc/settings.md has no row for setting " << name);
			continue;
		}
		CAPTURE(name);
		CHECK(row->second.type == Lower(f[3]));
		CHECK(row->second.default_value == "`" + f[9] + "`");
		CHECK(row->second.range == (f[5].empty() ? "" : f[5] + " .. " + f[6]));
		CHECK(row->second.context == f[1]);
	}
	/* A test that found nothing to compare would pass for nothing. */
	REQUIRE(described.size() > 30);
	for (const auto &[name, row] : documented)
		if (described.count(name) == 0)
			FAIL_CHECK("doc/settings.md lists " << name
												<< ", which postgres --describe-config "
												   "does not print");
}

TEST_CASE("Every path into the tree that a comment or a document names exists", "[docs]")
{
	fs::path top = SourceDir();
	REQUIRE(fs::is_directory(top / "doc"));
	std::vector<Reference> refs;
	for (const auto &path : ScannedFiles(top))
	{
		std::string text = ReadFile(path);
		if (text.find('\0') != std::string::npos)
			continue; /* not text */
		std::string file = fs::relative(path, top).string();
		CollectReferences(file, text, &refs);
		if (file.rfind("doc/", 0) == 0 && path.extension() == ".md")
			CollectRelativeDocReferences(file, text, &refs);
	}
	/* The tree names a hundred or so; finding none means the scan is broken. */
	REQUIRE(refs.size() > 50);
	for (const auto &ref : refs)
		if (!fs::exists(top / ref.path))
			FAIL_CHECK(ref.file << ":" << ref.line << ": names " << ref.path
								<< ", which does not exist");
}

TEST_CASE("doc/README.md's index names every document under doc/", "[docs]")
{
	fs::path doc = fs::path(SourceDir()) / "doc";
	std::string index = ReadFile(doc / "README.md");
	int documents = 0;
	for (const auto &entry : fs::recursive_directory_iterator(doc))
	{
		if (!entry.is_regular_file() || entry.path().extension() != ".md")
			continue;
		std::string name = fs::relative(entry.path(), doc).string();
		if (name == "README.md")
			continue;
		documents++;
		if (index.find("`" + name + "`") == std::string::npos)
			FAIL_CHECK("doc/README.md does not list doc/" << name);
	}
	REQUIRE(documents > 5);
}
