#include "FolderLint.h"

#include "lint/HazardLint.h"
#include "migrations/MigrationFolder.h"

namespace strata {

QList<FolderLint::FileHazards> FolderLint::lint(const MigrationFolder &folder, const LintOptions &options)
{
    QList<FileHazards> files;
    for (const Migration &migration : folder.migrations()) {
        if (migration.hasSql)
            files.append({migration.sqlFile, HazardLint::lint(migration.script, options)});
    }
    return files;
}

QJsonObject FolderLint::toJson(const QString &file, const Hazard &hazard)
{
    QJsonObject object{
        {QStringLiteral("file"), file},
        {QStringLiteral("rule"), hazard.ruleId},
        {QStringLiteral("severity"), Hazard::severityId(hazard.severity)},
        {QStringLiteral("statement"), hazard.statementIndex},
        {QStringLiteral("line"), hazard.line()},
        {QStringLiteral("column"), hazard.column()},
        {QStringLiteral("message"), hazard.message},
    };
    if (!hazard.alternative.isEmpty())
        object.insert(QStringLiteral("alternative"), hazard.alternative);
    if (!hazard.object.isEmpty())
        object.insert(QStringLiteral("object"), hazard.object);
    return object;
}

} // namespace strata
