// Connection and DbWorker against a real server: connect, errors, cancel, a server that
// goes away, and .pgpass.
#include "TestCluster.h"
#include "TestRegistry.h"

#include "pg/Connection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;

class ConnectionTest : public QObject
{
    Q_OBJECT

private:
    test::TestCluster m_cluster;

    // Runs one statement on a fresh connection and returns its result (fails the test otherwise).
    QueryResult exec(const ConnectionSpec &spec, const QString &sql, const QStringList &params = {})
    {
        Connection connection(spec);
        QSignalSpy opened(&connection, &Connection::opened);
        QSignalSpy openFailed(&connection, &Connection::openFailed);
        connection.open();
        if (!opened.wait(10000))
            qFatal("could not connect for %s: %s", qPrintable(sql),
                   qPrintable(openFailed.value(0).value(0).value<PgError>().toString()));
        QSignalSpy finished(&connection, &Connection::finished);
        QSignalSpy failed(&connection, &Connection::failed);
        connection.submit(sql, params);
        for (int i = 0; i < 200 && finished.isEmpty() && failed.isEmpty(); ++i)
            QTest::qWait(100);
        if (finished.isEmpty() && failed.isEmpty())
            qFatal("%s timed out", qPrintable(sql));
        if (!failed.isEmpty())
            qFatal("%s failed: %s", qPrintable(sql),
                   qPrintable(failed.first().at(1).value<PgError>().toString()));
        return finished.first().at(1).value<QueryResult>();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
    }

