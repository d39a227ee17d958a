#pragma once

#include "migrations/Ledger.h"

#include <QList>
#include <QString>

#include <optional>

namespace strata {

class MigrationFolder;

// One line of a plan: a migration of the folder, or a ledger row that names no migration.
struct PlanEntry {
    enum class State {
        Applied,     // a ledger row with the file's hash
        Modified,    // applied, but the file changed since (the row's hash differs)
        Pending,     // not applied; drizzle-orm's migrator would apply it next
        OutOfOrder,  // not applied, and older than the newest applied one: drizzle skips it forever
        Missing,     // a ledger row with no file in the folder
    };
    State state = State::Pending;
    int migration = -1;      // index into the folder's migrations(); -1 for Missing
    QList<LedgerRow> rows;   // the rows that record it; more than one when it was applied twice

    static QString stateId(State state);    // stable, for JSON: "applied", "out-of-order", …
    static QString stateText(State state);  // translated
};

// What a database has applied of a folder and what it has not: a pure function of the
// folder and the ledger's rows. In drizzle-kit 1.0's layout a row with a `name` belongs to
// the folder of that name, as 1.0 decides; any other row to the migration whose `when` and
// hash it holds, else to one with its hash, else to one with its `when` (then the file was
// modified since).
class Plan
{
public:
    static Plan of(const MigrationFolder &folder, const QList<LedgerRow> &rows);

    // The folder's migrations in its order, then the rows no migration owns, oldest id first.
    const QList<PlanEntry> &entries() const { return m_entries; }
    const PlanEntry *entryOf(int migration) const;
    int count(PlanEntry::State state) const;
    bool isApplied(int migration) const;  // Applied or Modified

    // The newest applied `created_at`: drizzle applies only what is newer. Nothing when the
    // ledger is empty.
    std::optional<qint64> highWaterMark() const { return m_highWater; }
    // Whether drizzle-orm's migrator would get this ledger wrong: a row whose created_at is
    // NULL makes it treat every migration as pending.
    bool hasNullCreatedAt() const { return m_nullCreatedAt; }

    // The migrations a run applies, in folder order: pending ones (and out-of-order ones when
    // allowed) up to `upTo` (an index; -1 for all).
    QList<int> toApply(bool includeOutOfOrder, int upTo = -1) const;
    // Applied migrations, newest first (folder order, reversed).
    QList<int> appliedNewestFirst() const;

private:
    QList<PlanEntry> m_entries;
    std::optional<qint64> m_highWater;
    bool m_nullCreatedAt = false;
};

} // namespace strata
