// `strata diff` against the real drizzle-kit 0.31 (tests/npm, installed once by the fixture
// support.NpmPackages), one schema.ts edit at a time. initTestCase() copies
// tests/data/edits/ into a temporary drizzle project and runs the edits of DrizzleEditList.cpp
// as one chain: edit k changes schema.ts as edit k-1 left it, then `drizzle-kit generate`
// writes drizzle/NNNN_<tag>.sql and meta/NNNN_snapshot.json. Per edit:
//   - `strata diff meta/<k-1>_snapshot.json meta/<k>_snapshot.json` (the real binary) must
//     print drizzle-kit's statements, in drizzle-kit's order, each the same text after
//     trimming, apart from the edit's listed intended differences, which are asserted
//     exactly;
//   - drizzle-kit's migration applied to one database and Strata's to another must both
//     run, and leave the two with the same `strata snapshot`;
//   - an edit's knownBug is a Strata bug the chain shows, expected to fail until fixed.
// The intended differences, each listed with its edit in DrizzleEditList.cpp and asserted
// statement by statement: a single-column primary key is dropped by name (drop_primary_key,
// drop_primary_key_of_renamed_table), where drizzle-kit writes a comment. Known bug:
// drop_primary_key_of_renamed_table (the guessed name is the renamed table's).
// Renames: drizzle-kit asks "created or renamed?" and, in 0.31, refuses to ask without a
// terminal (CI=true or not) and has no option naming a rename; runDrizzleKitInTerminal()
// answers the prompt in a pseudo-terminal, and strata diff gets the same decision as
// --rename kind:old=new.
// Skips only when node is not installed; a failed npm install fails.
#include "DrizzleEditList.h"
#include "CliRun.h"
#include "NodeTools.h"
#include "TestCluster.h"
#include "TestFiles.h"
#include "TestRegistry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace strata;

namespace {

const QString kNoChanges = QStringLiteral("No schema changes, nothing to migrate");  // bin.cjs writeResult
const QString kJoined = QStringLiteral("\n\x1f\n");  // joins a list for splitting again; in no statement
const QString kDrizzleDatabase = QStringLiteral("by_drizzle");  // drizzle-kit's migrations applied
const QString kStrataDatabase = QStringLiteral("by_strata");    // Strata's

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A migration's statements, split on drizzle-kit's breakpoint marker and trimmed: how both
// drizzle-kit's .sql file and strata diff's output are read.
QStringList statementsOf(const QString &sql)
{
    QStringList statements;
    for (const QString &piece : sql.split(QStringLiteral("--> statement-breakpoint"))) {
        const QString statement = piece.trimmed();
        if (!statement.isEmpty())
            statements << statement;
    }
    return statements;
}

// QTest cuts a failure message at about 1000 characters: long reports go to stdout in full.
void printBlock(const QString &title, const QString &text)
{
    const QByteArray bytes = QStringLiteral("===== %1 =====\n%2\n===== end of %1 =====\n")
                                 .arg(title, text.trimmed())
                                 .toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QString numbered(const QStringList &statements)
{
    QStringList lines;
    for (qsizetype i = 0; i < statements.size(); ++i)
        lines << QStringLiteral("[%1] %2").arg(i).arg(statements.at(i));
    return lines.isEmpty() ? QStringLiteral("(none)") : lines.join(QLatin1Char('\n'));
}

// The real strata binary, without a display.
test::CliRun runStrata(const QStringList &arguments)
{
    return test::runCli(QStringLiteral(STRATA_BINARY), arguments);
}

// `text` with `edit`'s changes made; false, saying which, when a `before` does not occur
// exactly once.
bool applyEdit(QString *text, const test::DrizzleEdit &edit, QString *error)
{
    for (const test::SchemaTextChange &change : edit.changes) {
        if (change.before.isEmpty()) {
            text->append(change.after);
            continue;
        }
        const qsizetype count = text->count(change.before);
        if (count != 1) {
            *error = QStringLiteral("edit %1: schema.ts holds %2 times, not once:\n%3").arg(edit.tag).arg(count).arg(change.before);
            return false;
        }
        text->replace(change.before, change.after);
    }
    return true;
}

} // namespace

class DrizzleEditsTest : public QObject
{
    Q_OBJECT

