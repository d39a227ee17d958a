#pragma once

#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace strata {

// Where and why a connection string, URL or file could not be read.
struct SpecError {
    QString message;  // the reason, translated, one sentence
    QString source;   // "URL", "connection string", a file path, "environment"
    int line = 0;     // 1-based; 0 when the source has no lines
    int column = 0;   // 1-based; 0 when unknown

    bool isNull() const { return message.isEmpty(); }
    QString toString() const;  // "source:line:column: message"
};

// A PostgreSQL database named the way libpq names it: an ordered set of connection keywords.
class ConnectionSpec
{
public:
    ConnectionSpec() = default;

    // "postgres://…", "postgresql://…" or a keyword/value string, whichever `text` is.
    static ConnectionSpec parse(const QString &text, SpecError *error = nullptr);
    static ConnectionSpec fromUrl(const QString &url, SpecError *error = nullptr);
    static ConnectionSpec fromKeywordValue(const QString &conninfo, SpecError *error = nullptr);
    // PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE, PGOPTIONS, PGAPPNAME, …
    static ConnectionSpec fromEnvironment(const QProcessEnvironment &env);
    // The [service] section of a pg_service.conf file, as libpq reads it.
    static ConnectionSpec fromServiceFile(const QString &serviceName, const QString &filePath,
                                          SpecError *error = nullptr);
    // Looks the service up where libpq does: PGSERVICEFILE or ~/.pg_service.conf, then
    // PGSYSCONFDIR/pg_service.conf (or the system default).
    static ConnectionSpec fromService(const QString &serviceName, const QProcessEnvironment &env,
                                      SpecError *error = nullptr);

    bool isEmpty() const { return m_params.isEmpty(); }

    QString value(const QString &keyword) const;  // empty when unset
    bool contains(const QString &keyword) const;
    void setValue(const QString &keyword, const QString &value);  // empty value removes
    void remove(const QString &keyword);
    QStringList keywords() const;  // in the order they were given

    QString host() const { return value(QStringLiteral("host")); }
    QString port() const { return value(QStringLiteral("port")); }
    QString dbname() const { return value(QStringLiteral("dbname")); }
    QString user() const { return value(QStringLiteral("user")); }
    QString password() const { return value(QStringLiteral("password")); }
    bool hasPassword() const { return contains(QStringLiteral("password")); }

    // Printing never shows the password unless asked to.
    enum class Password { Hide, Show };
    QString toUrl(Password password = Password::Hide) const;
    QString toKeywordValue(Password password = Password::Hide) const;
    // Short human form for titles and status bars: "user@host:port/dbname".
    QString displayName() const;

    // Keyword/value pairs for PQconnectdbParams: adds application_name=strata and a connect
    // timeout unless the spec sets them. A `service` keyword is passed on for libpq to expand.
    QList<QPair<QByteArray, QByteArray>> libpqParams() const;

    bool operator==(const ConnectionSpec &other) const = default;

private:
    QList<QPair<QString, QString>> m_params;
};

} // namespace strata
