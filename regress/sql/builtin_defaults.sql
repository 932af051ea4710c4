--
-- Built-in functions with parameter defaults (PostgreSQL's system_functions.sql
-- gives them): the defaults are in pg_proc and a call may leave them out.
--
SELECT oid::regprocedure AS function, pronargdefaults,
       pg_get_function_arguments(oid) AS arguments
  FROM pg_proc WHERE pronargdefaults > 0 ORDER BY oid::regprocedure::text;

-- (jsonpath, jsonb_set_lax and normalize are not implemented yet: they are only
-- listed above)
SELECT make_interval(1), make_interval(0, 2), make_interval();
SELECT make_interval(1, 2, 3, 4, 5, 6, 7.5);
SELECT parse_ident('a.b'), parse_ident('a.b()', false);
SELECT pg_terminate_backend(0);
