#include "TableBrowser.h"

#include "EditTransaction.h"
#include "RowWindow.h"
#include "TableModel.h"
#include "TablePageSource.h"
#include "Tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace strata {

namespace {

} // namespace

TableBrowser::TableBrowser(const ConnectionSpec &spec, const QString &password, const QString &schema,
                           const QString &name, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_password(password)
    , m_schema(schema)
    , m_name(name)
    , m_connection(std::make_unique<Connection>(spec))
{
    m_connection->setPassword(password);
    m_source = new TablePageSource(m_connection.get(), this);
    m_window = new RowWindow(m_source, this);
    m_model = new TableModel(m_window, this);
    connect(m_connection.get(), &Connection::opened, this, &TableBrowser::connectionOpened);
    connect(m_connection.get(), &Connection::openFailed, this, &TableBrowser::fail);
    connect(m_connection.get(), &Connection::lost, this, &TableBrowser::fail);
    connect(m_connection.get(), &Connection::finished, this, &TableBrowser::finished);
    connect(m_connection.get(), &Connection::failed, this, &TableBrowser::requestFailed);
    connect(m_window, &RowWindow::failed, this, &TableBrowser::fail);
}

TableBrowser::~TableBrowser() = default;

void TableBrowser::open()
{
    m_opened = false;
    if (m_connection->state() == Connection::State::Lost)
        m_connection->reconnect();
    else if (!m_connection->isOpen())
        m_connection->open();
    else
        connectionOpened();
}

void TableBrowser::retry()
{
    if (m_connection->state() == Connection::State::Lost || m_connection->state() == Connection::State::Closed) {
        open();
        return;
    }
    readRelation();
}

void TableBrowser::fail(const PgError &error)
{
    emit failed(error);
}

void TableBrowser::connectionOpened()
{
    const bool known = !m_opened && !m_known.name.isEmpty();
    // The description before the first page, which needs it, unless the app knew it already.
    // The zone is set while the description travels back, so that the first page, queued
    // behind, shows times in this machine's zone.
    if (!known)
        readRelation();
    const QByteArray zone = QTimeZone::systemTimeZoneId();
    if (!zone.isEmpty())
        m_timeZoneRequest = m_connection->submit(QStringLiteral("SELECT pg_catalog.set_config('TimeZone', $1, false)"),
                                                 {QString::fromUtf8(zone)});
    else
        m_timeZoneRequest = m_connection->submit(QStringLiteral("SELECT pg_catalog.current_setting('TimeZone')"));
    if (known) {
        useRelation(m_known);
        readRelation();  // to confirm the shape, and for the privileges
    }
}

void TableBrowser::readRelation()
{
    m_relationRequest = m_connection->submit(RelationInfo::query(m_schema, m_name));
}

void TableBrowser::finished(RequestId id, const QueryResult &result)
{
    if (id == m_timeZoneRequest) {
        m_timeZoneRequest = 0;
        m_timeZone = result.value(0, 0);
    } else if (id == m_relationRequest) {
        m_relationRequest = 0;
        relationRead(result);
    } else if (id == m_estimateRequest) {
        m_estimateRequest = 0;
        // EXPLAIN (FORMAT JSON): [{"Plan": {"Plan Rows": n, …}}]
        const QJsonArray plans = QJsonDocument::fromJson(result.value(0, 0).toUtf8()).array();
        setEstimate(plans.at(0).toObject().value(u"Plan").toObject().value(u"Plan Rows").toDouble(-1));
    }
}

void TableBrowser::requestFailed(RequestId id, const PgError &error)
{
    if (id == m_timeZoneRequest) {
        // A zone name the server does not know: its own zone is shown instead.
        m_timeZoneRequest = m_connection->submit(QStringLiteral("SELECT pg_catalog.current_setting('TimeZone')"));
    } else if (id == m_relationRequest) {
        m_relationRequest = 0;
        fail(error);
    } else if (id == m_estimateRequest) {
        m_estimateRequest = 0;  // only an estimate: the rows still come
    }
}

void TableBrowser::relationRead(const QueryResult &result)
{
    QString error;
    RelationInfo relation = RelationInfo::fromResult(result, &error);
    if (!error.isEmpty()) {
        fail(PgError::client(QStringLiteral("%1.%2: %3").arg(m_schema, m_name, error)));
        return;
    }
    relation.schema = m_schema;
    relation.name = m_name;
    if (m_opened && relation.sameShape(m_relation)) {
        // The rows already shown stay: only privileges, keys elsewhere and estimates change.
        m_relation = relation;
        m_model->updateRelation(m_relation);
        updateEditable();
        emit described();
        return;
    }
    useRelation(relation);
    emit described();
}

void TableBrowser::useRelation(const RelationInfo &relation)
{
    m_relation = relation;
    // Filters that name columns which are gone are dropped rather than failing every page.
    const CompiledFilter compiled = FilterCompiler::compile(m_filters, m_rawWhere, m_relation.schemaColumns());
    if (!compiled.error.isEmpty()) {
        m_filters.clear();
        m_rawWhere.clear();
        m_compiled = {};
    } else {
        m_compiled = compiled;
    }
    m_model->setRelation(m_relation);
    applyQuery();
    const bool first = !m_opened;
    m_opened = true;
    updateEditable();
    if (first)
        emit opened();
}

void TableBrowser::applyQuery()
{
    const BrowseQuery query = BrowseQuery::build(m_relation, m_sort, m_compiled.sql, m_compiled.params);
    m_source->setQuery(query, m_schema, m_name);
    m_model->setXminIndex(query.xminIndex);
    const bool filtered = !m_compiled.sql.isEmpty();
    const double estimate = filtered ? -1 : m_relation.estimatedRows;
    m_estimate = estimate;
    m_window->reset(estimate < 0 ? -1 : qint64(estimate));
    if (estimate < 0)
        estimateFiltered();
    emit estimateChanged(m_estimate);
}

void TableBrowser::estimateFiltered()
{
    // The planner's guess: instant, and far better than the whole table's count.
    QString sql = QStringLiteral("EXPLAIN (FORMAT JSON) SELECT 1 FROM ") + m_relation.qualifiedName();
    if (!m_compiled.sql.isEmpty())
        sql += QStringLiteral(" WHERE ") + m_compiled.sql;
    m_estimateRequest = m_connection->submit(Query{sql, m_compiled.params});
}

void TableBrowser::setEstimate(double rows)
{
    m_estimate = rows;
    if (rows >= 0 && !m_window->isCountExact())
        m_window->setRowCount(qMax(qint64(rows), m_window->rowCount()), false);
    emit estimateChanged(rows);
}

void TableBrowser::setSort(const QList<SortColumn> &sort)
{
    m_sort = sort;
    m_model->setSortMarkers(sort);
    if (m_opened)
        applyQuery();
}

QString TableBrowser::setFilter(const QList<RowFilter> &filters, const QString &rawWhere)
{
    if (!m_opened) {
        // Compiled once the columns are known (a filter restored with the tab, say).
        m_filters = filters;
        m_rawWhere = rawWhere;
        return {};
    }
    const CompiledFilter compiled = FilterCompiler::compile(filters, rawWhere, m_relation.schemaColumns());
    if (!compiled.error.isEmpty())
        return compiled.error;
    m_filters = filters;
    m_rawWhere = rawWhere;
    m_compiled = compiled;
    if (m_opened)
        applyQuery();
    return {};
}

void TableBrowser::refresh()
{
    if (!m_opened) {
        retry();
        return;
    }
    m_window->reset(m_window->rowCount(), m_window->isCountExact());
}

Connection *TableBrowser::side()
{
    if (!m_side) {
        m_side = std::make_unique<Connection>(m_spec);
        m_side->setPassword(m_password);
        connect(m_side.get(), &Connection::finished, this, &TableBrowser::sideFinished);
        connect(m_side.get(), &Connection::failed, this, &TableBrowser::sideFailed);
        m_edits = new EditTransaction(m_side.get(), this);
        connect(m_edits, &EditTransaction::committed, this, [this](int statements) {
            m_model->discardEdits();
            refresh();
            emit applied(statements);
        });
        connect(m_edits, &EditTransaction::conflicted, this, [this](int, const EditStatement &statement) {
            m_model->setConflicts({statement.key});
            emit applyConflicted(Tr::tr("The row with key (%1) was changed or deleted by someone else since it was "
                                        "loaded. Nothing was written. Refresh to see its current values, then edit "
                                        "again.").arg(statement.key.join(QStringLiteral(", "))));
        });
        connect(m_edits, &EditTransaction::failed, this, [this](int, const PgError &error) {
            emit applyFailed(error);
        });
        m_side->open();
    } else if (m_side->state() == Connection::State::Lost) {
        m_side->reconnect();
    }
    return m_side.get();
}

void TableBrowser::countRows()
{
    if (m_countRequest != 0 || !m_opened)
        return;
    const Query count = BrowseQuery::build(m_relation, {}, m_compiled.sql, m_compiled.params).keyset.count();
    m_countRequest = side()->submit(count);
    emit countingChanged(true);
}

void TableBrowser::cancelCount()
{
    if (m_countRequest != 0 && m_side)
        m_side->cancelRequest(m_countRequest);
}

void TableBrowser::sideFinished(RequestId id, const QueryResult &result)
{
    if (id != m_countRequest)
        return;
    m_countRequest = 0;
    emit countingChanged(false);
    const qint64 rows = result.value(0, 0).toLongLong();
    m_window->setRowCount(rows, true);
    emit counted(rows);
}

void TableBrowser::sideFailed(RequestId id, const PgError &error)
{
    if (id != m_countRequest)
        return;
    m_countRequest = 0;
    emit countingChanged(false);
    emit countFailed(error);
}

void TableBrowser::setLocked(bool locked)
{
    m_locked = locked;
    updateEditable();
}

QString TableBrowser::readOnlyReason() const
{
    if (!m_opened)
        return Tr::tr("Loading…");
    if (m_locked)
        return Tr::tr("A production connection: read-only until you unlock editing.");
    return m_relation.readOnlyReason();
}

void TableBrowser::updateEditable()
{
    const bool editable = readOnlyReason().isEmpty();
    if (editable != m_model->isEditable()) {
        m_model->setEditable(editable);
        emit editableChanged(editable);
    }
}

bool TableBrowser::isApplying() const
{
    return m_edits && m_edits->isRunning();
}

void TableBrowser::applyEdits()
{
    if (!readOnlyReason().isEmpty() || m_model->edits().isEmpty() || isApplying())
        return;
    m_model->setConflicts({});
    Connection *connection = side();
    Q_UNUSED(connection)
    m_edits->run(m_model->edits().statements());
}

} // namespace strata
