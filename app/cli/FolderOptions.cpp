#include "FolderOptions.h"

#include "Tr.h"

#include <QDir>

namespace strata {

namespace {

QString displayPath(const QString &path)
{
    const QString relative = QDir::current().relativeFilePath(path);
    return relative.startsWith(QLatin1String("..")) ? path : relative;
}

} // namespace

FolderOptions::FolderOptions(const QString &projectHelp, const QString &dirHelp)
    : m_project(QStringLiteral("project"), projectHelp, Tr::tr("folder"))
    , m_dir(QStringLiteral("dir"), dirHelp, Tr::tr("folder"))
{
}

void FolderOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_project, m_dir});
}

std::optional<FolderOptions::Resolved> FolderOptions::resolve(const QCommandLineParser &parser, QString *error) const
{
    if (parser.isSet(m_project) && parser.isSet(m_dir)) {
        *error = Tr::tr("give either --project or --dir, not both");
        return std::nullopt;
    }
    Resolved resolved;
    if (parser.isSet(m_dir)) {
        resolved.folder = MigrationFolder::read(parser.value(m_dir));
        resolved.shownPath = parser.value(m_dir);
        return resolved;
    }
    SpecError specError;
    const DrizzleProject project =
        DrizzleProject::read(parser.isSet(m_project) ? parser.value(m_project) : QStringLiteral("."), &specError);
    if (!specError.isNull()) {
        *error = specError.toString();
        return std::nullopt;
    }
    resolved.folder = MigrationFolder::read(project);
    resolved.shownPath = displayPath(project.outDir());
    resolved.project = project;
    return resolved;
}

} // namespace strata
