// strata_bench diff: Strata's schema diff and SQL writing against `drizzle-kit generate` of
// the same change to the same drizzle schema, in the same run.
#include "DiffBench.h"

#include "DrizzleGenerateProject.h"
#include "GeneratedDrizzleSchema.h"
#include "Median.h"
#include "NodeTools.h"
#include "schema/DdlWriter.h"
#include "schema/SchemaDiff.h"
#include "schema/SnapshotJson.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <optional>

namespace strata::bench {

namespace {

constexpr int rounds = 5;
constexpr std::uint64_t seed = 20250605;
// Strata's runs take milliseconds: each round repeats them for at least this long (and at
// least minRepeats times), so that their median does not rest on a handful of timer reads.
constexpr double batchMs = 300;
constexpr int minRepeats = 5;
constexpr int maxRepeats = 400;

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

// Diff and SQL from the two models in memory: what the app does when both sides are loaded.
double strataInMemory(const Schema &from, const Schema &to, QString *sql)
{
    QElapsedTimer timer;
    timer.start();
    const ChangeSet changes = SchemaDiff::compare(from, to);
    *sql = DdlWriter::join(DdlWriter::write(changes));
    return msSince(timer);
}

std::optional<Schema> readSnapshot(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("could not read %1").arg(path);
        return std::nullopt;
    }
    SnapshotError failure;
    std::optional<Snapshot> snapshot = SnapshotJson::read(file.readAll(), path, &failure);
    if (!snapshot) {
        *error = failure.toString();
        return std::nullopt;
    }
    return std::move(snapshot->schema);
}

// The same from the two snapshot files: reading and parsing both is part of the figure.
double strataFromFiles(const QString &from, const QString &to, QString *sql, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    const std::optional<Schema> a = readSnapshot(from, error);
    const std::optional<Schema> b = a ? readSnapshot(to, error) : std::nullopt;
    if (!b)
        return -1;
    *sql = DdlWriter::join(DdlWriter::write(SchemaDiff::compare(*a, *b)));
    return msSince(timer);
}

// `strata diff <from> <to>` as a process: what a user of the command line waits for.
double strataCommand(const QString &from, const QString &to, QString *sql, QString *error)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(STRATA_BINARY), {QStringLiteral("diff"), from, to});
    const bool finished = process.waitForFinished(120000);
    const double ms = msSince(timer);
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("strata diff failed: %1").arg(QString::fromUtf8(process.readAllStandardError()));
        return -1;
    }
    *sql = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return ms;
}

// `node -e 0`: the part of drizzle-kit's time that is node starting and stopping.
double nodeStartup(const test::NpmPackages &packages, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    const test::NodeRun run = test::runNode(packages, {QStringLiteral("-e"), QStringLiteral("0")}, QDir::tempPath());
    const double ms = msSince(timer);
    if (!run.succeeded()) {
        *error = run.describe();
        return -1;
    }
    return ms;
}

// Repeats `run` for batchMs; false if one run failed.
template<typename Run>
bool batch(QList<double> *times, Run run)
{
    QElapsedTimer batchTimer;
    batchTimer.start();
    for (int i = 0; i < maxRepeats && (i < minRepeats || msSince(batchTimer) < batchMs); ++i) {
        const double ms = run();
        if (ms < 0)
            return false;
        times->append(ms);
    }
    return true;
}

// A migration file's statements, as drizzle-kit separates them.
QStringList statementsOf(const QString &sql)
{
    QStringList statements;
    for (const QString &piece : sql.split(QStringLiteral("--> statement-breakpoint"))) {
        const QString statement = piece.trimmed();
        if (!statement.isEmpty())
            statements.append(statement);
    }
    return statements;
}

// The statements only one side has (as multisets: order aside, each copy counts).
struct StatementComparison {
    QStringList onlyDrizzle;
    QStringList onlyOurs;
    bool sameOrder = false;
};

StatementComparison compareStatements(const QStringList &drizzle, const QStringList &ours)
{
    StatementComparison result;
    result.sameOrder = drizzle == ours;
    QStringList a = drizzle;
    QStringList b = ours;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(result.onlyDrizzle));
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(result.onlyOurs));
    return result;
}

