#include "ServerAccount.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <algorithm>
#include <vector>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace strata {

namespace {

// initdb and postgres refuse to run as root; this system user runs them instead.
const char *const kServerUser = "postgres";

struct ServerUser {
    uid_t uid = 0;
    gid_t gid = 0;
    QList<gid_t> groups;
};

bool lookUpServerUser(ServerUser *user)
{
    const passwd *pw = ::getpwnam(kServerUser);
    if (!pw)
        return false;
    user->uid = pw->pw_uid;
    user->gid = pw->pw_gid;
    int count = 64;
    std::vector<gid_t> groups(count);
    if (::getgrouplist(kServerUser, pw->pw_gid, groups.data(), &count) < 0) {
        groups.resize(count);
        ::getgrouplist(kServerUser, pw->pw_gid, groups.data(), &count);
    }
    groups.resize(std::max(count, 0));
    user->groups = QList<gid_t>(groups.begin(), groups.end());
    return true;
}

// The first folder above `path` (inclusive) that `user` may not enter, or empty. The kernel
// checks owner bits for the owner, group bits for a member, other bits for everyone else.
QString firstClosedFolder(const QString &path, const ServerUser &user)
{
    QString dir = QDir::cleanPath(path);
    while (true) {
        struct stat st {};
        if (::stat(QFile::encodeName(dir).constData(), &st) != 0)
            return dir;
        bool open;
        if (st.st_uid == user.uid)
            open = st.st_mode & S_IXUSR;
        else if (user.groups.contains(st.st_gid))
            open = st.st_mode & S_IXGRP;
        else
            open = st.st_mode & S_IXOTH;
        if (!open)
            return dir;
        if (dir == QLatin1String("/"))
            return {};
        dir = QFileInfo(dir).path();
    }
}

} // namespace

bool ServerAccount::isRoot()
{
    return ::geteuid() == 0;
}

QString ServerAccount::userName()
{
    return QString::fromLatin1(kServerUser);
}

ServerAccount::Problem ServerAccount::handOver(const QString &rootDir, const QStringList &owned,
                                               QString *path)
{
    ServerUser user;
    if (!lookUpServerUser(&user))
        return Problem::NoSuchUser;
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        return Problem::NoSetpriv;
    const QString closed = firstClosedFolder(QFileInfo(rootDir).path(), user);
    if (!closed.isEmpty()) {
        *path = closed;
        return Problem::FolderClosed;
    }
    for (const QString &ownedPath : owned) {
        if (::chown(QFile::encodeName(ownedPath).constData(), user.uid, user.gid) != 0) {
            *path = ownedPath;
            return Problem::NotHandedOver;
        }
    }
    return Problem::None;
}

void ServerAccount::handOverFile(const QString &path)
{
    ServerUser user;
    if (isRoot() && lookUpServerUser(&user))
        (void)::chown(QFile::encodeName(path).constData(), user.uid, user.gid);
}

void ServerAccount::prepare(QProcess *process, const QString &program, const QStringList &args,
                            const QString &workingDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Everything is passed explicitly; a user's PGDATA or PGPORT must not change a thing.
    const QStringList names = env.keys();
    for (const QString &name : names) {
        if (name.startsWith(QLatin1String("PG")))
            env.remove(name);
    }
    // English messages, so that "could not bind" in the log can be recognised.
    env.insert(QStringLiteral("LC_MESSAGES"), QStringLiteral("C"));
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LANGUAGE"));
    process->setProcessEnvironment(env);
    process->setWorkingDirectory(workingDir);
    process->setStandardInputFile(QProcess::nullDevice());

    if (isRoot()) {
        // setpriv execs in place (the server keeps setpriv's pid, our child), and applies
        // --pdeathsig after changing the user, which would otherwise clear it.
        process->setProgram(QStringLiteral("setpriv"));
        process->setArguments(
            QStringList{QStringLiteral("--reuid=%1").arg(QLatin1String(kServerUser)),
                        QStringLiteral("--regid=%1").arg(QLatin1String(kServerUser)),
                        QStringLiteral("--init-groups"), QStringLiteral("--pdeathsig=INT"),
                        QStringLiteral("--"), program}
            + args);
    } else {
        process->setProgram(program);
        process->setArguments(args);
    }
    // SIGINT is the server's fast shutdown. The kernel sends it when the thread that forked
    // the child exits, hence "start from a long-lived thread". Checking getppid() closes the
    // window in which we might die between fork() and prctl().
    const pid_t parent = ::getpid();
    process->setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGINT);
        if (::getppid() != parent)
            ::_exit(127);
    });
}

} // namespace strata
