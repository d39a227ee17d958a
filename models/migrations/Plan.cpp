#include "Plan.h"

#include "Tr.h"
#include "migrations/MigrationFolder.h"

#include <functional>

namespace strata {

QString PlanEntry::stateId(State state)
{
    switch (state) {
    case State::Applied: return QStringLiteral("applied");
    case State::Modified: return QStringLiteral("modified");
    case State::Pending: return QStringLiteral("pending");
    case State::OutOfOrder: return QStringLiteral("out-of-order");
    case State::Missing: return QStringLiteral("missing");
    }
    return {};
}

QString PlanEntry::stateText(State state)
{
    switch (state) {
    case State::Applied: return Tr::tr("applied");
    case State::Modified: return Tr::tr("modified");
    case State::Pending: return Tr::tr("pending");
    case State::OutOfOrder: return Tr::tr("out of order");
    case State::Missing: return Tr::tr("missing");
    }
    return {};
}

Plan Plan::of(const MigrationFolder &folder, const QList<LedgerRow> &rows)
{
    Plan plan;
    const QList<Migration> &migrations = folder.migrations();
    const bool byName = folder.layout() == MigrationFolder::Layout::Folders;
    QList<QList<LedgerRow>> owned(migrations.size());
    QList<bool> placed(rows.size(), false);

    // Each pass gives the rows still unplaced to the first migration that fits; a migration may
    // own several rows (drizzle, having no lock, can record one twice).
    auto pass = [&](const std::function<bool(const LedgerRow &, const Migration &)> &fits) {
        for (qsizetype r = 0; r < rows.size(); ++r) {
            if (placed[r])
                continue;
            // A migration nothing owns yet is the better match: two files can be identical.
            qsizetype chosen = -1;
            for (qsizetype m = 0; m < migrations.size(); ++m) {
                if (!fits(rows[r], migrations[m]))
                    continue;
                if (chosen < 0)
                    chosen = m;
                if (owned[m].isEmpty()) {
                    chosen = m;
                    break;
                }
            }
            if (chosen >= 0) {
                owned[chosen].append(rows[r]);
                placed[r] = true;
            }
        }
    };
    const auto hashOf = [](const Migration &m) { return QString::fromLatin1(m.hash); };
    if (byName)
        pass([](const LedgerRow &row, const Migration &m) { return !row.name.isEmpty() && row.name == m.tag; });
    pass([&](const LedgerRow &row, const Migration &m) {
        return m.hasSql && row.createdAt == m.when && row.hash == hashOf(m);
    });
    pass([&](const LedgerRow &row, const Migration &m) { return m.hasSql && row.hash == hashOf(m); });
    pass([](const LedgerRow &row, const Migration &m) { return row.createdAt == m.when; });

    for (const LedgerRow &row : rows) {
        if (!row.createdAt)
            plan.m_nullCreatedAt = true;
        else if (!plan.m_highWater || *row.createdAt > *plan.m_highWater)
            plan.m_highWater = row.createdAt;
    }

    for (qsizetype m = 0; m < migrations.size(); ++m) {
        PlanEntry entry;
        entry.migration = int(m);
        entry.rows = owned[m];
        if (!entry.rows.isEmpty()) {
            const bool same = std::any_of(entry.rows.cbegin(), entry.rows.cend(),
                                          [&](const LedgerRow &row) { return row.hash == hashOf(migrations[m]); });
            entry.state = same ? PlanEntry::State::Applied : PlanEntry::State::Modified;
        } else if (!byName && plan.m_highWater && migrations[m].when <= *plan.m_highWater) {
            entry.state = PlanEntry::State::OutOfOrder;
        } else {
            entry.state = PlanEntry::State::Pending;
        }
        plan.m_entries.append(entry);
    }
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (!placed[r])
            plan.m_entries.append({PlanEntry::State::Missing, -1, {rows[r]}});
    }
    return plan;
}

const PlanEntry *Plan::entryOf(int migration) const
{
    for (const PlanEntry &entry : m_entries) {
        if (entry.migration == migration)
            return &entry;
    }
    return nullptr;
}

int Plan::count(PlanEntry::State state) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [&](const PlanEntry &e) { return e.state == state; }));
}

bool Plan::isApplied(int migration) const
{
    const PlanEntry *entry = entryOf(migration);
    return entry && (entry->state == PlanEntry::State::Applied || entry->state == PlanEntry::State::Modified);
}

QList<int> Plan::toApply(bool includeOutOfOrder, int upTo) const
{
    QList<int> out;
    for (const PlanEntry &entry : m_entries) {
        if (entry.migration < 0 || (upTo >= 0 && entry.migration > upTo))
            continue;
        if (entry.state == PlanEntry::State::Pending
            || (includeOutOfOrder && entry.state == PlanEntry::State::OutOfOrder))
            out.append(entry.migration);
    }
    return out;
}

QList<int> Plan::appliedNewestFirst() const
{
    QList<int> out;
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (it->migration >= 0 && isApplied(it->migration))
            out.append(it->migration);
    }
    return out;
}

} // namespace strata
