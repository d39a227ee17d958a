#include "Table.h"

#include "SnapshotTypes.h"

namespace strata {

const Column *Table::column(const QString &name) const
{
    for (const Column &candidate : columns) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

bool Table::hasColumnKey() const
{
    return primaryKey && primaryKey->columns.size() == 1 && primaryKey->name == SnapshotTypes::primaryKeyName(name);
}

bool Table::declaresNotNull(const Column &column) const
{
    const bool inCompositeKey = primaryKey && !hasColumnKey() && primaryKey->columns.contains(column.name);
    return column.notNull && (!inCompositeKey || column.snapshotSpelling.notNullInKey);
}

} // namespace strata
