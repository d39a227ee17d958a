#include "RunAudit.h"

#include "migrations/Ledger.h"
#include "schema/SqlQuote.h"

#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>
#include <QJsonArray>
#include <QJsonDocument>

namespace strata {

namespace {

QString jsonArray(const QStringList &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

} // namespace

QString RunAudit::tableName()
{
    return QStringLiteral("__strata_runs");
}

RunAudit::RunAudit(const Ledger &ledger) : m_schema(ledger.schema()) {}

QString RunAudit::qualifiedName() const
{
    return SqlQuote::qualified(m_schema, tableName());
}

QList<Query> RunAudit::createQueries() const
{
    return {{QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(SqlQuote::identifier(m_schema)), {}},
            {QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (\n"
                            "  id bigserial PRIMARY KEY,\n"
                            "  action text NOT NULL,\n"
                            "  migrations text[] NOT NULL,\n"
                            "  applied text[],\n"
                            "  tx_mode text,\n"
                            "  result text NOT NULL,\n"
                            "  error text,\n"
                            "  db_user text NOT NULL DEFAULT current_user,\n"
                            "  os_user text,\n"
                            "  client_host text,\n"
                            "  tool text NOT NULL,\n"
                            "  started_at timestamptz NOT NULL DEFAULT clock_timestamp(),\n"
                            "  finished_at timestamptz,\n"
                            "  duration_ms bigint\n"
                            ")")
                 .arg(qualifiedName()),
             {}}};
}

Query RunAudit::interruptedQuery() const
{
    return {QStringLiteral("UPDATE %1 SET result = 'interrupted' WHERE result = 'running'").arg(qualifiedName()), {}};
}

Query RunAudit::startQuery(const QString &action, const QStringList &migrations, const QString &mode) const
{
    // The account, not $USER: CI jobs and cron often run without it.
    const passwd *account = ::getpwuid(::geteuid());
    const QString osUser = account ? QString::fromLocal8Bit(account->pw_name) : QString();
    return {QStringLiteral("INSERT INTO %1 (action, migrations, tx_mode, result, os_user, client_host, tool) "
                           "VALUES ($1, ARRAY(SELECT jsonb_array_elements_text($2::jsonb)), $3, 'running', $4, $5, $6) "
                           "RETURNING id")
                .arg(qualifiedName()),
            {action, jsonArray(migrations), mode, osUser.isEmpty() ? QString() : osUser, QSysInfo::machineHostName(),
             QStringLiteral("strata ") + QStringLiteral(STRATA_VERSION)}};
}

Query RunAudit::finishQuery(qint64 id, const QString &result, const QStringList &applied, const QString &error,
                            qint64 durationMs) const
{
    return {QStringLiteral("UPDATE %1 SET result = $2, applied = ARRAY(SELECT jsonb_array_elements_text($3::jsonb)), "
                           "error = $4, finished_at = clock_timestamp(), duration_ms = $5 WHERE id = $1")
                .arg(qualifiedName()),
            {QString::number(id), result, jsonArray(applied), error.isEmpty() ? QString() : error,
             QString::number(durationMs)}};
}

} // namespace strata
