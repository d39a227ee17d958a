#include "DemoLauncher.h"

#include "migrations/MigrationFolder.h"
#include "migrations/MigrationRunner.h"
#include "pg/LocalCluster.h"
#include "schema/SqlQuote.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>

#include <sys/stat.h>
#include <unistd.h>

namespace strata {

namespace {

const QString demoDatabase = QStringLiteral("strata_demo");
const QString breakpoint = QStringLiteral("--> statement-breakpoint");
// The database's comment once the seed data is in: the set-up is done.
const QString readyMarker = QStringLiteral("strata demo: migrated and seeded");

QString readResource(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = DemoLauncher::tr("The demo resource %1 is missing from this build.").arg(path);
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace

DemoLauncher::DemoLauncher(QObject *parent)
    : QObject(parent)
{
}

DemoLauncher::~DemoLauncher()
{
    // Sessions first, so the server's fast shutdown finds nobody to wait for; the cluster
    // stops itself (quietly) when it is destroyed.
    m_runner.reset();
    m_demo.reset();
    m_admin.reset();
}

QString DemoLauncher::demoRoot()
{
    const QString overridden = qEnvironmentVariable("STRATA_DEMO_DIR");
    if (!overridden.isEmpty())
        return overridden;
    // As root the server runs as the postgres user, which cannot enter /root; a root-owned
    // folder outside /tmp keeps other local users from planting links in its place.
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/strata/demo");
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
           + QStringLiteral("/demo");
}

QString DemoLauncher::projectFolder() const
{
    return demoRoot() + QStringLiteral("/project");
}

ConnectionSpec DemoLauncher::spec() const
{
    return m_cluster ? m_cluster->spec(demoDatabase) : ConnectionSpec();
}

void DemoLauncher::start(bool fresh)
{
    const QString root = demoRoot();
    if (fresh) {
        emit progress(0, 0, tr("Removing the old demo…"));
        QDir(root).removeRecursively();
    }
    if (!QDir().mkpath(root)) {
        fail(tr("Could not create the demo folder %1.").arg(root));
        return;
    }
    struct stat info {};
    if (::lstat(QFile::encodeName(root).constData(), &info) != 0 || S_ISLNK(info.st_mode)
        || info.st_uid != ::geteuid()) {
        fail(tr("The demo folder %1 is a link or belongs to another user; Strata will not use it.")
                 .arg(root));
        return;
    }
    QFile::setPermissions(root, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                    | QFile::ExeGroup | QFile::ExeOther);
    QString error;
    if (!copyProject(&error)) {
        fail(error);
        return;
    }
    m_cluster = std::make_unique<LocalCluster>(root + QStringLiteral("/cluster"));
    connect(m_cluster.get(), &LocalCluster::progress, this,
            [this](const QString &message) { emit progress(0, 0, message); });
    connect(m_cluster.get(), &LocalCluster::failed, this, &DemoLauncher::fail);
    connect(m_cluster.get(), &LocalCluster::started, this, &DemoLauncher::clusterStarted);
    connect(m_cluster.get(), &LocalCluster::stoppedUnexpectedly, this, &DemoLauncher::serverStopped);
    emit progress(0, 0, tr("Starting the demo server…"));
    m_cluster->start();
}

void DemoLauncher::cancel()
{
    // The running statement is cancelled now; between statements, runNext() sees the flag.
    // Before the set-up transaction has begun, stopping is enough: nothing was written.
    m_cancelled = true;
    if (m_runner) {
        m_runner->cancel();
        return;
    }
    if (m_demo && !m_steps.isEmpty()) {
        m_demo->cancel();
        return;
    }
    fail(tr("The demo set-up was cancelled; nothing was kept."));
}

// The project is copied out of the resources once, so the user can open it, edit it and
// generate migrations into it like any drizzle project.
bool DemoLauncher::copyProject(QString *error)
{
    const QString target = projectFolder();
    if (QFileInfo::exists(target + QStringLiteral("/drizzle/meta/_journal.json")))
        return true;
    QDirIterator it(QStringLiteral(":/demo/project"), QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString relative = source.mid(QStringLiteral(":/demo/project/").size());
        const QString destination = target + QLatin1Char('/') + relative;
        QDir().mkpath(QFileInfo(destination).absolutePath());
        QFile::remove(destination);
        if (!QFile::copy(source, destination)) {
            *error = tr("Could not copy the demo project to %1.").arg(destination);
            return false;
        }
        QFile::setPermissions(destination, QFile::ReadOwner | QFile::WriteOwner);
    }
    return true;
}

void DemoLauncher::clusterStarted()
{
    if (m_failed)
        return;
    // The port is new every run, so the project's .env is rewritten to match.
    QFile env(projectFolder() + QStringLiteral("/.env"));
    if (env.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        const QString url = m_cluster->spec(demoDatabase).toUrl();
        env.write(QStringLiteral("# Written by strata --demo at every start: the demo server's port changes.\n"
                                 "DATABASE_URL=%1\nDIRECT_URL=%1\n").arg(url).toUtf8());
    }
    m_admin = std::make_unique<Connection>(m_cluster->spec(QStringLiteral("postgres")));
    connect(m_admin.get(), &Connection::openFailed, this,
            [this](const PgError &error) { fail(error.toString()); });
    connect(m_admin.get(), &Connection::failed, this,
            [this](RequestId, const PgError &error) { fail(error.toString()); });
    connect(m_admin.get(), &Connection::opened, this, [this] {
        m_checkRequest = m_admin->submit(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"),
                                         {demoDatabase});
    });
    connect(m_admin.get(), &Connection::finished, this,
            [this](RequestId id, const QueryResult &result) { databaseChecked(id, result); });
    m_admin->open();
}

void DemoLauncher::databaseChecked(RequestId id, const QueryResult &result)
{
    if (m_failed)
        return;
    if (id == m_checkRequest && result.rowCount() == 0) {
        emit progress(0, 0, tr("Creating the demo database…"));
        m_admin->submit(QStringLiteral("CREATE DATABASE %1").arg(demoDatabase));
        return;
    }
    // Not deleted here: we are inside one of its signals.
    m_admin.release()->deleteLater();
    m_demo = std::make_unique<Connection>(m_cluster->spec(demoDatabase));
    connect(m_demo.get(), &Connection::openFailed, this,
            [this](const PgError &error) { fail(error.toString()); });
    // Set up before when the seed's marker is there; so is a demo from before Strata had its
    // own runner (it applied and seeded in one transaction, and kept no run records).
    connect(m_demo.get(), &Connection::opened, this, [this] {
        m_demo->submit(QStringLiteral(
            "SELECT coalesce(shobj_description(d.oid, 'pg_database') = $1, false) "
            "OR (to_regclass('drizzle.__drizzle_migrations') IS NOT NULL "
            "AND to_regclass('drizzle.__strata_runs') IS NULL) "
            "FROM pg_catalog.pg_database d WHERE d.datname = current_database()"),
            {readyMarker});
    });
    // The first answer says whether the demo was set up before; later ones are the seed steps.
    connect(m_demo.get(), &Connection::finished, this, [this](RequestId, const QueryResult &r) {
        if (m_failed)
            return;
        if (m_steps.isEmpty()) {
            if (r.value(0, 0) == QLatin1String("t")) {
                emit ready(spec());
                return;
            }
            setUp();
            return;
        }
        runNext();
    });
    connect(m_demo.get(), &Connection::failed, this, [this](RequestId, const PgError &error) {
        if (m_failed)
            return;
        m_demo->submit(QStringLiteral("ROLLBACK"));
        fail(m_cancelled ? tr("The demo set-up was cancelled; nothing was kept.") : error.toString());
    });
    m_demo->open();
}

QStringList DemoLauncher::seedSteps()
{
    QString error;
    const QString seed = readResource(QStringLiteral(":/demo/seed.sql"), &error);
    QStringList steps;
    for (const QString &piece : seed.split(breakpoint)) {
        if (!piece.trimmed().isEmpty())
            steps.append(piece);
    }
    return steps;
}

// The first migrations go through the same runner as `strata migrate` (ledger rows as
// drizzle writes them, a run record); the last stays pending on purpose.
void DemoLauncher::setUp()
{
    const MigrationFolder folder = MigrationFolder::read(projectFolder() + QStringLiteral("/drizzle"));
    if (folder.migrations().size() <= appliedMigrations || folder.hasErrors()) {
        fail(tr("The demo project's migrations folder is incomplete."));
        return;
    }
    RunRequest request;
    request.target = folder.migrations().at(appliedMigrations - 1).tag;
    m_runner = std::make_unique<MigrationRunner>(spec(), folder, Ledger(), request);
    m_seeds = seedSteps();
    connect(m_runner.get(), &MigrationRunner::planned, this, [this] {
        m_total = m_runner->batch().statementCount() + int(m_seeds.size()) + 2;
    });
    connect(m_runner.get(), &MigrationRunner::statementFinished, this, [this] {
        emit progress(++m_next, m_total, tr("Applying the demo's migrations"));
    });
    connect(m_runner.get(), &MigrationRunner::finished, this, [this](const RunReport &report) {
        m_runner.release()->deleteLater();  // we are inside its signal
        if (report.outcome == RunReport::Outcome::Cancelled) {
            fail(tr("The demo set-up was cancelled; what was applied stays, and the next start goes on from there."));
        } else if (report.outcome != RunReport::Outcome::Done && report.outcome != RunReport::Outcome::NothingToDo) {
            fail(report.failedTag.isEmpty() ? report.message
                                            : tr("%1: %2").arg(report.failedTag, report.error.toString()));
        } else {
            seed();
        }
    });
    emit progress(0, 0, tr("Applying the demo's migrations"));
    m_runner->start();
}

// The seed data in one transaction, marked done at its end: an interrupted seed leaves
// nothing, and the next start loads it again.
void DemoLauncher::seed()
{
    if (m_cancelled) {
        fail(tr("The demo set-up was cancelled; nothing was kept."));
        return;
    }
    if (m_total == 0)
        m_total = int(m_seeds.size()) + 2;
    m_steps.append({tr("Starting"), {QStringLiteral("BEGIN"), {}}});
    for (const QString &sql : std::as_const(m_seeds)) {
        QString label = tr("Loading demo data");
        const QString firstLine = sql.trimmed().section(QLatin1Char('\n'), 0, 0);
        if (firstLine.startsWith(QLatin1String("-- progress:")))
            label = firstLine.mid(12).trimmed();
        m_steps.append({label, {sql, {}}});
    }
    m_steps.append({tr("Saving"), {QStringLiteral("COMMENT ON DATABASE %1 IS %2")
                                       .arg(SqlQuote::identifier(demoDatabase), SqlQuote::literal(readyMarker)), {}}});
    m_steps.append({tr("Saving"), {QStringLiteral("COMMIT"), {}}});
    runNext();
}

void DemoLauncher::runNext()
{
    if (m_cancelled) {
        m_demo->submit(QStringLiteral("ROLLBACK"));
        fail(tr("The demo set-up was cancelled; nothing was kept."));
        return;
    }
    if (m_step >= m_steps.size()) {
        emit progress(m_total, m_total, tr("Done"));
        emit ready(spec());
        return;
    }
    const Step &step = m_steps.at(m_step++);
    emit progress(m_next++, m_total, step.label);
    m_demo->submit(step.query);
}

void DemoLauncher::fail(const QString &reason)
{
    if (m_failed)
        return;
    m_failed = true;
    emit failed(reason);
}

} // namespace strata
