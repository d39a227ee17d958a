#include "Drift.h"

#include "Tr.h"
#include "migrations/MigrationFolder.h"
#include "migrations/Plan.h"
#include "schema/DdlWriter.h"
#include "schema/SchemaDiff.h"
#include "schema/SnapshotJson.h"
#include "schema/SpellingTransfer.h"


namespace strata {

namespace {

// PostgreSQL keeps the first 63 bytes of a longer name (NAMEDATALEN - 1, cut at a whole
// character); drizzle's snapshots keep the name as written.
QString asStored(const QString &name)
{
    if (name.toUtf8().size() <= 63)
        return name;
    QString cut = name;
    while (cut.toUtf8().size() > 63)
        cut.chop(1);
    if (!cut.isEmpty() && cut.back().isHighSurrogate())
        cut.chop(1);
    return cut;
}

void storeNames(Schema &schema)
{
    for (Table &table : schema.tables) {
        if (table.primaryKey)
            table.primaryKey->name = asStored(table.primaryKey->name);
        for (UniqueConstraint &unique : table.uniqueConstraints)
            unique.name = asStored(unique.name);
        for (ForeignKey &key : table.foreignKeys)
            key.name = asStored(key.name);
        for (CheckConstraint &check : table.checks)
            check.name = asStored(check.name);
        for (Index &index : table.indexes)
            index.name = asStored(index.name);
    }
}

} // namespace

std::optional<Drift::Expected> Drift::expected(const MigrationFolder &folder, const Plan &plan, QString *error)
{
    const QList<int> applied = plan.appliedNewestFirst();
    if (applied.isEmpty())
        return Expected{};
    const Migration &migration = folder.migrations().at(applied.first());
    const std::optional<Snapshot> snapshot = folder.readSnapshot(migration.snapshotFile, error);
    if (!snapshot)
        return std::nullopt;
    Expected expected{snapshot->schema, migration.tag};
    storeNames(expected.schema);
    return expected;
}

QStringList Drift::sql(const Schema &expected, Schema live)
{
    SpellingTransfer::adopt(live, expected);
    return DdlWriter::write(SchemaDiff::compare(expected, live));
}

} // namespace strata
