#pragma once

#include <QString>

namespace strata::bench {

// What generatedSchemaSql(tables) creates, to check that an introspection saw all of it.
struct GeneratedCounts {
    int tables = 0;
    int columns = 0;
    int views = 0;
    int indexes = 0;  // besides primary keys
    int foreignKeys = 0;
    int checks = 0;
    int enums = 0;
    int sequences = 0;  // stand-alone ones; identity sequences stay with their column
};

// One DO block that builds a deterministic schema of `tables` tables across the schemas
// app, billing and audit: 10–15 columns each (identity, text, varchar(n), numeric(p,s),
// timestamptz default now(), boolean default, jsonb, an enum, arrays, a sequence default),
// a primary key, a foreign key to an earlier table, checks, 1–3 indexes (unique, partial,
// expression), plus 5 enums, 20 sequences and a view per 20 tables. It commits every 50
// tables, so it must run as a statement of its own, outside a transaction block.
QString generatedSchemaSql(int tables);

GeneratedCounts generatedCounts(int tables);

} // namespace strata::bench
