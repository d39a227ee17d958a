#include "DotEnv.h"

#include "Tr.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace strata {

namespace {

// dotenv is JavaScript; these spell JavaScript's regular-expression classes for PCRE, which
// differ for \s (JS includes U+FEFF and the Unicode spaces), "." and multi-line ^ and $
// (JS also ends lines at U+2028 and U+2029).
const QString jsSpace = QStringLiteral(
    "[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}"
    "\\x{3000}\\x{FEFF}]");
const QString jsLineStart = QStringLiteral("(?:\\A|(?<=[\\n\\r\\x{2028}\\x{2029}]))");
const QString jsLineEnd = QStringLiteral("(?=[\\n\\r\\x{2028}\\x{2029}]|\\z)");
const QString jsDot = QStringLiteral("[^\\n\\r\\x{2028}\\x{2029}]");

// dotenv 16's LINE expression (lib/main.js), unchanged but for the classes above:
// (?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|
// \s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)
const QRegularExpression &lineExpression()
{
    static const QRegularExpression expression(
        jsLineStart + jsSpace + QStringLiteral("*(?:export") + jsSpace
        + QStringLiteral("+)?([\\w.-]+)(?:") + jsSpace + QStringLiteral("*=") + jsSpace
        + QStringLiteral("*?|:") + jsSpace + QStringLiteral("+?)(") + jsSpace
        + QStringLiteral("*'(?:\\\\'|[^'])*'|") + jsSpace
        + QStringLiteral("*\"(?:\\\\\"|[^\"])*\"|") + jsSpace
        + QStringLiteral("*`(?:\\\\`|[^`])*`|[^#\\r\\n]+)?") + jsSpace + QStringLiteral("*(?:#")
        + jsDot + QStringLiteral("*)?") + jsLineEnd);
    return expression;
}

// value.replace(/^(['"`])([\s\S]*)\1$/mg, "$2")
const QRegularExpression &quoteExpression()
{
    static const QRegularExpression expression(
        jsLineStart + QStringLiteral("(['\"`])([\\s\\S]*)\\1") + jsLineEnd);
    return expression;
}

bool isJsSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == '\t' || u == '\n' || u == 0x0B || u == '\f' || u == '\r' || u == ' ' || u == 0xA0
        || u == 0x1680 || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 || u == 0x202F
        || u == 0x205F || u == 0x3000 || u == 0xFEFF;
}

// String.prototype.trim, which is not QString::trimmed (U+FEFF, U+0085).
QString jsTrim(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isJsSpace(text[begin]))
        ++begin;
    while (end > begin && isJsSpace(text[end - 1]))
        --end;
    return text.mid(begin, end - begin);
}

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_'
        || u == '.' || u == '-';
}

// 1-based column in characters (code points).
int columnOf(QStringView line, qsizetype index)
{
    int column = 1;
    for (qsizetype i = 0; i < index && i < line.size(); ++i) {
        if (!(line[i].isLowSurrogate() && i > 0 && line[i - 1].isHighSurrogate()))
            ++column;
    }
    return column;
}

// Why dotenv skipped a line, and where: its expression only fails at the name or the '='.
SpecError explainSkippedLine(const QString &line, int lineNumber, const QString &source)
{
    qsizetype p = 0;
    while (p < line.size() && isJsSpace(line[p]))
        ++p;
    if (line.mid(p).startsWith(QLatin1String("export")) && p + 6 < line.size()
        && isJsSpace(line[p + 6])) {
        qsizetype q = p + 6;
        while (q < line.size() && isJsSpace(line[q]))
            ++q;
        if (q < line.size() && isNameChar(line[q]))
            p = q;
    }
    const qsizetype nameStart = p;
    while (p < line.size() && isNameChar(line[p]))
        ++p;
    const QString name = line.mid(nameStart, p - nameStart);
    if (name.isEmpty()) {
        return SpecError{Tr::tr("expected NAME=value; a variable name may only contain letters, "
                                "digits, \"_\", \".\" and \"-\""),
                         source, lineNumber, columnOf(line, nameStart)};
    }
    qsizetype next = p;
    while (next < line.size() && isJsSpace(line[next]))
        ++next;
    if (next < line.size() && line[next] == QLatin1Char(':')) {
        return SpecError{Tr::tr("expected \"=\" after \"%1\" (dotenv reads \"NAME: value\" only "
                                "with a blank after the colon)")
                             .arg(name),
                         source, lineNumber, columnOf(line, next)};
    }
    if (next == p && p < line.size() && line.indexOf(QLatin1Char('='), p) > p) {
        return SpecError{Tr::tr("\"%1\" cannot appear in a variable name").arg(line[p]), source,
                         lineNumber, columnOf(line, p)};
    }
    return SpecError{Tr::tr("expected \"=\" after \"%1\"").arg(name), source, lineNumber,
                     columnOf(line, next)};
}

} // namespace

