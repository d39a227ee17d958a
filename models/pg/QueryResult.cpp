#include "QueryResult.h"

namespace strata {

QueryResult::QueryResult(QStringList columns, QList<quint32> typeOids)
    : m_columns(std::move(columns))
    , m_typeOids(std::move(typeOids))
{
}

bool QueryResult::isNull(int row, int column) const
{
    return m_cells.at(row * columnCount() + column).isNull();
}

QString QueryResult::value(int row, int column) const
{
    return m_cells.at(row * columnCount() + column);
}

QString QueryResult::value(int row, const QString &column) const
{
    const int index = columnIndex(column);
    return index < 0 ? QString() : value(row, index);
}

void QueryResult::appendRow(const QStringList &cells)
{
    Q_ASSERT(cells.size() == m_columns.size());
    m_cells.append(cells);
    ++m_rows;
}

void QueryResult::setCommandStatus(const QString &tag, qint64 rowsAffected)
{
    m_commandTag = tag;
    m_rowsAffected = rowsAffected;
}

} // namespace strata
