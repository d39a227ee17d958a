// strata_bench apply: `strata migrate` of a large generated folder against `psql -1 -f` of the
// same SQL and `drizzle-kit migrate` of the same folder, each on a fresh database, in the same run.
#include "ApplyBench.h"

#include "Interrupt.h"
#include "Median.h"
#include "NodeTools.h"
#include "TestCluster.h"
#include "pg/LocalCluster.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

namespace strata::bench {

namespace {

constexpr int migrations = 10;
constexpr int tablesPerMigration = 20;
constexpr int statementsPerTable = 10;  // see tableStatements()
constexpr int statements = migrations * tablesPerMigration * statementsPerTable;  // 2,000
constexpr int tables = migrations * tablesPerMigration;
constexpr int rounds = 3;
constexpr qint64 firstWhen = 1750000000000;  // journal `when` of 0000; a minute between migrations

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

QString tableName(int table)
{
    return QStringLiteral("bench_t%1").arg(table, 3, 10, QLatin1Char('0'));
}

// The statements that create table `t` the way drizzle-kit writes them (CREATE TABLE with a
// unique constraint, foreign keys added afterwards, indexes), plus comments, a check, and a
// column added to an older table: statementsPerTable of them.
QStringList tableStatements(int t)
{
    const QString name = tableName(t);
    const QString owner = tableName(t > 0 ? t - 1 : 0);
    const QString older = tableName(t / 2);
    return {
        QStringLiteral("CREATE TABLE \"%1\" (\n"
                       "\t\"id\" serial PRIMARY KEY NOT NULL,\n"
                       "\t\"parent_id\" integer,\n"
                       "\t\"owner_id\" integer,\n"
                       "\t\"code\" varchar(32) NOT NULL,\n"
                       "\t\"title\" text NOT NULL,\n"
                       "\t\"amount\" numeric(12, 2) DEFAULT '0' NOT NULL,\n"
                       "\t\"is_active\" boolean DEFAULT true NOT NULL,\n"
                       "\t\"payload\" jsonb DEFAULT '{}'::jsonb,\n"
                       "\t\"created_at\" timestamp with time zone DEFAULT now() NOT NULL,\n"
                       "\tCONSTRAINT \"%1_code_unique\" UNIQUE(\"code\")\n"
                       ");\n")
            .arg(name),
        QStringLiteral("ALTER TABLE \"%1\" ADD CONSTRAINT \"%1_parent_id_%1_id_fk\" FOREIGN KEY (\"parent_id\") "
                       "REFERENCES \"public\".\"%1\"(\"id\") ON DELETE set null ON UPDATE no action;")
            .arg(name),
        QStringLiteral("ALTER TABLE \"%1\" ADD CONSTRAINT \"%1_owner_id_%2_id_fk\" FOREIGN KEY (\"owner_id\") "
                       "REFERENCES \"public\".\"%2\"(\"id\") ON DELETE cascade ON UPDATE no action;")
            .arg(name, owner),
        QStringLiteral("CREATE INDEX \"%1_owner_idx\" ON \"%1\" USING btree (\"owner_id\");").arg(name),
        QStringLiteral("CREATE INDEX \"%1_created_idx\" ON \"%1\" USING btree (\"created_at\" DESC NULLS LAST);").arg(name),
        QStringLiteral("CREATE UNIQUE INDEX \"%1_title_key\" ON \"%1\" USING btree (lower(\"title\")) WHERE \"%1\".\"is_active\";")
            .arg(name),
        QStringLiteral("ALTER TABLE \"%1\" ADD CONSTRAINT \"%1_amount_check\" CHECK (\"%1\".\"amount\" >= 0);").arg(name),
        QStringLiteral("COMMENT ON TABLE \"%1\" IS 'Generated table %2 of the apply bench';").arg(name).arg(t),
        QStringLiteral("COMMENT ON COLUMN \"%1\".\"amount\" IS 'In the account''s currency';").arg(name),
        QStringLiteral("ALTER TABLE \"%1\" ADD COLUMN \"note_%2\" text DEFAULT 'none';").arg(older).arg(t),
    };
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size())
        return true;
    *error = QStringLiteral("could not write %1: %2").arg(path, file.errorString());
    return false;
}

// The folder (drizzle 0.x: NNNN_tag.sql and meta/_journal.json, breakpoints on; no snapshots,
// which no migrator reads), and all its files in one, for psql.
bool writeFolder(const QString &folder, const QString &allInOne, QString *error)
{
    if (!QDir().mkpath(folder + QStringLiteral("/meta"))) {
        *error = QStringLiteral("could not make %1/meta").arg(folder);
        return false;
    }
    QByteArray journal = "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [";
    QByteArray everything;
    int table = 0;
    for (int m = 0; m < migrations; ++m) {
        QStringList pieces;
        for (int i = 0; i < tablesPerMigration; ++i)
            pieces += tableStatements(table++);
        // drizzle-kit's join: the breakpoint marker right after each statement but the last.
        const QByteArray sql = pieces.join(QStringLiteral("--> statement-breakpoint\n")).toUtf8();
        const QString tag = QStringLiteral("%1_apply_bench_%2").arg(m, 4, 10, QLatin1Char('0')).arg(m);
        if (!writeFile(QStringLiteral("%1/%2.sql").arg(folder, tag), sql, error))
            return false;
        everything += sql + "\n";
        journal += QStringLiteral("%1\n    {\n      \"idx\": %2,\n      \"version\": \"7\",\n      \"when\": %3,\n"
                                  "      \"tag\": \"%4\",\n      \"breakpoints\": true\n    }")
                       .arg(m == 0 ? QString() : QStringLiteral(","))
                       .arg(m)
                       .arg(firstWhen + qint64(m) * 60000)
                       .arg(tag)
                       .toUtf8();
    }
    journal += "\n  ]\n}";
    return writeFile(folder + QStringLiteral("/meta/_journal.json"), journal, error)
        && writeFile(allInOne, everything, error);
}

// This process's environment without the caller's PG* variables, with the server's password.
QProcessEnvironment psqlEnvironment(const QString &password)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("PG")))
            env.remove(name);
    }
    env.insert(QStringLiteral("PGPASSWORD"), password);
    return env;
}

