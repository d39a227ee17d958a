#pragma once

#include "migrations/MigrationNames.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

class MigrationFolder;

// What a new migration consists of; the rest (idx, tag, file names) follows drizzle-kit.
struct NewMigration {
    QString name;            // the tag's suffix (drizzle-kit --name); empty: a random <adjective>_<hero>
    QStringList statements;  // joined with "--> statement-breakpoint\n" ("\n" without breakpoints)
    QByteArray snapshot;     // the snapshot file, written byte for byte as given
    QString header;          // comment lines put before the first statement, each ending in "\n"
    QString downSql;         // written whole as the migration's down file; empty: no down file
    qint64 when = 0;         // ms since the epoch; 0: now, but never before the folder's newest
                             // migration (drizzle's migrator would skip it for good)
    bool breakpoints = true;
    std::optional<MigrationNames::PrefixMode> prefixMode;  // unset: the folder's prefixMode()
};

// What write() did, relative to the migrations folder.
struct WrittenMigration {
    QString tag;
    int idx = -1;
    qint64 when = 0;
    QString sqlFile;
    QString snapshotFile;
    QString downFile;  // empty when no down file was written
};

// Adds a migration to a folder the way drizzle-kit generate does, in the folder's layout,
// but crash-safe: every file goes through a temporary file and a rename, and the file that
// makes the migration exist for drizzle (the journal in 0.x, migration.sql in 1.0) comes last.
class MigrationWriter
{
public:
    // drizzle-kit's join: statements separated by the marker and a newline, nothing after the last.
    static QString sqlText(const QStringList &statements, bool breakpoints);
    // Where a migration's down SQL lives (see Migration::downFile), relative to the folder.
    static QString downFileOf(const QString &tag, bool folderLayout);

    // On failure nothing of the new migration stays (what was written is removed again) and
    // `error` says why. `folder` gives the place, layout and prefix mode; the journal is read
    // again from disk, so that an entry added since `folder` was read is not lost.
    static bool write(const MigrationFolder &folder, const NewMigration &migration,
                      WrittenMigration *written = nullptr, QString *error = nullptr);
};

} // namespace strata
