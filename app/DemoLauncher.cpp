#include "DemoLauncher.h"

#include "pg/LocalCluster.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <sys/stat.h>
#include <unistd.h>

namespace strata {

namespace {

const QString demoDatabase = QStringLiteral("strata_demo");
const QString breakpoint = QStringLiteral("--> statement-breakpoint");

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
    connect(m_demo.get(), &Connection::opened, this, [this] {
        m_demo->submit(QStringLiteral(
            "SELECT count(*) FROM pg_catalog.pg_tables "
            "WHERE schemaname = 'drizzle' AND tablename = '__drizzle_migrations'"));
    });
    // The first answer says whether the demo was set up before; later ones are the steps.
    connect(m_demo.get(), &Connection::finished, this, [this](RequestId, const QueryResult &r) {
        if (m_failed)
            return;
        if (m_steps.isEmpty()) {
            if (r.value(0, 0) == QLatin1String("1")) {
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

QList<Query> DemoLauncher::migrationSteps(QString *error) const
{
    const QString folder = QStringLiteral(":/demo/project/drizzle");
    const QJsonDocument journal = QJsonDocument::fromJson(
        readResource(folder + QStringLiteral("/meta/_journal.json"), error).toUtf8());
    const QJsonArray entries = journal.object().value(QStringLiteral("entries")).toArray();
    if (entries.size() <= appliedMigrations) {
        *error = tr("The demo project's journal is incomplete.");
        return {};
    }
    // The bookkeeping table and rows exactly as drizzle-orm's migrator writes them, so that
    // drizzle-kit and Strata agree on what is applied (drizzle-formats.md, section 5).
    QList<Query> steps{{QStringLiteral(
        "CREATE SCHEMA IF NOT EXISTS \"drizzle\";\n"
        "CREATE TABLE IF NOT EXISTS \"drizzle\".\"__drizzle_migrations\" (\n"
        "    id SERIAL PRIMARY KEY,\n    hash text NOT NULL,\n    created_at bigint\n);"), {}}};
    for (int i = 0; i < appliedMigrations; ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QString tag = entry.value(QStringLiteral("tag")).toString();
        QFile file(folder + QLatin1Char('/') + tag + QStringLiteral(".sql"));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("The demo migration %1 is missing from this build.").arg(tag);
            return {};
        }
        const QByteArray bytes = file.readAll();
        const QString sql = QString::fromUtf8(bytes);
        for (const QString &piece : sql.split(breakpoint)) {
            if (!piece.trimmed().isEmpty())
                steps.append({piece, {}});
        }
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        steps.append({QStringLiteral("INSERT INTO \"drizzle\".\"__drizzle_migrations\" (\"hash\", \"created_at\") "
                                     "VALUES ($1, $2)"),
                      {hash, QString::number(qint64(entry.value(QStringLiteral("when")).toDouble()))}});
    }
    return steps;
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

void DemoLauncher::setUp()
{
    QString error;
    const QList<Query> migrations = migrationSteps(&error);
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    // One transaction for everything: a set-up that is interrupted leaves nothing behind,
    // and the next start simply runs it again.
    m_steps.append({tr("Starting"), {QStringLiteral("BEGIN"), {}}});
    for (const Query &query : migrations)
        m_steps.append({tr("Applying the demo's migrations"), query});
    for (const QString &sql : seedSteps()) {
        QString label = tr("Loading demo data");
        const QString firstLine = sql.trimmed().section(QLatin1Char('\n'), 0, 0);
        if (firstLine.startsWith(QLatin1String("-- progress:")))
            label = firstLine.mid(12).trimmed();
        m_steps.append({label, {sql, {}}});
    }
    m_steps.append({tr("Saving"), {QStringLiteral("COMMIT"), {}}});
    m_total = int(m_steps.size());
    m_next = 0;
    runNext();
}

void DemoLauncher::runNext()
{
    if (m_cancelled) {
        m_demo->submit(QStringLiteral("ROLLBACK"));
        fail(tr("The demo set-up was cancelled; nothing was kept."));
        return;
    }
    if (m_next >= m_steps.size()) {
        emit progress(m_total, m_total, tr("Done"));
        emit ready(spec());
        return;
    }
    const Step &step = m_steps.at(m_next++);
    emit progress(m_next - 1, m_total, step.label);
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
