// Strata against the real drizzle-kit 0.31 (tests/npm, installed once by the fixture
// support.NpmPackages): drizzle-kit generates and applies tests/data/interop/schema.ts, then
//   - `strata snapshot` of that database must equal drizzle-kit's own last snapshot, apart
//     from id/prevId and the documented differences that allowed() below lists;
//   - `strata snapshot --like drizzle/` must equal it apart from id/prevId, nothing else;
//   - drizzle-kit generate, given that snapshot as the latest one, must report no schema
//     changes.
// Skips only when node is not installed; a failed npm install fails.
#include "NodeTools.h"
#include "TestCluster.h"
#include "TestFiles.h"
#include "TestRegistry.h"

#include "schema/ExpressionMatch.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace strata;

namespace {

const QString kDatabase = QStringLiteral("interop");
const QString kUrlVariable = QStringLiteral("STRATA_INTEROP_DATABASE_URL");  // drizzle.config.ts reads it
const QString kNoChanges = QStringLiteral("No schema changes, nothing to migrate");  // bin.cjs writeResult

QString projectTemplate()
{
    return QDir::tempPath() + QStringLiteral("/strata-drizzle-interop-XXXXXX");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool copyFolder(const QString &from, const QString &to, QString *error)
{
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QFileInfo info = it.fileInfo();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(source);
        if (info.isSymLink())
            continue;  // node_modules: linked again where needed
        if (info.isDir() ? !QDir().mkpath(target) : !QFile::copy(source, target)) {
            *error = QStringLiteral("could not copy %1 to %2").arg(source, target);
            return false;
        }
    }
    return true;
}

// Every file under `folder` (relative path) with the SHA-256 of its content.
QMap<QString, QByteArray> fileHashes(const QString &folder)
{
    QMap<QString, QByteArray> hashes;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        hashes.insert(QDir(folder).relativeFilePath(path),
                      QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256).toHex());
    }
    return hashes;
}

// The latest snapshot the way drizzle-kit's generate picks it (preparePrevSnapshot): the last
// file by name in meta/ that does not start with "_".
QString lastSnapshotFile(const QString &migrationsFolder)
{
    QStringList names = QDir(migrationsFolder + QStringLiteral("/meta"))
                            .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    names.erase(std::remove_if(names.begin(), names.end(),
                               [](const QString &n) { return n.startsWith(QLatin1Char('_')); }),
                names.end());
    return names.isEmpty() ? QString() : migrationsFolder + QStringLiteral("/meta/") + names.last();
}

