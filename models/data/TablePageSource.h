#pragma once

#include "BrowseQuery.h"
#include "PageSource.h"
#include "pg/Connection.h"

#include <QHash>
#include <QPointer>

namespace strata {

// Pages of one relation read over a Connection (so, on its worker thread): keyset queries for
// neighbouring pages; for a far jump, a landing value from the order column's statistics, its
// min/max, or the relation's size in blocks, and OFFSET only where there is no key at all.
class TablePageSource : public PageSource
{
    Q_OBJECT
public:
    TablePageSource(Connection *connection, QObject *parent = nullptr);

    void setQuery(const BrowseQuery &query, const QString &schema, const QString &table);
    const BrowseQuery &query() const { return m_query; }

    // The landing column's histogram and NULL fraction (pg_stats), read before the first jump.
    static Query statisticsQuery(const QString &schema, const QString &table, const QString &column);

    Ticket fetch(const PageRequest &request) override;
    void cancel(Ticket ticket) override;

private:
    enum class Step { Page, Statistics, MinMax, Blocks };
    struct Job {
        PageRequest request;
        Step step = Step::Page;
        RequestId current = 0;
        bool reversed = false;
        bool exact = false;
    };

    void submit(Ticket ticket, Step step, const Query &query);
    void submitPage(Ticket ticket, const Query &query, bool reversed, bool exact);
    void finished(RequestId id, const QueryResult &result);
    void requestFailed(RequestId id, const PgError &error);
    void requestStatistics();
    void statisticsRead(const QueryResult &result);
    void landOnStatistics(Ticket ticket);
    void landOnMinMax(Ticket ticket, const QueryResult &result);
    void landOnBlocks(Ticket ticket, const QueryResult &result);
    void landByOffset(Ticket ticket);
    PageResult rows(const QueryResult &result, bool reversed, bool exact) const;

    QPointer<Connection> m_connection;
    BrowseQuery m_query;
    QString m_schema;
    QString m_table;
    Ticket m_nextTicket = 0;
    QHash<Ticket, Job> m_jobs;
    QHash<RequestId, Ticket> m_byRequest;
    // The landing column's histogram, read once per query, right after the first page.
    struct Statistics {
        bool requested = false;
        bool known = false;
        double nullFraction = 0;
        QStringList bounds;
    };
    Statistics m_statistics;
    RequestId m_statisticsRequest = 0;
    QList<Ticket> m_awaitingStatistics;
};

} // namespace strata
