// `strata migrate` when things go wrong around it: the process killed or interrupted mid-run,
// the server stopped mid-run, two runs at once. Each time the ledger and the schema agree
// afterwards, and the next run finishes.
#include "MigrateFixture.h"
#include "TestRegistry.h"

using namespace strata;
using namespace strata::test;

class MigrateRecoveryTest : public MigrateFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(startCluster(&error), qPrintable(error));
    }

    void init() { useFreshDatabase(); }

    // A killed `strata migrate` leaves nothing of its open transaction; the server ends the
    // orphaned backend, and the next run applies everything.
    void killedRunLeavesConsistentState()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        // The sleep is on while test_control says so, so that the run after the kill is quick.
        QVERIFY(
            exec(QStringLiteral("CREATE TABLE test_control (sleep boolean); INSERT INTO test_control VALUES (true);")));
        QVERIFY(writeFolder(dir,
                            {{QStringLiteral("0000_a"), kWhen, QStringLiteral("CREATE TABLE \"a\" (\"id\" integer);")},
                             {QStringLiteral("0001_b"), kWhen + 1000,
                              QStringLiteral("CREATE TABLE \"b\" (\"id\" integer);\n--> statement-breakpoint\n"
                                             "SELECT pg_sleep(30) FROM \"test_control\" WHERE \"sleep\";\n"
                                             "--> statement-breakpoint\nCREATE TABLE \"c\" (\"id\" integer);")}}));

        const std::unique_ptr<QProcess> victim =
            spawn(QStringLiteral("migrate"), dir, {QStringLiteral("--tx"), QStringLiteral("each")});
        const int backend = waitForStatement(QStringLiteral("pg_sleep(30)"));
        QVERIFY2(backend > 0, qPrintable(QString::fromUtf8(victim->readAllStandardError())));
        victim->kill();
        QVERIFY(victim->waitForFinished(10000));
        QElapsedTimer clock;
        clock.start();

        // 0000_a committed before 0001_b began; 0001_b's transaction never did.
        QCOMPARE(tables(), QStringLiteral("public.a public.test_control"));
        QCOMPARE(ledger(), whens({0}));
        // client_connection_check_interval: the server notices the dead client mid-statement.
        QVERIFY2(waitForLockReleased(25000), "the killed run's backend still holds the lock");
        qInfo("the killed run's backend let go of the lock %lld ms after the kill", clock.elapsed());
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1").arg(backend)),
                 QStringLiteral("0"));

        QVERIFY(exec(QStringLiteral("UPDATE test_control SET sleep = false")));
        const test::CliRun next = run(QStringLiteral("migrate"), dir);
        QVERIFY2(next.exitCode == 0 && next.out.contains(QLatin1String("Applied 1 migration")),
                 qPrintable(next.describe()));
        QCOMPARE(tables(), QStringLiteral("public.a public.b public.c public.test_control"));
        QCOMPARE(ledger(), whens({0, 1000}));
        // The killed run's record said 'running' until this run, holding the lock, knew better.
        QCOMPARE(value(QStringLiteral("SELECT string_agg(result, ' ' ORDER BY id) FROM drizzle.__strata_runs")),
                 QStringLiteral("interrupted succeeded"));
    }

    // The server stops in the middle of a run: exit code 3; after a restart the ledger and the
    // schema agree and the next run finishes.
    void serverStopMidRun()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        QVERIFY(
            exec(QStringLiteral("CREATE TABLE test_control (sleep boolean); INSERT INTO test_control VALUES (true);")));
        QVERIFY(writeFolder(dir,
                            {{QStringLiteral("0000_a"), kWhen, QStringLiteral("CREATE TABLE \"a\" (\"id\" integer);")},
                             {QStringLiteral("0001_b"), kWhen + 1000,
                              QStringLiteral("CREATE TABLE \"b\" (\"id\" integer);\n--> statement-breakpoint\n"
                                             "SELECT pg_sleep(30) FROM \"test_control\" WHERE \"sleep\";")}}));
        const std::unique_ptr<QProcess> cutOff =
            spawn(QStringLiteral("migrate"), dir, {QStringLiteral("--tx"), QStringLiteral("each")});
        QVERIFY(waitForStatement(QStringLiteral("pg_sleep(30)")) > 0);
        QElapsedTimer clock;
        clock.start();
        m_cluster.cluster().stop();
        QVERIFY(cutOff->waitForFinished(60000));
        qInfo("strata migrate ended %lld ms after the server was told to stop", clock.elapsed());
        const test::CliRun result = collect(*cutOff);
        QVERIFY2(result.exitCode == 3 && result.err.contains(QLatin1String("connection was lost")),
                 qPrintable(result.describe()));

        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        m_url = url(m_db);  // the port may have changed
        QCOMPARE(tables(), QStringLiteral("public.a public.test_control"));
        QCOMPARE(ledger(), whens({0}));
        QVERIFY(exec(QStringLiteral("UPDATE test_control SET sleep = false")));
        const test::CliRun next = run(QStringLiteral("migrate"), dir);
        QVERIFY2(next.exitCode == 0, qPrintable(next.describe()));
        QCOMPARE(tables(), QStringLiteral("public.a public.b public.test_control"));
        QCOMPARE(ledger(), whens({0, 1000}));
    }

    // Two runs at once: one waits for the other, and each migration is applied once. With
    // --no-wait the second one refuses instead.
    void concurrentRunsApplyOnce()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        QVERIFY(
            writeFolder(dir,
                        {{QStringLiteral("0000_hits"), kWhen, QStringLiteral("CREATE TABLE \"hits\" (\"n\" integer);")},
                         {QStringLiteral("0001_hit"), kWhen + 1000,
                          QStringLiteral("INSERT INTO \"hits\" VALUES (1);\n--> statement-breakpoint\n"
                                         "SELECT pg_sleep(2);")}}));
        const std::unique_ptr<QProcess> first = spawn(QStringLiteral("migrate"), dir);
        const std::unique_ptr<QProcess> second = spawn(QStringLiteral("migrate"), dir);
        QVERIFY(first->waitForFinished(60000));
        QVERIFY(second->waitForFinished(60000));
        const test::CliRun one = collect(*first);
        const test::CliRun two = collect(*second);
        QVERIFY2(one.exitCode == 0, qPrintable(one.describe()));
        QVERIFY2(two.exitCode == 0, qPrintable(two.describe()));
        const QLatin1String waiting("Waiting for another migration run");
        QVERIFY2(one.err.contains(waiting) != two.err.contains(waiting),
                 qPrintable(one.describe() + QLatin1Char('\n') + two.describe()));
        const test::CliRun &waited = one.err.contains(waiting) ? one : two;
        QVERIFY2(waited.out.contains(QLatin1String("Nothing to apply")), qPrintable(waited.describe()));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM hits")), QStringLiteral("1"));
        QCOMPARE(ledger(), whens({0, 1000}));

        // --no-wait while another run holds the lock (it is in its pg_sleep).
        const QString other = newDatabase(m_db + QStringLiteral("_nowait"));
        m_url = url(other);
        const std::unique_ptr<QProcess> holder = spawn(QStringLiteral("migrate"), dir);
        QVERIFY(waitForStatement(QStringLiteral("pg_sleep(2)"), 30000, other) > 0);
        const test::CliRun refused = run(QStringLiteral("migrate"), dir, {QStringLiteral("--no-wait")});
        QVERIFY2(refused.exitCode == 1 && refused.err.contains(QLatin1String("--no-wait")),
                 qPrintable(refused.describe()));
        QVERIFY(holder->waitForFinished(60000));
        QVERIFY2(holder->exitCode() == 0, qPrintable(collect(*holder).describe()));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM hits"), other), QStringLiteral("1"));
        QCOMPARE(ledger(other), whens({0, 1000}));
    }

    // Ctrl-C while a statement runs: the statement is cancelled, the transaction rolls back,
    // exit code 4.
    void interruptCancelsTheRun()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        QVERIFY(writeFolder(dir,
                            {{QStringLiteral("0000_slow"), kWhen,
                              QStringLiteral("CREATE TABLE \"early\" (\"id\" integer);\n--> statement-breakpoint\n"
                                             "SELECT pg_sleep(600);")}}));
        const std::unique_ptr<QProcess> process = spawn(QStringLiteral("migrate"), dir);
        QVERIFY(waitForStatement(QStringLiteral("pg_sleep(600)")) > 0);

        // A second run waits for the lock; Ctrl-C ends its wait too.
        const std::unique_ptr<QProcess> waiter = spawn(QStringLiteral("migrate"), dir);
        QVERIFY(waitForLockWaiter(30000));
        QCOMPARE(::kill(pid_t(waiter->processId()), SIGINT), 0);
        QVERIFY(waiter->waitForFinished(60000));
        const test::CliRun waited = collect(*waiter);
        QVERIFY2(waited.exitCode == 4 && waited.err.contains(QLatin1String("Waiting for another migration run")),
                 qPrintable(waited.describe()));

        QElapsedTimer clock;
        clock.start();
        QCOMPARE(::kill(pid_t(process->processId()), SIGINT), 0);
        // A generous bound: it only tells "cancelled" from "waited for the statement".
        QVERIFY(process->waitForFinished(60000));
        qInfo("strata migrate ended %lld ms after SIGINT", clock.elapsed());
        const test::CliRun result = collect(*process);
        QVERIFY2(result.exitCode == 4 && result.err.contains(QLatin1String("cancelled")),
                 qPrintable(result.describe()));
        QCOMPARE(tables(), QString());
        QCOMPARE(ledger(), QString());
        // Only the run that got the lock is in the audit table.
        QCOMPARE(value(QStringLiteral(
                     "SELECT string_agg(result || ' ' || migrations::text, ', ') FROM drizzle.__strata_runs")),
                 QStringLiteral("cancelled {0000_slow}"));
        QVERIFY(waitForLockReleased(10000));
    }
};

STRATA_TEST(MigrateRecoveryTest)

#include "MigrateRecoveryTest.moc"
