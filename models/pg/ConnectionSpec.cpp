#include "ConnectionSpec.h"

#include "ConnectionUrl.h"
#include "ConninfoString.h"
#include "LibpqKeywords.h"
#include "ServiceFile.h"
#include "SpecErrorReport.h"
#include "Tr.h"

namespace strata {

QString SpecError::toString() const
{
    QStringList parts;
    if (!source.isEmpty())
        parts.append(source);
    if (line > 0)
        parts.append(QString::number(line));
    if (column > 0)
        parts.append(QString::number(column));
    if (parts.isEmpty())
        return message;
    return parts.join(QLatin1Char(':')) + QLatin1String(": ") + message;
}

ConnectionSpec ConnectionSpec::parse(const QString &text, SpecError *error)
{
    qsizetype lead = 0;
    while (lead < text.size() && text[lead].isSpace())
        ++lead;
    const QString trimmed = text.trimmed();
    if (ConnectionUrl::hasScheme(trimmed)) {
        ConnectionSpec spec = fromUrl(trimmed, error);
        if (error && !error->isNull() && error->column > 0)
            error->column += SpecErrorReport::columnAt(text, lead) - 1;
        return spec;
    }
    // Something URL-shaped with another scheme: say so instead of libpq's
    // 'missing "=" after "mysql://…"'.
    const qsizetype schemeEnd = trimmed.indexOf(QLatin1String("://"));
    if (schemeEnd > 0 && !trimmed.left(schemeEnd).contains(QLatin1Char('='))
        && !trimmed.left(schemeEnd).contains(QLatin1Char(' '))) {
        return fromUrl(text, error);
    }
    return fromKeywordValue(text, error);
}

ConnectionSpec ConnectionSpec::fromUrl(const QString &url, SpecError *error)
{
    return ConnectionUrl::parse(url, error);
}

ConnectionSpec ConnectionSpec::fromKeywordValue(const QString &conninfo, SpecError *error)
{
    return ConninfoString::parse(conninfo, error);
}

ConnectionSpec ConnectionSpec::fromEnvironment(const QProcessEnvironment &env)
{
    // URL-friendly order first, so that toUrl() prints user@host:port/dbname.
    static const QStringList leading = {QStringLiteral("user"), QStringLiteral("password"),
                                        QStringLiteral("host"), QStringLiteral("port"),
                                        QStringLiteral("dbname")};
    ConnectionSpec spec;
    auto take = [&](const LibpqKeywords::Option &option) {
        if (!option.envVar.isEmpty() && env.contains(option.envVar))
            spec.setValue(option.keyword, env.value(option.envVar));
    };
    for (const QString &keyword : leading) {
        if (const LibpqKeywords::Option *option = LibpqKeywords::find(keyword))
            take(*option);
    }
    for (const LibpqKeywords::Option &option : LibpqKeywords::options()) {
        if (!leading.contains(option.keyword))
            take(option);
    }
    // The deprecated PGREQUIRESSL: "1…" means sslmode=require, unless PGSSLMODE is set.
    const QString sslmode = QStringLiteral("sslmode");
    if (!spec.contains(sslmode)
        && env.value(QStringLiteral("PGREQUIRESSL")).startsWith(QLatin1Char('1')))
        spec.setValue(sslmode, QStringLiteral("require"));
    return spec;
}

ConnectionSpec ConnectionSpec::fromServiceFile(const QString &serviceName, const QString &filePath,
                                               SpecError *error)
{
    return ServiceFile::read(serviceName, filePath, error);
}

ConnectionSpec ConnectionSpec::fromService(const QString &serviceName,
                                           const QProcessEnvironment &env, SpecError *error)
{
    return ServiceFile::find(serviceName, env, error);
}

QString ConnectionSpec::value(const QString &keyword) const
{
    for (const auto &param : m_params) {
        if (param.first == keyword)
            return param.second;
    }
    return {};
}

bool ConnectionSpec::contains(const QString &keyword) const
{
    for (const auto &param : m_params) {
        if (param.first == keyword)
            return true;
    }
    return false;
}

void ConnectionSpec::setValue(const QString &keyword, const QString &value)
{
    if (value.isEmpty()) {
        remove(keyword);
        return;
    }
    for (auto &param : m_params) {
        if (param.first == keyword) {
            param.second = value;
            return;
        }
    }
    m_params.append({keyword, value});
}

void ConnectionSpec::remove(const QString &keyword)
{
    m_params.removeIf([&](const QPair<QString, QString> &param) { return param.first == keyword; });
}

QStringList ConnectionSpec::keywords() const
{
    QStringList list;
    list.reserve(m_params.size());
    for (const auto &param : m_params)
        list.append(param.first);
    return list;
}

QString ConnectionSpec::toUrl(Password password) const
{
    return ConnectionUrl::print(*this, password);
}

QString ConnectionSpec::toKeywordValue(Password password) const
{
    return ConninfoString::print(*this, password);
}

QString ConnectionSpec::displayName() const
{
    QString hostText = host();
    if (hostText.isEmpty())
        hostText = value(QStringLiteral("hostaddr"));
    const QString portText = port();
    if (hostText.isEmpty() && portText.isEmpty() && dbname().isEmpty() && user().isEmpty()
        && contains(QStringLiteral("service")))
        return Tr::tr("service %1").arg(value(QStringLiteral("service")));
    if (isEmpty())
        return {};

    // Pair hosts with ports as libpq does: one port for all, or one per host.
    const QStringList hosts = hostText.split(QLatin1Char(','));
    const QStringList ports = portText.isEmpty() ? QStringList() : portText.split(QLatin1Char(','));
    QStringList netlocs;
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        QString netloc = hosts[i].isEmpty() ? QStringLiteral("localhost") : hosts[i];
        if (netloc.contains(QLatin1Char(':')))
            netloc = QLatin1Char('[') + netloc + QLatin1Char(']');
        const QString portOfHost = ports.size() == hosts.size() ? ports[i]
            : ports.size() == 1                                 ? ports.first()
                                                                : QString();
        if (!portOfHost.isEmpty())
            netloc += QLatin1Char(':') + portOfHost;
        netlocs.append(netloc);
    }
    QString text;
    if (!user().isEmpty())
        text += user() + QLatin1Char('@');
    text += netlocs.join(QLatin1Char(','));
    if (!dbname().isEmpty())
        text += QLatin1Char('/') + dbname();
    return text;
}

QList<QPair<QByteArray, QByteArray>> ConnectionSpec::libpqParams() const
{
    QList<QPair<QByteArray, QByteArray>> params;
    for (const auto &param : m_params) {
        // An empty value (above all an empty password) would stop libpq from reading
        // ~/.pgpass or PGPASSFILE; setValue() never stores one, but stay safe.
        if (param.second.isEmpty())
            continue;
        params.append({param.first.toUtf8(), param.second.toUtf8()});
    }
    if (!contains(QStringLiteral("application_name")))
        params.append({QByteArrayLiteral("application_name"), QByteArrayLiteral("strata")});
    if (!contains(QStringLiteral("connect_timeout")))
        params.append({QByteArrayLiteral("connect_timeout"), QByteArrayLiteral("10")});
    return params;
}

} // namespace strata
