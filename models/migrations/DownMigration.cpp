#include "DownMigration.h"

#include "MigrationFolder.h"
#include "Tr.h"
#include "lint/SqlRenames.h"
#include "schema/DdlWriter.h"
#include "schema/SnapshotJson.h"

#include <QFile>

namespace strata {

namespace {

std::optional<Snapshot> readSnapshot(const MigrationFolder &folder, const QString &file, QString *error)
{
    QFile in(folder.filePath(file));
    if (!in.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read %1: %2").arg(file, in.errorString());
        return std::nullopt;
    }
    SnapshotError snapshotError;
    std::optional<Snapshot> snapshot = SnapshotJson::read(in.readAll(), file, &snapshotError);
    if (!snapshot)
        *error = snapshotError.toString();
    return snapshot;
}

} // namespace

std::optional<DownSql> DownMigration::of(const MigrationFolder &folder, int index, QString *error)
{
    const QList<Migration> &migrations = folder.migrations();
    if (index < 0 || index >= migrations.size()) {
        *error = Tr::tr("there is no migration number %1").arg(index);
        return std::nullopt;
    }
    const Migration &migration = migrations.at(index);
    DownSql down;
    if (migration.hasDown) {
        QFile in(folder.filePath(migration.downFile));
        if (!in.open(QIODevice::ReadOnly)) {
            *error = Tr::tr("cannot read %1: %2").arg(migration.downFile, in.errorString());
            return std::nullopt;
        }
        down.source = DownSql::Source::Stored;
        down.file = migration.downFile;
        down.text = QString::fromUtf8(in.readAll());
        return down;
    }

    // A migration that runs nothing (drizzle-kit pull's commented-out baseline) changed
    // nothing to undo, whatever its snapshot holds.
    if (migration.hasSql && migration.script.statementCount() == 0) {
        down.source = DownSql::Source::Derived;
        down.file = migration.sqlFile;
        return down;
    }
    const auto refuse = [&](const QString &why) {
        *error = Tr::tr("%1 has no down file (%2), and %3").arg(migration.tag, migration.downFile, why);
        return std::nullopt;
    };
    if (!migration.snapshot.exists)
        return refuse(Tr::tr("its snapshot %1 is missing").arg(migration.snapshotFile));
    QString why;
    const std::optional<Snapshot> after = readSnapshot(folder, migration.snapshotFile, &why);
    if (!after)
        return refuse(Tr::tr("its snapshot cannot be read: %1").arg(why));
    Snapshot before;
    if (index > 0) {
        const Migration &previous = migrations.at(index - 1);
        if (!previous.snapshot.exists)
            return refuse(Tr::tr("the snapshot before it, %1, is missing").arg(previous.snapshotFile));
        const std::optional<Snapshot> read = readSnapshot(folder, previous.snapshotFile, &why);
        if (!read)
            return refuse(Tr::tr("the snapshot before it cannot be read: %1").arg(why));
        before = *read;
        down.previousFile = previous.snapshotFile;
    } else {
        before.id = SnapshotJson::originId();
    }
    // Pulled snapshots have prevId "": they start a chain of their own.
    if (!after->prevIds.contains(before.id) && !(index == 0 && after->prevIds.value(0).isEmpty())) {
        return refuse(Tr::tr("its snapshot does not follow the one before it (prevId %1, previous id %2), so "
                             "the schema before it is not known")
                          .arg(after->prevIds.join(QLatin1Char(',')), before.id));
    }
    const QStringList statements = DdlWriter::down(before.schema, after->schema, SqlRenames::fromSql(migration.text));
    if (statements.isEmpty() && migration.script.statementCount() > 0) {
        return refuse(Tr::tr("its snapshot describes the same schema as the one before it: its SQL changes "
                             "something the snapshots do not record (data, or custom SQL), which only its "
                             "author can undo"));
    }
    down.source = DownSql::Source::Derived;
    down.file = migration.snapshotFile;
    down.text = DdlWriter::join(statements);
    return down;
}

} // namespace strata
