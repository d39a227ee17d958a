#pragma once

#include <QtGlobal>

namespace strata::bench {

// `strata_bench export [rows]`: a table of `rows` rows (10,000,000 by default; bigint, text,
// timestamptz, numeric, boolean) generated in a private server, exported to a CSV file by
// TableExport and by raw libpq (the same COPY … TO STDOUT, each row fwrite()n to a file),
// alternating which goes first, median of 3 rounds after one unmeasured round of each; both
// files must have the same size and row count, so that a broken run cannot look fast. Needs
// a running QCoreApplication.
int exportTable(qint64 rows);

} // namespace strata::bench
