// TableExport against a private server: CSV (COPY and cursor paths), JSON lines and SQL files
// loaded back and compared row for row with EXCEPT ALL, filters with parameters, hostile
// names, views, the server's errors, cancel (no partial file, an old target kept), progress.
#include "TestCluster.h"
#include "TestRegistry.h"

#include "data/TableExport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;

namespace {

// How one export ended, with every progressed() it sent.
struct Result {
    enum class End { None, Finished, Failed, Cancelled };
    End end = End::None;
    qint64 rows = -1;
    qint64 bytes = -1;
    PgError error;
    QList<qint64> progressRows;
};

// The many-types table: every kind of value COPY, JSON and SQL literals must get right.
const char *createWide = R"sql(
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'it''s "fine"');
CREATE TABLE wide (
    id integer PRIMARY KEY, big bigint, amount numeric, ratio double precision, note text,
    flag boolean, raw bytea, at timestamptz, day date, span interval, uid uuid, addr inet,
    doc jsonb, tags text[], feeling mood);
INSERT INTO wide SELECT g,
    CASE g % 7 WHEN 0 THEN 9223372036854775807 WHEN 1 THEN -9223372036854775808 ELSE g * 1000003::bigint END,
    CASE WHEN g % 5 = 0 THEN NULL ELSE g::numeric * 1234567.12345678901234567890123 / 7 END,
    CASE g % 13 WHEN 0 THEN 'NaN' WHEN 1 THEN '-Infinity' WHEN 2 THEN NULL ELSE g / 7.0::float8 END,
    CASE g % 10 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN 'say "hi", ok' WHEN 3 THEN E'line1\nline2\r\nend'
        WHEN 4 THEN E'tab\there' WHEN 5 THEN E'back\\slash \\N \\.' WHEN 6 THEN 'unicode: żółw 日本 🐢'
        WHEN 7 THEN E'\\.' WHEN 8 THEN 'it''s' ELSE 'plain ' || g END,
    CASE WHEN g % 3 = 0 THEN NULL ELSE g % 2 = 0 END,
    CASE WHEN g % 4 = 0 THEN NULL WHEN g % 4 = 1 THEN '' ELSE decode(lpad(to_hex(g), 8, '0') || '00ff5c22', 'hex') END,
    CASE WHEN g % 6 = 0 THEN NULL ELSE timestamptz '2024-03-10 01:59:59.123456+00' + g * interval '37 minutes' END,
    date '2000-02-29' + g,
    g * interval '1 day 3 hours 4.5 seconds',
    CASE WHEN g % 9 = 0 THEN NULL ELSE md5(g::text)::uuid END,
    CASE WHEN g % 8 = 0 THEN NULL ELSE ('10.' || (g % 256) || '.0.1/' || (8 + g % 25))::inet END,
    CASE WHEN g % 11 = 0 THEN NULL
        ELSE jsonb_build_object('n', g, 's', E'q"\\\n', 'a', jsonb_build_array(1.5, true, null), 'big', 12345678901234567890) END,
    CASE g % 12 WHEN 0 THEN NULL WHEN 1 THEN '{}'::text[] ELSE ARRAY['a,b', 'c"d', NULL, E'e\\f', 'x' || g] END,
    (enum_range(NULL::mood))[1 + g % 4]
FROM generate_series(1, 20000) g;
CREATE VIEW wide_view AS SELECT id, note, doc FROM wide WHERE id % 2 = 0;
CREATE MATERIALIZED VIEW wide_matview AS SELECT id, amount, tags FROM wide WHERE id <= 5000;
)sql";

} // namespace

class TableExportTest : public QObject
{
    Q_OBJECT

private:
    test::TestCluster m_cluster;
    QTemporaryDir m_dir;
    const QString m_db = QStringLiteral("export_test");

    QString sql(const QString &query)
    {
        QString output, error;
        if (!m_cluster.runSql(query, &output, &error, m_db))
            qWarning("%s: %s", qPrintable(query.left(200)), qPrintable(error));
        return output;
    }

    ExportRequest request(const QString &table, ExportRequest::Format format, const QString &file)
    {
        ExportRequest r;
        r.spec = m_cluster.spec(m_db);
        r.schema = QStringLiteral("public");
        r.table = table;
        r.format = format;
        r.path = m_dir.filePath(file);
        return r;
    }

