#pragma once

// Column types as the lint needs them: to tell a type change that rewrites the table from
// one that does not, and to recognise an enum type. Internal to lint/.

#include "ParseNodes.h"

#include <QList>
#include <QString>

namespace strata::lint {

// A TypeName node, reduced: names as the parser spells them (it already folds case and
// maps SQL spellings to catalog names: `character varying` is pg_catalog.varchar,
// `int` is pg_catalog.int4, `timestamp with time zone` is pg_catalog.timestamptz).
struct TypeSpec {
    QString schema;           // as written or added by the parser ("pg_catalog"); empty when unqualified
    QString name;             // empty: not known
    QList<int> modifiers;     // integer typmods: varchar(20) → {20}, numeric(10,2) → {10, 2}
    bool modifiersKnown = true;  // false when a typmod is not an integer constant
    bool array = false;

    bool isValid() const { return !name.isEmpty(); }
    // A built-in type of pg_catalog named `catalogName`, written qualified or not.
    bool isBuiltin(const char *catalogName) const;
    friend bool operator==(const TypeSpec &, const TypeSpec &) = default;
};

// The fields of a TypeName node ("typeName": {"names": …, "typmods": …, "arrayBounds": …}).
TypeSpec typeSpec(const Json &typeName);
// A type as format_type() prints it ("character varying(20)", "\"Status\"[]"), read with
// the real parser as the target of a cast; invalid when it does not parse as a type.
TypeSpec typeSpecFromText(const QString &type);

enum class TypeChange {
    NoRewrite,  // binary coercible or a typmod that only widens: PostgreSQL keeps the table
    Rewrite,    // every row is rewritten (and every index rebuilt) under an ACCESS EXCLUSIVE lock
    Unknown,    // the old type is not known
};

// What ALTER COLUMN … TYPE `to` does to a column of type `from`. Only changes known to keep
// the table are NoRewrite (checked on PostgreSQL 15 by watching pg_class.relfilenode):
// - the same type with the same typmods and array-ness;
// - varchar(n) → varchar(m ≥ n) or varchar; varchar(n) or varchar → text; text → varchar;
// - numeric(p, s) → numeric(q ≥ p, s) or numeric (no typmod; a missing scale is 0);
// - varbit(n) → varbit(m ≥ n) or varbit;
// - timestamp, timestamptz, time, timetz (p) → the same type (q ≥ p) or without precision;
//   interval with the same fields and a precision that does not shrink;
// - cidr → inet.
// Everything else rewrites, including a typmod added where there was none (varchar →
// varchar(n) checks every row by rewriting), char(n) → char(m) (padding), arrays of any
// changed element type, and any change between different types that is not listed.
TypeChange classifyTypeChange(const TypeSpec &from, const TypeSpec &to);

} // namespace strata::lint
