#include "TestCluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace strata::test {

namespace {

QByteArray readProcFile(qint64 pid, const char *name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool isUnder(const QString &path, const QString &folder)
{
    return !path.isEmpty() && (path == folder || path.startsWith(folder + QLatin1Char('/')));
}

// Whether every folder from `path` up to / lets other users pass (the "postgres" user must).
bool passableByOthers(const QString &path)
{
    QString dir = QDir::cleanPath(path);
    while (true) {
        struct stat st {};
        if (::stat(QFile::encodeName(dir).constData(), &st) != 0 || !(st.st_mode & S_IXOTH))
            return false;
        if (dir == QLatin1String("/"))
            return true;
        dir = QFileInfo(dir).path();
    }
}

struct ServerProcess {
    qint64 pid = 0;
    QString dataDir;
};

// Every live postgres process with its data directory: the cwd, which the postmaster sets
// to its data directory and every child inherits, or else the postmaster's -D argument.
QList<ServerProcess> postgresProcesses()
{
    QList<ServerProcess> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == QCoreApplication::applicationPid() || !isProcessAlive(pid))
            continue;
        const QByteArray cmdline = readProcFile(pid, "cmdline");
        const QByteArray comm = readProcFile(pid, "comm").trimmed();
        const QByteArray argv0 = cmdline.left(cmdline.indexOf('\0'));
        const QByteArray program = argv0.mid(argv0.lastIndexOf('/') + 1);
        if (comm != "postgres" && program != "postgres" && !argv0.startsWith("postgres:"))
            continue;
        QString dataDir = QFile::symLinkTarget(QStringLiteral("/proc/%1/cwd").arg(pid));
        if (dataDir.isEmpty()) {
            const QList<QByteArray> args = cmdline.split('\0');
            const qsizetype d = args.indexOf("-D");
            if (d >= 0 && d + 1 < args.size())
                dataDir = QFile::decodeName(args.at(d + 1));
        }
        if (!dataDir.isEmpty())
            found.append({pid, QDir::cleanPath(dataDir)});
    }
    return found;
}

// Both spellings of a folder, as given and with symlinks resolved, since a process may
// report either.
QStringList spellings(const QString &folder)
{
    QStringList result{QDir::cleanPath(QFileInfo(folder).absoluteFilePath())};
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    if (!canonical.isEmpty() && canonical != result.first())
        result << canonical;
    return result;
}

// The test process that owns a folder under testClusterRoot(): the first number in its
// name, "<pid>-<n>" (newTestClusterFolder) or "demo-<pid>"; 0 when there is none.
qint64 ownerOf(const QString &relativePath)
{
    const QString first = relativePath.section(QLatin1Char('/'), 0, 0);
    for (const QString &part : first.split(QLatin1Char('-'))) {
        bool isNumber = false;
        const qint64 pid = part.toLongLong(&isNumber);
        if (isNumber)
            return pid;
    }
    return 0;
}

// The hidden mode behind LocalClusterTest::serverDiesWithCrashedParent: with
// STRATA_TEST_CRASH_CHILD=<folder>, the test executable starts a cluster there, prints the
// postmaster's pid and aborts before main() runs. A static initializer, because the test
// runner's main() belongs to everyone and knows nothing of this.
[[noreturn]] void runCrashChild(const QString &folder)
{
    int argc = 1;
    char name[] = "strata-crash-child";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    LocalCluster cluster(folder);
    QString error;
    if (!cluster.startAndWait(&error)) {
        std::fprintf(stderr, "crash child: %s\n", qPrintable(error));
        std::_Exit(2);
    }
    std::printf("%lld\n", static_cast<long long>(cluster.serverPid()));
    std::fflush(stdout);
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    std::abort();
}

[[maybe_unused]] const bool crashChildMode = [] {
    const QByteArray folder = qgetenv("STRATA_TEST_CRASH_CHILD");
    if (!folder.isEmpty())
        runCrashChild(QFile::decodeName(folder));
    return false;
}();

} // namespace

bool isProcessAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    const QByteArray stat = readProcFile(pid, "stat");
    if (stat.isEmpty())
        return false;
    const qsizetype paren = stat.lastIndexOf(')');
    return paren < 0 || paren + 2 >= stat.size() || stat.at(paren + 2) != 'Z';
}

