#include "TestRegistry.h"
#include "TestSpecs.h"
#include "TestFiles.h"

#include "pg/ConnectionSpec.h"
#include "pg/ConnectionUrl.h"
#include "pg/ConninfoString.h"
#include "pg/ServiceFile.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace strata;
using namespace strata::test;

namespace {

const QString secret = QStringLiteral("s3cr3t-Pässword");

} // namespace

class ConnectionSpecTest : public QObject
{
    Q_OBJECT

private slots:
    void parseErrors_data()
    {
        addParseErrorColumns();

        // The rows of errors inside a URL or a keyword/value string are in ConnectionUrlTest
        // and ConninfoStringTest; parse() adds the blanks it forgives to the column.
        QTest::newRow("URL: leading blanks shift the column") << "   postgresql://h:x/db"
                                                              << "URL" << 19 << "port";
    }

    void parseErrors()
    {
        verifyParseError(&ConnectionSpec::parse);
    }

    void fromUrlAndFromKeywordValueAreExact()
    {
        SpecError error;
        // parse() forgives blanks around pasted text; fromUrl() reads exactly what libpq reads.
        QVERIFY(ConnectionSpec::fromUrl(QStringLiteral(" postgresql://h/db"), &error).isEmpty());
        QCOMPARE(error.column, 1);
        QVERIFY2(error.message.contains(QLatin1String("blanks")), qPrintable(error.message));
        QVERIFY(ConnectionSpec::fromKeywordValue(QStringLiteral("postgresql://h/db"), &error)
                    .isEmpty());
        QVERIFY2(error.message.contains(QLatin1String("missing")), qPrintable(error.message));
        QCOMPARE(ConnectionSpec::fromUrl(QStringLiteral("postgresql://h/db "), &error).dbname(),
                 QStringLiteral("db "));
    }

    void errorIsClearedOnSuccess()
    {
        SpecError error{QStringLiteral("stale"), QStringLiteral("URL"), 0, 3};
        ConnectionSpec::parse(QStringLiteral("postgresql://h/db"), &error);
        QVERIFY(error.isNull());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QStringList>("pairs");

        QTest::newRow("usual five") << QStringList{
            "user=alice", "password=pw", "host=db.example.com", "port=5433", "dbname=shop"};
        QTest::newRow("password with every special character") << QStringList{
            "user=a@b:c", "password=p@ss:/?#[]&= %'\"\\\u00e4\U0001F600", "host=h", "dbname=d b/?"};
        QTest::newRow("IPv6 and two hosts")
            << QStringList{"host=::1,db2", "port=5432,5433", "dbname=db"};
        QTest::newRow("one port for two hosts goes to the query")
            << QStringList{"host=h1,h2", "port=6432", "dbname=db"};
        QTest::newRow("empty port element") << QStringList{"host=h1,h2", "port=,5433"};
        QTest::newRow("only commas as port") << QStringList{"host=h1,h2", "port=,"};
        QTest::newRow("socket directory") << QStringList{"host=/var/run/postgresql", "dbname=db"};
        QTest::newRow("keyword order unlike a URL")
            << QStringList{"dbname=shop", "host=localhost", "port=5432", "user=alice"};
        QTest::newRow("query keywords before host")
            << QStringList{"sslmode=verify-full", "host=h", "options=-c a=b&c", "dbname=x"};
        QTest::newRow("port without host") << QStringList{"port=5433", "dbname=db"};
        QTest::newRow("two ports for two socket hosts") << QStringList{"port=5432,5433", "host=,"};
        QTest::newRow("password without user") << QStringList{"password=pw", "host=h"};
        QTest::newRow("service and options")
            << QStringList{"service=shop", "application_name=a b", "options=-c x=1"};
        QTest::newRow("many keywords") << QStringList{"user=u",
                                                      "host=h",
                                                      "dbname=d",
                                                      "sslmode=require",
                                                      "sslrootcert=/a b/c.crt",
                                                      "connect_timeout=5",
                                                      "keepalives=1",
                                                      "target_session_attrs=any",
                                                      "client_encoding=UTF8",
                                                      "gssencmode=disable"};
        QTest::newRow("brackets in a host name") << QStringList{"host=[weird]"};
        QTest::newRow("empty spec") << QStringList{};
    }

    void roundTrip()
    {
        QFETCH(QStringList, pairs);
        const ConnectionSpec spec = specOf(pairs);
        QCOMPARE(specItems(spec), pairs);

        const QString url = spec.toUrl(ConnectionSpec::Password::Show);
        SpecError error;
        const ConnectionSpec fromUrl = ConnectionSpec::parse(url, &error);
        QVERIFY2(error.isNull(), qPrintable(url + QLatin1String(": ") + error.toString()));
        QCOMPARE(specItems(fromUrl), pairs);
        QVERIFY(fromUrl == spec);

        const QString conninfo = spec.toKeywordValue(ConnectionSpec::Password::Show);
        const ConnectionSpec fromConninfo = ConnectionSpec::parse(conninfo, &error);
        QVERIFY2(error.isNull(), qPrintable(conninfo + QLatin1String(": ") + error.toString()));
        QCOMPARE(specItems(fromConninfo), pairs);
    }

