#pragma once

#include <QList>
#include <QString>

namespace strata {

// One thing wrong (or worth knowing) about a migrations folder, with where it is.
struct MigrationProblem {
    enum class Severity {
        Error,    // drizzle (or Strata) cannot apply or extend the folder as it is
        Warning,  // it can, but something will go wrong or differ from what the author meant
        Note,     // unusual but harmless; not a problem for `strata check`'s exit code
    };
    enum class Kind {
        FolderMissing,
        JournalMissing,       // .sql files but no meta/_journal.json
        JournalMalformed,     // not JSON, or not the journal's shape
        JournalHeader,        // a version or dialect Strata does not know (or a legacy one)
        JournalEntryInvalid,  // an entry without a tag, a numeric when, …
        FileMissing,          // a journal entry whose .sql file is not there
        FileUnreadable,
        FileNotInJournal,     // a .sql file no journal entry names: never applied
        DuplicateIdx,
        DuplicateTag,
        WhenNotIncreasing,    // drizzle skips the later entry once the earlier is applied
        SnapshotMissing,
        SnapshotMalformed,
        SnapshotChainBroken,  // prevId is not the previous snapshot's id
        SnapshotParentShared, // two snapshots with the same prevId
        SnapshotOrphan,       // a snapshot file no migration owns
        InvalidUtf8,
        CrlfLineEndings,
        ByteOrderMark,
        SqlSyntax,            // libpg_query cannot parse a piece
        MixedLayout,          // both a journal and 1.0 per-migration folders
        FolderNameInvalid,    // a 1.0 folder whose name does not start with YYYYMMDDHHMMSS
        FolderWithoutSql,     // a 1.0 folder with a snapshot but no migration.sql
    };

    Severity severity = Severity::Error;
    Kind kind = Kind::FolderMissing;
    QString file;    // relative to the migrations folder, with '/' ("meta/_journal.json"); may be empty
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based, in characters; 0 when unknown
    QString tag;     // the migration concerned; empty when none
    QString message;

    // "<folder>/<file>:<line>:<column>" with the parts that are known; `folder` as the user wrote it.
    QString location(const QString &folder = QString()) const;
    // One line, compiler style: "<location>: <severity>: <message>".
    QString toString(const QString &folder = QString()) const;

    static QString severityText(Severity severity);  // translated: "error", "warning", "note"
    static QString severityId(Severity severity);    // stable, for JSON: "error", "warning", "note"
    static QString kindId(Kind kind);                // stable, for JSON: "file-missing", …

    friend bool operator==(const MigrationProblem &, const MigrationProblem &) = default;
};

} // namespace strata
