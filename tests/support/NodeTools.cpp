#include "NodeTools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace strata::test {

namespace {

QString withoutEscapes(const QByteArray &bytes)
{
    static const QRegularExpression escape(QStringLiteral("\x1b\\[[0-9;?]*[A-Za-z]"));
    QString text = QString::fromUtf8(bytes);
    text.remove(escape);
    return text;
}

// What node runs with: this process's environment, CI=true, no colours, NODE_PATH at the
// packages, then `extra`.
QProcessEnvironment nodeEnvironment(const NpmPackages &packages, const QProcessEnvironment &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CI"), QStringLiteral("true"));
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    env.insert(QStringLiteral("NODE_PATH"), packages.nodeModules());
    // The sanitizer runtime of the test executable has no business in node.
    env.remove(QStringLiteral("LD_PRELOAD"));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    return env;
}

} // namespace

NpmPackages npmPackages(const QString &npmFolder)
{
    NpmPackages packages;
    packages.folder = npmFolder;
    packages.node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (packages.node.isEmpty())
        packages.node = QStandardPaths::findExecutable(QStringLiteral("nodejs"));

    QFile statusFile(npmFolder + QStringLiteral("/status.txt"));
    const QString status = statusFile.open(QIODevice::ReadOnly)
        ? QString::fromUtf8(statusFile.readAll()).trimmed()
        : QString();
    if (status.startsWith(QLatin1String("absent:")) || packages.node.isEmpty()) {
        packages.state = NpmPackages::State::NodeAbsent;
        packages.reason = status.startsWith(QLatin1String("absent:"))
            ? status.mid(7).trimmed()
            : QStringLiteral("no `node` on PATH");
        return packages;
    }
    if (status.startsWith(QLatin1String("failed:"))) {
        packages.reason = status.mid(7).trimmed()
            + QStringLiteral(" (see the output of the test support.NpmPackages)");
        return packages;
    }
    if (status != QLatin1String("ok")) {
        packages.reason = QStringLiteral("%1 has no status of support.NpmPackages; run the tests "
                                         "through ctest, which runs that fixture first")
                              .arg(npmFolder);
        return packages;
    }
    if (!QFileInfo::exists(packages.drizzleKit())) {
        packages.reason = QStringLiteral("%1 is missing although support.NpmPackages said ok")
                              .arg(packages.drizzleKit());
        return packages;
    }
    packages.state = NpmPackages::State::Ready;
    return packages;
}

bool linkNodeModules(const NpmPackages &packages, const QString &projectFolder, QString *error)
{
    const QString link = projectFolder + QStringLiteral("/node_modules");
    if (QFile::link(packages.nodeModules(), link))
        return true;
    if (error)
        *error = QStringLiteral("could not link %1 to %2").arg(link, packages.nodeModules());
    return false;
}

QString NodeRun::describe() const
{
    QString text = QStringLiteral("$ %1\n").arg(command);
    text += finished ? QStringLiteral("exit code %1\n").arg(exitCode)
                     : QStringLiteral("did not finish (killed)\n");
    text += QStringLiteral("--- stdout ---\n%1\n--- stderr ---\n%2\n--- end ---").arg(out.trimmed(), err.trimmed());
    return text;
}

