#pragma once

#include "migrations/MigrationRunner.h"

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

#include <functional>

namespace strata {

// Runs a MigrationRunner to its end for the command line and shows it: a progress line on a
// terminal, plain lines otherwise, or one JSON object per event (--json). Ctrl-C (or
// SIGTERM) cancels the run cleanly; a second Ctrl-C ends the process at once.
class RunConsole
{
public:
    enum class Format { Auto, Json };

    RunConsole(const QString &command, const QString &folderShown, Format format);

    // Called after planned() when the request asks to confirm: true runs the batch.
    void setConfirm(std::function<bool(const MigrationRunner &)> confirm) { m_confirm = std::move(confirm); }
    // Starts `runner`, waits for it, and returns the exit code: 0 done or nothing to do, 1 failed
    // or refused, 3 cannot connect (or the connection was lost), 4 cancelled.
    int run(MigrationRunner &runner, const QString &database);

    static int exitCode(RunReport::Outcome outcome);

private:
    void json(const QJsonObject &event);
    void progress(const QString &line);  // the terminal's one changing line
    void endProgress();
    void printPlan(const MigrationRunner &runner);
    void printReport(const MigrationRunner &runner, const RunReport &report);

    QString m_command;
    QString m_folder;
    Format m_format;
    bool m_terminal = false;  // stderr is a terminal: draw the progress line there
    bool m_progressShown = false;
    QTextStream m_out;
    QTextStream m_err;
    std::function<bool(const MigrationRunner &)> m_confirm;
};

} // namespace strata
