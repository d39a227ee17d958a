#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace strata::test {

// A change to tests/data/edits/schema.ts: `before`, which must occur exactly once in the
// file as the previous edits left it, becomes `after`. An empty `before` appends `after`.
struct SchemaTextChange {
    QString before;
    QString after;
};

// Where Strata's migration deliberately differs from drizzle-kit's: drizzle-kit's statement
// `drizzle` is, in Strata's, `strata` (empty: left out); `reason` cites the documented difference (DdlWriter.h).
// `drizzleApplies` is false when drizzle-kit's statement does not make the change (a
// comment, a placeholder): the database following drizzle-kit's migrations then gets
// Strata's statement in its place, so that the two databases can still be compared.
struct IntendedDifference {
    QString drizzle;
    QString strata;
    QString reason;
    bool drizzleApplies = true;
    QStringList strataAfter;  // statements Strata writes right after `strata` that drizzle-kit does not
};

// One change a user makes to a drizzle schema, as DrizzleEditsTest runs it.
struct DrizzleEdit {
    QString tag;  // drizzle-kit generate --name=<tag>: the migration is NNNN_<tag>.sql
    QList<SchemaTextChange> changes;
    QList<int> promptAnswers;  // drizzle-kit's rename prompts (runDrizzleKitInTerminal)
    QStringList renames;       // the same decisions for strata diff: --rename kind:old=new
    QList<IntendedDifference> differences;
    // A Strata bug this edit shows, not fixed yet: Strata's migration is expected not to
    // apply (QEXPECT_FAIL), and the row fails once it does, as a reminder to remove this.
    QString knownBug;
};

// The edits in order, each on top of the one before; the first, with no changes, is the
// base schema itself (its migration creates everything, from an empty snapshot).
QList<DrizzleEdit> drizzleEdits();

} // namespace strata::test
