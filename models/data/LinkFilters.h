#pragma once

#include "RelationInfo.h"
#include "RowFilter.h"

#include <optional>

namespace strata {

// The filters that show what a foreign key links, for the browser's jumps: the row a row points
// at, or the rows of another table that point at it.
namespace LinkFilters {

// The row `link` (one of relation.foreignKeys) points at, given the pointing row's values in
// column order; nothing when one of them is NULL (a NULL reference points nowhere).
std::optional<QList<RowFilter>> referenced(const RelationInfo &relation, const RelationLink &link,
                                           const QStringList &rowValues);
// The rows of link.otherTable (`link` one of relation.referencedBy) that point at the row whose
// values these are.
QList<RowFilter> referencing(const RelationInfo &relation, const RelationLink &link, const QStringList &rowValues);

} // namespace LinkFilters

} // namespace strata
