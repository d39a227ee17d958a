#include "PostmasterFiles.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>

namespace strata {

namespace {

QByteArray readProcFile(qint64 pid, const char *name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A zombie has exited; only its parent has not collected it yet (in a container, PID 1
// often never does), so it counts as gone.
bool isProcessAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    const QByteArray stat = readProcFile(pid, "stat");
    if (stat.isEmpty())
        return QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
    const int paren = stat.lastIndexOf(')');
    return paren < 0 || paren + 2 >= stat.size() || stat.at(paren + 2) != 'Z';
}

// Whether pid is a postgres process serving dataDir. The postmaster chdirs into its data
// directory and every server process inherits that, so the cwd decides when we may read it;
// otherwise the postmaster's command line (-D dataDir) does.
bool isServerOf(qint64 pid, const QString &dataDir)
{
    const QByteArray cmdline = readProcFile(pid, "cmdline");
    const QByteArray comm = readProcFile(pid, "comm").trimmed();
    const QByteArray argv0 = cmdline.left(cmdline.indexOf('\0'));
    const QByteArray program = argv0.mid(argv0.lastIndexOf('/') + 1);
    const bool isPostgres = comm == "postgres" || comm == "postmaster" || program == "postgres"
        || program == "postmaster" || argv0.startsWith("postgres:");
    if (!isPostgres)
        return false;
    const QString cwd = QFile::symLinkTarget(QStringLiteral("/proc/%1/cwd").arg(pid));
    if (!cwd.isEmpty())
        return QDir::cleanPath(cwd) == QDir::cleanPath(dataDir);
    const QList<QByteArray> args = cmdline.split('\0');
    return args.contains(QFile::encodeName(dataDir));
}

} // namespace

// postgres writes its command line to postmaster.opts as "…/postgres" "-D" "…" "-p" "5433" ….
int PostmasterFiles::lastPort(const QString &dataDir)
{
    QFile file(dataDir + QStringLiteral("/postmaster.opts"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> words = file.readAll().split(' ');
    const qsizetype p = words.indexOf("\"-p\"");
    if (p < 0 || p + 1 >= words.size())
        return 0;
    QByteArray value = words.at(p + 1).trimmed();
    if (value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    const int port = value.toInt();
    return port > 0 && port < 65536 ? port : 0;
}

PostmasterFiles::Lock PostmasterFiles::clearStaleLock(const QString &dataDir, qint64 *pid)
{
    QFile file(dataDir + QStringLiteral("/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return Lock::Free;
    *pid = file.readLine().trimmed().toLongLong();
    file.close();
    if (!isProcessAlive(*pid))
        return Lock::Free;  // a crashed server's lock file; postgres itself takes it over
    if (isServerOf(*pid, dataDir))
        return Lock::Held;
    // The pid was reused by an unrelated process; postgres would refuse to start ("lock file
    // already exists"), though the server that wrote the file is long gone.
    return file.remove() ? Lock::Free : Lock::Stale;
}

bool PostmasterFiles::isReady(const QString &dataDir, qint64 pid)
{
    // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shared
    // memory key, and (PostgreSQL 10+) a status that becomes "ready" once it accepts
    // connections. The pid check skips a stale file from an earlier run.
    QFile file(dataDir + QStringLiteral("/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> lines = file.readAll().split('\n');
    return lines.size() >= 8 && lines.at(0).trimmed().toLongLong() == pid
        && lines.at(7).trimmed() == "ready";
}

} // namespace strata
