#include "SpellingTransfer.h"

#include "ExpressionMatch.h"
#include "Schema.h"
#include "SnapshotTypes.h"

namespace strata {
namespace {

template<typename T>
const T *byName(const QList<T> &items, const QString &name)
{
    for (const T &item : items) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

// Keeps the earlier text of an expression that means the same, as drizzle wrote it.
void keep(QString &live, const QString &earlier, const QString &table)
{
    if (live != earlier && !live.isEmpty() && !earlier.isEmpty() && ExpressionMatch::same(earlier, live, table))
        live = earlier;
}

void keep(std::optional<QString> &live, const std::optional<QString> &earlier, const QString &table)
{
    if (live && earlier)
        keep(*live, *earlier, table);
}

void adoptIndexes(QList<Index> &live, const QList<Index> &earlier, const QString &table)
{
    for (Index &index : live) {
        const Index *before = byName(earlier, index.name);
        if (!before)
            continue;
        keep(index.where, before->where, table);
        index.concurrently = before->concurrently;  // how it was created, not what it is
        if (before->keys.size() != index.keys.size())
            continue;
        for (qsizetype k = 0; k < index.keys.size(); ++k) {
            if (index.keys[k].isExpression && before->keys[k].isExpression)
                keep(index.keys[k].expression, before->keys[k].expression, table);
        }
    }
}

void keepSessionRoles(QStringList &live, const QStringList &earlier);

bool isSerial(const Column &column, const Table &table)
{
    return column.defaultExpression
           && *column.defaultExpression == SnapshotTypes::serialDefault(table.schema, table.name, column.name);
}

// The earlier schema with the decided renames made, so that objects pair up by name; a
// serial keeps being one under its new name.
Schema renamed(const Schema &earlier, const RenameDecisions &renames)
{
    Schema result = earlier;
    for (Table &table : result.tables) {
        const Table before = table;
        for (const RenameDecisions::Rename &rename : renames.tables) {
            if (rename.from.schema == table.schema && rename.from.name == table.name) {
                table.schema = rename.to.schema;
                table.name = rename.to.name;
            }
        }
        for (const RenameDecisions::Rename &rename : renames.schemas) {
            if (rename.from.name == table.schema)
                table.schema = rename.to.name;
        }
        for (Column &column : table.columns) {
            const bool serial = isSerial(column, before);
            for (const RenameDecisions::Rename &rename : renames.columns) {
                if (rename.to.schema == table.schema && rename.to.table == table.name && rename.from.name == column.name)
                    column.name = rename.to.name;
            }
            if (serial)
                column.defaultExpression = SnapshotTypes::serialDefault(table.schema, table.name, column.name);
        }
        if (before.primaryKey && before.primaryKey->name == SnapshotTypes::primaryKeyName(before.name))
            table.primaryKey->name = SnapshotTypes::primaryKeyName(table.name);
    }
    return result;
}

// A serial whose sequence kept an older name: the sequence owned by the column, named in its
// default. Returns that sequence's name, or an empty string.
QString keptSerialSequence(const Column &column, const Table &table, const Schema &live)
{
    if (!column.defaultExpression || !column.defaultExpression->startsWith(QLatin1String("nextval(")))
        return QString();
    for (const Sequence &sequence : live.sequences) {
        if (sequence.schema == table.schema && sequence.ownedBy == table.name + QLatin1Char('.') + column.name
            && column.defaultExpression->contains(sequence.name))
            return sequence.name;
    }
    return QString();
}

void adoptTable(Table &table, const Table &earlier)
{
    table.snapshotSpelling = earlier.snapshotSpelling;
    // What a drizzle snapshot cannot hold is not a change against one.
    table.comment = earlier.comment;
    table.unlogged = earlier.unlogged;
    table.with = earlier.with;
    table.rlsForced = earlier.rlsForced;
    table.kind = earlier.kind;
    table.partitionKey = earlier.partitionKey;
    table.partitionOf = earlier.partitionOf;
    table.partitionBound = earlier.partitionBound;
    // drizzle's column key is named <table>_pkey; one kept from before a rename is the same key.
    if (earlier.primaryKey && table.primaryKey && earlier.primaryKey->columns == table.primaryKey->columns
        && earlier.primaryKey->name == SnapshotTypes::primaryKeyName(earlier.name))
        table.primaryKey->name = earlier.primaryKey->name;
    for (Column &column : table.columns) {
        const Column *before = byName(earlier.columns, column.name);
        if (!before)
            continue;
        column.snapshotSpelling = before->snapshotSpelling;
        column.comment = before->comment;
        column.collation = before->collation;
        column.collationSchema = before->collationSchema;
        // serial/bigserial make a column NOT NULL whatever drizzle's snapshot says.
        if (column.notNull && !before->notNull && column.defaultExpression == before->defaultExpression
            && before->defaultExpression && before->defaultExpression->startsWith(QLatin1String("nextval(")))
            column.notNull = false;
        keep(column.defaultExpression, before->defaultExpression, table.name);
        keep(column.generatedExpression, before->generatedExpression, table.name);
    }
    for (CheckConstraint &check : table.checks) {
        if (const CheckConstraint *before = byName(earlier.checks, check.name))
            keep(check.expression, before->expression, table.name);
    }
    for (Policy &policy : table.policies) {
        if (const Policy *before = byName(earlier.policies, policy.name)) {
            keep(policy.usingExpression, before->usingExpression, table.name);
            keep(policy.withCheckExpression, before->withCheckExpression, table.name);
            keepSessionRoles(policy.roles, before->roles);
        }
    }
    adoptIndexes(table.indexes, earlier.indexes, table.name);
}

// A policy TO current_user names the role that created it in the catalog.
void keepSessionRoles(QStringList &live, const QStringList &earlier)
{
    static const QStringList session = {QStringLiteral("current_user"), QStringLiteral("current_role"),
                                        QStringLiteral("session_user")};
    if (live.size() != earlier.size())
        return;
    for (qsizetype i = 0; i < live.size(); ++i) {
        if (live.at(i) != earlier.at(i) && !session.contains(earlier.at(i)))
            return;
    }
    live = earlier;
}

} // namespace

void SpellingTransfer::adopt(Schema &live, const Schema &earlierSchema, const RenameDecisions &renames)
{
    const Schema earlier = renamed(earlierSchema, renames);
    // Serials whose sequence kept its name from before a table rename.
    QStringList keptSequences;
    for (Table &table : live.tables) {
        const Table *before = earlier.table(table.schema, table.name);
        if (!before)
            continue;
        for (Column &column : table.columns) {
            const Column *beforeColumn = byName(before->columns, column.name);
            if (!beforeColumn || !isSerial(*beforeColumn, *before) || isSerial(column, table))
                continue;
            const QString sequence = keptSerialSequence(column, table, live);
            if (sequence.isEmpty())
                continue;
            keptSequences << table.schema + QChar(0) + sequence;
            column.defaultExpression = SnapshotTypes::serialDefault(table.schema, table.name, column.name);
        }
    }
    live.sequences.removeIf([&](const Sequence &sequence) {
        return keptSequences.contains(sequence.schema + QChar(0) + sequence.name);
    });
    for (Enum &type : live.enums) {
        for (const Enum &before : earlier.enums) {
            if (before.schema == type.schema && before.name == type.name)
                type.comment = before.comment;
        }
    }
    for (Sequence &sequence : live.sequences) {
        for (const Sequence &before : earlier.sequences) {
            if (before.schema == sequence.schema && before.name == sequence.name)
                sequence.comment = before.comment;
        }
    }
    // Roles belong to the cluster, not the database: introspection leaves them out, and the
    // ones the snapshot manages are still the project's.
    if (live.roles.isEmpty())
        live.roles = earlier.roles;
    for (Table &table : live.tables) {
        if (const Table *before = earlier.table(table.schema, table.name))
            adoptTable(table, *before);
    }
    for (View &view : live.views) {
        const View *before = earlier.view(view.schema, view.name);
        if (!before)
            continue;
        view.comment = before->comment;
        if (view.definition != before->definition && ExpressionMatch::sameQuery(before->definition, view.definition))
            view.definition = before->definition;
        for (Column &column : view.columns) {
            if (const Column *beforeColumn = byName(before->columns, column.name))
                column.snapshotSpelling = beforeColumn->snapshotSpelling;
        }
        adoptIndexes(view.indexes, before->indexes, view.name);
    }
}

} // namespace strata
