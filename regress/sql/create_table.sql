--
-- CREATE TABLE and DROP TABLE
--
CREATE TABLE ct1 (a int, b text);
CREATE TABLE ct1 (a int);
CREATE TABLE IF NOT EXISTS ct1 (a int);
CREATE TABLE ct2 (id integer NOT NULL, name varchar(20), score float8, flag boolean, big bigint, small smallint);
CREATE TABLE ct3 (a int, a text);
CREATE TABLE ct4 (a nosuchtype);
CREATE TABLE public.ct5 (x int);
CREATE TABLE nosuchschema.ct6 (x int);
SELECT * FROM ct1;
SELECT * FROM ct2;
SELECT * FROM public.ct5;
DROP TABLE ct5;
SELECT * FROM ct5;
DROP TABLE ct5;
DROP TABLE IF EXISTS ct5;
DROP TABLE IF EXISTS ct5, ct1;
SELECT * FROM ct1;
DROP TABLE ct2;
-- a dropped name can be used again
CREATE TABLE ct2 (z text);
SELECT z FROM ct2;
DROP TABLE ct2;