    // Runs one export to its end and records how it ended.
    Result run(const ExportRequest &r, int timeoutMs = 120000)
    {
        TableExport exporter;
        Result result;
        connect(&exporter, &TableExport::progressed, this, [&](qint64 rows, qint64) { result.progressRows.append(rows); });
        connect(&exporter, &TableExport::finished, this, [&](qint64 rows, qint64 bytes) {
            result.end = Result::End::Finished;
            result.rows = rows;
            result.bytes = bytes;
        });
        connect(&exporter, &TableExport::failed, this, [&](const PgError &error) {
            result.end = Result::End::Failed;
            result.error = error;
        });
        connect(&exporter, &TableExport::cancelled, this, [&] { result.end = Result::End::Cancelled; });
        if (!exporter.start(r))
            return result;
        if (!QTest::qWaitFor([&] { return result.end != Result::End::None; }, timeoutMs))
            qWarning("the export did not end within %d ms", timeoutMs);
        return result;
    }

    // For QVERIFY2: why an export that should have finished did not.
    static QByteArray why(const Result &result)
    {
        return result.end == Result::End::Failed ? result.error.toString().toUtf8() : QByteArray("it did not fail");
    }

    // Rows in one table and not the other, both ways (EXCEPT ALL keeps duplicates apart).
    QString difference(const QString &a, const QString &b)
    {
        return sql(QStringLiteral("SELECT (SELECT count(*) FROM (SELECT * FROM %1 EXCEPT ALL SELECT * FROM %2) x) || ' ' || "
                                  "(SELECT count(*) FROM (SELECT * FROM %2 EXCEPT ALL SELECT * FROM %1) y)")
                       .arg(a, b));
    }

    void loadCsv(const QString &table, const QString &path)
    {
        sql(QStringLiteral("\\copy %1 FROM '%2' WITH (FORMAT csv, HEADER, ENCODING 'UTF8')").arg(table, path));
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<PgError>();
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY2(m_cluster.createDatabase(m_db, &error), qPrintable(error));
        QVERIFY2(m_cluster.runSql(QString::fromUtf8(createWide), nullptr, &error, m_db), qPrintable(error));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM wide")), QStringLiteral("20000"));
        // For progress and cancel: large enough that an export takes a while.
        sql(QStringLiteral("CREATE TABLE big AS SELECT g AS id, md5(g::text) AS hash, now() AS at FROM generate_series(1, 2000000) g"));
    }

    void csvByCopyRoundTrip()
    {
        const ExportRequest r = request(QStringLiteral("wide"), ExportRequest::Format::Csv, QStringLiteral("wide.csv"));
        const Result result = run(r);
        QVERIFY2(result.end == Result::End::Finished, why(result));
        QCOMPARE(result.rows, 20000);
        QCOMPARE(result.bytes, QFileInfo(r.path).size());
        QVERIFY(!QFile::exists(r.path + QStringLiteral(".part")));
        QVERIFY(readAll(r.path).startsWith("id,big,amount,ratio,note,flag,raw,at,day,span,uid,addr,doc,tags,feeling\n"));
        sql(QStringLiteral("CREATE TABLE wide_csv (LIKE wide)"));
        loadCsv(QStringLiteral("wide_csv"), r.path);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM wide_csv")), QStringLiteral("20000"));
        QCOMPARE(difference(QStringLiteral("wide"), QStringLiteral("wide_csv")), QStringLiteral("0 0"));
    }