    void passwordNeverPrinted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("URL password") << "postgresql://alice:" + secret + "@h/db";
        QTest::newRow("query password") << "postgresql://h/db?password=" + secret;
        QTest::newRow("conninfo password") << "host=h password='" + secret + "' dbname=db";
        QTest::newRow("sslpassword") << "host=h sslpassword=" + secret;
        QTest::newRow("password only") << "password=" + secret;
    }

    void passwordNeverPrinted()
    {
        QFETCH(QString, text);
        SpecError error;
        const ConnectionSpec spec = ConnectionSpec::parse(text, &error);
        QVERIFY2(error.isNull(), qPrintable(error.toString()));
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        for (const QString &printed : {spec.toUrl(), spec.toKeywordValue(), spec.displayName(),
                                       spec.toUrl(ConnectionSpec::Password::Hide),
                                       spec.toKeywordValue(ConnectionSpec::Password::Hide)}) {
            QVERIFY2(!printed.contains(secret), qPrintable(printed));
            QVERIFY2(!printed.contains(encoded), qPrintable(printed));
            QVERIFY2(!printed.contains(QLatin1String("s3cr3t")), qPrintable(printed));
        }
        QVERIFY(spec.toUrl(ConnectionSpec::Password::Show).contains(QLatin1String("s3cr3t")));
        QVERIFY(spec.toKeywordValue(ConnectionSpec::Password::Show).contains(secret));
        // Hiding drops the keyword, so what is printed still parses to the rest of the spec.
        ConnectionSpec withoutSecrets = spec;
        withoutSecrets.remove(QStringLiteral("password"));
        withoutSecrets.remove(QStringLiteral("sslpassword"));
        QCOMPARE(specItems(ConnectionSpec::parse(spec.toUrl())), specItems(withoutSecrets));
        QCOMPARE(specItems(ConnectionSpec::parse(spec.toKeywordValue())),
                 specItems(withoutSecrets));
    }

    void displayName_data()
    {
        QTest::addColumn<QStringList>("pairs");
        QTest::addColumn<QString>("name");

        QTest::newRow("full") << QStringList{"user=alice", "password=x", "host=h", "port=5433",
                                             "dbname=shop"}
                              << "alice@h:5433/shop";
        QTest::newRow("host only") << QStringList{"host=h"} << "h";
        QTest::newRow("socket default") << QStringList{"dbname=shop"} << "localhost/shop";
        QTest::newRow("IPv6 with port") << QStringList{"host=::1", "port=5432"} << "[::1]:5432";
        QTest::newRow("two hosts, one port")
            << QStringList{"host=a,b", "port=5432"} << "a:5432,b:5432";
        QTest::newRow("hostaddr when no host")
            << QStringList{"hostaddr=10.0.0.1", "dbname=d"} << "10.0.0.1/d";
        QTest::newRow("service") << QStringList{"service=shop"} << "service shop";
        QTest::newRow("empty") << QStringList{} << "";
    }

    void displayName()
    {
        QFETCH(QStringList, pairs);
        QFETCH(QString, name);
        QCOMPARE(specOf(pairs).displayName(), name);
    }

    void libpqParams_data()
    {
        QTest::addColumn<QStringList>("pairs");
        QTest::addColumn<QStringList>("params");

        QTest::newRow("defaults added")
            << QStringList{"host=h", "dbname=d"}
            << QStringList{"host=h", "dbname=d", "application_name=strata", "connect_timeout=10"};
        QTest::newRow("own application_name kept")
            << QStringList{"host=h", "application_name=psql-like"}
            << QStringList{"host=h", "application_name=psql-like", "connect_timeout=10"};
        QTest::newRow("own connect_timeout kept")
            << QStringList{"connect_timeout=3"}
            << QStringList{"connect_timeout=3", "application_name=strata"};
        QTest::newRow("service passed through")
            << QStringList{"service=shop"}
            << QStringList{"service=shop", "application_name=strata", "connect_timeout=10"};
        QTest::newRow("empty password never sent so .pgpass is read")
            << QStringList{"host=h", "password=", "user=u"}
            << QStringList{"host=h", "user=u", "application_name=strata", "connect_timeout=10"};
        QTest::newRow("password sent when given")
            << QStringList{"user=u", "password=pw"}
            << QStringList{"user=u", "password=pw", "application_name=strata",
                           "connect_timeout=10"};
    }

    void libpqParams()
    {
        QFETCH(QStringList, pairs);
        QFETCH(QStringList, params);
        QStringList actual;
        for (const auto &param : specOf(pairs).libpqParams()) {
            QVERIFY(!param.second.isEmpty());
            actual << QString::fromUtf8(param.first + '=' + param.second);
        }
        QCOMPARE(actual, params);
    }

    void environment_data()
    {
        QTest::addColumn<QStringList>("variables");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("usual variables")
            << QStringList{"PGDATABASE=shop", "PGHOST=db", "PGPORT=5433", "PGUSER=alice",
                           "PGPASSWORD=pw"}
            << QStringList{"user=alice", "password=pw", "host=db", "port=5433", "dbname=shop"};
        QTest::newRow("ssl and app variables")
            << QStringList{"PGSSLMODE=verify-full", "PGSSLROOTCERT=/etc/ssl/root.crt",
                           "PGAPPNAME=cli",         "PGCONNECT_TIMEOUT=4",
                           "PGOPTIONS=-c geqo=off", "PGTARGETSESSIONATTRS=read-write"}
            << QStringList{"connect_timeout=4",
                           "options=-c geqo=off",
                           "application_name=cli",
                           "sslmode=verify-full",
                           "sslrootcert=/etc/ssl/root.crt",
                           "target_session_attrs=read-write"};
        QTest::newRow("service, passfile, hostaddr")
            << QStringList{"PGSERVICE=shop", "PGPASSFILE=/p/.pgpass", "PGHOSTADDR=10.1.1.1"}
            << QStringList{"service=shop", "passfile=/p/.pgpass", "hostaddr=10.1.1.1"};
        QTest::newRow("PGREQUIRESSL=1")
            << QStringList{"PGREQUIRESSL=1"} << QStringList{"sslmode=require"};
        QTest::newRow("PGSSLMODE beats PGREQUIRESSL")
            << QStringList{"PGREQUIRESSL=1", "PGSSLMODE=disable"} << QStringList{"sslmode=disable"};
        QTest::newRow("unrelated and empty variables ignored")
            << QStringList{"PATH=/usr/bin", "PGHOST=", "DATABASE_URL=postgresql://x"}
            << QStringList{};
    }

    void environment()
    {
        QFETCH(QStringList, variables);
        QFETCH(QStringList, expected);
        QProcessEnvironment env;
        for (const QString &variable : variables) {
            const qsizetype eq = variable.indexOf(QLatin1Char('='));
            env.insert(variable.left(eq), variable.mid(eq + 1));
        }
        QCOMPARE(specItems(ConnectionSpec::fromEnvironment(env)), expected);
    }

    void readersAreTheseClasses()
    {
        // The from…() and to…() functions hand over to ConnectionUrl, ConninfoString and
        // ServiceFile, whose own tests hold the rows.
        const ConnectionSpec spec = specOf({"user=u", "host=h", "dbname=d", "sslmode=require"});
        QCOMPARE(spec.toUrl(), ConnectionUrl::print(spec));
        QCOMPARE(spec.toKeywordValue(), ConninfoString::print(spec));
        QVERIFY(ConnectionSpec::fromUrl(spec.toUrl()) == ConnectionUrl::parse(spec.toUrl()));
        QVERIFY(ConnectionSpec::fromKeywordValue(spec.toKeywordValue())
                == ConninfoString::parse(spec.toKeywordValue()));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("pg_service.conf"));
        QVERIFY(writeFile(path, "[shop]\nhost=db\ndbname=shop\n"));
        QCOMPARE(specItems(ConnectionSpec::fromServiceFile(QStringLiteral("shop"), path)),
                 (QStringList{"host=db", "dbname=shop"}));
        QProcessEnvironment env;
        env.insert(QStringLiteral("PGSERVICEFILE"), path);
        SpecError error;
        QCOMPARE(specItems(ConnectionSpec::fromService(QStringLiteral("shop"), env, &error)),
                 specItems(ServiceFile::find(QStringLiteral("shop"), env)));
        QVERIFY2(error.isNull(), qPrintable(error.toString()));
    }

    void specErrorToString_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");

        QTest::newRow("all parts")
            << "/etc/pg_service.conf" << 3 << 5 << "/etc/pg_service.conf:3:5: bad";
        QTest::newRow("no column")
            << "/etc/pg_service.conf" << 3 << 0 << "/etc/pg_service.conf:3: bad";
        QTest::newRow("no line") << "URL" << 0 << 12 << "URL:12: bad";
        QTest::newRow("neither") << "environment" << 0 << 0 << "environment: bad";
        QTest::newRow("no source") << "" << 0 << 0 << "bad";
    }

    void specErrorToString()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, text);
        QCOMPARE((SpecError{QStringLiteral("bad"), source, line, column}.toString()), text);
    }

    void editing()
    {
        ConnectionSpec spec;
        QVERIFY(spec.isEmpty());
        spec.setValue(QStringLiteral("host"), QStringLiteral("a"));
        spec.setValue(QStringLiteral("dbname"), QStringLiteral("d"));
        spec.setValue(QStringLiteral("host"), QStringLiteral("b"));
        QCOMPARE(spec.keywords(), (QStringList{QStringLiteral("host"), QStringLiteral("dbname")}));
        QCOMPARE(spec.host(), QStringLiteral("b"));
        spec.setValue(QStringLiteral("host"), QString());
        QVERIFY(!spec.contains(QStringLiteral("host")));
        spec.remove(QStringLiteral("dbname"));
        QVERIFY(spec.isEmpty());
        QVERIFY(!spec.hasPassword());
    }
};

STRATA_TEST(ConnectionSpecTest)

#include "ConnectionSpecTest.moc"
