#pragma once

// Internal to SchemaDiff: the statement groups drizzle-kit 0.31 emits, in its order
// (applyPgSnapshotsDiff in src/snapshotsDiffer.ts), and the per-table part of the diff.

#include "ChangeSet.h"
#include "RenameDecisions.h"

#include <array>

namespace strata {

// Strata's own groups, where drizzle-kit's order makes PostgreSQL refuse the script (each
// holds only changes that would fail in drizzle's place): DropForeignKeysOfDroppedKeys (a
// foreign key on a unique constraint dropped too), AddPrimaryKeysOfNewColumns (a key over
// a column added in the same migration) and CreateForeignKeysOfNewKeys (a foreign key on a
// primary key or unique constraint added in the same migration).
enum class DiffGroup {
    CreateSchemas, RenameSchemas, CreateEnums, MoveEnums, RenameEnums, AddEnumValues,
    CreateSequences, MoveSequences, RenameSequences, AlterSequences,
    RenameRoles, CreateRoles, AlterRoles,
    CreateTables, EnableRls, DisableRls, DropViews, RenameViews, AlterViews,
    DropTables, MoveTables, RenameTables, RenameColumns, DropForeignKeysOfDroppedKeys, DropUniques, DropChecks,
    DropForeignKeys, RecreateEnums, DropIndexes, DropChangedIndexes, DropPrimaryKeys, AlterColumns, AddPrimaryKeys,
    AddColumns, AddPrimaryKeysOfNewColumns, CreateForeignKeysOfNewTables, CreateIndexesOfNewTables, CreateForeignKeys,
    CreateIndexes, CreateChangedIndexes, DropColumns, AlterPrimaryKeys, AddUniques, AddChecks,
    CreateForeignKeysOfNewKeys, CreateViews,
    RenamePolicies, DropPolicies, CreatePolicies, AlterPolicies,
    RenameLinkedPolicies, DropLinkedPolicies, CreateLinkedPolicies, AlterLinkedPolicies,
    Comments,  // everything commented on exists by now
    // drizzle-kit drops roles before the tables and policies that name them, which PostgreSQL
    // refuses ("role cannot be dropped because some objects depend on it"): Strata, after.
    DropRoles,
    DropEnums, DropSequences, DropSchemas,
    Count
};

struct DiffGroups {
    std::array<QList<Change>, static_cast<size_t>(DiffGroup::Count)> lists;

    QList<Change> &operator[](DiffGroup group) { return lists[static_cast<size_t>(group)]; }
    ChangeSet flatten() const;
};

// The changes inside one table that both schemas hold.
class TableDiff
{
public:
    // `from` is the old table already moved and renamed to where `to` is, so that only
    // what happened inside it is left. `fromSchema`/`toSchema` say which types are enums.
    static void compare(const Table &from, const Table &to, const Schema &fromSchema, const Schema &toSchema,
                        const RenameDecisions &renames, DiffGroups *groups);
    // A new table: CREATE TABLE, then its foreign keys, indexes and policies in their groups.
    static void create(const Table &table, DiffGroups *groups);
    // Policies on tables the schema does not hold (drizzle's top-level "policies"), by name.
    static void compareLinkedPolicies(const Schema &from, const Schema &to, const RenameDecisions &renames,
                                      DiffGroups *groups);
    // Comments on tables, columns, enums, sequences and views that differ (drizzle-kit has
    // none: only introspected schemas carry them).
    static void compareComments(const Schema &from, const Schema &to, DiffGroups *groups);
    // drizzle's column-level primary key: one column, named as PostgreSQL names it.
    static bool isColumnKey(const Table &table);
    // Whether a column type change keeps every value (varchar(10) -> varchar(20) -> text).
    static bool isWidening(const Column &from, const Column &to);
};

} // namespace strata
