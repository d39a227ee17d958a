#include "RowBatch.h"

#include <libpq-fe.h>

namespace strata {

int RowBatch::rowCount() const
{
    return PQntuples(m_result);
}

int RowBatch::columnCount() const
{
    return PQnfields(m_result);
}

QString RowBatch::columnName(int column) const
{
    return QString::fromUtf8(PQfname(m_result, column));
}

quint32 RowBatch::columnType(int column) const
{
    return PQftype(m_result, column);
}

bool RowBatch::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) == 1;
}

const char *RowBatch::data(int row, int column) const
{
    return PQgetvalue(m_result, row, column);
}

int RowBatch::size(int row, int column) const
{
    return PQgetlength(m_result, row, column);
}

QString RowBatch::text(int row, int column) const
{
    if (isNull(row, column))
        return QString();
    // fromUtf8 of "" is empty but not null.
    return QString::fromUtf8(data(row, column), size(row, column));
}

} // namespace strata
