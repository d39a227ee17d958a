#include "CliRun.h"

#include <QProcess>

namespace strata::test {

QString CliRun::describe() const
{
    return QStringLiteral("exit code %1\n--- stdout\n%2\n--- stderr\n%3").arg(exitCode).arg(out, err);
}

void startCli(QProcess &process, const QString &program, const QStringList &args, const QString &workingDirectory,
              const QProcessEnvironment &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE"})
        env.remove(QString::fromLatin1(name));
    // The command line speaks the user's language; tests read its English.
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, args);
}

CliRun runCli(const QString &program, const QStringList &args, const QString &workingDirectory,
              const QProcessEnvironment &extra, int timeoutMs)
{
    QProcess process;
    startCli(process, program, args, workingDirectory, extra);
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished)
        process.kill();
    process.waitForFinished(5000);
    return {finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace strata::test
