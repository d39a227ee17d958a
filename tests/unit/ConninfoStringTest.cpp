#include "TestRegistry.h"
#include "TestSpecs.h"

#include "pg/ConninfoString.h"

#include <QTest>

using namespace strata;
using namespace strata::test;

class ConninfoStringTest : public QObject
{
    Q_OBJECT

private slots:
    void parseKeywordValue_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("plain") << "host=localhost port=5432 dbname=shop user=alice"
                               << QStringList{"host=localhost", "port=5432", "dbname=shop",
                                              "user=alice"};
        QTest::newRow("quoted value with space") << "dbname='my db'" << QStringList{"dbname=my db"};
        QTest::newRow("escaped quote in quoted value")
            << R"(password='it\'s')" << QStringList{"password=it's"};
        QTest::newRow("escaped backslash")
            << R"(password='a\\b')" << QStringList{R"(password=a\b)"};
        QTest::newRow("backslash escape unquoted")
            << R"(password=a\ b\'c)" << QStringList{"password=a b'c"};
        QTest::newRow("blanks around equals") << "host = h   port =5432\tdbname= db"
                                              << QStringList{"host=h", "port=5432", "dbname=db"};
        QTest::newRow("newlines between pairs") << "\n host=h\n\n dbname=db \n"
                                                << QStringList{"host=h", "dbname=db"};
        QTest::newRow("empty quoted value removes") << "host=h host=''" << QStringList{};
        QTest::newRow("later keyword wins")
            << "dbname=a host=h dbname=b" << QStringList{"dbname=b", "host=h"};
        QTest::newRow("equals inside value") << "options='-c search_path=shop,public'"
                                             << QStringList{"options=-c search_path=shop,public"};
        QTest::newRow("URL-looking dbname is kept literally")
            << "dbname=postgresql://x/y" << QStringList{"dbname=postgresql://x/y"};
        QTest::newRow("multi-host list")
            << "host=h1,h2 port=5432,5433 target_session_attrs=primary"
            << QStringList{"host=h1,h2", "port=5432,5433", "target_session_attrs=primary"};
        QTest::newRow("one port for two hosts")
            << "host=h1,h2 port=6432" << QStringList{"host=h1,h2", "port=6432"};
        QTest::newRow("requiressl=0 is sslmode=prefer")
            << "requiressl=0" << QStringList{"sslmode=prefer"};
        QTest::newRow("service keyword")
            << "service=shop dbname=other" << QStringList{"service=shop", "dbname=other"};
        QTest::newRow("empty string") << "" << QStringList{};
    }

    void parseKeywordValue()
    {
        QFETCH(QString, conninfo);
        QFETCH(QStringList, expected);
        SpecError error;
        const ConnectionSpec spec = ConninfoString::parse(conninfo, &error);
        QVERIFY2(error.isNull(), qPrintable(error.toString()));
        QCOMPARE(specItems(spec), expected);
        QCOMPARE(specItems(ConnectionSpec::parse(conninfo)), expected);
    }

    void parseErrors_data()
    {
        addParseErrorColumns();

        QTest::newRow("conninfo: unterminated quote")
            << "host=h dbname='my db"
            << "connection string" << 15 << "unterminated";
        QTest::newRow("conninfo: missing equals")
            << "host=h shop"
            << "connection string" << 8 << "missing \"=\" after \"shop\"";
        QTest::newRow("conninfo: bare database name") << "shop"
                                                      << "connection string" << 1 << "\"shop\"";
        QTest::newRow("conninfo: unknown keyword") << "host=h database=shop"
                                                   << "connection string" << 8 << "\"database\"";
        QTest::newRow("conninfo: empty keyword") << "=x"
                                                 << "connection string" << 1 << "\"\"";
        QTest::newRow("conninfo: bad port") << "host=h port=-1"
                                            << "connection string" << 13 << "port";
        QTest::newRow("conninfo: port with junk") << "port='5432 x'"
                                                  << "connection string" << 6 << "port";
        QTest::newRow("conninfo: bad target_session_attrs")
            << "target_session_attrs=master"
            << "connection string" << 22 << "master";
        QTest::newRow("conninfo: two hostaddrs for one host")
            << "host=a hostaddr=1.2.3.4,5.6.7.8"
            << "connection string" << 17 << "hostaddr";
        QTest::newRow("conninfo: quote never closed") << "host='unterminated"
                                                      << "connection string" << 6 << "unterminated";
        QTest::newRow("conninfo: escaped closing quote")
            << R"(dbname='a\')"
            << "connection string" << 8 << "unterminated";
        QTest::newRow("conninfo: quoted keyword") << "host=h 'quoted'=x"
                                                  << "connection string" << 8 << "\"'quoted'\"";
        QTest::newRow("conninfo: sslmode is case-sensitive")
            << "sslmode=Require"
            << "connection string" << 9 << "Require";
        QTest::newRow("conninfo: fractional connect_timeout")
            << "connect_timeout=1.5"
            << "connection string" << 17 << "connect_timeout";
        QTest::newRow("conninfo: bad channel_binding")
            << "channel_binding=yes"
            << "connection string" << 17 << "channel_binding";
        QTest::newRow("conninfo: two ports for one host")
            << "port=5432,5433 host=a"
            << "connection string" << 6 << "2 port numbers";
        QTest::newRow("conninfo: tab before bad port") << "host=h\tport=x"
                                                       << "connection string" << 13 << "port";
        QTest::newRow("conninfo: column counts characters, not bytes")
            << "application_name=\u00e9\u00e9 bogus=1"
            << "connection string" << 21 << "bogus";
    }

    void parseErrors()
    {
        verifyParseError(&ConninfoString::parse);
    }

    void toKeywordValue_data()
    {
        QTest::addColumn<QStringList>("pairs");
        QTest::addColumn<QString>("conninfo");

        QTest::newRow("plain") << QStringList{"host=h", "port=5432"} << "host=h port=5432";
        QTest::newRow("space quoted") << QStringList{"dbname=my db"} << "dbname='my db'";
        QTest::newRow("quote and backslash escaped")
            << QStringList{"application_name=it's a\\b"} << R"(application_name='it\'s a\\b')";
        QTest::newRow("tab quoted") << QStringList{"options=a\tb"} << "options='a\tb'";
        QTest::newRow("password hidden")
            << QStringList{"user=u", "password=pw", "host=h"} << "user=u host=h";
    }

    void toKeywordValue()
    {
        QFETCH(QStringList, pairs);
        QFETCH(QString, conninfo);
        QCOMPARE(ConninfoString::print(specOf(pairs)), conninfo);
    }
};

STRATA_TEST(ConninfoStringTest)

#include "ConninfoStringTest.moc"
