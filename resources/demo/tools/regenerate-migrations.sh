#!/usr/bin/env bash
# Re-creates the demo's migration history with the real drizzle-kit, in a scratch folder.
# It never writes into the repository: compare its output with ../project/drizzle by hand.
# A new run gives new snapshot ids and journal "when" values (and so new file hashes
# in a database's bookkeeping table): replace the committed folder only on purpose,
# then regenerate seed.sql (python3 gen_seed.py > ../seed.sql).
#
# usage: tools/regenerate-migrations.sh [scratch-dir]   (default: a new mktemp -d)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$here/../project"
out="${1:-$(mktemp -d)}"
mkdir -p "$out/src/db"
cp "$project/package.json" "$project/drizzle.config.ts" "$out/"
cd "$out"
npm install --no-audit --no-fund
for step in "$here"/schema-steps/*.ts; do
  name="$(basename "$step" .ts)"   # 0002_page_views -> --name=page_views
  cp "$step" src/db/schema.ts
  npx drizzle-kit generate --name="${name#*_}"
done
npx drizzle-kit generate   # must say: No schema changes, nothing to migrate
npx drizzle-kit check      # must say: Everything's fine
echo "Generated in $out/drizzle"
