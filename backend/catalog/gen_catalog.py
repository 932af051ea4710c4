#!/usr/bin/env python3
"""gen_catalog.py -- derive the system catalogs' C++ and headers from data.

Purpose: the system catalogs are described once, as data, in
backend/catalog/schema/catalogs.json (every catalog's columns, indexes,
OID macros) and backend/catalog/data/<catalog>.jsonl (the built-in rows,
with references to other rows by name).  This build-time generator turns
them into everything the server compiles against, as PostgreSQL's
genbki.pl and Gen_fmgrtab.pl do for their catalog headers and .dat files:

  headers   catalog/pg_<name>_d.h for every catalog: OID macros of the
            catalog, its row type, indexes and rows (INT4OID ...), Anum_
            and Natts_ macros, the catalog's constants, and the C struct
            FormData_pg_<name> of its fixed-width prefix; and a thin
            catalog/pg_<name>.h that includes it (PostgreSQL's header
            name, which modules include)
  fmgr-headers
            utils/fmgroids.h (an F_ macro per pg_proc row) and
            utils/fmgrprotos.h (a C-linkage prototype per internal C
            function)
  bootstrap bootstrap_data.cpp: backend/catalog/bootstrap_data.h's tables,
            with every reference resolved to an OID and the rows the
            catalogs hold about themselves (pg_class, pg_attribute, row
            types, descriptions) added
  fmgrtab   fmgrtab.cpp: utils/fmgrtab.h's table of internal functions,
            pointing at the ones the given C++ sources define

Role: run by meson (include/catalog, include/utils and backend meson.build
files) as custom targets; Python 3.11 standard library only.  Usage:

  gen_catalog.py MODE --schema catalogs.json --data DATA.jsonl... \\
      [--catalogs NAME...] [--sources FILE...] --outdir DIR | --output FILE

--catalogs (headers mode) is the list meson expects outputs for; it must
match the schema, so a catalog added to the schema but not to meson is an
error rather than a missing header.  --data must name every .jsonl file
(meson's depend list); a data file the schema has no catalog for is an
error.

Principal entry points: main(), Catalogs (loading, defaults, lookups and
generated rows), write_headers(), write_fmgr_headers(), write_bootstrap(),
write_fmgrtab().  See doc/catalog/README.md.
"""

import argparse
import json
import os
import re
import sys

# Compile-time values the data names symbolically (c.h, fmgr.h: a 64-bit
# server with NAMEDATALEN 64 and by-value 8-byte types).
COMPILE_TIME_TOKENS = {
    'NAMEDATALEN': '64',
    'SIZEOF_POINTER': '8',
    'ALIGNOF_POINTER': 'd',
    'FLOAT8PASSBYVAL': 't',
}

# Values only an initdb run knows; bootstrap_data.h says how bootstrap
# substitutes each.
INITDB_TOKENS = ('POSTGRES', 'ENCODING', 'LC_COLLATE', 'LC_CTYPE', 'ICU_LOCALE',
                 'LOCALE_PROVIDER')

# genbki's range for OIDs the data leaves unassigned (access/transam.h's
# FirstGenbkiObjectId .. FirstUnpinnedObjectId - 1), counted per catalog.
FIRST_GENBKI_OID = 10000
FIRST_UNPINNED_OID = 12000

# PostgreSQL's system columns, attnum -1 .. -6.
SYSTEM_COLUMNS = (('ctid', 'tid'), ('xmin', 'xid'), ('cmin', 'cid'), ('xmax', 'xid'),
                  ('cmax', 'cid'), ('tableoid', 'oid'))

# Row types of bootstrap catalogs keep PostgreSQL's own macro names
# (TypeRelation_Rowtype_Id ...), not FOOOID ones.
NO_TYPE_SYMBOL = ('pg_type', 'pg_proc', 'pg_attribute', 'pg_class')

# C types of the fixed-width struct fields, and the headers defining them.
C_TYPE_HEADER = {'XLogRecPtr': 'access/xlogdefs.h'}
C_TYPE_SPELLING = {'timestamptz': 'TimestampTz'}

C_FUNCTION_DEF = re.compile(r'^(?:extern\s+"C"\s+)?Datum\s+(\w+)\s*\(\s*PG_FUNCTION_ARGS\s*\)\s*'
                            r'(?:\{.*)?$')


class GenError(Exception):
    pass


def write_file(path, text):
    """Write path whole (through a temporary, so an interrupted run leaves
    no half file).  Always rewritten: ninja has no restat for custom
    targets, so an untouched output would only make it run us again."""
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, path)


