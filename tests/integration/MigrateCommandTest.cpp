// `strata status`, `strata migrate` and `strata rollback` on a real server: the real binary
// applies drizzle folders (three real histories among them) and rolls them back; a failed run
// leaves the ledger and the schema in agreement by transaction mode; the ledger's problems are
// shown and refused until allowed; hostile names; and every run is recorded in the audit table.
#include "MigrateFixture.h"
#include "TestRegistry.h"

using namespace strata;
using namespace strata::test;

class MigrateCommandTest : public MigrateFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(startCluster(&error), qPrintable(error));
    }

    void init() { useFreshDatabase(); }

    // Three real drizzle-kit histories: applied on empty databases, they give drizzle-kit's
    // ledger and schema; rolled back to an earlier migration, the schema drizzle-kit gives
    // for that prefix of the journal; applied again, the full schema again.
    void realHistoriesApplyAndRollBack()
    {
        const QString root = test::sharedTestData(QStringLiteral("drizzle-histories"));
        if (!QFileInfo::exists(root))
            QSKIP(qPrintable(QStringLiteral("%1 is not there: the real histories live in shared/testdata, beside the "
                                            "repository")
                                 .arg(root)));
        // Latitude's 0273-0275 keep 0272's snapshot, which already shows their result (its
        // SOURCE.md): undone one by one they could not be; undone together with 0272 as one
        // span they are, and the table the way back creates again must get the history's
        // column order and merged key.
        for (const QString &name : {QStringLiteral("dokploy"), QStringLiteral("latitude"), QStringLiteral("kan")}) {
            const QString history = root + QLatin1Char('/') + name;
            const QString folder = history + QStringLiteral("/migrations");
            const QString db = newDatabase(m_db + QLatin1Char('_') + name);
            m_url = url(db);
            if (QFileInfo::exists(history + QStringLiteral("/setup.sql"))) {
                QString output;
                QVERIFY2(
                    runTool(QStringLiteral("psql"),
                            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-v"), QStringLiteral("DBNAME=") + db,
                             QStringLiteral("-d"), db, QStringLiteral("-f"), history + QStringLiteral("/setup.sql")},
                            &output),
                    qPrintable(output));
            }

            QElapsedTimer clock;
            clock.start();
            const test::CliRun migrated = run(QStringLiteral("migrate"), folder);
            QVERIFY2(migrated.exitCode == 0, qPrintable(name + QLatin1Char('\n') + migrated.describe()));
            qInfo("%s: strata migrate of the whole folder took %lld ms", qPrintable(name), clock.elapsed());

            QStringList expectedLedger =
                readText(history + QStringLiteral("/expected/ledger.csv")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            expectedLedger.removeFirst();  // the header
            const QString rows =
                value(QStringLiteral("SELECT string_agg(id || ',' || hash || ',' || created_at, E'\\n' "
                                     "ORDER BY id) FROM drizzle.__drizzle_migrations"),
                      db);
            QString difference = firstDifference(rows, expectedLedger.join(QLatin1Char('\n')));
            QVERIFY2(difference.isEmpty(), qPrintable(name + QStringLiteral(": the ledger: ") + difference));
            const QString full = readText(history + QStringLiteral("/expected/schema.sql"));
            difference = firstDifference(dump(db), full);
            QVERIFY2(difference.isEmpty(), qPrintable(name + QStringLiteral(": the schema: ") + difference));

            // One K per history (the deepest listed) keeps the run short: each step reads the
            // whole folder, snapshots included.
            const QStringList tags = journalTags(folder);
            const QStringList ks = readText(history + QStringLiteral("/rollback-k"))
                                       .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            QVERIFY(!ks.isEmpty());
            const QString k = ks.last();
            const int kept = k.toInt();
            QVERIFY(kept > 0 && kept < tags.size());
            const QString context = QStringLiteral("%1, rollback to K = %2 (%3)").arg(name, k, tags.at(kept - 1));
            clock.restart();
            const test::CliRun rolledBack = run(QStringLiteral("rollback"), folder,
                                                {QStringLiteral("--to"), tags.at(kept - 1), QStringLiteral("--yes")});
            qInfo("%s: took %lld ms", qPrintable(context), clock.elapsed());
            QVERIFY2(rolledBack.exitCode == 0, qPrintable(context + QLatin1Char('\n') + rolledBack.describe()));
            QCOMPARE(value(QStringLiteral("SELECT count(*) FROM drizzle.__drizzle_migrations"), db), k);
            difference =
                firstDifference(dump(db), readText(history + QStringLiteral("/expected/schema-at-%1.sql").arg(k)));
            QVERIFY2(difference.isEmpty(), qPrintable(context + QStringLiteral(": ") + difference));

            const test::CliRun again = run(QStringLiteral("migrate"), folder);
            QVERIFY2(again.exitCode == 0, qPrintable(context + QStringLiteral(", migrate again\n") + again.describe()));
            difference = firstDifference(dump(db), full);
            QVERIFY2(difference.isEmpty(), qPrintable(context + QStringLiteral(", migrate again: ") + difference));

            // Applied again, the ledger holds the same migrations (under new ids).
            QStringList hashes;
            for (const QString &line : std::as_const(expectedLedger))
                hashes << line.section(QLatin1Char(','), 1);
            QCOMPARE(value(QStringLiteral("SELECT string_agg(hash || ',' || created_at, E'\\n' ORDER BY id) "
                                          "FROM drizzle.__drizzle_migrations"),
                           db),
                     hashes.join(QLatin1Char('\n')));
        }
    }

    // Statement 3 of migration 2 fails: in mode all nothing of the run stays, in mode each
    // migration 1 does; the error names the file, line and column of the failing statement.
    void failureRollsBackByMode()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        QVERIFY(writeFolder(
            dir,
            {{QStringLiteral("0000_a"), kWhen, QStringLiteral("CREATE TABLE \"a\" (\"id\" integer);")},
             {QStringLiteral("0001_b"), kWhen + 1000,
              QStringLiteral("CREATE TABLE \"b1\" (\"id\" integer);\n"
                             "--> statement-breakpoint\n"
                             "CREATE TABLE \"b2\" (\"id\" integer);\n"
                             "--> statement-breakpoint\n"
                             "INSERT INTO \"b1\" (\"id\")\n"
                             "  SELECT \"id\" FROM \"no_such_table\";\n")},
             {QStringLiteral("0002_c"), kWhen + 2000, QStringLiteral("CREATE TABLE \"c\" (\"id\" integer);")}}));

        const test::CliRun all = run(QStringLiteral("migrate"), dir);
        QCOMPARE(all.exitCode, 1);
        // The error is at "no_such_table": line 6, column 20 of the file.
        QVERIFY2(all.err.contains(QLatin1String("0001_b.sql:6:20: ")) && all.err.contains(QLatin1String("(42P01)"))
                     && all.err.contains(QLatin1String("no_such_table")),
                 qPrintable(all.describe()));
        QCOMPARE(tables(), QString());
        QCOMPARE(ledger(), QString());

        const test::CliRun json = run(QStringLiteral("migrate"), dir, {QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        const QList<QJsonObject> lines = events(json.out);
        QVERIFY2(!lines.isEmpty(), qPrintable(json.describe()));
        const QJsonObject finished = lines.last();
        QCOMPARE(finished.value(QStringLiteral("event")).toString(), QStringLiteral("finished"));
        QCOMPARE(finished.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(finished.value(QStringLiteral("exitCode")).toInt(), 1);
        const QJsonObject error = finished.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("file")).toString(), QStringLiteral("0001_b.sql"));
        QCOMPARE(error.value(QStringLiteral("tag")).toString(), QStringLiteral("0001_b"));
        QCOMPARE(error.value(QStringLiteral("line")).toInt(), 6);
        QCOMPARE(error.value(QStringLiteral("column")).toInt(), 20);
        QCOMPARE(error.value(QStringLiteral("sqlstate")).toString(), QStringLiteral("42P01"));
        QCOMPARE(finished.value(QStringLiteral("applied")).toArray(), QJsonArray());
        QCOMPARE(tables(), QString());

        // A piece libpg_query cannot read is sent whole; the server's position (in code points
        // of the piece) still lands on the file's line and column, past a comment and emoji.
        const QString syntaxDir = tmp.filePath(QStringLiteral("syntax"));
        QVERIFY(writeFolder(syntaxDir,
                            {{QStringLiteral("0000_syntax"), kWhen,
                              QStringLiteral("CREATE TABLE \"s1\" (\"id\" integer);\n"
                                             "--> statement-breakpoint\n"
                                             "-- 😀 a comment before the statement\n"
                                             "CREATE TABLE \"s2\" (\n"
                                             "  \"v😀\" text DEFALT 'x'\n"
                                             ");\n")}}));
        const test::CliRun syntax =
            run(QStringLiteral("migrate"), syntaxDir, {QStringLiteral("--migrations-table"), QStringLiteral("syntax")});
        QVERIFY2(syntax.exitCode == 1 && syntax.err.contains(QLatin1String("0000_syntax.sql:5:13: "))
                     && syntax.err.contains(QLatin1String("(42601)")),
                 qPrintable(syntax.describe()));
        QCOMPARE(tables(), QString());

        const test::CliRun each = run(QStringLiteral("migrate"), dir, {QStringLiteral("--tx"), QStringLiteral("each")});
        QCOMPARE(each.exitCode, 1);
        QVERIFY2(each.err.contains(QLatin1String("0001_b.sql:6:20: "))
                     && each.err.contains(QLatin1String("Applied and committed: 0000_a")),
                 qPrintable(each.describe()));
        QCOMPARE(tables(), QStringLiteral("public.a"));
        QCOMPARE(ledger(), whens({0}));
    }

    // An applied file that changed, a migration older than the newest applied one, a ledger
    // row without a file: each shown by status, refused by migrate, allowed by its flag.
    void ledgerProblemsAreShownRefusedAndAllowed()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        const Step a{QStringLiteral("0000_a"), kWhen, QStringLiteral("CREATE TABLE \"a\" (\"id\" integer);")};
        const Step b{QStringLiteral("0001_b"), kWhen + 1000, QStringLiteral("CREATE TABLE \"b\" (\"id\" integer);")};
        const Step c{QStringLiteral("0002_c"), kWhen + 2000, QStringLiteral("CREATE TABLE \"c\" (\"id\" integer);")};
        const Step late{QStringLiteral("0003_late"), kWhen + 1500,
                        QStringLiteral("CREATE TABLE \"late\" (\"id\" integer);")};
        const Step d{QStringLiteral("0004_d"), kWhen + 3000, QStringLiteral("CREATE TABLE \"d\" (\"id\" integer);")};
        QVERIFY(writeFolder(dir, {a, b}));
        QCOMPARE(run(QStringLiteral("migrate"), dir).exitCode, 0);

        const auto status = [&] {
            const test::CliRun json = run(QStringLiteral("status"), dir, {QStringLiteral("--json")});
            if (json.exitCode != 0)
                qWarning("%s", qPrintable(json.describe()));
            return QJsonDocument::fromJson(json.out.toUtf8()).object();
        };

        // Modified: 0000_a changed after it was applied.
        QVERIFY(writeFolder(dir, {a, b, c}));
        QVERIFY(test::writeFile(dir + QStringLiteral("/0000_a.sql"), (a.sql + QStringLiteral("\n-- edited")).toUtf8()));
        test::CliRun shown = run(QStringLiteral("status"), dir);
        QVERIFY2(shown.exitCode == 0 && statusLine(shown.out, a.tag).startsWith(QLatin1String("modified")),
                 qPrintable(shown.describe()));
        QCOMPARE(stateOf(status(), a.tag), QStringLiteral("modified"));
        test::CliRun refused = run(QStringLiteral("migrate"), dir);
        QVERIFY2(refused.exitCode == 1 && refused.err.contains(QLatin1String("--allow-modified")),
                 qPrintable(refused.describe()));
        QCOMPARE(tables(), QStringLiteral("public.a public.b"));
        test::CliRun allowed = run(QStringLiteral("migrate"), dir, {QStringLiteral("--allow-modified")});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.describe()));
        QCOMPARE(tables(), QStringLiteral("public.a public.b public.c"));
        QVERIFY(test::writeFile(dir + QStringLiteral("/0000_a.sql"), a.sql.toUtf8()));

        // Out of order: a migration older than 0002_c, placed before it in the journal.
        QVERIFY(writeFolder(dir, {a, b, late, c}));
        shown = run(QStringLiteral("status"), dir);
        QVERIFY2(statusLine(shown.out, late.tag).startsWith(QLatin1String("out of order")),
                 qPrintable(shown.describe()));
        QCOMPARE(stateOf(status(), late.tag), QStringLiteral("out-of-order"));
        refused = run(QStringLiteral("migrate"), dir);
        QVERIFY2(refused.exitCode == 1 && refused.err.contains(QLatin1String("--allow-out-of-order")),
                 qPrintable(refused.describe()));
        QCOMPARE(tables(), QStringLiteral("public.a public.b public.c"));
        allowed = run(QStringLiteral("migrate"), dir, {QStringLiteral("--allow-out-of-order")});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.describe()));
        QCOMPARE(tables(), QStringLiteral("public.a public.b public.c public.late"));
        QCOMPARE(ledger(), whens({0, 1000, 2000, 1500}));

        // Missing: a ledger row that names no file.
        QVERIFY(exec(QStringLiteral("INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('%1', %2)")
                         .arg(QString(64, QLatin1Char('f')))
                         .arg(kWhen - 5000)));
        QVERIFY(writeFolder(dir, {a, b, late, c, d}));
        shown = run(QStringLiteral("status"), dir);
        QVERIFY2(shown.out.contains(QRegularExpression(QStringLiteral("\\n\\s*missing\\s"))),
                 qPrintable(shown.describe()));
        const QJsonObject missing = status();
        QCOMPARE(stateOf(missing, QString()), QStringLiteral("missing"));
        QCOMPARE(stateOf(missing, d.tag), QStringLiteral("pending"));
        refused = run(QStringLiteral("migrate"), dir);
        QVERIFY2(refused.exitCode == 1 && refused.err.contains(QLatin1String("--allow-missing")),
                 qPrintable(refused.describe()));
        QVERIFY(!tables().contains(QLatin1String("public.d")));
        allowed = run(QStringLiteral("migrate"), dir, {QStringLiteral("--allow-missing")});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.describe()));
        QCOMPARE(tables(), QStringLiteral("public.a public.b public.c public.d public.late"));
    }

    // CREATE INDEX CONCURRENTLY between other statements, in two migrations, in mode all; when
    // it fails, the report names the migration whose first statements stayed committed.
    void concurrentIndexInModeAll()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        QVERIFY(
            writeFolder(dir,
                        {{QStringLiteral("0000_ci"), kWhen,
                          QStringLiteral("CREATE TABLE \"t\" (\"id\" integer, \"v\" text);\n--> statement-breakpoint\n"
                                         "INSERT INTO \"t\" SELECT g, g::text FROM generate_series(1, 100) g;\n"
                                         "--> statement-breakpoint\n"
                                         "CREATE INDEX CONCURRENTLY \"t_v_idx\" ON \"t\" (\"v\");\n"
                                         "--> statement-breakpoint\n"
                                         "CREATE TABLE \"u\" (\"id\" integer);")},
                         {QStringLiteral("0001_more"), kWhen + 1000,
                          QStringLiteral("ALTER TABLE \"u\" ADD COLUMN \"w\" text;\n--> statement-breakpoint\n"
                                         "CREATE INDEX CONCURRENTLY \"u_w_idx\" ON \"u\" (\"w\");\n"
                                         "--> statement-breakpoint\n"
                                         "CREATE TABLE \"x\" (\"id\" integer);")}}));

        const test::CliRun plan = run(QStringLiteral("migrate"), dir, {QStringLiteral("--dry-run")});
        QVERIFY2(plan.exitCode == 0, qPrintable(plan.describe()));
        QVERIFY2(statusLine(plan.out, QStringLiteral("0000_ci")).contains(QLatin1String("(commits on its own: ")),
                 qPrintable(plan.describe()));
        QVERIFY2(plan.out.contains(QLatin1String("-- outside a transaction:\nCREATE INDEX CONCURRENTLY \"t_v_idx\"")),
                 qPrintable(plan.describe()));
        QCOMPARE(tables(), QString());

        const test::CliRun applied = run(QStringLiteral("migrate"), dir);
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
        QCOMPARE(tables(), QStringLiteral("public.t public.u public.x"));
        QCOMPARE(
            value(QStringLiteral("SELECT string_agg(c.relname || ':' || i.indisvalid, ' ' ORDER BY c.relname) FROM "
                                 "pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE '%_idx'")),
            QStringLiteral("t_v_idx:true u_w_idx:true"));
        QCOMPARE(ledger(), whens({0, 1000}));

        // A concurrent index that fails: what its migration ran before it was committed first
        // and stays without a ledger row, and the report says so.
        const QString failing = tmp.filePath(QStringLiteral("failing"));
        const QString second = newDatabase(m_db + QStringLiteral("_failing"));
        m_url = url(second);
        QVERIFY(writeFolder(failing,
                            {{QStringLiteral("0000_dupes"), kWhen,
                              QStringLiteral("CREATE TABLE \"d\" (\"v\" integer);\n--> statement-breakpoint\n"
                                             "INSERT INTO \"d\" VALUES (1), (1);\n--> statement-breakpoint\n"
                                             "CREATE UNIQUE INDEX CONCURRENTLY \"d_v\" ON \"d\" (\"v\");")}}));
        const test::CliRun duplicates = run(QStringLiteral("migrate"), failing, {QStringLiteral("--json")});
        QCOMPARE(duplicates.exitCode, 1);
        const QJsonObject finished = events(duplicates.out).value(events(duplicates.out).size() - 1);
        QCOMPARE(finished.value(QStringLiteral("error")).toObject().value(QStringLiteral("sqlstate")).toString(),
                 QStringLiteral("23505"));
        QVERIFY2(finished.value(QStringLiteral("partial")).toString() == QLatin1String("0000_dupes"),
                 qPrintable(duplicates.describe()));
        QCOMPARE(tables(second), QStringLiteral("public.d"));
        QCOMPARE(ledger(second), QString());

        // The same for a file's own COMMIT in the middle of a migration that then fails.
        QVERIFY(writeFolder(failing,
                            {{QStringLiteral("0000_commit"), kWhen,
                              QStringLiteral("CREATE TABLE \"p\" (\"v\" integer);\n--> statement-breakpoint\n"
                                             "COMMIT;\n--> statement-breakpoint\nBEGIN;\n--> statement-breakpoint\n"
                                             "SELECT 1 / 0;")}}));
        const test::CliRun committed = run(QStringLiteral("migrate"), failing);
        QVERIFY2(committed.exitCode == 1
                     && committed.err.contains(
                         QLatin1String("0000_commit stopped after some of its statements had been committed")),
                 qPrintable(committed.describe()));
        QCOMPARE(tables(second), QStringLiteral("public.d public.p"));
    }

    // Rolling back two steps and applying them again gives the same schema; without --yes and
    // without a terminal, or with --dry-run, rollback changes nothing.
    void rollbackAndMigrateAgain()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        const QString scratch = newDatabase(m_db + QStringLiteral("_scratch"));
        QVERIFY(generateFolder(
            dir,
            {QStringLiteral("CREATE TYPE mood AS ENUM ('sad', 'ok');"
                            "CREATE TABLE people (id serial PRIMARY KEY, name text NOT NULL, mood mood DEFAULT 'ok');"),
             QStringLiteral("ALTER TABLE people ADD COLUMN email varchar(200);"
                            "CREATE TABLE pets (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                            "owner integer REFERENCES people (id) ON DELETE CASCADE, name text);"
                            "CREATE INDEX pets_owner_idx ON pets (owner);"),
             QStringLiteral("ALTER TYPE mood ADD VALUE 'happy';"
                            "ALTER TABLE pets ADD COLUMN born date;"
                            "CREATE UNIQUE INDEX people_email_idx ON people (email);")},
            {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}, scratch));
        const QStringList tags = journalTags(dir);
        QCOMPARE(tags.size(), 3);

        // The schema after the first migration only, on a database of its own.
        const QString firstOnly = newDatabase(m_db + QStringLiteral("_first"));
        const QString mine = m_url;
        m_url = url(firstOnly);
        QCOMPARE(run(QStringLiteral("migrate"), dir, {QStringLiteral("--to"), tags.first()}).exitCode, 0);
        const QString atOne = dump(firstOnly);
        m_url = mine;

        QCOMPARE(run(QStringLiteral("migrate"), dir).exitCode, 0);
        const QString full = dump();
        QVERIFY(full != atOne);

        // No --yes, no terminal: the SQL is shown, nothing runs.
        const test::CliRun unasked =
            run(QStringLiteral("rollback"), dir, {QStringLiteral("--steps"), QStringLiteral("2")});
        QVERIFY2(unasked.exitCode == 1 && unasked.out.contains(QLatin1String("-- undo "))
                     && unasked.err.contains(QLatin1String("--yes")),
                 qPrintable(unasked.describe()));
        QCOMPARE(firstDifference(dump(), full), QString());
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM drizzle.__drizzle_migrations")), QStringLiteral("3"));

        const test::CliRun dry = run(QStringLiteral("rollback"), dir,
                                     {QStringLiteral("--steps"), QStringLiteral("2"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0 && dry.out.contains(QLatin1String("Dry run")), qPrintable(dry.describe()));
        QCOMPARE(firstDifference(dump(), full), QString());
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM drizzle.__drizzle_migrations")), QStringLiteral("3"));

        const test::CliRun rolledBack = run(QStringLiteral("rollback"), dir,
                                            {QStringLiteral("--steps"), QStringLiteral("2"), QStringLiteral("--yes")});
        QVERIFY2(rolledBack.exitCode == 0 && rolledBack.out.contains(QLatin1String("Rolled back 2 migration(s)")),
                 qPrintable(rolledBack.describe()));
        QCOMPARE(firstDifference(dump(), atOne), QString());
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM drizzle.__drizzle_migrations")), QStringLiteral("1"));
        const test::CliRun status = run(QStringLiteral("status"), dir);
        QVERIFY2(status.out.contains(QLatin1String("1 applied, 0 modified, 2 pending"))
                     && status.out.contains(QLatin1String("Drift: none")),
                 qPrintable(status.describe()));

        const test::CliRun again = run(QStringLiteral("migrate"), dir);
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        QCOMPARE(firstDifference(dump(), full), QString());
    }

    // Quotes, spaces, unicode and SQL in the names of tables, columns and the ledger itself,
    // given as options and through a project's drizzle.config.ts.
    void hostileNames()
    {
        const QString table = QStringLiteral("Tä\"ble \"; DROP TABLE x; --");
        const QString column = QStringLiteral("co\"l ü 😀 \"; DROP TABLE x; --");
        const QString schema = QStringLiteral("Sch\"é ma\"; DROP TABLE x; --");
        const QString ledgerTable = QStringLiteral("le'dger \"; DROP TABLE x; -- ü");
        const QString ledgerName = ident(schema) + QLatin1Char('.') + ident(ledgerTable);

        QTemporaryDir tmp;
        const QString project = tmp.filePath(QStringLiteral("project"));
        const QString dir = project + QStringLiteral("/drizzle");
        const QString scratch = newDatabase(m_db + QStringLiteral("_scratch"));
        QVERIFY(generateFolder(dir,
                               {QStringLiteral("CREATE TABLE x (id integer);"),
                                QStringLiteral("CREATE TABLE %1 (%2 text DEFAULT 'it''s', id integer);"
                                               "CREATE INDEX ON %1 (%2);")
                                    .arg(ident(table), ident(column))},
                               {QStringLiteral("base"), QStringLiteral("hostile")}, scratch));
        const QStringList names{QStringLiteral("--migrations-schema"), schema, QStringLiteral("--migrations-table"),
                                ledgerTable};

        const test::CliRun migrated = run(QStringLiteral("migrate"), dir, names);
        QVERIFY2(migrated.exitCode == 0, qPrintable(migrated.describe()));
        QCOMPARE(tables(), QStringLiteral("public.%1 public.x").arg(table));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM %1").arg(ledgerName)), QStringLiteral("2"));
        QCOMPARE(value(QStringLiteral("SELECT to_regclass('drizzle.__drizzle_migrations') IS NULL")),
                 QStringLiteral("t"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM %1.__strata_runs").arg(ident(schema))),
                 QStringLiteral("1"));

        const test::CliRun status = run(QStringLiteral("status"), dir, names + QStringList{QStringLiteral("--json")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
        const QJsonObject shown = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("counts")).toObject().value(QStringLiteral("applied")).toInt(), 2);
        QCOMPARE(shown.value(QStringLiteral("ledger")).toObject().value(QStringLiteral("table")).toString(),
                 ledgerName);
        QCOMPARE(shown.value(QStringLiteral("drift")).toObject().value(QStringLiteral("statements")).toArray(),
                 QJsonArray());

        const test::CliRun rolledBack =
            run(QStringLiteral("rollback"), dir,
                names + QStringList{QStringLiteral("--steps"), QStringLiteral("1"), QStringLiteral("--yes")});
        QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.describe()));
        QCOMPARE(tables(), QStringLiteral("public.x"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM %1").arg(ledgerName)), QStringLiteral("1"));

        // The same names from the project: drizzle.config.ts and .env.
        const QString other = newDatabase(m_db + QStringLiteral("_project"));
        QString ledgerTableInTs = ledgerTable;  // a double-quoted TypeScript string
        QVERIFY(test::writeFile(project + QStringLiteral("/drizzle.config.ts"),
                                QStringLiteral("import { defineConfig } from 'drizzle-kit';\n\n"
                                               "export default defineConfig({\n"
                                               "  out: './drizzle',\n"
                                               "  schema: './schema.ts',\n"
                                               "  dialect: 'postgresql',\n"
                                               "  dbCredentials: { url: process.env.DATABASE_URL! },\n"
                                               "  migrations: { schema: '%1', table: \"%2\" },\n"
                                               "});\n")
                                    .arg(schema, ledgerTableInTs.replace(QLatin1Char('"'), QStringLiteral("\\\"")))
                                    .toUtf8()));
        QVERIFY(test::writeFile(project + QStringLiteral("/.env"),
                                (QStringLiteral("DATABASE_URL=") + url(other) + QLatin1Char('\n')).toUtf8()));
        const test::CliRun fromProject = strata({QStringLiteral("migrate"), QStringLiteral("--project"), project});
        QVERIFY2(fromProject.exitCode == 0, qPrintable(fromProject.describe()));
        QCOMPARE(tables(other), QStringLiteral("public.%1 public.x").arg(table));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM %1").arg(ledgerName), other), QStringLiteral("2"));
        // status from within the project folder, with no options at all.
        const test::CliRun projectStatus = strata({QStringLiteral("status")}, project);
        QVERIFY2(projectStatus.exitCode == 0
                     && projectStatus.out.contains(QLatin1String("2 applied, 0 modified, 0 pending"))
                     && projectStatus.out.contains(ledgerName),
                 qPrintable(projectStatus.describe()));
        const test::CliRun projectRollback =
            strata({QStringLiteral("rollback"), QStringLiteral("--project"), project, QStringLiteral("--steps"),
                    QStringLiteral("1"), QStringLiteral("--yes")});
        QVERIFY2(projectRollback.exitCode == 0, qPrintable(projectRollback.describe()));
        QCOMPARE(tables(other), QStringLiteral("public.x"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM %1").arg(ledgerName), other), QStringLiteral("1"));
        QCOMPARE(value(QStringLiteral("SELECT to_regclass('drizzle.__drizzle_migrations') IS NULL"), other),
                 QStringLiteral("t"));
    }

    // Each run that does something leaves a row in __strata_runs, unless --no-audit.
    void auditRecordsRuns()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        const Step a{QStringLiteral("0000_a"), kWhen, QStringLiteral("CREATE TABLE \"a\" (\"id\" integer);")};
        Step b{QStringLiteral("0001_b"), kWhen + 1000, QStringLiteral("CREATE TABLE \"b\" (\"id\" no_such_type);")};
        QVERIFY(writeFolder(dir, {a, b}));
        QCOMPARE(run(QStringLiteral("migrate"), dir, {QStringLiteral("--to"), a.tag}).exitCode, 0);
        QCOMPARE(run(QStringLiteral("migrate"), dir).exitCode, 1);
        const QString runs =
            QStringLiteral("SELECT string_agg(concat_ws('|', action, result, migrations::text, applied::text, "
                           "tx_mode, error IS NOT NULL, finished_at IS NOT NULL, duration_ms >= 0), "
                           "E'\\n' ORDER BY id) FROM drizzle.__strata_runs");
        QCOMPARE(value(runs),
                 QStringLiteral("migrate|succeeded|{0000_a}|{0000_a}|all|f|t|t\n"
                                "migrate|failed|{0001_b}|{}|all|t|t|t"));
        QVERIFY2(value(QStringLiteral("SELECT error FROM drizzle.__strata_runs WHERE result = 'failed'"))
                     .contains(QLatin1String("no_such_type")),
                 qPrintable(value(QStringLiteral("SELECT error FROM drizzle.__strata_runs"))));

        b.sql = QStringLiteral("CREATE TABLE \"b\" (\"id\" integer);");
        QVERIFY(writeFolder(dir, {a, b}));
        QCOMPARE(run(QStringLiteral("migrate"), dir, {QStringLiteral("--no-audit")}).exitCode, 0);
        QCOMPARE(tables(), QStringLiteral("public.a public.b"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM drizzle.__strata_runs")), QStringLiteral("2"));
    }

    // What cannot run: no server, bad options, a broken folder.
    void badInput()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("drizzle"));
        QVERIFY(writeFolder(
            dir, {{QStringLiteral("0000_a"), kWhen, QStringLiteral("CREATE TABLE \"a\" (\"id\" integer);")}}));

        const int port = LoopbackPort::pickFree();
        QVERIFY(port > 0);
        const QString closed = QStringLiteral("postgres://strata@127.0.0.1:%1/nothing?connect_timeout=10").arg(port);
        for (const QString &command : {QStringLiteral("migrate"), QStringLiteral("status")}) {
            const test::CliRun unreachable =
                strata({command, QStringLiteral("--dir"), dir, QStringLiteral("--url"), closed});
            QVERIFY2(unreachable.exitCode == 3 && unreachable.err.contains(QString::number(port)),
                     qPrintable(command + QLatin1Char('\n') + unreachable.describe()));
        }
        const test::CliRun sometimes =
            run(QStringLiteral("migrate"), dir, {QStringLiteral("--tx"), QStringLiteral("sometimes")});
        QVERIFY2(sometimes.exitCode == 2 && sometimes.err.contains(QLatin1String("sometimes")),
                 qPrintable(sometimes.describe()));
        const test::CliRun eachBack = run(QStringLiteral("rollback"), dir,
                                          {QStringLiteral("--steps"), QStringLiteral("1"), QStringLiteral("--tx"),
                                           QStringLiteral("each"), QStringLiteral("--yes")});
        QVERIFY2(eachBack.exitCode == 2 && eachBack.err.contains(QLatin1String("one transaction")),
                 qPrintable(eachBack.describe()));
        const test::CliRun noTag =
            run(QStringLiteral("migrate"), dir, {QStringLiteral("--to"), QStringLiteral("nosuchtag")});
        QVERIFY2(noTag.exitCode == 2 && noTag.err.contains(QLatin1String("nosuchtag")), qPrintable(noTag.describe()));
        const test::CliRun rollbackNoTag =
            run(QStringLiteral("rollback"), dir,
                {QStringLiteral("--to"), QStringLiteral("nosuchtag"), QStringLiteral("--yes")});
        QCOMPARE(rollbackNoTag.exitCode, 2);

        QVERIFY(test::writeFile(dir + QStringLiteral("/meta/_journal.json"), "{ \"version\": \"7\", \"entries\": [ {"));
        const test::CliRun broken = run(QStringLiteral("migrate"), dir);
        QVERIFY2(broken.exitCode == 2 && broken.err.contains(QLatin1String("_journal.json")),
                 qPrintable(broken.describe()));
        QCOMPARE(tables(), QString());
        QCOMPARE(value(QStringLiteral("SELECT to_regclass('drizzle.__drizzle_migrations') IS NULL")),
                 QStringLiteral("t"));
    }
};

STRATA_TEST(MigrateCommandTest)

#include "MigrateCommandTest.moc"
