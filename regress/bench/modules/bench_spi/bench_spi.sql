-- Objects of the bench_spi module (regress/bench/spi_bench.sh runs this on
-- Tusk and on PostgreSQL 15 alike).  'bench_spi' is found through
-- dynamic_library_path, which the script points at the directory holding
-- each server's own build of the module.
CREATE TABLE bench_spi_t (id int4 PRIMARY KEY, v int4 NOT NULL);
INSERT INTO bench_spi_t SELECT g, g * 2 FROM generate_series(1, 1000) AS g;
ANALYZE bench_spi_t;
CREATE TABLE bench_spi_result (key int4 NOT NULL, val float8 NOT NULL);
CREATE TABLE bench_spi_launch (key int4 NOT NULL, val timestamptz NOT NULL,
  entered timestamptz NOT NULL);
CREATE FUNCTION bench_spi_roundtrip(int4, text) RETURNS float8
  AS 'bench_spi' LANGUAGE C STRICT;
CREATE FUNCTION bench_spi_worker_roundtrip(int4, text) RETURNS float8
  AS 'bench_spi' LANGUAGE C STRICT;
CREATE FUNCTION bench_spi_launch(int4, text) RETURNS float8
  AS 'bench_spi' LANGUAGE C STRICT;
