// `strata migrate` and `strata status` against drizzle's own migrator (drizzle-orm 0.45's
// node-postgres migrate() and drizzle-kit 0.31's migrate, tests/npm; skips only when node is
// not installed). drizzle-kit generates a folder of four migrations (an enum and a value
// added to it, foreign keys, indexes, a check, added columns); then
//   - strata and drizzle-orm, each on a fresh database, leave the same ledger rows (id, hash,
//     created_at) and the same schema (pg_dump, the bookkeeping schema aside);
//   - either tool picks up where the other stopped: drizzle-orm applies the first two
//     migrations and strata the rest, strata applies the first two (--to) and drizzle-kit
//     the rest; one ledger row per migration, the same as above;
//   - with a bookkeeping table of another name (--migrations-schema/--migrations-table and
//     drizzle's migrationsSchema/migrationsTable) both write the same table and rows, and
//     each then finds nothing to do;
//   - Strata's __strata_runs beside the ledger does not disturb drizzle-kit: migrate finds
//     nothing to do, generate no changes, check nothing wrong.
#include "CliRun.h"
#include "NodeTools.h"
#include "TestCluster.h"
#include "TestFiles.h"
#include "TestRegistry.h"

#include "migrations/MigrationFolder.h"
#include "pg/LocalCluster.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;

namespace {

const QString kUrlVariable = QStringLiteral("STRATA_INTEROP_DATABASE_URL");  // the drizzle.config.ts files read it
const QString kNoChanges = QStringLiteral("No schema changes, nothing to migrate");
const QString kLedger = QStringLiteral("drizzle.__drizzle_migrations");
const QString kOwnSchema = QStringLiteral("ops");  // case 3's bookkeeping table: ops.applied_migrations
const QString kOwnTable = QStringLiteral("applied_migrations");
constexpr int kMigrations = 4;
constexpr int kFirstPart = 2;  // the mixed runs switch tools after this many

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// schema.ts after `step` edits (1 … kMigrations); drizzle-kit generate makes one migration of
// each. Only additions, so that drizzle-kit never asks whether something was renamed.
QByteArray schemaAt(int step)
{
    QByteArray ts = "import { sql } from 'drizzle-orm';\n"
                    "import { boolean, check, date, index, integer, pgEnum, pgTable, serial, text, timestamp,\n"
                    "         uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';\n\n";
    ts += step >= 4 ? "export const taskState = pgEnum('task_state', ['open', 'doing', 'done', 'blocked']);\n\n"
                    : "export const taskState = pgEnum('task_state', ['open', 'doing', 'done']);\n\n";
    ts += "export const teams = pgTable('teams', {\n"
          "  id: serial('id').primaryKey(),\n"
          "  name: varchar('name', { length: 80 }).notNull().unique(),\n"
          "  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),\n"
          "});\n\n"
          "export const users = pgTable('users', {\n"
          "  id: uuid('id').defaultRandom().primaryKey(),\n"
          "  email: varchar('email', { length: 320 }).notNull().unique(),\n"
          "  teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),\n";
    if (step >= 3)
        ts += "  nickname: text('nickname').default('new user'),\n";
    ts += "});\n\n";
    if (step >= 2) {
        ts += "export const projects = pgTable('projects', {\n"
              "  id: serial('id').primaryKey(),\n"
              "  teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),\n"
              "  title: text('title').notNull(),\n"
              "  archived: boolean('archived').notNull().default(false),\n"
              "}, (t) => [index('projects_team_idx').on(t.teamId), uniqueIndex('projects_team_title_key').on(t.teamId, t.title)]);\n\n";
    }
    if (step >= 3) {
        ts += "export const tasks = pgTable('tasks', {\n"
              "  id: serial('id').primaryKey(),\n"
              "  projectId: integer('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),\n"
              "  assignee: uuid('assignee').references(() => users.id),\n"
              "  state: taskState('state').notNull().default('open'),\n"
              "  points: integer('points').default(1),\n";
        if (step >= 4)
            ts += "  due: date('due'),\n";
        ts += "}, (t) => [\n"
              "  index('tasks_project_state_idx').on(t.projectId, t.state),\n"
              "  check('tasks_points_positive', sql`${t.points} > 0`),\n";
        if (step >= 4)
            ts += "  index('tasks_due_idx').on(t.due.desc()),\n";
        ts += "]);\n";
    }
    return ts;
}

// drizzle.config.ts for a folder ./drizzle and the database in kUrlVariable, with the
// bookkeeping table named when `schema` is given.
QByteArray drizzleConfig(const QString &schema = QString(), const QString &table = QString())
{
    QByteArray config = "import { defineConfig } from 'drizzle-kit';\n\n"
                        "export default defineConfig({\n"
                        "  dialect: 'postgresql',\n"
                        "  schema: './schema.ts',\n"
                        "  out: './drizzle',\n"
                        "  dbCredentials: { url: process.env.STRATA_INTEROP_DATABASE_URL! },\n";
    if (!schema.isEmpty())
        config += QStringLiteral("  migrations: { schema: '%1', table: '%2' },\n").arg(schema, table).toUtf8();
    config += "});\n";
    return config;
}

bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        if (!test::writeFile(to + QLatin1Char('/') + QDir(from).relativeFilePath(source), readFile(source)))
            return false;
    }
    return true;
}

