#include "JsLexer.h"

#include "Tr.h"

namespace strata {

namespace {

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

bool isIdentifierPart(QChar c)
{
    return isIdentifierStart(c) || c.isDigit() || c.isMark();
}

bool isLineTerminator(QChar c)
{
    const char16_t u = c.unicode();
    return u == '\n' || u == '\r' || u == 0x2028 || u == 0x2029;
}

} // namespace

JsLexer::JsLexer(const QString &source, const QString &file, QList<SpecError> *warnings)
    : m_source(source), m_file(file), m_warnings(warnings)
{
}

QList<JsToken> JsLexer::tokenize()
{
    QList<JsToken> tokens;
    if (m_source.startsWith(QLatin1String("#!"))) {
        while (m_pos < m_source.size() && !isLineTerminator(m_source[m_pos]))
            advance();
    }
    for (;;) {
        JsToken token = next(tokens.isEmpty() ? nullptr : &tokens.last());
        tokens.append(token);
        if (token.kind == JsToken::Kind::End)
            break;
    }
    return tokens;
}

QChar JsLexer::peek(qsizetype ahead) const
{
    return m_pos + ahead < m_source.size() ? m_source[m_pos + ahead] : QChar();
}

void JsLexer::advance()
{
    if (m_pos >= m_source.size())
        return;
    const QChar c = m_source[m_pos++];
    if (c == QLatin1Char('\r') && peek() == QLatin1Char('\n')) {
        ++m_pos;
        ++m_line;
        m_column = 1;
    } else if (isLineTerminator(c)) {
        ++m_line;
        m_column = 1;
    } else if (!(c.isHighSurrogate() && peek().isLowSurrogate())) {
        ++m_column;
    }
}

void JsLexer::warn(int line, int column, const QString &message)
{
    m_warnings->append(SpecError{message, m_file, line, column});
}

// Skips blanks and comments.
void JsLexer::skipTrivia()
{
    for (;;) {
        const QChar c = peek();
        if (c.isSpace() || c == QChar(0xFEFF)) {
            advance();
        } else if (c == QLatin1Char('/') && peek(1) == QLatin1Char('/')) {
            while (m_pos < m_source.size() && !isLineTerminator(peek()))
                advance();
        } else if (c == QLatin1Char('/') && peek(1) == QLatin1Char('*')) {
            const int line = m_line;
            const int column = m_column;
            advance();
            advance();
            while (m_pos < m_source.size()
                   && !(peek() == QLatin1Char('*') && peek(1) == QLatin1Char('/')))
                advance();
            if (m_pos >= m_source.size()) {
                warn(line, column, Tr::tr("unterminated /* comment"));
                return;
            }
            advance();
            advance();
        } else {
            return;
        }
    }
}

int JsLexer::hexDigit(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

// One escape sequence after a backslash, appended to `out` (string and template).
void JsLexer::readEscape(QString &out)
{
    const QChar c = peek();
    if (c.isNull())
        return;
    if (isLineTerminator(c)) {  // a line continuation adds nothing
        advance();
        return;
    }
    advance();
    switch (c.unicode()) {
    case 'n':
        out += QLatin1Char('\n');
        return;
    case 't':
        out += QLatin1Char('\t');
        return;
    case 'r':
        out += QLatin1Char('\r');
        return;
    case 'b':
        out += QLatin1Char('\b');
        return;
    case 'f':
        out += QLatin1Char('\f');
        return;
    case 'v':
        out += QLatin1Char('\v');
        return;
    case '0':
        if (!peek().isDigit()) {
            out += QChar(0);
            return;
        }
        break;
    case 'x': {
        const int hi = hexDigit(peek());
        const int lo = hexDigit(peek(1));
        if (hi >= 0 && lo >= 0) {
            advance();
            advance();
            out += QChar(char16_t(hi * 16 + lo));
            return;
        }
        break;
    }
    case 'u': {
        uint code = 0;
        if (peek() == QLatin1Char('{')) {
            advance();
            while (hexDigit(peek()) >= 0) {
                code = code * 16 + uint(hexDigit(peek()));
                advance();
            }
            if (peek() == QLatin1Char('}'))
                advance();
        } else {
            for (int i = 0; i < 4 && hexDigit(peek()) >= 0; ++i) {
                code = code * 16 + uint(hexDigit(peek()));
                advance();
            }
        }
        if (code <= 0x10FFFF) {
            const char32_t ucs4 = char32_t(code);
            out += QString::fromUcs4(&ucs4, 1);
        }
        return;
    }
    default:
        break;
    }
    out += c;
}

bool JsLexer::regexAllowedAfter(const JsToken *previous) const
{
    if (!previous)
        return true;
    if (previous->kind == JsToken::Kind::Punct)
        return previous->text != QLatin1String(")") && previous->text != QLatin1String("]")
            && previous->text != QLatin1String("}");
    if (previous->kind == JsToken::Kind::Identifier)
        return previous->text == QLatin1String("return")
            || previous->text == QLatin1String("typeof")
            || previous->text == QLatin1String("case");
    return false;
}

JsToken JsLexer::next(const JsToken *previous)
{
    skipTrivia();
    JsToken token;
    token.line = m_line;
    token.column = m_column;
    if (m_pos >= m_source.size())
        return token;
    const QChar c = peek();

    if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
        token.kind = JsToken::Kind::String;
        advance();
        for (;;) {
            const QChar d = peek();
            if (d.isNull() || d == QLatin1Char('\n') || d == QLatin1Char('\r')) {
                warn(token.line, token.column, Tr::tr("unterminated string literal"));
                break;
            }
            advance();
            if (d == c)
                break;
            if (d == QLatin1Char('\\'))
                readEscape(token.text);
            else
                token.text += d;
        }
        return token;
    }

    if (c == QLatin1Char('`')) {
        token.kind = JsToken::Kind::Template;
        advance();
        for (;;) {
            const QChar d = peek();
            if (d.isNull()) {
                warn(token.line, token.column, Tr::tr("unterminated template literal"));
                break;
            }
            advance();
            if (d == QLatin1Char('`'))
                break;
            if (d == QLatin1Char('\\')) {
                readEscape(token.text);
            } else if (d == QLatin1Char('$') && peek() == QLatin1Char('{')) {
                // ${…}: skip the expression, which may hold strings, templates and braces.
                token.substitution = true;
                advance();
                int depth = 0;
                JsToken inner;
                for (;;) {
                    inner = next(&inner);
                    if (inner.kind == JsToken::Kind::End)
                        break;
                    if (inner.kind == JsToken::Kind::Punct && inner.text == QLatin1String("{"))
                        ++depth;
                    if (inner.kind == JsToken::Kind::Punct && inner.text == QLatin1String("}")) {
                        if (depth == 0)
                            break;
                        --depth;
                    }
                }
            } else {
                token.text += d;
            }
        }
        return token;
    }

    if (c.isDigit() || (c == QLatin1Char('.') && peek(1).isDigit())) {
        token.kind = JsToken::Kind::Number;
        while (peek().isLetterOrNumber() || peek() == QLatin1Char('.')
               || peek() == QLatin1Char('_')
               || ((peek() == QLatin1Char('+') || peek() == QLatin1Char('-'))
                   && (token.text.endsWith(QLatin1Char('e'))
                       || token.text.endsWith(QLatin1Char('E'))))) {
            token.text += peek();
            advance();
        }
        return token;
    }

    if (isIdentifierStart(c) || c == QLatin1Char('\\')) {
        token.kind = JsToken::Kind::Identifier;
        while (isIdentifierPart(peek()) || peek().isSurrogate()) {
            token.text += peek();
            advance();
        }
        if (token.text.isEmpty()) {  // a lone backslash
            token.kind = JsToken::Kind::Punct;
            token.text = c;
            advance();
        }
        return token;
    }

    if (c == QLatin1Char('/') && regexAllowedAfter(previous)) {
        token.kind = JsToken::Kind::Regex;
        advance();
        bool inClass = false;
        while (!peek().isNull() && !isLineTerminator(peek())) {
            const QChar d = peek();
            advance();
            if (d == QLatin1Char('\\')) {
                advance();
            } else if (d == QLatin1Char('[')) {
                inClass = true;
            } else if (d == QLatin1Char(']')) {
                inClass = false;
            } else if (d == QLatin1Char('/') && !inClass) {
                break;
            }
        }
        while (isIdentifierPart(peek()))
            advance();
        return token;
    }

    static const char *const punctuators[] = {
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "?\?=",
        "=>",   "==",  "!=",  "<=",  ">=",  "&&",  "||",  "??",  "?.",  "++",  "--",
        "+=",   "-=",  "*=",  "/=",  "%=",  "&=",  "|=",  "^=",  "<<",  ">>",  "**"};
    token.kind = JsToken::Kind::Punct;
    for (const char *punctuator : punctuators) {
        const QLatin1String candidate(punctuator);
        if (QStringView(m_source).mid(m_pos).startsWith(candidate)) {
            // "?." followed by a digit is "?" then a number.
            if (candidate == QLatin1String("?.") && peek(2).isDigit())
                continue;
            token.text = candidate;
            for (qsizetype i = 0; i < candidate.size(); ++i)
                advance();
            return token;
        }
    }
    token.text = c;
    advance();
    return token;
}

} // namespace strata
