// LocalCluster against real PostgreSQL: initdb, start, stop, restart, and above all that no
// server outlives the process that started it.
#include "TestCluster.h"
#include "TestRegistry.h"

#include "pg/LocalCluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace strata;
using namespace strata::test;

namespace {

// Sets an environment variable for one scope.
class EnvGuard
{
public:
    EnvGuard(const char *name, const QByteArray &value)
        : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~EnvGuard()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

// A cluster folder made without TestCluster: on leaving the scope, whatever happened, no
// server may run in it and it is removed.
class FolderGuard
{
public:
    FolderGuard() : m_folder(newTestClusterFolder()) {}
    ~FolderGuard()
    {
        for (qint64 pid : serverPidsUnder(m_folder))
            ::kill(pid_t(pid), SIGKILL);
        (void)QTest::qWaitFor([this] { return serverPidsUnder(m_folder).isEmpty(); }, 5000);
        QDir(m_folder).removeRecursively();
    }
    FolderGuard(const FolderGuard &) = delete;
    FolderGuard &operator=(const FolderGuard &) = delete;
    QString path() const { return m_folder; }

private:
    QString m_folder;
};

QString serverLog(const LocalCluster &cluster)
{
    QFile file(cluster.logFile());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class LocalClusterTest : public QObject
{
    Q_OBJECT
private slots:
    void findsServerPrograms();
    void initialisesStartsAndStops();
    void serverGoneWhenClusterDestroyed();
    void restartKeepsData();
    void asyncStartReportsProgress();
    void stopDuringInitDbLeavesNoData();
    void twoClustersGetDifferentPorts();
    void tcpWantsThePassword();
    void refusesSecondServerOnSameData();
    void startsAfterServerWasKilled();
    void startsWhenLockFilePidWasReused();
    void reportsMissingServerPrograms();
    void reportsFolderClosedToPostgresUser();
    void serverDiesWithCrashedParent();
    void cleanupTestCase();
};

void LocalClusterTest::findsServerPrograms()
{
    QString error;
    const QString binDir = LocalCluster::findBinDir(&error);
    QVERIFY2(!binDir.isEmpty(), qPrintable(error));
    QVERIFY(QFileInfo(binDir + QStringLiteral("/initdb")).isExecutable());
    QVERIFY(QFileInfo(binDir + QStringLiteral("/postgres")).isExecutable());
}

void LocalClusterTest::initialisesStartsAndStops()
{
    TestCluster test;
    LocalCluster &cluster = test.cluster();
    QVERIFY(!cluster.isInitialized());
    QVERIFY(!cluster.isRunning());

    QElapsedTimer clock;
    clock.start();
    QString error;
    QVERIFY2(test.start(&error), qPrintable(error));
    const qint64 firstStartMs = clock.elapsed();
    QVERIFY(cluster.isInitialized());
    QVERIFY(cluster.isRunning());
    QVERIFY(cluster.port() > 0);
    QCOMPARE(cluster.superuser(), QStringLiteral("strata"));
    const qint64 pid = cluster.serverPid();
    QVERIFY(isProcessAlive(pid));

    // Only the owner may reach the socket: that is what makes "trust" on it safe.
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(cluster.socketDir()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0700u);
    QVERIFY(QFileInfo::exists(cluster.socketDir()
                              + QStringLiteral("/.s.PGSQL.%1").arg(cluster.port())));

    const ConnectionSpec spec = cluster.spec(QStringLiteral("postgres"));
    QCOMPARE(spec.host(), cluster.socketDir());
    QCOMPARE(spec.port(), QString::number(cluster.port()));
    QCOMPARE(spec.user(), QStringLiteral("strata"));
    QCOMPARE(spec.dbname(), QStringLiteral("postgres"));
    QString output;
    QVERIFY2(test.runSql(QStringLiteral("SELECT current_user || ' ' || "
                                        "current_setting('server_encoding') || ' ' || "
                                        "current_setting('fsync') || ' ' || "
                                        "'[' || current_setting('listen_addresses') || ']'"),
                         &output, &error),
             qPrintable(error));
    // TestCluster turns TCP on.
    QCOMPARE(output, QStringLiteral("strata UTF8 off [127.0.0.1]"));

    clock.restart();
    cluster.stop();
    const qint64 stopMs = clock.elapsed();
    QVERIFY(!cluster.isRunning());
    QVERIFY(!isProcessAlive(pid));
    QVERIFY(serverPidsUnder(test.folder()).isEmpty());
    QVERIFY(!QFileInfo::exists(cluster.dataDir() + QStringLiteral("/postmaster.pid")));

    clock.restart();
    QVERIFY2(test.start(&error), qPrintable(error));
    const qint64 secondStartMs = clock.elapsed();
    qInfo("initdb + start %lld ms, start %lld ms, stop %lld ms", firstStartMs, secondStartMs,
          stopMs);
}

void LocalClusterTest::serverGoneWhenClusterDestroyed()
{
    const FolderGuard guard;
    const QString folder = guard.path();
    qint64 pid = 0;
    {
        LocalCluster cluster(folder);
        QString error;
        QVERIFY2(cluster.startAndWait(&error), qPrintable(error));
        pid = cluster.serverPid();
        QVERIFY(isProcessAlive(pid));
        QVERIFY(!serverPidsUnder(folder).isEmpty());
    }
    QVERIFY(!isProcessAlive(pid));
    QVERIFY(serverPidsUnder(folder).isEmpty());
}

void LocalClusterTest::restartKeepsData()
{
    TestCluster test;
    QString error;
    QVERIFY2(test.start(&error), qPrintable(error));
    QVERIFY2(test.createDatabase(QStringLiteral("keep \"me\""), &error), qPrintable(error));
    QVERIFY2(test.runSql(QStringLiteral("CREATE TABLE marker (note text);"
                                        "INSERT INTO marker VALUES ('still here')"),
                         nullptr, &error, QStringLiteral("keep \"me\"")),
             qPrintable(error));
    test.cluster().stop();

    const int port = test.cluster().port();
    QVERIFY2(test.start(&error), qPrintable(error));
    // The same port, so that connections made before the restart still fit.
    QCOMPARE(test.cluster().port(), port);
    QString output;
    QVERIFY2(test.runSql(QStringLiteral("SELECT note FROM marker"), &output, &error,
                         QStringLiteral("keep \"me\"")),
             qPrintable(error));
    QCOMPARE(output, QStringLiteral("still here"));
    test.cluster().stop();

    // Also a new LocalCluster on the folder (Strata started again) takes the last port.
    LocalCluster again(test.folder());
    QCOMPARE(again.port(), port);
    QVERIFY2(again.startAndWait(&error), qPrintable(error));
    QCOMPARE(again.port(), port);
    QVERIFY2(runPsql(again.spec(QStringLiteral("keep \"me\"")),
                     QStringLiteral("SELECT count(*) FROM marker"), &output, &error),
             qPrintable(error));
    QCOMPARE(output, QStringLiteral("1"));
}

void LocalClusterTest::asyncStartReportsProgress()
{
    const FolderGuard folder;
    LocalCluster cluster(folder.path());
    QSignalSpy started(&cluster, &LocalCluster::started);
    QSignalSpy failed(&cluster, &LocalCluster::failed);
    QSignalSpy progress(&cluster, &LocalCluster::progress);
    cluster.start();
    // Nothing is reported before start() returns, so connecting afterwards loses nothing.
    QCOMPARE(started.count(), 0);
    QCOMPARE(progress.count(), 0);
    QVERIFY(cluster.isStarting());
    QVERIFY(started.wait(60000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(cluster.isRunning());
    QStringList messages;
    for (const QList<QVariant> &args : std::as_const(progress))
        messages << args.at(0).toString();
    QCOMPARE(messages.size(), 3);  // initdb, starting, ready
    QVERIFY(messages.at(0).contains(cluster.dataDir()));
    QVERIFY(messages.at(1).contains(QString::number(cluster.port())));

    // start() on a running cluster just confirms.
    cluster.start();
    QVERIFY(started.wait(1000));
    QCOMPARE(started.count(), 2);
}

void LocalClusterTest::stopDuringInitDbLeavesNoData()
{
    TestCluster test;
    LocalCluster &cluster = test.cluster();
    QSignalSpy failed(&cluster, &LocalCluster::failed);
    QSignalSpy progress(&cluster, &LocalCluster::progress);
    cluster.start();
    QVERIFY(progress.wait(5000));  // initdb is running now
    cluster.stop();
    QCOMPARE(failed.count(), 1);
    QVERIFY(!cluster.isStarting());
    QVERIFY(!cluster.isInitialized());
    QVERIFY(!QFileInfo::exists(cluster.rootDir() + QStringLiteral("/data.new")));
    QVERIFY(!QFileInfo::exists(cluster.rootDir() + QStringLiteral("/initdb.pw")));

    QString error;
    QVERIFY2(test.start(&error), qPrintable(error));
}

void LocalClusterTest::twoClustersGetDifferentPorts()
{
    // TestCluster turns TCP on, so the ports really are held, and a clash would fail.
    TestCluster a;
    TestCluster b;
    QVERIFY(a.cluster().isTcpEnabled());
    QString error;
    QVERIFY2(a.start(&error), qPrintable(error));
    QVERIFY2(b.start(&error), qPrintable(error));
    QVERIFY(a.cluster().port() != b.cluster().port());
    QVERIFY(a.cluster().serverPid() != b.cluster().serverPid());
    QVERIFY2(a.runSql(QStringLiteral("CREATE TABLE only_in_a ()"), nullptr, &error),
             qPrintable(error));
    QString output;
    QVERIFY2(b.runSql(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'only_in_a'"),
                      &output, &error),
             qPrintable(error));
    QCOMPARE(output, QStringLiteral("0"));
}

void LocalClusterTest::tcpWantsThePassword()
{
    const FolderGuard folder;
    LocalCluster cluster(folder.path());
    // Off by default: the socket is the only way in.
    QVERIFY(!cluster.isTcpEnabled());
    QString error;
    QVERIFY2(cluster.startAndWait(&error), qPrintable(error));
    QString output;
    QVERIFY2(runPsql(cluster.spec(), QStringLiteral("SHOW listen_addresses"), &output, &error),
             qPrintable(error));
    QCOMPARE(output, QString());
    cluster.stop();

    cluster.setTcpEnabled(true);
    QVERIFY2(cluster.startAndWait(&error), qPrintable(error));
    ConnectionSpec tcp = cluster.tcpSpec();
    QCOMPARE(tcp.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(tcp.port(), QString::number(cluster.port()));
    QVERIFY(!tcp.hasPassword());
    QVERIFY(!runPsql(tcp, QStringLiteral("SELECT 1"), &output, &error));
    QVERIFY2(error.contains(QLatin1String("password")), qPrintable(error));

    QVERIFY(cluster.password().size() >= 16);
    tcp.setValue(QStringLiteral("password"), cluster.password());
    QVERIFY2(runPsql(tcp, QStringLiteral("SHOW listen_addresses"), &output, &error),
             qPrintable(error));
    QCOMPARE(output, QStringLiteral("127.0.0.1"));

    ConnectionSpec wrongPassword = tcp;
    wrongPassword.setValue(QStringLiteral("password"), QStringLiteral("guess"));
    QVERIFY(!runPsql(wrongPassword, QStringLiteral("SELECT 1"), &output, &error));
    QVERIFY2(error.contains(QLatin1String("password authentication failed")), qPrintable(error));
}

void LocalClusterTest::refusesSecondServerOnSameData()
{
    TestCluster test;
    QString error;
    QVERIFY2(test.start(&error), qPrintable(error));

    // As if an earlier Strata had left its server behind: a second cluster on the same folder.
    LocalCluster second(test.folder());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!second.startAndWait(&error, 30000));
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY2(error.contains(QLatin1String("already running")), qPrintable(error));
    QVERIFY2(error.contains(QString::number(test.cluster().serverPid())), qPrintable(error));
    QVERIFY(test.cluster().isRunning());
    QVERIFY(isProcessAlive(test.cluster().serverPid()));
}

void LocalClusterTest::startsAfterServerWasKilled()
{
    TestCluster test;
    QString error;
    QVERIFY2(test.start(&error), qPrintable(error));
    LocalCluster &cluster = test.cluster();
    QSignalSpy died(&cluster, &LocalCluster::stoppedUnexpectedly);

    // SIGKILL leaves postmaster.pid behind, with a pid that no longer exists.
    ::kill(pid_t(cluster.serverPid()), SIGKILL);
    QVERIFY(died.wait(5000));
    QVERIFY(!cluster.isRunning());
    QVERIFY(QFileInfo::exists(cluster.dataDir() + QStringLiteral("/postmaster.pid")));
    // Its children notice the postmaster's death and leave on their own.
    QTRY_VERIFY_WITH_TIMEOUT(serverPidsUnder(test.folder()).isEmpty(), 10000);

    QVERIFY2(test.start(&error), qPrintable(error));
    QString output;
    QVERIFY2(test.runSql(QStringLiteral("SELECT 1"), &output, &error), qPrintable(error));
    QCOMPARE(output, QStringLiteral("1"));
}

void LocalClusterTest::startsWhenLockFilePidWasReused()
{
    TestCluster test;
    QString error;
    QVERIFY2(test.start(&error), qPrintable(error));
    const QString pidFile = test.cluster().dataDir() + QStringLiteral("/postmaster.pid");
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    file.close();
    test.cluster().stop();

    // The crashed server's pid now belongs to an unrelated live process.
    QProcess sleeper;
    sleeper.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(sleeper.waitForStarted());
    lines[0] = QByteArray::number(sleeper.processId());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(lines.join('\n'));
    file.close();

    const bool ok = test.start(&error);
    sleeper.kill();
    sleeper.waitForFinished();
    QVERIFY2(ok, qPrintable(error));
}

void LocalClusterTest::reportsMissingServerPrograms()
{
    EnvGuard env("STRATA_PG_BINDIR", "/nonexistent/bin");
    TestCluster test;
    QString error;
    QVERIFY(!test.start(&error));
    QVERIFY2(error.contains(QLatin1String("STRATA_PG_BINDIR")), qPrintable(error));
    QVERIFY(!test.cluster().isStarting());
}

void LocalClusterTest::reportsFolderClosedToPostgresUser()
{
    if (::geteuid() != 0)
        QSKIP("only root hands the server to the postgres user");
    const FolderGuard folder;
    const QString closed = folder.path() + QStringLiteral("/closed");
    QVERIFY(QDir().mkpath(closed));
    QVERIFY(QFile::setPermissions(closed, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    LocalCluster cluster(closed + QStringLiteral("/cluster"));
    QString error;
    QVERIFY(!cluster.startAndWait(&error));
    QVERIFY2(error.contains(closed + QLatin1Char(' ')), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("postgres")), qPrintable(error));
}

void LocalClusterTest::serverDiesWithCrashedParent()
{
    // The child is this executable in a hidden mode (see TestCluster.cpp): it starts a
    // cluster in `folder`, prints the postmaster's pid, and aborts.
    const FolderGuard guard;
    const QString folder = guard.path();
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STRATA_TEST_CRASH_CHILD"), folder);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(90000));
    const QByteArray err = child.readAllStandardError();
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    const qint64 pid = child.readAllStandardOutput().trimmed().toLongLong();
    QVERIFY2(pid > 0, err.constData());

    QTRY_VERIFY_WITH_TIMEOUT(!isProcessAlive(pid), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(serverPidsUnder(folder).isEmpty(), 10000);
    // It was the parent-death signal (SIGINT: fast shutdown), not anything harsher.
    LocalCluster view(folder);
    QVERIFY2(serverLog(view).contains(QLatin1String("received fast shutdown request")),
             qPrintable(serverLog(view)));
    QCOMPARE(checkNoTestServers(), 0);
}

void LocalClusterTest::cleanupTestCase()
{
    // Every cluster of this class has been stopped and its folder removed. Only our own
    // folders: other test classes run in parallel, each in its own process.
    const QStringList left = QDir(testClusterRoot())
                                 .entryList({QStringLiteral("%1-*").arg(
                                                QCoreApplication::applicationPid())},
                                            QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    // A server whose folder was removed under it still has it as its cwd ("… (deleted)").
    const QString ours = testClusterRoot()
        + QStringLiteral("/%1-").arg(QCoreApplication::applicationPid());
    for (qint64 pid : serverPidsUnder(testClusterRoot())) {
        const QString cwd = QFile::symLinkTarget(QStringLiteral("/proc/%1/cwd").arg(pid));
        QVERIFY2(!cwd.startsWith(ours), qPrintable(cwd));
    }
}

STRATA_TEST(LocalClusterTest)

#include "LocalClusterTest.moc"
