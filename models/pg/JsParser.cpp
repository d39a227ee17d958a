#include "JsParser.h"

#include "Tr.h"

namespace strata {

JsValue JsValue::other(const JsToken &at, const QString &what)
{
    JsValue value;
    value.kind = JsValue::Kind::Other;
    value.text = what;
    value.line = at.line;
    value.column = at.column;
    return value;
}

const JsValue *JsValue::property(const QString &key) const
{
    // The last one wins, as in JavaScript.
    for (qsizetype i = keys.size() - 1; i >= 0; --i) {
        if (keys[i] == key)
            return &children[size_t(i)];
    }
    return nullptr;
}

JsParser::JsParser(const QList<JsToken> &tokens, qsizetype pos)
    : m_tokens(tokens)
    , m_pos(pos)
{
}

qsizetype JsParser::position() const
{
    return m_pos;
}

const JsToken &JsParser::current() const
{
    return at(m_pos);
}

const JsToken &JsParser::at(qsizetype index) const
{
    static const JsToken end;
    return index >= 0 && index < m_tokens.size() ? m_tokens[index] : end;
}

bool JsParser::isPunct(qsizetype index, const char *text) const
{
    const JsToken &token = at(index);
    return token.kind == JsToken::Kind::Punct && token.text == QLatin1String(text);
}

bool JsParser::isPunct(const char *text) const
{
    return isPunct(m_pos, text);
}

bool JsParser::isIdentifier(qsizetype index, const char *text) const
{
    const JsToken &token = at(index);
    return token.kind == JsToken::Kind::Identifier && token.text == QLatin1String(text);
}

bool JsParser::isEnd() const
{
    return current().kind == JsToken::Kind::End;
}

// Where a value inside an object, array or call ends.
bool JsParser::atValueEnd() const
{
    return isEnd() || isPunct(",") || isPunct("}") || isPunct("]") || isPunct(")")
        || isPunct(";");
}

void JsParser::advance()
{
    if (!isEnd())
        ++m_pos;
}

// Skips one balanced (…), […] or {…} group starting at the current token.
void JsParser::skipGroup()
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
void JsParser::skipExpression()
{
    while (!atValueEnd()) {
        if (isPunct("(") || isPunct("[") || isPunct("{"))
            skipGroup();
        else
            advance();
    }
}

// Skips a type after `as`, `satisfies` or `:`.
void JsParser::skipType()
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

JsValue JsParser::parseValue()
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
        const JsToken start{JsToken::Kind::Punct, {}, false, left.line, left.column};
        skipExpression();
        return JsValue::other(
            start, left.kind == JsValue::Kind::Other ? left.text : Tr::tr("an expression"));
    }
    return left;
}

// An empty object or array where its "{" or "[" stands; the bracket is read past.
JsValue JsParser::openLiteral(JsValue::Kind kind)
{
    JsValue literal;
    literal.kind = kind;
    literal.line = current().line;
    literal.column = current().column;
    advance();
    return literal;
}

JsValue JsParser::parseObject()
{
    JsValue object = openLiteral(JsValue::Kind::Object);
    while (!isEnd() && !isPunct("}")) {
        const qsizetype before = m_pos;
        if (isPunct("...")) {
            object.spreads.append(parseSpread());
        } else {
            const JsToken keyToken = current();
            QString key;
            bool computed = false;
            if (keyToken.kind == JsToken::Kind::Identifier || keyToken.kind == JsToken::Kind::String
                || keyToken.kind == JsToken::Kind::Number) {
                key = keyToken.text;
                advance();
                // get x() {}, set x(v) {}, async x() {}: accessors and methods.
                if ((key == QLatin1String("get") || key == QLatin1String("set")
                     || key == QLatin1String("async"))
                    && current().kind == JsToken::Kind::Identifier) {
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
                value = JsValue::other(keyToken, Tr::tr("a function"));
                skipExpression();
            } else if (atValueEnd() && !computed) {
                value = JsValue::other(keyToken, Tr::tr("a variable (%1)").arg(key));
            } else {
                value = JsValue::other(keyToken, Tr::tr("an expression"));
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

JsValue JsParser::parseArray()
{
    JsValue array = openLiteral(JsValue::Kind::Array);
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
            array.spreads.append(parseSpread());
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

// "...x" in an object or array literal: what it spreads is read past, and kept as its name.
JsValue JsParser::parseSpread()
{
    const JsToken spread = current();
    advance();
    const JsToken what = current();
    parseValue();
    return JsValue::other(spread,
                          what.kind == JsToken::Kind::Identifier ? QStringLiteral("...") + what.text
                                                                 : QStringLiteral("..."));
}

JsValue JsParser::parseUnary()
{
    const JsToken token = current();
    JsValue value;
    if (isPunct("(")) {
        advance();
        value = parseValue();
        if (isPunct(")")) {
            advance();
        } else {
            skipExpression();
            value = JsValue::other(token, Tr::tr("an expression"));
        }
    } else if (isPunct("{")) {
        value = parseObject();
    } else if (isPunct("[")) {
        value = parseArray();
    } else if (token.kind == JsToken::Kind::String) {
        value.kind = JsValue::Kind::String;
        value.text = token.text;
        advance();
    } else if (token.kind == JsToken::Kind::Template) {
        if (token.substitution) {
            value = JsValue::other(token, Tr::tr("a template literal with ${…}"));
        } else {
            value.kind = JsValue::Kind::String;
            value.text = token.text;
        }
        advance();
    } else if (token.kind == JsToken::Kind::Number) {
        value.kind = JsValue::Kind::Number;
        value.text = token.text;
        advance();
    } else if (isPunct("-") && at(m_pos + 1).kind == JsToken::Kind::Number) {
        advance();
        value.kind = JsValue::Kind::Number;
        value.text = QLatin1Char('-') + current().text;
        advance();
    } else if (token.kind == JsToken::Kind::Identifier) {
        value = parseIdentifierExpression();
    } else {
        value = JsValue::other(token, Tr::tr("an expression"));
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

JsValue JsParser::parseIdentifierExpression()
{
    const JsToken token = current();
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
            && at(afterEnv + 1).kind == JsToken::Kind::Identifier) {
            JsValue value;
            value.kind = JsValue::Kind::EnvRef;
            value.text = at(afterEnv + 1).text;
            m_pos = afterEnv + 2;
            return value;
        }
        if (isPunct(afterEnv, "[")
            && (at(afterEnv + 1).kind == JsToken::Kind::String
                || (at(afterEnv + 1).kind == JsToken::Kind::Template
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
        return JsValue::other(token, Tr::tr("a function"));
    }
    if (name == QLatin1String("new")) {
        skipExpression();
        return JsValue::other(token, Tr::tr("a \"new\" expression"));
    }
    // a.b.c or a.b.c(…)
    qsizetype p = m_pos + 1;
    while ((isPunct(p, ".") || isPunct(p, "?.")) && at(p + 1).kind == JsToken::Kind::Identifier)
        p += 2;
    if (isPunct(p, "(") || (at(p).kind == JsToken::Kind::Template)) {
        skipExpression();
        return JsValue::other(token, Tr::tr("a function call"));
    }
    QString path;
    for (qsizetype i = m_pos; i < p; ++i)
        path += at(i).text;
    m_pos = p;
    return JsValue::other(token, Tr::tr("a variable (%1)").arg(path));
}

} // namespace strata
