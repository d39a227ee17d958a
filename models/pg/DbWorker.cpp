#include "DbWorker.h"

#include "LibpqErrors.h"
#include "Tr.h"

#include <QMutexLocker>
#include <QSocketNotifier>

#include <libpq-fe.h>

#include <optional>
#include <vector>

namespace strata {

namespace {

QueryResult resultFrom(const PGresult *result)
{
    const int columns = PQnfields(result);
    QStringList names;
    QList<quint32> types;
    names.reserve(columns);
    types.reserve(columns);
    for (int c = 0; c < columns; ++c) {
        names.append(QString::fromUtf8(PQfname(result, c)));
        types.append(PQftype(result, c));
    }
    QueryResult out(names, types);
    const int rows = PQntuples(result);
    QStringList cells;
    for (int r = 0; r < rows; ++r) {
        cells.clear();
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result, r, c))
                cells.append(QString());
            else  // fromUtf8 of "" is empty but not null, so NULL and '' stay distinct
                cells.append(QString::fromUtf8(PQgetvalue(result, r, c), PQgetlength(result, r, c)));
        }
        out.appendRow(cells);
    }
    const QByteArray affected = PQcmdTuples(const_cast<PGresult *>(result));
    out.setCommandStatus(QString::fromUtf8(PQcmdStatus(const_cast<PGresult *>(result))),
                         affected.isEmpty() ? -1 : affected.toLongLong());
    return out;
}

void ignoreNotice(void *, const char *) {}

PgError notConnectedError()
{
    PgError error;
    error.kind = PgError::Kind::ConnectionLost;
    error.message = Tr::tr("Not connected to a server.");
    return error;
}

// One statement of a pipeline: the extended protocol, as pipeline mode requires.
bool sendStatement(pg_conn *conn, const QByteArray &sql, const QStringList &params = {})
{
    std::vector<QByteArray> bytes;
    std::vector<const char *> values;
    bytes.reserve(params.size());
    for (const QString &param : params) {
        bytes.push_back(param.toUtf8());
        values.push_back(param.isNull() ? nullptr : bytes.back().constData());
    }
    return PQsendQueryParams(conn, sql.constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0)
        == 1;
}

} // namespace

DbWorker::DbWorker() = default;

DbWorker::~DbWorker()
{
    closeConnection();
}

void DbWorker::open(const Params &params, quint64 generation)
{
    closeConnection();
    m_generation = generation;
    std::vector<const char *> keys;
    std::vector<const char *> values;
    for (const auto &[key, value] : params) {
        keys.push_back(key.constData());
        values.push_back(value.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);

    pg_conn *conn = PQconnectdbParams(keys.data(), values.data(), 0);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        const PgError error = LibpqErrors::connectFailed(conn);
        if (conn)
            PQfinish(conn);
        emit openFailed(error, generation);
        return;
    }
    PQsetNoticeProcessor(conn, ignoreNotice, nullptr);
    m_conn = conn;
    {
        QMutexLocker lock(&m_cancelMutex);
        m_cancel = PQgetCancel(m_conn);
    }
    ServerInfo info;
    info.version = QString::fromUtf8(PQparameterStatus(m_conn, "server_version"));
    info.versionNumber = PQserverVersion(m_conn);
    info.user = QString::fromUtf8(PQuser(m_conn));
    info.database = QString::fromUtf8(PQdb(m_conn));
    info.host = QString::fromUtf8(PQhost(m_conn));
    info.port = QString::fromUtf8(PQport(m_conn));
    info.backendPid = PQbackendPID(m_conn);
    watchSocket();
    emit opened(info, generation);
}

// A server that goes away while we are idle sends a FATAL notice and closes the socket;
// watching the socket lets us say so at once instead of at the next click.
void DbWorker::watchSocket()
{
    m_notifier = new QSocketNotifier(PQsocket(m_conn), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &DbWorker::checkIdleSocket);
}

