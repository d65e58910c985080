-- Each municipality its own office (issue 17): cases and staff on the national "municipality" are
-- moved to their town's municipality `municipality-<slug>` (lib/municipalities/data). The maps
-- below are that data at the time of this migration, by the same rule as municipalityForPlace:
-- a delegation covered by exactly one municipality of its governorate; else the service house
-- the case was filed at. What cannot be placed stays on "municipality": an admin places it
-- (staff/admin/municipalities). Each move is written in the case's timeline ("placed").
CREATE TEMPORARY TABLE "muni_by_delegation" ("governorate" text NOT NULL, "delegation" text NOT NULL, "municipality" text NOT NULL);--> statement-breakpoint
INSERT INTO "muni_by_delegation" VALUES
  ('tunis', 'tunis-ville', 'municipality-tunis'),
  ('tunis', 'el-omrane', 'municipality-tunis'),
  ('tunis', 'el-omrane-superieur', 'municipality-tunis'),
  ('tunis', 'ettahrir', 'municipality-tunis'),
  ('tunis', 'el-menzah', 'municipality-tunis'),
  ('tunis', 'cite-el-khadra', 'municipality-tunis'),
  ('tunis', 'el-ouardia', 'municipality-tunis'),
  ('tunis', 'el-kabaria', 'municipality-tunis'),
  ('tunis', 'ezzouhour', 'municipality-tunis'),
  ('tunis', 'el-hrairia', 'municipality-tunis'),
  ('tunis', 'sejoumi', 'municipality-tunis'),
  ('tunis', 'jebel-jelloud', 'municipality-tunis'),
  ('tunis', 'sidi-el-bechir', 'municipality-tunis'),
  ('tunis', 'bab-el-bhar', 'municipality-tunis'),
  ('tunis', 'bab-souika', 'municipality-tunis'),
  ('ariana', 'ariana-ville', 'municipality-ariana'),
  ('ben-arous', 'ben-arous', 'municipality-ben-arous'),
  ('manouba', 'manouba', 'municipality-manouba'),
  ('nabeul', 'nabeul', 'municipality-nabeul'),
  ('zaghouan', 'zaghouan', 'municipality-zaghouan'),
  ('bizerte', 'bizerte-nord', 'municipality-bizerte'),
  ('bizerte', 'bizerte-sud', 'municipality-bizerte'),
  ('beja', 'beja-nord', 'municipality-beja'),
  ('beja', 'beja-sud', 'municipality-beja'),
  ('jendouba', 'jendouba', 'municipality-jendouba'),
  ('jendouba', 'jendouba-nord', 'municipality-jendouba'),
  ('jendouba', 'ain-draham', 'municipality-ain-draham'),
  ('kef', 'le-kef-ouest', 'municipality-le-kef'),
  ('kef', 'le-kef-est', 'municipality-le-kef'),
  ('siliana', 'siliana-nord', 'municipality-siliana'),
  ('siliana', 'siliana-sud', 'municipality-siliana'),
  ('sousse', 'sousse-ville', 'municipality-sousse'),
  ('sousse', 'sousse-jawhara', 'municipality-sousse'),
  ('sousse', 'sousse-riadh', 'municipality-sousse'),
  ('sousse', 'sousse-sidi-abdelhamid', 'municipality-sousse'),
  ('monastir', 'monastir', 'municipality-monastir'),
  ('mahdia', 'mahdia', 'municipality-mahdia'),
  ('sfax', 'sfax-ville', 'municipality-sfax'),
  ('sfax', 'sfax-ouest', 'municipality-sfax'),
  ('sfax', 'sfax-sud', 'municipality-sfax'),
  ('kairouan', 'kairouan-nord', 'municipality-kairouan'),
  ('kairouan', 'kairouan-sud', 'municipality-kairouan'),
  ('kasserine', 'kasserine-nord', 'municipality-kasserine'),
  ('kasserine', 'kasserine-sud', 'municipality-kasserine'),
  ('kasserine', 'ezzouhour', 'municipality-kasserine'),
  ('kasserine', 'thala', 'municipality-thala'),
  ('kasserine', 'haidra', 'municipality-haidra'),
  ('sidi-bouzid', 'sidi-bouzid-ouest', 'municipality-sidi-bouzid'),
  ('sidi-bouzid', 'sidi-bouzid-est', 'municipality-sidi-bouzid'),
  ('gabes', 'gabes-ville', 'municipality-gabes'),
  ('gabes', 'gabes-sud', 'municipality-gabes'),
  ('gabes', 'gabes-ouest', 'municipality-gabes'),
  ('medenine', 'medenine-nord', 'municipality-medenine'),
  ('medenine', 'medenine-sud', 'municipality-medenine'),
  ('tataouine', 'tataouine-nord', 'municipality-tataouine'),
  ('tataouine', 'tataouine-sud', 'municipality-tataouine'),
  ('gafsa', 'gafsa-nord', 'municipality-gafsa'),
  ('gafsa', 'gafsa-sud', 'municipality-gafsa'),
  ('tozeur', 'tozeur', 'municipality-tozeur'),
  ('kebili', 'kebili-nord', 'municipality-kebili'),
  ('kebili', 'kebili-sud', 'municipality-kebili');--> statement-breakpoint