// Runs `program args…` to its end (dropping stderr after the run unless it failed);
// milliseconds from start to exit, or -1 and `error`. `out` gets stdout, which goes to a file
// meanwhile, as a CI log would: a pipe this process drains only between waits would make a
// chatty program (strata --json) wait for it.
double timedProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env, QByteArray *out,
                    QString *error)
{
    QTemporaryDir scratch;
    const QString outFile = scratch.filePath(QStringLiteral("stdout"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(outFile);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    const bool finished = process.waitForFinished(600000);
    const double ms = msSince(timer);
    if (!finished) {
        process.kill();
        process.waitForFinished();
    }
    QFile written(outFile);
    *out = written.open(QIODevice::ReadOnly) ? written.readAll() : QByteArray();
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed (exit code %3):\n%4")
                     .arg(program, args.join(QLatin1Char(' ')))
                     .arg(process.exitCode())
                     .arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
        return -1;
    }
    return ms;
}

// `strata migrate --json`: all progress events on; the last one must say "done".
double strataRun(const QString &folder, const QString &url, int *events, QString *error)
{
    QByteArray out;
    const double ms = timedProcess(QStringLiteral(STRATA_BINARY),
                                   {QStringLiteral("migrate"), QStringLiteral("--dir"), folder, QStringLiteral("--url"),
                                    url, QStringLiteral("--json")},
                                   QProcessEnvironment::systemEnvironment(), &out, error);
    if (ms < 0)
        return -1;
    const QList<QByteArray> lines = out.trimmed().split('\n');
    *events = int(lines.size());
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    if (last.value(QLatin1String("event")).toString() != QLatin1String("finished")
        || last.value(QLatin1String("outcome")).toString() != QLatin1String("done")) {
        *error = QStringLiteral("strata migrate did not finish with \"done\": %1").arg(QString::fromUtf8(lines.last()));
        return -1;
    }
    return ms;
}

double psqlRun(const QString &psql, const ConnectionSpec &spec, const QString &password, const QString &file,
               QString *error)
{
    QByteArray out;
    return timedProcess(psql,
                        {QStringLiteral("-X"), QStringLiteral("-w"), QStringLiteral("-q"), QStringLiteral("-1"),
                         QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), spec.host(),
                         QStringLiteral("-p"), spec.port(), QStringLiteral("-U"), spec.user(), QStringLiteral("-d"),
                         spec.dbname(), QStringLiteral("-f"), file},
                        psqlEnvironment(password), &out, error);
}

