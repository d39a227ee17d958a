#pragma once

#include "pg/Connection.h"

namespace strata::bench {

// Where the time of `strata_bench introspect` goes on Strata's side: connecting, each of
// the introspector's statements on a fresh session (catalog caches cold, as in the timed
// runs) and on a long-lived one (`warm`), the server's part of each (EXPLAIN ANALYZE), and
// Introspector::assemble(). Prints one line per step. False when a query failed (the
// reason in *error) or the run was interrupted.
bool printIntrospectBreakdown(const ConnectionSpec &spec, Connection &warm, int runs, QString *error);

} // namespace strata::bench
