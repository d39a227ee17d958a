#pragma once

#include "pg/ConnectionSpec.h"

#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace strata::test {

// A spec as "keyword=value" items in order: what QCOMPARE prints when two specs differ.
QStringList specItems(const ConnectionSpec &spec);
// The spec these "keyword=value" items make, in their order.
ConnectionSpec specOf(const QStringList &pairs);
// Keyword order aside: for specs that print the same keywords in another order.
QMap<QString, QString> specMap(const ConnectionSpec &spec);
// ConnectionSpec::parse(), with a warning in the test log when `text` does not parse.
ConnectionSpec parsedSpec(const QString &text);

// The columns of a table of text a reader must refuse: text, source, column, and reason (a
// piece of the message).
void addParseErrorColumns();
// Runs `parse` on the current row's text and checks that it refuses it: an empty spec, and an
// error in `source` (no line) at `column` whose message contains `reason`.
void verifyParseError(ConnectionSpec (*parse)(const QString &text, SpecError *error));

// An environment that holds only these "NAME=value" variables: the machine's own
// DATABASE_URL or PGHOST must not leak into a test.
QProcessEnvironment environmentOf(const QStringList &variables);
// Warnings one to a line, "source:line:column: message", for a failure message.
QString describe(const QList<SpecError> &warnings);

} // namespace strata::test
