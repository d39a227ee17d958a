#pragma once

#include <QString>

namespace strata {

// Tells whether two SQL expression texts mean the same, one as drizzle-kit stores it (as the
// user wrote it in schema.ts) and one as PostgreSQL prints it back (pg_get_expr and friends):
// `"users"."age" > 21` and `(age > 21)`. Used to keep a snapshot's old spelling of an
// unchanged expression and to keep diffs quiet about it.
//
// Both texts go through PostgreSQL's parser (libpg_query) and the trees are normalised: no
// locations, column references without table/schema qualifiers, casts around constants and
// column references removed, constants compared by text, BETWEEN and IN rewritten to the
// forms the server prints, function and type names without pg_catalog, nested AND/OR
// flattened. The cast rule is deliberately loose (`age::int > 5` equals `age > 5`); that is
// fine for its use, comparing two spellings of the same named check, index or policy, and
// wrong as a general equivalence test. ExpressionMatch.cpp lists every rule.
class ExpressionMatch
{
public:
    // True when `a` and `b` parse as expressions with the same normalised tree; when either
    // does not parse, true only for equal texts. `tableName` (unquoted) narrows qualifier
    // removal: given, only qualifiers naming that table are dropped (`users.age` -> `age`,
    // `other.id` stays, schema parts always go); empty, every qualifier is dropped.
    static bool same(const QString &a, const QString &b, const QString &tableName = {});

    // The normalised tree of expression `text` as compact JSON: equal strings for texts that
    // same() matches, so it can be hashed or used as a map key. Empty when `text` does not
    // parse as one expression.
    static QString canonical(const QString &text, const QString &tableName = {});

    // The same for a whole query (a view's SELECT): drizzle's `select "id" from "users"`
    // against pg_get_viewdef's ` SELECT users.id FROM users;`. Output column aliases that the
    // server adds (`AS id` for a column id) are ignored; `*` is not expanded, so a view
    // written with `*` never matches the server's column list.
    static bool sameQuery(const QString &a, const QString &b);
    static QString canonicalQuery(const QString &text);
};

} // namespace strata
