#include "ConnectionSpec.h"

#include "Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include <libpq-fe.h>

#include <cstring>
#include <optional>

namespace strata {

namespace {

const QString kUser = QStringLiteral("user");
const QString kPassword = QStringLiteral("password");
const QString kHost = QStringLiteral("host");
const QString kHostaddr = QStringLiteral("hostaddr");
const QString kPort = QStringLiteral("port");
const QString kDbname = QStringLiteral("dbname");
const QString kService = QStringLiteral("service");
const QString kSslmode = QStringLiteral("sslmode");

const QString longPrefix = QStringLiteral("postgresql://");
const QString shortPrefix = QStringLiteral("postgres://");

// One connection keyword as the linked libpq knows it.
struct LibpqOption {
    QString keyword;
    QString envVar;       // empty when libpq reads no environment variable for it
    bool secret = false;  // libpq's display character "*": never printed
};

// libpq 15's table, used only if libpq cannot tell us its own (out of memory).
QList<LibpqOption> builtInOptions()
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
    QList<LibpqOption> options;
    for (const auto &row : table) {
        const QString keyword = QString::fromLatin1(row[0]);
        options.append(
            {keyword, row[1] ? QString::fromLatin1(row[1]) : QString(),
             keyword == QLatin1String("password") || keyword == QLatin1String("sslpassword")});
    }
    return options;
}

// The keywords of the libpq we link against, so that Strata accepts exactly what
// PQconnectdbParams will accept (a newer libpq knows more keywords).
const QList<LibpqOption> &libpqOptions()
{
    static const QList<LibpqOption> options = [] {
        char *message = nullptr;
        PQconninfoOption *parsed = PQconninfoParse("", &message);
        if (message)
            PQfreemem(message);
        if (!parsed)
            return builtInOptions();
        QList<LibpqOption> list;
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

const LibpqOption *findOption(const QString &keyword)
{
    for (const LibpqOption &option : libpqOptions()) {
        if (option.keyword == keyword)
            return &option;
    }
    return nullptr;
}

bool isKnownKeyword(const QString &keyword)
{
    return findOption(keyword) != nullptr;
}

bool isSecret(const QString &keyword)
{
    const LibpqOption *option = findOption(keyword);
    return option ? option->secret : keyword == kPassword;
}

// C's isspace() in the "C" locale, which is what libpq's parsers use.
bool isCSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || u == '\t' || u == '\n' || u == '\v' || u == '\f' || u == '\r';
}

// 1-based column counted in characters (code points), not UTF-16 units.
int columnAt(QStringView text, qsizetype index)
{
    int column = 1;
    for (qsizetype i = 0; i < index && i < text.size(); ++i) {
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++column;
    }
    if (index > text.size())
        column += int(index - text.size());
    return column;
}

void setError(SpecError *error, const QString &message, const QString &source, int line, int column)
{
    if (error)
        *error = SpecError{message, source, line, column};
}

void clearError(SpecError *error)
{
    if (error)
        *error = SpecError{};
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    return -1;
}

// libpq's conninfo_uri_decode: %XX anywhere, %00 forbidden. `offset` is where `raw`
// starts in the URL, so that the error points at the bad escape.
std::optional<QString> percentDecode(QStringView raw, QStringView url, qsizetype offset,
                                     SpecError *error)
{
    if (!raw.contains(QLatin1Char('%')))
        return raw.toString();
    QByteArray bytes;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != QLatin1Char('%')) {
            // Copy the whole code point (a surrogate pair stays together).
            qsizetype end = i + 1;
            if (raw[i].isHighSurrogate() && end < raw.size() && raw[end].isLowSurrogate())
                ++end;
            bytes += raw.mid(i, end - i).toUtf8();
            i = end - 1;
            continue;
        }
        const int hi = i + 1 < raw.size() ? hexValue(raw[i + 1]) : -1;
        const int lo = hi >= 0 && i + 2 < raw.size() ? hexValue(raw[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
            setError(error,
                     Tr::tr("invalid percent-encoded token \"%1\": \"%\" must be followed by two "
                            "hexadecimal digits")
                         .arg(raw.mid(i, 3).toString()),
                     Tr::tr("URL"), 0, columnAt(url, offset + i));
            return std::nullopt;
        }
        const int byte = (hi << 4) | lo;
        if (byte == 0) {
            setError(error, Tr::tr("forbidden value %00 in percent-encoded value"), Tr::tr("URL"),
                     0, columnAt(url, offset + i));
            return std::nullopt;
        }
        bytes += char(byte);
        i += 2;
    }
    // Stateless, so that a sequence cut off at the end is an error too.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(bytes);
    if (decoder.hasError()) {
        setError(error, Tr::tr("percent-encoded bytes are not valid UTF-8"), Tr::tr("URL"), 0,
                 columnAt(url, offset));
        return std::nullopt;
    }
    return decoded;
}

// The characters RFC 3986 never needs to escape.
bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '.' || c == '_' || c == '~';
}

