#pragma once

#include <QString>

namespace strata {

// Why a WHERE clause typed by the user cannot be sent, and where.
struct RawWhereProblem {
    QString message;   // e.g. `syntax error at or near ";"`
    int position = 0;  // 1-based offset in the raw text (a QString index + 1), 0 = none

    bool isNull() const { return message.isEmpty(); }
};

// Checks a hand-typed WHERE clause with PostgreSQL's parser before it goes to the server.
namespace RawWhereCheck {

// Null when `rawWhere` is blank or one boolean expression that can be put in parentheses and
// ANDed with other conditions: it must parse both as `SELECT 1 WHERE (\n<raw>\n)` and as
// `SELECT 1 WHERE \n<raw>\n`, each as exactly one statement. The first refuses `true; DROP
// TABLE x`, `true ORDER BY 1` and unbalanced parentheses; the second refuses `a) OR (b`, which
// would escape the parentheses. $n parameters are refused too: their values would be the filters'.
RawWhereProblem check(const QString &rawWhere);

// The text that stands for the clause in SQL: `(raw)`, or `(raw\n)` when a `--` comment would
// otherwise swallow the closing parenthesis. Only for a clause check() accepted.
QString parenthesized(const QString &rawWhere);

} // namespace RawWhereCheck

} // namespace strata
