#include "ConninfoString.h"

#include "LibpqKeywords.h"
#include "SpecErrorReport.h"
#include "Tr.h"

#include <QStringList>

namespace strata {

namespace {

// Quoting for a keyword/value string, as libpq's conninfo_parse reads it back.
QString quoteConninfoValue(const QString &value)
{
    bool needsQuotes = value.isEmpty();
    for (const QChar c : value) {
        if (LibpqKeywords::isBlank(c) || c == QLatin1Char('\'') || c == QLatin1Char('\\'))
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

} // namespace

ConnectionSpec ConninfoString::parse(const QString &conninfo, SpecError *error)
{
    SpecErrorReport::clear(error);
    const QString source = Tr::tr("connection string");
    auto fail = [&](qsizetype index, const QString &message) {
        SpecErrorReport::set(error, message, source, 0, SpecErrorReport::columnAt(conninfo, index));
        return ConnectionSpec();
    };
    const qsizetype n = conninfo.size();
    ConnectionSpec spec;
    LibpqKeywords::Positions positions;
    qsizetype p = 0;
    while (p < n) {
        if (LibpqKeywords::isBlank(conninfo[p])) {
            ++p;
            continue;
        }
        // The keyword ends at '=' or at a blank (blanks may stand before the '=').
        const qsizetype keywordStart = p;
        while (p < n && conninfo[p] != QLatin1Char('=') && !LibpqKeywords::isBlank(conninfo[p]))
            ++p;
        const QString keyword = conninfo.mid(keywordStart, p - keywordStart);
        while (p < n && LibpqKeywords::isBlank(conninfo[p]))
            ++p;
        if (p >= n || conninfo[p] != QLatin1Char('='))
            return fail(keywordStart,
                        Tr::tr("missing \"=\" after \"%1\" in connection string").arg(keyword));
        ++p;
        while (p < n && LibpqKeywords::isBlank(conninfo[p]))
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
            while (p < n && !LibpqKeywords::isBlank(conninfo[p])) {
                if (conninfo[p] == QLatin1Char('\\')) {
                    ++p;
                    if (p < n)
                        value += conninfo[p++];
                } else {
                    value += conninfo[p++];
                }
            }
        }
        if (!LibpqKeywords::isStorable(keyword))
            return fail(keywordStart, Tr::tr("invalid connection option \"%1\"").arg(keyword));
        LibpqKeywords::store(spec, keyword, value);
        positions.set(keyword == QLatin1String("requiressl") ? QStringLiteral("sslmode") : keyword,
                      {SpecErrorReport::columnAt(conninfo, valueStart)});
    }
    if (!LibpqKeywords::validate(spec, positions, source, error))
        return {};
    return spec;
}

QString ConninfoString::print(const ConnectionSpec &spec, ConnectionSpec::Password password)
{
    QStringList parts;
    for (const QString &keyword : spec.keywords()) {
        if (password == ConnectionSpec::Password::Hide && LibpqKeywords::isSecret(keyword))
            continue;
        parts.append(keyword + QLatin1Char('=') + quoteConninfoValue(spec.value(keyword)));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace strata