double drizzleKitRun(const test::NpmPackages &packages, const QString &project, const QString &url, QString *error)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("STRATA_BENCH_DATABASE_URL"), url);
    QElapsedTimer timer;
    timer.start();
    const test::NodeRun run = test::runDrizzleKit(packages, {QStringLiteral("migrate")}, project, env, 600000);
    const double ms = msSince(timer);
    if (!run.succeeded()) {
        *error = run.describe();
        return -1;
    }
    return ms;
}

// What each run must have left: every table, and for the migrators one ledger row per migration.
bool checkDatabase(test::TestCluster &cluster, const QString &database, bool withLedger, QString *error)
{
    QString output;
    QString sqlError;
    const QString sql = withLedger
        ? QStringLiteral("SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public') || ' ' || "
                         "(SELECT count(*) FROM drizzle.__drizzle_migrations)")
        : QStringLiteral("SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public') || ' ' || %1")
              .arg(migrations);
    if (!cluster.runSql(sql, &output, &sqlError, database)) {
        *error = QStringLiteral("cannot check %1: %2").arg(database, sqlError);
        return false;
    }
    const QString expected = QStringLiteral("%1 %2").arg(tables).arg(migrations);
    if (output != expected) {
        *error = QStringLiteral("%1 has \"%2\" tables and ledger rows, not \"%3\"").arg(database, output, expected);
        return false;
    }
    return true;
}

int fail(const QString &error)
{
    if (wasInterrupted()) {
        std::fprintf(stderr, "apply: interrupted\n");
        return 130;
    }
    std::fprintf(stderr, "apply: %s\n", qPrintable(error));
    return 1;
}

} // namespace

