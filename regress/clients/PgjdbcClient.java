// pgjdbc (Debian's libpostgresql-jdbc-java) against the server named by
// PGHOST/PGPORT/PGUSER/PGDATABASE.
//
// Prints a deterministic transcript (regress/clients/run.sh compares the one
// from PostgreSQL 15 with Tusk's): Statement and PreparedStatement runs past
// prepareThreshold (where pgjdbc switches to a named statement and binary
// results), typed setters, batch inserts, transactions, fetch size (a named
// portal read in chunks), DatabaseMetaData and errors by SQLSTATE.
import java.math.BigDecimal;
import java.sql.*;
import java.util.*;

public class PgjdbcClient {
	static void show(String label, Object value) {
		System.out.println(label + ": " + value);
	}

	static String render(Object v) throws SQLException {
		if (v == null)
			return "null";
		if (v instanceof byte[])
			return "bytes" + Arrays.toString((byte[]) v);
		if (v instanceof org.postgresql.util.PGobject)
			return "PGobject(" + ((org.postgresql.util.PGobject) v).getType() + ") " + v;
		if (v instanceof java.sql.Array) {
			Object a = ((java.sql.Array) v).getArray();
			return "array" + Arrays.deepToString(new Object[] {a});
		}
		return v.getClass().getSimpleName() + " " + v;
	}

	static void dumpRow(ResultSet rs) throws SQLException {
		ResultSetMetaData md = rs.getMetaData();
		StringBuilder sb = new StringBuilder();
		for (int i = 1; i <= md.getColumnCount(); i++) {
			if (i > 1)
				sb.append(" | ");
			sb.append(md.getColumnLabel(i)).append("=").append(render(rs.getObject(i)));
		}
		System.out.println(sb);
	}

	static void dumpAll(ResultSet rs, String... columns) throws SQLException {
		while (rs.next()) {
			StringBuilder sb = new StringBuilder();
			for (String c : columns) {
				if (sb.length() > 0)
					sb.append(" | ");
				sb.append(c).append("=").append(rs.getString(c));
			}
			System.out.println("  " + sb);
		}
		rs.close();
	}

	static void error(String label, SQLException e) {
		System.out.println(label + ": " + e.getClass().getSimpleName() + " " + e.getSQLState() + " "
			+ e.getMessage().split("\n")[0]);
	}

