#include "LocalCluster.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTimer>
#include <QVersionNumber>

#include <algorithm>
#include <vector>

#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace strata {

namespace {

const char *const kSuperuser = "strata";
// initdb and postgres refuse to run as root; this system user runs them instead.
const char *const kServerUser = "postgres";
// sockaddr_un.sun_path is 108 bytes on Linux, including the terminating NUL.
constexpr int kMaxSocketPath = 107;
constexpr int kMaxLaunchAttempts = 5;

bool isRoot()
{
    return ::geteuid() == 0;
}

bool hasServerPrograms(const QString &dir)
{
    return QFileInfo(dir + QStringLiteral("/initdb")).isExecutable()
        && QFileInfo(dir + QStringLiteral("/postgres")).isExecutable();
}

// A port no one listens on right now. The kernel picks it; postgres may still lose a race
// for it, which launchServer() answers by trying another.
int freeTcpPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    int port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

// Whether we could listen on 127.0.0.1:port right now.
bool isTcpPortFree(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    // As postgres does, so that a port in TIME_WAIT counts as free.
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(quint16(port));
    const bool free = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return free;
}

// The port of the server's last run: postgres writes its command line to postmaster.opts
// as "…/postgres" "-D" "…" "-p" "5433" ….
int lastPort(const QString &dataDir)
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

QString lastLines(const QString &text, int count)
{
    QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(QLatin1Char('\n'));
}

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

LocalCluster::LocalCluster(const QString &rootDir, QObject *parent)
    : QObject(parent)
    , m_rootDir(QDir::cleanPath(QFileInfo(rootDir).absoluteFilePath()))
    , m_readyPoll(new QTimer(this))
{
    const QString canonical = QFileInfo(m_rootDir).canonicalFilePath();
    if (!canonical.isEmpty())
        m_rootDir = canonical;
    m_port = lastPort(dataDir());
    m_readyPoll->setInterval(25);
    connect(m_readyPoll, &QTimer::timeout, this, &LocalCluster::pollReadiness);
}

LocalCluster::~LocalCluster()
{
    // No failed() from a half-destroyed object; the caller is tearing us down on purpose.
    blockSignals(true);
    stop();
}

QString LocalCluster::findBinDir(QString *error)
{
    const QString fromEnv = qEnvironmentVariable("STRATA_PG_BINDIR");
    if (!fromEnv.isEmpty()) {
        if (hasServerPrograms(fromEnv))
            return fromEnv;
        if (error)
            *error = tr("STRATA_PG_BINDIR is set to %1, but that folder does not contain both "
                        "initdb and postgres.").arg(fromEnv);
        return {};
    }
    QDir debianRoot(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = debianRoot.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &version : std::as_const(versions)) {
        const QString dir = debianRoot.filePath(version + QStringLiteral("/bin"));
        if (hasServerPrograms(dir))
            return dir;
    }
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!initdb.isEmpty() && hasServerPrograms(QFileInfo(initdb).path()))
        return QFileInfo(initdb).path();
    if (error)
        *error = tr("The PostgreSQL server programs (initdb, postgres) were not found. Install "
                    "the postgresql package, or set STRATA_PG_BINDIR to their folder.");
    return {};
}

bool LocalCluster::isInitialized() const
{
    return QFileInfo::exists(dataDir() + QStringLiteral("/PG_VERSION"));
}

QString LocalCluster::dataDir() const
{
    return m_rootDir + QStringLiteral("/data");
}

QString LocalCluster::socketDir() const
{
    return m_rootDir + QStringLiteral("/socket");
}

QString LocalCluster::logFile() const
{
    return m_rootDir + QStringLiteral("/server.log");
}

QString LocalCluster::superuser() const
{
    return QString::fromLatin1(kSuperuser);
}