QString percentEncode(const QString &text, const char *keep = "")
{
    const QByteArray bytes = text.toUtf8();
    QString out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        if (isUnreserved(c) || (c != '\0' && std::strchr(keep, c)))
            out += QLatin1Char(c);
        else
            out += QLatin1Char('%')
                + QString::number(uchar(c), 16).toUpper().rightJustified(2, QLatin1Char('0'));
    }
    return out;
}

// Where each keyword's value (and each element of a comma list) started in the source,
// so that a bad value can be pointed at after parsing.
struct Positions {
    struct Place {
        int line = 0;
        QList<int> columns;
    };
    QHash<QString, Place> places;

    void set(const QString &keyword, QList<int> columns, int line = 0)
    {
        places.insert(keyword, Place{line, columns});
    }
    int line(const QString &keyword) const { return places.value(keyword).line; }
    int column(const QString &keyword, qsizetype element) const
    {
        const QList<int> columns = places.value(keyword).columns;
        if (columns.isEmpty())
            return 0;
        return element < columns.size() ? columns[element] : columns.first();
    }
};

struct ValueProblem {
    QString message;
    qsizetype element = 0;  // which comma-separated element was wrong
};

// libpq's pqParseIntParam: strtol with surrounding blanks, no trailing garbage.
std::optional<long long> parseLibpqInt(const QString &value)
{
    QString text = value;
    qsizetype i = 0;
    while (i < text.size() && isCSpace(text[i]))
        ++i;
    qsizetype j = text.size();
    while (j > i && isCSpace(text[j - 1]))
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

qsizetype listCount(const QString &value)
{
    return value.isEmpty() ? 0 : value.count(QLatin1Char(',')) + 1;
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
    if (keyword == kPort) {
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
    if (keyword == kSslmode)
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

// Value checks plus libpq's host/port list pairing (connectOptions2).
bool validate(const ConnectionSpec &spec, const Positions &positions, const QString &source,
              SpecError *error)
{
    for (const QString &keyword : spec.keywords()) {
        if (const std::optional<ValueProblem> problem = checkValue(keyword, spec.value(keyword))) {
            setError(error, problem->message, source, positions.line(keyword),
                     positions.column(keyword, problem->element));
            return false;
        }
    }
    const qsizetype hosts = listCount(spec.host());
    const qsizetype hostaddrs = listCount(spec.value(kHostaddr));
    if (hosts > 0 && hostaddrs > 0 && hosts != hostaddrs) {
        setError(
            error,
            Tr::tr("could not match %1 host names to %2 hostaddr values").arg(hosts).arg(hostaddrs),
            source, positions.line(kHostaddr), positions.column(kHostaddr, 0));
        return false;
    }
    const qsizetype targets = std::max<qsizetype>(1, std::max(hosts, hostaddrs));
    const qsizetype ports = listCount(spec.port());
    if (ports > 1 && ports != targets) {
        setError(error,
                 Tr::tr("could not match %1 port numbers to %2 hosts").arg(ports).arg(targets),
                 source, positions.line(kPort), positions.column(kPort, 0));
        return false;
    }
    return true;
}

// libpq's conninfo_storeval: requiressl is the old spelling of sslmode.
void storeValue(ConnectionSpec &spec, QString keyword, QString value)
{
    if (keyword == QLatin1String("requiressl") && !isKnownKeyword(keyword)) {
        keyword = kSslmode;
        value = value.startsWith(QLatin1Char('1')) ? QStringLiteral("require")
                                                   : QStringLiteral("prefer");
    }
    spec.setValue(keyword, value);
}

bool isStorable(const QString &keyword)
{
    return isKnownKeyword(keyword) || keyword == QLatin1String("requiressl");
}

// Quoting for a keyword/value string, as libpq's conninfo_parse reads it back.
QString quoteConninfoValue(const QString &value)
{
    bool needsQuotes = value.isEmpty();
    for (const QChar c : value) {
        if (isCSpace(c) || c == QLatin1Char('\'') || c == QLatin1Char('\\'))
            needsQuotes = true;
    }
    if (!needsQuotes)
        return value;
    QString quoted = QStringLiteral("'");
    for (const QChar c : value) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    quoted += QLatin1Char('\'');
    return quoted;
}

// One pg_service.conf read the way libpq's parseServiceFile reads it.
ConnectionSpec readServiceFile(const QString &serviceName, const QString &filePath, bool *found,
                               SpecError *error)
{
    *found = false;
    clearError(error);
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error,
                 Tr::tr("service file \"%1\" not found or not readable: %2")
                     .arg(filePath, file.errorString()),
                 filePath, 0, 0);
        return {};
    }
    const QByteArray content = file.readAll();
    const QByteArray service = serviceName.toUtf8();
    ConnectionSpec spec;
    Positions positions;
    QSet<QString> seen;
    int lineNumber = 0;
    qsizetype start = 0;
    while (start < content.size()) {
        qsizetype end = content.indexOf('\n', start);
        const bool hasNewline = end >= 0;
        if (!hasNewline)
            end = content.size();
        QByteArray line = content.mid(start, end - start);
        start = end + 1;
        ++lineNumber;
        // libpq reads lines into a 1024-byte buffer and refuses longer ones.
        if (line.size() + (hasNewline ? 1 : 0) >= 1023) {
            setError(error, Tr::tr("line %1 too long in service file").arg(lineNumber), filePath,
                     lineNumber, 0);
            return {};
        }
        qsizetype first = 0;
        while (first < line.size() && isCSpace(QLatin1Char(line[first])))
            ++first;
        qsizetype last = line.size();
        while (last > first && isCSpace(QLatin1Char(line[last - 1])))
            --last;
        const QByteArray text = line.mid(first, last - first);
        const int indent = int(first);  // only ASCII blanks precede `first`
        if (text.isEmpty() || text.startsWith('#'))
            continue;
        if (text.startsWith('[')) {
            if (*found)
                break;  // the end of the wanted section
            // Like libpq: "[name]" followed by anything still names the section.
            *found = text.mid(1, service.size()) == service && text.size() > service.size() + 1
                && text[service.size() + 1] == ']';
            continue;
        }
        if (!*found)
            continue;  // libpq only reads the wanted section
        if (text.startsWith("ldap")) {
            setError(error,
                     Tr::tr("LDAP service lookups are not supported; connect with service=%1 to "
                            "let libpq resolve it")
                         .arg(serviceName),
                     filePath, lineNumber, indent + 1);
            return {};
        }
        const qsizetype eq = text.indexOf('=');
        if (eq < 0) {
            setError(error, Tr::tr("syntax error in service file: expected keyword=value"),
                     filePath, lineNumber, indent + 1);
            return {};
        }
        const QString key = QString::fromUtf8(text.left(eq));
        const QString value = QString::fromUtf8(text.mid(eq + 1));
        if (key == kService) {
            setError(error,
                     Tr::tr("nested service specifications are not supported in service files"),
                     filePath, lineNumber, indent + 1);
            return {};
        }
        if (!isKnownKeyword(key)) {
            const QString trimmedKey = key.trimmed();
            setError(error,
                     isKnownKeyword(trimmedKey)
                         ? Tr::tr("syntax error in service file: no spaces are allowed around "
                                  "\"=\" (\"%1\")")
                               .arg(trimmedKey)
                         : Tr::tr("syntax error in service file: unknown keyword \"%1\"").arg(key),
                     filePath, lineNumber, indent + 1);
            return {};
        }
        // The first setting wins, as in libpq, even an empty one.
        if (seen.contains(key))
            continue;
        seen.insert(key);
        if (!value.isEmpty()) {
            spec.setValue(key, value);
            const QString beforeValue = QString::fromUtf8(text.left(eq + 1));
            positions.set(key, {indent + columnAt(beforeValue, beforeValue.size())}, lineNumber);
        }
    }
    if (!*found)
        return {};
    if (!validate(spec, positions, filePath, error))
        return {};
    return spec;
}

} // namespace

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
    if (trimmed.startsWith(longPrefix) || trimmed.startsWith(shortPrefix)) {
        ConnectionSpec spec = fromUrl(trimmed, error);
        if (error && !error->isNull() && error->column > 0)
            error->column += columnAt(text, lead) - 1;
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
    clearError(error);
    const QString source = Tr::tr("URL");
    auto fail = [&](qsizetype index, const QString &message) {
        setError(error, message, source, 0, columnAt(url, index));
        return ConnectionSpec();
    };

    qsizetype prefix = 0;
    if (url.startsWith(longPrefix))
        prefix = longPrefix.size();
    else if (url.startsWith(shortPrefix))
        prefix = shortPrefix.size();
    if (prefix == 0) {
        qsizetype lead = 0;
        while (lead < url.size() && url[lead].isSpace())
            ++lead;
        if (lead > 0 && (QStringView(url).mid(lead).startsWith(longPrefix)
                         || QStringView(url).mid(lead).startsWith(shortPrefix)))
            return fail(0, Tr::tr("blanks before the URL are not part of a PostgreSQL URL"));
        const qsizetype schemeEnd = url.indexOf(QLatin1String("://"), lead);
        const QString scheme = schemeEnd > lead ? url.mid(lead, schemeEnd - lead) : QString();
        if (scheme.compare(QLatin1String("jdbc:postgresql"), Qt::CaseInsensitive) == 0)
            return fail(lead, Tr::tr("a JDBC URL is not a libpq URL; remove the \"jdbc:\" prefix"));
        if (scheme.compare(QLatin1String("postgresql"), Qt::CaseInsensitive) == 0
            || scheme.compare(QLatin1String("postgres"), Qt::CaseInsensitive) == 0)
            return fail(lead,
                        Tr::tr("the URL scheme must be written in lower case "
                               "(postgresql:// or postgres://)"));
        if (!scheme.isEmpty())
            return fail(lead,
                        Tr::tr("unsupported URL scheme \"%1\"; a PostgreSQL URL starts "
                               "with postgresql:// or postgres://")
                            .arg(scheme));
        return fail(lead, Tr::tr("a PostgreSQL URL starts with postgresql:// or postgres://"));
    }

    const qsizetype n = url.size();
    auto at = [&](qsizetype i) { return i < n ? url[i] : QChar(); };
    ConnectionSpec spec;
    Positions positions;

    // Credentials: libpq looks ahead for '@' before the first '/'.
    qsizetype p = prefix;
    while (p < n && url[p] != QLatin1Char('@') && url[p] != QLatin1Char('/'))
        ++p;
    if (at(p) == QLatin1Char('@')) {
        const qsizetype atSign = p;
        qsizetype q = prefix;
        while (url[q] != QLatin1Char(':') && url[q] != QLatin1Char('@'))
            ++q;
        if (q > prefix) {
            const auto user =
                percentDecode(QStringView(url).mid(prefix, q - prefix), url, prefix, error);
            if (!user)
                return {};
            storeValue(spec, kUser, *user);
            positions.set(kUser, {columnAt(url, prefix)});
        }
        if (url[q] == QLatin1Char(':') && atSign > q + 1) {
            const auto password =
                percentDecode(QStringView(url).mid(q + 1, atSign - q - 1), url, q + 1, error);
            if (!password)
                return {};
            storeValue(spec, kPassword, *password);
            positions.set(kPassword, {columnAt(url, q + 1)});
        }
        p = atSign + 1;
    } else {
        p = prefix;
    }

    // netloc[:port] pairs, separated by commas.
    struct Piece {
        QStringView text;
        qsizetype offset;
    };
    QList<Piece> hosts;
    QList<Piece> ports;
    QChar terminator;
    const auto isHostEnd = [](QChar c) {
        return c == QLatin1Char(':') || c == QLatin1Char('/') || c == QLatin1Char('?')
            || c == QLatin1Char(',');
    };
    for (;;) {
        if (at(p) == QLatin1Char('[')) {
            const qsizetype bracket = p;
            const qsizetype hostStart = ++p;
            while (p < n && url[p] != QLatin1Char(']'))
                ++p;
            if (p >= n)
                return fail(bracket,
                            Tr::tr("end of URL reached when looking for the \"]\" that "
                                   "closes this IPv6 host address"));
            if (p == hostStart)
                return fail(bracket, Tr::tr("IPv6 host address may not be empty"));
            hosts.append({QStringView(url).mid(hostStart, p - hostStart), hostStart});
            ++p;
            if (p < n && !isHostEnd(url[p]))
                return fail(p,
                            Tr::tr("unexpected character \"%1\" after an IPv6 host address "
                                   "(expected \":\", \"/\", \"?\" or \",\")")
                                .arg(url[p]));
        } else {
            const qsizetype hostStart = p;
            while (p < n && !isHostEnd(url[p]))
                ++p;
            hosts.append({QStringView(url).mid(hostStart, p - hostStart), hostStart});
        }
        terminator = at(p);
        if (terminator == QLatin1Char(':')) {
            const qsizetype portStart = ++p;
            while (p < n && url[p] != QLatin1Char('/') && url[p] != QLatin1Char('?')
                   && url[p] != QLatin1Char(','))
                ++p;
            ports.append({QStringView(url).mid(portStart, p - portStart), portStart});
            terminator = at(p);
        } else {
            ports.append({QStringView(), p});
        }
        if (terminator != QLatin1Char(','))
            break;
        ++p;
    }

    // libpq decodes the joined lists; decoding piece by piece gives the same text and lets
    // an error point at the right piece.
    auto joinPieces = [&](const QList<Piece> &pieces, const QString &keyword) -> bool {
        QStringList decoded;
        QList<int> columns;
        bool anyText = false;
        for (const Piece &piece : pieces) {
            const auto text = percentDecode(piece.text, url, piece.offset, error);
            if (!text)
                return false;
            decoded.append(*text);
            columns.append(columnAt(url, piece.offset));
            anyText = anyText || !text->isEmpty();
        }
        const QString joined = decoded.join(QLatin1Char(','));
        // A port list of only commas ("a,b" has no ports) means every default port: keep it
        // unset, which is the same to libpq and lets the spec print back as it came in.
        if (joined.isEmpty() || (keyword == kPort && !anyText))
            return true;
        storeValue(spec, keyword, joined);
        positions.set(keyword, columns);
        return true;
    };
    if (!joinPieces(hosts, kHost) || !joinPieces(ports, kPort))
        return {};

    if (!terminator.isNull() && terminator != QLatin1Char('?')) {
        const qsizetype dbStart = ++p;
        while (p < n && url[p] != QLatin1Char('?'))
            ++p;
        terminator = at(p);
        if (p > dbStart) {
            const auto dbname =
                percentDecode(QStringView(url).mid(dbStart, p - dbStart), url, dbStart, error);
            if (!dbname)
                return {};
            storeValue(spec, kDbname, *dbname);
            positions.set(kDbname, {columnAt(url, dbStart)});
        }
    }

    if (!terminator.isNull()) {
        ++p;
        while (p < n) {
            const qsizetype keywordStart = p;
            qsizetype valueStart = -1;
            qsizetype end = 0;
            for (;;) {
                if (p < n && url[p] == QLatin1Char('=')) {
                    if (valueStart >= 0)
                        return fail(p,
                                    Tr::tr("extra \"=\" in URL query parameter \"%1\"")
                                        .arg(url.mid(keywordStart, valueStart - 1 - keywordStart)));
                    valueStart = ++p;
                } else if (p >= n || url[p] == QLatin1Char('&')) {
                    end = p;
                    if (p < n)
                        ++p;
                    if (valueStart < 0)
                        return fail(keywordStart,
                                    Tr::tr("missing \"=\" in URL query parameter \"%1\"")
                                        .arg(url.mid(keywordStart, end - keywordStart)));
                    break;
                } else {
                    ++p;
                }
            }
            const auto keyword =
                percentDecode(QStringView(url).mid(keywordStart, valueStart - 1 - keywordStart),
                              url, keywordStart, error);
            if (!keyword)
                return {};
            const auto value = percentDecode(QStringView(url).mid(valueStart, end - valueStart),
                                             url, valueStart, error);
            if (!value)
                return {};
            QString name = *keyword;
            QString text = *value;
            // libpq's JDBC compatibility: exactly "ssl=true" means sslmode=require.
            if (name == QLatin1String("ssl") && text == QLatin1String("true")) {
                name = kSslmode;
                text = QStringLiteral("require");
            }
            if (!isStorable(name))
                return fail(keywordStart,
                            Tr::tr("invalid URL query parameter \"%1\": libpq has no such "
                                   "connection option")
                                .arg(name));
            storeValue(spec, name, text);
            positions.set(name == QLatin1String("requiressl") ? kSslmode : name,
                          {columnAt(url, valueStart)});
        }
    }

    if (!validate(spec, positions, source, error))
        return {};
    return spec;
}

