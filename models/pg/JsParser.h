#pragma once

#include "pg/JsLexer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace strata {

// A value as JsParser reads it: the plain literal forms a config can hold; anything else is
// `Other`, with what it was.
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

    // An Other value at `at`, described as `what`.
    static JsValue other(const JsToken &at, const QString &what);

    bool isPresent() const { return kind != Kind::Missing; }
    const JsValue *property(const QString &key) const;  // the last one wins, as in JavaScript
};

// Reads literal values from JsLexer's tokens, starting at a token index; an expression it
// would have to run is skipped and described instead.
class JsParser
{
public:
    JsParser(const QList<JsToken> &tokens, qsizetype pos);

    qsizetype position() const;
    const JsToken &current() const;
    bool isPunct(qsizetype index, const char *text) const;
    bool isPunct(const char *text) const;
    bool isIdentifier(qsizetype index, const char *text) const;
    bool isEnd() const;
    void advance();
    void skipType();  // a type after `as`, `satisfies` or `:`

    JsValue parseValue();
    JsValue parseObject();  // at its "{"

private:
    const JsToken &at(qsizetype index) const;
    bool atValueEnd() const;
    void skipGroup();
    void skipExpression();
    JsValue openLiteral(JsValue::Kind kind);
    JsValue parseArray();
    JsValue parseSpread();
    JsValue parseUnary();
    JsValue parseIdentifierExpression();

    const QList<JsToken> &m_tokens;
    qsizetype m_pos;
};

} // namespace strata
