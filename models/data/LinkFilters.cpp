#include "LinkFilters.h"

namespace strata::LinkFilters {

std::optional<QList<RowFilter>> referenced(const RelationInfo &relation, const RelationLink &link,
                                           const QStringList &rowValues)
{
    QList<RowFilter> filters;
    for (int i = 0; i < link.columns.size(); ++i) {
        const QString value = rowValues.value(relation.columnIndex(link.columns[i]));
        if (value.isNull())
            return std::nullopt;
        filters << RowFilter{link.otherColumns.value(i), RowFilter::Op::Equals, {value}};
    }
    return filters;
}

QList<RowFilter> referencing(const RelationInfo &relation, const RelationLink &link, const QStringList &rowValues)
{
    QList<RowFilter> filters;
    for (int i = 0; i < link.columns.size(); ++i) {
        const QString value = rowValues.value(relation.columnIndex(link.columns[i]));
        filters << (value.isNull() ? RowFilter{link.otherColumns.value(i), RowFilter::Op::IsNull, {}}
                                   : RowFilter{link.otherColumns.value(i), RowFilter::Op::Equals, {value}});
    }
    return filters;
}

} // namespace strata::LinkFilters
