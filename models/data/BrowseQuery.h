#pragma once

#include "KeysetQuery.h"
#include "RelationInfo.h"

namespace strata {

// A column the user sorts by (a header click; several with Shift).
struct SortColumn {
    QString column;
    bool descending = false;
    bool operator==(const SortColumn &) const = default;
};

// How a far jump finds its rows without reading the ones it skips.
struct Landing {
    enum class Mode {
        Statistics,  // the first order column's histogram (pg_stats), else its min/max if numeric
        Ctid,        // physical order: a block number from the relation's size
        Offset,      // no key to land on (views): OFFSET, which reads every skipped row
    };
    Mode mode = Mode::Offset;
    QString column;            // Statistics: the column
    bool interpolate = false;  // Statistics: numeric, so min + fraction × (max − min) works without a histogram
};

// The queries that browse one relation in one order with one filter: the keyset query, how to
// land a jump, and where the key and xmin are among the values each row brings.
struct BrowseQuery {
    KeysetQuery keyset;
    Landing landing;
    bool pagesByOffset = false;  // no unique order (a view): every page by OFFSET
    int columnCount = 0;         // values 0..columnCount-1 are the relation's columns, in order
    int xminIndex = -1;          // the row version, for conflict checks; -1 when not read (views)

    static BrowseQuery build(const RelationInfo &relation, const QList<SortColumn> &sort,
                             const QString &where = {}, const QStringList &params = {});
    // The ORDER BY body the browse uses (for exports of what the user sees).
    static QString orderBy(const RelationInfo &relation, const QList<SortColumn> &sort);
};

} // namespace strata