    // With parameters COPY cannot run the filter: the cursor path writes CSV itself, and must
    // write it byte for byte as COPY does.
    void csvByCursorMatchesCopy()
    {
        ExportRequest byCopy = request(QStringLiteral("wide"), ExportRequest::Format::Csv, QStringLiteral("copy.csv"));
        byCopy.where = QStringLiteral("\"id\" > 0");
        byCopy.orderBy = QStringLiteral("\"id\"");
        ExportRequest byCursor = request(QStringLiteral("wide"), ExportRequest::Format::Csv, QStringLiteral("cursor.csv"));
        byCursor.where = QStringLiteral("\"id\" > $1");
        byCursor.params = {QStringLiteral("0")};
        byCursor.orderBy = QStringLiteral("\"id\"");
        const Result copied = run(byCopy);
        QVERIFY2(copied.end == Result::End::Finished, why(copied));
        const Result result = run(byCursor);
        QVERIFY2(result.end == Result::End::Finished, why(result));
        QCOMPARE(result.rows, 20000);
        const QByteArray copyFile = readAll(byCopy.path);
        const QByteArray cursorFile = readAll(byCursor.path);
        QVERIFY(copyFile.size() > 1000000);
        QCOMPARE(cursorFile.size(), copyFile.size());
        QVERIFY(cursorFile == copyFile);

        sql(QStringLiteral("CREATE TABLE wide_cursor (LIKE wide)"));
        loadCsv(QStringLiteral("wide_cursor"), byCursor.path);
        QCOMPARE(difference(QStringLiteral("wide"), QStringLiteral("wide_cursor")), QStringLiteral("0 0"));
    }

