--
-- time and time with time zone
--
CREATE TABLE time_tbl (f1 time(2));
INSERT INTO time_tbl VALUES ('00:00'), ('01:00'), ('02:03 PST'), ('11:59 EDT'), ('12:00'),
  ('12:01'), ('23:59'), ('11:59:59.99 PM'), ('2003-03-07 15:36:39 America/New_York'),
  ('2003-07-07 15:36:39 America/New_York'), ('15:36:39 America/New_York');
SELECT f1 AS "Time" FROM time_tbl ORDER BY f1;
SELECT f1 AS "Three" FROM time_tbl WHERE f1 < '05:06:07' ORDER BY f1;
SELECT f1 AS "None" FROM time_tbl WHERE f1 < '00:00';
SELECT min(f1), max(f1) FROM time_tbl;

SELECT time '04:05:06.789', time '04:05', time '040506', time '04:05 AM', time '04:05 PM',
  time '04:05:06.789-8', time 'allballs', time '24:00:00';
SELECT time '2003-04-12 04:05:06';
SELECT time '24:00:01';
SELECT time '23:60:00';
SELECT time '13:00 PM';
SELECT time 'foo';
SELECT time(0) '12:34:56.789', time(2) '12:34:56.789', time(6) '12:34:56.7891234';
SELECT '12:34:56.5'::time(0);
SELECT time '11:59:59.999999';

-- arithmetic
SELECT time '01:02' + interval '1 hour 30 minutes', time '01:02' - interval '2 hours',
  time '23:00' + interval '2 hours', time '12:00' - time '11:30:15.5';
SELECT time '01:00' + interval '1 day 3 hours';
SELECT date '2000-01-01' + time '12:34';

-- parts
SELECT extract(hour FROM time '13:45:56.789'), extract(minute FROM time '13:45:56.789'),
  extract(second FROM time '13:45:56.789'), extract(millisecond FROM time '13:45:56.789'),
  extract(microsecond FROM time '13:45:56.789'), extract(epoch FROM time '13:45:56.789');
SELECT date_part('hour', time '13:45:56.789'), date_part('second', time '13:45:56.789');
SELECT extract(day FROM time '13:45');
SELECT extract(foo FROM time '13:45');

SELECT make_time(8, 15, 23.5), make_time(24, 0, 0);
SELECT make_time(10, 55, 100.1);
SELECT make_time(25, 0, 0);

-- time with time zone
SELECT timetz '04:05:06.789+05:30', timetz '04:05 PST', timetz '04:05:06 -08:00',
  timetz '040506+07', timetz '00:00 UTC', timetz '12:00:00-00:53:28';
SELECT timetz '2003-07-07 15:36:39 America/New_York';
SELECT timetz '2003-01-07 15:36:39 America/New_York';
SELECT timetz '10:00+01' = timetz '09:00+00', timetz '10:00+01' < timetz '10:00+00',
  timetz '10:00+01' > timetz '09:00+00';
SELECT timetz '10:00-05' + interval '3 hours', timetz '01:00+02' - interval '2 hours';
SELECT extract(timezone FROM timetz '10:00-05:30'), extract(timezone_hour FROM timetz '10:00-05:30'),
  extract(timezone_minute FROM timetz '10:00-05:30'), extract(hour FROM timetz '10:00-05:30'),
  extract(epoch FROM timetz '10:00-05:30');
SELECT timetz '10:00+02' AT TIME ZONE 'UTC', timetz '10:00+02' AT TIME ZONE '-03:00',
  timetz '10:00+02' AT TIME ZONE interval '05:30';
SELECT timetz(3) '10:00:00.12345+02', timetz '10:00+02'::time;
SELECT timetz '25:00+02';
SELECT timetz '10:00+16';
DROP TABLE time_tbl;
SELECT time '23:59:60', time '23:59:59.999999';
SELECT time '23:59:60.01';
SELECT time '040506.789', timetz '040506.789+08';
