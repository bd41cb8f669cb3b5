-- Kazakhstan's working-day calendar for 2025, 2026 and 2027 (docs/product.md R4), plus the expected dates of
-- Kurban Ait day 1 for 2025-2035.
--
-- A year listed in calendar_year is exactly: Saturdays and Sundays off, plus its calendar_day rows.
--   HOLIDAY      the public holiday date itself (listed even when it falls on a weekend)
--   DAY_OFF      a weekday not worked: a holiday moved off a weekend, or a transfer day
--   WORKING_DAY  a Saturday or Sunday worked because of a transfer
-- Calendars are for the five-day working week.
--
-- Legal basis
--   * Law "On holidays in the Republic of Kazakhstan" of 13 December 2001 No. 267-II, art. 5: a national or
--     state holiday falling on a Saturday or Sunday moves the day off to the next working day after the holiday.
--   * Labour Code art. 84 p. 5: Orthodox Christmas (7 January) and Kurban Ait day 1 are days off and never move.
--   * Labour Code art. 85 p. 3: transfers of days off. Since 2024 they are made by order of the Minister of
--     Labour and Social Protection (the authorised labour body), no longer by Government decree.
--   * Constitution adopted at the referendum of 15 March 2026 (in force 1 July 2026), art. 94 p. 2: the day of
--     its adoption, 15 March, is Constitution Day, a state holiday; 30 August no longer is. The Ministry of
--     Labour said 30 August 2026 is not a day off and 15 March is observed from 2027.
-- Sources (pages read)
--   2025: https://pobipb.kz/kalendar-vyxodnyx-i-prazdnichnyx-dnej-na-2025-god (egov.kz holiday calendar 2025);
--         https://energy-city.kz/pavlodar/kazahstanczy-poluchat-chetyre-vyhodnyh-dnya-na-novyj-god and
--         https://kz.kursiv.media/2024-12-23/lsbs-vyhodnye (Minister's order: day off moved from Sunday 5 January
--         2025 to Friday 3 January 2025);
--         https://smartnews.kz/ru/news/18380-budut-li-perenosy-vyhodnyh-na-majskie-prazdniki-v-2025-godu
--         (Ministry: that order of 21 November 2024 is the only transfer of 2025);
--         https://mgorod.kz/news/skolko-dnej-otdohnut-kazahstancy-na-kurban-ajt-v-2025-godu (Kurban Ait 6 June).
--   2026: https://www.inform.kz/ru/kak-budut-otdihat-kazahstantsi-v-2026-godu-947dd6 (egov.kz holiday calendar
--         2026, Kurban Ait 27 May); https://alau.kz/novyj-god-2026-utverzhdjon-oficialnyj-kalendar-vyhodnyh/
--         (no January transfer); https://www.zakon.kz/obshestvo/6496885-ramazan2026-oraza-i-kurban-ayt-opublikovan-kalendar-musulmanskikh-prazdnikov-v-kazakhstane.html
--         (DUMK: Kurban Ait 27 May 2026);
--         https://taspanews.kz/novosti-kazakhstana/v-etom-godu-u-kazakhstantsev-ne-budet-odnogo-vykhodnogo-795514517615
--         (Ministry of Labour, 18 March 2026: 30 August 2026 is not a holiday);
--         https://m.interfax.ru/1078292 (referendum result, 17 March 2026).
--   2027: no official list or transfer order found; computed by the statutory rule with Constitution Day on
--         15 March (https://mk-kz.kz/amp/politics/2026/03/18/opublikovan-tekst-novoy-konstitucii-kazakhstana.html).
--   Kurban Ait: 10 Dhu al-Hijjah in the Umm al-Qura calendar (java.time HijrahChronology); it gives the dates that
--         Kazakhstan officially used for 2018-2026. The Spiritual Administration of Muslims of Kazakhstan (DUMK)
--         fixes each year's date about a year ahead and it may differ by one day.

INSERT INTO calendar_year (year, source) VALUES
    (2025, 'Official: egov.kz holiday calendar 2025 under the Law "On holidays" (No. 267-II, art. 5) and Labour Code art. 84 p. 5; '
        || 'transfer by order of the Minister of Labour and Social Protection of 21 Nov 2024 (day off moved from Sunday 5 Jan 2025 to Friday 3 Jan 2025; '
        || 'the Ministry said no other transfer in 2025); Kurban Ait 6 Jun 2025 per the Ministry of Labour and DUMK. '
        || 'Pages: pobipb.kz/kalendar-vyxodnyx-i-prazdnichnyx-dnej-na-2025-god, kz.kursiv.media/2024-12-23/lsbs-vyhodnye, '
        || 'smartnews.kz/ru/news/18380-budut-li-perenosy-vyhodnyh-na-majskie-prazdniki-v-2025-godu'),
    (2026, 'Official: egov.kz holiday calendar 2026 (inform.kz/ru/kak-budut-otdihat-kazahstantsi-v-2026-godu-947dd6), '
        || 'no transfer order found; Kurban Ait 27 May 2026 per DUMK; Constitution Day 30 Aug 2026 (and its moved day off 31 Aug) '
        || 'removed: Constitution adopted at the referendum of 15 Mar 2026, art. 94 p. 2, makes 15 March Constitution Day, and the '
        || 'Ministry of Labour said 30 Aug 2026 is not a holiday (taspanews.kz, 18 Mar 2026)'),
    (2027, 'Computed by the statutory rule (no official 2027 list or transfer order published when written): Law "On holidays" '
        || 'art. 5 and Labour Code art. 84 p. 5, with Constitution Day on 15 March (Constitution of 2026, art. 94 p. 2) instead of 30 August; '
        || 'Kurban Ait 16 May 2027 is the expected date (Umm al-Qura 10 Dhu al-Hijjah 1448), not yet confirmed by DUMK');

-- 2025 ------------------------------------------------------------------------------------------------------
INSERT INTO calendar_day (day, kind, name) VALUES
    ('2025-01-01', 'HOLIDAY',     'New Year'),
    ('2025-01-02', 'HOLIDAY',     'New Year (day 2)'),
    ('2025-01-03', 'DAY_OFF',     'Transfer: day off moved from Sunday 5 January by order of the Minister of Labour and Social Protection of 21 November 2024'),
    ('2025-01-05', 'WORKING_DAY', 'Transfer: Sunday worked, its day off moved to Friday 3 January (Minister of Labour order of 21 November 2024)'),
    ('2025-01-07', 'HOLIDAY',     'Orthodox Christmas'),
    ('2025-03-08', 'HOLIDAY',     'International Women''s Day'),
    ('2025-03-10', 'DAY_OFF',     'International Women''s Day (moved from Saturday 8 March)'),
    ('2025-03-21', 'HOLIDAY',     'Nauryz'),
    ('2025-03-22', 'HOLIDAY',     'Nauryz'),
    ('2025-03-23', 'HOLIDAY',     'Nauryz'),
    ('2025-03-24', 'DAY_OFF',     'Nauryz (moved from Saturday 22 March)'),
    ('2025-03-25', 'DAY_OFF',     'Nauryz (moved from Sunday 23 March)'),
    ('2025-05-01', 'HOLIDAY',     'Kazakhstan People''s Unity Day'),
    ('2025-05-07', 'HOLIDAY',     'Defender of the Fatherland Day'),
    ('2025-05-09', 'HOLIDAY',     'Victory Day'),
    ('2025-06-06', 'HOLIDAY',     'Kurban Ait (day 1)'),
    ('2025-07-06', 'HOLIDAY',     'Capital Day'),
    ('2025-07-07', 'DAY_OFF',     'Capital Day (moved from Sunday 6 July)'),
    ('2025-08-30', 'HOLIDAY',     'Constitution Day'),
    ('2025-09-01', 'DAY_OFF',     'Constitution Day (moved from Saturday 30 August)'),
    ('2025-10-25', 'HOLIDAY',     'Republic Day'),
    ('2025-10-27', 'DAY_OFF',     'Republic Day (moved from Saturday 25 October)'),
    ('2025-12-16', 'HOLIDAY',     'Independence Day');

-- 2026 ------------------------------------------------------------------------------------------------------
-- No transfer order for 2026 was found. 15 March 2026 (Sunday, the referendum) is not a holiday this year:
-- Constitution Day on 15 March is observed from 2027. 30 August 2026 (Sunday) is no longer Constitution Day,
-- so Monday 31 August 2026, listed as a day off in the egov.kz calendar published before the referendum, is
-- a working day.
INSERT INTO calendar_day (day, kind, name) VALUES
    ('2026-01-01', 'HOLIDAY',     'New Year'),
    ('2026-01-02', 'HOLIDAY',     'New Year (day 2)'),
    ('2026-01-07', 'HOLIDAY',     'Orthodox Christmas'),
    ('2026-03-08', 'HOLIDAY',     'International Women''s Day'),
    ('2026-03-09', 'DAY_OFF',     'International Women''s Day (moved from Sunday 8 March)'),
    ('2026-03-21', 'HOLIDAY',     'Nauryz'),
    ('2026-03-22', 'HOLIDAY',     'Nauryz'),
    ('2026-03-23', 'HOLIDAY',     'Nauryz'),
    ('2026-03-24', 'DAY_OFF',     'Nauryz (moved from Saturday 21 March)'),
    ('2026-03-25', 'DAY_OFF',     'Nauryz (moved from Sunday 22 March)'),
    ('2026-05-01', 'HOLIDAY',     'Kazakhstan People''s Unity Day'),
    ('2026-05-07', 'HOLIDAY',     'Defender of the Fatherland Day'),
    ('2026-05-09', 'HOLIDAY',     'Victory Day'),
    ('2026-05-11', 'DAY_OFF',     'Victory Day (moved from Saturday 9 May)'),
    ('2026-05-27', 'HOLIDAY',     'Kurban Ait (day 1)'),
    ('2026-07-06', 'HOLIDAY',     'Capital Day'),
    ('2026-10-25', 'HOLIDAY',     'Republic Day'),
    ('2026-10-26', 'DAY_OFF',     'Republic Day (moved from Sunday 25 October)'),
    ('2026-12-16', 'HOLIDAY',     'Independence Day');

-- 2027 (computed by the statutory rule) --------------------------------------------------------------------
INSERT INTO calendar_day (day, kind, name) VALUES
    ('2027-01-01', 'HOLIDAY',     'New Year'),
    ('2027-01-02', 'HOLIDAY',     'New Year (day 2)'),
    ('2027-01-04', 'DAY_OFF',     'New Year (moved from Saturday 2 January)'),
    ('2027-01-07', 'HOLIDAY',     'Orthodox Christmas'),
    ('2027-03-08', 'HOLIDAY',     'International Women''s Day'),
    ('2027-03-15', 'HOLIDAY',     'Constitution Day'),
    ('2027-03-21', 'HOLIDAY',     'Nauryz'),
    ('2027-03-22', 'HOLIDAY',     'Nauryz'),
    ('2027-03-23', 'HOLIDAY',     'Nauryz'),
    ('2027-03-24', 'DAY_OFF',     'Nauryz (moved from Sunday 21 March)'),
    ('2027-05-01', 'HOLIDAY',     'Kazakhstan People''s Unity Day'),
    ('2027-05-03', 'DAY_OFF',     'Kazakhstan People''s Unity Day (moved from Saturday 1 May)'),
    ('2027-05-07', 'HOLIDAY',     'Defender of the Fatherland Day'),
    ('2027-05-09', 'HOLIDAY',     'Victory Day'),
    ('2027-05-10', 'DAY_OFF',     'Victory Day (moved from Sunday 9 May)'),
    ('2027-05-16', 'HOLIDAY',     'Kurban Ait (day 1, expected date; religious holiday, not moved off Sunday)'),
    ('2027-07-06', 'HOLIDAY',     'Capital Day'),
    ('2027-10-25', 'HOLIDAY',     'Republic Day'),
    ('2027-12-16', 'HOLIDAY',     'Independence Day');

-- Kurban Ait day 1, 10 Dhu al-Hijjah (Umm al-Qura). 2025 and 2026 are the official dates; later years are expected
-- dates, to be checked against DUMK's yearly calendar.
INSERT INTO movable_holiday (day, name) VALUES
    ('2025-06-06', 'Kurban Ait (day 1), 1446 AH: official'),
    ('2026-05-27', 'Kurban Ait (day 1), 1447 AH: official (DUMK)'),
    ('2027-05-16', 'Kurban Ait (day 1), 1448 AH: expected'),
    ('2028-05-05', 'Kurban Ait (day 1), 1449 AH: expected'),
    ('2029-04-24', 'Kurban Ait (day 1), 1450 AH: expected'),
    ('2030-04-13', 'Kurban Ait (day 1), 1451 AH: expected'),
    ('2031-04-02', 'Kurban Ait (day 1), 1452 AH: expected'),
    ('2032-03-22', 'Kurban Ait (day 1), 1453 AH: expected'),
    ('2033-03-12', 'Kurban Ait (day 1), 1454 AH: expected'),
    ('2034-03-01', 'Kurban Ait (day 1), 1455 AH: expected'),
    ('2035-02-19', 'Kurban Ait (day 1), 1456 AH: expected');
