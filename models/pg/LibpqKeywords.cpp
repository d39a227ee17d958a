#include "LibpqKeywords.h"

#include "SpecErrorReport.h"
#include "Tr.h"

#include <libpq-fe.h>

#include <optional>

namespace strata {

namespace {

// libpq 15's table, used only if libpq cannot tell us its own (out of memory).
QList<LibpqKeywords::Option> builtInOptions()
{
    static const char *const table[][2] = {
        {"service", "PGSERVICE"},
        {"user", "PGUSER"},
        {"password", "PGPASSWORD"},
        {"passfile", "PGPASSFILE"},
        {"channel_binding", "PGCHANNELBINDING"},
        {"connect_timeout", "PGCONNECT_TIMEOUT"},
        {"dbname", "PGDATABASE"},
        {"host", "PGHOST"},
        {"hostaddr", "PGHOSTADDR"},
        {"port", "PGPORT"},
        {"client_encoding", "PGCLIENTENCODING"},
        {"options", "PGOPTIONS"},
        {"application_name", "PGAPPNAME"},
        {"fallback_application_name", nullptr},
        {"keepalives", nullptr},
        {"keepalives_idle", nullptr},
        {"keepalives_interval", nullptr},
        {"keepalives_count", nullptr},
        {"tcp_user_timeout", nullptr},
        {"sslmode", "PGSSLMODE"},
        {"sslcompression", "PGSSLCOMPRESSION"},
        {"sslcert", "PGSSLCERT"},
        {"sslkey", "PGSSLKEY"},
        {"sslpassword", nullptr},
        {"sslrootcert", "PGSSLROOTCERT"},
        {"sslcrl", "PGSSLCRL"},
        {"sslcrldir", "PGSSLCRLDIR"},
        {"sslsni", "PGSSLSNI"},
        {"requirepeer", "PGREQUIREPEER"},
        {"ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION"},
        {"ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION"},
        {"gssencmode", "PGGSSENCMODE"},
        {"krbsrvname", "PGKRBSRVNAME"},
        {"gsslib", "PGGSSLIB"},
        {"replication", nullptr},
        {"target_session_attrs", "PGTARGETSESSIONATTRS"},
    };
    QList<LibpqKeywords::Option> options;
    for (const auto &row : table) {
        const QString keyword = QString::fromLatin1(row[0]);
        options.append(
            {keyword, row[1] ? QString::fromLatin1(row[1]) : QString(),
             keyword == QLatin1String("password") || keyword == QLatin1String("sslpassword")});
    }
    return options;
}

struct ValueProblem {
    QString message;
    qsizetype element = 0;  // which comma-separated element was wrong
};

// libpq's pqParseIntParam: strtol with surrounding blanks, no trailing garbage.
std::optional<long long> parseLibpqInt(const QString &value)
{
    QString text = value;
    qsizetype i = 0;
    while (i < text.size() && LibpqKeywords::isBlank(text[i]))
        ++i;
    qsizetype j = text.size();
    while (j > i && LibpqKeywords::isBlank(text[j - 1]))
        --j;
    text = text.mid(i, j - i);
    bool ok = false;
    QString digits = text;
    if (digits.startsWith(QLatin1Char('+')))
        digits.remove(0, 1);
    const bool negative = digits.startsWith(QLatin1Char('-'));
    if (negative)
        digits.remove(0, 1);
    if (digits.isEmpty())
        return std::nullopt;
    for (const QChar c : std::as_const(digits)) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    const long long number = digits.toLongLong(&ok);
    if (!ok || number > 2147483647LL + (negative ? 1 : 0))
        return std::nullopt;
    return negative ? -number : number;
}

std::optional<ValueProblem> checkChoice(const QString &keyword, const QString &value,
                                        const QStringList &choices, bool caseInsensitive = false)
{
    for (const QString &choice : choices) {
        if (value.compare(choice, caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0)
            return std::nullopt;
    }
    return ValueProblem{Tr::tr("invalid %1 value \"%2\"; use %3")
                            .arg(keyword, value, choices.join(QLatin1String(", "))),
                        0};
}

// The checks libpq makes on these values before it opens a socket, so that a typo is
// reported where it was typed instead of as a connection failure.
std::optional<ValueProblem> checkValue(const QString &keyword, const QString &value)
{
    if (keyword == QLatin1String("port")) {
        const QStringList ports = value.split(QLatin1Char(','));
        for (qsizetype i = 0; i < ports.size(); ++i) {
            if (ports[i].isEmpty())
                continue;
            const std::optional<long long> port = parseLibpqInt(ports[i]);
            if (!port || *port < 1 || *port > 65535) {
                return ValueProblem{
                    Tr::tr("invalid port number \"%1\": a port is a number from 1 to 65535")
                        .arg(ports[i]),
                    i};
            }
        }
        return std::nullopt;
    }
    static const QStringList integerKeywords = {
        QStringLiteral("connect_timeout"),  QStringLiteral("keepalives"),
        QStringLiteral("keepalives_idle"),  QStringLiteral("keepalives_interval"),
        QStringLiteral("keepalives_count"), QStringLiteral("tcp_user_timeout")};
    if (integerKeywords.contains(keyword)) {
        if (!parseLibpqInt(value))
            return ValueProblem{Tr::tr("invalid integer value \"%1\" for connection option \"%2\"")
                                    .arg(value, keyword),
                                0};
        return std::nullopt;
    }
    if (keyword == QLatin1String("sslmode"))
        return checkChoice(keyword, value,
                           {QStringLiteral("disable"), QStringLiteral("allow"),
                            QStringLiteral("prefer"), QStringLiteral("require"),
                            QStringLiteral("verify-ca"), QStringLiteral("verify-full")});
    if (keyword == QLatin1String("gssencmode") || keyword == QLatin1String("channel_binding"))
        return checkChoice(
            keyword, value,
            {QStringLiteral("disable"), QStringLiteral("prefer"), QStringLiteral("require")});
    if (keyword == QLatin1String("target_session_attrs"))
        return checkChoice(keyword, value,
                           {QStringLiteral("any"), QStringLiteral("read-write"),
                            QStringLiteral("read-only"), QStringLiteral("primary"),
                            QStringLiteral("standby"), QStringLiteral("prefer-standby")});
    if (keyword == QLatin1String("ssl_min_protocol_version")
        || keyword == QLatin1String("ssl_max_protocol_version"))
        return checkChoice(keyword, value,
                           {QStringLiteral("TLSv1"), QStringLiteral("TLSv1.1"),
                            QStringLiteral("TLSv1.2"), QStringLiteral("TLSv1.3")},
                           true);
    if (keyword == QLatin1String("load_balance_hosts"))
        return checkChoice(keyword, value, {QStringLiteral("disable"), QStringLiteral("random")});
    if (keyword == QLatin1String("sslcertmode"))
        return checkChoice(
            keyword, value,
            {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("require")});
    return std::nullopt;
}

} // namespace

const QList<LibpqKeywords::Option> &LibpqKeywords::options()
{
    // The keywords of the libpq we link against: a newer libpq knows more keywords.
    static const QList<Option> options = [] {
        char *message = nullptr;
        PQconninfoOption *parsed = PQconninfoParse("", &message);
        if (message)
            PQfreemem(message);
        if (!parsed)
            return builtInOptions();
        QList<Option> list;
        for (const PQconninfoOption *option = parsed; option->keyword; ++option) {
            list.append({QString::fromUtf8(option->keyword),
                         option->envvar ? QString::fromUtf8(option->envvar) : QString(),
                         option->dispchar && option->dispchar[0] == '*'});
        }
        PQconninfoFree(parsed);
        return list;
    }();
    return options;
}

const LibpqKeywords::Option *LibpqKeywords::find(const QString &keyword)
{
    for (const Option &option : options()) {
        if (option.keyword == keyword)
            return &option;
    }
    return nullptr;
}

bool LibpqKeywords::isKnown(const QString &keyword)
{
    return find(keyword) != nullptr;
}

bool LibpqKeywords::isStorable(const QString &keyword)
{
    return isKnown(keyword) || keyword == QLatin1String("requiressl");
}

bool LibpqKeywords::isSecret(const QString &keyword)
{
    const Option *option = find(keyword);
    return option ? option->secret : keyword == QLatin1String("password");
}

void LibpqKeywords::store(ConnectionSpec &spec, QString keyword, QString value)
{
    if (keyword == QLatin1String("requiressl") && !isKnown(keyword)) {
        keyword = QStringLiteral("sslmode");
        value = value.startsWith(QLatin1Char('1')) ? QStringLiteral("require")
                                                   : QStringLiteral("prefer");
    }
    spec.setValue(keyword, value);
}

bool LibpqKeywords::validate(const ConnectionSpec &spec, const Positions &positions,
                             const QString &source, SpecError *error)
{
    for (const QString &keyword : spec.keywords()) {
        if (const std::optional<ValueProblem> problem = checkValue(keyword, spec.value(keyword))) {
            SpecErrorReport::set(error, problem->message, source, positions.line(keyword),
                                 positions.column(keyword, problem->element));
            return false;
        }
    }
    const QString hostaddr = QStringLiteral("hostaddr");
    const QString port = QStringLiteral("port");
    const qsizetype hosts = listCount(spec.host());
    const qsizetype hostaddrs = listCount(spec.value(hostaddr));
    if (hosts > 0 && hostaddrs > 0 && hosts != hostaddrs) {
        SpecErrorReport::set(
            error,
            Tr::tr("could not match %1 host names to %2 hostaddr values").arg(hosts).arg(hostaddrs),
            source, positions.line(hostaddr), positions.column(hostaddr, 0));
        return false;
    }
    const qsizetype targets = std::max<qsizetype>(1, std::max(hosts, hostaddrs));
    const qsizetype ports = listCount(spec.port());
    if (ports > 1 && ports != targets) {
        SpecErrorReport::set(
            error, Tr::tr("could not match %1 port numbers to %2 hosts").arg(ports).arg(targets),
            source, positions.line(port), positions.column(port, 0));
        return false;
    }
    return true;
}

qsizetype LibpqKeywords::listCount(const QString &value)
{
    return value.isEmpty() ? 0 : value.count(QLatin1Char(',')) + 1;
}

bool LibpqKeywords::isBlank(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || u == '\t' || u == '\n' || u == '\v' || u == '\f' || u == '\r';
}

void LibpqKeywords::Positions::set(const QString &keyword, QList<int> columns, int line)
{
    places.insert(keyword, Place{line, columns});
}

int LibpqKeywords::Positions::line(const QString &keyword) const
{
    return places.value(keyword).line;
}

int LibpqKeywords::Positions::column(const QString &keyword, qsizetype element) const
{
    const QList<int> columns = places.value(keyword).columns;
    if (columns.isEmpty())
        return 0;
    return element < columns.size() ? columns[element] : columns.first();
}

} // namespace strata
