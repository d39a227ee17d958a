#pragma once

#include "ChangeSet.h"
#include "RenameDecisions.h"

#include <QStringList>

namespace strata {

// Writes a ChangeSet as SQL statements in drizzle-kit 0.31's forms and order (see
// SchemaDiff), so that a migration Strata writes reads like one drizzle-kit wrote.
// Deliberate differences, each because drizzle-kit's text is wrong:
//   - identifiers are quoted with embedded " doubled, and enum labels in ADD VALUE are
//     escaped (drizzle-kit interpolates both raw, which breaks on " and ');
//   - a single-column primary key is dropped by name ("<table>_pkey"), where drizzle-kit
//     writes a comment asking the user to do it;
//   - NOT NULL changes next to identity changes are kept (see TableDiff);
//   - types that drizzle-kit would qualify with a missing schema ("undefined"."inet") are
//     written unqualified;
//   - a policy's roles are quoted where PostgreSQL needs it in ALTER POLICY too;
//   - roles are dropped after the policies and tables that name them, not before;
//   - a renamed table's column key and serial sequences are renamed with it ("<old>_pkey",
//     "<old>_<column>_seq" would stay, and a later DROP CONSTRAINT "<new>_pkey" fail);
//   - a foreign key into a renamed or moved table or schema is left alone (PostgreSQL keeps
//     it pointing at its table); drizzle-kit drops and adds it again, which re-validates it.
// The output is deterministic: the same change set gives the same bytes, and a statement
// repeated verbatim is written once, as drizzle-kit does.
class DdlWriter
{
public:
    // What drizzle-kit writes between statements of a migration file.
    static QString breakpoint() { return QStringLiteral("\n--> statement-breakpoint\n"); }

    static QStringList write(const ChangeSet &changes);
    // The statements joined as in a migration file.
    static QString join(const QStringList &statements);

    // The migration from `from` to `to`, and the one back (the same engine run from `to`
    // to `from` with the decisions inverted).
    static QStringList up(const Schema &from, const Schema &to, const RenameDecisions &renames = {});
    static QStringList down(const Schema &from, const Schema &to, const RenameDecisions &renames = {});
};

} // namespace strata
