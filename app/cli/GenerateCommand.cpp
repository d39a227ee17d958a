#include "GenerateCommand.h"

#include "FolderOptions.h"
#include "RenameArguments.h"
#include "Tr.h"
#include "lint/HazardLint.h"
#include "migrations/MigrationFolder.h"
#include "migrations/MigrationWriter.h"
#include "pg/Connection.h"
#include "pg/DrizzleProject.h"
#include "schema/ChangeSummary.h"
#include "schema/DdlWriter.h"
#include "schema/Introspector.h"
#include "schema/SchemaDiff.h"
#include "schema/SnapshotJson.h"
#include "schema/SpellingTransfer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QTextStream>

namespace strata {

namespace {

// drizzle-kit generate's words, so that scripts looking for them keep working.
QString noChanges()
{
    return Tr::tr("No schema changes, nothing to migrate");
}

QString header(const QString &source, const QString &after, const ChangeSet &changes)
{
    QString text = Tr::tr("-- Written by Strata %1 (strata generate) from %2, after %3. It:")
                       .arg(QStringLiteral(STRATA_VERSION), source, after)
                   + QLatin1Char('\n');
    for (const QString &line : ChangeSummary::commentLines(changes))
        text += line + QLatin1Char('\n');
    return text;
}

} // namespace

int GenerateCommand::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Save the change from a migrations folder's latest snapshot to a live (development) database as "
               "the folder's next migration: SQL, snapshot, journal entry and down SQL."));
    const QCommandLineOption help = parser.addHelpOption();
    const FolderOptions folders(Tr::tr("The drizzle project whose migrations folder gets the migration "
                                       "(default: the current folder)."),
                                Tr::tr("The migrations folder to add to."));
    folders.addTo(parser);
    const QCommandLineOption fromDb(QStringLiteral("from-db"),
                                    Tr::tr("The database whose schema the migration leads to (default: the "
                                           "project's database URL)."),
                                    Tr::tr("url"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  Tr::tr("The migration's name after its number (default: a random one, as "
                                         "drizzle-kit makes)."),
                                  Tr::tr("name"));
    const QCommandLineOption rename(QStringLiteral("rename"),
                                    Tr::tr("Something renamed, not dropped and created: kind:old=new (kinds: schema, "
                                           "table, column, enum, sequence, view, policy, role). May be repeated."),
                                    Tr::tr("kind:old=new"));
    const QCommandLineOption schemas(QStringLiteral("schema"),
                                     Tr::tr("Only these schemas of the database, separated by commas (default: all "
                                            "but system schemas and drizzle's bookkeeping table)."),
                                     Tr::tr("names"));
    parser.addOptions({fromDb, name, rename, schemas});
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl << Tr::tr("Try 'strata generate --help'.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return 0;
    }
    const auto usage = [&](const QString &message) {
        err << Tr::tr("strata generate: %1").arg(message) << Qt::endl;
        return 2;
    };
    if (!parser.positionalArguments().isEmpty())
        return usage(Tr::tr("unexpected argument %1").arg(parser.positionalArguments().first()));
    RenameDecisions renames;
    for (const QString &value : parser.values(rename)) {
        QString error;
        if (!RenameArguments::add(value, &renames, &error))
            return usage(error);
    }

    // Where the migration goes, and which database it comes from.
    QString why;
    const std::optional<FolderOptions::Resolved> resolved = folders.resolve(parser, &why);
    if (!resolved)
        return usage(why);
    const MigrationFolder &folder = resolved->folder;
    const QString &shownFolder = resolved->shownPath;
    IntrospectOptions options;
    bool breakpoints = true;
    ConnectionSpec spec;
    QString specSource;
    if (parser.isSet(fromDb)) {
        SpecError error;
        spec = ConnectionSpec::parse(parser.value(fromDb), &error);
        if (!error.isNull())
            return usage(error.toString());
        specSource = spec.displayName();
    } else if (!resolved->project) {
        return usage(Tr::tr("--dir needs --from-db: which database should the migration lead to?"));
    }
    if (const std::optional<DrizzleProject> &drizzle = resolved->project) {
        breakpoints = drizzle->breakpoints();
        options.drizzleMigrationsTable = drizzle->migrationsTable();
        if (!parser.isSet(fromDb)) {
            SpecError error;
            spec = drizzle->connection(DrizzleProject::Purpose::Browse, &error);
            if (!error.isNull())
                return usage(error.toString());
            if (spec.isEmpty())
                return usage(Tr::tr("the project names no database: give --from-db <url>"));
            specSource = drizzle->connectionSource(DrizzleProject::Purpose::Browse);
        }
    }
    for (const QString &schema : parser.value(schemas).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.schemas.append(schema.trimmed());

    switch (folder.layout()) {
    case MigrationFolder::Layout::Missing:
    case MigrationFolder::Layout::Empty:
    case MigrationFolder::Layout::Journal:
        break;
    case MigrationFolder::Layout::Folders:
        return usage(Tr::tr("%1 is in drizzle-kit 1.0's layout, whose version 8 snapshots Strata reads but "
                            "cannot write yet; use drizzle-kit 1.0's generate there").arg(shownFolder));
    }
    // A folder that is not there yet is fine: the first migration creates it.
    if (folder.layout() != MigrationFolder::Layout::Missing && folder.hasErrors()) {
        for (const MigrationProblem &problem : folder.problems()) {
            if (problem.severity == MigrationProblem::Severity::Error)
                err << problem.toString(shownFolder) << Qt::endl;
        }
        return usage(Tr::tr("%1 has errors (above; 'strata check' shows all): a migration added now would build "
                            "on a history that drizzle cannot apply").arg(shownFolder));
    }

    // The schema the folder ends with: the latest migration's snapshot, or nothing yet.
    Snapshot latest;
    latest.id = SnapshotJson::originId();
    QString latestName = Tr::tr("an empty database");
    if (!folder.migrations().isEmpty()) {
        const Migration &last = folder.migrations().last();
        QFile file(folder.filePath(last.snapshotFile));
        if (!file.open(QIODevice::ReadOnly))
            return usage(Tr::tr("cannot read %1: %2").arg(last.snapshotFile, file.errorString()));
        SnapshotError error;
        const std::optional<Snapshot> read = SnapshotJson::read(file.readAll(), folder.filePath(last.snapshotFile), &error);
        if (!read)
            return usage(error.toString());
        if (read->version != QLatin1String("7")) {
            return usage(Tr::tr("%1 is a version %2 snapshot: drizzle-kit generate refuses it as well; run "
                                "'drizzle-kit up' first").arg(last.snapshotFile, read->version));
        }
        latest = *read;
        latestName = last.tag;
    }

    Connection connection(spec);
    PgError pgError;
    std::optional<Schema> live = Introspector::introspectAndWait(connection, options, &pgError);
    if (!live) {
        const QString shown = specSource.isEmpty() ? Tr::tr("the default database") : specSource;
        err << Tr::tr("strata generate: could not read the schema of %1: %2").arg(shown, pgError.toString()) << Qt::endl;
        return 1;
    }
    // Where the database still means what the snapshot says, keep drizzle's spelling, or every
    // check and default would look changed.
    SpellingTransfer::adopt(*live, latest.schema, renames);

    const ChangeSet changes = SchemaDiff::compare(latest.schema, *live, renames);
    const QStringList up = DdlWriter::write(changes);
    if (up.isEmpty()) {
        out << noChanges() << Qt::endl;
        return 0;
    }
    const ChangeSet back = SchemaDiff::compare(*live, latest.schema, renames.inverted());

    NewMigration migration;
    migration.name = parser.value(name);
    migration.statements = up;
    migration.breakpoints = breakpoints;
    migration.header = header(spec.displayName(), latestName, changes);
    migration.snapshot = SnapshotJson::write(*live, SnapshotJson::newId(), latest.id);
    const QStringList down = DdlWriter::write(back);
    QString downHeader = Tr::tr("-- The way back from this migration, written by Strata %1. drizzle never reads this "
                                "file; 'strata rollback' runs it. It:").arg(QStringLiteral(STRATA_VERSION))
                         + QLatin1Char('\n');
    for (const QString &line : ChangeSummary::commentLines(back))
        downHeader += line + QLatin1Char('\n');
    migration.downSql = downHeader + MigrationWriter::sqlText(down, breakpoints) + QLatin1Char('\n');

    WrittenMigration written;
    QString error;
    if (!MigrationWriter::write(folder, migration, &written, &error)) {
        err << Tr::tr("strata generate: %1").arg(error) << Qt::endl;
        return 1;
    }
    const QString base = shownFolder + QLatin1Char('/');
    out << Tr::tr("%n statement(s) in %1", nullptr, int(up.size())).arg(base + written.sqlFile) << Qt::endl
        << Tr::tr("snapshot %1").arg(base + written.snapshotFile) << Qt::endl
        << Tr::tr("down SQL %1").arg(base + written.downFile) << Qt::endl;
    for (const Hazard &hazard : HazardLint::lint(migration.header + MigrationWriter::sqlText(up, breakpoints)))
        err << hazard.toString(base + written.sqlFile) << Qt::endl;
    return 0;
}

} // namespace strata
