-- Teams own clusters. The free-text "ownerTeam" of every cluster becomes a reference to a team;
-- the column stays, as the team's name, for every form, API field, CSV and report that reads it.

-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('member', 'maintainer');

-- CreateTable
CREATE TABLE "team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "mergedNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_member" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "TeamRole" NOT NULL DEFAULT 'member',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "team_member_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "team_key_key" ON "team"("key");

-- CreateIndex
CREATE INDEX "team_member_userId_idx" ON "team_member"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "team_member_teamId_userId_key" ON "team_member"("teamId", "userId");

-- AlterTable (nullable until every cluster has its team)
ALTER TABLE "cluster" ADD COLUMN     "teamId" TEXT;

-- Data: one team per owner-team spelling, merged the way lib/teams/rules.ts compares names
-- (whitespace runs collapsed to one space, trimmed, lower-cased). Its name is the most common
-- tidied spelling (ties: the first in byte order); every other raw spelling is kept in
-- "mergedNames" so Admin → Teams can show what was merged.
WITH spelled AS (
    SELECT "ownerTeam" AS raw,
           COALESCE(NULLIF(btrim(regexp_replace("ownerTeam", '\s+', ' ', 'g')), ''), 'Unassigned') AS display
    FROM "cluster"
), keyed AS (
    SELECT raw, display, lower(display) AS key FROM spelled
), counted AS (
    SELECT key, display, count(*) AS uses FROM keyed GROUP BY key, display
), canonical AS (
    SELECT DISTINCT ON (key) key, display AS name FROM counted ORDER BY key, uses DESC, display COLLATE "C"
)
INSERT INTO "team" ("id", "name", "key", "mergedNames", "updatedAt")
SELECT gen_random_uuid()::text,
       c.name,
       c.key,
       COALESCE(
           (SELECT array_agg(DISTINCT k.raw COLLATE "C" ORDER BY k.raw COLLATE "C") FROM keyed k WHERE k.key = c.key AND k.raw <> c.name),
           ARRAY[]::TEXT[]
       ),
       CURRENT_TIMESTAMP
FROM canonical c;

UPDATE "cluster" AS c
SET "teamId" = t."id", "ownerTeam" = t."name"
FROM "team" AS t
WHERE t."key" = lower(COALESCE(NULLIF(btrim(regexp_replace(c."ownerTeam", '\s+', ' ', 'g')), ''), 'Unassigned'));

-- AlterTable
ALTER TABLE "cluster" ALTER COLUMN "teamId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "cluster_teamId_idx" ON "cluster"("teamId");

-- AddForeignKey
ALTER TABLE "cluster" ADD CONSTRAINT "cluster_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
