#!/usr/bin/env python3
"""import_pg_catalog.py -- one-time importer of PostgreSQL 15's catalog facts.

Purpose: Tusk's system catalogs have PostgreSQL 15's names, OIDs, columns
and built-in rows.  PostgreSQL states those facts in its source tree, in the
CATALOG(...) declarations of src/include/catalog/pg_*.h and in the rows of
src/include/catalog/pg_*.dat.  This script reads them once and writes them
in Tusk's own format, which is what the build uses from then on:

  backend/catalog/schema/catalogs.json   every catalog: name, OID, row type,
                                         shared/bootstrap flags, columns in
                                         order (SQL type, C type, default,
                                         lookup target, NOT NULL, whether
                                         the column is in the C struct),
                                         indexes, TOAST OIDs, OID macros,
                                         client-visible constants; and the
                                         server encodings' numbers
  backend/catalog/data/<catalog>.jsonl   one JSON object per built-in row:
                                         the fields the .dat file gives
                                         (defaults omitted, references to
                                         other rows still by name), plus the
                                         metadata oid_symbol, array_type_oid
                                         and descr where present

Role: nothing at build time runs this script; backend/catalog/gen_catalog.py
reads the files it writes.  It is checked in so that the import can be
repeated, e.g. for a new PostgreSQL minor release:

  python3 backend/catalog/import_pg_catalog.py /path/to/postgresql-15.x
  git diff backend/catalog/schema backend/catalog/data   # review, then commit

(The argument is the top of an unpacked PostgreSQL source tree; the script
finds its own output folders next to itself.)  It uses only the Python 3
standard library.  Only facts are imported -- names, numbers, types, the
rows' values and their descriptions -- never PostgreSQL's comments or code:
comments are stripped while the headers are read, and of the headers'
client-code sections only object-like #define constants (a name and a
number or character) and enum members are kept.

Principal entry point: main().  See also doc/catalog/README.md.
"""

import json
import os
import re
import sys

# C type names whose SQL type has another name (the rest are the same).
C_TO_SQL_TYPE = {
    'int16': 'int2',
    'int32': 'int4',
    'int64': 'int8',
    'Oid': 'oid',
    'NameData': 'name',
    'TransactionId': 'xid',
    'XLogRecPtr': 'pg_lsn',
}


def fail(msg):
    sys.stderr.write('import_pg_catalog.py: %s\n' % msg)
    sys.exit(1)


