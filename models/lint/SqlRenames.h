#pragma once

#include "schema/RenameDecisions.h"

#include <QString>

namespace strata {

// The renames and schema moves a migration's SQL performs (ALTER … RENAME TO, RENAME COLUMN,
// SET SCHEMA), read from libpg_query's parse tree, as the RenameDecisions that SchemaDiff
// would need to write that same migration. drizzle-kit keeps no record of a rename in its
// snapshots, so this is how a down migration derived from two snapshots gets a renamed
// column back under its old name rather than dropping it and adding an empty one.
class SqlRenames
{
public:
    // `sql` is a whole migration (drizzle's breakpoints or plain statements); statements that
    // do not parse are skipped. Unqualified names are in `defaultSchema`. Columns and policies
    // name their table as it is after the whole text ran.
    static RenameDecisions fromSql(const QString &sql,
                                   const QString &defaultSchema = QStringLiteral("public"));
};

} // namespace strata
