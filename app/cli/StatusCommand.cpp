#include "StatusCommand.h"

#include "DatabaseOptions.h"
#include "Tr.h"
#include "migrations/Drift.h"
#include "migrations/Plan.h"
#include "pg/BlockingQuery.h"
#include "pg/Connection.h"
#include "schema/Introspector.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace strata {

namespace {

QString shortHash(const QString &hash)
{
    return hash.left(12);
}

QString when(std::optional<qint64> ms)
{
    if (!ms)
        return Tr::tr("NULL");
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODate);
}

// Why an entry is in its state, for people.
QString explanation(const PlanEntry &entry, const MigrationFolder &folder, const Plan &plan)
{
    switch (entry.state) {
    case PlanEntry::State::Applied:
        return entry.rows.size() > 1 ? Tr::tr("recorded %n times in the ledger", nullptr, int(entry.rows.size())) : QString();
    case PlanEntry::State::Modified:
        return Tr::tr("changed since it was applied: ledger hash %1…, file %2…")
            .arg(shortHash(entry.rows.first().hash), shortHash(QString::fromLatin1(folder.migrations().at(entry.migration).hash)));
    case PlanEntry::State::Pending:
        return {};
    case PlanEntry::State::OutOfOrder:
        return Tr::tr("older than the newest applied migration (%1): drizzle-kit migrate skips it for ever")
            .arg(when(plan.highWaterMark()));
    case PlanEntry::State::Missing:
        return Tr::tr("ledger row %1 (created_at %2, hash %3…) names no migration in the folder")
            .arg(entry.rows.first().id)
            .arg(when(entry.rows.first().createdAt), shortHash(entry.rows.first().hash));
    }
    return {};
}

} // namespace

