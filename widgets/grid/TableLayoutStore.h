#pragma once

#include "data/BrowseQuery.h"
#include "data/RowFilter.h"

class QHeaderView;

namespace strata {

class TableBrowser;

// Each table's sort, filter and column layout (order, widths, hidden columns), kept in the
// settings under the server and database, so that a table opens as the user left it.
class TableLayoutStore
{
public:
    explicit TableLayoutStore(QString settingsKey);

    struct Saved {
        QList<SortColumn> sort;
        QList<RowFilter> filters;
        QString rawWhere;
    };
    Saved load(const QString &schema, const QString &name) const;
    void save(const TableBrowser &browser, const QHeaderView &header) const;
    // Only when the relation still has the columns the layout was saved with.
    // False when nothing was restored.
    bool restoreHeader(const TableBrowser &browser, QHeaderView &header) const;

private:
    QString key(const QString &schema, const QString &name, const QString &what) const;

    QString m_settingsKey;
};

} // namespace strata
