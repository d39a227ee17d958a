#include "RunConsole.h"

#include "Tr.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace strata {

namespace {

int interruptPipe[2] = {-1, -1};

void onInterrupt(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(interruptPipe[1], &byte, 1);
    std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
}

QString firstLine(const QString &sql)
{
    QString line = sql.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() > 60)
        line = line.left(59) + QChar(0x2026);
    return line;
}

QString seconds(qint64 ms)
{
    return ms < 1000 ? Tr::tr("%1 ms").arg(ms) : Tr::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

RunConsole::RunConsole(const QString &command, const QString &folderShown, Format format)
    : m_command(command), m_folder(folderShown), m_format(format), m_out(stdout), m_err(stderr)
{
    m_terminal = format == Format::Auto && ::isatty(STDERR_FILENO);
}

int RunConsole::exitCode(RunReport::Outcome outcome)
{
    switch (outcome) {
    case RunReport::Outcome::Done:
    case RunReport::Outcome::NothingToDo:
    case RunReport::Outcome::DryRun:
        return 0;
    case RunReport::Outcome::Refused:
    case RunReport::Outcome::Failed:
        return 1;
    case RunReport::Outcome::ConnectFailed:
    case RunReport::Outcome::ConnectionLost:
        return 3;
    case RunReport::Outcome::Cancelled:
        return 4;
    }
    return 1;
}

void RunConsole::json(const QJsonObject &event)
{
    m_out << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) << Qt::endl;
}

void RunConsole::progress(const QString &line)
{
    // One line that never wraps, or \r would redraw only its last part.
    winsize size{};
    const int width = ::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 10 ? size.ws_col : 80;
    const QString shown = line.size() < width ? line : line.left(width - 2) + QChar(0x2026);
    m_err << QStringLiteral("\r\x1b[2K") << shown << Qt::flush;
    m_progressShown = true;
}

void RunConsole::endProgress()
{
    if (m_progressShown)
        m_err << QStringLiteral("\r\x1b[2K") << Qt::flush;
    m_progressShown = false;
}

int RunConsole::run(MigrationRunner &runner, const QString &database)
{
    const bool asJson = m_format == Format::Json;
    int total = 0;
    int done = 0;
    int migrationCount = 0;
    QString current;       // the progress line without the elapsed time
    QElapsedTimer statementClock;
    QTimer ticker;         // keeps the elapsed time moving on a terminal
    ticker.setInterval(200);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        if (!current.isEmpty())
            progress(current + QStringLiteral("  ") + seconds(statementClock.elapsed()));
    });

    QObject::connect(&runner, &MigrationRunner::connected, [&](const QString &version) {
        if (asJson)
            json({{QStringLiteral("event"), QStringLiteral("connected")}, {QStringLiteral("database"), database},
                  {QStringLiteral("server"), version}});
    });
    QObject::connect(&runner, &MigrationRunner::waiting, [&](int pid) {
        if (asJson) {
            json({{QStringLiteral("event"), QStringLiteral("waiting")}, {QStringLiteral("pid"), pid}});
            return;
        }
        m_err << (pid > 0 ? Tr::tr("Waiting for another migration run (server process %1)…").arg(pid)
                          : Tr::tr("Waiting for another migration run…"))
              << Qt::endl;
    });
    QObject::connect(&runner, &MigrationRunner::planned, [&] {
        total = runner.batch().statementCount();
        migrationCount = int(runner.batch().migrations().size());
        printPlan(runner);
        if (m_confirm && !runner.batch().isEmpty()) {
            if (m_confirm(runner))
                runner.proceed();
            else
                runner.cancel();
        }
    });
    QObject::connect(&runner, &MigrationRunner::migrationStarted, [&](int index, int count, const QString &tag, int statements) {
        if (asJson) {
            json({{QStringLiteral("event"), QStringLiteral("migration-start")}, {QStringLiteral("index"), index + 1},
                  {QStringLiteral("count"), count}, {QStringLiteral("tag"), tag}, {QStringLiteral("statements"), statements}});
        }
    });
    QObject::connect(&runner, &MigrationRunner::statementStarted, [&](int index, int statement, int statements, const QString &sql) {
        if (asJson) {
            json({{QStringLiteral("event"), QStringLiteral("statement-start")},
                  {QStringLiteral("tag"), runner.batch().migrations().at(index).tag},
                  {QStringLiteral("index"), statement + 1}, {QStringLiteral("count"), statements},
                  {QStringLiteral("sql"), firstLine(sql)}});
            return;
        }
        if (!m_terminal)
            return;
        const int width = 20;
        const int filled = total > 0 ? done * width / total : 0;
        current = QStringLiteral("[%1%2] ").arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char('-')))
            + Tr::tr("migration %1/%2 %3, statement %4/%5: %6")
                  .arg(index + 1).arg(migrationCount).arg(runner.batch().migrations().at(index).tag)
                  .arg(statement + 1).arg(statements).arg(firstLine(sql));
        statementClock.start();
        progress(current);
        if (!ticker.isActive())
            ticker.start();
    });
    QObject::connect(&runner, &MigrationRunner::statementFinished, [&](int index, int statement, qint64 ms) {
        ++done;
        if (asJson) {
            json({{QStringLiteral("event"), QStringLiteral("statement-done")},
                  {QStringLiteral("tag"), runner.batch().migrations().at(index).tag},
                  {QStringLiteral("index"), statement + 1}, {QStringLiteral("elapsedMs"), ms}});
        }
    });
    QObject::connect(&runner, &MigrationRunner::migrationFinished, [&](int index, const QString &tag, qint64 ms) {
        const int statements = int(runner.batch().migrations().at(index).statements.size());
        if (asJson) {
            json({{QStringLiteral("event"), QStringLiteral("migration-done")}, {QStringLiteral("tag"), tag},
                  {QStringLiteral("elapsedMs"), ms}});
            return;
        }
        endProgress();
        m_out << Tr::tr("  ran %1 (%n statement(s), %2)", nullptr, statements).arg(tag, seconds(ms)) << Qt::endl;
    });
    QObject::connect(&runner, &MigrationRunner::committed, [&](const QStringList &tags) {
        if (asJson) {
            json({{QStringLiteral("event"), QStringLiteral("committed")},
                  {QStringLiteral("tags"), QJsonArray::fromStringList(tags)}});
            return;
        }
        endProgress();
        const QString which = tags.size() <= 3 ? tags.join(QStringLiteral(", "))
                                               : Tr::tr("%n migration(s), %1 … %2", nullptr, int(tags.size()))
                                                     .arg(tags.first(), tags.last());
        m_out << Tr::tr("  committed %1").arg(which) << Qt::endl;
    });

    // Ctrl-C and SIGTERM reach the event loop through a pipe: a signal handler may do no more.
    if (interruptPipe[0] < 0)
        ::socketpair(AF_UNIX, SOCK_STREAM, 0, interruptPipe);
    QSocketNotifier interrupts(interruptPipe[0], QSocketNotifier::Read);
    QObject::connect(&interrupts, &QSocketNotifier::activated, [&] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(interruptPipe[0], &byte, 1);
        endProgress();
        if (!asJson)
            m_err << Tr::tr("Cancelling: the open transaction rolls back…") << Qt::endl;
        runner.cancel();
    });
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    QEventLoop loop;
    RunReport report;
    QObject::connect(&runner, &MigrationRunner::finished, &loop, [&](const RunReport &r) {
        report = r;
        loop.quit();
    });
    runner.start();
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    ticker.stop();
    endProgress();
    printReport(runner, report);
    return exitCode(report.outcome);
}