QString testClusterRoot()
{
    QString base = qEnvironmentVariable("TMPDIR");
    if (base.isEmpty() || !QFileInfo(base).isDir())
        base = QStringLiteral("/tmp");
    // As root, the servers run as "postgres", who must pass through every folder above.
    if (::geteuid() == 0 && !passableByOthers(base))
        base = QStringLiteral("/tmp");
    const QString root = QDir::cleanPath(base) + QStringLiteral("/strata-tests-%1").arg(::geteuid());
    const QByteArray path = QFile::encodeName(root);
    if (::mkdir(path.constData(), 0711) == 0 || errno == EEXIST) {
        // In a shared /tmp the name may be someone else's (or a symlink to somewhere else):
        // use it only when it is our own folder.
        struct stat st {};
        if (::lstat(path.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid())
            qFatal("%s is not a folder owned by this user; remove it", path.constData());
        ::chmod(path.constData(), 0711);  // mkdir's mode went through the umask
    }
    return root;
}

QString newTestClusterFolder()
{
    static std::atomic<int> counter{0};
    const QString folder = testClusterRoot()
        + QStringLiteral("/%1-%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    // A folder of a dead process that happened to have our pid.
    QDir(folder).removeRecursively();
    return folder;
}

QList<qint64> serverPidsUnder(const QString &folder)
{
    const QStringList names = spellings(folder);
    QList<qint64> pids;
    for (const ServerProcess &process : postgresProcesses()) {
        for (const QString &name : names) {
            if (isUnder(process.dataDir, name)) {
                pids.append(process.pid);
                break;
            }
        }
    }
    return pids;
}

int checkNoTestServers()
{
    const QString root = testClusterRoot();
    const QStringList roots = spellings(root);
    const qint64 self = QCoreApplication::applicationPid();

    // Group leftover processes by data directory: one server is a postmaster and its children.
    QHash<QString, QList<qint64>> leftovers;
    QList<qint64> allPids;
    for (const ServerProcess &process : postgresProcesses()) {
        for (const QString &name : roots) {
            if (!isUnder(process.dataDir, name))
                continue;
            const qint64 owner = ownerOf(process.dataDir.mid(name.size() + 1));
            // A live test process (another run, by hand) still uses its servers.
            if (owner != self && isProcessAlive(owner))
                break;
            leftovers[process.dataDir].append(process.pid);
            allPids.append(process.pid);
            break;
        }
    }
    for (auto it = leftovers.cbegin(); it != leftovers.cend(); ++it) {
        QStringList pids;
        for (qint64 pid : it.value())
            pids << QString::number(pid);
        std::fprintf(stderr, "PostgreSQL server outlived its test: pid %s, data dir %s\n",
                     qPrintable(pids.join(QLatin1Char(' '))), qPrintable(it.key()));
    }
    // Immediate shutdown first (the postmaster takes its children along), SIGKILL after 5 s.
    for (qint64 pid : std::as_const(allPids))
        ::kill(pid_t(pid), SIGQUIT);
    QElapsedTimer clock;
    clock.start();
    const auto anyAlive = [&] {
        return std::any_of(allPids.cbegin(), allPids.cend(), [](qint64 pid) {
            return isProcessAlive(pid);
        });
    };
    while (anyAlive() && clock.elapsed() < 5000)
        QThread::msleep(50);
    for (qint64 pid : std::as_const(allPids)) {
        if (isProcessAlive(pid))
            ::kill(pid_t(pid), SIGKILL);
    }
    while (anyAlive() && clock.elapsed() < 8000)
        QThread::msleep(50);

    // Folders of test processes that are gone.
    const QStringList folders = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &folder : folders) {
        const qint64 owner = ownerOf(folder);
        if (owner != self && !isProcessAlive(owner))
            QDir(root + QLatin1Char('/') + folder).removeRecursively();
    }
    return int(leftovers.size());
}

bool runPsql(const ConnectionSpec &spec, const QString &sql, QString *output, QString *error)
{
    QString binError;
    const QString binDir = LocalCluster::findBinDir(&binError);
    if (binDir.isEmpty()) {
        if (error)
            *error = binError;
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList names = env.keys();
    for (const QString &name : names) {
        if (name.startsWith(QLatin1String("PG")))
            env.remove(name);
    }
    if (spec.hasPassword())
        env.insert(QStringLiteral("PGPASSWORD"), spec.password());
    QProcess psql;
    psql.setProcessEnvironment(env);
    psql.setStandardInputFile(QProcess::nullDevice());
    // -X: no ~/.psqlrc; -w: never prompt for a password, fail instead.
    psql.start(binDir + QStringLiteral("/psql"),
               {QStringLiteral("-X"), QStringLiteral("-w"), QStringLiteral("-q"),
                QStringLiteral("-A"), QStringLiteral("-t"),
                QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-h"), spec.host(), QStringLiteral("-p"), spec.port(),
                QStringLiteral("-U"), spec.user(), QStringLiteral("-d"), spec.dbname(),
                QStringLiteral("-c"), sql});
    if (!psql.waitForFinished(60000)) {
        psql.kill();
        psql.waitForFinished();
        if (error)
            *error = QStringLiteral("psql did not finish: %1").arg(psql.errorString());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(psql.readAllStandardOutput()).trimmed();
    if (psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(psql.readAllStandardError()).trimmed();
        return false;
    }
    return true;
}

TestCluster::TestCluster()
    : m_folder(newTestClusterFolder())
    , m_cluster(std::make_unique<LocalCluster>(m_folder))
{
    m_cluster->setTcpEnabled(true);
}

TestCluster::~TestCluster()
{
    m_cluster.reset();
    QDir(m_folder).removeRecursively();
}

bool TestCluster::start(QString *error)
{
    return m_cluster->startAndWait(error);
}

ConnectionSpec TestCluster::spec(const QString &dbname) const
{
    return m_cluster->spec(dbname);
}

ConnectionSpec TestCluster::tcpSpec(const QString &dbname) const
{
    return m_cluster->tcpSpec(dbname);
}

QString TestCluster::tcpUrl(const QString &dbname) const
{
    const ConnectionSpec tcp = m_cluster->tcpSpec(dbname);
    ConnectionSpec spec;  // in a URL's order of parts, so that toUrl() puts none in the query
    spec.setValue(QStringLiteral("user"), tcp.user());
    spec.setValue(QStringLiteral("password"), m_cluster->password());
    spec.setValue(QStringLiteral("host"), tcp.host());
    spec.setValue(QStringLiteral("port"), tcp.port());
    spec.setValue(QStringLiteral("dbname"), tcp.dbname());
    return spec.toUrl(ConnectionSpec::Password::Show);
}

bool TestCluster::createDatabase(const QString &name, QString *error)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return runSql(QStringLiteral("CREATE DATABASE \"%1\"").arg(quoted), nullptr, error);
}

bool TestCluster::runSql(const QString &sql, QString *output, QString *error,
                         const QString &dbname)
{
    return runPsql(spec(dbname), sql, output, error);
}

} // namespace strata::test
