// TableDiff::compareComments: COMMENT ON for every table, column, enum, sequence and view
// whose comment differs. drizzle-kit has no comments, so only introspected schemas have any.
#include "DiffGroups.h"

#include "Schema.h"

namespace strata {

namespace {

template<typename T>
const T *findIn(const QList<T> &items, const QString &schema, const QString &name)
{
    for (const T &item : items) {
        if (item.schema == schema && item.name == name)
            return &item;
    }
    return nullptr;
}

void comment(DiffGroups *groups, const QString &on, const QString &schema, const QString &name, const QString &item,
             const QString &before, const QString &now)
{
    if (before == now)
        return;
    Change change;
    change.kind = Change::Kind::SetComment;
    change.commentOn = on;
    change.schema = schema;
    change.name = name;
    change.item = item;
    change.value = now;
    (*groups)[DiffGroup::Comments].append(change);
}

} // namespace

void TableDiff::compareComments(const Schema &from, const Schema &to, DiffGroups *groups)
{
    const QString none;
    for (const Table &table : to.tables) {
        const Table *old = from.table(table.schema, table.name);
        comment(groups, QStringLiteral("TABLE"), table.schema, table.name, {}, old ? old->comment : none, table.comment);
        for (const Column &column : table.columns) {
            const Column *oldColumn = old ? old->column(column.name) : nullptr;
            comment(groups, QStringLiteral("COLUMN"), table.schema, table.name, column.name,
                    oldColumn ? oldColumn->comment : none, column.comment);
        }
    }
    for (const Enum &type : to.enums) {
        const Enum *old = findIn(from.enums, type.schema, type.name);
        comment(groups, QStringLiteral("TYPE"), type.schema, type.name, {}, old ? old->comment : none, type.comment);
    }
    for (const Sequence &sequence : to.sequences) {
        const Sequence *old = findIn(from.sequences, sequence.schema, sequence.name);
        comment(groups, QStringLiteral("SEQUENCE"), sequence.schema, sequence.name, {}, old ? old->comment : none,
                sequence.comment);
    }
    for (const View &view : to.views) {
        const View *old = findIn(from.views, view.schema, view.name);
        // A view created again (its query changed, or around a type change) has lost its comment.
        const bool recreated = std::any_of((*groups)[DiffGroup::CreateViews].cbegin(),
                                           (*groups)[DiffGroup::CreateViews].cend(), [&](const Change &c) {
                                               return c.schema == view.schema && c.name == view.name;
                                           });
        comment(groups, view.materialized ? QStringLiteral("MATERIALIZED VIEW") : QStringLiteral("VIEW"), view.schema,
                view.name, {}, old && !recreated ? old->comment : none, view.comment);
    }
}

} // namespace strata