DotEnv DotEnv::parse(const QString &input, const QString &source)
{
    DotEnv env;
    env.m_source = source;
    // dotenv first turns CRLF and lone CR into LF.
    QString text = input;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));

    // Line starts, to turn offsets into line numbers.
    QList<qsizetype> lineStarts{0};
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\n'))
            lineStarts.append(i + 1);
    }
    auto lineIndexAt = [&](qsizetype offset) {
        return qsizetype(std::upper_bound(lineStarts.begin(), lineStarts.end(), offset)
                         - lineStarts.begin() - 1);
    };
    auto lineText = [&](qsizetype index) {
        const qsizetype begin = lineStarts[index];
        const qsizetype end =
            index + 1 < lineStarts.size() ? lineStarts[index + 1] - 1 : text.size();
        return text.mid(begin, end - begin);
    };
    QList<bool> lineRead(lineStarts.size(), false);

    QRegularExpressionMatchIterator it = lineExpression().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        const QString raw = jsTrim(match.captured(2));
        const QChar maybeQuote = raw.isEmpty() ? QChar() : raw[0];
        QString value = raw;
        value.replace(quoteExpression(), QStringLiteral("\\2"));
        const bool quotesStripped = value != raw;
        if (maybeQuote == QLatin1Char('"')) {
            value.replace(QLatin1String("\\n"), QLatin1String("\n"));
            value.replace(QLatin1String("\\r"), QLatin1String("\r"));
        }

        const qsizetype nameLine = lineIndexAt(match.capturedStart(1));
        for (qsizetype l = nameLine;
             l <= lineIndexAt(std::max(match.capturedStart(1), match.capturedEnd() - 1)); ++l)
            lineRead[l] = true;

        // A value that starts with a quote dotenv did not strip keeps its quotes: worth
        // saying, since it looks like a quoted value in the file.
        if ((maybeQuote == QLatin1Char('"') || maybeQuote == QLatin1Char('\'')
             || maybeQuote == QLatin1Char('`'))
            && !quotesStripped) {
            const qsizetype quoteOffset = text.indexOf(maybeQuote, match.capturedStart(2));
            const qsizetype quoteLine = lineIndexAt(quoteOffset);
            env.m_warnings.append(SpecError{
                Tr::tr("the value of %1 starts with %2 but has no matching closing %2 at its end; "
                       "dotenv keeps the quote characters in the value")
                    .arg(name, maybeQuote),
                source, int(quoteLine + 1),
                columnOf(lineText(quoteLine), quoteOffset - lineStarts[quoteLine])});
        }

        // Like assigning to a JavaScript object: the last definition wins, the first fixes
        // the order.
        bool replaced = false;
        for (Entry &entry : env.m_entries) {
            if (entry.name == name) {
                entry.value = value;
                entry.line = int(nameLine + 1);
                replaced = true;
                break;
            }
        }
        if (!replaced)
            env.m_entries.append(Entry{name, value, int(nameLine + 1)});
    }

    for (qsizetype l = 0; l < lineStarts.size(); ++l) {
        if (lineRead[l])
            continue;
        const QString line = lineText(l);
        const QString trimmed = jsTrim(line);
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        env.m_warnings.append(explainSkippedLine(line, int(l + 1), source));
    }
    std::sort(env.m_warnings.begin(), env.m_warnings.end(),
              [](const SpecError &a, const SpecError &b) { return a.line < b.line; });
    return env;
}

DotEnv DotEnv::read(const QString &filePath, SpecError *error)
{
    if (error)
        *error = SpecError{};
    QFile file(filePath);
    if (!QFileInfo::exists(filePath)) {
        DotEnv env;
        env.m_source = filePath;
        return env;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = SpecError{Tr::tr("cannot read the file: %1").arg(file.errorString()), filePath,
                               0, 0};
        DotEnv env;
        env.m_source = filePath;
        return env;
    }
    // Node reads it as UTF-8 (a BOM stays a character, and dotenv's \s skips it).
    return parse(QString::fromUtf8(file.readAll()), filePath);
}

const DotEnv::Entry *DotEnv::find(const QString &name) const
{
    for (const Entry &entry : m_entries) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

bool DotEnv::contains(const QString &name) const
{
    return find(name) != nullptr;
}

QString DotEnv::value(const QString &name) const
{
    const Entry *entry = find(name);
    return entry ? entry->value : QString();
}

QStringList DotEnv::names() const
{
    QStringList list;
    for (const Entry &entry : m_entries)
        list.append(entry.name);
    return list;
}

int DotEnv::line(const QString &name) const
{
    const Entry *entry = find(name);
    return entry ? entry->line : 0;
}

} // namespace strata