// The one "finished" event of `strata migrate --json`; every line must be a JSON object.
QJsonObject finishedEvent(const QString &out, QString *problem)
{
    QJsonObject finished;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (!document.isObject()) {
            *problem = QStringLiteral("not a JSON object: %1").arg(line);
            return {};
        }
        if (document.object().value(QLatin1String("event")).toString() == QLatin1String("finished")) {
            if (!finished.isEmpty()) {
                *problem = QStringLiteral("two finished events");
                return {};
            }
            finished = document.object();
        }
    }
    if (finished.isEmpty())
        *problem = QStringLiteral("no finished event");
    return finished;
}

} // namespace

class MigrateInteropTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;
    test::NpmPackages m_npm;
    QTemporaryDir m_project{QDir::tempPath() + QStringLiteral("/strata-migrate-interop-XXXXXX")};
    QString m_folder;             // m_project/drizzle: drizzle-kit's four migrations
    QStringList m_tags;           // their tags, in journal order
    QStringList m_expectedLedger; // "id hash created_at" per migration, from the folder
    QStringList m_ledgerA;        // case 1's rows (strata), the reference for the others
    QString m_dumpA;              // case 1's schema (strata)

    QString url(const QString &database) const { return m_cluster.tcpUrl(database); }

    test::CliRun strata(const QStringList &args) { return test::runCli(QStringLiteral(STRATA_BINARY), args); }

    test::NodeRun drizzleKit(const QString &command, const QString &project, const QString &database)
    {
        QProcessEnvironment env;
        env.insert(kUrlVariable, url(database));
        return test::runDrizzleKit(m_npm, {command}, project, env);
    }

    // drizzle-orm's migrate() on node-postgres, with drizzle-kit's pool (max: 1) and, when
    // given, migrationsSchema/migrationsTable; prints the error that drizzle-kit would swallow.
    test::NodeRun drizzleOrmMigrate(const QString &folder, const QString &database, const QString &schema = QString(),
                                    const QString &table = QString())
    {
        static const char script[] = R"(
const { drizzle } = require('drizzle-orm/node-postgres');
const { migrate } = require('drizzle-orm/node-postgres/migrator');
const { Pool } = require('pg');
const pool = new Pool({ connectionString: process.env.STRATA_MIGRATE_URL, max: 1 });
const config = { migrationsFolder: process.env.STRATA_MIGRATE_FOLDER };
if (process.env.STRATA_MIGRATE_SCHEMA) config.migrationsSchema = process.env.STRATA_MIGRATE_SCHEMA;
if (process.env.STRATA_MIGRATE_TABLE) config.migrationsTable = process.env.STRATA_MIGRATE_TABLE;
migrate(drizzle(pool), config)
  .then(() => { console.log('drizzle-orm migrate: done'); return pool.end(); })
  .catch((e) => { console.error(e); process.exitCode = 1; return pool.end(); });
)";
        QProcessEnvironment env;
        env.insert(QStringLiteral("STRATA_MIGRATE_URL"), url(database));
        env.insert(QStringLiteral("STRATA_MIGRATE_FOLDER"), folder);
        if (!schema.isEmpty()) {
            env.insert(QStringLiteral("STRATA_MIGRATE_SCHEMA"), schema);
            env.insert(QStringLiteral("STRATA_MIGRATE_TABLE"), table);
        }
        return test::runNode(m_npm, {QStringLiteral("-e"), QString::fromUtf8(script)}, m_project.path(), env, 120000);
    }

    // `strata migrate --json …`: exit code 0 and the outcome expected.
    void strataMigrate(const QString &folder, const QString &database, const QString &outcome,
                       const QStringList &more = {})
    {
        const test::CliRun run = strata(QStringList{QStringLiteral("migrate"), QStringLiteral("--dir"), folder,
                                                    QStringLiteral("--url"), url(database), QStringLiteral("--json")}
                                        + more);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QString problem;
        const QJsonObject finished = finishedEvent(run.out, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + run.describe()));
        QCOMPARE(finished.value(QLatin1String("outcome")).toString(), outcome);
    }

    // `strata status --json`: every migration of the folder applied, nothing else, no drift.
    void expectAllApplied(const QString &database, const QStringList &more = {})
    {
        const test::CliRun run = strata(QStringList{QStringLiteral("status"), QStringLiteral("--dir"), m_folder,
                                                    QStringLiteral("--url"), url(database), QStringLiteral("--json")}
                                        + more);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonObject counts = status.value(QLatin1String("counts")).toObject();
        QVERIFY2(counts.value(QLatin1String("applied")).toInt() == kMigrations, qPrintable(run.out));
        for (const char *other : {"modified", "pending", "out-of-order", "missing"})
            QVERIFY2(counts.value(QLatin1String(other)).toInt() == 0, qPrintable(QLatin1String(other) + QLatin1Char('\n') + run.out));
        QStringList tags;
        for (const QJsonValue &entry : status.value(QLatin1String("migrations")).toArray())
            tags << entry.toObject().value(QLatin1String("tag")).toString();
        QCOMPARE(tags, m_tags);
        const QJsonObject drift = status.value(QLatin1String("drift")).toObject();
        QVERIFY2(drift.value(QLatin1String("error")).isUndefined()
                     && drift.value(QLatin1String("statements")).toArray().isEmpty(),
                 qPrintable(run.out));
    }

    // "id hash created_at" for each row of a bookkeeping table, by id.
    QStringList ledgerRows(const QString &database, const QString &table = kLedger)
    {
        QString output;
        QString error;
        if (!m_cluster.runSql(QStringLiteral("SELECT id || ' ' || hash || ' ' || coalesce(created_at::text, 'NULL') FROM %1 ORDER BY id")
                                  .arg(table),
                              &output, &error, database)) {
            qWarning("cannot read %s of %s: %s", qPrintable(table), qPrintable(database), qPrintable(error));
            return {QStringLiteral("(unreadable)")};
        }
        return output.isEmpty() ? QStringList() : output.split(QLatin1Char('\n'));
    }

    QString scalar(const QString &sql, const QString &database)
    {
        QString output;
        QString error;
        if (!m_cluster.runSql(sql, &output, &error, database))
            return QStringLiteral("(error: %1)").arg(error);
        return output;
    }

    // pg_dump --schema-only --no-owner of everything but the bookkeeping schema, whose table
    // is compared row by row instead. psql's \restrict lines carry a random key: left out.
    QString schemaDump(const QString &database, const QString &bookkeepingSchema = QStringLiteral("drizzle"))
    {
        QString error;
        const QString binDir = LocalCluster::findBinDir(&error);
        if (binDir.isEmpty())
            return QStringLiteral("(no pg_dump: %1)").arg(error);
        const ConnectionSpec spec = m_cluster.tcpSpec(database);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : env.keys()) {
            if (name.startsWith(QLatin1String("PG")))
                env.remove(name);
        }
        env.insert(QStringLiteral("PGPASSWORD"), m_cluster.cluster().password());
        QProcess dump;
        dump.setProcessEnvironment(env);
        dump.setStandardInputFile(QProcess::nullDevice());
        dump.start(binDir + QStringLiteral("/pg_dump"),
                   {QStringLiteral("--schema-only"), QStringLiteral("--no-owner"), QStringLiteral("--no-password"),
                    QStringLiteral("-N"), bookkeepingSchema, QStringLiteral("-h"), spec.host(), QStringLiteral("-p"),
                    spec.port(), QStringLiteral("-U"), spec.user(), QStringLiteral("-d"), database});
        if (!dump.waitForFinished(60000) || dump.exitStatus() != QProcess::NormalExit || dump.exitCode() != 0) {
            dump.kill();
            dump.waitForFinished();
            return QStringLiteral("(pg_dump failed: %1)").arg(QString::fromUtf8(dump.readAllStandardError()));
        }
        QStringList lines = QString::fromUtf8(dump.readAllStandardOutput()).split(QLatin1Char('\n'));
        lines.removeIf([](const QString &line) {
            return line.startsWith(QLatin1String("\\restrict ")) || line.startsWith(QLatin1String("\\unrestrict "));
        });
        return lines.join(QLatin1Char('\n'));
    }

    void expectSameDump(const QString &dump, const QString &database, const QString &context)
    {
        if (dump == m_dumpA)
            return;
        const QStringList a = m_dumpA.split(QLatin1Char('\n'));
        const QStringList b = dump.split(QLatin1Char('\n'));
        qsizetype line = 0;
        while (line < a.size() && line < b.size() && a.at(line) == b.at(line))
            ++line;
        QFAIL(qPrintable(QStringLiteral("%1: the schema of %2 differs from case 1's at line %3:\n  case 1: %4\n  here:   %5")
                             .arg(context, database)
                             .arg(line + 1)
                             .arg(a.value(line), b.value(line))));
    }

    void createDatabase(const QString &name)
    {
        QString error;
        QVERIFY2(m_cluster.createDatabase(name, &error), qPrintable(error));
    }

    // A project of its own (drizzle.config.ts, node_modules, a copy of the folder) for
    // drizzle-kit runs that need another configuration or a trimmed folder.
    QString copyOfProject(const QString &name, const QByteArray &config)
    {
        const QString project = m_project.filePath(name);
        QString error;
        if (!QDir().mkpath(project) || !test::writeFile(project + QStringLiteral("/drizzle.config.ts"), config)
            || !test::writeFile(project + QStringLiteral("/schema.ts"), schemaAt(kMigrations))
            || !copyFolder(m_folder, project + QStringLiteral("/drizzle"))
            || !test::linkNodeModules(m_npm, project, &error)) {
            qWarning("cannot set up %s: %s", qPrintable(project), qPrintable(error));
            return {};
        }
        return project;
    }