void RunConsole::printPlan(const MigrationRunner &runner)
{
    const MigrationBatch &batch = runner.batch();
    const bool up = batch.direction() == MigrationBatch::Direction::Up;
    if (m_format == Format::Json) {
        QJsonArray migrations;
        for (const BatchMigration &migration : batch.migrations()) {
            QJsonObject item{{QStringLiteral("tag"), migration.tag}, {QStringLiteral("file"), migration.file},
                             {QStringLiteral("statements"), int(migration.statements.size())},
                             {QStringLiteral("commitAfter"), migration.commitAfter}};
            if (!migration.commitReason.isEmpty())
                item.insert(QStringLiteral("commitReason"), migration.commitReason);
            migrations.append(item);
        }
        json({{QStringLiteral("event"), QStringLiteral("plan")},
              {QStringLiteral("direction"), up ? QStringLiteral("up") : QStringLiteral("down")},
              {QStringLiteral("migrations"), migrations}, {QStringLiteral("statements"), batch.statementCount()}});
        return;
    }
    if (batch.isEmpty())
        return;
    const int count = int(batch.migrations().size());
    m_out << (up ? Tr::tr("Applying %n migration(s) from %1 (%2 statements):", nullptr, count)
                 : Tr::tr("Rolling back %n migration(s) from %1 (%2 statements):", nullptr, count))
                 .arg(m_folder).arg(batch.statementCount())
          << Qt::endl;
    for (const BatchMigration &migration : batch.migrations()) {
        m_out << QStringLiteral("  ") << migration.tag;
        if (!migration.commitReason.isEmpty())
            m_out << QStringLiteral("  ") << Tr::tr("(commits on its own: %1)").arg(migration.commitReason);
        m_out << Qt::endl;
    }
}