ConnectionSpec ConnectionSpec::fromKeywordValue(const QString &conninfo, SpecError *error)
{
    clearError(error);
    const QString source = Tr::tr("connection string");
    auto fail = [&](qsizetype index, const QString &message) {
        setError(error, message, source, 0, columnAt(conninfo, index));
        return ConnectionSpec();
    };
    const qsizetype n = conninfo.size();
    ConnectionSpec spec;
    Positions positions;
    qsizetype p = 0;
    while (p < n) {
        if (isCSpace(conninfo[p])) {
            ++p;
            continue;
        }
        // The keyword ends at '=' or at a blank (blanks may stand before the '=').
        const qsizetype keywordStart = p;
        while (p < n && conninfo[p] != QLatin1Char('=') && !isCSpace(conninfo[p]))
            ++p;
        const QString keyword = conninfo.mid(keywordStart, p - keywordStart);
        while (p < n && isCSpace(conninfo[p]))
            ++p;
        if (p >= n || conninfo[p] != QLatin1Char('='))
            return fail(keywordStart,
                        Tr::tr("missing \"=\" after \"%1\" in connection string").arg(keyword));
        ++p;
        while (p < n && isCSpace(conninfo[p]))
            ++p;
        const qsizetype valueStart = p;
        QString value;
        if (p < n && conninfo[p] == QLatin1Char('\'')) {
            ++p;
            for (;;) {
                if (p >= n)
                    return fail(valueStart,
                                Tr::tr("unterminated quoted string in connection string"));
                if (conninfo[p] == QLatin1Char('\\')) {
                    ++p;
                    if (p < n)
                        value += conninfo[p++];
                    continue;
                }
                if (conninfo[p] == QLatin1Char('\'')) {
                    ++p;
                    break;
                }
                value += conninfo[p++];
            }
        } else {
            while (p < n && !isCSpace(conninfo[p])) {
                if (conninfo[p] == QLatin1Char('\\')) {
                    ++p;
                    if (p < n)
                        value += conninfo[p++];
                } else {
                    value += conninfo[p++];
                }
            }
        }
        if (!isStorable(keyword))
            return fail(keywordStart, Tr::tr("invalid connection option \"%1\"").arg(keyword));
        storeValue(spec, keyword, value);
        positions.set(keyword == QLatin1String("requiressl") ? kSslmode : keyword,
                      {columnAt(conninfo, valueStart)});
    }
    if (!validate(spec, positions, source, error))
        return {};
    return spec;
}

