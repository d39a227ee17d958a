#pragma once

#include "migrations/MigrationFolder.h"
#include "pg/DrizzleProject.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace strata {

// The command line's `--project <folder> | --dir <folder>`, shared by the commands that work
// on a migrations folder: --dir names the folder itself, --project (default: the current
// folder) a drizzle project whose drizzle.config.ts says where its `out` folder is.
class FolderOptions
{
public:
    struct Resolved {
        MigrationFolder folder;
        QString shownPath;  // as the user would type it: relative below the current folder
        std::optional<DrizzleProject> project;  // unless --dir was given
    };

    FolderOptions(const QString &projectHelp, const QString &dirHelp);
    void addTo(QCommandLineParser &parser) const;
    bool dirGiven(const QCommandLineParser &parser) const { return parser.isSet(m_dir); }
    // Nothing, and *error (a usage error), for both options at once or a project that cannot
    // be read.
    std::optional<Resolved> resolve(const QCommandLineParser &parser, QString *error) const;

private:
    QCommandLineOption m_project;
    QCommandLineOption m_dir;
};

} // namespace strata
