#include "DrizzleProject.h"

#include "Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <functional>
#include <optional>
#include <vector>

namespace strata {

namespace {

// ---------------------------------------------------------------------------------------
// A JavaScript/TypeScript tokenizer, just enough to find object literals in a config file.
// It never evaluates anything: a config file is code, and Strata will not run it.

struct Token {
    enum class Kind { End, Identifier, String, Template, Number, Punct, Regex };
    Kind kind = Kind::End;
    QString text;  // the source text (Punct, Identifier, Number) or the cooked string value
    bool substitution = false;  // a template literal with ${…}
    int line = 0;
    int column = 0;
};

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

class Lexer
{
public:
    Lexer(const QString &source, const QString &file, QList<SpecError> *warnings)
        : m_source(source), m_file(file), m_warnings(warnings)
    {}

    QList<Token> tokenize()
    {
        QList<Token> tokens;
        if (m_source.startsWith(QLatin1String("#!"))) {
            while (m_pos < m_source.size() && !isLineTerminator(m_source[m_pos]))
                advance();
        }
        for (;;) {
            Token token = next(tokens.isEmpty() ? nullptr : &tokens.last());
            tokens.append(token);
            if (token.kind == Token::Kind::End)
                break;
        }
        return tokens;
    }

private:
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_source.size() ? m_source[m_pos + ahead] : QChar();
    }

    void advance()
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

    void warn(int line, int column, const QString &message)
    {
        m_warnings->append(SpecError{message, m_file, line, column});
    }

    // Skips blanks and comments.
    void skipTrivia()
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

    static int hexDigit(QChar c)
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
    void readEscape(QString &out)
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

    bool regexAllowedAfter(const Token *previous) const
    {
        if (!previous)
            return true;
        if (previous->kind == Token::Kind::Punct)
            return previous->text != QLatin1String(")") && previous->text != QLatin1String("]")
                && previous->text != QLatin1String("}");
        if (previous->kind == Token::Kind::Identifier)
            return previous->text == QLatin1String("return")
                || previous->text == QLatin1String("typeof")
                || previous->text == QLatin1String("case");
        return false;
    }

