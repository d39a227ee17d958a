#pragma once

#include <QString>

namespace strata::bench {

// `strata_bench diff [tables] [--npm <folder>]`: one change to a generated drizzle schema of
// `tables` tables (300 unless told) that touches every table (added columns, new indexes, a
// new enum, dropped foreign keys). Strata's diff and SQL writing, from models in memory,
// from the two snapshot files, and as the `strata diff` command, against `drizzle-kit
// generate` of the same change in the same run, median of 5 interleaved rounds; then
// whether both wrote the same statements. `npmFolder` is where support.NpmPackages
// installed drizzle-kit; without node or the packages the Strata figures come alone.
// Needs a running QCoreApplication.
int diff(int tables, const QString &npmFolder);

} // namespace strata::bench