    test::NpmPackages m_npm;
    test::TestCluster m_cluster;
    QTemporaryDir m_project{QDir::tempPath() + QStringLiteral("/strata-drizzle-edits-XXXXXX")};
    QList<test::DrizzleEdit> m_edits;
    QStringList m_schemas;  // schema.ts after edit k
    QString m_url[2];       // kDrizzleDatabase, kStrataDatabase over TCP, with the password

    QString migrations() const { return m_project.filePath(QStringLiteral("drizzle")); }
    QString snapshotFile(int k) const
    {
        return k < 0 ? m_project.filePath(QStringLiteral("empty_snapshot.json"))
                     : migrations() + QStringLiteral("/meta/%1_snapshot.json").arg(k, 4, 10, QLatin1Char('0'));
    }
    QString sqlFile(int k) const
    {
        return migrations() + QStringLiteral("/%1_%2.sql").arg(k, 4, 10, QLatin1Char('0')).arg(m_edits.at(k).tag);
    }

    // drizzle-kit generate --name=<tag> in `folder`, answering the edit's rename prompts.
    test::NodeRun generate(const test::DrizzleEdit &edit, const QString &folder) const
    {
        const QStringList args{QStringLiteral("generate"), QStringLiteral("--name=") + edit.tag};
        return edit.promptAnswers.isEmpty() ? test::runDrizzleKit(m_npm, args, folder)
                                            : test::runDrizzleKitInTerminal(m_npm, args, folder, edit.promptAnswers);
    }

    // Writes schema.ts as edit k leaves it into `folder` and generates; true when the
    // migration of edit k, NNNN_<tag>.sql, is the one new file in drizzle/.
    bool generateEdit(int k, const QString &folder, QString *error) const
    {
        const QString drizzleFolder = folder + QStringLiteral("/drizzle");
        const QStringList before = QDir(drizzleFolder).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        if (!test::writeFile(folder + QStringLiteral("/schema.ts"), m_schemas.at(k).toUtf8())) {
            *error = QStringLiteral("could not write %1/schema.ts").arg(folder);
            return false;
        }
        const test::NodeRun run = generate(m_edits.at(k), folder);
        QStringList added = QDir(drizzleFolder).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        for (const QString &name : before)
            added.removeOne(name);
        const QString expected = QFileInfo(sqlFile(k)).fileName();
        if (!run.succeeded() || !run.err.isEmpty() || added != QStringList{expected}) {
            printBlock(QStringLiteral("drizzle-kit generate for edit %1").arg(m_edits.at(k).tag), run.describe());
            *error = QStringLiteral("drizzle-kit generate for edit %1 did not write %2 alone (new: %3); its output is above")
                         .arg(m_edits.at(k).tag, expected, added.join(QStringLiteral(", ")));
            return false;
        }
        return true;
    }

    // For edit k: a fresh drizzle project in `dir` whose drizzle/ holds the migrations of
    // edits 0..k-1 only (SQL, snapshots, journal entries) and whose schema.ts is edit k's:
    // the state just before the user generates edit k.
    bool projectBefore(int k, const QString &dir, QString *error) const
    {
        const QString source = QStringLiteral(STRATA_EDITS_DATA);
        if (!QFile::copy(source + QStringLiteral("/drizzle.config.ts"), dir + QStringLiteral("/drizzle.config.ts"))
            || !test::writeFile(dir + QStringLiteral("/schema.ts"), m_schemas.at(k).toUtf8())
            || !QDir().mkpath(dir + QStringLiteral("/drizzle/meta"))) {
            *error = QStringLiteral("could not set up %1").arg(dir);
            return false;
        }
        for (int i = 0; i < k; ++i) {
            const QString sql = QFileInfo(sqlFile(i)).fileName();
            const QString snapshot = QStringLiteral("meta/") + QFileInfo(snapshotFile(i)).fileName();
            for (const QString &name : {sql, snapshot}) {
                if (!QFile::copy(migrations() + QLatin1Char('/') + name, dir + QStringLiteral("/drizzle/") + name)) {
                    *error = QStringLiteral("could not copy %1 to %2").arg(name, dir);
                    return false;
                }
            }
        }
        QJsonObject journal = QJsonDocument::fromJson(readFile(migrations() + QStringLiteral("/meta/_journal.json"))).object();
        QJsonArray entries = journal.value(QStringLiteral("entries")).toArray();
        while (entries.size() > k)
            entries.removeLast();
        journal.insert(QStringLiteral("entries"), entries);
        if (!test::writeFile(dir + QStringLiteral("/drizzle/meta/_journal.json"), QJsonDocument(journal).toJson())) {
            *error = QStringLiteral("could not write the journal in %1").arg(dir);
            return false;
        }
        return test::linkNodeModules(m_npm, dir, error);
    }