QString compact(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined: return QStringLiteral("(absent)");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
    case QJsonValue::String:  // as JSON: "'draft'" vs 0.5
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

// A JSON path the way SnapshotError spells it: tables["public.users"].columns.id.notNull.
QString childPath(const QString &path, const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*$"));
    if (plain.match(key).hasMatch())
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    QString quoted = key;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return path + QStringLiteral("[\"%1\"]").arg(quoted);
}

// QTest cuts a failure message at about 1000 characters: long reports (tool output, the
// list of differences) go to stdout in full, next to QTest's own log, and the failure
// message refers to them.
void printBlock(const QString &title, const QString &text)
{
    const QByteArray bytes = QStringLiteral("===== %1 =====\n%2\n===== end of %1 =====\n")
                                 .arg(title, text.trimmed())
                                 .toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

struct Difference {
    QString path;
    QStringList keys;  // the path as keys (array indexes as numbers), for the allow-list
    QJsonValue drizzle;
    QJsonValue strata;
    QString note;  // why it is allowed, or a hint

    QString toString() const
    {
        QString line = QStringLiteral("%1\n    drizzle: %2\n    strata:  %3").arg(path, compact(drizzle), compact(strata));
        if (!note.isEmpty())
            line += QStringLiteral("\n    note:    ") + note;
        return line;
    }
};

// Compares two JSON values in full and collects every difference: objects by key (order does
// not matter to drizzle-kit's reader), arrays element by element.
void compareJson(const QJsonValue &drizzle, const QJsonValue &strata, const QString &path,
                 const QStringList &keys, QList<Difference> *out)
{
    if (drizzle.type() != strata.type()) {
        out->append({path, keys, drizzle, strata, {}});
        return;
    }
    if (drizzle.isObject()) {
        const QJsonObject d = drizzle.toObject();
        const QJsonObject s = strata.toObject();
        QStringList all = d.keys();
        for (const QString &key : s.keys()) {
            if (!d.contains(key))
                all << key;
        }
        for (const QString &key : std::as_const(all))
            compareJson(d.value(key), s.value(key), childPath(path, key), keys + QStringList{key}, out);
        return;
    }
    if (drizzle.isArray()) {
        const QJsonArray d = drizzle.toArray();
        const QJsonArray s = strata.toArray();
        for (qsizetype i = 0; i < std::max(d.size(), s.size()); ++i) {
            compareJson(i < d.size() ? d.at(i) : QJsonValue(QJsonValue::Undefined),
                        i < s.size() ? s.at(i) : QJsonValue(QJsonValue::Undefined),
                        path + QStringLiteral("[%1]").arg(i), keys + QStringList{QString::number(i)}, out);
        }
        return;
    }
    if (drizzle != strata)
        out->append({path, keys, drizzle, strata, {}});
}

} // namespace

class DrizzleInteropTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;
    test::NpmPackages m_npm;
    QTemporaryDir m_project{projectTemplate()};  // schema.ts, drizzle.config.ts, node_modules link, drizzle/
    QString m_url;            // the interop database over TCP, with the password
    QByteArray m_drizzleSnapshot;  // drizzle-kit's last meta/NNNN_snapshot.json
    QString m_drizzleSnapshotName;
    QByteArray m_strataSnapshot;   // `strata snapshot` of the migrated database
    QByteArray m_strataLikeSnapshot;  // the same with --like drizzle/ (drizzle's spelling kept)

    QProcessEnvironment drizzleEnvironment() const
    {
        QProcessEnvironment env;
        env.insert(kUrlVariable, m_url);
        return env;
    }

    static QString artifactFolder()
    {
        const QString root = qEnvironmentVariable("STRATA_TEST_ARTIFACTS");
        return root.isEmpty() ? QString() : root + QStringLiteral("/drizzle-interop");
    }

    // Saves a file for a CI log's reader in STRATA_TEST_ARTIFACTS/drizzle-interop/.
    static void saveArtifact(const QString &name, const QByteArray &content)
    {
        const QString dir = artifactFolder();
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        if (test::writeFile(dir + QLatin1Char('/') + name, content))
            qInfo("saved %s/%s", qPrintable(dir), qPrintable(name));
    }

    // The check constraint `name` of table `schema.table` as PostgreSQL prints it: pg_get_expr
    // of its expression, plain and pretty, each also without its outer parentheses.
    QStringList serverCheckSpellings(const QString &schema, const QString &table, const QString &name)
    {
        QStringList spellings;
        for (const char *pretty : {"false", "true"}) {
            QString output;
            QString error;
            const QString sql = QStringLiteral(
                "SELECT pg_catalog.pg_get_expr(co.conbin, co.conrelid, %1) FROM pg_catalog.pg_constraint co"
                " JOIN pg_catalog.pg_class c ON c.oid = co.conrelid"
                " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                " WHERE co.contype = 'c' AND n.nspname = %2 AND c.relname = %3 AND co.conname = %4")
                .arg(QLatin1String(pretty), literal(schema), literal(table), literal(name));
            if (!m_cluster.runSql(sql, &output, &error, kDatabase)) {
                qWarning("could not read check %s: %s", qPrintable(name), qPrintable(error));
                continue;
            }
            if (output.isEmpty())
                continue;
            spellings << output;
            if (output.startsWith(QLatin1Char('(')) && output.endsWith(QLatin1Char(')')))
                spellings << output.mid(1).chopped(1);
        }
        return spellings;
    }

    static QString literal(const QString &text)
    {
        QString quoted = text;
        quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
        return QLatin1Char('\'') + quoted + QLatin1Char('\'');
    }

    // The documented differences between drizzle-kit's snapshot and Strata's, each with its
    // reason; nothing else may differ. Returns the reason when `d` is one of them.
    std::optional<QString> allowed(const Difference &d, const QJsonObject &drizzleRoot)
    {
        // 1. Check constraints. drizzle-kit keeps the expression as written in schema.ts, with
        //    "table"."column" references; the database keeps only the parsed expression, and
        //    Strata writes it as PostgreSQL prints it (README, "strata snapshot"). Allowed only
        //    when Strata's text is exactly the server's spelling of this very constraint, which
        //    drizzle-kit migrate created from drizzle's text: tables[<key>].checkConstraints[<name>].value
        const QStringList &k = d.keys;
        if (k.size() == 5 && k[0] == QLatin1String("tables") && k[2] == QLatin1String("checkConstraints")
            && k[4] == QLatin1String("value") && d.drizzle.isString() && d.strata.isString()) {
            const QJsonObject table = drizzleRoot.value(QStringLiteral("tables")).toObject().value(k[1]).toObject();
            QString schema = table.value(QStringLiteral("schema")).toString();
            if (schema.isEmpty())
                schema = QStringLiteral("public");
            const QString name = table.value(QStringLiteral("name")).toString();
            const QStringList server = serverCheckSpellings(schema, name, k[3]);
            if (server.contains(d.strata.toString()))
                return QStringLiteral("check text as PostgreSQL prints it (documented)");
            return std::nullopt;
        }
        // 2. Other expressions PostgreSQL keeps parsed and prints its own way (README,
        //    "strata snapshot"): index expressions and predicates, generated columns, policies,
        //    view queries. Allowed only where ExpressionMatch finds the two texts the same.
        const QString last = k.isEmpty() ? QString() : k.last();
        const bool expression = (k.contains(QLatin1String("indexes")) && (last == QLatin1String("expression") || last == QLatin1String("where")))
                                || (k.contains(QLatin1String("generated")) && last == QLatin1String("as"))
                                || (k.contains(QLatin1String("policies")) && (last == QLatin1String("using") || last == QLatin1String("withCheck")));
        if (expression && d.drizzle.isString() && d.strata.isString()
            && ExpressionMatch::same(d.drizzle.toString(), d.strata.toString()))
            return QStringLiteral("expression as PostgreSQL prints it (documented)");
        if (k.size() == 3 && k[0] == QLatin1String("views") && last == QLatin1String("definition")
            && ExpressionMatch::sameQuery(d.drizzle.toString(), d.strata.toString()))
            return QStringLiteral("view query as PostgreSQL prints it (documented)");
        // 3. What the database cannot tell (README): .enableRLS() beside policies, .notNull()
        //    on a composite key's columns. `--like` takes both from drizzle's snapshot.
        if (k.size() == 3 && last == QLatin1String("isRLSEnabled") && d.drizzle.toBool() && !d.strata.toBool()
            && !drizzleRoot.value(QStringLiteral("tables")).toObject().value(k[1]).toObject()
                    .value(QStringLiteral("policies")).toObject().isEmpty())
            return QStringLiteral(".enableRLS() beside policies (documented)");
        if (k.size() == 5 && last == QLatin1String("notNull") && d.drizzle.toBool() && !d.strata.toBool()) {
            const QJsonObject keys = drizzleRoot.value(QStringLiteral("tables")).toObject().value(k[1]).toObject()
                                         .value(QStringLiteral("compositePrimaryKeys")).toObject();
            for (const QJsonValue &key : keys) {
                if (key.toObject().value(QStringLiteral("columns")).toArray().contains(QJsonValue(k[3])))
                    return QStringLiteral(".notNull() on a composite key's column (documented)");
            }
        }
        return std::nullopt;
    }

    bool generateAndMigrate(QString *error)
    {
        const QString source = QStringLiteral(STRATA_INTEROP_DATA);
        for (const QString &name : {QStringLiteral("schema.ts"), QStringLiteral("drizzle.config.ts")}) {
            if (!QFile::copy(source + QLatin1Char('/') + name, m_project.filePath(name))) {
                *error = QStringLiteral("could not copy %1/%2 to %3").arg(source, name, m_project.path());
                return false;
            }
        }
        if (!test::linkNodeModules(m_npm, m_project.path(), error))
            return false;

        QElapsedTimer clock;
        clock.start();
        const test::NodeRun generate = test::runDrizzleKit(m_npm, {QStringLiteral("generate")},
                                                            m_project.path(), drizzleEnvironment());
        qInfo("drizzle-kit generate took %lld ms", clock.restart());
        const QString migrations = m_project.filePath(QStringLiteral("drizzle"));
        const QStringList sqlFiles = QDir(migrations).entryList({QStringLiteral("*.sql")}, QDir::Files);
        if (!generate.succeeded() || sqlFiles.size() != 1) {
            printBlock(QStringLiteral("drizzle-kit generate"), generate.describe());
            *error = QStringLiteral("drizzle-kit generate did not write one migration (%1); its output is above")
                         .arg(sqlFiles.join(QStringLiteral(", ")));
            return false;
        }
        saveArtifact(QStringLiteral("drizzle-migration.sql"), readFile(migrations + QLatin1Char('/') + sqlFiles.first()));

        const test::NodeRun migrate = test::runDrizzleKit(m_npm, {QStringLiteral("migrate")},
                                                           m_project.path(), drizzleEnvironment());
        qInfo("drizzle-kit migrate took %lld ms", clock.restart());
        QString rows;
        QString psqlError;
        // drizzle-kit migrate prints nothing when it fails (formats §5): ask the database.
        const bool counted = m_cluster.runSql(QStringLiteral("SELECT count(*) FROM drizzle.__drizzle_migrations"),
                                              &rows, &psqlError, kDatabase);
        if (!migrate.succeeded() || !counted || rows != QLatin1String("1")) {
            printBlock(QStringLiteral("drizzle-kit migrate"), migrate.describe());
            const test::NodeRun why = test::runDrizzleOrmMigrate(m_npm, m_project.path(), migrations, m_url);
            printBlock(QStringLiteral("drizzle-orm's migrate() on the same folder"), why.describe());
            *error = QStringLiteral("drizzle-kit migrate did not apply the migration (bookkeeping rows: %1%2); "
                                    "its output and drizzle-orm's error are above")
                         .arg(rows, psqlError.isEmpty() ? QString() : QStringLiteral(", ") + psqlError.simplified());
            return false;
        }

        const QString last = lastSnapshotFile(migrations);
        m_drizzleSnapshotName = QFileInfo(last).fileName();
        m_drizzleSnapshot = readFile(last);
        if (m_drizzleSnapshot.isEmpty()) {
            *error = QStringLiteral("no snapshot in %1/meta").arg(migrations);
            return false;
        }
        saveArtifact(QStringLiteral("drizzle-snapshot.json"), m_drizzleSnapshot);
        return true;
    }

    bool strataSnapshot(const QStringList &extra, const QString &artifact, QByteArray *snapshot, QString *error)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        process.setProcessEnvironment(env);
        process.setStandardInputFile(QProcess::nullDevice());
        QElapsedTimer clock;
        clock.start();
        process.start(QStringLiteral(STRATA_BINARY), QStringList{QStringLiteral("snapshot"), QStringLiteral("--url"), m_url} + extra);
        const bool finished = process.waitForFinished(120000);
        qInfo("strata snapshot took %lld ms", clock.elapsed());
        *snapshot = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            *error = QStringLiteral("strata snapshot failed (exit code %1): %2")
                         .arg(process.exitCode())
                         .arg(QString::fromUtf8(err));
            return false;
        }
        saveArtifact(artifact, *snapshot);
        return true;
    }

    // Every difference between drizzle-kit's snapshot and `snapshot`, apart from id/prevId;
    // with `documented`, those allowed() explains are only logged.
    void compareWithDrizzle(const QByteArray &snapshot, bool documented)
    {
        QJsonParseError parseError;
        const QJsonDocument drizzleDoc = QJsonDocument::fromJson(m_drizzleSnapshot, &parseError);
        QVERIFY2(drizzleDoc.isObject(), qPrintable(m_drizzleSnapshotName + QStringLiteral(": ") + parseError.errorString()));
        const QJsonDocument strataDoc = QJsonDocument::fromJson(snapshot, &parseError);
        QVERIFY2(strataDoc.isObject(), qPrintable(QStringLiteral("strata snapshot: ") + parseError.errorString()));

        QJsonObject drizzle = drizzleDoc.object();
        QJsonObject strata = strataDoc.object();
        // A snapshot's place in a chain, not the schema.
        for (const QString &key : {QStringLiteral("id"), QStringLiteral("prevId")}) {
            drizzle.remove(key);
            strata.remove(key);
        }

        QList<Difference> all;
        compareJson(drizzle, strata, QString(), {}, &all);
        QList<Difference> failing;
        QList<Difference> allowedOnes;
        for (Difference &d : all) {
            const std::optional<QString> reason = documented ? allowed(d, drizzle) : std::nullopt;
            if (reason) {
                d.note = *reason;
                allowedOnes << d;
            } else {
                failing << d;
            }
        }
        for (const Difference &d : std::as_const(allowedOnes))
            qInfo("allowed difference: %s", qPrintable(d.toString()));

        QStringList lines;
        for (const Difference &d : std::as_const(failing))
            lines << d.toString();
        saveArtifact(documented ? QStringLiteral("differences.txt") : QStringLiteral("differences-like.txt"),
                     lines.join(QLatin1Char('\n')).toUtf8());
        if (!failing.isEmpty()) {
            printBlock(QStringLiteral("%1 differences: path, drizzle-kit's value, Strata's value").arg(failing.size()),
                       lines.join(QLatin1Char('\n')));
            QFAIL(qPrintable(QStringLiteral("`strata snapshot` differs from drizzle-kit's %1 in %2 place(s), "
                                            "listed above (%3 documented difference(s) allowed)")
                                 .arg(m_drizzleSnapshotName)
                                 .arg(failing.size())
                                 .arg(allowedOnes.size())));
        }
    }

