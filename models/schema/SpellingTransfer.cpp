#include "SpellingTransfer.h"

#include "ExpressionMatch.h"
#include "Schema.h"

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

void adoptTable(Table &table, const Table &earlier)
{
    table.snapshotSpelling = earlier.snapshotSpelling;
    for (Column &column : table.columns) {
        const Column *before = byName(earlier.columns, column.name);
        if (!before)
            continue;
        column.snapshotSpelling = before->snapshotSpelling;
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

void SpellingTransfer::adopt(Schema &live, const Schema &earlier)
{
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
