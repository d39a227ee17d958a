// Where drizzle-kit's statement order makes PostgreSQL refuse a migration, SchemaDiff moves
// (or adds) the statements that need it; see SchemaDiffOrder.h.
#include "SchemaDiffOrder.h"

#include <QRegularExpression>

#include <algorithm>

namespace strata::diff {

QString key(const QString &schema, const QString &name)
{
    return schema + QLatin1Char('\x1f') + name;
}

Change make(Change::Kind kind, const QString &schema, const QString &name)
{
    Change change;
    change.kind = kind;
    change.schema = schema;
    change.name = name;
    return change;
}

// Whether `text` names `name` (a word match: a view whose text names the table is recreated
// around a type change even if it does not read that column).
bool mentions(const QString &text, const QString &name)
{
    const QRegularExpression word(QStringLiteral("(^|[^A-Za-z0-9_$])%1($|[^A-Za-z0-9_$])")
                                      .arg(QRegularExpression::escape(name)));
    return word.match(text).hasMatch();
}

namespace {

// Moves the change of `kind` on (schema, table, item) out of `groups` lists; true if one was there.
bool takeChange(DiffGroups *groups, std::initializer_list<DiffGroup> lists, Change::Kind kind, const QString &schema,
                const QString &table, const QString &item)
{
    bool found = false;
    for (DiffGroup group : lists) {
        found |= (*groups)[group].removeIf([&](const Change &c) {
            return c.kind == kind && c.schema == schema && c.name == table && c.item == item;
        }) > 0;
    }
    return found;
}

bool sameColumnSet(QStringList a, QStringList b)
{
    a.sort();
    b.sort();
    return a == b;
}

// Whether a key over `columns` (a primary key or unique constraint, which a foreign key
// needs) is there before the migration's foreign keys are added: one `old` had already, or
// one of a new table, made with it.
bool keyExists(const Table *old, const Table &now, const QStringList &columns)
{
    if (!old)
        return true;
    if (now.primaryKey && sameColumnSet(now.primaryKey->columns, columns) && old->primaryKey == now.primaryKey)
        return true;
    for (const UniqueConstraint &unique : now.uniqueConstraints) {
        if (!sameColumnSet(unique.columns, columns))
            continue;
        for (const UniqueConstraint &before : old->uniqueConstraints) {
            if (before == unique)
                return true;
        }
    }
    return false;
}

// Whether a unique constraint over `columns` goes away (or is made again) in the migration.
bool uniqueDropped(const Table &old, const Table *now, const QStringList &columns)
{
    for (const UniqueConstraint &unique : old.uniqueConstraints) {
        if (!sameColumnSet(unique.columns, columns))
            continue;
        const bool kept = now && std::any_of(now->uniqueConstraints.begin(), now->uniqueConstraints.end(),
                                             [&](const UniqueConstraint &u) { return u == unique; });
        if (!kept)
            return true;
    }
    return false;
}

} // namespace

// Where drizzle-kit's order makes PostgreSQL refuse the script: a foreign key into a table
// that DROP TABLE … CASCADE has taken away already is not dropped again; one on a unique
// constraint that goes away is dropped before it; one on a key that this migration adds is
// created after the key. Every other foreign key stays where drizzle-kit puts it.
void orderForeignKeys(const Schema &from, const Schema &to, DiffGroups *groups)
{
    QList<Change> kept;
    for (const Change &change : std::as_const((*groups)[DiffGroup::DropForeignKeys])) {
        const ForeignKey &key = change.foreignKey;
        const Table *oldTarget = from.table(key.targetSchema, key.targetTable);
        const Table *newTarget = to.table(key.targetSchema, key.targetTable);
        if (oldTarget && !newTarget)
            continue;
        if (oldTarget && uniqueDropped(*oldTarget, newTarget, key.targetColumns))
            (*groups)[DiffGroup::DropForeignKeysOfDroppedKeys].append(change);
        else
            kept.append(change);
    }
    (*groups)[DiffGroup::DropForeignKeys] = kept;

    for (const DiffGroup group : {DiffGroup::CreateForeignKeysOfNewTables, DiffGroup::CreateForeignKeys}) {
        QList<Change> early;
        for (const Change &change : std::as_const((*groups)[group])) {
            const ForeignKey &key = change.foreignKey;
            const Table *newTarget = to.table(key.targetSchema, key.targetTable);
            if (newTarget && !keyExists(from.table(key.targetSchema, key.targetTable), *newTarget, key.targetColumns))
                (*groups)[DiffGroup::CreateForeignKeysOfNewKeys].append(change);
            else
                early.append(change);
        }
        (*groups)[group] = early;
    }
}

// While its enum is recreated a column goes through text, and an index or check whose
// expression reads it would compare text with the enum: PostgreSQL cannot rebuild it. Such
// indexes and checks are dropped before the recreation and created again after.
void aroundEnumRecreation(const Schema &from, const Schema &to, DiffGroups *groups)
{
    const QList<Change> recreations = (*groups)[DiffGroup::RecreateEnums];
    for (const Change &recreate : recreations) {
        for (const Change::EnumUse &use : recreate.enumUses) {
            const Table *old = from.table(use.tableSchema, use.table);
            const Table *now = to.table(use.tableSchema, use.table);
            if (!old || !now)
                continue;
            const QString &column = use.column.name;
            for (const Index &index : old->indexes) {
                bool reads = mentions(index.where, column);
                for (const IndexKey &key : index.keys)
                    reads |= key.isExpression && mentions(key.expression, column);
                if (!reads)
                    continue;
                takeChange(groups, {DiffGroup::DropIndexes, DiffGroup::DropChangedIndexes}, Change::Kind::DropIndex,
                           old->schema, old->name, index.name);
                Change drop = make(Change::Kind::DropIndex, old->schema, old->name);
                drop.item = index.name;
                drop.index = index;
                (*groups)[DiffGroup::DropChecks].append(drop);
                const Index *after = nullptr;
                for (const Index &candidate : now->indexes) {
                    if (candidate.name == index.name)
                        after = &candidate;
                }
                // Wherever the diff had created it, it is created once, after the recreation.
                takeChange(groups, {DiffGroup::CreateIndexes, DiffGroup::CreateChangedIndexes},
                           Change::Kind::CreateIndex, now->schema, now->name, index.name);
                if (after) {
                    Change create = make(Change::Kind::CreateIndex, now->schema, now->name);
                    create.item = after->name;
                    create.index = *after;
                    (*groups)[DiffGroup::CreateIndexes].append(create);
                }
            }
            for (const CheckConstraint &check : old->checks) {
                if (!mentions(check.expression, column))
                    continue;
                // A changed check is already dropped before and added after; an unchanged one
                // is now both.
                const bool changed = std::any_of((*groups)[DiffGroup::DropChecks].cbegin(),
                                                 (*groups)[DiffGroup::DropChecks].cend(), [&](const Change &c) {
                    return c.kind == Change::Kind::DropCheck && c.schema == old->schema && c.name == old->name
                           && c.item == check.name;
                });
                const auto after = std::find_if(now->checks.cbegin(), now->checks.cend(),
                                                [&](const CheckConstraint &c) { return c.name == check.name; });
                if (changed || after == now->checks.cend())
                    continue;
                Change drop = make(Change::Kind::DropCheck, old->schema, old->name);
                drop.item = check.name;
                drop.check = check;
                (*groups)[DiffGroup::DropChecks].append(drop);
                Change add = make(Change::Kind::AddCheck, now->schema, now->name);
                add.item = check.name;
                add.check = *after;
                (*groups)[DiffGroup::AddChecks].append(add);
            }
        }
    }
}

void partitionsAfterParents(DiffGroups *groups)
{
    const auto isPartition = [](const Change &change) { return !change.table.partitionOf.isEmpty(); };
    QList<Change> &created = (*groups)[DiffGroup::CreateTables];
    std::stable_partition(created.begin(), created.end(), [&](const Change &c) { return !isPartition(c); });
    QList<Change> &dropped = (*groups)[DiffGroup::DropTables];
    std::stable_partition(dropped.begin(), dropped.end(), isPartition);
}

} // namespace strata::diff