    void connectsAndReportsTheServer()
    {
        Connection connection(m_cluster.spec(QStringLiteral("postgres")));
        QSignalSpy opened(&connection, &Connection::opened);
        QSignalSpy states(&connection, &Connection::stateChanged);
        connection.open();
        QCOMPARE(connection.state(), Connection::State::Connecting);
        QVERIFY(opened.wait(10000));
        const auto info = opened.first().first().value<ServerInfo>();
        QVERIFY2(info.versionNumber >= 130000, qPrintable(info.version));
        QCOMPARE(info.user, m_cluster.cluster().superuser());
        QCOMPARE(info.database, QStringLiteral("postgres"));
        QVERIFY(info.backendPid > 0);
        QVERIFY(connection.isOpen());

        // application_name is set for the session, so admins can see who is connected.
        QSignalSpy finished(&connection, &Connection::finished);
        connection.submit(QStringLiteral("SELECT current_setting('application_name')"));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(1).value<QueryResult>().value(0, 0), QStringLiteral("strata"));
    }

    void resultsKeepNullApartFromEmpty()
    {
        const QueryResult result = exec(m_cluster.spec(QStringLiteral("postgres")),
                                        QStringLiteral("SELECT $1::text AS a, $2::text AS b, 'é☃'::text AS c"),
                                        {QString(), QStringLiteral("")});
        QCOMPARE(result.columns(), (QStringList{"a", "b", "c"}));
        QCOMPARE(result.rowCount(), 1);
        QVERIFY(result.isNull(0, 0));
        QVERIFY(!result.isNull(0, 1));
        QCOMPARE(result.value(0, 1), QString(""));
        QCOMPARE(result.value(0, 2), QStringLiteral("é☃"));
    }

    // submitSnapshot: one read-only REPEATABLE READ transaction, each statement reporting
    // under its own id; after a failure the rest report nothing and the session is usable.
    void aSnapshotRunsInOneReadOnlyTransaction()
    {
        Connection connection(m_cluster.spec(QStringLiteral("postgres")));
        QSignalSpy opened(&connection, &Connection::opened);
        connection.open();
        QVERIFY(opened.wait(10000));
        QSignalSpy finished(&connection, &Connection::finished);
        QSignalSpy failed(&connection, &Connection::failed);
        const QString now = QStringLiteral("SELECT pg_catalog.now()::text, $1::text");
        const RequestId first = connection.submitSnapshot({
            {now, {QStringLiteral("a")}},
            {QStringLiteral("SELECT pg_sleep(0.05), current_setting('transaction_isolation')"), {}},
            {now, {QStringLiteral("b")}},
            {QStringLiteral("SELECT current_setting('transaction_read_only')"), {}}});
        QVERIFY(first != 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 10000);
        QVERIFY(failed.isEmpty());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(finished.at(i).at(0).value<RequestId>(), first + RequestId(i));
        auto cell = [&](int i, int column) { return finished.at(i).at(1).value<QueryResult>().value(0, column); };
        QCOMPARE(cell(0, 1), QStringLiteral("a"));
        QCOMPARE(cell(0, 0), cell(2, 0));  // now() is the transaction's start
        QCOMPARE(cell(1, 1), QStringLiteral("repeatable read"));
        QCOMPARE(cell(3, 0), QStringLiteral("on"));

        finished.clear();
        const RequestId second = connection.submitSnapshot({
            {QStringLiteral("SELECT 1"), {}}, {QStringLiteral("SELECT 1/0"), {}}, {QStringLiteral("SELECT 3"), {}}});
        QVERIFY(failed.wait(5000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<RequestId>(), second + 1);
        QCOMPARE(failed.first().at(1).value<PgError>().sqlState, QStringLiteral("22012"));
        // The aborted transaction was rolled back: the session is idle, not in a transaction.
        finished.clear();
        connection.submit(QStringLiteral("SELECT current_setting('transaction_isolation')"));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(1).value<QueryResult>().value(0, 0), QStringLiteral("read committed"));
    }

    // cancelRequest before the snapshot starts: it never runs and reports one cancellation.
    void aCancelledSnapshotReportsOnce()
    {
        Connection connection(m_cluster.spec(QStringLiteral("postgres")));
        QSignalSpy opened(&connection, &Connection::opened);
        connection.open();
        QVERIFY(opened.wait(10000));
        QSignalSpy finished(&connection, &Connection::finished);
        QSignalSpy failed(&connection, &Connection::failed);
        connection.submit(QStringLiteral("SELECT pg_sleep(0.3)"));  // keeps the worker busy
        const RequestId first = connection.submitSnapshot({{QStringLiteral("SELECT 1"), {}},
                                                           {QStringLiteral("SELECT 2"), {}}});
        connection.cancelRequest(first);
        QVERIFY(failed.wait(5000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);  // the sleep, which cancelRequest left alone
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<RequestId>(), first);
        QCOMPARE(failed.first().at(1).value<PgError>().kind, PgError::Kind::Cancelled);
    }

    void serverErrorsCarryTheirFields()
    {
        Connection connection(m_cluster.spec(QStringLiteral("postgres")));
        QSignalSpy opened(&connection, &Connection::opened);
        connection.open();
        QVERIFY(opened.wait(10000));
        QSignalSpy failed(&connection, &Connection::failed);
        const RequestId id = connection.submit(QStringLiteral("SELECT * FROM no_such_table"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).value<RequestId>(), id);
        const auto error = failed.first().at(1).value<PgError>();
        QCOMPARE(error.kind, PgError::Kind::Server);
        QCOMPARE(error.sqlState, QStringLiteral("42P01"));
        QVERIFY(error.message.contains(QLatin1String("no_such_table")));
        QCOMPARE(error.position, 15);
        QVERIFY(connection.isOpen());  // a failed statement leaves the session usable
    }

    void wrongPasswordGivesAClearError()
    {
        const ConnectionSpec admin = m_cluster.spec(QStringLiteral("postgres"));
        exec(admin, QStringLiteral("CREATE ROLE alice LOGIN PASSWORD 'right horse'"));
        ConnectionSpec spec = m_cluster.tcpSpec(QStringLiteral("postgres"));
        spec.setValue(QStringLiteral("user"), QStringLiteral("alice"));
        spec.setValue(QStringLiteral("password"), QStringLiteral("wrong horse"));
        Connection connection(spec);
        QSignalSpy failed(&connection, &Connection::openFailed);
        connection.open();
        QVERIFY(failed.wait(10000));
        const auto error = failed.first().first().value<PgError>();
        QCOMPARE(error.kind, PgError::Kind::ConnectFailed);
        QVERIFY2(error.message.contains(QLatin1String("password authentication failed for user \"alice\"")),
                 qPrintable(error.message));
        QCOMPARE(connection.state(), Connection::State::Closed);

        // No password at all: the caller learns that one is needed and can ask for it.
        spec.remove(QStringLiteral("password"));
        spec.setValue(QStringLiteral("passfile"), QStringLiteral("/nonexistent"));
        Connection noPassword(spec);
        QSignalSpy failedAgain(&noPassword, &Connection::openFailed);
        noPassword.open();
        QVERIFY(failedAgain.wait(10000));
        QVERIFY(failedAgain.first().first().value<PgError>().needsPassword);
    }

    void pgpassSuppliesThePassword()
    {
        exec(m_cluster.spec(QStringLiteral("postgres")),
             QStringLiteral("CREATE ROLE bob LOGIN PASSWORD 'from pgpass'"));
        QTemporaryDir dir;
        const QString passfile = dir.filePath(QStringLiteral("pgpass"));
        QFile file(passfile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("127.0.0.1:%1:*:bob:from pgpass\n").arg(m_cluster.cluster().port()).toUtf8());
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);  // libpq ignores group-readable files

        ConnectionSpec spec = m_cluster.tcpSpec(QStringLiteral("postgres"));
        spec.setValue(QStringLiteral("user"), QStringLiteral("bob"));
        spec.remove(QStringLiteral("password"));
        spec.setValue(QStringLiteral("passfile"), passfile);
        QCOMPARE(exec(spec, QStringLiteral("SELECT current_user")).value(0, 0), QStringLiteral("bob"));
    }

    void cancelStopsALongQueryAndTheWorkerStaysUsable()
    {
        Connection connection(m_cluster.spec(QStringLiteral("postgres")));
        QSignalSpy opened(&connection, &Connection::opened);
        connection.open();
        QVERIFY(opened.wait(10000));
        QSignalSpy failed(&connection, &Connection::failed);
        QSignalSpy finished(&connection, &Connection::finished);
        QElapsedTimer timer;
        timer.start();
        connection.submit(QStringLiteral("SELECT pg_sleep(30)"));
        QTest::qWait(300);  // let it start on the server
        connection.cancel();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(1).value<PgError>().kind, PgError::Kind::Cancelled);
        connection.submit(QStringLiteral("SELECT 42"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).value<QueryResult>().value(0, 0), QStringLiteral("42"));
        // Far less than the 30 s sleep: the cancel reached the server.
        QVERIFY2(timer.elapsed() < 29000, qPrintable(QString::number(timer.elapsed())));
    }

    void aServerThatGoesAwayIsNoticedAndReconnectWorks()
    {
        Connection connection(m_cluster.spec(QStringLiteral("postgres")));
        QSignalSpy opened(&connection, &Connection::opened);
        connection.open();
        QVERIFY(opened.wait(10000));
        QSignalSpy failed(&connection, &Connection::failed);
        QSignalSpy lost(&connection, &Connection::lost);
        connection.submit(QStringLiteral("SELECT pg_sleep(30)"));
        QTest::qWait(300);
        m_cluster.cluster().stop();
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.first().at(1).value<PgError>().kind, PgError::Kind::ConnectionLost);
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
        QCOMPARE(connection.state(), Connection::State::Lost);

        // Queries fail clearly while the server is down.
        connection.submit(QStringLiteral("SELECT 1"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 5000);
        QCOMPARE(failed.at(1).at(1).value<PgError>().kind, PgError::Kind::ConnectionLost);

        QString error;
        QVERIFY2(m_cluster.cluster().startAndWait(&error), qPrintable(error));
        opened.clear();
        connection.reconnect();
        QVERIFY(opened.wait(10000));
        QSignalSpy finished(&connection, &Connection::finished);
        connection.submit(QStringLiteral("SELECT 7"));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(1).value<QueryResult>().value(0, 0), QStringLiteral("7"));
    }

    void anIdleConnectionNoticesTheServerLeaving()
    {
        Connection connection(m_cluster.spec(QStringLiteral("postgres")));
        QSignalSpy opened(&connection, &Connection::opened);
        connection.open();
        QVERIFY(opened.wait(10000));
        QSignalSpy lost(&connection, &Connection::lost);
        // Terminate our backend from another session, as an admin or a restart would.
        exec(m_cluster.spec(QStringLiteral("postgres")), QStringLiteral("SELECT pg_terminate_backend($1)"),
             {QString::number(connection.serverInfo().backendPid)});
        // exec() spins the event loop, so the signal may already be in the spy.
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 10000);
        QCOMPARE(connection.state(), Connection::State::Lost);
    }
};

STRATA_TEST(ConnectionTest)
#include "ConnectionTest.moc"
