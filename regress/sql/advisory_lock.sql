-- Advisory locks within one session (two sessions: the integration test
-- advisory_lock_sessions_test.cpp).
SELECT pg_advisory_lock(1), pg_advisory_lock(1), pg_advisory_lock_shared(2),
       pg_advisory_lock(1, 2), pg_advisory_lock_shared(3, 4);
SELECT pg_try_advisory_lock(1), pg_try_advisory_lock_shared(1), pg_try_advisory_lock(5, 6);
-- each acquisition needs its own release
SELECT pg_advisory_unlock(1), pg_advisory_unlock(1), pg_advisory_unlock(1);
SELECT pg_advisory_unlock_shared(1), pg_advisory_unlock_shared(1);
SELECT pg_advisory_unlock(2);
SELECT pg_advisory_unlock_shared(2), pg_advisory_unlock(1, 2), pg_advisory_unlock(1, 2);
SELECT pg_advisory_unlock(3, 4);
SELECT pg_advisory_unlock_shared(3, 4), pg_advisory_unlock(5, 6);
-- the int8 key 1 and the int4 pair (0, 1) are different locks
SELECT pg_advisory_lock(1);
SELECT pg_advisory_unlock(0, 1);
SELECT pg_advisory_unlock(1);
-- session locks outlive the transaction, transaction locks do not
BEGIN;
SELECT pg_advisory_xact_lock(10), pg_advisory_xact_lock_shared(11), pg_advisory_lock(12),
       pg_try_advisory_xact_lock(13), pg_try_advisory_xact_lock_shared(14, 15),
       pg_advisory_xact_lock(16, 17), pg_advisory_xact_lock_shared(18, 19),
       pg_try_advisory_xact_lock(20, 21);
-- a transaction lock cannot be released by hand
SELECT pg_advisory_unlock(10);
COMMIT;
SELECT pg_advisory_unlock(10), pg_advisory_unlock(12);
BEGIN;
SELECT pg_advisory_xact_lock(30);
ROLLBACK;
SELECT pg_advisory_unlock(30);
-- pg_advisory_unlock_all releases the session's locks only
SELECT pg_advisory_lock(40), pg_advisory_lock(40), pg_advisory_lock_shared(41, 42);
BEGIN;
SELECT pg_advisory_xact_lock(43);
SELECT pg_advisory_unlock_all();
SELECT pg_advisory_unlock(40);
SELECT pg_advisory_unlock_shared(41, 42);
COMMIT;
-- a subtransaction's transaction locks go with its abort
BEGIN;
SAVEPOINT s;
SELECT pg_advisory_xact_lock(50);
ROLLBACK TO SAVEPOINT s;
SELECT pg_advisory_lock(51);
COMMIT;
SELECT pg_advisory_unlock(51), pg_advisory_unlock(51);
-- NULL keys: strict functions
SELECT pg_advisory_lock(NULL), pg_try_advisory_lock(NULL::int, 1), pg_advisory_unlock(NULL);
SELECT pg_advisory_lock(-1), pg_advisory_lock(9223372036854775807), pg_advisory_lock(-2147483648, 7);
SELECT pg_advisory_unlock(-1), pg_advisory_unlock(9223372036854775807),
       pg_advisory_unlock(-2147483648, 7);