    void jsonLinesRoundTrip()
    {
        const ExportRequest r = request(QStringLiteral("wide"), ExportRequest::Format::JsonLines, QStringLiteral("wide.jsonl"));
        const Result result = run(r);
        QVERIFY2(result.end == Result::End::Finished, why(result));
        QCOMPARE(result.rows, 20000);
        const QByteArray json = readAll(r.path);
        QCOMPARE(json.count('\n'), 20000);
        // The server's JSON types: numbers bare (bigint exact), booleans, nested jsonb, arrays.
        QVERIFY(json.startsWith("{\"id\":1,\"big\":-9223372036854775808,"));
        QVERIFY(json.contains("\"flag\":false"));
        QVERIFY(json.contains("\"tags\":[\"a,b\",\"c\\\"d\",null,\"e\\\\f\",\"x2\"]"));
        QVERIFY(json.contains("\"big\": 12345678901234567890"));
        // Lines are loaded as CSV with a quote and delimiter that never occur, so nothing is unescaped.
        sql(QStringLiteral("CREATE TABLE json_lines (line text)"));
        sql(QStringLiteral("\\copy json_lines FROM '%1' WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02', ENCODING 'UTF8')")
                .arg(r.path));
        sql(QStringLiteral("CREATE TABLE wide_json (LIKE wide); "
                           "INSERT INTO wide_json SELECT (json_populate_record(NULL::wide, line::json)).* FROM json_lines"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM wide_json")), QStringLiteral("20000"));
        QCOMPARE(difference(QStringLiteral("wide"), QStringLiteral("wide_json")), QStringLiteral("0 0"));
    }

    void sqlRoundTrip()
    {
        const ExportRequest r = request(QStringLiteral("wide"), ExportRequest::Format::Sql, QStringLiteral("wide.sql"));
        const Result result = run(r);
        QVERIFY2(result.end == Result::End::Finished, why(result));
        QCOMPARE(result.rows, 20000);
        const QByteArray text = readAll(r.path);
        QVERIFY(text.startsWith("-- Rows of \"public\".\"wide\" exported by Strata on "));
        QVERIFY(text.contains("\nINSERT INTO \"public\".\"wide\" (\"id\", \"big\", \"amount\", \"ratio\", \"note\", "));
        QVERIFY(text.contains("VALUES (1, -9223372036854775808, "));
        QVERIFY(text.contains(", 'NaN', "));
        // Run into an empty table of the same name, then compare with the original.
        sql(QStringLiteral("ALTER TABLE wide RENAME TO wide_original; CREATE TABLE wide (LIKE wide_original)"));
        QString error;
        const bool loaded = m_cluster.runSql(QStringLiteral("\\i %1").arg(r.path), nullptr, &error, m_db);
        const QString counted = sql(QStringLiteral("SELECT count(*) FROM wide"));
        const QString differs = difference(QStringLiteral("wide"), QStringLiteral("wide_original"));
        sql(QStringLiteral("DROP TABLE wide; ALTER TABLE wide_original RENAME TO wide"));
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(counted, QStringLiteral("20000"));
        QCOMPARE(differs, QStringLiteral("0 0"));
    }

    void filterWithParameters()
    {
        ExportRequest r = request(QStringLiteral("wide"), ExportRequest::Format::Csv, QStringLiteral("filtered.csv"));
        r.columns = {QStringLiteral("id"), QStringLiteral("feeling")};
        r.where = QStringLiteral("\"feeling\" = $1 AND \"id\" <= $2");
        r.params = {QStringLiteral("happy"), QStringLiteral("100")};
        r.orderBy = QStringLiteral("\"id\" DESC");
        Result result = run(r);
        QVERIFY2(result.end == Result::End::Finished, why(result));
        const QString expected = sql(QStringLiteral("SELECT string_agg(id || ',' || feeling, E'\\n' ORDER BY id DESC) "
                                                    "FROM wide WHERE feeling = 'happy' AND id <= 100"));
        QCOMPARE(QString::fromUtf8(readAll(r.path)), QStringLiteral("id,feeling\n") + expected + QLatin1Char('\n'));
        QCOMPARE(result.rows, qint64(expected.count(QLatin1Char('\n')) + 1));

        // A null parameter is SQL NULL.
        r.columns = {QStringLiteral("id")};
        r.where = QStringLiteral("\"note\" IS NOT DISTINCT FROM $1");
        r.params = {QString()};
        r.format = ExportRequest::Format::JsonLines;
        result = run(r);
        QVERIFY2(result.end == Result::End::Finished, why(result));
        QCOMPARE(result.rows, 2000);
        QVERIFY(readAll(r.path).startsWith("{\"id\":20000}\n{\"id\":19990}\n"));
    }

    void hostileNames()
    {
        // A schema, table and columns that only survive exact quoting; the table's line break
        // would end the SQL file's comment line if it were written as it is.
        sql(QStringLiteral(R"(CREATE SCHEMA "we""ird sch€ma"; )"
                           R"(CREATE TABLE "we""ird sch€ma"."ta""ble $1, x
DROP TABLE wide; --" ("$1" int, "a b" text, "quo""te" text, "日本" text, "x" int GENERATED ALWAYS AS ("$1" * 2) STORED); )"
                           R"(INSERT INTO "we""ird sch€ma"."ta""ble $1, x
DROP TABLE wide; --" VALUES (1, 'one', 'it''s', '日'), (2, NULL, '', NULL), (3, '$1', '"', E'\\'))"));
        const QString schema = QStringLiteral("we\"ird sch€ma");
        const QString table = QStringLiteral("ta\"ble $1, x\nDROP TABLE wide; --");
        const QString quoted = QStringLiteral(R"("we""ird sch€ma"."ta""ble $1, x
DROP TABLE wide; --")");
        const QList<ExportRequest::Format> formats{ExportRequest::Format::Csv, ExportRequest::Format::JsonLines,
                                                   ExportRequest::Format::Sql};
        for (const ExportRequest::Format format : formats) {
            ExportRequest r = request(table, format, QStringLiteral("hostile.%1").arg(int(format)));
            r.schema = schema;
            Result result = run(r);
            QVERIFY2(result.end == Result::End::Finished, why(result));
            QCOMPARE(result.rows, 3);
            // The filtered way too, with the column named $1 next to a real $1.
            r.where = QStringLiteral("\"$1\" >= $1 AND \"a b\" IS NOT NULL");
            r.params = {QStringLiteral("1")};
            r.orderBy = QStringLiteral("\"$1\" DESC");
            r.path += QStringLiteral(".filtered");
            result = run(r);
            QVERIFY2(result.end == Result::End::Finished, why(result));
            QCOMPARE(result.rows, 2);
        }
        QCOMPARE(readAll(m_dir.filePath(QStringLiteral("hostile.0"))),
                 QByteArray("$1,a b,\"quo\"\"te\",日本,x\n1,one,it's,日,2\n2,,\"\",,4\n3,$1,\"\"\"\",\\,6\n"));
        QCOMPARE(readAll(m_dir.filePath(QStringLiteral("hostile.1.filtered"))),
                 QByteArray("{\"$1\":3,\"a b\":\"$1\",\"quo\\\"te\":\"\\\"\",\"日本\":\"\\\\\",\"x\":6}\n"
                            "{\"$1\":1,\"a b\":\"one\",\"quo\\\"te\":\"it's\",\"日本\":\"日\",\"x\":2}\n"));
        // The SQL file leaves the generated column out and loads back into an emptied table.
        const QByteArray sqlFile = readAll(m_dir.filePath(QStringLiteral("hostile.2")));
        QVERIFY(sqlFile.startsWith("-- Rows of \"we\"\"ird sch€ma\".\"ta\"\"ble $1, x DROP TABLE wide; --\" exported"));
        QVERIFY(sqlFile.contains("(\"$1\", \"a b\", \"quo\"\"te\", \"日本\") VALUES (3, '$1', '\"', '\\');\n"));
        sql(QStringLiteral("CREATE TABLE hostile_copy AS SELECT * FROM %1; TRUNCATE %1").arg(quoted));
        QString error;
        QVERIFY2(m_cluster.runSql(QStringLiteral("\\i %1").arg(m_dir.filePath(QStringLiteral("hostile.2"))), nullptr, &error, m_db),
                 qPrintable(error));
        QCOMPARE(difference(quoted, QStringLiteral("hostile_copy")), QStringLiteral("0 0"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM wide")), QStringLiteral("20000"));
    }

    void viewAndMaterializedView()
    {
        for (const QString &relation : {QStringLiteral("wide_view"), QStringLiteral("wide_matview")}) {
            for (const bool filtered : {false, true}) {
                ExportRequest r = request(relation, ExportRequest::Format::Csv, relation + QStringLiteral(".csv"));
                if (filtered) {
                    r.where = QStringLiteral("\"id\" > $1");
                    r.params = {QStringLiteral("0")};
                }
                const Result result = run(r);
                QVERIFY2(result.end == Result::End::Finished, why(result));
                QCOMPARE(QString::number(result.rows), sql(QStringLiteral("SELECT count(*) FROM ") + relation));
                const QString copy = relation + QStringLiteral("_copy");
                sql(QStringLiteral("DROP TABLE IF EXISTS %1; CREATE TABLE %1 AS SELECT * FROM %2 LIMIT 0").arg(copy, relation));
                loadCsv(copy, r.path);
                QCOMPARE(difference(relation, copy), QStringLiteral("0 0"));
            }
        }
        const Result json = run(request(QStringLiteral("wide_view"), ExportRequest::Format::JsonLines, QStringLiteral("view.jsonl")));
        QVERIFY2(json.end == Result::End::Finished, why(json));
        QCOMPARE(json.rows, 10000);
    }

    void droppedTableFails()
    {
        sql(QStringLiteral("CREATE TABLE doomed (id int); DROP TABLE doomed"));
        const QList<ExportRequest::Format> formats{ExportRequest::Format::Csv, ExportRequest::Format::JsonLines};
        for (const ExportRequest::Format format : formats) {
            const ExportRequest r = request(QStringLiteral("doomed"), format, QStringLiteral("doomed.out"));
            writeFile(r.path, "old contents");
            const Result result = run(r);
            QCOMPARE(result.end, Result::End::Failed);
            QCOMPARE(result.error.kind, PgError::Kind::Server);
            QCOMPARE(result.error.sqlState, QStringLiteral("42P01"));
            QVERIFY2(result.error.message.contains(QLatin1String("\"public.doomed\" does not exist")),
                     qPrintable(result.error.message));
            QCOMPARE(readAll(r.path), QByteArray("old contents"));
            QVERIFY(!QFile::exists(r.path + QStringLiteral(".part")));
        }
    }

    void noPermissionFails()
    {
        sql(QStringLiteral("CREATE ROLE nosy LOGIN"));
        const QList<ExportRequest::Format> formats{ExportRequest::Format::Csv, ExportRequest::Format::Sql};
        for (const ExportRequest::Format format : formats) {
            ExportRequest r = request(QStringLiteral("wide"), format, QStringLiteral("nosy.out"));
            r.spec.setValue(QStringLiteral("user"), QStringLiteral("nosy"));
            const Result result = run(r);
            QCOMPARE(result.end, Result::End::Failed);
            QCOMPARE(result.error.sqlState, QStringLiteral("42501"));
            QCOMPARE(result.error.message, QStringLiteral("permission denied for table wide"));
            QVERIFY(!QFile::exists(r.path));
            QVERIFY(!QFile::exists(r.path + QStringLiteral(".part")));
        }
    }

    void unwritableFolderFails()
    {
        const ExportRequest r = request(QStringLiteral("wide"), ExportRequest::Format::Csv, QStringLiteral("no/such/folder/x.csv"));
        const Result result = run(r);
        QCOMPARE(result.end, Result::End::Failed);
        QCOMPARE(result.error.kind, PgError::Kind::Client);
        QVERIFY2(result.error.message.contains(QLatin1String("x.csv.part")), qPrintable(result.error.message));
    }

    void largeExportReportsProgress()
    {
        const Result result = run(request(QStringLiteral("big"), ExportRequest::Format::Csv, QStringLiteral("big.csv")));
        QVERIFY2(result.end == Result::End::Finished, why(result));
        QCOMPARE(result.rows, 2000000);
        QVERIFY2(result.progressRows.size() >= 2, qPrintable(QString::number(result.progressRows.size())));
        for (qsizetype i = 1; i < result.progressRows.size(); ++i)
            QVERIFY(result.progressRows.at(i) > result.progressRows.at(i - 1));
        QVERIFY(result.progressRows.last() < 2000000);
        QFile::remove(m_dir.filePath(QStringLiteral("big.csv")));
    }

    void cancelDuringExport_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("filtered");
        QTest::newRow("csv by copy") << int(ExportRequest::Format::Csv) << false;
        QTest::newRow("csv by cursor") << int(ExportRequest::Format::Csv) << true;
        QTest::newRow("json lines") << int(ExportRequest::Format::JsonLines) << false;
    }

    void cancelDuringExport()
    {
        QFETCH(int, format);
        QFETCH(bool, filtered);
        ExportRequest r = request(QStringLiteral("big"), ExportRequest::Format(format), QStringLiteral("cancelled.out"));
        if (filtered) {
            r.where = QStringLiteral("\"id\" > $1");
            r.params = {QStringLiteral("0")};
        }
        writeFile(r.path, "keep me");
        TableExport exporter;
        QSignalSpy progressed(&exporter, &TableExport::progressed);
        QSignalSpy cancelled(&exporter, &TableExport::cancelled);
        QSignalSpy finished(&exporter, &TableExport::finished);
        QVERIFY(exporter.start(r));
        QVERIFY(exporter.isRunning());
        QVERIFY(!exporter.start(r));  // one at a time
        QVERIFY(progressed.wait(60000));
        QVERIFY(QFile::exists(r.path + QStringLiteral(".part")));
        QElapsedTimer timer;
        timer.start();
        exporter.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, 10000);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!exporter.isRunning());
        QCOMPARE(finished.size(), 0);
        QVERIFY(!QFile::exists(r.path + QStringLiteral(".part")));
        QCOMPARE(readAll(r.path), QByteArray("keep me"));
        QFile::remove(r.path);
    }

    // A sort that has not sent its first row yet stops too (PQcancel, not only a closed socket).
    void cancelBeforeFirstRow()
    {
        ExportRequest r = request(QStringLiteral("big"), ExportRequest::Format::Sql, QStringLiteral("sorted.sql"));
        r.where = QStringLiteral("pg_sleep(0.00001) IS NOT NULL AND \"id\" > $1");
        r.params = {QStringLiteral("0")};
        r.orderBy = QStringLiteral("md5(\"hash\")");
        TableExport exporter;
        QSignalSpy cancelled(&exporter, &TableExport::cancelled);
        QVERIFY(exporter.start(r));
        QTest::qWait(500);
        exporter.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, 5000);
        QVERIFY(!QFile::exists(r.path));
        QVERIFY(!QFile::exists(r.path + QStringLiteral(".part")));
        // The server stopped the query: no backend of ours is still running it.
        QTRY_COMPARE_WITH_TIMEOUT(sql(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'FETCH%' "
                                                     "AND pid <> pg_backend_pid()")),
                                  QStringLiteral("0"), 5000);
    }

    void destroyedWhileRunning()
    {
        const ExportRequest r = request(QStringLiteral("big"), ExportRequest::Format::Csv, QStringLiteral("destroyed.csv"));
        auto *exporter = new TableExport;
        QSignalSpy progressed(exporter, &TableExport::progressed);
        QVERIFY(exporter->start(r));
        QVERIFY(progressed.wait(60000));
        delete exporter;  // cancels and waits
        QVERIFY(!QFile::exists(r.path));
        QVERIFY(!QFile::exists(r.path + QStringLiteral(".part")));
    }
};

STRATA_TEST(TableExportTest)
#include "TableExportTest.moc"
