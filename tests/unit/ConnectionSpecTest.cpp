#include "TestRegistry.h"

#include "pg/ConnectionSpec.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace strata;

namespace {

// A spec as "keyword=value" items in order: what QCOMPARE prints when two specs differ.
QStringList items(const ConnectionSpec &spec)
{
    QStringList result;
    for (const QString &keyword : spec.keywords())
        result << keyword + QLatin1Char('=') + spec.value(keyword);
    return result;
}

ConnectionSpec specOf(const QStringList &pairs)
{
    ConnectionSpec spec;
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        spec.setValue(pair.left(eq), pair.mid(eq + 1));
    }
    return spec;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

// An environment with nothing from the machine running the tests in it.
QProcessEnvironment cleanEnvironment(const QString &home)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("PGSYSCONFDIR"), home + QStringLiteral("/no-such-sysconf"));
    return env;
}

const QString secret = QStringLiteral("s3cr3t-Pässword");

} // namespace

class ConnectionSpecTest : public QObject
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
        const ConnectionSpec spec = ConnectionSpec::fromUrl(url, &error);
        QVERIFY2(error.isNull(), qPrintable(error.toString()));
        QCOMPARE(items(spec), expected);
        // parse() recognises a URL too, surrounding blanks and all.
        QCOMPARE(items(ConnectionSpec::parse(QStringLiteral("  ") + url + QStringLiteral("\n"))),
                 expected);
    }

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
        const ConnectionSpec spec = ConnectionSpec::fromKeywordValue(conninfo, &error);
        QVERIFY2(error.isNull(), qPrintable(error.toString()));
        QCOMPARE(items(spec), expected);
        QCOMPARE(items(ConnectionSpec::parse(conninfo)), expected);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("reason");  // a piece of the message

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
        QTest::newRow("URL: leading blanks shift the column") << "   postgresql://h:x/db"
                                                              << "URL" << 19 << "port";
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
        QFETCH(QString, text);
        QFETCH(QString, source);
        QFETCH(int, column);
        QFETCH(QString, reason);
        SpecError error;
        const ConnectionSpec spec = ConnectionSpec::parse(text, &error);
        QVERIFY(spec.isEmpty());
        QVERIFY(!error.isNull());
        QCOMPARE(error.source, source);
        QCOMPARE(error.line, 0);
        QCOMPARE(error.column, column);
        QVERIFY2(error.message.contains(reason), qPrintable(error.message));
        QVERIFY(error.toString().startsWith(source + QLatin1Char(':') + QString::number(column)
                                            + QLatin1String(": ")));
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
        QCOMPARE(items(spec), pairs);

        const QString url = spec.toUrl(ConnectionSpec::Password::Show);
        SpecError error;
        const ConnectionSpec fromUrl = ConnectionSpec::parse(url, &error);
        QVERIFY2(error.isNull(), qPrintable(url + QLatin1String(": ") + error.toString()));
        QCOMPARE(items(fromUrl), pairs);
        QVERIFY(fromUrl == spec);

        const QString conninfo = spec.toKeywordValue(ConnectionSpec::Password::Show);
        const ConnectionSpec fromConninfo = ConnectionSpec::parse(conninfo, &error);
        QVERIFY2(error.isNull(), qPrintable(conninfo + QLatin1String(": ") + error.toString()));
        QCOMPARE(items(fromConninfo), pairs);
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
        QCOMPARE(specOf(pairs).toUrl(), url);
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
        QCOMPARE(specOf(pairs).toKeywordValue(), conninfo);
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
        QCOMPARE(items(ConnectionSpec::parse(spec.toUrl())), items(withoutSecrets));
        QCOMPARE(items(ConnectionSpec::parse(spec.toKeywordValue())), items(withoutSecrets));
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
        QCOMPARE(items(ConnectionSpec::fromEnvironment(env)), expected);
    }

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
        const ConnectionSpec spec = ConnectionSpec::fromServiceFile(service, path, &error);
        if (reason.isEmpty()) {
            QVERIFY2(error.isNull(), qPrintable(error.toString()));
            QCOMPARE(items(spec), expected);
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
        QCOMPARE(ConnectionSpec::fromService(QStringLiteral("mine"), env, &error).host(),
                 QStringLiteral("user-file"));
        QVERIFY(error.isNull());
        // Not in the user file: libpq goes on to the system file.
        QCOMPARE(ConnectionSpec::fromService(QStringLiteral("shared"), env, &error).host(),
                 QStringLiteral("system-shared"));
        QVERIFY(error.isNull());

        // PGSERVICEFILE replaces ~/.pg_service.conf.
        const QString custom = dir.filePath(QStringLiteral("custom.conf"));
        QVERIFY(writeFile(custom, "[mine]\nhost=custom-file\n"));
        env.insert(QStringLiteral("PGSERVICEFILE"), custom);
        QCOMPARE(ConnectionSpec::fromService(QStringLiteral("mine"), env, &error).host(),
                 QStringLiteral("custom-file"));

        // A PGSERVICEFILE that does not exist is an error, as in libpq.
        env.insert(QStringLiteral("PGSERVICEFILE"), dir.filePath(QStringLiteral("gone.conf")));
        QVERIFY(ConnectionSpec::fromService(QStringLiteral("mine"), env, &error).isEmpty());
        QVERIFY2(error.message.contains(QLatin1String("gone.conf")), qPrintable(error.message));
        env.remove(QStringLiteral("PGSERVICEFILE"));

        // Not found anywhere: the message names every file searched.
        QVERIFY(ConnectionSpec::fromService(QStringLiteral("absent"), env, &error).isEmpty());
        QVERIFY(error.message.contains(QLatin1String("\"absent\"")));
        QVERIFY2(error.message.contains(home + QStringLiteral("/.pg_service.conf")),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(sysconf + QStringLiteral("/pg_service.conf")),
                 qPrintable(error.message));

        // A syntax error in the section stops the lookup with its line.
        QVERIFY(writeFile(home + QStringLiteral("/.pg_service.conf"), "[mine]\nhost=a\nbroken\n"));
        QVERIFY(ConnectionSpec::fromService(QStringLiteral("mine"), env, &error).isEmpty());
        QCOMPARE(error.line, 3);

        // Nothing on disk at all.
        QVERIFY(ConnectionSpec::fromService(QStringLiteral("mine"),
                                            cleanEnvironment(dir.filePath(QStringLiteral("empty"))),
                                            &error)
                    .isEmpty());
        QVERIFY(error.message.contains(QLatin1String("not found")));
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
