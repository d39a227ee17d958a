#include "DrizzleGenerateProject.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>

namespace strata::bench {

namespace {

// What tests/data/interop/drizzle.config.ts says, less the database: generate reads none.
const char config[] = R"(import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './schema.ts',
  out: './drizzle',
});
)";

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size())
        return true;
    *error = QStringLiteral("could not write %1: %2").arg(path, file.errorString());
    return false;
}

} // namespace

DrizzleGenerateProject::DrizzleGenerateProject(const test::NpmPackages &packages)
    : m_packages(packages), m_folder(QDir::tempPath() + QStringLiteral("/strata-bench-diff-XXXXXX"))
{
}

QString DrizzleGenerateProject::outFolder() const
{
    return m_folder.filePath(QStringLiteral("drizzle"));
}

bool DrizzleGenerateProject::prepare(const QByteArray &before, const QByteArray &after, QString *error)
{
    if (!m_folder.isValid()) {
        *error = QStringLiteral("no temporary folder: %1").arg(m_folder.errorString());
        return false;
    }
    if (!writeFile(m_folder.filePath(QStringLiteral("drizzle.config.ts")), config, error)
        || !writeFile(m_folder.filePath(QStringLiteral("schema.ts")), before, error)
        || !test::linkNodeModules(m_packages, m_folder.path(), error))
        return false;
    const test::NodeRun first = test::runDrizzleKit(m_packages, {QStringLiteral("generate")}, m_folder.path());
    if (!first.succeeded() || !QFile::exists(snapshotPath(0))) {
        *error = QStringLiteral("drizzle-kit generate of the first schema failed:\n%1").arg(first.describe());
        return false;
    }
    m_afterFirst.clear();
    QDirIterator files(outFolder(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("could not read %1").arg(path);
            return false;
        }
        m_afterFirst.append({path, file.readAll()});
    }
    return writeFile(m_folder.filePath(QStringLiteral("schema.ts")), after, error);
}

double DrizzleGenerateProject::generate(QString *error)
{
    // Without migration 0001 from the last run; 0000 and the journal as drizzle wrote them.
    if (!QDir(outFolder()).removeRecursively() || !QDir().mkpath(outFolder() + QStringLiteral("/meta"))) {
        *error = QStringLiteral("could not empty %1").arg(outFolder());
        return -1;
    }
    for (const auto &[path, bytes] : m_afterFirst) {
        if (!writeFile(path, bytes, error))
            return -1;
    }
    QElapsedTimer timer;
    timer.start();
    const test::NodeRun run = test::runDrizzleKit(m_packages, {QStringLiteral("generate")}, m_folder.path());
    const double ms = timer.nsecsElapsed() / 1e6;
    if (!run.succeeded() || !QFile::exists(snapshotPath(1))) {
        *error = QStringLiteral("drizzle-kit generate of the edited schema failed:\n%1").arg(run.describe());
        return -1;
    }
    return ms;
}

QString DrizzleGenerateProject::snapshotPath(int migration) const
{
    return outFolder() + QStringLiteral("/meta/%1_snapshot.json").arg(migration, 4, 10, QLatin1Char('0'));
}

QByteArray DrizzleGenerateProject::migrationSql(int migration, QString *error) const
{
    // drizzle-kit names the file with random words: 0001_brave_wolverine.sql.
    const QString prefix = QStringLiteral("%1_").arg(migration, 4, 10, QLatin1Char('0'));
    const QStringList names = QDir(outFolder()).entryList({prefix + QStringLiteral("*.sql")}, QDir::Files);
    if (names.size() != 1) {
        *error = QStringLiteral("%1 has %2 files %3*.sql").arg(outFolder()).arg(names.size()).arg(prefix);
        return {};
    }
    QFile file(outFolder() + QLatin1Char('/') + names.first());
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("could not read %1").arg(file.fileName());
        return {};
    }
    return file.readAll();
}

} // namespace strata::bench