    // `strata generate` from the database that followed Strata's SQL, into the project as it
    // was before edit k, must save a migration after which drizzle-kit generate with edit k's
    // schema.ts finds nothing to do. For every rename and every third other edit (node is slow),
    // except edits that add an expression (check, index predicate, policy, view, generated
    // column): the database keeps only PostgreSQL's text of it, and drizzle-kit compares its
    // own text (a documented limit of generating from a database).
    void strataGenerateLeavesDrizzleNothing(int k, const QStringList &drizzleStatements)
    {
        const test::DrizzleEdit &edit = m_edits.at(k);
        static const QStringList expressionMarkers = {QStringLiteral(" CHECK ("), QStringLiteral(" WHERE "),
                                                      QStringLiteral(" POLICY "), QStringLiteral(" VIEW "),
                                                      QStringLiteral("GENERATED ALWAYS AS (")};
        const QString all = drizzleStatements.join(QLatin1Char('\n'));
        const bool addsExpression = std::any_of(expressionMarkers.cbegin(), expressionMarkers.cend(),
                                                [&](const QString &marker) { return all.contains(marker); });
        // After a known bug's row the database that follows Strata no longer matches the
        // snapshots (that row's migration did not apply), so generating from it proves nothing.
        const bool afterKnownBug = std::any_of(m_edits.cbegin(), m_edits.cbegin() + k,
                                               [](const test::DrizzleEdit &e) { return !e.knownBug.isEmpty(); });
        if (addsExpression || afterKnownBug || (edit.renames.isEmpty() && k % 3 != 0))
            return;
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/strata-drizzle-generate-XXXXXX"));
        QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
        QString error;
        QVERIFY2(projectBefore(k, dir.path(), &error), qPrintable(error));
        QStringList arguments{QStringLiteral("generate"), QStringLiteral("--project"), dir.path(),
                              QStringLiteral("--from-db"), m_url[1], QStringLiteral("--name"), edit.tag};
        for (const QString &rename : edit.renames)
            arguments << QStringLiteral("--rename") << rename;
        const test::CliRun generate = runStrata(arguments);
        QVERIFY2(generate.exitCode == 0, qPrintable(QStringLiteral("edit %1: %2").arg(edit.tag, generate.describe())));
        const test::NodeRun check = test::runDrizzleKit(m_npm, {QStringLiteral("generate")}, dir.path());
        if (!check.succeeded() || !check.out.contains(kNoChanges)) {
            printBlock(QStringLiteral("strata generate's migration for edit %1").arg(edit.tag),
                       QString::fromUtf8(readFile(dir.filePath(QStringLiteral("drizzle/%1_%2.sql")
                                                                   .arg(k, 4, 10, QLatin1Char('0')).arg(edit.tag)))));
            QFAIL(qPrintable(QStringLiteral("edit %1: after strata generate, drizzle-kit generate still finds changes:\n%2")
                                 .arg(edit.tag, check.describe())));
        }
        qInfo("edit %s: after strata generate, drizzle-kit generate finds no changes", qPrintable(edit.tag));
    }

    void editRows()
    {
        QTest::addColumn<int>("k");
        for (int k = 0; k < m_edits.size(); ++k)
            QTest::newRow(qPrintable(QStringLiteral("%1_%2").arg(k, 2, 10, QLatin1Char('0')).arg(m_edits.at(k).tag))) << k;
    }

