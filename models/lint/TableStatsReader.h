#pragma once

#include "lint/HazardLint.h"
#include "pg/PgError.h"
#include "pg/QueryResult.h"

#include <optional>

namespace strata {

class Connection;

// What HazardLint's severities need from a live database: every table's estimated rows
// (reltuples) and size, and its columns' types, from the catalogs in one statement. Reads
// statistics only; never counts rows.
class TableStatsReader
{
public:
    // One statement, rows in no order; for servers from PostgreSQL 10 on.
    static Query query();
    // Before PostgreSQL 14, reltuples 0 with relpages 0 also meant "never analysed".
    static TableStats fromResult(const QueryResult &result, int serverVersion);
    // For the command line: opens `connection` if needed and waits.
    static std::optional<TableStats> readAndWait(Connection &connection, PgError *error = nullptr);
};

} // namespace strata
