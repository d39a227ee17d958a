// `strata generate` against the real drizzle-kit 0.31 (tests/npm; skips only when node is not
// installed): a project generated and migrated by drizzle-kit gets an edit of schema.ts; the
// same change is made to its development database, and `strata generate` saves it as the next
// migration. Then the real tools must not notice Strata at all:
//   - Strata's statements are drizzle-kit's for the same edit;
//   - drizzle-kit generate with the edited schema.ts finds "No schema changes";
//   - drizzle-kit check is content, although a down file sits beside the migration;
//   - drizzle-kit migrate applies the folder to a fresh database, Strata's migration included
//     (and its down file not): the result is the latest snapshot, the ledger holds its hash;
//   - the down file brings that database back to the snapshot before.
#include "CliRun.h"
#include "NodeTools.h"
#include "TestCluster.h"
#include "TestFiles.h"
#include "TestRegistry.h"

#include "migrations/MigrationFolder.h"
#include "text/StatementSplitter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;

namespace {

const QString kUrlVariable = QStringLiteral("STRATA_INTEROP_DATABASE_URL");  // drizzle.config.ts reads it
const QString kNoChanges = QStringLiteral("No schema changes, nothing to migrate");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The edit: a column and an enum value added, a table with a foreign key and an index created.
QByteArray editedSchema(const QByteArray &schema)
{
    QByteArray edited = schema;
    edited.replace("    updatedAt: timestamp('updated_at').default(sql`now()`),\n",
                   "    updatedAt: timestamp('updated_at').default(sql`now()`),\n"
                   "    nickname: varchar('nickname', { length: 40 }),\n");
    edited.replace("['draft', 'in review', 'published', 'archived']", "['draft', 'in review', 'published', 'archived', 'deleted']");
    edited += "\nexport const bookmarks = pgTable(\n"
              "  'bookmarks',\n"
              "  {\n"
              "    id: serial('id').primaryKey(),\n"
              "    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),\n"
              "    note: text('note').default('none'),\n"
              "    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),\n"
              "  },\n"
              "  (t) => [index('bookmarks_user_idx').on(t.userId)],\n"
              ");\n";
    return edited;
}

// A migration's statements without comments or breakpoints, for comparing two files.
QStringList statementsOf(const QString &text)
{
    QStringList statements;
    for (const StatementPiece &piece : StatementSplitter::split(text).pieces) {
        for (const SqlStatement &statement : piece.statements)
            statements << statement.text;
    }
    return statements;
}

} // namespace

class GenerateInteropTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;
    test::NpmPackages m_npm;
    QTemporaryDir m_project{QDir::tempPath() + QStringLiteral("/strata-generate-interop-XXXXXX")};
    QTemporaryDir m_scratch{QDir::tempPath() + QStringLiteral("/strata-generate-scratch-XXXXXX")};

    QString url(const QString &database) const
    {
        return m_cluster.tcpUrl(database);
    }

    test::NodeRun drizzleKit(const QString &command, const QString &folder, const QString &database)
    {
        QProcessEnvironment env;
        env.insert(kUrlVariable, url(database));
        return test::runDrizzleKit(m_npm, {command}, folder, env);
    }

    test::CliRun strata(const QStringList &args)
    {
        return test::runCli(QStringLiteral(STRATA_BINARY), args);
    }

    void setUpProject(const QString &folder, const QByteArray &schema)
    {
        QString error;
        QVERIFY(test::writeFile(folder + QStringLiteral("/schema.ts"), schema));
        QVERIFY(QFile::copy(QStringLiteral(STRATA_INTEROP_DATA "/drizzle.config.ts"), folder + QStringLiteral("/drizzle.config.ts")));
        QVERIFY2(test::linkNodeModules(m_npm, folder, &error), qPrintable(error));
    }

    // Piece by piece, as drizzle's migrator sends a file (but each on its own).
    void apply(const QString &sql, const QString &database)
    {
        for (const StatementPiece &piece : StatementSplitter::split(sql).pieces) {
            QString error;
            if (!piece.statements.isEmpty())
                QVERIFY2(m_cluster.runSql(piece.text, nullptr, &error, database), qPrintable(error + QLatin1Char('\n') + piece.text));
        }
    }

    void expectSameSchema(const QString &from, const QString &database, const QString &context)
    {
        const test::CliRun diff = strata({QStringLiteral("diff"), from, url(database)});
        QVERIFY2(diff.exitCode == 0 && diff.out.trimmed().isEmpty(),
                 qPrintable(context + QStringLiteral(": database ") + database + QStringLiteral(" differs from ")
                            + from + QLatin1Char('\n') + diff.describe()));
    }