def c_string(s):
    """A C++ string literal holding s's UTF-8 bytes."""
    out = ['"']
    for b in s.encode('utf-8'):
        c = chr(b)
        if c == '"' or c == '\\':
            out.append('\\' + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append('\\%03o' % b)
    out.append('"')
    return ''.join(out)


class Catalogs:
    """The schema and data, with defaults filled in, rows generated and
    every reference resolved.  After __init__:

      self.cats     catalog name -> schema object (catalogs.json's)
      self.order    catalog names in bootstrap order (the schema's)
      self.rows     catalog name -> list of rows (dicts column -> text or
                    None), final values
      self.symbols  catalog name -> list of (macro, oid) for row OIDs
      self.procs    the pg_proc rows before resolution (for fmgr files)
    """

    def __init__(self, schema_path, data_paths):
        with open(schema_path, encoding='utf-8') as f:
            schema = json.load(f)
        self.cats = {c['name']: c for c in schema['catalogs']}
        self.encodings = {e['name']: str(e['number']) for e in schema['encodings']}
        # The schema lists the catalogs in PostgreSQL's bootstrap order.
        self.order = [c['name'] for c in schema['catalogs']]
        # The catalogs' TOAST tables (PostgreSQL's "declare toast"), with
        # their fixed OIDs: described like catalogs so that bootstrap makes
        # their files and the relation cache describes them from this data,
        # but with no row type, no rows and no header of their own.
        self.toasts = [self.toast_table(self.cats[name]) for name in self.order
                       if self.cats[name].get('toast')]
        self.next_oid = {}
        self.raw = {name: [] for name in self.cats}
        for path in data_paths:
            name = os.path.basename(path)
            if not name.endswith('.jsonl') or name[:-6] not in self.cats:
                raise GenError('%s: no catalog named %s in the schema' % (path, name[:-6]))
            with open(path, encoding='utf-8') as f:
                for lineno, line in enumerate(f, 1):
                    if line.strip():
                        row = json.loads(line)
                        row['_where'] = '%s:%d' % (name, lineno)
                        self.raw[name[:-6]].append(row)

        for name in self.order:
            for row in self.raw[name]:
                self.fill_defaults(name, row)
        self.generate_array_types()
        self.substitute_compile_time_tokens()
        self.types = {r['typname']: r for r in self.raw['pg_type']}
        self.generate_row_types()
        self.generate_pg_class()
        self.generate_pg_attribute()
        self.generate_pg_index()
        self.generate_descriptions()
        self.procs = [dict(r) for r in self.raw['pg_proc']]
        self.build_lookups()
        self.rows = {}
        self.symbols = {}
        for name in self.order:
            self.rows[name] = [self.resolve(name, r) for r in self.raw[name]]
            self.symbols[name] = self.row_symbols(name)

    # ---- defaults and generated rows ----

    @staticmethod
    def toast_table(cat):
        toast = cat['toast']
        name = 'pg_toast_%d' % cat['oid']
        cat['_toast_name'] = name
        return {'name': name, 'oid': toast['oid'], 'shared': cat['shared'], '_rowtype_oid': 0,
                'columns': [{'name': 'chunk_id', 'type': 'oid', 'not_null': True},
                            {'name': 'chunk_seq', 'type': 'int4', 'not_null': True},
                            {'name': 'chunk_data', 'type': 'bytea', 'not_null': True,
                             'storage': 'p'}],
                'indexes': [{'name': name + '_index', 'oid': toast['index_oid'], 'unique': True,
                             'primary': False, 'am': 'btree',
                             'keys': [{'column': 'chunk_id', 'opclass': 'oid_ops'},
                                      {'column': 'chunk_seq', 'opclass': 'int4_ops'}]}]}

    def assign_oid(self, catname):
        oid = self.next_oid.get(catname, FIRST_GENBKI_OID)
        if oid >= FIRST_UNPINNED_OID:
            raise GenError('out of genbki OIDs for %s' % catname)
        self.next_oid[catname] = oid + 1
        return str(oid)

    def fill_defaults(self, catname, row):
        """Give row every column: its own value, else one derived from
        others (pg_proc.pronargs), else the column's default."""
        cat = self.cats[catname]
        if catname == 'pg_proc' and 'proargtypes' in row:
            row['pronargs'] = str(len(row['proargtypes'].split()))
        missing = []
        for col in cat['columns']:
            n = col['name']
            if n in row:
                continue
            if n == 'oid':
                row['oid'] = self.assign_oid(catname)
            elif 'default' in col:
                row[n] = col['default']
            else:
                missing.append(n)
        if missing:
            raise GenError('%s: no value for %s' % (row.get('_where', catname), ', '.join(missing)))

    def generate_array_types(self):
        """A pg_type row per array_type_oid: the element's values, except
        where the column has an array default, cross-linked by typarray
        and typelem (by name, resolved later)."""
        cols = self.cats['pg_type']['columns']
        arrays = []
        for elem in self.raw['pg_type']:
            if 'array_type_oid' not in elem:
                continue
            arr = {'oid': elem['array_type_oid'], '_where': elem['_where'],
                   'typname': '_' + elem['typname'], 'typelem': elem['typname'],
                   'typalign': 'd' if elem['typalign'] == 'd' else 'i'}
            for col in cols:
                n = col['name']
                if n in arr:
                    continue
                arr[n] = col['array_default'] if 'array_default' in col else elem[n]
            elem['typarray'] = arr['typname']
            arrays.append(arr)
        self.raw['pg_type'].extend(arrays)
        self.array_type_names = {a['typname'] for a in arrays}

    def substitute_compile_time_tokens(self):
        for name in self.order:
            for row in self.raw[name]:
                for k, v in row.items():
                    if v in COMPILE_TIME_TOKENS and not k.startswith('_'):
                        row[k] = COMPILE_TIME_TOKENS[v]

    def generate_row_types(self):
        """Each catalog's composite type and its array, as creating the
        catalog makes them, unless the data holds them (the bootstrap
        catalogs').  A catalog without a fixed row-type OID gets one from
        the genbki range, as does every such array."""
        for name in self.order:
            if name in self.types:
                continue
            cat = self.cats[name]
            array_oid = self.assign_oid('pg_type')
            oid = str(cat['rowtype_oid']) if cat.get('rowtype_oid') else self.assign_oid('pg_type')
            comp = {'oid': oid, 'typname': name, 'typarray': '_' + name, 'typrelid': name,
                    '_where': 'row type of ' + name, '_rowtype': True}
            comp.update({'typlen': '-1', 'typbyval': 'f', 'typtype': 'c', 'typcategory': 'C',
                         'typinput': 'record_in', 'typoutput': 'record_out',
                         'typreceive': 'record_recv', 'typsend': 'record_send',
                         'typalign': 'd', 'typstorage': 'x'})
            self.fill_defaults('pg_type', comp)
            arr = {'oid': array_oid, 'typname': '_' + name, 'typelem': name,
                   '_where': 'array of row type of ' + name, '_rowtype': True}
            arr.update({'typlen': '-1', 'typbyval': 'f', 'typtype': 'b', 'typcategory': 'A',
                        'typalign': 'd', 'typstorage': 'x', 'typrelid': '0', 'typarray': '0',
                        'typinput': 'array_in', 'typoutput': 'array_out',
                        'typreceive': 'array_recv', 'typsend': 'array_send',
                        'typanalyze': 'array_typanalyze',
                        'typsubscript': 'array_subscript_handler'})
            self.fill_defaults('pg_type', arr)
            self.raw['pg_type'].extend([comp, arr])
            self.types[name] = comp
            self.types[arr['typname']] = arr
        for name in self.order:
            cat = self.cats[name]
            if cat.get('rowtype_oid') and self.types[name]['oid'] != str(cat['rowtype_oid']):
                raise GenError('row type of %s has OID %s in the data, %s in the schema' %
                               (name, self.types[name]['oid'], cat['rowtype_oid']))
            cat['_rowtype_oid'] = int(self.types[name]['oid'])

    def generate_pg_class(self):
        """A pg_class row per catalog; the data's rows (the bootstrap
        catalogs') supply only what they give."""
        given = {r['relname']: r for r in self.raw['pg_class']}
        rows = []
        for name in self.order:
            cat = self.cats[name]
            row = dict(given.get(name, {}))
            row.update({'oid': str(cat['oid']), 'relname': name, 'reltype': name,
                        'relfilenode': str(cat['oid']), 'relnatts': str(len(cat['columns'])),
                        'relisshared': 't' if cat['shared'] else 'f'})
            if cat['shared']:
                row['reltablespace'] = 'pg_global'
            if cat['indexes']:
                row['relhasindex'] = 't'
            if cat.get('toast'):
                row['reltoastrelid'] = cat['_toast_name']
            row.setdefault('_where', 'pg_class row of ' + name)
            self.fill_defaults('pg_class', row)
            rows.append(row)
        for t in self.toasts:
            row = {'oid': str(t['oid']), 'relname': t['name'], 'relnamespace': 'pg_toast',
                   'reltype': '0', 'relfilenode': str(t['oid']), 'relnatts': '3',
                   'relkind': 't', 'relhasindex': 't',
                   'relisshared': 't' if t['shared'] else 'f',
                   '_where': 'pg_class row of ' + t['name']}
            if t['shared']:
                row['reltablespace'] = 'pg_global'
            self.fill_defaults('pg_class', row)
            rows.append(row)
        for cat in [self.cats[name] for name in self.order] + self.toasts:
            for ix in cat['indexes']:
                row = {'oid': str(ix['oid']), 'relname': ix['name'], 'reltype': '0',
                       'relam': ix['am'], 'relfilenode': str(ix['oid']),
                       'relnatts': str(len(ix['keys'])), 'relkind': 'i',
                       'relisshared': 't' if cat['shared'] else 'f',
                       '_where': 'pg_class row of ' + ix['name']}
                if cat in self.toasts:
                    row['relnamespace'] = 'pg_toast'
                if cat['shared']:
                    row['reltablespace'] = 'pg_global'
                self.fill_defaults('pg_class', row)
                rows.append(row)
        self.raw['pg_class'] = rows

    def generate_pg_index(self):
        """A pg_index row per catalog index, as PostgreSQL's bootstrap
        writes them (valid, ready, live; no expressions, no predicate)."""
        rows = []
        for cat in [self.cats[name] for name in self.order] + self.toasts:
            name = cat['name']
            cols = {c['name']: (i, c) for i, c in enumerate(cat['columns'], 1)}
            for ix in cat['indexes']:
                keys, colls, ops = [], [], []
                for k in ix['keys']:
                    if k['column'] not in cols:
                        raise GenError('index %s: no column %s' % (ix['name'], k['column']))
                    attnum, col = cols[k['column']]
                    keys.append(str(attnum))
                    collatable = self.types[col['type']]['typcollation'] != '0'
                    colls.append('C' if collatable else '0')
                    ops.append('%s/%s' % (ix['am'], k['opclass']))
                row = {'indexrelid': ix['name'], 'indrelid': name,
                       'indnatts': str(len(keys)), 'indnkeyatts': str(len(keys)),
                       'indisunique': 't' if ix['unique'] else 'f',
                       'indnullsnotdistinct': 'f',
                       'indisprimary': 't' if ix['primary'] else 'f',
                       'indisexclusion': 'f', 'indimmediate': 't', 'indisclustered': 'f',
                       'indisvalid': 't', 'indcheckxmin': 'f', 'indisready': 't',
                       'indislive': 't', 'indisreplident': 'f', 'indkey': ' '.join(keys),
                       'indcollation': ' '.join(colls), 'indclass': ' '.join(ops),
                       'indoption': ' '.join('0' for _ in keys), 'indexprs': None,
                       'indpred': None, '_where': 'pg_index row of ' + ix['name']}
                self.fill_defaults('pg_index', row)
                rows.append(row)
        self.raw['pg_index'] = self.raw.get('pg_index', []) + rows

    def generate_pg_attribute(self):
        rows = []
        every = [self.cats[name] for name in self.order] + self.toasts
        for cat in every:
            name = cat['name']
            for attnum, col in enumerate(cat['columns'], 1):
                rows.append(self.attribute_row(name, col['name'], col['type'], attnum,
                                               col['not_null'], '-1', col.get('storage')))
            for i, (attname, typ) in enumerate(SYSTEM_COLUMNS):
                rows.append(self.attribute_row(name, attname, typ, -1 - i, True, '0'))
        for cat in every:
            types = {c['name']: c['type'] for c in cat['columns']}
            for ix in cat['indexes']:
                for attnum, k in enumerate(ix['keys'], 1):
                    rows.append(self.attribute_row(ix['name'], k['column'], types[k['column']],
                                                   attnum, False, '-1'))
        self.raw['pg_attribute'] = rows

    def attribute_row(self, relname, attname, typname, attnum, not_null, stattarget,
                      storage=None):
        t = self.types.get(typname)
        if t is None:
            raise GenError('column %s.%s has unknown type %s' % (relname, attname, typname))
        row = {'attrelid': relname, 'attname': attname, 'atttypid': typname,
               'attstattarget': stattarget, 'attlen': t['typlen'], 'attnum': str(attnum),
               'attndims': '1' if t['typcategory'] == 'A' else '0', 'attbyval': t['typbyval'],
               'attalign': t['typalign'], 'attstorage': storage or t['typstorage'],
               'attnotnull': 't' if not_null else 'f',
               'attcollation': 'C' if t['typcollation'] != '0' else '0',
               '_where': 'pg_attribute row of %s.%s' % (relname, attname)}
        self.fill_defaults('pg_attribute', row)
        return row

    def generate_descriptions(self):
        """pg_description / pg_shdescription rows from the data's descr."""
        desc, shdesc = [], []
        for name in self.order:
            cat = self.cats[name]
            for row in self.raw[name]:
                if 'descr' not in row:
                    continue
                if 'oid' not in row:
                    raise GenError('%s: a description needs an oid' % row['_where'])
                d = {'objoid': row['oid'], 'classoid': str(cat['oid']),
                     'description': row['descr'], '_where': row['_where']}
                if cat['shared']:
                    shdesc.append(d)
                else:
                    d['objsubid'] = '0'
                    desc.append(d)
        for d in desc:
            self.fill_defaults('pg_description', d)
        for d in shdesc:
            self.fill_defaults('pg_shdescription', d)
        self.raw['pg_description'] = desc
        self.raw['pg_shdescription'] = shdesc

    # ---- references ----

    def build_lookups(self):
        """Name -> OID for every catalog a column may look up in; keys as
        PostgreSQL's data spells references.  A name two rows share maps
        to None (ambiguous)."""
        def table(catname, key):
            t = {}
            for r in self.raw[catname]:
                k = key(r)
                t[k] = None if k in t else r['oid']
            return t

        L = {}
        simple = {'pg_am': 'amname', 'pg_authid': 'rolname', 'pg_class': 'relname',
                  'pg_collation': 'collname', 'pg_language': 'lanname',
                  'pg_namespace': 'nspname', 'pg_tablespace': 'spcname',
                  'pg_ts_config': 'cfgname', 'pg_ts_dict': 'dictname',
                  'pg_ts_parser': 'prsname', 'pg_ts_template': 'tmplname',
                  'pg_type': 'typname'}
        for catname, col in simple.items():
            L[catname] = table(catname, lambda r, col=col: r[col])
        L['pg_opclass'] = table('pg_opclass', lambda r: '%s/%s' % (r['opcmethod'], r['opcname']))
        L['pg_opfamily'] = table('pg_opfamily',
                                 lambda r: '%s/%s' % (r['opfmethod'], r['opfname']))
        L['pg_operator'] = table('pg_operator', lambda r: '%s(%s,%s)' %
                                 (r['oprname'], r['oprleft'], r['oprright']))
        procs = table('pg_proc', lambda r: r['proname'])
        procs.update(table('pg_proc', lambda r: '%s(%s)' %
                           (r['proname'], ','.join(r['proargtypes'].split()))))
        L['pg_proc'] = procs
        L['encoding'] = dict(self.encodings)
        self.lookups = L

    def lookup(self, catname, colname, target, optional, name, where):
        if name in ('-', '0'):
            if not optional:
                raise GenError('%s: %s.%s may not be zero' % (where, catname, colname))
            return '0'
        table = self.lookups.get(target)
        if table is None:
            raise GenError('%s.%s looks up in %s, which has no lookup' %
                           (catname, colname, target))
        oid = table.get(name)
        if oid is None:
            what = 'ambiguous' if name in table else 'unresolved'
            raise GenError('%s: %s reference "%s" in %s.%s' % (where, what, name, catname, colname))
        return oid

    def resolve(self, catname, row):
        """The row's final values in column order: references replaced by
        OIDs, initdb-time values by $TOKEN placeholders."""
        out = {}
        where = row['_where']
        for col in self.cats[catname]['columns']:
            n = col['name']
            v = row[n]
            target = col.get('lookup')
            if v is None or not target:
                if v in INITDB_TOKENS:
                    v = '$' + v
                out[n] = v
                continue
            opt = col.get('lookup_opt', False)
            if col['type'] == 'oidvector':
                v = ' '.join(self.lookup(catname, n, target, opt, x, where) for x in v.split())
            elif col['type'] == '_oid':
                inner = v.strip()
                if not (inner.startswith('{') and inner.endswith('}')):
                    raise GenError('%s: %s is not an array: %s' % (where, n, v))
                items = [x for x in inner[1:-1].split(',') if x]
                v = '{%s}' % ','.join(self.lookup(catname, n, target, opt, x, where)
                                      for x in items)
            else:
                v = self.lookup(catname, n, target, opt, v, where)
            out[n] = v
        return out

    def row_symbols(self, catname):
        """(macro, oid) for the rows' OID symbols: the data's oid_symbol,
        and for pg_type one derived from the name as PostgreSQL does
        (int4 -> INT4OID, _int4 -> INT4ARRAYOID)."""
        syms = []
        for row in self.raw[catname]:
            sym = row.get('oid_symbol')
            if catname == 'pg_type' and self.is_data_type(row):
                if sym:
                    raise GenError('%s: pg_type rows get their symbols from their names' %
                                   row['_where'])
                tn = row['typname']
                if tn not in NO_TYPE_SYMBOL:
                    if tn.startswith('_'):
                        sym = tn[1:].upper() + 'ARRAYOID'
                    else:
                        sym = tn.upper() + 'OID'
            if sym:
                syms.append((sym, row['oid']))
        return syms

    def is_data_type(self, row):
        """A pg_type row from the data or generated for one of its
        array_type_oids (not a catalog's row type made here)."""
        return not row.get('_rowtype')

    # ---- layout ----

    def column_info(self, col):
        """(typoid, len, byval, align, storage, collation) of a column."""
        t = self.types[col['type']]
        r = self.resolved_type(t)
        return (int(r['oid']), int(r['typlen']), r['typbyval'] == 't', r['typalign'],
                col.get('storage') or r['typstorage'], 950 if r['typcollation'] != '0' else 0)

    def resolved_type(self, t):
        if not hasattr(self, '_type_by_oid'):
            self._type_by_oid = {r['oid']: r for r in self.rows['pg_type']}
        return self._type_by_oid[t['oid']]


# ---------------------------------------------------------------- headers

def file_comment(path, purpose, lines=()):
    out = ['/*', ' * %s — %s' % (path, purpose), ' *',
           ' * Generated by backend/catalog/gen_catalog.py from backend/catalog/schema/',
           ' * and backend/catalog/data/; do not edit.']
    if lines:
        out.append(' *')
        out.extend(' * ' + l if l else ' *' for l in lines)
    out.append(' */')
    return '\n'.join(out) + '\n'


def guard(path):
    return 'TUSK_' + re.sub(r'\W', '_', path).upper()


def write_headers(C, outdir, expected):
    names = sorted(C.cats)
    if sorted(expected) != names:
        extra = sorted(set(names) - set(expected))
        gone = sorted(set(expected) - set(names))
        raise GenError('meson\'s catalog list differs from the schema: missing %s, unknown %s' %
                       (extra, gone))
    for name in names:
        cat = C.cats[name]
        path = 'catalog/%s_d.h' % name
        out = [file_comment(path, 'the %s catalog\'s OIDs, column numbers and row struct.' % name,
                            ['Included through catalog/%s.h.' % name])]
        g = guard(path)
        out.append('#ifndef %s\n#define %s\n\n#include "c.h"\n' % (g, g))
        headers = sorted({C_TYPE_HEADER[c['c_type']] for c in cat['columns']
                          if c['in_struct'] and c['c_type'] in C_TYPE_HEADER})
        out.extend('#include "%s"\n' % h for h in headers)
        out.append('\n')
        defs = [(cat['oid_macro'], cat['oid'])]
        if cat.get('rowtype_oid_macro'):
            defs.append((cat['rowtype_oid_macro'], cat['rowtype_oid']))
        toast = cat.get('toast') or {}
        if toast.get('oid_macro'):
            defs.append((toast['oid_macro'], toast['oid']))
            defs.append((toast['index_oid_macro'], toast['index_oid']))
        defs.extend((i['oid_macro'], i['oid']) for i in cat['indexes'])
        defs.extend((o['name'], o['oid']) for o in cat['other_oids'])
        out.extend('#define %s %s\n' % d for d in defs)
        out.append('\n')
        for attnum, col in enumerate(cat['columns'], 1):
            out.append('#define Anum_%s_%s %d\n' % (name, col['name'], attnum))
        out.append('\n#define Natts_%s %d\n' % (name, len(cat['columns'])))
        if cat['constants']:
            out.append('\n')
            out.extend('#define %s %s\n' % (k['name'], k['value']) for k in cat['constants'])
        for e in cat['enums']:
            out.append('\ntypedef enum %s\n{\n' % e['name'])
            out.append(',\n'.join('\t%s%s' % (m['name'], ' = ' + m['value'] if m['value'] else '')
                                  for m in e['members']))
            out.append('\n} %s;\n' % e['name'])
        if C.symbols[name]:
            out.append('\n')
            out.extend('#define %s %s\n' % s for s in C.symbols[name])
        out.append(struct_text(name, cat))
        out.append('\n#endif /* %s */\n' % g)
        write_file(os.path.join(outdir, '%s_d.h' % name), ''.join(out))

        path = 'catalog/%s.h' % name
        g = guard(path)
        text = file_comment(path, 'the %s system catalog (PostgreSQL\'s header name).' % name,
                            ['Everything is in %s_d.h: the catalog\'s OID macros, Anum_%s_*,' %
                             (name, name),
                             'Natts_%s, its constants and FormData_%s / Form_%s.' %
                             (name, name, name)])
        text += '#ifndef %s\n#define %s\n\n#include "catalog/%s_d.h"\n\n#endif /* %s */\n' % (
            g, g, name, g)
        write_file(os.path.join(outdir, '%s.h' % name), text)


def struct_text(name, cat):
    """FormData_<name>: the columns PostgreSQL's struct has (those before
    its variable-length part), with its C types, so GETSTRUCT of a tuple
    laid out with the columns' alignments casts to it."""
    fields = [c for c in cat['columns'] if c['in_struct']]
    out = ['\n/* A %s row\'s fixed-width prefix, as stored (GETSTRUCT). */\n' % name,
           'typedef struct FormData_%s\n{\n' % name]
    for c in fields:
        ctype = C_TYPE_SPELLING.get(c['c_type'], c['c_type'])
        out.append('\t%s %s;\n' % (ctype, c['name']))
    out.append('} FormData_%s;\n\ntypedef FormData_%s *Form_%s;\n' % (name, name, name))
    return ''.join(out)


def fmgr_rows(C):
    """The pg_proc rows in OID order, as the data gives them (before
    resolution: proargtypes by name)."""
    return sorted(C.procs, key=lambda r: int(r['oid']))


def write_fmgr_headers(C, outdir):
    procs = fmgr_rows(C)
    counts = {}
    for r in procs:
        counts[r['proname']] = counts.get(r['proname'], 0) + 1
    out = [file_comment('utils/fmgroids.h', 'the OID of every built-in function.',
                        ['F_<NAME> is PostgreSQL\'s name for each pg_proc row: the',
                         'function\'s name, with its argument types appended (joined by _)',
                         'when the name is overloaded; in capitals.'])]
    g = guard('utils/fmgroids.h')
    out.append('#ifndef %s\n#define %s\n\n' % (g, g))
    for r in procs:
        sym = r['proname']
        if counts[sym] > 1:
            sym += '_' + r['proargtypes']
        sym = re.sub(r'\s+', '_', sym)
        out.append('#define F_%s %s\n' % (sym.upper(), r['oid']))
    out.append('\n#endif /* %s */\n' % g)
    write_file(os.path.join(outdir, 'fmgroids.h'), ''.join(out))

    out = [file_comment('utils/fmgrprotos.h', 'prototypes of the built-in C functions.',
                        ['One per distinct prosrc of the language-internal pg_proc rows',
                         '(aggregates excepted: they have no C function of their own).',
                         'A file implementing one includes this header, so the definition',
                         '`Datum name(PG_FUNCTION_ARGS)` gets C linkage and fmgrtab.cpp,',
                         'which finds definitions by that line, can point at it.'])]
    g = guard('utils/fmgrprotos.h')
    out.append('#ifndef %s\n#define %s\n\n#include "fmgr.h"\n\n' % (g, g))
    out.append('#ifdef __cplusplus\nextern "C" {\n#endif\n\n')
    for src in internal_prosrcs(procs):
        out.append('extern Datum %s(PG_FUNCTION_ARGS);\n' % src)
    out.append('\n#ifdef __cplusplus\n}\n#endif\n\n#endif /* %s */\n' % g)
    write_file(os.path.join(outdir, 'fmgrprotos.h'), ''.join(out))


def internal_procs(procs):
    return [r for r in procs if r['prolang'] == 'internal' and r['prokind'] != 'a']


def internal_prosrcs(procs):
    seen = []
    done = set()
    for r in internal_procs(procs):
        if r['prosrc'] not in done:
            done.add(r['prosrc'])
            seen.append(r['prosrc'])
    return seen


# ------------------------------------------------------------------ fmgrtab

def implemented_functions(sources):
    found = set()
    for path in sources:
        with open(path, encoding='utf-8', errors='replace') as f:
            for line in f:
                if line.startswith(('Datum', 'extern')):
                    m = C_FUNCTION_DEF.match(line.rstrip())
                    if m:
                        found.add(m.group(1))
    return found


def write_fmgrtab(C, output, sources):
    procs = internal_procs(fmgr_rows(C))
    impl = implemented_functions(sources)
    out = [file_comment('fmgrtab.cpp', 'the table of built-in functions (utils/fmgrtab.h).',
                        ['One entry per language-internal, non-aggregate pg_proc row, in OID',
                         'order.  func is set where one of the sources meson lists in',
                         'builtin_function_sources defines `Datum prosrc(PG_FUNCTION_ARGS)`',
                         'at the start of a line; NULL marks a function not implemented yet.',
                         '%d entries, %d of them implemented.' %
                         (len(procs), sum(1 for r in procs if r['prosrc'] in impl))])]
    out.append('#include "postgres.h"\n\n#include "utils/fmgrprotos.h"\n'
               '#include "utils/fmgrtab.h"\n\n')
    out.append('const FmgrBuiltin fmgr_builtins[] = {\n')
    for r in procs:
        src = r['prosrc']
        out.append('\t{%s, %s, %s, %s, "%s", %s},\n' % (
            r['oid'], r['pronargs'], 'true' if r['proisstrict'] == 't' else 'false',
            'true' if r['proretset'] == 't' else 'false', src,
            src if src in impl else 'nullptr'))
    out.append('};\n\nconst int fmgr_nbuiltins = lengthof(fmgr_builtins);\n')
    write_file(output, ''.join(out))


# ---------------------------------------------------------------- bootstrap

def write_bootstrap(C, output):
    out = [file_comment('bootstrap_data.cpp',
                        'the catalogs\' columns and initial rows (bootstrap_data.h).',
                        ['Values are the text each column type\'s input function reads;',
                         'references are OIDs already; $TOKEN marks an initdb-time value.'])]
    out.append('#include "postgres.h"\n\n#include "catalog/bootstrap_data.h"\n\n')
    out.append('namespace tusk::catalog {\n\nnamespace {\n\n')
    opclasses = C.lookups['pg_opclass']
    opclass_rows = {r['oid']: r for r in C.rows['pg_opclass']}
    amprocs = {(r['amprocfamily'], r['amproclefttype'], r['amprocrighttype'], r['amprocnum']):
               r['amproc'] for r in C.rows['pg_amproc']}
    entries = []
    for cat in [C.cats[name] for name in C.order] + C.toasts:
        name = cat['name']
        rows = C.rows.get(name, [])
        cols = cat['columns']
        out.append('const BootstrapColumn kColumns_%s[] = {\n' % name)
        for col in cols:
            typoid, ln, byval, align, storage, coll = C.column_info(col)
            out.append('\t{"%s", %d, %d, %s, \'%s\', \'%s\', %s, %d},\n' % (
                col['name'], typoid, ln, 'true' if byval else 'false', align, storage,
                'true' if col['not_null'] else 'false', coll))
        out.append('};\n\n')
        values = 'nullptr'
        if rows:
            values = 'kValues_%s' % name
            out.append('const char *const kValues_%s[] = {\n' % name)
            for row in rows:
                out.append('\t' + ', '.join('nullptr' if row[c['name']] is None else
                                            c_string(row[c['name']]) for c in cols) + ',\n')
            out.append('};\n\n')
        attnums = {c['name']: i for i, c in enumerate(cols, 1)}
        indexes = 'nullptr'
        if cat['indexes']:
            indexes = 'kIndexes_%s' % name
            out.append('const BootstrapIndex kIndexes_%s[] = {\n' % name)
            for ix in cat['indexes']:
                keys, ops, fams, intypes, procs, colls = [], [], [], [], [], []
                for k in ix['keys']:
                    if k['column'] not in attnums:
                        raise GenError('index %s: no column %s' % (ix['name'], k['column']))
                    keys.append(str(attnums[k['column']]))
                    oid = opclasses.get('%s/%s' % (ix['am'], k['opclass']))
                    if oid is None:
                        raise GenError('index %s: no operator class %s/%s' %
                                       (ix['name'], ix['am'], k['opclass']))
                    ops.append(oid)
                    opc = opclass_rows[oid]
                    fams.append(opc['opcfamily'])
                    intypes.append(opc['opcintype'])
                    proc = amprocs.get((opc['opcfamily'], opc['opcintype'], opc['opcintype'], '1'))
                    if proc is None:
                        raise GenError('index %s: operator class %s has no support function 1' %
                                       (ix['name'], k['opclass']))
                    procs.append(proc)
                    colls.append(str(C.column_info(cols[attnums[k['column']] - 1])[5]))
                out.append('\t{"%s", %d, %s, %s, %d, {%s}, {%s}, {%s}, {%s}, {%s}, {%s}},\n' % (
                    ix['name'], ix['oid'], 'true' if ix['unique'] else 'false',
                    'true' if ix['primary'] else 'false', len(keys), ', '.join(keys),
                    ', '.join(ops), ', '.join(fams), ', '.join(intypes), ', '.join(procs),
                    ', '.join(colls)))
            out.append('};\n\n')
        entries.append('\t{"%s", %d, %d, %s, %d, kColumns_%s, %d, %s, %d, %s},\n' % (
            name, cat['oid'], cat['_rowtype_oid'], 'true' if cat['shared'] else 'false', len(cols),
            name, len(rows), values, len(cat['indexes']), indexes))
    out.append('}  // namespace\n\n')
    out.append('const BootstrapCatalog kBootstrapCatalogs[] = {\n')
    out.extend(entries)
    out.append('};\n\nconst int kNumBootstrapCatalogs = lengthof(kBootstrapCatalogs);\n\n')
    out.append('}  // namespace tusk::catalog\n')
    write_file(output, ''.join(out))


def main(argv):
    p = argparse.ArgumentParser(description='Generate catalog headers and tables.')
    p.add_argument('mode', choices=('headers', 'fmgr-headers', 'bootstrap', 'fmgrtab'))
    p.add_argument('--schema', required=True)
    p.add_argument('--data', nargs='+', required=True)
    p.add_argument('--catalogs', nargs='*', default=[])
    p.add_argument('--sources', nargs='*', default=[])
    p.add_argument('--outdir')
    p.add_argument('--output')
    args = p.parse_args(argv[1:])
    try:
        C = Catalogs(args.schema, args.data)
        if args.mode == 'headers':
            write_headers(C, args.outdir, args.catalogs)
        elif args.mode == 'fmgr-headers':
            write_fmgr_headers(C, args.outdir)
        elif args.mode == 'bootstrap':
            write_bootstrap(C, args.output)
        else:
            write_fmgrtab(C, args.output, args.sources)
    except GenError as e:
        sys.stderr.write('gen_catalog.py: %s\n' % e)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
