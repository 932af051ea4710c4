/*
 * guc_file.cpp — reading postgresql.conf.
 *
 * Principal entry point: ParseConfigFile (guc_internal.h).
 *
 * The syntax is PostgreSQL's: one `name [=] value` per line, `#` comments,
 * values either single-quoted strings ('' or \' for a quote, and the
 * backslash escapes \b \f \n \r \t \ooo) or one unquoted token — a number
 * with an optional unit (8MB, 1.5min, 0x1F) or a word starting with a
 * letter (on, localhost, iso_8601).  Anything else (an unquoted path, a
 * second token) is a syntax error reported with the file, the line and the
 * offending token; the parser goes on to the next line so that one run
 * reports every bad line.  `include`, `include_if_exists` and
 * `include_dir` splice in other files, relative to the including file,
 * at most 10 levels deep.
 */
#include "postgres.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "common/paths.h"
#include "utils/errcodes.h"
#include "utils/misc/guc_internal.h"

namespace tusk::guc {

namespace {

constexpr int kMaxIncludeDepth = 10;
constexpr int kMaxSyntaxErrors = 100;

bool IsLetter(char c)
{
	unsigned char u = static_cast<unsigned char>(c);
	return isalpha(u) || c == '_' || u >= 0x80;
}

bool IsLetterOrDigit(char c)
{
	return IsLetter(c) || isdigit(static_cast<unsigned char>(c));
}

/* Scans one line.  Positions are byte offsets into `line`. */
class LineScanner
{
  public:
	explicit LineScanner(const std::string &line) : line_(line) {}

	void SkipSpace()
	{
		while (pos_ < line_.size() && isspace(static_cast<unsigned char>(line_[pos_])))
			pos_++;
	}
	bool AtEnd()
	{
		SkipSpace();
		return pos_ >= line_.size() || line_[pos_] == '#';
	}
	bool Consume(char c)
	{
		SkipSpace();
		if (pos_ < line_.size() && line_[pos_] == c)
		{
			pos_++;
			return true;
		}
		return false;
	}

	/* A setting name: an identifier, optionally qualified with dots. */
	bool Name(std::string *out)
	{
		SkipSpace();
		size_t start = pos_;
		for (;;)
		{
			if (pos_ >= line_.size() || !IsLetter(line_[pos_]))
				return Fail(start);
			while (pos_ < line_.size() && (IsLetterOrDigit(line_[pos_]) || line_[pos_] == '$'))
				pos_++;
			if (pos_ < line_.size() && line_[pos_] == '.')
			{
				pos_++;
				continue;
			}
			break;
		}
		*out = line_.substr(start, pos_ - start);
		return true;
	}

	/* A value token; *quoted tells whether it was a quoted string. */
	bool Value(std::string *out)
	{
		SkipSpace();
		size_t start = pos_;
		if (pos_ >= line_.size() || line_[pos_] == '#')
			return false;
		char c = line_[pos_];
		if (c == '\'')
			return QuotedString(out);
		if (IsLetter(c))
		{
			while (pos_ < line_.size() &&
				   (IsLetterOrDigit(line_[pos_]) || strchr("-._:/", line_[pos_]) != nullptr))
				pos_++;
			*out = line_.substr(start, pos_ - start);
			return true;
		}
		if (Number())
		{
			*out = line_.substr(start, pos_ - start);
			return true;
		}
		return Fail(start);
	}

	/* The token at the current position, for an error message. */
	std::string TokenHere()
	{
		SkipSpace();
		if (pos_ >= line_.size())
			return "";
		size_t end = pos_ + 1;
		while (end < line_.size() && !isspace(static_cast<unsigned char>(line_[end])) &&
			   IsLetterOrDigit(line_[end]) == IsLetterOrDigit(line_[pos_]))
			end++;
		return line_.substr(pos_, end - pos_);
	}

  private:
	bool Fail(size_t start)
	{
		pos_ = start;
		return false;
	}

	bool Number()
	{
		size_t start = pos_;
		if (line_[pos_] == '+' || line_[pos_] == '-')
			pos_++;
		auto digits = [&] {
			size_t s = pos_;
			while (pos_ < line_.size() && isdigit(static_cast<unsigned char>(line_[pos_])))
				pos_++;
			return pos_ > s;
		};
		if (line_.compare(pos_, 2, "0x") == 0 || line_.compare(pos_, 2, "0X") == 0)
		{
			pos_ += 2;
			size_t s = pos_;
			while (pos_ < line_.size() && isxdigit(static_cast<unsigned char>(line_[pos_])))
				pos_++;
			if (pos_ == s)
				return Fail(start);
		}
		else
		{
			bool int_part = digits();
			bool frac_part = false;
			if (pos_ < line_.size() && line_[pos_] == '.')
			{
				pos_++;
				frac_part = digits();
			}
			if (!int_part && !frac_part)
				return Fail(start);
			if (pos_ < line_.size() && (line_[pos_] == 'e' || line_[pos_] == 'E'))
			{
				size_t save = pos_;
				pos_++;
				if (pos_ < line_.size() && (line_[pos_] == '+' || line_[pos_] == '-'))
					pos_++;
				if (!digits())
					pos_ = save;
			}
		}
		/* A unit follows immediately: letters only. */
		while (pos_ < line_.size() && isalpha(static_cast<unsigned char>(line_[pos_])))
			pos_++;
		return true;
	}

