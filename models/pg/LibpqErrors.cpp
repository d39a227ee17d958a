#include "LibpqErrors.h"

#include "Tr.h"

#include <libpq-fe.h>

namespace strata::LibpqErrors {

namespace {

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text).trimmed() : QString();
}

} // namespace

// libpq prefixes connection failures with 'connection to server at "…" failed: FATAL:  …';
// keep the server's sentence, which is what a user can act on.
QString connectionMessage(const pg_conn *conn)
{
    QString text = fromUtf8(PQerrorMessage(conn));
    const qsizetype fatal = text.lastIndexOf(QLatin1String("FATAL:"));
    if (fatal >= 0)
        text = text.mid(fatal + 6).trimmed();
    return text;
}

PgError fromResult(const pg_result *result)
{
    PgError error;
    error.kind = PgError::Kind::Server;
    error.sqlState = fromUtf8(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    error.message = fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    error.detail = fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL));
    error.hint = fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_HINT));
    error.context = fromUtf8(PQresultErrorField(result, PG_DIAG_CONTEXT));
    error.position = QByteArray(PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION)).toInt();
    if (error.message.isEmpty())
        error.message = fromUtf8(PQresultErrorMessage(result));
    if (error.sqlState == QLatin1String("57014"))
        error.kind = PgError::Kind::Cancelled;
    return error;
}

PgError connectFailed(const pg_conn *conn)
{
    PgError error;
    error.kind = PgError::Kind::ConnectFailed;
    error.message = conn ? connectionMessage(conn) : Tr::tr("Out of memory while connecting.");
    error.needsPassword = conn && PQconnectionNeedsPassword(conn);
    // libpq 15 exposes no SQLSTATE for a failed connection; a password was sent and the
    // server's message says authentication failed (28P01's text).
    error.passwordRejected = conn && PQconnectionUsedPassword(conn)
                             && error.message.contains(QLatin1String("password authentication failed"));
    return error;
}

PgError connectionLost(const pg_conn *conn)
{
    PgError error;
    error.kind = PgError::Kind::ConnectionLost;
    error.message = Tr::tr("The connection to the server was lost.");
    const QString reason = conn ? connectionMessage(conn) : QString();
    if (!reason.isEmpty())
        error.detail = reason;
    return error;
}

PgError cancelled()
{
    PgError error;
    error.kind = PgError::Kind::Cancelled;
    error.sqlState = QStringLiteral("57014");
    error.message = Tr::tr("The statement was cancelled.");
    return error;
}

} // namespace strata::LibpqErrors