ConnectionSpec ConnectionSpec::fromEnvironment(const QProcessEnvironment &env)
{
    // URL-friendly order first, so that toUrl() prints user@host:port/dbname.
    static const QStringList leading = {kUser, kPassword, kHost, kPort, kDbname};
    ConnectionSpec spec;
    auto take = [&](const LibpqOption &option) {
        if (!option.envVar.isEmpty() && env.contains(option.envVar))
            spec.setValue(option.keyword, env.value(option.envVar));
    };
    for (const QString &keyword : leading) {
        if (const LibpqOption *option = findOption(keyword))
            take(*option);
    }
    for (const LibpqOption &option : libpqOptions()) {
        if (!leading.contains(option.keyword))
            take(option);
    }
    // The deprecated PGREQUIRESSL: "1…" means sslmode=require, unless PGSSLMODE is set.
    if (!spec.contains(kSslmode)
        && env.value(QStringLiteral("PGREQUIRESSL")).startsWith(QLatin1Char('1')))
        spec.setValue(kSslmode, QStringLiteral("require"));
    return spec;
}

ConnectionSpec ConnectionSpec::fromServiceFile(const QString &serviceName, const QString &filePath,
                                               SpecError *error)
{
    bool found = false;
    SpecError fileError;
    ConnectionSpec spec = readServiceFile(serviceName, filePath, &found, &fileError);
    if (!fileError.isNull()) {
        if (error)
            *error = fileError;
        return {};
    }
    if (!found) {
        setError(error,
                 Tr::tr("definition of service \"%1\" not found in %2").arg(serviceName, filePath),
                 filePath, 0, 0);
        return {};
    }
    clearError(error);
    return spec;
}

