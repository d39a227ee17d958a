#pragma once

#include "migrations/SnapshotLink.h"
#include "text/StatementSplitter.h"

#include <QByteArray>
#include <QString>

namespace strata {

// One migration of a folder, as drizzle's migrator sees it, plus where its snapshot is.
struct Migration {
    QString tag;           // "0003_tiny_tony_stark"; in the 1.0 layout the folder name
    int idx = -1;          // the journal idx (0.x); the position in name order (1.0)
    qint64 when = 0;       // ms since the epoch, drizzle's created_at: the journal `when` (0.x)
                           // or the folder name's timestamp (1.0)
    bool breakpoints = true;
    int journalLine = 0;   // where its entry is in meta/_journal.json; 0 in the 1.0 layout

    QString sqlFile;       // relative to the folder: "0003_x.sql" or "<folder>/migration.sql"
    bool hasSql = false;   // the file is there and was read
    QByteArray bytes;      // the file as on disk
    QString text;          // as drizzle reads it: invalid UTF-8 replaced by U+FFFD, BOM kept
    QByteArray hash;       // lower-case hex SHA-256 of `text` in UTF-8: drizzle's `hash`
    SqlScript script;      // drizzle's pieces and libpg_query's statements, with positions

    QString snapshotFile;  // relative: "meta/0003_snapshot.json" or "<folder>/snapshot.json"
    // Strata's down SQL for this migration, a file drizzle never reads: "0003_x.down.sql"
    // beside the migration (0.x) or "<folder>/down.sql" (1.0).
    QString downFile;
    bool hasDown = false;  // downFile is there
    SnapshotLink snapshot; // snapshot.exists is false when the file is not there
};

} // namespace strata
