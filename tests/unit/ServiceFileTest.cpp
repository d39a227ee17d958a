#include "TestRegistry.h"
#include "TestSpecs.h"
#include "TestFiles.h"

#include "pg/ServiceFile.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;
using namespace strata::test;

namespace {

// An environment with nothing from the machine running the tests in it.
QProcessEnvironment cleanEnvironment(const QString &home)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("PGSYSCONFDIR"), home + QStringLiteral("/no-such-sysconf"));
    return env;
}

} // namespace

class ServiceFileTest : public QObject
{
    Q_OBJECT

private slots:
    void serviceFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("errorLine");  // 0: no error
        QTest::addColumn<QString>("reason");

        const QByteArray two = "# services\n"
                               "[shop]\n"
                               "host=db.example.com\n"
                               "port=5433\n"
                               "  dbname=shop  \n"
                               "\n"
                               "[reports]\n"
                               "host=replica\n"
                               "dbname=reports\n";
        QTest::newRow("first section")
            << two << "shop" << QStringList{"host=db.example.com", "port=5433", "dbname=shop"} << 0
            << "";
        QTest::newRow("second section")
            << two << "reports" << QStringList{"host=replica", "dbname=reports"} << 0 << "";
        QTest::newRow("CRLF lines and comments")
            << QByteArray("[a]\r\n# comment\r\nhost=h\r\nuser=u\r\n") << "a"
            << QStringList{"host=h", "user=u"} << 0 << "";
        QTest::newRow("first setting wins")
            << QByteArray("[a]\nhost=one\nhost=two\n") << "a" << QStringList{"host=one"} << 0 << "";
        QTest::newRow("an empty first setting wins too")
            << QByteArray("[a]\nhost=\nhost=two\nport=1\n") << "a" << QStringList{"port=1"} << 0
            << "";
        QTest::newRow("errors outside the section are ignored, as by libpq")
            << QByteArray("[other]\nnonsense\n[a]\nhost=h\n") << "a" << QStringList{"host=h"} << 0
            << "";
        QTest::newRow("value keeps equals signs")
            << QByteArray("[a]\noptions=-c search_path=x\n") << "a"
            << QStringList{"options=-c search_path=x"} << 0 << "";
        QTest::newRow("missing service")
            << two << "nope" << QStringList{} << 0 << "\"nope\" not found";
        QTest::newRow("line without equals") << QByteArray("[a]\nhost=h\nport 5432\n") << "a"
                                             << QStringList{} << 3 << "syntax error";
        QTest::newRow("unknown keyword")
            << QByteArray("[a]\n\nhostname=h\n") << "a" << QStringList{} << 3 << "\"hostname\"";
        QTest::newRow("spaces around equals")
            << QByteArray("[a]\nhost = h\n") << "a" << QStringList{} << 2 << "spaces";
        QTest::newRow("nested service")
            << QByteArray("[a]\nservice=b\n") << "a" << QStringList{} << 2 << "nested";
        QTest::newRow("LDAP line")
            << QByteArray("[a]\nldap://ldap.example.com/dc=x?conn?sub?(cn=a)\n") << "a"
            << QStringList{} << 2 << "LDAP";
        QTest::newRow("line too long for libpq")
            << (QByteArray("[a]\nhost=") + QByteArray(1100, 'x') + "\n") << "a" << QStringList{}
            << 2 << "too long";
        QTest::newRow("bad port in section")
            << QByteArray("[a]\nhost=h\nport=http\n") << "a" << QStringList{} << 3 << "port";
    }

    void serviceFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, service);
        QFETCH(QStringList, expected);
        QFETCH(int, errorLine);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("pg_service.conf"));
        QVERIFY(writeFile(path, content));
        SpecError error;
        const ConnectionSpec spec = ServiceFile::read(service, path, &error);
        if (reason.isEmpty()) {
            QVERIFY2(error.isNull(), qPrintable(error.toString()));
            QCOMPARE(specItems(spec), expected);
            return;
        }
        QVERIFY(spec.isEmpty());
        QVERIFY2(error.message.contains(reason), qPrintable(error.message));
        QCOMPARE(error.source, path);
        QCOMPARE(error.line, errorLine);
        if (errorLine > 0)
            QVERIFY(
                error.toString().startsWith(path + QLatin1Char(':') + QString::number(errorLine)));
    }

    void serviceLookupOrder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString home = dir.filePath(QStringLiteral("home"));
        const QString sysconf = dir.filePath(QStringLiteral("etc"));
        QVERIFY(QDir().mkpath(home));
        QVERIFY(QDir().mkpath(sysconf));
        QVERIFY(writeFile(home + QStringLiteral("/.pg_service.conf"), "[mine]\nhost=user-file\n"));
        QVERIFY(writeFile(sysconf + QStringLiteral("/pg_service.conf"),
                          "[mine]\nhost=system-file\n[shared]\nhost=system-shared\n"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("PGSYSCONFDIR"), sysconf);

        SpecError error;
        QCOMPARE(ServiceFile::find(QStringLiteral("mine"), env, &error).host(),
                 QStringLiteral("user-file"));
        QVERIFY(error.isNull());
        // Not in the user file: libpq goes on to the system file.
        QCOMPARE(ServiceFile::find(QStringLiteral("shared"), env, &error).host(),
                 QStringLiteral("system-shared"));
        QVERIFY(error.isNull());

        // PGSERVICEFILE replaces ~/.pg_service.conf.
        const QString custom = dir.filePath(QStringLiteral("custom.conf"));
        QVERIFY(writeFile(custom, "[mine]\nhost=custom-file\n"));
        env.insert(QStringLiteral("PGSERVICEFILE"), custom);
        QCOMPARE(ServiceFile::find(QStringLiteral("mine"), env, &error).host(),
                 QStringLiteral("custom-file"));

        // A PGSERVICEFILE that does not exist is an error, as in libpq.
        env.insert(QStringLiteral("PGSERVICEFILE"), dir.filePath(QStringLiteral("gone.conf")));
        QVERIFY(ServiceFile::find(QStringLiteral("mine"), env, &error).isEmpty());
        QVERIFY2(error.message.contains(QLatin1String("gone.conf")), qPrintable(error.message));
        env.remove(QStringLiteral("PGSERVICEFILE"));

        // Not found anywhere: the message names every file searched.
        QVERIFY(ServiceFile::find(QStringLiteral("absent"), env, &error).isEmpty());
        QVERIFY(error.message.contains(QLatin1String("\"absent\"")));
        QVERIFY2(error.message.contains(home + QStringLiteral("/.pg_service.conf")),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(sysconf + QStringLiteral("/pg_service.conf")),
                 qPrintable(error.message));

        // A syntax error in the section stops the lookup with its line.
        QVERIFY(writeFile(home + QStringLiteral("/.pg_service.conf"), "[mine]\nhost=a\nbroken\n"));
        QVERIFY(ServiceFile::find(QStringLiteral("mine"), env, &error).isEmpty());
        QCOMPARE(error.line, 3);

        // Nothing on disk at all.
        QVERIFY(ServiceFile::find(QStringLiteral("mine"),
                                            cleanEnvironment(dir.filePath(QStringLiteral("empty"))),
                                            &error)
                    .isEmpty());
        QVERIFY(error.message.contains(QLatin1String("not found")));
    }
};

STRATA_TEST(ServiceFileTest)

#include "ServiceFileTest.moc"
