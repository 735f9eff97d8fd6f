#!/usr/bin/env bash
# Writes the SQL that takes the schema at a git revision (default HEAD) to the
# current prisma/schema.prisma, using Prisma 6's diff in a scratch directory
# outside the repo (Prisma 7's CLI needs a schema engine we cannot download).
# Usage: scripts/migration-diff.sh [git-rev] > prisma/migrations/<timestamp>_<name>/migration.sql
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-HEAD}"
scratch="${MIGRATION_DIFF_DIR:-/tmp/rebound-migration-diff}"
mkdir -p "$scratch"
cd "$scratch"
if [ ! -x node_modules/.bin/prisma ]; then
  echo '{"name":"migration-diff","private":true,"type":"module"}' > package.json
  npm install --no-audit --no-fund --silent prisma@6.19.3 @prisma/adapter-better-sqlite3@6.19.3 better-sqlite3@12 >&2
fi
cat > prisma.config.ts <<'CFG'
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
export default defineConfig({
  schema: "new.prisma",
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url: "file:./scratch.db" }),
} as any);
CFG
to_v6() {
  sed -e 's/provider     = "prisma-client"/provider = "prisma-client-js"\n  engineType = "client"/' -e '/output /d' -e '/moduleFormat/d' \
      -e 's/  provider = "sqlite"/  provider = "sqlite"\n  url = "file:.\/scratch.db"/'
}
git -C "$root" show "$rev:prisma/schema.prisma" | to_v6 > old.prisma
to_v6 < "$root/prisma/schema.prisma" > new.prisma
touch no-engine
PRISMA_QUERY_ENGINE_LIBRARY="$scratch/no-engine" PRISMA_SCHEMA_ENGINE_BINARY="$scratch/no-engine" \
  node_modules/.bin/prisma migrate diff --from-schema-datamodel old.prisma --to-schema-datamodel new.prisma --script 2>/dev/null
