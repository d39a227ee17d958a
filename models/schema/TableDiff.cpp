#include "DiffGroups.h"

#include "SnapshotTypes.h"

#include <QRegularExpression>
#include <QSet>

namespace strata {

namespace {

Change tableChange(Change::Kind kind, const Table &table, const QString &item)
{
    Change change;
    change.kind = kind;
    change.schema = table.schema;
    change.name = table.name;
    change.item = item;
    return change;
}

template<typename T>
const T *byName(const QList<T> &list, const QString &name)
{
    for (const T &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

bool sameType(const Column &a, const Column &b)
{
    return a.type == b.type && a.typeSchema == b.typeSchema && a.arrayDimensions == b.arrayDimensions;
}

// Constraints, indexes and foreign keys are matched by name: one only `from` has is
// dropped, one only `to` has is added, and one that differs is dropped and added again
// (PostgreSQL has no ALTER for their definitions).
template<typename T>
void compareNamed(const Table &from, const Table &to, const QList<T> &oldList, const QList<T> &newList,
                  Change::Kind dropKind, Change::Kind addKind, DiffGroup dropGroup, DiffGroup addGroup,
                  T Change::*field, DiffGroups *groups, DiffGroup changedDropGroup, DiffGroup changedAddGroup)
{
    // Removed ones before changed ones, and added before changed: drizzle-kit's order.
    for (const bool changed : {false, true}) {
        for (const T &old : oldList) {
            const T *now = byName(newList, old.name);
            if (changed ? (now && !(*now == old)) : !now) {
                Change change = tableChange(dropKind, from, old.name);
                change.*field = old;
                (*groups)[changed ? changedDropGroup : dropGroup].append(change);
            }
        }
    }
    for (const bool changed : {false, true}) {
        for (const T &now : newList) {
            const T *old = byName(oldList, now.name);
            if (changed ? (old && !(*old == now)) : !old) {
                Change change = tableChange(addKind, to, now.name);
                change.*field = now;
                (*groups)[changed ? changedAddGroup : addGroup].append(change);
            }
        }
    }
}

template<typename T>
void compareNamed(const Table &from, const Table &to, const QList<T> &oldList, const QList<T> &newList,
                  Change::Kind dropKind, Change::Kind addKind, DiffGroup dropGroup, DiffGroup addGroup,
                  T Change::*field, DiffGroups *groups)
{
    compareNamed(from, to, oldList, newList, dropKind, addKind, dropGroup, addGroup, field, groups, dropGroup,
                 addGroup);
}

void comparePolicies(const Table &from, const Table &to, const RenameDecisions &renames, DiffGroups *groups)
{
    QList<Policy> oldPolicies = from.policies;
    for (const RenameDecisions::Rename &rename : renames.policies) {
        if (rename.to.schema != to.schema || rename.to.table != to.name)
            continue;
        Policy *old = nullptr;
        for (Policy &policy : oldPolicies) {
            if (policy.name == rename.from.name)
                old = &policy;
        }
        if (!old || byName(to.policies, rename.from.name) || !byName(to.policies, rename.to.name)
            || byName(oldPolicies, rename.to.name))
            continue;
        Change change = tableChange(Change::Kind::RenamePolicy, to, rename.from.name);
        change.newName = rename.to.name;
        (*groups)[DiffGroup::RenamePolicies].append(change);
        old->name = rename.to.name;
    }
    for (const Policy &old : oldPolicies) {
        if (!byName(to.policies, old.name)) {
            Change change = tableChange(Change::Kind::DropPolicy, to, old.name);
            change.policy = old;
            (*groups)[DiffGroup::DropPolicies].append(change);
        }
    }
    for (const Policy &now : to.policies) {
        const Policy *old = byName(oldPolicies, now.name);
        if (old && *old == now)
            continue;
        // AS and FOR cannot be altered: such a policy is dropped and created again.
        if (old && (old->permissive != now.permissive || old->command != now.command)) {
            Change drop = tableChange(Change::Kind::DropPolicy, to, old->name);
            drop.policy = *old;
            (*groups)[DiffGroup::DropPolicies].append(drop);
            old = nullptr;
        }
        Change change = tableChange(old ? Change::Kind::AlterPolicy : Change::Kind::CreatePolicy, to, now.name);
        change.policy = now;
        if (old)
            change.oldPolicy = *old;
        (*groups)[old ? DiffGroup::AlterPolicies : DiffGroup::CreatePolicies].append(change);
    }

    // drizzle-kit turns row-level security on for a table that gets its first policy and
    // off for one that loses its last, unless the table asks for it explicitly.
    const bool hadPolicies = !from.policies.isEmpty();
    const bool hasPolicies = !to.policies.isEmpty();
    const bool wasOn = from.rlsEnabled || hadPolicies;
    const bool isOn = to.rlsEnabled || hasPolicies;
    if (isOn && !wasOn)
        (*groups)[DiffGroup::EnableRls].append(tableChange(Change::Kind::EnableRls, to, {}));
    else if (!isOn && wasOn)
        (*groups)[DiffGroup::DisableRls].append(tableChange(Change::Kind::DisableRls, to, {}));
    else if (to.rlsEnabled != from.rlsEnabled && to.rlsEnabled)
        (*groups)[DiffGroup::EnableRls].append(tableChange(Change::Kind::EnableRls, to, {}));
}

// What drizzle-kit's snapshots cannot hold (introspected schemas only): logging, storage
// parameters, FORCE ROW LEVEL SECURITY.
void compareStorage(const Table &from, const Table &to, DiffGroups *groups)
{
    QList<Change> &alters = (*groups)[DiffGroup::AlterColumns];
    if (from.unlogged != to.unlogged)
        alters.append(tableChange(to.unlogged ? Change::Kind::SetUnlogged : Change::Kind::SetLogged, to, {}));
    Change set = tableChange(Change::Kind::SetTableOptions, to, {});
    Change reset = tableChange(Change::Kind::ResetTableOptions, to, {});
    for (const auto &option : to.with) {
        if (!from.with.contains(option))
            set.options << option;
    }
    for (const auto &option : from.with) {
        const bool kept = std::any_of(to.with.begin(), to.with.end(),
                                      [&](const auto &now) { return now.first == option.first; });
        if (!kept)
            reset.options << option;
    }
    if (!reset.options.isEmpty())
        alters.append(reset);
    if (!set.options.isEmpty())
        alters.append(set);
    if (from.rlsForced != to.rlsForced)
        alters.append(tableChange(to.rlsForced ? Change::Kind::ForceRls : Change::Kind::NoForceRls, to, {}));
}

} // namespace

bool TableDiff::isColumnKey(const Table &table)
{
    return table.hasColumnKey();
}

bool TableDiff::isWidening(const Column &from, const Column &to)
{
    if (from.arrayDimensions != to.arrayDimensions || !from.typeSchema.isEmpty() || !to.typeSchema.isEmpty())
        return false;
    if (to.type == QLatin1String("text"))
        return true;
    static const QStringList integers{QStringLiteral("smallint"), QStringLiteral("integer"), QStringLiteral("bigint")};
    if (integers.contains(from.type) && integers.contains(to.type))
        return integers.indexOf(from.type) < integers.indexOf(to.type);
    // character varying(n) -> character varying(m), m > n, or no limit.
    static const QRegularExpression varchar(QStringLiteral("^character varying(?:\\((\\d+)\\))?$"));
    const QRegularExpressionMatch a = varchar.match(from.type);
    const QRegularExpressionMatch b = varchar.match(to.type);
    if (a.hasMatch() && b.hasMatch())
        return b.captured(1).isEmpty() || (!a.captured(1).isEmpty() && b.captured(1).toInt() >= a.captured(1).toInt());
    return false;
}

void TableDiff::create(const Table &table, DiffGroups *groups)
{
    // CREATE TABLE keeps only one of two key constraints with the same definition (and the
    // name of either), so a unique constraint repeating the primary key or an earlier one
    // is added by itself once the table exists.
    Table created = table;
    created.uniqueConstraints.clear();
    QList<UniqueConstraint> repeated;
    for (const UniqueConstraint &unique : table.uniqueConstraints) {
        bool same = table.primaryKey && unique.columns == table.primaryKey->columns && !unique.nullsNotDistinct
                    && !unique.deferrable;
        for (const UniqueConstraint &kept : std::as_const(created.uniqueConstraints)) {
            same = same
                   || (kept.columns == unique.columns && kept.nullsNotDistinct == unique.nullsNotDistinct
                       && kept.deferrable == unique.deferrable && kept.initiallyDeferred == unique.initiallyDeferred);
        }
        (same ? repeated : created.uniqueConstraints).append(unique);
    }
    Change change = tableChange(Change::Kind::CreateTable, table, {});
    change.schema = table.schema;
    change.table = created;
    (*groups)[DiffGroup::CreateTables].append(change);
    for (const UniqueConstraint &unique : repeated) {
        Change added = tableChange(Change::Kind::AddUnique, table, unique.name);
        added.unique = unique;
        (*groups)[DiffGroup::AddUniques].append(added);
    }
    for (const ForeignKey &key : table.foreignKeys) {
        Change fk = tableChange(Change::Kind::AddForeignKey, table, key.name);
        fk.foreignKey = key;
        (*groups)[DiffGroup::CreateForeignKeysOfNewTables].append(fk);
    }
    for (const Index &index : table.indexes) {
        Change created = tableChange(Change::Kind::CreateIndex, table, index.name);
        created.index = index;
        (*groups)[DiffGroup::CreateIndexesOfNewTables].append(created);
    }
    for (const Policy &policy : table.policies) {
        Change created = tableChange(Change::Kind::CreatePolicy, table, policy.name);
        created.policy = policy;
        (*groups)[DiffGroup::CreatePolicies].append(created);
    }
}

void TableDiff::compare(const Table &original, const Table &to, const Schema &fromSchema, const Schema &toSchema,
                        const RenameDecisions &renames, DiffGroups *groups)
{
    Table from = original;
    // Columns renamed by decision.
    for (const RenameDecisions::Rename &rename : renames.columns) {
        if (rename.to.schema != to.schema || rename.to.table != to.name)
            continue;
        Column *old = nullptr;
        for (Column &column : from.columns) {
            if (column.name == rename.from.name)
                old = &column;
        }
        if (!old || to.column(rename.from.name) || !to.column(rename.to.name) || from.column(rename.to.name))
            continue;
        Change change = tableChange(Change::Kind::RenameColumn, to, rename.from.name);
        change.newName = rename.to.name;
        (*groups)[DiffGroup::RenameColumns].append(change);
        const bool serial = old->defaultExpression
                            && *old->defaultExpression == SnapshotTypes::serialDefault(to.schema, to.name, old->name);
        old->name = rename.to.name;
        if (serial)
            old->defaultExpression = SnapshotTypes::serialDefault(to.schema, to.name, old->name);
    }

    compareNamed(from, to, from.uniqueConstraints, to.uniqueConstraints, Change::Kind::DropUnique,
                 Change::Kind::AddUnique, DiffGroup::DropUniques, DiffGroup::AddUniques, &Change::unique, groups);
    compareNamed(from, to, from.checks, to.checks, Change::Kind::DropCheck, Change::Kind::AddCheck,
                 DiffGroup::DropChecks, DiffGroup::AddChecks, &Change::check, groups);
    compareNamed(from, to, from.foreignKeys, to.foreignKeys, Change::Kind::DropForeignKey,
                 Change::Kind::AddForeignKey, DiffGroup::DropForeignKeys, DiffGroup::CreateForeignKeys,
                 &Change::foreignKey, groups);
    compareNamed(from, to, from.indexes, to.indexes, Change::Kind::DropIndex, Change::Kind::CreateIndex,
                 DiffGroup::DropIndexes, DiffGroup::CreateIndexes, &Change::index, groups,
                 DiffGroup::DropChangedIndexes, DiffGroup::CreateChangedIndexes);

    // Primary key: drizzle keeps a one-column key on the column and a composite one in the
    // table; the two are changed at different points of the script.
    QList<Change> keyChanges;  // column-level drops, then adds, before other column changes
    const bool oldInline = isColumnKey(from);
    const bool newInline = isColumnKey(to);
    const auto keyChange = [&](Change::Kind kind, const Table &table, bool inlineKey) {
        Change change = tableChange(kind, table, table.primaryKey->name);
        change.primaryKey = *table.primaryKey;
        if (inlineKey)
            change.inlineColumn = table.primaryKey->columns.first();
        return change;
    };
    if (from.primaryKey != to.primaryKey) {
        const bool oldColumnGone = oldInline && !to.column(from.primaryKey->columns.first());
        const bool newColumnAdded = newInline && !from.column(to.primaryKey->columns.first());
        // A key whose column goes goes with it, unless a new key comes first: a table has
        // one primary key at a time.
        if (from.primaryKey && (!oldColumnGone || to.primaryKey)) {
            if (oldInline)
                keyChanges.append(keyChange(Change::Kind::DropPrimaryKey, from, true));
            else if (!to.primaryKey || oldInline || newInline || from.primaryKey->name != to.primaryKey->name)
                (*groups)[DiffGroup::DropPrimaryKeys].append(keyChange(Change::Kind::DropPrimaryKey, from, false));
        }
        if (to.primaryKey && !newColumnAdded) {
            if (newInline) {
                keyChanges.append(keyChange(Change::Kind::AddPrimaryKey, to, true));
            } else if (from.primaryKey && !oldInline && from.primaryKey->name == to.primaryKey->name) {
                // Same name, other columns: drizzle's "alter composite primary key".
                (*groups)[DiffGroup::AlterPrimaryKeys].append(keyChange(Change::Kind::DropPrimaryKey, from, false));
                (*groups)[DiffGroup::AlterPrimaryKeys].append(keyChange(Change::Kind::AddPrimaryKey, to, false));
            } else {
                // A key over a column this migration adds waits for the column.
                const bool onNewColumn = std::any_of(to.primaryKey->columns.begin(), to.primaryKey->columns.end(),
                                                     [&](const QString &name) { return !from.column(name); });
                (*groups)[onNewColumn ? DiffGroup::AddPrimaryKeysOfNewColumns : DiffGroup::AddPrimaryKeys].append(
                    keyChange(Change::Kind::AddPrimaryKey, to, false));
            }
        }
    }

    // Columns added, dropped and changed.
    for (const Column &column : to.columns) {
        if (from.column(column.name))
            continue;
        Change change = tableChange(Change::Kind::AddColumn, to, column.name);
        change.column = column;
        if (newInline && to.primaryKey->columns.first() == column.name)
            change.inlineColumn = column.name;
        (*groups)[DiffGroup::AddColumns].append(change);
    }
    for (const Column &column : from.columns) {
        if (to.column(column.name))
            continue;
        Change change = tableChange(Change::Kind::DropColumn, to, column.name);
        change.oldColumn = column;
        change.dataLoss = true;
        (*groups)[DiffGroup::DropColumns].append(change);
    }

    QList<Change> columnChanges;
    for (const Column &old : from.columns) {
        const Column *now = to.column(old.name);
        if (!now)
            continue;
        const auto change = [&](Change::Kind kind) {
            Change result = tableChange(kind, to, old.name);
            result.oldColumn = old;
            result.column = *now;
            return result;
        };
        // An identity column takes neither a default nor DROP NOT NULL: the identity goes first.
        const bool identityGoes = old.identity && !now->identity;
        if (identityGoes)
            columnChanges.append(change(Change::Kind::DropIdentity));
        const bool typeChanged = !sameType(old, *now);
        if (typeChanged) {
            Change alter = change(Change::Kind::AlterColumnType);
            alter.dataLoss = !isWidening(old, *now);
            alter.fromEnum = fromSchema.enumType(old.typeSchema, old.type) != nullptr;
            alter.toEnum = toSchema.enumType(now->typeSchema, now->type) != nullptr;
            columnChanges.append(alter);
        }
        if (old.defaultExpression != now->defaultExpression) {
            // A type change writes the new default itself; so does an enum's recreation.
            bool written = typeChanged && now->defaultExpression;
            for (const Change &recreate : (*groups)[DiffGroup::RecreateEnums]) {
                if (now->typeSchema == recreate.schema && now->type == recreate.name && now->defaultExpression)
                    written = true;
            }
            if (!now->defaultExpression)
                columnChanges.append(change(Change::Kind::DropDefault));
            else if (!written)
                columnChanges.append(change(Change::Kind::SetDefault));
        }
        // Adding a composite key makes its columns NOT NULL by itself; dropping one leaves
        // them NOT NULL, so a column that should allow NULL again needs saying so. An identity
        // added now needs NOT NULL before it, key or not.
        const bool identityComes = now->identity && !old.identity;
        if (!old.notNull && now->notNull && (to.declaresNotNull(*now) || identityComes))
            columnChanges.append(change(Change::Kind::SetNotNull));
        else if (old.notNull && !now->notNull)
            columnChanges.append(change(Change::Kind::DropNotNull));
        if (old.identity != now->identity && !identityGoes) {
            columnChanges.append(change(!old.identity ? Change::Kind::AddIdentity
                                        : !now->identity ? Change::Kind::DropIdentity
                                                         : Change::Kind::AlterIdentity));
        }
        if (old.generatedExpression != now->generatedExpression) {
            columnChanges.append(change(now->generatedExpression ? Change::Kind::RecreateGeneratedColumn
                                                                 : Change::Kind::DropGenerated));
        }
    }
    // drizzle-kit leaves out NOT NULL changes of a table whose identity columns change;
    // Strata keeps them: PostgreSQL adds an identity only to a NOT NULL column, and
    // dropping the identity leaves the column NOT NULL.
    (*groups)[DiffGroup::AlterColumns].append(keyChanges);
    (*groups)[DiffGroup::AlterColumns].append(columnChanges);

    comparePolicies(from, to, renames, groups);
    compareStorage(from, to, groups);
}

void TableDiff::compareLinkedPolicies(const Schema &from, const Schema &to, const RenameDecisions &renames, DiffGroups *groups)
{
    const auto find = [](const QList<LinkedPolicy> &list, const QString &name) -> const LinkedPolicy * {
        for (const LinkedPolicy &policy : list) {
            if (policy.policy.name == name)
                return &policy;
        }
        return nullptr;
    };
    const auto change = [](Change::Kind kind, const LinkedPolicy &linked) {
        Change result;
        result.kind = kind;
        result.schema = linked.tableSchema;
        result.name = linked.table;
        result.item = linked.policy.name;
        result.policy = linked.policy;
        result.linked = true;
        return result;
    };
    QSet<QString> renamedFrom;
    QSet<QString> renamedTo;
    for (const RenameDecisions::Rename &rename : renames.policies) {
        const LinkedPolicy *old = find(from.linkedPolicies, rename.from.name);
        const LinkedPolicy *now = find(to.linkedPolicies, rename.to.name);
        if (!old || !now || find(to.linkedPolicies, rename.from.name) || find(from.linkedPolicies, rename.to.name))
            continue;
        Change renamed = change(Change::Kind::RenamePolicy, *old);
        renamed.newName = rename.to.name;
        (*groups)[DiffGroup::RenameLinkedPolicies].append(renamed);
        renamedFrom.insert(rename.from.name);
        renamedTo.insert(rename.to.name);
    }
    for (const LinkedPolicy &old : from.linkedPolicies) {
        if (!renamedFrom.contains(old.policy.name) && !find(to.linkedPolicies, old.policy.name))
            (*groups)[DiffGroup::DropLinkedPolicies].append(change(Change::Kind::DropPolicy, old));
    }
    for (const LinkedPolicy &now : to.linkedPolicies) {
        if (renamedTo.contains(now.policy.name))
            continue;
        const LinkedPolicy *old = find(from.linkedPolicies, now.policy.name);
        if (!old) {
            (*groups)[DiffGroup::CreateLinkedPolicies].append(change(Change::Kind::CreatePolicy, now));
        } else if (!(*old == now)) {
            if (old->policy.permissive != now.policy.permissive || old->policy.command != now.policy.command
                || old->tableSchema != now.tableSchema || old->table != now.table) {
                (*groups)[DiffGroup::DropLinkedPolicies].append(change(Change::Kind::DropPolicy, *old));
                (*groups)[DiffGroup::CreateLinkedPolicies].append(change(Change::Kind::CreatePolicy, now));
            } else {
                Change altered = change(Change::Kind::AlterPolicy, now);
                altered.oldPolicy = old->policy;
                (*groups)[DiffGroup::AlterLinkedPolicies].append(altered);
            }
        }
    }
}

} // namespace strata
