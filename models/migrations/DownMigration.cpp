#include "DownMigration.h"

#include "MigrationFolder.h"
#include "Tr.h"
#include "lint/SqlRenames.h"
#include "schema/DdlWriter.h"
#include "schema/DiffGroups.h"
#include "schema/SnapshotJson.h"

#include <QFile>
#include <QHash>

#include <algorithm>

namespace strata {

namespace {

// The renames of several migrations in a row as one set: a name renamed twice (a to b, then
// b to c) is one rename from a to c.
void compose(QList<RenameDecisions::Rename> &into, const QList<RenameDecisions::Rename> &later)
{
    for (const RenameDecisions::Rename &rename : later) {
        auto chained = std::find_if(into.begin(), into.end(),
                                    [&](const RenameDecisions::Rename &earlier) { return earlier.to == rename.from; });
        if (chained != into.end())
            chained->to = rename.to;
        else
            into.append(rename);
    }
}

RenameDecisions renamesOf(const QList<Migration> &migrations, int first, int last)
{
    RenameDecisions all;
    for (int i = first; i <= last; ++i) {
        const RenameDecisions one = SqlRenames::fromSql(migrations.at(i).text);
        compose(all.schemas, one.schemas);
        compose(all.tables, one.tables);
        compose(all.columns, one.columns);
        compose(all.enums, one.enums);
        compose(all.sequences, one.sequences);
        compose(all.views, one.views);
        compose(all.policies, one.policies);
        compose(all.roles, one.roles);
    }
    return all;
}

// drizzle-kit's CREATE TABLE writes a unique constraint on the primary key's columns beside
// the key; PostgreSQL keeps one constraint of the two, the primary key, under the unique
// constraint's name when the key was written on its column (unnamed). A table the way back
// creates again is made as that history made it.
void mergeRepeatedKey(Table &table)
{
    if (!table.primaryKey)
        return;
    const auto repeats = [&](const UniqueConstraint &unique) {
        return unique.columns == table.primaryKey->columns && !unique.nullsNotDistinct && !unique.deferrable;
    };
    const auto found = std::find_if(table.uniqueConstraints.begin(), table.uniqueConstraints.end(), repeats);
    if (found == table.uniqueConstraints.end())
        return;
    if (TableDiff::isColumnKey(table))
        table.primaryKey->name = found->name;
    table.uniqueConstraints.erase(found);
}

// A table the way back creates again is made the way the history made it: a repeated key
// merged (mergeRepeatedKey), and its columns in the order a database that ran the history has
// them: in order of first appearance along the snapshot chain (ADD COLUMN appends), not in
// the snapshot's declaration order. `target` is the snapshot of migration
// `targetIndex`; the walk back stops where the table, or a readable snapshot, ends.
void asTheHistoryMadeThem(Schema &target, const Schema &current, const MigrationFolder &folder, int targetIndex)
{
    QHash<int, std::optional<Schema>> read;
    const auto schemaAt = [&](int index) -> const std::optional<Schema> & {
        auto it = read.find(index);
        if (it == read.end()) {
            const Migration &migration = folder.migrations().at(index);
            QString ignored;
            std::optional<Snapshot> snapshot =
                migration.snapshot.exists ? folder.readSnapshot(migration.snapshotFile, &ignored) : std::nullopt;
            it = read.insert(index, snapshot ? std::optional<Schema>(snapshot->schema) : std::nullopt);
        }
        return *it;
    };
    for (Table &table : target.tables) {
        const auto same = [&](const Table &other) { return other.schema == table.schema && other.name == table.name; };
        if (std::any_of(current.tables.cbegin(), current.tables.cend(), same))
            continue;
        mergeRepeatedKey(table);
        // history.first() is the oldest snapshot of the unbroken run that ends at the target.
        QList<QStringList> history;
        QStringList names;
        for (const Column &column : std::as_const(table.columns))
            names.append(column.name);
        history.prepend(names);
        for (int i = targetIndex - 1; i >= 0; --i) {
            const std::optional<Schema> &earlier = schemaAt(i);
            if (!earlier)
                break;
            const auto found = std::find_if(earlier->tables.cbegin(), earlier->tables.cend(), same);
            if (found == earlier->tables.cend())
                break;
            QStringList columns;
            for (const Column &column : found->columns)
                columns.append(column.name);
            history.prepend(columns);
        }
        const auto key = [&](const Column &column) {
            qsizetype first = history.size() - 1;
            while (first > 0 && history.at(first - 1).contains(column.name))
                --first;
            return std::pair(first, history.at(first).indexOf(column.name));
        };
        std::stable_sort(table.columns.begin(), table.columns.end(),
                         [&](const Column &a, const Column &b) { return key(a) < key(b); });
    }
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
    if (!migration.hasDown)
        return span(folder, index, index, error);
    QFile in(folder.filePath(migration.downFile));
    if (!in.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read %1: %2").arg(migration.downFile, in.errorString());
        return std::nullopt;
    }
    DownSql down;
    down.source = DownSql::Source::Stored;
    down.file = migration.downFile;
    down.text = QString::fromUtf8(in.readAll());
    return down;
}

std::optional<DownSql> DownMigration::span(const MigrationFolder &folder, int first, int last, QString *error)
{
    const QList<Migration> &migrations = folder.migrations();
    if (first < 0 || last >= migrations.size() || first > last) {
        *error = Tr::tr("there are no migrations number %1 to %2").arg(first).arg(last);
        return std::nullopt;
    }
    const Migration &migration = migrations.at(last);
    const QString names = first == last ? migration.tag : Tr::tr("%1 … %2").arg(migrations.at(first).tag, migration.tag);
    DownSql down;
    down.source = DownSql::Source::Derived;

    // Migrations that run nothing (drizzle-kit pull's commented-out baseline) changed nothing
    // to undo, whatever their snapshots hold.
    const bool runs = std::any_of(migrations.cbegin() + first, migrations.cbegin() + last + 1,
                                  [](const Migration &m) { return !m.hasSql || m.script.statementCount() > 0; });
    if (!runs) {
        down.file = migration.sqlFile;
        return down;
    }
    const auto refuse = [&](const QString &why) {
        *error = first == last ? Tr::tr("%1 has no down file (%2), and %3").arg(migration.tag, migration.downFile, why)
                               : Tr::tr("%1 have no down files, and %2").arg(names, why);
        return std::nullopt;
    };
    if (!migration.snapshot.exists)
        return refuse(Tr::tr("the snapshot %1 is missing").arg(migration.snapshotFile));
    QString why;
    const std::optional<Snapshot> after = folder.readSnapshot(migration.snapshotFile, &why);
    if (!after)
        return refuse(Tr::tr("the snapshot %1 cannot be read: %2").arg(migration.snapshotFile, why));
    Snapshot before;
    if (first > 0) {
        const Migration &previous = migrations.at(first - 1);
        if (!previous.snapshot.exists)
            return refuse(Tr::tr("the snapshot before it, %1, is missing").arg(previous.snapshotFile));
        const std::optional<Snapshot> read = folder.readSnapshot(previous.snapshotFile, &why);
        if (!read)
            return refuse(Tr::tr("the snapshot before it cannot be read: %1").arg(why));
        before = *read;
        down.previousFile = previous.snapshotFile;
    } else {
        before.id = SnapshotJson::originId();
    }

    // Each snapshot of the span must follow the one before it, where both are there; a break
    // means the schema before is not what the earlier snapshot says (a merged branch).
    QString previousId = before.id;
    QString previousFile = down.previousFile;
    for (int i = first; i <= last; ++i) {
        const Migration &step = migrations.at(i);
        if (!step.snapshot.exists) {
            previousId.clear();
            continue;
        }
        const std::optional<Snapshot> read = i == last ? after : folder.readSnapshot(step.snapshotFile, &why);
        if (!read)
            return refuse(Tr::tr("the snapshot %1 cannot be read: %2").arg(step.snapshotFile, why));
        // Pulled snapshots have prevId "": they start a chain of their own.
        const bool origin = i == 0 && read->prevIds.value(0).isEmpty();
        if (!previousId.isEmpty() && !read->prevIds.contains(previousId) && !origin) {
            return refuse(Tr::tr("the snapshot %1 does not follow the one before it (prevId %2, previous id %3), so "
                                 "the schema before it is not known")
                              .arg(step.snapshotFile, read->prevIds.join(QLatin1Char(',')), previousId));
        }
        previousId = read->id;
        previousFile = step.snapshotFile;
    }

    asTheHistoryMadeThem(before.schema, after->schema, folder, first - 1);
    const QStringList statements = DdlWriter::down(before.schema, after->schema, renamesOf(migrations, first, last));
    if (statements.isEmpty()) {
        return refuse(first == last
                          ? Tr::tr("its snapshot describes the same schema as the one before it: its SQL changes "
                                   "something the snapshots do not record (data, or custom SQL), which only its "
                                   "author can undo")
                          : Tr::tr("their snapshots describe the same schema before and after: their SQL changes "
                                   "something the snapshots do not record (data, or custom SQL), which only its "
                                   "author can undo"));
    }
    down.file = migration.snapshotFile;
    down.text = DdlWriter::join(statements);
    return down;
}

} // namespace strata
