#pragma once

#include "migrations/Journal.h"
#include "migrations/Migration.h"
#include "migrations/MigrationNames.h"
#include "migrations/MigrationProblem.h"
#include "schema/SnapshotJson.h"

#include <QList>
#include <QString>

#include <optional>

namespace strata {

class DrizzleProject;

// A drizzle migrations folder read from disk: its layout, every migration (SQL split into
// statements, hash, snapshot link) in the order drizzle applies them, and every problem found.
class MigrationFolder
{
public:
    enum class Layout {
        Missing,  // no such folder
        Empty,    // a folder with no migrations yet
        Journal,  // drizzle-kit 0.x: NNNN_tag.sql, meta/_journal.json, meta/NNNN_snapshot.json
        Folders,  // drizzle-kit 1.0 beta: YYYYMMDDHHMMSS_name/migration.sql + snapshot.json
    };

    MigrationFolder() = default;

    // `path` as the user wrote it; problems keep it for their locations.
    static MigrationFolder read(const QString &path);
    // The project's `out` folder ("drizzle" by default); its `migrations.prefix` becomes the
    // prefix mode for new migrations.
    static MigrationFolder read(const DrizzleProject &project);

    QString path() const { return m_path; }                   // as given
    QString absolutePath() const { return m_absolutePath; }
    QString filePath(const QString &relative) const;          // absolute
    // The snapshot file at `relative` read and checked; nothing, and *error (naming the file,
    // with line and column where the JSON is wrong), when it cannot be.
    std::optional<Snapshot> readSnapshot(const QString &relative, QString *error) const;
    Layout layout() const { return m_layout; }
    static QString layoutName(Layout layout);                 // "missing", "empty", "journal", "folders"

    // What new tags use: the project's setting, else what the tags agree on, else Index.
    MigrationNames::PrefixMode prefixMode() const;
    std::optional<MigrationNames::PrefixMode> configuredPrefixMode() const { return m_configuredPrefix; }
    std::optional<MigrationNames::PrefixMode> detectedPrefixMode() const { return m_detectedPrefix; }

    const Journal &journal() const { return m_journal; }  // empty in the 1.0 layout
    const QList<Migration> &migrations() const { return m_migrations; }
    const Migration *migration(const QString &tag) const;

    // All problems, in the order found: folder and journal, then per migration, then across.
    const QList<MigrationProblem> &problems() const { return m_problems; }
    int count(MigrationProblem::Severity severity) const;
    bool hasErrors() const { return count(MigrationProblem::Severity::Error) > 0; }

private:
    void readJournalLayout();
    void readFoldersLayout(const QStringList &folders);
    void readSql(Migration &migration);
    void checkSnapshots();
    void report(MigrationProblem::Severity severity, MigrationProblem::Kind kind, const QString &file,
                int line, int column, const QString &message, const QString &tag = QString());

    QString m_path;
    QString m_absolutePath;
    Layout m_layout = Layout::Missing;
    std::optional<MigrationNames::PrefixMode> m_configuredPrefix;
    std::optional<MigrationNames::PrefixMode> m_detectedPrefix;
    Journal m_journal;
    QList<Migration> m_migrations;
    QList<MigrationProblem> m_problems;
};

} // namespace strata
