#include "Drift.h"

#include "Tr.h"
#include "migrations/MigrationFolder.h"
#include "migrations/Plan.h"
#include "schema/DdlWriter.h"
#include "schema/SchemaDiff.h"
#include "schema/SnapshotJson.h"
#include "schema/SpellingTransfer.h"

#include <QFile>

namespace strata {

std::optional<Drift::Expected> Drift::expected(const MigrationFolder &folder, const Plan &plan, QString *error)
{
    const QList<int> applied = plan.appliedNewestFirst();
    if (applied.isEmpty())
        return Expected{};
    const Migration &migration = folder.migrations().at(applied.first());
    QFile file(folder.filePath(migration.snapshotFile));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read %1: %2").arg(migration.snapshotFile, file.errorString());
        return std::nullopt;
    }
    SnapshotError snapshotError;
    const std::optional<Snapshot> snapshot = SnapshotJson::read(file.readAll(), migration.snapshotFile, &snapshotError);
    if (!snapshot) {
        *error = snapshotError.toString();
        return std::nullopt;
    }
    return Expected{snapshot->schema, migration.tag};
}

QStringList Drift::sql(const Schema &expected, Schema live)
{
    SpellingTransfer::adopt(live, expected);
    return DdlWriter::write(SchemaDiff::compare(expected, live));
}

} // namespace strata
