// The sidebar's catalog model against a real server, hostile names included.
#include "TestCluster.h"
#include "TestRegistry.h"

#include "data/CatalogModel.h"
#include "pg/Connection.h"

#include <QSignalSpy>
#include <QTest>

using namespace strata;

class CatalogModelTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;
    std::unique_ptr<Connection> m_connection;

    void run(const QString &sql)
    {
        QSignalSpy finished(m_connection.get(), &Connection::finished);
        QSignalSpy failed(m_connection.get(), &Connection::failed);
        m_connection->submit(sql);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).value<PgError>().toString()));
    }

    static QString longUnicodeName()
    {
        // 21 three-byte characters: exactly 63 bytes, PostgreSQL's NAMEDATALEN - 1.
        return QString(21, QChar(0x8868));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        m_connection = std::make_unique<Connection>(m_cluster.spec(QStringLiteral("postgres")));
        QSignalSpy opened(m_connection.get(), &Connection::opened);
        m_connection->open();
        QVERIFY(opened.wait(10000));
        run(QStringLiteral(
            "CREATE SCHEMA app;"
            "CREATE TYPE app.mood AS ENUM ('ok', 'fine');"
            "CREATE TABLE app.users (id int PRIMARY KEY, name text);"
            "INSERT INTO app.users SELECT g, 'u' || g FROM generate_series(1, 1500) g;"
            "ANALYZE app.users;"
            "CREATE TABLE app.never_analysed (id int);"
            "CREATE VIEW app.user_names AS SELECT name FROM app.users;"
            "CREATE MATERIALIZED VIEW app.user_count AS SELECT count(*) FROM app.users;"
            "CREATE SEQUENCE app.counter;"
            "CREATE TABLE app.events (at date) PARTITION BY RANGE (at);"
            "CREATE TABLE public.\"we\"\"ird\" (\"i\"\"d\" int);"
            "CREATE TABLE public.\"'; drop table x; --\" (id int);"
            "CREATE TABLE public.\"%1\" (id int);").arg(longUnicodeName()));
    }

    void listsEveryKindWithEstimates()
    {
        CatalogModel model;
        QSignalSpy loaded(&model, &CatalogModel::loaded);
        model.load(m_connection.get());
        QVERIFY(loaded.wait(10000));

        const QModelIndex users = model.find(QStringLiteral("app"), QStringLiteral("users"));
        QVERIFY(users.isValid());
        QCOMPARE(users.data(CatalogModel::KindRole).value<CatalogModel::Kind>(), CatalogModel::Kind::Table);
        QCOMPARE(users.siblingAtColumn(CatalogModel::RowsColumn).data().toString(), QStringLiteral("~1.5K"));
        QCOMPARE(users.data(CatalogModel::QualifiedNameRole).toString(), QStringLiteral("\"app\".\"users\""));
        QCOMPARE(users.parent().data().toString(), QStringLiteral("Tables (3)"));

        const QModelIndex never = model.find(QStringLiteral("app"), QStringLiteral("never_analysed"));
        QCOMPARE(never.siblingAtColumn(CatalogModel::RowsColumn).data().toString(), QStringLiteral("unknown"));

        auto kindOf = [&](const char *name) {
            return model.find(QStringLiteral("app"), QLatin1String(name))
                .data(CatalogModel::KindRole).value<CatalogModel::Kind>();
        };
        QCOMPARE(kindOf("user_names"), CatalogModel::Kind::View);
        QCOMPARE(kindOf("user_count"), CatalogModel::Kind::MaterializedView);
        QCOMPARE(kindOf("mood"), CatalogModel::Kind::Enum);
        QCOMPARE(kindOf("counter"), CatalogModel::Kind::Sequence);
        QCOMPARE(kindOf("events"), CatalogModel::Kind::PartitionedTable);

        // Groups come in a fixed order under each schema.
        const QModelIndex app = model.find(QStringLiteral("app"), {});
        QStringList groups;
        for (int row = 0; row < model.rowCount(app); ++row)
            groups << model.index(row, 0, app).data().toString().section(QLatin1Char(' '), 0, 0);
        QCOMPARE(groups, (QStringList{"Tables", "Views", "Materialized", "Enums", "Sequences"}));
        // System schemas stay out.
        QVERIFY(!model.find(QStringLiteral("pg_catalog"), {}).isValid());
        QVERIFY(!model.find(QStringLiteral("information_schema"), {}).isValid());
    }

    void hostileNamesAreListedExactly_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("qualified");
        QTest::newRow("double quote") << QStringLiteral("we\"ird") << QStringLiteral("\"public\".\"we\"\"ird\"");
        QTest::newRow("sql injection") << QStringLiteral("'; drop table x; --")
                                       << QStringLiteral("\"public\".\"'; drop table x; --\"");
        QTest::newRow("63-byte unicode") << longUnicodeName()
                                         << QStringLiteral("\"public\".\"%1\"").arg(longUnicodeName());
    }

    void hostileNamesAreListedExactly()
    {
        QFETCH(QString, name);
        QFETCH(QString, qualified);
        CatalogModel model;
        QSignalSpy loaded(&model, &CatalogModel::loaded);
        model.load(m_connection.get());
        QVERIFY(loaded.wait(10000));
        const QModelIndex index = model.find(QStringLiteral("public"), name);
        QVERIFY(index.isValid());
        QCOMPARE(index.data().toString(), name);
        QCOMPARE(index.data(CatalogModel::NameRole).toString(), name);
        QCOMPARE(index.data(CatalogModel::QualifiedNameRole).toString(), qualified);
        QCOMPARE(name.toUtf8().size() <= 63, true);
    }

    void formatsEstimates_data()
    {
        QTest::addColumn<double>("rows");
        QTest::addColumn<QString>("text");
        QTest::newRow("never analysed") << -1.0 << "unknown";
        QTest::newRow("empty") << 0.0 << "~0";
        QTest::newRow("hundreds") << 950.0 << "~950";
        QTest::newRow("thousands") << 1234.0 << "~1.2K";
        QTest::newRow("rounds up to the next unit") << 999999.0 << "~1.0M";
        QTest::newRow("millions") << 1.2e6 << "~1.2M";
        QTest::newRow("ten million") << 1.0e7 << "~10.0M";
        QTest::newRow("billions") << 3.4e9 << "~3.4G";
    }

    void formatsEstimates()
    {
        QFETCH(double, rows);
        QFETCH(QString, text);
        QCOMPARE(CatalogModel::formatEstimate(rows), text);
    }
};

STRATA_TEST(CatalogModelTest)
#include "CatalogModelTest.moc"
