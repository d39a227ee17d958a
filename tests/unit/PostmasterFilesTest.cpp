#include "TestFiles.h"
#include "TestRegistry.h"

#include "pg/PostmasterFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;
using namespace strata::test;

// postmaster.pid and postmaster.opts as a server writes them; LocalClusterTest runs real
// servers over the same files.
class PostmasterFilesTest : public QObject
{
    Q_OBJECT

private slots:
    void lastPort_data()
    {
        QTest::addColumn<QByteArray>("opts");  // empty: no file
        QTest::addColumn<int>("port");

        QTest::newRow("as postgres writes it")
            << QByteArray("/usr/lib/postgresql/15/bin/postgres \"-D\" \"/x/data\" \"-p\" \"5433\" "
                          "\"-k\" \"/x/socket\"\n")
            << 5433;
        QTest::newRow("port last on the line")
            << QByteArray("postgres \"-D\" \"/x/data\" \"-p\" \"6543\"\n") << 6543;
        QTest::newRow("no -p") << QByteArray("postgres \"-D\" \"/x/data\"\n") << 0;
        QTest::newRow("-p without a value") << QByteArray("postgres \"-p\"") << 0;
        QTest::newRow("out of range") << QByteArray("postgres \"-p\" \"70000\"\n") << 0;
        QTest::newRow("not a number") << QByteArray("postgres \"-p\" \"http\"\n") << 0;
        QTest::newRow("no file") << QByteArray() << 0;
    }

    void lastPort()
    {
        QFETCH(QByteArray, opts);
        QFETCH(int, port);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (!opts.isEmpty())
            QVERIFY(writeFile(dir.filePath(QStringLiteral("postmaster.opts")), opts));
        QCOMPARE(PostmasterFiles::lastPort(dir.path()), port);
    }

    void isReady_data()
    {
        QTest::addColumn<QByteArray>("pidFile");  // empty: no file
        QTest::addColumn<bool>("ready");

        const QByteArray head = "4242\n/x/data\n1700000000\n5433\n/x/socket\n\n  5433001     32768\n";
        QTest::newRow("ready") << head + "ready   \n" << true;
        QTest::newRow("starting") << head + "starting\n" << false;
        QTest::newRow("another server's pid") << QByteArray(head).replace("4242", "4343")
                                                     + "ready   \n"
                                              << false;
        QTest::newRow("before PostgreSQL 10: no status") << head << false;
        QTest::newRow("no file") << QByteArray() << false;
    }

    void isReady()
    {
        QFETCH(QByteArray, pidFile);
        QFETCH(bool, ready);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (!pidFile.isEmpty())
            QVERIFY(writeFile(dir.filePath(QStringLiteral("postmaster.pid")), pidFile));
        QCOMPARE(PostmasterFiles::isReady(dir.path(), 4242), ready);
    }

    void clearStaleLock()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pidFile = dir.filePath(QStringLiteral("postmaster.pid"));
        qint64 pid = -1;
        QCOMPARE(PostmasterFiles::clearStaleLock(dir.path(), &pid), PostmasterFiles::Lock::Free);

        // A pid no process has: a crashed server's file, which postgres takes over itself.
        QVERIFY(writeFile(pidFile, "2147483647\n/x/data\n"));
        QCOMPARE(PostmasterFiles::clearStaleLock(dir.path(), &pid), PostmasterFiles::Lock::Free);
        QCOMPARE(pid, 2147483647);
        QVERIFY(QFile::exists(pidFile));

        // A live process that is no postgres (this test): the pid was reused, the file goes.
        const qint64 self = QCoreApplication::applicationPid();
        QVERIFY(writeFile(pidFile, QByteArray::number(self) + "\n/x/data\n"));
        QCOMPARE(PostmasterFiles::clearStaleLock(dir.path(), &pid), PostmasterFiles::Lock::Free);
        QCOMPARE(pid, self);
        QVERIFY(!QFile::exists(pidFile));
    }
};

STRATA_TEST(PostmasterFilesTest)

#include "PostmasterFilesTest.moc"
