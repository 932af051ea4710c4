--
-- to_char, to_date and to_timestamp(text, text): PostgreSQL's templates
--
SET datestyle TO iso;
SELECT to_char(timestamp '2001-02-03 04:05:06.789', 'YYYY-MM-DD HH24:MI:SS.MS US FF3 Day Dy Month Mon DDD D W WW IW J Q RM CC AM am HH12 HH SSSS Y,YYY YY Y IYYY IDDD ID FMDay FMMonth DDth FMDDth "text" \" Dth');
SELECT to_char(timestamptz '2001-02-03 04:05:06.789', 'TZ tz TZH:TZM OF');
SELECT to_char(interval '1 year 2 mons 3 days 27:05:06.789', 'YYYY MM DD HH24 HH MI SS MS');
SELECT to_char(timestamp '0044-03-15 BC', 'YYYY BC B.C. ad CC');
SELECT to_char(timestamp '2001-12-23 14:00', 'FMHH12:MI PM, fmday fmmonth DDTH "of" YYYY');
SELECT to_char(timestamp '2001-11-11 00:00', 'DDth Mon, FMMONTH, rm, RM, FF1 FF2 FF4 FF5 FF6, SSSSS');
SELECT to_char(timestamp 'infinity', 'YYYY'), to_char(timestamp '2000-01-01', '');
SELECT to_char(interval '15h 2m 12s', 'HH24:MI:SS'), to_char(interval '-1 day -2 hours', 'DD HH24');
SELECT to_char(interval '1 day', 'Day');
SELECT to_char(timestamp '10000-01-01', 'YYYY'), to_char(date '2020-02-29', 'YYYY-MM-DD DDD');
SELECT to_date('05 Dec 2000', 'DD Mon YYYY'), to_date('2000-12-05', 'YYYY-MM-DD'), to_date('20001205', 'YYYYMMDD');
SELECT to_date('2000 345', 'YYYY DDD'), to_date('Dec 5, 2000', 'Mon DD, YYYY'), to_date('5/12/2000', 'DD/MM/YYYY');
SELECT to_timestamp('05 Dec 2000 4:05:06.7 PM', 'DD Mon YYYY HH:MI:SS.MS PM'), to_timestamp('2000-12-05 13:14:15+05:30', 'YYYY-MM-DD HH24:MI:SSTZH:TZM');
SELECT to_timestamp('10:00', 'HH24:MI'), to_timestamp('1997 AD', 'YYYY BC'), to_timestamp('1997 BC', 'YYYY BC');
SELECT to_timestamp('2011-12-18 11:38 PM', 'YYYY-MM-DD HH12:MI PM'), to_timestamp('15:12:02.020.001230', 'HH24:MI:SS.MS.US');
SELECT to_timestamp('2011 21 12', 'YYYY CC YY'), to_timestamp('95', 'YY'), to_timestamp('05', 'YY');
SELECT to_date('2000-13-01', 'YYYY-MM-DD');
SELECT to_date('2000-02-30', 'YYYY-MM-DD');
SELECT to_timestamp('13:00 PM', 'HH:MI PM');
SELECT to_date('x2000', 'YYYY');
SELECT to_date('200', 'YYYY');
SELECT to_timestamp('2000 Foo', 'YYYY Mon');
SELECT to_timestamp('2000-01-01 PST', 'YYYY-MM-DD TZ');
SELECT to_date('2000  12 05', 'YYYY MM DD'), to_date('2000/12/05', 'YYYY-MM-DD'), to_date('2000-12-05', 'FXYYYY-MM-DD');
SELECT to_date('1 1 1', 'Y MM DD'), to_date('J2451545', '"J"J');
SET TIME ZONE 'Asia/Kolkata';
SELECT to_char(timestamptz '2001-02-03 04:05:06 UTC', 'YYYY-MM-DD HH24:MI TZ OF TZH TZM'), to_timestamp('2001-02-03 10:00', 'YYYY-MM-DD HH24:MI');
RESET TIME ZONE;
RESET datestyle;

-- ordinal suffixes, weeks of the year and month, ISO week dates
SELECT to_timestamp('1,582nd VIII 21', 'Y,YYYth FMRM DD'), to_timestamp('2005426', 'YYYYWWD');
SELECT to_date('2015 366', 'YYYY DDD');
SELECT to_date('2016 366', 'YYYY DDD');
SELECT to_date('2016 367', 'YYYY DDD');
SELECT to_date('2009-W53-7', 'IYYY-"W"IW-ID'), to_date('2009 365', 'IYYY IDDD'), to_date('2020 1', 'IYYY IW');
SELECT to_date('2009 53 7 12', 'IYYY IW ID MM');
SELECT to_date('21st of March 2020', 'DDth "of" FMMonth YYYY'), to_date('2020 3 2', 'YYYY MM W');
RESET datestyle;