private slots:
    void initTestCase()
    {
        STRATA_REQUIRE_NPM_PACKAGES(m_npm);
        QVERIFY2(m_project.isValid(), qPrintable(m_project.errorString()));
        if (!artifactFolder().isEmpty())
            QDir(artifactFolder()).removeRecursively();  // nothing stale from an earlier run

        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY2(m_cluster.createDatabase(kDatabase, &error), qPrintable(error));
        // schema.ts names it with pgRole(…).existing(): drizzle-kit expects it to exist.
        QVERIFY2(m_cluster.runSql(QStringLiteral("CREATE ROLE interop_auditor NOLOGIN"), nullptr, &error),
                 qPrintable(error));
        m_url = m_cluster.tcpUrl(kDatabase);
        QVERIFY2(!m_url.contains(QLatin1Char('?')), qPrintable(m_url));

        QVERIFY2(generateAndMigrate(&error), qPrintable(error));
        QVERIFY2(strataSnapshot({}, QStringLiteral("strata-snapshot.json"), &m_strataSnapshot, &error), qPrintable(error));
        QVERIFY2(strataSnapshot({QStringLiteral("--like"), m_project.filePath(QStringLiteral("drizzle"))},
                                QStringLiteral("strata-snapshot-like.json"), &m_strataLikeSnapshot, &error),
                 qPrintable(error));
    }

    void strataSnapshotEqualsDrizzleKitsSnapshot()
    {
        compareWithDrizzle(m_strataSnapshot, true);
    }

    // With --like, what the database cannot tell comes from drizzle's own snapshot: equal.
    void strataSnapshotLikeTheFolderEqualsDrizzleKitsSnapshot()
    {
        compareWithDrizzle(m_strataLikeSnapshot, false);
    }

    void drizzleKitGenerateFindsNothingToDoAfterStrataSnapshot()
    {
        QTemporaryDir project(projectTemplate());
        QVERIFY2(project.isValid(), qPrintable(project.errorString()));
        QString error;
        QVERIFY2(copyFolder(m_project.path(), project.path(), &error), qPrintable(error));
        QVERIFY2(test::linkNodeModules(m_npm, project.path(), &error), qPrintable(error));
        const QString migrations = project.filePath(QStringLiteral("drizzle"));

        // Control: drizzle-kit's own snapshot, unchanged, gives no changes; otherwise the
        // check below would say nothing about Strata.
        const QMap<QString, QByteArray> before = fileHashes(migrations);
        const test::NodeRun control = test::runDrizzleKit(m_npm, {QStringLiteral("generate")}, project.path(),
                                                           drizzleEnvironment());
        const bool controlClean = control.succeeded() && control.out.contains(kNoChanges) && fileHashes(migrations) == before;
        if (!controlClean)
            printBlock(QStringLiteral("drizzle-kit generate against its own snapshot"), control.describe());
        QVERIFY2(controlClean, "drizzle-kit generate finds changes against its own snapshot; its output is above");

        // Strata's snapshot in place of drizzle-kit's latest, with that file's id and prevId
        // (what Strata would write when it saves a migration of this schema).
        const QJsonObject drizzle = QJsonDocument::fromJson(m_drizzleSnapshot).object();
        const QJsonObject strata = QJsonDocument::fromJson(m_strataLikeSnapshot).object();
        const QString strataId = strata.value(QStringLiteral("id")).toString();
        const QString strataPrevId = strata.value(QStringLiteral("prevId")).toString();
        QVERIFY(!strataId.isEmpty());
        QByteArray replaced = m_strataLikeSnapshot.trimmed();  // drizzle-kit writes no final newline
        const QByteArray idLine = "\"id\": \"" + strataId.toUtf8() + "\"";
        const QByteArray prevIdLine = "\"prevId\": \"" + strataPrevId.toUtf8() + "\"";
        QCOMPARE(replaced.count(idLine), 1);
        QCOMPARE(replaced.count(prevIdLine), 1);
        replaced.replace(idLine, "\"id\": \"" + drizzle.value(QStringLiteral("id")).toString().toUtf8() + "\"");
        replaced.replace(prevIdLine, "\"prevId\": \"" + drizzle.value(QStringLiteral("prevId")).toString().toUtf8() + "\"");
        QVERIFY(test::writeFile(migrations + QStringLiteral("/meta/") + m_drizzleSnapshotName, replaced));

        const QMap<QString, QByteArray> withStrata = fileHashes(migrations);
        const test::NodeRun run = test::runDrizzleKit(m_npm, {QStringLiteral("generate")}, project.path(),
                                                       drizzleEnvironment());
        const QMap<QString, QByteArray> after = fileHashes(migrations);
        QStringList written;
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (withStrata.value(it.key()) != it.value()) {
                written << QStringLiteral("--- %1 ---").arg(it.key());
                if (it.key().endsWith(QLatin1String(".sql")))
                    written << QString::fromUtf8(readFile(migrations + QLatin1Char('/') + it.key()));
            }
        }
        const bool clean = run.succeeded() && run.out.contains(kNoChanges) && written.isEmpty();
        if (!clean) {
            printBlock(QStringLiteral("drizzle-kit generate with Strata's snapshot"), run.describe());
            printBlock(QStringLiteral("files drizzle-kit generate wrote or changed"),
                       written.isEmpty() ? QStringLiteral("(none)") : written.join(QLatin1Char('\n')));
            saveArtifact(QStringLiteral("generate-after-strata.txt"),
                         (run.describe() + QLatin1Char('\n') + written.join(QLatin1Char('\n'))).toUtf8());
        }
        QVERIFY2(clean, qPrintable(QStringLiteral("drizzle-kit generate, given Strata's snapshot as %1, does not report "
                                                  "\"%2\" or writes files; its output is above")
                                       .arg(m_drizzleSnapshotName, kNoChanges)));
    }
};

STRATA_TEST(DrizzleInteropTest)
#include "DrizzleInteropTest.moc"
