#pragma once

#include "lint/Hazard.h"
#include "lint/HazardLint.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace strata {

class MigrationFolder;

// HazardLint over every migration of a drizzle folder, each on its own (one transaction
// each, as drizzle applies a single pending migration), for `strata lint` and `strata check`.
class FolderLint
{
public:
    struct FileHazards {
        QString file;  // the migration's SQL file, relative to the folder
        QList<Hazard> hazards;
    };

    static QList<FileHazards> lint(const MigrationFolder &folder, const LintOptions &options = LintOptions());
    // One finding as JSON: file, rule, severity, statement, line, column, message,
    // alternative and object when known.
    static QJsonObject toJson(const QString &file, const Hazard &hazard);
};

} // namespace strata
