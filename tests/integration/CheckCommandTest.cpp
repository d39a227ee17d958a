// `strata check`: the real binary, without a display, on clean, broken and missing folders.
#include "CliRun.h"
#include "TestRegistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;

namespace {

test::CliRun runCheck(const QStringList &args, const QString &workingDirectory = QString())
{
    return test::runCli(QStringLiteral(STRATA_BINARY), QStringList{QStringLiteral("check")} + args, workingDirectory);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QByteArray journal(const QList<QPair<qint64, QString>> &entries)
{
    QString text = QStringLiteral("{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [");
    for (int i = 0; i < entries.size(); ++i) {
        text += (i == 0 ? QStringLiteral("\n") : QStringLiteral(",\n"))
                + QStringLiteral("    {\n      \"idx\": %1,\n      \"version\": \"7\",\n      \"when\": %2,\n"
                                 "      \"tag\": \"%3\",\n      \"breakpoints\": true\n    }")
                      .arg(i)
                      .arg(entries[i].first)
                      .arg(entries[i].second);
    }
    return (text + QStringLiteral("\n  ]\n}")).toUtf8();
}

QByteArray snapshot(const QString &id, const QString &prevId)
{
    return QStringLiteral("{\n  \"id\": \"%1\",\n  \"prevId\": \"%2\",\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n"
                          "  \"tables\": {}\n}")
        .arg(id, prevId)
        .toUtf8();
}

// Three clean migrations; entry i of the journal starts on line 5 + 7 * i.
void writeCleanFolder(const QString &dir)
{
    writeFile(dir + QStringLiteral("/meta/_journal.json"),
              journal({{1795505280330, QStringLiteral("0000_a")}, {1795505287073, QStringLiteral("0001_b")},
                       {1795505290000, QStringLiteral("0002_c")}}));
    writeFile(dir + QStringLiteral("/0000_a.sql"), "CREATE TABLE \"a\" (\"id\" serial PRIMARY KEY);");
    writeFile(dir + QStringLiteral("/0001_b.sql"), "ALTER TABLE \"a\" ADD COLUMN \"x\" text;--> statement-breakpoint\nSELECT 1;");
    writeFile(dir + QStringLiteral("/0002_c.sql"), "CREATE INDEX \"i\" ON \"a\" (\"x\");");
    writeFile(dir + QStringLiteral("/meta/0000_snapshot.json"), snapshot(QStringLiteral("a"), QStringLiteral("00000000-0000-0000-0000-000000000000")));
    writeFile(dir + QStringLiteral("/meta/0001_snapshot.json"), snapshot(QStringLiteral("b"), QStringLiteral("a")));
    writeFile(dir + QStringLiteral("/meta/0002_snapshot.json"), snapshot(QStringLiteral("c"), QStringLiteral("b")));
}

// The clean folder with an entry's file gone, a stray file and a syntax error.
void writeBrokenFolder(const QString &dir)
{
    writeCleanFolder(dir);
    QFile::remove(dir + QStringLiteral("/0001_b.sql"));
    writeFile(dir + QStringLiteral("/0003_stray.sql"), "SELECT 1;");
    writeFile(dir + QStringLiteral("/0002_c.sql"), "SELECT 1;\n--> statement-breakpoint\nCREATE TABLE (x int);");
}

} // namespace

class CheckCommandTest : public QObject
{
    Q_OBJECT

private slots:
    void cleanFolderExitsZero()
    {
        QTemporaryDir tmp;
        writeCleanFolder(tmp.path());
        const test::CliRun run = runCheck({QStringLiteral("--dir"), tmp.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QLatin1String("3 migration")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("no problems")), qPrintable(run.out));
    }

    void brokenFolderListsEveryProblem()
    {
        QTemporaryDir tmp;
        writeBrokenFolder(tmp.path());
        const test::CliRun run = runCheck({QStringLiteral("--dir"), tmp.path()});
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QString dir = tmp.path();
        QVERIFY2(lines.value(0).startsWith(dir + QStringLiteral("/meta/_journal.json:12: error: journal entry 0001_b has no file 0001_b.sql")),
                 qPrintable(run.out));
        QVERIFY2(lines.value(1).startsWith(dir + QStringLiteral("/0002_c.sql:3:14: warning: PostgreSQL's parser rejects this: "
                                                                "syntax error at or near \"(\"")),
                 qPrintable(run.out));
        QVERIFY2(lines.value(2).startsWith(dir + QStringLiteral("/0003_stray.sql: warning: no journal entry names this file")),
                 qPrintable(run.out));
        QCOMPARE(lines.size(), 4);  // three problems and the summary
        QVERIFY2(lines.value(3).contains(QLatin1String("1 error")) && lines.value(3).contains(QLatin1String("2 warning")),
                 qPrintable(lines.value(3)));
    }

