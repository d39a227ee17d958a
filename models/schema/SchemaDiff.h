#pragma once

#include "ChangeSet.h"
#include "RenameDecisions.h"

namespace strata {

// Compares two schemas and says what changed, as drizzle-kit 0.31's generate sees it, in
// the order its SQL must run: schemas, enums, sequences and roles first; then new tables,
// row-level security, views taken away, dropped, moved and renamed tables; then inside
// tables: renamed columns, dropped constraints, foreign keys and indexes, column changes,
// added columns, then foreign keys and indexes (of new tables after all of them exist),
// dropped columns, added constraints; views created; policies; enums, sequences and schemas
// dropped last. Within a group the order is the schemas' own list order.
//
// Renames are never guessed (see RenameDecisions). Strata differs from drizzle-kit on
// purpose where drizzle's result is wrong: a single-column primary key is dropped by name
// (drizzle writes a comment asking the user to do it), and a view that reads a table whose
// column changes type is dropped before and created again after (PostgreSQL refuses to
// change the type under it).
//
// Down migrations: compare(to, from, decisions.inverted()).
class SchemaDiff
{
public:
    static ChangeSet compare(const Schema &from, const Schema &to, const RenameDecisions &renames = {});
};

} // namespace strata