private slots:
    void initTestCase()
    {
        STRATA_REQUIRE_NPM_PACKAGES(m_npm);
        QVERIFY(m_project.isValid());
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));

        // The folder: drizzle-kit generate after each edit of schema.ts.
        const QString project = m_project.path();
        QVERIFY(test::writeFile(project + QStringLiteral("/drizzle.config.ts"), drizzleConfig()));
        QVERIFY2(test::linkNodeModules(m_npm, project, &error), qPrintable(error));
        for (int step = 1; step <= kMigrations; ++step) {
            QVERIFY(test::writeFile(project + QStringLiteral("/schema.ts"), schemaAt(step)));
            const test::NodeRun run = drizzleKit(QStringLiteral("generate"), project, QStringLiteral("postgres"));
            QVERIFY2(run.succeeded(), qPrintable(run.describe()));
        }
        m_folder = project + QStringLiteral("/drizzle");
        const MigrationFolder folder = MigrationFolder::read(m_folder);
        QVERIFY2(!folder.hasErrors(), qPrintable(m_folder));
        QCOMPARE(folder.migrations().size(), kMigrations);
        qint64 id = 0;
        for (const Migration &migration : folder.migrations()) {
            m_tags << migration.tag;
            m_expectedLedger << QStringLiteral("%1 %2 %3").arg(++id).arg(QString::fromLatin1(migration.hash)).arg(migration.when);
        }
        // The folder holds what the cases need to be worth running.
        QString all;
        for (const Migration &migration : folder.migrations())
            all += migration.text;
        for (const char *needed : {"CREATE TYPE", "FOREIGN KEY", "CREATE INDEX", "CREATE UNIQUE INDEX", "ADD COLUMN",
                                   "ADD VALUE", "CHECK", "--> statement-breakpoint"}) {
            if (!all.contains(QLatin1String(needed)))
                QFAIL(qPrintable(QStringLiteral("drizzle-kit wrote no %1 in %2").arg(QLatin1String(needed), m_folder)));
        }
    }

    // Case 1: the whole folder by each tool on a fresh database.
    void sameLedgerAndSchemaAsDrizzleOrm()
    {
        createDatabase(QStringLiteral("a_strata"));
        createDatabase(QStringLiteral("b_orm"));
        strataMigrate(m_folder, QStringLiteral("a_strata"), QStringLiteral("done"));
        const test::NodeRun orm = drizzleOrmMigrate(m_folder, QStringLiteral("b_orm"));
        QVERIFY2(orm.succeeded(), qPrintable(orm.describe()));

        m_ledgerA = ledgerRows(QStringLiteral("a_strata"));
        QCOMPARE(m_ledgerA, m_expectedLedger);
        QCOMPARE(ledgerRows(QStringLiteral("b_orm")), m_ledgerA);

        m_dumpA = schemaDump(QStringLiteral("a_strata"));
        QVERIFY2(m_dumpA.contains(QLatin1String("CREATE TABLE public.tasks")), qPrintable(m_dumpA));
        QVERIFY2(!m_dumpA.contains(QLatin1String("__drizzle_migrations")) && !m_dumpA.contains(QLatin1String("__strata_runs")),
                 qPrintable(m_dumpA));
        expectSameDump(schemaDump(QStringLiteral("b_orm")), QStringLiteral("b_orm"), QStringLiteral("drizzle-orm migrate"));
        expectAllApplied(QStringLiteral("b_orm"));
    }

    // Case 2a: drizzle-orm applies a folder cut after two migrations, strata the full folder.
    void strataContinuesDrizzleOrm()
    {
        QVERIFY2(!m_ledgerA.isEmpty(), "case 1 did not run");
        createDatabase(QStringLiteral("mix_orm_first"));
        const QString cut = m_project.filePath(QStringLiteral("cut/drizzle"));
        QVERIFY(copyFolder(m_folder, cut));
        QJsonObject journal = QJsonDocument::fromJson(readFile(cut + QStringLiteral("/meta/_journal.json"))).object();
        QJsonArray entries = journal.value(QLatin1String("entries")).toArray();
        QCOMPARE(entries.size(), kMigrations);
        while (entries.size() > kFirstPart)
            entries.removeLast();
        journal.insert(QStringLiteral("entries"), entries);
        QVERIFY(test::writeFile(cut + QStringLiteral("/meta/_journal.json"), QJsonDocument(journal).toJson()));

        const test::NodeRun orm = drizzleOrmMigrate(cut, QStringLiteral("mix_orm_first"));
        QVERIFY2(orm.succeeded(), qPrintable(orm.describe()));
        QCOMPARE(ledgerRows(QStringLiteral("mix_orm_first")), m_ledgerA.mid(0, kFirstPart));

        strataMigrate(m_folder, QStringLiteral("mix_orm_first"), QStringLiteral("done"));
        expectAllApplied(QStringLiteral("mix_orm_first"));
        QCOMPARE(ledgerRows(QStringLiteral("mix_orm_first")), m_ledgerA);
        expectSameDump(schemaDump(QStringLiteral("mix_orm_first")), QStringLiteral("mix_orm_first"),
                       QStringLiteral("drizzle-orm, then strata"));
    }

    // Case 2b: strata applies the first two (--to), drizzle-kit migrate the rest.
    void drizzleKitContinuesStrata()
    {
        QVERIFY2(!m_ledgerA.isEmpty(), "case 1 did not run");
        createDatabase(QStringLiteral("mix_strata_first"));
        strataMigrate(m_folder, QStringLiteral("mix_strata_first"), QStringLiteral("done"),
                      {QStringLiteral("--to"), m_tags.at(kFirstPart - 1)});
        QCOMPARE(ledgerRows(QStringLiteral("mix_strata_first")), m_ledgerA.mid(0, kFirstPart));
        QCOMPARE(scalar(QStringLiteral("SELECT to_regclass('public.tasks') IS NULL"), QStringLiteral("mix_strata_first")),
                 QStringLiteral("t"));

        const test::NodeRun kit = drizzleKit(QStringLiteral("migrate"), m_project.path(), QStringLiteral("mix_strata_first"));
        QVERIFY2(kit.succeeded(), qPrintable(kit.describe()));
        QCOMPARE(ledgerRows(QStringLiteral("mix_strata_first")), m_ledgerA);
        expectSameDump(schemaDump(QStringLiteral("mix_strata_first")), QStringLiteral("mix_strata_first"),
                       QStringLiteral("strata --to, then drizzle-kit"));
        expectAllApplied(QStringLiteral("mix_strata_first"));
    }

    // Case 3: a bookkeeping table of another name, written by both the same way.
    void ownBookkeepingTable()
    {
        QVERIFY2(!m_ledgerA.isEmpty(), "case 1 did not run");
        const QStringList own{QStringLiteral("--migrations-schema"), kOwnSchema, QStringLiteral("--migrations-table"), kOwnTable};
        const QString ownTable = kOwnSchema + QLatin1Char('.') + kOwnTable;
        createDatabase(QStringLiteral("own_strata"));
        createDatabase(QStringLiteral("own_orm"));
        strataMigrate(m_folder, QStringLiteral("own_strata"), QStringLiteral("done"), own);
        const test::NodeRun orm = drizzleOrmMigrate(m_folder, QStringLiteral("own_orm"), kOwnSchema, kOwnTable);
        QVERIFY2(orm.succeeded(), qPrintable(orm.describe()));

        QCOMPARE(ledgerRows(QStringLiteral("own_strata"), ownTable), m_ledgerA);
        QCOMPARE(ledgerRows(QStringLiteral("own_orm"), ownTable), m_ledgerA);
        // Nothing in drizzle's default schema; Strata's audit table sits beside the ledger.
        for (const char *database : {"own_strata", "own_orm"}) {
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'"),
                            QString::fromLatin1(database)),
                     QStringLiteral("0"));
        }
        QCOMPARE(scalar(QStringLiteral("SELECT string_agg(result, ',') FROM ops.__strata_runs"), QStringLiteral("own_strata")),
                 QStringLiteral("succeeded"));
        expectSameDump(schemaDump(QStringLiteral("own_strata"), kOwnSchema), QStringLiteral("own_strata"),
                       QStringLiteral("strata with its own table"));
        expectSameDump(schemaDump(QStringLiteral("own_orm"), kOwnSchema), QStringLiteral("own_orm"),
                       QStringLiteral("drizzle-orm with its own table"));

        // Each finds nothing to do on the other's database.
        const QString project = copyOfProject(QStringLiteral("own"), drizzleConfig(kOwnSchema, kOwnTable));
        QVERIFY(!project.isEmpty());
        const test::NodeRun kit = drizzleKit(QStringLiteral("migrate"), project, QStringLiteral("own_strata"));
        QVERIFY2(kit.succeeded(), qPrintable(kit.describe()));
        QCOMPARE(ledgerRows(QStringLiteral("own_strata"), ownTable), m_ledgerA);
        strataMigrate(m_folder, QStringLiteral("own_orm"), QStringLiteral("nothing-to-do"), own);
        QCOMPARE(ledgerRows(QStringLiteral("own_orm"), ownTable), m_ledgerA);
        expectAllApplied(QStringLiteral("own_orm"), own);
        expectAllApplied(QStringLiteral("own_strata"), own);
        // drizzle.config.ts's `migrations` names the same table to strata as to drizzle-kit.
        const test::CliRun fromConfig = strata({QStringLiteral("status"), QStringLiteral("--project"), project,
                                                QStringLiteral("--url"), url(QStringLiteral("own_orm")),
                                                QStringLiteral("--json"), QStringLiteral("--no-drift")});
        QVERIFY2(fromConfig.exitCode == 0, qPrintable(fromConfig.describe()));
        const QJsonObject configured = QJsonDocument::fromJson(fromConfig.out.toUtf8()).object();
        QCOMPARE(configured.value(QLatin1String("ledger")).toObject().value(QLatin1String("table")).toString(),
                 QStringLiteral("\"ops\".\"applied_migrations\""));
        QVERIFY2(configured.value(QLatin1String("counts")).toObject().value(QLatin1String("applied")).toInt() == kMigrations,
                 qPrintable(fromConfig.out));
        // And without the options strata looks at drizzle.__drizzle_migrations, which is not there.
        const test::CliRun status = strata({QStringLiteral("status"), QStringLiteral("--dir"), m_folder, QStringLiteral("--url"),
                                            url(QStringLiteral("own_strata")), QStringLiteral("--json"), QStringLiteral("--no-drift")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
        const QJsonObject counts = QJsonDocument::fromJson(status.out.toUtf8()).object().value(QLatin1String("counts")).toObject();
        QVERIFY2(counts.value(QLatin1String("pending")).toInt() == kMigrations, qPrintable(status.out));
    }

    // Case 4: drizzle-kit after strata (whose __strata_runs sits in the drizzle schema).
    void auditTableDoesNotDisturbDrizzleKit()
    {
        QVERIFY2(!m_ledgerA.isEmpty(), "case 1 did not run");
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM drizzle.__strata_runs WHERE result = 'succeeded'"),
                        QStringLiteral("a_strata")),
                 QStringLiteral("1"));
        // strata again: nothing to do, and the run is recorded too.
        strataMigrate(m_folder, QStringLiteral("a_strata"), QStringLiteral("nothing-to-do"));
        const QString before = scalar(QStringLiteral("SELECT count(*) FROM drizzle.__strata_runs"), QStringLiteral("a_strata"));

        const test::NodeRun kit = drizzleKit(QStringLiteral("migrate"), m_project.path(), QStringLiteral("a_strata"));
        QVERIFY2(kit.succeeded(), qPrintable(kit.describe()));
        QCOMPARE(ledgerRows(QStringLiteral("a_strata")), m_ledgerA);
        expectSameDump(schemaDump(QStringLiteral("a_strata")), QStringLiteral("a_strata"),
                       QStringLiteral("drizzle-kit migrate after strata"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM drizzle.__strata_runs"), QStringLiteral("a_strata")), before);
        // drizzle-orm too (it would fail at CREATE TYPE if it took anything for pending).
        const test::NodeRun orm = drizzleOrmMigrate(m_folder, QStringLiteral("a_strata"));
        QVERIFY2(orm.succeeded(), qPrintable(orm.describe()));
        QCOMPARE(ledgerRows(QStringLiteral("a_strata")), m_ledgerA);

        // The folder Strata applied is still drizzle-kit's: no changes, nothing wrong.
        test::NodeRun run = drizzleKit(QStringLiteral("generate"), m_project.path(), QStringLiteral("a_strata"));
        QVERIFY2(run.succeeded() && run.out.contains(kNoChanges), qPrintable(run.describe()));
        QCOMPARE(MigrationFolder::read(m_folder).migrations().size(), kMigrations);
        run = drizzleKit(QStringLiteral("check"), m_project.path(), QStringLiteral("a_strata"));
        QVERIFY2(run.succeeded() && run.out.contains(QLatin1String("Everything's fine")), qPrintable(run.describe()));
    }
};

STRATA_TEST(MigrateInteropTest)
#include "MigrateInteropTest.moc"
