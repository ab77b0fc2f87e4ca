// Prisma CLI configuration (Prisma 7). The app itself never reads DATABASE_URL from here:
// lib/db chooses the driver adapter at run time (PostgreSQL server or embedded PGlite).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/drillbook" },
});