QString LocalCluster::password() const
{
    QFile file(m_rootDir + QStringLiteral("/password"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

qint64 LocalCluster::serverPid() const
{
    if (!m_server || m_server->state() == QProcess::NotRunning)
        return 0;
    return m_server->processId();
}

bool LocalCluster::isRunning() const
{
    return m_state == State::Running;
}

bool LocalCluster::isStarting() const
{
    return m_state == State::InitDb || m_state == State::Starting;
}

ConnectionSpec LocalCluster::spec(const QString &dbname) const
{
    ConnectionSpec spec;
    spec.setValue(QStringLiteral("host"), socketDir());
    spec.setValue(QStringLiteral("port"), QString::number(m_port));
    spec.setValue(QStringLiteral("user"), superuser());
    spec.setValue(QStringLiteral("dbname"), dbname);
    return spec;
}

ConnectionSpec LocalCluster::tcpSpec(const QString &dbname) const
{
    ConnectionSpec spec;
    spec.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    spec.setValue(QStringLiteral("port"), QString::number(m_port));
    spec.setValue(QStringLiteral("user"), superuser());
    spec.setValue(QStringLiteral("dbname"), dbname);
    return spec;
}

void LocalCluster::start()
{
    if (m_state == State::Running) {
        QMetaObject::invokeMethod(this, &LocalCluster::started, Qt::QueuedConnection);
        return;
    }
    if (m_state != State::Idle)
        return;  // already on its way; started() or failed() will follow
    m_launchAttempts = 0;
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    QString error;
    m_binDir = findBinDir(&error);
    if (m_binDir.isEmpty() || !prepareFolders(&error)) {
        // Queued, so that failed() never arrives before start() has returned.
        QMetaObject::invokeMethod(
            this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
        return;
    }
    if (isInitialized()) {
        m_state = State::Starting;
        // Also queued: a caller connecting to started() right after start() must see it.
        QMetaObject::invokeMethod(this, &LocalCluster::launchServer, Qt::QueuedConnection);
    } else {
        m_state = State::InitDb;
        m_initDbLocale = QStringLiteral("C.UTF-8");
        QMetaObject::invokeMethod(this, &LocalCluster::runInitDb, Qt::QueuedConnection);
    }
}

bool LocalCluster::startAndWait(QString *error, int timeoutMs)
{
    if (m_state == State::Running)
        return true;
    QEventLoop loop;
    QString reason;
    bool ok = false;
    const auto onStarted = connect(this, &LocalCluster::started, &loop, [&] {
        ok = true;
        loop.quit();
    });
    const auto onFailed = connect(this, &LocalCluster::failed, &loop, [&](const QString &why) {
        reason = why;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        reason = tr("PostgreSQL did not start within %1 seconds.").arg(timeoutMs / 1000);
        loop.quit();
    });
    start();
    if (m_state != State::Running)
        loop.exec();
    disconnect(onStarted);
    disconnect(onFailed);
    if (!ok && m_state != State::Idle) {
        // Timed out: stop() reports failed(), which we no longer listen to.
        stop();
    }
    if (!ok && error)
        *error = reason;
    return ok;
}

bool LocalCluster::prepareFolders(QString *error)
{
    if (!QDir().mkpath(m_rootDir) || !QDir().mkpath(socketDir())) {
        *error = tr("Could not create the folder %1.").arg(socketDir());
        return false;
    }
    m_rootDir = QFileInfo(m_rootDir).canonicalFilePath();
    // The socket folder is what keeps "trust" safe: no one else may reach the socket.
    const QByteArray root = QFile::encodeName(m_rootDir);
    const QByteArray socket = QFile::encodeName(socketDir());
    if (::chmod(root.constData(), 0700) != 0 || ::chmod(socket.constData(), 0700) != 0) {
        *error = tr("Could not restrict the permissions of %1.").arg(m_rootDir);
        return false;
    }
    if (socket.size() + int(sizeof "/.s.PGSQL.65535") - 1 > kMaxSocketPath) {
        *error = tr("The folder %1 is too deep for a Unix socket (at most %2 bytes). "
                    "Choose a shorter path.").arg(socketDir()).arg(kMaxSocketPath - 15);
        return false;
    }
    if (!isRoot())
        return true;

    ServerUser user;
    if (!lookUpServerUser(&user)) {
        *error = tr("Strata runs as root, and PostgreSQL refuses to: the server must run as "
                    "the system user \"%1\", and that user does not exist.")
                     .arg(QLatin1String(kServerUser));
        return false;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty()) {
        *error = tr("Strata runs as root and needs setpriv (util-linux) to run PostgreSQL as "
                    "\"%1\".").arg(QLatin1String(kServerUser));
        return false;
    }
    const QString closed = firstClosedFolder(QFileInfo(m_rootDir).path(), user);
    if (!closed.isEmpty()) {
        *error = tr("Strata runs as root, so PostgreSQL runs as the system user \"%1\", which "
                    "cannot enter the folder %2 to reach %3. Choose a folder that other users "
                    "can pass through (such as one under /tmp or /var/lib).")
                     .arg(QLatin1String(kServerUser), closed, m_rootDir);
        return false;
    }
    QStringList owned{m_rootDir, socketDir()};
    if (QFileInfo::exists(dataDir()))
        owned << dataDir();
    for (const QString &path : std::as_const(owned)) {
        if (::chown(QFile::encodeName(path).constData(), user.uid, user.gid) != 0) {
            *error = tr("Could not hand %1 over to the user \"%2\".")
                         .arg(path, QLatin1String(kServerUser));
            return false;
        }
    }
    return true;
}

void LocalCluster::prepareChild(QProcess *process, const QString &program,
                                const QStringList &args) const
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
    process->setWorkingDirectory(m_rootDir);
    process->setStandardInputFile(QProcess::nullDevice());

    if (isRoot()) {
        // setpriv execs in place (the server keeps setpriv's pid, our child), and applies
        // --pdeathsig after changing the user, which would otherwise clear it.
        process->setProgram(QStringLiteral("setpriv"));
        process->setArguments(QStringList{QStringLiteral("--reuid=%1").arg(QLatin1String(kServerUser)),
                                          QStringLiteral("--regid=%1").arg(QLatin1String(kServerUser)),
                                          QStringLiteral("--init-groups"),
                                          QStringLiteral("--pdeathsig=INT"),
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

void LocalCluster::runInitDb()
{
    if (m_state != State::InitDb)
        return;
    emit progress(tr("Creating a PostgreSQL cluster in %1…").arg(dataDir()));
    // initdb works in data.new, renamed to data once complete: an initdb cut short (Strata
    // killed, disk full) must not leave a data folder that looks initialised.
    const QString staging = m_rootDir + QStringLiteral("/data.new");
    QDir(staging).removeRecursively();

    QString pw = password();
    if (pw.isEmpty()) {
        const QString alphabet = QStringLiteral(
            "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
        for (int i = 0; i < 24; ++i)
            pw += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
        QFile file(m_rootDir + QStringLiteral("/password"));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
            || file.write(pw.toUtf8() + '\n') < 0) {
            fail(tr("Could not write %1.").arg(file.fileName()));
            return;
        }
    }
    // A copy initdb can read, also when it runs as "postgres"; removed when initdb is done.
    const QString pwFile = m_rootDir + QStringLiteral("/initdb.pw");
    {
        QFile file(pwFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
            || file.write(pw.toUtf8() + '\n') < 0) {
            fail(tr("Could not write %1.").arg(pwFile));
            return;
        }
        ServerUser user;
        if (isRoot() && lookUpServerUser(&user))
            (void)::chown(QFile::encodeName(pwFile).constData(), user.uid, user.gid);
    }

    if (!m_initDb) {
        m_initDb = new QProcess(this);
        m_initDb->setProcessChannelMode(QProcess::MergedChannels);
        connect(m_initDb, &QProcess::finished, this,
                [this](int exitCode, QProcess::ExitStatus status) {
                    onInitDbFinished(status == QProcess::NormalExit ? exitCode : -1);
                });
    }
    const QStringList args{
        QStringLiteral("-D"), staging,
        QStringLiteral("-U"), superuser(),
        // Trust only on the socket, whose folder only we can enter; TCP wants the password.
        QStringLiteral("--auth-local=trust"),
        QStringLiteral("--auth-host=scram-sha-256"),
        QStringLiteral("--pwfile=%1").arg(pwFile),
        QStringLiteral("--encoding=UTF8"),
        QStringLiteral("--locale=%1").arg(m_initDbLocale),
        // A throwaway cluster: fsync is off in the server too.
        QStringLiteral("--no-sync"),
    };
    prepareChild(m_initDb, m_binDir + QStringLiteral("/initdb"), args);
    m_initDb->start();
    if (!m_initDb->waitForStarted(10000)) {
        QFile::remove(pwFile);
        fail(tr("Could not run initdb: %1").arg(m_initDb->errorString()));
    }
}

void LocalCluster::onInitDbFinished(int exitCode)
{
    QFile::remove(m_rootDir + QStringLiteral("/initdb.pw"));
    if (m_state != State::InitDb)
        return;  // stop() cut it short and has reported that
    const QString output = QString::fromLocal8Bit(m_initDb->readAll());
    const QString staging = m_rootDir + QStringLiteral("/data.new");
    if (exitCode != 0) {
        QDir(staging).removeRecursively();
        // C.UTF-8 is built into glibc 2.35+, but other systems may lack it.
        if (m_initDbLocale != QLatin1String("C")) {
            m_initDbLocale = QStringLiteral("C");
            runInitDb();
            return;
        }
        fail(tr("initdb failed (exit code %1):\n%2").arg(exitCode).arg(lastLines(output, 15)));
        return;
    }
    if (!QDir(m_rootDir).rename(QStringLiteral("data.new"), QStringLiteral("data"))) {
        fail(tr("Could not rename %1 to %2.").arg(staging, dataDir()));
        return;
    }
    m_state = State::Starting;
    launchServer();
}

bool LocalCluster::checkNoServerRunning(QString *error)
{
    const QString pidFile = dataDir() + QStringLiteral("/postmaster.pid");
    QFile file(pidFile);
    if (!file.open(QIODevice::ReadOnly))
        return true;
    const qint64 pid = file.readLine().trimmed().toLongLong();
    file.close();
    if (!isProcessAlive(pid))
        return true;  // a crashed server's lock file; postgres itself takes it over
    if (isServerOf(pid, dataDir())) {
        *error = tr("A PostgreSQL server (process %1) is already running on %2, probably left "
                    "by an earlier Strata. Stop it (kill -INT %1) and start again.")
                     .arg(pid)
                     .arg(dataDir());
        return false;
    }
    // The pid was reused by an unrelated process; postgres would refuse to start ("lock file
    // already exists"), though the server that wrote the file is long gone.
    if (!file.remove()) {
        *error = tr("Could not remove the stale lock file %1.").arg(pidFile);
        return false;
    }
    return true;
}

void LocalCluster::launchServer()
{
    if (m_state != State::Starting)
        return;
    QString error;
    if (!checkNoServerRunning(&error)) {
        fail(error);
        return;
    }
    // The port of the last run when we can have it, so that a connection made before a
    // restart (a reconnect, a saved demo connection) still fits. Over the socket alone no one
    // else can hold it; over TCP it must be free. A retry after a lost race takes a new one.
    int port = m_launchAttempts == 0 ? m_port : 0;
    if (port && m_tcpEnabled && !isTcpPortFree(port))
        port = 0;
    ++m_launchAttempts;
    m_port = port ? port : freeTcpPort();
    if (m_port == 0) {
        fail(tr("Could not find a free TCP port on 127.0.0.1."));
        return;
    }
    emit progress(tr("Starting PostgreSQL on port %1…").arg(m_port));

    if (!m_server) {
        m_server = new QProcess(this);
        m_server->setProcessChannelMode(QProcess::MergedChannels);
        connect(m_server, &QProcess::finished, this, &LocalCluster::onServerFinished);
    }
    m_logOffset = QFileInfo(logFile()).size();
    const QString listen = m_tcpEnabled ? QStringLiteral("127.0.0.1") : QString();
    QStringList args{
        QStringLiteral("-D"), dataDir(),
        QStringLiteral("-p"), QString::number(m_port),
        QStringLiteral("-k"), socketDir(),
        QStringLiteral("-c"), QStringLiteral("listen_addresses=%1").arg(listen),
        QStringLiteral("-c"), QStringLiteral("unix_socket_permissions=0700"),
        QStringLiteral("-c"), QStringLiteral("lc_messages=C"),
        QStringLiteral("-c"), QStringLiteral("logging_collector=off"),
        // A throwaway server for demos and tests: speed over durability.
        QStringLiteral("-c"), QStringLiteral("fsync=off"),
        QStringLiteral("-c"), QStringLiteral("synchronous_commit=off"),
        QStringLiteral("-c"), QStringLiteral("full_page_writes=off"),
        QStringLiteral("-c"), QStringLiteral("shared_buffers=16MB"),
        QStringLiteral("-c"), QStringLiteral("max_connections=50"),
        // JIT compiles for longer than a small query runs.
        QStringLiteral("-c"), QStringLiteral("jit=off"),
    };
    prepareChild(m_server, m_binDir + QStringLiteral("/postgres"), args);
    m_server->setStandardOutputFile(logFile(), QIODevice::Append);
    m_server->start();
    if (!m_server->waitForStarted(10000)) {
        fail(tr("Could not run postgres: %1").arg(m_server->errorString()));
        return;
    }
    m_readyPoll->start();
}

void LocalCluster::pollReadiness()
{
    if (m_state != State::Starting || !m_server) {
        m_readyPoll->stop();
        return;
    }
    // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shared
    // memory key, and (PostgreSQL 10+) a status that becomes "ready" once it accepts
    // connections. The pid check skips a stale file from an earlier run.
    QFile file(dataDir() + QStringLiteral("/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QList<QByteArray> lines = file.readAll().split('\n');
    if (lines.size() < 8 || lines.at(0).trimmed().toLongLong() != m_server->processId()
        || lines.at(7).trimmed() != "ready")
        return;
    finishStart();
}

void LocalCluster::finishStart()
{
    m_readyPoll->stop();
    m_state = State::Running;
    emit progress(tr("PostgreSQL is ready on port %1 (%2 ms).")
                      .arg(m_port)
                      .arg(QDateTime::currentMSecsSinceEpoch() - m_startMs));
    emit started();
}

QString LocalCluster::serverLogSince(qint64 offset, int lines) const
{
    QFile file(logFile());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    file.seek(offset);
    return lastLines(QString::fromLocal8Bit(file.readAll()), lines);
}

void LocalCluster::onServerFinished()
{
    const QString log = serverLogSince(m_logOffset, 15);
    switch (m_state) {
    case State::Starting: {
        m_readyPoll->stop();
        // Another program took our port between freeTcpPort() and postgres' bind().
        const bool portTaken = log.contains(QLatin1String("could not bind"))
            || log.contains(QLatin1String("could not create any TCP/IP sockets"));
        if (m_tcpEnabled && portTaken && m_launchAttempts < kMaxLaunchAttempts) {
            launchServer();
            return;
        }
        fail(tr("PostgreSQL stopped while starting (see %1):\n%2").arg(logFile(), log));
        return;
    }
    case State::Running:
        m_state = State::Idle;
        emit stoppedUnexpectedly(
            tr("PostgreSQL stopped unexpectedly (see %1):\n%2").arg(logFile(), log));
        return;
    case State::Idle:
    case State::InitDb:
    case State::Stopping:
        return;
    }
}

void LocalCluster::fail(const QString &reason)
{
    m_readyPoll->stop();
    m_state = State::Stopping;
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->kill();
        m_server->waitForFinished(5000);
    }
    m_state = State::Idle;
    emit failed(reason);
}

void LocalCluster::stop()
{
    const State before = m_state;
    if (before == State::Idle || before == State::Stopping)
        return;
    m_readyPoll->stop();
    m_state = State::Stopping;

    if (m_initDb && m_initDb->state() != QProcess::NotRunning) {
        // initdb removes what it made when interrupted; data.new goes anyway.
        ::kill(pid_t(m_initDb->processId()), SIGINT);
        if (!m_initDb->waitForFinished(5000)) {
            m_initDb->kill();
            m_initDb->waitForFinished(3000);
        }
        QDir(m_rootDir + QStringLiteral("/data.new")).removeRecursively();
    }
    if (m_server && m_server->state() != QProcess::NotRunning) {
        const pid_t pid = pid_t(m_server->processId());
        // Fast shutdown: ends sessions, checkpoints, exits. Immediate shutdown (SIGQUIT) if it
        // hangs, SIGKILL as the last word; postgres recovers from both at the next start.
        ::kill(pid, SIGINT);
        if (!m_server->waitForFinished(10000)) {
            ::kill(pid, SIGQUIT);
            if (!m_server->waitForFinished(3000)) {
                m_server->kill();
                m_server->waitForFinished(3000);
            }
        }
    }
    m_state = State::Idle;
    if (before != State::Running)
        emit failed(tr("Stopped before PostgreSQL was ready."));
}

} // namespace strata
