#!/usr/bin/env bash
# Migration SQL written offline with Prisma 6's diff (decisions 001 and 011):
#   scripts/migration-diff.sh [git-rev] > prisma/migrations/<timestamp>_<name>/migration.sql
#   scripts/migration-diff.sh --engine postgres [git-rev]   (the same change for PostgreSQL, printed)
#   scripts/migration-diff.sh --postgres-twins             (writes the PostgreSQL twin of every SQLite migration lacking one)
set -euo pipefail
exec node "$(cd "$(dirname "$0")" && pwd)/migration-diff.mjs" "$@"
