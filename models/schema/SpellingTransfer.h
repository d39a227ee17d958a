#pragma once

namespace strata {

struct Schema;

// Carries drizzle's spelling from an earlier snapshot over to a schema read from a live
// database, wherever the two still mean the same thing, so that a snapshot written from the
// database reads to drizzle-kit as unchanged. A live database cannot tell `.notNull()` on a
// composite key's column, `.enableRLS()` beside policies, `varchar(32)` against
// `varchar({ length: 32 })`, or `"users"."age" > 21` against PostgreSQL's `(age > 21)`; the
// snapshot drizzle-kit wrote for the same schema can. Objects are matched by schema and name
// (columns, indexes, checks, policies by name within their table); expressions are kept in the
// earlier text only when ExpressionMatch finds them the same, so a real change always shows.
// Also kept from the snapshot: the roles it manages (cluster-wide, not read from a database),
// an index's `concurrently`, a policy's `current_user`, and a serial column's notNull false.
class SpellingTransfer
{
public:
    static void adopt(Schema &live, const Schema &earlier);
};

} // namespace strata
