#pragma once

#include <QtGlobal>

namespace strata::bench {

// `strata_bench browse [rows]`: the table browser on a generated table (10,000,000 rows unless
// told) of a private server: first rows after opening, against connect + `SELECT … LIMIT 100`
// by raw libpq; a far jump to the middle by key and by an indexed integer column, against the
// raw keyset query for the same page on an open session; and resident memory after scrolling
// the whole table. Medians of 5 interleaved rounds. Needs a running QCoreApplication.
int browse(qint64 rows);

} // namespace strata::bench
