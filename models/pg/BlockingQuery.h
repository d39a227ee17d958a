#pragma once

#include "pg/PgError.h"
#include "pg/QueryResult.h"

#include <optional>

namespace strata {

class Connection;

// For the command line and tests, which have no window to keep alive: waits in a local event
// loop for a Connection to open or a query to finish. Never for the GUI, which reacts to
// Connection's signals instead.
class BlockingQuery
{
public:
    // Opens `connection` unless it is open; false and *error when it cannot.
    static bool open(Connection &connection, PgError *error = nullptr);
    // Opens if needed, runs `query`, and returns its rows; nothing and *error on failure.
    static std::optional<QueryResult> run(Connection &connection, const Query &query, PgError *error = nullptr);
};

} // namespace strata