void printDifferences(const QString &side, const QStringList &statements)
{
    constexpr int shown = 5;
    for (int i = 0; i < std::min<int>(shown, int(statements.size())); ++i)
        std::printf("  only %s: %s\n", qPrintable(side), qPrintable(statements.at(i)));
    if (statements.size() > shown)
        std::printf("  only %s: … and %d more\n", qPrintable(side), int(statements.size()) - shown);
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size())
        return true;
    *error = QStringLiteral("could not write %1").arg(path);
    return false;
}

int fail(const QString &error)
{
    std::fprintf(stderr, "diff: %s\n", qPrintable(error));
    return 1;
}

} // namespace

int diff(int tables, const QString &npmFolder)
{
    const DrizzleSchemaPair pair = generatedDrizzleSchemas(tables, seed);
    std::printf("diff_change tables=%d touched_tables=%d added_columns=%d new_enum_columns=%d new_indexes=%d "
                "dropped_foreign_keys=%d kept_foreign_keys=%d new_enums=1\n",
                pair.tables, pair.touchedTables, pair.addedColumns, pair.newEnumColumns, pair.newIndexes,
                pair.droppedForeignKeys, pair.keptForeignKeys);
    std::fflush(stdout);

    const test::NpmPackages packages = test::npmPackages(npmFolder);
    const bool withDrizzle = packages.state == test::NpmPackages::State::Ready;
    QString error;
    DrizzleGenerateProject project(packages);
    QTemporaryDir ownFolder;  // the snapshots when drizzle-kit is not there to write them
    QString fromPath;
    QString toPath;
    QString drizzleSql;
    QList<double> drizzle;
    QList<double> node;
    if (withDrizzle) {
        std::fprintf(stderr, "schema.ts: %.0f KB before, %.0f KB after; drizzle-kit generate of the first…\n",
                     pair.before.size() / 1024.0, pair.after.size() / 1024.0);
        if (!project.prepare(pair.before, pair.after, &error))
            return fail(error);
        // One unmeasured run fills the OS caches (node, drizzle-kit, esbuild) for all.
        if (project.generate(&error) < 0)
            return fail(error);
        fromPath = project.snapshotPath(0);
        toPath = project.snapshotPath(1);
        drizzleSql = QString::fromUtf8(project.migrationSql(1, &error));
        if (drizzleSql.isEmpty())
            return fail(error);
    } else {
        std::printf("diff drizzle_kit=not_run: %s. Strata's figures alone, from snapshots Strata writes "
                    "of the same schemas\n", qPrintable(packages.reason));
        fromPath = ownFolder.filePath(QStringLiteral("0000_snapshot.json"));
        toPath = ownFolder.filePath(QStringLiteral("0001_snapshot.json"));
        const QString first = SnapshotJson::newId();
        if (!writeFile(fromPath, SnapshotJson::write(pair.beforeModel, first, SnapshotJson::originId()), &error)
            || !writeFile(toPath, SnapshotJson::write(pair.afterModel, SnapshotJson::newId(), first), &error))
            return fail(error);
    }
    const std::optional<Schema> from = readSnapshot(fromPath, &error);
    const std::optional<Schema> to = from ? readSnapshot(toPath, &error) : std::nullopt;
    if (!to)
        return fail(error);

    QList<double> inMemory;
    QList<double> fromFiles;
    QList<double> command;
    QString sql;
    QString fileSql;
    QString commandSql;
    for (int round = 1; round <= rounds; ++round) {  // interleaved, so all see the same machine load
        if (withDrizzle) {
            drizzle.append(project.generate(&error));
            node.append(nodeStartup(packages, &error));
            if (drizzle.last() < 0 || node.last() < 0)
                return fail(error);
            QString again = QString::fromUtf8(project.migrationSql(1, &error));
            if (again != drizzleSql)
                std::fprintf(stderr, "warning: drizzle-kit wrote a different migration in round %d\n", round);
        }
        command.append(strataCommand(fromPath, toPath, &commandSql, &error));
        if (command.last() < 0
            || !batch(&inMemory, [&] { return strataInMemory(*from, *to, &sql); })
            || !batch(&fromFiles, [&] { return strataFromFiles(fromPath, toPath, &fileSql, &error); }))
            return fail(error);
        std::fprintf(stderr, "round %d: ours_ms=%.2f ours_with_read_ms=%.2f strata_diff_ms=%.1f "
                     "drizzle_kit_ms=%.1f node_startup_ms=%.1f (%d and %d Strata runs so far)\n",
                     round, median(inMemory), median(fromFiles), command.last(),
                     withDrizzle ? drizzle.last() : 0.0, withDrizzle ? node.last() : 0.0,
                     int(inMemory.size()), int(fromFiles.size()));
    }
    if (fileSql != sql || commandSql != sql)
        std::fprintf(stderr, "warning: Strata's SQL differs between models in memory, files and `strata diff`\n");

    const double ours = median(inMemory);
    const double oursRead = median(fromFiles);
    const double oursCommand = median(command);
    const QStringList ourStatements = statementsOf(sql);
    if (!withDrizzle) {
        std::printf("diff tables=%d ours_ms=%.2f\n", tables, ours);
        std::printf("diff_with_read tables=%d ours_ms=%.2f\n", tables, oursRead);
        std::printf("diff_command tables=%d ours_ms=%.1f\n", tables, oursCommand);
        std::printf("diff_statements ours=%d\n", int(ourStatements.size()));
        return 0;
    }
    const double y = median(drizzle);
    // ratio = drizzle-kit's time / Strata's: a speed-up, as the goal (≥ 20×) is stated.
    std::printf("diff tables=%d ours_ms=%.2f drizzle_kit_ms=%.1f ratio=%.1f goal>=20\n", tables, ours, y, y / ours);
    std::printf("diff_with_read tables=%d ours_ms=%.2f drizzle_kit_ms=%.1f ratio=%.1f goal>=20\n", tables,
                oursRead, y, y / oursRead);
    std::printf("diff_command tables=%d ours_ms=%.1f drizzle_kit_ms=%.1f ratio=%.1f\n", tables, oursCommand, y,
                y / oursCommand);
    std::printf("diff_times: drizzle_kit_ms is `drizzle-kit generate` as a user waits for it: node starting "
                "(node -e 0 alone: %.1f ms), drizzle-kit's CLI loading, drizzle.config.ts and schema.ts "
                "compiled by esbuild-register and run with drizzle-orm, its snapshot of schema.ts, reading "
                "snapshot 0000, its diff, and writing 0001's SQL, snapshot and journal. ours_ms is "
                "SchemaDiff::compare + DdlWriter::write + join from the two models in memory, in this "
                "process; diff_with_read adds reading and parsing both snapshot files; diff_command is "
                "`strata diff 0000_snapshot.json 0001_snapshot.json` as a process of its own (start-up "
                "included). Medians of %d rounds (Strata: %d and %d runs).\n",
                median(node), rounds, int(inMemory.size()), int(fromFiles.size()));

    const QStringList drizzleStatements = statementsOf(drizzleSql);
    const StatementComparison comparison = compareStatements(drizzleStatements, ourStatements);
    std::printf("diff_statements drizzle_kit=%d ours=%d differ=%d (only_drizzle_kit=%d only_ours=%d) "
                "same_order=%s\n",
                int(drizzleStatements.size()), int(ourStatements.size()),
                int(comparison.onlyDrizzle.size() + comparison.onlyOurs.size()), int(comparison.onlyDrizzle.size()),
                int(comparison.onlyOurs.size()), comparison.sameOrder ? "yes" : "no");
    printDifferences(QStringLiteral("drizzle-kit"), comparison.onlyDrizzle);
    printDifferences(QStringLiteral("ours"), comparison.onlyOurs);

    // The models a run without node would use must make the same change.
    const StatementComparison own = compareStatements(
        ourStatements, statementsOf(DdlWriter::join(DdlWriter::up(pair.beforeModel, pair.afterModel))));
    if (!own.onlyDrizzle.isEmpty() || !own.onlyOurs.isEmpty()) {
        std::fprintf(stderr, "warning: the bench's own models of the schemas (used without node) give %d "
                     "statements fewer and %d more than drizzle-kit's snapshots, e.g.\n  %s\n  %s\n",
                     int(own.onlyDrizzle.size()), int(own.onlyOurs.size()),
                     qPrintable(own.onlyDrizzle.value(0)), qPrintable(own.onlyOurs.value(0)));
    }
    return 0;
}

} // namespace strata::bench
