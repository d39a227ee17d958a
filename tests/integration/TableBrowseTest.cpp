// The table browser against a real server: keyset pages in every sort order (NULLs included)
// give exactly the rows a plain ORDER BY … OFFSET gives at the same positions, forward and
// backward; far jumps land near and page on contiguously; filters, hostile names, staged
// edits with a conflict from a second session, read-only relations and errors.
#include "TestCluster.h"
#include "TestRegistry.h"

#include "data/KeysetQuery.h"
#include "data/RowWindow.h"
#include "data/TableBrowser.h"
#include "data/TableModel.h"
#include "pg/BlockingQuery.h"
#include "pg/Connection.h"
#include "schema/Introspector.h"

#include <QSignalSpy>
#include <QTest>

using namespace strata;

namespace {

constexpr int bigRows = 1000000;

QStringList column(const QueryResult &result, int column)
{
    QStringList values;
    for (int r = 0; r < result.rowCount(); ++r)
        values << result.value(r, column);
    return values;
}

} // namespace

class TableBrowseTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;
    std::unique_ptr<Connection> m_db;

    QueryResult run(const QString &sql, const QStringList &params = {})
    {
        PgError error;
        const std::optional<QueryResult> result = BlockingQuery::run(*m_db, Query{sql, params}, &error);
        if (!result)
            qFatal("%s: %s", qPrintable(sql), qPrintable(error.toString()));
        return *result;
    }
    QStringList ids(const Query &query, int idColumn)
    {
        PgError error;
        const std::optional<QueryResult> result = BlockingQuery::run(*m_db, query, &error);
        if (!result) {
            qWarning("%s: %s", qPrintable(query.sql), qPrintable(error.toString()));
            return {QStringLiteral("error")};
        }
        return column(*result, idColumn);
    }
    QStringList offsetIds(const QString &orderBy, qint64 offset, int limit, const QString &table = QStringLiteral("big"))
    {
        return column(run(QStringLiteral("SELECT id FROM %1 ORDER BY %2 OFFSET %3 LIMIT %4")
                              .arg(table, orderBy).arg(offset).arg(limit)), 0);
    }

    std::unique_ptr<TableBrowser> browse(const QString &schema, const QString &table)
    {
        auto browser = std::make_unique<TableBrowser>(m_cluster.spec(QStringLiteral("browse")), QString(), schema, table);
        QSignalSpy opened(browser.get(), &TableBrowser::opened);
        browser->open();
        if (!opened.wait(30000))
            qWarning("browser did not open");
        return browser;
    }
    // Shows rows [first, last] and waits until all of them are loaded.
    static bool show(TableBrowser &browser, qint64 first, qint64 last)
    {
        RowWindow *window = browser.window();
        window->setViewport(first, last);
        return QTest::qWaitFor([&] {
            for (qint64 r = first; r <= last; ++r) {
                if (!window->row(r))
                    return false;
            }
            return !window->isLoading();
        }, 30000);
    }
    static QStringList shownIds(TableBrowser &browser, qint64 first, int count)
    {
        QStringList values;
        for (qint64 r = first; r < first + count; ++r) {
            const Row *row = browser.window()->row(r);
            values << (row ? row->values.value(0) : QStringLiteral("not loaded"));
        }
        return values;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("browse"), &error), qPrintable(error));
        m_db = std::make_unique<Connection>(m_cluster.spec(QStringLiteral("browse")));
        // NULLs in v for about 700 rows, so that two pages from either end cross into them;
        // v repeats, so the key decides between equal values across page boundaries.
        run(QStringLiteral(
            "CREATE TABLE big (id bigint PRIMARY KEY, v integer, name text NOT NULL);"
            "INSERT INTO big SELECT g, CASE WHEN g % 1429 = 0 THEN NULL ELSE (g * 7919) % 1000 END,"
            " 'n' || (g * 31 % 100003) FROM generate_series(1::bigint, %1) g;"
            "CREATE INDEX big_v ON big (v, id);"
            "ANALYZE big;").arg(bigRows));
    }

    void keysetMatchesOffset_data()
    {
        QTest::addColumn<QList<OrderTerm>>("order");
        QTest::addColumn<QString>("orderBy");
        const auto id = OrderTerm::ascending(QStringLiteral("id"), true);
        const auto v = [](bool desc, bool nullsFirst) { return OrderTerm{QStringLiteral("v"), desc, nullsFirst, false}; };
        QTest::newRow("key ascending") << QList<OrderTerm>{id} << "id";
        QTest::newRow("key descending") << QList<OrderTerm>{OrderTerm::descendingTerm(QStringLiteral("id"), true)} << "id DESC";
        QTest::newRow("v asc nulls last") << QList<OrderTerm>{v(false, false), id} << "v ASC NULLS LAST, id";
        QTest::newRow("v asc nulls first") << QList<OrderTerm>{v(false, true), id} << "v ASC NULLS FIRST, id";
        QTest::newRow("v desc nulls first") << QList<OrderTerm>{v(true, true), id} << "v DESC NULLS FIRST, id";
        QTest::newRow("v desc nulls last") << QList<OrderTerm>{v(true, false), id} << "v DESC NULLS LAST, id";
        QTest::newRow("name asc, v desc") << QList<OrderTerm>{OrderTerm::ascending(QStringLiteral("name"), true), v(true, true), id}
                                          << "name, v DESC NULLS FIRST, id";
    }
    void keysetMatchesOffset()
    {
        QFETCH(QList<OrderTerm>, order);
        QFETCH(QString, orderBy);
        const KeysetQuery keyset(QStringLiteral("big"), QStringLiteral("id"), order);
        const int idColumn = keyset.metaColumns();
        const int page = 500;
        const int pages = 3;
        auto anchorOf = [&](const Query &query, int row) {
            const QueryResult result = run(query.sql, query.params);
            QStringList anchor;
            for (int c = 1; c < keyset.metaColumns(); ++c)
                anchor << result.value(row, c);
            return anchor;
        };
        // Forward from the first row.
        Query query = keyset.first(page);
        for (int p = 0; p < pages; ++p) {
            QCOMPARE(ids(query, idColumn), offsetIds(orderBy, qint64(p) * page, page));
            query = keyset.after(anchorOf(query, page - 1), page);
        }
        // Backward from the last row (before() and last() come nearest first).
        query = keyset.last(page);
        for (int p = 1; p <= pages; ++p) {
            QStringList got = ids(query, idColumn);
            std::reverse(got.begin(), got.end());
            QCOMPARE(got, offsetIds(orderBy, bigRows - qint64(p) * page, page));
            query = keyset.before(anchorOf(query, page - 1), page);
        }
    }

    void windowPagesMatchOffset_data()
    {
        QTest::addColumn<QList<SortColumn>>("sort");
        QTest::addColumn<QString>("orderBy");
        QTest::newRow("primary key") << QList<SortColumn>{} << "id";
        QTest::newRow("v ascending") << QList<SortColumn>{{QStringLiteral("v"), false}} << "v ASC NULLS LAST, id";
        QTest::newRow("v descending") << QList<SortColumn>{{QStringLiteral("v"), true}} << "v DESC NULLS FIRST, id";
        QTest::newRow("name, then id descending") << QList<SortColumn>{{QStringLiteral("name"), false}, {QStringLiteral("id"), true}}
                                                  << "name, id DESC";
    }
    void windowPagesMatchOffset()
    {
        QFETCH(QList<SortColumn>, sort);
        QFETCH(QString, orderBy);
        auto browser = browse(QStringLiteral("public"), QStringLiteral("big"));
        QVERIFY(browser->isOpen());
        browser->setSort(sort);
        // Scrolling down a screen at a time reads each page by key from the one before.
        for (qint64 first = 0; first < 1600; first += 40) {
            QVERIFY(show(*browser, first, first + 39));
        }
        QVERIFY(browser->window()->isPositionExact());
        for (qint64 first : {0, 480, 500, 999, 1540})
            QCOMPARE(shownIds(*browser, first, 60), offsetIds(orderBy, first, 60));

        // With the exact count, the end is exact too; scrolling up pages backward by key.
        QSignalSpy counted(browser.get(), &TableBrowser::counted);
        browser->countRows();
        QVERIFY(counted.wait(30000));
        QCOMPARE(counted.first().first().toLongLong(), bigRows);
        for (qint64 first = bigRows - 40; first > bigRows - 1600; first -= 40)
            QVERIFY(show(*browser, first, first + 39));
        QVERIFY(browser->window()->isPositionExact());
        for (qint64 first : {bigRows - 60, bigRows - 530, bigRows - 1100, bigRows - 1560})
            QCOMPARE(shownIds(*browser, first, 60), offsetIds(orderBy, first, 60));
        QVERIFY(browser->window()->loadedPages() <= browser->window()->maxPages());
    }

    void jumpLandsNearAndPagesOn_data()
    {
        QTest::addColumn<QList<SortColumn>>("sort");
        QTest::addColumn<QString>("orderBy");
        QTest::addColumn<QString>("before");  // rows before the one with $1 = v, $2 = id
        QTest::newRow("primary key") << QList<SortColumn>{} << "id" << "id < $2::bigint AND ($1::int IS NULL OR true)";
        QTest::newRow("v ascending") << QList<SortColumn>{{QStringLiteral("v"), false}} << "v ASC NULLS LAST, id"
                                     << "v < $1::int OR (v = $1::int AND id < $2::bigint)";
        QTest::newRow("v descending") << QList<SortColumn>{{QStringLiteral("v"), true}} << "v DESC NULLS FIRST, id"
                                      << "v IS NULL OR v > $1::int OR (v = $1::int AND id < $2::bigint)";
    }
    void jumpLandsNearAndPagesOn()
    {
        QFETCH(QList<SortColumn>, sort);
        QFETCH(QString, orderBy);
        QFETCH(QString, before);
        auto browser = browse(QStringLiteral("public"), QStringLiteral("big"));
        browser->setSort(sort);
        QVERIFY(show(*browser, 0, 39));
        // The scroll bar dragged to the middle: statistics say where to land.
        const qint64 target = bigRows / 2;
        QVERIFY(show(*browser, target, target + 39));
        const Row *landed = browser->window()->row(target);
        QVERIFY(landed);
        const QueryResult position = run(QStringLiteral("SELECT count(*) FROM big WHERE ") + before,
                                         {landed->values.value(1), landed->values.value(0)});
        const qint64 truePosition = position.value(0, 0).toLongLong();
        QVERIFY2(qAbs(truePosition - target) < bigRows / 20,
                 qPrintable(QStringLiteral("landed at %1 for %2").arg(truePosition).arg(target)));
        // Pages on from there, both ways, are the rows that really follow.
        QVERIFY(show(*browser, target + 700, target + 739));
        QVERIFY(show(*browser, target - 600, target - 561));
        const qint64 shift = truePosition - target;
        for (qint64 first : {target - 600, target - 10, target + 480, target + 700})
            QCOMPARE(shownIds(*browser, first, 40), offsetIds(orderBy, first + shift, 40));
        // Ctrl+End: the last rows, without reading the rest.
        const qint64 end = browser->window()->rowCount() - 1;
        QVERIFY(show(*browser, end - 39, end));
        QCOMPARE(browser->window()->row(end)->values.value(0), offsetIds(orderBy, bigRows - 1, 1).value(0));
    }

    void tableWithoutKeyPagesByCtid()
    {
        run(QStringLiteral("CREATE TABLE nokey (a integer, b text);"
                           "INSERT INTO nokey SELECT g % 1000, 'b' || g FROM generate_series(1, 200000) g;"
                           "ANALYZE nokey;"));
        auto browser = browse(QStringLiteral("public"), QStringLiteral("nokey"));
        QVERIFY(!browser->readOnlyReason().isEmpty());  // no key: read-only, and it says why
        QVERIFY(show(*browser, 100000, 100039));
        const Row *row = browser->window()->row(100000);
        QVERIFY(row);
        // Physical order: the landed rows follow one another by ctid.
        const QueryResult next = run(QStringLiteral("SELECT b FROM nokey WHERE ctid >= (SELECT ctid FROM nokey WHERE b = $1) "
                                                    "ORDER BY ctid LIMIT 40"), {row->values.value(1)});
        QStringList shown;
        for (qint64 r = 100000; r < 100040; ++r)
            shown << browser->window()->row(r)->values.value(1);
        QCOMPARE(shown, column(next, 0));
    }

    void filtersAndHostileNames()
    {
        run(QStringLiteral(R"SQL(
            CREATE SCHEMA "sch ""ema";
            CREATE TABLE "sch ""ema"."we""ird tab" ("i d" integer PRIMARY KEY, "co""l" text, "$1" text, "--x" integer);
            INSERT INTO "sch ""ema"."we""ird tab" SELECT g, CASE WHEN g % 3 = 0 THEN 'O''Hara' ELSE 'Ünïcødé ' || g END,
                   '$1', g FROM generate_series(1, 3000) g;)SQL"));
        auto browser = browse(QStringLiteral("sch \"ema"), QStringLiteral("we\"ird tab"));
        QVERIFY(browser->isOpen());
        QCOMPARE(browser->relation().columns.size(), 4);
        QVERIFY(show(*browser, 0, 39));
        QCOMPARE(browser->window()->row(0)->values.value(0), QStringLiteral("1"));

        QCOMPARE(browser->setFilter({RowFilter{QStringLiteral("co\"l"), RowFilter::Op::Equals, {QStringLiteral("O'Hara")}}}),
                 QString());
        QSignalSpy counted(browser.get(), &TableBrowser::counted);
        browser->countRows();
        QVERIFY(counted.wait(30000));
        QCOMPARE(browser->window()->rowCount(), 1000);
        QVERIFY(show(*browser, 0, 0));
        QCOMPARE(browser->window()->row(0)->values.value(0), QStringLiteral("3"));

        QCOMPARE(browser->setFilter({RowFilter{QStringLiteral("--x"), RowFilter::Op::Greater, {QStringLiteral("2990")}}},
                                    QStringLiteral("\"$1\" = '$1'")),
                 QString());
        QVERIFY(QTest::qWaitFor([&] { return browser->window()->isCountExact(); }, 30000));
        QCOMPARE(browser->window()->rowCount(), 10);

        // A raw clause that tries to end the statement is refused before anything is sent.
        const QString refused = browser->setFilter({}, QStringLiteral("true; DROP TABLE big"));
        QVERIFY(!refused.isEmpty());
        QCOMPARE(browser->rawWhere(), QStringLiteral("\"$1\" = '$1'"));
        QCOMPARE(run(QStringLiteral("SELECT count(*) FROM big")).value(0, 0), QString::number(bigRows));
    }

    void stagedEditsConflictWithAnotherSession()
    {
        run(QStringLiteral("CREATE TABLE people (id integer PRIMARY KEY, name text, note text);"
                           "INSERT INTO people VALUES (1, 'Ada', NULL), (2, 'Grace', ''), (3, 'Linus', 'x');"));
        auto browser = browse(QStringLiteral("public"), QStringLiteral("people"));
        QVERIFY(browser->readOnlyReason().isEmpty());
        QVERIFY(show(*browser, 0, 2));
        TableModel *model = browser->model();
        QVERIFY(model->setData(model->index(0, 1), QStringLiteral("Ada Lovelace")));
        QCOMPARE(model->data(model->index(0, 1), TableModel::CellStateRole).value<TableModel::CellState>(),
                 TableModel::CellState::Changed);
        // Someone else changes the same row meanwhile.
        run(QStringLiteral("UPDATE people SET note = 'changed elsewhere' WHERE id = 1"));
        QSignalSpy conflicted(browser.get(), &TableBrowser::applyConflicted);
        browser->applyEdits();
        QVERIFY(conflicted.wait(30000));
        QCOMPARE(run(QStringLiteral("SELECT name, note FROM people WHERE id = 1")).value(0, 0), QStringLiteral("Ada"));
        QCOMPARE(model->data(model->index(0, 1), TableModel::CellStateRole).value<TableModel::CellState>(),
                 TableModel::CellState::Conflict);
        QVERIFY(!model->edits().isEmpty());  // nothing lost: the user decides

        // After a refresh the row is current; the same edit, an insert and a delete go in together.
        model->discardEdits();
        browser->refresh();
        QVERIFY(show(*browser, 0, 2));
        QVERIFY(QTest::qWaitFor([&] { return model->data(model->index(0, 2), TableModel::ValueRole).toString() == "changed elsewhere"; }, 10000));
        QVERIFY(model->setData(model->index(0, 1), QStringLiteral("Ada Lovelace")));
        QVERIFY(model->setData(model->index(1, 2), QVariant()));  // '' becomes NULL
        model->deleteRows({2});
        const int inserted = model->insertRow();
        QVERIFY(model->setData(model->index(inserted, 0), QStringLiteral("4")));
        QVERIFY(model->setData(model->index(inserted, 1), QStringLiteral("Barbara")));
        QSignalSpy applied(browser.get(), &TableBrowser::applied);
        browser->applyEdits();
        QVERIFY(applied.wait(30000));
        QCOMPARE(column(run(QStringLiteral("SELECT concat_ws('|', id, name, coalesce(note, 'NULL')) FROM people ORDER BY id")), 0),
                 (QStringList{"1|Ada Lovelace|changed elsewhere", "2|Grace|NULL", "4|Barbara|NULL"}));
        QVERIFY(model->edits().isEmpty());
    }

    void knownRelationStartsAtOnceAndIsConfirmed()
    {
        run(QStringLiteral("CREATE TABLE known (id integer PRIMARY KEY, a text); INSERT INTO known VALUES (1, 'x');"));
        Connection reader(m_cluster.spec(QStringLiteral("browse")));
        std::optional<Schema> schema = Introspector::introspectAndWait(reader);
        QVERIFY(schema);
        const RelationInfo known = RelationInfo::fromSchema(*schema, QStringLiteral("public"), QStringLiteral("known"), 1);
        QCOMPARE(known.primaryKey, QStringList{QStringLiteral("id")});
        QCOMPARE(known.columns.size(), 2);

        // The shape is still right: the first page goes out at once, and the catalogs confirm it
        // behind it (privileges arrive: the table becomes editable).
        TableBrowser browser(m_cluster.spec(QStringLiteral("browse")), QString(), QStringLiteral("public"), QStringLiteral("known"));
        browser.setKnownRelation(known);
        QSignalSpy described(&browser, &TableBrowser::described);
        browser.open();
        QVERIFY(show(browser, 0, 0));
        QVERIFY(described.wait(10000) || described.size() == 1);
        QVERIFY(browser.readOnlyReason().isEmpty());
        QCOMPARE(browser.window()->row(0)->values.value(1), QStringLiteral("x"));

        // A column added since the schema was read: the catalogs win, and the rows are read again.
        run(QStringLiteral("ALTER TABLE known ADD COLUMN b text DEFAULT 'new'"));
        TableBrowser stale(m_cluster.spec(QStringLiteral("browse")), QString(), QStringLiteral("public"), QStringLiteral("known"));
        stale.setKnownRelation(known);
        QSignalSpy staleDescribed(&stale, &TableBrowser::described);
        stale.open();
        QVERIFY(staleDescribed.wait(10000) || staleDescribed.size() == 1);
        QCOMPARE(stale.relation().columns.size(), 3);
        QVERIFY(show(stale, 0, 0));
        QCOMPARE(stale.window()->row(0)->values.value(2), QStringLiteral("new"));
    }

    void readOnlyRelationsAndErrors()
    {
        run(QStringLiteral("CREATE TABLE gone (id integer PRIMARY KEY); INSERT INTO gone VALUES (1);"
                           "CREATE VIEW big_view AS SELECT id, v FROM big WHERE id <= 5000;"
                           "CREATE MATERIALIZED VIEW big_mat AS SELECT id, name FROM big WHERE id <= 3000;"
                           "CREATE TABLE secret (id integer PRIMARY KEY);"
                           "CREATE ROLE reader LOGIN;"));
        auto view = browse(QStringLiteral("public"), QStringLiteral("big_view"));
        QVERIFY(!view->readOnlyReason().isEmpty());
        QVERIFY(show(*view, 4000, 4039));  // OFFSET: a view has no key
        QVERIFY(view->window()->row(4000));
        auto mat = browse(QStringLiteral("public"), QStringLiteral("big_mat"));
        QVERIFY(!mat->readOnlyReason().isEmpty());
        QVERIFY(show(*mat, 0, 39));

        auto gone = browse(QStringLiteral("public"), QStringLiteral("gone"));
        QVERIFY(show(*gone, 0, 0));
        run(QStringLiteral("DROP TABLE gone"));
        QSignalSpy failed(gone.get(), &TableBrowser::failed);
        gone->refresh();
        QVERIFY(failed.wait(30000));
        QVERIFY2(failed.first().first().value<PgError>().message.contains(QStringLiteral("does not exist")),
                 qPrintable(failed.first().first().value<PgError>().message));

        ConnectionSpec readerSpec = m_cluster.spec(QStringLiteral("browse"));
        readerSpec.setValue(QStringLiteral("user"), QStringLiteral("reader"));
        TableBrowser denied(readerSpec, QString(), QStringLiteral("public"), QStringLiteral("secret"));
        QSignalSpy deniedFailed(&denied, &TableBrowser::failed);
        denied.open();
        QVERIFY(deniedFailed.wait(30000));
        QVERIFY2(deniedFailed.first().first().value<PgError>().message.contains(QStringLiteral("permission denied")),
                 qPrintable(deniedFailed.first().first().value<PgError>().message));
    }
};

STRATA_TEST(TableBrowseTest)
#include "TableBrowseTest.moc"
