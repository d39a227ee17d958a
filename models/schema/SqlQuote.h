#pragma once

#include <QString>
#include <QStringList>

namespace strata {

// Quoting for the DDL Strata writes. drizzle-kit interpolates names into "…" and labels into
// '…' without doubling what is inside; these always double, so a name like we"ird or a label
// like it's stays one token.
namespace SqlQuote {

// "name", with every " doubled.
QString identifier(const QString &name);
// 'text', with every ' doubled.
QString literal(const QString &text);
// "schema"."name"; just "name" when the schema is empty.
QString qualified(const QString &schema, const QString &name);
// As drizzle-kit names tables, indexes and identity sequences: unqualified in public (its
// snapshots write schema "" there), qualified elsewhere.
QString tableName(const QString &schema, const QString &name);
// "a","b": drizzle's column lists have no space after the comma.
QString identifierList(const QStringList &names, const QString &separator = QStringLiteral(","));

} // namespace SqlQuote

} // namespace strata