	bool QuotedString(std::string *out)
	{
		size_t start = pos_;
		pos_++; /* opening quote */
		std::string value;
		while (pos_ < line_.size())
		{
			char c = line_[pos_++];
			if (c == '\'')
			{
				if (pos_ < line_.size() && line_[pos_] == '\'')
				{
					value += '\'';
					pos_++;
					continue;
				}
				*out = value;
				return true;
			}
			if (c != '\\' || pos_ >= line_.size())
			{
				value += c;
				continue;
			}
			char e = line_[pos_++];
			switch (e)
			{
				case 'b':
					value += '\b';
					break;
				case 'f':
					value += '\f';
					break;
				case 'n':
					value += '\n';
					break;
				case 'r':
					value += '\r';
					break;
				case 't':
					value += '\t';
					break;
				case '0':
				case '1':
				case '2':
				case '3':
				case '4':
				case '5':
				case '6':
				case '7':
				{
					int octal = e - '0';
					for (int k = 0;
						 k < 2 && pos_ < line_.size() && line_[pos_] >= '0' && line_[pos_] <= '7';
						 k++)
						octal = octal * 8 + (line_[pos_++] - '0');
					value += static_cast<char>(octal);
					break;
				}
				default:
					value += e;
					break;
			}
		}
		return Fail(start); /* unterminated */
	}

	const std::string &line_;
	size_t pos_ = 0;
};

std::string ResolveRelative(const std::string &location, const std::string &calling_file)
{
	if (!location.empty() && location[0] == '/')
		return location;
	return common::DirName(calling_file) + "/" + location;
}

bool ParseConfigDirectory(const std::string &dirpath, int depth, int elevel,
						  std::vector<ConfigItem> &items)
{
	DIR *dir = opendir(dirpath.c_str());
	if (dir == nullptr)
	{
		ereport(elevel, errcode_for_file_access(),
				errmsg("could not open configuration directory \"%s\": %m", dirpath.c_str()));
		return false;
	}
	std::vector<std::string> files;
	while (struct dirent *de = readdir(dir))
	{
		std::string name = de->d_name;
		if (name.empty() || name[0] == '.' || name.size() <= 5 ||
			name.compare(name.size() - 5, 5, ".conf") != 0)
			continue;
		std::string path = dirpath + "/" + name;
		struct stat st;
		if (stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
			files.push_back(path);
	}
	closedir(dir);
	std::sort(files.begin(), files.end());
	bool ok = true;
	for (const std::string &f : files)
		ok = ParseConfigFile(f, true, depth, elevel, items) && ok;
	return ok;
}

}  // namespace

bool ParseConfigFile(const std::string &path, bool strict, int depth, int elevel,
					 std::vector<ConfigItem> &items)
{
	if (depth > kMaxIncludeDepth)
	{
		ereport(elevel, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("could not open configuration file \"%s\": maximum nesting depth exceeded",
					   path.c_str()));
		return false;
	}
	std::ifstream in(path);
	if (!in)
	{
		if (!strict)
		{
			ereport(LOG, errmsg("skipping missing configuration file \"%s\"", path.c_str()));
			return true;
		}
		ereport(elevel, errcode_for_file_access(),
				errmsg("could not open configuration file \"%s\": %m", path.c_str()));
		return false;
	}

	bool ok = true;
	int syntax_errors = 0;
	std::string line;
	for (int lineno = 1; std::getline(in, line); lineno++)
	{
		LineScanner scan(line);
		if (scan.AtEnd())
			continue;
		std::string name, value;
		bool good = scan.Name(&name);
		if (good)
		{
			(void) scan.Consume('=');
			good = scan.Value(&value) && scan.AtEnd();
		}
		if (!good)
		{
			std::string token = scan.TokenHere();
			if (token.empty() || token[0] == '#')
				ereport(elevel, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("syntax error in file \"%s\" line %u, near end of line",
							   path.c_str(), static_cast<unsigned>(lineno)));
			else
				ereport(elevel, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("syntax error in file \"%s\" line %u, near token \"%s\"",
							   path.c_str(), static_cast<unsigned>(lineno), token.c_str()));
			ok = false;
			if (++syntax_errors >= kMaxSyntaxErrors)
			{
				ereport(elevel, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("too many syntax errors found, abandoning file \"%s\"",
							   path.c_str()));
				break;
			}
			continue;
		}

		if (NamesEqual(name, "include_dir"))
			ok = ParseConfigDirectory(ResolveRelative(value, path), depth + 1, elevel, items) && ok;
		else if (NamesEqual(name, "include_if_exists"))
			ok = ParseConfigFile(ResolveRelative(value, path), false, depth + 1, elevel, items) &&
				ok;
		else if (NamesEqual(name, "include"))
			ok = ParseConfigFile(ResolveRelative(value, path), true, depth + 1, elevel, items) &&
				ok;
		else
			items.push_back(ConfigItem{name, value, path, lineno});
	}
	return ok;
}

}  // namespace tusk::guc