CREATE TEMPORARY TABLE "muni_by_house" ("house" text NOT NULL, "municipality" text NOT NULL);--> statement-breakpoint
INSERT INTO "muni_by_house" VALUES
  ('demo-tunis-bab-souika', 'municipality-tunis'),
  ('demo-siliana-cooperative', 'municipality-siliana'),
  ('demo-sousse', 'municipality-sousse'),
  ('demo-sfax-kiosk', 'municipality-sfax'),
  ('demo-kasserine-nord', 'municipality-kasserine'),
  ('demo-mobile-kasserine', 'municipality-kasserine'),
  ('demo-mobile-tataouine', 'municipality-tataouine'),
  ('demo-gafsa-single', 'municipality-gafsa'),
  ('haidra', 'municipality-haidra'),
  ('demo-ain-draham', 'municipality-ain-draham');--> statement-breakpoint
-- 1. Municipal reports, by the delegation of their place.
WITH "moved" AS (
  UPDATE "cases" c SET "body_id" = m."municipality", "version" = c."version" + 1
  FROM "muni_by_delegation" m
  WHERE c."body_id" = 'municipality' AND c."payload"->>'governorate' = m."governorate" AND c."payload"->>'delegation' = m."delegation"
  RETURNING c."id", c."body_id", 'delegation'::text AS "rule"
)
INSERT INTO "case_events" ("case_id", "seq", "at", "type", "visibility", "data")
SELECT moved."id", (SELECT coalesce(max(e."seq"), 0) + 1 FROM "case_events" e WHERE e."case_id" = moved."id"), now(), 'placed', 'public', jsonb_build_object('fromBodyId', 'municipality', 'toBodyId', moved.body_id, 'by', 'migration', 'rule', moved.rule)
FROM "moved";--> statement-breakpoint
-- 2. The others filed at (or for) a service house: that house's town.
WITH "moved" AS (
  UPDATE "cases" c SET "body_id" = h."municipality", "version" = c."version" + 1
  FROM "muni_by_house" h
  WHERE c."body_id" = 'municipality' AND c."house_id" = h."house"
  RETURNING c."id", c."body_id", 'house'::text AS "rule"
)
INSERT INTO "case_events" ("case_id", "seq", "at", "type", "visibility", "data")
SELECT moved."id", (SELECT coalesce(max(e."seq"), 0) + 1 FROM "case_events" e WHERE e."case_id" = moved."id"), now(), 'placed', 'public', jsonb_build_object('fromBodyId', 'municipality', 'toBodyId', moved.body_id, 'by', 'migration', 'rule', moved.rule)
FROM "moved";--> statement-breakpoint
-- 3. Municipal staff of a service house work for its town; the others wait for an admin.
UPDATE "users" u SET "body_id" = h."municipality"
FROM "muni_by_house" h
WHERE u."body_id" = 'municipality' AND u."house_id" = h."house";--> statement-breakpoint
DROP TABLE "muni_by_delegation";--> statement-breakpoint
DROP TABLE "muni_by_house";