NodeRun runNode(const NpmPackages &packages, const QStringList &arguments, const QString &folder,
                const QProcessEnvironment &extra, int timeoutMs)
{
    NodeRun run;
    run.command = QStringLiteral("cd %1 && %2 %3")
                      .arg(folder, packages.node, arguments.join(QLatin1Char(' ')));

    QProcess process;
    process.setProcessEnvironment(nodeEnvironment(packages, extra));
    process.setWorkingDirectory(folder);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(packages.node, arguments);
    if (!process.waitForStarted(30000)) {
        run.err = QStringLiteral("could not start %1: %2").arg(packages.node, process.errorString());
        return run;
    }
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(10000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = withoutEscapes(process.readAllStandardOutput());
    run.err = withoutEscapes(process.readAllStandardError());
    return run;
}

NodeRun runDrizzleKit(const NpmPackages &packages, const QStringList &args,
                      const QString &projectFolder, const QProcessEnvironment &extra,
                      int timeoutMs)
{
    return runNode(packages, QStringList{packages.drizzleKit()} + args, projectFolder, extra, timeoutMs);
}

NodeRun runDrizzleKitInTerminal(const NpmPackages &packages, const QStringList &args,
                                const QString &projectFolder, const QList<int> &answers,
                                const QProcessEnvironment &extra, int timeoutMs)
{
    const QStringList arguments = QStringList{packages.drizzleKit()} + args;
    NodeRun run;
    run.command = QStringLiteral("cd %1 && %2 %3 (in a terminal)")
                      .arg(projectFolder, packages.node, arguments.join(QLatin1Char(' ')));

    // Everything the child needs is made before fork(): after it, only exec.
    QByteArrayList argvBytes{packages.node.toLocal8Bit()};
    for (const QString &argument : arguments)
        argvBytes << argument.toLocal8Bit();
    QByteArrayList envBytes;
    for (const QString &entry : nodeEnvironment(packages, extra).toStringList())
        envBytes << entry.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &bytes : argvBytes)
        argv.push_back(bytes.data());
    argv.push_back(nullptr);
    std::vector<char *> envp;
    for (QByteArray &bytes : envBytes)
        envp.push_back(bytes.data());
    envp.push_back(nullptr);
    const QByteArray folder = projectFolder.toLocal8Bit();

    winsize size{};
    size.ws_row = 50;
    size.ws_col = 200;  // wide enough that no prompt line wraps
    int master = -1;
    const pid_t pid = forkpty(&master, nullptr, nullptr, &size);
    if (pid < 0) {
        run.err = QStringLiteral("forkpty failed: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return run;
    }
    if (pid == 0) {
        if (chdir(folder.constData()) == 0)
            execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }

    // A prompt is answered once: the next one counts only after drizzle-kit confirmed the
    // last ("… will be renamed", "… will be created"), since a prompt redraws itself on
    // every key.
    static const QByteArray prompt = "created or renamed from another";
    static const QByteArray confirmation = " will be ";
    QByteArray output;
    qsizetype sent = 0;
    QElapsedTimer clock;
    clock.start();
    bool timedOut = false;
    for (;;) {
        if (clock.elapsed() > timeoutMs) {
            timedOut = true;
            break;
        }
        pollfd fd{master, POLLIN, 0};
        const int ready = poll(&fd, 1, 200);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        char buffer[4096];
        const ssize_t got = read(master, buffer, sizeof buffer);
        if (got <= 0) {
            if (got < 0 && errno == EINTR)
                continue;
            break;  // EIO: every copy of the terminal's other end is closed, node is gone
        }
        output.append(buffer, got);
        if (output.count(confirmation) != sent)
            continue;
        const qsizetype lastConfirmation = output.lastIndexOf(confirmation);
        if (output.indexOf(prompt, std::max<qsizetype>(lastConfirmation, 0)) < 0)
            continue;
        if (sent == answers.size()) {
            run.err = QStringLiteral("drizzle-kit asked prompt %1, which has no answer; stopped it").arg(sent + 1);
            timedOut = true;  // killed below
            break;
        }
        const QByteArray keys = QByteArray("\x1b[B").repeated(answers.at(sent)) + "\r";
        if (write(master, keys.constData(), size_t(keys.size())) != keys.size())
            break;
        ++sent;
    }
    if (timedOut)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    close(master);
    run.finished = !timedOut && WIFEXITED(status);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = withoutEscapes(output).remove(QLatin1Char('\r'));
    if (run.finished && sent < answers.size())
        run.err = QStringLiteral("drizzle-kit asked %1 prompt(s), %2 answer(s) were given").arg(sent).arg(answers.size());
    return run;
}

NodeRun runDrizzleOrmMigrate(const NpmPackages &packages, const QString &projectFolder,
                             const QString &migrationsFolder, const QString &url)
{
    static const char script[] = R"(
const { drizzle } = require('drizzle-orm/node-postgres');
const { migrate } = require('drizzle-orm/node-postgres/migrator');
const { Pool } = require('pg');
const pool = new Pool({ connectionString: process.env.STRATA_MIGRATE_URL, max: 1 });
migrate(drizzle(pool), { migrationsFolder: process.env.STRATA_MIGRATE_FOLDER })
  .then(() => { console.log('drizzle-orm migrate: done'); return pool.end(); })
  .catch((e) => { console.error(e); process.exitCode = 1; return pool.end(); });
)";
    QProcessEnvironment env;
    env.insert(QStringLiteral("STRATA_MIGRATE_URL"), url);
    env.insert(QStringLiteral("STRATA_MIGRATE_FOLDER"), migrationsFolder);
    return runNode(packages, {QStringLiteral("-e"), QString::fromUtf8(script)}, projectFolder, env, 120000);
}

} // namespace strata::test
