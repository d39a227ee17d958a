// Introspector's running half: the statements on a Connection, progress, cancel. The
// statements are in IntrospectorQueries.cpp, building the model in IntrospectorAssembly.cpp.
#include "Introspector.h"

#include "pg/BlockingQuery.h"

#include <QEventLoop>

namespace strata {

Introspector::Introspector(QObject *parent)
    : QObject(parent)
{
    static const bool registered = [] {
        qRegisterMetaType<strata::Schema>();
        return true;
    }();
    Q_UNUSED(registered);
}

Introspector::~Introspector()
{
    stop();
}

void Introspector::introspect(Connection *connection, const IntrospectOptions &options)
{
    stop();
    m_running = true;
    m_options = options;
    m_results.clear();
    m_connection = connection;
    if (!connection || !connection->isOpen()) {
        PgError error;
        error.kind = PgError::Kind::ConnectionLost;
        error.message = tr("Not connected to a server.");
        failLater(error);
        return;
    }
    const int version = connection->serverInfo().versionNumber;
    if (version < minimumServerVersion) {
        PgError error;
        error.kind = PgError::Kind::Client;
        error.message = tr("PostgreSQL %1 is not supported; Strata reads schemas from PostgreSQL 10 on.")
                            .arg(connection->serverInfo().version);
        failLater(error);
        return;
    }
    m_links << connect(connection, &Connection::finished, this, &Introspector::onFinished);
    m_links << connect(connection, &Connection::failed, this, &Introspector::onFailed);
    m_links << connect(connection, &QObject::destroyed, this, [this] {
        stop();
        PgError error;
        error.kind = PgError::Kind::ConnectionLost;
        error.message = tr("The connection was closed while the schema was being read.");
        emit failed(error);
    });
    m_results.reserve(StepCount);
    const quint64 generation = m_generation;
    emit progress(0, StepCount, stepLabel(0));
    if (generation == m_generation)  // else a slot connected to progress() cancelled
        m_first = connection->submitSnapshot(queries(version, options));
}

// Step i reports under m_first + i, in order.
void Introspector::onFinished(RequestId id, const QueryResult &result)
{
    if (!m_running || m_first == 0 || id != m_first + RequestId(m_results.size()))
        return;
    m_results.append(result);
    const int done = int(m_results.size());
    if (done < StepCount) {
        emit progress(done, StepCount, stepLabel(done));
        return;
    }
    const quint64 generation = m_generation;
    emit progress(StepCount, StepCount, tr("Building the schema model"));
    if (generation != m_generation)  // a slot connected to progress() cancelled
        return;
    const QList<QueryResult> results = std::move(m_results);
    const IntrospectOptions options = m_options;
    stop();
    emit finished(assemble(results, options));
}

void Introspector::onFailed(RequestId id, const PgError &error)
{
    if (!m_running || m_first == 0 || id < m_first || id >= m_first + RequestId(StepCount))
        return;
    stop();
    emit failed(error);
}

void Introspector::cancel()
{
    if (!m_running)
        return;
    // Only our own statements are interrupted; before they were submitted (or after an
    // early failure was posted) there are none.
    if (m_connection && m_first != 0)
        m_connection->cancelRequest(m_first);
    stop();
    PgError error;
    error.kind = PgError::Kind::Cancelled;
    error.sqlState = QStringLiteral("57014");
    error.message = tr("Reading the schema was cancelled.");
    emit failed(error);
}

void Introspector::stop()
{
    for (const QMetaObject::Connection &link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_first = 0;
    m_running = false;
    m_results.clear();
    ++m_generation;
}

// Errors found before anything was submitted still arrive after introspect() returns, as
// every other outcome does, so callers connect once and need no special case.
void Introspector::failLater(const PgError &error)
{
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(this, [this, error, generation] {
        if (generation != m_generation || !m_running)
            return;
        stop();
        emit failed(error);
    }, Qt::QueuedConnection);
}

QString Introspector::stepLabel(int step)
{
    switch (step) {
    case Schemas: return tr("Reading schemas");
    case Relations: return tr("Reading tables and views");
    case Columns: return tr("Reading columns");
    case Constraints: return tr("Reading constraints");
    case Indexes: return tr("Reading indexes");
    case Enums: return tr("Reading enums");
    case Sequences: return tr("Reading sequences");
    case Policies: return tr("Reading policies");
    default: return QString();
    }
}

std::optional<Schema> Introspector::introspectAndWait(Connection &connection, const IntrospectOptions &options,
                                                      PgError *error)
{
    if (!BlockingQuery::open(connection, error))
        return std::nullopt;
    PgError failure;
    Introspector introspector;
    std::optional<Schema> result;
    QEventLoop loop;
    bool done = false;
    connect(&introspector, &Introspector::finished, &loop, [&](const Schema &schema) {
        result = schema;
        done = true;
        loop.quit();
    });
    connect(&introspector, &Introspector::failed, &loop, [&](const PgError &e) {
        failure = e;
        done = true;
        loop.quit();
    });
    introspector.introspect(&connection, options);
    if (!done)
        loop.exec();
    if (!result && error)
        *error = failure;
    return result;
}

} // namespace strata
