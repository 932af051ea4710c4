--
-- SELECT … FOR UPDATE / FOR NO KEY UPDATE / FOR SHARE / FOR KEY SHARE in
-- one session: the rows are returned as usual and locked; what a locking
-- clause may not be combined with.  (Several sessions: the integration
-- tests in regress/integration/epq_sessions_test.cpp.)
--
CREATE TABLE sfu_acc (id int PRIMARY KEY, bal int);
CREATE TABLE sfu_owner (id int, name text);
INSERT INTO sfu_acc VALUES (1, 10), (2, 20), (3, 30);
INSERT INTO sfu_owner VALUES (1, 'ann'), (2, 'bob');
-- every strength and wait policy
SELECT * FROM sfu_acc ORDER BY id FOR UPDATE;
SELECT * FROM sfu_acc WHERE id = 2 FOR NO KEY UPDATE;
SELECT id FROM sfu_acc WHERE bal > 15 ORDER BY id FOR SHARE;
SELECT id FROM sfu_acc ORDER BY id FOR KEY SHARE NOWAIT;
SELECT id FROM sfu_acc ORDER BY id FOR UPDATE SKIP LOCKED;
SELECT id FROM sfu_acc ORDER BY id LIMIT 2 FOR UPDATE;
SELECT id FROM sfu_acc ORDER BY id FOR UPDATE LIMIT 1 OFFSET 1;
-- OF names a table by its alias; several clauses
SELECT a.id, o.name FROM sfu_acc a JOIN sfu_owner o ON o.id = a.id ORDER BY a.id FOR UPDATE OF a;
SELECT a.id, o.name FROM sfu_acc a, sfu_owner o WHERE o.id = a.id ORDER BY 1
  FOR SHARE OF o FOR UPDATE OF a NOWAIT;
SELECT a.id FROM sfu_acc a JOIN sfu_owner o USING (id) ORDER BY 1 FOR UPDATE;
-- locked rows, then updated in the same transaction
BEGIN;
SELECT * FROM sfu_acc WHERE id = 1 FOR UPDATE;
UPDATE sfu_acc SET bal = bal + 1 WHERE id = 1;
SELECT * FROM sfu_acc WHERE id = 1 FOR SHARE;
SELECT * FROM sfu_acc WHERE id = 1 FOR UPDATE;
COMMIT;
SELECT * FROM sfu_acc ORDER BY id;
-- the plan: LockRows above the sort, below LIMIT
EXPLAIN (COSTS OFF) SELECT * FROM sfu_acc FOR UPDATE;
EXPLAIN (COSTS OFF) SELECT * FROM sfu_acc ORDER BY bal LIMIT 1 FOR UPDATE;
-- errors
SELECT count(*) FROM sfu_acc FOR UPDATE;
SELECT bal, count(*) FROM sfu_acc GROUP BY bal FOR SHARE;
SELECT DISTINCT bal FROM sfu_acc FOR UPDATE;
SELECT id FROM sfu_acc GROUP BY id HAVING id > 1 FOR KEY SHARE;
SELECT max(bal) FROM sfu_acc FOR NO KEY UPDATE;
SELECT id FROM sfu_acc UNION SELECT id FROM sfu_owner FOR UPDATE;
SELECT * FROM sfu_acc FOR UPDATE OF sfu_nosuch;
SELECT * FROM sfu_acc a FOR UPDATE OF sfu_acc;
SELECT * FROM sfu_acc FOR UPDATE OF public.sfu_acc;
SELECT * FROM sfu_acc JOIN sfu_owner j USING (id), (VALUES (1)) v(x) ORDER BY 1 FOR UPDATE OF v;
SELECT * FROM (sfu_acc JOIN sfu_owner USING (id)) j FOR UPDATE OF j;
WITH w AS (SELECT 1 AS x) SELECT * FROM sfu_acc, w FOR UPDATE OF w;
-- without OF, VALUES in FROM is not locked (no error)
SELECT a.id, v.x FROM sfu_acc a, (VALUES (1)) v(x) WHERE a.id = 1 FOR UPDATE;
DROP TABLE sfu_acc, sfu_owner;
