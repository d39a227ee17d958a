#pragma once

#include "text/StatementSplitter.h"

#include <QString>

namespace strata {

// One dangerous thing HazardLint found in a piece of SQL, with where it is and what to do instead.
struct Hazard {
    enum class Severity {
        Error,    // fails when applied, or destroys rows known to exist
        Warning,  // succeeds, but locks, rewrites, loses data or breaks the running app
        Info,     // worth knowing, harmless at the sizes known
    };

    QString ruleId;  // stable kebab-case id, one of HazardLint::ruleIds(): "drop-table", …
    Severity severity = Severity::Warning;
    int statementIndex = -1;  // 0-based over the whole text (all pieces); -1 when not in a statement
    TextPosition position;    // where to point: line and column 1-based, in characters of the text
    QString statement;        // the statement's text, without comments around it or the ';'
    QString object;           // what it is about, as PostgreSQL quotes it: public."Users".email; may be empty
    QString message;          // one line, translated
    QString alternative;      // one line, translated: the safer way; empty when there is none

    int line() const { return position.line; }
    int column() const { return position.column; }

    // One line, compiler style: "<file>:<line>:<column>: <severity>: <message> [<rule>]".
    QString toString(const QString &file = QString()) const;

    static QString severityText(Severity severity);  // translated: "error", "warning", "info"
    static QString severityId(Severity severity);    // stable, for JSON: "error", "warning", "info"

    friend bool operator==(const Hazard &, const Hazard &) = default;
};

} // namespace strata