def read_text(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def strip_c_comments(text):
    """Remove /* ... */ and // comments, keeping line structure."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            if j < 0:
                fail('unterminated comment')
            # keep the newlines so that line-based parsing still works
            out.append('\n' * text.count('\n', i, j))
            i = j + 2
        elif text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
        elif text[i] in '"\'':
            q = text[i]
            j = i + 1
            while j < n and text[j] != q:
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


def parse_options(opts, colname):
    """The BKI_* words after a column's name."""
    col = {}
    pos = 0
    opt_re = re.compile(r'\s*(BKI_\w+)(?:\((.*?)\))?(?=\s|$)')
    while pos < len(opts):
        m = opt_re.match(opts, pos)
        if not m:
            fail('cannot parse options %r of column %s' % (opts, colname))
        pos = m.end()
        word, arg = m.group(1), m.group(2)
        if word == 'BKI_FORCE_NULL':
            col['force'] = 'null'
        elif word == 'BKI_FORCE_NOT_NULL':
            col['force'] = 'not_null'
        elif word in ('BKI_DEFAULT', 'BKI_ARRAY_DEFAULT'):
            val = arg.strip()
            if len(val) >= 2 and val[0] == val[-1] and val[0] in '\'"':
                val = val[1:-1]
            key = 'default' if word == 'BKI_DEFAULT' else 'array_default'
            if val == '_null_':
                col[key] = None
            elif val == '\\0':
                col[key] = ''
            else:
                col[key] = val
        elif word in ('BKI_LOOKUP', 'BKI_LOOKUP_OPT'):
            col['lookup'] = arg.strip()
            if word == 'BKI_LOOKUP_OPT':
                col['lookup_opt'] = True
        else:
            fail('unknown column option %s on column %s' % (word, colname))
    return col


def parse_index_decl(decl, where):
    m = re.match(r'on\s+(\w+)\s+using\s+(\w+)\s*\((.*)\)\s*$', decl.strip())
    if not m:
        fail('cannot parse index declaration %r in %s' % (decl, where))
    keys = []
    for part in m.group(3).split(','):
        words = part.split()
        if len(words) != 2:
            fail('cannot parse index key %r in %s' % (part, where))
        keys.append({'column': words[0], 'opclass': words[1]})
    return m.group(1), m.group(2), keys


def parse_client_code(lines, where):
    """Object-like #defines whose value is a constant expression (numbers,
    characters, other constants, shifts and ors), and enum members."""
    constants = []
    enums = []
    text = strip_c_comments('\n'.join(lines)).replace('\\\n', ' ')
    value_re = r"('(?:\\.|[^'\\])'|-?\d+|0x[0-9A-Fa-f]+)"
    for m in re.finditer(r'^\s*#define\s+(\w+)[ \t]+(.+?)\s*$', text, re.M):
        value = ' '.join(m.group(2).split())
        if not re.fullmatch(r"[\w\s()|<']+|'\\0'", value) or re.search(r'\w\s*\(', value):
            fail('%s: #define %s has a value that is not a constant' % (where, m.group(1)))
        constants.append({'name': m.group(1), 'value': value})
    for m in re.finditer(r'typedef\s+enum\s+(\w+)\s*\{(.*?)\}\s*(\w+)\s*;', text, re.S):
        members = []
        for item in m.group(2).split(','):
            item = item.strip()
            if not item:
                continue
            mm = re.match(r'(\w+)\s*(?:=\s*' + value_re + r')?$', item)
            if not mm:
                fail('cannot parse enum member %r in %s' % (item, where))
            members.append({'name': mm.group(1), 'value': mm.group(2)})
        enums.append({'name': m.group(3), 'members': members})
    return constants, enums


def parse_header(path):
    """One catalog header: its CATALOG declaration and what goes with it."""
    raw = read_text(path)
    where = os.path.basename(path)

    # The client-code sections, taken before comments are stripped so that
    # their #if nesting can be followed line by line.
    client_lines = []
    depth = 0
    for line in raw.split('\n'):
        if depth == 0:
            if re.match(r'#ifdef\s+EXPOSE_TO_CLIENT_CODE', line):
                depth = 1
            continue
        if re.match(r'\s*#\s*if', line):
            depth += 1
        elif re.match(r'\s*#\s*endif', line):
            depth -= 1
            if depth == 0:
                continue
        client_lines.append(line)

    text = strip_c_comments(raw)
    cat = None
    in_struct = False
    varlen = False
    for line in text.split('\n'):
        s = ' '.join(line.split())
        if not s:
            continue
        m = re.match(r'CATALOG\((\w+),(\d+),(\w+)\)(.*)', s)
        if m:
            cat = {
                'name': m.group(1),
                'oid': int(m.group(2)),
                'oid_macro': m.group(3),
            }
            rest = m.group(4)
            rm = re.search(r'BKI_ROWTYPE_OID\((\d+),(\w+)\)', rest)
            if rm:
                cat['rowtype_oid'] = int(rm.group(1))
                cat['rowtype_oid_macro'] = rm.group(2)
            cat['shared'] = 'BKI_SHARED_RELATION' in rest
            cat['bootstrap'] = 'BKI_BOOTSTRAP' in rest
            cat['columns'] = []
            cat['indexes'] = []
            cat['toast'] = None
            cat['other_oids'] = []
            cat['foreign_keys'] = []
            in_struct = True
            continue
        if in_struct:
            if s.startswith('#ifdef CATALOG_VARLEN'):
                varlen = True
                continue
            if s.startswith('#') or s == '{':
                continue
            if s.startswith('}'):
                in_struct = False
                continue
            s = s.rstrip(';').strip()
            m = re.match(r'(\w+)\s+(\w+)(\[\d*\])?\s*(.*)$', s)
            if not m:
                fail('cannot parse column %r in %s' % (s, where))
            ctype, name, is_array, opts = m.groups()
            sqltype = C_TO_SQL_TYPE.get(ctype, ctype)
            if is_array:
                sqltype = '_' + sqltype
            col = {'name': name, 'type': sqltype, 'c_type': ctype}
            col.update(parse_options(opts, name))
            col['in_struct'] = not varlen
            cat['columns'].append(col)
            continue
        m = re.match(r'DECLARE_TOAST\(\s*(\w+),\s*(\d+),\s*(\d+)\)', s)
        if m:
            cat['toast'] = {'oid': int(m.group(2)), 'index_oid': int(m.group(3))}
            continue
        m = re.match(r'DECLARE_TOAST_WITH_MACRO\(\s*(\w+),\s*(\d+),\s*(\d+),\s*(\w+),\s*(\w+)\)',
                     s)
        if m:
            cat['toast'] = {
                'oid': int(m.group(2)),
                'index_oid': int(m.group(3)),
                'oid_macro': m.group(4),
                'index_oid_macro': m.group(5),
            }
            continue
        m = re.match(r'DECLARE_(UNIQUE_)?INDEX(_PKEY)?\(\s*(\w+),\s*(\d+),\s*(\w+),\s*(.+)\)', s)
        if m:
            table, am, keys = parse_index_decl(m.group(6), where)
            if table != cat['name']:
                fail('index %s of %s is declared in %s' % (m.group(3), table, where))
            cat['indexes'].append({
                'name': m.group(3),
                'oid': int(m.group(4)),
                'oid_macro': m.group(5),
                'unique': bool(m.group(1)),
                'primary': bool(m.group(2)),
                'am': am,
                'keys': keys,
            })
            continue
        m = re.match(r'DECLARE_OID_DEFINING_MACRO\(\s*(\w+),\s*(\d+)\)', s)
        if m:
            cat['other_oids'].append({'name': m.group(1), 'oid': int(m.group(2))})
            continue
        m = re.match(r'DECLARE_(ARRAY_)?FOREIGN_KEY(_OPT)?'
                     r'\(\s*\(([^)]+)\),\s*(\w+),\s*\(([^)]+)\)\)', s)
        if m:
            cat['foreign_keys'].append({
                'columns': [c.strip() for c in m.group(3).split(',')],
                'references': m.group(4),
                'ref_columns': [c.strip() for c in m.group(5).split(',')],
                'array': bool(m.group(1)),
                'optional': bool(m.group(2)),
            })
            continue
        if s.startswith('DECLARE_'):
            fail('unrecognised declaration %r in %s' % (s, where))
    if cat is None:
        return None
    cat['constants'], cat['enums'] = parse_client_code(client_lines, where)
    return cat


class DatParser:
    """Reads a .dat file: a list of hashes of quoted strings, as
    key => 'value' pairs, with '#' comment lines between them."""

    def __init__(self, text, where):
        self.t = text
        self.i = 0
        self.where = where

    def error(self, msg):
        line = self.t.count('\n', 0, self.i) + 1
        fail('%s line %d: %s' % (self.where, line, msg))

    def skip(self):
        t = self.t
        while self.i < len(t):
            c = t[self.i]
            if c in ' \t\r\n':
                self.i += 1
            elif c == '#':
                j = t.find('\n', self.i)
                self.i = len(t) if j < 0 else j
            else:
                break

    def expect(self, s):
        self.skip()
        if not self.t.startswith(s, self.i):
            self.error('expected %r' % s)
        self.i += len(s)

    def peek(self):
        self.skip()
        return self.t[self.i] if self.i < len(self.t) else ''

    def string(self):
        self.expect("'")
        out = []
        t = self.t
        while True:
            if self.i >= len(t):
                self.error('unterminated string')
            c = t[self.i]
            if c == '\\' and self.i + 1 < len(t) and t[self.i + 1] in "\\'":
                out.append(t[self.i + 1])
                self.i += 2
            elif c == "'":
                self.i += 1
                return ''.join(out)
            else:
                out.append(c)
                self.i += 1

    def bareword(self):
        self.skip()
        m = re.compile(r'\w+').match(self.t, self.i)
        if not m:
            self.error('expected a field name')
        self.i = m.end()
        return m.group(0)

    def rows(self):
        self.expect('[')
        rows = []
        while self.peek() == '{':
            self.i += 1
            row = {}
            while self.peek() != '}':
                key = self.bareword()
                self.expect('=>')
                if key in row:
                    self.error('field %s given twice' % key)
                row[key] = self.string()
                if self.peek() == ',':
                    self.i += 1
            self.i += 1
            rows.append(row)
            if self.peek() == ',':
                self.i += 1
        self.expect(']')
        self.skip()
        if self.i != len(self.t):
            self.error('text after the closing bracket')
        return rows


METADATA_FIELDS = ('oid_symbol', 'array_type_oid', 'descr')


def convert_rows(cat, rows, where):
    """Order each row's fields (oid, metadata, then columns in order) and
    turn _null_ into JSON null.  Values stay the text the .dat gives."""
    colnames = [c['name'] for c in cat['columns']]
    out = []
    for row in rows:
        if row.get('autogenerated'):
            continue
        for key in row:
            if key not in colnames and key not in METADATA_FIELDS:
                fail('%s: unknown field %s' % (where, key))
        conv = {}
        order = (['oid'] if 'oid' in colnames else []) + list(METADATA_FIELDS) + \
            [c for c in colnames if c != 'oid']
        for key in order:
            if key in row:
                val = row[key]
                conv[key] = None if val == '_null_' else val
        out.append(conv)
    return out


def parse_encodings(path):
    text = strip_c_comments(read_text(path))
    m = re.search(r'typedef\s+enum\s+pg_enc\s*\{(.*?)\}\s*pg_enc\s*;', text, re.S)
    if not m:
        fail('no enum pg_enc in %s' % path)
    encodings = []
    number = 0
    for item in m.group(1).split(','):
        item = item.strip()
        if not item:
            continue
        mm = re.match(r'(\w+)\s*(?:=\s*(\d+))?$', item)
        if not mm:
            fail('cannot parse encoding %r' % item)
        if mm.group(2) is not None:
            number = int(mm.group(2))
        if mm.group(1) == '_PG_LAST_ENCODING_':
            break
        encodings.append({'name': mm.group(1), 'number': number})
        number += 1
    return encodings


def compute_not_null(catalogs, type_rows):
    """attnotnull as PostgreSQL's bootstrap sets it: forced either way by
    BKI_FORCE_(NOT_)NULL, else NOT NULL exactly when the column and every
    column before it is fixed-width and NOT NULL (the columns C code may
    reach through the struct)."""
    typlen = {}
    for r in type_rows:
        typlen[r['typname']] = r.get('typlen')
    for cat in catalogs:
        prior_fixed = True
        for col in cat['columns']:
            t = col['type']
            if t.startswith('_'):
                fixed = False
            else:
                if t not in typlen:
                    fail('column %s.%s has unknown type %s' % (cat['name'], col['name'], t))
                ln = typlen[t]
                fixed = ln == 'NAMEDATALEN' or (ln is not None and int(ln) > 0)
            force = col.pop('force', None)
            if force == 'not_null':
                nn = True
            elif force == 'null':
                nn = False
            else:
                nn = prior_fixed and fixed
            if force:
                col['forced'] = True
            col['not_null'] = nn
            prior_fixed = prior_fixed and nn and fixed


def bootstrap_order(pgsrc):
    mk = read_text(os.path.join(pgsrc, 'src', 'backend', 'catalog', 'Makefile'))
    m = re.search(r'^CATALOG_HEADERS\s*:=((?:.*\\\n)*.*)$', mk, re.M)
    if not m:
        fail('no CATALOG_HEADERS in src/backend/catalog/Makefile')
    return m.group(1).replace('\\\n', ' ').split()


def read_version(pgsrc):
    conf = os.path.join(pgsrc, 'configure')
    if os.path.exists(conf):
        m = re.search(r"^PACKAGE_VERSION='([^']+)'", read_text(conf), re.M)
        if m:
            return m.group(1)
    return 'unknown'


# Type names system_functions.sql spells differently from pg_type.typname.
SQL_TYPE_ALIASES = {'integer': 'int4', 'int': 'int4', 'bigint': 'int8', 'smallint': 'int2',
                    'boolean': 'bool', 'double precision': 'float8', 'real': 'float4',
                    'character varying': 'varchar', 'decimal': 'numeric'}


def split_top_level(text):
    """text split at the commas outside parentheses."""
    depth = 0
    cur = ''
    out = []
    for ch in text:
        if ch == '(':
            depth += 1
        elif ch == ')':
            depth -= 1
        if ch == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def sql_function_definitions(text):
    """The LANGUAGE sql functions system_functions.sql (re)defines, as
    (name, input types joined by spaces, options text, body): the body of
    `RETURN expr` as `SELECT expr`, that of BEGIN ATOMIC ... END as its
    statements."""
    text = re.sub(r'--[^\n]*', '', text)
    defs = []
    for m in re.finditer(r'CREATE OR REPLACE FUNCTION\s+', text):
        rest = text[m.end():]
        stop = re.search(r'BEGIN ATOMIC|;\s*$', rest, re.M)
        if stop.group(0) == 'BEGIN ATOMIC':
            end = re.search(r'^\s*END;', rest[stop.end():], re.M)
            stmt = rest[:stop.end() + end.end()]
        else:
            stmt = rest[:stop.start()]
        head = re.match(r'("?)(\w+)\1\s*\(', stmt)
        if not head:
            fail('system_functions.sql: cannot read %r' % stmt[:60])
        depth = 0
        close = len(stmt)
        for i in range(head.end() - 1, len(stmt)):
            if stmt[i] == '(':
                depth += 1
            elif stmt[i] == ')':
                depth -= 1
                if depth == 0:
                    close = i
                    break
        tail = stmt[close + 1:]
        lang = re.search(r'\bLANGUAGE\s+(\w+)', tail, re.I)
        if not lang or lang.group(1).lower() != 'sql':
            continue
        intypes = []
        for arg in split_top_level(stmt[head.end():close]):
            words = arg.split()
            if words[0].upper() == 'OUT':
                continue
            if words[0].upper() in ('IN', 'VARIADIC'):
                words = words[1:]
            words = re.split(r'\s+DEFAULT\s+', ' '.join(words), flags=re.I)[0].split()
            typ = ' '.join(words)
            if typ not in SQL_TYPE_ALIASES and len(words) > 1:
                typ = ' '.join(words[1:])  # a named argument
            intypes.append(SQL_TYPE_ALIASES.get(typ, typ))
        atomic = re.search(r'\bBEGIN ATOMIC\b(.*)^\s*END;', tail, re.S | re.M)
        if atomic:
            body = atomic.group(1).strip()
            opts = tail[:atomic.start()]
        else:
            ret = re.search(r'^RETURN\s', tail, re.M)
            body = 'SELECT ' + tail[ret.end():].strip()
            opts = tail[:ret.start()]
        defs.append((head.group(2), ' '.join(intypes), opts, body))
    return defs


def apply_system_functions(pgsrc, procs):
    """PostgreSQL's initdb replaces the pg_proc rows whose prosrc is 'see
    system_functions.sql' by running that file's CREATE OR REPLACE
    FUNCTION statements, which store the body as a parsed tree
    (prosqlbody).  Tusk's bootstrap has no SQL phase: the body is stored as
    SQL text in prosrc instead (as PostgreSQL did before version 14), and
    the statement's options (volatility, strictness, parallel safety,
    cost) are applied to the row."""
    path = os.path.join(pgsrc, 'src', 'backend', 'catalog', 'system_functions.sql')
    wanted = {(r['proname'], r.get('proargtypes', '')): r for r in procs
              if r.get('prosrc') == 'see system_functions.sql'}
    for name, types, opts, body in sql_function_definitions(read_text(path)):
        row = wanted.pop((name, types), None)
        if row is None:
            fail('system_functions.sql defines %s(%s), which pg_proc.dat lacks' % (name, types))
        o = opts.upper()
        vol = 'i' if 'IMMUTABLE' in o else 's' if 'STABLE' in o else 'v'
        strict = 't' if ('STRICT' in o or 'RETURNS NULL ON NULL INPUT' in o) else 'f'
        par = 's' if 'PARALLEL SAFE' in o else 'r' if 'PARALLEL RESTRICTED' in o else 'u'
        cost = re.search(r'\bCOST\s+(\d+)', o)
        # Omitted fields take pg_proc.dat's defaults (immutable, strict,
        # parallel safe, cost 1).
        for key, value, default in (('provolatile', vol, 'i'), ('proisstrict', strict, 't'),
                                    ('proparallel', par, 's'),
                                    ('procost', cost.group(1) if cost else '100', '1')):
            if value == default:
                row.pop(key, None)
            else:
                row[key] = value
        row['prosrc'] = body
    if wanted:
        fail('pg_proc.dat rows not defined by system_functions.sql: %s' % sorted(wanted))


def main(argv):
    if len(argv) != 2 or argv[1] in ('-h', '--help'):
        sys.stderr.write('usage: import_pg_catalog.py POSTGRESQL_SOURCE_TREE\n')
        return 2
    pgsrc = argv[1]
    catdir = os.path.join(pgsrc, 'src', 'include', 'catalog')
    if not os.path.isdir(catdir):
        fail('%s has no src/include/catalog' % pgsrc)
    here = os.path.dirname(os.path.abspath(__file__))
    version = read_version(pgsrc)
    if not version.startswith('15.'):
        fail('expected a PostgreSQL 15 source tree, found version %s' % version)

    # The catalogs in the order PostgreSQL's bootstrap creates them (its
    # catalog Makefile's list), which decides the OIDs creation assigns.
    order = bootstrap_order(pgsrc)
    declared = [f for f in sorted(os.listdir(catdir)) if f.startswith('pg_') and f.endswith('.h')
                and re.search(r'^CATALOG\(', read_text(os.path.join(catdir, f)),
                              re.M)]
    if sorted(order) != declared:
        fail('the catalog Makefile lists %s, the headers declare %s' % (order, declared))
    catalogs = []
    data = {}
    for fname in order:
        cat = parse_header(os.path.join(catdir, fname))
        if cat['name'] + '.h' != fname:
            fail('%s declares catalog %s' % (fname, cat['name']))
        catalogs.append(cat)
        dat = os.path.join(catdir, cat['name'] + '.dat')
        if os.path.exists(dat):
            rows = DatParser(read_text(dat), cat['name'] + '.dat').rows()
            data[cat['name']] = convert_rows(cat, rows, cat['name'] + '.dat')

    compute_not_null(catalogs, data['pg_type'])
    apply_system_functions(pgsrc, data['pg_proc'])
    encodings = parse_encodings(os.path.join(pgsrc, 'src', 'include', 'mb', 'pg_wchar.h'))

    # Key order inside each catalog object, for a readable file.
    ordered = []
    for cat in catalogs:
        o = {}
        for k in ('name', 'oid', 'oid_macro', 'rowtype_oid', 'rowtype_oid_macro', 'shared',
                  'bootstrap', 'columns', 'indexes', 'toast', 'other_oids', 'foreign_keys',
                  'constants', 'enums'):
            if k in cat:
                o[k] = cat[k]
        ordered.append(o)

    schema = {
        'postgresql_version': version,
        'encodings': encodings,
        'catalogs': ordered,
    }
    os.makedirs(os.path.join(here, 'schema'), exist_ok=True)
    with open(os.path.join(here, 'schema', 'catalogs.json'), 'w', encoding='utf-8') as f:
        write_schema(f, schema)

    datadir = os.path.join(here, 'data')
    os.makedirs(datadir, exist_ok=True)
    for old in os.listdir(datadir):
        if old.endswith('.jsonl') and old[:-6] not in data:
            os.remove(os.path.join(datadir, old))
    for name, rows in data.items():
        with open(os.path.join(datadir, name + '.jsonl'), 'w', encoding='utf-8') as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + '\n')
    sys.stdout.write('imported PostgreSQL %s: %d catalogs, %d data files, %d rows\n' %
                     (version, len(catalogs), len(data), sum(len(r) for r in data.values())))
    return 0


def write_schema(f, schema):
    """JSON with one column, index or constant per line: indented enough
    to read and diff, compact enough to scroll."""
    def one(v):
        return json.dumps(v, ensure_ascii=False)

    f.write('{\n')
    f.write('  "postgresql_version": %s,\n' % one(schema['postgresql_version']))
    f.write('  "encodings": [\n')
    f.write(',\n'.join('    ' + one(e) for e in schema['encodings']))
    f.write('\n  ],\n')
    f.write('  "catalogs": [\n')
    cats = []
    for cat in schema['catalogs']:
        parts = []
        for k, v in cat.items():
            if isinstance(v, list) and v:
                items = ',\n'.join('        ' + one(x) for x in v)
                parts.append('      %s: [\n%s\n      ]' % (one(k), items))
            else:
                parts.append('      %s: %s' % (one(k), one(v)))
        cats.append('    {\n' + ',\n'.join(parts) + '\n    }')
    f.write(',\n'.join(cats))
    f.write('\n  ]\n}\n')


if __name__ == '__main__':
    sys.exit(main(sys.argv))
