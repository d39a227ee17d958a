#pragma once

#include "schema/Schema.h"

#include <QByteArray>

#include <cstdint>

namespace strata::bench {

// A drizzle-orm schema.ts and an edited version of it, for `strata_bench diff`.
struct DrizzleSchemaPair {
    QByteArray before;  // A: `tables` tables in public and billing, enums, foreign keys, indexes
    QByteArray after;   // B: A with every table changed
    // A and B as Strata's models, built here the way SnapshotJson::read would read
    // drizzle-kit's snapshots of them, for a run without node. In unchanged details (an
    // identity's options, say) they may differ from those snapshots; the change between them
    // is the same, which `strata_bench diff` checks whenever drizzle-kit runs.
    Schema beforeModel;
    Schema afterModel;

    // What B changes, printed next to the figures so that a reader knows what was diffed.
    int tables = 0;
    int touchedTables = 0;
    int addedColumns = 0;
    int newEnumColumns = 0;  // added columns of the enum that only B declares
    int newIndexes = 0;
    int droppedForeignKeys = 0;
    int keptForeignKeys = 0;  // for scale: the foreign keys B still has
};

// Every choice (id type, columns, parents, indexes, what B changes) comes from `seed`
// through a fixed generator, so the same arguments give the same bytes on every machine.
// A has serial, identity and uuid keys, composite keys on link tables, varchar, numeric,
// timestamptz, boolean, jsonb and array columns with defaults, three enums (one in schema
// billing), foreign keys to earlier tables (inline and named, across schemas) and plain,
// unique, multi-column and descending indexes. B adds 1–4 columns to every table, a new
// enum review_state used by some of them, new indexes on about half the tables, and drops
// about a third of the foreign keys; it drops and renames nothing, so drizzle-kit generate
// asks no questions.
DrizzleSchemaPair generatedDrizzleSchemas(int tables, std::uint64_t seed);

} // namespace strata::bench
