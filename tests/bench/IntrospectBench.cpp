// strata_bench introspect: Strata reading a generated schema into its model, against
// `pg_dump -s` of the same database over the same Unix socket, in the same run.
#include "IntrospectBench.h"

#include "ConnectionWait.h"
#include "GeneratedSchema.h"
#include "IntrospectBreakdown.h"
#include "Interrupt.h"
#include "Median.h"
#include "TestCluster.h"
#include "pg/Connection.h"
#include "pg/LocalCluster.h"
#include "schema/Introspector.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>
#include <optional>

namespace strata::bench {

namespace {

constexpr int runs = 5;

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

// From nothing, as pg_dump does: a new Connection (thread and backend) each run, so that
// both sides pay for connecting and start with the backend's catalog caches cold.
double strataRun(const ConnectionSpec &spec, std::optional<Schema> *schema, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    Connection connection(spec);
    PgError failure;
    *schema = Introspector::introspectAndWait(connection, {}, &failure);
    const double ms = msSince(timer);
    if (!*schema)
        *error = failure.toString();
    return *schema ? ms : -1;
}

// What the app does once connected: the same introspection on a session already open.
double strataOpenRun(Connection &connection, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    PgError failure;
    const std::optional<Schema> schema = Introspector::introspectAndWait(connection, {}, &failure);
    const double ms = msSince(timer);
    if (!schema)
        *error = failure.toString();
    return schema ? ms : -1;
}

double pgDumpRun(const QString &program, const ConnectionSpec &spec, QString *error)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList names = env.keys();
    for (const QString &name : names) {
        if (name.startsWith(QLatin1String("PG")))  // the caller's PGHOST etc. must not leak in
            env.remove(name);
    }
    if (spec.hasPassword())
        env.insert(QStringLiteral("PGPASSWORD"), spec.password());
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, {QStringLiteral("--schema-only"), QStringLiteral("--no-password"),
                            QStringLiteral("--host"), spec.host(), QStringLiteral("--port"), spec.port(),
                            QStringLiteral("--username"), spec.user(), QStringLiteral("--dbname"),
                            spec.dbname()});
    const bool finished = process.waitForFinished(600000);
    const double ms = msSince(timer);
    if (!finished) {
        process.kill();
        process.waitForFinished();
    }
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("pg_dump failed: %1")
                     .arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
        return -1;
    }
    return ms;
}

// The model must hold everything that was generated, or the figure would flatter Strata.
void printModel(const Schema &schema, int tables)
{
    GeneratedCounts seen;
    seen.tables = int(schema.tables.size());
    seen.views = int(schema.views.size());
    seen.enums = int(schema.enums.size());
    seen.sequences = int(schema.sequences.size());
    for (const Table &table : schema.tables) {
        seen.columns += int(table.columns.size());
        seen.indexes += int(table.indexes.size());
        seen.foreignKeys += int(table.foreignKeys.size());
        seen.checks += int(table.checks.size());
    }
    const GeneratedCounts want = generatedCounts(tables);
    std::printf("introspect_model tables=%d columns=%d views=%d indexes=%d foreign_keys=%d checks=%d "
                "enums=%d sequences=%d\n", seen.tables, seen.columns, seen.views, seen.indexes,
                seen.foreignKeys, seen.checks, seen.enums, seen.sequences);
    if (seen.tables != want.tables || seen.columns != want.columns || seen.views != want.views
        || seen.indexes != want.indexes || seen.foreignKeys != want.foreignKeys
        || seen.checks != want.checks || seen.enums != want.enums || seen.sequences != want.sequences) {
        std::fprintf(stderr, "warning: the model differs from what was generated: tables=%d columns=%d "
                     "views=%d indexes=%d foreign_keys=%d checks=%d enums=%d sequences=%d\n",
                     want.tables, want.columns, want.views, want.indexes, want.foreignKeys,
                     want.checks, want.enums, want.sequences);
    }
}

int fail(const QString &error)
{
    if (wasInterrupted()) {
        std::fprintf(stderr, "introspect: interrupted\n");
        return 130;
    }
    std::fprintf(stderr, "introspect: %s\n", qPrintable(error));
    return 1;
}

} // namespace

int introspect(int tables)
{
    // ~TestCluster stops the server on every return path, Ctrl+C included; should the
    // benchmark be killed outright, the server still gets LocalCluster's parent-death signal.
    catchInterrupts();
    test::TestCluster cluster;
    QString error;
    const QString database = QStringLiteral("introspect_bench");
    if (!startServer(cluster, database, &error))
        return fail(error);
    const ConnectionSpec spec = cluster.spec(database);
    // pg_dump from the server's own folder, so its major version is the server's.
    const QString pgDump = LocalCluster::findBinDir(&error) + QStringLiteral("/pg_dump");
    if (!QFileInfo(pgDump).isExecutable())
        return fail(QStringLiteral("no pg_dump next to the server: %1 %2").arg(pgDump, error));

    Connection session(spec);
    if (!waitForOpen(session, &error))
        return fail(error);
    QElapsedTimer timer;
    timer.start();
    // VACUUM ANALYZE: a real database's catalogs are vacuumed and have statistics
    // (autovacuum). Fresh from 1,000 CREATE TABLEs they are full of dead row versions,
    // which every catalog scan would prune (heap_page_prune_opt was 7% of the server's
    // time without it), and the planner would plan for the empty catalogs of a new database.
    if (!waitForResult(session, Query{generatedSchemaSql(tables), {}}, &error)
        || !waitForResult(session, Query{QStringLiteral("VACUUM ANALYZE"), {}}, &error))
        return fail(error);
    if (wasInterrupted())
        return fail(QString());
    std::fprintf(stderr, "PostgreSQL %s, %s; generated %d tables in %.1f s\n",
                 qPrintable(session.serverInfo().version), qPrintable(pgDump), tables, msSince(timer) / 1000);

    // One unmeasured round fills the OS and PostgreSQL caches for everyone.
    std::optional<Schema> schema;
    if (strataRun(spec, &schema, &error) < 0 || strataOpenRun(session, &error) < 0
        || pgDumpRun(pgDump, spec, &error) < 0)
        return fail(error);
    QList<double> ours;
    QList<double> oursOpen;
    QList<double> dump;
    for (int run = 1; run <= runs; ++run) {  // interleaved, so all see the same machine load
        ours.append(strataRun(spec, &schema, &error));
        oursOpen.append(strataOpenRun(session, &error));
        dump.append(pgDumpRun(pgDump, spec, &error));
        if (ours.contains(-1) || oursOpen.contains(-1) || dump.contains(-1) || wasInterrupted())
            return fail(error);
        std::fprintf(stderr, "run %d: ours_ms=%.1f ours_open_ms=%.1f pg_dump_ms=%.1f\n", run,
                     ours.last(), oursOpen.last(), dump.last());
    }
    const double x = median(ours);
    const double y = median(dump);
    std::printf("introspect tables=%d ours_ms=%.1f pg_dump_ms=%.1f ratio=%.2f goal<=0.3\n", tables, x, y,
                x / y);
    std::printf("introspect_open_connection tables=%d ours_ms=%.1f pg_dump_ms=%.1f ratio=%.2f\n", tables,
                median(oursOpen), y, median(oursOpen) / y);
    std::fflush(stdout);
    if (!printIntrospectBreakdown(spec, session, runs, &error))
        return fail(error);
    printModel(*schema, tables);
    return 0;
}

} // namespace strata::bench
