#pragma once

#include "Schema.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace strata {

// One change between two schemas, as a plain value (no SQL). Only the fields the kind needs
// are set; see Change::Kind for which.
struct Change {
    enum class Kind {
        // Namespaces. schema = the schema; RenameSchema: newName.
        CreateSchema, RenameSchema, DropSchema,
        // Enums. schema/name; CreateEnum: enumType. Move: newSchema; Rename: newName.
        // AddEnumValue: value, before (empty = at the end).
        // RecreateEnum: values can only be removed or reordered by dropping the type, so the
        // columns using it (enumUses) go through text and back; enumType = the new enum.
        CreateEnum, MoveEnum, RenameEnum, AddEnumValue, RecreateEnum, DropEnum,
        // Sequences. schema/name; Create/Alter: sequence (the new one).
        CreateSequence, MoveSequence, RenameSequence, AlterSequence, DropSequence,
        // Roles. name; Create/Alter: role; Rename: newName.
        CreateRole, RenameRole, AlterRole, DropRole,
        // Tables. schema/name = the table; Create/Drop: table. Move: newSchema; Rename: newName.
        CreateTable, DropTable, MoveTable, RenameTable, EnableRls, DisableRls,
        // Columns. schema/name = the table, item = the column (the new name for renames).
        // Add: column. Drop: oldColumn. Rename: item = old name, newName = new name.
        // Type/default/not null/identity/generated: oldColumn and column.
        AddColumn, DropColumn, RenameColumn, AlterColumnType, SetDefault, DropDefault,
        SetNotNull, DropNotNull, AddIdentity, AlterIdentity, DropIdentity,
        // A stored generated expression cannot be added or changed in place (PostgreSQL 15):
        // the column is dropped and added again.
        RecreateGeneratedColumn, DropGenerated,
        // Keys and constraints. schema/name = the table, item = the constraint.
        // AddPrimaryKey/DropPrimaryKey: primaryKey; inlineColumn set for drizzle's column-level key.
        AddPrimaryKey, DropPrimaryKey, AddUnique, DropUnique, AddForeignKey, DropForeignKey,
        AddCheck, DropCheck, CreateIndex, DropIndex,
        // Policies: schema/name = the table, item = the policy; linked = a policy on a table the
        // schema does not hold. Rename: newName. Alter: oldPolicy, policy.
        CreatePolicy, DropPolicy, RenamePolicy, AlterPolicy,
        // Views: schema/name; Create/Drop: view. Rename: newName; Move: newSchema.
        // SetViewOptions/ResetViewOptions: options; SetViewTablespace/SetViewAccessMethod: view.
        CreateView, DropView, RenameView, MoveView, SetViewOptions, ResetViewOptions,
        SetViewTablespace, SetViewAccessMethod,
        // What drizzle's snapshots cannot hold, from introspected schemas. schema/name = the
        // table. SetTableOptions/ResetTableOptions: options (storage parameters).
        SetLogged, SetUnlogged, SetTableOptions, ResetTableOptions, ForceRls, NoForceRls,
        // COMMENT ON <commentOn> schema.name[.item] IS value (empty value: IS NULL).
        SetComment,
    };

    // A column that uses an enum being recreated (RecreateEnum).
    struct EnumUse {
        QString tableSchema;
        QString table;
        Column column;     // as the new schema has it (its name, and the old one's if dropped)
        Column oldColumn;  // as it is while the type is recreated
        // Whether the column goes back to the enum; false when it is dropped or changes type
        // later in the migration, which then starts from text.
        bool restore = true;

        bool operator==(const EnumUse &) const = default;
    };

    Kind kind = Kind::CreateSchema;
    QString schema;
    QString name;
    QString item;
    QString newSchema;
    QString newName;
    // Loses data when applied: a dropped table or column, a narrowing type change, a value
    // removed from an enum, and every drop that an undecided rename would have avoided.
    bool dataLoss = false;
    bool linked = false;
    // AlterColumnType: whether the old and the new type are enums (the cast differs).
    bool fromEnum = false;
    bool toEnum = false;

    Table table;
    Column column;
    Column oldColumn;
    Enum enumType;
    QString value;
    QString before;
    QList<EnumUse> enumUses;
    Sequence sequence;
    Sequence oldSequence;  // AlterSequence: what it was
    Role role;
    View view;
    Index index;
    ForeignKey foreignKey;
    UniqueConstraint unique;
    CheckConstraint check;
    PrimaryKey primaryKey;
    QString inlineColumn;
    Policy policy;
    Policy oldPolicy;
    QList<QPair<QString, QString>> options;
    QString commentOn;  // SetComment: "TABLE", "COLUMN", "TYPE", "SEQUENCE", "VIEW", "MATERIALIZED VIEW"

    bool operator==(const Change &) const = default;
};

// What changed from one schema to another, in the order DdlWriter writes it (drizzle-kit
// 0.31's statement groups; see SchemaDiff).
struct ChangeSet {
    QList<Change> changes;

    bool isEmpty() const { return changes.isEmpty(); }
    bool hasDataLoss() const;
    bool operator==(const ChangeSet &) const = default;
};

// The kind's name for test output and the command line's JSON ("AddColumn").
QString kindName(Change::Kind kind);
// One line per change: "AddColumn public.users.email", for tests and logs.
QString describe(const ChangeSet &changes);

} // namespace strata

Q_DECLARE_METATYPE(strata::ChangeSet)
