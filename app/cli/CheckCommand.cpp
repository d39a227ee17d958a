#include "CheckCommand.h"

#include "FolderOptions.h"
#include "Tr.h"
#include "lint/FolderLint.h"
#include "migrations/MigrationFolder.h"
#include "pg/DrizzleProject.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace strata {

namespace {

QJsonObject toJson(const MigrationFolder &folder)
{
    QJsonArray migrations;
    for (const Migration &m : folder.migrations()) {
        QJsonObject object{
            {QStringLiteral("tag"), m.tag},
            {QStringLiteral("idx"), m.idx},
            {QStringLiteral("when"), double(m.when)},
            {QStringLiteral("sqlFile"), m.sqlFile},
            {QStringLiteral("hash"), QString::fromLatin1(m.hash)},
            {QStringLiteral("pieces"), int(m.hasSql ? m.script.pieces.size() : 0)},
            {QStringLiteral("statements"), m.script.statementCount()},
            {QStringLiteral("snapshotFile"), m.snapshotFile},
        };
        if (m.snapshot.isReadable()) {
            object.insert(QStringLiteral("snapshotId"), m.snapshot.id);
            object.insert(QStringLiteral("prevIds"), QJsonArray::fromStringList(m.snapshot.prevIds));
        }
        migrations.append(object);
    }
    QJsonArray problems;
    for (const MigrationProblem &p : folder.problems()) {
        QJsonObject object{
            {QStringLiteral("severity"), MigrationProblem::severityId(p.severity)},
            {QStringLiteral("kind"), MigrationProblem::kindId(p.kind)},
            {QStringLiteral("file"), p.file},
            {QStringLiteral("location"), p.location(folder.path())},
            {QStringLiteral("message"), p.message},
        };
        if (p.line > 0)
            object.insert(QStringLiteral("line"), p.line);
        if (p.column > 0)
            object.insert(QStringLiteral("column"), p.column);
        if (!p.tag.isEmpty())
            object.insert(QStringLiteral("tag"), p.tag);
        problems.append(object);
    }
    return QJsonObject{
        {QStringLiteral("folder"), folder.path()},
        {QStringLiteral("absolutePath"), folder.absolutePath()},
        {QStringLiteral("layout"), MigrationFolder::layoutName(folder.layout())},
        {QStringLiteral("prefix"), MigrationNames::prefixModeName(folder.prefixMode())},
        {QStringLiteral("migrations"), migrations},
        {QStringLiteral("problems"), problems},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("migrations"), int(folder.migrations().size())},
                     {QStringLiteral("errors"), folder.count(MigrationProblem::Severity::Error)},
                     {QStringLiteral("warnings"), folder.count(MigrationProblem::Severity::Warning)},
                     {QStringLiteral("notes"), folder.count(MigrationProblem::Severity::Note)}}},
    };
}

} // namespace

int CheckCommand::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Check a drizzle migrations folder: journal, files, hashes, snapshot chain and SQL syntax."));
    const QCommandLineOption help = parser.addHelpOption();
    const FolderOptions folders(Tr::tr("Check the migrations folder of this drizzle project (default: the current folder)."),
                                Tr::tr("Check this migrations folder."));
    folders.addTo(parser);
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print the result as a JSON document."));
    parser.addOption(json);

    // parse(), not process(): process() exits with 1 on a bad option, and 1 means "problems found".
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl << Tr::tr("Try 'strata check --help'.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << Tr::tr("strata check: unexpected argument %1").arg(parser.positionalArguments().first()) << Qt::endl;
        return 2;
    }
    QString why;
    const std::optional<FolderOptions::Resolved> resolved = folders.resolve(parser, &why);
    if (!resolved) {
        err << Tr::tr("strata check: %1").arg(why) << Qt::endl;
        return 2;
    }
    const MigrationFolder &folder = resolved->folder;
    const QString &shownPath = resolved->shownPath;
    if (folder.layout() == MigrationFolder::Layout::Missing) {
        err << Tr::tr("strata check: %1: there is no such folder").arg(shownPath) << Qt::endl;
        return 2;
    }

    const int errors = folder.count(MigrationProblem::Severity::Error);
    const int warnings = folder.count(MigrationProblem::Severity::Warning);
    // The SQL's hazards (HazardLint) count against the folder only when one is an error: a
    // dropped column in an old migration is history, a CONCURRENTLY inside a transaction fails.
    // Syntax errors are already among the folder's problems.
    QList<FolderLint::FileHazards> hazards = FolderLint::lint(folder);
    for (FolderLint::FileHazards &file : hazards)
        file.hazards.removeIf([](const Hazard &hazard) { return hazard.ruleId == QLatin1String("syntax-error"); });
    int hazardErrors = 0;
    QJsonArray hazardsJson;
    for (const FolderLint::FileHazards &file : hazards) {
        for (const Hazard &hazard : file.hazards) {
            hazardErrors += hazard.severity == Hazard::Severity::Error;
            hazardsJson.append(FolderLint::toJson(file.file, hazard));
        }
    }
    if (parser.isSet(json)) {
        QJsonObject document = toJson(folder);
        document.insert(QStringLiteral("hazards"), hazardsJson);
        out << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        for (const MigrationProblem &problem : folder.problems())
            out << problem.toString(shownPath) << Qt::endl;
        for (const FolderLint::FileHazards &file : hazards) {
            for (const Hazard &hazard : file.hazards)
                out << hazard.toString(shownPath + QLatin1Char('/') + file.file) << Qt::endl;
        }
        const QString layout = folder.layout() == MigrationFolder::Layout::Folders
                                   ? Tr::tr("drizzle-kit 1.0 layout")
                                   : Tr::tr("drizzle-kit journal layout");
        const int count = int(folder.migrations().size());
        if (folder.layout() == MigrationFolder::Layout::Empty) {
            out << Tr::tr("%1: no migrations yet").arg(shownPath) << Qt::endl;
        } else if (errors + warnings == 0) {
            out << Tr::tr("%1: %n migration(s), %2, no problems", nullptr, count).arg(shownPath, layout) << Qt::endl;
        } else {
            out << Tr::tr("%1: %n migration(s), %2: ", nullptr, count).arg(shownPath, layout)
                << Tr::tr("%n error(s)", nullptr, errors) << QLatin1String(", ") << Tr::tr("%n warning(s)", nullptr, warnings) << Qt::endl;
        }
    }
    return errors + warnings + hazardErrors > 0 ? 1 : 0;
}

} // namespace strata
