#pragma once

#include <QString>

struct pg_result;

namespace strata {

// A view of the rows of one result as libpq holds them (text format), for code outside
// models/pg that reads many rows without copying each into a QString: StreamSession hands
// one to its sink per statement or FETCH, valid only during that call.
class RowBatch
{
public:
    explicit RowBatch(const pg_result *result) : m_result(result) {}

    int rowCount() const;
    int columnCount() const;
    QString columnName(int column) const;
    quint32 columnType(int column) const;  // the type's oid
    bool isNull(int row, int column) const;
    // The value's bytes (UTF-8 text, NUL-terminated), "" for NULL.
    const char *data(int row, int column) const;
    int size(int row, int column) const;
    // A null QString for NULL, so that NULL and '' stay distinct.
    QString text(int row, int column) const;

private:
    const pg_result *m_result;
};

} // namespace strata
