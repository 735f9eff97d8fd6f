#!/bin/sh
echo "Prisma's schema engine is not available on this machine; run 'npm run db:migrate' (scripts/migrate.ts) instead." >&2
exit 1