void DbWorker::checkIdleSocket()
{
    if (!m_conn || m_busy)
        return;
    // PQconsumeInput buffers what arrived (a FATAL "terminating connection" first, the end
    // of the stream on the next wake-up, when it fails) and PQisBusy parses it.
    const bool readFailed = PQconsumeInput(m_conn) == 0;
    PQisBusy(m_conn);
    if (readFailed || PQstatus(m_conn) == CONNECTION_BAD) {
        const PgError error = connectionLostError();
        closeConnection();
        emit lost(error, m_generation);
        return;
    }
    while (PGnotify *notify = PQnotifies(m_conn))
        PQfreemem(notify);
}

PgError DbWorker::connectionLostError() const
{
    return LibpqErrors::connectionLost(m_conn);
}

bool DbWorker::startRequest(RequestId first, RequestId last)
{
    QMutexLocker lock(&m_cancelMutex);
    if (m_cancelledIds.contains(first)) {
        m_cancelledIds.removeAll(first);
        m_endedUpTo = last;
        return false;
    }
    m_runningFirst = first;
    m_runningLast = last;
    m_busy = true;
    return true;
}

bool DbWorker::isCancelled(RequestId first)
{
    QMutexLocker lock(&m_cancelMutex);
    return m_cancelledIds.contains(first);
}

void DbWorker::endRequest(RequestId last)
{
    QMutexLocker lock(&m_cancelMutex);
    m_busy = false;
    m_runningFirst = m_runningLast = 0;
    m_endedUpTo = last;
    m_cancelledIds.removeIf([last](RequestId id) { return id <= last; });
}

void DbWorker::execute(RequestId id, const Query &query)
{
    if (m_closing)
        return;
    if (!m_conn) {
        endRequest(id);
        emit failed(id, notConnectedError());
        return;
    }
    if (!startRequest(id, id)) {
        emit failed(id, LibpqErrors::cancelled());
        return;
    }
    const QByteArray sql = query.sql.toUtf8();
    std::vector<QByteArray> params;
    std::vector<const char *> values;
    params.reserve(query.params.size());
    for (const QString &param : query.params) {
        params.push_back(param.toUtf8());
        values.push_back(param.isNull() ? nullptr : params.back().constData());
    }

    m_notifier->setEnabled(false);
    // Without parameters the simple protocol runs several ';'-separated statements, as psql does.
    PGresult *result = query.params.isEmpty()
        ? PQexec(m_conn, sql.constData())
        : PQexecParams(m_conn, sql.constData(), int(values.size()), nullptr, values.data(),
                       nullptr, nullptr, 0);
    endRequest(id);

    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
        QueryResult out = resultFrom(result);
        PQclear(result);
        m_notifier->setEnabled(true);
        emit finished(id, out);
        return;
    }
    if (PQstatus(m_conn) == CONNECTION_BAD) {
        PgError error = connectionLostError();
        if (result && error.detail.isEmpty())
            error.detail = LibpqErrors::fromResult(result).message;
        PQclear(result);
        closeConnection();
        emit failed(id, error);
        emit lost(error, m_generation);
        return;
    }
    PgError error = result ? LibpqErrors::fromResult(result) : PgError{};
    if (!result) {
        error.kind = PgError::Kind::Client;
        error.message = LibpqErrors::connectionMessage(m_conn);
    }
    PQclear(result);
    m_notifier->setEnabled(true);
    emit failed(id, error);
}

