#pragma once

#include "schema/RenameDecisions.h"

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
// an index's `concurrently`, a policy's `current_user`, a serial column's notNull false, and
// for objects the snapshot has, what drizzle cannot express (comments, collations, UNLOGGED,
// storage parameters, FORCE ROW LEVEL SECURITY, partitioning): never a change against it.
// A table renamed since keeps its serial's sequence and its primary key's name in PostgreSQL
// ("tags_id_seq", "tags_pkey"), where drizzle still sees a serial column and a column key:
// those are spelled as drizzle sees them.
class SpellingTransfer
{
public:
    // `renames` (earlier -> live) pair a renamed table or column with its earlier self.
    static void adopt(Schema &live, const Schema &earlier, const RenameDecisions &renames = {});
};

} // namespace strata