    Token next(const Token *previous)
    {
        skipTrivia();
        Token token;
        token.line = m_line;
        token.column = m_column;
        if (m_pos >= m_source.size())
            return token;
        const QChar c = peek();

        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            token.kind = Token::Kind::String;
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
            token.kind = Token::Kind::Template;
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
                    Token inner;
                    for (;;) {
                        inner = next(&inner);
                        if (inner.kind == Token::Kind::End)
                            break;
                        if (inner.kind == Token::Kind::Punct && inner.text == QLatin1String("{"))
                            ++depth;
                        if (inner.kind == Token::Kind::Punct && inner.text == QLatin1String("}")) {
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
            token.kind = Token::Kind::Number;
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
            token.kind = Token::Kind::Identifier;
            while (isIdentifierPart(peek()) || peek().isSurrogate()) {
                token.text += peek();
                advance();
            }
            if (token.text.isEmpty()) {  // a lone backslash
                token.kind = Token::Kind::Punct;
                token.text = c;
                advance();
            }
            return token;
        }

        if (c == QLatin1Char('/') && regexAllowedAfter(previous)) {
            token.kind = Token::Kind::Regex;
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
        token.kind = Token::Kind::Punct;
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

    const QString &m_source;
    const QString m_file;
    QList<SpecError> *m_warnings;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

// ---------------------------------------------------------------------------------------
// The plain literal forms a config can hold; anything else is `Other`, with what it was.

struct JsValue {
    enum class Kind {
        Missing,
        String,
        Number,
        Bool,
        Null,
        Undefined,
        Object,
        Array,
        EnvRef,    // process.env.NAME (text = NAME)
        Coalesce,  // children[0] ?? children[1], or || (text = the operator)
        Other,     // text = what it is: "a function call", "a variable", …
    };
    Kind kind = Kind::Missing;
    QString text;
    int line = 0;
    int column = 0;
    std::vector<JsValue> children;  // Object: values (keys parallel), Array: elements
    QStringList keys;
    QList<JsValue> spreads;  // Object/Array: each "...x" (as Other, with its position)

    bool isPresent() const { return kind != Kind::Missing; }
    const JsValue *property(const QString &key) const
    {
        // The last one wins, as in JavaScript.
        for (qsizetype i = keys.size() - 1; i >= 0; --i) {
            if (keys[i] == key)
                return &children[size_t(i)];
        }
        return nullptr;
    }
};

JsValue other(const Token &at, const QString &what)
{
    JsValue value;
    value.kind = JsValue::Kind::Other;
    value.text = what;
    value.line = at.line;
    value.column = at.column;
    return value;
}

class Parser
{
public:
    Parser(const QList<Token> &tokens, qsizetype pos) : m_tokens(tokens), m_pos(pos) {}

    qsizetype position() const { return m_pos; }
    const Token &current() const { return at(m_pos); }

    const Token &at(qsizetype index) const
    {
        static const Token end;
        return index >= 0 && index < m_tokens.size() ? m_tokens[index] : end;
    }

    bool isPunct(qsizetype index, const char *text) const
    {
        const Token &token = at(index);
        return token.kind == Token::Kind::Punct && token.text == QLatin1String(text);
    }
    bool isPunct(const char *text) const { return isPunct(m_pos, text); }
    bool isIdentifier(qsizetype index, const char *text) const
    {
        const Token &token = at(index);
        return token.kind == Token::Kind::Identifier && token.text == QLatin1String(text);
    }
    bool isEnd() const { return current().kind == Token::Kind::End; }

    // Where a value inside an object, array or call ends.
    bool atValueEnd() const
    {
        return isEnd() || isPunct(",") || isPunct("}") || isPunct("]") || isPunct(")")
            || isPunct(";");
    }

    void advance()
    {
        if (!isEnd())
            ++m_pos;
    }

    // Skips one balanced (…), […] or {…} group starting at the current token.
    void skipGroup()
    {
        int depth = 0;
        do {
            if (isPunct("(") || isPunct("[") || isPunct("{"))
                ++depth;
            else if (isPunct(")") || isPunct("]") || isPunct("}"))
                --depth;
            advance();
        } while (depth > 0 && !isEnd());
    }

    // Skips the rest of an expression, up to the ',' or closing bracket that ends it.
    void skipExpression()
    {
        while (!atValueEnd()) {
            if (isPunct("(") || isPunct("[") || isPunct("{"))
                skipGroup();
            else
                advance();
        }
    }

    // Skips a type after `as`, `satisfies` or `:`.
    void skipType()
    {
        int angle = 0;
        while (!isEnd()) {
            if (angle == 0
                && (atValueEnd() || isPunct("??") || isPunct("||") || isPunct("=") || isPunct("!")))
                return;
            if (isPunct("(") || isPunct("[") || isPunct("{")) {
                skipGroup();
                continue;
            }
            if (isPunct("<"))
                ++angle;
            else if (isPunct(">"))
                --angle;
            else if (isPunct(">>"))
                angle -= 2;
            if (angle < 0)
                angle = 0;
            advance();
        }
    }

    JsValue parseValue()
    {
        JsValue left = parseUnary();
        if (isPunct("??") || isPunct("||")) {
            JsValue coalesce;
            coalesce.kind = JsValue::Kind::Coalesce;
            coalesce.text = current().text;
            coalesce.line = left.line;
            coalesce.column = left.column;
            advance();
            JsValue right = parseValue();
            coalesce.children.push_back(std::move(left));
            coalesce.children.push_back(std::move(right));
            return coalesce;
        }
        if (!atValueEnd()) {
            // "a" + b, cond ? x : y, x.y(), …: an expression Strata would have to run.
            const Token start{Token::Kind::Punct, {}, false, left.line, left.column};
            skipExpression();
            return other(start,
                         left.kind == JsValue::Kind::Other ? left.text : Tr::tr("an expression"));
        }
        return left;
    }

    JsValue parseObject()
    {
        JsValue object;
        object.kind = JsValue::Kind::Object;
        object.line = current().line;
        object.column = current().column;
        advance();  // {
        while (!isEnd() && !isPunct("}")) {
            const qsizetype before = m_pos;
            if (isPunct("...")) {
                const Token spread = current();
                advance();
                const Token what = current();
                parseValue();
                object.spreads.append(other(spread,
                                            what.kind == Token::Kind::Identifier
                                                ? QStringLiteral("...") + what.text
                                                : QStringLiteral("...")));
            } else {
                const Token keyToken = current();
                QString key;
                bool computed = false;
                if (keyToken.kind == Token::Kind::Identifier || keyToken.kind == Token::Kind::String
                    || keyToken.kind == Token::Kind::Number) {
                    key = keyToken.text;
                    advance();
                    // get x() {}, set x(v) {}, async x() {}: accessors and methods.
                    if ((key == QLatin1String("get") || key == QLatin1String("set")
                         || key == QLatin1String("async"))
                        && current().kind == Token::Kind::Identifier) {
                        key = current().text;
                        advance();
                    }
                } else if (isPunct("[")) {
                    computed = true;
                    skipGroup();
                } else {
                    advance();
                }
                JsValue value;
                if (isPunct(":")) {
                    advance();
                    value = parseValue();
                } else if (isPunct("(")) {
                    value = other(keyToken, Tr::tr("a function"));
                    skipExpression();
                } else if (atValueEnd() && !computed) {
                    value = other(keyToken, Tr::tr("a variable (%1)").arg(key));
                } else {
                    value = other(keyToken, Tr::tr("an expression"));
                    skipExpression();
                }
                if (!computed) {
                    object.keys.append(key);
                    object.children.push_back(std::move(value));
                }
            }
            if (isPunct(","))
                advance();
            else if (!isPunct("}") && m_pos == before)
                advance();  // always make progress on broken input
            else if (!isPunct("}") && !isEnd() && atValueEnd())
                advance();
        }
        advance();  // }
        return object;
    }

    JsValue parseArray()
    {
        JsValue array;
        array.kind = JsValue::Kind::Array;
        array.line = current().line;
        array.column = current().column;
        advance();  // [
        while (!isEnd() && !isPunct("]")) {
            const qsizetype before = m_pos;
            if (isPunct(",")) {  // a hole
                JsValue hole;
                hole.kind = JsValue::Kind::Undefined;
                array.children.push_back(hole);
                advance();
                continue;
            }
            if (isPunct("...")) {
                const Token spread = current();
                advance();
                const Token what = current();
                parseValue();
                array.spreads.append(other(spread,
                                           what.kind == Token::Kind::Identifier
                                               ? QStringLiteral("...") + what.text
                                               : QStringLiteral("...")));
            } else {
                array.children.push_back(parseValue());
            }
            if (isPunct(","))
                advance();
            else if (!isPunct("]") && (m_pos == before || atValueEnd()))
                advance();
        }
        advance();  // ]
        return array;
    }

    JsValue parseUnary()
    {
        const Token token = current();
        JsValue value;
        if (isPunct("(")) {
            advance();
            value = parseValue();
            if (isPunct(")")) {
                advance();
            } else {
                skipExpression();
                value = other(token, Tr::tr("an expression"));
            }
        } else if (isPunct("{")) {
            value = parseObject();
        } else if (isPunct("[")) {
            value = parseArray();
        } else if (token.kind == Token::Kind::String) {
            value.kind = JsValue::Kind::String;
            value.text = token.text;
            advance();
        } else if (token.kind == Token::Kind::Template) {
            if (token.substitution) {
                value = other(token, Tr::tr("a template literal with ${…}"));
            } else {
                value.kind = JsValue::Kind::String;
                value.text = token.text;
            }
            advance();
        } else if (token.kind == Token::Kind::Number) {
            value.kind = JsValue::Kind::Number;
            value.text = token.text;
            advance();
        } else if (isPunct("-") && at(m_pos + 1).kind == Token::Kind::Number) {
            advance();
            value.kind = JsValue::Kind::Number;
            value.text = QLatin1Char('-') + current().text;
            advance();
        } else if (token.kind == Token::Kind::Identifier) {
            value = parseIdentifierExpression();
        } else {
            value = other(token, Tr::tr("an expression"));
            skipExpression();
            return value;
        }
        if (value.line == 0) {
            value.line = token.line;
            value.column = token.column;
        }
        // TypeScript's non-null assertion and type casts change nothing at run time.
        for (;;) {
            if (isPunct("!")) {
                advance();
            } else if (isIdentifier(m_pos, "as") || isIdentifier(m_pos, "satisfies")) {
                advance();
                skipType();
            } else {
                break;
            }
        }
        return value;
    }

    JsValue parseIdentifierExpression()
    {
        const Token token = current();
        const QString name = token.text;
        if (name == QLatin1String("true") || name == QLatin1String("false")) {
            advance();
            JsValue value;
            value.kind = JsValue::Kind::Bool;
            value.text = name;
            return value;
        }
        if (name == QLatin1String("null") || name == QLatin1String("undefined")) {
            advance();
            JsValue value;
            value.kind =
                name == QLatin1String("null") ? JsValue::Kind::Null : JsValue::Kind::Undefined;
            return value;
        }
        // process.env.NAME, process.env["NAME"], process.env?.NAME
        if (name == QLatin1String("process")
            && (isPunct(m_pos + 1, ".") || isPunct(m_pos + 1, "?."))
            && isIdentifier(m_pos + 2, "env")) {
            const qsizetype afterEnv = m_pos + 3;
            if ((isPunct(afterEnv, ".") || isPunct(afterEnv, "?."))
                && at(afterEnv + 1).kind == Token::Kind::Identifier) {
                JsValue value;
                value.kind = JsValue::Kind::EnvRef;
                value.text = at(afterEnv + 1).text;
                m_pos = afterEnv + 2;
                return value;
            }
            if (isPunct(afterEnv, "[")
                && (at(afterEnv + 1).kind == Token::Kind::String
                    || (at(afterEnv + 1).kind == Token::Kind::Template
                        && !at(afterEnv + 1).substitution))
                && isPunct(afterEnv + 2, "]")) {
                JsValue value;
                value.kind = JsValue::Kind::EnvRef;
                value.text = at(afterEnv + 1).text;
                m_pos = afterEnv + 3;
                return value;
            }
        }
        if (name == QLatin1String("function") || name == QLatin1String("async")
            || isPunct(m_pos + 1, "=>")) {
            skipExpression();
            return other(token, Tr::tr("a function"));
        }
        if (name == QLatin1String("new")) {
            skipExpression();
            return other(token, Tr::tr("a \"new\" expression"));
        }
        // a.b.c or a.b.c(…)
        qsizetype p = m_pos + 1;
        while ((isPunct(p, ".") || isPunct(p, "?.")) && at(p + 1).kind == Token::Kind::Identifier)
            p += 2;
        if (isPunct(p, "(") || (at(p).kind == Token::Kind::Template)) {
            skipExpression();
            return other(token, Tr::tr("a function call"));
        }
        QString path;
        for (qsizetype i = m_pos; i < p; ++i)
            path += at(i).text;
        m_pos = p;
        return other(token, Tr::tr("a variable (%1)").arg(path));
    }

private:
    const QList<Token> &m_tokens;
    qsizetype m_pos;
};

// Where `export default …` (or module.exports = …) starts; -1 when nowhere.
qsizetype findDefaultExport(const Parser &parser, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        if (parser.isIdentifier(i, "export") && parser.isIdentifier(i + 1, "default"))
            return i + 2;
    }
    for (qsizetype i = 0; i < count; ++i) {
        if (parser.isIdentifier(i, "module") && parser.isPunct(i + 1, ".")
            && parser.isIdentifier(i + 2, "exports") && parser.isPunct(i + 3, "="))
            return i + 4;
        if (parser.isIdentifier(i, "exports") && parser.isPunct(i + 1, ".")
            && parser.isIdentifier(i + 2, "default") && parser.isPunct(i + 3, "="))
            return i + 4;
    }
    return -1;
}

// `const name = …` / `const name: Type = …`: where the initializer starts, or -1.
qsizetype findDeclaration(const QList<Token> &tokens, const QString &name)
{
    Parser parser(tokens, 0);
    for (qsizetype i = 0; i + 2 < tokens.size(); ++i) {
        if (!(parser.isIdentifier(i, "const") || parser.isIdentifier(i, "let")
              || parser.isIdentifier(i, "var")))
            continue;
        if (tokens[i + 1].kind != Token::Kind::Identifier || tokens[i + 1].text != name)
            continue;
        Parser type(tokens, i + 2);
        if (type.isPunct(":")) {
            type.advance();
            type.skipType();
        }
        if (type.isPunct("="))
            return type.position() + 1;
    }
    return -1;
}

// The config object behind `export default <expression>`, following defineConfig(…),
// parentheses and one or two `const config = …` indirections.
JsValue configObject(const QList<Token> &tokens, qsizetype start, int depth)
{
    Parser parser(tokens, start);
    while (parser.isPunct("("))
        parser.advance();
    const Token token = parser.current();
    if (parser.isPunct("{"))
        return parser.parseObject();
    if (token.kind == Token::Kind::Identifier && parser.isPunct(parser.position() + 1, "(")) {
        // defineConfig({ … }) is drizzle-kit's identity helper; any other call builds the
        // config at run time.
        if (token.text != QLatin1String("defineConfig"))
            return other(token, Tr::tr("a function call (%1)").arg(token.text));
        parser.advance();
        parser.advance();
        if (parser.isPunct("{"))
            return parser.parseObject();
        if (parser.current().kind == Token::Kind::Identifier && depth < 3
            && (parser.isPunct(parser.position() + 1, ")")
                || parser.isIdentifier(parser.position() + 1, "as")
                || parser.isIdentifier(parser.position() + 1, "satisfies"))) {
            const qsizetype declaration = findDeclaration(tokens, parser.current().text);
            if (declaration >= 0)
                return configObject(tokens, declaration, depth + 1);
        }
        return other(parser.current(),
                     Tr::tr("an argument to %1 that is not an object literal").arg(token.text));
    }
    if (token.kind == Token::Kind::Identifier && depth < 3) {
        const qsizetype declaration = findDeclaration(tokens, token.text);
        if (declaration >= 0)
            return configObject(tokens, declaration, depth + 1);
        return other(token, Tr::tr("a variable (%1) declared elsewhere").arg(token.text));
    }
    return other(token, Tr::tr("an expression"));
}

bool isTypeScript(const QString &file)
{
    return file.endsWith(QLatin1String(".ts")) || file.endsWith(QLatin1String(".mts"))
        || file.endsWith(QLatin1String(".cts"));
}

// dotenv.config({ path, override }) calls in the config file: the files it loads itself.
struct DotenvLoad {
    QStringList paths;
    bool override = false;
};

QList<DotenvLoad> findDotenvLoads(const QList<Token> &tokens, const QString &file,
                                  QList<SpecError> *warnings)
{
    QList<DotenvLoad> loads;
    bool usesDotenv = false;
    for (const Token &token : tokens) {
        if ((token.kind == Token::Kind::String
             && (token.text == QLatin1String("dotenv")
                 || token.text.startsWith(QLatin1String("dotenv/"))))
            || (token.kind == Token::Kind::Identifier && token.text == QLatin1String("dotenv")))
            usesDotenv = true;
    }
    if (!usesDotenv)
        return loads;
    Parser parser(tokens, 0);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (!parser.isIdentifier(i, "config") || !parser.isPunct(i + 1, "("))
            continue;
        // dotenv.config(…) or require("dotenv").config(…), not someone else's .config(…)
        if (i > 0 && parser.isPunct(i - 1, ".") && !parser.isIdentifier(i - 2, "dotenv")
            && !parser.isPunct(i - 2, ")"))
            continue;
        if (i > 0 && (parser.isIdentifier(i - 1, "function") || parser.isPunct(i - 1, "{")))
            continue;  // a declaration or an import list, not a call
        Parser call(tokens, i + 2);
        if (call.isPunct(")"))
            continue;  // config(): the .env that drizzle-kit loaded already
        if (!call.isPunct("{")) {
            warnings->append(SpecError{Tr::tr("the options of dotenv's config() are not an object "
                                              "literal; Strata reads only .env"),
                                       file, call.current().line, call.current().column});
            continue;
        }
        const JsValue options = call.parseObject();
        DotenvLoad load;
        if (const JsValue *path = options.property(QStringLiteral("path"))) {
            if (path->kind == JsValue::Kind::String) {
                load.paths.append(path->text);
            } else if (path->kind == JsValue::Kind::Array) {
                for (const JsValue &element : path->children) {
                    if (element.kind == JsValue::Kind::String)
                        load.paths.append(element.text);
                }
            } else {
                warnings->append(SpecError{
                    Tr::tr("dotenv's config() path is not a string literal (%1); Strata reads only "
                           ".env")
                        .arg(path->text),
                    file, path->line, path->column});
                continue;
            }
        } else {
            continue;
        }
        if (const JsValue *flag = options.property(QStringLiteral("override")))
            load.override =
                flag->kind == JsValue::Kind::Bool && flag->text == QLatin1String("true");
        loads.append(load);
    }
    return loads;
}

} // namespace

// ---------------------------------------------------------------------------------------

DrizzleProject DrizzleProject::read(const QString &folder, SpecError *error)
{
    return read(folder, QProcessEnvironment::systemEnvironment(), error);
}

DrizzleProject DrizzleProject::read(const QString &folder, const QProcessEnvironment &env,
                                    SpecError *error)
{
    if (error)
        *error = SpecError{};
    DrizzleProject project;
    const QFileInfo folderInfo(folder);
    project.m_folder = QDir::cleanPath(folderInfo.absoluteFilePath());
    project.m_env = env;
    const QDir dir(project.m_folder);
    project.m_outDir = dir.filePath(QStringLiteral("drizzle"));
    if (folder.isEmpty() || !folderInfo.exists()) {
        if (error)
            *error = SpecError{Tr::tr("the folder does not exist"), project.m_folder, 0, 0};
        return project;
    }
    if (!folderInfo.isDir()) {
        if (error)
            *error = SpecError{Tr::tr("not a folder"), project.m_folder, 0, 0};
        return project;
    }
    if (!folderInfo.isReadable() || !folderInfo.isExecutable()) {
        if (error)
            *error = SpecError{Tr::tr("the folder cannot be read"), project.m_folder, 0, 0};
        return project;
    }

    // Environment layers, highest precedence first. drizzle-kit loads .env from its working
    // directory before it loads the config, and dotenv never overrides a variable that is set.
    EnvLayer environment;
    environment.origin = Tr::tr("environment");
    environment.isEnvironment = true;
    project.m_layers.append(environment);
    const QString envPath = dir.filePath(QStringLiteral(".env"));
    if (QFileInfo(envPath).isFile()) {
        project.m_envFile = envPath;
        SpecError envError;
        EnvLayer layer{QStringLiteral(".env"), DotEnv::read(envPath, &envError), false};
        if (!envError.isNull())
            project.m_warnings.append(envError);
        project.m_warnings.append(layer.file.warnings());
        project.m_layers.append(layer);
    }

    project.readConfig();

    // A malformed URL is worth a warning now, not only when someone connects.
    QStringList checked;
    for (const Purpose purpose : {Purpose::Browse, Purpose::Migrate}) {
        const Choice choice = project.choose(purpose);
        if (choice.text.isEmpty() || checked.contains(choice.source))
            continue;
        checked.append(choice.source);
        SpecError urlError;
        project.connection(purpose, &urlError);
        if (!urlError.isNull())
            project.m_warnings.append(urlError);
    }
    return project;
}

void DrizzleProject::readConfig()
{
    const QDir dir(m_folder);
    // drizzle-kit's own search order (drizzle.config.ts, .js, .json), then the other
    // extensions one can name with --config.
    static const QStringList configNames = {
        QStringLiteral("drizzle.config.ts"),   QStringLiteral("drizzle.config.js"),
        QStringLiteral("drizzle.config.json"), QStringLiteral("drizzle.config.mts"),
        QStringLiteral("drizzle.config.mjs"),  QStringLiteral("drizzle.config.cts"),
        QStringLiteral("drizzle.config.cjs")};
    for (const QString &name : configNames) {
        if (QFileInfo(dir.filePath(name)).isFile()) {
            m_configFile = dir.filePath(name);
            break;
        }
    }
    if (m_configFile.isEmpty())
        return;

    const QString configPath = m_configFile;
    const QString configName = QFileInfo(configPath).fileName();
    QFile file(configPath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_warnings.append(SpecError{Tr::tr("cannot read the file: %1").arg(file.errorString()),
                                    configPath, 0, 0});
        return;
    }
    const QString source = QString::fromUtf8(file.readAll());
    QList<SpecError> &warnings = m_warnings;
    const QList<Token> tokens = Lexer(source, configPath, &warnings).tokenize();
    const QString language = isTypeScript(configPath) ? QStringLiteral("TypeScript")
        : configPath.endsWith(QLatin1String(".json")) ? QStringLiteral("JSON")
                                                      : QStringLiteral("JavaScript");

    // Files the config loads with dotenv itself: below .env unless it asks to override.
    qsizetype overrideInsert = 0;
    for (const DotenvLoad &load : findDotenvLoads(tokens, configPath, &warnings)) {
        for (const QString &path : load.paths) {
            QString resolved = path;
            if (resolved.startsWith(QLatin1String("~/")))
                resolved = QDir::homePath() + resolved.mid(1);
            resolved = QDir::cleanPath(dir.absoluteFilePath(resolved));
            if (!QFileInfo(resolved).isFile()) {
                warnings.append(
                    SpecError{Tr::tr("%1 loads %2 with dotenv, but there is no such file")
                                  .arg(configName, path),
                              configPath, 0, 0});
                continue;
            }
            SpecError envError;
            EnvLayer layer{QDir(m_folder).relativeFilePath(resolved),
                           DotEnv::read(resolved, &envError), false};
            if (!envError.isNull())
                warnings.append(envError);
            warnings.append(layer.file.warnings());
            if (load.override)
                m_layers.insert(overrideInsert++, layer);
            else
                m_layers.append(layer);
        }
    }

    // Finds the config object; JSON is one.
    JsValue config;
    if (language == QLatin1String("JSON")) {
        Parser parser(tokens, 0);
        config = parser.isPunct("{") ? parser.parseObject()
                                     : other(parser.current(), Tr::tr("not an object"));
    } else {
        Parser parser(tokens, 0);
        const qsizetype start = findDefaultExport(parser, tokens.size());
        if (start < 0) {
            warnings.append(SpecError{Tr::tr("found no \"export default\" or \"module.exports =\"; "
                                             "the project's defaults apply"),
                                      configPath, 0, 0});
            return;
        }
        config = configObject(tokens, start, 0);
    }
    if (config.kind != JsValue::Kind::Object) {
        warnings.append(SpecError{Tr::tr("the exported config is %1, not an object literal; Strata "
                                         "does not execute %2")
                                      .arg(config.text, language),
                                  configPath, config.line, config.column});
        return;
    }

    auto notReadable = [&](const QString &key, const JsValue &value) {
        warnings.append(SpecError{Tr::tr("%1 is not a literal or process.env.NAME (found %2); "
                                         "Strata does not execute %3")
                                      .arg(key, value.text, language),
                                  configPath, value.line, value.column});
    };
    auto wrongType = [&](const QString &key, const JsValue &value, const QString &expected) {
        warnings.append(SpecError{Tr::tr("%1 should be %2").arg(key, expected), configPath,
                                  value.line, value.column});
    };
    auto spreadsOf = [&](const QString &where, const JsValue &object) {
        for (const JsValue &spread : object.spreads) {
            warnings.append(SpecError{Tr::tr("%1 in %2 is not read; Strata does not execute %3")
                                          .arg(spread.text, where, language),
                                      configPath, spread.line, spread.column});
        }
    };

    // A string-like value: a literal, process.env.NAME, or a ?? / || chain of those.
    struct Resolved {
        enum class State { Value, Unset, NotLiteral } state = State::Unset;
        QString text;
        QString origin;   // "" for a literal, else "<layer> NAME"
        QString envName;  // the variable an unset value depends on
        const JsValue *culprit = nullptr;
    };
    std::function<Resolved(const JsValue &)> resolve = [&](const JsValue &value) -> Resolved {
        Resolved result;
        switch (value.kind) {
        case JsValue::Kind::String:
        case JsValue::Kind::Number:
        case JsValue::Kind::Bool:
            result.state = Resolved::State::Value;
            result.text = value.text;
            return result;
        case JsValue::Kind::Missing:
        case JsValue::Kind::Null:
        case JsValue::Kind::Undefined:
            return result;
        case JsValue::Kind::EnvRef:
            result.envName = value.text;
            if (hasEnvValue(value.text)) {
                result.state = Resolved::State::Value;
                result.text = envValue(value.text);
                result.origin = envOrigin(value.text) + QLatin1Char(' ') + value.text;
            }
            return result;
        case JsValue::Kind::Coalesce: {
            const Resolved left = resolve(value.children[0]);
            if (left.state == Resolved::State::NotLiteral)
                return left;
            const bool truthy = left.state == Resolved::State::Value && !left.text.isEmpty()
                && left.text != QLatin1String("false") && left.text != QLatin1String("0");
            // ?? falls back on null/undefined only; || on any falsy value.
            if (value.text == QLatin1String("??") ? left.state == Resolved::State::Value : truthy)
                return left;
            Resolved right = resolve(value.children[1]);
            if (right.state == Resolved::State::Unset && right.envName.isEmpty())
                right.envName = left.envName;
            return right;
        }
        case JsValue::Kind::Object:
        case JsValue::Kind::Array:
        case JsValue::Kind::Other:
            result.state = Resolved::State::NotLiteral;
            result.culprit = &value;
            return result;
        }
        return result;
    };
    auto readString = [&](const QString &key, const JsValue *value) -> std::optional<QString> {
        if (!value)
            return std::nullopt;
        const Resolved resolved = resolve(*value);
        if (resolved.state == Resolved::State::NotLiteral) {
            JsValue described = *resolved.culprit;
            if (described.kind == JsValue::Kind::Object)
                described.text = Tr::tr("an object");
            else if (described.kind == JsValue::Kind::Array)
                described.text = Tr::tr("an array");
            notReadable(key, described);
            return std::nullopt;
        }
        if (resolved.state == Resolved::State::Unset)
            return std::nullopt;
        return resolved.text;
    };

    spreadsOf(Tr::tr("the config object"), config);

    if (const std::optional<QString> out =
            readString(QStringLiteral("out"), config.property(QStringLiteral("out"))))
        m_outDir = QDir::cleanPath(dir.absoluteFilePath(*out));

    if (const JsValue *schema = config.property(QStringLiteral("schema"))) {
        if (schema->kind == JsValue::Kind::Array) {
            spreadsOf(QStringLiteral("schema"), *schema);
            for (size_t i = 0; i < schema->children.size(); ++i) {
                const QString key = QStringLiteral("schema[%1]").arg(i);
                if (const std::optional<QString> path = readString(key, &schema->children[i]))
                    m_schemaPaths.append(QDir::cleanPath(dir.absoluteFilePath(*path)));
            }
        } else if (const std::optional<QString> path =
                       readString(QStringLiteral("schema"), schema)) {
            m_schemaPaths.append(QDir::cleanPath(dir.absoluteFilePath(*path)));
        }
    }

    if (const std::optional<QString> dialect =
            readString(QStringLiteral("dialect"), config.property(QStringLiteral("dialect")))) {
        m_dialect = *dialect;
        if (*dialect != QLatin1String("postgresql")) {
            const JsValue *at = config.property(QStringLiteral("dialect"));
            warnings.append(SpecError{Tr::tr("dialect is \"%1\"; Strata works with PostgreSQL "
                                             "(\"postgresql\") only")
                                          .arg(*dialect),
                                      configPath, at->line, at->column});
        }
    }

    if (const JsValue *breakpoints = config.property(QStringLiteral("breakpoints"))) {
        if (breakpoints->kind == JsValue::Kind::Bool)
            m_breakpoints = breakpoints->text == QLatin1String("true");
        else if (breakpoints->kind == JsValue::Kind::Other)
            notReadable(QStringLiteral("breakpoints"), *breakpoints);
        else
            wrongType(QStringLiteral("breakpoints"), *breakpoints, QStringLiteral("true or false"));
    }

    if (const JsValue *migrations = config.property(QStringLiteral("migrations"))) {
        if (migrations->kind == JsValue::Kind::Object) {
            spreadsOf(QStringLiteral("migrations"), *migrations);
            if (const auto table = readString(QStringLiteral("migrations.table"),
                                              migrations->property(QStringLiteral("table"))))
                m_migrationsTable = *table;
            if (const auto schema = readString(QStringLiteral("migrations.schema"),
                                               migrations->property(QStringLiteral("schema"))))
                m_migrationsSchema = *schema;
            if (const auto prefix = readString(QStringLiteral("migrations.prefix"),
                                               migrations->property(QStringLiteral("prefix"))))
                m_migrationsPrefix = *prefix;
        } else if (migrations->kind == JsValue::Kind::Other) {
            notReadable(QStringLiteral("migrations"), *migrations);
        } else {
            wrongType(QStringLiteral("migrations"), *migrations, Tr::tr("an object"));
        }
    }

    if (const auto driver =
            readString(QStringLiteral("driver"), config.property(QStringLiteral("driver")))) {
        if (*driver == QLatin1String("pglite") || *driver == QLatin1String("aws-data-api")) {
            const JsValue *at = config.property(QStringLiteral("driver"));
            warnings.append(
                SpecError{Tr::tr("driver \"%1\" does not connect to a PostgreSQL server "
                                 "that Strata can reach with libpq")
                              .arg(*driver),
                          configPath, at->line, at->column});
        }
    }

    if (const JsValue *credentials = config.property(QStringLiteral("dbCredentials"))) {
        if (credentials->kind != JsValue::Kind::Object) {
            if (credentials->kind == JsValue::Kind::Other)
                notReadable(QStringLiteral("dbCredentials"), *credentials);
            else
                wrongType(QStringLiteral("dbCredentials"), *credentials, Tr::tr("an object"));
        } else {
            Credentials &creds = m_credentials;
            creds.present = true;
            spreadsOf(QStringLiteral("dbCredentials"), *credentials);
            QString urlKey = QStringLiteral("url");
            const JsValue *url = credentials->property(urlKey);
            if (!url) {
                // drizzle-kit before 0.21 called it connectionString.
                url = credentials->property(QStringLiteral("connectionString"));
                if (url) {
                    urlKey = QStringLiteral("connectionString");
                    warnings.append(SpecError{Tr::tr("dbCredentials.connectionString is the name "
                                                     "drizzle-kit used before 0.21; it now expects "
                                                     "dbCredentials.url"),
                                              configPath, url->line, url->column});
                }
            }
            if (url) {
                const Resolved resolved = resolve(*url);
                const QString key = QStringLiteral("dbCredentials.") + urlKey;
                if (resolved.state == Resolved::State::NotLiteral) {
                    readString(key, url);  // reports it
                } else if (resolved.state == Resolved::State::Value) {
                    creds.url = resolved.text;
                    creds.urlOrigin = resolved.origin;
                    // A literal points at itself; a variable's error is found in its file.
                    if (resolved.origin.isEmpty()) {
                        creds.urlLine = url->line;
                        creds.urlColumn = url->kind == JsValue::Kind::String ? url->column + 1 : 0;
                    }
                } else if (!resolved.envName.isEmpty()) {
                    warnings.append(
                        SpecError{Tr::tr("%1 reads process.env.%2, which is set neither "
                                         "in the environment nor in .env")
                                      .arg(key, resolved.envName),
                                  configPath, url->line, url->column});
                }
            }
            // The host/port/user/password/database/ssl form, mapped to libpq keywords.
            static const QList<QPair<QString, QString>> fields = {
                {QStringLiteral("host"), QStringLiteral("host")},
                {QStringLiteral("port"), QStringLiteral("port")},
                {QStringLiteral("user"), QStringLiteral("user")},
                {QStringLiteral("password"), QStringLiteral("password")},
                {QStringLiteral("database"), QStringLiteral("dbname")}};
            for (const auto &[key, keyword] : fields) {
                if (const auto text = readString(QStringLiteral("dbCredentials.") + key,
                                                 credentials->property(key)))
                    creds.fields.setValue(keyword, *text);
            }
            if (const JsValue *ssl = credentials->property(QStringLiteral("ssl"))) {
                // node-postgres' ssl option, as libpq's sslmode.
                if (ssl->kind == JsValue::Kind::Bool) {
                    creds.fields.setValue(QStringLiteral("sslmode"),
                                          ssl->text == QLatin1String("true")
                                              ? QStringLiteral("require")
                                              : QStringLiteral("disable"));
                } else if (ssl->kind == JsValue::Kind::Object) {
                    const JsValue *reject = ssl->property(QStringLiteral("rejectUnauthorized"));
                    const bool verify = !reject
                        || !(reject->kind == JsValue::Kind::Bool
                             && reject->text == QLatin1String("false"));
                    creds.fields.setValue(QStringLiteral("sslmode"),
                                          verify ? QStringLiteral("verify-full")
                                                 : QStringLiteral("require"));
                } else if (const auto mode = readString(QStringLiteral("dbCredentials.ssl"), ssl)) {
                    creds.fields.setValue(QStringLiteral("sslmode"), *mode);
                }
            }
        }
    }
}

const DrizzleProject::EnvLayer *DrizzleProject::layerOf(const QString &name) const
{
    for (const EnvLayer &layer : m_layers) {
        if (layer.isEnvironment ? m_env.contains(name) : layer.file.contains(name))
            return &layer;
    }
    return nullptr;
}

QString DrizzleProject::envValue(const QString &name) const
{
    const EnvLayer *layer = layerOf(name);
    if (!layer)
        return {};
    return layer->isEnvironment ? m_env.value(name) : layer->file.value(name);
}

bool DrizzleProject::hasEnvValue(const QString &name) const
{
    return layerOf(name) != nullptr;
}

QString DrizzleProject::envOrigin(const QString &name) const
{
    const EnvLayer *layer = layerOf(name);
    return layer ? layer->origin : QString();
}

DrizzleProject::Choice DrizzleProject::choose(Purpose purpose) const
{
    const QString configName = QFileInfo(m_configFile).fileName();
    auto fromVariable = [&](const QString &name) -> std::optional<Choice> {
        const EnvLayer *layer = layerOf(name);
        if (!layer)
            return std::nullopt;
        Choice choice;
        choice.text = layer->isEnvironment ? m_env.value(name) : layer->file.value(name);
        if (choice.text.isEmpty())
            return std::nullopt;
        choice.source = layer->origin + QLatin1Char(' ') + name;
        choice.errorSource = layer->isEnvironment ? layer->origin : layer->file.source();
        choice.errorLine = layer->isEnvironment ? 0 : layer->file.line(name);
        return choice;
    };
    auto fromCredentials = [&]() -> std::optional<Choice> {
        if (!m_credentials.present)
            return std::nullopt;
        // drizzle-kit tries the host/database form first (its zod union), then url.
        if (!m_credentials.fields.host().isEmpty() && !m_credentials.fields.dbname().isEmpty()) {
            Choice choice;
            choice.fields = m_credentials.fields;
            choice.source = configName + QStringLiteral(" dbCredentials");
            return choice;
        }
        if (m_credentials.url.isEmpty())
            return std::nullopt;
        Choice choice;
        choice.text = m_credentials.url;
        choice.source = configName + QStringLiteral(" dbCredentials.url");
        if (!m_credentials.urlOrigin.isEmpty()) {
            choice.source += QStringLiteral(" (") + m_credentials.urlOrigin + QLatin1Char(')');
            const QString name = m_credentials.urlOrigin.section(QLatin1Char(' '), -1);
            if (const EnvLayer *layer = layerOf(name)) {
                choice.errorSource = layer->isEnvironment ? layer->origin : layer->file.source();
                choice.errorLine = layer->isEnvironment ? 0 : layer->file.line(name);
            }
        } else {
            choice.errorSource = m_configFile;
            choice.errorLine = m_credentials.urlLine;
            choice.errorColumn = m_credentials.urlColumn;
        }
        return choice;
    };

    std::optional<Choice> choice;
    if (purpose == Purpose::Migrate)
        choice = fromVariable(QStringLiteral("DIRECT_URL"));
    if (!choice)
        choice = fromCredentials();
    if (!choice)
        choice = fromVariable(QStringLiteral("DATABASE_URL"));
    return choice ? *choice : Choice{};
}

ConnectionSpec DrizzleProject::connection(Purpose purpose, SpecError *error) const
{
    if (error)
        *error = SpecError{};
    const Choice choice = choose(purpose);
    if (choice.text.isEmpty())
        return choice.fields;
    SpecError parseError;
    const ConnectionSpec spec = ConnectionSpec::parse(choice.text, &parseError);
    if (parseError.isNull())
        return spec;
    if (error) {
        // Point into the file the URL came from; the URL's own column only where the URL
        // sits on that line as written (a string literal in the config).
        SpecError located;
        located.message = Tr::tr("%1: %2").arg(choice.source, parseError.message);
        located.source = choice.errorSource.isEmpty() ? parseError.source : choice.errorSource;
        located.line = choice.errorLine;
        located.column = choice.errorColumn > 0 && parseError.column > 0
            ? choice.errorColumn + parseError.column - 1
            : 0;
        *error = located;
    }
    return {};
}

QString DrizzleProject::connectionSource(Purpose purpose) const
{
    return choose(purpose).source;
}

} // namespace strata