// All statements are sent at once, followed by one Sync; then each one's result is read
// (and reported) while the server works on the next. After an error the server skips the
// rest (PGRES_PIPELINE_ABORTED) up to the Sync, and an own transaction is left aborted.
void DbWorker::executeSnapshot(RequestId first, const QList<Query> &queries)
{
    if (m_closing || queries.isEmpty())
        return;
    const RequestId last = first + RequestId(queries.size()) - 1;
    if (!m_conn) {
        endRequest(last);
        emit failed(first, notConnectedError());
        return;
    }
    if (!startRequest(first, last)) {
        emit failed(first, LibpqErrors::cancelled());
        return;
    }
    m_notifier->setEnabled(false);

    const bool ownTransaction = PQtransactionStatus(m_conn) == PQTRANS_IDLE;
    bool sent = PQenterPipelineMode(m_conn) == 1;
    if (sent && ownTransaction)
        sent = sendStatement(m_conn, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    // The server flushes its output only at a Sync unless asked: a Flush after each
    // statement sends each result as soon as it is ready, and progress with it.
    for (qsizetype q = 0; sent && q < queries.size(); ++q)
        sent = sendStatement(m_conn, queries.at(q).sql.toUtf8(), queries.at(q).params)
            && PQsendFlushRequest(m_conn) == 1;
    if (sent && ownTransaction)
        sent = sendStatement(m_conn, "COMMIT");
    sent = sent && PQpipelineSync(m_conn) == 1;

    // Statement s is BEGIN (when ours), a query, or COMMIT; `reported` queries have finished.
    const qsizetype statements = queries.size() + (ownTransaction ? 2 : 0);
    const qsizetype firstQuery = ownTransaction ? 1 : 0;
    qsizetype reported = 0;
    std::optional<PgError> failure;
    bool lostConnection = !sent;
    for (qsizetype s = 0; s < statements && !lostConnection; ++s) {
        PGresult *result = PQgetResult(m_conn);
        if (!result) {  // every statement has a result before its end; the stream is broken
            lostConnection = true;
            break;
        }
        const qsizetype q = s - firstQuery;
        const ExecStatusType status = PQresultStatus(result);
        if (!failure && q < queries.size()) {
            if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
                failure = LibpqErrors::fromResult(result);
            } else if (q >= 0 && isCancelled(first)) {
                // Cancelled after the server had finished the statement: interrupt the rest.
                failure = LibpqErrors::cancelled();
                cancel();
            } else if (q >= 0) {
                emit finished(first + RequestId(q), resultFrom(result));
                ++reported;
            }
        }
        PQclear(result);
        while (PGresult *more = PQgetResult(m_conn))  // up to the NULL that ends the statement
            PQclear(more);
        lostConnection = PQstatus(m_conn) == CONNECTION_BAD;
    }
    if (!lostConnection) {
        PQclear(PQgetResult(m_conn));  // PGRES_PIPELINE_SYNC
        PQexitPipelineMode(m_conn);
        if (ownTransaction && PQtransactionStatus(m_conn) != PQTRANS_IDLE)
            PQclear(PQexec(m_conn, "ROLLBACK"));
        lostConnection = PQstatus(m_conn) == CONNECTION_BAD;
    }
    const RequestId unreported = first + RequestId(reported);
    endRequest(last);

    if (lostConnection) {
        PgError error = connectionLostError();
        if (failure && error.detail.isEmpty())
            error.detail = failure->message;
        closeConnection();
        if (unreported <= last)
            emit failed(unreported, error);
        emit lost(error, m_generation);
        return;
    }
    m_notifier->setEnabled(true);
    if (failure)
        emit failed(unreported, *failure);
}

void DbWorker::cancel()
{
    QMutexLocker lock(&m_cancelMutex);
    if (!m_cancel || !m_busy)
        return;
    char message[256];
    PQcancel(m_cancel, message, sizeof message);
}

void DbWorker::cancel(RequestId id)
{
    QMutexLocker lock(&m_cancelMutex);
    if (id == 0 || id <= m_endedUpTo)
        return;
    if (!m_cancelledIds.contains(id))
        m_cancelledIds.append(id);
    if (m_cancel && m_busy && id >= m_runningFirst && id <= m_runningLast) {
        char message[256];
        PQcancel(m_cancel, message, sizeof message);
    }
}

void DbWorker::close()
{
    closeConnection();
}

void DbWorker::closeConnection()
{
    // Closing can happen inside the notifier's own signal: disable now, delete later.
    if (m_notifier) {
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();
    }
    m_notifier = nullptr;
    {
        QMutexLocker lock(&m_cancelMutex);
        if (m_cancel)
            PQfreeCancel(m_cancel);
        m_cancel = nullptr;
    }
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
}

} // namespace strata