    bool snapshotOf(int database, QJsonObject *snapshot, QString *error) const
    {
        const test::CliRun run = runStrata({QStringLiteral("snapshot"), QStringLiteral("--url"), m_url[database]});
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &parseError);
        if (run.exitCode != 0 || !doc.isObject()) {
            *error = QStringLiteral("strata snapshot failed: %1 %2").arg(run.err, parseError.errorString());
            return false;
        }
        *snapshot = doc.object();
        snapshot->remove(QStringLiteral("id"));  // a snapshot's place in a chain, not the schema
        snapshot->remove(QStringLiteral("prevId"));
        return true;
    }

    // `strata snapshot` of both databases must be the same.
    void compareDatabases(const QString &when)
    {
        QJsonObject snapshots[2];
        for (int database = 0; database < 2; ++database) {
            QString error;
            QVERIFY2(snapshotOf(database, &snapshots[database], &error), qPrintable(error));
        }
        if (snapshots[0] != snapshots[1]) {
            printBlock(QStringLiteral("strata snapshot of %1").arg(kDrizzleDatabase),
                       QString::fromUtf8(QJsonDocument(snapshots[0]).toJson()));
            printBlock(QStringLiteral("strata snapshot of %1").arg(kStrataDatabase),
                       QString::fromUtf8(QJsonDocument(snapshots[1]).toJson()));
            QFAIL(qPrintable(QStringLiteral("%1, the database that followed drizzle-kit's migrations differs from the one "
                                            "that followed Strata's (snapshots above)")
                                 .arg(when)));
        }
    }

private slots:
    void initTestCase()
    {
        STRATA_REQUIRE_NPM_PACKAGES(m_npm);
        QVERIFY2(m_project.isValid(), qPrintable(m_project.errorString()));

        QString error;
        const QString source = QStringLiteral(STRATA_EDITS_DATA);
        QVERIFY(QFile::copy(source + QStringLiteral("/drizzle.config.ts"), m_project.filePath(QStringLiteral("drizzle.config.ts"))));
        QVERIFY2(test::linkNodeModules(m_npm, m_project.path(), &error), qPrintable(error));
        // What strata diff starts the base schema from: nothing, as drizzle-kit's own
        // starting point (dryPg in bin.cjs) spells it.
        QVERIFY(test::writeFile(snapshotFile(-1), R"({"id": "00000000-0000-0000-0000-000000000000", "prevId": "",
            "version": "7", "dialect": "postgresql", "tables": {}, "enums": {}, "schemas": {}, "views": {},
            "sequences": {}, "policies": {}, "roles": {}, "_meta": {"schemas": {}, "tables": {}, "columns": {}}})"));

        m_edits = test::drizzleEdits();
        QString schema = QString::fromUtf8(readFile(source + QStringLiteral("/schema.ts")));
        QVERIFY(!schema.isEmpty());
        QElapsedTimer clock;
        clock.start();
        for (int k = 0; k < m_edits.size(); ++k) {
            QVERIFY2(applyEdit(&schema, m_edits.at(k), &error), qPrintable(error));
            m_schemas << schema;
            QVERIFY2(generateEdit(k, m_project.path(), &error), qPrintable(error));
        }
        qInfo("drizzle-kit generate of %lld edits took %lld ms", qlonglong(m_edits.size()), clock.elapsed());

        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        for (int database = 0; database < 2; ++database) {
            const QString name = database == 0 ? kDrizzleDatabase : kStrataDatabase;
            QVERIFY2(m_cluster.createDatabase(name, &error), qPrintable(error));
            m_url[database] = m_cluster.tcpUrl(name);
        }
    }

    void strataDiffMatchesDrizzleKit_data() { editRows(); }