    void hazardsInTheSqlAreListedAndAnErrorFails()
    {
        QTemporaryDir tmp;
        writeCleanFolder(tmp.path());
        // A drop is history (a warning, exit 0); CONCURRENTLY inside drizzle's transaction fails.
        writeFile(tmp.filePath(QStringLiteral("0002_c.sql")), "ALTER TABLE \"t\" DROP COLUMN \"x\";");
        test::CliRun run = runCheck({QStringLiteral("--dir"), tmp.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(tmp.path() + QStringLiteral("/0002_c.sql:1:1: warning: ")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("[drop-column]")), qPrintable(run.out));

        writeFile(tmp.filePath(QStringLiteral("0002_c.sql")), "CREATE INDEX CONCURRENTLY \"i\" ON \"t\" (\"x\");");
        run = runCheck({QStringLiteral("--dir"), tmp.path(), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray hazards = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("hazards")).toArray();
        QCOMPARE(hazards.size(), 1);
        QCOMPARE(hazards.first().toObject().value(QLatin1String("rule")).toString(), QStringLiteral("non-transactional"));
        QCOMPARE(hazards.first().toObject().value(QLatin1String("file")).toString(), QStringLiteral("0002_c.sql"));
    }

    void jsonDocument()
    {
        QTemporaryDir tmp;
        writeBrokenFolder(tmp.path());
        const test::CliRun run = runCheck({QStringLiteral("--dir"), tmp.path(), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QJsonParseError error;
        const QJsonObject document = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + run.out));
        QCOMPARE(document.value(QStringLiteral("layout")).toString(), QStringLiteral("journal"));
        QCOMPARE(document.value(QStringLiteral("prefix")).toString(), QStringLiteral("index"));
        const QJsonObject summary = document.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("migrations")).toInt(), 3);
        QCOMPARE(summary.value(QStringLiteral("errors")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("warnings")).toInt(), 2);
        const QJsonArray problems = document.value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 3);
        const QJsonObject syntax = problems.at(1).toObject();
        QCOMPARE(syntax.value(QStringLiteral("kind")).toString(), QStringLiteral("sql-syntax"));
        QCOMPARE(syntax.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(syntax.value(QStringLiteral("file")).toString(), QStringLiteral("0002_c.sql"));
        QCOMPARE(syntax.value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(syntax.value(QStringLiteral("column")).toInt(), 14);
        QCOMPARE(syntax.value(QStringLiteral("tag")).toString(), QStringLiteral("0002_c"));
        const QJsonObject first = document.value(QStringLiteral("migrations")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("tag")).toString(), QStringLiteral("0000_a"));
        QCOMPARE(first.value(QStringLiteral("when")).toDouble(), 1795505280330.0);
        // sha256sum of the file: printf '%s' 'CREATE TABLE "a" ("id" serial PRIMARY KEY);' | sha256sum
        QCOMPARE(first.value(QStringLiteral("hash")).toString().size(), 64);
        QCOMPARE(first.value(QStringLiteral("statements")).toInt(), 1);
    }

    void projectFolder()
    {
        QTemporaryDir tmp;
        writeFile(tmp.path() + QStringLiteral("/drizzle.config.ts"),
                  "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({\n"
                  "  out: './db/migrations',\n  dialect: 'postgresql',\n});\n");
        writeCleanFolder(tmp.path() + QStringLiteral("/db/migrations"));
        const test::CliRun run = runCheck({QStringLiteral("--project"), tmp.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QLatin1String("3 migration")), qPrintable(run.out));
        // With no option, the current folder is the project; paths are shown relative to it.
        QFile::remove(tmp.path() + QStringLiteral("/db/migrations/0002_c.sql"));
        const test::CliRun here = runCheck({}, tmp.path());
        QCOMPARE(here.exitCode, 1);
        QVERIFY2(here.out.startsWith(QLatin1String("db/migrations/meta/_journal.json:19: error:")), qPrintable(here.out));
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--nope")} << QStringLiteral("nope");
        QTest::newRow("missing folder") << QStringList{QStringLiteral("--dir"), QStringLiteral("/nonexistent/strata-check")}
                                        << QStringLiteral("no such folder");
        QTest::newRow("both --dir and --project")
            << QStringList{QStringLiteral("--dir"), QStringLiteral("."), QStringLiteral("--project"), QStringLiteral(".")}
            << QStringLiteral("not both");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("drizzle")} << QStringLiteral("unexpected argument");
        QTest::newRow("--dir without a value") << QStringList{QStringLiteral("--dir")} << QStringLiteral("dir");
    }

    void badUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const test::CliRun run = runCheck(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void helpNeedsNoDisplay()
    {
        const test::CliRun run = runCheck({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("--json")), qPrintable(run.out));
    }
};

STRATA_TEST(CheckCommandTest)
#include "CheckCommandTest.moc"
