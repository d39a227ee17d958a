// MigrationRunner in-process against a private server: the signals of a run in order, the
// advisory lock (wait and no-wait), cancel during a statement and at the confirmation, dry
// runs, a failing statement's position, rollback with a stored down file, and no server.
#include "../unit/MigrationFolderFixtures.h"
#include "TestCluster.h"
#include "TestRegistry.h"

#include "migrations/MigrationRunner.h"
#include "pg/Connection.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;
using namespace strata::test::folders;

namespace {

constexpr qint64 W0 = Q_INT64_C(1795505280000);
constexpr qint64 W1 = W0 + 1000;

const QByteArray createT = "CREATE TABLE \"t\" (\"id\" integer);\n--> statement-breakpoint\nINSERT INTO \"t\" VALUES (1);\n";
const QByteArray alterT = "ALTER TABLE \"t\" ADD COLUMN \"x\" integer;\n";

// Every signal of a run as one line, in the order they came.
class Recorder
{
public:
    explicit Recorder(MigrationRunner &runner) : m_finished(&runner, &MigrationRunner::finished)
    {
        QObject::connect(&runner, &MigrationRunner::connected, &runner, [this](const QString &) { events << "connected"; });
        QObject::connect(&runner, &MigrationRunner::waiting, &runner,
                         [this](int pid) { events << QStringLiteral("waiting %1").arg(pid); });
        QObject::connect(&runner, &MigrationRunner::planned, &runner, [this] { events << "planned"; });
        QObject::connect(&runner, &MigrationRunner::migrationStarted, &runner,
                         [this](int index, int count, const QString &tag, int statements) {
                             events << QStringLiteral("migrationStarted %1/%2 %3 %4").arg(index).arg(count).arg(tag).arg(statements);
                         });
        QObject::connect(&runner, &MigrationRunner::statementStarted, &runner,
                         [this](int index, int statement, int statements, const QString &sql) {
                             events << QStringLiteral("statementStarted %1.%2/%3 %4").arg(index).arg(statement).arg(statements).arg(sql);
                         });
        QObject::connect(&runner, &MigrationRunner::statementFinished, &runner, [this](int index, int statement, qint64) {
            events << QStringLiteral("statementFinished %1.%2").arg(index).arg(statement);
        });
        QObject::connect(&runner, &MigrationRunner::migrationFinished, &runner, [this](int index, const QString &tag, qint64) {
            events << QStringLiteral("migrationFinished %1 %2").arg(index).arg(tag);
        });
        QObject::connect(&runner, &MigrationRunner::committed, &runner,
                         [this](const QStringList &tags) { events << QStringLiteral("committed ") + tags.join(QLatin1Char(',')); });
        QObject::connect(&runner, &MigrationRunner::finished, &runner, [this](const RunReport &report) {
            events << QStringLiteral("finished ") + RunReport::outcomeId(report.outcome);
        });
    }

    bool waitFinished(int timeoutMs = 60000)
    {
        return QTest::qWaitFor([this] { return !m_finished.isEmpty(); }, timeoutMs) && m_finished.size() == 1;
    }
    bool isFinished() const { return !m_finished.isEmpty(); }
    RunReport report() const { return m_finished.first().first().value<RunReport>(); }

    QStringList events;

private:
    QSignalSpy m_finished;
};

} // namespace

Q_DECLARE_METATYPE(strata::TransactionMode)

class MigrationRunnerTest : public QObject
{
    Q_OBJECT

private:
    test::TestCluster m_cluster;
    int m_databases = 0;
    QString m_db;              // this test function's database
    QTemporaryDir *m_dir = nullptr;

    MigrationFolder folderOf(const QList<SqlFile> &files)
    {
        delete m_dir;
        m_dir = new QTemporaryDir;
        writeJournalFolder(m_dir->path(), files);
        return MigrationFolder::read(m_dir->path());
    }

    MigrationFolder twoMigrations() { return folderOf({{"0000_a", W0, createT, {}}, {"0001_b", W1, alterT, {}}}); }