void RunConsole::printReport(const MigrationRunner &runner, const RunReport &report)
{
    const bool up = runner.batch().direction() == MigrationBatch::Direction::Up;
    if (m_format == Format::Json) {
        QJsonObject event{{QStringLiteral("event"), QStringLiteral("finished")},
                          {QStringLiteral("outcome"), RunReport::outcomeId(report.outcome)},
                          {QStringLiteral("exitCode"), exitCode(report.outcome)},
                          {QStringLiteral("applied"), QJsonArray::fromStringList(report.applied)},
                          {QStringLiteral("notApplied"), QJsonArray::fromStringList(report.notApplied)},
                          {QStringLiteral("durationMs"), report.durationMs}};
        if (!report.message.isEmpty())
            event.insert(QStringLiteral("message"), report.message);
        if (!report.partial.isEmpty())
            event.insert(QStringLiteral("partial"), report.partial);
        if (!report.error.isNull()) {
            QJsonObject error{{QStringLiteral("sqlstate"), report.error.sqlState},
                              {QStringLiteral("message"), report.error.message},
                              {QStringLiteral("detail"), report.error.detail},
                              {QStringLiteral("hint"), report.error.hint}};
            if (!report.failedTag.isEmpty()) {
                error.insert(QStringLiteral("tag"), report.failedTag);
                error.insert(QStringLiteral("file"), report.failedFile);
                error.insert(QStringLiteral("line"), report.position.line);
                error.insert(QStringLiteral("column"), report.position.column);
                error.insert(QStringLiteral("statement"), report.statement);
            }
            event.insert(QStringLiteral("error"), error);
        }
        json(event);
        return;
    }

    const QString prefix = QStringLiteral("strata %1: ").arg(m_command);
    switch (report.outcome) {
    case RunReport::Outcome::Done:
        m_out << (up ? Tr::tr("Applied %n migration(s) in %1.", nullptr, int(report.applied.size()))
                     : Tr::tr("Rolled back %n migration(s) in %1.", nullptr, int(report.applied.size())))
                     .arg(seconds(report.durationMs))
              << Qt::endl;
        return;
    case RunReport::Outcome::NothingToDo:
        m_out << (up ? Tr::tr("Nothing to apply: the database is up to date.") : Tr::tr("Nothing to roll back."))
              << Qt::endl;
        return;
    case RunReport::Outcome::DryRun:
        m_out << Qt::endl << Tr::tr("-- Dry run: this is what would run; nothing was changed.") << Qt::endl
              << runner.batch().sqlText();
        return;
    case RunReport::Outcome::Refused:
        m_err << prefix << Tr::tr("refused, nothing was changed:") << Qt::endl;
        for (const QString &line : report.message.split(QLatin1Char('\n')))
            m_err << QStringLiteral("  ") << line << Qt::endl;
        return;
    case RunReport::Outcome::ConnectFailed:
        m_err << prefix << Tr::tr("cannot connect: %1").arg(report.message) << Qt::endl;
        return;
    case RunReport::Outcome::Failed:
    case RunReport::Outcome::Cancelled:
    case RunReport::Outcome::ConnectionLost:
        break;
    }

    if (!report.failedTag.isEmpty() && report.outcome == RunReport::Outcome::Failed) {
        QString where = m_folder + QLatin1Char('/') + report.failedFile;
        if (report.position.isValid())
            where += QStringLiteral(":%1:%2").arg(report.position.line).arg(report.position.column);
        m_err << where << QStringLiteral(": ") << Tr::tr("error: %1").arg(report.error.message);
        if (!report.error.sqlState.isEmpty())
            m_err << QStringLiteral(" (") << report.error.sqlState << QLatin1Char(')');
        m_err << Qt::endl;
        if (!report.error.detail.isEmpty())
            m_err << QStringLiteral("  ") << Tr::tr("Detail: %1").arg(report.error.detail) << Qt::endl;
        if (!report.error.hint.isEmpty())
            m_err << QStringLiteral("  ") << Tr::tr("Hint: %1").arg(report.error.hint) << Qt::endl;
        m_err << QStringLiteral("  ") << Tr::tr("Statement: %1").arg(firstLine(report.statement)) << Qt::endl;
    } else if (report.outcome == RunReport::Outcome::Cancelled) {
        m_err << prefix << Tr::tr("cancelled.") << Qt::endl;
    } else {
        m_err << prefix << (report.outcome == RunReport::Outcome::ConnectionLost
                                ? Tr::tr("the connection was lost: %1").arg(report.message)
                                : report.message)
              << Qt::endl;
    }
    if (!report.applied.isEmpty())
        m_err << (up ? Tr::tr("Applied and committed: %1") : Tr::tr("Rolled back and committed: %1"))
                     .arg(report.applied.join(QStringLiteral(", ")))
              << Qt::endl;
    if (!report.notApplied.isEmpty())
        m_err << (up ? Tr::tr("Not applied (rolled back): %1") : Tr::tr("Not rolled back: %1"))
                     .arg(report.notApplied.join(QStringLiteral(", ")))
              << Qt::endl;
    if (!report.partial.isEmpty())
        m_err << Tr::tr("%1 stopped after some of its statements had been committed (outside the run's transaction); "
                        "they stay applied, and its ledger row was not written. Check them before running it again.")
                     .arg(report.partial)
              << Qt::endl;
}

} // namespace strata
