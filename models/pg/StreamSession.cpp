#include "StreamSession.h"

#include "LibpqErrors.h"
#include "RowBatch.h"
#include "Tr.h"

#include <libpq-fe.h>

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <vector>

namespace strata {

namespace {

// How long a wait lasts before it looks at the cancel flag again.
constexpr int pollMs = 100;

void ignoreNotice(void *, const char *) {}

} // namespace

StreamSession::~StreamSession()
{
    close();
}

bool StreamSession::open(const ConnectionSpec &spec, const QString &password, PgError *error)
{
    close();
    if (isCancelled())
        return failCancelled(error);
    ConnectionSpec withPassword = spec;
    if (!password.isEmpty())
        withPassword.setValue(QStringLiteral("password"), password);
    const QList<QPair<QByteArray, QByteArray>> params = withPassword.libpqParams();
    std::vector<const char *> keys;
    std::vector<const char *> values;
    int timeoutSeconds = 0;
    for (const auto &[key, value] : params) {
        keys.push_back(key.constData());
        values.push_back(value.constData());
        if (key == "connect_timeout")
            timeoutSeconds = value.toInt();
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);

    // Non-blocking connect: a server that does not answer must not keep cancel() waiting for
    // connect_timeout (PQconnectdbParams cannot be interrupted).
    const QDeadlineTimer deadline = timeoutSeconds > 0 ? QDeadlineTimer(qint64(timeoutSeconds) * 1000)
                                                       : QDeadlineTimer(QDeadlineTimer::Forever);
    m_conn = PQconnectStartParams(keys.data(), values.data(), 0);
    if (!m_conn)
        return fail(error, LibpqErrors::connectFailed(nullptr));
    PostgresPollingStatusType status = PQstatus(m_conn) == CONNECTION_BAD ? PGRES_POLLING_FAILED
                                                                          : PGRES_POLLING_WRITING;
    while (status != PGRES_POLLING_OK) {
        if (status == PGRES_POLLING_FAILED)
            return fail(error, LibpqErrors::connectFailed(m_conn));
        if (!waitSocket(status == PGRES_POLLING_READING ? Wait::Read : Wait::Write, deadline)) {
            if (isCancelled())
                return failCancelled(error);
            PgError timeout = LibpqErrors::connectFailed(m_conn);
            timeout.message = Tr::tr("The server did not answer within %n second(s).", nullptr, timeoutSeconds);
            return fail(error, timeout);
        }
        status = PQconnectPoll(m_conn);
    }
    PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
    return true;
}

int StreamSession::serverVersion() const
{
    return m_conn ? PQserverVersion(m_conn) : 0;
}

bool StreamSession::run(const Query &query, PgError *error, const RowSink &sink)
{
    if (!m_conn)
        return fail(error, PgError::client(Tr::tr("Not connected to a server.")));
    if (isCancelled())
        return failCancelled(error);
    const QByteArray sql = query.sql.toUtf8();
    std::vector<QByteArray> bytes;
    std::vector<const char *> values;
    bytes.reserve(query.params.size());
    for (const QString &param : query.params) {
        bytes.push_back(param.toUtf8());
        values.push_back(param.isNull() ? nullptr : bytes.back().constData());
    }
    if (PQsendQueryParams(m_conn, sql.constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0)
        != 1)
        return fail(error, LibpqErrors::connectionLost(m_conn));
    return finishStatement(error, sink);
}

bool StreamSession::copyOut(const QString &sql, const CopySink &sink, PgError *error)
{
    if (!m_conn)
        return fail(error, PgError::client(Tr::tr("Not connected to a server.")));
    if (isCancelled())
        return failCancelled(error);
    if (PQsendQuery(m_conn, sql.toUtf8().constData()) != 1)
        return fail(error, LibpqErrors::connectionLost(m_conn));
    if (!awaitResult(error))
        return false;
    PGresult *start = PQgetResult(m_conn);
    if (PQresultStatus(start) != PGRES_COPY_OUT) {
        // The statement failed (permission denied, no such table…) or was no COPY TO STDOUT.
        PgError failure = PQresultStatus(start) == PGRES_FATAL_ERROR
            ? LibpqErrors::fromResult(start)
            : PgError::client(Tr::tr("The statement is not a COPY … TO STDOUT."));
        PQclear(start);
        PgError ignored;
        if (!finishStatement(&ignored, {}) && !isOpen())
            failure = ignored;
        if (error)
            *error = failure;
        return false;
    }
    PQclear(start);
    for (;;) {
        char *buffer = nullptr;
        const int size = PQgetCopyData(m_conn, &buffer, 1);
        if (size > 0) {
            const bool keep = sink(buffer, size);
            PQfreemem(buffer);
            if (!keep)
                return stopForSink();
            if (isCancelled())
                return failCancelled(error);
        } else if (size == 0) {  // no whole row buffered yet
            if (!waitSocket(Wait::Read))
                return failCancelled(error);
            if (PQconsumeInput(m_conn) == 0)
                return fail(error, LibpqErrors::connectionLost(m_conn));
        } else if (size == -1) {  // the COPY ended; its result (or error) follows
            return finishStatement(error, {});
        } else {
            return fail(error, LibpqErrors::connectionLost(m_conn));
        }
    }
}

bool StreamSession::waitSocket(Wait wait, QDeadlineTimer deadline)
{
    const int socket = PQsocket(m_conn);
    if (socket < 0)
        return true;  // libpq itself reports the broken connection
    pollfd fd{socket, short(wait == Wait::Read ? POLLIN : POLLOUT), 0};
    for (;;) {
        if (isCancelled() || deadline.hasExpired())
            return false;
        const int ms = deadline.isForever() ? pollMs : int(std::min<qint64>(pollMs, deadline.remainingTime()));
        const int ready = ::poll(&fd, 1, ms);
        // POLLERR and POLLHUP count as ready too: libpq reads and reports them.
        if (ready > 0 || (ready < 0 && errno != EINTR))
            return true;
    }
}

bool StreamSession::awaitResult(PgError *error)
{
    while (PQisBusy(m_conn)) {
        if (!waitSocket(Wait::Read))
            return failCancelled(error);
        if (PQconsumeInput(m_conn) == 0)
            return fail(error, LibpqErrors::connectionLost(m_conn));
    }
    return true;
}

bool StreamSession::finishStatement(PgError *error, const RowSink &sink)
{
    std::optional<PgError> failure;
    for (;;) {
        if (!awaitResult(error))
            return false;
        PGresult *result = PQgetResult(m_conn);
        if (!result)
            break;
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_TUPLES_OK) {
            if (!failure && sink && !sink(RowBatch(result))) {
                PQclear(result);
                return stopForSink();
            }
        } else if (status == PGRES_COPY_OUT || status == PGRES_COPY_IN || status == PGRES_COPY_BOTH) {
            // run() cannot take part in a COPY; leaving it would hang the session.
            PQclear(result);
            abort();
            return fail(error, PgError::client(Tr::tr("COPY is not supported here.")));
        } else if (status != PGRES_COMMAND_OK && status != PGRES_EMPTY_QUERY && !failure) {
            failure = LibpqErrors::fromResult(result);
        }
        PQclear(result);
    }
    if (PQstatus(m_conn) == CONNECTION_BAD) {
        PgError lost = LibpqErrors::connectionLost(m_conn);
        if (failure && lost.detail.isEmpty())
            lost.detail = failure->message;
        return fail(error, lost);
    }
    if (failure) {
        if (error)
            *error = *failure;
        return false;
    }
    // Cancelled just as the statement ended: the caller must still stop.
    if (isCancelled())
        return failCancelled(error);
    return true;
}

bool StreamSession::fail(PgError *error, const PgError &reason)
{
    if (error)
        *error = reason;
    close();
    return false;
}

bool StreamSession::failCancelled(PgError *error)
{
    abort();
    if (error)
        *error = LibpqErrors::cancelled();
    return false;
}

bool StreamSession::stopForSink()
{
    abort();
    return false;
}

void StreamSession::abort()
{
    // Closing alone would leave the server working until it next writes to the socket
    // (a big sort may run for minutes first).
    if (m_conn && PQtransactionStatus(m_conn) == PQTRANS_ACTIVE) {
        if (PGcancel *cancel = PQgetCancel(m_conn)) {
            char message[256];
            PQcancel(cancel, message, sizeof message);
            PQfreeCancel(cancel);
        }
    }
    close();
}

void StreamSession::close()
{
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
}

} // namespace strata