private slots:
    void initTestCase()
    {
        STRATA_REQUIRE_NPM_PACKAGES(m_npm);
        QVERIFY(m_project.isValid() && m_scratch.isValid());
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        for (const char *name : {"dev", "fresh"})
            QVERIFY2(m_cluster.createDatabase(QString::fromLatin1(name), &error), qPrintable(error));
        QVERIFY2(m_cluster.runSql(QStringLiteral("CREATE ROLE interop_auditor NOLOGIN"), nullptr, &error), qPrintable(error));
    }

    void strataGenerateIsInvisibleToDrizzleKit()
    {
        const QByteArray schemaA = readFile(QStringLiteral(STRATA_INTEROP_DATA "/schema.ts"));
        const QByteArray schemaB = editedSchema(schemaA);
        QVERIFY2(schemaB.contains("nickname") && schemaB.contains("'deleted'"), "the edit no longer applies to schema.ts");
        const QString project = m_project.path();
        const QString out = project + QStringLiteral("/drizzle");

        // drizzle-kit's history: schema A generated and applied to the development database.
        setUpProject(project, schemaA);
        test::NodeRun run = drizzleKit(QStringLiteral("generate"), project, QStringLiteral("dev"));
        QVERIFY2(run.succeeded(), qPrintable(run.describe()));
        run = drizzleKit(QStringLiteral("migrate"), project, QStringLiteral("dev"));
        QVERIFY2(run.succeeded(), qPrintable(run.describe()));

        // What drizzle-kit writes for the edit, in a copy: the developer applies it to the
        // development database by hand (as drizzle-kit push would).
        const QString scratch = m_scratch.path();
        setUpProject(scratch, schemaB);
        QDirIterator files(out, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = files.next();
            QVERIFY(test::writeFile(scratch + QStringLiteral("/drizzle/") + QDir(out).relativeFilePath(file), readFile(file)));
        }
        run = drizzleKit(QStringLiteral("generate"), scratch, QStringLiteral("dev"));
        QVERIFY2(run.succeeded(), qPrintable(run.describe()));
        const MigrationFolder drizzleFolder = MigrationFolder::read(scratch + QStringLiteral("/drizzle"));
        QCOMPARE(drizzleFolder.migrations().size(), 2);
        const QString drizzleSql = drizzleFolder.migrations().last().text;
        apply(drizzleSql, QStringLiteral("dev"));

        // Strata saves the same change from the database, into the real project.
        QVERIFY(test::writeFile(project + QStringLiteral("/schema.ts"), schemaB));
        const test::CliRun generate = strata({QStringLiteral("generate"), QStringLiteral("--project"), project,
                                             QStringLiteral("--from-db"), url(QStringLiteral("dev")),
                                             QStringLiteral("--name"), QStringLiteral("from_strata")});
        QVERIFY2(generate.exitCode == 0, qPrintable(generate.describe()));
        const MigrationFolder folder = MigrationFolder::read(out);
        QCOMPARE(folder.migrations().size(), 2);
        const Migration &saved = folder.migrations().last();
        QCOMPARE(saved.tag, QStringLiteral("0001_from_strata"));
        QVERIFY(saved.hasDown);
        QVERIFY2(saved.text.startsWith(QLatin1String("-- Written by Strata")), qPrintable(saved.text));
        QCOMPARE(statementsOf(saved.text), statementsOf(drizzleSql));

        // drizzle-kit generate and check: nothing to do, nothing wrong.
        run = drizzleKit(QStringLiteral("generate"), project, QStringLiteral("dev"));
        QVERIFY2(run.succeeded() && run.out.contains(kNoChanges), qPrintable(run.describe()));
        QCOMPARE(MigrationFolder::read(out).migrations().size(), 2);
        run = drizzleKit(QStringLiteral("check"), project, QStringLiteral("dev"));
        QVERIFY2(run.succeeded() && run.out.contains(QLatin1String("Everything's fine")), qPrintable(run.describe()));

        // drizzle-kit migrate on a fresh database: both migrations, the down file untouched.
        run = drizzleKit(QStringLiteral("migrate"), project, QStringLiteral("fresh"));
        QVERIFY2(run.succeeded(), qPrintable(run.describe()));
        QString ledger;
        QString error;
        QVERIFY2(m_cluster.runSql(QStringLiteral("SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id"), &ledger,
                                  &error, QStringLiteral("fresh")),
                 qPrintable(error));
        QCOMPARE(ledger.split(QLatin1Char('\n')), (QStringList{QString::fromLatin1(folder.migrations().first().hash),
                                                              QString::fromLatin1(saved.hash)}));
        expectSameSchema(out, QStringLiteral("fresh"), QStringLiteral("after drizzle-kit migrate"));

        // The down file: back to the snapshot before.
        apply(QString::fromUtf8(readFile(folder.filePath(saved.downFile))), QStringLiteral("fresh"));
        expectSameSchema(folder.filePath(folder.migrations().first().snapshotFile), QStringLiteral("fresh"),
                         QStringLiteral("after the down file"));
    }
};

STRATA_TEST(GenerateInteropTest)
#include "GenerateInteropTest.moc"
