#pragma once

#include "pg/QueryResult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QStringList>

namespace strata {

// Reads one result of a catalog query (Introspector). Columns are looked up by name once per
// result (column()), then read by position; a column the result lacks (-1: older query
// versions, hand-made results in tests) reads as NULL.
class CatalogRows
{
public:
    explicit CatalogRows(const QueryResult &result) : m_result(result) {}

    int count() const { return m_result.rowCount(); }
    int column(const char *name) const { return m_result.columnIndex(QLatin1String(name)); }

    bool isNull(int row, int column) const { return column < 0 || m_result.isNull(row, column); }
    QString text(int row, int column) const { return column < 0 ? QString() : m_result.value(row, column); }
    bool flag(int row, int column) const { return text(row, column) == QLatin1String("t"); }
    qint64 number(int row, int column) const { return text(row, column).toLongLong(); }
    quint32 oid(int row, int column) const { return text(row, column).toUInt(); }
    QJsonArray array(int row, int column) const
    {
        if (isNull(row, column))
            return {};
        return QJsonDocument::fromJson(text(row, column).toUtf8()).array();
    }
    QStringList strings(int row, int column) const
    {
        QStringList out;
        const QJsonArray items = array(row, column);
        out.reserve(items.size());
        for (const QJsonValue &item : items)
            out << item.toString();
        return out;
    }
    // reloptions: "key=value" strings, split at the first '='.
    QList<QPair<QString, QString>> options(int row, int column) const
    {
        QList<QPair<QString, QString>> out;
        for (const QString &option : strings(row, column)) {
            const qsizetype eq = option.indexOf(QLatin1Char('='));
            if (eq < 0)
                out.append({option, QString()});
            else
                out.append({option.left(eq), option.mid(eq + 1)});
        }
        return out;
    }
    // An int2vector or oidvector ("1 2 0") or an int2[] ("{1,2}"), as numbers.
    QList<qint64> numbers(int row, int column) const
    {
        QList<qint64> out;
        if (isNull(row, column))
            return out;
        const QString cell = text(row, column);
        qint64 value = 0;
        bool inNumber = false;
        bool negative = false;
        for (const QChar ch : cell) {
            const char16_t c = ch.unicode();
            if (c >= u'0' && c <= u'9') {
                value = value * 10 + (c - u'0');
                inNumber = true;
            } else if (c == u'-') {
                negative = true;
            } else {
                if (inNumber)
                    out.append(negative ? -value : value);
                value = 0;
                inNumber = negative = false;
            }
        }
        if (inNumber)
            out.append(negative ? -value : value);
        return out;
    }

private:
    const QueryResult &m_result;
};

} // namespace strata