ConnectionSpec ConnectionSpec::fromService(const QString &serviceName,
                                           const QProcessEnvironment &env, SpecError *error)
{
    clearError(error);
    const QString source = QStringLiteral("pg_service.conf");
    if (serviceName.isEmpty()) {
        setError(error, Tr::tr("no service name given"), source, 0, 0);
        return {};
    }
    QStringList searched;
    auto tryFile = [&](const QString &path, bool *found) -> std::optional<ConnectionSpec> {
        searched.append(path);
        SpecError fileError;
        ConnectionSpec spec = readServiceFile(serviceName, path, found, &fileError);
        if (!fileError.isNull()) {
            if (error)
                *error = fileError;
            return std::nullopt;
        }
        return spec;
    };

    // libpq: PGSERVICEFILE (which must then exist), else ~/.pg_service.conf if it exists.
    bool found = false;
    QString userFile;
    if (env.contains(QStringLiteral("PGSERVICEFILE"))) {
        userFile = env.value(QStringLiteral("PGSERVICEFILE"));
    } else {
        QString home = env.value(QStringLiteral("HOME"));
        if (home.isEmpty())
            home = QDir::homePath();
        const QString candidate = home + QStringLiteral("/.pg_service.conf");
        if (QFileInfo::exists(candidate))
            userFile = candidate;
        else
            searched.append(candidate);
    }
    if (!userFile.isEmpty() || env.contains(QStringLiteral("PGSERVICEFILE"))) {
        const std::optional<ConnectionSpec> spec = tryFile(userFile, &found);
        if (!spec)
            return {};
        if (found)
            return *spec;
    }

    // Then the system file; Debian's libpq is built with sysconfdir /etc/postgresql-common.
    const QString sysconfDir = env.contains(QStringLiteral("PGSYSCONFDIR"))
        ? env.value(QStringLiteral("PGSYSCONFDIR"))
        : QStringLiteral("/etc/postgresql-common");
    const QString systemFile = sysconfDir + QStringLiteral("/pg_service.conf");
    if (QFileInfo::exists(systemFile)) {
        const std::optional<ConnectionSpec> spec = tryFile(systemFile, &found);
        if (!spec)
            return {};
        if (found)
            return *spec;
    } else {
        searched.append(systemFile);
    }
    setError(error,
             Tr::tr("definition of service \"%1\" not found (searched %2)")
                 .arg(serviceName, searched.join(QLatin1String(", "))),
             source, 0, 0);
    return {};
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
    QList<QPair<QString, QString>> params;
    for (const auto &param : m_params) {
        if (password == Password::Show || !isSecret(param.first))
            params.append(param);
    }

    // URL parts are read back in the order user, password, host, port, dbname, query. To
    // read back the same ordered spec, only a leading run of these keywords, in that order,
    // goes into the authority; the rest become query parameters.
    static const QStringList authorityOrder = {kUser, kPassword, kHost, kPort, kDbname};
    const qsizetype hostCount = listCount(value(kHost));
    qsizetype inAuthority = 0;
    int lastRank = -1;
    for (const auto &param : std::as_const(params)) {
        const int rank = int(authorityOrder.indexOf(param.first));
        if (rank <= lastRank)
            break;
        if (param.first == kPort) {
            // In the authority a port belongs to one host: "h1:p1,h2:p2". Without a host
            // there is one empty host, so a single port fits.
            const qsizetype portCount = listCount(param.second);
            const bool hostInAuthority = lastRank >= authorityOrder.indexOf(kHost);
            const qsizetype portSlots = hostInAuthority ? std::max<qsizetype>(1, hostCount) : 1;
            // Only commas ("," for two hosts) reads back as no port at all.
            if (portCount != portSlots
                || param.second.count(QLatin1Char(',')) == param.second.size())
                break;
        }
        lastRank = rank;
        ++inAuthority;
    }

    QString userPart;
    QString passwordPart;
    QStringList hostList;
    QStringList portList;
    bool hasHost = false;
    bool hasPort = false;
    QString dbPart;
    bool hasDb = false;
    bool hasPassword = false;
    for (qsizetype i = 0; i < inAuthority; ++i) {
        const auto &param = params[i];
        if (param.first == kUser) {
            userPart = percentEncode(param.second);
        } else if (param.first == kPassword) {
            passwordPart = percentEncode(param.second);
            hasPassword = true;
        } else if (param.first == kHost) {
            hostList = param.second.split(QLatin1Char(','));
            hasHost = true;
        } else if (param.first == kPort) {
            portList = param.second.split(QLatin1Char(','));
            hasPort = true;
        } else if (param.first == kDbname) {
            dbPart = percentEncode(param.second);
            hasDb = true;
        }
    }

    QString url = longPrefix;
    if (!userPart.isEmpty() || hasPassword) {
        url += userPart;
        if (hasPassword)
            url += QLatin1Char(':') + passwordPart;
        url += QLatin1Char('@');
    }
    if (!hasHost)
        hostList = QStringList{QString()};
    QStringList netlocs;
    for (qsizetype i = 0; i < hostList.size(); ++i) {
        const QString &host = hostList[i];
        QString netloc;
        if (host.contains(QLatin1Char(':')))
            netloc = QLatin1Char('[') + percentEncode(host, ":") + QLatin1Char(']');
        else
            netloc = percentEncode(host);
        if (hasPort && i < portList.size() && !portList[i].isEmpty())
            netloc += QLatin1Char(':') + percentEncode(portList[i]);
        netlocs.append(netloc);
    }
    url += netlocs.join(QLatin1Char(','));
    if (hasDb)
        url += QLatin1Char('/') + dbPart;

    QStringList query;
    for (qsizetype i = inAuthority; i < params.size(); ++i) {
        // '/', ':' and ',' are harmless in a query value and keep socket paths readable.
        query.append(percentEncode(params[i].first) + QLatin1Char('=')
                     + percentEncode(params[i].second, "/:,"));
    }
    if (!query.isEmpty())
        url += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return url;
}

QString ConnectionSpec::toKeywordValue(Password password) const
{
    QStringList parts;
    for (const auto &param : m_params) {
        if (password == Password::Hide && isSecret(param.first))
            continue;
        parts.append(param.first + QLatin1Char('=') + quoteConninfoValue(param.second));
    }
    return parts.join(QLatin1Char(' '));
}

QString ConnectionSpec::displayName() const
{
    QString hostText = host();
    if (hostText.isEmpty())
        hostText = value(kHostaddr);
    const QString portText = port();
    if (hostText.isEmpty() && portText.isEmpty() && dbname().isEmpty() && user().isEmpty()
        && contains(kService))
        return Tr::tr("service %1").arg(value(kService));
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
