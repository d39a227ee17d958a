#include "JsonText.h"

namespace strata {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHexDigit(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// A recursive-descent reader that writes what it reads, re-indented.
class Printer
{
public:
    Printer(QStringView json, int indent, const QString &margin) : m_json(json), m_indent(indent), m_margin(margin) {}

    std::optional<QString> run()
    {
        skipSpace();
        if (!value(0))
            return std::nullopt;
        skipSpace();
        if (m_pos != m_json.size())
            return std::nullopt;
        return m_out;
    }

private:
    // PostgreSQL's json input accepts nesting far deeper than a person reads; stop well
    // before the stack could run out.
    static constexpr int maxDepth = 1000;

    void skipSpace()
    {
        while (m_pos < m_json.size()) {
            const QChar c = m_json[m_pos];
            if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r')
                break;
            ++m_pos;
        }
    }

    void newline(int depth)
    {
        m_out += QLatin1Char('\n') + m_margin + QString(depth * m_indent, QLatin1Char(' '));
    }

    bool literal(QStringView word)
    {
        if (!m_json.mid(m_pos).startsWith(word))
            return false;
        m_out += word;
        m_pos += word.size();
        return true;
    }

    bool string()
    {
        const qsizetype start = m_pos++;
        while (m_pos < m_json.size()) {
            const QChar c = m_json[m_pos];
            if (c == u'"') {
                ++m_pos;
                m_out += m_json.mid(start, m_pos - start);
                return true;
            }
            if (c.unicode() < 0x20)
                return false;
            if (c == u'\\') {
                if (++m_pos >= m_json.size())
                    return false;
                const QChar e = m_json[m_pos];
                if (e == u'u') {
                    for (int i = 1; i <= 4; ++i) {
                        if (m_pos + i >= m_json.size() || !isHexDigit(m_json[m_pos + i]))
                            return false;
                    }
                    m_pos += 4;
                } else if (!QStringView(u"\"\\/bfnrt").contains(e)) {
                    return false;
                }
            }
            ++m_pos;
        }
        return false;
    }

    bool number()
    {
        qsizetype end = m_pos;
        while (end < m_json.size() && (isDigit(m_json[end]) || QStringView(u"+-.eE").contains(m_json[end])))
            ++end;
        const QStringView text = m_json.mid(m_pos, end - m_pos);
        if (!JsonText::isNumber(text))
            return false;
        m_out += text;
        m_pos = end;
        return true;
    }

    bool container(int depth, QChar close, bool object)
    {
        if (depth >= maxDepth)
            return false;
        m_out += m_json[m_pos++];
        skipSpace();
        if (m_pos < m_json.size() && m_json[m_pos] == close) {
            m_out += m_json[m_pos++];
            return true;
        }
        while (true) {
            newline(depth + 1);
            if (object) {
                if (m_pos >= m_json.size() || m_json[m_pos] != u'"' || !string())
                    return false;
                skipSpace();
                if (m_pos >= m_json.size() || m_json[m_pos] != u':')
                    return false;
                ++m_pos;
                m_out += QStringLiteral(": ");
                skipSpace();
            }
            if (!value(depth + 1))
                return false;
            skipSpace();
            if (m_pos >= m_json.size())
                return false;
            if (m_json[m_pos] == close) {
                ++m_pos;
                newline(depth);
                m_out += close;
                return true;
            }
            if (m_json[m_pos] != u',')
                return false;
            ++m_pos;
            m_out += QLatin1Char(',');
            skipSpace();
        }
    }

    bool value(int depth)
    {
        if (m_pos >= m_json.size())
            return false;
        const QChar c = m_json[m_pos];
        if (c == u'{')
            return container(depth, u'}', true);
        if (c == u'[')
            return container(depth, u']', false);
        if (c == u'"')
            return string();
        if (c == u't')
            return literal(u"true");
        if (c == u'f')
            return literal(u"false");
        if (c == u'n')
            return literal(u"null");
        return number();
    }

    QStringView m_json;
    int m_indent;
    QString m_margin;
    qsizetype m_pos = 0;
    QString m_out;
};

} // namespace

namespace JsonText {

QString string(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\b': out += QStringLiteral("\\b"); break;
        case '\f': out += QStringLiteral("\\f"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

std::optional<QString> pretty(QStringView json, int indent, const QString &margin)
{
    return Printer(json, indent, margin).run();
}

bool isNumber(QStringView text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto digits = [&] {
        const qsizetype start = i;
        while (i < n && isDigit(text[i]))
            ++i;
        return i > start;
    };
    if (i < n && text[i] == u'-')
        ++i;
    if (i < n && text[i] == u'0')
        ++i;
    else if (!digits())
        return false;
    if (i < n && text[i] == u'.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < n && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        if (i < n && (text[i] == u'+' || text[i] == u'-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == n;
}

} // namespace JsonText

} // namespace strata
