#pragma once

#include "PageSource.h"

#include <QObject>

#include <map>

namespace strata {

// Keeps a bounded window of a relation's rows around what the user sees, loading pages by key
// from its PageSource, one request at a time, and evicting the pages looked at least recently.
// Row positions are exact along a chain of pages read from the first (or, with an exact count,
// the last) row; after a far jump they are estimates until the chain reaches the start again.
class RowWindow : public QObject
{
    Q_OBJECT
public:
    explicit RowWindow(PageSource *source, QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    void setMaxPages(int pages) { m_maxPages = qMax(2, pages); }
    int pageSize() const { return m_pageSize; }
    int maxPages() const { return m_maxPages; }

    // A new query (sort, filter, refresh): drops every row, bumps the generation so that
    // answers to older requests are ignored, and reads the first page. `rowCount` is the
    // estimate shown until better is known; negative: unknown.
    void reset(qint64 rowCount, bool exact = false);
    // An exact count arrived (or the caller knows better).
    void setRowCount(qint64 rowCount, bool exact);
    qint64 rowCount() const { return m_rowCount; }
    bool isCountExact() const { return m_countExact; }
    bool isPositionExact() const { return m_positionExact; }
    quint64 generation() const { return m_generation; }

    void setViewport(qint64 firstRow, qint64 lastRow);  // the grid calls it on scroll
    const Row *row(qint64 index) const;                 // nullptr: not loaded (yet)
    int loadedPages() const { return int(m_blocks.size()); }
    qint64 loadedRows() const;
    bool isLoading() const { return m_inFlight != 0; }
    bool hasFailed() const { return !m_error.isNull(); }
    const PgError &error() const { return m_error; }
    void retry();  // after failed(): asks again for what the viewport needs

signals:
    void rowsLoaded(qint64 firstRow, qint64 count);
    // Rows that were loaded are not any more (a jump or a reset dropped them).
    void rowsDropped(qint64 firstRow, qint64 count);
    void rowCountChanged(qint64 oldCount, qint64 newCount);
    void loadingChanged(bool loading);
    void failed(const strata::PgError &error);

private:
    struct Block {
        QList<Row> rows;
        quint64 lastUsed = 0;
        qint64 end(qint64 start) const { return start + rows.size(); }
    };
    using Blocks = std::map<qint64, Block>;

    struct Pending {
        PageRequest request;
        qint64 place = 0;  // After: where the rows go; Before: where they end
        quint64 generation = 0;
    };

    void ensureLoaded();
    void request(PageRequest request, qint64 place);
    void jump(PageRequest::Kind kind, qint64 row);
    void fetched(PageSource::Ticket ticket, const PageResult &result);
    void fetchFailed(PageSource::Ticket ticket, const PgError &error);
    void place(qint64 start, QList<Row> rows);
    void shift(qint64 by);  // every row moves by `by` places
    void dropAll();
    void dropFrom(qint64 row);
    void changeRowCount(qint64 count);
    void evict();
    void setInFlight(PageSource::Ticket ticket);
    qint64 firstMissing(qint64 from, qint64 to) const;
    Blocks::const_iterator blockBefore(qint64 row) const;  // the last block starting before row
    std::pair<qint64, qint64> wanted() const;

    PageSource *m_source;
    int m_pageSize = 500;
    int m_maxPages = 40;
    Blocks m_blocks;
    qint64 m_rowCount = 0;
    bool m_countExact = false;
    bool m_positionExact = true;
    quint64 m_generation = 0;
    quint64 m_clock = 0;
    qint64 m_viewFirst = 0;
    qint64 m_viewLast = -1;
    PageSource::Ticket m_inFlight = 0;
    Pending m_pending;
    PgError m_error;
};

} // namespace strata
