#include "TestRegistry.h"
#include "TestSpecs.h"

#include "pg/DotEnv.h"

#include <QTest>

using namespace strata;
using namespace strata::test;

class DotEnvTest : public QObject
{
    Q_OBJECT

private slots:
    void dotEnv_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");

        QTest::newRow("plain") << QByteArray("DATABASE_URL=postgres://u:p@h/db\n") << "DATABASE_URL"
                               << "postgres://u:p@h/db";
        QTest::newRow("export prefix")
            << QByteArray("export DIRECT_URL=postgres://h/db\n") << "DIRECT_URL"
            << "postgres://h/db";
        QTest::newRow("double quotes") << QByteArray("A=\"postgres://h/db?x=1#frag\"\n") << "A"
                                       << "postgres://h/db?x=1#frag";
        QTest::newRow("single quotes keep backslash-n") << QByteArray("A='line\\nline'\n") << "A"
                                                        << "line\\nline";
        QTest::newRow("double quotes expand backslash-n")
            << QByteArray("A=\"line\\nline\"\n") << "A"
            << "line\nline";
        QTest::newRow("backtick quotes") << QByteArray("A=`it's \"quoted\"`\n") << "A"
                                         << "it's \"quoted\"";
        QTest::newRow("inline comment after unquoted value")
            << QByteArray("A=value # the comment\n") << "A"
            << "value";
        QTest::newRow("hash without blank starts a comment too") << QByteArray("A=abc#def\n") << "A"
                                                                 << "abc";
        QTest::newRow("comment after quoted value") << QByteArray("A=\"a # b\" # c\n") << "A"
                                                    << "a # b";
        QTest::newRow("blanks around equals") << QByteArray("  A  =   spaced value   \n") << "A"
                                              << "spaced value";
        QTest::newRow("empty value") << QByteArray("A=\nB=b\n") << "A"
                                     << "";
        QTest::newRow("multi-line double quotes")
            << QByteArray("KEY=\"-----BEGIN-----\nabc\n-----END-----\"\nNEXT=1\n") << "KEY"
            << "-----BEGIN-----\nabc\n-----END-----";
        QTest::newRow("multi-line single quotes") << QByteArray("A='one\ntwo'\n") << "A"
                                                  << "one\ntwo";
        QTest::newRow("CRLF line ends") << QByteArray("A=one\r\nB=two\r\n") << "B"
                                        << "two";
        QTest::newRow("CRLF inside quotes becomes LF") << QByteArray("A=\"x\r\ny\"\r\n") << "A"
                                                       << "x\ny";
        QTest::newRow("last definition wins") << QByteArray("A=first\nA=second\n") << "A"
                                              << "second";
        QTest::newRow("colon with blank") << QByteArray("A: yaml-ish\n") << "A"
                                          << "yaml-ish";
        QTest::newRow("equals inside value") << QByteArray("OPTS=-c search_path=x\n") << "OPTS"
                                             << "-c search_path=x";
        QTest::newRow("escaped quote stays escaped, as in dotenv")
            << QByteArray("A=\"say \\\"hi\\\"\"\n") << "A"
            << "say \\\"hi\\\"";
        QTest::newRow("unterminated quote kept literally") << QByteArray("A=\"abc\n") << "A"
                                                           << "\"abc";
        QTest::newRow("dots and dashes in names") << QByteArray("my.var-1=x\n") << "my.var-1"
                                                  << "x";
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                       "A=bom\n")
                                         << "A"
                                         << "bom";
        QTest::newRow("no newline at end") << QByteArray("A=last") << "A"
                                           << "last";
        QTest::newRow("UTF-8 value") << QByteArray("A=\"Grüße\"\n") << "A"
                                     << "Grüße";
    }

    void dotEnv()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, name);
        QFETCH(QString, value);
        const DotEnv env = DotEnv::parse(QString::fromUtf8(text), QStringLiteral(".env"));
        QVERIFY2(env.contains(name), qPrintable(env.names().join(QLatin1Char(','))));
        QCOMPARE(env.value(name), value);
    }

    void dotEnvWarnings_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("reason");

        QTest::newRow("no equals") << QByteArray("A=1\nJUSTANAME\n") << 2 << 10 << "expected \"=\"";
        QTest::newRow("space instead of equals")
            << QByteArray("DATABASE_URL postgres://h/db\n") << 1 << 14 << "\"DATABASE_URL\"";
        QTest::newRow("colon without blank") << QByteArray("\n\nA:b\n") << 3 << 2 << "colon";
        QTest::newRow("bad character in name") << QByteArray("MY$VAR=1\n") << 1 << 3 << "\"$\"";
        QTest::newRow("no name") << QByteArray("  =value\n") << 1 << 3 << "variable name";
        QTest::newRow("unterminated double quote")
            << QByteArray("OK=1\nA=\"abc\n") << 2 << 3 << "no matching closing";
        QTest::newRow("text after closing quote")
            << QByteArray("A='abc'def\n") << 1 << 3 << "quote characters";
        QTest::newRow("export without assignment") << QByteArray("export A\n") << 1 << 9 << "\"A\"";
    }

    void dotEnvWarnings()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, reason);
        const DotEnv env = DotEnv::parse(QString::fromUtf8(text), QStringLiteral("/p/.env"));
        QCOMPARE(env.warnings().size(), 1);
        const SpecError warning = env.warnings().first();
        QCOMPARE(warning.source, QStringLiteral("/p/.env"));
        QCOMPARE(warning.line, line);
        QCOMPARE(warning.column, column);
        QVERIFY2(warning.message.contains(reason), qPrintable(warning.message));
    }

    void dotEnvCleanFileHasNoWarnings()
    {
        const DotEnv env =
            DotEnv::parse(QStringLiteral("# database\n\nexport A=1 # one\nB=\"x\ny\"\n  \n"));
        QVERIFY2(env.warnings().isEmpty(), qPrintable(describe(env.warnings())));
        QCOMPARE(env.names(), (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
        QCOMPARE(env.line(QStringLiteral("B")), 4);
    }
};

STRATA_TEST(DotEnvTest)

#include "DotEnvTest.moc"
