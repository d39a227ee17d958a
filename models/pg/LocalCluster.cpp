#include "LocalCluster.h"

#include "LoopbackPort.h"
#include "PostmasterFiles.h"
#include "ServerAccount.h"

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

#include <signal.h>
#include <sys/stat.h>

namespace strata {

namespace {

const char *const kSuperuser = "strata";
// sockaddr_un.sun_path is 108 bytes on Linux, including the terminating NUL.
constexpr int kMaxSocketPath = 107;
constexpr int kMaxLaunchAttempts = 5;

bool hasServerPrograms(const QString &dir)
{
    return QFileInfo(dir + QStringLiteral("/initdb")).isExecutable()
        && QFileInfo(dir + QStringLiteral("/postgres")).isExecutable();
}

QString lastLines(const QString &text, int count)
{
    QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(QLatin1Char('\n'));
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
    m_port = PostmasterFiles::lastPort(dataDir());
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
    if (!ServerAccount::isRoot())
        return true;

    QStringList owned{m_rootDir, socketDir()};
    if (QFileInfo::exists(dataDir()))
        owned << dataDir();
    QString path;
    const QString user = ServerAccount::userName();
    switch (ServerAccount::handOver(m_rootDir, owned, &path)) {
    case ServerAccount::Problem::None:
        return true;
    case ServerAccount::Problem::NoSuchUser:
        *error = tr("Strata runs as root, and PostgreSQL refuses to: the server must run as "
                    "the system user \"%1\", and that user does not exist.")
                     .arg(user);
        return false;
    case ServerAccount::Problem::NoSetpriv:
        *error = tr("Strata runs as root and needs setpriv (util-linux) to run PostgreSQL as "
                    "\"%1\".").arg(user);
        return false;
    case ServerAccount::Problem::FolderClosed:
        *error = tr("Strata runs as root, so PostgreSQL runs as the system user \"%1\", which "
                    "cannot enter the folder %2 to reach %3. Choose a folder that other users "
                    "can pass through (such as one under /tmp or /var/lib).")
                     .arg(user, path, m_rootDir);
        return false;
    case ServerAccount::Problem::NotHandedOver:
        *error = tr("Could not hand %1 over to the user \"%2\".").arg(path, user);
        return false;
    }
    return false;
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
        ServerAccount::handOverFile(pwFile);
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
    ServerAccount::prepare(m_initDb, m_binDir + QStringLiteral("/initdb"), args, m_rootDir);
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
    qint64 pid = 0;
    switch (PostmasterFiles::clearStaleLock(dataDir(), &pid)) {
    case PostmasterFiles::Lock::Free:
        return true;
    case PostmasterFiles::Lock::Held:
        *error = tr("A PostgreSQL server (process %1) is already running on %2, probably left "
                    "by an earlier Strata. Stop it (kill -INT %1) and start again.")
                     .arg(pid)
                     .arg(dataDir());
        return false;
    case PostmasterFiles::Lock::Stale:
        *error = tr("Could not remove the stale lock file %1.")
                     .arg(dataDir() + QStringLiteral("/postmaster.pid"));
        return false;
    }
    return false;
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
    if (port && m_tcpEnabled && !LoopbackPort::isFree(port))
        port = 0;
    ++m_launchAttempts;
    m_port = port ? port : LoopbackPort::pickFree();
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
    ServerAccount::prepare(m_server, m_binDir + QStringLiteral("/postgres"), args, m_rootDir);
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
    if (!PostmasterFiles::isReady(dataDir(), m_server->processId()))
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
        // Another program took our port between LoopbackPort::pickFree() and postgres' bind().
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
