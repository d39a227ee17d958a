#pragma once

namespace strata::bench {

// `strata_bench introspect [tables]`: Strata's introspection of a generated schema (1,000
// tables unless told) into the model, against `pg_dump -s` of the same database on a
// private server, median of 5 interleaved runs each, plus where Strata's time goes.
// Needs a running QCoreApplication.
int introspect(int tables);

} // namespace strata::bench
