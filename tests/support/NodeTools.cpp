#include "NodeTools.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace strata::test {

namespace {

QString withoutEscapes(const QByteArray &bytes)
{
    static const QRegularExpression escape(QStringLiteral("\x1b\\[[0-9;?]*[A-Za-z]"));
    QString text = QString::fromUtf8(bytes);
    text.remove(escape);
    return text;
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

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CI"), QStringLiteral("true"));
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    env.insert(QStringLiteral("NODE_PATH"), packages.nodeModules());
    // The sanitizer runtime of the test executable has no business in node.
    env.remove(QStringLiteral("LD_PRELOAD"));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));

    QProcess process;
    process.setProcessEnvironment(env);
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
