#pragma once

#include "pg/PgError.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

namespace strata {

// One row of a browsed relation: the values of its order terms (where the next page starts)
// and the values shown; a null QString is SQL NULL.
struct Row {
    QStringList anchor;
    QStringList values;
};

// What RowWindow asks its source for: a page relative to the rows it already has.
struct PageRequest {
    enum class Kind {
        First,   // from the first row
        Last,    // the last `limit` rows
        After,   // rows after `anchor`
        Before,  // rows before `anchor`
        Land,    // rows from about `fraction` of the way through (a far jump)
    };
    Kind kind = Kind::First;
    QStringList anchor;
    double fraction = 0;
    qint64 row = 0;  // Land: the row the page is meant for (sources that page by OFFSET use it)
    int limit = 500;
};

// Where a page landed: exact when the source could place it exactly (OFFSET), estimated when
// it used statistics or key ranges.
struct PageResult {
    QList<Row> rows;  // in display order (Before and Last turned round already)
    bool exactPosition = false;
};

// Gives RowWindow its pages. Implementations run queries off the GUI thread (TablePageSource)
// or answer from memory (tests); every fetch() reports once, fetched() or failed(), unless
// cancelled first.
class PageSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    using Ticket = quint64;

    virtual Ticket fetch(const PageRequest &request) = 0;
    virtual void cancel(Ticket ticket) = 0;

signals:
    void fetched(strata::PageSource::Ticket ticket, const strata::PageResult &result);
    void failed(strata::PageSource::Ticket ticket, const strata::PgError &error);
};

} // namespace strata

Q_DECLARE_METATYPE(strata::PageResult)
