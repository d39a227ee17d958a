#include "TestRegistry.h"

#include "schema/SnapshotJson.h"
#include "schema/SnapshotTypes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

using namespace strata;

namespace {

// tests/data/snapshots: real drizzle-kit output, see its README.md.
QString dataDir()
{
    return QStringLiteral(QT_TESTCASE_SOURCEDIR "/data/snapshots");
}

// Three long real histories, kept outside the repository (shared/testdata beside it).
QString historiesDir()
{
    const QString besideSource = QDir::cleanPath(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../shared/testdata/drizzle-histories"));
    if (QFileInfo::exists(besideSource))
        return besideSource;
    return QStringLiteral("/work/shared/testdata/drizzle-histories");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString describe(const SnapshotError &error)
{
    return error.toString();
}

// The top-level key order of a snapshot, to tell drizzle-kit's writers apart.
QStringList topLevelKeys(const QByteArray &json)
{
    QStringList keys;
    for (const QByteArray &line : json.split('\n')) {
        if (line.startsWith("  \"")) {
            const qsizetype end = line.indexOf('"', 3);
            keys << QString::fromUtf8(line.mid(3, end - 3));
        }
    }
    return keys;
}

const QStringList generatedOrder{"id", "prevId", "version", "dialect", "tables", "enums", "schemas",
                                 "sequences", "roles", "policies", "views", "_meta"};
const QStringList validatedOrder{"id", "prevId", "version", "dialect", "tables", "enums", "schemas",
                                 "views", "sequences", "roles", "policies", "_meta"};

// The smallest valid version "7" document, laid out as drizzle-kit writes it; the bad-input
// rows below change one thing in it. (A file, not a raw string: moc misreads raw strings.)
QByteArray baseDocument()
{
    static const QByteArray document = readFile(dataDir() + QStringLiteral("/checks/minimal-v7.json"));
    return document;
}

QByteArray changed(const QByteArray &from, const QByteArray &to)
{
    QByteArray document = baseDocument();
    Q_ASSERT(document.contains(from));
    return document.replace(from, to);
}

} // namespace

class SnapshotJsonTest : public QObject
{
    Q_OBJECT

private slots:
    void generatedFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("byteExact");

        // drizzle-kit 0.28 and later write the shape write() writes; older shapes and pulled
        // snapshots are read, and written in today's shape.
        const struct {
            const char *file;
            const char *version;
            bool byteExact;
        } rows[] = {
            {"kit-0.20.18/meta/0000_snapshot.json", "5", false},
            {"kit-0.20.18/meta/0001_snapshot.json", "5", false},
            {"kit-0.21.4/meta/0000_snapshot.json", "6", false},
            {"kit-0.21.4/meta/0001_snapshot.json", "6", false},
            {"kit-0.24.2/meta/0000_snapshot.json", "7", false},
            {"kit-0.24.2/meta/0001_snapshot.json", "7", false},
            {"kit-0.26.2/meta/0000_snapshot.json", "7", false},
            {"kit-0.26.2/meta/0001_snapshot.json", "7", false},
            {"kit-0.28.1/meta/0000_snapshot.json", "7", true},
            {"kit-0.28.1/meta/0001_snapshot.json", "7", true},
            {"kit-0.30.6/meta/0000_snapshot.json", "7", true},
            {"kit-0.30.6/meta/0001_snapshot.json", "7", true},
            {"kit-0.31.11/meta/0000_snapshot.json", "7", true},
            {"kit-0.31.11/meta/0001_snapshot.json", "7", true},
            {"kit-0.31.11/meta/0002_snapshot.json", "7", true},  // generate --custom
            {"pulled-0.31.11/meta/0000_snapshot.json", "7", false},
            {"kit-1.0.0-beta.24/20261125174138_first/snapshot.json", "8", false},
            {"kit-1.0.0-beta.24/20261125174140_second/snapshot.json", "8", false},
        };
        for (const auto &row : rows)
            QTest::newRow(row.file) << QString::fromLatin1(row.file) << QString::fromLatin1(row.version) << row.byteExact;
    }

    void generatedFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, version);
        QFETCH(bool, byteExact);

        const QByteArray json = readFile(dataDir() + QLatin1Char('/') + file);
        QVERIFY2(!json.isEmpty(), qPrintable(file));
        SnapshotError error;
        const std::optional<Snapshot> snapshot = SnapshotJson::read(json, file, &error);
        QVERIFY2(snapshot, qPrintable(describe(error)));
        QVERIFY(error.isNull());
        QCOMPARE(snapshot->version, version);
        QVERIFY(!snapshot->schema.tables.isEmpty());

        const QString prevId = snapshot->prevIds.value(0);
        const QByteArray written = SnapshotJson::write(snapshot->schema, snapshot->id, prevId, snapshot->keyOrder);
        if (byteExact)
            QCOMPARE(written, json);