int StatusCommand::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Show which migrations a database has applied, which are pending, and how it drifted from the last "
               "applied snapshot."));
    const QCommandLineOption help = parser.addHelpOption();
    const DatabaseOptions database;
    database.addTo(parser);
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("Print the status as a JSON document."));
    const QCommandLineOption noDrift(QStringLiteral("no-drift"), Tr::tr("Do not read the database's schema to find drift."));
    parser.addOptions({json, noDrift});
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty()) {
        err << (parser.errorText().isEmpty() ? Tr::tr("strata status takes no arguments") : parser.errorText()) << Qt::endl
            << Tr::tr("Try 'strata status --help'.") << Qt::endl;
        return 2;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return 0;
    }
    const auto usage = [&](const QString &message) {
        err << Tr::tr("strata status: %1").arg(message) << Qt::endl;
        return 2;
    };
    QString error;
    const std::optional<DatabaseOptions::Resolved> target = database.resolve(parser, &error);
    if (!target)
        return usage(error);
    const MigrationFolder &folder = target->folder.folder;
    const QString &shown = target->folder.shownPath;
    if (folder.layout() == MigrationFolder::Layout::Missing)
        return usage(Tr::tr("there is no migrations folder at %1").arg(shown));
    const Ledger &ledger = target->ledger;
    const QString databaseName = target->spec.isEmpty() ? target->specSource : target->spec.displayName();

    Connection connection(target->spec);
    PgError pgError;
    // `what` has %1 for the database and %2 for the error.
    const auto cannot = [&](const QString &what) {
        err << QStringLiteral("strata status: ") << what.arg(databaseName, pgError.toString()) << Qt::endl;
        return pgError.kind == PgError::Kind::ConnectFailed || pgError.kind == PgError::Kind::ConnectionLost ? 3 : 1;
    };
    const std::optional<QueryResult> columns = BlockingQuery::run(connection, ledger.shapeQuery(), &pgError);
    if (!columns)
        return cannot(Tr::tr("cannot read the ledger of %1: %2"));
    const Ledger::Shape shape = Ledger::shapeFrom(*columns);
    QList<LedgerRow> rows;
    if (shape.exists) {
        const std::optional<QueryResult> read = BlockingQuery::run(connection, ledger.readQuery(shape), &pgError);
        if (!read)
            return cannot(Tr::tr("cannot read the ledger of %1: %2"));
        rows = Ledger::rowsFrom(*read, shape);
    }
    const Plan plan = Plan::of(folder, rows);

    QStringList warnings;
    for (const MigrationProblem &problem : folder.problems()) {
        if (problem.severity != MigrationProblem::Severity::Note)
            warnings << problem.toString(shown);
    }
    if (plan.hasNullCreatedAt())
        warnings << Tr::tr("the ledger has a row whose created_at is NULL: drizzle-kit migrate would take every migration "
                           "for pending");

    std::optional<Drift::Expected> expected;
    QStringList drift;
    QString driftError;
    if (!parser.isSet(noDrift)) {
        expected = Drift::expected(folder, plan, &driftError);
        if (expected) {
            IntrospectOptions options;
            options.drizzleMigrationsTable = ledger.table();
            const std::optional<Schema> live = Introspector::introspectAndWait(connection, options, &pgError);
            if (!live)
                return cannot(Tr::tr("cannot read the schema of %1: %2"));
            drift = Drift::sql(expected->schema, *live);
        }
    }

    if (parser.isSet(json)) {
        QJsonArray entries;
        for (const PlanEntry &entry : plan.entries()) {
            QJsonObject item{{QStringLiteral("state"), PlanEntry::stateId(entry.state)}};
            if (entry.migration >= 0) {
                const Migration &migration = folder.migrations().at(entry.migration);
                item.insert(QStringLiteral("tag"), migration.tag);
                item.insert(QStringLiteral("when"), double(migration.when));
                item.insert(QStringLiteral("hash"), QString::fromLatin1(migration.hash));
            }
            QJsonArray ledgerRows;
            for (const LedgerRow &row : entry.rows) {
                ledgerRows.append(QJsonObject{{QStringLiteral("id"), double(row.id)},
                                              {QStringLiteral("hash"), row.hash},
                                              {QStringLiteral("createdAt"),
                                               row.createdAt ? QJsonValue(double(*row.createdAt)) : QJsonValue()}});
            }
            item.insert(QStringLiteral("ledgerRows"), ledgerRows);
            entries.append(item);
        }
        QJsonObject counts;
        for (const PlanEntry::State state : {PlanEntry::State::Applied, PlanEntry::State::Modified, PlanEntry::State::Pending,
                                             PlanEntry::State::OutOfOrder, PlanEntry::State::Missing})
            counts.insert(PlanEntry::stateId(state), plan.count(state));
        QJsonObject document{{QStringLiteral("database"), databaseName},
                             {QStringLiteral("folder"), shown},
                             {QStringLiteral("layout"), MigrationFolder::layoutName(folder.layout())},
                             {QStringLiteral("ledger"), QJsonObject{{QStringLiteral("table"), ledger.qualifiedName()},
                                                                    {QStringLiteral("exists"), shape.exists},
                                                                    {QStringLiteral("rows"), int(rows.size())}}},
                             {QStringLiteral("migrations"), entries},
                             {QStringLiteral("counts"), counts},
                             {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
        if (expected) {
            document.insert(QStringLiteral("drift"),
                            QJsonObject{{QStringLiteral("against"), expected->tag.isEmpty() ? QJsonValue() : QJsonValue(expected->tag)},
                                        {QStringLiteral("statements"), QJsonArray::fromStringList(drift)}});
        } else if (!driftError.isEmpty()) {
            document.insert(QStringLiteral("drift"), QJsonObject{{QStringLiteral("error"), driftError}});
        }
        out << QJsonDocument(document).toJson(QJsonDocument::Indented);
        return 0;
    }

    out << Tr::tr("Database: %1 (%2)").arg(databaseName, target->specSource) << Qt::endl;
    out << Tr::tr("Folder:   %1 (%2 layout)").arg(shown, MigrationFolder::layoutName(folder.layout())) << Qt::endl;
    out << Tr::tr("Ledger:   %1").arg(ledger.qualifiedName()) << QStringLiteral(" ")
        << (shape.exists ? Tr::tr("(%n row(s))", nullptr, int(rows.size())) : Tr::tr("(not created yet)")) << Qt::endl
        << Qt::endl;
    for (const PlanEntry &entry : plan.entries()) {
        const QString tag = entry.migration >= 0 ? folder.migrations().at(entry.migration).tag : QStringLiteral("-");
        QString line = QStringLiteral("  %1 %2").arg(PlanEntry::stateText(entry.state).leftJustified(13), tag);
        const QString why = explanation(entry, folder, plan);
        if (!why.isEmpty())
            line += QStringLiteral("  ") + why;
        out << line << Qt::endl;
    }
    if (plan.entries().isEmpty())
        out << QStringLiteral("  ") << Tr::tr("(no migrations)") << Qt::endl;
    out << Qt::endl
        << Tr::tr("%1 applied, %2 modified, %3 pending, %4 out of order, %5 missing")
               .arg(plan.count(PlanEntry::State::Applied))
               .arg(plan.count(PlanEntry::State::Modified))
               .arg(plan.count(PlanEntry::State::Pending))
               .arg(plan.count(PlanEntry::State::OutOfOrder))
               .arg(plan.count(PlanEntry::State::Missing))
        << Qt::endl;
    for (const QString &warning : std::as_const(warnings))
        out << warning << Qt::endl;
    if (!driftError.isEmpty()) {
        out << Tr::tr("Drift: not checked: %1").arg(driftError) << Qt::endl;
    } else if (expected) {
        const QString against = expected->tag.isEmpty() ? Tr::tr("an empty schema (nothing is applied)")
                                                        : Tr::tr("%1's snapshot").arg(expected->tag);
        if (drift.isEmpty()) {
            out << Tr::tr("Drift: none; the database matches %1.").arg(against) << Qt::endl;
        } else {
            out << Tr::tr("Drift: the database differs from %1; this SQL would turn the snapshot into the database:")
                       .arg(against)
                << Qt::endl;
            for (const QString &statement : std::as_const(drift))
                out << QStringLiteral("  ") << statement.trimmed().replace(QLatin1Char('\n'), QStringLiteral("\n  ")) << Qt::endl;
        }
    }
    return 0;
}

} // namespace strata