    void strataDiffMatchesDrizzleKit()
    {
        QFETCH(int, k);
        const test::DrizzleEdit &edit = m_edits.at(k);
        const QStringList drizzle = statementsOf(QString::fromUtf8(readFile(sqlFile(k))));
        QVERIFY2(!drizzle.isEmpty(), qPrintable(sqlFile(k)));

        QStringList arguments{QStringLiteral("diff"), snapshotFile(k - 1), snapshotFile(k)};
        for (const QString &rename : edit.renames)
            arguments << QStringLiteral("--rename") << rename;
        const test::CliRun diff = runStrata(arguments);
        QVERIFY2(diff.exitCode == 0, qPrintable(QStringLiteral("strata %1: %2").arg(arguments.join(QLatin1Char(' ')), diff.err)));
        const QStringList strata = statementsOf(diff.out);

        // drizzle-kit's statements with the intended differences made: what Strata must print.
        // The database that follows drizzle-kit gets Strata's statement where drizzle-kit's
        // does not make the change.
        QStringList expected = drizzle;
        QStringList drizzleToRun = drizzle;
        for (const test::IntendedDifference &difference : edit.differences) {
            QVERIFY2(drizzle.count(difference.drizzle) == 1,
                     qPrintable(QStringLiteral("the intended difference names a statement drizzle-kit no longer writes "
                                               "(once): %1\ndrizzle-kit's:\n%2")
                                    .arg(difference.drizzle, numbered(drizzle))));
            // An empty Strata side: a statement Strata leaves out (removed below). Statements
            // Strata adds after it are joined to it here and split again below.
            const QString strataSide = (QStringList{difference.strata} + difference.strataAfter).join(kJoined);
            expected[drizzle.indexOf(difference.drizzle)] = strataSide;
            if (!difference.drizzleApplies)
                drizzleToRun[drizzle.indexOf(difference.drizzle)] = strataSide;
            qInfo("intended difference (%s):\n  drizzle-kit: %s\n  strata:      %s", qPrintable(difference.reason),
                  qPrintable(difference.drizzle), qPrintable(difference.strata));
        }
        expected = expected.join(kJoined).split(kJoined);
        drizzleToRun = drizzleToRun.join(kJoined).split(kJoined);
        expected.removeAll(QString());
        if (strata != expected) {
            qsizetype first = 0;
            while (first < std::min(strata.size(), expected.size()) && strata.at(first) == expected.at(first))
                ++first;
            printBlock(QStringLiteral("drizzle-kit's %1").arg(QFileInfo(sqlFile(k)).fileName()), numbered(drizzle));
            printBlock(QStringLiteral("strata %1").arg(arguments.mid(1).join(QLatin1Char(' '))), numbered(strata));
            QFAIL(qPrintable(QStringLiteral("edit %1: strata diff differs from drizzle-kit generate at statement [%2]:\n"
                                            "  drizzle-kit: %3\n  strata:      %4\n(both lists above)")
                                 .arg(edit.tag)
                                 .arg(first)
                                 .arg(expected.value(first, QStringLiteral("(none)")),
                                      strata.value(first, QStringLiteral("(none)")))));
        }

        // Both migrations run. Where they differ on purpose, they must still leave the same
        // schema behind; elsewhere the same statements do, and databasesEndTheSame() looks
        // once at the end (strata snapshot is slow in the sanitizer build).
        if (!edit.knownBug.isEmpty())
            QEXPECT_FAIL("", qPrintable(edit.knownBug), Abort);
        const QStringList *scripts[2] = {&drizzleToRun, &strata};
        for (int database = 0; database < 2; ++database) {
            QString error;
            const QString name = database == 0 ? kDrizzleDatabase : kStrataDatabase;
            QVERIFY2(m_cluster.runSql(scripts[database]->join(QLatin1Char('\n')), nullptr, &error, name),
                     qPrintable(QStringLiteral("edit %1 on %2: %3").arg(edit.tag, name, error)));
        }
        if (!edit.differences.isEmpty())
            compareDatabases(QStringLiteral("after edit %1").arg(edit.tag));
        strataGenerateLeavesDrizzleNothing(k, drizzle);
    }

    void databasesEndTheSame()
    {
        compareDatabases(QStringLiteral("after all edits"));
    }
};

STRATA_TEST(DrizzleEditsTest)
#include "DrizzleEditsTest.moc"
