#include "TablePageSource.h"

#include <QtMath>

#include <algorithm>
#include <utility>

namespace strata {

TablePageSource::TablePageSource(Connection *connection, QObject *parent)
    : PageSource(parent)
    , m_connection(connection)
{
    connect(connection, &Connection::finished, this, &TablePageSource::finished);
    connect(connection, &Connection::failed, this, &TablePageSource::requestFailed);
}

void TablePageSource::setQuery(const BrowseQuery &query, const QString &schema, const QString &table)
{
    const QList<Ticket> tickets = m_jobs.keys();
    for (Ticket ticket : tickets)
        cancel(ticket);
    m_query = query;
    m_schema = schema;
    m_table = table;
    m_statistics = {};
    m_statisticsRequest = 0;
    m_awaitingStatistics.clear();
}

void TablePageSource::requestStatistics()
{
    if (m_statistics.requested || m_query.landing.mode != Landing::Mode::Statistics || !m_connection)
        return;
    m_statistics.requested = true;
    m_statisticsRequest = m_connection->submit(statisticsQuery(m_schema, m_table, m_query.landing.column));
}

Query TablePageSource::statisticsQuery(const QString &schema, const QString &table, const QString &column)
{
    return {QStringLiteral("SELECT s.inherited, s.null_frac::float8, h.v FROM pg_catalog.pg_stats s "
                           "LEFT JOIN LATERAL unnest(s.histogram_bounds::text::text[]) WITH ORDINALITY AS h(v, i) ON true "
                           "WHERE s.schemaname = $1 AND s.tablename = $2 AND s.attname = $3 "
                           "ORDER BY s.inherited DESC, h.i"),
            {schema, table, column}};
}

void TablePageSource::statisticsRead(const QueryResult &result)
{
    m_statisticsRequest = 0;
    m_statistics.known = true;
    if (result.rowCount() > 0) {
        const QString inherited = result.value(0, 0);
        m_statistics.nullFraction = result.value(0, 1).toDouble();
        for (int r = 0; r < result.rowCount() && result.value(r, 0) == inherited; ++r) {
            if (!result.isNull(r, 2))
                m_statistics.bounds << result.value(r, 2);
        }
    }
    const QList<Ticket> waiting = std::exchange(m_awaitingStatistics, {});
    for (Ticket ticket : waiting) {
        if (m_jobs.contains(ticket))
            landOnStatistics(ticket);
    }
}

PageSource::Ticket TablePageSource::fetch(const PageRequest &request)
{
    const Ticket ticket = ++m_nextTicket;
    m_jobs.insert(ticket, Job{request});
    const KeysetQuery &keyset = m_query.keyset;
    using Kind = PageRequest::Kind;
    if (m_query.pagesByOffset) {
        submitPage(ticket, keyset.offset(qMax<qint64>(0, request.row), request.limit), false, true);
        return ticket;
    }
    switch (request.kind) {
    case Kind::First:
        submitPage(ticket, keyset.first(request.limit), false, true);
        break;
    case Kind::Last:
        submitPage(ticket, keyset.last(request.limit), true, false);
        break;
    case Kind::After:
        submitPage(ticket, keyset.after(request.anchor, request.limit), false, false);
        break;
    case Kind::Before:
        submitPage(ticket, keyset.before(request.anchor, request.limit), true, false);
        break;
    case Kind::Land:
        switch (m_query.landing.mode) {
        case Landing::Mode::Statistics:
            m_jobs[ticket].step = Step::Statistics;
            if (m_statistics.known) {
                landOnStatistics(ticket);
            } else {
                m_awaitingStatistics << ticket;
                requestStatistics();
            }
            break;
        case Landing::Mode::Ctid:
            submit(ticket, Step::Blocks,
                   {QStringLiteral("SELECT (pg_catalog.pg_relation_size($1::regclass) "
                                   "/ current_setting('block_size')::int)::bigint"),
                    {keyset.relation()}});
            break;
        case Landing::Mode::Offset:
            landByOffset(ticket);
            break;
        }
        break;
    }
    // Behind the first page, never before it: the histogram is for the first jump.
    requestStatistics();
    return ticket;
}

void TablePageSource::cancel(Ticket ticket)
{
    const auto it = m_jobs.find(ticket);
    if (it == m_jobs.end())
        return;
    if (it->current != 0) {
        m_byRequest.remove(it->current);
        if (m_connection)
            m_connection->cancelRequest(it->current);
    }
    m_jobs.erase(it);
}

void TablePageSource::submit(Ticket ticket, Step step, const Query &query)
{
    Job &job = m_jobs[ticket];
    job.step = step;
    if (!m_connection) {
        m_jobs.remove(ticket);
        return;
    }
    job.current = m_connection->submit(query);
    m_byRequest.insert(job.current, ticket);
}

void TablePageSource::submitPage(Ticket ticket, const Query &query, bool reversed, bool exact)
{
    Job &job = m_jobs[ticket];
    job.reversed = reversed;
    job.exact = exact;
    submit(ticket, Step::Page, query);
}

void TablePageSource::finished(RequestId id, const QueryResult &result)
{
    if (id != 0 && id == m_statisticsRequest) {
        statisticsRead(result);
        return;
    }
    const Ticket ticket = m_byRequest.take(id);
    if (ticket == 0 || !m_jobs.contains(ticket))
        return;
    const Job job = m_jobs.value(ticket);
    switch (job.step) {
    case Step::Page:
        m_jobs.remove(ticket);
        emit fetched(ticket, rows(result, job.reversed, job.exact));
        break;
    case Step::Statistics:
        break;  // answered by statisticsRead()
    case Step::MinMax:
        landOnMinMax(ticket, result);
        break;
    case Step::Blocks:
        landOnBlocks(ticket, result);
        break;
    }
}

void TablePageSource::requestFailed(RequestId id, const PgError &error)
{
    if (id != 0 && id == m_statisticsRequest) {
        // Statistics are a shortcut: without them (no privilege, a lost session) jumps still land.
        statisticsRead(QueryResult());
        return;
    }
    const Ticket ticket = m_byRequest.take(id);
    if (ticket == 0 || !m_jobs.contains(ticket))
        return;
    const Step step = m_jobs.value(ticket).step;
    // Landing data is a shortcut: a user who may read the table but not its size still lands.
    if (step == Step::MinMax || step == Step::Blocks) {
        if (error.kind == PgError::Kind::Server) {
            landByOffset(ticket);
            return;
        }
    }
    m_jobs.remove(ticket);
    emit failed(ticket, error);
}

// The histogram holds the column's non-NULL values (most common values aside) at equal
// steps; NULLs sit before or after them as the order says.
void TablePageSource::landOnStatistics(Ticket ticket)
{
    const Job job = m_jobs.value(ticket);
    const QStringList &bounds = m_statistics.bounds;
    const double nullFraction = m_statistics.nullFraction;
    const OrderTerm &term = m_query.keyset.order().first();
    double f = std::clamp(job.request.fraction, 0.0, 1.0);
    if (term.nullsFirst) {
        if (f < nullFraction) {
            submitPage(ticket, m_query.keyset.atOrAfter(QString(), job.request.limit), false, false);
            return;
        }
        f = nullFraction < 1 ? (f - nullFraction) / (1 - nullFraction) : 0;
    } else {
        if (f >= 1 - nullFraction) {
            submitPage(ticket, m_query.keyset.atOrAfter(QString(), job.request.limit), false, false);
            return;
        }
        f = f / (1 - nullFraction);
    }
    if (bounds.isEmpty()) {
        if (m_query.landing.interpolate) {
            const KeysetQuery &keyset = m_query.keyset;
            const QString column = term.expression;
            QString sql = QStringLiteral("SELECT min(%1)::text, max(%1)::text FROM %2").arg(column, keyset.relation());
            if (!keyset.where().isEmpty())
                sql += QStringLiteral(" WHERE (%1)").arg(keyset.where());
            m_jobs[ticket].request.fraction = f;  // now within the non-NULL values
            submit(ticket, Step::MinMax, {sql, keyset.params()});
        } else {
            landByOffset(ticket);
        }
        return;
    }
    qsizetype index = qRound64(f * double(bounds.size() - 1));
    if (term.descending)
        index = bounds.size() - 1 - index;
    submitPage(ticket, m_query.keyset.atOrAfter(bounds.value(index), job.request.limit), false, false);
}

void TablePageSource::landOnMinMax(Ticket ticket, const QueryResult &result)
{
    const Job job = m_jobs.value(ticket);
    if (result.rowCount() == 0 || result.isNull(0, 0)) {
        landByOffset(ticket);
        return;
    }
    const OrderTerm &term = m_query.keyset.order().first();
    bool okMin = false;
    bool okMax = false;
    const double low = result.value(0, 0).toDouble(&okMin);
    const double high = result.value(0, 1).toDouble(&okMax);
    if (!okMin || !okMax) {
        landByOffset(ticket);
        return;
    }
    const double f = term.descending ? 1 - job.request.fraction : job.request.fraction;
    const double value = low + f * (high - low);
    // Integers land on an integer; the others need no exact value, only a place to start.
    const bool integral = !result.value(0, 0).contains(u'.') && !result.value(0, 1).contains(u'.');
    const QString text = integral ? QString::number(qint64(std::floor(value)))
                                  : QString::number(value, 'g', 17);
    submitPage(ticket, m_query.keyset.atOrAfter(text, job.request.limit), false, false);
}

void TablePageSource::landOnBlocks(Ticket ticket, const QueryResult &result)
{
    const Job job = m_jobs.value(ticket);
    const qint64 blocks = result.rowCount() > 0 ? result.value(0, 0).toLongLong() : 0;
    const qint64 block = qint64(std::clamp(job.request.fraction, 0.0, 1.0) * double(blocks));
    submitPage(ticket, m_query.keyset.atOrAfter(QStringLiteral("(%1,0)").arg(block), job.request.limit),
               false, false);
}

void TablePageSource::landByOffset(Ticket ticket)
{
    const Job job = m_jobs.value(ticket);
    // OFFSET reads every skipped row: the last resort, but its rows are exactly placed.
    submitPage(ticket, m_query.keyset.offset(qMax<qint64>(0, job.request.row), job.request.limit), false, true);
}

PageResult TablePageSource::rows(const QueryResult &result, bool reversed, bool exact) const
{
    PageResult page;
    page.exactPosition = exact;
    const int meta = m_query.keyset.metaColumns();
    const int columns = result.columnCount();
    page.rows.reserve(result.rowCount());
    for (int r = 0; r < result.rowCount(); ++r) {
        Row row;
        row.anchor.reserve(meta - 1);
        for (int c = 1; c < meta; ++c)
            row.anchor << result.value(r, c);
        row.values.reserve(columns - meta);
        for (int c = meta; c < columns; ++c)
            row.values << result.value(r, c);
        page.rows << std::move(row);
    }
    if (reversed)
        std::reverse(page.rows.begin(), page.rows.end());
    return page;
}

} // namespace strata
