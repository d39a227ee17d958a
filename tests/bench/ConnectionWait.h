#pragma once

#include "pg/Connection.h"

#include <optional>

namespace strata::bench {

// Blocking helpers for benchmarks: they spin a local event loop until the Connection's
// queued answer arrives, so that a figure can be timed around one call.

// Opens `connection`; false with the reason in *error when it could not.
bool waitForOpen(Connection &connection, QString *error);

// Runs one statement; nothing, with the reason in *error, when it failed.
std::optional<QueryResult> waitForResult(Connection &connection, const Query &query, QString *error);

} // namespace strata::bench
