#pragma once

#include "pg/ConnectionSpec.h"

#include <QList>
#include <QString>

namespace strata {

// One token of JavaScript or TypeScript source, as JsLexer splits it.
struct JsToken {
    enum class Kind { End, Identifier, String, Template, Number, Punct, Regex };
    Kind kind = Kind::End;
    QString text;  // the source text (Punct, Identifier, Number) or the cooked string value
    bool substitution = false;  // a template literal with ${…}
    int line = 0;
    int column = 0;
};

// A JavaScript/TypeScript tokenizer, just enough to find object literals in a config file.
// It never evaluates anything: a config file is code, and Strata will not run it.
class JsLexer
{
public:
    // What cannot be read (an unterminated string or comment) goes to `warnings`, in `file`.
    JsLexer(const QString &source, const QString &file, QList<SpecError> *warnings);

    // Every token of the source; the last one is End.
    QList<JsToken> tokenize();

private:
    QChar peek(qsizetype ahead = 0) const;
    void advance();
    void warn(int line, int column, const QString &message);
    void skipTrivia();
    static int hexDigit(QChar c);
    void readEscape(QString &out);
    bool regexAllowedAfter(const JsToken *previous) const;
    JsToken next(const JsToken *previous);

    const QString &m_source;
    const QString m_file;
    QList<SpecError> *m_warnings;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

} // namespace strata
