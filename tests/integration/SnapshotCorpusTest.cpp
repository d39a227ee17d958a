// `strata snapshot`'s path (introspect, then write a version-7 snapshot) against drizzle-kit's
// own PostgreSQL test cases (../shared/testdata/drizzle-kit-cases): for each case, a database
// built from the SQL drizzle-kit writes for the schema (to.full.sql) must give the snapshot
// drizzle-kit wrote for that schema (to.json), apart from id/prevId and the differences listed
// in documentedDifference() (also in the README). Every difference of every case is reported.
#include "TestCluster.h"
#include "TestRegistry.h"

#include "pg/Connection.h"
#include "schema/Introspector.h"
#include "schema/SnapshotJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace strata;

namespace {

QString casesDir()
{
    const QString besideSource = QDir::cleanPath(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../shared/testdata/drizzle-kit-cases/cases"));
    if (QFileInfo::exists(besideSource))
        return besideSource;
    return QStringLiteral("/work/shared/testdata/drizzle-kit-cases/cases");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString show(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("(absent)");
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

// Why a difference at `path` (JSON keys from the root) is expected, or an empty string.
QString documentedDifference(const QStringList &path, const QJsonValue &drizzle, const QJsonValue &strata,
                             const QJsonObject &drizzleRoot)
{
    const QString last = path.isEmpty() ? QString() : path.last();
    // Expressions: drizzle keeps the text of schema.ts, PostgreSQL prints its own
    // ("users"."age" > 21 against (age > 21)); both sides have one.
    const bool bothText = drizzle.isString() && strata.isString();
    if (bothText && (last == QLatin1String("value") && path.contains(QLatin1String("checkConstraints"))))
        return QStringLiteral("check text as the server prints it");
    if (bothText && path.contains(QLatin1String("indexes")) && (last == QLatin1String("expression") || last == QLatin1String("where")))
        return QStringLiteral("index expression as the server prints it");
    if (bothText && path.contains(QLatin1String("generated")) && last == QLatin1String("as"))
        return QStringLiteral("generated expression as the server prints it");
    if (bothText && path.contains(QLatin1String("policies")) && (last == QLatin1String("using") || last == QLatin1String("withCheck")))
        return QStringLiteral("policy expression as the server prints it");
    if (path.size() >= 3 && path.first() == QLatin1String("views")
        && (path.at(2) == QLatin1String("definition") || path.at(2) == QLatin1String("columns")))
        return QStringLiteral("a view's query and columns as the server has them");
    // A view drizzle only knows of (.existing()) is not in the database drizzle built.
    if (path.size() == 2 && path.first() == QLatin1String("views") && strata.isUndefined()
        && drizzle.toObject().value(QLatin1String("isExisting")).toBool())
        return QStringLiteral(".existing() view");
    // Roles belong to the cluster, not to a database's schema.
    if (!path.isEmpty() && path.first() == QLatin1String("roles"))
        return QStringLiteral("roles are not part of a database snapshot");
    // Schemas the case's setup created without a pgSchema() in the schema.ts.
    if (path.size() == 2 && path.first() == QLatin1String("schemas") && drizzle.isUndefined())
        return QStringLiteral("schema created outside drizzle");
    // PostgreSQL keeps no array sizes: varchar[3] is varchar[].
    static const QRegularExpression arraySize(QStringLiteral("\\[\\d+\\]"));
    if (last == QLatin1String("type") && bothText
        && drizzle.toString().replace(arraySize, QStringLiteral("[]")) == strata.toString())
        return QStringLiteral("array size");
    // TO current_user / current_role is stored as the role that ran CREATE POLICY, which
    // shifts the list.
    if (path.size() >= 2 && path.at(path.size() - 2) == QLatin1String("to"))
        return QStringLiteral("current_user resolved by the server");
    // What a live database cannot tell; the README lists these, and `strata snapshot --like`
    // takes them from an earlier snapshot.
    if (last == QLatin1String("notNull") && drizzle.toBool() && !strata.toBool() && path.size() == 5) {
        const QJsonObject keys = drizzleRoot.value(QLatin1String("tables")).toObject().value(path.at(1)).toObject()
                                     .value(QLatin1String("compositePrimaryKeys")).toObject();
        for (const QJsonValue &key : keys) {
            if (key.toObject().value(QLatin1String("columns")).toArray().contains(QJsonValue(path.at(3))))
                return QStringLiteral(".notNull() on a composite key's column is the key's own NOT NULL");
        }
    }
    if (last == QLatin1String("isRLSEnabled") && drizzle.toBool() && !strata.toBool())
        return QStringLiteral(".enableRLS() beside policies");
    if (last == QLatin1String("using") && drizzle.toString() == QLatin1String("heap") && strata.isUndefined())
        return QStringLiteral("USING heap is the default access method");
    if (last == QLatin1String("type") && bothText && drizzle.toString().remove(QLatin1Char(' ')) == strata.toString().remove(QLatin1Char(' ')))
        return QStringLiteral("drizzle's two spellings of a timestamp precision");
    // A JavaScript Date default: drizzle writes toISOString(), PostgreSQL its own format.
    static const QRegularExpression jsDate(QStringLiteral("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z?"));
    if (last == QLatin1String("default") && bothText && jsDate.match(drizzle.toString()).hasMatch())
        return QStringLiteral("a JavaScript Date as PostgreSQL prints it");
    return {};
}

void compare(const QJsonValue &drizzle, const QJsonValue &strata, QStringList &path, QStringList &out,
             const QJsonObject &drizzleRoot)
{
    if (drizzle.isObject() && strata.isObject()) {
        const QJsonObject a = drizzle.toObject();
        const QJsonObject b = strata.toObject();
        QStringList keys = a.keys() + b.keys();
        keys.removeDuplicates();
        for (const QString &key : std::as_const(keys)) {
            path << key;
            compare(a.value(key), b.value(key), path, out, drizzleRoot);
            path.removeLast();
        }
        return;
    }
    if (drizzle.isArray() && strata.isArray() && drizzle.toArray().size() == strata.toArray().size()) {
        for (qsizetype i = 0; i < drizzle.toArray().size(); ++i) {
            path << QString::number(i);
            compare(drizzle.toArray().at(i), strata.toArray().at(i), path, out, drizzleRoot);
            path.removeLast();
        }
        return;
    }
    if (drizzle == strata || !documentedDifference(path, drizzle, strata, drizzleRoot).isEmpty())
        return;
    out << QStringLiteral("  %1: drizzle %2, strata %3").arg(path.join(QLatin1Char('.')), show(drizzle), show(strata));
}

} // namespace

class SnapshotCorpusTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;
    std::unique_ptr<Connection> m_connection;

    // Empties the database between cases (faster than a database per case): every schema
    // with what is in it, access methods, then the roles a case created (they belong to the cluster).
    static QString resetSql()
    {
        return QStringLiteral(
            "DO $$ DECLARE name text; BEGIN "
            "FOR name IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
            "AND nspname <> 'information_schema' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', name); END LOOP; "
            "FOR name IN SELECT amname FROM pg_am WHERE oid >= 16384 LOOP "
            "EXECUTE format('DROP ACCESS METHOD %I CASCADE', name); END LOOP; "
            "FOR name IN SELECT rolname FROM pg_roles WHERE oid >= 16384 LOOP "
            "EXECUTE format('DROP ROLE %I', name); END LOOP; END $$;\n"
            "CREATE SCHEMA public;\n");
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(casesDir()))
            QSKIP(qPrintable(QStringLiteral("%1 is not there: drizzle-kit's cases live in shared/testdata, "
                                            "beside the repository").arg(casesDir())));
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("cases"), &error), qPrintable(error));
        m_connection = std::make_unique<Connection>(m_cluster.spec(QStringLiteral("cases")));
    }

    void cleanupTestCase() { m_connection.reset(); }

    void snapshotsOfLiveDatabasesMatchDrizzle()
    {
        const QStringList cases = QDir(casesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(cases.size() > 300);
        QStringList failures;
        int compared = 0;
        for (const QString &name : cases) {
            const QString dir = casesDir() + QLatin1Char('/') + name;
            const QJsonObject info = QJsonDocument::fromJson(readFile(dir + QStringLiteral("/case.json"))).object();
            // drizzle's own SQL does not apply here: there is no database to compare.
            if (info.value(QLatin1String("validation")).toObject().contains(QLatin1String("to_ddl_error")))
                continue;
            const QString sql = resetSql() + QString::fromUtf8(readFile(dir + QStringLiteral("/setup.sql")))
                                + QLatin1Char('\n') + QString::fromUtf8(readFile(dir + QStringLiteral("/to.full.sql")));
            QString error;
            QVERIFY2(m_cluster.runSql(sql, nullptr, &error, QStringLiteral("cases")),
                     qPrintable(name + QStringLiteral(": ") + error));

            PgError pgError;
            const auto schema = Introspector::introspectAndWait(*m_connection, {}, &pgError);
            QVERIFY2(schema, qPrintable(name + QStringLiteral(": ") + pgError.toString()));
            QJsonObject ours = QJsonDocument::fromJson(SnapshotJson::write(*schema, SnapshotJson::newId(),
                                                                          SnapshotJson::originId())).object();
            QJsonObject theirs = QJsonDocument::fromJson(readFile(dir + QStringLiteral("/to.json"))).object();
            QVERIFY2(!theirs.isEmpty(), qPrintable(name));
            for (QJsonObject *side : {&ours, &theirs}) {
                side->remove(QLatin1String("id"));
                side->remove(QLatin1String("prevId"));
            }
            QStringList path;
            QStringList differences;
            compare(theirs, ours, path, differences, theirs);
            if (!differences.isEmpty())
                failures << name + QLatin1Char(':') << differences;
            ++compared;
        }
        qInfo("%d cases compared", compared);
        // QTest cuts long messages short: the whole list goes to the log.
        for (const QString &line : std::as_const(failures))
            qInfo("%s", qPrintable(line));
        QVERIFY2(failures.isEmpty(), "snapshots differ from drizzle-kit's: the cases and paths are listed above");
        QVERIFY(compared > 250);
    }
};

STRATA_TEST(SnapshotCorpusTest)
#include "SnapshotCorpusTest.moc"
