#include "Table.h"

namespace strata {

const Column *Table::column(const QString &name) const
{
    for (const Column &candidate : columns) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

} // namespace strata
