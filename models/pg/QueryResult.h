#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace strata {

// One statement with its parameters; a null QString parameter is SQL NULL.
struct Query {
    QString sql;
    QStringList params;
};

// A finished statement's rows in text form, NULL kept distinct from the empty string.
class QueryResult
{
public:
    QueryResult() = default;
    QueryResult(QStringList columns, QList<quint32> typeOids);

    int rowCount() const { return m_rows; }
    int columnCount() const { return int(m_columns.size()); }
    const QStringList &columns() const { return m_columns; }
    const QList<quint32> &typeOids() const { return m_typeOids; }
    int columnIndex(const QString &name) const { return int(m_columns.indexOf(name)); }

    bool isNull(int row, int column) const;
    QString value(int row, int column) const;  // null QString for NULL
    QString value(int row, const QString &column) const;

    QString commandTag() const { return m_commandTag; }  // "INSERT 0 1", "SELECT 3", …
    qint64 rowsAffected() const { return m_rowsAffected; }

    void appendRow(const QStringList &cells);  // null QStrings become NULL
    void setCommandStatus(const QString &tag, qint64 rowsAffected);

private:
    QStringList m_columns;
    QList<quint32> m_typeOids;
    QStringList m_cells;  // row-major; a null QString is SQL NULL
    int m_rows = 0;
    QString m_commandTag;
    qint64 m_rowsAffected = -1;
};

} // namespace strata

Q_DECLARE_METATYPE(strata::QueryResult)