    // psql's output for `sql` on this test's database; fails the test on an error.
    QString sql(const QString &query)
    {
        QString output, error;
        if (!m_cluster.runSql(query, &output, &error, m_db))
            qWarning("%s: %s", qPrintable(query), qPrintable(error));
        return output;
    }

    QString ledgerRows() { return sql(QStringLiteral("SELECT string_agg(hash || ' ' || created_at, ',' ORDER BY id) FROM drizzle.__drizzle_migrations")); }
    bool exists(const QString &relation) { return sql(QStringLiteral("SELECT to_regclass('%1') IS NOT NULL").arg(relation)) == QLatin1String("t"); }

    RunRequest request() const
    {
        RunRequest r;
        r.lockTimeoutMs = 0;
        return r;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<RunReport>();
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
    }

    void init()
    {
        m_db = QStringLiteral("runner_%1").arg(++m_databases);
        QString error;
        QVERIFY2(m_cluster.createDatabase(m_db, &error), qPrintable(error));
    }

    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void signalsOfARun()
    {
        const MigrationFolder folder = twoMigrations();
        MigrationRunner runner(m_cluster.spec(m_db), folder, Ledger(), request());
        Recorder recorder(runner);
        runner.start();
        QVERIFY(recorder.waitFinished());
        const RunReport report = recorder.report();
        QVERIFY2(report.outcome == RunReport::Outcome::Done, qPrintable(report.message));
        QCOMPARE(report.applied, (QStringList{"0000_a", "0001_b"}));
        QVERIFY(report.notApplied.isEmpty());
        QVERIFY(report.partial.isEmpty());
        QCOMPARE(recorder.events,
                 (QStringList{"connected",
                              "planned",
                              "migrationStarted 0/2 0000_a 2",
                              "statementStarted 0.0/2 CREATE TABLE \"t\" (\"id\" integer)",
                              "statementFinished 0.0",
                              "statementStarted 0.1/2 INSERT INTO \"t\" VALUES (1)",
                              "statementFinished 0.1",
                              "migrationFinished 0 0000_a",
                              "migrationStarted 1/2 0001_b 1",
                              "statementStarted 1.0/1 ALTER TABLE \"t\" ADD COLUMN \"x\" integer",
                              "statementFinished 1.0",
                              "migrationFinished 1 0001_b",
                              "committed 0000_a,0001_b",
                              "finished done"}));

        // Rows exactly as drizzle-orm writes them, the run recorded, the lock released.
        QCOMPARE(ledgerRows(), QStringLiteral("%1 %2,%3 %4").arg(sha256Hex(createT)).arg(W0).arg(sha256Hex(alterT)).arg(W1));
        QCOMPARE(sql(QStringLiteral("SELECT x FROM t")), QString());
        QCOMPARE(sql(QStringLiteral("SELECT action || ' ' || result || ' ' || array_to_string(applied, ',') || ' ' || tx_mode "
                                    "FROM drizzle.__strata_runs")),
                 QStringLiteral("migrate succeeded 0000_a,0001_b all"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")), QStringLiteral("0"));

        // A second run finds nothing to do.
        MigrationRunner again(m_cluster.spec(m_db), folder, Ledger(), request());
        Recorder second(again);
        again.start();
        QVERIFY(second.waitFinished());
        QCOMPARE(second.report().outcome, RunReport::Outcome::NothingToDo);
        QCOMPARE(second.events, (QStringList{"connected", "planned", "finished nothing-to-do"}));
    }

    void waitsForTheLock_data()
    {
        QTest::addColumn<bool>("wait");
        QTest::newRow("wait") << true;
        QTest::newRow("no wait") << false;
    }

    void waitsForTheLock()
    {
        QFETCH(bool, wait);
        Connection holder(m_cluster.spec(m_db));
        QSignalSpy opened(&holder, &Connection::opened);
        QSignalSpy done(&holder, &Connection::finished);
        holder.open();
        QVERIFY(opened.wait(10000));
        const int holderPid = holder.serverInfo().backendPid;
        QVERIFY(holderPid > 0);
        holder.submit(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(MigrationRunner::lockKey()));
        QVERIFY(done.wait(10000));

        RunRequest r = request();
        r.wait = wait;
        MigrationRunner runner(m_cluster.spec(m_db), twoMigrations(), Ledger(), r);
        Recorder recorder(runner);
        QSignalSpy waiting(&runner, &MigrationRunner::waiting);
        runner.start();
        QVERIFY(waiting.wait(10000));
        QCOMPARE(waiting.first().first().toInt(), holderPid);

        if (!wait) {
            QVERIFY(recorder.waitFinished());
            const RunReport report = recorder.report();
            QCOMPARE(report.outcome, RunReport::Outcome::Refused);
            QVERIFY2(report.message.contains(QString::number(holderPid)), qPrintable(report.message));
            QCOMPARE(recorder.events,
                     (QStringList{"connected", QStringLiteral("waiting %1").arg(holderPid), "finished refused"}));
            QVERIFY(!exists(QStringLiteral("drizzle.__drizzle_migrations")));
            return;
        }

        // The runner's session blocks in pg_advisory_lock until the holder lets go.
        QTRY_COMPARE_WITH_TIMEOUT(sql(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")),
                                  QStringLiteral("1"), 10000);
        QVERIFY(!recorder.isFinished());
        QVERIFY(!recorder.events.contains(QStringLiteral("planned")));
        done.clear();
        holder.submit(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(MigrationRunner::lockKey()));
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(1).value<QueryResult>().value(0, 0), QStringLiteral("t"));

        QVERIFY(recorder.waitFinished());
        const RunReport report = recorder.report();
        QVERIFY2(report.outcome == RunReport::Outcome::Done, qPrintable(report.message));
        QCOMPARE(report.applied, (QStringList{"0000_a", "0001_b"}));
        QCOMPARE(recorder.events.mid(0, 3),
                 (QStringList{"connected", QStringLiteral("waiting %1").arg(holderPid), "planned"}));
    }

    void cancelDuringAStatement()
    {
        const MigrationFolder folder =
            folderOf({{"0000_a", W0, "CREATE TABLE \"t\" (\"id\" integer);\n--> statement-breakpoint\nSELECT pg_sleep(60);\n", {}},
                      {"0001_b", W1, alterT, {}}});
        MigrationRunner runner(m_cluster.spec(m_db), folder, Ledger(), request());
        Recorder recorder(runner);
        runner.start();
        // Cancel only once the server is running the sleep.
        QTRY_COMPARE_WITH_TIMEOUT(sql(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' "
                                                     "AND state = 'active'")),
                                  QStringLiteral("1"), 20000);
        QVERIFY(!recorder.isFinished());
        runner.cancel();
        QVERIFY(recorder.waitFinished(30000));
        const RunReport report = recorder.report();
        QCOMPARE(report.outcome, RunReport::Outcome::Cancelled);
        QVERIFY(report.applied.isEmpty());
        QCOMPARE(report.notApplied, (QStringList{"0000_a", "0001_b"}));
        QCOMPARE(report.error.kind, PgError::Kind::Cancelled);
        QVERIFY(!recorder.events.contains(QStringLiteral("statementFinished 0.1")));
        QVERIFY(!recorder.events.contains(QStringLiteral("migrationFinished 0 0000_a")));
        QVERIFY(!exists(QStringLiteral("public.t")));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM drizzle.__drizzle_migrations")), QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("SELECT result FROM drizzle.__strata_runs")), QStringLiteral("cancelled"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")), QStringLiteral("0"));
    }

    void confirmWaitsForProceed_data()
    {
        QTest::addColumn<bool>("proceed");
        QTest::newRow("proceed") << true;
        QTest::newRow("cancel") << false;
    }

    void confirmWaitsForProceed()
    {
        QFETCH(bool, proceed);
        RunRequest r = request();
        r.confirm = true;
        MigrationRunner runner(m_cluster.spec(m_db), twoMigrations(), Ledger(), r);
        Recorder recorder(runner);
        QSignalSpy planned(&runner, &MigrationRunner::planned);
        runner.start();
        QVERIFY(planned.wait(10000));
        QCOMPARE(runner.batch().tags(), (QStringList{"0000_a", "0001_b"}));
        QCOMPARE(runner.plan().toApply(false), (QList<int>{0, 1}));
        // Let queued work run: nothing may start before the answer.
        QTest::qWait(200);
        QCOMPARE(recorder.events, (QStringList{"connected", "planned"}));
        QVERIFY(!exists(QStringLiteral("drizzle.__drizzle_migrations")));

        if (proceed)
            runner.proceed();
        else
            runner.cancel();
        QVERIFY(recorder.waitFinished());
        const RunReport report = recorder.report();
        if (proceed) {
            QVERIFY2(report.outcome == RunReport::Outcome::Done, qPrintable(report.message));
            QCOMPARE(report.applied, (QStringList{"0000_a", "0001_b"}));
            QVERIFY(exists(QStringLiteral("public.t")));
        } else {
            QCOMPARE(report.outcome, RunReport::Outcome::Cancelled);
            QVERIFY(report.applied.isEmpty());
            QCOMPARE(recorder.events, (QStringList{"connected", "planned", "finished cancelled"}));
            QVERIFY(!exists(QStringLiteral("drizzle.__drizzle_migrations")));
            QVERIFY(!exists(QStringLiteral("public.t")));
        }
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")), QStringLiteral("0"));
    }

    // Mode All still commits where PostgreSQL needs it: before a new enum value is used
    // (drizzle's one transaction fails there with 55P04), and around CREATE INDEX CONCURRENTLY.
    void commitsWhereTheBatchSays()
    {
        const MigrationFolder folder = folderOf(
            {{"0000_a", W0, "CREATE TYPE \"role\" AS ENUM('a');\n--> statement-breakpoint\n"
                            "CREATE TABLE \"users\" (\"id\" integer, \"role\" \"role\");\n", {}},
             {"0001_b", W1, "ALTER TYPE \"role\" ADD VALUE 'b';\n", {}},
             {"0002_c", W1 + 1000, "ALTER TABLE \"users\" ALTER COLUMN \"role\" SET DEFAULT 'b';\n--> statement-breakpoint\n"
                                   "CREATE INDEX CONCURRENTLY \"users_id\" ON \"users\" (\"id\");\n", {}},
             {"0003_d", W1 + 2000, "INSERT INTO \"users\" (\"id\") VALUES (1);\n", {}}});
        MigrationRunner runner(m_cluster.spec(m_db), folder, Ledger(), request());
        Recorder recorder(runner);
        runner.start();
        QVERIFY(recorder.waitFinished());
        const RunReport report = recorder.report();
        QVERIFY2(report.outcome == RunReport::Outcome::Done, qPrintable(report.message));
        QCOMPARE(report.applied, (QStringList{"0000_a", "0001_b", "0002_c", "0003_d"}));
        QVERIFY(report.partial.isEmpty());  // 0002_c committed midway, then finished
        QStringList commits;
        for (const QString &event : std::as_const(recorder.events)) {
            if (event.startsWith(QLatin1String("committed ")))
                commits.append(event);
        }
        QCOMPARE(commits, (QStringList{"committed 0000_a,0001_b", "committed 0002_c", "committed 0003_d"}));
        QCOMPARE(sql(QStringLiteral("SELECT role FROM users")), QStringLiteral("b"));
        QCOMPARE(sql(QStringLiteral("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_id'::regclass")),
                 QStringLiteral("t"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM drizzle.__drizzle_migrations")), QStringLiteral("4"));
    }

    void dryRunChangesNothing()
    {
        RunRequest r = request();
        r.dryRun = true;
        MigrationRunner runner(m_cluster.spec(m_db), twoMigrations(), Ledger(), r);
        Recorder recorder(runner);
        runner.start();
        QVERIFY(recorder.waitFinished());
        const RunReport report = recorder.report();
        QCOMPARE(report.outcome, RunReport::Outcome::DryRun);
        QVERIFY(report.applied.isEmpty());
        QCOMPARE(report.notApplied, (QStringList{"0000_a", "0001_b"}));
        QCOMPARE(runner.batch().statementCount(), 3);
        QVERIFY(runner.batch().sqlText().contains(QLatin1String("ALTER TABLE \"t\" ADD COLUMN \"x\" integer;")));
        QCOMPARE(recorder.events, (QStringList{"connected", "planned", "finished dry-run"}));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'drizzle'")), QStringLiteral("0"));
        QVERIFY(!exists(QStringLiteral("public.t")));
    }

    void failingStatement_data()
    {
        QTest::addColumn<TransactionMode>("mode");
        QTest::addColumn<QStringList>("applied");
        QTest::newRow("all") << TransactionMode::All << QStringList{};
        QTest::newRow("each") << TransactionMode::Each << QStringList{"0000_a"};
    }

    void failingStatement()
    {
        QFETCH(TransactionMode, mode);
        QFETCH(QStringList, applied);
        const QByteArray failing = "ALTER TABLE \"t\" ADD COLUMN \"y\" integer;\n--> statement-breakpoint\n"
                                   "INSERT INTO \"t\" (\"id\")\n  SELECT \"nosuch\" FROM \"t\";\n";
        const MigrationFolder folder = folderOf({{"0000_a", W0, createT, {}}, {"0001_b", W1, failing, {}}});
        RunRequest r = request();
        r.mode = mode;
        MigrationRunner runner(m_cluster.spec(m_db), folder, Ledger(), r);
        Recorder recorder(runner);
        runner.start();
        QVERIFY(recorder.waitFinished());
        const RunReport report = recorder.report();
        QCOMPARE(report.outcome, RunReport::Outcome::Failed);
        QCOMPARE(report.error.sqlState, QStringLiteral("42703"));
        QCOMPARE(report.failedTag, QStringLiteral("0001_b"));
        QCOMPARE(report.failedFile, QStringLiteral("0001_b.sql"));
        QCOMPARE(report.statement, QStringLiteral("INSERT INTO \"t\" (\"id\")\n  SELECT \"nosuch\" FROM \"t\""));
        QCOMPARE(report.position.line, 4);
        QCOMPARE(report.position.column, 10);
        QCOMPARE(report.applied, applied);
        QCOMPARE(report.notApplied, (applied.isEmpty() ? QStringList{"0000_a", "0001_b"} : QStringList{"0001_b"}));
        QVERIFY(!recorder.events.contains(QStringLiteral("migrationFinished 1 0001_b")));
        QCOMPARE(exists(QStringLiteral("public.t")), !applied.isEmpty());
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM drizzle.__drizzle_migrations")), QString::number(applied.size()));
        QCOMPARE(sql(QStringLiteral("SELECT result FROM drizzle.__strata_runs")), QStringLiteral("failed"));
    }

    // What a migration ran before a statement that cannot run in a transaction is committed
    // first; when that statement then fails, the report names the migration as partial.
    void failingStandaloneStatementLeavesAPartialMigration()
    {
        const QByteArray partial = "CREATE TABLE \"u\" (\"id\" integer);\n--> statement-breakpoint\n"
                                   "CREATE INDEX CONCURRENTLY \"u_id\" ON \"nosuch\" (\"id\");\n";
        const MigrationFolder folder = folderOf({{"0000_a", W0, createT, {}}, {"0001_b", W1, partial, {}}});
        MigrationRunner runner(m_cluster.spec(m_db), folder, Ledger(), request());
        Recorder recorder(runner);
        runner.start();
        QVERIFY(recorder.waitFinished());
        const RunReport report = recorder.report();
        QCOMPARE(report.outcome, RunReport::Outcome::Failed);
        QCOMPARE(report.error.sqlState, QStringLiteral("42P01"));
        QCOMPARE(report.failedTag, QStringLiteral("0001_b"));
        QCOMPARE(report.position.line, 3);
        QCOMPARE(report.position.column, 1);  // no position from the server: the statement's start
        // 0000_a and 0001_b's CREATE TABLE committed before the index was tried.
        QCOMPARE(report.applied, QStringList{"0000_a"});
        QVERIFY(exists(QStringLiteral("public.u")));
        QCOMPARE(report.partial, QStringLiteral("0001_b"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM drizzle.__drizzle_migrations")), QStringLiteral("1"));
    }

    void rollbackWithAStoredDownFile()
    {
        const QByteArray createU = "CREATE TABLE \"u\" (\"id\" integer);\n";
        const MigrationFolder folder = folderOf({{"0000_a", W0, createT, {}}, {"0001_b", W1, createU, "DROP TABLE \"u\";\n"}});
        QVERIFY(folder.migrations()[1].hasDown);
        {
            MigrationRunner up(m_cluster.spec(m_db), folder, Ledger(), request());
            Recorder recorder(up);
            up.start();
            QVERIFY(recorder.waitFinished());
            QCOMPARE(recorder.report().outcome, RunReport::Outcome::Done);
        }
        QVERIFY(exists(QStringLiteral("public.u")));

        RunRequest r = request();
        r.action = RunRequest::Action::Rollback;
        r.steps = 1;
        MigrationRunner down(m_cluster.spec(m_db), folder, Ledger(), r);
        Recorder recorder(down);
        down.start();
        QVERIFY(recorder.waitFinished());
        const RunReport report = recorder.report();
        QVERIFY2(report.outcome == RunReport::Outcome::Done, qPrintable(report.message));
        QCOMPARE(report.applied, QStringList{"0001_b"});
        QCOMPARE(down.batch().direction(), MigrationBatch::Direction::Down);
        QVERIFY(recorder.events.contains(QStringLiteral("statementStarted 0.0/1 DROP TABLE \"u\"")));
        QVERIFY(!exists(QStringLiteral("public.u")));
        QVERIFY(exists(QStringLiteral("public.t")));
        QCOMPARE(ledgerRows(), QStringLiteral("%1 %2").arg(sha256Hex(createT)).arg(W0));
        QCOMPARE(sql(QStringLiteral("SELECT string_agg(action || ' ' || result, ',' ORDER BY id) FROM drizzle.__strata_runs")),
                 QStringLiteral("migrate succeeded,rollback succeeded"));

        // 0000_a has no down SQL (custom SQL over equal snapshots): refused, nothing changes.
        MigrationRunner refused(m_cluster.spec(m_db), folder, Ledger(), r);
        Recorder refusal(refused);
        refused.start();
        QVERIFY(refusal.waitFinished());
        QCOMPARE(refusal.report().outcome, RunReport::Outcome::Refused);
        QVERIFY2(refusal.report().message.contains(QLatin1String("0000_a")), qPrintable(refusal.report().message));
        QVERIFY(exists(QStringLiteral("public.t")));
        QCOMPARE(ledgerRows(), QStringLiteral("%1 %2").arg(sha256Hex(createT)).arg(W0));
    }

    void connectFailed()
    {
        ConnectionSpec closed = m_cluster.tcpSpec(m_db);
        closed.setValue(QStringLiteral("port"), QStringLiteral("1"));
        closed.setValue(QStringLiteral("connect_timeout"), QStringLiteral("10"));
        MigrationRunner runner(closed, twoMigrations(), Ledger(), request());
        Recorder recorder(runner);
        runner.start();
        QVERIFY(recorder.waitFinished());
        const RunReport report = recorder.report();
        QCOMPARE(report.outcome, RunReport::Outcome::ConnectFailed);
        QCOMPARE(report.error.kind, PgError::Kind::ConnectFailed);
        QVERIFY(!report.message.isEmpty());
        QCOMPARE(recorder.events, QStringList{"finished connect-failed"});
    }
};

STRATA_TEST(MigrationRunnerTest)
#include "MigrationRunnerTest.moc"
