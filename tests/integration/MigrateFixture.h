#pragma once

// What the command-line migration tests share (MigrateCommandTest, MigrateRecoveryTest): drizzle
// folders written on the fly, one server per test class and one database per test function,
// the real `strata` binary run or spawned against it, and the catalog queries that check the
// outcome.
#include "CliRun.h"
#include "TestCluster.h"
#include "TestFiles.h"

#include "migrations/MigrationRunner.h"
#include "pg/LocalCluster.h"
#include "pg/LoopbackPort.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

#include <signal.h>

using namespace strata;

namespace strata::test {

constexpr qint64 kWhen = 1700000000000;

// One migration of a folder written by writeFolder(): its journal entry and its SQL.
struct Step {
    QString tag;  // "NNNN_name": the idx is its number
    qint64 when;
    QString sql;
};

// A drizzle 0.x folder: meta/_journal.json with the steps in this order, and their SQL files.
inline bool writeFolder(const QString &dir, const QList<Step> &steps)
{
    QJsonArray entries;
    for (const Step &step : steps) {
        entries.append(QJsonObject{{QStringLiteral("idx"), step.tag.left(4).toInt()},
                                   {QStringLiteral("version"), QStringLiteral("7")},
                                   {QStringLiteral("when"), QJsonValue(step.when)},
                                   {QStringLiteral("tag"), step.tag},
                                   {QStringLiteral("breakpoints"), true}});
        if (!writeFile(dir + QLatin1Char('/') + step.tag + QStringLiteral(".sql"), step.sql.toUtf8()))
            return false;
    }
    const QJsonObject journal{{QStringLiteral("version"), QStringLiteral("7")},
                              {QStringLiteral("dialect"), QStringLiteral("postgresql")},
                              {QStringLiteral("entries"), entries}};
    return writeFile(dir + QStringLiteral("/meta/_journal.json"), QJsonDocument(journal).toJson());
}

inline QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// A quoted identifier, written here rather than taken from the code under test.
inline QString ident(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

inline QString literal(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

// Where two texts first differ, with a few lines of each around it; empty when they are equal.
inline QString firstDifference(const QString &actual, const QString &expected)
{
    if (actual == expected)
        return {};
    const QStringList a = actual.split(QLatin1Char('\n'));
    const QStringList e = expected.split(QLatin1Char('\n'));
    qsizetype line = 0;
    while (line < a.size() && line < e.size() && a.at(line) == e.at(line))
        ++line;
    const auto around = [line](const QStringList &lines) {
        return lines.mid(std::max<qsizetype>(0, line - 3), 7).join(QLatin1Char('\n'));
    };
    return QStringLiteral("line %1 differs (%2 lines against %3 expected)\n--- got\n%4\n--- expected\n%5")
        .arg(line + 1)
        .arg(a.size())
        .arg(e.size())
        .arg(around(a), around(e));
}

// The JSON objects of a --json run's output, one a line.
inline QList<QJsonObject> events(const QString &out)
{
    QList<QJsonObject> list;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        list.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return list;
}

// The state `strata status --json` gives the migration `tag` ("" for a row without a file).
inline QString stateOf(const QJsonObject &status, const QString &tag)
{
    for (const QJsonValue &entry : status.value(QStringLiteral("migrations")).toArray()) {
        if (entry.toObject().value(QStringLiteral("tag")).toString() == tag)
            return entry.toObject().value(QStringLiteral("state")).toString();
    }
    return QStringLiteral("(no entry for %1)").arg(tag);
}

// The line of `strata status` that shows `tag`, trimmed.
inline QString statusLine(const QString &out, const QString &tag)
{
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        const QStringList words = line.simplified().split(QLatin1Char(' '));
        if (words.contains(tag))
            return line.trimmed();
    }
    return QStringLiteral("(no line for %1)").arg(tag);
}

// The server, this test function's database, and the ways to drive the binary against it.
class MigrateFixture : public QObject
{
protected:
    TestCluster m_cluster;
    QString m_db;  // this test function's own database
    QString m_url;

    QString url(const QString &db) const { return m_cluster.tcpUrl(db); }

    CliRun strata(const QStringList &args, const QString &workingDirectory = QString(),
                        const QProcessEnvironment &extra = {})
    {
        return runCli(QStringLiteral(STRATA_BINARY), args, workingDirectory, extra);
    }

    // strata <command> --dir <folder> --url <this function's database> <more…>
    CliRun run(const QString &command, const QString &folder, const QStringList &more = {})
    {
        return strata(QStringList{command, QStringLiteral("--dir"), folder, QStringLiteral("--url"), m_url} + more);
    }

    std::unique_ptr<QProcess> spawn(const QString &command, const QString &folder, const QStringList &more = {})
    {
        auto process = std::make_unique<QProcess>();
        startCli(*process, QStringLiteral(STRATA_BINARY),
                       QStringList{command, QStringLiteral("--dir"), folder, QStringLiteral("--url"), m_url} + more);
        return process;
    }

    static CliRun collect(QProcess &process)
    {
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    QString newDatabase(const QString &name)
    {
        QString error;
        if (!m_cluster.createDatabase(name, &error))
            qWarning("cannot create database %s: %s", qPrintable(name), qPrintable(error));
        return name;
    }

    // Runs SQL that must work; false (and the error printed) when it did not.
    bool exec(const QString &sql, const QString &db = QString())
    {
        QString error;
        if (m_cluster.runSql(sql, nullptr, &error, db.isEmpty() ? m_db : db))
            return true;
        qWarning("%s\n%s", qPrintable(error), qPrintable(sql));
        return false;
    }

    // psql's unaligned output of `sql`, or the error, so that a comparison shows it.
    QString value(const QString &sql, const QString &db = QString())
    {
        QString output;
        QString error;
        if (!m_cluster.runSql(sql, &output, &error, db.isEmpty() ? m_db : db))
            return QStringLiteral("psql failed: ") + error;
        return output;
    }

    // The tables of schema public, "public.name" in order.
    QString tables(const QString &db = QString())
    {
        return value(
            QStringLiteral("SELECT coalesce(string_agg(schemaname || '.' || tablename, ' ' ORDER BY tablename), "
                           "'') FROM pg_tables WHERE schemaname = 'public'"),
            db);
    }

    // The ledger's created_at values in id order ("" for an empty ledger).
    QString ledger(const QString &db = QString(), const QString &table = QStringLiteral("drizzle.__drizzle_migrations"))
    {
        return value(QStringLiteral("SELECT coalesce(string_agg(created_at::text, ' ' ORDER BY id), '') FROM ") + table,
                     db);
    }

    static QString whens(const QList<int> &offsets)
    {
        QStringList out;
        for (int offset : offsets)
            out << QString::number(kWhen + offset);
        return out.join(QLatin1Char(' '));
    }

    // A PostgreSQL client program on the private socket, without the caller's PG* variables.
    bool runTool(const QString &tool, const QStringList &args, QString *output)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : env.keys()) {
            if (name.startsWith(QLatin1String("PG")))
                env.remove(name);
        }
        QProcess process;
        process.setProcessEnvironment(env);
        process.setStandardInputFile(QProcess::nullDevice());
        const ConnectionSpec spec = m_cluster.spec();
        process.start(LocalCluster::findBinDir() + QLatin1Char('/') + tool,
                      QStringList{QStringLiteral("-h"), spec.host(), QStringLiteral("-p"), spec.port(),
                                  QStringLiteral("-U"), spec.user()}
                          + args);
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
        }
        *output = QString::fromUtf8(process.readAllStandardOutput());
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            *output += QString::fromUtf8(process.readAllStandardError());
            return false;
        }
        return true;
    }

    // pg_dump --schema-only --no-owner -N drizzle, without its banner and \restrict lines.
    QString dump(const QString &db = QString())
    {
        QString output;
        if (!runTool(QStringLiteral("pg_dump"),
                     {QStringLiteral("--schema-only"), QStringLiteral("--no-owner"), QStringLiteral("-N"),
                      QStringLiteral("drizzle"), QStringLiteral("-d"), db.isEmpty() ? m_db : db},
                     &output))
            return QStringLiteral("pg_dump failed: ") + output;
        QStringList kept;
        for (const QString &line : output.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1String("-- Dumped")) && !line.startsWith(QLatin1String("\\restrict"))
                && !line.startsWith(QLatin1String("\\unrestrict")))
                kept << line;
        }
        return kept.join(QLatin1Char('\n'));
    }

    // The pid of a backend of `db` (other than psql's own) running a statement that contains
    // `text`, polled until it shows up; 0 when it did not within `timeoutMs`.
    int waitForStatement(const QString &text, int timeoutMs = 30000, const QString &db = QString())
    {
        QElapsedTimer clock;
        clock.start();
        const QString sql = QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND "
                                           "state = 'active' AND pid <> pg_backend_pid() AND strpos(query, %1) > 0 "
                                           "LIMIT 1")
                                .arg(literal(text));
        while (clock.elapsed() < timeoutMs) {
            const QString pid = value(sql, db);
            if (!pid.isEmpty() && !pid.startsWith(QLatin1String("psql")))
                return pid.toInt();
            QTest::qWait(50);
        }
        return 0;
    }

    // Polls until a backend of `db` waits for an advisory lock; false on timeout.
    bool waitForLockWaiter(int timeoutMs, const QString &db = QString())
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            if (value(QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE "
                                     "d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted"),
                      db)
                != QLatin1String("0"))
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    // Polls until no backend holds the migration runs' advisory lock on `db`; false on timeout.
    bool waitForLockReleased(int timeoutMs, const QString &db = QString())
    {
        const qint64 key = MigrationRunner::lockKey();
        const QString sql = QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                                           "WHERE d.datname = current_database() AND l.locktype = 'advisory' AND "
                                           "l.classid = %1 AND l.objid = %2")
                                .arg(quint64(key) >> 32)
                                .arg(quint64(key) & 0xffffffffULL);
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            if (value(sql, db) == QLatin1String("0"))
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    // A folder made by `strata generate` from a scratch database, one migration per SQL text
    // applied to it in turn: SQL, snapshot, journal and down file.
    bool generateFolder(const QString &dir, const QStringList &changes, const QStringList &names,
                        const QString &scratch)
    {
        for (qsizetype i = 0; i < changes.size(); ++i) {
            if (!exec(changes.at(i), scratch))
                return false;
            const CliRun generated =
                strata({QStringLiteral("generate"), QStringLiteral("--dir"), dir, QStringLiteral("--from-db"),
                        url(scratch), QStringLiteral("--name"), names.at(i)});
            if (generated.exitCode != 0) {
                qWarning("strata generate failed: %s", qPrintable(generated.describe()));
                return false;
            }
        }
        return true;
    }

    // The tags of a drizzle folder's journal, in its order.
    static QStringList journalTags(const QString &folder)
    {
        QStringList tags;
        const QJsonObject journal =
            QJsonDocument::fromJson(readText(folder + QStringLiteral("/meta/_journal.json")).toUtf8()).object();
        for (const QJsonValue &entry : journal.value(QStringLiteral("entries")).toArray())
            tags << entry.toObject().value(QStringLiteral("tag")).toString();
        return tags;
    }

    bool startCluster(QString *error) { return m_cluster.start(error); }
    void useFreshDatabase()
    {
        m_db = newDatabase(QString::fromLatin1(QTest::currentTestFunction()).toLower());
        m_url = url(m_db);
    }
};

} // namespace strata::test