int apply(const QString &npmFolder)
{
    catchInterrupts();
    QString error;
    QTemporaryDir project(QDir::tempPath() + QStringLiteral("/strata-bench-apply-XXXXXX"));
    if (!project.isValid())
        return fail(QStringLiteral("no temporary folder: %1").arg(project.errorString()));
    const QString folder = project.filePath(QStringLiteral("drizzle"));
    const QString allInOne = project.filePath(QStringLiteral("all.sql"));
    if (!writeFolder(folder, allInOne, &error))
        return fail(error);
    std::printf("apply_folder migrations=%d statements=%d tables=%d sql_kb=%.0f\n", migrations, statements, tables,
                QFileInfo(allInOne).size() / 1024.0);
    std::fflush(stdout);

    const test::NpmPackages packages = test::npmPackages(npmFolder);
    const bool withDrizzle = packages.state == test::NpmPackages::State::Ready;
    if (withDrizzle) {
        const QByteArray config = "import { defineConfig } from 'drizzle-kit';\n\n"
                                  "export default defineConfig({\n"
                                  "  dialect: 'postgresql',\n"
                                  "  out: './drizzle',\n"
                                  "  dbCredentials: { url: process.env.STRATA_BENCH_DATABASE_URL! },\n"
                                  "});\n";
        if (!writeFile(project.filePath(QStringLiteral("drizzle.config.ts")), config, &error)
            || !test::linkNodeModules(packages, project.path(), &error))
            return fail(error);
    } else {
        std::printf("apply drizzle_kit=skipped: %s\n", qPrintable(packages.reason));
    }

    test::TestCluster cluster;
    std::fprintf(stderr, "starting PostgreSQL…\n");
    if (!cluster.start(&error))
        return fail(error);
    const QString psql = LocalCluster::findBinDir(&error) + QStringLiteral("/psql");
    if (!QFileInfo(psql).isExecutable())
        return fail(QStringLiteral("no psql next to the server: %1 %2").arg(psql, error));
    const QString password = cluster.cluster().password();

    QList<double> ours;
    QList<double> plain;
    QList<double> drizzle;
    int events = 0;
    // Round 0 is not counted: it fills the OS caches (strata, psql, node and drizzle-kit).
    for (int round = 0; round <= rounds; ++round) {  // interleaved, so all see the same machine load
        const QString suffix = QString::number(round);
        double s = 0;
        double p = 0;
        double d = 0;
        // Each database is created right before its run, and the order turns every round: the
        // server's work after CREATE DATABASE and the OS's caches favour no tool.
        const std::function<bool()> runs[] = {
            [&] {
                s = cluster.createDatabase(QStringLiteral("strata_") + suffix, &error)
                    ? strataRun(folder, cluster.tcpUrl(QStringLiteral("strata_") + suffix), &events, &error)
                    : -1;
                return s >= 0 && checkDatabase(cluster, QStringLiteral("strata_") + suffix, true, &error);
            },
            [&] {
                p = cluster.createDatabase(QStringLiteral("psql_") + suffix, &error)
                    ? psqlRun(psql, cluster.tcpSpec(QStringLiteral("psql_") + suffix), password, allInOne, &error)
                    : -1;
                return p >= 0 && checkDatabase(cluster, QStringLiteral("psql_") + suffix, false, &error);
            },
            [&] {
                if (!withDrizzle)
                    return true;
                d = cluster.createDatabase(QStringLiteral("drizzle_") + suffix, &error)
                    ? drizzleKitRun(packages, project.path(), cluster.tcpUrl(QStringLiteral("drizzle_") + suffix), &error)
                    : -1;
                return d >= 0 && checkDatabase(cluster, QStringLiteral("drizzle_") + suffix, true, &error);
            },
        };
        for (int i = 0; i < 3; ++i) {
            if (!runs[(round + i) % 3]())
                return fail(error);
        }
        if (wasInterrupted())
            return fail(QString());
        std::fprintf(stderr, "round %d%s: strata_ms=%.1f (%d events) psql_ms=%.1f drizzle_kit_ms=%.1f\n", round,
                     round == 0 ? " (warm-up, not counted)" : "", s, events, p, d);
        if (round == 0)
            continue;
        ours.append(s);
        plain.append(p);
        if (withDrizzle)
            drizzle.append(d);
    }

    const double x = median(ours);
    const double y = median(plain);
    std::printf("apply statements=%d migrations=%d strata_ms=%.1f psql_ms=%.1f ratio=%.2f goal<=1.2\n", statements,
                migrations, x, y, x / y);
    if (withDrizzle) {
        const double z = median(drizzle);
        std::printf("apply_vs_drizzle_kit statements=%d migrations=%d strata_ms=%.1f drizzle_kit_ms=%.1f ratio=%.2f goal<1\n",
                    statements, migrations, x, z, x / z);
    }
    std::printf("apply_times: fresh database each run, over TCP to a private server (fsync off), medians of %d "
                "rounds after a warm-up. strata_ms is `strata migrate --dir --url --json` as a process (start-up, "
                "lock, ledger, one transaction, %d JSON event lines read); psql_ms is `psql -1 -v ON_ERROR_STOP=1 -f` "
                "of the ten files put together (no bookkeeping); drizzle_kit_ms is `drizzle-kit migrate` (node, "
                "drizzle.config.ts, drizzle-orm's migrator, one transaction). Every database was checked for its "
                "%d tables, and the migrators' for %d ledger rows.\n",
                rounds, events, tables, migrations);
    return 0;
}

} // namespace strata::bench
