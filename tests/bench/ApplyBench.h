#pragma once

#include <QString>

namespace strata::bench {

// `strata_bench apply [--npm <folder>]`: a generated drizzle folder (0.x layout, journal) of
// 2,000 DDL statements in 10 migrations applied to fresh databases of a private server by
// `strata migrate --json` (its events read and thrown away), by `psql -1 -f` of the files put
// together, and by `drizzle-kit migrate`, interleaved, median of 3 rounds; each database is
// checked afterwards (its tables, and 10 ledger rows for strata and drizzle-kit) so that a
// broken run cannot look fast. `npmFolder` is where support.NpmPackages installed
// drizzle-kit; without node or the packages drizzle-kit is left out, saying why. Needs a
// running QCoreApplication.
int apply(const QString &npmFolder);

} // namespace strata::bench