        // Whatever the shape read, what write() makes reads back to the same schema.
        const std::optional<Snapshot> again = SnapshotJson::read(written, file, &error);
        QVERIFY2(again, qPrintable(describe(error)));
        QCOMPARE(again->schema, snapshot->schema);
        QCOMPARE(SnapshotJson::write(again->schema, snapshot->id, prevId, snapshot->keyOrder), written);
    }

    void generatedFileContents()
    {
        const QByteArray json = readFile(dataDir() + QStringLiteral("/kit-0.31.11/meta/0000_snapshot.json"));
        const std::optional<Snapshot> snapshot = SnapshotJson::read(json, QString(), nullptr);
        QVERIFY(snapshot);
        QCOMPARE(snapshot->prevIds, QStringList{SnapshotJson::originId()});
        QCOMPARE(snapshot->dialect, QStringLiteral("postgresql"));
        const Schema &schema = snapshot->schema;
        QCOMPARE(schema.schemas, QStringList{QStringLiteral("other")});

        const Table *users = schema.table(QStringLiteral("public"), QStringLiteral("users"));
        QVERIFY(users);
        QCOMPARE(users->primaryKey->name, QStringLiteral("users_pkey"));
        QCOMPARE(users->primaryKey->columns, QStringList{QStringLiteral("id")});
        const Column *id = users->column(QStringLiteral("id"));
        QVERIFY(id && id->identity);
        QCOMPARE(id->identity->kind, Identity::Kind::Always);
        QCOMPARE(id->identity->start, std::optional<qint64>(100));
        QCOMPARE(id->identity->cache, std::optional<qint64>(5));
        QCOMPARE(users->column(QStringLiteral("email"))->type, QStringLiteral("character varying(320)"));
        QCOMPARE(users->column(QStringLiteral("balance"))->type, QStringLiteral("numeric(12,2)"));
        QCOMPARE(users->column(QStringLiteral("updated_at"))->type, QStringLiteral("timestamp(3) with time zone"));
        QCOMPARE(users->column(QStringLiteral("created_at"))->type, QStringLiteral("timestamp without time zone"));
        QCOMPARE(users->column(QStringLiteral("matrix"))->arrayDimensions, 2);
        QCOMPARE(users->column(QStringLiteral("roles"))->typeSchema, QStringLiteral("public"));
        QCOMPARE(users->column(QStringLiteral("active"))->defaultExpression, std::optional<QString>(QStringLiteral("true")));
        QCOMPARE(users->column(QStringLiteral("ratio"))->defaultExpression, std::optional<QString>(QStringLiteral("-0.25")));
        QCOMPARE(users->column(QStringLiteral("full_name"))->generatedExpression,
                 std::optional<QString>(QStringLiteral("'x' || 'y'")));
        QCOMPARE(users->uniqueConstraints.size(), 1);
        QCOMPARE(users->checks.size(), 1);
        QCOMPARE(users->policies.size(), 2);
        QVERIFY(users->policies[0].roles.isEmpty());  // ["public"]
        QCOMPARE(users->policies[1].roles, QStringList{QStringLiteral("admin")});
        QVERIFY(!users->policies[1].permissive);

        const Index *created = nullptr;
        for (const Index &index : users->indexes) {
            if (index.name == QLatin1String("users_created_idx"))
                created = &index;
        }
        QVERIFY(created);
        QVERIFY(created->keys[0].descending);
        QCOMPARE(created->keys[0].nulls, IndexKey::Nulls::Last);  // NULLS LAST on DESC is explicit
        QCOMPARE(created->keys[1].nulls, IndexKey::Nulls::Default);

        const Table *teams = schema.table(QStringLiteral("public"), QStringLiteral("teams"));
        QVERIFY(teams);
        const Column *serialId = teams->column(QStringLiteral("id"));
        QCOMPARE(serialId->type, QStringLiteral("integer"));
        QCOMPARE(serialId->defaultExpression, std::optional<QString>(QStringLiteral("nextval('teams_id_seq'::regclass)")));
        QCOMPARE(teams->column(QStringLiteral("counter"))->type, QStringLiteral("smallint"));
        QCOMPARE(teams->foreignKeys[0].onDelete, ForeignKeyAction::SetNull);
        QCOMPARE(teams->foreignKeys[0].onUpdate, ForeignKeyAction::Cascade);
        QVERIFY(teams->uniqueConstraints[0].nullsNotDistinct);

        const Table *audit = schema.table(QStringLiteral("other"), QStringLiteral("audit"));
        QVERIFY(audit && audit->rlsEnabled);
        QCOMPARE(audit->foreignKeys[0].targetSchema, QStringLiteral("other"));
        QCOMPARE(audit->foreignKeys[1].targetSchema, QStringLiteral("public"));
        QCOMPARE(audit->columns[0].identity->increment, std::optional<qint64>(-1));

        const Table *memberships = schema.table(QStringLiteral("public"), QStringLiteral("memberships"));
        QCOMPARE(memberships->primaryKey->name, QStringLiteral("memberships_user_id_team_id_pk"));

        QCOMPARE(schema.sequences.size(), 2);
        QCOMPARE(schema.sequences[0].increment, 2);
        QVERIFY(schema.sequences[0].cycle);
        QCOMPARE(schema.roles.size(), 1);
        QVERIFY(schema.roles[0].createDb && !schema.roles[0].inherit);

        const View *matView = schema.view(QStringLiteral("public"), QStringLiteral("team_counts"));
        QVERIFY(matView && matView->materialized && matView->withNoData);
        QCOMPARE(matView->with, (QList<QPair<QString, QString>>{{QStringLiteral("fillfactor"), QStringLiteral("90")},
                                                                {QStringLiteral("autovacuum_enabled"), QStringLiteral("false")}}));
        const View *existing = schema.view(QStringLiteral("public"), QStringLiteral("legacy_view"));
        QVERIFY(existing && existing->definition.isEmpty());
        const View *active = schema.view(QStringLiteral("public"), QStringLiteral("active_users"));
        QVERIFY(active->columns[0].snapshotSpelling.primaryKey);
    }

    // drizzle-kit 1.0's version "8" and 0.31's version "7" of the same schema.ts agree on
    // what PostgreSQL gets, apart from what 1.0 itself changed (constraint names it leaves
    // to PostgreSQL).
    void betaAgreesWithGenerated()
    {
        const std::optional<Snapshot> beta = SnapshotJson::read(
            readFile(dataDir() + QStringLiteral("/kit-1.0.0-beta.24/20261125174138_first/snapshot.json")), QString(), nullptr);
        const std::optional<Snapshot> current = SnapshotJson::read(
            readFile(dataDir() + QStringLiteral("/kit-0.31.11/meta/0000_snapshot.json")), QString(), nullptr);
        QVERIFY(beta && current);
        QCOMPARE(beta->prevIds, QStringList{SnapshotJson::originId()});
        QCOMPARE(beta->schema.tables.size(), current->schema.tables.size());
        for (const Table &table : current->schema.tables) {
            const Table *other = beta->schema.table(table.schema, table.name);
            QVERIFY2(other, qPrintable(table.name));
            QCOMPARE(other->columns.size(), table.columns.size());
            for (const Column &column : table.columns) {
                const Column *same = other->column(column.name);
                QVERIFY2(same, qPrintable(column.name));
                QCOMPARE(same->type, column.type);
                // 1.0.0-beta.24 records .array().array() as one dimension.
                QCOMPARE(same->arrayDimensions, std::min(column.arrayDimensions, 1));
                // 1.0 marks serial columns NOT NULL, as PostgreSQL makes them; 0.31 did not.
                if (!column.defaultExpression.value_or(QString()).startsWith(QLatin1String("nextval(")))
                    QCOMPARE(same->notNull, column.notNull);
                QCOMPARE(same->typeSchema, column.typeSchema);
            }
            QCOMPARE(other->primaryKey.has_value(), table.primaryKey.has_value());
            QCOMPARE(other->indexes.size(), table.indexes.size());
            QCOMPARE(other->foreignKeys.size(), table.foreignKeys.size());
            QCOMPARE(other->rlsEnabled, table.rlsEnabled || !table.policies.isEmpty());
        }
        QCOMPARE(beta->schema.enums, current->schema.enums);
        QCOMPARE(beta->schema.sequences, current->schema.sequences);
    }

    void pulledSnapshot()
    {
        const std::optional<Snapshot> pulled = SnapshotJson::read(
            readFile(dataDir() + QStringLiteral("/pulled-0.31.11/meta/0000_snapshot.json")), QString(), nullptr);
        QVERIFY(pulled);
        QCOMPARE(pulled->id, SnapshotJson::originId());
        QCOMPARE(pulled->prevIds, QStringList{QString()});
        const Table *users = pulled->schema.table(QStringLiteral("public"), QStringLiteral("users"));
        QVERIFY(users);
        QCOMPARE(users->column(QStringLiteral("balance"))->type, QStringLiteral("numeric(12,2)"));
        QCOMPARE(users->column(QStringLiteral("updated_at"))->type, QStringLiteral("timestamp(3) with time zone"));
        bool sawOpclass = false;
        for (const Index &index : users->indexes)
            sawOpclass = sawOpclass || !index.keys.value(0).opclass.isEmpty();
        QVERIFY(sawOpclass);
    }

    // Every snapshot of three long real histories: all are read; every file in the shape
    // drizzle-kit 0.28+ writes is written back as JSON.stringify would write it, which is
    // the file byte for byte unless someone reformatted the file; files of older shapes are
    // written in today's shape, which reads back to the same schema.
    void realHistories_data()
    {
        QTest::addColumn<QString>("folder");
        const QString root = historiesDir();
        if (!QFileInfo::exists(root))
            QSKIP(qPrintable(QStringLiteral("%1 is not there: the real drizzle histories live in shared/testdata, "
                                            "outside the repository").arg(root)));
        for (const QString &project : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::newRow(qPrintable(project)) << root + QLatin1Char('/') + project + QStringLiteral("/migrations/meta");
    }

    void realHistories()
    {
        QFETCH(QString, folder);
        const QStringList files = QDir(folder).entryList({QStringLiteral("*_snapshot.json")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() > 30);

        int read = 0;
        int newShape = 0;
        int exact = 0;
        int reformatted = 0;
        int trailingNewline = 0;
        int olderShape = 0;
        for (const QString &name : files) {
            const QString path = folder + QLatin1Char('/') + name;
            const QByteArray json = readFile(path);
            SnapshotError error;
            const std::optional<Snapshot> snapshot = SnapshotJson::read(json, path, &error);
            QVERIFY2(snapshot, qPrintable(describe(error)));
            ++read;
            const QByteArray written = SnapshotJson::write(snapshot->schema, snapshot->id, snapshot->prevIds.value(0),
                                                           snapshot->keyOrder);

            const QStringList keys = topLevelKeys(json);
            if (keys != generatedOrder && keys != validatedOrder) {
                // No roles/policies/views (before 0.28), or the order of `drizzle-kit up`.
                ++olderShape;
                const std::optional<Snapshot> again = SnapshotJson::read(written, path, &error);
                QVERIFY2(again, qPrintable(describe(error)));
                QVERIFY2(again->schema == snapshot->schema, qPrintable(path));
                continue;
            }
            ++newShape;
            QVERIFY2(written == SnapshotJson::restringify(json), qPrintable(path));
            if (written == json)
                ++exact;
            else if (written + '\n' == json)
                ++trailingNewline;
            else
                ++reformatted;
        }
        qInfo("%d snapshots read; %d in the 0.28+ shape, %d of them byte for byte, %d identical but for "
              "a trailing newline, %d reformatted by hand or a formatter; %d in older shapes",
              read, newShape, exact, trailingNewline, reformatted, olderShape);
        QCOMPARE(read, files.size());
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("jsonPath");
        QTest::addColumn<int>("line");
        QTest::addColumn<QByteArray>("columnAt");  // the error's column is where this starts on the line
        QTest::addColumn<QString>("message");

        QTest::newRow("empty") << QByteArray() << QString() << 1 << QByteArray() << "Not valid JSON";
        QTest::newRow("truncated") << baseDocument().left(baseDocument().indexOf("\"version\"")) << QString() << 4
                                   << QByteArray() << "unexpected end of input";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QString() << 1 << QByteArray("[") << "Expected an object";
        QTest::newRow("invalid UTF-8") << changed("\"users\",", "\"us\xff" "ers\",") << QString() << 8
                                       << QByteArray() << "Not valid JSON";
        QTest::newRow("no version") << changed("  \"version\": \"7\",\n", "") << "version" << 1 << QByteArray("{")
                                    << "\"version\" is missing";
        QTest::newRow("unknown version") << changed("\"version\": \"7\"", "\"version\": \"9\"") << "version" << 4
                                         << QByteArray("\"9\"") << "Unsupported snapshot version \"9\"";
        QTest::newRow("version as number") << changed("\"version\": \"7\"", "\"version\": 7") << "version" << 4
                                           << QByteArray("7") << "Expected a string, found a number";
        QTest::newRow("other dialect") << changed("\"postgresql\"", "\"mysql\"") << "dialect" << 5
                                       << QByteArray("\"mysql\"") << "PostgreSQL snapshots only";
        QTest::newRow("no prevId") << changed("  \"prevId\": \"b\",\n", "") << "prevId" << 1 << QByteArray("{")
                                   << "\"prevId\" is missing";
        QTest::newRow("notNull as string")
            << changed("\"notNull\": true", "\"notNull\": \"yes\"") << "tables[\"public.users\"].columns.id.notNull"
            << 15 << QByteArray("\"yes\"") << "Expected a boolean, found a string";
        QTest::newRow("no column type") << changed("          \"type\": \"integer\",\n", "")
                                        << "tables[\"public.users\"].columns.id.type" << 11 << QByteArray("{")
                                        << "\"type\" is missing";
        QTest::newRow("unknown column key")
            << changed("\"notNull\": true", "\"notNull\": true,\n          \"size\": 4")
            << "tables[\"public.users\"].columns.id.size" << 16 << QByteArray("\"size\"") << "Unknown key \"size\"";
        QTest::newRow("column key with a space")
            << changed("\"id\": {\n          \"name\": \"id\"", "\"user id\": {\n          \"name\": \"user id\"")
                   .replace("\"notNull\": true", "\"notNull\": null")
            << "tables[\"public.users\"].columns[\"user id\"].notNull" << 15 << QByteArray("null")
            << "found null";
        QTest::newRow("foreign key action")
            << changed("\"foreignKeys\": {}",
                       "\"foreignKeys\": {\"fk\": {\"name\": \"fk\", \"tableFrom\": \"users\", \"tableTo\": \"users\", "
                       "\"columnsFrom\": [\"id\"], \"columnsTo\": [\"id\"], \"onDelete\": \"explode\"}}")
            << "tables[\"public.users\"].foreignKeys.fk.onDelete" << 19 << QByteArray("\"explode\"")
            << "Unknown value \"explode\"";
        QTest::newRow("identity number")
            << changed("\"notNull\": true",
                       "\"notNull\": true,\n          \"identity\": {\"type\": \"always\", \"name\": \"s\", "
                       "\"schema\": \"public\", \"increment\": \"1.5\"}")
            << "tables[\"public.users\"].columns.id.identity.increment" << 16 << QByteArray("\"1.5\"")
            << "whole number";
        QTest::newRow("index key without asc")
            << changed("\"indexes\": {}",
                       "\"indexes\": {\"i\": {\"name\": \"i\", \"isUnique\": false, \"columns\": "
                       "[{\"expression\": \"id\", \"isExpression\": false}]}}")
            << "tables[\"public.users\"].indexes.i.columns[0].asc" << 18 << QByteArray("{\"expression\"")
            << "\"asc\" is missing";
        QTest::newRow("enum value")
            << changed("\"enums\": {}", "\"enums\": {\"public.role\": {\"name\": \"role\", \"schema\": \"public\", "
                                        "\"values\": [\"a\", 2]}}")
            << "enums[\"public.role\"].values[1]" << 27 << QByteArray("2]") << "Expected a string, found a number";
        QTest::newRow("enums as array") << changed("\"enums\": {}", "\"enums\": []") << "enums" << 27
                                        << QByteArray("[]") << "Expected an object, found an array";
        QTest::newRow("two primary keys")
            << changed("\"compositePrimaryKeys\": {}",
                       "\"compositePrimaryKeys\": {\"a\": {\"name\": \"a\", \"columns\": [\"id\"]}, "
                       "\"b\": {\"name\": \"b\", \"columns\": [\"id\"]}}")
            << "tables[\"public.users\"].compositePrimaryKeys.b" << 20 << QByteArray("{\"name\": \"b\"")
            << "second primary key";
        QTest::newRow("view without definition")
            << changed("\"views\": {}", "\"views\": {\"public.v\": {\"name\": \"v\", \"schema\": \"public\", "
                                        "\"columns\": {}, \"materialized\": false, \"isExisting\": false}}")
            << "views[\"public.v\"].definition" << 32 << QByteArray() << "needs its definition";
        QTest::newRow("too deep") << changed("\"notNull\": true", "\"notNull\": true, \"default\": "
                                                                  + QByteArray(300, '[') + QByteArray(300, ']'))
                                  << QString() << 15 << QByteArray() << "nested more than";
        QTest::newRow("version 8, unknown table")
            << QByteArray("{\"version\": \"8\", \"dialect\": \"postgres\", \"id\": \"x\", \"prevIds\": [],\n"
                          " \"ddl\": [{\"entityType\": \"columns\", \"schema\": \"public\", \"table\": \"nope\", "
                          "\"name\": \"c\", \"type\": \"text\", \"notNull\": false}]}")
            << "ddl[0].table" << 2 << QByteArray("\"nope\"") << "not in the snapshot";
        QTest::newRow("version 8, unknown entity")
            << QByteArray("{\"version\": \"8\", \"dialect\": \"postgres\", \"id\": \"x\", \"prevIds\": [],\n"
                          " \"ddl\": [{\"entityType\": \"widgets\", \"name\": \"w\"}]}")
            << "ddl[0].entityType" << 2 << QByteArray("\"widgets\"") << "Unknown entity type";
    }

    void badInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, jsonPath);
        QFETCH(int, line);
        QFETCH(QByteArray, columnAt);
        QFETCH(QString, message);

        SnapshotError error;
        const std::optional<Snapshot> snapshot = SnapshotJson::read(json, QStringLiteral("meta/0000_snapshot.json"), &error);
        QVERIFY(!snapshot);
        QCOMPARE(error.file, QStringLiteral("meta/0000_snapshot.json"));
        QCOMPARE(error.jsonPath, jsonPath);
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        QCOMPARE(error.line, line);
        if (!columnAt.isEmpty()) {
            const QByteArray lineText = json.split('\n').value(line - 1);
            QVERIFY(lineText.contains(columnAt));
            QCOMPARE(error.column, int(lineText.indexOf(columnAt)) + 1);
        }
        QVERIFY(error.toString().startsWith(QStringLiteral("meta/0000_snapshot.json:%1:").arg(line)));
    }

    // A real file cut anywhere is a syntax error inside what is left, never a crash: every
    // prefix of one file, and every 17th of two larger ones (the cost grows with the square).
    void truncatedPrefixes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("step");
        QTest::newRow("0.20 (version 5), every prefix") << "kit-0.20.18/meta/0001_snapshot.json" << 1;
        QTest::newRow("0.31") << "kit-0.31.11/meta/0001_snapshot.json" << 17;
        QTest::newRow("1.0 beta") << "kit-1.0.0-beta.24/20261125174140_second/snapshot.json" << 17;
    }

    void truncatedPrefixes()
    {
        QFETCH(QString, file);
        QFETCH(int, step);
        const QByteArray json = readFile(dataDir() + QLatin1Char('/') + file);
        QVERIFY(!json.isEmpty());
        const int lines = int(json.count('\n')) + 1;
        for (qsizetype size = 0; size < json.size(); size += step) {
            SnapshotError error;
            const QByteArray prefix = json.left(size);
            QVERIFY2(!SnapshotJson::read(prefix, file, &error), qPrintable(QString::number(size)));
            QVERIFY(!error.message.isEmpty());
            QVERIFY(error.line >= 1 && error.line <= lines);
        }
        QVERIFY(SnapshotJson::read(json, file, nullptr));
    }

    // Each value of a real file replaced by one of another type: an error that points at
    // exactly that line, or (where drizzle accepts any JSON, like defaults) a good read.
    void flippedTypes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("0.31") << "kit-0.31.11/meta/0000_snapshot.json";
        QTest::newRow("0.20 (version 5)") << "kit-0.20.18/meta/0000_snapshot.json";
        QTest::newRow("1.0 beta") << "kit-1.0.0-beta.24/20261125174138_first/snapshot.json";
    }

    void flippedTypes()
    {
        QFETCH(QString, file);
        const QByteArray json = readFile(dataDir() + QLatin1Char('/') + file);
        const QList<QByteArray> lines = json.split('\n');
        static const QRegularExpression member(QStringLiteral("^(\\s*(?:\"[^\"]*\": )?)(\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null|-?[0-9][0-9.eE+-]*|\\{\\}|\\[\\])(,?)$"));
        int flipped = 0;
        int rejected = 0;
        int pointedAtChange = 0;
        for (int i = 0; i < lines.size(); ++i) {
            const QString text = QString::fromUtf8(lines[i]);
            const QRegularExpressionMatch match = member.match(text);
            if (!match.hasMatch())
                continue;
            const QString value = match.captured(2);
            QString replacement;
            if (value.startsWith(QLatin1Char('"')))
                replacement = QStringLiteral("12");
            else if (value == QLatin1String("true") || value == QLatin1String("false"))
                replacement = QStringLiteral("\"true\"");
            else if (value == QLatin1String("null") || value == QLatin1String("{}"))
                replacement = QStringLiteral("[1]");
            else if (value == QLatin1String("[]"))
                replacement = QStringLiteral("{}");
            else
                replacement = QStringLiteral("\"7\"");
            QList<QByteArray> mutated = lines;
            mutated[i] = (match.captured(1) + replacement + match.captured(3)).toUtf8();
            const QByteArray document = mutated.join('\n');
            SnapshotError error;
            const std::optional<Snapshot> snapshot = SnapshotJson::read(document, file, &error);
            ++flipped;
            if (snapshot)
                continue;
            ++rejected;
            QVERIFY(!error.message.isEmpty());
            QVERIFY2(!error.jsonPath.isEmpty(), qPrintable(error.toString()));
            // A problem inside the changed value is reported on its line; one that the
            // change causes elsewhere (a type no longer a key, say) may point elsewhere.
            if (error.line == i + 1)
                ++pointedAtChange;
            else
                qInfo("line %d changed, error at %s", i + 1, qPrintable(error.toString()));
        }
        qInfo("%d values flipped, %d rejected, %d of them at the changed line", flipped, rejected, pointedAtChange);
        QVERIFY(flipped > 100);
        QVERIFY(rejected > flipped / 2);
        QCOMPARE(pointedAtChange, rejected);
    }

    void typeMapping_data()
    {
        QTest::addColumn<QString>("drizzle");
        QTest::addColumn<bool>("userDefined");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("dimensions");
        QTest::addColumn<QString>("writtenBack");

        const struct {
            const char *drizzle;
            bool userDefined;
            const char *model;
            int dimensions;
            const char *writtenBack;
        } rows[] = {
            {"text", false, "text", 0, "text"},
            {"integer", false, "integer", 0, "integer"},
            {"varchar", false, "character varying", 0, "varchar"},
            {"varchar(32)", false, "character varying(32)", 0, "varchar(32)"},
            {"char(3)", false, "character(3)", 0, "char(3)"},
            {"char", false, "character(1)", 0, "char(1)"},
            {"numeric", false, "numeric", 0, "numeric"},
            {"numeric(10)", false, "numeric(10)", 0, "numeric(10)"},
            {"numeric(12, 2)", false, "numeric(12,2)", 0, "numeric(12, 2)"},
            {"numeric(12,2)", false, "numeric(12,2)", 0, "numeric(12, 2)"},
            {"timestamp", false, "timestamp without time zone", 0, "timestamp"},
            {"timestamp (3)", false, "timestamp(3) without time zone", 0, "timestamp (3)"},
            {"timestamp(3)", false, "timestamp(3) without time zone", 0, "timestamp (3)"},
            {"timestamp with time zone", false, "timestamp with time zone", 0, "timestamp with time zone"},
            {"timestamp (6) with time zone", false, "timestamp(6) with time zone", 0, "timestamp (6) with time zone"},
            {"timestamp(3) with time zone", false, "timestamp(3) with time zone", 0, "timestamp (3) with time zone"},
            {"time", false, "time without time zone", 0, "time"},
            {"time(0)", false, "time(0) without time zone", 0, "time(0)"},
            {"time with time zone", false, "time with time zone", 0, "time with time zone"},
            {"interval hour to minute", false, "interval hour to minute", 0, "interval hour to minute"},
            {"double precision", false, "double precision", 0, "double precision"},
            {"serial", false, "integer", 0, "integer"},
            {"bigserial", false, "bigint", 0, "bigint"},
            {"text[]", false, "text", 1, "text[]"},
            {"integer[][]", false, "integer", 2, "integer[][]"},
            {"integer[3]", false, "integer", 1, "integer[]"},
            {"varchar(255)[]", false, "character varying(255)", 1, "varchar(255)[]"},
            {"vector(3)", false, "vector(3)", 0, "vector(3)"},
            {"role", true, "role", 0, "role"},
            {"role[]", true, "role", 1, "role[]"},
            {"varchar", true, "varchar", 0, "varchar"},  // an enum named varchar stays an enum
        };
        for (const auto &row : rows)
            QTest::newRow(row.drizzle + QByteArray(row.userDefined ? " (enum)" : ""))
                << QString::fromLatin1(row.drizzle) << row.userDefined << QString::fromLatin1(row.model)
                << row.dimensions << QString::fromLatin1(row.writtenBack);
    }

    void typeMapping()
    {
        QFETCH(QString, drizzle);
        QFETCH(bool, userDefined);
        QFETCH(QString, model);
        QFETCH(int, dimensions);
        QFETCH(QString, writtenBack);

        const SnapshotTypes::ModelType mapped = SnapshotTypes::toModel(drizzle, userDefined);
        QCOMPARE(mapped.type, model);
        QCOMPARE(mapped.arrayDimensions, dimensions);
        QCOMPARE(SnapshotTypes::toDrizzle(mapped.type, mapped.arrayDimensions, userDefined), writtenBack);
        // And the way back is stable: mapping the written text again changes nothing.
        const SnapshotTypes::ModelType again = SnapshotTypes::toModel(writtenBack, userDefined);
        QCOMPARE(again.type, model);
        QCOMPARE(again.arrayDimensions, dimensions);
    }

    void serialNames_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("expected");

        QTest::newRow("public") << "public" << "teams" << "id" << "nextval('teams_id_seq'::regclass)";
        QTest::newRow("other schema") << "other" << "audit" << "id" << "nextval('other.audit_id_seq'::regclass)";
        QTest::newRow("keyword schema") << "user" << "t" << "id" << "nextval('\"user\".t_id_seq'::regclass)";
        QTest::newRow("upper case") << "public" << "Users" << "id" << "nextval('\"Users_id_seq\"'::regclass)";
        QTest::newRow("quote in name") << "public" << "it's" << "id" << "nextval('\"it''s_id_seq\"'::regclass)";
        // 63 bytes at most: the longer name is shortened first (PostgreSQL's makeObjectName).
        QTest::newRow("long") << "public" << QString(60, QLatin1Char('t')) << "id"
                              << QStringLiteral("nextval('%1_id_seq'::regclass)").arg(QString(56, QLatin1Char('t')));
    }

    void serialNames()
    {
        QFETCH(QString, schema);
        QFETCH(QString, table);
        QFETCH(QString, column);
        QFETCH(QString, expected);
        QCOMPARE(SnapshotTypes::serialDefault(schema, table, column), expected);
    }

    void jsNumbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("negative zero") << -0.0 << "0";
        QTest::newRow("fraction") << -0.25 << "-0.25";
        QTest::newRow("2^53 - 1") << 9007199254740991.0 << "9007199254740991";
        QTest::newRow("1e21") << 1e21 << "1e+21";
        QTest::newRow("1e-7") << 1e-7 << "1e-7";
        QTest::newRow("0.000001") << 0.000001 << "0.000001";
        QTest::newRow("0.1 + 0.2") << 0.1 + 0.2 << "0.30000000000000004";
    }

    void jsNumbers()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(SnapshotTypes::jsNumber(value), text);
        QVERIFY(SnapshotTypes::isJsNumber(text) || value == 0);
    }

    // Which JSON type a default gets: what drizzle-kit writes for `.default(…)` of each kind.
    void defaultKinds_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("json");

        QTest::newRow("boolean") << "boolean" << "true" << QByteArray("true");
        QTest::newRow("integer") << "integer" << "0" << QByteArray("0");
        QTest::newRow("real") << "real" << "1.5" << QByteArray("1.5");
        QTest::newRow("bigint beyond 2^53") << "bigint" << "9223372036854775807" << QByteArray("\"9223372036854775807\"");
        QTest::newRow("numeric string") << "numeric(12,2)" << "'0.00'" << QByteArray("\"'0.00'\"");
        QTest::newRow("text that looks like a number") << "text" << "5" << QByteArray("\"5\"");
        QTest::newRow("function") << "timestamp without time zone" << "now()" << QByteArray("\"now()\"");
        QTest::newRow("string") << "text" << "'it''s'" << QByteArray("\"'it''s'\"");
    }

    void defaultKinds()
    {
        QFETCH(QString, type);
        QFETCH(QString, expression);
        QFETCH(QByteArray, json);

        Schema schema;
        Table table;
        table.schema = QStringLiteral("public");
        table.name = QStringLiteral("t");
        Column column;
        column.name = QStringLiteral("c");
        column.type = type;
        column.defaultExpression = expression;
        table.columns << column;
        schema.tables << table;
        const QByteArray written = SnapshotJson::write(schema, QStringLiteral("i"), QStringLiteral("p"));
        QVERIFY2(written.contains("\"default\": " + json + "\n"), written.constData());
        const std::optional<Snapshot> back = SnapshotJson::read(written, QString(), nullptr);
        QVERIFY(back);
        QCOMPARE(back->schema.tables[0].columns[0].defaultExpression, std::optional<QString>(expression));
    }

    // The spelling a file had is kept, but it is no part of a column's meaning.
    void spellingIsNotMeaning()
    {
        Column plain;
        plain.name = QStringLiteral("c");
        plain.type = QStringLiteral("timestamp(3) without time zone");
        Column spelled = plain;
        spelled.snapshotSpelling.type = QStringLiteral("timestamp(3)");
        QCOMPARE(spelled, plain);

        Schema schema;
        Table table;
        table.schema = QStringLiteral("public");
        table.name = QStringLiteral("t");
        table.columns << spelled;
        schema.tables << table;
        QVERIFY(SnapshotJson::write(schema, {}, {}).contains("\"type\": \"timestamp(3)\""));
        // A spelling that no longer fits the type is dropped.
        schema.tables[0].columns[0].type = QStringLiteral("timestamp(6) without time zone");
        QVERIFY(SnapshotJson::write(schema, {}, {}).contains("\"type\": \"timestamp (6)\""));
    }

    // The key order of every kind of object, as drizzle-kit 0.31's generate writes it.
    void keyOrder()
    {
        Schema schema;
        schema.schemas << QStringLiteral("other");
        Table table;
        table.schema = QStringLiteral("public");
        table.name = QStringLiteral("t");
        table.rlsEnabled = true;
        table.snapshotSpelling.rlsWithPolicies = true;  // .enableRLS() beside the policy
        Column id;
        id.name = QStringLiteral("id");
        id.type = QStringLiteral("integer");
        id.notNull = true;
        Identity identity;
        identity.kind = Identity::Kind::Always;
        identity.sequenceName = QStringLiteral("t_id_seq");
        identity.increment = 1;
        identity.start = 1;
        identity.minValue = 1;
        identity.maxValue = 2147483647;
        identity.cache = 1;
        id.identity = identity;
        Column state;
        state.name = QStringLiteral("state");
        state.type = QStringLiteral("mood");
        state.typeSchema = QStringLiteral("other");
        state.defaultExpression = QStringLiteral("'ok'");
        table.columns << id << state;
        table.primaryKey = PrimaryKey{QStringLiteral("t_pkey"), {QStringLiteral("id")}};
        Index index;
        index.name = QStringLiteral("t_lower");
        index.keys << IndexKey{QStringLiteral("lower(\"state\")"), true, false, IndexKey::Nulls::Default, {}, {}}
                   << IndexKey{QStringLiteral("id"), false, true, IndexKey::Nulls::Default, QStringLiteral("int4_ops"), {}};
        index.where = QStringLiteral("\"t\".\"id\" > 0");
        table.indexes << index;
        ForeignKey key;
        key.name = QStringLiteral("t_fk");
        key.columns = {QStringLiteral("id")};
        key.targetSchema = QStringLiteral("other");
        key.targetTable = QStringLiteral("u");
        key.targetColumns = {QStringLiteral("id")};
        key.onDelete = ForeignKeyAction::Cascade;
        table.foreignKeys << key;
        table.uniqueConstraints << UniqueConstraint{QStringLiteral("t_state_unique"), {QStringLiteral("state")}, true, false, false};
        Policy policy;
        policy.name = QStringLiteral("p");
        policy.command = QStringLiteral("SELECT");
        policy.roles = {QStringLiteral("b"), QStringLiteral("a")};
        policy.usingExpression = QStringLiteral("true");
        table.policies << policy;
        table.checks << CheckConstraint{QStringLiteral("c"), QStringLiteral("\"t\".\"id\" > 0"), false};
        schema.tables << table;
        schema.enums << Enum{QStringLiteral("other"), QStringLiteral("mood"), {QStringLiteral("ok")}, {}};
        Sequence sequence;
        sequence.schema = QStringLiteral("public");
        sequence.name = QStringLiteral("s");
        schema.sequences << sequence;
        schema.roles << Role{QStringLiteral("r"), false, false, true};

        const QByteArray expected = readFile(dataDir() + QStringLiteral("/checks/key-order.json"));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(SnapshotJson::write(schema, QStringLiteral("i"), SnapshotJson::originId()), expected);
    }

    // JavaScript objects list integer-like keys first, whatever order they were added in.
    void integerKeysFirst()
    {
        Schema schema;
        Table table;
        table.schema = QStringLiteral("public");
        table.name = QStringLiteral("t");
        for (const char *name : {"b", "10", "a", "2"}) {
            Column column;
            column.name = QString::fromLatin1(name);
            column.type = QStringLiteral("text");
            table.columns << column;
        }
        schema.tables << table;
        const QByteArray written = SnapshotJson::write(schema, {}, {});
        const qsizetype two = written.indexOf("\"2\": {");
        const qsizetype ten = written.indexOf("\"10\": {");
        const qsizetype b = written.indexOf("\"b\": {");
        const qsizetype a = written.indexOf("\"a\": {");
        QVERIFY(two > 0 && two < ten && ten < b && b < a);
    }

    void newIds()
    {
        static const QRegularExpression v4(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        const QString first = SnapshotJson::newId();
        QVERIFY2(v4.match(first).hasMatch(), qPrintable(first));
        QVERIFY(SnapshotJson::newId() != first);
    }
};

STRATA_TEST(SnapshotJsonTest)

#include "SnapshotJsonTest.moc"