	public static void main(String[] args) throws Exception {
		String url = "jdbc:postgresql://" + System.getenv("PGHOST") + ":" + System.getenv("PGPORT") + "/"
			+ System.getenv("PGDATABASE") + "?ApplicationName=clients_pgjdbc";
		Connection conn = DriverManager.getConnection(url, System.getenv("PGUSER"), "");
		System.out.println("-- connect");
		DatabaseMetaData meta = conn.getMetaData();
		show("product", meta.getDatabaseProductName());
		show("major version >= 15", meta.getDatabaseMajorVersion() >= 15);
		show("autocommit", conn.getAutoCommit());

		System.out.println("-- core types");
		Statement st = conn.createStatement();
		String core = "SELECT 1::int2 AS i2, 2::int4 AS i4, 3000000000::int8 AS i8, 1.50::numeric(5,2) AS num,"
			+ " 1.5::float4 AS f4, 2.25::float8 AS f8, 'abc'::text AS t, 'x'::varchar(3) AS vc,"
			+ " 'ab'::char(3) AS bpc, 'nm'::name AS nm, true AS b, NULL::int AS nul, '\\x00ff10'::bytea AS ba,"
			+ " '2024-01-02'::date AS d, '03:04:05.5'::time AS tm, '2024-01-02 03:04:05.25'::timestamp AS ts,"
			+ " '2024-01-02 03:04:05+02'::timestamptz AS tstz, '1 day 02:03:04'::interval AS iv, 26::oid AS o,"
			+ " ARRAY[1, 2, NULL]::int4[] AS ia, ARRAY['a', 'b c', NULL]::text[] AS ta,"
			+ " ARRAY[[1.5, 2], [3, 4]]::numeric[] AS na, '12:00:00+03'::timetz AS ttz";
		ResultSet rs = st.executeQuery(core);
		rs.next();
		dumpRow(rs);
		ResultSetMetaData md = rs.getMetaData();
		for (int i = 1; i <= md.getColumnCount(); i++)
			System.out.println("  " + md.getColumnLabel(i) + " " + md.getColumnTypeName(i) + " " + md.getColumnType(i)
				+ " " + md.getPrecision(i) + " " + md.getScale(i));
		rs.close();
		// Past prepareThreshold the same query is a named statement with binary results.
		PreparedStatement coreP = conn.prepareStatement(core + " WHERE $1::int > 0".replace("$1", "?"));
		for (int run = 1; run <= 7; run++) {
			coreP.setInt(1, run);
			rs = coreP.executeQuery();
			rs.next();
			if (run == 1 || run >= 6) {
				System.out.print("run " + run + ": ");
				dumpRow(rs);
			}
			rs.close();
		}

		System.out.println("-- json, uuid, network, macaddr, enum and composite values");
		st.execute("CREATE TYPE jdbc_mood AS ENUM ('sad', 'ok', 'happy')");
		st.execute("CREATE TYPE jdbc_pair AS (label text, n int4)");
		String extra = "SELECT '{\"a\": [1, null]}'::json AS j, '{\"b\": 1, \"a\": 2}'::jsonb AS jb,"
			+ " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, '192.168.1.5/24'::inet AS ip,"
			+ " '10.1.0.0/16'::cidr AS net, '08:00:2b:01:02:03'::macaddr AS mac,"
			+ " '08:00:2b:01:02:03:04:05'::macaddr8 AS mac8, 'ok'::jdbc_mood AS mood,"
			+ " ROW('first', 7)::jdbc_pair AS pair, ARRAY['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid] AS ua";
		rs = st.executeQuery(extra);
		rs.next();
		dumpRow(rs);
		md = rs.getMetaData();
		for (int i = 1; i <= md.getColumnCount(); i++)
			System.out.println("  " + md.getColumnLabel(i) + " " + md.getColumnTypeName(i) + " " + md.getColumnType(i));
		rs.close();
		PreparedStatement extraP = conn.prepareStatement(extra + " WHERE ? > 0");
		for (int run = 1; run <= 6; run++) {
			extraP.setInt(1, run);
			rs = extraP.executeQuery();
			rs.next();
			if (run == 1 || run == 6) {
				System.out.print("run " + run + ": ");
				dumpRow(rs);
			}
			rs.close();
		}
		PreparedStatement extraIn = conn.prepareStatement(
			"SELECT ?::uuid = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', ?::jsonb -> 'k', ?::inet, ?::macaddr,"
			+ " ?::jdbc_mood, (?::jdbc_pair).n");
		for (int run = 1; run <= 6; run++) {
			extraIn.setObject(1, java.util.UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
			extraIn.setString(2, "{\"k\": [" + run + "]}");
			extraIn.setString(3, "10.0.0." + run);
			extraIn.setString(4, "0800.2b01.020" + run);
			extraIn.setObject(5, "happy", Types.OTHER);
			extraIn.setString(6, "(x," + run + ")");
			rs = extraIn.executeQuery();
			rs.next();
			if (run == 1 || run == 6) {
				System.out.print("params " + run + ": ");
				dumpRow(rs);
			}
			rs.close();
		}

		System.out.println("-- prepared statements past prepareThreshold");
		st.execute("CREATE TABLE jdbc (id int PRIMARY KEY, name varchar(20), v numeric(10,2), d date,"
			+ " ts timestamp, tstz timestamptz, flag boolean, data bytea, tags int4[], note text DEFAULT 'none')");
		st.execute("COMMENT ON TABLE jdbc IS 'the pgjdbc test table'");
		st.execute("CREATE INDEX jdbc_name_idx ON jdbc (name)");
		st.execute("CREATE UNIQUE INDEX jdbc_d_ts_idx ON jdbc (d, ts)");
		PreparedStatement ins = conn.prepareStatement(
			"INSERT INTO jdbc (id, name, v, d, ts, tstz, flag, data, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
		for (int i = 1; i <= 7; i++) {
			ins.setInt(1, i);
			ins.setString(2, "n" + i);
			ins.setBigDecimal(3, new BigDecimal(i).divide(new BigDecimal(4)));
			ins.setDate(4, java.sql.Date.valueOf("2024-01-0" + i));
			ins.setTimestamp(5, java.sql.Timestamp.valueOf("2024-01-0" + i + " 03:04:05.5"));
			ins.setObject(6, java.time.OffsetDateTime.parse("2024-01-0" + i + "T03:04:05+02:00"));
			ins.setBoolean(7, i % 2 == 0);
			ins.setBytes(8, new byte[] {0, (byte) i, (byte) 0xff});
			ins.setArray(9, conn.createArrayOf("int4", new Integer[] {i, null, i * 10}));
			show("insert " + i, ins.executeUpdate());
		}
		PreparedStatement sel = conn.prepareStatement("SELECT * FROM jdbc WHERE id = ?");
		for (int i = 1; i <= 7; i++) {
			sel.setInt(1, i);
			rs = sel.executeQuery();
			while (rs.next())
				dumpRow(rs);
			rs.close();
		}
		PreparedStatement sum = conn.prepareStatement("SELECT sum(v), count(*), max(name) FROM jdbc WHERE v > ?");
		for (int i = 0; i < 7; i++) {
			sum.setBigDecimal(1, new BigDecimal("0.5"));
			rs = sum.executeQuery();
			rs.next();
			if (i == 0 || i == 6)
				dumpRow(rs);
			rs.close();
		}
		PreparedStatement upd = conn.prepareStatement("UPDATE jdbc SET note = ? WHERE id = ?");
		upd.setString(1, "updated");
		upd.setInt(2, 3);
		show("update", upd.executeUpdate());

		System.out.println("-- batch");
		PreparedStatement batch = conn.prepareStatement("INSERT INTO jdbc (id, name) VALUES (?, ?)");
		for (int i = 100; i < 105; i++) {
			batch.setInt(1, i);
			batch.setString(2, "b" + i);
			batch.addBatch();
		}
		show("batch", Arrays.toString(batch.executeBatch()));
		batch.setInt(1, 200);
		batch.setString(2, "ok");
		batch.addBatch();
		batch.setInt(1, 100);
		batch.setString(2, "duplicate");
		batch.addBatch();
		try {
			batch.executeBatch();
		} catch (BatchUpdateException e) {
			show("batch error", e.getSQLState() + " " + Arrays.toString(e.getUpdateCounts()));
		}
		st.addBatch("INSERT INTO jdbc (id, name) VALUES (300, 's300')");
		st.addBatch("UPDATE jdbc SET note = 'batched' WHERE id >= 100");
		show("statement batch", Arrays.toString(st.executeBatch()));

		System.out.println("-- transactions");
		conn.setAutoCommit(false);
		st.executeUpdate("INSERT INTO jdbc (id, name) VALUES (400, 'rolled back')");
		conn.rollback();
		st.executeUpdate("INSERT INTO jdbc (id, name) VALUES (401, 'committed')");
		Savepoint sp = conn.setSavepoint("sp");
		st.executeUpdate("INSERT INTO jdbc (id, name) VALUES (402, 'undone')");
		conn.rollback(sp);
		conn.commit();
		for (int i = 0; i < 6; i++) {
			st.executeUpdate("UPDATE jdbc SET note = 'tx" + i + "' WHERE id = 401");
			conn.commit();
		}
		rs = st.executeQuery("SELECT id, name, note FROM jdbc WHERE id >= 400 ORDER BY id");
		while (rs.next())
			dumpRow(rs);
		conn.commit();
		conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		rs = st.executeQuery("SHOW transaction_isolation");
		rs.next();
		show("isolation", rs.getString(1));
		conn.commit();
		conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);

		System.out.println("-- fetch size");
		Statement fs = conn.createStatement();
		fs.setFetchSize(3);
		rs = fs.executeQuery("SELECT g, g * 2 AS twice FROM generate_series(1, 10) g");
		StringBuilder seen = new StringBuilder();
		while (rs.next())
			seen.append(rs.getInt(1)).append(':').append(rs.getInt(2)).append(' ');
		show("rows", seen.toString().trim());
		rs.close();
		conn.commit();
		conn.setAutoCommit(true);

		System.out.println("-- DatabaseMetaData");
		System.out.println("getTables");
		dumpAll(meta.getTables(null, "public", "jdbc%", new String[] {"TABLE"}), "TABLE_SCHEM", "TABLE_NAME",
			"TABLE_TYPE", "REMARKS");
		System.out.println("getColumns");
		dumpAll(meta.getColumns(null, "public", "jdbc", null), "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
			"COLUMN_SIZE", "DECIMAL_DIGITS", "NULLABLE", "COLUMN_DEF", "ORDINAL_POSITION", "IS_NULLABLE",
			"IS_AUTOINCREMENT");
		System.out.println("getPrimaryKeys");
		dumpAll(meta.getPrimaryKeys(null, "public", "jdbc"), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
		st.execute("CREATE TABLE jdbc_pk2 (a int, b text, c int, PRIMARY KEY (b, a))");
		st.execute("CREATE INDEX jdbc_pk2_c_desc ON jdbc_pk2 (c DESC, a)");
		dumpAll(meta.getPrimaryKeys(null, "public", "jdbc_pk2"), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
		System.out.println("getIndexInfo");
		for (String t : new String[] {"jdbc", "jdbc_pk2"}) {
			dumpAll(meta.getIndexInfo(null, "public", t, false, false), "TABLE_NAME", "NON_UNIQUE", "INDEX_NAME",
				"TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "FILTER_CONDITION");
			dumpAll(meta.getIndexInfo(null, "public", t, true, false), "INDEX_NAME", "ORDINAL_POSITION",
				"COLUMN_NAME");
		}
		System.out.println("getSchemas");
		dumpAll(meta.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG");
		System.out.println("-- errors");
		String[] cases = {"SELECT 1/0", "SELECT * FROM no_such_table", "INSERT INTO jdbc (id) VALUES (1)",
			"INSERT INTO jdbc (id) VALUES (NULL)", "SELECT 'abc'::int", "SELEC 1"};
		for (String sql : cases) {
			try {
				st.execute(sql);
				show(sql, "no error");
			} catch (SQLException e) {
				error(sql, e);
			}
		}
		PreparedStatement bad = conn.prepareStatement("SELECT 10 / ?");
		for (int i = 0; i < 7; i++) {
			bad.setInt(1, i % 2);
			try {
				rs = bad.executeQuery();
				rs.next();
				show("10 / " + (i % 2), rs.getInt(1));
			} catch (SQLException e) {
				error("10 / " + (i % 2), e);
			}
		}
		conn.close();
		System.out.println("-- end");
	}
}
