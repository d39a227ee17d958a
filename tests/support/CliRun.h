#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QProcess;

namespace strata::test {

// What a command-line run left: exit code (-1 when it crashed or timed out) and its output.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;

    // The command's output for a failure message.
    QString describe() const;
};

// Runs `program args…` the way a CI job would: no display, stdin at /dev/null, `extra`
// added to this process's environment.
CliRun runCli(const QString &program, const QStringList &args, const QString &workingDirectory = QString(),
              const QProcessEnvironment &extra = {}, int timeoutMs = 120000);

// Starts `program args…` in `process` as runCli() would, without waiting: for tests that
// signal, kill or race the command while it runs.
void startCli(QProcess &process, const QString &program, const QStringList &args,
              const QString &workingDirectory = QString(), const QProcessEnvironment &extra = {});

} // namespace strata::test
