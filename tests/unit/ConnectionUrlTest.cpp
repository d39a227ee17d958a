#include "TestRegistry.h"
#include "TestSpecs.h"

#include "pg/ConnectionUrl.h"

#include <QTest>

using namespace strata;
using namespace strata::test;

class ConnectionUrlTest : public QObject
{
    Q_OBJECT

private slots:
    void parseUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("full URL") << "postgresql://alice:pw@db.example.com:5433/shop"
                                  << QStringList{"user=alice", "password=pw", "host=db.example.com",
                                                 "port=5433", "dbname=shop"};
        QTest::newRow("short scheme")
            << "postgres://db/shop" << QStringList{"host=db", "dbname=shop"};
        QTest::newRow("scheme only") << "postgresql://" << QStringList{};
        QTest::newRow("empty host means unix socket default")
            << "postgresql:///shop" << QStringList{"dbname=shop"};
        QTest::newRow("empty host with port")
            << "postgresql://:5433/shop" << QStringList{"port=5433", "dbname=shop"};
        QTest::newRow("user without password")
            << "postgresql://alice@localhost" << QStringList{"user=alice", "host=localhost"};
        QTest::newRow("empty password is not stored")
            << "postgresql://alice:@localhost" << QStringList{"user=alice", "host=localhost"};
        QTest::newRow("password without user")
            << "postgresql://:pw@localhost" << QStringList{"password=pw", "host=localhost"};
        QTest::newRow("password with colon")
            << "postgresql://alice:a:b@h" << QStringList{"user=alice", "password=a:b", "host=h"};
        QTest::newRow("percent-encoded password")
            << "postgresql://alice:p%40ss%2Fw%3Ard%20%C3%A4@h/db"
            << QStringList{"user=alice", "password=p@ss/w:rd \u00e4", "host=h", "dbname=db"};
        QTest::newRow("lower-case hex escape")
            << "postgresql://h/my%2fdb" << QStringList{"host=h", "dbname=my/db"};
        QTest::newRow("IPv6 host")
            << "postgresql://[::1]:5432/db" << QStringList{"host=::1", "port=5432", "dbname=db"};
        QTest::newRow("IPv6 host without port")
            << "postgresql://[2001:db8::7]/db" << QStringList{"host=2001:db8::7", "dbname=db"};
        QTest::newRow("IPv6 zone percent-encoded")
            << "postgresql://[fe80::1%25eth0]" << QStringList{"host=fe80::1%eth0"};
        QTest::newRow("two hosts with ports")
            << "postgresql://h1:5432,h2:5433/db"
            << QStringList{"host=h1,h2", "port=5432,5433", "dbname=db"};
        QTest::newRow("three hosts, one port missing")
            << "postgresql://h1:5432,h2,h3:5434/db"
            << QStringList{"host=h1,h2,h3", "port=5432,,5434", "dbname=db"};
        QTest::newRow("two hosts without ports")
            << "postgresql://h1,h2/db" << QStringList{"host=h1,h2", "dbname=db"};
        QTest::newRow("IPv6 and IPv4 hosts") << "postgresql://[::1]:5432,127.0.0.1:5433"
                                             << QStringList{"host=::1,127.0.0.1", "port=5432,5433"};
        QTest::newRow("socket directory percent-encoded")
            << "postgresql://%2Fvar%2Frun%2Fpostgresql/db"
            << QStringList{"host=/var/run/postgresql", "dbname=db"};
        QTest::newRow("socket directory as query parameter")
            << "postgresql:///db?host=/var/run/postgresql"
            << QStringList{"dbname=db", "host=/var/run/postgresql"};
        QTest::newRow("query host overrides netloc")
            << "postgresql://a/db?host=b" << QStringList{"host=b", "dbname=db"};
        QTest::newRow("empty query value removes")
            << "postgresql://a/db?host=" << QStringList{"dbname=db"};
        QTest::newRow("sslmode and application_name")
            << "postgresql://h/db?sslmode=require&application_name=my%20app"
            << QStringList{"host=h", "dbname=db", "sslmode=require", "application_name=my app"};
        QTest::newRow("options with encoded spaces and equals")
            << "postgresql://h/db?options=-c%20search_path%3Dshop"
            << QStringList{"host=h", "dbname=db", "options=-c search_path=shop"};
        QTest::newRow("connect_timeout and target_session_attrs")
            << "postgresql://h1,h2/db?connect_timeout=3&target_session_attrs=read-write"
            << QStringList{"host=h1,h2", "dbname=db", "connect_timeout=3",
                           "target_session_attrs=read-write"};
        QTest::newRow("user in query parameter")
            << "postgresql:///db?user=bob&password=x"
            << QStringList{"dbname=db", "user=bob", "password=x"};
        QTest::newRow("ssl=true is sslmode=require (libpq's JDBC compatibility)")
            << "postgresql://h/db?ssl=true"
            << QStringList{"host=h", "dbname=db", "sslmode=require"};
        QTest::newRow("requiressl=1 is sslmode=require")
            << "postgresql://h/db?requiressl=1"
            << QStringList{"host=h", "dbname=db", "sslmode=require"};
        QTest::newRow("service as query parameter")
            << "postgresql://?service=shop" << QStringList{"service=shop"};
        QTest::newRow("query without path")
            << "postgresql://h:5433?sslmode=disable"
            << QStringList{"host=h", "port=5433", "sslmode=disable"};
        QTest::newRow("empty query") << "postgresql://h/db?" << QStringList{"host=h", "dbname=db"};
        QTest::newRow("trailing ampersand") << "postgresql://h/db?sslmode=prefer&"
                                            << QStringList{"host=h", "dbname=db", "sslmode=prefer"};
        QTest::newRow("slash in database name")
            << "postgresql://h/a/b" << QStringList{"host=h", "dbname=a/b"};
        QTest::newRow("neon-style URL")
            << "postgresql://"
               "neondb_owner:npg_AbC123@ep-cool-darkness-123456.us-east-2.aws.neon.tech/"
               "neondb?sslmode=require&channel_binding=require"
            << QStringList{"user=neondb_owner",
                           "password=npg_AbC123",
                           "host=ep-cool-darkness-123456.us-east-2.aws.neon.tech",
                           "dbname=neondb",
                           "sslmode=require",
                           "channel_binding=require"};
        QTest::newRow("supabase pooler URL")
            << "postgres://postgres.abcdefgh:pw@aws-0-eu-central-1.pooler.supabase.com:6543/"
               "postgres"
            << QStringList{"user=postgres.abcdefgh", "password=pw",
                           "host=aws-0-eu-central-1.pooler.supabase.com", "port=6543",
                           "dbname=postgres"};
    }

    void parseUrl()
    {
        QFETCH(QString, url);
        QFETCH(QStringList, expected);
        SpecError error;
        const ConnectionSpec spec = ConnectionUrl::parse(url, &error);
        QVERIFY2(error.isNull(), qPrintable(error.toString()));
        QCOMPARE(specItems(spec), expected);
        // parse() recognises a URL too, surrounding blanks and all.
        QCOMPARE(
            specItems(ConnectionSpec::parse(QStringLiteral("  ") + url + QStringLiteral("\n"))),
            expected);
    }

    void parseErrors_data()
    {
        addParseErrorColumns();

        QTest::newRow("URL: bad percent-escape in password") << "postgresql://alice:pa%zzword@h/db"
                                                             << "URL" << 22 << "%zz";
        QTest::newRow("URL: percent at end of database name") << "postgresql://h/db%"
                                                              << "URL" << 18 << "percent-encoded";
        QTest::newRow("URL: percent with one hex digit in host")
            << "postgresql://h%4/db"
            << "URL" << 15 << "percent-encoded";
        QTest::newRow("URL: %00 is forbidden") << "postgresql://h/d%00b"
                                               << "URL" << 17 << "%00";
        QTest::newRow("URL: bad escape in query value") << "postgresql://h/db?application_name=a%g1"
                                                        << "URL" << 37 << "percent-encoded";
        QTest::newRow("URL: bad escape in query keyword") << "postgresql://h/db?ssl%mode=require"
                                                          << "URL" << 22 << "percent-encoded";
        QTest::newRow("URL: percent-escape that is not UTF-8") << "postgresql://h/caf%E9"
                                                               << "URL" << 16 << "UTF-8";
        QTest::newRow("URL: unclosed IPv6 bracket") << "postgresql://[::1/db"
                                                    << "URL" << 14 << "]";
        QTest::newRow("URL: empty IPv6 brackets") << "postgresql://[]:5432/db"
                                                  << "URL" << 14 << "empty";
        QTest::newRow("URL: junk after IPv6 bracket") << "postgresql://[::1]x/db"
                                                      << "URL" << 19 << "\"x\"";
        QTest::newRow("URL: unknown query parameter") << "postgresql://h/db?sslmod=require"
                                                      << "URL" << 19 << "\"sslmod\"";
        QTest::newRow("URL: ssl=false is not libpq") << "postgresql://h/db?ssl=false"
                                                     << "URL" << 19 << "\"ssl\"";
        QTest::newRow("URL: JDBC-style parameter") << "postgresql://h/db?currentSchema=shop"
                                                   << "URL" << 19 << "\"currentSchema\"";
        QTest::newRow("URL: query parameter without equals") << "postgresql://h/db?sslmode"
                                                             << "URL" << 19 << "missing \"=\"";
        QTest::newRow("URL: query parameter with two equals") << "postgresql://h/db?options=a=b"
                                                              << "URL" << 28 << "extra \"=\"";
        QTest::newRow("URL: port is not a number") << "postgresql://h:54x2/db"
                                                   << "URL" << 16 << "port";
        QTest::newRow("URL: port out of range") << "postgresql://h:70000/db"
                                                << "URL" << 16 << "70000";
        QTest::newRow("URL: port zero") << "postgresql://h:0"
                                        << "URL" << 16 << "port";
        QTest::newRow("URL: second host's port is bad") << "postgresql://h1:5432,h2:abc/db"
                                                        << "URL" << 25 << "\"abc\"";
        QTest::newRow("URL: bad sslmode") << "postgresql://h/db?sslmode=required"
                                          << "URL" << 27 << "sslmode";
        QTest::newRow("URL: connect_timeout not a number")
            << "postgresql://h/db?connect_timeout=ten"
            << "URL" << 35 << "connect_timeout";
        QTest::newRow("URL: three ports for two hosts") << "postgresql://h1,h2/db?port=1,2,3"
                                                        << "URL" << 28 << "3 port numbers";
        QTest::newRow("URL: other scheme") << "mysql://root@localhost/shop"
                                           << "URL" << 1 << "mysql";
        QTest::newRow("URL: JDBC prefix") << "jdbc:postgresql://localhost/shop"
                                          << "URL" << 1 << "jdbc:";
        QTest::newRow("URL: upper-case scheme") << "POSTGRESQL://h/db"
                                                << "URL" << 1 << "lower case";
        QTest::newRow("URL: empty query keyword") << "postgresql://h/db?=x"
                                                  << "URL" << 19 << "\"\"";
        QTest::newRow("URL: lone ampersand") << "postgresql://h/db?&"
                                             << "URL" << 19 << "missing \"=\"";
        QTest::newRow("URL: double ampersand") << "postgresql://h/db?sslmode=require&&x=1"
                                               << "URL" << 35 << "missing \"=\"";
        QTest::newRow("URL: bad escape in user name") << "postgresql://u%zz@h"
                                                      << "URL" << 15 << "percent-encoded";
        QTest::newRow("URL: second IPv6 bracket unclosed") << "postgresql://[::1]:5432,[/db"
                                                           << "URL" << 25 << "]";
        QTest::newRow("URL: port just above range") << "postgresql://h:65536"
                                                    << "URL" << 16 << "65536";
        QTest::newRow("URL: bad gssencmode") << "postgresql://h/db?gssencmode=maybe"
                                             << "URL" << 30 << "gssencmode";
        QTest::newRow("URL: keepalives not a number") << "postgresql://h/db?keepalives=yes"
                                                      << "URL" << 30 << "keepalives";
        QTest::newRow("URL: unknown TLS version")
            << "postgresql://h/db?ssl_min_protocol_version=TLSv1.4"
            << "URL" << 44 << "ssl_min_protocol_version";
        QTest::newRow("URL: two hostaddrs for one host")
            << "postgresql://h/db?hostaddr=1.1.1.1,2.2.2.2"
            << "URL" << 28 << "hostaddr";
    }

    void parseErrors()
    {
        verifyParseError(&ConnectionUrl::parse);
    }

    void toUrl_data()
    {
        QTest::addColumn<QStringList>("pairs");
        QTest::addColumn<QString>("url");

        QTest::newRow("usual") << QStringList{"user=alice", "password=pw", "host=h", "port=5433",
                                              "dbname=shop"}
                               << "postgresql://alice@h:5433/shop";
        QTest::newRow("IPv6 in brackets")
            << QStringList{"host=::1", "port=5432"} << "postgresql://[::1]:5432";
        QTest::newRow("two hosts") << QStringList{"host=h1,h2", "port=5432,5433", "dbname=db"}
                                   << "postgresql://h1:5432,h2:5433/db";
        QTest::newRow("percent-encoding")
            << QStringList{"user=a b", "dbname=caf\u00e9/x"} << "postgresql://a%20b@/caf%C3%A9%2Fx";
        QTest::newRow("socket path in host")
            << QStringList{"host=/tmp", "dbname=db"} << "postgresql://%2Ftmp/db";
        QTest::newRow("query") << QStringList{"host=h", "sslmode=require", "options=-c x=1"}
                               << "postgresql://h?sslmode=require&options=-c%20x%3D1";
    }

    void toUrl()
    {
        QFETCH(QStringList, pairs);
        QFETCH(QString, url);
        QCOMPARE(ConnectionUrl::print(specOf(pairs)), url);
    }
};

STRATA_TEST(ConnectionUrlTest)

#include "ConnectionUrlTest.moc"
