#include "LintCommand.h"

#include "Tr.h"
#include "lint/FolderLint.h"
#include "lint/HazardLint.h"
#include "lint/TableStatsReader.h"
#include "migrations/MigrationFolder.h"
#include "migrations/NodeUtf8.h"
#include "pg/Connection.h"
#include "pg/ConnectionSpec.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace strata {

using FileFindings = FolderLint::FileHazards;

int LintCommand::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Find what is dangerous in migration SQL: data loss, locks, table rewrites, statements "
               "that cannot run in a transaction."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print the findings as a JSON document."));
    const QCommandLineOption url(QStringLiteral("url"),
                                 Tr::tr("Judge by the table sizes of this database (its statistics: reltuples), as "
                                        "the migrations would meet it."),
                                 Tr::tr("conninfo"));
    parser.addOptions({json, url});
    parser.addPositionalArgument(QStringLiteral("path"), Tr::tr("A .sql file or a drizzle migrations folder."));
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl << Tr::tr("Try 'strata lint --help'.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != 1) {
        err << Tr::tr("strata lint: give one .sql file or migrations folder") << Qt::endl;
        return 2;
    }

    LintOptions options;
    if (parser.isSet(url)) {
        SpecError specError;
        const ConnectionSpec spec = ConnectionSpec::parse(parser.value(url), &specError);
        if (!specError.isNull()) {
            err << Tr::tr("strata lint: %1").arg(specError.toString()) << Qt::endl;
            return 2;
        }
        Connection connection(spec);
        PgError error;
        const std::optional<TableStats> stats = TableStatsReader::readAndWait(connection, &error);
        if (!stats) {
            err << Tr::tr("strata lint: could not read the table sizes of %1: %2").arg(spec.displayName(), error.toString())
                << Qt::endl;
            return 3;
        }
        options.stats = *stats;
        options.serverVersion = connection.serverInfo().versionNumber;
    }

    const QString path = parser.positionalArguments().first();
    QList<FileFindings> files;
    if (QFileInfo(path).isDir()) {
        const MigrationFolder folder = MigrationFolder::read(path);
        if (folder.migrations().isEmpty()) {
            err << Tr::tr("strata lint: %1 holds no drizzle migrations").arg(path) << Qt::endl;
            return 2;
        }
        files = FolderLint::lint(folder, options);
        for (FileFindings &file : files)
            file.file = path + QLatin1Char('/') + file.file;
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err << Tr::tr("strata lint: cannot read %1: %2").arg(path, file.errorString()) << Qt::endl;
            return 2;
        }
        files.append({path, HazardLint::lint(NodeUtf8::decode(file.readAll()).text, options)});
    }

    int errors = 0;
    int warnings = 0;
    int infos = 0;
    QJsonArray findings;
    for (const FileFindings &file : std::as_const(files)) {
        for (const Hazard &hazard : file.hazards) {
            errors += hazard.severity == Hazard::Severity::Error;
            warnings += hazard.severity == Hazard::Severity::Warning;
            infos += hazard.severity == Hazard::Severity::Info;
            if (parser.isSet(json)) {
                findings.append(FolderLint::toJson(file.file, hazard));
                continue;
            }
            out << hazard.toString(file.file) << Qt::endl;
            if (!hazard.alternative.isEmpty())
                out << QLatin1String("    ") << hazard.alternative << Qt::endl;
        }
    }
    if (parser.isSet(json)) {
        const QJsonObject summary{{QStringLiteral("files"), int(files.size())},
                                  {QStringLiteral("errors"), errors},
                                  {QStringLiteral("warnings"), warnings},
                                  {QStringLiteral("infos"), infos}};
        out << QJsonDocument(QJsonObject{{QStringLiteral("findings"), findings},
                                         {QStringLiteral("summary"), summary}})
                   .toJson(QJsonDocument::Indented);
    } else {
        out << Tr::tr("%n file(s): ", nullptr, int(files.size())) << Tr::tr("%n error(s)", nullptr, errors)
            << QLatin1String(", ") << Tr::tr("%n warning(s)", nullptr, warnings) << QLatin1String(", ")
            << Tr::tr("%n info(s)", nullptr, infos) << Qt::endl;
    }
    return errors > 0 ? 1 : 0;
}

} // namespace strata
