#include "ConnectionUrl.h"

#include "LibpqKeywords.h"
#include "SpecErrorReport.h"
#include "Tr.h"

#include <QStringDecoder>

#include <cstring>
#include <optional>

namespace strata {

namespace {

const QString kUser = QStringLiteral("user");
const QString kPassword = QStringLiteral("password");
const QString kHost = QStringLiteral("host");
const QString kPort = QStringLiteral("port");
const QString kDbname = QStringLiteral("dbname");
const QString kSslmode = QStringLiteral("sslmode");

const QString longPrefix = QStringLiteral("postgresql://");
const QString shortPrefix = QStringLiteral("postgres://");

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
            SpecErrorReport::set(
                error,
                Tr::tr("invalid percent-encoded token \"%1\": \"%\" must be followed by two "
                       "hexadecimal digits")
                    .arg(raw.mid(i, 3).toString()),
                Tr::tr("URL"), 0, SpecErrorReport::columnAt(url, offset + i));
            return std::nullopt;
        }
        const int byte = (hi << 4) | lo;
        if (byte == 0) {
            SpecErrorReport::set(error, Tr::tr("forbidden value %00 in percent-encoded value"),
                                 Tr::tr("URL"), 0, SpecErrorReport::columnAt(url, offset + i));
            return std::nullopt;
        }
        bytes += char(byte);
        i += 2;
    }
    // Stateless, so that a sequence cut off at the end is an error too.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(bytes);
    if (decoder.hasError()) {
        SpecErrorReport::set(error, Tr::tr("percent-encoded bytes are not valid UTF-8"),
                             Tr::tr("URL"), 0, SpecErrorReport::columnAt(url, offset));
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

} // namespace

bool ConnectionUrl::hasScheme(QStringView text)
{
    return text.startsWith(longPrefix) || text.startsWith(shortPrefix);
}

ConnectionSpec ConnectionUrl::parse(const QString &url, SpecError *error)
{
    SpecErrorReport::clear(error);
    const QString source = Tr::tr("URL");
    auto fail = [&](qsizetype index, const QString &message) {
        SpecErrorReport::set(error, message, source, 0, SpecErrorReport::columnAt(url, index));
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
    LibpqKeywords::Positions positions;

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
            LibpqKeywords::store(spec, kUser, *user);
            positions.set(kUser, {SpecErrorReport::columnAt(url, prefix)});
        }
        if (url[q] == QLatin1Char(':') && atSign > q + 1) {
            const auto password =
                percentDecode(QStringView(url).mid(q + 1, atSign - q - 1), url, q + 1, error);
            if (!password)
                return {};
            LibpqKeywords::store(spec, kPassword, *password);
            positions.set(kPassword, {SpecErrorReport::columnAt(url, q + 1)});
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
            columns.append(SpecErrorReport::columnAt(url, piece.offset));
            anyText = anyText || !text->isEmpty();
        }
        const QString joined = decoded.join(QLatin1Char(','));
        // A port list of only commas ("a,b" has no ports) means every default port: keep it
        // unset, which is the same to libpq and lets the spec print back as it came in.
        if (joined.isEmpty() || (keyword == kPort && !anyText))
            return true;
        LibpqKeywords::store(spec, keyword, joined);
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
            LibpqKeywords::store(spec, kDbname, *dbname);
            positions.set(kDbname, {SpecErrorReport::columnAt(url, dbStart)});
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
            if (!LibpqKeywords::isStorable(name))
                return fail(keywordStart,
                            Tr::tr("invalid URL query parameter \"%1\": libpq has no such "
                                   "connection option")
                                .arg(name));
            LibpqKeywords::store(spec, name, text);
            positions.set(name == QLatin1String("requiressl") ? kSslmode : name,
                          {SpecErrorReport::columnAt(url, valueStart)});
        }
    }

    if (!LibpqKeywords::validate(spec, positions, source, error))
        return {};
    return spec;
}

QString ConnectionUrl::print(const ConnectionSpec &spec, ConnectionSpec::Password password)
{
    QList<QPair<QString, QString>> params;
    for (const QString &keyword : spec.keywords()) {
        if (password == ConnectionSpec::Password::Show || !LibpqKeywords::isSecret(keyword))
            params.append({keyword, spec.value(keyword)});
    }

    // URL parts are read back in the order user, password, host, port, dbname, query. To
    // read back the same ordered spec, only a leading run of these keywords, in that order,
    // goes into the authority; the rest become query parameters.
    static const QStringList authorityOrder = {kUser, kPassword, kHost, kPort, kDbname};
    const qsizetype hostCount = LibpqKeywords::listCount(spec.value(kHost));
    qsizetype inAuthority = 0;
    int lastRank = -1;
    for (const auto &param : std::as_const(params)) {
        const int rank = int(authorityOrder.indexOf(param.first));
        if (rank <= lastRank)
            break;
        if (param.first == kPort) {
            // In the authority a port belongs to one host: "h1:p1,h2:p2". Without a host
            // there is one empty host, so a single port fits.
            const qsizetype portCount = LibpqKeywords::listCount(param.second);
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

} // namespace strata
