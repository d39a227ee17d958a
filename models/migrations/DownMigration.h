#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

class MigrationFolder;

// The SQL that undoes one migration.
struct DownSql {
    enum class Source {
        Stored,   // the down file Strata saved beside the migration
        Derived,  // from the snapshot chain: the migration's snapshot back to the one before
    };
    Source source = Source::Stored;
    QString file;          // Stored: the down file; Derived: the migration's snapshot (its SQL
                           // file when that runs nothing, and so has nothing to undo)
    QString previousFile;  // Derived: the snapshot before it; empty for a folder's first migration
    QString text;          // as a migration file holds it (statements joined by breakpoints)
};

// Finds the down SQL of a folder's migrations. A migration that drizzle-kit wrote has no down
// file, so its down SQL is the diff from its snapshot back to the previous one (the empty
// schema before the first), with the renames that its own SQL performs (SqlRenames) undone
// as renames rather than as a drop and an empty create.
class DownMigration
{
public:
    // `index` into folder.migrations(). Nothing, and *error says why, when neither a down file
    // nor both snapshots are there, when the snapshots do not chain, or when the snapshots
    // are equal although the migration has SQL (custom SQL: only its author can undo it).
    static std::optional<DownSql> of(const MigrationFolder &folder, int index, QString *error);
    // The way back from migrations first..last (indexes, in folder order) together, derived
    // from last's snapshot back to the one before first: for a rollback of several steps,
    // where a migration in between may keep its predecessor's snapshot although its SQL
    // changed the schema (its effect then shows in a neighbour's snapshot). A table it
    // creates again gets its columns in the order the history gave them. Down files are
    // not read here.
    static std::optional<DownSql> span(const MigrationFolder &folder, int first, int last, QString *error);
};

} // namespace strata
